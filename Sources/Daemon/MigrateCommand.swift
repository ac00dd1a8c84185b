import Analytics
import ArgumentParser
import Foundation
import ImpactConfiguration
import ImpactPostgres
import ImpactStorage
import Logging

/// `impactd migrate --from impact.sqlite --to postgres://…`: copies a portfolio with its whole
/// history (journal, snapshots, checkpoints, observations, rating history, frameworks, schemes,
/// credentials) into an empty PostgreSQL database in one transaction, then checks that both
/// stores give the same answers: the same portfolio and scores at the latest revision, the
/// same journal entry by entry, the same snapshots and framework versions.
///
/// Exit codes: 0 copied and checked; 65 the copy differs from the source (it stays, for a
/// look; drop the database to start again); 69 PostgreSQL cannot be reached; 73 the target
/// already holds a portfolio; 75 a daemon has the SQLite file open; 78 a bad location.
struct MigrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate", abstract: OperatorText.help("impactd.help.migrate"))

  @Option(help: ArgumentHelp(OperatorText.help("impactd.help.migrate.from"), valueName: "path"))
  var from: String

  @Option(help: ArgumentHelp(OperatorText.help("impactd.help.migrate.to"), valueName: "postgres://…"))
  var to: String

  @Option(
    name: .customLong("password-file"),
    help: ArgumentHelp(OperatorText.help("impactd.help.migrate.password-file"), valueName: "path"))
  var passwordFile: String?

  func run() throws {
    let location: PostgresLocation
    let password: String?
    do {
      location = try PostgresLocation.parse(to, setting: "--to")
      password = try PostgresPassword.resolve(
        environment: ProcessInfo.processInfo.environment,
        file: passwordFile.map { PostgresPasswordFile(path: $0, setting: "--password-file") })
    } catch let error as ConfigurationError {
      CredentialCommand.fail(error.localizedDescription(OperatorText.localizer), code: 78)
    }
    guard FileManager.default.fileExists(atPath: from) else {
      CredentialCommand.fail("impactd.migrate.no-source", ["path": from], code: 66)
    }
    let source: ImpactDatabase
    do {
      source = try ImpactDatabase.open(atPath: from, configuration: .defaults { $0.readOnly = true })
    } catch StorageError.databaseInUse(let path, _) {
      CredentialCommand.fail("impactd.migrate.source-in-use", ["path": path], code: 75)
    }
    defer { try? source.close() }
    let logger = Logger(label: "impactd.migrate")
    let target: PostgresStorage
    do {
      target = try PostgresStorage.openWaiting(
        PostgresConnector(location: location, password: password), logger: logger)
    } catch let failure as PostgresFailure {
      CredentialCommand.fail(
        "impactd.database-unreachable", OperatorText.unreachable(failure), code: 69)
    }
    defer { try? target.close() }

    let counts: PostgresStorage.MigrationCounts
    do {
      counts = try target.copy(from: source)
    } catch MigrationRefusal.notEmpty(let revision) {
      CredentialCommand.fail(
        "impactd.migrate.not-empty", ["location": location.description, "revision": "\(revision)"], code: 73)
    }
    OperatorText.write(
      "impactd.migrate.copied",
      [
        "revisions": "\(counts.rows["journal"] ?? 0)", "snapshots": "\(counts.rows["snapshots"] ?? 0)",
        "checkpoints": "\(counts.rows["checkpoints"] ?? 0)", "observations": "\(counts.rows["observations"] ?? 0)",
        "ratings": "\(counts.rows["rating_history"] ?? 0)", "location": location.description,
      ])
    let checked = try MigrationCheck.compare(source, target)
    if let difference = checked.difference {
      CredentialCommand.fail("impactd.migrate.differs", ["detail": difference], code: 65)
    }
    OperatorText.write(
      "impactd.migrate.checked", ["revision": "\(checked.revision)", "projects": "\(checked.projects)"])
  }
}

/// The answers of two stores compared: the portfolio and its scores at the latest revision,
/// the journal entry by entry, the snapshots and the framework versions.
enum MigrationCheck {
  struct Outcome {
    var revision: Int64
    var projects: Int
    /// The first difference found, in words; `nil` when both give the same answers.
    var difference: String?
  }

  static func compare(_ source: any PortfolioStorage, _ target: any PortfolioStorage) throws -> Outcome {
    let before = try source.loadStateInIDOrder()
    let after = try target.loadStateInIDOrder()
    var outcome = Outcome(revision: before.revision, projects: before.projects.count)
    func differs(_ text: String) -> Outcome {
      var found = outcome
      found.difference = text
      return found
    }
    guard before.revision == after.revision else {
      return differs("revision \(before.revision) against \(after.revision)")
    }
    guard before.scheme == after.scheme else { return differs("the active scheme") }
    guard before.projects == after.projects else {
      let ids = Set(before.projects.map(\.id)).symmetricDifference(after.projects.map(\.id))
      return differs(
        "the projects (\(ids.isEmpty ? "same ids, other contents" : ids.sorted().prefix(3).joined(separator: ", ")))")
    }
    let scorer = ProjectScorer(scheme: before.scheme)
    guard scorer.score(before.projects, lanes: 2) == scorer.score(after.projects, lanes: 2) else {
      return differs("the scores")
    }
    var last: Int64 = 0
    while true {
      let left = try source.journal(after: last, limit: 500)
      let right = try target.journal(after: last, limit: 500)
      guard left == right else {
        let index =
          zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)
        return differs("journal entry \(last + Int64(index) + 1)")
      }
      guard let end = left.last?.revision else { break }
      last = end
    }
    let snapshots = { (storage: any PortfolioStorage) in
      try storage.snapshotSummaries().map { "\($0.name)@\($0.revision):\($0.projectCount)" }
    }
    guard try snapshots(source) == snapshots(target) else { return differs("the snapshots") }
    guard try source.frameworkVersions() == target.frameworkVersions() else {
      return differs("the framework versions")
    }
    outcome.difference = nil
    return outcome
  }
}
