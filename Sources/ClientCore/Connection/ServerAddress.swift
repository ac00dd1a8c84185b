import Foundation
import GRPCNIOTransportHTTP2

/// A daemon's address as people write it: `host:port`, `[ipv6]:port`, a host name resolved by
/// DNS, or a URL `http://host:port` / `https://host:port` (the latter implies TLS; without a
/// port, 80 and 443).
///
/// Parsing never traps: whatever the user types either becomes an address or is refused with
/// ``ServerAddress/ParseError``, which names what is wrong. The transport itself traps on an
/// IPv6 target it cannot parse, so only literals `inet_pton` accepts become IPv6 targets.
struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
  static let defaultText = "127.0.0.1:7420"

  var host: String
  var port: Int
  /// Whether the address was written `https://`: the connection then uses TLS.
  var impliesTLS = false

  /// Why a text is not an address; `reason` is a catalogue key.
  struct ParseError: Error, Sendable, Equatable {
    var reason: String
  }

  init(host: String, port: Int, impliesTLS: Bool = false) {
    self.host = host
    self.port = port
    self.impliesTLS = impliesTLS
  }

  init?(_ text: String) {
    guard let address = try? Self.parse(text) else { return nil }
    self = address
  }

  /// Parses `text`, or says why it is not an address.
  static func parse(_ text: String) throws(ParseError) -> ServerAddress {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    var defaultPort: Int?
    var impliesTLS = false
    if let schemeEnd = rest.range(of: "://") {
      switch rest[..<schemeEnd.lowerBound].lowercased() {
      case "http": defaultPort = 80
      case "https": defaultPort = 443; impliesTLS = true
      default: throw ParseError(reason: "connection.server.bad-scheme")
      }
      rest = rest[schemeEnd.upperBound...]
      // A trailing slash is harmless; a path is not something gRPC can use.
      if rest.hasSuffix("/") { rest = rest.dropLast() }
      guard !rest.contains("/"), !rest.contains("?"), !rest.contains("#"), !rest.contains("@") else {
        throw ParseError(reason: "connection.server.path")
      }
    }
    guard !rest.isEmpty else { throw ParseError(reason: "connection.server.no-host") }

    let hostPart: Substring
    let portPart: Substring?
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]") else { throw ParseError(reason: "connection.server.bracket") }
      hostPart = rest[rest.index(after: rest.startIndex)..<close]
      let after = rest[rest.index(after: close)...]
      if after.isEmpty {
        portPart = nil
      } else {
        guard after.hasPrefix(":") else { throw ParseError(reason: "connection.server.bracket") }
        portPart = after.dropFirst()
      }
      guard isIPv6Literal(String(hostPart)) else { throw ParseError(reason: "connection.server.bad-ipv6") }
    } else {
      let colons = rest.filter { $0 == ":" }.count
      guard colons <= 1 else { throw ParseError(reason: "connection.server.unbracketed-ipv6") }
      if let colon = rest.firstIndex(of: ":") {
        hostPart = rest[..<colon]
        portPart = rest[rest.index(after: colon)...]
      } else {
        hostPart = rest
        portPart = nil
      }
      guard !hostPart.isEmpty else { throw ParseError(reason: "connection.server.no-host") }
      guard isHostName(hostPart) else { throw ParseError(reason: "connection.server.bad-host") }
    }

    let port: Int
    if let portPart {
      guard !portPart.isEmpty, portPart.count <= 5, portPart.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int(portPart), (1...65535).contains(value)
      else { throw ParseError(reason: "connection.server.bad-port") }
      port = value
    } else if let defaultPort {
      port = defaultPort
    } else {
      throw ParseError(reason: "connection.server.no-port")
    }
    return ServerAddress(host: String(hostPart), port: port, impliesTLS: impliesTLS)
  }

  var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

  /// The target the transport connects to.
  var target: any ResolvableTarget {
    if isIPv4Literal { return .ipv4(address: host, port: port) }
    if Self.isIPv6Literal(host) { return .ipv6(address: host, port: port) }
    return .dns(host: host, port: port)
  }

  /// Whether the host is an IP address rather than a name (TLS then verifies the address).
  var isIPLiteral: Bool { isIPv4Literal || Self.isIPv6Literal(host) }

  private var isIPv4Literal: Bool {
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { part in UInt8(part) != nil }
  }

  /// An IPv6 address the system (and so the transport) can parse.
  static func isIPv6Literal(_ text: String) -> Bool {
    guard text.contains(":") else { return false }
    var storage = in6_addr()
    return inet_pton(AF_INET6, text, &storage) == 1
  }

  /// Letters, digits, `-` and `.`, as DNS names and IPv4 literals are written.
  private static func isHostName(_ text: Substring) -> Bool {
    text.count <= 253
      && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") }
      && !text.hasPrefix(".") && !text.hasPrefix("-")
  }
}
