import Foundation

// libFuzzer target: the CSV tables reader `PortfolioCSV.decode` on arbitrary bytes. Built by
// scripts/fuzz-formats.sh.
//
// Input layout: the three tables separated by NUL bytes, `projects\0outcomes\0ratings`; a
// missing part is a missing table (`nil`). Seeds follow this layout.
//
// Invariants: no crash, no hang, no memory error (ASan); a refusal has a non-empty message;
// accepted projects validate, score and summarise without trapping; projects the Validator
// accepts survive encode → decode with both separators (`,` and `;` with decimal commas),
// numbers at 15 significant digits: encoding what was decoded gives the same text. With
// FUZZ_ROUNDTRIP_ALL set, the round trip is required of every accepted input.

/// Whether every accepted input must round-trip, not only valid ones.
let roundTripEveryInput = ProcessInfo.processInfo.environment["FUZZ_ROUNDTRIP_ALL"] != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func portfolioCSVFuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let target = "PortfolioCSV.decode"
  let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map { Data($0) }
  let projects: [Project]
  do {
    projects = try PortfolioCSV.decode(
      projects: parts[0],
      outcomes: parts.count > 1 ? parts[1] : nil,
      ratings: parts.count > 2 ? parts[2] : nil)
  } catch {
    FormatFuzzChecks.checkRefusal(error, target: target)
    return 0
  }
  let issues = FormatFuzzChecks.exercise(projects, scheme: .impactV1, target: target)
  let mustRoundTrip = issues.isEmpty || roundTripEveryInput
  for separator: Character in [",", ";"] {
    let tables = PortfolioCSV.encode(projects, separator: separator)
    do {
      let decoded = try PortfolioCSV.decode(
        projects: Data(tables.projects.utf8),
        outcomes: Data(tables.outcomes.utf8),
        ratings: Data(tables.ratings.utf8))
      // CSV keeps 15 significant digits: the first pass may round, the text is then a fixed point.
      if mustRoundTrip && PortfolioCSV.encode(decoded, separator: separator) != tables {
        FormatFuzzChecks.roundTripFailed("\(target) (separator \(separator))", projects, decoded)
      }
    } catch {
      if mustRoundTrip {
        fatalError(
          "\(target): refused its own encoding (separator \(separator)) of valid projects: \(error)\n"
            + "\(tables.projects)\n\(tables.outcomes)\n\(tables.ratings)")
      }
    }
  }
  return 0
}
