/// A search for projects by what people remember of them: words of the id, name, programme or
/// territory, in any case, with or without accents (`pension rennes`, `hebergement`).
///
/// A project matches when every word of the query starts a word of one of those four texts:
/// `heberg` finds `Hébergement`, but `ile` does not find `exilées`.
public struct ProjectSearch: Sendable, Hashable {
  /// The folded words of the query; none selects every project.
  public let words: [String]

  public init(_ query: String) {
    words = SearchKey(query).words.map(String.init)
  }

  /// Whether the search selects every project.
  public var selectsAll: Bool { words.isEmpty }

  public func matches(_ project: Project) -> Bool {
    guard !words.isEmpty else { return true }
    let projectWords = [project.id, project.name, project.programme, project.territory].flatMap { SearchKey($0).words }
    return words.allSatisfy { word in projectWords.contains { $0.hasPrefix(word) } }
  }
}
