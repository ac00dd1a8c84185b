import Foundation
import Testing

@testable import Localization

@Suite("The catalogues")
struct CatalogueTests {
  @Test("Both languages have the same keys")
  func sameKeys() {
    let english = Set(Catalogue.entries(.en).keys)
    let french = Set(Catalogue.entries(.fr).keys)
    #expect(english.subtracting(french).sorted() == [], "keys without French")
    #expect(french.subtracting(english).sorted() == [], "keys without English")
  }

  @Test("Each key uses the same placeholders in both languages")
  func samePlaceholders() {
    for (key, english) in Catalogue.entries(.en) {
      guard let french = Catalogue.entries(.fr)[key] else { continue }
      #expect(
        Catalogue.placeholders(english) == Catalogue.placeholders(french),
        "\(key): '\(english)' and '\(french)' differ in placeholders")
    }
  }

  @Test("No text is empty")
  func nothingEmpty() {
    for language in Language.allCases {
      for (key, text) in Catalogue.entries(language) where text.isEmpty {
        Issue.record("\(language.rawValue): \(key) is empty")
      }
    }
  }

  @Test("Every key the sources use is in the catalogues")
  func everyUsedKeyExists() throws {
    let sources = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources")
    let used = try Self.usedKeys(under: sources)
    #expect(!used.isEmpty)
    let known = Set(Catalogue.entries(.en).keys)
    for (key, file) in used.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
      Issue.record("\(file) uses '\(key)', which no catalogue has")
    }
  }

  @Test("Placeholders are filled, unknown ones kept")
  func filling() {
    #expect(
      Catalogue.fill("cannot read {path}: {reason}", ["path": "a.csv", "reason": "gone"]) == "cannot read a.csv: gone")
    #expect(Catalogue.fill("{unknown} stays", ["path": "x"]) == "{unknown} stays")
    #expect(Catalogue.fill("a { b", ["b": "x"]) == "a { b")
    #expect(Catalogue.text("no.such.key", .fr) == "no.such.key")
  }

  @Test(
    "The locale names the language",
    arguments: [
      (["LANG": "fr_FR.UTF-8"], Language.fr),
      (["LANG": "en_GB.UTF-8", "LC_ALL": "fr_CA"], .fr),
      (["LC_MESSAGES": "fr", "LANG": "en_US"], .fr),
      (["LANG": "C.UTF-8"], nil),
      ([:], nil),
    ])
  func locale(environment: [String: String], expected: Language?) {
    #expect(Language.fromLocale(environment) == expected)
  }

  /// The keys used by `l(`, `localizer(` or `Catalogue.text(` in Swift code (not comments), with a file using each.
  static func usedKeys(under root: URL) throws -> [String: String] {
    let pattern = try NSRegularExpression(pattern: #"\b(?:l|localizer|Catalogue\.text)\(\s*"([a-z0-9_.\-]+)""#)
    var keys: [String: String] = [:]
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let file = files?.nextObject() as? URL {
      guard file.pathExtension == "swift", !file.path.contains("/Generated/") else { continue }
      // Comments may show a key as an example; only code counts.
      let text = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.drop { $0 == " " }.hasPrefix("//") }.joined(separator: "\n")
      let range = NSRange(text.startIndex..., in: text)
      for match in pattern.matches(in: text, range: range) {
        if let keyRange = Range(match.range(at: 1), in: text) { keys[String(text[keyRange])] = file.lastPathComponent }
      }
    }
    return keys
  }
}
