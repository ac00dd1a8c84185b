import ArgumentParser
import GRPCCore
import ImpactAPI
import Localization

/// `impact status`: the daemon's health and state.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: HelpText.l("help.status.abstract"),
    discussion: """
      \(HelpText.l("help.status.discussion"))

      \(HelpText.l("help.example"))
        impact status --server 127.0.0.1:7420
        impact status --check --timeout 2 || alert "\(HelpText.l("help.status.alert"))"
      """
  )

  @OptionGroup var global: GlobalOptions

  @Flag(help: ArgumentHelp(HelpText.l("help.status.check")))
  var check = false

  func run() async throws {
    let connection = try global.connection()
    if check {
      try await probe(connection)
      return
    }
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
    let renderer = global.renderer()
    let l = renderer.l
    try renderer.emit(status) {
      [
        .table(
          .fields([
            ("server", l("label.server"), Cell(connection.address.description)),
            (
              "health", l("label.health"),
              Cell(
                display: serving ? l("status.serving") : l("status.not_serving_short"),
                csv: serving ? "SERVING" : "NOT_SERVING")
            ),
            ("version", l("label.version"), Cell(status.version)),
            ("revision", l("label.revision"), Cell(status.revision)),
            ("projects", l("label.projects"), Cell(status.projectCount)),
            ("scheme", l("label.scheme"), Cell(status.schemeID)),
            ("started", l("label.started"), Cell(status.hasStartedAt ? TimeText.iso8601(status.startedAt) : "")),
            (
              "uptime", l("label.uptime"),
              Cell(
                display: TimeText.duration(seconds: status.uptimeSeconds, language: renderer.language),
                csv: NumberStyle.raw(status.uptimeSeconds))
            ),
            ("database", l("label.database"), Cell(status.databasePath)),
          ])
        )
      ]
    }
  }

  /// `--check`: the health service only, like `grpc_health_probe`. Every failure, whatever
  /// its cause (unreachable, TLS, not a gRPC server), means "not serving" to a probe: exit 69.
  private func probe(_ connection: ImpactConnection) async throws {
    let health: Grpc_Health_V1_HealthCheckResponse
    do {
      health = try await connection.run { client, _ in
        // No token: the health service is open to all, and a probe must not fail on a token.
        try await Grpc_Health_V1_Health.Client(wrapping: client).check(
          Grpc_Health_V1_HealthCheckRequest(),
          metadata: [:],
          options: connection.callOptions
        )
      }
    } catch var failure as CommandFailure {
      failure.status = .unavailable
      throw failure
    }
    let serving = health.status == .serving
    switch global.format {
    case .json: StandardStreams.writeLine(try Renderer.json(health))
    default: StandardStreams.writeLine(serving ? "SERVING" : "NOT_SERVING")
    }
    guard serving else {
      throw CommandFailure(
        .unavailable,
        .l("status.not_serving", ["address": connection.address.description, "health": "\(health.status)"]))
    }
  }
}
