internal import Foundation
internal import Localization

/// A finished report: the HTML page, and the data of every chart as JSON (`--data`).
public struct RenderedReport: Sendable {
  /// The self-contained HTML page.
  public var html: String
  /// Every chart's numbers: `{"charts": {id: {title, columns, rows}}, "identity": …, "inputs_sha256": …}`.
  public var dataJSON: String
  /// The SHA-256 of the report's inputs, as printed in its footer.
  public var inputsDigest: String

  /// The digest of `inputs` with the generation time left out: the same data gives the same
  /// digest whenever the report is made.
  static func digest(of inputs: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = (try? encoder.encode(inputs)) ?? Data()
    return SHA256.hex(data)
  }

  private struct ChartData: Encodable {
    var title: String
    var description: String
    var note: String?
    var columns: [String]
    var rows: [[DataCell]]
  }

  private struct Document: Encodable {
    var format = "impact-report-data/1"
    var report: String
    var language: String
    var identity: ReportIdentity
    var inputsSHA256: String
    var charts: [String: ChartData]
    enum CodingKeys: String, CodingKey {
      case format, report, language, identity, charts
      case inputsSHA256 = "inputs_sha256"
    }
  }

  static func dataJSON(
    kind: String, identity: ReportIdentity, digest: String, charts: [Chart], context: ReportContext
  ) -> String {
    var map: [String: ChartData] = [:]
    for chart in charts {
      map[chart.id] = ChartData(
        title: chart.title, description: chart.description, note: chart.note, columns: chart.table.columns,
        rows: chart.table.rows)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let document = Document(
      report: kind, language: context.language.rawValue, identity: identity, inputsSHA256: digest, charts: map)
    let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
