import Analytics
import SyntheticData
import Testing

/// Random changes of a generated portfolio: each project changed in a random set of the
/// attribution's groups, some removed, some added, some amounts changed.
enum HistoryChanges {
  static func changed(
    _ projects: [Project], seed: UInt64, groups: Set<AttributionCause> = Set(AttributionCause.allCases),
    membership: Bool = true, amounts: Bool = true
  ) -> [Project] {
    var random = SplitMix64(seed: seed)
    var result: [Project] = []
    for var project in projects {
      if membership, random.chance(0.05) { continue }
      if groups.contains(.outcomeData), random.chance(0.3) {
        let position = random.integer(0...(project.outcomes.count - 1))
        if let reach = project.outcomes[position].reach {
          project.outcomes[position].reach = reach * random.uniform(0.2...3)
        } else {
          project.outcomes[position].reach = random.uniform(10...5_000)
        }
        if random.chance(0.3) { project.outcomes[position].harmful.toggle() }
      }
      if groups.contains(.ratings), random.chance(0.3) {
        project.record(
          Rating(
            criterion: random.pick(["what", "who", "participation", "systemic"]), rater: "zoe",
            value: Double(random.integer(0...4))))
      }
      if groups.contains(.evidenceAndRisks), random.chance(0.3) {
        project.evidenceLevel = random.integer(1...5)
        project.risks["execution"] = random.integer(0...3)
      }
      if amounts, random.chance(0.2) { project.amount = (random.uniform(0...2_000) * 1_000).rounded() }
      result.append(project)
    }
    if membership {
      let extra = SyntheticPortfolio.generate(projects: 40, seed: seed &+ 1)
      for var project in extra.prefix(random.integer(1...20)) {
        project.id = "new-" + project.id
        result.append(project)
      }
    }
    return result
  }

  static var otherScheme: Scheme {
    var scheme = Scheme.impactV1
    scheme.id = "impact-v1-b"
    scheme.blend = 0.7
    scheme.reachReference = 5_000
    scheme.evidenceFactors = [0.5, 0.65, 0.8, 0.9, 1.0]
    scheme.criteria[0].weight = 0.4
    scheme.criteria[1].weight = 0.2
    return scheme
  }
}

@Suite("History: diff and attribution")
struct HistoryDiffTests {
  let projects = SyntheticPortfolio.generate(projects: 400, seed: 7)

