import Analytics
import Foundation
import ImpactAPI

/// What a streamed export does with the projects as they arrive: write them (JSON, CSV) or
/// gather them (CIDS, which links every project to its observations).
protocol ExportSink {
  /// Takes the next project, in the stream's (id) order.
  mutating func add(_ project: Project) throws(CommandFailure)
  /// The stream has ended whole: the last text, and the files take their names.
  mutating func finish() throws(CommandFailure)
  /// The stream broke: temporary files are removed, nothing is left half-written.
  func discard()
  /// The bytes of text written so far.
  var bytesWritten: Int64 { get }
}

/// An `impact-portfolio/2` document written as the projects arrive, the same text as the
/// one-message export: standard output, or a file with `--to`.
struct JSONExportSink: ExportSink {
  private let file: ExportFile
  private var writer: PortfolioJSON.StreamWriter

  init(header: Impact_V1_ExportStreamHeader, scheme: Scheme, path: String?) throws(CommandFailure) {
    file = try ExportFile(path: path)
    writer = PortfolioJSON.StreamWriter(scheme: scheme, revision: header.revision)
    try file.write(writer.opening)
  }

  mutating func add(_ project: Project) throws(CommandFailure) {
    try file.write(writer.element(project))
  }

  mutating func finish() throws(CommandFailure) {
    try file.write(writer.closing)
    try file.commit()
  }

  func discard() { file.discard() }

  var bytesWritten: Int64 { file.bytesWritten }
}

/// The three CSV tables and `export.csv`, written as the projects arrive into a directory;
/// the columns come from the stream's header, so the tables are the same text as if written
/// at once.
struct CSVExportSink: ExportSink {
  private let writer: CSVWriter
  private let layout: PortfolioCSV.Layout
  private let projects: ExportFile
  private let outcomes: ExportFile
  private let ratings: ExportFile
  private let stamp: String
  private let directory: URL

  init(
    header: Impact_V1_ExportStreamHeader, scheme: Scheme, directory: String, dialect: CSVDialect
  ) throws(CommandFailure) {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure(
        .invalidInput,
        .l("error.directory.uncreatable", ["path": directory, "reason": (error as NSError).localizedDescription]))
    }
    self.directory = URL(fileURLWithPath: directory)
    writer = CSVWriter(dialect)
    layout = PortfolioCSV.Layout(
      scheme: scheme, extraRiskTypes: header.extraRiskTypes, writesTargets: header.targetsColumn,
      writesIndicatorIDs: header.indicatorIDColumn)
    projects = try ExportFile(path: self.directory.appendingPathComponent("projects.csv").path)
    outcomes = try ExportFile(path: self.directory.appendingPathComponent("outcomes.csv").path)
    ratings = try ExportFile(path: self.directory.appendingPathComponent("ratings.csv").path)
    // export.csv dates the tables by revision, so that an import of them after Excel has
    // saved them again still knows what was recorded since.
    stamp = CSVExportStamp(revision: header.revision, exportedAt: Date()).encode(dialect: dialect)
    try projects.write(writer.document([layout.projectHeader]))
    try outcomes.write(writer.document([layout.outcomeHeader]))
    try ratings.write(writer.document([layout.ratingHeader]))
  }

  mutating func add(_ project: Project) throws(CommandFailure) {
    let rows = layout.rows(of: project, writer: writer)
    try projects.write(writer.table([rows.project]))
    if !rows.outcomes.isEmpty { try outcomes.write(writer.table(rows.outcomes)) }
    if !rows.ratings.isEmpty { try ratings.write(writer.table(rows.ratings)) }
  }

  mutating func finish() throws(CommandFailure) {
    try projects.commit()
    try outcomes.commit()
    try ratings.commit()
    try LocalFile.write(stamp, to: directory.appendingPathComponent(CSVExportStamp.fileName).path)
  }

  func discard() {
    projects.discard()
    outcomes.discard()
    ratings.discard()
  }

  var bytesWritten: Int64 { projects.bytesWritten + outcomes.bytesWritten + ratings.bytesWritten }
}

/// The projects of a CIDS export, gathered: the JSON-LD document links each to its
/// observations, read once the stream has ended.
struct GatheringSink: ExportSink, Sendable {
  let scheme: Scheme
  private(set) var projects: [Project] = []

  mutating func add(_ project: Project) throws(CommandFailure) { projects.append(project) }
  mutating func finish() throws(CommandFailure) {}
  func discard() {}
  var bytesWritten: Int64 { 0 }
}
