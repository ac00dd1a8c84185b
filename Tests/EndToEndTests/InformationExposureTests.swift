import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What each role learns about others: the watch's audit fields, who recorded an observation,
/// the database path, and the metrics endpoint, with `--auth on` and a token of each role.
/// Real `impactd` and `impact` processes (and one raw gRPC call a CLI cannot make).
@Suite("information exposure by role", .serialized)
struct InformationExposureTests {
  static let rennes = "pension-de-famille-rennes"
  static let outcome = "maintien-logement"

  struct Tokens {
    var viewer: String
    var analyst: String
    var editor: String
    var admin: String
  }

  static func tokens(_ database: String) async throws -> Tokens {
    Tokens(
      viewer: try await DaemonTool.createToken("vera-viewer", role: "viewer", database: database),
      analyst: try await DaemonTool.createToken("ana-analyst", role: "analyst", database: database),
      editor: try await DaemonTool.createToken("eddy-editor", role: "editor", database: database),
      admin: try await DaemonTool.createToken("ada-admin", role: "admin", database: database))
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The JSON lines `impact watch --since 0 --json` prints up to the first rating.
  static func watchLines(_ daemon: DaemonProcess, token: String) async throws -> [String] {
    let watch = try CLIStreamingRun(["watch", "--since", "0", "--json", "--token", token, "--server", daemon.address])
    var lines: [String] = []
    while !lines.contains(where: { $0.contains("RATING_RECORDED") }) {
      lines = try await watch.waitForLines(lines.count + 1)
    }
    _ = try await watch.terminate()
    return lines
  }

  @Test(
    "watch: analysts and editors get kinds, revisions and projects, not the actors or methods of the audit trail",
    .timeLimit(.minutes(3)))
  func watchHidesTheAuditTrailBelowAdmin() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let tokens = try await Self.tokens(database)
    let daemon = try await DaemonProcess.start(database: database, arguments: ["--auth", "on", "--demo"])
    defer { Task { await daemon.stop() } }
    let rated = try await CLIRun.impact(
      ["rate", Self.rennes, "--criterion", "what", "--rater", "eve", "--value", "2.5", "--token", tokens.editor],
      daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")

    for token in [tokens.analyst, tokens.editor] {
      let lines = try await Self.watchLines(daemon, token: token)
      #expect(lines.count >= 2, "\(lines)")
      for line in lines {
        let event = try Self.json(line)
        #expect(event["actor"] == nil && event["rpc_method"] == nil, "\(line)")
        #expect(event["kind"] != nil && event["revision"] != nil, "\(line)")
      }
    }
    let adminLines = try await Self.watchLines(daemon, token: tokens.admin)
    let rating = try Self.json(try #require(adminLines.last { $0.contains("RATING_RECORDED") }))
    #expect(rating["actor"] as? String == "eddy-editor", "\(rating)")
    #expect(rating["rpc_method"] as? String == "/impact.v1.ProjectService/RecordRating", "\(rating)")

    // The table form says there is no actor rather than a blank.
    let watch = try CLIStreamingRun(["watch", "--since", "0", "--token", tokens.analyst, "--server", daemon.address])
    let text = try await watch.waitForLines(2)
    _ = try await watch.terminate()
    #expect(text.allSatisfy { $0.contains("actor=- method=") }, "\(text)")
    await daemon.stop()
  }

  @Test(
    "observations: recorded_by is the caller, a forged name is refused, and only admins read it",
    .timeLimit(.minutes(3)))
  func recordedByIsTheCallerAndAdminOnly() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let tokens = try await Self.tokens(database)
    let daemon = try await DaemonProcess.start(database: database, arguments: ["--auth", "on", "--demo"])
    defer { Task { await daemon.stop() } }

    let observed = try await CLIRun.impact(
      [
        "observe", Self.rennes, Self.outcome, "52", "--period", "2026-Q3", "--source", "bilan T3, Amel", "--json",
        "--token", tokens.editor,
      ],
      daemon: daemon)
    #expect(observed.status == 0, "\(observed.stderr)")
    let recorded = try #require(try Self.json(observed.stdout)["observation"] as? [String: Any])
    #expect(recorded["recorded_by"] as? String == "eddy-editor", "\(observed.stdout)")
    #expect(recorded["source"] as? String == "bilan T3, Amel", "\(observed.stdout)")

    // The CLI no longer sends a name of its own choosing.
    let byOption = try await CLIRun.impact(
      ["observe", Self.rennes, Self.outcome, "53", "--by", "ada-admin", "--token", tokens.editor], daemon: daemon)
    #expect(byOption.status == 64, "\(byOption.stderr)")
    #expect(byOption.stderr.contains("--source"), "\(byOption.stderr)")

    // An editor's own client setting recorded_by to someone else is refused by the daemon.
    let forged = try await Self.recordObservation(recordedBy: "ada-admin", token: tokens.editor, daemon: daemon)
    #expect(forged?.code == .invalidArgument, "\(String(describing: forged))")
    #expect(forged?.message.contains("observation.recorded_by") == true, "\(String(describing: forged))")
    let own = try await Self.recordObservation(recordedBy: "eddy-editor", token: tokens.editor, daemon: daemon)
    #expect(own == nil, "repeating one's own identity is accepted: \(String(describing: own))")

    for (token, seesRecorder) in [
      (tokens.viewer, false), (tokens.analyst, false), (tokens.editor, false), (tokens.admin, true),
    ] {
      let listed = try await CLIRun.impact(
        ["observations", Self.rennes, "--outcome", Self.outcome, "--json", "--token", token], daemon: daemon)
      #expect(listed.status == 0, "\(listed.stderr)")
      let observations = try #require(try Self.json(listed.stdout)["observations"] as? [[String: Any]])
        .filter { ["2026-Q2", "2026-Q3"].contains($0["period"] as? String ?? "") }
      #expect(observations.count == 2, "\(listed.stdout)")
      #expect(observations.contains { $0["source"] as? String == "bilan T3, Amel" }, "\(listed.stdout)")
      let recorders = observations.compactMap { $0["recorded_by"] as? String }
      #expect(recorders == (seesRecorder ? ["eddy-editor", "eddy-editor"] : []), "\(listed.stdout)")
    }
    await daemon.stop()
  }

  /// RecordObservation with `recorded_by` set, as a hand-written client could: the error, or
  /// nil when it was recorded.
  static func recordObservation(recordedBy: String, token: String, daemon: DaemonProcess) async throws -> RPCError? {
    let transport = try HTTP2ClientTransport.Posix(
      target: .ipv4(address: daemon.host, port: daemon.port), transportSecurity: .plaintext)
    return try await withGRPCClient(transport: transport) { client in
      var request = Impact_V1_RecordObservationRequest()
      request.observation.projectID = rennes
      request.observation.outcomeID = outcome
      request.observation.value = 54
      request.observation.period = "2026-Q2"
      request.observation.recordedBy = recordedBy
      var options = CallOptions.defaults
      options.timeout = .seconds(10)
      do {
        _ = try await Impact_V1_ProjectService.Client(wrapping: client).recordObservation(
          request, metadata: ["authorization": "Bearer \(token)"], options: options)
        return nil
      } catch let error as RPCError {
        return error
      }
    }
  }

  @Test("status: the database path is for admins only", .timeLimit(.minutes(3)))
  func databasePathIsForAdmins() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let tokens = try await Self.tokens(database)
    let daemon = try await DaemonProcess.start(database: database, arguments: ["--auth", "on", "--demo"])
    defer { Task { await daemon.stop() } }
    for (token, seesPath) in [
      (tokens.viewer, false), (tokens.analyst, false), (tokens.editor, false), (tokens.admin, true),
    ] {
      let status = try await CLIRun.impact(["status", "--json", "--token", token], daemon: daemon)
      #expect(status.status == 0, "\(status.stderr)")
      let path = try Self.json(status.stdout)["database_path"] as? String
      #expect(seesPath ? path?.hasSuffix("impact.sqlite") == true : path == nil, "\(status.stdout)")
      #expect(seesPath || !status.stdout.contains(directory.url.path), "\(status.stdout)")
    }
    await daemon.stop()
  }

