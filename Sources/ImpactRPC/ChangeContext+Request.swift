import Foundation
import GRPCCore
public import ImpactCredentials
import ImpactStorage

extension ChangeContext {
  /// The context of a change made by the RPC being served: who (the authenticated principal,
  /// or `local` when authentication is off), which method, and the expected revision.
  static func from(_ context: ServerContext, expectedRevision: Int64?) -> ChangeContext {
    ChangeContext(
      actor: RequestPrincipal.caller.name,
      rpcMethod: "/" + context.descriptor.fullyQualifiedMethod,
      expectedRevision: expectedRevision,
      at: Date()
    )
  }
}

/// The caller of the request being served, set by ``AccessInterceptor``.
public enum RequestPrincipal {
  @TaskLocal public static var current: Principal?

  /// The caller; ``Principal/local`` when no access layer ran (a service called in process).
  public static var caller: Principal { current ?? .local }

  /// Refuses the request unless the caller's role is at least `role`.
  ///
  /// - Parameter action: what needs the role, for the message (`replacing the portfolio`).
  /// - Throws: PERMISSION_DENIED naming the caller, their role and the role needed.
  static func require(_ role: Role, for action: String) throws {
    try caller.require(role, for: action)
  }
}

extension Principal {
  /// Refuses with PERMISSION_DENIED, naming this caller, their role and the role needed,
  /// unless their role is at least `role`.
  func require(_ role: Role, for action: String) throws {
    guard self.role >= role else {
      throw AccessRefusal.roleTooLow(name: name, role: self.role, action: action, needed: role)
    }
  }
}
