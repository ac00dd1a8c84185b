// Measures impactd against issue 3 item 5, on a generated portfolio:
//   swift build -c release --product impactd --product impact-bench-daemon
//   .build/release/impact-bench-daemon [--projects N] [--requests K] [--concurrency C] ...
//   (the options: DaemonBenchmarkCommand.swift, or --help)
// (a) GetProjectScore latency and throughput against a bare echo RPC served by the same
//     in-process daemon (same transport, same interceptors), sequential and concurrent;
// (b) importing N projects with ImportPortfolioStream, as one document and in chunks;
// (c) start-up of a real impactd process on a database of N projects, spawn to SERVING;
// (d) the resident memory of that process.
// See docs/benchmarks.md.
import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import ImpactConfiguration
import ImpactCredentials
import ImpactRPC
import ImpactStorage
import Logging
import SwiftProtobuf
import SyntheticData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - The bare RPC

/// Messages as their bytes: the echo costs no (de)serialization beyond a copy.
struct RawBytes: MessageSerializer, MessageDeserializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }

  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
    serializedMessageBytes.withUnsafeBytes { Array($0) }
  }
}

/// `impact.bench.Echo/Echo`: returns its request. The baseline every other RPC is compared to:
/// it pays for HTTP/2, the server's interceptors (logging, metrics, readiness) and nothing else.
struct EchoService: RegistrableRPCService {
  static let echo = MethodDescriptor(
    service: ServiceDescriptor(fullyQualifiedService: "impact.bench.Echo"), method: "Echo")

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerHandler(forMethod: Self.echo, deserializer: RawBytes(), serializer: RawBytes()) { request, _ in
      let message = try await ServerRequest(stream: request).message
      return StreamingServerResponse(single: ServerResponse(message: message))
    }
  }
}

/// The impact application with the echo service beside its own.
struct BenchApplication: DaemonApplication {
  let impact = ImpactApplication()

  func makeServices(context: DaemonContext) async throws -> [any RegistrableRPCService] {
    try await impact.makeServices(context: context) + [EchoService()]
  }

  func load(context: DaemonContext) async throws { try await impact.load(context: context) }
  func shutdownRequested(context: DaemonContext) async { await impact.shutdownRequested(context: context) }
  func shutdown(context: DaemonContext) async throws { try await impact.shutdown(context: context) }

  var accessPolicy: AccessPolicy {
    impact.accessPolicy.merging(
      AccessPolicy(services: [EchoService.echo.service.fullyQualifiedService: .role(.viewer)]))
  }

  func credentialVerifier(context: DaemonContext) -> (any CredentialVerifier)? {
    impact.credentialVerifier(context: context)
  }
}

// MARK: - The in-process daemon

struct BenchmarkFailure: Error, CustomStringConvertible {
  var description: String
}

/// Runs an in-process daemon serving ``BenchApplication`` on 127.0.0.1 port 0 (the harness of
/// the daemon's tests), waits until it is SERVING, runs `body` with its address, then shuts it
/// down, keeping the database file.
func withInProcessDaemon<Result: Sendable>(
  databasePath: String,
  maxRequestPayloadBytes: Int,
  maxProjectsPerRequest: Int,
  _ body: @Sendable (ListenAddress) async throws -> Result
) async throws -> Result {
  var configuration = DaemonConfiguration.inProcess(databasePrefix: "impact-bench-daemon")
  configuration.server.gracePeriod = .seconds(10)
  configuration.database.path = databasePath
  configuration.database.durability = .full
  configuration.limits.maxRequestPayloadBytes = maxRequestPayloadBytes
  configuration.limits.maxProjectsPerRequest = maxProjectsPerRequest
  return try await withRunningDaemon(
    configuration: configuration,
    application: BenchApplication(),
    startLimit: .seconds(600),
    shutdownLimit: .seconds(60),
    keepDatabase: true,
    logger: .inProcessDaemon(label: "impact-bench-daemon")
  ) { daemon in try await body(daemon.address) }
}

