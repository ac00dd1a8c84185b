import ArgumentParser
import ImpactAPI
import Localization

/// `impact scheme show`: the current scheme.
struct SchemeShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: HelpText.l("help.scheme.show.abstract"),
    discussion: """
      \(HelpText.l("tables.help.scheme_show.discussion"))

      \(HelpText.l("help.example"))
        impact scheme show --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var history: AtOptions

  @Flag(help: ArgumentHelp(HelpText.l("help.scheme.show.document")))
  var document = false

  func run() async throws {
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        history.schemeRequest, metadata: connection.metadata, options: connection.callOptions)
    }
    if document {
      StandardStreams.writeLine(response.documentJson)
      return
    }
    let renderer = global.renderer()
    let scheme = response.scheme
    let labels = SchemeLabels(scheme: scheme, language: renderer.language)
    try renderer.emit(response) {
      let weights = scheme.quantitativeWeights
      let list: ([Double]) -> Cell = { values in
        Cell(
          display: values.map { renderer.number($0, .decimals(2)).display }.joined(separator: " "),
          csv: values.map(NumberStyle.raw).joined(separator: " ")
        )
      }
      let l = renderer.l
      let constants = Table.fields(
        title: l("scheme.title", ["id": scheme.id]),
        [
          ("reach reference", l("label.reach_reference"), renderer.number(scheme.reachReference, .integer)),
          (
            "duration horizon (years)", l("label.duration_horizon"),
            renderer.number(scheme.durationHorizonYears, .decimals(1))
          ),
          (
            "weights scale/depth/duration/contribution", l("label.quantitative_weights"),
            list([weights.scale, weights.depth, weights.duration, weights.contribution])
          ),
          ("blend", l("label.blend"), renderer.number(scheme.blend, .decimals(2))),
          ("evidence factors (levels 1-5)", l("label.evidence_factors"), list(scheme.evidenceFactors)),
          (
            "risk types", l("label.risk_types"),
            Cell(
              display: scheme.riskTypes.map(labels.riskType).joined(separator: ", "),
              csv: scheme.riskTypes.joined(separator: " "))
          ),
          ("unknown risk", l("label.unknown_risk"), renderer.number(scheme.unknownRisk, .decimals(2))),
          ("coverage threshold", l("label.coverage_threshold"), renderer.number(scheme.coverageThreshold, .percent)),
          (
            "insufficient data below", l("label.insufficient_data_below"),
            renderer.number(scheme.insufficientDataBelow, .percent)
          ),
          ("discount rate", l("label.discount_rate"), renderer.number(scheme.discountRate, .percent)),
          ("revision", l("label.revision"), Cell(response.revision)),
        ])
      var criteria = Table(
        title: l("scheme.criteria.title"),
        columns: [
          .text("id", l("label.id")), .text("label", l("label.label"), truncatable: true),
          .number("weight", l("label.weight")),
        ])
      for criterion in scheme.criteria {
        criteria.append([
          Cell(criterion.id), Cell(labels.criterion(criterion.id)), renderer.number(criterion.weight, .percent),
        ])
      }
      // What each rating level means: the scheme's words when it gives them, the method's
      // general meaning otherwise, so that a committee member rates on the same scale.
      var levels = Table(
        title: l("tables.scheme.levels.title"),
        columns: [
          .text("criterion", l("tables.scheme.levels.criterion"), truncatable: true),
          .number("level", l("tables.scheme.levels.level")),
          .text("meaning", l("tables.scheme.levels.meaning"), truncatable: true),
          .text("source", l("tables.scheme.levels.source")),
        ])
      for criterion in scheme.criteria {
        for level in 0...4 {
          let given = criterion.levels[Int32(level)].map { labels.text($0, fallback: "") } ?? ""
          levels.append([
            Cell(display: level == 0 ? labels.criterion(criterion.id) : "", csv: criterion.id),
            Cell(Int64(level)),
            Cell(given.isEmpty ? l("tables.scheme.level.\(level)") : given),
            given.isEmpty
              ? Cell(display: l("tables.scheme.levels.from_method"), csv: "method")
              : Cell(display: l("tables.scheme.levels.from_scheme"), csv: "scheme"),
          ])
        }
      }
      var domains = Table(
        title: l("scheme.domains.title"),
        columns: [
          .text("id", l("label.id")), .text("label", l("label.label"), truncatable: true),
          .text("strategic", l("label.strategic")),
        ])
      for domain in scheme.domains {
        domains.append([Cell(domain.id), Cell(labels.domain(domain.id)), Cell(domain.strategic, renderer.l)])
      }
      return [.table(constants), .table(criteria), .table(levels), .table(domains)]
    }
  }
}
