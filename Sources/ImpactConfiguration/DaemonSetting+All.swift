extension DaemonSetting {
  /// Every setting of `impactd serve`, in the order of the documentation table. Adding a setting:
  /// a field of ``ConfigurationLayer`` (and its line in `applying(_:)`), an entry here, an
  /// `@Option` in `ServeOptions` (impactd) when it has a flag, and its row in `docs/operations.md`.
  public static let all: [DaemonSetting] = [
    listen, database, databasePasswordFile, durability, metricsListen, logLevel, gracePeriod, config,
    maxRequestPayloadBytes, maxConcurrentStreamsPerConnection, maxPageSize, maxWatchSubscribers,
    maxProjectsPerRequest, maxOutcomesPerRequest, maxRatingsPerRequest, importIdleSeconds, maxConnections,
    maxHealthWatchers,
    maxDatabaseSize, readOnly, integrity, auth, tlsCertificate, tlsKey, tlsClientCA, allowInsecureRemote,
  ]

  public static let listen = text(
    "gRPC listen address", flag: "--listen", "HOST:PORT", environment: "IMPACTD_LISTEN", file: "listen",
    default: "`127.0.0.1:7420`", parse: ConfigurationLayer.parseListenAddress
  ) { $0.listen = $1 }

  public static let database = text(
    "database file or PostgreSQL location", flag: "--database", "PATH\\|postgres://USER@HOST:PORT/DB",
    environment: "IMPACTD_DATABASE", file: "database", default: "`./impact.sqlite`",
    parse: ConfigurationLayer.parseDatabase
  ) { $0.databasePath = $1 }

  /// A path; the password is the file's first line. Never the password itself on a flag.
  public static let databasePasswordFile = text(
    "PostgreSQL password file", flag: "--database-password-file", "PATH",
    environment: "IMPACTD_DATABASE_PASSWORD_FILE", file: "databasePasswordFile", default: "`PGPASSWORD`",
    parse: { text, setting in
      PostgresPasswordFile(path: try ConfigurationLayer.parsePath(text, setting: setting), setting: setting)
    }
  ) { $0.databasePasswordFile = $1 }

  public static let durability = text(
    "commit durability", flag: "--durability", "full\\|normal", environment: "IMPACTD_DURABILITY",
    file: "durability", default: "`full`", parse: ConfigurationLayer.parseDurability
  ) { $0.durability = $1 }

  /// `null` in the file turns the endpoint off, as `off` does on the command line.
  public static let metricsListen: DaemonSetting = {
    let setting = text(
      "metrics endpoint", flag: "--metrics-listen", "HOST:PORT\\|off", environment: "IMPACTD_METRICS_LISTEN",
      file: "metricsListen", fileValue: "string or `null`", default: "off",
      parse: ConfigurationLayer.parseMetricsEndpoint
    ) { $0.metrics = $1 }
    return DaemonSetting(
      flag: setting.flag, environment: setting.environment, fileKey: setting.fileKey,
      documentation: setting.documentation, readText: setting.readText,
      readFile: { value, name, layer in
        if case .null = value { layer.metrics = .init(listen: nil) } else { try setting.readFile(value, name, &layer) }
      }
    )
  }()

  public static let logLevel = text(
    "log level", flag: "--log-level", "LEVEL", environment: "IMPACTD_LOG_LEVEL", file: "logLevel",
    default: "`info`", parse: ConfigurationLayer.parseLogLevel
  ) { $0.logLevel = $1 }

  /// A JSON number of seconds in the file.
  public static let gracePeriod = DaemonSetting(
    flag: "--grace-period", environment: nil, fileKey: "gracePeriodSeconds",
    documentation: .init(what: "shutdown grace period", flagValue: "SECONDS", fileValue: "", defaultValue: "`10`"),
    readText: { text, setting, layer in layer.gracePeriod = try ConfigurationLayer.parseSeconds(text, setting: setting)
    },
    readFile: { value, setting, layer in
      let seconds: Double
      switch value {
      case .integer(let number): seconds = Double(number)
      case .number(let number): seconds = number
      default:
        throw ConfigurationError(setting: setting, key: "config.expected-number", values: ["value": value.quoted])
      }
      layer.gracePeriod = try ConfigurationLayer.parseSeconds("\(seconds)", setting: setting)
    }
  )

  /// The file itself: a flag and a variable only.
  public static let config = text(
    "configuration file", flag: "--config", "PATH", environment: "IMPACTD_CONFIG", file: nil, default: "none",
    parse: ConfigurationLayer.parsePath
  ) { $0.configFile = $1 }

  public static let maxRequestPayloadBytes = integer(
    "max request message", file: "limits.maxRequestPayloadBytes", default: "`16777216` (16 MiB)",
    in: .maxRequestPayloadBytes
  ) { $0.maxRequestPayloadBytes = $1 }

  public static let maxConcurrentStreamsPerConnection = integer(
    "max concurrent RPCs per connection", file: "limits.maxConcurrentStreamsPerConnection", default: "`100`",
    in: .maxConcurrentStreamsPerConnection
  ) { $0.maxConcurrentStreamsPerConnection = $1 }

  public static let maxPageSize = integer(
    "max page size of list RPCs", file: "limits.maxPageSize", default: "`1000`", in: .maxPageSize
  ) { $0.maxPageSize = $1 }

  public static let importIdleSeconds = integer(
    "streamed import idle limit, seconds", file: "limits.importIdleSeconds", default: "`60`",
    in: .importIdleSeconds
  ) { $0.importIdleSeconds = $1 }

  public static let maxWatchSubscribers = integer(
    "max open change watches", file: "limits.maxWatchSubscribers", default: "`64`", in: .maxWatchSubscribers
  ) { $0.maxWatchSubscribers = $1 }

  public static let maxProjectsPerRequest = integer(
    "max projects per request", file: "limits.maxProjectsPerRequest", default: "`100000`",
    in: .maxProjectsPerRequest
  ) { $0.maxProjectsPerRequest = $1 }

  public static let maxOutcomesPerRequest = integer(
    "max outcomes per request", file: "limits.maxOutcomesPerRequest", default: "`1000000`",
    in: .maxOutcomesPerRequest
  ) { $0.maxOutcomesPerRequest = $1 }

  public static let maxRatingsPerRequest = integer(
    "max ratings per request", file: "limits.maxRatingsPerRequest", default: "`4000000`",
    in: .maxRatingsPerRequest
  ) { $0.maxRatingsPerRequest = $1 }

  public static let maxConnections = integer(
    "max open connections", file: "limits.maxConnections", default: "`128`", in: .maxConnections
  ) { $0.maxConnections = $1 }

  public static let maxHealthWatchers = integer(
    "max open health watches", file: "limits.maxHealthWatchers", default: "`64`", in: .maxHealthWatchers
  ) { $0.maxHealthWatchers = $1 }

  public static let maxDatabaseSize = integer(
    "max database size (`K`, `M`, `G` suffixes on the flag and variable)", flag: "--max-database-size", "BYTES",
    environment: "IMPACTD_MAX_DATABASE_SIZE",
    file: "maxDatabaseBytes", default: "none", in: .maxDatabaseBytes, parseText: ConfigurationLayer.parseDatabaseSize
  ) { $0.maxDatabaseBytes = $1 }

  public static let readOnly = boolean(
    "read-only database", flag: "--read-only", environment: "IMPACTD_READ_ONLY", file: "readOnly", default: "`false`"
  ) { $0.readOnly = $1 }

  public static let integrity = text(
    "database check at start", flag: "--integrity", "full\\|quick\\|off", environment: "IMPACTD_INTEGRITY",
    file: "integrity", default: "`quick`", parse: ConfigurationLayer.parseIntegrityCheck
  ) { $0.integrityCheck = $1 }

  public static let auth = text(
    "authentication", flag: "--auth", "auto\\|on\\|off", environment: "IMPACTD_AUTH", file: "auth",
    default: "`auto` (on beyond loopback)", parse: ConfigurationLayer.parseAuthentication
  ) { $0.authentication = $1 }

  public static let tlsCertificate = text(
    "TLS certificate chain", flag: "--tls-cert", "PATH", environment: "IMPACTD_TLS_CERT", file: "tls.certificate",
    default: "none (plaintext)", parse: ConfigurationLayer.parsePath
  ) { $0.tlsCertificate = $1 }

  public static let tlsKey = text(
    "TLS private key", flag: "--tls-key", "PATH", environment: "IMPACTD_TLS_KEY", file: "tls.key", default: "none",
    parse: ConfigurationLayer.parsePath
  ) { $0.tlsKey = $1 }

  public static let tlsClientCA = text(
    "client CA (mutual TLS)", flag: "--tls-client-ca", "PATH", environment: "IMPACTD_TLS_CLIENT_CA",
    file: "tls.clientCA", default: "none", parse: ConfigurationLayer.parsePath
  ) { $0.tlsClientCA = $1 }

  public static let allowInsecureRemote = boolean(
    "accept insecure remote", flag: "--allow-insecure-remote", environment: "IMPACTD_ALLOW_INSECURE_REMOTE",
    file: "allowInsecureRemote", default: "`false`"
  ) { $0.allowInsecureRemote = $1 }
}
