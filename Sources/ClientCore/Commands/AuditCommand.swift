import ArgumentParser
import Foundation
import ImpactAPI
import Localization
import SwiftProtobuf

/// `impact audit`: the journal of committed writes, who made them and when (admin only).
struct AuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: HelpText.l("help.audit.abstract"),
    discussion: """
      \(HelpText.l("help.audit.discussion"))

      \(HelpText.l("help.example"))
        impact audit --actor amel --since 2026-09-01 --until 2026-10-01
        impact audit --project pension-de-famille-rennes --method DeleteProject --json
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(HelpText.l("help.audit.actor"), valueName: "name"))
  var actor: String?

  @Option(help: ArgumentHelp(HelpText.l("help.audit.project"), valueName: "id"))
  var project: String?

  @Option(
    help: ArgumentHelp(
      HelpText.l("help.audit.method"), valueName: "method"))
  var method: String?

  @Option(help: ArgumentHelp(HelpText.l("help.audit.since"), valueName: "time"))
  var since: String?

  @Option(help: ArgumentHelp(HelpText.l("help.audit.until"), valueName: "time"))
  var until: String?

  @Option(help: ArgumentHelp(HelpText.l("help.audit.limit"), valueName: "n"))
  var limit: Int?

  /// The most entries one page asks for: the server's maximum.
  static let pageSize = 1000

  func validate() throws {
    let l = global.language.localizer
    let start = try Self.time(since, option: "--since", l)
    let end = try Self.time(until, option: "--until", l)
    if let start, let end, start >= end {
      throw ValidationError(l("error.audit.since_after_until", ["since": since ?? "", "until": until ?? ""]))
    }
    if let limit, limit < 1 { throw ValidationError(l("error.option.limit", ["value": String(limit)])) }
  }

  func run() async throws {
    var draft = Impact_V1_ListAuditEntriesRequest()
    if let actor { draft.actor = actor }
    if let project { draft.projectID = project }
    if let method { draft.rpcMethod = method }
    if let start = try Self.time(since, option: "--since", global.language.localizer) {
      draft.since = Google_Protobuf_Timestamp(date: start)
    }
    if let end = try Self.time(until, option: "--until", global.language.localizer) {
      draft.until = Google_Protobuf_Timestamp(date: end)
    }
    let request = draft
    let limit = self.limit
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      let audit = Impact_V1_AuditService.Client(wrapping: client)
      var all = Impact_V1_ListAuditEntriesResponse()
      var page = request
      if let project {
        page.projectID = try await ProjectReference.idOrTyped(project, client: client, connection: connection)
      }
      while true {
        let remaining = limit.map { $0 - all.entries.count } ?? Self.pageSize
        // Asking for exactly what --limit leaves keeps the last token a valid continuation.
        page.pageSize = Int32(min(remaining, Self.pageSize))
        let answer = try await audit.listAuditEntries(
          page, metadata: connection.metadata, options: connection.callOptions)
        all.entries += answer.entries.prefix(remaining)
        all.revision = answer.revision
        all.nextPageToken = answer.nextPageToken
        if answer.nextPageToken.isEmpty { break }
        if let limit, all.entries.count >= limit { break }
        page.pageToken = answer.nextPageToken
      }
      return all
    }
    let renderer = global.renderer()
    try renderer.emit(response) {
      [.table(renderer.format == .csv ? Self.csvTable(response.entries) : Self.textTable(response.entries, renderer.l))]
    }
  }

  /// The table for people: the revision as `before→after`, the method without its package,
  /// project ids joined by commas.
  static func textTable(_ entries: [Impact_V1_AuditEntry], _ l: Localizer) -> Table {
    var table = Table(columns: [
      .text("revision", l("label.revision")), .text("committed at", l("label.committed_at")),
      .text("actor", l("label.actor"), truncatable: true), .text("method", l("label.method"), truncatable: true),
      .text("kind", l("label.kind")), .text("projects", l("label.projects"), truncatable: true),
    ])
    for entry in entries {
      table.append([
        Cell("\(entry.revisionBefore)→\(entry.revisionAfter)"),
        Cell(entry.hasCommittedAt ? TimeText.iso8601(entry.committedAt) : ""),
        Cell(entry.actor), Cell(Self.shortMethod(entry.rpcMethod)), Cell(entry.kind, l),
        Cell(entry.projectIds.joined(separator: ",")),
      ])
    }
    return table
  }

  /// `ProjectService/DeleteProject` for `/impact.v1.ProjectService/DeleteProject`: the package
  /// is the same on every line and people read the table within 100 columns.
  static func shortMethod(_ method: String) -> String {
    let prefix = "/impact.v1."
    return method.hasPrefix(prefix) ? String(method.dropFirst(prefix.count)) : method
  }

  /// The table for scripts: one column per field, project ids separated by spaces as in
  /// `impact watch --output csv`.
  static func csvTable(_ entries: [Impact_V1_AuditEntry]) -> Table {
    var table = Table(columns: [
      .number("revision_before"), .number("revision_after"), .text("committed_at"), .text("actor"),
      .text("rpc_method"), .text("kind"), .text("project_ids"),
    ])
    for entry in entries {
      table.append([
        Cell(entry.revisionBefore), Cell(entry.revisionAfter),
        Cell(entry.hasCommittedAt ? TimeText.iso8601(entry.committedAt) : ""),
        Cell(entry.actor), Cell(entry.rpcMethod), Cell(entry.kind.displayName),
        Cell(entry.projectIds.joined(separator: " ")),
      ])
    }
    return table
  }

  /// The date of an ISO 8601 option value, or a usage error naming the option.
  static func time(_ text: String?, option: String, _ l: Localizer) throws -> Date? {
    guard let text else { return nil }
    guard let date = TimeText.parse(text) else {
      throw ValidationError(l("error.option.time", ["option": option, "value": text]))
    }
    return date
  }
}
