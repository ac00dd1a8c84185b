import GRPCNIOTransportHTTP2

/// A daemon's address: `host:port`, `[ipv6]:port`, or a host name resolved by DNS.
struct ServerAddress: Sendable, CustomStringConvertible {
  static let defaultText = "127.0.0.1:7420"

  var host: String
  var port: Int

  init?(_ text: String) {
    let hostPart: Substring
    let portPart: Substring
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else { return nil }
      hostPart = text[text.index(after: text.startIndex)..<close]
      let rest = text[text.index(after: close)...]
      guard rest.hasPrefix(":") else { return nil }
      portPart = rest.dropFirst()
    } else {
      guard let colon = text.lastIndex(of: ":") else { return nil }
      hostPart = text[..<colon]
      portPart = text[text.index(after: colon)...]
    }
    guard !hostPart.isEmpty, let port = Int(portPart), (0...65535).contains(port) else { return nil }
    self.host = String(hostPart)
    self.port = port
  }

  var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

  /// The target the transport connects to.
  var target: any ResolvableTarget {
    if isIPv4Literal { return .ipv4(address: host, port: port) }
    if host.contains(":") { return .ipv6(address: host, port: port) }
    return .dns(host: host, port: port)
  }

  /// Whether the host is an IP address rather than a name (TLS then verifies the address).
  var isIPLiteral: Bool { isIPv4Literal || host.contains(":") }

  private var isIPv4Literal: Bool {
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { part in UInt8(part) != nil }
  }
}
