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

  /// The client's id if it is 1...128 printable ASCII characters, else a new random UUID
  /// (``generate()``).
  static func resolve(from metadata: Metadata) -> String {
    if let sent = metadata[stringValues: metadataKey].first(where: { _ in true }),
      (1...128).contains(sent.utf8.count),
      sent.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
    {
      return sent
    }
    return generate()
  }

  /// A new random (version 4) UUID in lower case.
  ///
  /// The bytes come from `SystemRandomNumberGenerator`, which reads `getrandom(2)` on Linux
  /// and `arc4random` on Darwin: no file descriptor is needed, so ids stay random when the
  /// process has run out of descriptors (Foundation's `UUID()` on Linux read `/dev/urandom`
  /// and gave all zeros then). The generator traps rather than return bytes it could not get.
  static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    return format(high: generator.next(), low: generator.next())
  }

  /// The UUID of 128 random bits, with the version (4) and variant (RFC 9562) bits set.
  static func format(high: UInt64, low: UInt64) -> String {
    let high = high & 0xFFFF_FFFF_FFFF_0FFF | 0x0000_0000_0000_4000
    let low = low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
    let hex = hexadecimal(high, digits: 16) + hexadecimal(low, digits: 16)
    let characters = Array(hex)
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
  }

  private static func hexadecimal(_ value: UInt64, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: digits - text.count) + text
  }
}
