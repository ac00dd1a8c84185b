import ArgumentParser
import DaemonCore
import Foundation
import ImpactCredentials
import ImpactStorage
import Localization

/// `impactd certificate`: roles for client certificates under mutual TLS, by subject.
struct CertificateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "certificate",
    abstract: OperatorText.help("impactd.help.certificate.abstract"),
    discussion: """
      \(OperatorText.help("impactd.help.certificate.discussion"))
        openssl x509 -noout -subject -nameopt RFC2253 -in client.pem
      """,
    subcommands: [Allow.self, List.self, Revoke.self]
  )

  struct Allow: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: OperatorText.help("impactd.help.certificate.allow"))

    @Argument(help: ArgumentHelp(OperatorText.help("impactd.help.certificate.subject-example")))
    var subject: String

    @Option(help: ArgumentHelp(OperatorText.help("impactd.help.role")))
    var role: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
      let role = try parseRole(role)
      // Like token create, a grant may come before the daemon's first start and create the file.
      _ = try CredentialCommand.withStore(database, creating: true) {
        try $0.allowCertificate(subject: subject, role: role)
      }
      OperatorText.write("impactd.certificate.allowed", ["subject": subject, "role": role.rawValue])
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: OperatorText.help("impactd.help.certificate.list"))

    @Flag(help: ArgumentHelp(OperatorText.help("impactd.help.certificate.all")))
    var all = false

    @Flag(help: ArgumentHelp(OperatorText.help("impactd.help.json")))
    var json = false

    @OptionGroup var database: DatabaseOption

    func run() throws {
      try CredentialCommand.list(.certificate, includingRevoked: all, json: json, database: database)
    }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: OperatorText.help("impactd.help.certificate.revoke"))

    @Argument(help: ArgumentHelp(OperatorText.help("impactd.help.certificate.subject")))
    var subject: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
      try CredentialCommand.revoke(.certificate, name: subject, database: database)
    }
  }
}
