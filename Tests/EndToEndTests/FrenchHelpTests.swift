import Foundation
import Testing

/// Every `--help` page of the real `impact` binary in French: the commands' texts and
/// ArgumentParser's headings, no English sentence left, every line within 80 columns.
@Suite("French help pages")
struct FrenchHelpTests {
  static let commands: [[String]] = [
    [], ["status"], ["import"], ["export"], ["projects"], ["projects", "list"], ["projects", "show"],
    ["projects", "delete"], ["find"], ["score"], ["rank"], ["scores"], ["compare"], ["portfolio"], ["coverage"],
    ["whatif"], ["rate"], ["observe"], ["observations"], ["scheme"], ["scheme", "show"], ["scheme", "set"],
    ["watch"], ["audit"], ["trend"],
  ]

  /// Words that only an English sentence holds (none of them is French).
  static let englishWords: Set<String> = [
    "the", "of", "with", "when", "project", "show", "print", "prints", "and", "or", "to", "is", "for", "only",
    "every", "each", "which", "default", "values", "help", "information", "see", "detailed", "exit", "exits",
    "repeatable", "usage", "overview", "subcommands", "this", "that", "its", "from", "after", "before", "record",
    "replace", "delete", "list", "returns", "unless", "otherwise", "whose", "write", "writes",
  ]

  /// The prose of a help page: without the example lines, the usage line, and the words that
  /// are option names, value names, ids or literal values.
  static func proseWords(_ page: String) -> [String] {
    var words: [String] = []
    var inExample = false
    var inUsage = false
    for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.isEmpty {
        inExample = false
        inUsage = false
        continue
      }
      if line.hasPrefix("Exemple") { inExample = true }
      if line.hasPrefix("SYNTAXE") { inUsage = true }
      if inExample || inUsage { continue }
      // What « » quote is literal: a command, a separator.
      var trimmed = line.replacing(#/« [^»]* »/#, with: "").trimmingCharacters(in: .whitespaces)
      // A subcommand's name starts its line in the root page's list.
      if line.hasPrefix("  "), !trimmed.hasPrefix("-"), let gap = trimmed.range(of: "  ") {
        trimmed = String(trimmed[gap.upperBound...])
      }
      for token in trimmed.split(separator: " ") {
        if token.contains(where: { "-_=/<>`'\".:{}[]@".contains($0) && $0 != ":" }) { continue }
        let word = token.trimmingCharacters(in: .punctuationCharacters).lowercased()
        if !word.isEmpty { words.append(word) }
      }
    }
    return words
  }

  @Test("--help --lang fr is French and fits 80 columns", arguments: commands)
  func frenchPage(_ command: [String]) async throws {
    let run = try await CLIRun.impact(command + ["--help", "--lang", "fr"], environment: ["COLUMNS": "80"])
    #expect(run.status == 0, "\(run.stderr)")
    let page = run.stdout
    #expect(page.hasPrefix("RÉSUMÉ : "), "\(page)")
    #expect(page.contains("OPTIONS :") || command.isEmpty, "\(page)")
    #expect(page.contains("Afficher cette aide."), "\(page)")
    for line in page.split(separator: "\n") {
      #expect(line.count <= 80, "\(command): \(line.count) columns: \(line)")
    }
    let english = Self.proseWords(page).filter { Self.englishWords.contains($0) }
    #expect(english.isEmpty, "\(command): English words \(english) in:\n\(page)")
  }

  @Test(
    "IMPACT_LANG=fr and a French locale choose French help too",
    arguments: [["IMPACT_LANG": "fr"], ["LANG": "fr_FR.UTF-8"]])
  func frenchFromEnvironment(_ environment: [String: String]) async throws {
    let run = try await CLIRun.impact(["audit", "--help"], environment: environment.merging(["COLUMNS": "80"]) { $1 })
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("SYNTAXE : impact audit"), "\(run.stdout)")
    #expect(run.stdout.contains("Seulement les écritures de cet auteur"), "\(run.stdout)")
  }

  @Test(
    "impact help COMMAND, and a command group without its subcommand, take --lang too",
    arguments: [
      ["help", "scheme", "set", "--lang", "fr"], ["--lang", "fr", "help", "audit"], ["help", "watch", "--lang=fr"],
      [], ["projects"],
    ])
  func helpCommandTakesLanguage(_ arguments: [String]) async throws {
    // A command group takes no options: IMPACT_LANG chooses for `impact` and `impact projects`.
    let environment = arguments.contains { $0.hasPrefix("--lang") } ? [:] : ["IMPACT_LANG": "fr"]
    let run = try await CLIRun.impact(arguments, environment: environment.merging(["COLUMNS": "80"]) { $1 })
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("RÉSUMÉ : "), "\(run.stdout)")
  }

  @Test(
    "a usage on two lines keeps its second line under the first's words, in help and errors",
    arguments: [
      ["rate", "--help", "--lang", "fr"], ["rate", "x", "--lang", "fr"],
    ])
  func usageContinuationIsAligned(_ arguments: [String]) async throws {
    let run = try await CLIRun.impact(arguments, environment: ["COLUMNS": "80"])
    let lines = (run.stdout + run.stderr).split(separator: "\n").map(String.init)
    let first = try #require(
      lines.firstIndex { $0.hasPrefix("SYNTAXE : impact rate ") || $0.hasPrefix("Syntaxe : impact rate ") })
    let next = lines[first + 1]
    #expect(next.prefix { $0 == " " }.count == "Syntaxe : impact rate ".count, "\(lines)")
    #expect(next.hasSuffix("--value <value>"), "\(lines)")
  }

  @Test(
    "completion scripts and the help dump are not rewritten in French",
    arguments: [
      ["--generate-completion-script", "bash"], ["--generate-completion-script", "zsh"], ["--experimental-dump-help"],
    ])
  func machineOutputIsUntouched(_ arguments: [String]) async throws {
    let french = try await CLIRun.impact(arguments, environment: ["IMPACT_LANG": "fr", "COLUMNS": "80"])
    #expect(french.status == 0, "\(french.stderr)")
    #expect(!french.stdout.isEmpty)
    #expect(!french.stdout.contains("RÉSUMÉ"), "\(french.stdout.prefix(400))")
    // Only the commands' own texts differ from English, never the layout ArgumentParser chose.
    let english = try await CLIRun.impact(arguments, environment: ["IMPACT_LANG": "en", "COLUMNS": "80"])
    #expect(
      french.stdout.split(separator: "\n").count == english.stdout.split(separator: "\n").count
        || arguments.first == "--experimental-dump-help", "line counts differ")
  }

  @Test("English help keeps ArgumentParser's words and the English texts")
  func englishPage() async throws {
    let run = try await CLIRun.impact(["rate", "--help"], environment: ["COLUMNS": "80"])
    #expect(run.status == 0, "\(run.stderr)")
    for text in [
      "OVERVIEW: ", "USAGE: impact rate", "ARGUMENTS:", "OPTIONS:", "(default: 10.0)", "Show help information.",
      "The criterion's id", "Example:",
    ] {
      #expect(run.stdout.contains(text), "\(text) missing:\n\(run.stdout)")
    }
    #expect(!run.stdout.contains("RÉSUMÉ"), "\(run.stdout)")
  }

}
