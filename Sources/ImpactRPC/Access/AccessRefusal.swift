public import GRPCCore
import ImpactCredentials

/// Why the daemon refused a caller before running the method: no access rule, no or bad
/// credentials (UNAUTHENTICATED), or a role too low (PERMISSION_DENIED).
struct AccessRefusal: Error, RPCErrorConvertible, ExplainedError {
  var code: RPCError.Code
  /// The `ErrorInfo` reason (`AUTHENTICATION_REQUIRED`).
  var reason: String
  /// The catalogue key of the text, and its values.
  var key: String
  var values: [String: String] = [:]

  var rpcErrorCode: RPCError.Code { code }
  var rpcErrorMessage: String { explanation.message }
  var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    DaemonErrorExplanation(code: code, reason: reason, key: key, values: values)
  }

  /// The method has no rule: it is refused to everyone.
  static func noRule(_ method: String) -> AccessRefusal {
    AccessRefusal(
      code: .permissionDenied, reason: "NO_ACCESS_RULE", key: "daemon.access.no-rule", values: ["method": method])
  }

  /// The `authorization` header is binary.
  static let authorizationNotText = AccessRefusal(
    code: .unauthenticated, reason: "AUTHORIZATION_MALFORMED", key: "daemon.access.authorization-not-text")

  /// The `authorization` header is not `Bearer <token>`.
  static let authorizationMalformed = AccessRefusal(
    code: .unauthenticated, reason: "AUTHORIZATION_MALFORMED", key: "daemon.access.authorization-malformed")

  /// The bearer token is not one the daemon knows.
  static let tokenUnknown = AccessRefusal(
    code: .unauthenticated, reason: "TOKEN_UNKNOWN", key: "daemon.access.token-unknown")

  /// The client certificate's subject has no role.
  static func certificateWithoutRole(_ subject: String) -> AccessRefusal {
    AccessRefusal(
      code: .unauthenticated, reason: "CERTIFICATE_WITHOUT_ROLE", key: "daemon.access.certificate-without-role",
      values: ["subject": subject])
  }

  /// No credentials at all.
  static let authenticationRequired = AccessRefusal(
    code: .unauthenticated, reason: "AUTHENTICATION_REQUIRED", key: "daemon.access.authentication-required")

  /// `name` has `role`; `action` needs `needed`.
  static func roleTooLow(name: String, role: Role, action: String, needed: Role) -> AccessRefusal {
    AccessRefusal(
      code: .permissionDenied, reason: "ROLE_TOO_LOW", key: "daemon.access.role-too-low",
      values: ["principal": name, "role": "\(role)", "action": action, "needed_role": "\(needed)"])
  }
}
