import ArgumentParser
import Foundation

/// `--database` of the administration commands: the file the daemon serves.
struct DatabaseOption: ParsableArguments {
  @Option(help: ArgumentHelp("SQLite database file (env IMPACTD_DATABASE; default ./impact.sqlite).", valueName: "path"))
  var database: String?

  /// The path after `--database`, IMPACTD_DATABASE and the default.
  var path: String {
    if let database, !database.isEmpty { return database }
    if let value = ProcessInfo.processInfo.environment["IMPACTD_DATABASE"], !value.isEmpty { return value }
    return "./impact.sqlite"
  }
}
