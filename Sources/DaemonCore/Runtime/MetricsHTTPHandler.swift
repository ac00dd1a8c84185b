import NIOCore
import NIOHTTP1

/// Answers `GET /metrics` with the registry in Prometheus text format, 404 for other paths and
/// 405 for other methods, one response per connection. When the daemon authenticates, a scrape
/// without a valid bearer token gets 401 (``MetricsAccess``).
final class MetricsHTTPHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let metrics: DaemonMetrics
  private let access: MetricsAccess
  private var head: HTTPRequestHead?

  init(metrics: DaemonMetrics, access: MetricsAccess = .open) {
    self.metrics = metrics
    self.access = access
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
    case .body:
      break
    case .end:
      guard let head else { return }
      self.head = nil
      guard access.requiresToken else {
        respond(to: head, context: context, decision: .allowed)
        return
      }
      // The token is checked off the event loop (the verifier may read the database).
      let access = self.access
      let authorization = head.headers["authorization"].first
      let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
      let decided = context.eventLoop.makePromise(of: MetricsAccess.Decision.self)
      decided.completeWithTask { await access.decide(authorization: authorization) }
      decided.futureResult.whenSuccess { decision in
        bound.value.handler.respond(to: head, context: bound.value.context, decision: decision)
      }
    }
  }

  private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext, decision: MetricsAccess.Decision) {
    let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
    let status: HTTPResponseStatus
    let body: [UInt8]
    var headers = HTTPHeaders()
    switch (head.method, path, decision) {
    case (_, _, .unauthorized):
      status = .unauthorized
      body = Array("authentication is on: send Authorization: Bearer <an impactd token>\n".utf8)
      headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"impactd metrics\"")
    case (_, _, .unavailable):
      status = .serviceUnavailable
      body = Array("starting: try again in a moment\n".utf8)
      headers.add(name: "Retry-After", value: "1")
    case (.GET, "/metrics", .allowed), (.HEAD, "/metrics", .allowed):
      status = .ok
      body = head.method == .HEAD ? [] : metrics.render()
      headers.add(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
    case (_, "/metrics", .allowed):
      status = .methodNotAllowed
      body = Array("only GET /metrics is served\n".utf8)
      headers.add(name: "Allow", value: "GET, HEAD")
    default:
      status = .notFound
      body = Array("not found; metrics are at /metrics\n".utf8)
    }
    headers.add(name: "Content-Length", value: "\(body.count)")
    headers.add(name: "Connection", value: "close")

    let buffer = context.channel.allocator.buffer(bytes: body)
    context.write(
      wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
    context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    let channel = context.channel
    context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
      channel.close(promise: nil)
    }
  }
}
