import Analytics
import Foundation
import ImpactAPI
import Localization
import SwiftProtobuf

extension ExportCommand {
  /// Writes the exported document in the Common Impact Data Standard (JSON-LD), with every
  /// recorded observation of the exported projects as an indicator report.
  func writeCIDS(_ gathered: GatheringSink, connection: ImpactConnection, revision: Int64) async throws {
    let decoded = PortfolioDocument(scheme: gathered.scheme, projects: gathered.projects, revision: revision)
    let at = history.message
    let projectIDs = decoded.projects.map(\.id)
    let named = cids.organization
    let (observations, organization) = try await connection.run { client, _ in
      var organization = named ?? ""
      if named == nil { organization = try await Self.organization(client, connection) }
      let projects = Impact_V1_ProjectService.Client(wrapping: client)
      var all: [CIDSObservation] = []
      for id in projectIDs {
        var request = Impact_V1_ListObservationsRequest()
        request.projectID = id
        request.pageSize = 1000
        if let at { request.at = at }
        while true {
          let page = try await projects.listObservations(
            request, metadata: connection.metadata, options: connection.callOptions)
          all += page.observations.map {
            CIDSObservation(
              projectID: $0.projectID, outcomeID: $0.outcomeID, value: $0.value, period: $0.period, source: $0.source,
              recordedAt: $0.hasRecordedAt ? $0.recordedAt.date : Date())
          }
          if page.nextPageToken.isEmpty { break }
          request.pageToken = page.nextPageToken
        }
      }
      return (all, organization)
    }
    let export = CIDSExport(
      organization: organization, baseIRI: cids.baseIRI, language: global.language.rawValue)
    let text = export.document(decoded, observations: observations)
    guard let to else {
      StandardStreams.write(text)
      return
    }
    try LocalFile.write(text, to: to)
    StandardStreams.writeError(
      global.language.localizer("export.wrote_file", ["path": to, "revision": String(revision)]))
  }

  /// The organisation the daemon's framework names, for an export without `--organization`.
  private static func organization(
    _ client: ImpactConnection.Client, _ connection: ImpactConnection
  ) async throws -> String {
    guard let framework = try await FrameworkFetch.active(client, connection) else {
      throw CommandFailure(.usage, .l("error.export.cids_needs_organization"))
    }
    return framework.organization
  }
}
