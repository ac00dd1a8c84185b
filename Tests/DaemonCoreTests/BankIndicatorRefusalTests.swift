import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCProtobuf
import ImpactAPI
import SwiftProtobuf
import Testing

/// The daemon checks an outcome's `indicator_id` against its own bank, whatever the client
/// checked: a raw gRPC client (no `impact` in between) is refused with the rule, both values
/// and a French message, and an agreeing outcome is stored with its id.
@Suite("Outcomes checked against the daemon's indicator bank", .timeLimit(.minutes(3)))
struct BankIndicatorRefusalTests {
  static func project(unit: String, indicatorID: String = "housing.cost_effort_rate") -> Impact_V1_Project {
    .with {
      $0.id = "bail-glissant-brest"
      $0.name = "Bail glissant – Brest"
      $0.status = .funded
      $0.outcomes = [
        .with {
          $0.id = "taux-effort"
          $0.domain = "basic_needs"
          $0.indicatorID = indicatorID
          $0.unit = unit
          $0.direction = .lowerIsBetter
        }
      ]
    }
  }

  @Test("unit and unknown id refused over gRPC, naming both, in French too; an agreeing outcome is stored")
  func refusals() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        let refusal = try await LocalizedErrorTests.refusal {
          _ = try await projects.createProject(
            .with { $0.project = Self.project(unit: "€") }, metadata: LocalizedErrorTests.french)
        }
        #expect(refusal.error.code == .invalidArgument)
        #expect(
          refusal.error.message.contains(
            #"unit "€" does not agree with bank indicator housing.cost_effort_rate, whose unit is "%""#))
        #expect(
          refusal.localized?.message.contains("ne concorde pas avec l'indicateur housing.cost_effort_rate") == true)
        #expect(refusal.badRequest?.violations.first?.field.hasSuffix("unit") == true)

        let unknown = try await LocalizedErrorTests.refusal {
          _ = try await projects.createProject(
            .with { $0.project = Self.project(unit: "%", indicatorID: "housing.caviar") })
        }
        #expect(unknown.error.message.contains(#"indicator_id "housing.caviar" is not an indicator of the bank"#))

        _ = try await projects.createProject(.with { $0.project = Self.project(unit: "%") })
        let stored = try await projects.getProject(.with { $0.id = "bail-glissant-brest" }).project
        #expect(stored.outcomes.first?.indicatorID == "housing.cost_effort_rate")
      }
    }
  }
}
