import Foundation
import Testing

/// Authentication, roles, TLS and the audit journal, end to end: tokens and certificates made
/// by `impactd`, a real daemon with `--auth on`, and the real `impact` binary.
@Suite("impact with authentication, roles and TLS", .serialized)
struct AccessCommandTests {
  @Test(
    "tokens: roles decide what each caller may do, the audit names the actor, revocation refuses",
    .timeLimit(.minutes(3)))
  func tokensAndRoles() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let viewer = try await DaemonTool.createToken("vera-viewer", role: "viewer", database: database)
    let editor = try await DaemonTool.createToken("eddy-editor", role: "editor", database: database)
    let admin = try await DaemonTool.createToken("ada-admin", role: "admin", database: database)
    #expect(Set([viewer, editor, admin]).count == 3)

    let daemon = try await DaemonProcess.start(database: database, arguments: ["--auth", "on", "--demo"])
    defer { Task { await daemon.stop() } }

    let anonymous = try await CLIRun.impact(["rank"], daemon: daemon)
    #expect(anonymous.status == 77, "\(anonymous.stderr)")
    #expect(anonymous.stderr.lowercased().contains("authentication"), "\(anonymous.stderr)")
    #expect(anonymous.stdout.isEmpty)

    let ranked = try await CLIRun.impact(["rank", "--token", viewer], daemon: daemon)
    #expect(ranked.status == 0, "\(ranked.stderr)")
    let project = try await Self.firstProject(daemon: daemon, credentials: ["--token", viewer])

    let refused = try await CLIRun.impact(["projects", "delete", project, "--token", viewer], daemon: daemon)
    #expect(refused.status == 77, "\(refused.stderr)")
    #expect(refused.stderr.contains("viewer"), "\(refused.stderr)")
    let stillThere = try await CLIRun.impact(
      ["projects", "show", project], environment: ["IMPACT_TOKEN": viewer, "IMPACT_SERVER": daemon.address])
    #expect(stillThere.status == 0, "\(stillThere.stderr)")

    let deleted = try await CLIRun.impact(["projects", "delete", project, "--token", editor], daemon: daemon)
    #expect(deleted.status == 0, "\(deleted.stderr)")

    let audit = try await CLIRun.impact(["audit", "--json", "--token", admin], daemon: daemon)
    #expect(audit.status == 0, "\(audit.stderr)")
    let entries = try AuditJSON.entries(audit.stdout)
    let deletion = entries.first { ($0["rpc_method"] as? String)?.hasSuffix("/DeleteProject") == true }
    #expect(deletion?["actor"] as? String == "eddy-editor", "\(audit.stdout)")
    #expect(deletion?["project_ids"] as? [String] == [project], "\(audit.stdout)")
    #expect(entries.count >= 2, "the demo seed and the deletion: \(audit.stdout)")

    let filtered = try await CLIRun.impact(
      ["audit", "--actor", "eddy-editor", "--json", "--token", admin], daemon: daemon)
    #expect(filtered.status == 0, "\(filtered.stderr)")
    let filteredEntries = try AuditJSON.entries(filtered.stdout)
    #expect(filteredEntries.count == 1, "\(filtered.stdout)")
    #expect(filteredEntries.allSatisfy { $0["actor"] as? String == "eddy-editor" }, "\(filtered.stdout)")

