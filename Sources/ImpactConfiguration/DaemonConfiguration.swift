public import ImpactStorage
public import Logging

/// Everything `impactd` can be configured with, resolved from flags, environment variables, a
/// JSON configuration file and defaults (in that order of precedence).
///
/// ```swift
/// var configuration = DaemonConfiguration.defaults
/// configuration.server.listen = ListenAddress(host: "127.0.0.1", port: 0)
/// configuration.database.path = "/var/lib/impact/impact.sqlite"
/// ```
///
/// `docs/operations.md` lists every key with its flag, variable and default.
public struct DaemonConfiguration: Sendable, Hashable {
  /// The gRPC server: where it listens and how long a shutdown may take.
  public var server: Server
  /// The SQLite database file.
  public var database: Database
  /// The optional Prometheus endpoint.
  public var metrics: MetricsEndpoint
  /// What is logged.
  public var log: Log
  /// Bounds on what a client may ask for.
  public var limits: Limits
  /// Who may call what, and how the connection is protected.
  public var security: Security
  /// Connection timeouts and caps, and health-watch bounds (``TransportLimits``).
  public var transport: TransportLimits = .defaults

  /// Creates a configuration from its parts.
  public init(
    server: Server,
    database: Database,
    metrics: MetricsEndpoint,
    log: Log,
    limits: Limits,
    security: Security = .defaults
  ) {
    self.server = server
    self.database = database
    self.metrics = metrics
    self.log = log
    self.limits = limits
    self.security = security
  }

  /// A configuration that works with nothing set: loopback port 7420, `./impact.sqlite`.
  public static var defaults: Self {
    Self(server: .defaults, database: .defaults, metrics: .defaults, log: .defaults, limits: .defaults)
  }
}

extension DaemonConfiguration {
  /// Where the gRPC server listens and how it stops.
  public struct Server: Sendable, Hashable {
    /// The address the gRPC server binds (`listen`, `--listen`, `IMPACTD_LISTEN`).
    public var listen: ListenAddress
    /// How long in-flight RPCs may run after a shutdown starts before they are cancelled
    /// (`gracePeriodSeconds`, `--grace-period`).
    public var gracePeriod: Duration

    /// Creates the server section.
    public init(listen: ListenAddress, gracePeriod: Duration) {
      self.listen = listen
      self.gracePeriod = gracePeriod
    }

    /// `127.0.0.1:7420`, 10 seconds of grace.
    public static var defaults: Self {
      Self(listen: ListenAddress(host: "127.0.0.1", port: 7420), gracePeriod: .seconds(10))
    }
  }

  /// The database file and how hard each commit works to survive a crash.
  public struct Database: Sendable, Hashable {
    /// The SQLite file, created if missing, or a `postgres://USER@HOST:PORT/DB` location
    /// (`database`, `--database`, `IMPACTD_DATABASE`).
    public var path: String

    /// The PostgreSQL database `path` names, when it names one (checked when it was read).
    public var postgres: PostgresLocation? {
      PostgresLocation.isLocation(path) ? try? PostgresLocation.parse(path, setting: "database") : nil
    }
    /// The file holding the PostgreSQL password (`databasePasswordFile`, `--database-password-file`,
    /// `IMPACTD_DATABASE_PASSWORD_FILE`); `nil`: `PGPASSWORD`, or no password.
    public var passwordFile: PostgresPasswordFile?
    /// `full` survives power loss, `normal` survives a daemon crash
    /// (`durability`, `--durability`, `IMPACTD_DURABILITY`).
    public var durability: Durability
    /// The most bytes the database file may grow to; a write that needs more is refused with
    /// RESOURCE_EXHAUSTED and changes nothing (`maxDatabaseBytes`, `--max-database-size`,
    /// `IMPACTD_MAX_DATABASE_SIZE`). `nil`: only the disk limits it.
    public var maxSizeBytes: Int?
    /// Opens the file read-only: reads are served, every write is refused with
    /// FAILED_PRECONDITION (`readOnly`, `--read-only`, `IMPACTD_READ_ONLY`).
    public var readOnly: Bool
    /// How the file is checked at start before it is served; a damaged file is refused with
    /// exit 65 (`integrity`, `--integrity`, `IMPACTD_INTEGRITY`: `full`, `quick` or `off`).
    public var integrityCheck: IntegrityCheck

