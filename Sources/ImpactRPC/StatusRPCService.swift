import Analytics
import BuildInfo
import Foundation
import GRPCCore
import ImpactAPI
import ImpactCredentials
import ImpactStore
import SwiftProtobuf

/// `impact.v1.StatusService`: what monitoring and `impact status` show.
struct StatusRPCService: Impact_V1_StatusService.SimpleServiceProtocol {
  static let version = BuildInfo.version

  let store: PortfolioStore
  let startedAt: Date
  let databasePath: String
  let isServing: @Sendable () -> Bool

  /// The role that reads `database_path`.
  static let databasePathRole = Role.admin

  func getStatus(
    request: Impact_V1_GetStatusRequest,
    context: ServerContext
  ) async throws -> Impact_V1_GetStatusResponse {
    let snapshot = store.snapshot
    return .with {
      $0.version = Self.version
      $0.revision = snapshot.revision
      $0.projectCount = Int64(snapshot.projects.count)
      $0.schemeID = snapshot.scheme.id
      $0.startedAt = Google_Protobuf_Timestamp(date: startedAt)
      $0.uptimeSeconds = Date().timeIntervalSince(startedAt)
      $0.serving = isServing()
      // Where the data lives on the server's disk is for administrators (`database_path` is
      // empty for every other role): it helps an attacker more than a committee member.
      if RequestPrincipal.caller.role >= Self.databasePathRole { $0.databasePath = databasePath }
    }
  }
}
