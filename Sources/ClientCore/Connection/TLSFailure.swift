import Foundation
import Localization

/// A failed TLS handshake (or a plaintext client refused by a TLS daemon) recognised in the
/// transport's error text, explained with the option that fixes it.
///
/// The transport reports these as UNAVAILABLE with BoringSSL's reason buried in the cause
/// (`...OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at .../handshake.cc:320`), so the reason is
/// read from the text.
struct TLSFailure: Sendable {
  /// What went wrong and what to do, without the transport's internals.
  var explanation: String

  init?(_ text: String, tls: TLSSettings?, language: DisplayLanguage = .en) {
    let l = language.localizer
    guard let tls else {
      // A TLS daemon answers a plaintext HTTP/2 preface by closing the connection.
      guard text.contains("closed the connection before completing the HTTP/2 connection preface") else { return nil }
      explanation = l("tls.failure.plaintext-refused")
      return
    }
    let reason = Self.reason(in: text)
    let trusted = tls.caPath.map { l("tls.failure.trusted-ca", ["path": $0]) } ?? l("tls.failure.trusted-system")
    if text.contains("failedToValidateHostname") {
      let name = tls.serverName.map { "'\($0)'" } ?? l("tls.failure.server-host")
      explanation = l("tls.failure.hostname", ["name": name])
    } else if reason == "CERTIFICATE_VERIFY_FAILED" {
      explanation = l("tls.failure.untrusted", ["trusted": trusted])
    } else if reason == "TLSV1_ALERT_CERTIFICATE_REQUIRED" {
      explanation = l("tls.failure.certificate-required")
    } else if reason == "WRONG_VERSION_NUMBER" || reason == "HTTP_REQUEST" {
      explanation = l("tls.failure.not-tls")
    } else if let reason, reason.hasPrefix("TLSV1_ALERT_") || reason.hasPrefix("SSLV3_ALERT_") {
      let alert = reason.replacingOccurrences(of: "TLSV1_ALERT_", with: "").replacingOccurrences(
        of: "SSLV3_ALERT_", with: "")
      if let certificate = tls.certificatePath {
        explanation = l("tls.failure.alert-certificate", ["alert": alert, "path": certificate])
      } else {
        explanation = l("tls.failure.alert", ["alert": alert])
      }
    } else if let reason {
      explanation = l("tls.failure.other", ["reason": reason])
    } else if text.contains("handshakeFailed") || text.contains("sslError") || text.contains("NIOSSL") {
      explanation = l("tls.failure.other", ["reason": text])
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
