import ArgumentParser
import DaemonCore
import Foundation
import GRPCCore
import Logging

/// `impact-fuzz-requests`: malformed requests against a real in-process impactd.
///
/// Starts a daemon on a temporary SQLite file and a loopback port, seeds a generated portfolio,
/// then sends requests of every unary impact.v1 RPC that takes client data, generated valid
/// and then corrupted field by field (hostile numbers, strings, ids, enums, page tokens,
/// revisions, huge repeated fields) and on the wire (bytes and protobuf fields), through a real
/// gRPC client. Checks the invariants listed in ``FuzzCampaign`` after every input, prints
/// counts per RPC and status code, and exits 1 when an invariant broke (see docs/fuzzing.md).
@main
struct FuzzRequestsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impact-fuzz-requests",
    abstract: "Sends malformed requests to an in-process impactd and checks that it refuses them cleanly."
  )

  @Option(help: "Stop after this many inputs (default 2000, or no limit when --seconds is given).")
  var inputs: Int?

  @Option(help: "Stop after this many seconds.")
  var seconds: Double?

  @Option(help: "The seed of the generator; the same seed sends the same first inputs.")
  var seed: UInt64 = 1

  @Option(help: "Generated projects seeded before fuzzing (and whenever fewer than 8 remain).")
  var projects: Int = 40

  @Option(help: "The daemon's request payload limit in bytes; huge fields stay under it.")
  var maxPayload: Int = 4 * 1024 * 1024

  @Option(help: "The deadline of each RPC in seconds: an RPC slower than this is a hang.")
  var rpcTimeout: Double = 10

  @Option(help: "Where the bytes of inputs that broke an invariant are saved.")
  var findings: String = ".build/fuzz/request-findings"

  @Option(
    help: "Replay a saved input (its bytes) instead of fuzzing; repeatable, each with its --method, sent in order.")
  var replay: [String] = []

  @Option(help: "The method of each replayed input, such as impact.v1.ProjectService/CreateProject.")
  var method: [String] = []

  @Option(help: "Leave out an RPC by its name in the report, such as RecordObservation (repeatable).")
  var exclude: [String] = []

  @Flag(
    help:
      "Hostile timestamps stay within the years 1-9999, around known daemon bugs (findings F1-F3 of docs/fuzzing.md).")
  var tameTimestamps = false

  @Option(help: "The daemon's log level (trace, debug, info, notice, warning, error, critical).")
  var logLevel: String = "critical"

  @Flag(help: "Print progress every 500 inputs.")
  var verbose = false

  func validate() throws {
    if let inputs, inputs < 0 { throw ValidationError("--inputs must not be negative") }
    if let seconds, seconds <= 0 { throw ValidationError("--seconds must be positive") }
    if maxPayload < 64 * 1024 { throw ValidationError("--max-payload must be at least 65536") }
    if replay.count != method.count { throw ValidationError("give one --method Service/Method per --replay file") }
    if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("unknown --log-level \(logLevel)") }
  }

  func run() async throws {
    let settings = FuzzCampaign.Settings(
      inputs: inputs ?? (seconds == nil ? 2000 : nil),
      seconds: seconds,
      seed: seed,
      projects: max(projects, FuzzCampaign.minimumProjects),
      maximumPayload: maxPayload,
      rpcTimeout: .milliseconds(Int(rpcTimeout * 1000)),
      findings: URL(fileURLWithPath: findings),
      verbose: verbose,
      excluded: Set(exclude),
      tameTimestamps: tameTimestamps
    )
    let replayed = try zip(replay, method).map { file, method in
      (bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: file))), method: method)
    }
    let report = try await InProcessDaemon.run(
      maxRequestPayloadBytes: maxPayload,
      logLevel: Logger.Level(rawValue: logLevel) ?? .critical,
      keepDatabase: false
    ) { store, client, databasePath in
      var campaign = FuzzCampaign(settings: settings, store: store, client: client)
      if !replayed.isEmpty {
        return try await campaign.replay(replayed)
      }
      Console.line(
        "impact-fuzz-requests: seed \(settings.seed), \(settings.inputs.map { "\($0) inputs" } ?? "no input limit")"
          + "\(settings.seconds.map { ", \($0) s" } ?? ""), \(RPCCatalog.all.count) RPCs, database \(databasePath)")
      return try await campaign.run()
    }
    Console.line(report.printed())
    if !report.violations.isEmpty { throw ExitCode(1) }
  }
}
