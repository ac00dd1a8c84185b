import DaemonCore
import Foundation
import ImpactCredentials
import ImpactRPC
import ImpactStorage
import Testing

@Suite("Bearer tokens and the credentials table")
struct CredentialTests {
  @Test("a generated token parses back to itself; other shapes do not parse")
  func tokenShape() {
    let token = BearerToken.generate()
    #expect(token.text.hasPrefix("impact_"))
    #expect(token.text.count == "impact_".count + 16 + 1 + 43)
    #expect(BearerToken(parsing: token.text) == token)
    #expect(BearerToken.generate() != token)
    for text in [
      "", "impact_", token.text + "x", String(token.text.dropLast()),
      token.text.replacingOccurrences(of: "impact_", with: "impakt_"),
      "impact_zzzzzzzzzzzzzzzz_" + String(repeating: "A", count: 43),
    ] {
      #expect(BearerToken(parsing: text) == nil, "\(text)")
    }
  }

  @Test("only the digest of the secret is kept, and a token matches its digest only")
  func digests() throws {
    let token = BearerToken.generate()
    #expect(token.secretDigest.count == 32)
    #expect(token.matches(storedDigest: token.secretDigest))
    #expect(!token.matches(storedDigest: BearerToken.generate().secretDigest))
    #expect(!token.matches(storedDigest: Array(token.secretDigest.dropLast())))
  }

  @Test("tokens and certificate grants are created, listed, refused twice, revoked")
  func lifecycle() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("credentials-\(UUID().uuidString).sqlite")
      .path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try CredentialStore.open(atPath: path)
    defer { try? store.close() }

    let (token, credential) = try store.createToken(name: "amel", role: .editor)
    #expect(credential.principal == Principal(name: "amel", role: .editor, proof: .token))
    #expect(throws: AccessAdministrationError.nameTaken("amel")) { try store.createToken(name: "amel", role: .viewer) }
    _ = try store.allowCertificate(subject: "CN=amel,O=impact", role: .viewer)
    #expect(try store.list().map(\.name) == ["amel", "CN=amel,O=impact"])

    let verifier = StoredCredentialVerifier(store: store, cacheLifetime: .zero)
    let found = try await verifier.principal(forBearerToken: token.text)
    #expect(found?.name == "amel")
    let certificate = try await verifier.principal(forCertificateSubject: "CN=amel,O=impact")
    #expect(certificate?.role == .viewer)

    try store.revoke(.token, name: "amel")
    let revoked = try await verifier.principal(forBearerToken: token.text)
    #expect(revoked == nil)
    #expect(try store.list().map(\.name) == ["CN=amel,O=impact"])
    #expect(try store.list(includingRevoked: true).first?.revokedAt != nil)
    #expect(throws: AccessAdministrationError.notFound("amel")) { try store.revoke(.token, name: "amel") }
    let again = try store.createToken(name: "amel", role: .admin)
    #expect(again.token != token)
  }

  @Test(
    "names must be printable and short; roles must exist",
    arguments: ["", " amel", "amel\n", String(repeating: "x", count: 257)]
  )
  func invalidNames(name: String) throws {
    let store = try CredentialStore.open(atPath: ":memory:")
    #expect(throws: AccessAdministrationError.self) { try store.createToken(name: name, role: .viewer) }
    #expect(throws: AccessAdministrationError.unknownRole("boss")) { try Role(parsing: "boss") }
  }
}
