import Foundation

/// A loopback TCP server that speaks just enough HTTP/2 to answer every request with an HTTP
/// status and no gRPC status, as a reverse proxy does: 404 with no route for the path, 502
/// when the daemon behind it is down.
///
/// Written on raw sockets because the end-to-end tests must not depend on the transport they
/// test; it handles one connection at a time, which is all `impact` opens.
final class HTTP2ProxyStatusServer: Sendable {
  let port: Int
  private let listener: Int32

  init(status: Int = 404) throws {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw CLIGolden.Failure(description: "socket() failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(listener, generic, length) == 0 && listen(listener, 4) == 0 && getsockname(listener, generic, &length) == 0
      }
    }
    guard bound else {
      close(listener)
      throw CLIGolden.Failure(description: "bind() failed")
    }
    self.listener = listener
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread.detachNewThread {
      while true {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        Self.serve(connection, status: status)
        close(connection)
      }
    }
  }

  private static func serve(_ connection: Int32, status: Int) {
    guard read(connection, 24) != nil else { return }  // the client preface
    write(connection, frame(type: 4, flags: 0, stream: 0, payload: []))  // SETTINGS
    while let header = read(connection, 9) {
      let length = Int(header[0]) << 16 | Int(header[1]) << 8 | Int(header[2])
      let type = header[3]
      let flags = header[4]
      let stream = UInt32(header[5] & 0x7f) << 24 | UInt32(header[6]) << 16 | UInt32(header[7]) << 8 | UInt32(header[8])
      guard read(connection, length) != nil else { return }
      if type == 4 && flags & 1 == 0 {
        write(connection, frame(type: 4, flags: 1, stream: 0, payload: []))  // SETTINGS ACK
      } else if type == 1 {
        // HEADERS with END_STREAM | END_HEADERS: `:status` as a literal with the name of entry
        // 8 of the HPACK static table, not indexed.
        let digits = Array(String(status).utf8)
        write(connection, frame(type: 1, flags: 0x5, stream: stream, payload: [0x08, UInt8(digits.count)] + digits))
      }
    }
  }

  private static func frame(type: UInt8, flags: UInt8, stream: UInt32, payload: [UInt8]) -> [UInt8] {
    let length = payload.count
    return [
      UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff), type, flags,
      UInt8(stream >> 24 & 0x7f), UInt8(stream >> 16 & 0xff), UInt8(stream >> 8 & 0xff), UInt8(stream & 0xff),
    ] + payload
  }

  private static func read(_ connection: Int32, _ count: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let received = bytes.withUnsafeMutableBytes { recv(connection, $0.baseAddress! + filled, count - filled, 0) }
      guard received > 0 else { return nil }
      filled += received
    }
    return bytes
  }

  private static func write(_ connection: Int32, _ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  /// Stops accepting connections.
  deinit {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }
}
