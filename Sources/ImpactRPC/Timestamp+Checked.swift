import Foundation
import GRPCCore
import SwiftProtobuf

extension Google_Protobuf_Timestamp {
  /// The seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range of a valid
  /// Timestamp (and of the dates the store writes as text).
  static let validSeconds: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

  /// The date of a timestamp a client sent, refused with INVALID_ARGUMENT naming `field` when
  /// it lies outside years 1–9999 or its nanoseconds are not in 0..<1e9 (converting such a
  /// value would overflow).
  func checkedDate(field: String) throws -> Date {
    guard Self.validSeconds.contains(seconds), (0..<1_000_000_000).contains(nanos) else {
      throw RPCErrorFactory.invalid(
        field,
        "a timestamp must lie between years 1 and 9999 with nanos in [0, 1e9), got seconds \(seconds), nanos \(nanos)",
        rule: "timestamp_range", values: ["seconds": "\(seconds)", "nanos": "\(nanos)"])
    }
    return date
  }
}
