import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import ImpactAPI
import NIOCore
import NIOPosix
import SwiftProtobuf
import Testing

@testable import DaemonCore
@testable import ImpactConfiguration

/// What a client may hold before it authenticates, through real sockets: connections that never
/// send the HTTP/2 preface or stop answering PINGs are closed, connections past the cap are
/// closed at once, health names and watches are bounded, the metrics endpoint closes slow
/// clients; and request ids never depend on a file descriptor.
@Suite("Connection and health limits", .timeLimit(.minutes(3)))
struct TransportLimitTests {
  static func configuration(_ change: (inout TransportLimits) -> Void) -> DaemonConfiguration {
    var configuration = DaemonConfiguration.testing
    change(&configuration.transport)
    return configuration
  }

  /// Opens a TCP connection, sends `bytes`, and returns how long the server took to close it
  /// (reading and discarding what it sends); nil if it was still open after `limit`.
  static func secondsUntilClosed(
    _ address: ListenAddress, sending bytes: [UInt8] = [], limit: Duration
  ) async throws -> Double? {
    // Timed from before the connection: the daemon's clock starts at accept, which cannot come
    // sooner, so a close after its timeout is never measured as shorter than the timeout.
    let start = ContinuousClock.now
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: address.host, port: address.port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    return try await channel.executeThenClose { inbound, outbound in
      // On a loaded machine the daemon may have closed the connection before the bytes go
      // out: a write on a closed channel is a close too, measured by the reader below.
      if !bytes.isEmpty { try? await outbound.write(ByteBuffer(bytes: bytes)) }
      return try await withThrowingTaskGroup(of: Double?.self) { group in
        group.addTask {
          do { for try await _ in inbound {} } catch {}
          let elapsed = ContinuousClock.now - start
          return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        group.addTask {
          try await Task.sleep(for: limit)
          return nil
        }
        let first = try await group.next() ?? nil
        group.cancelAll()
        return first
      }
    }
  }

  /// The value of the sample `line` (`name{labels}`) in the daemon's metrics, 0 when absent.
  static func sample(_ daemon: RunningDaemon, _ line: String) -> Double {
    let text = String(decoding: daemon.daemon.metrics.render(), as: UTF8.self)
    for row in text.split(separator: "\n") where row.hasPrefix(line + " ") {
      return Double(row.dropFirst(line.count + 1)) ?? 0
    }
    return 0
  }

  @Test("a TCP connection that sends no HTTP/2 preface is closed after the preface timeout")
  func silentConnectionIsClosed() async throws {
    let configuration = Self.configuration { $0.prefaceTimeout = .seconds(1) }
    try await withRunningDaemon(configuration: configuration) { daemon in
      let silent = try await Self.secondsUntilClosed(daemon.address, limit: .seconds(10))
      let closed = try #require(silent, "a silent connection was still open after 10 s")
      // Well before the 10 s the test waits, even on a loaded machine.
      #expect(closed >= 0.9 && closed < 8, "closed after \(closed) s")
      // Half a preface is no better.
      let partial = try await Self.secondsUntilClosed(
        daemon.address, sending: Array("PRI * HTTP/2.0\r\n".utf8), limit: .seconds(10))
      #expect(partial != nil)
      #expect(Self.sample(daemon, #"impact_connections_closed_total{endpoint="grpc",reason="preface_timeout"}"#) >= 2)
    }
  }

  @Test("a connection that does not answer PINGs is closed; a client that reads nothing but answers stays")
  func unresponsiveConnectionIsClosed() async throws {
    let configuration = Self.configuration {
      $0.pingInterval = .milliseconds(500)
      $0.pingTimeout = .seconds(1)
    }
    try await withRunningDaemon(configuration: configuration) { daemon in
      let start = ContinuousClock.now
      await #expect(throws: RawHTTP2Connection.ConnectionClosed.self) {
        try await withTimeout(.seconds(15), "the server to close a connection that does not answer PINGs") {
          try await RawHTTP2Connection.withConnection(to: daemon.address) { connection in
            _ = try await connection.next(answeringPings: false) { _ in false }
          }
        }
      }
      #expect(ContinuousClock.now - start < .seconds(12))
      #expect(Self.sample(daemon, #"impact_connections_closed_total{endpoint="grpc",reason="unresponsive"}"#) >= 1)

      // A client library answers PINGs even while its application reads nothing: an open
      // Watch that receives nothing for several PING timeouts is still served.
      let statuses = try await daemon.withClient { client in
        try await withTimeout(.seconds(20), "two statuses on one watch") {
          try await Grpc_Health_V1_Health.Client(wrapping: client).watch(.with { $0.service = "later.Service" }) {
            response in
            var seen: [Grpc_Health_V1_HealthCheckResponse.ServingStatus] = []
            for try await message in response.messages {
              seen.append(message.status)
              if seen.count == 1 {
                try await Task.sleep(for: .seconds(4))
                daemon.daemon.health.setStatus(.serving, of: "later.Service")
              } else {
                break
              }
            }
            return seen
          }
        }
      }
      #expect(statuses == [.serviceUnknown, .serving])
    }
  }

