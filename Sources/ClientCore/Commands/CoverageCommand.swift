import ArgumentParser
import ImpactAPI
import Localization

/// `impact coverage`: the domain × depth-class matrix.
struct CoverageCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: HelpText.l("help.coverage.abstract"),
    discussion: """
      \(HelpText.l("help.coverage.discussion"))

      \(HelpText.l("help.example"))
        impact coverage --programme Insertion
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var history: AtOptions
  @OptionGroup var filter: FilterOptions

  func run() async throws {
    var draft = Impact_V1_GetPortfolioSummaryRequest()
    if let at = history.message { draft.at = at }
    if !filter.isEmpty { draft.filter = filter.message }
    let request = draft
    let connection = try global.connection()
    let filter = self.filter
    let language = global.language
    let (response, scheme) = try await connection.run { client, _ in
      let response = try await Impact_V1_ScoringService.Client(wrapping: client).getPortfolioSummary(
        request, metadata: connection.metadata, options: connection.callOptions)
      if response.summary.projects == 0 {
        try await filter.reportEmptySelection(client: client, connection: connection, language: language)
      }
      let scheme = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        history.schemeRequest, metadata: connection.metadata, options: connection.callOptions)
      return (response, scheme.scheme)
    }
    let renderer = global.renderer()
    let labels = SchemeLabels(scheme: scheme, language: renderer.language)
    let matrix = response.summary.matrix
    try renderer.emit(response) {
      if renderer.format == .csv {
        var cells = Table(columns: [.text("domain"), .text("depth_class"), .number("outcomes"), .number("amount")])
        for cell in matrix {
          cells.append([
            Cell(cell.domain), Cell(cell.depthClass.displayName), Cell(cell.outcomes),
            renderer.number(cell.amount, .amount),
          ])
        }
        return [.table(cells)]
      }
      let l = renderer.l
      let classes = Impact_V1_DepthClass.ordered
      var table = Table(
        title: l("coverage.title"),
        columns: [.text("domain", l("label.domain"), truncatable: true)]
          + classes.map { .number($0.displayName, $0.label(l)) } + [.number("total", l("label.total"))]
      )
      var domainIDs = scheme.domains.map(\.id)
      for cell in matrix where !domainIDs.contains(cell.domain) { domainIDs.append(cell.domain) }
      let strategic = Set(scheme.domains.filter(\.strategic).map(\.id))
      for domain in domainIDs {
        let cells = matrix.filter { $0.domain == domain }
        guard !cells.isEmpty || strategic.contains(domain) else { continue }
        var row = [Cell(labels.domain(domain))]
        for depthClass in classes {
          let found = cells.filter { $0.depthClass == depthClass }
          row.append(entry(found, renderer))
        }
        row.append(entry(cells, renderer))
        table.append(row)
      }
      var totals = [Cell(l("label.total"))]
      for depthClass in classes { totals.append(entry(matrix.filter { $0.depthClass == depthClass }, renderer)) }
      totals.append(entry(matrix, renderer))
      table.append(totals)
      return [.table(table)]
    }
  }

  private func entry(_ cells: [Impact_V1_MatrixCell], _ renderer: Renderer) -> Cell {
    let outcomes = cells.reduce(Int64(0)) { $0 + $1.outcomes }
    guard outcomes > 0 else { return Cell("·") }
    let amount = cells.reduce(0.0) { $0 + $1.amount }
    return Cell("\(outcomes) · \(renderer.number(amount, .amount).display)")
  }
}
