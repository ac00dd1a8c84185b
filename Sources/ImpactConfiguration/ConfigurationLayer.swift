public import ImpactStorage
public import Logging

/// The settings one source (flags, environment, configuration file) provides; `nil` leaves the
/// value of the sources below it in place.
public struct ConfigurationLayer: Sendable, Hashable {
  /// The gRPC listen address.
  public var listen: ListenAddress?
  /// The shutdown grace period.
  public var gracePeriod: Duration?
  /// The database file.
  public var databasePath: String?
  /// The PostgreSQL password file.
  public var databasePasswordFile: PostgresPasswordFile?
  /// The commit durability.
  public var durability: Durability?
  /// The metrics endpoint; a value whose `listen` is `nil` turns metrics off.
  public var metrics: DaemonConfiguration.MetricsEndpoint?
  /// The log level.
  public var logLevel: Logger.Level?
  /// `limits.maxRequestPayloadBytes`.
  public var maxRequestPayloadBytes: Int?
  /// `limits.maxConcurrentStreamsPerConnection`.
  public var maxConcurrentStreamsPerConnection: Int?
  /// `limits.maxPageSize`.
  public var maxPageSize: Int?
  /// `limits.maxWatchSubscribers`.
  public var maxWatchSubscribers: Int?
  /// `limits.importIdleSeconds`.
  public var importIdleSeconds: Int?
  /// `limits.maxProjectsPerRequest`.
  public var maxProjectsPerRequest: Int?
  /// `limits.maxOutcomesPerRequest`.
  public var maxOutcomesPerRequest: Int?
  /// `limits.maxRatingsPerRequest`.
  public var maxRatingsPerRequest: Int?
  /// `limits.maxConnections`.
  public var maxConnections: Int?
  /// `limits.maxHealthWatchers`.
  public var maxHealthWatchers: Int?
  /// `database.maxSizeBytes`.
  public var maxDatabaseBytes: Int?
  /// `database.readOnly`.
  public var readOnly: Bool?
  /// `database.integrityCheck`.
  public var integrityCheck: IntegrityCheck?
  /// `security.authentication`.
  public var authentication: AuthenticationMode?
  /// `security.tls.certificatePath`.
  public var tlsCertificate: String?
  /// `security.tls.keyPath`.
  public var tlsKey: String?
  /// `security.tls.clientCAPath`.
  public var tlsClientCA: String?
  /// `security.allowInsecureRemote`.
  public var allowInsecureRemote: Bool?
  /// The configuration file to read (flags and environment only).
  public var configFile: String?

  /// An empty layer: changes nothing.
  public init() {}
}

extension DaemonConfiguration {
  /// This configuration with every value the layer sets replaced.
  public func applying(_ layer: ConfigurationLayer) -> DaemonConfiguration {
    var result = self
    if let value = layer.listen { result.server.listen = value }
    if let value = layer.gracePeriod { result.server.gracePeriod = value }
    if let value = layer.databasePath { result.database.path = value }
    if let value = layer.databasePasswordFile { result.database.passwordFile = value }
    if let value = layer.durability { result.database.durability = value }
    if let value = layer.metrics { result.metrics = value }
    if let value = layer.logLevel { result.log.level = value }
    if let value = layer.maxRequestPayloadBytes { result.limits.maxRequestPayloadBytes = value }
    if let value = layer.maxConcurrentStreamsPerConnection {
      result.limits.maxConcurrentStreamsPerConnection = value
    }
    if let value = layer.maxPageSize { result.limits.maxPageSize = value }
    if let value = layer.maxWatchSubscribers { result.limits.maxWatchSubscribers = value }
    if let value = layer.importIdleSeconds { result.limits.importIdleSeconds = value }
    if let value = layer.maxProjectsPerRequest { result.limits.maxProjectsPerRequest = value }
    if let value = layer.maxOutcomesPerRequest { result.limits.maxOutcomesPerRequest = value }
    if let value = layer.maxRatingsPerRequest { result.limits.maxRatingsPerRequest = value }
    if let value = layer.maxConnections { result.transport.maxConnections = value }
    if let value = layer.maxHealthWatchers { result.transport.maxHealthWatchers = value }
    if let value = layer.maxDatabaseBytes { result.database.maxSizeBytes = value }
    if let value = layer.readOnly { result.database.readOnly = value }
    if let value = layer.integrityCheck { result.database.integrityCheck = value }
    if let value = layer.authentication { result.security.authentication = value }
    if let value = layer.allowInsecureRemote { result.security.allowInsecureRemote = value }
    if layer.tlsCertificate != nil || layer.tlsKey != nil || layer.tlsClientCA != nil {
      let current = result.security.tls
      result.security.tls = TLSFiles(
        certificatePath: layer.tlsCertificate ?? current?.certificatePath ?? "",
        keyPath: layer.tlsKey ?? current?.keyPath ?? "",
        clientCAPath: layer.tlsClientCA ?? current?.clientCAPath
      )
    }
    return result
  }

