public import Foundation
import GRDB
public import ImpactCredentials

/// The `credentials` table: creates, lists, revokes and looks up tokens and certificate grants.
///
/// The daemon reads it through its own database (``ImpactDatabase/credentials``); `impactd
/// token` and `impactd certificate` open the file with ``open(atPath:)``, without the daemon's
/// lock, so an administrator can grant or revoke while the daemon runs.
public struct CredentialStore: Sendable {
  let writer: any DatabaseWriter

  /// Opens the database file for administration, creating and migrating it if needed; waits up
  /// to 5 s when the daemon is writing.
  ///
  /// - Throws: ``DatabaseRefusal/notImpactDatabase(path:reason:)``, before anything is written,
  ///   for another application's SQLite file; ``StorageError`` when SQLite fails.
  public static func open(atPath path: String) throws -> CredentialStore {
    if path != ":memory:" {
      // The integrity check is the daemon's; here it would only slow a grant down.
      _ = try DatabaseInspection.inspect(path: path, integrity: .off)
    }
    do {
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      configuration.busyMode = .timeout(5)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      try StorageSchema.migrator.migrate(queue)
      return CredentialStore(writer: queue)
    } catch {
      throw StorageError(error)
    }
  }

  /// Closes the connection.
  public func close() throws {
    do { try writer.close() } catch { throw StorageError(error) }
  }

  /// Creates a token; the returned token's ``BearerToken/text`` is the only copy of its secret.
  public func createToken(
    name: String, role: Role, at date: Date
  ) throws -> (token: BearerToken, credential: StoredCredential) {
    let (token, credential) = try StoredCredential.newToken(name: name, role: role, at: date)
    try insert(credential, digest: token.secretDigest)
    return (token, credential)
  }

  /// Grants `role` to clients whose verified certificate has this subject.
  public func allowCertificate(subject: String, role: Role, at date: Date) throws -> StoredCredential {
    let credential = try StoredCredential.newCertificateGrant(subject: subject, role: role, at: date)
    try insert(credential, digest: nil)
    return credential
  }

  /// Every credential, oldest first; revoked ones only when asked.
  public func list(includingRevoked: Bool) throws -> [StoredCredential] {
    try perform { db in
      let filter = includingRevoked ? "" : "WHERE revoked_at IS NULL"
      return try Row.fetchAll(db, sql: "SELECT * FROM credentials \(filter) ORDER BY id").map(Self.credential)
    }
  }

  /// Revokes the active credential of this kind and name; it is refused from then on (by a
  /// running daemon within ``StoredCredentialVerifier/cacheLifetime``).
  @discardableResult
  public func revoke(_ kind: StoredCredential.Kind, name: String, at date: Date) throws -> StoredCredential {
    try perform { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT * FROM credentials WHERE kind = ? AND name = ? AND revoked_at IS NULL",
          arguments: [kind.rawValue, name])
      else { throw AccessAdministrationError.notFound(name) }
      let id: Int64 = row["id"]
      try db.execute(
        sql: "UPDATE credentials SET revoked_at = ? WHERE id = ?",
        arguments: [StoredTimestamp.text(date), id])
      var credential = try Self.credential(row)
      credential.revokedAt = StoredTimestamp.normalized(date)
      return credential
    }
  }

  /// The active token credential with this public id and its stored digest.
  public func activeToken(id: String) async throws -> (credential: StoredCredential, digest: [UInt8])? {
    try await performRead { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT * FROM credentials WHERE token_id = ? AND revoked_at IS NULL", arguments: [id])
      else { return nil }
      let digest: Data = row["secret_sha256"]
      return (try Self.credential(row), Array(digest))
    }
  }

  /// The active grant of a certificate subject.
  public func activeCertificate(subject: String) async throws -> StoredCredential? {
    try await performRead { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM credentials WHERE kind = 'certificate' AND name = ? AND revoked_at IS NULL",
        arguments: [subject]
      ).map(Self.credential)
    }
  }

  private func insert(_ credential: StoredCredential, digest: [UInt8]?) throws {
    try perform { db in
      let taken =
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM credentials WHERE kind = ? AND name = ? AND revoked_at IS NULL",
          arguments: [credential.kind.rawValue, credential.name]) ?? false
      if taken { throw AccessAdministrationError.nameTaken(credential.name) }
      try db.execute(
        sql: """
          INSERT INTO credentials (kind, name, role, token_id, secret_sha256, created_at)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          credential.kind.rawValue, credential.name, credential.role.rawValue, credential.tokenID,
          digest.map { Data($0) }, StoredTimestamp.text(credential.createdAt),
        ])
    }
  }

  private func perform<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.write(body)
    } catch let error as AccessAdministrationError {
      throw error
    } catch {
      throw StorageError(error)
    }
  }

  private func performRead<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    do {
      return try await writer.read(body)
    } catch {
      throw StorageError(error)
    }
  }

  private static func credential(_ row: Row) throws -> StoredCredential {
    let kindText: String = row["kind"]
    let roleText: String = row["role"]
    let name: String = row["name"]
    guard let kind = StoredCredential.Kind(rawValue: kindText), let role = Role(rawValue: roleText) else {
      throw StorageError.unreadableValue(
        table: "credentials", key: name, column: "kind/role", detail: "\(kindText)/\(roleText)")
    }
    let created: String = row["created_at"]
    let revoked: String? = row["revoked_at"]
    return StoredCredential(
      kind: kind, name: name, role: role, tokenID: row["token_id"],
      createdAt: StoredTimestamp.date(created) ?? Date(timeIntervalSince1970: 0),
      revokedAt: revoked.flatMap(StoredTimestamp.date))
  }

  /// Names are what the journal shows as the actor: printable, at most 256 characters.
  package static func checkName(_ name: String) throws(AccessAdministrationError) {
    if name.isEmpty { throw .invalidName(name, reason: .empty) }
    if name.count > 256 { throw .invalidName(name, reason: .tooLong) }
    if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      throw .invalidName(name, reason: .controlCharacters)
    }
    if name.trimmingCharacters(in: .whitespaces) != name {
      throw .invalidName(name, reason: .surroundingSpace)
    }
  }
}

extension ImpactDatabase {
  /// The credentials of this database, read by the daemon's access layer.
  public var credentials: CredentialStore { CredentialStore(writer: writer) }
}
