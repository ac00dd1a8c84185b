import ArgumentParser
import DaemonCore
import Foundation
import Localization

/// `impactd tls`: a private CA and its certificates for TLS and mutual TLS, for a deployment
/// without a PKI of its own, or for trying TLS out.
struct TLSCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tls",
    abstract: OperatorText.help("impactd.help.tls.abstract"),
    discussion: """
      \(OperatorText.help("impactd.help.tls.example"))
        impactd tls create-ca --dir certs
        impactd tls create-server --dir certs --host impact.example.org \\
          --host 10.0.0.5
        impactd tls create-client --dir certs amel
        impactd certificate allow CN=amel,O=impact --role editor
        impactd --listen 0.0.0.0:7420 --tls-cert certs/server.pem \\
          --tls-key certs/server-key.pem --tls-client-ca certs/ca.pem
        impact rank --server impact.example.org:7420 --ca certs/ca.pem \\
          --cert certs/client-amel.pem --key certs/client-amel-key.pem
      """,
    subcommands: [CreateCA.self, CreateServer.self, CreateClient.self]
  )

  struct Directory: ParsableArguments {
    @Option(help: ArgumentHelp(OperatorText.help("impactd.help.tls.dir"), valueName: "dir"))
    var dir: String = "."

    func url(_ name: String) -> URL { URL(fileURLWithPath: dir).appendingPathComponent(name) }

    func authority() throws -> CertificateFactory.Issued {
      do {
        return CertificateFactory.Issued(
          certificatePEM: try String(contentsOf: url("ca.pem"), encoding: .utf8),
          privateKeyPEM: try String(contentsOf: url("ca-key.pem"), encoding: .utf8),
          subject: ""
        )
      } catch {
        throw ValidationError(OperatorText.localizer("impactd.tls.no-ca", ["path": url("ca.pem").path, "dir": dir]))
      }
    }

    /// Writes a certificate and its key; the key readable by its owner only. Never overwrites.
    func write(_ issued: CertificateFactory.Issued, certificate: String, key: String) throws {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      for name in [certificate, key] where FileManager.default.fileExists(atPath: url(name).path) {
        throw ValidationError(OperatorText.localizer("impactd.tls.exists", ["path": url(name).path]))
      }
      try Data(issued.certificatePEM.utf8).write(to: url(certificate))
      guard
        FileManager.default.createFile(
          atPath: url(key).path, contents: Data(issued.privateKeyPEM.utf8), attributes: [.posixPermissions: 0o600])
      else {
        throw ValidationError(OperatorText.localizer("impactd.tls.cannot-write", ["path": url(key).path]))
      }
      print("\(url(certificate).path)\t\(issued.subject)")
    }
  }

  struct CreateCA: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create-ca", abstract: OperatorText.help("impactd.help.tls.create-ca"))

    @OptionGroup var directory: Directory

    @Option(help: ArgumentHelp(OperatorText.help("impactd.help.tls.ca-name")))
    var name = "impact private CA"

    func run() throws {
      try directory.write(try CertificateFactory.makeAuthority(name: name), certificate: "ca.pem", key: "ca-key.pem")
    }
  }

  struct CreateServer: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create-server", abstract: OperatorText.help("impactd.help.tls.create-server"))

    @OptionGroup var directory: Directory

    @Option(help: ArgumentHelp(OperatorText.help("impactd.help.tls.host")))
    var host: [String] = ["localhost", "127.0.0.1"]

    func run() throws {
      let issued = try CertificateFactory.makeServer(hosts: host, signedBy: try directory.authority())
      try directory.write(issued, certificate: "server.pem", key: "server-key.pem")
    }
  }

  struct CreateClient: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create-client",
      abstract: OperatorText.help("impactd.help.tls.create-client"))

    @OptionGroup var directory: Directory

    @Argument(help: ArgumentHelp(OperatorText.help("impactd.help.tls.client-name")))
    var name: String

    func run() throws {
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
        throw ValidationError(OperatorText.localizer("impactd.tls.bad-name", ["name": name]))
      }
      let issued = try CertificateFactory.makeClient(commonName: name, signedBy: try directory.authority())
      try directory.write(issued, certificate: "client-\(name).pem", key: "client-\(name)-key.pem")
    }
  }
}
