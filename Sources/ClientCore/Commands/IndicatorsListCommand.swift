import Analytics
import ArgumentParser
import Localization

/// `impact indicators list`: the bank's indicators, optionally of one domain or kind.
struct IndicatorsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: HelpText.l("help.indicators.list.abstract"),
    discussion: """
      \(HelpText.l("help.indicators.discussion"))

      \(HelpText.l("help.example"))
        impact indicators list --domain health --kind outcome
        impact indicators list --output csv > indicators.csv
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var selection: IndicatorSelectionOptions

  func validate() throws {
    try selection.check(.shipped, language: global.language)
  }

  func run() throws {
    let bank = IndicatorBank.shipped
    try IndicatorTables(bank: bank, renderer: global.renderer())
      .emitList(bank.indicators(domain: selection.domain, kind: selection.kind))
  }
}

/// `impact indicators search WORDS`: the bank's indicators whose id, name or definition, in
/// French or English, holds every word.
struct IndicatorsSearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: HelpText.l("help.indicators.search.abstract"),
    discussion: """
      \(HelpText.l("help.indicators.discussion"))

      \(HelpText.l("help.example"))
        impact indicators search loyer
        impact indicators search isolement --kind outcome
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var selection: IndicatorSelectionOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.indicators.words")))
  var words: [String]

  func validate() throws {
    guard words.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
      throw ValidationError(global.language.localizer("find.words-required"))
    }
    try selection.check(.shipped, language: global.language)
  }

  func run() throws {
    let bank = IndicatorBank.shipped
    try IndicatorTables(bank: bank, renderer: global.renderer()).emitList(
      bank.indicators(domain: selection.domain, kind: selection.kind, matching: words.joined(separator: " ")))
  }
}
