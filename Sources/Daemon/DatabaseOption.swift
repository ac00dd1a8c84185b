import ArgumentParser
import DaemonCore
import Foundation
import ImpactConfiguration

/// `--database` and `--config` of the administration commands: they find the database file
/// exactly as `impactd serve` does (flag, then IMPACTD_DATABASE, then the `database` key of the
/// configuration file named by `--config` or IMPACTD_CONFIG, then `./impact.sqlite`), so that a
/// revocation acts on the file the daemon serves.
struct DatabaseOption: ParsableArguments {
  @Option(help: ArgumentHelp(OperatorText.help("impactd.help.database"), valueName: "path"))
  var database: String?

  @Option(help: ArgumentHelp(OperatorText.help("impactd.help.config-database"), valueName: "path"))
  var config: String?

  /// The database section after the flags, the environment and the configuration file (its
  /// path, and the PostgreSQL password file it names); a bad value ends the command with exit 78.
  func resolved() -> DaemonConfiguration.Database {
    do {
      var flags = ConfigurationLayer()
      flags.databasePath = try database.map { try ConfigurationLayer.parseDatabase($0, setting: "--database") }
      flags.configFile = try config.map { try ConfigurationLayer.parsePath($0, setting: "--config") }
      let configuration = try DaemonConfiguration.layered(
        flags: flags, environment: ProcessInfo.processInfo.environment)
      return configuration.database
    } catch let error as ConfigurationError {
      CredentialCommand.fail(error.localizedDescription(OperatorText.localizer), code: 78)  // EX_CONFIG
    } catch {
      CredentialCommand.fail("\(error)", code: 78)  // EX_CONFIG
    }
  }
}