/// Runs `body` with a client on one HTTP/2 connection to `address`.
func withClient<Result: Sendable>(
  _ address: ListenAddress,
  _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
) async throws -> Result {
  try await withClient(to: address, config: .defaults { $0.http2.targetWindowSize = 16 * 1024 * 1024 }, body)
}

func callOptions(_ timeout: Duration) -> CallOptions {
  var options = CallOptions.defaults
  options.timeout = timeout
  return options
}

// MARK: - Measuring

func milliseconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
}

/// Latencies of a run of calls and the wall time of the whole run.
struct LatencyRun {
  var name: String
  var concurrency: Int
  var latencies: [Double]
  var wallMilliseconds: Double

  func percentile(_ fraction: Double) -> Double {
    let sorted = latencies.sorted()
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
    return sorted[index]
  }

  var throughput: Double { Double(latencies.count) / (wallMilliseconds / 1_000) }
}

/// Makes `total` calls, `concurrency` at a time (each caller makes its share in sequence),
/// timing each one.
func measureCalls(
  _ name: String,
  total: Int,
  concurrency: Int,
  _ call: @escaping @Sendable (Int) async throws -> Void
) async throws -> LatencyRun {
  let start = ContinuousClock.now
  let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
    for caller in 0..<concurrency {
      group.addTask {
        var samples: [Double] = []
        samples.reserveCapacity(total / concurrency + 1)
        var index = caller
        while index < total {
          let callStart = ContinuousClock.now
          try await call(index)
          samples.append(milliseconds(ContinuousClock.now - callStart))
          index += concurrency
        }
        return samples
      }
    }
    var all: [Double] = []
    for try await samples in group { all += samples }
    return all
  }
  return LatencyRun(
    name: name, concurrency: concurrency, latencies: latencies,
    wallMilliseconds: milliseconds(ContinuousClock.now - start))
}

/// `VmRSS` and `VmHWM` of a process, in MiB.
func residentMemory(pid: Int32) -> (resident: Double, peak: Double)? {
  guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
  func field(_ name: String) -> Double? {
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
    let digits = line.split(separator: " ").compactMap { Double($0) }.first
    return digits.map { $0 / 1024 }
  }
  guard let resident = field("VmRSS"), let peak = field("VmHWM") else { return nil }
  return (resident, peak)
}

