import DaemonCore
import ImpactConfiguration
import NIOCore
import NIOPosix

/// An HTTP/2 client that writes frames by hand on a plain TCP connection, to send what client
/// libraries send only in races: a new stream after the server's GOAWAY, several frames that the
/// server reads at once. Frames it reads are parsed but header blocks are not decoded.
struct RawHTTP2Connection {
  struct Frame: Sendable {
    var type: UInt8
    var flags: UInt8
    var stream: UInt32
    var payload: [UInt8]
  }

  static let data: UInt8 = 0
  static let headers: UInt8 = 1
  static let rstStream: UInt8 = 3
  static let settings: UInt8 = 4
  static let ping: UInt8 = 6
  static let goAway: UInt8 = 7
  /// END_STREAM on DATA and HEADERS, ACK on SETTINGS and PING.
  static let endStreamOrAck: UInt8 = 0x1
  static let endHeaders: UInt8 = 0x4

  private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
  private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
  private var received: [UInt8] = []

  /// Connects to `address`, exchanges the preface and SETTINGS, runs `body`, then closes.
  static func withConnection<Result: Sendable>(
    to address: ListenAddress,
    _ body: (inout RawHTTP2Connection) async throws -> Result
  ) async throws -> Result {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: address.host, port: address.port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    return try await channel.executeThenClose { inbound, outbound in
      var connection = RawHTTP2Connection(inbound: inbound.makeAsyncIterator(), outbound: outbound)
      try await connection.send(Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + frame(settings, stream: 0))
      _ = try await connection.next { $0.type == settings && $0.flags & endStreamOrAck == 0 }
      try await connection.send(frame(settings, flags: endStreamOrAck, stream: 0))
      return try await body(&connection)
    }
  }

  /// One frame's bytes.
  static func frame(_ type: UInt8, flags: UInt8 = 0, stream: UInt32, _ payload: [UInt8] = []) -> [UInt8] {
    let length = UInt32(payload.count)
    return [UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF), type, flags]
      + [UInt8(stream >> 24 & 0x7F), UInt8(stream >> 16 & 0xFF), UInt8(stream >> 8 & 0xFF), UInt8(stream & 0xFF)]
      + payload
  }

  /// The HEADERS frame opening a gRPC call of `path` on `stream` (HPACK literals, no Huffman).
  static func requestHeaders(stream: UInt32, path: String) -> [UInt8] {
    let fields = [
      (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", "localhost"),
      ("content-type", "application/grpc"), ("te", "trailers"),
    ]
    // Each field a "literal header field without indexing, new name" (RFC 7541, 6.2.2).
    var block: [UInt8] = []
    for (name, value) in fields {
      block += [0, UInt8(name.utf8.count)] + Array(name.utf8) + [UInt8(value.utf8.count)] + Array(value.utf8)
    }
    return frame(headers, flags: endHeaders, stream: stream, block)
  }

  /// Writes `bytes` in one write, so the server reads them together. A write after the server
  /// closed the connection (a loaded machine can take longer than a timeout under test to send
  /// the SETTINGS acknowledgement) throws ``ConnectionClosed``, as a read would.
  func send(_ bytes: [UInt8]) async throws {
    do {
      try await outbound.write(ByteBuffer(bytes: bytes))
    } catch let error as ChannelError where error == .ioOnClosedChannel || error == .alreadyClosed {
      throw ConnectionClosed()
    }
  }

  /// The next frame matching `predicate`, skipping others; PINGs skipped on the way are answered
  /// when `answeringPings`, as a client library does. Throws when the connection closes first.
  mutating func next(answeringPings: Bool = true, where predicate: (Frame) -> Bool) async throws -> Frame {
    while true {
      let frame = try await nextFrame()
      if predicate(frame) { return frame }
      if answeringPings && frame.type == Self.ping && frame.flags & Self.endStreamOrAck == 0 {
        try await send(Self.frame(Self.ping, flags: Self.endStreamOrAck, stream: 0, frame.payload))
      }
    }
  }

  private mutating func nextFrame() async throws -> Frame {
    while true {
      if received.count >= 9 {
        let length = Int(received[0]) << 16 | Int(received[1]) << 8 | Int(received[2])
        if received.count >= 9 + length {
          let stream =
            UInt32(received[5] & 0x7F) << 24 | UInt32(received[6]) << 16 | UInt32(received[7]) << 8
            | UInt32(received[8])
          let frame = Frame(
            type: received[3], flags: received[4], stream: stream, payload: Array(received[9..<9 + length]))
          received.removeFirst(9 + length)
          return frame
        }
      }
      let next: ByteBuffer?
      do {
        next = try await inbound.next()
      } catch let error as ChannelError where error == .ioOnClosedChannel || error == .alreadyClosed {
        throw ConnectionClosed()
      }
      guard let chunk = next else { throw ConnectionClosed() }
      received += Array(chunk.readableBytesView)
    }
  }

  /// The server closed the connection.
  struct ConnectionClosed: Error {}
}
