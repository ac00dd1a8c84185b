import Analytics
import Foundation
import ImpactAPI
import SwiftProtobuf
import SyntheticData
import Testing

/// The reference projects, read from the Analytics fixtures next to this test target.
enum ProtoMappingFixtures {
  static func workedExamples() throws -> [Project] {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("AnalyticsTests/Fixtures/worked-examples.json")
    let document = try PortfolioJSON.decode(try Data(contentsOf: url), source: "worked-examples.json")
    return document.projects
  }

  /// A project with every optional field present and every enum case used at least once.
  static let everyField = Project(
    id: "every-field",
    name: "Tous les champs – l'exemple",
    programme: "Insertion",
    territory: "Occitanie",
    status: .committee,
    amount: 125_000.5,
    evidenceLevel: 4,
    risks: ["external": 0, "execution": 3],
    ratings: [
      Rating(criterion: "what", rater: "amel", value: 3.5, comment: "Besoin exprimé"),
      Rating(criterion: "who", rater: "bruno", value: 0),
    ],
    outcomes: [
      Outcome(
        id: "indicator", domain: "employment", share: 0.5, indicator: "Sorties", unit: "%",
        direction: .higherIsBetter, baseline: 10, threshold: 68, target: 50, actual: 45, reach: 400,
        durationYears: 3, dropOff: 0.2, deadweight: 0.25, attribution: 0.1, displacement: 0,
        financialProxy: 1000, harmful: false, nature: .solution,
        targets: [PeriodTarget(period: "2026", value: 40), PeriodTarget(period: "2026-S1", value: 20.5)]
      ),
      Outcome(
        id: "lower", domain: "health", share: 0.25, direction: .lowerIsBetter, baseline: 6, threshold: 2,
        actual: 3.5, harmful: true, nature: .mitigation
      ),
      Outcome(id: "survey", domain: "basic_needs", share: 0.25, survey: Survey(veryMuch: 0.55, slightly: 0.3)),
    ],
    extra: #"{"crm": {"id": 42}}"#
  )

  /// A project with nothing optional.
  static let bare = Project(id: "bare", name: "", outcomes: [Outcome(id: "o", domain: "rights")])
}

@Suite("Proto mapping")
struct ProtoMappingTests {
  @Test("the worked examples survive model → proto → bytes → proto → model unchanged")
  func workedExamplesRoundTrip() throws {
    let projects = try ProtoMappingFixtures.workedExamples()
    #expect(projects.count == 4)
    for project in projects {
      let message = Impact_V1_Project(project)
      let bytes: [UInt8] = try message.serializedBytes()
      let decoded = try Impact_V1_Project(serializedBytes: bytes)
      let back = try Project(proto: decoded)
      #expect(back == project)
    }
  }

  @Test(
    "every field and every absence survives the round trip",
    arguments: [ProtoMappingFixtures.everyField, ProtoMappingFixtures.bare]
  )
  func everyFieldRoundTrip(project: Project) throws {
    let message = Impact_V1_Project(project)
    let back = try Project(proto: message)
    #expect(back == project)
  }

  @Test("absent values are unset in the message, not zero")
  func absentIsUnset() {
    let message = Impact_V1_Project(ProtoMappingFixtures.bare)
    #expect(!message.hasEvidenceLevel)
    #expect(!message.hasExtraJson)
    let outcome = message.outcomes[0]
    #expect(!outcome.hasShare)
    #expect(!outcome.hasActual)
    #expect(!outcome.hasSurvey)
    #expect(!outcome.hasDurationYears)
    #expect(outcome.direction == .unspecified)
    #expect(outcome.nature == .solution)
  }

  @Test("synthetic portfolios survive the round trip")
  func syntheticRoundTrip() throws {
    let projects = SyntheticPortfolio.generate(projects: 200, seed: 7)
    let back = try projects.map { try Project(proto: Impact_V1_Project($0)) }
    #expect(back == projects)
  }

  @Test("the default scheme survives model → proto → model unchanged")
  func schemeRoundTrip() throws {
    let message = Impact_V1_Scheme(.impactV1)
    let bytes: [UInt8] = try message.serializedBytes()
    let back = try Scheme(proto: try Impact_V1_Scheme(serializedBytes: bytes))
    #expect(back == .impactV1)
    #expect(message.criteria[0].levels[4]?.en == "Essential: a vital need or a fundamental right")
  }

  @Test("a project filter survives the round trip")
  func filterRoundTrip() throws {
    let filter = ProjectFilter(
      statuses: [.funded, .closed], programmes: ["Insertion"], territories: ["Occitanie", "Bretagne"],
      domains: ["health"]
    )
    let message = Impact_V1_ProjectFilter(filter)
    #expect(message.statuses == [.funded, .closed])
    #expect(message.territories == ["Bretagne", "Occitanie"])
    #expect(try ProjectFilter(proto: message) == filter)
    #expect(try ProjectFilter(proto: Impact_V1_ProjectFilter()) == .all)
  }

  @Test("what-if changes survive the round trip")
  func whatIfRoundTrip() throws {
    let changes: [WhatIfChange] = [
      .add(ProtoMappingFixtures.everyField), .remove(projectID: "bare"), .replace(ProtoMappingFixtures.bare),
    ]
    for (index, change) in changes.enumerated() {
      let back = try WhatIfChange(proto: Impact_V1_WhatIfChange(change), fieldPath: "changes[\(index)]")
      #expect(back == change)
    }
  }

