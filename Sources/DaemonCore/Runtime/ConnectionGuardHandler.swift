import NIOCore
import NIOHTTP2

/// Closes a gRPC connection that never completes its HTTP/2 handshake, or that stops answering.
///
/// It sits right after the HTTP/2 handler, where the connection's own frames (SETTINGS, PING,
/// GOAWAY, WINDOW_UPDATE of stream 0) pass; the first of them proves the TLS handshake and the
/// client preface are done. Until then the connection has ``Timing/prefaceTimeout``. After it,
/// when nothing has arrived for ``Timing/pingInterval`` the handler sends a PING, which any live
/// client answers even while its application reads nothing; without an answer (or any other
/// frame) within ``Timing/pingTimeout`` the connection is closed. The transport's own keepalive
/// only sends GOAWAY to a client that does not answer, which a dead or hostile client ignores,
/// and it stops pinging once a shutdown starts.
final class ConnectionGuardHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTP2Frame
  typealias InboundOut = HTTP2Frame
  typealias OutboundOut = HTTP2Frame

  /// The timeouts a connection lives by.
  struct Timing: Sendable {
    var prefaceTimeout: TimeAmount
    var pingInterval: TimeAmount
    var pingTimeout: TimeAmount
    /// How often the timeouts are checked.
    var tick: TimeAmount = .milliseconds(250)
  }

  /// Why the handler closed its connection.
  enum Closing: String, Sendable {
    case prefaceTimeout = "preface_timeout"
    case unresponsive
  }

  /// The payload of the handler's PINGs ("impactd!"), distinct from the transport's.
  static let pingData = HTTP2PingData(withInteger: 0x696D_7061_6374_6421)

  private let timing: Timing
  private let onClose: @Sendable (Closing) -> Void
  private var openedAt = NIODeadline.now()
  private var sawFrame = false
  private var lastRead = NIODeadline.now()
  private var pingSentAt: NIODeadline?
  private var check: RepeatedTask?

  init(timing: Timing, onClose: @escaping @Sendable (Closing) -> Void) {
    self.timing = timing
    self.onClose = onClose
  }

  func handlerAdded(context: ChannelHandlerContext) {
    openedAt = .now()
    lastRead = openedAt
    let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
    check = context.eventLoop.scheduleRepeatedTask(initialDelay: timing.tick, delay: timing.tick) { _ in
      let (handler, context) = loopBound.value
      handler.checkTimeouts(context: context)
    }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    check?.cancel()
    check = nil
  }

  func channelInactive(context: ChannelHandlerContext) {
    check?.cancel()
    check = nil
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    sawFrame = true
    lastRead = .now()
    pingSentAt = nil
    context.fireChannelRead(data)
  }

  private func checkTimeouts(context: ChannelHandlerContext) {
    guard context.channel.isActive else { return }
    let now = NIODeadline.now()
    if !sawFrame {
      if now - openedAt >= timing.prefaceTimeout { close(.prefaceTimeout, context: context) }
      return
    }
    if let pingSentAt {
      if now - pingSentAt >= timing.pingTimeout { close(.unresponsive, context: context) }
    } else if now - lastRead >= timing.pingInterval {
      pingSentAt = now
      let ping = HTTP2Frame(streamID: .rootStream, payload: .ping(Self.pingData, ack: false))
      context.writeAndFlush(wrapOutboundOut(ping), promise: nil)
    }
  }

  private func close(_ reason: Closing, context: ChannelHandlerContext) {
    check?.cancel()
    check = nil
    onClose(reason)
    context.close(promise: nil)
  }
}
