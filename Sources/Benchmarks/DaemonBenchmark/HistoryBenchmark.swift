// Measures the past (issue 12 item 7) on a generated portfolio with a long history:
//   scripts/bench-daemon.sh --history [--projects N] [--revisions R]
// (a) import N projects, then R - 1 more revisions (ratings, observations, amount edits, a
//     scheme change) with two snapshots, `q1` early and `q2` at the end: each snapshot's
//     creation time and size on disk against the portfolio's own tables (SQLite's dbstat);
// (b) a real impactd process started on that database: start-up to SERVING, then reading
//     `--at q1` the first time and cached, `--at rev:N` in the middle of the history, and the
//     diff of q1 and q2 with attribution (cold, after another restart, then warm);
// (c) the same reads through the `impact` CLI, process start included.
// See docs/benchmarks.md.
import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRDB
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import ImpactConfiguration
import SwiftProtobuf
import SyntheticData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct HistoryRow {
  var name: String
  var value: String
  var target: String
}

/// Wall milliseconds of `body`.
func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
  let start = ContinuousClock.now
  let result = try await body()
  return (result, milliseconds(ContinuousClock.now - start))
}

func at(_ configure: (inout Impact_V1_At) -> Void) -> Impact_V1_At {
  var point = Impact_V1_At()
  configure(&point)
  return point
}

/// The bytes of the portfolio's own tables and indexes, and of the snapshots table, by dbstat.
func tableBytes(databasePath: String) throws -> (portfolio: Int64, snapshots: Int64, checkpoints: Int64) {
  var configuration = Configuration()
  configuration.readonly = true
  let queue = try DatabaseQueue(path: databasePath, configuration: configuration)
  return try queue.read { db in
    var sizes: [String: Int64] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name") {
      sizes[row[0]] = row[1]
    }
    let tables = try Row.fetchAll(db, sql: "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")
    var portfolio: Int64 = 0
    var snapshots: Int64 = 0
    var checkpoints: Int64 = 0
    for row in tables {
      let name: String = row[0]
      let table: String = row[1]
      let size = sizes[name] ?? 0
      switch table {
      case "projects", "outcomes", "risks", "ratings": portfolio += size
      case "snapshots": snapshots += size
      case "checkpoints": checkpoints += size
      default: break
      }
    }
    return (portfolio, snapshots, checkpoints)
  }
}

/// Runs `impact ARGUMENTS --server ADDRESS` and returns its wall milliseconds.
/// With `defaultTimeout`, the command keeps impact's own `--timeout` (what a user who changes
/// no setting gets); otherwise it may wait 120 s for each answer.
func cliMilliseconds(
  _ impact: String, _ arguments: [String], address: ListenAddress, defaultTimeout: Bool = false
) async throws -> Double {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: impact)
  process.arguments =
    arguments + ["--server", "\(address.host):\(address.port)"] + (defaultTimeout ? [] : ["--timeout", "120"])
  process.standardOutput = FileHandle.nullDevice
  let errors = Pipe()
  process.standardError = errors
  let took = try await runToExit(process, what: "impact \(arguments.joined(separator: " "))")
  guard process.terminationStatus == 0 else {
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    throw BenchmarkFailure(
      description: "impact \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text)")
  }
  return took
}

