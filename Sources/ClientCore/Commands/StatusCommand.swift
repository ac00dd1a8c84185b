import ArgumentParser
import ImpactAPI

/// `impact status`: the daemon's health and state.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the daemon's health, revision, project count, uptime and scheme.",
    discussion: """
      With --check, prints only SERVING or NOT_SERVING and exits 0 when the daemon is \
      serving, 69 otherwise (also when it cannot be reached within --timeout): suitable for \
      monitoring probes.

      Example:
        impact status --server 127.0.0.1:7420
        impact status --check --timeout 2 || alert "impactd is down"
      """
  )

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Exit 0 when the daemon is SERVING, 69 otherwise.")
  var check = false

  func run() async throws {
    let connection = try global.connection()
    let (health, status) = try await connection.run { client, _ in
      let health = try await Grpc_Health_V1_Health.Client(wrapping: client).check(
        Grpc_Health_V1_HealthCheckRequest(),
        metadata: connection.metadata,
        options: connection.callOptions
      )
      let status = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(
        Impact_V1_GetStatusRequest(),
        metadata: connection.metadata,
        options: connection.callOptions
      )
      return (health, status)
    }
    let serving = health.status == .serving && status.serving
    if check {
      switch global.format {
      case .json: StandardStreams.writeLine(try Renderer.json(status))
      default: StandardStreams.writeLine(serving ? "SERVING" : "NOT_SERVING")
      }
      guard serving else {
        throw CommandFailure(.unavailable, "impactd at \(connection.address) is not serving (health \(health.status))")
      }
      return
    }
    let renderer = global.renderer()
    try renderer.emit(status) {
      [
        .table(
          .fields([
            ("server", Cell(connection.address.description)),
            ("health", Cell(serving ? "SERVING" : "NOT_SERVING")),
            ("version", Cell(status.version)),
            ("revision", Cell(status.revision)),
            ("projects", Cell(status.projectCount)),
            ("scheme", Cell(status.schemeID)),
            ("started", Cell(status.hasStartedAt ? TimeText.iso8601(status.startedAt) : "")),
            ("uptime", Cell(display: TimeText.duration(seconds: status.uptimeSeconds), csv: NumberStyle.raw(status.uptimeSeconds))),
            ("database", Cell(status.databasePath)),
          ])
        )
      ]
    }
  }
}