/// User plus system CPU time of a process, in milliseconds, from `/proc/PID/stat`.
func cpuMilliseconds(pid: Int32) -> Double {
  guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
    let afterName = text.range(of: ") ", options: .backwards)
  else { return .nan }
  // Fields after the command name start at field 3 (state); utime and stime are fields 14, 15.
  let fields = text[afterName.upperBound...].split(separator: " ")
  guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
  return (user + system) * 1_000 / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// The `load_duration` impactd logged when it turned SERVING, in milliseconds.
func loggedLoadMilliseconds(logPath: String) -> Double {
  guard let text = try? String(contentsOfFile: logPath, encoding: .utf8),
    let line = text.split(separator: "\n").last(where: { $0.contains("impactd serving") }),
    let range = line.range(of: "load_duration=")
  else { return .nan }
  let value = line[range.upperBound...].prefix { $0.isNumber || $0 == "." }
  return (Double(value) ?? .nan) * 1_000
}

func fileMiB(_ path: String) -> Double {
  let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
  return size / 1_048_576
}

func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

func log(_ text: String) {
  FileHandle.standardError.write(Data("[bench] \(text)\n".utf8))
}

// MARK: - (a) latency

func measureLatency(address: ListenAddress, ids: [String], options: DaemonBenchmarkCommand) async throws -> [LatencyRun]
{
  try await withClient(address) { client in
    let scoring = Impact_V1_ScoringService.Client(wrapping: client)
    let status = Impact_V1_StatusService.Client(wrapping: client)
    let echoPayload = Array(repeating: UInt8(ascii: "x"), count: 16)
    let timeout = callOptions(.seconds(30))
    let requests = options.requests

    let echo: @Sendable (Int) async throws -> Void = { _ in
      let reply = try await client.unary(
        request: ClientRequest(message: echoPayload), descriptor: EchoService.echo,
        serializer: RawBytes(), deserializer: RawBytes(), options: timeout
      ) { try $0.message }
      guard reply.count == echoPayload.count else {
        throw BenchmarkFailure(description: "echo answered \(reply.count) bytes")
      }
    }
    let getStatus: @Sendable (Int) async throws -> Void = { _ in
      let reply = try await status.getStatus(Impact_V1_GetStatusRequest(), options: timeout)
      guard reply.projectCount == Int64(ids.count) else {
        throw BenchmarkFailure(description: "GetStatus counted \(reply.projectCount) projects")
      }
    }
    func score(explain: Bool) -> @Sendable (Int) async throws -> Void {
      { index in
        // A stride prime to the count visits projects all over the portfolio.
        let id = ids[(index &* 7_919) % ids.count]
        let reply = try await scoring.getProjectScore(
          .with {
            $0.id = id
            $0.explain = explain
          }, options: timeout)
        guard reply.score.projectID == id else {
          throw BenchmarkFailure(description: "GetProjectScore answered \(reply.score.projectID)")
        }
      }
    }

    // The first call after load shows whether scores are computed lazily.
    let first = try await measureCalls("GetProjectScore, first call", total: 1, concurrency: 1, score(explain: false))
    log("first GetProjectScore: \(format(first.latencies[0])) ms")

    let cases: [(String, @Sendable (Int) async throws -> Void)] = [
      ("Echo (bare RPC)", echo),
      ("GetStatus", getStatus),
      ("GetProjectScore", score(explain: false)),
      ("GetProjectScore explain", score(explain: true)),
    ]
    var runs: [LatencyRun] = []
    for concurrency in [1, options.concurrency] {
      for (name, call) in cases {
        _ = try await measureCalls(name, total: min(1_000, requests), concurrency: concurrency, call)  // warm-up
        let run = try await measureCalls(name, total: requests, concurrency: concurrency, call)
        log("\(name) ×\(concurrency): p50 \(format(run.percentile(0.5), 3)) ms, \(format(run.throughput, 0))/s")
        runs.append(run)
      }
    }
    return runs
  }
}

// MARK: - (b) import

struct ImportRun {
  var name: String
  var requests: Int
  var requestMiB: Double
  var milliseconds: Double
  var projects: Int
  var databaseMiB: Double
}

/// Imports each batch of `batches` as one ImportPortfolioStream (as `impact import` sends a
/// large document: 250 projects per message), one after the other.
func importStreams(_ batches: [[Project]], address: ListenAddress) async throws -> Double {
  try await withClient(address) { client in
    let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
    let start = ContinuousClock.now
    for batch in batches {
      _ = try await portfolio.importPortfolioStream(
        options: callOptions(.seconds(1_800)),
        requestProducer: { writer in
          try await ImportStreamChunks.write(batch, count: batch.count, chunk: 250, to: writer)
        })
    }
    return milliseconds(ContinuousClock.now - start)
  }
}

func encodedDocuments(_ projects: [Project], chunk: Int) -> [String] {
  stride(from: 0, to: projects.count, by: chunk).map { start in
    let slice = Array(projects[start..<min(start + chunk, projects.count)])
    return String(decoding: PortfolioJSON.encode(PortfolioDocument(projects: slice)), as: UTF8.self)
  }
}

// MARK: - (c, d) a real impactd process

struct StartupRun {
  var listeningMilliseconds: Double
  var servingMilliseconds: Double
  /// The load as impactd logs it (`load_duration` of "impactd serving").
  var loadMilliseconds: Double
  /// User and system CPU time of the process when it reported SERVING.
  var cpuMillisecondsAtServing: Double
  var residentAtServing: Double
  var residentAfterReads: Double
  var peak: Double
  var exitStatus: Int32
  var stopMilliseconds: Double
}

/// Reads `listening HOST:PORT` from the daemon's standard output, on a thread of its own since
/// reading a pipe blocks.
func listeningAddress(from handle: FileHandle) async throws -> ListenAddress {
  try await withCheckedThrowingContinuation { continuation in
    Thread.detachNewThread {
      var buffer = ""
      while true {
        let data = handle.availableData
        if data.isEmpty {
          continuation.resume(throwing: BenchmarkFailure(description: "impactd closed its output before listening"))
          return
        }
        buffer += String(decoding: data, as: UTF8.self)
        if let line = buffer.split(separator: "\n").first(where: { $0.hasPrefix("listening ") }),
          let address = ListenAddress(parsing: String(line.dropFirst("listening ".count)))
        {
          continuation.resume(returning: address)
          // Keep draining so the daemon never blocks on a full pipe.
          while !handle.availableData.isEmpty {}
          return
        }
      }
    }
  }
}

func waitForExit(_ process: Process, limit: Duration) async -> Bool {
  let deadline = ContinuousClock.now + limit
  while process.isRunning {
    if ContinuousClock.now > deadline { return false }
    try? await Task.sleep(for: .milliseconds(5))
  }
  return true
}

/// Starts `process` and waits for it to exit: its wall milliseconds. Past `limit` it is
/// killed and the benchmark fails, naming `what` took too long.
func runToExit(_ process: Process, what: String, limit: Duration = .seconds(600)) async throws -> Double {
  let start = ContinuousClock.now
  try process.run()
  guard await waitForExit(process, limit: limit) else {
    kill(process.processIdentifier, SIGKILL)
    throw BenchmarkFailure(description: "\(what) took over \(limit)")
  }
  return milliseconds(ContinuousClock.now - start)
}

/// A real impactd process, running until ``stop()``.
struct RunningImpactd {
  var process: Process
  var address: ListenAddress
  /// From spawning to the address printed, and to SERVING.
  var listeningMilliseconds: Double
  var servingMilliseconds: Double

  static func launch(path: String, databasePath: String, logPath: String) async throws -> RunningImpactd {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["--listen", "127.0.0.1:0", "--database", databasePath, "--log-level", "info"]
    let output = Pipe()
    process.standardOutput = output
    _ = FileManager.default.createFile(atPath: logPath, contents: nil)
    process.standardError = FileHandle(forWritingAtPath: logPath)
    let spawned = ContinuousClock.now
    try process.run()
    do {
      let address = try await withTimeout(.seconds(60), "impactd to print its address") {
        try await listeningAddress(from: output.fileHandleForReading)
      }
      let listening = milliseconds(ContinuousClock.now - spawned)
      let serving: Double = try await withClient(address) { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        return try await withTimeout(.seconds(120), "impactd to report SERVING") {
          try await health.watch(
            request: ClientRequest(message: .with { $0.service = "" }), options: callOptions(.seconds(120))
          ) { response in
            for try await message in response.messages where message.status == .serving {
              return milliseconds(ContinuousClock.now - spawned)
            }
            throw BenchmarkFailure(description: "the health watch ended before SERVING")
          }
        }
      }
      return RunningImpactd(
        process: process, address: address, listeningMilliseconds: listening, servingMilliseconds: serving)
    } catch {
      kill(process.processIdentifier, SIGKILL)
      _ = await waitForExit(process, limit: .seconds(10))
      throw error
    }
  }

  func stop() async throws {
    process.terminate()
    guard await waitForExit(process, limit: .seconds(60)) else {
      kill(process.processIdentifier, SIGKILL)
      throw BenchmarkFailure(description: "impactd did not stop within 60 s of SIGTERM")
    }
  }
}

func startImpactd(path: String, databasePath: String, logPath: String, ids: [String]) async throws -> StartupRun {
  let daemon = try await RunningImpactd.launch(path: path, databasePath: databasePath, logPath: logPath)
  let pid = daemon.process.processIdentifier
  do {
    let atServing = residentMemory(pid: pid)
    let cpuAtServing = cpuMilliseconds(pid: pid)

    // A working daemon holds the figures readers ask for, not only the loaded projects.
    try await withClient(daemon.address) { client in
      let scoring = Impact_V1_ScoringService.Client(wrapping: client)
      let options = callOptions(.seconds(120))
      _ = try await scoring.getPortfolioSummary(Impact_V1_GetPortfolioSummaryRequest(), options: options)
      _ = try await scoring.rankProjects(.with { $0.top = 10 }, options: options)
      for index in 0..<min(1_000, ids.count) {
        _ = try await scoring.getProjectScore(.with { $0.id = ids[(index &* 7_919) % ids.count] }, options: options)
      }
    }
    let afterReads = residentMemory(pid: pid)

    let stopping = ContinuousClock.now
    try await daemon.stop()  // SIGTERM
    return StartupRun(
      listeningMilliseconds: daemon.listeningMilliseconds,
      servingMilliseconds: daemon.servingMilliseconds,
      loadMilliseconds: loggedLoadMilliseconds(logPath: logPath),
      cpuMillisecondsAtServing: cpuAtServing,
      residentAtServing: atServing?.resident ?? .nan,
      residentAfterReads: afterReads?.resident ?? .nan,
      peak: afterReads?.peak ?? .nan,
      exitStatus: daemon.process.terminationStatus,
      stopMilliseconds: milliseconds(ContinuousClock.now - stopping)
    )
  } catch {
    if daemon.process.isRunning {
      kill(pid, SIGKILL)
      _ = await waitForExit(daemon.process, limit: .seconds(10))
    }
    throw error
  }
}

// MARK: - The run

func removeDatabase(_ path: String) {
  for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

func runBenchmark(_ options: DaemonBenchmarkCommand) async throws {
  let impactd = options.impactdPath
  guard FileManager.default.isExecutableFile(atPath: impactd) else {
    throw BenchmarkFailure(
      description:
        "no impactd at \(impactd): build it with `swift build -c release --product impactd` or pass --impactd PATH")
  }
  let workDirectory = FileManager.default.temporaryDirectory
    .appendingPathComponent("impact-bench-daemon-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
  defer { if !options.keep { try? FileManager.default.removeItem(at: workDirectory) } }
  log("work directory \(workDirectory.path)")

  let projects = SyntheticPortfolio.generate(projects: options.projects, seed: options.seed)
  let ids = projects.map(\.id)
  let chunks = encodedDocuments(projects, chunk: options.chunk)
  let chunksMiB = Double(chunks.reduce(0) { $0 + $1.utf8.count }) / 1_048_576
  let limitBytes = max(
    DaemonConfiguration.Limits.defaults.maxRequestPayloadBytes, Int(chunksMiB * 1_048_576) + (1 << 20))
  log("generated \(projects.count) projects: \(chunks.count) documents, \(format(chunksMiB, 1)) MiB of JSON")

  var imports: [ImportRun] = []
  if options.singleDocument {
    let database = workDirectory.appendingPathComponent("single.sqlite").path
    let document = String(decoding: PortfolioJSON.encode(PortfolioDocument(projects: projects)), as: UTF8.self)
    let took = try await withInProcessDaemon(
      databasePath: database, maxRequestPayloadBytes: limitBytes, maxProjectsPerRequest: options.projects
    ) { address in try await importStreams([projects], address: address) }
    imports.append(
      ImportRun(
        name: "one document", requests: 1, requestMiB: Double(document.utf8.count) / 1_048_576, milliseconds: took,
        projects: projects.count, databaseMiB: fileMiB(database) + fileMiB(database + "-wal")))
    log("single-document import: \(format(took / 1_000, 1)) s")
    removeDatabase(database)
  }

  let database = workDirectory.appendingPathComponent("impact.sqlite").path
  let (chunked, latency) = try await withInProcessDaemon(
    databasePath: database, maxRequestPayloadBytes: limitBytes, maxProjectsPerRequest: options.projects
  ) { address in
    let batches = stride(from: 0, to: projects.count, by: options.chunk).map {
      Array(projects[$0..<min($0 + options.chunk, projects.count)])
    }
    let took = try await importStreams(batches, address: address)
    let chunked = ImportRun(
      name: "chunks of \(options.chunk)", requests: chunks.count,
      requestMiB: Double(chunks.map(\.utf8.count).max() ?? 0) / 1_048_576, milliseconds: took,
      projects: projects.count, databaseMiB: fileMiB(database) + fileMiB(database + "-wal"))
    log("chunked import: \(format(took / 1_000, 1)) s")
    return (chunked, try await measureLatency(address: address, ids: ids, options: options))
  }
  imports.append(chunked)

  var startups: [StartupRun] = []
  for round in 0..<options.startups {
    let run = try await startImpactd(
      path: impactd, databasePath: database, logPath: workDirectory.appendingPathComponent("impactd-\(round).log").path,
      ids: ids)
    log(
      "impactd start \(round + 1): SERVING after \(format(run.servingMilliseconds, 0)) ms, RSS \(format(run.residentAtServing, 0)) MiB"
    )
    startups.append(run)
  }

  report(options: options, latency: latency, imports: imports, startups: startups, databaseMiB: fileMiB(database))
}

func report(
  options: DaemonBenchmarkCommand, latency: [LatencyRun], imports: [ImportRun], startups: [StartupRun],
  databaseMiB: Double
) {
  print(
    "impact-bench-daemon: \(options.projects) projects, \(options.requests) requests per row, \(ProcessInfo.processInfo.activeProcessorCount) cores"
  )
  print("")
  print("(a) unary RPC latency, in-process daemon, one HTTP/2 connection, client in the same process")
  print("| RPC | callers | p50 ms | p99 ms | mean ms | calls/s |")
  print("|---|---:|---:|---:|---:|---:|")
  for run in latency {
    let mean = run.latencies.reduce(0, +) / Double(max(run.latencies.count, 1))
    print(
      "| \(run.name) | \(run.concurrency) | \(format(run.percentile(0.5), 3)) | \(format(run.percentile(0.99), 3)) | \(format(mean, 3)) | \(format(run.throughput, 0)) |"
    )
  }
  print("")
  print(
    "(b) ImportPortfolioStream, one stream per document or chunk, 250 projects per message (upsert into an empty database, durability full; the size column is the JSON of the largest document or chunk)"
  )
  print("| import | requests | largest request MiB | total s | projects/s | database + WAL MiB after |")
  print("|---|---:|---:|---:|---:|---:|")
  for run in imports {
    print(
      "| \(run.name) | \(run.requests) | \(format(run.requestMiB, 1)) | \(format(run.milliseconds / 1_000, 2)) | \(format(Double(run.projects) / (run.milliseconds / 1_000), 0)) | \(format(run.databaseMiB, 1)) |"
    )
  }
  print("")
  print(
    "(c, d) real impactd process on a database of \(options.projects) projects (\(format(databaseMiB, 1)) MiB), target SERVING ≤ 2 s"
  )
  print(
    "| start | listening ms | SERVING ms | load (logged) ms | CPU at SERVING ms | VmRSS at SERVING MiB | VmRSS after reads MiB | VmHWM MiB | SIGTERM → exit ms | exit |"
  )
  print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
  for (index, run) in startups.enumerated() {
    print(
      "| \(index + 1) | \(format(run.listeningMilliseconds, 0)) | \(format(run.servingMilliseconds, 0)) | \(format(run.loadMilliseconds, 0)) | \(format(run.cpuMillisecondsAtServing, 0)) | \(format(run.residentAtServing, 0)) | \(format(run.residentAfterReads, 0)) | \(format(run.peak, 0)) | \(format(run.stopMilliseconds, 0)) | \(run.exitStatus) |"
    )
  }
  let serving = startups.map(\.servingMilliseconds).sorted()
  if let median = serving.isEmpty ? nil : serving[serving.count / 2] {
    print("")
    print(
      "start-up to SERVING, median of \(serving.count): \(format(median, 0)) ms (target ≤ 2000 ms: \(median <= 2_000 ? "met" : "NOT met"))"
    )
  }
}
