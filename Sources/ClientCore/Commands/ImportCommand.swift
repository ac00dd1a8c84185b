import Analytics
import ArgumentParser
import Foundation
import ImpactAPI
import Localization
import SwiftProtobuf

/// `impact import`: load a portfolio document or CSV tables, all or nothing.
struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: HelpText.l("help.import.abstract"),
    discussion: """
      \(HelpText.l("help.import.discussion"))

      \(HelpText.l("help.example"))
        impact import portfolio.json
        impact import projects.csv outcomes.csv ratings.csv \\
          --replace --expected-revision 12
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.import.files"), valueName: "file"))
  var files: [String]

  @Flag(help: ArgumentHelp(HelpText.l("help.import.replace")))
  var replace = false

  @Flag(help: ArgumentHelp(HelpText.l("help.import.dry_run")))
  var dryRun = false

  @Flag(help: ArgumentHelp(HelpText.l("help.import.overwrite_newer")))
  var overwriteNewer = false

  @Flag(name: .customLong("yes"), help: ArgumentHelp(HelpText.l("help.import.yes")))
  var confirmLargeDeletion = false

  @Option(help: ArgumentHelp(HelpText.l("csv.help.encoding")))
  var encoding: TextEncodingArgument?

  @Option(help: ArgumentHelp(HelpText.l("csv.help.errors"), valueName: "file"))
  var errors: String?

  @OptionGroup var progress: ProgressOptions

  func validate() throws {
    if files.isEmpty { throw ValidationError(global.language.localizer("error.import.no_files")) }
  }

  func run() async throws {
    var draft = Impact_V1_ImportPortfolioRequest()
    draft.source = try PortfolioFiles.source(paths: files, encoding: encoding?.encoding, language: global.language)
    draft.mode = replace ? .replace : .upsert
    draft.validateOnly = dryRun
    draft.overwriteNewer = overwriteNewer
    draft.confirmLargeDeletion = confirmLargeDeletion
    // CSV tables are dated by the export.csv table written with them, never by the files'
    // modification time (Excel changes it on every save); tables without it carry no date,
    // and the daemon counts every rating and observed value they replace as newer.
    if let exportedAt = try PortfolioFiles.exportStamp(
      paths: files, encoding: encoding?.encoding, language: global.language)?
      .exportedAt
    {
      draft.documentTime = Google_Protobuf_Timestamp(date: exportedAt)
    }
    if let expected = write.expectedRevision { draft.expectedRevision = expected }
    let request = draft
    let connection = try global.connection()
    // Checked here so that every problem is named by file, line and column: before sending,
    // or for a streamed import while the projects are sent (the stream ends only if there is
    // none).
    let report = IssueList(language: global.language, errorsPath: errors)
    var stream: (import: StreamedImport, pending: Task<[CheckedIssue], Never>?, revision: Int64)?
    if StreamedImport.shouldStream(request.source) {
      if case .jsonDocument(let text) = request.source {
        // A large document is sent as it is read, in chunks within the daemon's default limits;
        // without the daemon's scheme, it goes in one message, checked by the daemon alone.
        if let (scheme, revision) = await ImportCheck.daemonScheme(connection) {
          let document = StreamedDocument(
            JSONDocumentCheck(data: Data(text.utf8), name: files.first ?? "document", scheme: scheme),
            batchSize: StreamedImport.chunkProjects)
          stream = (StreamedImport(request, reading: document), Task { await document.outcome.value.issues }, revision)
        }
      } else if let checked = try await ImportCheck(source: request.source, documentPath: files.first).run(
        connection, report: report, deferringRules: true)
      {
        // CSV tables are read whole (the outcomes and ratings join the projects), then sent
        // as the check read them.
        stream = (StreamedImport(request, checked: checked), checked.pendingRules, checked.revision)
      }
    } else {
      _ = try await ImportCheck(source: request.source, documentPath: files.first).run(connection, report: report)
    }
    let response: Impact_V1_ImportPortfolioResponse
    do {
      if let stream {
        let streamed = stream.import
        let display = ProgressDisplay(
          ProgressLine(activityKey: "transfer.import", language: global.language), enabled: !progress.quiet)
        let l = global.language.localizer
        let notes = (
          beforeEnd: l("import.gave_up.before_end"),
          afterEnd: l("import.gave_up.after_end", ["revision": String(stream.revision)])
        )
        defer { display.finish() }
        let pending = stream.pending
        do {
          response = try await connection.run { client, deadline in
            try await streamed.send(
              client, metadata: connection.metadata, options: connection.streamingCallOptions, deadline: deadline,
              display: display, notes: notes,
              beforeEnd: {
                // The stream ends (and the daemon commits) only if every rule passed here.
                if let pending, !(await pending.value).isEmpty { throw CancellationError() }
              })
          }
        } catch {
          // A problem of the document cancelled the stream, or the daemon refused it: nothing
          // changed; the document's problems are named by file, line and column.
          if let pending {
            let issues = await pending.value
            if !issues.isEmpty {
              display.finish()
              throw try report.failure(issues)
            }
          }
          throw error
        }
      } else {
        let note = global.language.localizer("import.gave_up.sent")
        response = try await connection.run { client, deadline in
          // The whole document goes in one message: once the time is out, the daemon may
          // still commit it.
          deadline.giveUpNote = note
          return try await Impact_V1_PortfolioService.Client(wrapping: client).importPortfolio(
            request,
            metadata: connection.metadata,
            options: connection.callOptions
          )
        }
      }
    } catch var failure as CommandFailure {
      // The daemon only sees the document's text: name the file the user gave instead.
      if case .jsonDocument = request.source, let path = files.first, failure.message.hasPrefix("json_document") {
        failure.message = path + failure.message.dropFirst("json_document".count)
      }
      throw failure
    }
    let l = global.language.localizer
    let renderer = global.renderer()
    try renderer.emit(response) {
      [
        .table(
          .fields(
            title: dryRun ? l("import.dry_run.title") : nil,
            [
              ("created", l("label.created"), Cell(response.created)),
              ("updated", l("label.updated"), Cell(response.updated)),
              ("deleted", l("label.deleted_count"), Cell(response.deleted)),
              ("unchanged", l("label.unchanged"), Cell(response.unchanged)),
              ("scheme changed", l("label.scheme_changed"), Cell(response.schemeChanged, l)),
              ("revision", l("label.revision"), Cell(response.revision)),
            ]
          )
        )
      ]
        + ImportSafetyReport(
          response: response, dryRun: dryRun, replace: replace, overwriteNewer: overwriteNewer, renderer: renderer
        ).sections
    }
  }
}