  @Test("/metrics with --auth on needs a bearer token; a port alone listens on loopback", .timeLimit(.minutes(3)))
  func metricsNeedATokenWithAuthentication() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let tokens = try await Self.tokens(database)
    let daemon = try await DaemonProcess.start(
      database: database, arguments: ["--auth", "on", "--demo", "--metrics-listen", "127.0.0.1:0"])
    defer { Task { await daemon.stop() } }
    let port = try #require(ConnectionCommandTests.metricsPort(in: daemon.stderrText), "\(daemon.stderrText)")
    let url = URL(string: "http://127.0.0.1:\(port)/metrics")!

    func scrape(_ authorization: String?) async throws -> (Int, String) {
      var request = URLRequest(url: url)
      if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
      let (data, response) = try await URLSession.shared.data(for: request)
      return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
    let anonymous = try await scrape(nil)
    #expect(anonymous.0 == 401, "\(anonymous)")
    #expect(!anonymous.1.contains("impact_rpc_requests_total"), "\(anonymous.1)")
    for bad in ["Bearer impact_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Basic YTpi", "Bearer"] {
      let refused = try await scrape(bad)
      #expect(refused.0 == 401, "\(bad): \(refused)")
    }
    for token in [tokens.viewer, tokens.admin] {
      let served = try await scrape("Bearer \(token)")
      #expect(served.0 == 200, "\(served)")
      #expect(served.1.contains("impact_projects"), "\(served.1)")
    }
    await daemon.stop()

    // Beyond loopback without authentication, metrics would be open to the network: refused.
    let open = try await DaemonTool.run([
      "--listen", "127.0.0.1:0", "--database", directory.path("other.sqlite"), "--metrics-listen", "0.0.0.0:0",
    ])
    #expect(open.status == 78, "\(open.stderr)")
    #expect(open.stderr.contains("--metrics-listen"), "\(open.stderr)")

    // A port alone is a loopback address.
    let loopback = try await DaemonProcess.start(
      database: directory.path("third.sqlite"), arguments: ["--metrics-listen", "0"])
    defer { Task { await loopback.stop() } }
    #expect(ConnectionCommandTests.metricsPort(in: loopback.stderrText) != nil, "\(loopback.stderrText)")
    await loopback.stop()
  }
}
