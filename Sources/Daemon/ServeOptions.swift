import ArgumentParser
import DaemonCore
import ImpactConfiguration
import Localization

/// The command-line flags of `impactd serve`; each one overrides the environment, the
/// configuration file and the defaults.
struct ServeOptions: ParsableArguments, Sendable {
  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.listen"), valueName: "host:port"))
  var listen: String?

  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.database"), valueName: "path"))
  var database: String?

  @Option(
    name: .customLong("database-password-file"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.database-password-file"), valueName: "path")
  )
  var databasePasswordFile: String?

  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.durability"), valueName: "level"))
  var durability: String?

  @Option(
    name: .customLong("metrics-listen"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.metrics-listen"), valueName: "host:port")
  )
  var metricsListen: String?

  @Option(
    name: .customLong("log-level"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.log-level"), valueName: "level")
  )
  var logLevel: String?

  @Option(
    name: .customLong("grace-period"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.grace-period"), valueName: "seconds")
  )
  var gracePeriod: String?

  @Option(
    name: .customLong("max-database-size"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.max-database-size"), valueName: "bytes")
  )
  var maxDatabaseSize: String?

  @Flag(name: .customLong("read-only"), help: ArgumentHelp(ServeOptions.help("impactd.help.serve.read-only")))
  var readOnly = false

  @Option(
    help: ArgumentHelp(
      ServeOptions.help("impactd.help.serve.integrity"),
      valueName: "check")
  )
  var integrity: String?

  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.auth"), valueName: "mode"))
  var auth: String?

  @Option(
    name: .customLong("tls-cert"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.tls-cert"), valueName: "path"))
  var tlsCert: String?

  @Option(
    name: .customLong("tls-key"), help: ArgumentHelp(ServeOptions.help("impactd.help.serve.tls-key"), valueName: "path")
  )
  var tlsKey: String?

  @Option(
    name: .customLong("tls-client-ca"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.tls-client-ca"), valueName: "path")
  )
  var tlsClientCA: String?

  @Flag(
    name: .customLong("allow-insecure-remote"),
    help: ArgumentHelp(ServeOptions.help("impactd.help.serve.allow-insecure-remote"))
  )
  var allowInsecureRemote = false

  @Option(help: ArgumentHelp(ServeOptions.help("impactd.help.serve.config"), valueName: "path"))
  var config: String?

  /// Flags are parsed by ArgumentParser.
  init() {}

  /// The help text of `key` in the operator's language (IMPACT_LANG, then the locale).
  static func help(_ key: String) -> String {
    Localizer.ofProcessEnvironment(key)
  }

  /// Rejects a malformed flag before anything starts, naming the flag.
  func validate() throws {
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
  func layer() throws -> ConfigurationLayer {
    let given: [(DaemonSetting, String?)] = [
      (.listen, listen), (.database, database), (.databasePasswordFile, databasePasswordFile),
      (.durability, durability), (.metricsListen, metricsListen),
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
