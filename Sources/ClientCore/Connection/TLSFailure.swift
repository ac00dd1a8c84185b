import Foundation

/// A failed TLS handshake (or a plaintext client refused by a TLS daemon) recognised in the
/// transport's error text, explained with the option that fixes it.
///
/// The transport reports these as UNAVAILABLE with BoringSSL's reason buried in the cause
/// (`...OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at .../handshake.cc:320`), so the reason is
/// read from the text.
struct TLSFailure: Sendable {
  /// What went wrong and what to do, without the transport's internals.
  var explanation: String

  init?(_ text: String, tls: TLSSettings?) {
    guard let tls else {
      // A TLS daemon answers a plaintext HTTP/2 preface by closing the connection.
      guard text.contains("closed the connection before completing the HTTP/2 connection preface") else { return nil }
      explanation =
        "the daemon closed the connection before HTTP/2 began; it probably requires TLS (see --ca, --tls, --cert and --key)"
      return
    }
    let reason = Self.reason(in: text)
    let trusted = tls.caPath.map { "the certificates in --ca \($0)" } ?? "the system's trust roots"
    if text.contains("failedToValidateHostname") {
      let name = tls.serverName.map { "'\($0)'" } ?? "the --server host"
      explanation =
        "TLS handshake failed: the daemon's certificate does not name \(name) (see --tls-server-name)"
    } else if reason == "CERTIFICATE_VERIFY_FAILED" {
      explanation =
        "TLS handshake failed: the daemon's certificate is not signed by \(trusted) (see --ca)"
    } else if reason == "TLSV1_ALERT_CERTIFICATE_REQUIRED" {
      explanation = "TLS handshake failed: the daemon requires a client certificate (see --cert and --key)"
    } else if reason == "WRONG_VERSION_NUMBER" || reason == "HTTP_REQUEST" {
      explanation = "TLS handshake failed: the daemon does not answer in TLS (is it serving plaintext?)"
    } else if let reason, reason.hasPrefix("TLSV1_ALERT_") || reason.hasPrefix("SSLV3_ALERT_") {
      let alert = reason.replacingOccurrences(of: "TLSV1_ALERT_", with: "").replacingOccurrences(of: "SSLV3_ALERT_", with: "")
      let refused = tls.certificatePath.map { "; it does not accept the client certificate --cert \($0)" } ?? ""
      explanation = "TLS handshake failed: the daemon refused it with the alert \(alert)\(refused)"
    } else if let reason {
      explanation = "TLS handshake failed: \(reason)"
    } else if text.contains("handshakeFailed") || text.contains("sslError") || text.contains("NIOSSL") {
      explanation = "TLS handshake failed: \(text)"
    } else {
      return nil
    }
  }

  /// BoringSSL's reason code, such as `CERTIFICATE_VERIFY_FAILED`.
  private static func reason(in text: String) -> String? {
    guard let marker = text.range(of: "OPENSSL_internal:") else { return nil }
    let code = text[marker.upperBound...].prefix { $0.isUppercase || $0.isNumber || $0 == "_" }
    return code.isEmpty ? nil : String(code)
  }
}