  func expectExact(_ diff: PortfolioDiff, sourceLocation: SourceLocation = #_sourceLocation) {
    for change in diff.changed {
      let composite = change.after.composite - change.before.composite
      let rankScore = change.after.rankScore - change.before.rankScore
      #expect(abs(change.attribution.composite.total - composite) <= 1e-9, sourceLocation: sourceLocation)
      #expect(abs(change.attribution.rankScore.total - rankScore) <= 1e-9, sourceLocation: sourceLocation)
    }
    #expect(abs(diff.attribution.total - diff.attribution.difference) <= 1e-9, sourceLocation: sourceLocation)
    #expect(
      abs(diff.attribution.difference - (diff.after.weightedComposite - diff.before.weightedComposite)) <= 1e-12,
      sourceLocation: sourceLocation)
  }

  @Test(
    "each project's causes and the portfolio's causes sum to their differences within 1e-9", arguments: [1, 2, 3, 4, 5])
  func sumsAreExact(seed: UInt64) {
    let before = PortfolioState(scheme: .impactV1, projects: projects)
    let scheme = seed % 2 == 0 ? HistoryChanges.otherScheme : .impactV1
    let after = PortfolioState(scheme: scheme, projects: HistoryChanges.changed(projects, seed: seed))
    let diff = PortfolioDiffer(lanes: 2).diff(from: before, to: after)
    #expect(!diff.changed.isEmpty && !diff.added.isEmpty && !diff.removed.isEmpty)
    expectExact(diff)
    #expect(diff.attribution[.addedProjects] != 0 && diff.attribution[.removedProjects] != 0)
    #expect(diff.attribution[.amounts] != 0)
    #expect((seed % 2 == 0) == (diff.attribution[.scheme] != 0))
  }

  @Test("a portfolio without committed capital (equal weights) is attributed exactly too")
  func equalWeights() {
    let zero = projects.map { project -> Project in
      var project = project
      project.amount = 0
      return project
    }
    let after = HistoryChanges.changed(zero, seed: 11, amounts: false)
    let diff = PortfolioDiffer().diff(
      from: PortfolioState(scheme: .impactV1, projects: zero), to: PortfolioState(scheme: .impactV1, projects: after))
    expectExact(diff)
    #expect(diff.attribution[.amounts] == 0)
  }

  @Test("a diff of a state with itself is empty")
  func identity() {
    let state = PortfolioState(scheme: .impactV1, projects: projects)
    let diff = PortfolioDiffer().diff(from: state, to: state)
    #expect(diff.isEmpty)
    #expect(diff.changed.isEmpty && diff.added.isEmpty && diff.removed.isEmpty && diff.rankMovers.isEmpty)
    #expect(diff.matrix.isEmpty && diff.newGaps.isEmpty && diff.closedGaps.isEmpty)
    #expect(diff.attribution.difference == 0)
    #expect(PortfolioCause.allCases.allSatisfy { diff.attribution[$0] == 0 })
  }

  @Test("a scheme-only change attributes everything to the scheme")
  func schemeOnly() {
    let diff = PortfolioDiffer().diff(
      from: PortfolioState(scheme: .impactV1, projects: projects),
      to: PortfolioState(scheme: HistoryChanges.otherScheme, projects: projects))
    #expect(diff.changed.count == projects.count)
    for change in diff.changed {
      #expect(change.attribution.differingCauses == [.scheme])
      #expect(change.attribution.composite.scheme == change.compositeDifference)
      #expect(change.changedFields.isEmpty)
    }
    expectExact(diff)
    #expect(abs(diff.attribution[.scheme] - diff.attribution.difference) <= 1e-9)
    for cause in PortfolioCause.allCases where cause != .scheme { #expect(diff.attribution[cause] == 0) }
  }

  @Test(
    "a change in one group only is attributed to that group only",
    arguments: [
      AttributionCause.outcomeData, .ratings, .evidenceAndRisks,
    ])
  func oneGroup(cause: AttributionCause) {
    let after = HistoryChanges.changed(projects, seed: 5, groups: [cause], membership: false, amounts: false)
    let diff = PortfolioDiffer().diff(
      from: PortfolioState(scheme: .impactV1, projects: projects),
      to: PortfolioState(scheme: .impactV1, projects: after))
    #expect(!diff.changed.isEmpty)
    for change in diff.changed {
      #expect(change.attribution.differingCauses == [cause])
      #expect(change.attribution.composite[cause] == change.compositeDifference)
    }
    expectExact(diff)
    let portfolioCause: PortfolioCause =
      switch cause {
      case .scheme: .scheme
      case .outcomeData: .outcomeData
      case .ratings: .ratings
      case .evidenceAndRisks: .evidenceAndRisks
      }
    for other in PortfolioCause.allCases where other != portfolioCause { #expect(diff.attribution[other] == 0) }
    #expect(abs(diff.attribution[portfolioCause] - diff.attribution.difference) <= 1e-9)
  }

  @Test("amount changes alone are attributed to amounts, and the projects are listed as changed")
  func amountsOnly() {
    var after = projects
    after[3].amount += 500_000
    after[9].amount = 0
    let diff = PortfolioDiffer().diff(
      from: PortfolioState(scheme: .impactV1, projects: projects),
      to: PortfolioState(scheme: .impactV1, projects: after))
    #expect(diff.changed.map(\.projectID) == [projects[3].id, projects[9].id].sorted())
    #expect(diff.changed.allSatisfy { $0.changedFields == ["amount"] && $0.attribution.composite.isZero })
    expectExact(diff)
    #expect(abs(diff.attribution[.amounts] - diff.attribution.difference) <= 1e-12)
  }

  @Test("added and removed projects, figures, domains and the matrix are listed")
  func membership() throws {
    let removed = projects[0]
    var added = projects[1]
    added.id = "zz-added"
    let after = Array(projects.dropFirst()) + [added]
    let diff = PortfolioDiffer().diff(
      from: PortfolioState(scheme: .impactV1, projects: projects),
      to: PortfolioState(scheme: .impactV1, projects: after))
    #expect(diff.added.map(\.projectID) == ["zz-added"])
    #expect(diff.removed.map(\.projectID) == [removed.id])
    #expect(diff.changed.isEmpty)
    let amount = try #require(diff.figures.first { $0.figure == .totalAmount })
    #expect(amount.difference == added.amount - removed.amount)
    #expect(diff.domains.count == Scheme.impactV1.domains.count)
    expectExact(diff)
    #expect(
      abs(diff.attribution[.addedProjects] + diff.attribution[.removedProjects] - diff.attribution.difference) <= 1e-12)
  }

  @Test("rank movers are the largest moves, largest first")
  func movers() throws {
    var after = projects
    let last = try #require(
      PortfolioAnalyzer(scheme: .impactV1).ranking(of: ProjectScorer(scheme: .impactV1).score(projects)).entries.last)
    let position = try #require(after.firstIndex { $0.id == last.projectID })
    after[position].evidenceLevel = 5
    after[position].risks = [:]
    for index in after[position].outcomes.indices { after[position].outcomes[index].harmful = false }
    for criterion in ["what", "who", "participation", "systemic"] {
      after[position].record(Rating(criterion: criterion, rater: "zoe", value: 4))
    }
    let diff = PortfolioDiffer(moverCount: 3).diff(
      from: PortfolioState(scheme: .impactV1, projects: projects),
      to: PortfolioState(scheme: .impactV1, projects: after))
    #expect(diff.rankMovers.count <= 3)
    let top = try #require(diff.rankMovers.first)
    #expect(top.projectID == last.projectID && top.places > 0)
    #expect(diff.changed.map(\.projectID) == [last.projectID])
    let change = try #require(diff.changed.first)
    #expect(change.rankBefore == last.rank && change.rankAfter == top.rankAfter)
  }

  @Test("--explain gives 16 scorings whose ends are the two states and whose Shapley values match the diff")
  func explain() throws {
    var after = projects
    after[2].evidenceLevel = (after[2].evidenceLevel ?? 1) % 5 + 1
    after[2].record(Rating(criterion: "who", rater: "zoe", value: 4))
    after[2].outcomes[0].reach = (after[2].outcomes[0].reach ?? 0) + 5_000
    let before = PortfolioState(scheme: .impactV1, projects: projects)
    let later = PortfolioState(scheme: HistoryChanges.otherScheme, projects: after)
    let differ = PortfolioDiffer()
    let explanation = try #require(differ.explain(projectID: projects[2].id, from: before, to: later))
    #expect(explanation.scorings.map(\.mask) == Array(0..<16))
    #expect(explanation.scorings[0].score == ProjectScorer(scheme: .impactV1).score(projects[2]))
    #expect(explanation.scorings[15].schemeID == "impact-v1-b")
    #expect(explanation.scorings[15].causesFromAfter == AttributionCause.allCases)
    let composite15 = ProjectScorer(scheme: HistoryChanges.otherScheme).score(after[2]).composite
    #expect(explanation.scorings[15].score.composite == composite15)
    let diff = differ.diff(from: before, to: later)
    let change = try #require(diff.changed.first { $0.projectID == projects[2].id })
    for cause in AttributionCause.allCases {
      #expect(abs(change.attribution.composite[cause] - explanation.attribution.composite[cause]) <= 1e-12)
    }
    #expect(differ.explain(projectID: "nope", from: before, to: later) == nil)
  }

  @Test("the attribution does not depend on the order the causes are played in (symmetry of two equal causes)")
  func symmetry() {
    // Ratings and evidence each raise F by the same factor's worth: with F = K · B, changing K
    // alone and B alone; the Shapley split of a product gives each its own plus half the cross term.
    let attributor = ProjectAttributor(before: .impactV1, after: .impactV1)
    var old = projects[5]
    old.outcomes = old.outcomes.map {
      var outcome = $0; outcome.harmful = false; return outcome
    }
    var new = old
    new.evidenceLevel = 5
    new.risks = [:]
    new.ratings = new.ratings.map {
      var rating = $0; rating.value = 4; return rating
    }
    let scorer = ProjectScorer(scheme: .impactV1)
    let (f0, f1) = (scorer.score(old), scorer.score(new))
    let attribution = attributor.attribute(old: old, oldScore: f0, new: new, newScore: f1)
    var onlyK = old
    onlyK.evidenceLevel = 5
    onlyK.risks = [:]
    var onlyB = old
    onlyB.ratings = new.ratings
    let fk = scorer.score(onlyK).composite
    let fb = scorer.score(onlyB).composite
    let expectedK = 0.5 * (fk - f0.composite) + 0.5 * (f1.composite - fb)
    #expect(abs(attribution.composite.evidenceAndRisks - expectedK) <= 1e-12)
    #expect(abs(attribution.composite.total - (f1.composite - f0.composite)) <= 1e-12)
  }

  @Test("a filter applies on each side: a project that leaves the selection is removed from it")
  func filtered() {
    var after = projects
    let position = after.firstIndex { $0.status == .funded }!
    after[position].status = .closed
    let funded = ProjectFilter(statuses: [.funded])
    let diff = PortfolioDiffer().diff(
      from: PortfolioState(scheme: .impactV1, projects: projects),
      to: PortfolioState(scheme: .impactV1, projects: after),
      filter: funded)
    #expect(diff.removed.map(\.projectID) == [after[position].id])
    #expect(diff.added.isEmpty && diff.changed.isEmpty)
    #expect(diff.before.projects == projects.filter { $0.status == .funded }.count)
    expectExact(diff)
  }
}
