import GRPCCore

/// How large a document ImportPortfolio parses in one message: its values (JSON) or cells
/// (CSV), counted by a scan of its bytes before it is parsed. Parsing keeps a tree of every
/// value with its position, about 170 bytes per value; a document of tiny values (400 000
/// empty outcomes in 9.6 MB) would take over 300 MiB and seconds of CPU before any check.
///
/// Larger documents go through ImportPortfolioStream, a chunk of projects per message, which
/// `impact import` uses for them (`docs/operations.md`, *Cost of one request*).
package enum ImportDocumentBudget {
  /// The most values a JSON document, or cells CSV tables, may hold in one ImportPortfolio.
  static let maximumValues = 200_000

  /// Refuses the UTF-8 bytes of a document (field `field`), before it is decoded, when they
  /// hold more than ``maximumValues`` values; `csv` counts cells instead of JSON values. Adds to
  /// `counted` what it counted, so that several tables share one budget. Called by
  /// ``RequestDecodeBudget`` on every ImportPortfolio message, before its handler decodes it.
  package static func check(_ bytes: UnsafeRawBufferPointer, field: String, csv: Bool, counted: inout Int) throws {
    let left = maximumValues - counted
    let count = csv ? cells(in: bytes, stoppingAbove: left) : values(in: bytes, stoppingAbove: left)
    counted += count
    guard counted > maximumValues else { return }
    throw RPCErrorFactory.tooLarge(
      field,
      "a document of more than \(maximumValues) values is imported in a stream (ImportPortfolioStream, which `impact import` uses)",
      rule: "document_budget", values: ["limit": "\(maximumValues)"])
  }

  /// The JSON values of `bytes`, roughly (objects, arrays, strings and the commas between
  /// values), counted until more than `limit`.
  static func values(in bytes: UnsafeRawBufferPointer, stoppingAbove limit: Int) -> Int {
    var count = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        inString = true
        count += 1
      case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ","):
        count += 1
      default:
        continue
      }
      if count > limit { return count }
    }
    return count
  }

  /// The cells of CSV tables in `bytes`, roughly (separators and line ends outside quotes),
  /// counted until more than `limit`.
  static func cells(in bytes: UnsafeRawBufferPointer, stoppingAbove limit: Int) -> Int {
    var count = 0
    var quoted = false
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""):
        quoted.toggle()
      case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"),
        UInt8(ascii: "\n") where !quoted:
        count += 1
        if count > limit { return count }
      default:
        continue
      }
    }
    return count
  }
}
