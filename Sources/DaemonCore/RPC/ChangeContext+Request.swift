import Foundation
import GRPCCore

extension ChangeContext {
  /// The context of a change made by the RPC being served: who (the authenticated principal,
  /// or `local` when authentication is off), which method, and the expected revision.
  static func from(_ context: ServerContext, expectedRevision: Int64?) -> ChangeContext {
    ChangeContext(
      actor: RequestPrincipal.current ?? "local",
      rpcMethod: "/" + context.descriptor.fullyQualifiedMethod,
      expectedRevision: expectedRevision,
      at: Date()
    )
  }
}

/// The principal of the request being served, set by the authentication layer.
public enum RequestPrincipal {
  @TaskLocal public static var current: String?
}
