// `impact-bench-daemon --shared`: impactd on PostgreSQL (issue 17), with real processes on one
// machine standing in for three machines:
//
// (a) import of --projects projects through a real impactd, into SQLite and into PostgreSQL;
// (b) start-up of an impactd on the PostgreSQL database that holds them (SERVING);
// (c) GetProjectScore latency and throughput against one daemon and against three daemons on
//     the same database, --concurrency callers spread over them;
// (d) write throughput (--writes CreateProject calls, --concurrency writers) against SQLite, one daemon on
//     PostgreSQL and three on PostgreSQL;
// (e) how long a write through one daemon takes to be served by another.
//
// Needs a PostgreSQL server: --postgres postgres://USER@HOST:PORT/DB (or IMPACT_TEST_POSTGRES_URL,
// as scripts/with-postgres.sh sets it), password in PGPASSWORD; the role must be allowed to
// create databases (each run works in a database of its own, dropped at the end).

import Analytics
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import ImpactConfiguration
import ImpactPostgres
import Logging
import PostgresNIO
import SwiftProtobuf
import SyntheticData

func runSharedBenchmark(_ options: DaemonBenchmarkCommand) async throws {
  let environment = ProcessInfo.processInfo.environment
  guard let url = options.postgres ?? environment["IMPACT_TEST_POSTGRES_URL"] else {
    throw BenchmarkFailure(
      description: "--shared needs --postgres postgres://USER@HOST:PORT/DB (or IMPACT_TEST_POSTGRES_URL)")
  }
  let location = try PostgresLocation.parse(url, setting: "--postgres")
  let connector = PostgresConnector(location: location, password: environment["PGPASSWORD"])
  let impactd = options.impactdPath
  let work = FileManager.default.temporaryDirectory.appendingPathComponent("impact-bench-shared-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
  defer { if !options.keep { try? FileManager.default.removeItem(at: work) } }
  log("work directory \(work.path)")

  let projects = SyntheticPortfolio.generate(projects: options.projects, seed: options.seed)
  let ids = projects.map(\.id)
  let template = projects[0]
  log("generated \(projects.count) projects")

  // (a) and (d) on SQLite, for reference.
  let sqlitePath = work.appendingPathComponent("impact.sqlite").path
  let sqlite = try await RunningImpactd.launch(
    path: impactd, databasePath: sqlitePath, logPath: work.appendingPathComponent("sqlite.log").path)
  let sqliteImport = try await importStreams([projects], address: sqlite.address)
  log("SQLite import: \(format(sqliteImport / 1_000, 1)) s")
  let sqliteWrites = try await measureWrites(
    [sqlite.address], template: template, prefix: "s", total: options.writes, concurrency: options.concurrency)
  try await sqlite.stop()

  // A database of its own for the run.
  let logger = Logger(label: "impact-bench-shared")
  let name = "bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
  let admin = try await connector.connect(logger: logger)
  try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
  let databaseURL = url.replacingOccurrences(of: "/\(location.database)", with: "/\(name)")
  var report = SharedReport(projects: projects.count, sqliteImport: sqliteImport, sqliteWrites: sqliteWrites)
  do {
    let first = try await RunningImpactd.launch(
      path: impactd, databasePath: databaseURL, logPath: work.appendingPathComponent("pg-import.log").path)
    report.postgresImport = try await importStreams([projects], address: first.address)
    log("PostgreSQL import: \(format(report.postgresImport / 1_000, 1)) s")
    try await first.stop()

    var daemons: [RunningImpactd] = []
    for index in 0..<3 {
      let daemon = try await RunningImpactd.launch(
        path: impactd, databasePath: databaseURL, logPath: work.appendingPathComponent("pg-\(index).log").path)
      report.startups.append(daemon.servingMilliseconds)
      log("daemon \(index + 1) on PostgreSQL: SERVING after \(format(daemon.servingMilliseconds, 0)) ms")
      daemons.append(daemon)
    }
    do {
      let addresses = daemons.map(\.address)
      report.scores1 = try await measureScores(
        [addresses[0]], ids: ids, total: options.requests, concurrency: options.concurrency)
      report.scores3 = try await measureScores(
        addresses, ids: ids, total: options.requests, concurrency: options.concurrency)
      report.writes1 = try await measureWrites(
        [addresses[0]], template: template, prefix: "p1", total: options.writes, concurrency: options.concurrency
      )
      report.writes3 = try await measureWrites(
        addresses, template: template, prefix: "p3", total: options.writes, concurrency: options.concurrency)
      report.follow = try await measureFollow(from: addresses[0], to: addresses[1], template: template, samples: 50)
    } catch {
      for daemon in daemons { try? await daemon.stop() }
      throw error
    }
    for daemon in daemons { try await daemon.stop() }
  } catch {
    _ = try? await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
    try? await admin.close()
    throw error
  }
  if !options.keep {
    _ = try? await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
  }
  try? await admin.close()
  report.print(concurrency: options.concurrency)
}

/// `total` GetProjectScore calls, `concurrency` callers spread over the daemons at `addresses`
/// (one HTTP/2 connection each).
func measureScores(
  _ addresses: [ListenAddress], ids: [String], total: Int, concurrency: Int
) async throws
  -> LatencyRun
{
  try await withClients(addresses) { clients in
    let call: @Sendable (Int) async throws -> Void = { index in
      let scoring = Impact_V1_ScoringService.Client(wrapping: clients[index % clients.count])
      let id = ids[(index &* 7_919) % ids.count]
      let reply = try await scoring.getProjectScore(.with { $0.id = id }, options: callOptions(.seconds(30)))
      guard reply.score.projectID == id else {
        throw BenchmarkFailure(description: "GetProjectScore answered \(reply.score.projectID)")
      }
    }
    _ = try await measureCalls("warm-up", total: min(1_000, total), concurrency: concurrency, call)
    let run = try await measureCalls(
      "GetProjectScore ×\(addresses.count)", total: total, concurrency: concurrency, call)
    log(
      "GetProjectScore on \(addresses.count) daemon(s): p50 \(format(run.percentile(0.5), 3)) ms, \(format(run.throughput, 0))/s"
    )
    return run
  }
}

/// `total` CreateProject calls (copies of `template`), `concurrency` writers spread over the
/// daemons at `addresses`.
func measureWrites(
  _ addresses: [ListenAddress], template: Project, prefix: String, total: Int, concurrency: Int
) async throws -> LatencyRun {
  let message = Impact_V1_Project(template)
  return try await withClients(addresses) { clients in
    let run = try await measureCalls("CreateProject", total: max(total, concurrency), concurrency: concurrency) {
      index in
      let projects = Impact_V1_ProjectService.Client(wrapping: clients[index % clients.count])
      var project = message
      project.id = "\(prefix)-\(index)"
      _ = try await projects.createProject(.with { $0.project = project }, options: callOptions(.seconds(60)))
    }
    log(
      "CreateProject on \(addresses.count) daemon(s): p50 \(format(run.percentile(0.5), 2)) ms, \(format(run.throughput, 0))/s"
    )
    return run
  }
}

/// How long after a write through `from` answered the daemon at `to` serves it (a read with
/// no minimum revision, polled every millisecond): the follow latency.
func measureFollow(from: ListenAddress, to: ListenAddress, template: Project, samples: Int) async throws -> [Double] {
  let message = Impact_V1_Project(template)
  return try await withClients([from, to]) { clients in
    let writer = Impact_V1_ProjectService.Client(wrapping: clients[0])
    let reader = Impact_V1_ProjectService.Client(wrapping: clients[1])
    var delays: [Double] = []
    for index in 0..<samples {
      var project = message
      project.id = "follow-\(index)"
      let written = try await writer.createProject(.with { $0.project = project }, options: callOptions(.seconds(30)))
      let start = ContinuousClock.now
      while true {
        let read = try await reader.getProject(.with { $0.id = "follow-0" }, options: callOptions(.seconds(30)))
        if read.revision >= written.revision { break }
        guard ContinuousClock.now - start < .seconds(10) else {
          throw BenchmarkFailure(description: "the second daemon did not follow within 10 s")
        }
        try await Task.sleep(for: .milliseconds(1))
      }
      delays.append(milliseconds(ContinuousClock.now - start))
    }
    log("follow latency: p50 \(format(percentile(delays, 0.5), 1)) ms, p99 \(format(percentile(delays, 0.99), 1)) ms")
    return delays
  }
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
  LatencyRun(name: "", concurrency: 1, latencies: values, wallMilliseconds: 1).percentile(fraction)
}

/// Runs `body` with one client per address.
func withClients<Result: Sendable>(
  _ addresses: [ListenAddress], _ body: ([GRPCClient<HTTP2ClientTransport.Posix>]) async throws -> Result
) async throws -> Result {
  func open(
    _ rest: ArraySlice<ListenAddress>, _ opened: [GRPCClient<HTTP2ClientTransport.Posix>]
  ) async throws
    -> Result
  {
    guard let next = rest.first else { return try await body(opened) }
    return try await withClient(next) { client in try await open(rest.dropFirst(), opened + [client]) }
  }
  return try await open(addresses[...], [])
}

struct SharedReport {
  var projects: Int
  var sqliteImport: Double
  var sqliteWrites: LatencyRun
  var postgresImport: Double = 0
  var startups: [Double] = []
  var scores1: LatencyRun?
  var scores3: LatencyRun?
  var writes1: LatencyRun?
  var writes3: LatencyRun?
  var follow: [Double] = []

  func print(concurrency: Int) {
    Swift.print(
      "impact-bench-daemon --shared: \(projects) projects, \(ProcessInfo.processInfo.activeProcessorCount) cores; three impactd processes and PostgreSQL on one machine stand in for three machines"
    )
    Swift.print("")
    Swift.print("| step | SQLite | PostgreSQL |")
    Swift.print("|---|---:|---:|")
    Swift.print(
      "| import of \(projects) projects (one stream), s | \(format(sqliteImport / 1_000, 1)) | \(format(postgresImport / 1_000, 1)) |"
    )
    Swift.print(
      "| start-up to SERVING at \(projects) projects, s (3 daemons) | | \(startups.map { format($0 / 1_000, 2) }.joined(separator: ", ")) |"
    )
    Swift.print("")
    Swift.print("| RPC | daemons | callers | p50 ms | p99 ms | calls/s |")
    Swift.print("|---|---:|---:|---:|---:|---:|")
    for (name, daemons, run) in [
      ("GetProjectScore", 1, scores1), ("GetProjectScore", 3, scores3),
      ("CreateProject (SQLite)", 1, Optional(sqliteWrites)),
      ("CreateProject (PostgreSQL)", 1, writes1), ("CreateProject (PostgreSQL)", 3, writes3),
    ] {
      guard let run else { continue }
      Swift.print(
        "| \(name) | \(daemons) | \(run.concurrency) | \(format(run.percentile(0.5), 3)) | \(format(run.percentile(0.99), 3)) | \(format(run.throughput, 0)) |"
      )
    }
    Swift.print("")
    Swift.print(
      "follow latency (a write through one daemon until another serves it), \(follow.count) samples: p50 \(format(percentile(follow, 0.5), 1)) ms, p99 \(format(percentile(follow, 0.99), 1)) ms"
    )
  }
}
