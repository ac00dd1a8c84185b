import Analytics
import ArgumentParser
import GRPCCore
import ImpactAPI
import Localization

/// `impact watch`: follow committed changes, one line per change.
struct WatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: HelpText.l("help.watch.abstract"),
    discussion: """
      \(HelpText.l("help.watch.discussion"))

      \(HelpText.l("help.example"))
        impact watch --since 0 --project pension-de-famille-rennes
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(HelpText.l("help.watch.since"), valueName: "revision"))
  var since: Int64?

  @Option(name: .customLong("project"), help: ArgumentHelp(HelpText.l("help.watch.project"), valueName: "id"))
  var projects: [String] = []

  @Option(
    name: .customLong("give-up-after"),
    help: ArgumentHelp(
      HelpText.l("help.watch.give_up_after"),
      valueName: "duration"))
  var giveUpAfter = "5m"

  func validate() throws {
    if DurationText.parse(giveUpAfter) == nil {
      throw ValidationError(global.language.localizer("watch.give-up.invalid", ["value": giveUpAfter]))
    }
    if let since, since < 0 {
      throw ValidationError(global.language.localizer("error.option.since_revision", ["value": String(since)]))
    }
  }

  func run() async throws {
    var draft = Impact_V1_WatchChangesRequest()
    draft.projectIds = projects
    let format = global.format
    let renderer = global.renderer()
    let dialect = renderer.csvDialect
    let template = draft
    let connection = try global.connection()
    let giveUp = DurationText.parse(giveUpAfter) ?? .seconds(300)
    let giveUpText = giveUpAfter
    let l = global.language.localizer
    let cursor = WatchCursor(after: since)
    let termination = TerminationSignals()
    let signals = termination.signals
    if format == .csv {
      // The byte order mark and header once; each change is then a row in the same dialect.
      StandardStreams.write(renderer.csv([.table(Table(columns: Self.csvColumns))]))
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        var lostSince: ContinuousClock.Instant?
        var backoff = Duration.milliseconds(250)
        while true {
          let wasLost = lostSince != nil
          let connectionsBefore = cursor.connections
          let reason: String
          do {
            try await Self.follow(
              connection: connection, template: template, cursor: cursor, format: format, dialect: dialect
            ) {
              guard wasLost else { return }
              // After waiting for a daemon that was not up yet, this is the first connection.
              let key = cursor.connections == 1 ? "watch.connected" : "watch.reconnected"
              StandardStreams.writeError(
                "impact: " + l(key, ["address": "\(connection.address)", "revision": "\(cursor.revision ?? 0)"]))
            }
            reason = l("watch.stream-ended")
          } catch let failure as CommandFailure
            where failure.status == .unavailable
            && (cursor.hasConnected || (giveUp > .zero && Self.notUpYet(failure, connection.address, l)))
          {
            // A daemon not up yet (a watch started at boot) is waited for as a lost one is.
            // "cannot reach impactd at X: connection refused" reads better as just the reason.
            let prefix = l("connection.unreachable", ["address": "\(connection.address)", "reason": ""])
            reason =
              failure.message.hasPrefix(prefix) ? String(failure.message.dropFirst(prefix.count)) : failure.message
          }
          if cursor.connections > connectionsBefore {
            // Connected during this attempt, then lost again: a new loss, a new clock.
            lostSince = nil
            backoff = .milliseconds(250)
          }
          let now = ContinuousClock.now
          if lostSince == nil {
            lostSince = now
            let values = [
              "address": "\(connection.address)", "reason": reason, "revision": "\(cursor.revision ?? 0)",
              "duration": giveUpText,
            ]
            StandardStreams.writeError("impact: " + l(cursor.hasConnected ? "watch.lost" : "watch.waiting", values))
          }
          guard let lost = lostSince, now - lost < giveUp else {
            throw CommandFailure(
              .unavailable,
              l(
                "watch.gave-up",
                ["address": "\(connection.address)", "duration": giveUpText, "revision": "\(cursor.revision ?? 0)"]))
          }
          // The last attempt comes when --give-up-after runs out, not up to a backoff later.
          try await Task.sleep(for: min(backoff, giveUp - (now - lost)))
          backoff = min(backoff * 2, .seconds(5))
        }
      }
      group.addTask {
        for await _ in signals { return }
      }
      _ = try await group.next()
      group.cancelAll()
    }
    _ = consume termination
  }

  /// Whether `failure`, before any connection, says that nothing answers yet (refused, no
  /// route): worth waiting for. Something else answering
  /// (a web server, a TLS mismatch) will not change by waiting, so it fails at once.
  static func notUpYet(_ failure: CommandFailure, _ address: ServerAddress, _ l: Localizer) -> Bool {
    let waitable = ["connection.reason.refused", "connection.reason.no-route", "connection.reason.network"].map {
      l("connection.unreachable", ["address": "\(address)", "reason": l($0)])
    }
    return waitable.contains(failure.message)
  }

  /// One connection: status first (so an unreachable daemon fails within --timeout), then the
  /// stream from the cursor, until the daemon ends it or the connection breaks.
  private static func follow(
    connection: ImpactConnection, template: Impact_V1_WatchChangesRequest, cursor: WatchCursor,
    format: OutputFormat, dialect: CSVDialect, onConnected: @escaping @Sendable () -> Void
  ) async throws {
    try await connection.run { client, deadline in
      let status = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(
        Impact_V1_GetStatusRequest(), metadata: connection.metadata, options: connection.callOptions)
      cursor.connected(current: status.revision)
      deadline.disarm()
      onConnected()
      var request = template
      if let revision = cursor.revision { request.sinceRevision = revision }
      // `--project pension` follows pension-de-famille-rennes, as other commands read it.
      request.projectIds = []
      for typed in template.projectIds {
        request.projectIds.append(try await ProjectReference.idOrTyped(typed, client: client, connection: connection))
      }
      try await Impact_V1_WatchService.Client(wrapping: client).watchChanges(
        request, metadata: connection.metadata, options: connection.unboundedCallOptions
      ) { response in
        for try await event in response.messages where cursor.advance(to: event.revision) {
          try Self.print(event, format: format, dialect: dialect)
        }
      }
    }
  }

  static let csvColumns: [Table.Column] = [
    .number("revision"), .text("time"), .text("kind"), .text("projects"), .text("actor"), .text("method"),
  ]

  /// One change in `format`; a CSV row in `dialect` (`--excel`, `--separator`…), like the
  /// header `run` wrote.
  static func print(_ event: Impact_V1_ChangeEvent, format: OutputFormat, dialect: CSVDialect = .standard) throws {
    let time = event.hasCommittedAt ? TimeText.iso8601(event.committedAt) : ""
    switch format {
    case .json:
      StandardStreams.writeLine(try Renderer.json(event))
    case .csv:
      let row = [
        String(event.revision), time, event.kind.displayName, event.projectIds.joined(separator: " "), event.actor,
        event.rpcMethod,
      ]
      StandardStreams.write(CSVWriter(dialect).table([row]))
    case .table:
      StandardStreams.writeLine(
        TerminalText.escaped(
          "revision=\(event.revision) time=\(time) kind=\(event.kind.displayName) projects=\(event.projectIds.joined(separator: ",")) actor=\(Self.token(event.actor)) method=\(event.rpcMethod)"
        )
      )
    }
  }

  /// An actor name as one space-free token, so that lines split on spaces.
  static func token(_ text: String) -> String {
    text.isEmpty ? "-" : String(text.map { $0.isWhitespace ? "_" : $0 })
  }
}