    let csv = try await CLIRun.impact(
      ["audit", "--method", "DeleteProject", "--output", "csv", "--token", admin], daemon: daemon)
    #expect(csv.status == 0, "\(csv.stderr)")
    let rows = csv.stdout.split(separator: "\r\n").map(String.init)
    #expect(
      rows.first == "revision_before,revision_after,committed_at,actor,rpc_method,kind,project_ids", "\(csv.stdout)")
    #expect(
      rows.count == 2
        && rows[1].contains(",eddy-editor,/impact.v1.ProjectService/DeleteProject,project_deleted,\(project)"),
      "\(csv.stdout)")

    let limited = try await CLIRun.impact(["audit", "--limit", "1", "--json", "--token", admin], daemon: daemon)
    #expect(limited.status == 0, "\(limited.stderr)")
    let limitedEntries = try AuditJSON.entries(limited.stdout)
    #expect(limitedEntries.count == 1, "\(limited.stdout)")
    #expect(limitedEntries.first?["revision_after"] as? Int == entries.first?["revision_after"] as? Int)

    let viewerAudit = try await CLIRun.impact(["audit", "--token", viewer], daemon: daemon)
    #expect(viewerAudit.status == 77, "\(viewerAudit.stderr)")
    #expect(viewerAudit.stdout.isEmpty)

    let revoked = try await DaemonTool.run(["token", "revoke", "vera-viewer", "--database", database])
    #expect(revoked.status == 0, "\(revoked.stderr)")
    // The daemon caches credentials for a second: the revocation must bite within a few.
    let deadline = ContinuousClock.now + .seconds(5)
    var afterRevocation = try await CLIRun.impact(["rank", "--token", viewer], daemon: daemon)
    while afterRevocation.status == 0, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(200))
      afterRevocation = try await CLIRun.impact(["rank", "--token", viewer], daemon: daemon)
    }
    #expect(afterRevocation.status == 77, "\(afterRevocation.stderr)")
    let stillValid = try await CLIRun.impact(["rank", "--token", editor], daemon: daemon)
    #expect(stillValid.status == 0, "\(stillValid.stderr)")
    await daemon.stop()
  }

  @Test("mutual TLS: the certificate subject is the actor; no certificate, no plaintext", .timeLimit(.minutes(3)))
  func mutualTLS() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let certificates = try await DaemonTool.makeCertificates(in: directory.path("certs"), client: "amel")
    let allowed = try await DaemonTool.run(
      ["certificate", "allow", "CN=amel,O=impact", "--role", "editor", "--database", database])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    let admin = try await DaemonTool.createToken("ada-admin", role: "admin", database: database)

    let daemon = try await DaemonProcess.start(
      database: database,
      arguments: [
        "--auth", "on", "--demo", "--tls-cert", certificates.server, "--tls-key", certificates.serverKey,
        "--tls-client-ca", certificates.ca,
      ])
    defer { Task { await daemon.stop() } }
    let mutual = ["--ca", certificates.ca, "--cert", certificates.client, "--key", certificates.clientKey]

    let ranked = try await CLIRun.impact(["rank"] + mutual, daemon: daemon)
    #expect(ranked.status == 0, "\(ranked.stderr)")
    let project = try await Self.firstProject(daemon: daemon, credentials: mutual)
    let deleted = try await CLIRun.impact(["projects", "delete", project] + mutual, daemon: daemon)
    #expect(deleted.status == 0, "\(deleted.stderr)")

    let audit = try await CLIRun.impact(
      ["audit", "--json", "--project", project, "--token", admin] + mutual, daemon: daemon)
    #expect(audit.status == 0, "\(audit.stderr)")
    let entries = try AuditJSON.entries(audit.stdout)
    // The demo seed touched the project too; every entry the filter keeps names it.
    #expect(entries.allSatisfy { ($0["project_ids"] as? [String])?.contains(project) == true }, "\(audit.stdout)")
    let deletion = entries.first { ($0["rpc_method"] as? String)?.hasSuffix("/DeleteProject") == true }
    #expect(deletion?["actor"] as? String == "CN=amel,O=impact", "\(audit.stdout)")
    #expect(deletion?["project_ids"] as? [String] == [project], "\(audit.stdout)")

    let editorAudit = try await CLIRun.impact(["audit"] + mutual, daemon: daemon)
    #expect(editorAudit.status == 77, "the certificate's role is editor: \(editorAudit.stderr)")

    let withoutCertificate = try await CLIRun.impact(
      ["rank", "--ca", certificates.ca, "--token", admin], daemon: daemon)
    #expect(withoutCertificate.status != 0)
    #expect(withoutCertificate.stderr.contains("client certificate"), "\(withoutCertificate.stderr)")

    let plaintext = try await CLIRun.impact(["rank", "--token", admin], daemon: daemon)
    #expect(plaintext.status == 69, "\(plaintext.stderr)")
    #expect(plaintext.stderr.hasPrefix("impact: ") && plaintext.stderr.contains("TLS"), "\(plaintext.stderr)")
    #expect(!plaintext.stderr.contains("OPENSSL"), "\(plaintext.stderr)")

    let systemRoots = try await CLIRun.impact(["rank", "--tls"], daemon: daemon)
    #expect(systemRoots.status == 69, "\(systemRoots.stderr)")
    #expect(systemRoots.stderr.contains("not signed by"), "\(systemRoots.stderr)")
    await daemon.stop()
  }

  @Test("TLS without client certificates: --ca and a token", .timeLimit(.minutes(3)))
  func serverOnlyTLS() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let certificates = try await DaemonTool.makeCertificates(in: directory.path("certs"), client: nil)
    let viewer = try await DaemonTool.createToken("vera-viewer", role: "viewer", database: database)
    let daemon = try await DaemonProcess.start(
      database: database,
      arguments: ["--auth", "on", "--demo", "--tls-cert", certificates.server, "--tls-key", certificates.serverKey])
    defer { Task { await daemon.stop() } }

    let ranked = try await CLIRun.impact(
      ["rank", "--top", "3", "--output", "csv", "--ca", certificates.ca, "--token", viewer], daemon: daemon)
    #expect(ranked.status == 0, "\(ranked.stderr)")
    #expect(ranked.stdout.split(whereSeparator: \.isNewline).count == 4, "\(ranked.stdout)")
    let fromEnvironment = try await CLIRun.impact(
      ["status", "--check"],
      environment: ["IMPACT_SERVER": daemon.address, "IMPACT_CA": certificates.ca, "IMPACT_TOKEN": viewer])
    #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
    let anonymous = try await CLIRun.impact(["rank", "--ca", certificates.ca], daemon: daemon)
    #expect(anonymous.status == 77, "\(anonymous.stderr)")
    await daemon.stop()
  }

  @Test("--tls-server-name verifies a name the --server host does not carry", .timeLimit(.minutes(3)))
  func serverNameOverride() async throws {
    let directory = try TemporaryDirectory()
    let certificates = try await DaemonTool.makeCertificates(
      in: directory.path("certs"), client: nil, hosts: ["impact.internal.test"])
    let daemon = try await DaemonProcess.start(
      database: directory.path("impact.sqlite"),
      arguments: ["--auth", "off", "--demo", "--tls-cert", certificates.server, "--tls-key", certificates.serverKey])
    defer { Task { await daemon.stop() } }

    let byAddress = try await CLIRun.impact(["status", "--check", "--ca", certificates.ca], daemon: daemon)
    #expect(byAddress.status == 69, "\(byAddress.stderr)")
    #expect(byAddress.stderr.contains("--tls-server-name"), "\(byAddress.stderr)")
    let byName = try await CLIRun.impact(
      ["status", "--check", "--ca", certificates.ca, "--tls-server-name", "impact.internal.test"], daemon: daemon)
    #expect(byName.status == 0, "\(byName.stderr)")
    let wrongName = try await CLIRun.impact(
      ["status", "--check", "--ca", certificates.ca, "--tls-server-name", "other.internal.test"], daemon: daemon)
    #expect(wrongName.status == 69, "\(wrongName.stderr)")
    #expect(wrongName.stderr.contains("other.internal.test"), "\(wrongName.stderr)")
    await daemon.stop()
  }

  /// A TLS option the command line gets wrong, and how `impact` must refuse it.
  struct OptionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var status: Int32
    var stderrContains: [String]
    var testDescription: String { "\(name) exits \(status)" }
  }

  static let optionCases: [OptionCase] = [
    OptionCase(
      name: "missing --ca file", arguments: ["--ca", "/nonexistent/ca.pem"], status: 66,
      stderrContains: ["--ca", "/nonexistent/ca.pem"]),
    OptionCase(
      name: "missing --cert file", arguments: ["--cert", "/nonexistent/c.pem", "--key", "/nonexistent/k.pem"],
      status: 66,
      stderrContains: ["--cert", "/nonexistent/c.pem"]),
    OptionCase(
      name: "--cert without --key", arguments: ["--cert", "/tmp/c.pem"], status: 64,
      stderrContains: ["--cert", "--key"]),
    OptionCase(
      name: "--key without --cert", arguments: ["--key", "/tmp/k.pem"], status: 64, stderrContains: ["--cert", "--key"]),
    OptionCase(
      name: "not a PEM file", arguments: ["--ca", "/dev/null"], status: 65,
      stderrContains: ["--ca", "/dev/null", "PEM"]),
    OptionCase(
      name: "IP as server name", arguments: ["--tls-server-name", "10.0.0.5"], status: 64,
      stderrContains: ["--tls-server-name"]),
    OptionCase(
      name: "bad --since", arguments: ["--since", "yesterday"], status: 64, stderrContains: ["--since", "yesterday"]),
    OptionCase(
      name: "impossible --until", arguments: ["--until", "2026-02-30"], status: 64, stderrContains: ["--until"]),
    OptionCase(
      name: "--since after --until", arguments: ["--since", "2026-10-01", "--until", "2026-09-01T00:00:00Z"],
      status: 64, stderrContains: ["--since"]),
    OptionCase(name: "--limit 0", arguments: ["--limit", "0"], status: 64, stderrContains: ["--limit"]),
  ]

  @Test("bad TLS and audit options are refused before any call", .timeLimit(.minutes(3)), arguments: optionCases)
  func badOptionsAreRefused(_ option: OptionCase) async throws {
    let port = try CLIRun.closedPort()
    let run = try await CLIRun.impact(["audit"] + option.arguments + ["--server", "127.0.0.1:\(port)"])
    #expect(run.status == option.status, "\(run.stderr)")
    for text in option.stderrContains {
      #expect(run.stderr.contains(text), "\(run.stderr)")
    }
  }

  @Test(
    "beyond loopback: refused without TLS, authenticated with --allow-insecure-remote, and not TLS",
    .timeLimit(.minutes(3)))
  func beyondLoopback() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let started = ContinuousClock.now
    let refused = try await DaemonTool.run(["--listen", "0.0.0.0:0", "--database", database])
    #expect(refused.status == 78, "\(refused.stderr)")
    #expect(ContinuousClock.now - started < .seconds(10))
    #expect(
      refused.stderr.contains("--tls-cert") && refused.stderr.contains("--allow-insecure-remote"), "\(refused.stderr)")

    let daemon = try await DaemonProcess.start(
      database: database, arguments: ["--listen", "0.0.0.0:0", "--allow-insecure-remote", "--demo"])
    defer { Task { await daemon.stop() } }
    let loopback = "127.0.0.1:\(daemon.port)"
    let anonymous = try await CLIRun.impact(["rank", "--server", loopback])
    #expect(anonymous.status == 77, "\(anonymous.stderr)")
    #expect(anonymous.stderr.lowercased().contains("authentication"), "\(anonymous.stderr)")

    let certificates = try await DaemonTool.makeCertificates(in: directory.path("certs"), client: nil)
    let tlsToPlaintext = try await CLIRun.impact(["rank", "--server", loopback, "--ca", certificates.ca])
    #expect(tlsToPlaintext.status == 69, "\(tlsToPlaintext.stderr)")
    #expect(tlsToPlaintext.stderr.contains("does not answer in TLS"), "\(tlsToPlaintext.stderr)")
    await daemon.stop()
  }

  /// The id of the first project a caller with `credentials` can list.
  static func firstProject(daemon: DaemonProcess, credentials: [String]) async throws -> String {
    let listed = try await CLIRun.impact(["projects", "list", "--json"] + credentials, daemon: daemon)
    #expect(listed.status == 0, "\(listed.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any]
    let projects = object?["projects"] as? [[String: Any]] ?? []
    guard let id = projects.first?["id"] as? String else {
      throw CLIGolden.Failure(description: "no project in \(listed.stdout)")
    }
    return id
  }
}

