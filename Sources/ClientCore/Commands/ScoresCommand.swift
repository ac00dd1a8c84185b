import Analytics
import ArgumentParser
import Foundation
import GRPCCore
import ImpactAPI
import Localization

/// `impact scores`: every selected project's full score, one row per project. CSV and JSON are
/// printed as the daemon streams them, so that a portfolio of any size goes to a spreadsheet in
/// one command; the table is collected first, so that it is laid out like every other table
/// (names wrapped, never cut; `--wide`, `--columns`).
struct ScoresCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scores",
    abstract: HelpText.l("help.scores.abstract"),
    discussion: """
      \(HelpText.l("help.scores.discussion"))

      \(HelpText.l("help.example"))
        impact scores --status funded --output csv --excel > scores.csv
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions
  @OptionGroup var progress: ProgressOptions

  func run() async throws {
    var draft = Impact_V1_StreamProjectScoresRequest()
    if !filter.isEmpty { draft.filter = filter.message }
    let request = draft
    let connection = try global.connection()
    let renderer = global.renderer()
    let printed: Int
    // Rows printed on the terminal show the progress themselves; a bar goes with a redirect.
    let display = ProgressDisplay(
      ProgressLine(activityKey: "transfer.scores", language: global.language),
      enabled: !progress.quiet && isatty(STDOUT_FILENO) != 1)
    defer { display.finish() }
    do {
      printed = try await connection.run { client, deadline in
        try await Impact_V1_ScoringService.Client(wrapping: client).streamProjectScores(
          request, metadata: connection.metadata, options: connection.streamingCallOptions
        ) { response in
          var printer: ScoreRowPrinter?
          var count = 0
          for try await message in response.messages {
            // Each message starts --timeout again: a long stream goes on while it moves.
            deadline.progress()
            switch message.item {
            case .header(let header):
              display.setTotal(Int(clamping: header.totalSize))
              printer = ScoreRowPrinter(header: header, renderer: renderer)
              try printer?.start(message)
            case .score:
              try printer?.print(message)
              count += 1
              display.advance(projects: 1, bytes: 0)
            case nil:
              continue
            }
          }
          try printer?.finish()
          return count
        }
      }
    } catch let failure as CommandFailure where failure.status == .ok {
      // The reader closed the pipe (`impact scores | head`): nothing more to print.
      return
    }
    if printed == 0, renderer.format == .table {
      StandardStreams.writeError(renderer.l("scores.none"))
    }
  }
}

/// Prints the rows of `impact scores` in the chosen format: CSV and JSON one at a time, the
/// table once every row has arrived.
struct ScoreRowPrinter {
  var header: Impact_V1_ScoreStreamHeader
  var renderer: Renderer
  /// The table's columns, chosen from the header and the width.
  private var tableColumns: [Table.Column] = []
  /// The table's rows, collected until the stream ends.
  private var tableRows: [[Cell]] = []

  init(header: Impact_V1_ScoreStreamHeader, renderer: Renderer) {
    self.header = header
    self.renderer = renderer
    if renderer.format == .table { tableColumns = Self.tableColumns(renderer: renderer) }
  }

  /// The header line of CSV; the header message itself in JSON; nothing yet for a table.
  func start(_ message: Impact_V1_StreamProjectScoresResponse) throws {
    switch renderer.format {
    case .json:
      try Self.write(try Renderer.json(message) + "\n")
    case .csv:
      try Self.write(renderer.csv([.table(Table(columns: csvColumns))]))
    case .table:
      break
    }
  }

  mutating func print(_ message: Impact_V1_StreamProjectScoresResponse) throws {
    let score = message.score
    switch renderer.format {
    case .json:
      try Self.write(try Renderer.json(message) + "\n")
    case .csv:
      let writer = CSVWriter(renderer.csvDialect)
      try Self.write(writer.table([csvCells(score).map { CSVText.number($0.csv, writer) }]))
    case .table:
      tableRows.append(tableCells(score))
    }
  }

  /// The table, laid out by the renderer like every other one, once the stream has ended.
  func finish() throws {
    guard renderer.format == .table, !tableRows.isEmpty else { return }
    let l = renderer.l
    let title = l(
      "scores.title", ["count": "\(header.totalSize)", "scheme": header.schemeID, "revision": "\(header.revision)"])
    let table = Table(title: title, columns: tableColumns, rows: tableRows)
    try Self.write(renderer.text(try renderer.chosenColumns([.table(table)])))
  }

  /// Writes to stdout at once; a closed pipe ends the command quietly (exit 0) instead of
  /// trapping, since a reader that stops early (`head`) is normal for a long stream.
  static func write(_ text: String) throws {
    do {
      try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    } catch {
      throw CommandFailure(.ok, "")
    }
  }

  // MARK: - CSV: every figure of the score

  /// Stable English names, the same in every language: scripts and spreadsheets read them.
  var csvColumns: [Table.Column] {
    let fixed: [Table.Column] = [
      .text("project_id"), .text("name"), .text("scheme_id"), .text("status"), .text("programme"),
      .text("territory"), .number("amount"), .number("quantitative"), .number("qualitative"),
      .number("composite"), .number("confidence"), .number("evidence_factor"), .number("mean_risk"),
      .number("rated_risk_count"), .number("depth"), .text("depth_class"), .number("completeness"),
      .text("insufficient_data"), .text("impact_class"), .number("rank_score"), .number("rank"),
      .number("percentile"), .number("contribution"), .number("social_value"), .number("sroi"),
      .number("outcome_count"),
    ]
    let criteria = header.criteria.flatMap { id -> [Table.Column] in
      [.number("criterion_\(id)_median"), .number("criterion_\(id)_ratings"), .number("criterion_\(id)_spread")]
    }
    return fixed + criteria + header.domains.map { .number("share_\($0)") }
  }

  func csvCells(_ score: Impact_V1_ProjectScore) -> [Cell] {
    let l = renderer.l
    func number(_ value: Double?) -> Cell { Cell(value, .decimals(6), language: renderer.language) }
    var cells: [Cell] = [
      Cell(score.projectID), Cell(score.name), Cell(score.schemeID), Cell(score.status, l), Cell(score.programme),
      Cell(score.territory), number(score.amount), number(score.quantitative), number(score.qualitative),
      number(score.composite), number(score.confidence), number(score.evidenceFactor), number(score.meanRisk),
      Cell(score.ratedRiskCount), number(score.depth), Cell(score.depthClass, l), number(score.completeness),
      Cell(score.insufficientData, l), Cell(score.impactClass, l), number(score.rankScore), Cell(Int64(score.rank)),
      number(score.percentile), number(score.contribution), number(score.hasSocialValue ? score.socialValue : nil),
      number(score.hasSroi ? score.sroi : nil), Cell(Int64(score.outcomes.count)),
    ]
    var criteria: [String: Impact_V1_CriterionScore] = [:]
    for criterion in score.criteria { criteria[criterion.criterion] = criterion }
    for id in header.criteria {
      let criterion = criteria[id]
      cells.append(number(criterion.flatMap { $0.hasMedian ? $0.median : nil }))
      cells.append(Cell(criterion?.ratingCount ?? 0))
      cells.append(number(criterion.flatMap { $0.hasSpread ? $0.spread : nil }))
    }
    var shares: [String: Double] = [:]
    for share in score.domainShares { shares[share.domain] = share.share }
    for id in header.domains { cells.append(number(shares[id] ?? 0)) }
    return cells
  }

  // MARK: - Table: the main figures

  /// The columns people read; the optional ones only when the line leaves the name at least
  /// ``narrowestName`` columns (every one with `--wide` or `--columns`, which chooses).
  private static func tableColumns(renderer: Renderer) -> [Table.Column] {
    let l = renderer.l
    let classWidth = [Impact_V1_ImpactClass.harm, .actToAvoidHarm, .unclassified].map { $0.label(l).count }.max() ?? 4
    let required: [(Table.Column, Int)] = [
      (.number("rank", l("scores.column.rank")), 4), (.text("id", l("scores.column.id")), 20),
      (.text("name", l("scores.column.name"), truncatable: true), 0),
      (.text("class", l("scores.column.class")), classWidth),
      (.number("composite", l("scores.column.composite")), 5), (.number("amount", l("scores.column.amount")), 11),
    ]
    let optional: [(Table.Column, Int)] = [
      (.number("quantitative", l("scores.column.quantitative")), 5),
      (.number("qualitative", l("scores.column.qualitative")), 5),
      (.number("confidence", l("scores.column.confidence")), 4),
      (.number("completeness", l("scores.column.completeness")), 4),
      (.number("sroi", l("scores.column.sroi")), 5),
    ]
    var columns = required.map { ($0.0, max($0.1, TextTableLayout.width($0.0.header))) }
    columns.append((.text("data", ""), 1))
    func total(_ columns: [(Table.Column, Int)]) -> Int { columns.reduce(0) { $0 + $1.1 } + (columns.count - 1) * 2 }
    let maximum = renderer.columns == nil ? renderer.width ?? Int.max : Int.max
    for extra in optional {
      var wider = columns
      wider.insert((extra.0, max(extra.1, TextTableLayout.width(extra.0.header))), at: wider.count - 2)
      guard maximum == .max || total(wider) + narrowestName <= maximum else { break }
      columns = wider
    }
    return columns.map(\.0)
  }

  private static let narrowestName = 20

  private func tableCells(_ score: Impact_V1_ProjectScore) -> [Cell] {
    let l = renderer.l
    return tableColumns.map { column in
      switch column.csvName {
      case "rank": Cell(Int64(score.rank))
      case "id": Cell(score.projectID)
      case "name": Cell(score.name)
      case "class": Cell(score.impactClass, l)
      case "composite": renderer.number(score.composite, .score)
      case "amount": renderer.number(score.amount, .amount)
      case "quantitative": renderer.number(score.quantitative, .score)
      case "qualitative": renderer.number(score.qualitative, .score)
      case "confidence": renderer.number(score.confidence, .dimension)
      case "completeness": renderer.number(score.completeness, .dimension)
      case "sroi": renderer.number(score.hasSroi ? score.sroi : nil, .dimension)
      default: Cell(score.insufficientData ? "!" : "")
      }
    }
  }
}
