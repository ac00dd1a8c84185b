import NIOCore
import NIOHTTP1

/// Answers `GET /metrics` with the registry in Prometheus text format, 404 for other paths and
/// 405 for other methods, one response per connection.
final class MetricsHTTPHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let metrics: DaemonMetrics
  private var head: HTTPRequestHead?

  init(metrics: DaemonMetrics) {
    self.metrics = metrics
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
      respond(to: head, context: context)
    }
  }

  private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
    let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
    let status: HTTPResponseStatus
    let body: [UInt8]
    var headers = HTTPHeaders()
    switch (head.method, path) {
    case (.GET, "/metrics"), (.HEAD, "/metrics"):
      status = .ok
      body = head.method == .HEAD ? [] : metrics.render()
      headers.add(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
    case (_, "/metrics"):
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
    context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
    context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    let channel = context.channel
    context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
      channel.close(promise: nil)
    }
  }
}
