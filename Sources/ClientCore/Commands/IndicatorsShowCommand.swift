import Analytics
import ArgumentParser

/// `impact indicators show ID`: everything the bank says about one indicator.
struct IndicatorsShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: HelpText.l("help.indicators.show.abstract"),
    discussion: """
      \(HelpText.l("help.indicators.discussion"))

      \(HelpText.l("help.example"))
        impact indicators show housing.cost_effort_rate
        impact indicators show income.below_poverty_line --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.indicators.id"), valueName: "indicator-id"))
  var id: String

  func run() throws {
    let bank = IndicatorBank.shipped
    guard let indicator = bank.indicator(id) else {
      let nearest = NearestValues.nearest(to: id, in: bank.indicators.map(\.id), limit: 3)
      throw CommandFailure(
        .notFound,
        .l(
          "error.indicators.unknown",
          [
            "id": id, "edition": bank.edition, "nearest": nearest.isEmpty ? "–" : nearest.joined(separator: ", "),
          ]))
    }
    try IndicatorTables(bank: bank, renderer: global.renderer()).emitDetail(indicator)
  }
}
