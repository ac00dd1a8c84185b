import ArgumentParser
import ImpactAPI
import Localization

/// `impact snapshot`: named, immutable snapshots of the portfolio for committees.
struct SnapshotCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: HelpText.l("help.snapshot.abstract"),
    discussion: """
      \(HelpText.l("help.snapshot.discussion"))

      \(HelpText.l("help.example"))
        impact snapshot create comite-2026-03 --note "\(HelpText.l("help.snapshot.example_note"))"
        impact portfolio --at comite-2026-03
        impact snapshot list
      """,
    subcommands: [
      SnapshotCreateCommand.self, SnapshotListCommand.self, SnapshotShowCommand.self, SnapshotDeleteCommand.self,
    ]
  )
}

/// The fields of a snapshot, for `create` and `show`.
enum SnapshotFields {
  static func table(_ snapshot: Impact_V1_Snapshot, renderer: Renderer) -> Table {
    let l = renderer.l
    var rows: [(name: String, label: String, value: Cell)] = [
      ("name", l("label.name"), Cell(snapshot.name)),
      ("note", l("label.note"), Cell(snapshot.note)),
      ("revision", l("label.revision"), Cell(snapshot.revision)),
      (
        "revision_committed_at", l("label.snapshot.revision_time"),
        Cell(snapshot.hasRevisionCommittedAt ? TimeText.iso8601(snapshot.revisionCommittedAt) : "")
      ),
      (
        "created_at", l("label.snapshot.created_at"),
        Cell(snapshot.hasCreatedAt ? TimeText.iso8601(snapshot.createdAt) : "")
      ),
      ("scheme", l("label.scheme"), Cell(snapshot.schemeID)),
      ("projects", l("label.projects"), Cell(snapshot.projectCount)),
      ("total_amount", l("label.total_amount"), renderer.number(snapshot.totalAmount, .amount)),
      ("weighted_composite", l("label.weighted_composite"), renderer.number(snapshot.weightedComposite, .score)),
      ("stored_bytes", l("label.snapshot.stored_bytes"), renderer.number(Double(snapshot.storedBytes), .amount)),
    ]
    if !snapshot.createdBy.isEmpty {
      rows.insert(("created_by", l("label.snapshot.created_by"), Cell(snapshot.createdBy)), at: 5)
    }
    return .fields(rows)
  }
}

struct SnapshotCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create", abstract: HelpText.l("help.snapshot.create.abstract"))

  @OptionGroup var global: GlobalOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.snapshot.name")))
  var name: String

  @Option(help: ArgumentHelp(HelpText.l("help.snapshot.note"), valueName: "text"))
  var note: String = ""

  func run() async throws {
    var draft = Impact_V1_CreateSnapshotRequest()
    draft.name = name
    draft.note = note
    if let expected = write.expectedRevision { draft.expectedRevision = expected }
    let request = draft
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await Impact_V1_HistoryService.Client(wrapping: client).createSnapshot(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    let renderer = global.renderer()
    try renderer.emit(response) { [.table(SnapshotFields.table(response.snapshot, renderer: renderer))] }
  }
}

struct SnapshotListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: HelpText.l("help.snapshot.list.abstract"))

  @OptionGroup var global: GlobalOptions

  func run() async throws {
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      var all = Impact_V1_ListSnapshotsResponse()
      var request = Impact_V1_ListSnapshotsRequest()
      request.pageSize = 1000
      while true {
        let page = try await Impact_V1_HistoryService.Client(wrapping: client).listSnapshots(
          request, metadata: connection.metadata, options: connection.callOptions)
        all.snapshots += page.snapshots
        all.totalSize = page.totalSize
        all.revision = page.revision
        guard !page.nextPageToken.isEmpty else { return all }
        request.pageToken = page.nextPageToken
      }
    }
    let renderer = global.renderer()
    let l = renderer.l
    var table = Table(columns: [
      .text("name", l("label.name")), .number("revision", l("label.revision")),
      .text("revision_committed_at", l("label.snapshot.revision_time")), .text("scheme", l("label.scheme")),
      .number("projects", l("label.projects")), .number("weighted_composite", l("label.weighted_composite")),
      .text("note", l("label.note"), truncatable: true),
    ])
    for snapshot in response.snapshots {
      table.append([
        Cell(snapshot.name), Cell(snapshot.revision),
        Cell(snapshot.hasRevisionCommittedAt ? TimeText.iso8601(snapshot.revisionCommittedAt) : ""),
        Cell(snapshot.schemeID), Cell(snapshot.projectCount), renderer.number(snapshot.weightedComposite, .score),
        Cell(snapshot.note),
      ])
    }
    try renderer.emit(response) { [.table(table)] }
  }
}

struct SnapshotShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: HelpText.l("help.snapshot.show.abstract"))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.snapshot.name")))
  var name: String

  func run() async throws {
    var request = Impact_V1_GetSnapshotRequest()
    request.name = name
    let sent = request
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await Impact_V1_HistoryService.Client(wrapping: client).getSnapshot(
        sent, metadata: connection.metadata, options: connection.callOptions)
    }
    let renderer = global.renderer()
    try renderer.emit(response) { [.table(SnapshotFields.table(response.snapshot, renderer: renderer))] }
  }
}

struct SnapshotDeleteCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete", abstract: HelpText.l("help.snapshot.delete.abstract"))

  @OptionGroup var global: GlobalOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.snapshot.name")))
  var name: String

  func run() async throws {
    var draft = Impact_V1_DeleteSnapshotRequest()
    draft.name = name
    if let expected = write.expectedRevision { draft.expectedRevision = expected }
    let request = draft
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await Impact_V1_HistoryService.Client(wrapping: client).deleteSnapshot(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    let l = global.language.localizer
    try global.renderer().emit(response) {
      [
        .table(
          .fields([
            ("deleted", l("label.deleted"), Cell(name)), ("revision", l("label.revision"), Cell(response.revision)),
          ]))
      ]
    }
  }
}
