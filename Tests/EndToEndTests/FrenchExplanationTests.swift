import Foundation
import Testing

/// `impact score ID --explain --lang fr`: every step, formula word, input name and note in
/// French, for every project of the demo portfolio; ids and symbols as they are.
@Suite("impact score --explain in French", .serialized)
struct FrenchExplanationTests {
  /// English words of the explanation (with those `FrenchOutputTests` checks everywhere).
  static let explanationWords: Set<String> = FrenchOutputTests.englishWords.union([
    "quantitative", "qualitative", "social", "counting", "counts", "absent", "harmful", "unrated", "rating",
    "mitigation", "deadweight", "displacement", "survey", "beneficiary", "gap", "progress", "present",
    "factor", "mean", "the", "of", "and", "else", "if", "otherwise", "from", "for", "over", "weights",
    "neither", "nor", "clamp", "slightly", "very_much", "drop_off", "raters", "disagree", "counting",
  ])

  /// The English words of `text` outside `allowed`.
  static func englishWords(in text: String, allowed: [String]) -> [String] {
    var cleaned = text
    for name in allowed.sorted(by: { $0.count > $1.count }) where !name.isEmpty {
      cleaned = cleaned.replacingOccurrences(of: name, with: " ")
    }
    let words = cleaned.split { !($0.isLetter || $0 == "_" || $0 == "-" || $0 == "'") }
    return words.map { $0.lowercased() }.filter { explanationWords.contains($0) }
  }

  /// The explanation part of a French `score --explain` (the tables before it are checked by
  /// `FrenchOutputTests`).
  static func explanation(_ output: String) -> Substring {
    guard let start = output.range(of: "détail du calcul") else { return "" }
    return output[start.lowerBound...]
  }

  /// The ids one explanation quotes: its outcomes' and criteria's ids and its risk types (the
  /// inputs of the mean risk), read from its JSON. Symbols (`w_S`, `r`) are not words of the list
  /// and stay in the text, so that removing them hides no word.
  static func quotedIDs(_ json: String) throws -> [String] {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let score = object?["score"] as? [String: Any] ?? [:]
    let steps = (score["explanation"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []
    var ids: [String] = []
    for step in steps {
      for parameter in step["parameters"] as? [[String: Any]] ?? [] {
        let name = parameter["name"] as? String
        if name == "outcome" || name == "criterion", let id = (parameter["value"] as? [String: Any])?["text"] as? String
        {
          ids.append(id)
        }
      }
      for input in step["inputs"] as? [[String: Any]] ?? [] where step["key"] as? String == "mean_risk" {
        if let name = input["name"] as? String { ids.append(name) }
      }
    }
    return ids
  }

  @Test("every project's explanation is French, and English is English", .timeLimit(.minutes(3)))
  func explanationsSpeakFrench() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let list = try await CLIRun.impact(["projects", "list", "--output", "csv"], daemon: daemon)
    #expect(list.status == 0, "\(list.stderr)")
    let ids = list.stdout.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").first }
      .map(String.init)
    #expect(ids.count > 20, "the demo portfolio should hold its projects: \(ids.count)")
    var notes = 0
    for id in ids {
      let json = try await CLIRun.impact(["score", id, "--explain", "--json"], daemon: daemon)
      #expect(json.status == 0, "\(json.stderr)")
      let allowed = try Self.quotedIDs(json.stdout) + [id]
      let french = try await CLIRun.impact(["score", id, "--explain", "--lang", "fr"], daemon: daemon)
      #expect(french.status == 0, "impact score \(id) --explain --lang fr: \(french.stderr)")
      let explanation = Self.explanation(french.stdout)
      #expect(explanation.contains("médiane des notes"), "impact score \(id) --explain --lang fr:\n\(french.stdout)")
      notes += explanation.components(separatedBy: "remarque : ").count - 1
      let english = Self.englishWords(in: String(explanation), allowed: allowed)
      #expect(english.isEmpty, "impact score \(id) --explain --lang fr shows English words \(english):\n\(explanation)")
    }
    #expect(notes > ids.count, "the demo's explanations should carry notes to check: \(notes)")
    // The same check on English output finds English: it is not one that cannot fail.
    let english = try await CLIRun.impact(["score", ids[0], "--explain", "--lang", "en"], daemon: daemon)
    let explanation = english.stdout[
      (english.stdout.range(of: "\nexplanation\n")?.lowerBound ?? english.stdout.startIndex)...]
    #expect(
      Set(Self.englishWords(in: String(explanation), allowed: [])).isSuperset(of: [
        "median", "ratings", "criterion", "depth",
      ]),
      "\(explanation)")
    await daemon.stop()
  }
}
