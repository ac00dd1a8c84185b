import Foundation

/// Opaque page tokens: the base64url of the last key of the previous page, so that paging is
/// stable while projects are added or removed.
enum PageToken {
  static func make(after key: String) -> String {
    Data(key.utf8).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  static func key(from token: String, field: String = "page_token") throws -> String? {
    guard !token.isEmpty else { return nil }
    var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    guard let data = Data(base64Encoded: base64), let key = String(data: data, encoding: .utf8) else {
      throw RPCErrorFactory.pageToken(field)
    }
    return key
  }

  /// The numeric key (an observation id, a revision) a token carries, or `nil` for no token.
  static func integerKey(from token: String, field: String = "page_token") throws -> Int64? {
    try key(from: token, field: field).map { key in
      guard let value = Int64(key) else {
        throw RPCErrorFactory.pageToken(field)
      }
      return value
    }
  }
}
