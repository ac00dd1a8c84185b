import Analytics
import Foundation
import Testing

/// Reproduces every number of `Fixtures/worked-examples.expected.json` from
/// `Fixtures/worked-examples.json`: the expected file is walked key by key, so a field the
/// test does not know fails instead of being skipped.
@Suite("Reference vectors")
struct ReferenceVectorTests {
  struct Fixture {
    let scheme: Scheme
    let scores: [ProjectScore]
    let summary: PortfolioSummary
    let ranking: Ranking
    let expected: [String: Any]
  }

  static func fixtureData(_ name: String) throws -> Data {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
    return try Data(contentsOf: url)
  }

  static func load() throws -> Fixture {
    let document = try PortfolioJSON.decode(try fixtureData("worked-examples"), source: "worked-examples.json")
    let scheme = document.scheme ?? .impactV1
    let scores = ProjectScorer(scheme: scheme).score(document.projects)
    let analyzer = PortfolioAnalyzer(scheme: scheme)
    let expected = try #require(
      try JSONSerialization.jsonObject(with: try fixtureData("worked-examples.expected")) as? [String: Any])
    return Fixture(
      scheme: scheme, scores: scores, summary: analyzer.summary(of: scores), ranking: analyzer.ranking(of: scores),
      expected: expected)
  }

  @Test("the input projects are valid")
  func inputIsValid() throws {
    let document = try PortfolioJSON.decode(try Self.fixtureData("worked-examples"), source: "worked-examples.json")
    #expect(Validator(scheme: .impactV1).validate(document.projects).isEmpty)
    #expect(document.projects.count == 4)
  }

  @Test("every project figure matches")
  func projects() throws {
    let fixture = try Self.load()
    let expectedProjects = try #require(fixture.expected["projects"] as? [String: Any])
    #expect(expectedProjects.count == fixture.scores.count)
    for (id, value) in expectedProjects.sorted(by: { $0.key < $1.key }) {
      let score = try #require(fixture.scores.first { $0.projectID == id }, "no score for \(id)")
      let fields = try #require(value as? [String: Any])
      for (key, expected) in fields.sorted(by: { $0.key < $1.key }) {
        let path = "projects.\(id).\(key)"
        switch key {
        case "amount": expectNumber(score.amount, expected, path)
        case "completeness": expectNumber(score.completeness, expected, path)
        case "composite": expectNumber(score.composite, expected, path)
        case "confidence": expectNumber(score.confidence, expected, path)
        case "contribution":
          let contribution = fixture.summary.contributions.first { $0.projectID == id }?.contribution
          expectNumber(contribution, expected, path)
        case "depth": expectNumber(score.depth, expected, path)
        case "depth_class": #expect(score.depthClass.rawValue == expected as? String, "\(path)")
        case "domain_shares":
          let shares = try #require(expected as? [String: Any])
          #expect(Set(score.domainShares.map(\.domain)) == Set(shares.keys), "\(path)")
          for share in score.domainShares {
            expectNumber(share.value, shares[share.domain], "\(path).\(share.domain)")
          }
        case "impact_class": #expect(score.impactClass.rawValue == expected as? String, "\(path)")
        case "insufficient_data": #expect(score.insufficientData == expected as? Bool, "\(path)")
        case "outcomes": try expectOutcomes(score.outcomes, expected, path)
        case "qualitative": expectNumber(score.qualitative, expected, path)
        case "quantitative": expectNumber(score.quantitative, expected, path)
        case "rank":
          expectNumber(fixture.ranking.entry(for: id).map { Double($0.rank) }, expected, path)
        case "rank_score": expectNumber(score.rankScore, expected, path)
        case "social_value": expectNumber(score.socialValue, expected, path)
        case "sroi": expectNumber(score.sroi, expected, path)
        default: Issue.record("unknown expected field \(path)")
        }
      }
    }
  }

  func expectOutcomes(_ outcomes: [OutcomeScore], _ expected: Any, _ path: String) throws {
    let list = try #require(expected as? [[String: Any]])
    #expect(outcomes.count == list.count, "\(path)")
    for (outcome, fields) in zip(outcomes, list) {
      let base = "\(path).\(outcome.id)"
      // A dimension missing from the expected file is absent.
      for dimension in ["scale", "depth", "duration", "contribution"] where fields[dimension] == nil {
        let value: Double? =
          switch dimension {
          case "scale": outcome.scale
          case "depth": outcome.depth
          case "duration": outcome.duration
          default: outcome.contribution
          }
        #expect(value == nil, "\(base).\(dimension) should be absent")
      }
      for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
        let field = "\(base).\(key)"
        switch key {
        case "class": #expect(outcome.outcomeClass.rawValue == value as? String, "\(field)")
        case "contribution": expectNumber(outcome.contribution, value, field)
        case "depth": expectNumber(outcome.depth, value, field)
        case "depth_class": #expect(outcome.depthClass.rawValue == value as? String, "\(field)")
        case "domain": #expect(outcome.domain == value as? String, "\(field)")
        case "duration": expectNumber(outcome.duration, value, field)
        case "id": #expect(outcome.id == value as? String, "\(field)")
        case "quantitative": expectNumber(outcome.quantitative, value, field)
        case "scale": expectNumber(outcome.scale, value, field)
        case "share": expectNumber(outcome.share, value, field)
        default: Issue.record("unknown expected field \(field)")
        }
      }
    }
  }

  @Test("every portfolio figure matches")
  func portfolio() throws {
    let fixture = try Self.load()
    let summary = fixture.summary
    let fields = try #require(fixture.expected["portfolio"] as? [String: Any])
    for (key, expected) in fields.sorted(by: { $0.key < $1.key }) {
      let path = "portfolio.\(key)"
      switch key {
      case "coverage": expectNumber(summary.coverage, expected, path)
      case "covered_domains": #expect(summary.coveredDomains == expected as? [String], "\(path)")
      case "deep_coverage": expectNumber(summary.deepCoverage, expected, path)
      case "effective_domains": expectNumber(summary.effectiveDomains, expected, path)
      case "exposure": try expectDomainValues(summary.exposure, expected, path)
      case "gaps": #expect(summary.gaps == expected as? [String], "\(path)")
      case "hhi": expectNumber(summary.hhi, expected, path)
      case "impact_weighted_exposure": try expectDomainValues(summary.impactWeightedExposure, expected, path)
      case "matrix": try expectMatrix(summary.matrix, expected, path)
      case "projects": expectNumber(Double(summary.projects), expected, path)
      case "ranking": #expect(fixture.ranking.entries.map(\.projectID) == expected as? [String], "\(path)")
      case "sroi": expectNumber(summary.sroi, expected, path)
      case "total_amount": expectNumber(summary.totalAmount, expected, path)
      case "weighted_composite": expectNumber(summary.weightedComposite, expected, path)
      case "weighted_depth": expectNumber(summary.weightedDepth, expected, path)
      case "weighted_qualitative": expectNumber(summary.weightedQualitative, expected, path)
      case "weighted_quantitative": expectNumber(summary.weightedQuantitative, expected, path)
      default: Issue.record("unknown expected field \(path)")
      }
    }
    #expect(summary.contributions.count == 4)
  }

  /// The listed domains match; every domain the expected file leaves out is 0.
  func expectDomainValues(_ values: [DomainValue], _ expected: Any, _ path: String) throws {
    let map = try #require(expected as? [String: Any])
    for value in values {
      if let entry = map[value.domain] {
        expectNumber(value.value, entry, "\(path).\(value.domain)")
      } else {
        #expect(value.value == 0, "\(path).\(value.domain) should be 0")
      }
    }
    #expect(Set(map.keys).isSubset(of: Set(values.map(\.domain))), "\(path): unknown domain")
  }

  /// The listed cells match; every cell the expected file leaves out is empty.
  func expectMatrix(_ matrix: CoverageMatrix, _ expected: Any, _ path: String) throws {
    let rows = try #require(expected as? [String: Any])
    var listed = 0
    for (domain, row) in rows.sorted(by: { $0.key < $1.key }) {
      let cells = try #require(row as? [String: Any])
      for (className, value) in cells {
        let depthClass = try #require(DepthClass(rawValue: className))
        let cell = try #require(matrix.cell(domain: domain, depthClass: depthClass), "\(path).\(domain)")
        let fields = try #require(value as? [String: Any])
        #expect(Set(fields.keys) == ["amount", "outcomes"], "\(path).\(domain).\(className)")
        expectNumber(cell.amount, fields["amount"], "\(path).\(domain).\(className).amount")
        expectNumber(Double(cell.outcomes), fields["outcomes"], "\(path).\(domain).\(className).outcomes")
        listed += 1
      }
    }
    #expect(matrix.cells.count == listed, "\(path): cells the expected file does not list are not empty")
  }

  func expectNumber(
    _ actual: Double?, _ expected: Any?, _ path: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if expected == nil || expected is NSNull {
      #expect(actual == nil, "\(path) should be null", sourceLocation: sourceLocation)
      return
    }
    guard let number = (expected as? NSNumber)?.doubleValue else {
      Issue.record("\(path): expected value is not a number", sourceLocation: sourceLocation)
      return
    }
    guard let actual else {
      Issue.record("\(path) is absent, expected \(number)", sourceLocation: sourceLocation)
      return
    }
    #expect(isClose(actual, number), "\(path): \(actual) != \(number)", sourceLocation: sourceLocation)
  }
}
