import ArgumentParser
import DaemonCore
import Foundation

/// `impactd certificate`: roles for client certificates under mutual TLS, by subject.
struct CertificateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "certificate",
    abstract: "Grant, list and revoke roles of client certificate subjects (mutual TLS).",
    discussion: """
      The subject is written as RFC 4514, most specific first (CN=amel,O=Impact), as this \
      prints it:
        openssl x509 -noout -subject -nameopt RFC2253 -in client.pem
      """,
    subcommands: [Allow.self, List.self, Revoke.self]
  )

  struct Allow: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Grant a role to a certificate subject.")

    @Argument(help: "The certificate subject, e.g. CN=amel,O=Impact.")
    var subject: String

    @Option(help: "viewer, analyst, editor or admin.")
    var role: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
      let role = try parseRole(role)
      // Like token create, a grant may come before the daemon's first start and create the file.
      _ = try CredentialCommand.withStore(database, creating: true) { try $0.allowCertificate(subject: subject, role: role) }
      OperatorText.write("impactd.certificate.allowed", ["subject": subject, "role": role.rawValue])
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List certificate subjects and their roles.")

    @Flag(help: "Include revoked grants.")
    var all = false

    @Flag(help: "One JSON object per line.")
    var json = false

    @OptionGroup var database: DatabaseOption

    func run() throws {
      try CredentialCommand.list(.certificate, includingRevoked: all, json: json, database: database)
    }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke the role of a certificate subject.")

    @Argument(help: "The certificate subject.")
    var subject: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
      try CredentialCommand.revoke(.certificate, name: subject, database: database)
    }
  }
}
