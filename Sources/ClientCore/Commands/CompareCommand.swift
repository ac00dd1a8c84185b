import ArgumentParser
import GRPCCore
import ImpactAPI
import Localization

/// `impact compare`: several projects' scores side by side.
struct CompareCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: HelpText.l("help.compare.abstract"),
    discussion: """
      \(HelpText.l("tables.help.compare.discussion"))

      \(HelpText.l("tables.help.compare.layout"))

      \(HelpText.l("help.example"))
        impact compare pension-de-famille-rennes epicerie-solidaire-roubaix --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var history: AtOptions
  @OptionGroup var filter: FilterOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.compare.ids"), valueName: "id"))
  var ids: [String]

  func validate() throws {
    let l = global.language.localizer
    if ids.isEmpty { throw ValidationError(l("error.compare.no_ids")) }
    if ids.count > 50 { throw ValidationError(l("error.compare.too_many", ["count": String(ids.count)])) }
  }

  func run() async throws {
    var draft = Impact_V1_CompareProjectsRequest()
    if let at = history.message { draft.at = at }
    draft.ids = ids
    if !filter.isEmpty { draft.filter = filter.message }
    let request = draft
    let connection = try global.connection()
    let (response, scheme) = try await connection.run { client, _ in
      let scoring = Impact_V1_ScoringService.Client(wrapping: client)
      let response: Impact_V1_CompareProjectsResponse
      do {
        response = try await scoring.compareProjects(
          request, metadata: connection.metadata, options: connection.callOptions)
      } catch let error as RPCError where error.code == .notFound {
        // Some id is the start of a project's id or name (`pension`): each is looked up.
        var resolved = request
        resolved.ids = []
        for id in request.ids {
          resolved.ids.append(try await ProjectReference.id(id, client: client, connection: connection))
        }
        guard resolved.ids != request.ids else { throw error }
        response = try await scoring.compareProjects(
          resolved, metadata: connection.metadata, options: connection.callOptions)
      }
      let scheme = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        history.schemeRequest, metadata: connection.metadata, options: connection.callOptions)
      return (response, scheme.scheme)
    }
    let renderer = global.renderer()
    let labels = SchemeLabels(scheme: scheme, language: renderer.language)
    let l = renderer.l
    try renderer.emit(response) {
      let scores = response.scores
      // People read each project's name over its column, wrapped when narrow; CSV and
      // `--columns` keep the ids that scripts know.
      let projectColumns = scores.map { score in
        Table.Column(
          header: score.name.isEmpty ? score.projectID : score.name, alignment: .right, truncatable: true,
          csvName: score.projectID)
      }
      var table = Table(columns: [.text("figure", l("tables.compare.figure"), truncatable: true)] + projectColumns)
      table.firstColumnNamesRows = true
      table.blocksWhenNarrow = true
      func row(_ name: String, _ label: String, _ cell: (Impact_V1_ProjectScore) -> Cell) {
        table.append([Cell(display: label, csv: name)] + scores.map(cell))
      }
      // The names are in the header, so people read the ids on the first row; CSV keeps its
      // `name` row (its header holds the ids).
      table.append(
        [Cell(display: l("tables.compare.project"), csv: "name")]
          + scores.map { Cell(display: $0.projectID, csv: $0.name) })
      row("status", l("tables.figure.status")) { Cell($0.status, l) }
      row("amount", l("tables.figure.amount")) { renderer.number($0.amount, .amount) }
      row("composite", l("tables.figure.composite")) { renderer.number($0.composite, .score) }
      row("quantitative", l("tables.figure.quantitative")) { renderer.number($0.quantitative, .score) }
      row("qualitative", l("tables.figure.qualitative")) { renderer.number($0.qualitative, .score) }
      row("confidence", l("tables.figure.confidence")) { renderer.number($0.confidence, .decimals(3)) }
      row("depth", l("tables.figure.depth")) { renderer.number($0.depth, .dimension) }
      row("depth class", l("tables.figure.depth_class")) { Cell($0.depthClass, l) }
      row("completeness", l("tables.figure.completeness")) { renderer.number($0.completeness, .percent) }
      row("class", l("tables.figure.class")) { Cell($0.impactClass, l) }
      row("rank", l("tables.figure.rank")) { Cell(Int64($0.rank)) }
      row("percentile", l("tables.figure.percentile")) { renderer.number($0.percentile, .score) }
      row("contribution", l("tables.figure.contribution")) { renderer.number($0.contribution, .percent) }
      row("SROI", l("tables.figure.sroi")) { renderer.number($0.hasSroi ? $0.sroi : nil, .decimals(2)) }
      for criterion in scheme.criteria {
        row("median.\(criterion.id)", l("tables.compare.median", ["criterion": labels.criterion(criterion.id)])) {
          score in
          let found = score.criteria.first { $0.criterion == criterion.id }
          return renderer.number(found.flatMap { $0.hasMedian ? $0.median : nil }, .dimension)
        }
      }
      for domain in scheme.domains where scores.contains(where: { $0.domainShares.contains { $0.domain == domain.id } })
      {
        row("share.\(domain.id)", l("tables.compare.share", ["domain": labels.domain(domain.id)])) { score in
          renderer.number(score.domainShares.first { $0.domain == domain.id }?.share ?? 0, .percent)
        }
      }
      return [.table(table)]
    }
  }
}
