import Analytics
import ArgumentParser
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
    if let exportedAt = try PortfolioFiles.exportStamp(paths: files, encoding: encoding?.encoding, language: global.language)?
      .exportedAt
    {
      draft.documentTime = Google_Protobuf_Timestamp(date: exportedAt)
    }
    if let expected = write.expectedRevision { draft.expectedRevision = expected }
    let request = draft
    let connection = try global.connection()
    // Checked here first so that every problem is named by file, line and column; for a
    // streamed import, the method's rules are checked while the projects are sent.
    let streaming = StreamedImport.shouldStream(request.source)
    let report = IssueList(language: global.language, errorsPath: errors)
    let checked = try await ImportCheck(source: request.source, documentPath: files.first).run(
      connection, report: report, deferringRules: streaming)
    let response: Impact_V1_ImportPortfolioResponse
    do {
      if streaming, let checked {
        // A large document goes as a stream of chunks, every message within the daemon's
        // default limits, with the projects as the check read them (the files are read once).
        let streamed = StreamedImport(request, checked: checked)
        let display = ProgressDisplay(
          ProgressLine(activityKey: "transfer.import", language: global.language), enabled: !progress.quiet)
        let l = global.language.localizer
        let notes = (
          beforeEnd: l("import.gave_up.before_end"),
          afterEnd: l("import.gave_up.after_end", ["revision": String(checked.revision)])
        )
        defer { display.finish() }
        let pending = checked.pendingRules
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
          // A broken rule cancelled the stream: the daemon changed nothing; the problems are
          // named by file, line and column.
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
      ] + ImportSafetyReport(
        response: response, dryRun: dryRun, replace: replace, overwriteNewer: overwriteNewer, renderer: renderer).sections
    }
  }
}
