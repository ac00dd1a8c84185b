import Dispatch
package import Foundation
import ImpactConfiguration
package import ImpactCredentials
package import ImpactStorage
package import Logging
import NIOCore
import PostgresNIO

/// The `credentials` table of a shared PostgreSQL database: every daemon on it checks the same
/// tokens and certificate grants, and `impactd token` / `impactd certificate` with `--database
/// postgres://…` administer them for all.
package final class PostgresCredentialStore: CredentialStoring {
  private let link: PostgresLink
  private let location: PostgresLocation
  /// Lookups wait for the database here, not on a thread of the cooperative pool.
  private let queue = DispatchQueue(label: "impactd-credentials", attributes: .concurrent)

  package init(connector: PostgresConnector, logger: Logger) {
    self.link = PostgresLink(connector: connector, logger: logger, id: 4)
    self.location = connector.location
  }

  package func createToken(
    name: String, role: Role, at date: Date
  ) throws -> (token: BearerToken, credential: StoredCredential) {
    let (token, credential) = try StoredCredential.newToken(name: name, role: role, at: date)
    try insert(credential, digest: token.secretDigest)
    return (token, credential)
  }

  package func allowCertificate(subject: String, role: Role, at date: Date) throws -> StoredCredential {
    let credential = try StoredCredential.newCertificateGrant(subject: subject, role: role, at: date)
    try insert(credential, digest: nil)
    return credential
  }

  package func list(includingRevoked: Bool) throws -> [StoredCredential] {
    let all = includingRevoked
    return try perform { connection, logger in
      try await connection.rows(
        """
        SELECT kind, name, role, token_id, created_at, revoked_at, secret_sha256 FROM credentials
        WHERE \(all) OR revoked_at IS NULL ORDER BY id
        """, logger: logger
      ).map { try Self.credential($0).credential }
    }
  }

  package func revoke(_ kind: StoredCredential.Kind, name: String, at date: Date) throws -> StoredCredential {
    let revokedAt = StoredTimestamp.text(date)
    let found = try perform { connection, logger in
      try await connection.rows(
        """
        UPDATE credentials SET revoked_at = \(revokedAt)
        WHERE kind = \(kind.rawValue) AND name = \(name) AND revoked_at IS NULL
        RETURNING kind, name, role, token_id, created_at, revoked_at, secret_sha256
        """, logger: logger
      ).first.map { try Self.credential($0).credential }
    }
    guard let found else { throw AccessAdministrationError.notFound(name) }
    return found
  }

  package func activeToken(id: String) async throws -> (credential: StoredCredential, digest: [UInt8])? {
    try await offPool {
      try self.perform { connection, logger in
        try await connection.rows(
          """
          SELECT kind, name, role, token_id, created_at, revoked_at, secret_sha256 FROM credentials
          WHERE token_id = \(id) AND revoked_at IS NULL
          """, logger: logger
        ).first.map { row -> (StoredCredential, [UInt8]) in
          let (credential, digest) = try Self.credential(row)
          return (credential, digest ?? [])
        }
      }
    }
  }

  package func activeCertificate(subject: String) async throws -> StoredCredential? {
    try await offPool {
      try self.perform { connection, logger in
        try await connection.rows(
          """
          SELECT kind, name, role, token_id, created_at, revoked_at, secret_sha256 FROM credentials
          WHERE kind = 'certificate' AND name = \(subject) AND revoked_at IS NULL
          """, logger: logger
        ).first.map { try Self.credential($0).credential }
      }
    }
  }

  package func close() throws {
    link.discard()
  }

  private func insert(_ credential: StoredCredential, digest: [UInt8]?) throws {
    let secret = digest.map { ByteBuffer(bytes: $0) }
    let created = StoredTimestamp.text(credential.createdAt)
    let inserted = try perform { connection, logger in
      // The partial unique index refuses a second active credential of the same name.
      try await connection.rows(
        """
        INSERT INTO credentials (kind, name, role, token_id, secret_sha256, created_at)
        VALUES (\(credential.kind.rawValue), \(credential.name), \(credential.role.rawValue), \(credential.tokenID),
          \(secret), \(created))
        ON CONFLICT DO NOTHING RETURNING id
        """, logger: logger
      ).count
    }
    if inserted == 0 { throw AccessAdministrationError.nameTaken(credential.name) }
  }

  private func perform<T: Sendable>(
    _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
  ) throws -> T {
    do {
      return try link.run(body)
    } catch let error as AccessAdministrationError {
      throw error
    } catch let error as StorageError {
      throw error
    } catch {
      throw StorageError.database(code: -1, message: PostgresFailure(error, location: location).description)
    }
  }

  private func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result { try body() }) }
    }
  }

  private static func credential(_ row: PostgresRow) throws -> (credential: StoredCredential, digest: [UInt8]?) {
    let (kindText, name, roleText, tokenID, created, revoked, digest) = try row.decode(
      (String, String, String, String?, String, String?, ByteBuffer?).self)
    guard let kind = StoredCredential.Kind(rawValue: kindText), let role = Role(rawValue: roleText) else {
      throw StorageError.unreadableValue(
        table: "credentials", key: name, column: "kind/role", detail: "\(kindText)/\(roleText)")
    }
    return (
      StoredCredential(
        kind: kind, name: name, role: role, tokenID: tokenID,
        createdAt: StoredTimestamp.date(created) ?? Date(timeIntervalSince1970: 0),
        revokedAt: revoked.flatMap(StoredTimestamp.date)),
      digest.map { Array($0.readableBytesView) }
    )
  }
}
