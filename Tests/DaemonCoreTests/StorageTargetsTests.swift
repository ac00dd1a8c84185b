import Analytics
import Foundation
import Testing

@testable import DaemonCore
@testable import ImpactStorage

/// `outcomes.targets` (migration `v6-outcome-targets`): an outcome's targets per period are
/// stored and loaded back, so that a restart and a replay of the journal agree.
@Suite("Storage: outcomes' targets per period")
struct StorageTargetsTests {
  @Test("targets per period survive save and load; none stays empty")
  func roundTrip() throws {
    let database = try ImpactDatabase.inMemory()
    var project = StorageSamples.minimal(id: "pension-de-famille-rennes")
    project.outcomes = [
      Outcome(
        id: "emploi", domain: "employment", share: 0.5, indicator: "Sorties en emploi", unit: "%",
        direction: .higherIsBetter,
        targets: [PeriodTarget(period: "2026", value: 40), PeriodTarget(period: "2026-S1", value: 0.1 + 0.2)]),
      Outcome(id: "custom", domain: "social_link", share: 0.5, indicator: "Repas partagés"),
    ]
    try database.commit(.upsertProjects([project]), context: StorageSamples.context())
    let loaded = try database.loadState().projects
    #expect(loaded == [project])
    #expect(loaded.first?.outcomes.map(\.targets.count) == [2, 0])
  }
}
