import GRPCCore
public import ImpactConfiguration
import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The daemon could not start listening, said in words an operator acts on, with the exit
/// status `impactd` ends with (see docs/operations.md).
///
/// The transport reports a busy port as `serverIsStopped: "There is no listening address
/// bound..."` with the system's error buried in a chain of causes; this finds it.
public struct DaemonStartError: Error, Sendable, CustomStringConvertible {
  /// Why the address could not be used.
  public enum Reason: Sendable, Hashable {
    /// Another process listens there (EADDRINUSE).
    case inUse
    /// The address cannot be bound at all: not an address of this machine, a privileged port.
    case cannotListen(String)
  }

  /// The address that could not be bound.
  public var address: ListenAddress
  /// What listens there: `gRPC` or `metrics`.
  public var endpoint: String
  /// Why.
  public var reason: Reason

  /// Creates the error.
  public init(address: ListenAddress, endpoint: String, reason: Reason) {
    self.address = address
    self.endpoint = endpoint
    self.reason = reason
  }

  /// 75 (EX_TEMPFAIL) for a busy port, which may be free later (a supervisor retries); 78
  /// (EX_CONFIG) for an address that can never be bound as configured.
  public var exitCode: Int32 {
    switch reason {
    case .inUse: 75
    case .cannotListen: 78
    }
  }

  /// The option that sets the address: `--listen` or `--metrics-listen`.
  public var option: String { endpoint == "metrics" ? "--metrics-listen" : "--listen" }

  public var description: String {
    switch reason {
    case .inUse:
      return "\(address) is already in use (\(endpoint)); stop the process listening there or choose another \(option)"
    case .cannotListen(let cause):
      return "cannot listen on \(address) (\(endpoint)): \(cause); choose another \(option)"
    }
  }

  /// The start error `error` means when binding `address` failed with it; nil when it is not
  /// a failure to bind.
  static func classify(_ error: any Error, address: ListenAddress, endpoint: String) -> DaemonStartError? {
    var current: (any Error)? = error
    var depth = 0
    while let error = current, depth < 8 {
      if let io = error as? IOError {
        switch io.errnoCode {
        case EADDRINUSE: return DaemonStartError(address: address, endpoint: endpoint, reason: .inUse)
        case EADDRNOTAVAIL, EACCES, EPERM, EAFNOSUPPORT:
          return DaemonStartError(
            address: address, endpoint: endpoint, reason: .cannotListen(String(cString: strerror(io.errnoCode))))
        default: return nil
        }
      }
      if let runtime = error as? RuntimeError {
        current = runtime.cause
      } else if let rpc = error as? RPCError {
        current = rpc.cause
      } else {
        current = nil
      }
      depth += 1
    }
    return nil
  }
}
