import Foundation
import Synchronization
import Testing

/// The real `impact` binary against a real `impactd`: every command in every output format
/// compared with golden files, and every documented exit code.
///
/// Golden files live in `Tests/EndToEndTests/Golden/`; run with `IMPACT_UPDATE_GOLDEN=1` to
/// rewrite them after an intended change, and review the diff.
@Suite("impact command line", .serialized)
struct CLICommandTests {
  static let lyon = "chantier-insertion-lyon"
  static let lille = "pension-de-famille-lille"

  /// Read-only commands, each printed in table, JSON and CSV.
  static let readCommands: [(name: String, arguments: [String])] = [
    ("status", ["status"]),
    ("projects-list", ["projects", "list"]),
    ("projects-list-funded", ["projects", "list", "--status", "funded"]),
    ("projects-show", ["projects", "show", lyon]),
    ("score", ["score", lyon]),
    ("score-explain", ["score", lyon, "--explain"]),
    ("rank", ["rank"]),
    ("rank-top", ["rank", "--top", "2"]),
    ("compare", ["compare", lyon, lille]),
    ("portfolio", ["portfolio"]),
    ("coverage", ["coverage"]),
    ("scheme-show", ["scheme", "show"]),
    (
      "whatif",
      [
        "whatif", "--set", "\(lyon).amount=450000", "--set", "\(lyon).outcomes.emploi-durable.actual=60", "--remove",
        lille,
      ]
    ),
  ]

  @Test("every read command matches its golden output in table, json and csv", .timeLimit(.minutes(3)))
  func readCommandsMatchGoldenFiles() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    try CLIGolden.check(imported.stdout, daemon: daemon, name: "import.table.txt")

