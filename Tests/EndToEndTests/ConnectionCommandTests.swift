import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// How `impact` reaches a daemon and how `impactd` starts, end to end: the forms of
/// `--server`, the health probe, what answers when it is not a gRPC server, the watch that
/// survives a restart, start-up failures, the metrics endpoint, and the administration
/// commands reading the database from the configuration file.
@Suite("connection, monitoring and impactd operations", .serialized)
struct ConnectionCommandTests {
  // MARK: --server

  @Test(
    "a --server that is not an address is a usage error showing the accepted forms, never a crash",
    .timeLimit(.minutes(3)),
    arguments: [
      "a:b:7611", "::1", "[::1", "[nonsense]:7420", "ftp://127.0.0.1:7420", "http://127.0.0.1:7420/v1/rank",
      "127.0.0.1", "127.0.0.1:99999", "127.0.0.1:0", "ex ample:7420", ":7420", "http://",
    ]
  )
  func badServerIsUsageError(server: String) async throws {
    let run = try await CLIRun.impact(["rank", "--server", server, "--timeout", "2"])
    #expect(run.status == 64, "\(server): exit \(run.status), \(run.stderr)")
    #expect(run.stderr.contains("https://HOST:PORT"), "\(server): \(run.stderr)")
    #expect(run.stderr.contains(server), "\(server): \(run.stderr)")
  }

  @Test("a --timeout too large for a duration is taken as a long wait, not a crash", .timeLimit(.minutes(3)))
  func hugeTimeout() async throws {
    let run = try await CLIRun.impact([
      "rank", "--timeout", "1e300", "--server", "127.0.0.1:\(try CLIRun.closedPort())",
    ])
    #expect(run.status == 69, "\(run.stderr)")
    #expect(run.stderr.contains("connection refused"), "\(run.stderr)")
    let french = try await CLIRun.impact(["rank", "--lang", "fr", "--server", "127.0.0.1:\(try CLIRun.closedPort())"])
    #expect(french.status == 69, "\(french.stderr)")
    #expect(french.stderr.contains("impossible de joindre impactd à 127.0.0.1:"), "\(french.stderr)")
    #expect(french.stderr.contains("connexion refusée"), "\(french.stderr)")
  }

  @Test(
    "IMPACT_SERVER is checked like --server, and says where the value came from, in French too", .timeLimit(.minutes(3))
  )
  func badEnvironmentServer() async throws {
    let run = try await CLIRun.impact(["rank"], environment: ["IMPACT_SERVER": "a:b:7611"])
    #expect(run.status == 64, "\(run.stderr)")
    #expect(run.stderr.contains("IMPACT_SERVER a:b:7611"), "\(run.stderr)")
    let french = try await CLIRun.impact(["rank", "--lang", "fr", "--server", "a:b:7611"])
    #expect(french.status == 64, "\(french.stderr)")
    #expect(french.stderr.contains("formes acceptées : HÔTE:PORT"), "\(french.stderr)")
  }

