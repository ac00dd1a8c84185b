import Analytics
import Foundation

extension Project {
  /// Whether `other` holds the same project, its `extra` compared as JSON values: a document
  /// passed through `jq` writes `"santé"` where the export wrote `"sant\u00e9"`, and reorders
  /// nothing else; an import of it changes nothing and must make no revision.
  func hasSameContent(as other: Project) -> Bool {
    if self == other { return true }
    var left = self
    var right = other
    left.extra = Self.canonicalJSON(extra)
    right.extra = Self.canonicalJSON(other.extra)
    return left == right
  }

  /// `text` parsed and written again with sorted keys and no optional escapes; `text` itself
  /// when it is not JSON (the validator names that elsewhere).
  static func canonicalJSON(_ text: String?) -> String? {
    guard let text, let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
      let data = try? JSONSerialization.data(
        withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    else { return text }
    return String(decoding: data, as: UTF8.self)
  }
}
