import ArgumentParser
import DaemonCore
import Foundation

/// Shared by `impactd token` and `impactd certificate`: open the credentials of the database,
/// run, report errors with the exit codes of sysexits.
enum CredentialCommand {
  /// Runs `body` on the credentials of the database the options resolve to, after saying on
  /// standard error which file that is.
  static func withStore<T>(_ database: DatabaseOption, _ body: (CredentialStore) throws -> T) throws -> T {
    let path = database.resolvedPath()
    OperatorText.write("impactd.database", ["path": URL(fileURLWithPath: path).standardizedFileURL.path])
    let store: CredentialStore
    do {
      store = try CredentialStore.open(atPath: path)
    } catch {
      fail("cannot open \(path): \(error)", code: 66)  // EX_NOINPUT
    }
    defer { try? store.close() }
    do {
      return try body(store)
    } catch let error as AccessAdministrationError {
      switch error {
      case .unknownRole, .invalidName: fail("\(error)", code: 64)  // EX_USAGE
      case .nameTaken, .notFound: fail("\(error)", code: 65)  // EX_DATAERR
      }
    } catch {
      fail("\(error)", code: 74)  // EX_IOERR
    }
  }

  static func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("impactd: \(message)\n".utf8))
    exit(code)
  }

  /// Prints the credentials of one kind (`impactd token list`, `impactd certificate list`).
  static func list(_ kind: StoredCredential.Kind, includingRevoked: Bool, json: Bool, database: DatabaseOption) throws {
    let credentials = try withStore(database) { try $0.list(includingRevoked: includingRevoked) }
    print(credentials.filter { $0.kind == kind }, json: json)
  }

  /// Revokes one credential and says so on standard error.
  static func revoke(_ kind: StoredCredential.Kind, name: String, database: DatabaseOption) throws {
    _ = try withStore(database) { try $0.revoke(kind, name: name) }
    let what = kind == .token ? "token" : "certificate subject"
    FileHandle.standardError.write(Data("impactd: \(what) '\(name)' revoked\n".utf8))
  }

  /// A table of credentials, or JSON lines for scripts.
  static func print(_ credentials: [StoredCredential], json: Bool) {
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
    let header = ["NAME", "ROLE", "TOKEN ID", "CREATED", "REVOKED"]
    let rows = credentials.map { credential in
      [
        credential.name, credential.role.rawValue, credential.tokenID ?? "-",
        formatter.string(from: credential.createdAt),
        credential.revokedAt.map { formatter.string(from: $0) } ?? "-",
      ]
    }
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    for row in [header] + rows {
      let cells = row.indices.map { $0 == row.count - 1 ? row[$0] : row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
      Swift.print(cells.joined(separator: "  "))
    }
  }
}
