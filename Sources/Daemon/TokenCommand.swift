import ArgumentParser
import DaemonCore
import Foundation
import ImpactCredentials
import ImpactStorage
import Localization

/// `impactd token`: bearer tokens for the daemon's clients, administered on the database file
/// (the daemon may be running; a revocation reaches it within a second).
struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: OperatorText.help("impactd.help.token.abstract"),
    discussion: OperatorText.help("impactd.help.token.discussion"),
    subcommands: [Create.self, List.self, Revoke.self]
  )

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: OperatorText.help("impactd.help.token.create"),
      discussion: OperatorText.help("impactd.help.example") + " TOKEN=$(impactd token create amel --role editor)"
    )

    @Argument(help: ArgumentHelp(OperatorText.help("impactd.help.token.name")))
    var name: String

    @Option(help: ArgumentHelp(OperatorText.help("impactd.help.role")))
    var role: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
      let role = try parseRole(role)
      // A token may be created before the daemon's first start: this one command creates the file.
      let (token, credential) = try CredentialCommand.withStore(database, creating: true) {
        try $0.createToken(name: name, role: role)
      }
      print(token.text)
      OperatorText.write(
        "impactd.token.created", ["name": credential.name, "role": credential.role.rawValue, "id": token.id])
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: OperatorText.help("impactd.help.token.list"))

    @Flag(help: ArgumentHelp(OperatorText.help("impactd.help.token.all")))
    var all = false

    @Flag(help: ArgumentHelp(OperatorText.help("impactd.help.json")))
    var json = false

    @OptionGroup var database: DatabaseOption

    func run() throws {
      try CredentialCommand.list(.token, includingRevoked: all, json: json, database: database)
    }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: OperatorText.help("impactd.help.token.revoke"))

    @Argument(help: ArgumentHelp(OperatorText.help("impactd.help.token.revoke-name")))
    var name: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
      try CredentialCommand.revoke(.token, name: name, database: database)
    }
  }
}

func parseRole(_ text: String) throws -> Role {
  do {
    return try Role(parsing: text)
  } catch {
    throw ValidationError(CredentialCommand.message(error))
  }
}
