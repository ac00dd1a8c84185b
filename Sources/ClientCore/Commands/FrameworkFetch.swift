import Analytics
import Foundation
import GRPCCore
import ImpactAPI

/// Reads the daemon's framework document with the bank this `impact` ships; a document this
/// `impact` cannot read (a newer daemon's bank) is an error naming the problem.
enum FrameworkFetch {
  static func framework(from document: String) throws -> Framework {
    do {
      return try FrameworkJSON.decode(Data(document.utf8), source: "framework", domains: nil)
    } catch {
      throw CommandFailure(.invalidInput, .l("error.framework.unreadable", ["problem": error.description]))
    }
  }

  /// The daemon's active framework, `nil` when none is set (for a command that does without).
  static func active(_ client: ImpactConnection.Client, _ connection: ImpactConnection) async throws -> Framework? {
    let response: Impact_V1_GetFrameworkResponse
    do {
      response = try await Impact_V1_FrameworkService.Client(wrapping: client).getFramework(
        Impact_V1_GetFrameworkRequest(), metadata: connection.metadata, options: connection.callOptions)
    } catch let error as RPCError where error.code == .notFound {
      return nil
    }
    return try framework(from: response.documentJson)
  }
}
