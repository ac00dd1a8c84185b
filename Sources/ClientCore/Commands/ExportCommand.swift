import Analytics
import ArgumentParser
import Foundation
import ImpactAPI
import SwiftProtobuf
import Localization

/// `impact export`: write the portfolio as a JSON document or CSV tables.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: HelpText.l("help.export.abstract"),
    discussion: """
      \(HelpText.l("help.export.discussion"))

      \(HelpText.l("help.example"))
        impact export > portfolio.json
        impact export --format csv --to ./tables --status funded
        impact export --format cids --organization "Fondation Exemple" --to cids.jsonld
      """
  )

  /// The format of the exported document.
  enum DocumentFormat: String, CaseIterable, ExpressibleByArgument {
    case json, csv, cids
  }

  @OptionGroup var global: GlobalOptions
  @OptionGroup var history: AtOptions
  @OptionGroup var filter: FilterOptions

  @Option(help: ArgumentHelp(HelpText.l("help.export.format")))
  var format: DocumentFormat = .json

  @Option(help: ArgumentHelp(HelpText.l("help.export.to"), valueName: "path"))
  var to: String?

  @OptionGroup var cids: CIDSExportOptions

  func validate() throws {
    if format == .csv, to == nil { throw ValidationError(global.language.localizer("error.export.csv_needs_to")) }
    if format == .cids, cids.organization == nil {
      throw ValidationError(global.language.localizer("error.export.cids_needs_organization"))
    }
  }

  func run() async throws {
    var draft = Impact_V1_ExportPortfolioRequest()
    if let at = history.message { draft.at = at }
    // CSV tables are written here from the JSON document, in the dialect the options ask
    // for (--excel): one writer for every CSV of the CLI.
    draft.format = .json
    if !filter.isEmpty { draft.filter = filter.message }
    let request = draft
    let connection = try global.connection()
    let filter = self.filter
    let language = global.language
    let response = try await connection.run { client, _ in
      let response = try await Impact_V1_PortfolioService.Client(wrapping: client).exportPortfolio(
        request,
        metadata: connection.metadata,
        options: connection.callOptions
      )
      // An export of nothing is still a valid document; stderr says why it is empty.
      try await filter.reportEmptySelection(client: client, connection: connection, language: language)
      return response
    }
    switch response.document {
    case .jsonDocument(let document) where format == .cids:
      try await writeCIDS(document, connection: connection, revision: response.revision)
    case .jsonDocument(let document) where format == .csv:
      let decoded: PortfolioDocument
      do {
        decoded = try PortfolioJSON.decode(Data(document.utf8), source: "export")
      } catch {
        throw CommandFailure(.failure, "\(error)")
      }
      let tables = PortfolioCSV.encode(
        decoded.projects, dialect: global.csv.dialect, scheme: decoded.scheme ?? .impactV1)
      try writeTables(
        Impact_V1_CsvTables.with {
          $0.projects = tables.projects
          $0.outcomes = tables.outcomes
          $0.ratings = tables.ratings
        }, revision: response.revision)
    case .jsonDocument(let document):
      guard let to else {
        StandardStreams.writeLine(document)
        return
      }
      try LocalFile.write(document.hasSuffix("\n") ? document : document + "\n", to: to)
      StandardStreams.writeError(
        global.language.localizer("export.wrote_file", ["path": to, "revision": String(response.revision)]))
    case .csv(let tables):
      try writeTables(tables, revision: response.revision)
    case nil:
      throw CommandFailure(.failure, .l("error.export.no_document"))
    }
  }

  /// Writes the three tables into the `--to` directory, creating it if needed.
  private func writeTables(_ tables: Impact_V1_CsvTables, revision: Int64) throws(CommandFailure) {
    let directory = to ?? "."
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure(
        .invalidInput,
        .l("error.directory.uncreatable", ["path": directory, "reason": (error as NSError).localizedDescription]))
    }
    let base = URL(fileURLWithPath: directory)
    // export.csv dates the tables by revision, so that an import of them after Excel has
    // saved them again still knows what was recorded since.
    let stamp = CSVExportStamp(revision: revision, exportedAt: Date()).encode(dialect: global.csv.dialect)
    for (name, text) in [
      ("projects.csv", tables.projects), ("outcomes.csv", tables.outcomes), ("ratings.csv", tables.ratings),
      (CSVExportStamp.fileName, stamp),
    ] {
      try LocalFile.write(text, to: base.appendingPathComponent(name).path)
    }
    StandardStreams.writeError(
      global.language.localizer("export.wrote_tables", ["directory": directory, "revision": String(revision)]))
  }
}
