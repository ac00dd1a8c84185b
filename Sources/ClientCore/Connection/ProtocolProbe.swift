import Foundation

/// What answers at an address, found after a gRPC connection failed in a way that does not
/// say why (the peer closed the connection before HTTP/2 began, or sent bytes that are not
/// HTTP/2).
///
/// The gRPC transport only sees that the HTTP/2 preface failed, which also happens against a
/// TLS daemon; so the probe opens its own plain TCP connection, sends an HTTP/1.1 request and
/// reads the first bytes of the answer. An HTTP/1 server (the daemon's metrics endpoint, a web
/// server) answers `HTTP/1.1 ...`; a TLS daemon answers with a TLS alert or closes.
enum ProtocolProbe {
  /// The HTTP version that answered (`HTTP/1.1`), or nil when the peer did not answer in
  /// HTTP/1 within `timeout` (it may be a TLS daemon, or gone).
  static func http1Version(host: String, port: Int, timeout: Duration = .seconds(2)) -> String? {
    guard let descriptor = openConnection(host: host, port: port, timeout: timeout) else { return nil }
    defer { close(descriptor) }
    let request = Array("GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
    let sent = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    guard sent == request.count else { return nil }
    var buffer = [UInt8](repeating: 0, count: 64)
    let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    guard received > 0 else { return nil }
    let text = String(decoding: buffer[..<received], as: UTF8.self)
    guard text.hasPrefix("HTTP/1.") else { return nil }
    return String(text.prefix { !$0.isWhitespace })
  }

  /// A connected TCP socket with send and receive time limits, or nil.
  private static func openConnection(host: String, port: Int, timeout: Duration) -> Int32? {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
    defer { freeaddrinfo(list) }
    var seconds = timeval()
    seconds.tv_sec = Int(timeout.components.seconds)
    seconds.tv_usec = Int(timeout.components.attoseconds / 1_000_000_000_000)
    var entry: UnsafeMutablePointer<addrinfo>? = first
    while let info = entry {
      entry = info.pointee.ai_next
      let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
      guard descriptor >= 0 else { continue }
      setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
      setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
      if connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return descriptor }
      close(descriptor)
    }
    return nil
  }
}
