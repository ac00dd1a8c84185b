import Analytics
import Testing

@Suite("What-if")
struct WhatIfSimulatorTests {
  let simulator = WhatIfSimulator(scheme: .impactV1)
  let projects = [
    sampleProject(id: "a", amount: 100_000),
    sampleProject(id: "b", amount: 300_000, evidenceLevel: 5),
    sampleProject(id: "c", amount: 50_000, evidenceLevel: 1),
  ]

  @Test("adding a project changes the figures and reports it as added, the others as moved")
  func add() throws {
    let star = sampleProject(id: "star", amount: 1_000_000, risks: ["external": 0], evidenceLevel: 5)
    let result = try simulator.simulate([.add(star)], on: projects)
    #expect(result.before.projects == 3 && result.after.projects == 4)
    let amount = try #require(result.differences.first { $0.name == "total_amount" })
    #expect(amount.before == 450_000 && amount.after == 1_450_000 && amount.delta == 1_000_000)
    #expect(
      result.rankChanges.first { $0.projectID == "star" }
        == RankChange(projectID: "star", before: nil, after: 1, kind: .added))
    #expect(result.rankChanges.contains { $0.projectID == "b" && $0.kind == .moved && $0.before == 1 && $0.after == 2 })
    #expect(result.changedScores.map(\.projectID) == ["star"])
    #expect(result.differences.contains { $0.name == "exposure.employment" })
    #expect(result.hasDifferences)
  }

  @Test("removing and replacing report removed and moved projects")
  func removeAndReplace() throws {
    var weaker = projects[1]
    weaker.evidenceLevel = 1
    weaker.risks = ["external": 3, "execution": 3]
    let result = try simulator.simulate([.remove(projectID: "a"), .replace(weaker)], on: projects)
    #expect(result.after.projects == 2)
    #expect(result.rankChanges.contains { $0.projectID == "a" && $0.kind == .removed && $0.after == nil })
    let composite = try #require(result.differences.first { $0.name == "weighted_composite" })
    #expect((composite.delta ?? 0) < 0)
  }

  @Test("a change naming a missing or existing project is refused with its position")
  func errors() {
    #expect(throws: WhatIfError(changeIndex: 1, projectID: "zz", reason: .notFound)) {
      try simulator.simulate([.remove(projectID: "a"), .remove(projectID: "zz")], on: projects)
    }
    #expect(throws: WhatIfError(changeIndex: 0, projectID: "b", reason: .alreadyExists)) {
      try simulator.simulate([.add(projects[1])], on: projects)
    }
    #expect(throws: WhatIfError(changeIndex: 0, projectID: "q", reason: .notFound)) {
      try simulator.simulate([.replace(sampleProject(id: "q"))], on: projects)
    }
  }

  @Test("absent figures compare as unchanged when absent on both sides")
  func absentFigures() {
    #expect(FigureDifference(name: "sroi", before: nil, after: nil).isUnchanged)
    #expect(FigureDifference(name: "sroi", before: 1, after: nil).delta == nil)
  }
}