  @Test("http://, host names and bracketed IPv6 reach the daemon; https:// implies TLS", .timeLimit(.minutes(3)))
  func serverForms() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    for server in ["http://127.0.0.1:\(daemon.port)", "http://localhost:\(daemon.port)/", "localhost:\(daemon.port)"] {
      let run = try await CLIRun.impact(["rank", "--top", "1", "--server", server])
      #expect(run.status == 0, "\(server): \(run.stderr)")
    }
    for server in ["IMPACT_SERVER"] {
      let run = try await CLIRun.impact(
        ["status", "--check"], environment: [server: "http://127.0.0.1:\(daemon.port)"])
      #expect(run.status == 0, "\(run.stderr)")
    }
    // https:// against a plaintext daemon: a TLS failure (69), not a crash.
    let tls = try await CLIRun.impact(["rank", "--server", "https://127.0.0.1:\(daemon.port)", "--timeout", "3"])
    #expect(tls.status == 69, "\(tls.stderr)")
    #expect(tls.stderr.contains("TLS"), "\(tls.stderr)")
    // A bracketed IPv6 address is used as one (nothing listens on [::1] here).
    let ipv6 = try await CLIRun.impact(["rank", "--server", "[::1]:\(try CLIRun.closedPort())", "--timeout", "3"])
    #expect(ipv6.status == 69, "\(ipv6.stderr)")
    #expect(ipv6.stderr.contains("[::1]:"), "\(ipv6.stderr)")
    await daemon.stop()
  }

  // MARK: status --check

  @Test(
    "status --check needs only the health service: no token against a daemon requiring one", .timeLimit(.minutes(3)))
  func healthProbeNeedsNoToken() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(
      database: directory.path("impact.sqlite"), arguments: ["--auth", "on", "--demo"])
    defer { Task { await daemon.stop() } }
    let probe = try await CLIRun.impact(["status", "--check"], daemon: daemon)
    #expect(probe.status == 0, "\(probe.stderr)")
    #expect(probe.stdout == "SERVING\n")
    let json = try await CLIRun.impact(["status", "--check", "--json"], daemon: daemon)
    #expect(json.status == 0, "\(json.stderr)")
    #expect(
      json.stdout.contains(#""status": "SERVING""#) || json.stdout.contains(#""status":"SERVING""#), "\(json.stdout)")
    // A wrong token does not matter to the probe either.
    let wrongToken = try await CLIRun.impact(["status", "--check", "--token", "impact_nope"], daemon: daemon)
    #expect(wrongToken.status == 0, "\(wrongToken.stderr)")
    // The full status still needs a token.
    let full = try await CLIRun.impact(["status"], daemon: daemon)
    #expect(full.status == 77, "\(full.stderr)")
    await daemon.stop()
  }

  // MARK: not a gRPC server

  @Test(
    "the metrics port, or any HTTP/1 server, is not a gRPC server: exit 69 and no TLS hint", .timeLimit(.minutes(3)))
  func http1ServerIsNotGRPC() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(
      database: directory.path("impact.sqlite"), arguments: ["--metrics-listen", "127.0.0.1:0"])
    defer { Task { await daemon.stop() } }
    let metricsPort = try #require(Self.metricsPort(in: daemon.stderrText), "\(daemon.stderrText)")
    for arguments in [["rank"], ["status", "--check"], ["watch"]] {
      let run = try await CLIRun.impact(arguments + ["--server", "127.0.0.1:\(metricsPort)", "--timeout", "3"])
      #expect(run.status == 69, "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains("not a gRPC server (HTTP/1.1 answered)"), "\(arguments): \(run.stderr)")
      #expect(!run.stderr.contains("TLS"), "\(arguments): \(run.stderr)")
    }
    let french = try await CLIRun.impact([
      "rank", "--lang", "fr", "--server", "127.0.0.1:\(metricsPort)", "--timeout", "3",
    ])
    #expect(french.status == 69, "\(french.stderr)")
    #expect(french.stderr.contains("ce n’est pas un serveur gRPC"), "\(french.stderr)")
    await daemon.stop()
  }

  @Test(
    "an HTTP 404 from a proxy is exit 69, naming the status; a 502 says the daemon behind is down",
    .timeLimit(.minutes(3)))
  func proxyStatus() async throws {
    let notFound = try HTTP2ProxyStatusServer(status: 404)
    let run = try await CLIRun.impact(["rank", "--server", "127.0.0.1:\(notFound.port)", "--timeout", "3"])
    #expect(run.status == 69, "\(run.stderr)")
    #expect(run.stderr.contains("not a gRPC server (HTTP status 404"), "\(run.stderr)")
    let badGateway = try HTTP2ProxyStatusServer(status: 502)
    let down = try await CLIRun.impact(["status", "--server", "127.0.0.1:\(badGateway.port)", "--timeout", "3"])
    #expect(down.status == 69, "\(down.stderr)")
    #expect(down.stderr.contains("a proxy answered HTTP status 502"), "\(down.stderr)")
  }

  // MARK: watch

  @Test("watch survives a daemon restart: every change shown exactly once, in order", .timeLimit(.minutes(3)))
  func watchReconnects() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let port = try CLIRun.closedPort()
    let listen = ["--listen", "127.0.0.1:\(port)"]
    var daemon = try await DaemonProcess.start(database: database, arguments: listen)
    let first = daemon
    defer { Task { await first.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")

    let statusCalls = Self.statusCalls(daemon)
    let watch = try CLIStreamingRun(["watch", "--server", daemon.address, "--json"])
    // The watch starts from the revision its first call (GetStatus) reads.
    try await Self.waitUntil { Self.statusCalls(daemon) > statusCalls }
    try await Self.rate(value: "1", daemon: daemon)
    _ = try await watch.waitForLines(1)

    // Killed without a chance to say goodbye, then started again on the same file and port.
    await daemon.kill()
    try await Self.waitUntil { watch.stderr.contains("lost") }
    daemon = try await DaemonProcess.start(database: database, arguments: listen)
    let restarted = daemon
    defer { Task { await restarted.stop() } }
    // Committed before or after the watch reconnects: replayed from the journal or live.
    try await Self.rate(value: "2", daemon: daemon)
    try await Self.waitUntil { watch.stderr.contains("reconnected") }
    try await Self.rate(value: "3", daemon: daemon)
    let lines = try await watch.waitForLines(3)
    try await Task.sleep(for: .milliseconds(500))  // room for a duplicate to show up, if any
    let status = try await watch.terminate()
    #expect(status == 0)

    let shown = try await watch.waitForLines(0)
    let revisions = try shown.map { line -> Int64 in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return Int64("\(object?["revision"] ?? "")") ?? -1
    }
    #expect(revisions.count == 3, "\(lines) then \(shown)")
    #expect(revisions == revisions.sorted() && Set(revisions).count == revisions.count, "\(revisions)")
    #expect(watch.stderr.contains("impact: connection to impactd at 127.0.0.1:\(port) lost"), "\(watch.stderr)")
    await daemon.stop()
  }

  @Test("watch gives up after --give-up-after with exit 69", .timeLimit(.minutes(3)))
  func watchGivesUp() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let statusCalls = Self.statusCalls(daemon)
    let watch = try CLIStreamingRun(["watch", "--server", daemon.address, "--give-up-after", "2s", "--lang", "fr"])
    try await Self.waitUntil { Self.statusCalls(daemon) > statusCalls }
    let stopped = ContinuousClock.now
    await daemon.stop()
    try await Self.waitUntil { !watch.process.isRunning }
    #expect(watch.process.terminationStatus == 69, "\(watch.stderr)")
    #expect(ContinuousClock.now - stopped < .seconds(15))
    #expect(watch.stderr.contains("perdue"), "\(watch.stderr)")
    #expect(watch.stderr.contains("abandon"), "\(watch.stderr)")
  }

  @Test("a watch started before the daemon waits for it, saying so", .timeLimit(.minutes(3)))
  func watchWaitsForDaemon() async throws {
    let directory = try TemporaryDirectory()
    let port = try CLIRun.closedPort()
    let watch = try CLIStreamingRun(
      ["watch", "--server", "127.0.0.1:\(port)", "--give-up-after", "20s", "--json", "--project", "pension"])
    try await Self.waitUntil { watch.stderr.contains("not reachable yet") }
    #expect(watch.process.isRunning, "\(watch.stderr)")
    try await Task.sleep(for: .seconds(1))
    let daemon = try await DaemonProcess.start(
      database: directory.path("impact.sqlite"), arguments: ["--demo", "--listen", "127.0.0.1:\(port)"])
    defer { Task { await daemon.stop() } }
    try await Self.waitUntil { watch.stderr.contains("connected to impactd") }
    let rated = try await CLIRun.impact(
      ["rate", "pension-de-famille-rennes", "--criterion", "who", "--rater", "amel", "--value", "3"], daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")
    let lines = try await watch.waitForLines(1)
    #expect(lines.first?.contains("pension-de-famille-rennes") == true, "\(lines)")
    #expect(try await watch.terminate() == 0)
    #expect(!watch.stderr.contains("reconnected"), "\(watch.stderr)")
    await daemon.stop()
  }

  @Test("a watch whose daemon never comes up gives up after --give-up-after with exit 69", .timeLimit(.minutes(3)))
  func watchGivesUpWaiting() async throws {
    let port = try CLIRun.closedPort()
    let started = ContinuousClock.now
    let run = try await CLIRun.impact([
      "watch", "--server", "127.0.0.1:\(port)", "--give-up-after", "2s", "--lang", "fr",
    ])
    #expect(run.status == 69, "\(run.stderr)")
    #expect(ContinuousClock.now - started >= .seconds(2))
    #expect(run.stderr.contains("pas encore joignable"), "\(run.stderr)")
    #expect(run.stderr.contains("abandon"), "\(run.stderr)")
  }

  // MARK: impactd start-up

  @Test("--version of both tools names the version and the git commit of the build", .timeLimit(.minutes(3)))
  func versionNamesTheCommit() async throws {
    for (tool, result) in [
      ("impact", try await CLIRun.impact(["--version"])), ("impactd", try await DaemonTool.run(["--version"])),
    ] {
      #expect(result.status == 0, "\(result.stderr)")
      let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      let stamp = #/(impactd?) \d+\.\d+\.\d+ \(([0-9a-f]{12}(-dirty)?|unknown)\)/#
      let match = line.wholeMatch(of: stamp)
      #expect(match?.output.1 == Substring(tool), "\(line)")
    }
  }

  @Test("a busy gRPC port: impactd says so and exits 75", .timeLimit(.minutes(3)))
  func busyGRPCPort() async throws {
    let directory = try TemporaryDirectory()
    let first = try await DaemonProcess.start(database: directory.path("a.sqlite"))
    defer { Task { await first.stop() } }
    let second = try await DaemonTool.run(["--listen", first.address, "--database", directory.path("b.sqlite")])
    #expect(second.status == 75, "\(second.stderr)")
    #expect(second.stderr.contains("impactd: \(first.address) is already in use"), "\(second.stderr)")
    #expect(!second.stderr.contains("serverIsStopped"), "\(second.stderr)")
    let french = try await Self.impactd(
      ["--listen", first.address, "--database", directory.path("c.sqlite")], in: directory.path(""),
      environment: ["LANG": "fr_FR.UTF-8"])
    #expect(french.status == 75, "\(french.stderr)")
    #expect(french.stderr.contains("impactd: \(first.address) est déjà utilisé (gRPC)"), "\(french.stderr)")
    await first.stop()
  }

  @Test("a busy metrics port fails before the daemon says it listens or serves", .timeLimit(.minutes(3)))
  func busyMetricsPort() async throws {
    let directory = try TemporaryDirectory()
    let first = try await DaemonProcess.start(
      database: directory.path("a.sqlite"), arguments: ["--metrics-listen", "127.0.0.1:0"])
    defer { Task { await first.stop() } }
    let metricsPort = try #require(Self.metricsPort(in: first.stderrText), "\(first.stderrText)")
    let second = try await DaemonTool.run([
      "--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:\(metricsPort)", "--database",
      directory.path("b.sqlite"),
    ])
    #expect(second.status == 75, "\(second.stderr)")
    #expect(second.stderr.contains("127.0.0.1:\(metricsPort) is already in use (metrics)"), "\(second.stderr)")
    #expect(!second.stdout.contains("listening"), "\(second.stdout)")
    #expect(!second.stderr.contains("listening on") && !second.stderr.contains("impactd serving"), "\(second.stderr)")
    await first.stop()
  }

  // MARK: metrics

  @Test(
    "/metrics: help on every family, process and database metrics, build info; promtool finds nothing",
    .timeLimit(.minutes(3)))
  func metricsPassPromtool() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(
      database: directory.path("impact.sqlite"), arguments: ["--metrics-listen", "127.0.0.1:0", "--demo"])
    defer { Task { await daemon.stop() } }
    let metricsPort = try #require(Self.metricsPort(in: daemon.stderrText), "\(daemon.stderrText)")
    _ = try await CLIRun.impact(["rank"], daemon: daemon)
    _ = try await CLIRun.impact(["score", "no-such-project"], daemon: daemon)
    let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(metricsPort)/metrics")!)
    let text = String(decoding: data, as: UTF8.self)

    var families: Set<String> = []
    var helped: Set<String> = []
    for line in text.split(separator: "\n") {
      let words = line.split(separator: " ")
      if line.hasPrefix("# TYPE "), words.count >= 3 { families.insert(String(words[2])) }
      if line.hasPrefix("# HELP "), words.count >= 4 { helped.insert(String(words[2])) }
    }
    #expect(families.subtracting(helped).isEmpty, "no help: \(families.subtracting(helped).sorted())")
    for family in [
      "process_cpu_seconds_total", "process_resident_memory_bytes", "process_open_fds", "process_max_fds",
      "process_start_time_seconds", "impact_database_size_bytes", "impact_build_info", "impact_rpc_duration_seconds",
      "impact_rpc_requests_total", "impact_rpc_errors_total",
    ] {
      #expect(families.contains(family), "\(family) missing from:\n\(text)")
    }
    #expect(text.contains(#"impact_build_info{version=""#), "\(text)")
    let commit = try #require(text.split(separator: "\n").first { $0.hasPrefix("impact_build_info{") })
    #expect(commit.contains(#"commit=""#) && !commit.contains(#"commit="""#), "no commit in \(commit)")
    #expect(
      text.contains(#"impact_rpc_duration_seconds_bucket{method="impact.v1.ScoringService/RankProjects""#), "\(text)")
    let size = text.split(separator: "\n").first { $0.hasPrefix("impact_database_size_bytes ") }
    #expect(size.flatMap { Double($0.split(separator: " ")[1]) }.map { $0 > 0 } == true, "\(String(describing: size))")

    guard let promtool = Self.executable("promtool") else {
      #expect(
        ProcessInfo.processInfo.environment["CI"] != "true",
        "promtool is required under CI=true (Debian package prometheus)")
      print("ConnectionCommandTests: promtool not found; `promtool check metrics` skipped (apt-get install prometheus)")
      await daemon.stop()
      return
    }
    let checked = try Self.run(promtool, ["check", "metrics"], input: data)
    #expect(checked.status == 0, "promtool: \(checked.output)")
    #expect(checked.output.isEmpty, "promtool: \(checked.output)")
    await daemon.stop()
  }

  // MARK: impactd token and certificate

  @Test("impactd token revoke acts on the database of --config, the one the daemon serves", .timeLimit(.minutes(3)))
  func tokenCommandsFollowTheConfigFile() async throws {
    let directory = try TemporaryDirectory()
    let served = directory.path("served.sqlite")
    let config = directory.path("impactd.json")
    try Data(#"{"database": "\#(served)", "auth": "on"}"#.utf8).write(to: URL(fileURLWithPath: config))
    let workingDirectory = directory.path("elsewhere")
    try FileManager.default.createDirectory(atPath: workingDirectory, withIntermediateDirectories: true)

    let created = try await Self.impactd(
      ["token", "create", "vera", "--role", "viewer", "--config", config], in: workingDirectory)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stderr.contains(served), "the file acted on: \(created.stderr)")
    let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

    let daemon = try await DaemonProcess.start(database: "", arguments: ["--config", config, "--demo"])
    defer { Task { await daemon.stop() } }
    let allowed = try await CLIRun.impact(["rank", "--top", "1", "--token", token], daemon: daemon)
    #expect(allowed.status == 0, "\(allowed.stderr)")

    let revoked = try await Self.impactd(["token", "revoke", "vera", "--config", config], in: workingDirectory)
    #expect(revoked.status == 0, "\(revoked.stderr)")
    #expect(revoked.stderr.contains(served), "\(revoked.stderr)")
    #expect(!FileManager.default.fileExists(atPath: workingDirectory + "/impact.sqlite"))

    // A revocation reaches the running daemon within a second or so.
    var refused = try await CLIRun.impact(["rank", "--token", token], daemon: daemon)
    let deadline = ContinuousClock.now + .seconds(10)
    while refused.status == 0, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(200))
      refused = try await CLIRun.impact(["rank", "--token", token], daemon: daemon)
    }
    #expect(refused.status == 77, "\(refused.stderr)")

    // IMPACTD_CONFIG is read too, and the flag --database still wins over it.
    let listed = try await Self.impactd(
      ["token", "list", "--all", "--json"], in: workingDirectory, environment: ["IMPACTD_CONFIG": config])
    #expect(listed.status == 0 && listed.stdout.contains(#""name":"vera""#), "\(listed.stdout) \(listed.stderr)")
    let other = directory.path("other.sqlite")
    let flagged = try await Self.impactd(
      ["certificate", "list", "--database", other], in: workingDirectory, environment: ["IMPACTD_CONFIG": config])
    // other.sqlite does not exist: refused (66), naming the file the flag chose over the config's.
    #expect(flagged.status == 66 && flagged.stderr.contains(other), "\(flagged.stderr)")
    await daemon.stop()
  }

  // MARK: helpers

  /// The metrics port the daemon logged (`metrics listening on http://127.0.0.1:PORT/metrics`).
  static func metricsPort(in log: String) -> Int? {
    guard let range = log.range(of: "metrics listening on http://127.0.0.1:") else { return nil }
    return Int(log[range.upperBound...].prefix { $0.isNumber })
  }

  /// How many GetStatus calls the daemon has logged.
  static func statusCalls(_ daemon: DaemonProcess) -> Int {
    daemon.stderrText.components(separatedBy: "StatusService/GetStatus").count - 1
  }

  static func rate(value: String, daemon: DaemonProcess) async throws {
    let rated = try await CLIRun.impact(
      ["rate", CLICommandTests.lyon, "--criterion", "systemic", "--rater", "dora", "--value", value], daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")
  }

  /// Polls `condition` every 50 ms; the test's time limit bounds the wait.
  static func waitUntil(_ condition: () -> Bool) async throws {
    while !condition() { try await Task.sleep(for: .milliseconds(50)) }
  }

  /// `impactd` run in `directory` with no IMPACTD_* variables but `environment`.
  static func impactd(
    _ arguments: [String], in directory: String, environment: [String: String] = [:]
  ) async throws -> CLIRun.Result {
    let process = Process()
    process.executableURL = BuiltProducts.impactd
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var env = ProcessInfo.processInfo.environment
    for key in env.keys where key.hasPrefix("IMPACTD_") { env[key] = nil }
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    async let out = Task.detached { stdout.fileHandleForReading.readDataToEndOfFile() }.value
    async let err = Task.detached { stderr.fileHandleForReading.readDataToEndOfFile() }.value
    let (outData, errData) = await (out, err)
    await Task.detached { process.waitUntilExit() }.value
    return CLIRun.Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  static func executable(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Runs `executable` with `input` on stdin; its stdout and stderr together.
  static func run(_ executable: URL, _ arguments: [String], input: Data) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let stdin = Pipe()
    let output = Pipe()
    process.standardInput = stdin
    process.standardOutput = output
    process.standardError = output
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let text = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: text, as: UTF8.self))
  }
}
