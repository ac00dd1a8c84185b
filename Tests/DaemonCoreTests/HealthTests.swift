import DaemonCore
import DaemonTestSupport
import GRPCCore
import ImpactAPI
import ImpactRPC
import Testing

@Suite("Health", .timeLimit(.minutes(3)))
struct HealthTests {
  @Test("the board starts NOT_SERVING, registers services and reports changes in order")
  func boardTransitions() async throws {
    let board = HealthStatusBoard()
    #expect(board.status(of: "") == .notServing)
    #expect(board.status(of: "impact.v1.ScoringService") == nil)

    board.register(services: ["impact.v1.ScoringService"])
    let subscription = board.subscribe(to: "impact.v1.ScoringService")
    board.setAll(.serving)
    board.beginShutdown()

    var seen: [HealthStatus] = []
    for await status in subscription.updates { seen.append(status) }
    #expect(seen == [.notServing, .serving, .notServing])
    #expect(board.status(of: "") == .notServing)
    #expect(board.watcherCount == 0)
  }

  @Test("nothing turns SERVING once a shutdown started")
  func shutdownIsFinal() {
    let board = HealthStatusBoard()
    board.beginShutdown()
    board.setAll(.serving)
    board.setStatus(.serving, of: "")
    #expect(board.status(of: "") == .notServing)
  }

  @Test("a watch of an unknown service reports SERVICE_UNKNOWN, then its status once registered")
  func boardUnknownService() async {
    let board = HealthStatusBoard()
    let subscription = board.subscribe(to: "impact.v1.Later")
    board.register(services: ["impact.v1.Later"])
    subscription.end()
    var seen: [HealthStatus] = []
    for await status in subscription.updates { seen.append(status) }
    #expect(seen == [.serviceUnknown, .notServing])
    #expect(board.watcherCount == 0)
  }

  @Test("Check answers SERVING for the daemon and its services, NOT_FOUND for unknown names")
  func check() async throws {
    try await withRunningDaemon(application: ProbeApplication()) { running in
      try await running.withClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        for service in ["", HealthService.serviceName, "impact.test.Probe"] {
          let response = try await health.check(healthRequest(service))
          #expect(response.status == .serving, "service \(service)")
        }
        let error = await #expect(throws: RPCError.self) {
          try await health.check(healthRequest("impact.v1.Nope"))
        }
        #expect(error?.code == .notFound)

        let list = try await health.list(Grpc_Health_V1_HealthListRequest())
        #expect(
          Set(list.statuses.keys)
            == Set(["", HealthService.serviceName, "impact.test.Probe"]).union(ReflectionService.serviceNames))
      }
    }
  }

  @Test("health is NOT_SERVING while the application loads, other RPCs are UNAVAILABLE, then SERVING")
  func startupTransitions() async throws {
    let gate = LoadGate()
    try await withRunningDaemon(application: ProbeApplication(gate: gate), waitUntilServing: false) { running in
      try await running.withClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        let before = try await health.check(healthRequest(""))
        #expect(before.status == .notServing)

        let refused = try await client.probe(ProbeService.echo, [1, 2, 3])
        let error = #expect(throws: RPCError.self) { try refused.message }
        #expect(error?.code == .unavailable)

        let statuses = try await health.watch(healthRequest("impact.test.Probe")) { response in
          var statuses: [Grpc_Health_V1_HealthCheckResponse.ServingStatus] = []
          for try await message in response.messages {
            statuses.append(message.status)
            if message.status == .notServing { gate.open() }
            if message.status == .serving { break }
          }
          return statuses
        }
        #expect(statuses == [.notServing, .serving])

        let echoed = try await client.probe(ProbeService.echo, [1, 2, 3])
        #expect(try echoed.message == [1, 2, 3])
      }
    }
  }

  @Test("Watch of an unknown service answers SERVICE_UNKNOWN and stays open")
  func watchUnknown() async throws {
    try await withRunningDaemon { running in
      try await running.withClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        let first = try await health.watch(healthRequest("impact.v1.Nope")) { response in
          var first: Grpc_Health_V1_HealthCheckResponse.ServingStatus?
          for try await message in response.messages {
            first = message.status
            break
          }
          return first
        }
        #expect(first == .serviceUnknown)
      }
    }
  }

  @Test("a graceful shutdown sends NOT_SERVING to an open Watch and ends it")
  func shutdownEndsWatch() async throws {
    try await withRunningDaemon { running in
      try await running.withClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        let statuses = try await health.watch(healthRequest("")) { response in
          var statuses: [Grpc_Health_V1_HealthCheckResponse.ServingStatus] = []
          for try await message in response.messages {
            statuses.append(message.status)
            if statuses.count == 1 { await running.daemon.triggerGracefulShutdown() }
          }
          return statuses
        }
        #expect(statuses == [.serving, .notServing])
      }
    }
  }

  @Test("a Watch the client cancels is released on the server")
  func cancelledWatchIsReleased() async throws {
    try await withRunningDaemon { running in
      try await running.withClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        var options = CallOptions.defaults
        options.timeout = .milliseconds(300)
        let error = await #expect(throws: RPCError.self) {
          try await health.watch(healthRequest(""), options: options) { response in
            for try await _ in response.messages {}
          }
        }
        #expect(error?.code == .deadlineExceeded)
        // The subscription is removed once the handler returns; wait for that without sleeping.
        try await withTimeout(.seconds(30), "the watch to be released") {
          while running.daemon.health.watcherCount > 0 { await Task.yield() }
        }
      }
    }
  }
}

/// A health request for one service.
func healthRequest(_ service: String) -> Grpc_Health_V1_HealthCheckRequest {
  var request = Grpc_Health_V1_HealthCheckRequest()
  request.service = service
  return request
}
