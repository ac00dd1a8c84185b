public import ArgumentParser
import Localization

/// The command-line flags of `impactd serve`; each one overrides the environment, the
/// configuration file and the defaults.
public struct ServeOptions: ParsableArguments, Sendable {
  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.listen"), valueName: "host:port"))
  public var listen: String?

  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.database"), valueName: "path"))
  public var database: String?

  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.durability"), valueName: "level"))
  public var durability: String?

  @Option(
    name: .customLong("metrics-listen"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.metrics-listen"), valueName: "host:port")
  )
  public var metricsListen: String?

  @Option(
    name: .customLong("log-level"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.log-level"), valueName: "level")
  )
  public var logLevel: String?

  @Option(
    name: .customLong("grace-period"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.grace-period"), valueName: "seconds")
  )
  public var gracePeriod: String?

  @Option(
    name: .customLong("max-database-size"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.max-database-size"), valueName: "bytes")
  )
  public var maxDatabaseSize: String?

  @Flag(name: .customLong("read-only"), help: ArgumentHelp(ServeOptions.help("impactd.help.serve.read-only")))
  public var readOnly = false

  @Option(
    help: ArgumentHelp(
      ServeOptions.help("impactd.help.serve.integrity"),
      valueName: "check")
  )
  public var integrity: String?

  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.auth"), valueName: "mode"))
  public var auth: String?

  @Option(name: .customLong("tls-cert"), help: ArgumentHelp(ServeOptions.help("impactd.help.serve.tls-cert"), valueName: "path"))
  public var tlsCert: String?

  @Option(name: .customLong("tls-key"), help: ArgumentHelp(ServeOptions.help("impactd.help.serve.tls-key"), valueName: "path"))
  public var tlsKey: String?

  @Option(
    name: .customLong("tls-client-ca"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.tls-client-ca"), valueName: "path")
  )
  public var tlsClientCA: String?

  @Flag(
    name: .customLong("allow-insecure-remote"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.allow-insecure-remote"))
  )
  public var allowInsecureRemote = false

  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.config"), valueName: "path"))
  public var config: String?

  /// Flags are parsed by ArgumentParser.
  public init() {}

  /// The help text of `key` in the operator's language (IMPACT_LANG, then the locale).
  static func help(_ key: String) -> String {
    Localizer.ofProcessEnvironment(key)
  }

  /// Rejects a malformed flag before anything starts, naming the flag.
  public func validate() throws {
    do {
      _ = try layer()
    } catch let error as ConfigurationError {
      // In the operator's language (IMPACT_LANG, then the locale), as impactd's other texts.
      throw ValidationError(error.localizedDescription(.ofProcessEnvironment))
    }
  }

  /// The settings these flags make, each read by its entry of ``DaemonSetting/all``.
  ///
  /// - Throws: ``ConfigurationError`` naming the flag whose value cannot be parsed.
  public func layer() throws -> ConfigurationLayer {
    let given: [(DaemonSetting, String?)] = [
      (.listen, listen), (.database, database), (.durability, durability), (.metricsListen, metricsListen),
      (.logLevel, logLevel), (.gracePeriod, gracePeriod), (.maxDatabaseSize, maxDatabaseSize),
      (.readOnly, readOnly ? "true" : nil), (.integrity, integrity), (.auth, auth), (.tlsCertificate, tlsCert),
      (.tlsKey, tlsKey), (.tlsClientCA, tlsClientCA), (.allowInsecureRemote, allowInsecureRemote ? "true" : nil),
      (.config, config),
    ]
    var layer = ConfigurationLayer()
    for case (let setting, let text?) in given {
      guard let flag = setting.flag else { continue }
      try setting.readText(text, flag, &layer)
    }
    return layer
  }
}
