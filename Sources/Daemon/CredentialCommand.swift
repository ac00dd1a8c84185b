import ArgumentParser
import DaemonCore
import Foundation
import ImpactConfiguration
import ImpactCredentials
import ImpactPostgres
import ImpactStorage
import Localization
import Logging

/// Shared by `impactd token` and `impactd certificate`: open the credentials of the database,
/// run, report errors with the exit codes of sysexits.
enum CredentialCommand {
  /// Runs `body` on the credentials of the database the options resolve to (a SQLite file, or
  /// the PostgreSQL database several daemons share), after saying on standard error which it
  /// is. Unless `creating` (a grant, which may come before the daemon's first start), a file
  /// that does not exist is refused with exit 66: a mistyped path would otherwise leave a new
  /// empty database and a revocation that revoked nothing.
  static func withStore<T>(
    _ database: DatabaseOption, creating: Bool = false, _ body: (any CredentialStoring) throws -> T
  ) throws -> T {
    let section = database.resolved()
    let store: any CredentialStoring
    if let location = section.postgres {
      // The shared database of several daemons: its credentials hold for all of them.
      OperatorText.write("impactd.database", ["path": location.description])
      do {
        let password = try PostgresPassword.resolve(
          environment: ProcessInfo.processInfo.environment, file: section.passwordFile)
        let connector = PostgresConnector(location: location, password: password)
        _ = try PostgresStorage.openWaiting(connector, logger: Logger(label: "impactd.credentials"))
        store = PostgresCredentialStore(connector: connector, logger: Logger(label: "impactd.credentials"))
      } catch let failure as PostgresFailure {
        fail(
          "impactd.database-unreachable", OperatorText.unreachable(failure),
          code: 69)
      } catch let error as ConfigurationError {
        fail(error.localizedDescription(OperatorText.localizer), code: 78)
      }
    } else {
      store = try openFile(section.path, creating: creating)
    }
    defer { try? store.close() }
    do {
      return try body(store)
    } catch let error as AccessAdministrationError {
      switch error {
      case .unknownRole, .invalidName: fail(message(error), code: 64)  // EX_USAGE
      case .nameTaken(let name): fail("impactd.credential.name-taken", ["name": name], code: 65)  // EX_DATAERR
      case .notFound(let name): fail("impactd.credential.not-found", ["name": name], code: 65)
      }
    } catch {
      fail("\(error)", code: 74)  // EX_IOERR
    }
  }

  /// The credentials of a SQLite file, after saying which file it is. Unless `creating`, a file
  /// that does not exist is refused with exit 66.
  private static func openFile(_ resolved: String, creating: Bool) throws -> CredentialStore {
    let path = URL(fileURLWithPath: resolved).standardizedFileURL.path
    guard creating || FileManager.default.fileExists(atPath: path) else {
      fail("impactd.database-missing", ["path": path], code: 66)  // EX_NOINPUT
    }
    OperatorText.write("impactd.database", ["path": path])
    do {
      return try CredentialStore.open(atPath: path)
    } catch let refusal as DatabaseRefusal {
      // Another application's file or a damaged one: 65 (EX_DATAERR), as `impactd serve`.
      switch refusal {
      case .notImpactDatabase(let path, let reason):
        fail("impactd.database-not-ours", ["path": path, "reason": reason], code: refusal.exitCode)
      case .damaged(let path, let check, let problems):
        fail(
          "impactd.database-damaged",
          ["path": path, "check": check.rawValue, "problems": problems.joined(separator: "; ")],
          code: refusal.exitCode)
      }
    } catch {
      fail("impactd.cannot-open", ["path": path, "reason": "\(error)"], code: 66)  // EX_NOINPUT
    }
  }

  /// An administration error in the operator's language.
  static func message(_ error: AccessAdministrationError) -> String {
    let l = OperatorText.localizer
    switch error {
    case .unknownRole(let text):
      return l(
        "impactd.credential.unknown-role",
        ["role": text, "roles": Role.allCases.map(\.rawValue).joined(separator: ", ")])
    case .invalidName(let name, let reason):
      return l(
        "impactd.credential.invalid-name",
        ["name": name, "reason": l("impactd.credential.invalid-name.\(reason.rawValue)")])
    case .nameTaken(let name): return l("impactd.credential.name-taken", ["name": name])
    case .notFound(let name): return l("impactd.credential.not-found", ["name": name])
    }
  }

  static func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("impactd: \(message)\n".utf8))
    exit(code)
  }

  /// Writes the catalogue's text for `key` in the operator's language and exits with `code`.
  static func fail(_ key: String, _ values: [String: String], code: Int32) -> Never {
    OperatorText.write(key, values)
    exit(code)
  }

  /// Prints the credentials of one kind (`impactd token list`, `impactd certificate list`).
  static func list(_ kind: StoredCredential.Kind, includingRevoked: Bool, json: Bool, database: DatabaseOption) throws {
    let credentials = try withStore(database) { try $0.list(includingRevoked: includingRevoked) }
    print(credentials.filter { $0.kind == kind }, kind: kind, json: json)
  }

  /// Revokes one credential and says so on standard error.
  static func revoke(_ kind: StoredCredential.Kind, name: String, database: DatabaseOption) throws {
    _ = try withStore(database) { try $0.revoke(kind, name: name) }
    if kind == .token {
      OperatorText.write("impactd.token.revoked", ["name": name])
    } else {
      OperatorText.write("impactd.certificate.revoked", ["subject": name])
    }
  }

  /// A table of credentials, or JSON lines for scripts (their keys are not translated). A
  /// certificate has no token id: its table shows the subject and when the role was granted.
  static func print(_ credentials: [StoredCredential], kind: StoredCredential.Kind, json: Bool) {
    let formatter = ISO8601DateFormatter()
    if json {
      for credential in credentials {
        var object: [String: String] = [
          "kind": credential.kind.rawValue, "name": credential.name, "role": credential.role.rawValue,
          "created_at": formatter.string(from: credential.createdAt),
        ]
        object["token_id"] = credential.tokenID
        object["revoked_at"] = credential.revokedAt.map { formatter.string(from: $0) }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        Swift.print(String(decoding: data, as: UTF8.self))
      }
      return
    }
    let l = OperatorText.localizer
    let header =
      kind == .token
      ? [
        l("impactd.column.name"), l("impactd.column.role"), l("impactd.column.token-id"), l("impactd.column.created"),
        l("impactd.column.revoked"),
      ]
      : [
        l("impactd.column.subject"), l("impactd.column.role"), l("impactd.column.granted"), l("impactd.column.revoked"),
      ]
    let rows = credentials.map { credential in
      [credential.name, credential.role.rawValue]
        + (kind == .token ? [credential.tokenID ?? "-"] : [])
        + [
          formatter.string(from: credential.createdAt), credential.revokedAt.map { formatter.string(from: $0) } ?? "-",
        ]
    }
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    for row in [header] + rows {
      let cells = row.indices.map {
        $0 == row.count - 1 ? row[$0] : row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0)
      }
      Swift.print(cells.joined(separator: "  "))
    }
  }
}
