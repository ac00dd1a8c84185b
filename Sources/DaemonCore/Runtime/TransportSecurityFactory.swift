import GRPCNIOTransportHTTP2
import ImpactConfiguration

/// The server transport's security from the configured TLS files.
enum TransportSecurityFactory {
  /// Plaintext without files; TLS with a certificate and key; mutual TLS, where clients must
  /// present a certificate that chains to the client CA, when one is given.
  static func server(_ files: TLSFiles?) -> HTTP2ServerTransport.Posix.TransportSecurity {
    guard let files else { return .plaintext }
    let chain: [TLSConfig.CertificateSource] = [.file(path: files.certificatePath, format: .pem)]
    let key: TLSConfig.PrivateKeySource = .file(path: files.keyPath, format: .pem)
    guard let clientCA = files.clientCAPath else {
      return .tls(certificateChain: chain, privateKey: key)
    }
    return .mTLS(certificateChain: chain, privateKey: key) { config in
      config.trustRoots = .certificates([.file(path: clientCA, format: .pem)])
      config.clientCertificateVerification = .noHostnameVerification
    }
  }
}
