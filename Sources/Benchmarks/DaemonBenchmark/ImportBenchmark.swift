// Large portfolios end to end (issue 14), with the settings a user does not change:
//   scripts/bench-daemon.sh --large-import [--projects N]
// (a) floors: the same JSON document loaded into an empty database of the daemon's schema by a
//     plain Python loader (scripts/import-floor.py) and by Swift (PortfolioJSON, then
//     prepared statements in one transaction), WAL and synchronous=FULL both;
// (b) `impact import` of that document into a real impactd on an empty database: wall time,
//     the daemon's peak and resting memory, then its resting memory after a restart;
// (c) `impact import --replace` of an edited copy (5 % of the projects changed);
// (d) `impact scheme set` then `impact portfolio`, and GetPortfolioSummary alone;
// (e) `impact export` (JSON, CSV) and `impact scores --output csv`;
// (f) `impact import` of the same portfolio as a CSV folder, on an empty database.
// See docs/benchmarks.md.
import Analytics
import DaemonCore
import Foundation
import GRDB
import GRPCCore
import ImpactAPI
import ImpactStorage
import SyntheticData

#if canImport(Glibc)
  import Glibc
#endif

struct ImportBenchmarkRow {
  var name: String
  var value: String
  var target: String = ""
}

func runImportBenchmark(_ options: DaemonBenchmarkCommand) async throws {
  let impactd = options.impactdPath
  let impact = URL(fileURLWithPath: impactd).deletingLastPathComponent().appendingPathComponent("impact").path
  let work = FileManager.default.temporaryDirectory.appendingPathComponent("impact-bench-import-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
  defer { if !options.keep { try? FileManager.default.removeItem(at: work) } }
  func path(_ name: String) -> String { work.appendingPathComponent(name).path }

  // The documents, written before any clock starts.
  let projects = SyntheticPortfolio.generate(projects: options.projects, seed: options.seed)
  let document = path("portfolio.json")
  try PortfolioJSON.encode(PortfolioDocument(projects: projects)).write(to: URL(fileURLWithPath: document))
  var edited = projects
  for index in stride(from: 0, to: edited.count, by: 20) {
    edited[index].amount += 1_000
    if !edited[index].ratings.isEmpty { edited[index].ratings[0].value = edited[index].ratings[0].value >= 2 ? 1 : 3 }
  }
  let editedDocument = path("edited.json")
  try PortfolioJSON.encode(PortfolioDocument(projects: edited)).write(to: URL(fileURLWithPath: editedDocument))
  let csv = PortfolioCSV.encode(projects)
  try FileManager.default.createDirectory(atPath: path("csv"), withIntermediateDirectories: true)
  for (name, text) in [("projects.csv", csv.projects), ("outcomes.csv", csv.outcomes), ("ratings.csv", csv.ratings)] {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path("csv/" + name)))
  }
  var revised = Scheme.impactV1
  revised.id = "impact-v1-revised"
  revised.blend = 0.35
  let schemeFile = path("revised-scheme.json")
  try SchemeJSON.encode(revised).write(to: URL(fileURLWithPath: schemeFile))
  let originalSchemeFile = path("scheme.json")
  try SchemeJSON.encode(.impactV1).write(to: URL(fileURLWithPath: originalSchemeFile))
  let documentMiB = fileMiB(document)
  log("import: \(projects.count) projects, \(format(documentMiB, 1)) MiB of JSON, work directory \(work.path)")

  var rows: [ImportBenchmarkRow] = []
  // (a) The floors.
  let swiftFloor = try swiftFloorImport(databasePath: try emptyDatabase(path("floor-swift.sqlite")), document: document)
  log("Swift floor: \(format(swiftFloor / 1_000, 2)) s")
  let python = try await pythonFloorImport(
    databasePath: try emptyDatabase(path("floor-python.sqlite")), document: document)
  log("Python loader: \(format(python.wall / 1_000, 2)) s (\(format(python.reported / 1_000, 2)) s inside)")
  rows.append(
    .init(name: "Swift floor (PortfolioJSON, prepared statements, one transaction)", value: seconds(swiftFloor)))
  rows.append(.init(name: "plain Python loader (json.load, executemany, one transaction)", value: seconds(python.wall)))

  // (b) impact import into a real impactd on an empty database, default settings.
  let database = path("impact.sqlite")
  var daemon = try await RunningImpactd.launch(path: impactd, databasePath: database, logPath: path("impactd-1.log"))
  var pid = daemon.process.processIdentifier
  try await Task.sleep(for: .seconds(1))
  let restingEmpty = residentMemory(pid: pid)?.resident ?? .nan
  let imported = try await cliMilliseconds(impact, ["import", document], address: daemon.address, defaultTimeout: true)
  let peak = residentMemory(pid: pid)?.peak ?? .nan
  // Resting: once the import's housekeeping (checkpoint, compaction) is over.
  try await Task.sleep(for: .seconds(6))
  let restingAfterImport = residentMemory(pid: pid)?.resident ?? .nan
  log(
    "impact import: \(format(imported / 1_000, 2)) s, peak \(format(peak, 0)) MiB, resting \(format(restingAfterImport, 0)) MiB"
  )
  rows.append(
    .init(
      name: "`impact import` into an empty database", value: seconds(imported),
      target: "< Python (\(seconds(python.wall))), ≤ 2× floor (\(seconds(2 * swiftFloor)))"))

  // (c) The edited copy, replacing the portfolio.
  let replaced = try await cliMilliseconds(
    impact, ["import", editedDocument, "--replace", "--overwrite-newer"], address: daemon.address, defaultTimeout: true)
  log("impact import --replace (5 % changed): \(format(replaced / 1_000, 2)) s")
  rows.append(
    .init(
      name: "`impact import --replace`, 5 % of projects changed", value: seconds(replaced),
      target: "≤ 2× floor (\(seconds(2 * swiftFloor)))"))

  // (d) A scheme change, then the portfolio table, three times (the revised scheme, the
  // original, the revised again), once the import's housekeeping (checkpoint, compaction) is
  // done; the summary RPC alone.
  try await Task.sleep(for: .seconds(5))
  var pairs: [(Double, Double)] = []
  for file in [schemeFile, originalSchemeFile, schemeFile] {
    let set = try await cliMilliseconds(impact, ["scheme", "set", file], address: daemon.address, defaultTimeout: true)
    let shown = try await cliMilliseconds(impact, ["portfolio"], address: daemon.address, defaultTimeout: true)
    pairs.append((set, shown))
    log("scheme set \(format(set, 0)) ms, portfolio \(format(shown, 0)) ms")
  }
  let sums = pairs.map { $0.0 + $0.1 }.sorted()
  rows.append(
    .init(
      name: "`impact scheme set` + `impact portfolio` (3 runs)",
      value: pairs.map { "\(format($0.0, 0)) + \(format($0.1, 0))" }.joined(separator: ", ")
        + " ms; best \(format(sums[0], 0)), median \(format(sums[1], 0)) ms",
      target: "≤ 250 ms"))
  let summary = try await withClient(daemon.address) { client in
    let scoring = Impact_V1_ScoringService.Client(wrapping: client)
    var times: [Double] = []
    for _ in 0..<10 {
      let start = ContinuousClock.now
      _ = try await scoring.getPortfolioSummary(.init(), options: callOptions(.seconds(60)))
      times.append(milliseconds(ContinuousClock.now - start))
    }
    return times.sorted()
  }
  rows.append(
    .init(
      name: "GetPortfolioSummary (best / median of 10, client side)",
      value: "\(format(summary[0], 1)) / \(format(summary[5], 1)) ms", target: "≤ 20 ms"))

  // (e) Exports and every score.
  let exportJSON = try await cliMilliseconds(
    impact, ["export", "--to", path("export.json")], address: daemon.address, defaultTimeout: true)
  let exportCSV = try await cliMilliseconds(
    impact, ["export", "--format", "csv", "--excel", "--to", path("export-csv")], address: daemon.address,
    defaultTimeout: true)
  let scores = try await cliMilliseconds(
    impact, ["scores", "--output", "csv"], address: daemon.address, defaultTimeout: true)
  rows.append(.init(name: "`impact export --to FILE` (JSON)", value: seconds(exportJSON)))
  rows.append(.init(name: "`impact export --format csv --excel`", value: seconds(exportCSV)))
  rows.append(.init(name: "`impact scores --output csv`", value: seconds(scores)))

  // (e2) The organisation's framework over the whole portfolio: set, then checked through the
  // CLI (every project scored against it, the tables written) and by the RPC alone.
  let frameworkFile = path("framework.json")
  try DemoFramework.json.write(to: URL(fileURLWithPath: frameworkFile))
  let frameworkSet = try await cliMilliseconds(
    impact, ["framework", "set", frameworkFile], address: daemon.address, defaultTimeout: true)
  let frameworkCheck = try await cliMilliseconds(
    impact, ["framework", "check", "--output", "csv"], address: daemon.address, defaultTimeout: true)
  let checkRPC = try await withClient(daemon.address) { client in
    let service = Impact_V1_FrameworkService.Client(wrapping: client)
    // Every programme's matrix: 100 000 sites, ~7 MB, over a client's default 4 MiB; a
    // client asks for it with a larger limit, as impact does, or per programme.
    var whole = callOptions(.seconds(60))
    whole.maxResponseMessageBytes = 64 << 20
    whole.maxRequestMessageBytes = 64 << 20  // the transport bounds decoding by this one too
    var times: [Double] = []
    for _ in 0..<5 {
      let start = ContinuousClock.now
      _ = try await service.checkFramework(.init(), options: whole)
      times.append(milliseconds(ContinuousClock.now - start))
    }
    return times.sorted()
  }
  log("framework set \(format(frameworkSet, 0)) ms, check \(format(frameworkCheck, 0)) ms")
  rows.append(
    .init(
      name: "`impact framework set` + `impact framework check --output csv`",
      value: "\(format(frameworkSet, 0)) + \(format(frameworkCheck, 0)) ms"))
  rows.append(
    .init(
      name: "CheckFramework (best / median of 5, client side)",
      value: "\(format(checkRPC[0], 1)) / \(format(checkRPC[2], 1)) ms"))
  let peakAfterAll = residentMemory(pid: pid)?.peak ?? .nan
  try await daemon.stop()

  // The same database after a restart.
  daemon = try await RunningImpactd.launch(path: impactd, databasePath: database, logPath: path("impactd-2.log"))
  pid = daemon.process.processIdentifier
  try await Task.sleep(for: .seconds(3))
  let restingRestart = residentMemory(pid: pid)?.resident ?? .nan
  try await daemon.stop()
  rows.append(
    .init(
      name: "impactd memory: empty / peak during the import / resting after it / after a restart",
      value:
        "\(format(restingEmpty, 0)) / \(format(peak, 0)) / \(format(restingAfterImport, 0)) / \(format(restingRestart, 0)) MiB",
      target: "peak ≤ 2× resting; resting within 20 % of restart"))
  rows.append(.init(name: "impactd peak over (b)–(e)", value: "\(format(peakAfterAll, 0)) MiB"))

  // (f) The CSV folder, on an empty database.
  daemon = try await RunningImpactd.launch(
    path: impactd, databasePath: path("impact-csv.sqlite"), logPath: path("impactd-3.log"))
  let csvImport = try await cliMilliseconds(
    impact, ["import", path("csv/projects.csv"), path("csv/outcomes.csv"), path("csv/ratings.csv")],
    address: daemon.address,
    defaultTimeout: true)
  try await daemon.stop()
  rows.append(
    .init(
      name: "`impact import` of the CSV folder into an empty database", value: seconds(csvImport),
      target: "≤ 2× floor (\(seconds(2 * swiftFloor)))"))

  print(
    "\nLarge portfolio: \(projects.count) projects, \(format(documentMiB, 1)) MiB of JSON, release build, synchronous=FULL\n"
  )
  print("| measure | value | target |")
  print("|---|---|---|")
  for row in rows { print("| \(row.name) | \(row.value) | \(row.target) |") }
}

