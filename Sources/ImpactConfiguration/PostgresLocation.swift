import Foundation

/// Where a PostgreSQL database is, as `--database` names it:
/// `postgres://USER@HOST[:PORT]/DATABASE[?sslmode=MODE]` (`postgresql://` too).
///
/// The password is never part of it: a location that carries one is refused, so that it does
/// not end up in a shell history, a process list or a log. It comes from `PGPASSWORD` or from a
/// file (``PostgresPassword``).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
  /// libpq's `sslmode`, the subset a client that checks what it talks to needs.
  public enum SSLMode: String, Sendable, CaseIterable {
    /// Plaintext only.
    case disable
    /// TLS when the server offers it, without checking its certificate.
    case prefer
    /// TLS always, without checking the server's certificate.
    case require
    /// TLS always; the server's certificate must chain to a trusted CA and name the host.
    case verifyFull = "verify-full"
  }

  public var user: String
  public var host: String
  public var port: Int
  public var database: String
  /// `prefer` when the location does not say, as libpq.
  public var sslMode: SSLMode

  public init(user: String, host: String, port: Int = 5432, database: String, sslMode: SSLMode = .prefer) {
    self.user = user
    self.host = host
    self.port = port
    self.database = database
    self.sslMode = sslMode
  }

  /// Whether `text` names a PostgreSQL database rather than a SQLite file.
  public static func isLocation(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
  }

  /// The location `text` names; `setting` is the flag, variable or file key it came from.
  /// - Throws: ``ConfigurationError`` naming what is missing or wrong.
  public static func parse(_ text: String, setting: String) throws -> PostgresLocation {
    func refuse(_ key: String, _ values: [String: String] = [:]) -> ConfigurationError {
      ConfigurationError(setting: setting, key: key, values: values.merging(["value": text]) { first, _ in first })
    }
    guard isLocation(text), let components = URLComponents(string: text) else {
      throw refuse("config.postgres.shape")
    }
    if components.password != nil {
      throw refuse("config.postgres.password-in-location")
    }
    guard let user = components.user, !user.isEmpty else { throw refuse("config.postgres.missing", ["part": "USER"]) }
    guard let host = components.host, !host.isEmpty else { throw refuse("config.postgres.missing", ["part": "HOST"]) }
    let port = components.port ?? 5432
    guard (1...65_535).contains(port) else { throw refuse("config.postgres.port", ["port": "\(port)"]) }
    let database = String(components.path.drop { $0 == "/" })
    guard !database.isEmpty, !database.contains("/") else {
      throw refuse("config.postgres.missing", ["part": "DATABASE"])
    }
    var sslMode = SSLMode.prefer
    for item in components.queryItems ?? [] {
      guard item.name == "sslmode" else {
        throw refuse("config.postgres.parameter", ["parameter": item.name])
      }
      guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
        throw refuse(
          "config.postgres.sslmode",
          ["mode": item.value ?? "", "expected": SSLMode.allCases.map(\.rawValue).joined(separator: ", ")])
      }
      sslMode = mode
    }
    return PostgresLocation(user: user, host: host, port: port, database: database, sslMode: sslMode)
  }

  /// `postgres://USER@HOST:PORT/DATABASE?sslmode=MODE`: what logs and messages show (there is
  /// no secret in it).
  public var description: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "postgres://\(user)@\(shownHost):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
  }
}

/// The password file a configuration names (`--database-password-file`,
/// `IMPACTD_DATABASE_PASSWORD_FILE`, the file's `databasePasswordFile`), with the setting that
/// named it, so that an unreadable file is reported against what to fix.
public struct PostgresPasswordFile: Sendable, Hashable {
  /// The file's path.
  public var path: String
  /// The flag, variable or `file: key` that named it.
  public var setting: String

  /// A password file named by `setting`.
  public init(path: String, setting: String) {
    self.path = path
    self.setting = setting
  }
}

/// The password of a PostgreSQL location: the first line of the password file the
/// configuration names (as a secret manager mounts it), else `PGPASSWORD`. Never a flag.
public enum PostgresPassword {
  /// The password, or `nil` when none is given (the server may not ask for one).
  /// - Parameters:
  ///   - environment: the process environment: `PGPASSWORD`, and `IMPACTD_DATABASE_PASSWORD_FILE`
  ///     when `file` is `nil` (the commands that read no configuration).
  ///   - file: the password file the configuration names, when it names one.
  ///   - read: reads a file (the tests give their own).
  /// - Throws: ``ConfigurationError`` naming the setting when the file cannot be read or is empty.
  public static func resolve(
    environment: [String: String], file: PostgresPasswordFile?, read: (String) throws -> String = readFile
  ) throws -> String? {
    let named =
      file
      ?? environment["IMPACTD_DATABASE_PASSWORD_FILE"].flatMap {
        $0.isEmpty ? nil : PostgresPasswordFile(path: $0, setting: "IMPACTD_DATABASE_PASSWORD_FILE")
      }
    if let named {
      let contents: String
      do {
        contents = try read(named.path)
      } catch {
        throw ConfigurationError(
          setting: named.setting, key: "config.postgres.password-file", values: ["path": named.path])
      }
      let password = String(contents.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
      guard !password.isEmpty else {
        throw ConfigurationError(
          setting: named.setting, key: "config.postgres.password-file-empty", values: ["path": named.path])
      }
      return password
    }
    return environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The text of the file at `path`.
  public static func readFile(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }
}
