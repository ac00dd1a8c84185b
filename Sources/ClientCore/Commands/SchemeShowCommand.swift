import ArgumentParser
import ImpactAPI

/// `impact scheme show`: the current scheme.
struct SchemeShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show the current scheme: constants, criteria with weights, domains with labels.",
    discussion: """
      --document prints the scheme document (JSON), the form `impact scheme set` reads.

      Example:
        impact scheme show --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Print the scheme document (JSON) instead.")
  var document = false

  func run() async throws {
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        Impact_V1_GetSchemeRequest(), metadata: connection.metadata, options: connection.callOptions)
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
      let constants = Table.fields(title: "scheme \(scheme.id)", [
        ("reach reference", renderer.number(scheme.reachReference, .integer)),
        ("duration horizon (years)", renderer.number(scheme.durationHorizonYears, .decimals(1))),
        ("weights scale/depth/duration/contribution", list([weights.scale, weights.depth, weights.duration, weights.contribution])),
        ("blend", renderer.number(scheme.blend, .decimals(2))),
        ("evidence factors (levels 1-5)", list(scheme.evidenceFactors)),
        ("risk types", Cell(scheme.riskTypes.joined(separator: " "))),
        ("unknown risk", renderer.number(scheme.unknownRisk, .decimals(2))),
        ("coverage threshold", renderer.number(scheme.coverageThreshold, .percent)),
        ("insufficient data below", renderer.number(scheme.insufficientDataBelow, .percent)),
        ("discount rate", renderer.number(scheme.discountRate, .percent)),
        ("revision", Cell(response.revision)),
      ])
      var criteria = Table(title: "criteria", columns: [.text("id"), .text("label", truncatable: true), .number("weight")])
      for criterion in scheme.criteria {
        criteria.append([Cell(criterion.id), Cell(labels.criterion(criterion.id)), renderer.number(criterion.weight, .percent)])
      }
      var domains = Table(title: "domains", columns: [.text("id"), .text("label", truncatable: true), .text("strategic")])
      for domain in scheme.domains {
        domains.append([Cell(domain.id), Cell(labels.domain(domain.id)), Cell(domain.strategic, renderer.l)])
      }
      return [.table(constants), .table(criteria), .table(domains)]
    }
  }
}
