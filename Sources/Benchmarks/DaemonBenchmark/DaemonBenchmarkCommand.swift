import ArgumentParser
import Foundation

/// `impact-bench-daemon`: its options, read by ArgumentParser (a value that is not a number, or
/// out of range, is an error with the usage, never silently replaced by the default).
@main
struct DaemonBenchmarkCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impact-bench-daemon",
    abstract: "Measures impactd: RPC latency, import, start-up and memory (see docs/benchmarks.md)."
  )

  @Option(help: "Projects in the generated portfolio.")
  var projects = 100_000

  @Option(help: "Calls per latency row.")
  var requests = 20_000

  @Option(help: "Concurrent callers of the concurrent rows.")
  var concurrency = 16

  @Option(help: "Projects per import request of the chunked import.")
  var chunk = 10_000

  @Option(help: "Start-ups of a real impactd process.")
  var startups = 3

  @Option(help: "Seed of the generated portfolio.")
  var seed: UInt64 = 42

  @Option(help: "The impactd to start (default: the one built beside this program).")
  var impactd: String?

  @Flag(name: .customLong("single-document"), inversion: .prefixedNo, help: "Also import the portfolio in one request.")
  var singleDocument = true

  @Flag(help: "Keep the work folder (the database and the daemon's logs).")
  var keep = false

  @Flag(help: "Measure the past instead: snapshots, --at, diff on a history of --revisions revisions.")
  var history = false

  @Flag(help: "Measure large portfolios instead: impact import against floors, memory, scheme set, export (issue 14).")
  var largeImport = false

  @Option(help: "Revisions of history for --history (the import is the first).")
  var revisions = 1_000

  @Flag(help: "Measure impactd on PostgreSQL instead: import, start-up, reads and writes on one and three daemons.")
  var shared = false

  @Option(help: "The PostgreSQL server of --shared (default: IMPACT_TEST_POSTGRES_URL); password in PGPASSWORD.")
  var postgres: String?

  @Option(help: "CreateProject calls per write row of --shared.")
  var writes = 300

  func validate() throws {
    for (name, value) in [
      ("--projects", projects), ("--requests", requests), ("--concurrency", concurrency), ("--chunk", chunk),
      ("--startups", startups),
    ] where value < 1 {
      throw ValidationError("\(name) must be at least 1, got \(value)")
    }
  }

  /// `--impactd`, or the `impactd` built next to this executable.
  var impactdPath: String {
    if let impactd { return impactd }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return executable.deletingLastPathComponent().appendingPathComponent("impactd").path
  }

  func run() async throws {
    if shared {
      try await runSharedBenchmark(self)
    } else if largeImport {
      try await runImportBenchmark(self)
    } else if history {
      guard revisions >= 10 else { throw ValidationError("--revisions must be at least 10, got \(revisions)") }
      try await runHistoryBenchmark(self)
    } else {
      try await runBenchmark(self)
    }
  }
}
