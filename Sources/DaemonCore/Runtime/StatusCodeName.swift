import GRPCCore

/// The canonical upper-case names of gRPC status codes (`OK`, `NOT_FOUND`), as logs and the
/// `code` metric label use them.
enum StatusCodeName {
  private static let names = [
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
    "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
    "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
  ]

  static func of(_ code: RPCError.Code) -> String {
    let rawValue = Status.Code(code).rawValue
    return names.indices.contains(rawValue) ? names[rawValue] : "CODE_\(rawValue)"
  }

  static let ok = "OK"
}
