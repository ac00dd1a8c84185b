import Foundation
public import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactCredentials
import X509

/// Decides, before any handler runs, who is calling and whether they may: the rule of the
/// method (none: refused), then the caller's credentials (a bearer token in `authorization`,
/// or else a verified client certificate), then the caller's role against the rule.
///
/// Missing or bad credentials answer UNAUTHENTICATED, a role too low PERMISSION_DENIED. The
/// caller becomes ``RequestPrincipal/current`` for the handler, so the journal records who
/// made each change. Without authentication every caller is ``Principal/local``.
public struct AccessInterceptor: ServerInterceptor {
  private let policy: AccessPolicy
  private let verifier: (any CredentialVerifier)?

  /// Creates the interceptor.
  ///
  /// - Parameters:
  ///   - policy: the rule of each method.
  ///   - verifier: checks credentials; `nil` turns authentication off (everyone is `local`).
  public init(policy: AccessPolicy, verifier: (any CredentialVerifier)?) {
    self.policy = policy
    self.verifier = verifier
  }

  public func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let service = context.descriptor.service.fullyQualifiedService
    let method = context.descriptor.method
    guard let rule = policy.rule(service: service, method: method) else {
      throw AccessRefusal.noRule("\(service)/\(method)")
    }
    guard case .role(let needed) = rule else { return try await next(request, context) }

    let principal = try await self.principal(metadata: request.metadata, context: context)
    try principal.require(needed, for: method)
    var response = try await RequestPrincipal.$current.withValue(principal) {
      try await next(request, context)
    }
    // A streaming handler writes its messages after `next` returns: keep the caller for it too.
    if case .success(var contents) = response.accepted {
      let producer = contents.producer
      contents.producer = { writer in
        try await RequestPrincipal.$current.withValue(principal) { try await producer(writer) }
      }
      response.accepted = .success(contents)
    }
    return response
  }

  private func principal(metadata: Metadata, context: ServerContext) async throws -> Principal {
    guard let verifier else { return .local }
    if let header = metadata["authorization"].first(where: { _ in true }) {
      guard case .string(let value) = header else {
        throw AccessRefusal.authorizationNotText
      }
      return try await principal(authorization: value, verifier: verifier)
    }
    if let subject = Self.certificateSubject(of: context) {
      guard let principal = try await verifier.principal(forCertificateSubject: subject) else {
        throw AccessRefusal.certificateWithoutRole(subject)
      }
      return principal
    }
    throw AccessRefusal.authenticationRequired
  }

  private func principal(authorization: String, verifier: any CredentialVerifier) async throws -> Principal {
    let parts = authorization.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else {
      throw AccessRefusal.authorizationMalformed
    }
    let token = parts[1].trimmingCharacters(in: .whitespaces)
    guard let principal = try await verifier.principal(forBearerToken: token) else {
      throw AccessRefusal.tokenUnknown
    }
    return principal
  }

  /// The subject of the client certificate TLS verified, RFC 4514.
  static func certificateSubject(of context: ServerContext) -> String? {
    guard let transport = context.transportSpecific as? HTTP2ServerTransport.Posix.Context,
      let certificate = transport.peerCertificate
    else { return nil }
    return certificate.subject.description
  }
}
