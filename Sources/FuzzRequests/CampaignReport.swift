import Foundation
import GRPCCore

/// What a campaign did: inputs per RPC and per status code, invariants broken.
struct CampaignReport {
  var inputs = 0
  var wireMutated = 0
  /// Inputs over the daemon's payload limit.
  var oversize = 0
  var reseeds = 0
  var healthChecks = 0
  var persistenceChecks = 0
  var counts: [String: [String: Int]] = [:]
  /// Time spent waiting for answers, per RPC.
  var durations: [String: Duration] = [:]
  var violations: [Violation] = []
  var elapsed: Duration = .zero

  /// Records one answered input.
  mutating func record(rpc: String, status: String, duration: Duration = .zero) {
    inputs += 1
    durations[rpc, default: .zero] += duration
    counts[rpc, default: [:]][status, default: 0] += 1
  }

  /// `OK`, `INVALID_ARGUMENT`...: the canonical name of a status code.
  static func name(of code: RPCError.Code?) -> String {
    guard let code else { return "OK" }
    var name = ""
    for character in String(describing: code) {
      if character.isUppercase { name += "_" }
      name += character.uppercased()
    }
    return name == "INTERNAL_ERROR" ? "INTERNAL" : name
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  func printed() -> String {
    var lines: [String] = []
    let statuses = Set(counts.values.flatMap(\.keys)).sorted { left, right in
      left == "OK" ? right != "OK" : (right == "OK" ? false : left < right)
    }
    let width = max(24, (counts.keys.map(\.count).max() ?? 0) + 2)
    lines.append("per RPC (inputs, mean answer time: status counts)")
    for rpc in counts.keys.sorted() {
      let row = counts[rpc] ?? [:]
      let total = row.values.reduce(0, +)
      let cells = statuses.compactMap { status in row[status].map { "\(status) \($0)" } }
      let mean = Self.seconds(durations[rpc] ?? .zero) * 1000 / Double(max(total, 1))
      lines.append(
        "  " + rpc.padding(toLength: width, withPad: " ", startingAt: 0)
          + "\(total) (mean \(String(format: "%.1f", mean)) ms): "
          + cells.joined(separator: ", "))
    }
    lines.append("per status code")
    for status in statuses {
      let total = counts.values.reduce(0) { $0 + ($1[status] ?? 0) }
      lines.append("  " + status.padding(toLength: width, withPad: " ", startingAt: 0) + "\(total)")
    }
    let seconds = Self.seconds(elapsed)
    let rate = seconds > 0 ? Double(inputs) / seconds : 0
    lines.append(
      "total inputs: \(inputs) (\(wireMutated) mutated on the wire, \(oversize) over the payload limit) in \(String(format: "%.1f", seconds)) s, "
        + "\(String(format: "%.0f", rate)) inputs/s; \(healthChecks) health and status checks, "
        + "\(persistenceChecks) database reloads, \(reseeds) reseeds")
    if violations.isEmpty {
      lines.append("invariants: all held")
    } else {
      lines.append("VIOLATIONS: \(violations.count)")
      for violation in violations.prefix(50) { lines.append("  " + violation.description) }
    }
    return lines.joined(separator: "\n")
  }
}
