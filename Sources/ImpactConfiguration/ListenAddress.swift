/// A TCP address to listen on, written `HOST:PORT` (`127.0.0.1:7420`, `[::1]:7420`, `localhost:0`).
///
/// Port 0 asks the system for a free port; the bound port is then read from the running server.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
  /// A numeric IPv4 or IPv6 address (`localhost` is stored as `127.0.0.1`).
  public var host: String
  /// The TCP port, 0 for any free port.
  public var port: Int

  /// Creates an address from a numeric host and a port.
  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// Parses `HOST:PORT`; IPv6 hosts go in brackets.
  ///
  /// - Parameter text: the text to parse, e.g. `127.0.0.1:7420`.
  /// - Returns: the address, or `nil` when the text is not `HOST:PORT` with a numeric host
  ///   (or `localhost`) and a port in 0...65535.
  public init?(parsing text: String) {
    guard let colon = text.lastIndex(of: ":") else { return nil }
    var host = String(text[..<colon])
    let portText = text[text.index(after: colon)...]
    guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber),
      portText.count <= 5, let port = Int(portText), (0...65535).contains(port)
    else { return nil }

    if host.hasPrefix("[") && host.hasSuffix("]") && host.count > 2 {
      host = String(host.dropFirst().dropLast())
      guard Self.isIPv6(host) else { return nil }
    } else if host == "localhost" {
      host = "127.0.0.1"
    } else {
      guard Self.isIPv4(host) else { return nil }
    }
    self.init(host: host, port: port)
  }

  /// True for 127.0.0.0/8 and ::1: only processes on this machine can connect.
  public var isLoopback: Bool {
    if isIPv6 { return host == "::1" || host == "0:0:0:0:0:0:0:1" }
    return host.hasPrefix("127.")
  }

  /// True when the host is an IPv6 address.
  public var isIPv6: Bool { host.contains(":") }

  /// `HOST:PORT`, with brackets around an IPv6 host.
  public var description: String {
    isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  private static func isIPv4(_ host: String) -> Bool {
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in
        !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber }
          && (Int(part).map { $0 <= 255 } ?? false)
      }
  }

  private static func isIPv6(_ host: String) -> Bool {
    host.contains(":") && host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
  }
}
