import Foundation
import GRPCCore

/// The id of the RPC being handled, for handlers that want it in their own log lines.
///
/// ``RPCObservationInterceptor`` takes it from the client's `x-request-id` metadata when that
/// is a short printable token, and otherwise generates one.
public enum RequestID {
  /// The metadata key clients send and the daemon echoes: `x-request-id`.
  public static let metadataKey = "x-request-id"

  /// The id of the current RPC, `nil` outside an RPC.
  @TaskLocal public static var current: String?

  /// The client's id if it is 1...128 printable ASCII characters, else a new UUID.
  static func resolve(from metadata: Metadata) -> String {
    if let sent = metadata[stringValues: metadataKey].first(where: { _ in true }),
      (1...128).contains(sent.utf8.count),
      sent.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
    {
      return sent
    }
    return UUID().uuidString.lowercased()
  }
}
