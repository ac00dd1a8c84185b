import ArgumentParser
import GRPCCore
import ImpactAPI

/// `impact watch`: follow committed changes, one line per change.
struct WatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Print each committed change as it happens, one line per change.",
    discussion: """
      Lines read `revision=12 time=2026-09-30T08:00:00Z kind=project_updated \
      projects=a,b actor=amel method=/impact.v1.ProjectService/UpdateProject`; with --json, \
      one compact JSON object per line; with --output csv, a header then one row per change. \
      --since replays the changes after that revision first. Runs until SIGINT or SIGTERM \
      (exit 0) or until the daemon ends the stream. --timeout bounds only the connection.

      Example:
        impact watch --since 0 --project chantier-insertion-lyon
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("Replay the changes after this revision first.", valueName: "revision"))
  var since: Int64?

  @Option(name: .customLong("project"), help: ArgumentHelp("Only changes touching this project. Repeatable.", valueName: "id"))
  var projects: [String] = []

  func validate() throws {
    if let since, since < 0 { throw ValidationError("--since must be 0 or more, not \(since)") }
  }

  func run() async throws {
    var draft = Impact_V1_WatchChangesRequest()
    if let since { draft.sinceRevision = since }
    draft.projectIds = projects
    let format = global.format
    let request = draft
    let connection = try global.connection()
    let termination = TerminationSignals()
    let signals = termination.signals
    if format == .csv {
      StandardStreams.write(CSVText.render(Table(columns: Self.csvColumns)))
    }
    try await connection.run { client, deadline in
      // A cheap call first: an unreachable daemon fails within --timeout, then the stream may
      // last as long as the user wants.
      _ = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(
        Impact_V1_GetStatusRequest(), metadata: connection.metadata, options: connection.callOptions)
      deadline.disarm()
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          try await Impact_V1_WatchService.Client(wrapping: client).watchChanges(
            request, metadata: connection.metadata, options: connection.unboundedCallOptions
          ) { response in
            for try await event in response.messages {
              try Self.print(event, format: format)
            }
          }
        }
        group.addTask {
          for await _ in signals { return }
        }
        _ = try await group.next()
        group.cancelAll()
      }
    }
    _ = consume termination
  }

  static let csvColumns: [Table.Column] = [
    .number("revision"), .text("time"), .text("kind"), .text("projects"), .text("actor"), .text("method"),
  ]

  static func print(_ event: Impact_V1_ChangeEvent, format: OutputFormat) throws {
    let time = event.hasCommittedAt ? TimeText.iso8601(event.committedAt) : ""
    switch format {
    case .json:
      StandardStreams.writeLine(try Renderer.json(event))
    case .csv:
      let row = [String(event.revision), time, event.kind.displayName, event.projectIds.joined(separator: " "), event.actor, event.rpcMethod]
      StandardStreams.write(row.map(CSVText.field).joined(separator: ",") + "\r\n")
    case .table:
      StandardStreams.writeLine(
        "revision=\(event.revision) time=\(time) kind=\(event.kind.displayName) projects=\(event.projectIds.joined(separator: ",")) actor=\(Self.token(event.actor)) method=\(event.rpcMethod)"
      )
    }
  }

  /// An actor name as one space-free token, so that lines split on spaces.
  static func token(_ text: String) -> String {
    text.isEmpty ? "-" : String(text.map { $0.isWhitespace ? "_" : $0 })
  }
}