  @Test("a message that cannot be mapped is refused with the field path", arguments: BadMessage.allCases)
  func badMessage(_ bad: BadMessage) {
    let error = #expect(throws: APIMappingError.self) { try bad.map() }
    #expect(error?.fieldPath == bad.expectedPath)
    #expect(error?.description.hasPrefix(bad.expectedPath + ": ") == true)
  }

  @Test("an enum value unknown to this version, read from the wire, is refused, not trusted")
  func unknownEnumFromWire() throws {
    // Field 5 (status), varint 99: a value a newer client might send.
    let bytes: [UInt8] = [0x28, 99]
    let message = try Impact_V1_Project(serializedBytes: bytes)
    #expect(message.status == .UNRECOGNIZED(99))
    #expect(throws: APIMappingError(fieldPath: "project.status", reason: "unknown enum value 99")) {
      try Project(proto: message)
    }
  }

  @Test("a score maps with its breakdown, its ranking context and its explanation")
  func scoreMapping() throws {
    let projects = try ProtoMappingFixtures.workedExamples()
    let scorer = ProjectScorer(scheme: .impactV1)
    let scores = scorer.score(projects)
    let harmful = try #require(scores.first { $0.impactClass == .harm })
    let project = try #require(projects.first { $0.id == harmful.projectID })
    let explanation = scorer.explain(project)

    let message = Impact_V1_ProjectScore(
      harmful, name: project.name, rank: 4, percentile: 0, contribution: 0, explanation: explanation
    )
    #expect(message.projectID == harmful.projectID)
    #expect(message.name == project.name)
    #expect(message.composite == harmful.composite)
    #expect(message.rankScore == 0)
    #expect(message.impactClass == .harm)
    #expect(message.rank == 4)
    #expect(message.outcomes.map(\.outcomeID) == harmful.outcomes.map(\.id))
    #expect(message.outcomes.map(\.hasDepth) == harmful.outcomes.map { $0.depth != nil })
    #expect(message.criteria.map(\.hasMedian) == harmful.criteria.map { $0.median != nil })
    #expect(message.hasSroi == (harmful.sroi != nil))
    #expect(message.explanation.steps.count == explanation.steps.count)
    #expect(message.explanation.text == explanation.text)

    let summary = PortfolioAnalyzer(scheme: .impactV1).summary(of: scores)
    let summaryMessage = Impact_V1_PortfolioSummary(summary)
    #expect(summaryMessage.projects == 4)
    #expect(summaryMessage.weightedComposite == summary.weightedComposite)
    #expect(summaryMessage.exposure.map(\.domain) == Scheme.impactV1.domains.map(\.id))
    #expect(summaryMessage.matrix.map(\.outcomes).reduce(0, +) == Int64(projects.map(\.outcomes.count).reduce(0, +)))
    #expect(summaryMessage.gaps == summary.gaps)
  }
}

/// Messages the mapping must refuse, each with the field path the error names.
enum BadMessage: CaseIterable, CustomTestStringConvertible {
  case unspecifiedStatus
  case unknownDirection
  case unknownNature
  case unspecifiedFilterStatus
  case emptyWhatIfChange
  case whatIfProjectStatus
  case schemeWithoutWeights

  var testDescription: String { expectedPath }

  var expectedPath: String {
    switch self {
    case .unspecifiedStatus: "project.status"
    case .unknownDirection: "project.outcomes[2].direction"
    case .unknownNature: "project.outcomes[0].nature"
    case .unspecifiedFilterStatus: "filter.statuses[1]"
    case .emptyWhatIfChange: "changes[3]"
    case .whatIfProjectStatus: "changes[0].add_project.status"
    case .schemeWithoutWeights: "scheme.quantitative_weights"
    }
  }

  func map() throws(APIMappingError) {
    var project = Impact_V1_Project(ProtoMappingFixtures.everyField)
    switch self {
    case .unspecifiedStatus:
      project.status = .unspecified
      _ = try Project(proto: project)
    case .unknownDirection:
      project.outcomes[2].direction = .UNRECOGNIZED(7)
      _ = try Project(proto: project)
    case .unknownNature:
      project.outcomes[0].nature = .UNRECOGNIZED(3)
      _ = try Project(proto: project)
    case .unspecifiedFilterStatus:
      var filter = Impact_V1_ProjectFilter()
      filter.statuses = [.funded, .unspecified]
      _ = try ProjectFilter(proto: filter)
    case .emptyWhatIfChange:
      _ = try WhatIfChange(proto: Impact_V1_WhatIfChange(), fieldPath: "changes[3]")
    case .whatIfProjectStatus:
      project.status = .UNRECOGNIZED(12)
      var change = Impact_V1_WhatIfChange()
      change.addProject = project
      _ = try WhatIfChange(proto: change, fieldPath: "changes[0]")
    case .schemeWithoutWeights:
      var scheme = Impact_V1_Scheme(.impactV1)
      scheme.clearQuantitativeWeights()
      _ = try Scheme(proto: scheme)
    }
  }
}