private func seconds(_ milliseconds: Double) -> String { format(milliseconds / 1_000, 2) + " s" }

/// Makes an empty database with the daemon's schema at `path`.
func emptyDatabase(_ path: String) throws -> String {
  let database = try ImpactDatabase.open(atPath: path)
  try database.close()
  return path
}

/// The Swift floor: read and parse the document, then insert its rows into the daemon's
/// tables with prepared statements in one transaction (WAL, synchronous=FULL).
func swiftFloorImport(databasePath: String, document: String) throws -> Double {
  let start = ContinuousClock.now
  let projects = try PortfolioJSON.decode(try Data(contentsOf: URL(fileURLWithPath: document)), source: document)
    .projects
  var configuration = Configuration()
  configuration.prepareDatabase { db in
    try db.execute(sql: "PRAGMA synchronous = FULL")
    try db.execute(sql: "PRAGMA foreign_keys = ON")
  }
  let queue = try DatabaseQueue(path: databasePath, configuration: configuration)
  try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
  let stamp = "2026-11-28T00:00:00.000Z"
  try queue.inTransaction { db in
    let project = try db.makeStatement(
      sql: """
        INSERT INTO projects (id, position, name, programme, territory, status, amount, evidence_level, extra,
          created_revision, updated_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)
        """)
    let outcome = try db.makeStatement(
      sql: """
        INSERT INTO outcomes (project_id, position, id, domain, share, indicator, unit, direction, baseline,
          threshold, target, actual, survey_very_much, survey_slightly, reach, duration_years, drop_off, deadweight,
          attribution, displacement, financial_proxy, harmful, nature, indicator_id, targets)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
        """)
    let risk = try db.makeStatement(sql: "INSERT INTO risks (project_id, risk_type, level) VALUES (?, ?, ?)")
    let rating = try db.makeStatement(
      sql: """
        INSERT INTO ratings (project_id, position, criterion, rater, value, comment, rated_at, revision)
        VALUES (?, ?, ?, ?, ?, ?, ?, 1)
        """)
    let history = try db.makeStatement(
      sql: """
        INSERT INTO rating_history (project_id, criterion, rater, value, comment, rated_at, revision)
        VALUES (?, ?, ?, ?, ?, ?, 1)
        """)
    for (position, p) in projects.enumerated() {
      try project.execute(arguments: [
        p.id, position, p.name, p.programme, p.territory, p.status.rawValue, p.amount, p.evidenceLevel, p.extra,
      ])
      for (index, o) in p.outcomes.enumerated() {
        try outcome.execute(arguments: [
          p.id, index, o.id, o.domain, o.share, o.indicator, o.unit, o.direction?.rawValue, o.baseline, o.threshold,
          o.target, o.actual, o.survey?.veryMuch, o.survey?.slightly, o.reach, o.durationYears, o.dropOff,
          o.deadweight, o.attribution, o.displacement, o.financialProxy, o.harmful, o.nature.rawValue, o.indicatorID,
        ])
      }
      for (type, level) in p.risks { try risk.execute(arguments: [p.id, type, level]) }
      for (index, r) in p.ratings.enumerated() {
        try rating.execute(arguments: [p.id, index, r.criterion, r.rater, r.value, r.comment, stamp])
        try history.execute(arguments: [p.id, r.criterion, r.rater, r.value, r.comment, stamp])
      }
    }
    return .commit
  }
  return milliseconds(ContinuousClock.now - start)
}

/// Runs scripts/import-floor.py: its wall time (interpreter start included) and the time it
/// reports (file read to commit).
func pythonFloorImport(databasePath: String, document: String) async throws -> (wall: Double, reported: Double) {
  let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/import-floor.py").path
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", script, databasePath, document]
  let output = Pipe()
  process.standardOutput = output
  let wall = try await runToExit(process, what: "the Python loader")
  let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  guard process.terminationStatus == 0, let reported = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
  else {
    throw BenchmarkFailure(description: "the Python loader failed (exit \(process.terminationStatus)): \(text)")
  }
  return (wall, reported)
}
