public import GRPCCore
public import Localization

/// The language a caller reads, from the `accept-language` metadata (RFC 9110 syntax, as in
/// HTTP: `fr`, `fr-FR`, `fr-CA, en;q=0.5`): the first of the catalogue's languages by
/// preference, English when the caller names none we have.
public enum RequestLanguage {
  /// The metadata key clients send their language in.
  public static let metadataKey = "accept-language"

  /// The language `metadata` asks for.
  public static func of(_ metadata: Metadata) -> Language {
    for value in metadata[stringValues: metadataKey] {
      if let language = parse(value) { return language }
    }
    return .en
  }

  /// The preferred language of one `accept-language` value we have; nil when none.
  public static func parse(_ header: String) -> Language? {
    var ranges: [(language: Language, weight: Double, position: Int)] = []
    for (position, part) in header.split(separator: ",").enumerated() {
      let pieces = part.split(separator: ";").map { $0.trimmingWhitespace() }
      guard let tag = pieces.first, !tag.isEmpty else { continue }
      var weight = 1.0
      for parameter in pieces.dropFirst() where parameter.lowercased().hasPrefix("q=") {
        weight = Double(parameter.dropFirst(2)) ?? 0
      }
      let primary = tag.prefix { $0 != "-" && $0 != "_" }.lowercased()
      guard weight > 0, let language = Language(rawValue: primary) else { continue }
      ranges.append((language, weight, position))
    }
    return ranges.min { ($0.weight, -$0.position) > ($1.weight, -$1.position) }?.language
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
