import Analytics
import Foundation
import Testing

@testable import DaemonCore
@testable import ImpactStorage

/// `outcomes.indicator_id` (migration `v5-indicator-ids`): an outcome's bank indicator is
/// stored and loaded back, and a custom indicator stays NULL.
@Suite("Storage: outcomes' bank indicators")
struct StorageIndicatorIDTests {
  @Test("an outcome's indicator_id survives save and load, a custom one stays absent")
  func roundTrip() throws {
    let database = try ImpactDatabase.inMemory()
    var project = StorageSamples.minimal(id: "pension-de-famille-rennes")
    project.outcomes = [
      Outcome(
        id: "taux-effort", domain: "basic_needs", share: 0.5, indicatorID: "housing.cost_effort_rate", unit: "%",
        direction: .lowerIsBetter),
      Outcome(id: "custom", domain: "social_link", share: 0.5, indicator: "Repas partagés"),
    ]
    try database.commit(.upsertProjects([project]), context: StorageSamples.context())
    let loaded = try database.loadState().projects
    #expect(loaded == [project])
    #expect(loaded.first?.outcomes.map(\.indicatorID) == ["housing.cost_effort_rate", nil])
  }
}
