import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import ImpactAPI
import ImpactConfiguration
import Logging
import NIOCore
import NIOPosix
import Testing

@Suite("Runtime", .timeLimit(.minutes(3)))
struct RuntimeTests {
  @Test("the request id a client sends is echoed; one is generated otherwise")
  func requestID() async throws {
    try await withRunningDaemon(application: ProbeApplication()) { running in
      try await running.withClient { client in
        let sent = try await client.probe(ProbeService.echo, [7], metadata: ["x-request-id": "req-42"])
        #expect(Array(sent.metadata[stringValues: "x-request-id"]) == ["req-42"])

        let generated = try await client.probe(ProbeService.echo, [7])
        let id = Array(generated.metadata[stringValues: "x-request-id"])
        #expect(id.count == 1)
        #expect(id.first.map { UUID(uuidString: $0) != nil } == true)

        // An id that could forge log lines is replaced.
        let unsafe = try await client.probe(ProbeService.echo, [7], metadata: ["x-request-id": "a b"])
        #expect(Array(unsafe.metadata[stringValues: "x-request-id"]) != ["a b"])
      }
    }
  }

  @Test("a handler error that is not an RPCError becomes INTERNAL with a generic message")
  func internalError() async throws {
    try await withRunningDaemon(application: ProbeApplication()) { running in
      try await running.withClient { client in
        let response = try await client.probe(
          ProbeService.echo, Array("fail".utf8), metadata: ["x-request-id": "bug-1"])
        let error = #expect(throws: RPCError.self) { try response.message }
        #expect(error?.code == .internalError)
        #expect(error?.message.contains("bug-1") == true)
        #expect(error?.message.contains("Bug") == false)
        #expect(error.map { Array($0.metadata[stringValues: "x-request-id"]) } == ["bug-1"])

        // The daemon is still serving.
        let after = try await client.probe(ProbeService.echo, [1])
        #expect(try after.message == [1])
      }
    }
  }

  @Test("a request over the payload limit is rejected, one under it is served")
  func payloadLimit() async throws {
    var configuration = DaemonConfiguration.testing
    configuration.limits.maxRequestPayloadBytes = 64 * 1024
    try await withRunningDaemon(configuration: configuration, application: ProbeApplication()) { running in
      try await running.withClient { client in
        let small = try await client.probe(ProbeService.echo, Array(repeating: 1, count: 60 * 1024))
        #expect(try small.message.count == 60 * 1024)
        let large = try await client.probe(ProbeService.echo, Array(repeating: 1, count: 65 * 1024))
        let error = #expect(throws: RPCError.self) { try large.message }
        #expect(error?.code == .resourceExhausted)
        #expect(
          error?.message
            == "request message of 66560 bytes exceeds the limit of 65536 bytes (limits.maxRequestPayloadBytes)"
        )
        let after = try await client.probe(ProbeService.echo, [9])
        #expect(try after.message == [9])

        // Past the transport's ceiling (twice the limit, at least 1 MiB over it) the transport
        // resets the stream at the length prefix; the connection still serves the next RPC.
        let huge = try await client.probe(ProbeService.echo, Array(repeating: 1, count: 65 * 1024 + (1 << 20)))
        let hugeError = #expect(throws: RPCError.self) { try huge.message }
        #expect(hugeError?.code == .unavailable || hugeError?.code == .resourceExhausted)
        let last = try await client.probe(ProbeService.echo, [8])
        #expect(try last.message == [8])
      }
    }
  }

  @Test("the metrics endpoint serves Prometheus text with the RPC counters")
  func metricsEndpoint() async throws {
    var configuration = DaemonConfiguration.testing
    configuration.metrics.listen = ListenAddress(host: "127.0.0.1", port: 0)
    try await withRunningDaemon(configuration: configuration, application: ProbeApplication()) { running in
      try await running.withClient { client in
        _ = try await client.probe(ProbeService.echo, [1])
        _ = try await client.probe(ProbeService.echo, Array("fail".utf8))
      }
      running.daemon.metrics.setProjectCount(12)
      running.daemon.metrics.setRevision(34)
      let address = try #require(try await running.daemon.metricsListeningAddress)

      let metrics = try await httpGet(address, path: "/metrics")
      #expect(metrics.status == 200)
      #expect(metrics.body.contains(#"impact_rpc_requests_total{method="impact.test.Probe/Echo",code="OK"} 1"#))
      #expect(metrics.body.contains(#"impact_rpc_requests_total{method="impact.test.Probe/Echo",code="INTERNAL"} 1"#))
      #expect(metrics.body.contains(#"impact_rpc_errors_total{method="impact.test.Probe/Echo",code="INTERNAL"} 1"#))
      #expect(metrics.body.contains(#"impact_rpc_duration_seconds_count{method="impact.test.Probe/Echo"} 2"#))
      #expect(metrics.body.contains("impact_projects 12"))
      #expect(metrics.body.contains("impact_revision 34"))

      let missing = try await httpGet(address, path: "/other")
      #expect(missing.status == 404)
    }
  }

  @Test("RPCs still running when the grace period ends are cancelled and the daemon stops cleanly")
  func gracePeriodCancelsRPCs() async throws {
    var configuration = DaemonConfiguration.testing
    configuration.server.gracePeriod = .milliseconds(300)
    let hanging = LoadGate()
    let application = ProbeApplication(probe: ProbeService(onHang: { hanging.open() }))
    try await withRunningDaemon(configuration: configuration, application: application, shutdownLimit: .seconds(10)) {
      running in
      try await running.withClient { client in
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask {
            let response = try await client.probe(ProbeService.hang, [])
            let error = #expect(throws: RPCError.self) { try response.message }
            #expect(error?.code == .cancelled || error?.code == .unavailable)
          }
          await hanging.wait()
          await running.daemon.triggerGracefulShutdown()
          try await group.waitForAll()
        }
      }
    }
  }

  @Test("a daemon that cannot bind its port fails instead of hanging")
  func bindFailure() async throws {
    try await withRunningDaemon { first in
      var configuration = DaemonConfiguration.testing
      configuration.server.listen = first.address
      let daemon = Daemon(configuration: configuration, logger: .init(label: "second"))
      let error = await #expect(throws: (any Error).self) {
        try await withTimeout(.seconds(20), "the second daemon to fail") {
          try await daemon.run(application: HealthOnlyApplication(), handlingSignals: false)
        }
      }
      #expect(!(error is TimeLimitExceeded))
      await #expect(throws: (any Error).self) { try await daemon.listeningAddress }
    }
  }
}

/// A plain HTTP/1.1 GET over a NIO socket: the status code and the body.
func httpGet(_ address: ListenAddress, path: String) async throws -> (status: Int, body: String) {
  try await withTimeout(.seconds(30), "GET \(path)") {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: address.host, port: address.port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    return try await channel.executeThenClose { inbound, outbound in
      try await outbound.write(
        ByteBuffer(string: "GET \(path) HTTP/1.1\r\nHost: \(address)\r\nConnection: close\r\n\r\n"))
      var response = ByteBuffer()
      for try await var chunk in inbound { response.writeBuffer(&chunk) }
      let text = String(buffer: response)
      guard let headerEnd = text.range(of: "\r\n\r\n") else { return (0, text) }
      let statusLine = text[..<headerEnd.lowerBound].split(separator: "\r\n").first ?? ""
      let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
      return (status, String(text[headerEnd.upperBound...]))
    }
  }
}
