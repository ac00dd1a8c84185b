import ArgumentParser
import Foundation
import Localization

/// The options every subcommand accepts: where the daemon is, how to secure the connection and
/// authenticate, how long to wait and how to print.
struct GlobalOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      HelpText.l("help.option.server"),
      valueName: "address"
    )
  )
  var server: String?

  @Option(help: ArgumentHelp(HelpText.l("help.option.token"), valueName: "token"))
  var token: String?

  @Option(
    help: ArgumentHelp(
      HelpText.l("help.option.ca"),
      valueName: "path"
    )
  )
  var ca: String?

  @Flag(help: ArgumentHelp(HelpText.l("help.option.tls")))
  var tls = false

  @Option(
    help: ArgumentHelp(
      HelpText.l("help.option.cert"),
      valueName: "path"
    )
  )
  var cert: String?

  @Option(help: ArgumentHelp(HelpText.l("help.option.key"), valueName: "path"))
  var key: String?

  @Option(
    help: ArgumentHelp(
      HelpText.l("help.option.tls_server_name"),
      valueName: "name"
    )
  )
  var tlsServerName: String?

  @Option(help: ArgumentHelp(HelpText.l("help.option.timeout"), valueName: "seconds"))
  var timeout: Double = 10

  @Option(help: ArgumentHelp(HelpText.l("help.option.min_revision"), valueName: "revision"))
  var minRevision: Int64?

  @Option(help: ArgumentHelp(HelpText.l("help.option.output")))
  var output: OutputFormat?

  @Flag(help: ArgumentHelp(HelpText.l("help.option.json")))
  var json = false

  @Option(
    help: ArgumentHelp(
      HelpText.l("help.option.lang"),
      valueName: "lang"))
  var lang: DisplayLanguage?

  @Flag(help: ArgumentHelp(HelpText.l("tables.help.wide")))
  var wide = false

  @Option(
    help: ArgumentHelp(
      HelpText.l("tables.help.columns"),
      valueName: "a,b,c"))
  var columns: String?

  @OptionGroup(title: "CSV")
  var csv: CSVDialectOptions

  func validate() throws {
    if json, let output, output != .json {
      throw ValidationError(language.localizer("error.option.json_conflict", ["output": output.rawValue]))
    }
    if !(timeout > 0) || !timeout.isFinite {
      throw ValidationError(language.localizer("error.option.timeout", ["value": "\(timeout)"]))
    }
    if csv.hasConflict { throw ValidationError(language.localizer("csv.dialect.comma_conflict")) }
    if let columns, ColumnSelection(columns) == nil {
      throw ValidationError(language.localizer("tables.columns.empty"))
    }
    _ = try address
    _ = try tlsSettings
  }

  /// The output format after `--json` and `--output`.
  var format: OutputFormat { json ? .json : (output ?? .table) }

  /// The language after `--lang`, IMPACT_LANG and the locale.
  var language: DisplayLanguage { Self.language(option: lang) }

  /// The language after `option`, IMPACT_LANG and the locale (`LC_ALL`, `LC_MESSAGES`,
  /// `LANG`); English when none names French or English.
  static func language(option: DisplayLanguage?) -> DisplayLanguage {
    if let option { return option }
    let environment = ProcessInfo.processInfo.environment
    if let fromEnvironment = environment["IMPACT_LANG"],
      let language = DisplayLanguage(rawValue: fromEnvironment.lowercased())
    {
      return language
    }
    if let fromLocale = Language.fromLocale(environment) { return fromLocale == .fr ? .fr : .en }
    return .en
  }

  /// The daemon's address after `--server` and IMPACT_SERVER; a value that is not an address
  /// is a usage error naming where it came from and the accepted forms.
  var address: ServerAddress {
    get throws {
      let fromEnvironment = ProcessInfo.processInfo.environment["IMPACT_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
      let source = server != nil ? "--server" : (fromEnvironment != nil ? "IMPACT_SERVER" : "--server")
      let text = server ?? fromEnvironment ?? ServerAddress.defaultText
      do {
        return try ServerAddress.parse(text)
      } catch {
        let l = language.localizer
        throw ValidationError(
          l(
            "connection.server.invalid",
            ["source": source, "value": text, "reason": l(error.reason)]))
      }
    }
  }

  /// The token after `--token` and IMPACT_TOKEN; nil when neither is set or it is empty.
  var bearerToken: String? {
    let value = token ?? ProcessInfo.processInfo.environment["IMPACT_TOKEN"]
    guard let value, !value.isEmpty else { return nil }
    return value
  }

  /// The revision the answer must reflect, after `--min-revision` and IMPACT_MIN_REVISION.
  var minimumRevision: Int64? {
    get throws {
      if let minRevision {
        guard minRevision >= 0 else {
          throw ValidationError(language.localizer("error.option.min_revision", ["value": "\(minRevision)"]))
        }
        return minRevision
      }
      guard let text = ProcessInfo.processInfo.environment["IMPACT_MIN_REVISION"], !text.isEmpty else { return nil }
      guard let value = Int64(text), value >= 0 else {
        throw ValidationError(language.localizer("error.option.min_revision", ["value": text]))
      }
      return value
    }
  }

  /// The TLS settings after the options and their environment variables; nil for plaintext.
  /// `--ca`, `--cert`/`--key` and `--tls-server-name` each imply TLS.
  var tlsSettings: TLSSettings? {
    get throws {
      let environment = ProcessInfo.processInfo.environment
      func value(_ option: String?, _ variable: String) -> String? {
        let text = option ?? environment[variable]
        guard let text, !text.isEmpty else { return nil }
        return text
      }
      let caPath = value(ca, "IMPACT_CA")
      let certificatePath = value(cert, "IMPACT_CERT")
      let keyPath = value(key, "IMPACT_KEY")
      let serverName = value(tlsServerName, "IMPACT_TLS_SERVER_NAME")
      switch (certificatePath, keyPath) {
      case (.some, nil):
        throw ValidationError(language.localizer("error.option.cert_needs_key"))
      case (nil, .some):
        throw ValidationError(language.localizer("error.option.key_needs_cert"))
      default: break
      }
      if let serverName, ServerAddress("\(serverName):1").map({ $0.isIPLiteral }) ?? true {
        throw ValidationError(language.localizer("error.option.tls_server_name", ["value": serverName]))
      }
      let wantsTLS =
        tls || ["1", "true", "yes"].contains(environment["IMPACT_TLS"]?.lowercased() ?? "")
        || caPath != nil || certificatePath != nil || serverName != nil || (try? address)?.impliesTLS == true
      guard wantsTLS else { return nil }
      return TLSSettings(caPath: caPath, certificatePath: certificatePath, keyPath: keyPath, serverName: serverName)
    }
  }

  /// How to talk to the daemon. A --timeout beyond a billion seconds (31 years) is taken as
  /// that: the duration must fit in 64 bits, and no one waits longer.
  func connection() throws -> ImpactConnection {
    ImpactConnection(
      address: try address, token: bearerToken, timeout: .milliseconds(Int64(min(timeout, 1e9) * 1000)),
      tls: try tlsSettings,
      language: language, minimumRevision: try minimumRevision)
  }

  /// How to print.
  func renderer() -> Renderer {
    Renderer(
      format: format, language: language, width: wide ? nil : TerminalWidth.current(),
      columns: columns.flatMap(ColumnSelection.init), csvDialect: csv.dialect)
  }
}
