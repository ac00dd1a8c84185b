import ArgumentParser
import Foundation

/// The options every subcommand accepts: where the daemon is, how to authenticate, how long to
/// wait and how to print.
struct GlobalOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The daemon's address (env IMPACT_SERVER; default 127.0.0.1:7420).",
      valueName: "host:port"
    )
  )
  var server: String?

  @Option(help: ArgumentHelp("A bearer token sent as `authorization: Bearer <token>` (env IMPACT_TOKEN).", valueName: "token"))
  var token: String?

  @Option(help: ArgumentHelp("The most seconds the whole command may take.", valueName: "seconds"))
  var timeout: Double = 10

  @Option(help: "Output format: table, json or csv.")
  var output: OutputFormat?

  @Flag(help: "Shorthand for --output json.")
  var json = false

  @Option(help: ArgumentHelp("Language of labels: en or fr (env IMPACT_LANG; default en).", valueName: "lang"))
  var lang: DisplayLanguage?

  func validate() throws {
    if json, let output, output != .json {
      throw ValidationError("--json conflicts with --output \(output.rawValue)")
    }
    if !(timeout > 0) || !timeout.isFinite {
      throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
    }
    _ = try address
  }

  /// The output format after `--json` and `--output`.
  var format: OutputFormat { json ? .json : (output ?? .table) }

  /// The label language after `--lang` and IMPACT_LANG.
  var language: DisplayLanguage {
    if let lang { return lang }
    if let fromEnvironment = ProcessInfo.processInfo.environment["IMPACT_LANG"],
      let language = DisplayLanguage(rawValue: fromEnvironment.lowercased())
    {
      return language
    }
    return .en
  }

  /// The daemon's address after `--server` and IMPACT_SERVER.
  var address: ServerAddress {
    get throws {
      let text =
        server ?? ProcessInfo.processInfo.environment["IMPACT_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
        ?? ServerAddress.defaultText
      guard let address = ServerAddress(text) else {
        throw ValidationError("--server must be HOST:PORT (such as 127.0.0.1:7420), not '\(text)'")
      }
      return address
    }
  }

  /// The token after `--token` and IMPACT_TOKEN; nil when neither is set or it is empty.
  var bearerToken: String? {
    let value = token ?? ProcessInfo.processInfo.environment["IMPACT_TOKEN"]
    guard let value, !value.isEmpty else { return nil }
    return value
  }

  /// How to talk to the daemon.
  func connection() throws -> ImpactConnection {
    ImpactConnection(address: try address, token: bearerToken, timeout: .milliseconds(Int64(timeout * 1000)))
  }

  /// How to print.
  func renderer() -> Renderer {
    Renderer(format: format, language: language)
  }
}
