import Foundation
import GRPCNIOTransportHTTP2

/// How `impact` secures its connection: which certificates it trusts (`--ca`, or the system's
/// roots), the client certificate it presents for mutual TLS (`--cert` and `--key`), and the
/// name it expects in the server's certificate (`--tls-server-name`).
struct TLSSettings: Sendable, Equatable {
  /// PEM trust roots; nil trusts the system's roots.
  var caPath: String?
  /// The client certificate (PEM) for mutual TLS; set together with `keyPath`.
  var certificatePath: String?
  /// The client certificate's private key (PEM).
  var keyPath: String?
  /// The name to verify in the server's certificate instead of the --server host.
  var serverName: String?

  /// The transport's security, reading the PEM files now so that a missing one is reported
  /// with the option that named it rather than as a failed connection.
  func transportSecurity() throws(CommandFailure) -> HTTP2ClientTransport.Posix.TransportSecurity {
    let trustRoots: TLSConfig.TrustRootsSource
    if let caPath {
      let pem = try Self.pem(caPath, option: "--ca", marker: "-----BEGIN CERTIFICATE-----", kind: "certificate")
      trustRoots = .certificates([.bytes(pem, format: .pem)])
    } else {
      trustRoots = .systemDefault
    }
    var chain: [TLSConfig.CertificateSource] = []
    var key: TLSConfig.PrivateKeySource?
    if let certificatePath, let keyPath {
      let certificate = try Self.pem(
        certificatePath, option: "--cert", marker: "-----BEGIN CERTIFICATE-----", kind: "certificate")
      let keyPEM = try Self.pem(keyPath, option: "--key", marker: "PRIVATE KEY-----", kind: "private key")
      chain = [.bytes(certificate, format: .pem)]
      key = .bytes(keyPEM, format: .pem)
    }
    return .tls(
      HTTP2ClientTransport.Posix.TransportSecurity.TLS(
        certificateChain: chain,
        privateKey: key,
        serverCertificateVerification: .fullVerification,
        trustRoots: trustRoots
      )
    )
  }

  /// What the options name, for messages: `--ca ca.pem, --cert c.pem, --key k.pem`.
  var summary: String {
    var parts: [String] = []
    parts.append(caPath.map { "--ca \($0)" } ?? "the system's trust roots")
    if let certificatePath { parts.append("--cert \(certificatePath)") }
    if let keyPath { parts.append("--key \(keyPath)") }
    if let serverName { parts.append("--tls-server-name \(serverName)") }
    return parts.joined(separator: ", ")
  }

  /// The bytes of a PEM file; a missing or unreadable one exits 66 (EX_NOINPUT), one that
  /// holds no PEM block of the expected kind exits 65.
  private static func pem(
    _ path: String, option: String, marker: String, kind: String
  ) throws(CommandFailure) -> [UInt8] {
    let data: Data
    do {
      data = try LocalFile.data(path)
    } catch {
      throw CommandFailure(.notFound, "\(option): \(error.message)")
    }
    guard String(decoding: data, as: UTF8.self).contains(marker) else {
      throw CommandFailure(.invalidInput, "\(option): \(path) is not a PEM \(kind) (no `\(marker)` line)")
    }
    return Array(data)
  }
}
