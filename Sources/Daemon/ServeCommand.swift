import ArgumentParser
import DaemonCore
import Foundation
import ImpactConfiguration
import ImpactPostgres
import ImpactStorage
import Localization
import Logging
import Metrics

/// `impactd serve`: resolve the configuration, bootstrap logging and metrics, run until
/// SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: OperatorText.help("impactd.help.serve.abstract"),
    discussion: OperatorText.help("impactd.help.serve.discussion")
  )

  @OptionGroup var options: ServeOptions

  @Flag(help: ArgumentHelp(OperatorText.help("impactd.help.serve.demo")))
  var demo = false

  func run() async throws {
    let configuration: DaemonConfiguration
    do {
      configuration = try DaemonConfiguration.resolve(
        flags: try options.layer(),
        environment: ProcessInfo.processInfo.environment
      )
    } catch let error as ConfigurationError {
      FileHandle.standardError.write(Data("impactd: \(error.localizedDescription(OperatorText.localizer))\n".utf8))
      throw ExitCode(78)  // EX_CONFIG
    }

    let level = configuration.log.level
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let logger = Logger(label: "impactd")
    let metrics = DaemonMetrics()
    MetricsSystem.bootstrap(metrics.factory)

    let daemon = Daemon(configuration: configuration, logger: logger, metrics: metrics)
    do {
      try await serve(daemon)
    } catch let error as DaemonStartError {
      // 75 for a busy port, 78 for an address that cannot be bound (docs/operations.md).
      OperatorText.write(error)
      throw ExitCode(error.exitCode)
    } catch StorageError.databaseInUse(let path, let pid) {
      // 75 as for a busy port: the database may be free once the other daemon stops.
      let l = OperatorText.localizer
      let holder = pid.map { l("impactd.lock-holder.pid", ["pid": "\($0)"]) } ?? l("impactd.lock-holder.unknown")
      OperatorText.write("impactd.database-in-use", ["path": path, "holder": holder])
      throw ExitCode(75)  // EX_TEMPFAIL
    } catch let error as ConfigurationError {
      // A setting read only once the store opens (the PostgreSQL password file): as any other.
      FileHandle.standardError.write(Data("impactd: \(error.localizedDescription(OperatorText.localizer))\n".utf8))
      throw ExitCode(78)  // EX_CONFIG
    } catch let failure as PostgresFailure {
      // 69 (EX_UNAVAILABLE): the shared database cannot be reached or refuses this daemon.
      OperatorText.write(
        "impactd.database-unreachable", OperatorText.unreachable(failure))
      throw ExitCode(69)
    } catch let refusal as DatabaseRefusal {
      // 65 (EX_DATAERR): another application's file or a damaged one; starting again will not
      // help (docs/operations.md).
      switch refusal {
      case .notImpactDatabase(let path, let reason):
        OperatorText.write("impactd.database-not-ours", ["path": path, "reason": reason])
      case .damaged(let path, let check, let problems):
        OperatorText.write(
          "impactd.database-damaged",
          ["path": path, "check": check.rawValue, "problems": problems.joined(separator: "; ")])
      }
      throw ExitCode(refusal.exitCode)
    }
  }

  private func serve(_ daemon: Daemon) async throws {
    let demo = self.demo
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        // Scripts and tests parse this line to find the port when listening on port 0.
        if let address = try? await daemon.listeningAddress {
          FileHandle.standardOutput.write(Data("listening \(address)\n".utf8))
        }
      }
      group.addTask {
        try await daemon.run(application: ImpactApplication(seedDemo: demo))
      }
      try await group.waitForAll()
    }
  }
}
