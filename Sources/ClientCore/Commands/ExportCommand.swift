import Analytics
import ArgumentParser
import Foundation
import GRPCCore
import ImpactAPI
import Localization
import SwiftProtobuf

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
  }

  @OptionGroup var progress: ProgressOptions

  func run() async throws {
    var draft = Impact_V1_ExportPortfolioStreamRequest()
    if let at = history.message { draft.at = at }
    if !filter.isEmpty { draft.filter = filter.message }
    let request = draft
    let connection = try global.connection()
    let filter = self.filter
    let language = global.language
    let display = ProgressDisplay(
      ProgressLine(activityKey: "transfer.export", language: language),
      enabled: !progress.quiet && (to != nil || isatty(STDOUT_FILENO) != 1))
    // The projects arrive in chunks and are written as they come: neither side holds the
    // portfolio as one message, and a file appears under its name only once whole.
    let outcome = try await connection.run { client, deadline in
      try await Impact_V1_PortfolioService.Client(wrapping: client).exportPortfolioStream(
        request, metadata: connection.metadata, options: connection.streamingCallOptions
      ) { response in
        var sink: (any ExportSink)?
        var revision: Int64 = 0
        var count = 0
        var written: Int64 = 0
        do {
          for try await message in response.messages {
            deadline.progress()
            switch message.part {
            case .header(let header):
              guard sink == nil else { continue }
              revision = header.revision
              display.setTotal(Int(clamping: header.projectCount))
              sink = try self.sink(for: header)
            case .chunk(let chunk):
              guard var current = sink else { throw CommandFailure(.failure, .l("error.export.no_document")) }
              for message in chunk.projects {
                do {
                  try current.add(try Project(proto: message, fieldPath: "projects[\(count)]"))
                } catch let error as APIMappingError {
                  throw CommandFailure(.failure, "\(error)")
                }
                count += 1
              }
              display.advance(projects: chunk.projects.count, bytes: current.bytesWritten - written)
              written = current.bytesWritten
              sink = current
            case nil:
              continue
            }
          }
          guard var finished = sink else { throw CommandFailure(.failure, .l("error.export.no_document")) }
          try finished.finish()
          display.finish()
          sink = finished
        } catch {
          display.finish()
          sink?.discard()
          throw error
        }
        // An export of nothing is still a valid document; stderr says why it is empty.
        if count == 0 {
          try await filter.reportEmptySelection(client: client, connection: connection, language: language)
        }
        return (revision: revision, gathered: sink as? GatheringSink)
      }
    }
    switch format {
    case .cids:
      guard let gathered = outcome.gathered else { return }
      try await writeCIDS(gathered, connection: connection, revision: outcome.revision)
    case .csv:
      StandardStreams.writeError(
        language.localizer("export.wrote_tables", ["directory": to ?? ".", "revision": String(outcome.revision)]))
    case .json:
      if let to {
        StandardStreams.writeError(
          language.localizer("export.wrote_file", ["path": to, "revision": String(outcome.revision)]))
      }
    }
  }

  /// Where the projects of the stream `header` opens go, as `--format` and `--to` say.
  private func sink(for header: Impact_V1_ExportStreamHeader) throws(CommandFailure) -> any ExportSink {
    let scheme: Scheme
    do {
      scheme = try SchemeJSON.decode(Data(header.schemeJson.utf8), source: "header.scheme_json")
    } catch {
      throw CommandFailure(.failure, "\(error)")
    }
    switch format {
    case .json: return try JSONExportSink(header: header, scheme: scheme, path: to)
    case .csv:
      return try CSVExportSink(header: header, scheme: scheme, directory: to ?? ".", dialect: global.csv.dialect)
    case .cids: return GatheringSink(scheme: scheme)
    }
  }
}
