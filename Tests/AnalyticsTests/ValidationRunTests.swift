import Analytics
import SyntheticData
import Testing

/// A document checked a batch at a time (a streamed import) is judged as the whole document is.
@Suite("Validation a batch at a time")
struct ValidationRunTests {
  /// 300 generated projects with broken ones spread over the batches: a share over 1, a
  /// duplicate id 95 projects after the first (in another batch of 100), and over 100 unknown domains (past the cap).
  static func brokenDocument() -> [Project] {
    var projects = SyntheticPortfolio.generate(projects: 300, seed: 11)
    projects[3].outcomes[0].share = 1.5
    projects[105].id = projects[10].id
    for index in stride(from: 20, to: 300, by: 2) where !projects[index].outcomes.isEmpty {
      projects[index].outcomes[0].domain = "nowhere"
    }
    return projects
  }

  @Test(
    "batches of 1, 7, 100 and all give the whole document's error: same issues, order and count",
    arguments: [1, 7, 100, 300])
  func sameAsWhole(batch: Int) {
    let projects = Self.brokenDocument()
    let validator = Validator(scheme: .impactV1)
    let whole = validator.validationError(for: PortfolioDocument(projects: projects))
    let run = Validator.Run(validator)
    for start in stride(from: 0, to: projects.count, by: batch) {
      run.check(projects[start..<min(start + batch, projects.count)])
    }
    #expect(whole != nil)
    #expect(run.error?.issues.map(\.message) == whole?.issues.map(\.message))
    #expect(run.error?.omittedCount == whole?.omittedCount)
    #expect(run.error?.issues.contains { $0.rule == .duplicateProject } == true)
  }

  @Test("valid batches leave no error; a document scheme refused whole checks no project")
  func validAndRefusedScheme() {
    let projects = SyntheticPortfolio.generate(projects: 50, seed: 3)
    let run = Validator.Run(Validator(scheme: .impactV1))
    run.check(projects[..<25])
    run.check(projects[25...])
    #expect(run.error == nil)
    var scheme = Scheme.impactV1
    scheme.blend = 7
    let refused = Validator.Run(Validator(scheme: .impactV1), documentScheme: scheme)
    refused.check(Self.brokenDocument())
    #expect(refused.error?.issues.allSatisfy { $0.rule == .invalidScheme } == true)
    #expect(
      refused.error?.issues.map(\.message)
        == Validator(scheme: .impactV1).validationError(for: PortfolioDocument(scheme: scheme, projects: projects))?
        .issues.map(\.message))
  }
}
