import GRPCCore

/// Errors about the shape of a request itself (not its content).
enum RPCErrorFactory {
  static func invalid(_ field: String, _ message: String) -> RPCError {
    RPCError(code: .invalidArgument, message: "\(field): \(message)")
  }

  static func tooLarge(_ field: String, _ message: String) -> RPCError {
    RPCError(code: .resourceExhausted, message: "\(field): \(message)")
  }
}
