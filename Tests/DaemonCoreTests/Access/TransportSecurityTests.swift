import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import ImpactConfiguration
import ImpactCredentials
import ImpactStorage
import Testing

@testable import impactd

/// TLS and mutual TLS against a daemon in this process, with certificates made for the test.
@Suite("TLS and mutual TLS", .timeLimit(.minutes(3)))
struct TransportSecurityTests {
  @Test("a TLS daemon answers a client trusting its CA, and no plaintext client")
  func tlsServesTrustingClientsOnly() async throws {
    let pki = try TestPKI()
    defer { pki.remove() }
    let setup = try AuthenticatedDaemon(seedDemo: true) {
      $0.security.tls = TLSFiles(certificatePath: pki.path("server.pem"), keyPath: pki.path("server-key.pem"))
    }
    let method = Impact_V1_ScoringService.Method.RankProjects.descriptor
    try await setup.run { daemon in
      // The call that must succeed gets the suite's time rather than the helper's 10 s: with
      // the whole test run sharing two cores, the handshake and the call once took longer
      // (the test takes 0.15 s alone, ~57 s inside the full run).
      let overTLS = try await daemon.withClient(security: pki.clientSecurity(certificate: nil)) { client in
        try await client.statusOfCall(method, metadata: setup.metadata(.viewer), timeout: .seconds(60))
      }
      #expect(overTLS == nil)

      let plaintext = try await daemon.withClient { client in
        try await client.statusOfCall(method, metadata: setup.metadata(.viewer), timeout: .seconds(3))
      }
      #expect(plaintext == .unavailable || plaintext == .deadlineExceeded)

      let stranger = try TestPKI()
      defer { stranger.remove() }
      let untrusted = try await daemon.withClient(security: stranger.clientSecurity(certificate: nil)) { client in
        try await client.statusOfCall(method, metadata: setup.metadata(.viewer), timeout: .seconds(3))
      }
      #expect(untrusted == .unavailable || untrusted == .deadlineExceeded)
    }
  }

  @Test("under mutual TLS the certificate subject is the caller: its role applies and the journal names it")
  func mutualTLSCertificateIsThePrincipal() async throws {
    let pki = try TestPKI()
    defer { pki.remove() }
    let setup = try AuthenticatedDaemon(seedDemo: true) {
      $0.security.tls = TLSFiles(
        certificatePath: pki.path("server.pem"), keyPath: pki.path("server-key.pem"), clientCAPath: pki.path("ca.pem"))
    }
    let store = try CredentialStore.open(atPath: setup.configuration.database.path)
    _ = try store.allowCertificate(subject: pki.editor.subject, role: .editor)
    try store.close()
    #expect(pki.editor.subject == "CN=amel,O=impact")

    try await setup.run { daemon in
      let deleted = try await daemon.withClient(security: pki.clientSecurity(certificate: "amel")) { client in
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        let victim = try #require(try await projects.listProjects(.init()).projects.first?.id)
        var delete = Impact_V1_DeleteProjectRequest()
        delete.id = victim
        _ = try await projects.deleteProject(delete)
        let scheme = try await client.statusOfCall(Impact_V1_PortfolioService.Method.SetScheme.descriptor)
        #expect(scheme == .permissionDenied)
        // A token, when sent, wins over the certificate.
        let audit = Impact_V1_AuditService.Client(wrapping: client)
        let entries = try await audit.listAuditEntries(.init(), metadata: setup.metadata(.admin)).entries
        return (victim, entries)
      }
      let entry = deleted.1.first { $0.kind == .projectDeleted }
      #expect(entry?.actor == "CN=amel,O=impact")
      #expect(entry?.projectIds == [deleted.0])

      let unknown = try await daemon.withClient(security: pki.clientSecurity(certificate: "stranger")) { client in
        try await client.statusOfCall(Impact_V1_ScoringService.Method.RankProjects.descriptor)
      }
      #expect(unknown == .unauthenticated)

      let withoutCertificate = try await daemon.withClient(security: pki.clientSecurity(certificate: nil)) { client in
        try await client.statusOfCall(
          Impact_V1_ScoringService.Method.RankProjects.descriptor, metadata: setup.metadata(.viewer),
          timeout: .seconds(3))
      }
      #expect(withoutCertificate == .unavailable || withoutCertificate == .deadlineExceeded)
    }
  }
}

/// A CA, a server certificate for 127.0.0.1 and client certificates `amel` (granted editor by
/// the test) and `stranger` (granted nothing), as PEM files in a temporary directory.
struct TestPKI: Sendable {
  let directory: URL
  let editor: CertificateFactory.Issued

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("impact-pki-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let authority = try CertificateFactory.makeAuthority(name: "test CA")
    let server = try CertificateFactory.makeServer(hosts: ["localhost", "127.0.0.1"], signedBy: authority)
    editor = try CertificateFactory.makeClient(commonName: "amel", signedBy: authority)
    let stranger = try CertificateFactory.makeClient(commonName: "stranger", signedBy: authority)
    for (name, issued) in [("ca", authority), ("server", server), ("amel", editor), ("stranger", stranger)] {
      try Data(issued.certificatePEM.utf8).write(to: directory.appendingPathComponent("\(name).pem"))
      try Data(issued.privateKeyPEM.utf8).write(to: directory.appendingPathComponent("\(name)-key.pem"))
    }
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// TLS trusting this CA, with the named client certificate or none.
  func clientSecurity(certificate: String?) -> HTTP2ClientTransport.Posix.TransportSecurity {
    .tls { config in
      config.trustRoots = .certificates([.file(path: path("ca.pem"), format: .pem)])
      if let certificate {
        config.certificateChain = [.file(path: path("\(certificate).pem"), format: .pem)]
        config.privateKey = .file(path: path("\(certificate)-key.pem"), format: .pem)
      }
    }
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }
}
