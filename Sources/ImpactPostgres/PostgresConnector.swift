public import ImpactConfiguration
public import Logging
import NIOCore
import NIOSSL
public import PostgresNIO

/// Connections to the PostgreSQL database a ``PostgresLocation`` names, with its password and
/// the TLS its `sslmode` asks for.
public struct PostgresConnector: Sendable {
  public let location: PostgresLocation
  private let password: String?
  /// How long a connection attempt may take before it fails.
  public var connectTimeout: Duration = .seconds(10)
  /// The PostgreSQL schema the tables live in, when not `public` (the tests give each run a
  /// schema of its own).
  public var searchPath: String?

  public init(location: PostgresLocation, password: String?) {
    self.location = location
    self.password = password
  }

  /// PostgresNIO's configuration for this location.
  /// - Throws: when the TLS context cannot be made (no trust store for `verify-full`).
  func configuration() throws -> PostgresConnection.Configuration {
    var configuration = PostgresConnection.Configuration(
      host: location.host, port: location.port, username: location.user, password: password,
      database: location.database, tls: try tls())
    configuration.options.connectTimeout = TimeAmount(connectTimeout)
    if let searchPath { configuration.options.additionalStartupParameters = [("search_path", searchPath)] }
    if location.sslMode == .verifyFull { configuration.options.tlsServerName = location.host }
    return configuration
  }

  private func tls() throws -> PostgresConnection.Configuration.TLS {
    var unchecked = TLSConfiguration.makeClientConfiguration()
    unchecked.certificateVerification = .none
    switch location.sslMode {
    case .disable: return .disable
    case .prefer: return .prefer(try NIOSSLContext(configuration: unchecked))
    case .require: return .require(try NIOSSLContext(configuration: unchecked))
    case .verifyFull: return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
    }
  }

  /// A new connection; the caller closes it.
  /// - Throws: ``PostgresFailure`` naming the location and what the server or the network said.
  public func connect(logger: Logger, id: Int = 1) async throws -> PostgresConnection {
    do {
      return try await PostgresConnection.connect(configuration: try configuration(), id: id, logger: logger)
    } catch {
      throw PostgresFailure(error, location: location)
    }
  }
}

/// A PostgreSQL operation that failed, with the location (never the password) and what the
/// server said (its SQLSTATE and message) or why the connection failed.
public struct PostgresFailure: Error, CustomStringConvertible, Sendable {
  public var location: PostgresLocation
  /// The server's SQLSTATE, when the server answered (`28P01`: wrong password).
  public var sqlState: String?
  /// What went wrong, in the server's words or the network's.
  public var reason: String
  /// The catalogue key of the reason, when it is ours to word rather than the server's
  /// (`postgres.password-missing`): what a reader sees is then in their language.
  public var reasonKey: String?

  public init(_ error: any Error, location: PostgresLocation) {
    self.location = location
    if let failure = error as? PostgresFailure {
      self = failure
    } else if let error = error as? PSQLError {
      sqlState = error.serverInfo?[.sqlState]
      switch error.code {
      case .authMechanismRequiresPassword: reasonKey = "postgres.password-missing"
      case .sslUnsupported: reasonKey = "postgres.ssl-unsupported"
      default: reasonKey = nil
      }
      if let message = error.serverInfo?[.message] {
        reason = message
      } else if let underlying = error.underlying {
        reason = "\(underlying)"
      } else {
        reason = "\(error.code)"
      }
    } else {
      reason = "\(error)"
    }
  }

  public var description: String {
    "PostgreSQL at \(location): \(reason)" + (sqlState.map { " (SQLSTATE \($0))" } ?? "")
  }
}