    /// Creates the database section.
    public init(
      path: String, durability: Durability, maxSizeBytes: Int? = nil, readOnly: Bool = false,
      integrityCheck: IntegrityCheck = .quick
    ) {
      self.path = path
      self.durability = durability
      self.maxSizeBytes = maxSizeBytes
      self.readOnly = readOnly
      self.integrityCheck = integrityCheck
    }

    /// `./impact.sqlite` with full durability and a quick integrity check.
    public static var defaults: Self {
      Self(path: "./impact.sqlite", durability: .full)
    }
  }

  /// The HTTP endpoint serving `GET /metrics` in Prometheus text format.
  public struct MetricsEndpoint: Sendable, Hashable {
    /// Where to serve metrics; `nil` serves none
    /// (`metricsListen`, `--metrics-listen`, `IMPACTD_METRICS_LISTEN`).
    public var listen: ListenAddress?

    /// Creates the metrics section.
    public init(listen: ListenAddress?) {
      self.listen = listen
    }

    /// Off.
    public static var defaults: Self { Self(listen: nil) }
  }

  /// What the daemon logs.
  public struct Log: Sendable, Hashable {
    /// The lowest level written to stderr (`logLevel`, `--log-level`, `IMPACTD_LOG_LEVEL`).
    public var level: Logger.Level

    /// Creates the log section.
    public init(level: Logger.Level) {
      self.level = level
    }

    /// `info`: one line per RPC and per lifecycle event.
    public static var defaults: Self { Self(level: .info) }
  }

  /// Bounds that protect the daemon from oversized or too many requests.
  public struct Limits: Sendable, Hashable {
    /// The largest request message served, in bytes (`limits.maxRequestPayloadBytes`); a larger
    /// one is refused with RESOURCE_EXHAUSTED. The gRPC default is 4 MiB; a whole-portfolio
    /// import needs more, so the daemon allows 16 MiB.
    public var maxRequestPayloadBytes: Int
    /// How many RPCs one HTTP/2 connection may run at once
    /// (`limits.maxConcurrentStreamsPerConnection`). The transport has no limit by default.
    public var maxConcurrentStreamsPerConnection: Int
    /// The most items one page of a list may hold; larger page sizes are clamped
    /// (`limits.maxPageSize`).
    public var maxPageSize: Int
    /// How many change watches may be open at once (`limits.maxWatchSubscribers`).
    public var maxWatchSubscribers: Int
    /// The most projects one request (an import, a comparison) may carry
    /// (`limits.maxProjectsPerRequest`).
    public var maxProjectsPerRequest: Int
    /// The most outcomes all the projects of one request may carry together
    /// (`limits.maxOutcomesPerRequest`).
    public var maxOutcomesPerRequest: Int
    /// The most committee ratings all the projects of one request may carry together
    /// (`limits.maxRatingsPerRequest`).
    public var maxRatingsPerRequest: Int
    /// How long a streamed import that writes may wait for its next message, in seconds
    /// (`limits.importIdleSeconds`): it holds the portfolio's writes meanwhile, and is rolled
    /// back past this.
    public var importIdleSeconds: Int

    /// Creates the limits section.
    public init(
      maxRequestPayloadBytes: Int,
      maxConcurrentStreamsPerConnection: Int,
      maxPageSize: Int,
      maxWatchSubscribers: Int,
      maxProjectsPerRequest: Int,
      maxOutcomesPerRequest: Int = 1_000_000,
      maxRatingsPerRequest: Int = 4_000_000,
      importIdleSeconds: Int = 60
    ) {
      self.maxRequestPayloadBytes = maxRequestPayloadBytes
      self.maxConcurrentStreamsPerConnection = maxConcurrentStreamsPerConnection
      self.maxPageSize = maxPageSize
      self.maxWatchSubscribers = maxWatchSubscribers
      self.maxProjectsPerRequest = maxProjectsPerRequest
      self.maxOutcomesPerRequest = maxOutcomesPerRequest
      self.maxRatingsPerRequest = maxRatingsPerRequest
      self.importIdleSeconds = importIdleSeconds
    }

    /// 16 MiB payloads, 100 streams per connection, pages of 1000, 64 watches,
    /// 100 000 projects, 1 000 000 outcomes and 4 000 000 ratings per request, 60 s of silence
    /// in a streamed import.
    public static var defaults: Self {
      Self(
        maxRequestPayloadBytes: 16 * 1024 * 1024,
        maxConcurrentStreamsPerConnection: 100,
        maxPageSize: 1000,
        maxWatchSubscribers: 64,
        maxProjectsPerRequest: 100_000
      )
    }
  }
}