    for command in Self.readCommands {
      for format in ["table", "json", "csv"] {
        let run = try await CLIRun.impact(command.arguments + ["--output", format], daemon: daemon)
        #expect(run.status == 0, "impact \(command.arguments.joined(separator: " ")) --output \(format): \(run.stderr)")
        #expect(run.stderr.isEmpty, "\(command.name) \(format) wrote to stderr: \(run.stderr)")
        try CLIGolden.check(run.stdout, daemon: daemon, name: "\(command.name).\(format).txt")
      }
    }
    let french = try await CLIRun.impact(["portfolio", "--lang", "fr"], daemon: daemon)
    #expect(french.status == 0)
    try CLIGolden.check(french.stdout, daemon: daemon, name: "portfolio-fr.table.txt")
    let document = try await CLIRun.impact(["scheme", "show", "--document"], daemon: daemon)
    #expect(document.status == 0)
    try CLIGolden.check(document.stdout, daemon: daemon, name: "scheme-document.json")
    await daemon.stop()
  }

  @Test("writes print what they did and the new revision", .timeLimit(.minutes(3)))
  func writesReportTheirRevision() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path, "--json"], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")

    let dryRun = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path, "--dry-run"], daemon: daemon)
    #expect(dryRun.status == 0, "\(dryRun.stderr)")
    try CLIGolden.check(dryRun.stdout, daemon: daemon, name: "import-dry-run.table.txt")

    let rated = try await CLIRun.impact(
      [
        "rate", Self.lyon, "--criterion", "systemic", "--rater", "dora", "--value", "2.5", "--comment",
        "effet levier, \"territoire\"",
      ],
      daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")
    try CLIGolden.check(rated.stdout, daemon: daemon, name: "rate.table.txt")

    let observed = try await CLIRun.impact(
      ["observe", Self.lyon, "emploi-durable", "52", "--period", "2026-Q3", "--source", "bilan T3", "--output", "csv"],
      daemon: daemon)
    #expect(observed.status == 0, "\(observed.stderr)")
    try CLIGolden.check(observed.stdout, daemon: daemon, name: "observe.csv.txt")

    let export = try await CLIRun.impact(["export"], daemon: daemon)
    #expect(export.status == 0, "\(export.stderr)")
    try CLIGolden.check(export.stdout, daemon: daemon, name: "export.json")

    let tables = directory.path("tables")
    let exportCSV = try await CLIRun.impact(["export", "--format", "csv", "--to", tables], daemon: daemon)
    #expect(exportCSV.status == 0, "\(exportCSV.stderr)")
    let reimport = try await CLIRun.impact(
      ["import", "\(tables)/projects.csv", "\(tables)/outcomes.csv", "\(tables)/ratings.csv", "--output", "csv"],
      daemon: daemon)
    #expect(reimport.status == 0, "\(reimport.stderr)")
    try CLIGolden.check(reimport.stdout, daemon: daemon, name: "import-csv-roundtrip.csv.txt")

    let deleted = try await CLIRun.impact(["projects", "delete", Self.lille], daemon: daemon)
    #expect(deleted.status == 0, "\(deleted.stderr)")
    try CLIGolden.check(deleted.stdout, daemon: daemon, name: "projects-delete.table.txt")
    await daemon.stop()
  }

  /// A failing invocation and the exit status it must end with.
  struct ExitCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var status: Int32
    var stderrContains: String
    var testDescription: String { "\(name) exits \(status)" }
  }

  static let exitCases: [ExitCase] = [
    ExitCase(
      name: "unknown project", arguments: ["projects", "show", "no-such-project"], status: 66,
      stderrContains: "no-such-project"),
    ExitCase(
      name: "score of unknown project", arguments: ["score", "no-such-project"], status: 66,
      stderrContains: "no-such-project"),
    ExitCase(
      name: "delete unknown project", arguments: ["projects", "delete", "no-such-project"], status: 66,
      stderrContains: "no-such-project"),
    ExitCase(
      name: "observe unknown outcome", arguments: ["observe", lyon, "no-such-outcome", "3"], status: 66,
      stderrContains: "no-such-outcome"),
    ExitCase(
      name: "rating out of range", arguments: ["rate", lyon, "--criterion", "what", "--rater", "x", "--value", "9"],
      status: 65, stderrContains: "value"),
    ExitCase(
      name: "unknown criterion", arguments: ["rate", lyon, "--criterion", "nope", "--rater", "x", "--value", "1"],
      status: 65, stderrContains: "nope"),
    ExitCase(
      name: "revision mismatch", arguments: ["projects", "delete", lyon, "--expected-revision", "999"], status: 65,
      stderrContains: "999"),
    ExitCase(
      name: "missing file", arguments: ["import", "/nonexistent/portfolio.json"], status: 65,
      stderrContains: "/nonexistent/portfolio.json"),
    ExitCase(name: "unrecognised csv", arguments: ["import", "/dev/null"], status: 65, stderrContains: "/dev/null"),
    ExitCase(
      name: "bad whatif edit value", arguments: ["whatif", "--set", "\(lyon).amount=lots"], status: 65,
      stderrContains: "lots"),
    ExitCase(name: "unknown subcommand", arguments: ["frobnicate"], status: 64, stderrContains: "frobnicate"),
    ExitCase(name: "top below one", arguments: ["rank", "--top", "0"], status: 64, stderrContains: "--top"),
    ExitCase(
      name: "bad server address", arguments: ["status", "--server", "nonsense"], status: 64, stderrContains: "nonsense"),
    ExitCase(
      name: "json with csv", arguments: ["rank", "--json", "--output", "csv"], status: 64, stderrContains: "--json"),
    ExitCase(
      name: "unknown whatif field", arguments: ["whatif", "--set", "\(lyon).colour=red"], status: 64,
      stderrContains: "colour"),
  ]

  @Test("failures end with their documented exit status", .timeLimit(.minutes(3)))
  func failuresExitWithDocumentedStatus() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    let invalid = directory.path("invalid.json")
    try Data(#"{"format": "impact-portfolio/1", "projects": [{"id": "x", "amount": -5}]}"#.utf8)
      .write(to: URL(fileURLWithPath: invalid))
    let cases =
      Self.exitCases + [
        ExitCase(name: "invalid document", arguments: ["import", invalid], status: 65, stderrContains: "invalid.json")
      ]
    for exitCase in cases {
      // Usage errors are found before any call; without an appended --server they are the only error.
      let run =
        exitCase.status == 64
        ? try await CLIRun.impact(exitCase.arguments)
        : try await CLIRun.impact(exitCase.arguments, daemon: daemon)
      #expect(run.status == exitCase.status, "\(exitCase.name): exit \(run.status), stderr \(run.stderr)")
      #expect(run.stderr.contains(exitCase.stderrContains), "\(exitCase.name): \(run.stderr)")
      #expect(run.stdout.isEmpty || exitCase.status == 64, "\(exitCase.name) printed \(run.stdout)")
    }
    let check = try await CLIRun.impact(["status", "--check"], daemon: daemon)
    #expect(check.status == 0)
    #expect(check.stdout == "SERVING\n")
    await daemon.stop()
  }

  @Test(
    "an unreachable daemon exits 69 within the timeout",
    .timeLimit(.minutes(3)),
    arguments: [
      // A watch waits for a daemon not up yet, up to --give-up-after: 0 fails at once.
      ["status", "--check"], ["rank"], ["watch", "--give-up-after", "0"],
    ]
  )
  func unreachableDaemonExitsUnavailable(arguments: [String]) async throws {
    let port = try CLIRun.closedPort()
    let started = ContinuousClock.now
    let run = try await CLIRun.impact(arguments + ["--server", "127.0.0.1:\(port)", "--timeout", "2"])
    let elapsed = ContinuousClock.now - started
    #expect(run.status == 69, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("impact: "), "\(run.stderr)")
    #expect(run.stderr.contains("127.0.0.1:\(port)"), "\(run.stderr)")
    #expect(elapsed < .seconds(8), "took \(elapsed)")
  }

  @Test("watch prints one line per change and exits 0 on SIGTERM", .timeLimit(.minutes(3)))
  func watchFollowsChangesUntilTerminated() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")

    let watch = try CLIStreamingRun(["watch", "--since", "0", "--server", daemon.address])
    let first = try await watch.waitForLines(1)
    #expect(first[0].hasPrefix("revision=1 time="), "\(first)")
    #expect(first[0].contains(" kind=portfolio_imported projects="), "\(first)")
    #expect(first[0].contains(Self.lyon), "\(first)")
    #expect(first[0].hasSuffix("PortfolioService/ImportPortfolio"), "\(first)")

    let rated = try await CLIRun.impact(
      ["rate", Self.lyon, "--criterion", "what", "--rater", "eve", "--value", "2"], daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")
    let lines = try await watch.waitForLines(2)
    #expect(lines[1].hasPrefix("revision=2 "), "\(lines)")
    #expect(lines[1].contains(" kind=rating_recorded projects=\(Self.lyon) "), "\(lines)")

    let status = try await watch.terminate()
    #expect(status == 0, "watch exited \(status): \(watch.stderr)")
    await daemon.stop()
  }

  @Test("watch --json prints one compact JSON object per line", .timeLimit(.minutes(3)))
  func watchPrintsJSONLines() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    let watch = try CLIStreamingRun(["watch", "--since", "0", "--json", "--server", daemon.address])
    let lines = try await watch.waitForLines(1)
    let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect(object?["revision"] as? Int == 1)
    #expect(object?["kind"] as? String == "CHANGE_KIND_PORTFOLIO_IMPORTED")
    let status = try await watch.terminate()
    #expect(status == 0, "watch exited \(status): \(watch.stderr)")
    await daemon.stop()
  }
}