/// The entries of `impact audit --json`.
enum AuditJSON {
  static func entries(_ text: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    return object?["entries"] as? [[String: Any]] ?? []
  }
}

/// The real `impactd` run to completion: its token, certificate and TLS subcommands.
enum DaemonTool {
  /// The PEM files `impactd tls create-*` wrote.
  struct Certificates {
    var ca: String
    var server: String
    var serverKey: String
    var client: String
    var clientKey: String
  }

  static func run(_ arguments: [String]) async throws -> CLIRun.Result {
    var environment = ProcessInfo.processInfo.environment
    for key in environment.keys where key.hasPrefix("IMPACTD_") { environment[key] = nil }
    return try await CLIRun.run(BuiltProducts.impactd, arguments, environment: environment)
  }

  /// `impactd token create`: the token, which it prints alone on stdout.
  static func createToken(_ name: String, role: String, database: String) async throws -> String {
    let created = try await run(["token", "create", name, "--role", role, "--database", database])
    let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    guard created.status == 0, token.hasPrefix("impact_") else {
      throw CLIGolden.Failure(description: "impactd token create \(name) exited \(created.status): \(created.stderr)")
    }
    return token
  }

  /// A CA, a server certificate for `hosts` (impactd's default when nil) and, when `client`
  /// is given, a client certificate with the subject `CN=<client>,O=impact`.
  static func makeCertificates(
    in directory: String, client: String?, hosts: [String]? = nil
  ) async throws -> Certificates {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var steps = [["tls", "create-ca", "--dir", directory], ["tls", "create-server", "--dir", directory]]
    for host in hosts ?? [] { steps[1] += ["--host", host] }
    if let client { steps.append(["tls", "create-client", "--dir", directory, client]) }
    for step in steps {
      let done = try await run(step)
      guard done.status == 0 else {
        throw CLIGolden.Failure(
          description: "impactd \(step.joined(separator: " ")) exited \(done.status): \(done.stderr)")
      }
    }
    let name = client ?? "none"
    return Certificates(
      ca: "\(directory)/ca.pem", server: "\(directory)/server.pem", serverKey: "\(directory)/server-key.pem",
      client: "\(directory)/client-\(name).pem", clientKey: "\(directory)/client-\(name)-key.pem")
  }
}
