import ArgumentParser
import ImpactAPI

/// `impact compare`: several projects' scores side by side.
struct CompareCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare projects side by side: one column per project.",
    discussion: """
      Ranks, percentiles and contributions are within the selection the filter makes (every \
      project by default). Exits 66 naming the first id that does not exist.

      Example:
        impact compare chantier-insertion-lyon epicerie-solidaire --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions

  @Argument(help: ArgumentHelp("The projects' ids (1 to 50).", valueName: "id"))
  var ids: [String]

  func validate() throws {
    if ids.isEmpty { throw ValidationError("give at least one project id") }
    if ids.count > 50 { throw ValidationError("compare at most 50 projects, not \(ids.count)") }
  }

  func run() async throws {
    var draft = Impact_V1_CompareProjectsRequest()
    draft.ids = ids
    if !filter.isEmpty { draft.filter = filter.message }
    let request = draft
    let connection = try global.connection()
    let (response, scheme) = try await connection.run { client, _ in
      let response = try await Impact_V1_ScoringService.Client(wrapping: client).compareProjects(
        request, metadata: connection.metadata, options: connection.callOptions)
      let scheme = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        Impact_V1_GetSchemeRequest(), metadata: connection.metadata, options: connection.callOptions)
      return (response, scheme.scheme)
    }
    let renderer = global.renderer()
    let labels = SchemeLabels(scheme: scheme, language: renderer.language)
    try renderer.emit(response) {
      let scores = response.scores
      var table = Table(columns: [.text("figure", truncatable: true)] + scores.map { .number($0.projectID) })
      func row(_ name: Cell, _ cell: (Impact_V1_ProjectScore) -> Cell) {
        table.append([name] + scores.map(cell))
      }
      row("name") { Cell($0.name) }
      row("status") { Cell($0.status.displayName) }
      row("amount") { renderer.number($0.amount, .amount) }
      row("composite") { renderer.number($0.composite, .score) }
      row("quantitative") { renderer.number($0.quantitative, .score) }
      row("qualitative") { renderer.number($0.qualitative, .score) }
      row("confidence") { renderer.number($0.confidence, .decimals(3)) }
      row("depth") { renderer.number($0.depth, .dimension) }
      row("depth class") { Cell($0.depthClass.displayName) }
      row("completeness") { renderer.number($0.completeness, .percent) }
      row("class") { Cell($0.impactClass.displayName) }
      row("rank") { Cell(Int64($0.rank)) }
      row("percentile") { renderer.number($0.percentile, .score) }
      row("contribution") { renderer.number($0.contribution, .percent) }
      row("SROI") { renderer.number($0.hasSroi ? $0.sroi : nil, .decimals(2)) }
      for criterion in scheme.criteria {
        row(Cell(display: "median: \(labels.criterion(criterion.id))", csv: "median.\(criterion.id)")) { score in
          let found = score.criteria.first { $0.criterion == criterion.id }
          return renderer.number(found.flatMap { $0.hasMedian ? $0.median : nil }, .dimension)
        }
      }
      for domain in scheme.domains where scores.contains(where: { $0.domainShares.contains { $0.domain == domain.id } }) {
        row(Cell(display: "share: \(labels.domain(domain.id))", csv: "share.\(domain.id)")) { score in
          renderer.number(score.domainShares.first { $0.domain == domain.id }?.share ?? 0, .percent)
        }
      }
      return [.table(table)]
    }
  }
}