  /// Resolves the configuration: flags over environment over configuration file over defaults.
  ///
  /// - Parameters:
  ///   - flags: what the command line set (see `ServeOptions` (impactd)).
  ///   - environment: the process environment; only `IMPACTD_*` variables are read.
  ///   - readFile: reads the configuration file named by `--config` or `IMPACTD_CONFIG`.
  /// - Throws: ``ConfigurationError`` naming the variable, file or key that is wrong, or out of
  ///   the range its consumer accepts (``SettingRange``).
  public static func resolve(
    flags: ConfigurationLayer,
    environment: [String: String],
    readFile: (String) throws -> [UInt8] = ConfigurationLayer.readFile
  ) throws -> DaemonConfiguration {
    let resolved = try layered(flags: flags, environment: environment, readFile: readFile)
    try resolved.checkRanges()
    try resolved.checkSecurity()
    return resolved
  }

  /// The configuration the layers make, without the security checks of a serving daemon.
  ///
  /// The administration commands (`impactd token`, `impactd certificate`) read the database
  /// path from here, so that they act on exactly the file `impactd serve` would open with the
  /// same flags, environment and configuration file.
  ///
  /// - Throws: ``ConfigurationError`` naming the variable, file or key that is wrong.
  public static func layered(
    flags: ConfigurationLayer,
    environment: [String: String],
    readFile: (String) throws -> [UInt8] = ConfigurationLayer.readFile
  ) throws -> DaemonConfiguration {
    let environmentLayer = try ConfigurationLayer(environment: environment)
    var sources: [(layer: ConfigurationLayer, name: (DaemonSetting) -> String?)] = []
    if let path = flags.configFile ?? environmentLayer.configFile {
      let contents: [UInt8]
      do {
        contents = try readFile(path)
      } catch {
        throw ConfigurationError(setting: path, key: "config.unreadable", values: ["reason": "\(error)"])
      }
      sources.append(
        (try ConfigurationLayer(fileContents: contents, path: path), { $0.fileKey.map { "\(path): \($0)" } }))
    }
    sources.append((environmentLayer, \.environment))
    sources.append((flags, \.flag))
    let configuration = sources.reduce(DaemonConfiguration.defaults) { $0.applying($1.layer) }
    try configuration.checkStoreSettings(sources)
    return configuration
  }

  /// Refuses a setting the chosen store does not have, naming where it was set: on
  /// PostgreSQL, the SQLite file's durability, size limit and start-up check (the server's own
  /// settings decide those); on SQLite, a PostgreSQL password file. A setting left unsaid
  /// would otherwise look in force when it is not.
  private func checkStoreSettings(_ sources: [(layer: ConfigurationLayer, name: (DaemonSetting) -> String?)]) throws {
    let onPostgres = PostgresLocation.isLocation(database.path)
    for (layer, name) in sources.reversed() {
      let misplaced: [(DaemonSetting, Bool)] =
        onPostgres
        ? [
          (.durability, layer.durability != nil), (.maxDatabaseSize, layer.maxDatabaseBytes != nil),
          (.integrity, layer.integrityCheck != nil),
        ]
        : [(.databasePasswordFile, layer.databasePasswordFile != nil)]
      for case (let setting, true) in misplaced {
        throw ConfigurationError(
          setting: name(setting) ?? setting.documentation.what,
          key: onPostgres ? "config.sqlite-only" : "config.postgres-only",
          values: ["database": onPostgres ? database.postgres?.description ?? database.path : database.path])
      }
    }
  }
}