  @Test("past limits.maxConnections a new connection is closed at once, and counted")
  func connectionCap() async throws {
    let configuration = Self.configuration {
      $0.maxConnections = 3
      // Longer than the waits below: a full parallel run on two cores has held in-process
      // daemons for up to a minute, and the three connections must stay open meanwhile.
      $0.prefaceTimeout = .seconds(150)
    }
    try await withRunningDaemon(configuration: configuration) { daemon in
      let channels = try await withThrowingTaskGroup(of: (any Channel).self) { group in
        for _ in 0..<3 {
          group.addTask {
            try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
              .connect(host: daemon.address.host, port: daemon.address.port).get()
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      defer { for channel in channels { channel.close(promise: nil) } }
      try await withTimeout(.seconds(120), "three connections counted") {
        while Self.sample(daemon, #"impact_connections{endpoint="grpc"}"#) < 3 {
          try await Task.sleep(for: .milliseconds(20))
        }
      }
      let refused = try await Self.secondsUntilClosed(daemon.address, limit: .seconds(5))
      let closed = try #require(refused, "the connection past the cap stayed open")
      // At once: far sooner than the preface timeout.
      #expect(closed < 10)
      #expect(Self.sample(daemon, #"impact_connections_refused_total{endpoint="grpc"}"#) == 1)

      // Once one closes, a client gets in again.
      channels[0].close(promise: nil)
      try await withTimeout(.seconds(120), "a slot to free") {
        while Self.sample(daemon, #"impact_connections{endpoint="grpc"}"#) > 2 {
          try await Task.sleep(for: .milliseconds(20))
        }
      }
      let status = try await daemon.withClient { client in
        try await Grpc_Health_V1_Health.Client(wrapping: client).check(.with { $0.service = "" }).status
      }
      #expect(status == .serving)
    }
  }

  @Test("a health service name over the limit is INVALID_ARGUMENT, an 8 MB one before it is buffered")
  func healthNameLimit() async throws {
    try await withRunningDaemon(configuration: Self.configuration { _ in }) { daemon in
      try await daemon.withClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        let long = try await LocalizedErrorTests.refusal {
          _ = try await health.check(
            .with { $0.service = String(repeating: "a", count: 257) }, metadata: LocalizedErrorTests.french)
        }
        #expect(long.error.code == .invalidArgument)
        #expect(long.error.message == "service: a service name of 257 bytes is longer than the limit of 256 bytes")
        #expect(long.localized?.message == "service : un nom de service de 257 octets dépasse la limite de 256 octets")

        // Within the limit, the name is looked up as before.
        await #expect(throws: RPCError.self) {
          _ = try await health.check(.with { $0.service = String(repeating: "a", count: 256) })
        }

        // 8 MB: refused from the length prefix, in the caller's language, for Watch too.
        let huge = String(repeating: "x", count: 8 << 20)
        let start = ContinuousClock.now
        let refusal = try await LocalizedErrorTests.refusal {
          try await health.watch(.with { $0.service = huge }, metadata: LocalizedErrorTests.french) { response in
            for try await _ in response.messages {}
          }
        }
        #expect(refusal.error.code == .invalidArgument)
        #expect(refusal.error.message.hasPrefix("service: a service name of 83886"))
        #expect(refusal.localized?.locale == "fr")
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(Self.sample(daemon, "impact_health_watchers") == 0)

        // The connection still serves.
        #expect(try await health.check(.with { $0.service = "" }).status == .serving)
      }
    }
  }

  @Test("past limits.maxHealthWatchers a Watch is RESOURCE_EXHAUSTED; open watches are counted")
  func healthWatcherLimit() async throws {
    let configuration = Self.configuration { $0.maxHealthWatchers = 2 }
    try await withRunningDaemon(configuration: configuration) { daemon in
      try await daemon.withClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        try await withThrowingTaskGroup(of: Void.self) { group in
          for _ in 0..<2 {
            group.addTask {
              try await health.watch(.with { $0.service = "" }) { response in
                for try await _ in response.messages {}
              }
            }
          }
          try await withTimeout(.seconds(30), "two watches counted") {
            while Self.sample(daemon, "impact_health_watchers") < 2 { try await Task.sleep(for: .milliseconds(20)) }
          }
          let refusal = try await LocalizedErrorTests.refusal {
            try await health.watch(.with { $0.service = "" }, metadata: LocalizedErrorTests.french) { response in
              for try await _ in response.messages {}
            }
          }
          #expect(refusal.error.code == .resourceExhausted)
          #expect(refusal.localized?.message == "trop de suivis de santé en cours (au plus 2) ; réessayez plus tard")
          group.cancelAll()
        }
        try await withTimeout(.seconds(30), "the watches released") {
          while Self.sample(daemon, "impact_health_watchers") > 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
      }
    }
  }

  @Test("the metrics endpoint closes a slow request after its timeout and refuses connections past its cap")
  func metricsSlowloris() async throws {
    var slowConfiguration = Self.configuration { $0.metricsRequestTimeout = .seconds(1) }
    slowConfiguration.metrics.listen = ListenAddress(host: "127.0.0.1", port: 0)
    try await withRunningDaemon(configuration: slowConfiguration) { daemon in
      let address = try #require(try await daemon.daemon.metricsListeningAddress)
      let slow = try await Self.secondsUntilClosed(address, sending: Array("GET /metr".utf8), limit: .seconds(15))
      let closed = try #require(slow, "a slow metrics request was still open after 15 s")
      #expect(closed >= 0.9 && closed < 8, "closed after \(closed) s")
      #expect(
        Self.sample(daemon, #"impact_connections_closed_total{endpoint="metrics",reason="request_timeout"}"#) == 1)
    }

    var cappedConfiguration = Self.configuration {
      $0.metricsRequestTimeout = .seconds(60)
      $0.maxMetricsConnections = 2
    }
    cappedConfiguration.metrics.listen = ListenAddress(host: "127.0.0.1", port: 0)
    try await withRunningDaemon(configuration: cappedConfiguration) { daemon in
      let address = try #require(try await daemon.daemon.metricsListeningAddress)
      let held = try await withThrowingTaskGroup(of: (any Channel).self) { group in
        for _ in 0..<2 {
          group.addTask {
            try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
              .connect(host: address.host, port: address.port).get()
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      defer { for channel in held { channel.close(promise: nil) } }
      try await withTimeout(.seconds(20), "two metrics connections counted") {
        while Self.sample(daemon, #"impact_connections{endpoint="metrics"}"#) < 2 {
          try await Task.sleep(for: .milliseconds(10))
        }
      }
      let third = try await Self.secondsUntilClosed(address, limit: .seconds(30))
      // At once: far sooner than the 60 s request timeout.
      #expect(try #require(third) < 10)
      #expect(Self.sample(daemon, #"impact_connections_refused_total{endpoint="metrics"}"#) == 1)
    }
  }

  @Test("limits.maxConnections and limits.maxHealthWatchers are read from the configuration file and range-checked")
  func connectionSettings() throws {
    var flags = ConfigurationLayer()
    flags.configFile = "impactd.json"
    let file = #"{"limits": {"maxConnections": 7, "maxHealthWatchers": 3}}"#
    let configuration = try DaemonConfiguration.resolve(flags: flags, environment: [:]) { _ in Array(file.utf8) }
    #expect(configuration.transport.maxConnections == 7)
    #expect(configuration.transport.maxHealthWatchers == 3)
    #expect(DaemonConfiguration.defaults.transport.maxConnections == 128)
    #expect(throws: ConfigurationError.self) {
      try DaemonConfiguration.resolve(flags: flags, environment: [:]) { _ in
        Array(#"{"limits": {"maxConnections": 0}}"#.utf8)
      }
    }
  }

  @Test("request ids are random version-4 UUIDs made without a file descriptor")
  func requestIDs() {
    let ids = (0..<1000).map { _ in RequestID.generate() }
    #expect(Set(ids).count == 1000)
    for id in ids.prefix(20) {
      #expect(id.count == 36)
      #expect(id != "00000000-0000-4000-8000-000000000000")
      #expect(Array(id)[14] == "4")
      #expect("89ab".contains(Array(id)[19]))
      #expect(UUID(uuidString: id) != nil)
    }
    #expect(RequestID.format(high: 0, low: 0) == "00000000-0000-4000-8000-000000000000")
    #expect(RequestID.format(high: .max, low: .max) == "ffffffff-ffff-4fff-bfff-ffffffffffff")
  }
}
