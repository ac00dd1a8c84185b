import Analytics
import Foundation
import GRPCCore
import ImpactAPI
import ImpactStore
import SwiftProtobuf

extension PortfolioRPCService {
  /// The most projects one chunk of a streamed export carries.
  static let exportChunkProjects = 250

  /// `ExportPortfolioStream`: the header, then the selected projects in chunks, all read from
  /// one snapshot. The writer waits for the client to take each message, so a slow reader holds
  /// the snapshot (which readers share anyway), never a copy of the portfolio as messages.
  func exportPortfolioStream(
    request: Impact_V1_ExportPortfolioStreamRequest,
    response: RPCWriter<Impact_V1_ExportPortfolioStreamResponse>,
    context: ServerContext
  ) async throws {
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    let projects = snapshot.projects(selectedBy: try snapshot.filter(request.filter))
    let layout = PortfolioCSV.Layout(projects, scheme: snapshot.scheme)
    try await response.write(
      .with {
        $0.header = .with {
          $0.revision = snapshot.revision
          $0.schemeJson = String(decoding: SchemeJSON.encode(snapshot.scheme), as: UTF8.self)
          $0.projectCount = Int64(projects.count)
          $0.extraRiskTypes = layout.extraRiskTypes
          $0.targetsColumn = layout.writesTargets
          $0.indicatorIDColumn = layout.writesIndicatorIDs
        }
      })
    var start = projects.startIndex
    while start < projects.endIndex {
      try Task.checkCancellation()
      let end = min(start + Self.exportChunkProjects, projects.endIndex)
      let chunk = Impact_V1_ExportStreamChunk.with { $0.projects = projects[start..<end].map(Impact_V1_Project.init) }
      try await response.write(.with { $0.chunk = chunk })
      start = end
    }
  }
}
