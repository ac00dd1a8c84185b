public import Foundation

extension PortfolioJSON {
  /// The line and column, in a portfolio document, of the value a rule issue's path names
  /// (`projects[p1].outcomes[o2].threshold`, `projects[p1].ratings[0].value`,
  /// `projects[p1].risks.external`): projects and outcomes are found by their `id`. When the
  /// exact key is absent (a missing value), the nearest enclosing object; nil when the document
  /// does not parse or has no such project.
  public static func position(of path: String, in data: Data) -> (line: Int, column: Int)? {
    let bytes = [UInt8](data)
    guard let root = try? JSONParser.parse(bytes, source: "document") else { return nil }
    var node = root
    var rest = Substring(path)
    // Splits `name[key].rest` into steps: a key of an object, then an id or index in an array.
    while !rest.isEmpty {
      let nameEnd = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
      let name = String(rest[..<nameEnd])
      rest = rest[nameEnd...]
      if !name.isEmpty {
        guard let child = member(name, of: node) else { break }
        node = child
      }
      if rest.first == "[", let close = rest.firstIndex(of: "]") {
        let key = String(rest[rest.index(after: rest.startIndex)..<close])
        rest = rest[rest.index(after: close)...]
        guard case .array(let elements) = node.value else { break }
        if let found = elements.first(where: { element in
          if case .string(let id)? = member("id", of: element)?.value { return id == key }
          return false
        }) {
          node = found
        } else if let index = Int(key), elements.indices.contains(index) {
          node = elements[index]
        } else {
          break
        }
      }
      if rest.first == "." { rest = rest.dropFirst() }
    }
    return TextPositions(bytes).position(at: node.start)
  }

  private static func member(_ name: String, of node: JSONNode) -> JSONNode? {
    guard case .object(let members) = node.value else { return nil }
    return members.first { $0.key == name }?.value
  }
}

extension PortfolioJSON {
  /// The projects of a document that ``decode(_:source:)`` refuses which are read whole on
  /// their own, so that a caller can check their rules too and report every problem of the
  /// document at once, not only its format errors. Empty when the text is not JSON, has no
  /// `projects` array, or carries its own `scheme` (whose rules would be the ones to check).
  public static func projectsReadWhole(_ data: Data) -> [Project] {
    let bytes = [UInt8](data)
    guard let root = try? JSONParser.parse(bytes, source: "document"),
      case .object(let members) = root.value, !members.contains(where: { $0.key == "scheme" }),
      case .array(let elements)? = members.first(where: { $0.key == "projects" })?.value.value
    else { return [] }
    return elements.enumerated().compactMap { index, node in
      let reader = JSONFieldReader(source: "document", bytes: bytes)
      let project = readProject(node, at: "projects[\(index)]", reader: reader)
      return reader.issues.isEmpty ? project : nil
    }
  }
}