/// Runs the real `impact` binary to completion.
enum CLIRun {
  struct Result: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func impact(_ arguments: [String], daemon: DaemonProcess) async throws -> Result {
    try await impact(arguments + ["--server", daemon.address])
  }

  static func impact(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
    var env = ProcessInfo.processInfo.environment
    for key in [
      "IMPACT_SERVER", "IMPACT_TOKEN", "IMPACT_LANG", "NO_COLOR", "IMPACT_CA", "IMPACT_TLS", "IMPACT_CERT",
      "IMPACT_KEY",
      "IMPACT_TLS_SERVER_NAME", "LC_ALL", "LC_MESSAGES", "LANG",
    ] { env[key] = nil }
    // Tables fit the terminal's width: pin it so that golden files do not depend on the machine.
    env["COLUMNS"] = "100"
    for (key, value) in environment { env[key] = value }
    return try await run(BuiltProducts.impact, arguments, environment: env)
  }

  /// Runs `executable` to its end with no input, capturing both outputs.
  static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) async throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = FileHandle.nullDevice
    try process.run()
    async let out = Task.detached { stdout.fileHandleForReading.readDataToEndOfFile() }.value
    async let err = Task.detached { stderr.fileHandleForReading.readDataToEndOfFile() }.value
    let (outData, errData) = await (out, err)
    await Task.detached { process.waitUntilExit() }.value
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self)
    )
  }

  /// A loopback port nothing listens on: bound, then closed.
  static func closedPort() throws -> Int {
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketDescriptor >= 0 else { throw CLIGolden.Failure(description: "socket() failed") }
    defer { close(socketDescriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(socketDescriptor, generic, length) == 0 && getsockname(socketDescriptor, generic, &length) == 0
      }
    }
    guard bound else { throw CLIGolden.Failure(description: "bind() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}

/// A long-running `impact` process (watch) whose output lines are read as they come.
final class CLIStreamingRun: Sendable {
  let process: Process
  private let output = OutputCollector()

  init(_ arguments: [String]) throws {
    process = Process()
    process.executableURL = BuiltProducts.impact
    process.arguments = arguments
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    output.collect(stdout: stdout, stderr: stderr)
    try process.run()
  }

  var stderr: String { output.stderrText }

  /// Waits until at least `count` lines arrived (the test's time limit bounds the wait).
  func waitForLines(_ count: Int) async throws -> [String] {
    while true {
      let lines = output.stdoutLines
      if lines.count >= count { return lines }
      guard process.isRunning else {
        throw CLIGolden.Failure(description: "impact watch exited \(process.terminationStatus): \(output.stderrText)")
      }
      try await Task.sleep(for: .milliseconds(20))
    }
  }

  /// SIGTERM, then the exit status.
  func terminate() async throws -> Int32 {
    process.terminate()
    let deadline = ContinuousClock.now + .seconds(10)
    while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      throw CLIGolden.Failure(description: "impact watch ignored SIGTERM")
    }
    return process.terminationStatus
  }

  deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// Compares output with the golden files, masking what changes from run to run.
enum CLIGolden {
  struct Failure: Error, CustomStringConvertible { var description: String }

  static let directory = BuiltProducts.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden")

  static func mask(_ text: String, daemon: DaemonProcess) -> String {
    var masked = text.replacingOccurrences(of: daemon.address, with: "<server>")
    masked = masked.replacingOccurrences(of: daemon.databasePath, with: "<database>")
    let patterns: [(String, String)] = [
      (#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, "<time>"),
      (#"(uptime\s+)[0-9dhms ]+"#, "$1<uptime>"),
      (#"(uptime,)[0-9.e+-]+"#, "$1<uptime>"),
      (#"("uptime_seconds": )[0-9.e+-]+"#, "$1<uptime>"),
      (#"(version\s+|version,|"version": ")[^\s",]+"#, "$1<version>"),
    ]
    for (pattern, template) in patterns {
      masked = masked.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
    }
    return masked
  }

  static func check(_ output: String, daemon: DaemonProcess, name: String) throws {
    let masked = mask(output, daemon: daemon)
    let file = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["IMPACT_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(masked.utf8).write(to: file)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record("missing golden file \(name); run with IMPACT_UPDATE_GOLDEN=1 to create it")
      return
    }
    #expect(masked == expected, "\(name) differs from its golden file:\n\(masked)")
  }
}
