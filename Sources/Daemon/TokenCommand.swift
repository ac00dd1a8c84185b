import ArgumentParser
import DaemonCore
import Foundation

/// `impactd token`: bearer tokens for the daemon's clients, administered on the database file
/// (the daemon may be running; a revocation reaches it within a second).
struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Create, list and revoke bearer tokens.",
    discussion: "Roles: viewer < analyst < editor < admin. Only a hash of each token is stored; the token is printed once, at creation.",
    subcommands: [Create.self, List.self, Revoke.self]
  )

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a token and print it (once) on standard output.",
      discussion: "Example: TOKEN=$(impactd token create amel --role editor)"
    )

    @Argument(help: "A name for the token: who or what uses it; the audit journal shows it.")
    var name: String

    @Option(help: "viewer, analyst, editor or admin.")
    var role: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
      let role = try parseRole(role)
      // A token may be created before the daemon's first start: this one command creates the file.
      let (token, credential) = try CredentialCommand.withStore(database, creating: true) { try $0.createToken(name: name, role: role) }
      print(token.text)
      OperatorText.write("impactd.token.created", ["name": credential.name, "role": credential.role.rawValue, "id": token.id])
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")

    @Flag(help: "Include revoked tokens.")
    var all = false

    @Flag(help: "One JSON object per line.")
    var json = false

    @OptionGroup var database: DatabaseOption

    func run() throws {
      try CredentialCommand.list(.token, includingRevoked: all, json: json, database: database)
    }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke a token by name.")

    @Argument(help: "The token's name.")
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
    throw ValidationError("\(error)")
  }
}
