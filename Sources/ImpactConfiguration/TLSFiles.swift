/// The PEM files of the daemon's TLS setting.
public struct TLSFiles: Sendable, Hashable {
  /// The server certificate chain, leaf first (`tls.certificate`, `--tls-cert`).
  public var certificatePath: String
  /// The server's private key (`tls.key`, `--tls-key`).
  public var keyPath: String
  /// The CA certificates client certificates must chain to; set, the daemon asks every client
  /// for a certificate and refuses the connection without a valid one (mutual TLS;
  /// `tls.clientCA`, `--tls-client-ca`).
  public var clientCAPath: String?

  /// Creates the setting.
  public init(certificatePath: String, keyPath: String, clientCAPath: String? = nil) {
    self.certificatePath = certificatePath
    self.keyPath = keyPath
    self.clientCAPath = clientCAPath
  }

  /// Whether clients must present a certificate.
  public var isMutual: Bool { clientCAPath != nil }
}