func runHistoryBenchmark(_ options: DaemonBenchmarkCommand) async throws {
  let impactd = options.impactdPath
  let impact = URL(fileURLWithPath: impactd).deletingLastPathComponent().appendingPathComponent("impact").path
  let workDirectory = FileManager.default.temporaryDirectory
    .appendingPathComponent("impact-bench-history-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
  defer { if !options.keep { try? FileManager.default.removeItem(at: workDirectory) } }
  let database = workDirectory.appendingPathComponent("impact.sqlite").path
  let projects = SyntheticPortfolio.generate(projects: options.projects, seed: options.seed)
  let ids = projects.map(\.id)
  let revisions = options.revisions
  log("history: \(projects.count) projects, \(revisions) revisions, work directory \(workDirectory.path)")

  var rows: [HistoryRow] = []
  // (a) The history, written through an in-process daemon (the same transport and store).
  let firstSnapshotAt = max(2, revisions * 3 / 10)
  let schemeAt = max(3, revisions / 2)
  let middle = Int64(max(2, revisions * 13 / 20))
  var revised = Scheme.impactV1
  revised.id = "impact-v1-revised"
  revised.blend = 0.35
  let revisedDocument = String(decoding: SchemeJSON.encode(revised), as: UTF8.self)
  let (created, took) = try await withInProcessDaemon(
    databasePath: database, maxRequestPayloadBytes: DaemonConfiguration.Limits.defaults.maxRequestPayloadBytes,
    maxProjectsPerRequest: DaemonConfiguration.Limits.defaults.maxProjectsPerRequest
  ) { address in
    let imported = try await importStreams([projects], address: address)
    log("imported in \(format(imported / 1_000, 1)) s")
    return try await withClient(address) { client in
      let projectService = Impact_V1_ProjectService.Client(wrapping: client)
      let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
      let history = Impact_V1_HistoryService.Client(wrapping: client)
      let options = callOptions(.seconds(600))
      var createdSnapshots: [(String, Double, Int64)] = []
      let start = ContinuousClock.now
      var generator = SplitMix64(seed: 12)
      // Revision 1 was the import; each step below is one revision.
      for step in 2...revisions {
        let id = ids[Int(generator.next() % UInt64(ids.count))]
        if step == firstSnapshotAt || step == revisions {
          let name = step == revisions ? "q2" : "q1"
          let (response, ms) = try await timed {
            try await history.createSnapshot(
              .with {
                $0.name = name; $0.note = "benchmark"
              }, options: options)
          }
          createdSnapshots.append((name, ms, response.snapshot.storedBytes))
          log(
            "snapshot \(name) at revision \(response.snapshot.revision): \(format(ms, 0)) ms, \(response.snapshot.storedBytes / 1_000_000) MB"
          )
        } else if step == schemeAt {
          _ = try await portfolio.setScheme(.with { $0.documentJson = revisedDocument }, options: options)
        } else {
          switch step % 3 {
          case 0:
            _ = try await projectService.recordRating(
              .with {
                $0.projectID = id
                $0.rating = .with {
                  $0.criterion = "who"; $0.rater = "bench"; $0.value = Double(step % 5)
                }
              }, options: options)
          case 1:
            _ = try await projectService.updateProject(
              .with {
                $0.project = .with {
                  $0.id = id; $0.amount = Double(10_000 + step)
                }
                $0.updateMask = .with { $0.paths = ["amount"] }
              }, options: options)
          default:
            let project = try await projectService.getProject(.with { $0.id = id }, options: options)
            guard let outcome = project.project.outcomes.first else { continue }
            _ = try await projectService.recordObservation(
              .with {
                $0.observation = .with {
                  $0.projectID = id
                  $0.outcomeID = outcome.id
                  $0.value = outcome.hasTarget ? outcome.target : 10
                  $0.period = "2026"
                }
                $0.acceptOutOfRange = true
              }, options: options)
          }
        }
      }
      return (createdSnapshots, milliseconds(ContinuousClock.now - start))
    }
  }
  log("history of \(revisions) revisions written in \(format(took / 1_000, 1)) s")
  let sizes = try tableBytes(databasePath: database)
  for (name, ms, bytes) in created {
    rows.append(HistoryRow(name: "create snapshot \(name)", value: "\(format(ms, 0)) ms", target: "≤ 1000 ms"))
    rows.append(
      HistoryRow(
        name: "snapshot \(name) on disk / portfolio tables",
        value:
          "\(format(Double(bytes) / 1_048_576, 1)) / \(format(Double(sizes.portfolio) / 1_048_576, 1)) MiB = \(format(Double(bytes) / Double(max(sizes.portfolio, 1)), 2))×",
        target: "≤ 2×"))
  }
  rows.append(
    HistoryRow(
      name: "snapshots table / checkpoints table",
      value:
        "\(format(Double(sizes.snapshots) / 1_048_576, 1)) / \(format(Double(sizes.checkpoints) / 1_048_576, 1)) MiB",
      target: ""))

  // (b) Cold reads from a real impactd process.
  let first = try await RunningImpactd.launch(
    path: impactd, databasePath: database, logPath: workDirectory.appendingPathComponent("impactd-1.log").path)
  rows.append(
    HistoryRow(name: "start-up to SERVING", value: "\(format(first.servingMilliseconds, 0)) ms", target: "≤ 2000 ms"))
  let probe = ids[ids.count / 2]
  try await withClient(first.address) { client in
    let scoring = Impact_V1_ScoringService.Client(wrapping: client)
    let options = callOptions(.seconds(600))
    let atQ1 = at { $0.snapshot = "q1" }
    let (_, cold) = try await timed {
      try await scoring.getProjectScore(
        .with {
          $0.id = probe; $0.at = atQ1
        }, options: options)
    }
    rows.append(
      HistoryRow(name: "--at q1, first read (GetProjectScore)", value: "\(format(cold, 0)) ms", target: "≤ 1000 ms"))
    var cached: [Double] = []
    for index in 0..<50 {
      let (_, ms) = try await timed {
        try await scoring.getProjectScore(
          .with {
            $0.id = ids[(index * 7_919) % ids.count]; $0.at = atQ1
          }, options: options)
      }
      cached.append(ms)
    }
    cached.sort()
    rows.append(
      HistoryRow(
        name: "--at q1, cached (GetProjectScore p50 / max of 50)",
        value: "\(format(cached[cached.count / 2], 2)) / \(format(cached.last ?? 0, 2)) ms", target: "≤ 50 ms"))
    var summaries: [Double] = []
    for _ in 0..<5 {
      let (_, ms) = try await timed { try await scoring.getPortfolioSummary(.with { $0.at = atQ1 }, options: options) }
      summaries.append(ms)
    }
    rows.append(
      HistoryRow(
        name: "--at q1, cached (GetPortfolioSummary first / best of 5)",
        value: "\(format(summaries[0], 0)) / \(format(summaries.min() ?? 0, 0)) ms", target: "≤ 50 ms"))
    let (_, replay) = try await timed {
      try await scoring.getProjectScore(
        .with {
          $0.id = probe; $0.at = at { $0.revision = middle }
        }, options: options)
    }
    rows.append(
      HistoryRow(
        name: "--at rev:\(middle), cold (GetProjectScore)", value: "\(format(replay, 0)) ms", target: "≤ 3000 ms"))
  }
  try await first.stop()

  let second = try await RunningImpactd.launch(
    path: impactd, databasePath: database, logPath: workDirectory.appendingPathComponent("impactd-2.log").path)
  try await withClient(second.address) { client in
    let history = Impact_V1_HistoryService.Client(wrapping: client)
    let options = callOptions(.seconds(600))
    let request = Impact_V1_DiffPortfoliosRequest.with {
      $0.fromAt = at { $0.snapshot = "q1" }
      $0.toAt = at { $0.snapshot = "q2" }
    }
    let (diff, cold) = try await timed { try await history.diffPortfolios(request, options: options) }
    let (_, warm) = try await timed { try await history.diffPortfolios(request, options: options) }
    rows.append(
      HistoryRow(
        name: "diff q1 q2 with attribution, cold / warm", value: "\(format(cold, 0)) / \(format(warm, 0)) ms",
        target: "≤ 2000 ms"))
    log("diff: \(diff.changed.count) changed projects listed")
  }
  // (c) The same through the CLI: a process per command, the daemon's caches warm for q1.
  // Another revision than the one read above, so that it is cold.
  let cliRevision = max(1, middle - 7)
  let score = try await cliMilliseconds(impact, ["score", probe, "--at", "q1"], address: second.address)
  let revision = try await cliMilliseconds(
    impact, ["score", probe, "--at", "rev:\(cliRevision)"], address: second.address)
  let diff = try await cliMilliseconds(impact, ["diff", "q1", "q2"], address: second.address)
  rows.append(HistoryRow(name: "impact score ID --at q1 (CLI)", value: "\(format(score, 0)) ms", target: ""))
  rows.append(
    HistoryRow(
      name: "impact score ID --at rev:\(cliRevision), cold (CLI)", value: "\(format(revision, 0)) ms",
      target: "≤ 3000 ms"))
  rows.append(HistoryRow(name: "impact diff q1 q2, warm (CLI)", value: "\(format(diff, 0)) ms", target: "≤ 2000 ms"))
  try await second.stop()

  print("")
  print(
    "impact-bench-daemon --history: \(options.projects) projects, \(revisions) revisions, seed \(options.seed) (targets: issue 12, for 100 000 projects and 1 000 revisions)"
  )
  print("")
  let pad = { (text: String, width: Int) in text + String(repeating: " ", count: max(0, width - text.count)) }
  print("| \(pad("measure", 56)) | \(pad("value", 34)) | \(pad("target", 10)) |")
  print(
    "| \(String(repeating: "-", count: 56)) | \(String(repeating: "-", count: 34)) | \(String(repeating: "-", count: 10)) |"
  )
  for row in rows { print("| \(pad(row.name, 56)) | \(pad(row.value, 34)) | \(pad(row.target, 10)) |") }
}
