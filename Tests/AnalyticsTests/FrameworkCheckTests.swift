import Analytics
import Foundation
import Testing

/// What ``FrameworkCheck`` finds: explicit and implicit links, the gaps, what each impact
/// receives (amount × share, score points), and the programme matrix.
@Suite("Framework check")
struct FrameworkCheckTests {
  static let framework = Framework(
    organization: "Test", mission: "Aider",
    objectives: [
      StrategicObjective(
        id: "os", name: "OS",
        operationalObjectives: [
          OperationalObjective(id: "oo", name: "OO", activities: [FrameworkActivity(id: "act", name: "A")])
        ])
    ],
    impacts: [
      ExpectedImpact(
        id: "imp-lien", name: "Lien", level: .intermediate, stakeholder: "habitants", domain: "social_link",
        activityIDs: ["act"],
        indicators: [
          FrameworkIndicator(
            id: "engagement.active_volunteers", bankID: "engagement.active_volunteers", status: .collected,
            owner: "x", frequency: "yearly"),
          FrameworkIndicator(
            id: "social.loneliness_ucla3", bankID: "social.loneliness_ucla3", status: .wanted, owner: "x",
            frequency: "yearly"),
        ]),
      ExpectedImpact(
        id: "imp-sante", name: "Santé", level: .intermediate, stakeholder: "patients", domain: "health",
        activityIDs: ["act"],
        indicators: [
          FrameworkIndicator(
            id: "ind-custom", bankID: nil, name: "Bilans", unit: "people", direction: .higherIsBetter,
            status: .collected, owner: "x", frequency: "yearly")
        ]),
      ExpectedImpact(
        id: "imp-vide", name: "Vide", level: .final, stakeholder: "tous", domain: "autonomy"),
    ],
    programmes: [FrameworkProgramme(programme: "Tiers-lieux", commonImpacts: ["imp-lien", "imp-sante"])])

  static func outcome(_ id: String, _ domain: String, share: Double) -> Outcome {
    Outcome(
      id: id, domain: domain, share: share, indicator: id, unit: "%", direction: .higherIsBetter, baseline: 10,
      threshold: 50, actual: 30, reach: 200, durationYears: 2)
  }

  static let projects: [Project] = {
    var tulle = Project(
      id: "tulle", name: "Tulle", programme: "Tiers-lieux", status: .funded, amount: 100_000,
      outcomes: [outcome("benevoles", "engagement", share: 0.4), outcome("bilans", "health", share: 0.6)])
    tulle.outcomes[0].indicatorID = "engagement.active_volunteers"  // implicit link to imp-lien
    tulle.outcomes[1].impactID = "imp-sante"  // explicit, custom indicator
    var reunion = Project(
      id: "reunion", name: "Réunion", programme: "Tiers-lieux", status: .funded, amount: 50_000,
      outcomes: [outcome("rencontres", "social_link", share: 1)])
    reunion.outcomes[0].impactID = "imp-lien"
    var lost = Project(
      id: "perdu", name: "Perdu", programme: "Autre", status: .funded, amount: 10_000,
      outcomes: [outcome("x", "rights", share: 1)])
    lost.outcomes[0].impactID = "imp-inconnu"
    return [tulle, reunion, lost]
  }()

  @Test("links, gaps, contributions and the programme matrix")
  func check() throws {
    let check = FrameworkCheck(framework: Self.framework, projects: Self.projects, scheme: .impactV1)
    #expect(check.impactsWithoutIndicator == ["imp-vide"])
    #expect(check.unmeasuredIndicators.map(\.indicatorID) == ["social.loneliness_ucla3"])
    #expect(check.unmeasuredIndicators.first?.status == .wanted)
    #expect(check.unmappedProjects.map(\.projectID) == ["perdu"])
    #expect(check.unknownLinks.map { "\($0.projectID)/\($0.outcomeID)->\($0.impactID)" } == ["perdu/x->imp-inconnu"])
    #expect(check.unknownDomains.isEmpty)

    let scores = ProjectScorer(scheme: .impactV1).score(Self.projects)
    let lien = try #require(check.contributions.first { $0.impactID == "imp-lien" })
    #expect(lien.contributors.map(\.projectID) == ["tulle", "reunion"])
    #expect(lien.measuredIndicatorCount == 1 && lien.indicatorCount == 2)
    let tulle = lien.contributors[0]
    #expect(abs(tulle.share - 0.4) < 1e-12)
    #expect(abs(tulle.amount - 40_000) < 1e-6)
    #expect(abs(tulle.points - 0.4 * scores[0].outcomes[0].quantitative) < 1e-9)
    #expect(abs(lien.amount - (40_000 + 50_000)) < 1e-6)
    // A project's points over every impact add up to its quantitative score when every
    // outcome serves one impact.
    let sante = try #require(check.contributions.first { $0.impactID == "imp-sante" })
    #expect(sante.measuredIndicatorCount == 1)
    #expect(abs(tulle.points + sante.contributors[0].points - scores[0].quantitative) < 1e-9)

    let matrix = try #require(check.programmes.first)
    #expect(matrix.impactIDs == ["imp-lien", "imp-sante"])
    #expect(matrix.rows.map(\.projectID) == ["tulle", "reunion"])
    #expect(matrix.rows[1].cells[1] == nil && matrix.rows[0].cells[1] != nil)
    #expect(matrix.missingCells == 1)
    #expect(check.gapCount == 1 + 1 + 1 + 1 + 1)
  }

  @Test("an impact in a domain the scheme lost is reported")
  func unknownDomain() {
    var scheme = Scheme.impactV1
    scheme.domains.removeAll { $0.id == "autonomy" }
    let check = FrameworkCheck(framework: Self.framework, projects: [], scheme: scheme)
    #expect(check.unknownDomains.map { "\($0.impactID):\($0.domain)" } == ["imp-vide:autonomy"])
  }

  @Test("an outcome's impact_id: well formed always, one of the framework's impacts when there is one")
  func validation() {
    var project = Self.projects[1]
    let lenient = Validator(scheme: .impactV1)
    #expect(lenient.validate(project).isEmpty)
    let strict = Validator(scheme: .impactV1, frameworkImpacts: Self.framework.impactIDs)
    #expect(strict.validate(project).isEmpty)
    project.outcomes[0].impactID = "imp-cafe"
    #expect(lenient.validate(project).isEmpty)
    let unknown = strict.validate(project)
    #expect(unknown.map(\.rule) == [.unknownImpact] && unknown.first?.path.hasSuffix("impact_id") == true)
    #expect(unknown.first?.message.contains("imp-cafe") == true)
    project.outcomes[0].impactID = "imp café"
    #expect(lenient.validate(project).map(\.rule) == [.invalidID])
  }
}
