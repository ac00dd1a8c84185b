import Crypto
import Foundation
import SwiftASN1
import X509

/// Makes a small private PKI for mutual TLS: a CA, server certificates for the addresses the
/// daemon listens on, and client certificates whose subject becomes the caller's name. ECDSA
/// P-256 keys, PEM files. `impactd tls` uses it; so do the tests.
///
/// ```swift
/// let ca = try CertificateFactory.makeAuthority(name: "Impact CA")
/// let server = try CertificateFactory.makeServer(hosts: ["localhost", "127.0.0.1"], signedBy: ca)
/// let client = try CertificateFactory.makeClient(commonName: "amel", signedBy: ca)
/// ```
enum CertificateFactory {
  /// A certificate and its private key, as PEM text.
  struct Issued: Sendable, Hashable {
    var certificatePEM: String
    var privateKeyPEM: String
    /// The subject, RFC 4514 (`CN=amel,O=impact`): what `impactd certificate allow` takes.
    var subject: String
  }

  /// A self-signed certification authority.
  static func makeAuthority(name: String, validDays: Int = 3650, now: Date = Date()) throws -> Issued {
    try sign(
      commonName: name,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
        Critical(KeyUsage(keyCertSign: true, cRLSign: true))
      },
      authority: nil, validDays: validDays, now: now
    )
  }

  /// A server certificate for these host names and IP addresses.
  static func makeServer(
    hosts: [String], signedBy authority: Issued, validDays: Int = 825, now: Date = Date()
  )
    throws -> Issued
  {
    var names: [GeneralName] = []
    for host in hosts {
      if let bytes = ipAddressBytes(host) {
        names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(bytes))))
      } else {
        names.append(.dnsName(host))
      }
    }
    let usage = try ExtendedKeyUsage([.serverAuth])
    return try sign(
      commonName: hosts.first ?? "impactd",
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.notCertificateAuthority)
        Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
        usage
        SubjectAlternativeNames(names)
      },
      authority: authority, validDays: validDays, now: now
    )
  }

  /// A client certificate; its subject `CN=<commonName>,O=impact` names the caller.
  static func makeClient(
    commonName: String, signedBy authority: Issued, validDays: Int = 825, now: Date = Date()
  )
    throws -> Issued
  {
    let usage = try ExtendedKeyUsage([.clientAuth])
    return try sign(
      commonName: commonName,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.notCertificateAuthority)
        Critical(KeyUsage(digitalSignature: true))
        usage
      },
      authority: authority, validDays: validDays, now: now
    )
  }

  /// A new key and its certificate `CN=<commonName>,O=impact`, signed by `authority`, or by
  /// the new key itself when `authority` is `nil`.
  private static func sign(
    commonName: String, extensions: Certificate.Extensions, authority: Issued?, validDays: Int, now: Date
  ) throws -> Issued {
    let key = P256.Signing.PrivateKey()
    let subject = try DistinguishedName {
      OrganizationName("impact")
      CommonName(commonName)
    }
    let issuer = try authority.map { try Certificate(pemEncoded: $0.certificatePEM).subject } ?? subject
    let issuerKey = try authority.map { try P256.Signing.PrivateKey(pemRepresentation: $0.privateKeyPEM) } ?? key
    let certificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: .init(key.publicKey),
      notValidBefore: now.addingTimeInterval(-300),
      notValidAfter: now.addingTimeInterval(Double(validDays) * 86_400),
      issuer: issuer,
      subject: subject,
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: extensions,
      issuerPrivateKey: .init(issuerKey)
    )
    return try issued(certificate, key: key)
  }

  private static func issued(_ certificate: Certificate, key: P256.Signing.PrivateKey) throws -> Issued {
    Issued(
      certificatePEM: try certificate.serializeAsPEM().pemString,
      privateKeyPEM: key.pemRepresentation,
      subject: certificate.subject.description
    )
  }

  /// The bytes of a dotted IPv4 address or of `::1`; `nil` for a host name.
  static func ipAddressBytes(_ host: String) -> [UInt8]? {
    if host == "::1" { return Array(repeating: 0, count: 15) + [1] }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    let bytes = parts.compactMap { UInt8($0) }
    return bytes.count == 4 ? bytes : nil
  }
}
