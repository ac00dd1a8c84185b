import DaemonCore
import DaemonTestSupport
import ImpactConfiguration
import Testing

/// The drain of a graceful shutdown, frame by frame: what a client library may send while the
/// server says GOAWAY must not hold an accepted RPC until the grace period cancels it.
@Suite("Shutdown drain", .timeLimit(.minutes(3)))
struct ShutdownDrainTests {
  typealias Connection = RawHTTP2Connection

  @Test("an accepted RPC whose last bytes arrive behind a refused stream is answered within the drain")
  func refusedStreamDoesNotStallTheDrain() async throws {
    var configuration = DaemonConfiguration.testing
    // A grace period far above the wait allowed below, which a full parallel run on two cores
    // can stretch to several seconds.
    configuration.server.gracePeriod = .seconds(40)
    try await withRunningDaemon(configuration: configuration) { running in
      try await Connection.withConnection(to: running.address) { connection in
        // An empty HealthCheckRequest, split so the server waits for its last 3 bytes.
        let message: [UInt8] = [0, 0, 0, 0, 0]
        let barrier: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        try await connection.send(
          Connection.requestHeaders(stream: 1, path: "/grpc.health.v1.Health/Check")
            + Connection.frame(Connection.data, stream: 1, Array(message[..<2]))
            + Connection.frame(Connection.ping, stream: 0, barrier)
        )
        // The server answers PINGs in order: once it has, stream 1 is accepted.
        _ = try await connection.next { $0.type == Connection.ping && $0.payload == barrier }

        await running.daemon.triggerGracefulShutdown()
        // GOAWAY, then the PING whose answer lets the server close the connection once drained.
        let drainPing = try await connection.next(answeringPings: false) {
          $0.type == Connection.ping && $0.flags & Connection.endStreamOrAck == 0
        }
        // gRPC C-core does this: stream 3, started before it read the GOAWAY, goes out with
        // the PING answer and the rest of stream 1, and the server reads them at once. The
        // server refuses stream 3, and its DATA is a connection error (GOAWAY PROTOCOL_ERROR)
        // after which the transport leaves the rest of that read unparsed.
        let sent = ContinuousClock.now
        try await connection.send(
          Connection.requestHeaders(stream: 3, path: "/grpc.health.v1.Health/Check")
            + Connection.frame(Connection.data, flags: Connection.endStreamOrAck, stream: 3, message)
            + Connection.frame(Connection.ping, flags: Connection.endStreamOrAck, stream: 0, drainPing.payload)
            + Connection.frame(Connection.data, flags: Connection.endStreamOrAck, stream: 1, Array(message[2...]))
        )
        let end = try await connection.next {
          $0.stream == 1
            && ($0.type == Connection.rstStream
              || $0.type == Connection.headers && $0.flags & Connection.endStreamOrAck != 0)
        }
        let waited = ContinuousClock.now - sent
        // Trailers, not the RST_STREAM CANCEL of the grace period, and well before it.
        #expect(end.type == Connection.headers)
        #expect(waited < .seconds(15))
      }
    }
  }
}
