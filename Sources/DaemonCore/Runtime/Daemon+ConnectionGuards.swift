import ImpactConfiguration
import Logging
import NIOCore
import NIOHTTP2

extension Daemon {
  /// What the gRPC transport runs on each accepted connection: admits it into `registry` or
  /// closes it at once past the limit, then adds a ``ConnectionGuardHandler`` after the HTTP/2
  /// handler.
  static func connectionGuard(
    registry: ConnectionRegistry, limits: TransportLimits, metrics: DaemonMetrics, logger: Logger
  ) -> @Sendable (any Channel) -> EventLoopFuture<Void> {
    let timing = ConnectionGuardHandler.Timing(
      prefaceTimeout: TimeAmount(limits.prefaceTimeout),
      pingInterval: TimeAmount(limits.pingInterval),
      pingTimeout: TimeAmount(limits.pingTimeout)
    )
    return { channel in
      guard registry.admit(channel) else {
        metrics.recordConnectionRefused(endpoint: "grpc")
        // Debug only: a flood of connections must not become a flood of log lines.
        logger.debug("connection refused: the connection limit is reached", metadata: ["limit": "\(registry.limit)"])
        channel.close(promise: nil)
        return channel.eventLoop.makeSucceededVoidFuture()
      }
      return channel.eventLoop.makeCompletedFuture {
        let pipeline = channel.pipeline.syncOperations
        let http2 = try pipeline.handler(type: NIOHTTP2Handler.self)
        let guardHandler = ConnectionGuardHandler(timing: timing) { reason in
          metrics.recordConnectionClosed(endpoint: "grpc", reason: reason.rawValue)
        }
        try pipeline.addHandler(guardHandler, position: .after(http2))
      }
    }
  }

  /// What the gRPC transport runs on each new HTTP/2 stream: a ``HealthRequestGuardHandler``
  /// first in the stream's pipeline.
  static func healthRequestGuard(limits: TransportLimits) -> @Sendable (any Channel) -> EventLoopFuture<Void> {
    { channel in
      channel.eventLoop.makeCompletedFuture {
        try channel.pipeline.syncOperations.addHandler(
          HealthRequestGuardHandler(
            maximumMessageBytes: limits.maxHealthRequestBytes, maximumNameBytes: limits.maxHealthServiceNameBytes),
          position: .first)
      }
    }
  }
}
