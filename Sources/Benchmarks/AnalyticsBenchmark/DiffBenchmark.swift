import Analytics
import Foundation
import SyntheticData

/// The `diff` rows of the benchmark (issue 12 item 7: a diff of two snapshots with attribution
/// in at most 2 s on 100 000 projects): two states of the generated portfolio a committee
/// apart, diffed from scratch (both states scored, every changed project attributed).
enum DiffBenchmark {
  /// The later state: 1 000 projects edited (outcome data, ratings, evidence and risks,
  /// amounts, each in a random mix), 100 removed, 100 added; under `scheme`.
  static func laterState(_ projects: [Project], seed: UInt64, scheme: Scheme) -> PortfolioState {
    var random = SplitMix64(seed: seed)
    var later = projects
    let step = max(1, projects.count / 1_000)
    for position in stride(from: 0, to: later.count, by: step) {
      if random.chance(0.5), let reach = later[position].outcomes[0].reach {
        later[position].outcomes[0].reach = reach * 1.5
      }
      if random.chance(0.5) {
        later[position].record(Rating(criterion: "systemic", rater: "zoe", value: Double(random.integer(0...4))))
      }
      if random.chance(0.5) { later[position].evidenceLevel = random.integer(1...5) }
      if random.chance(0.5) { later[position].amount += 10_000 }
    }
    later.removeLast(min(100, later.count / 10))
    for var project in SyntheticPortfolio.generate(projects: 100, seed: seed &+ 1) {
      project.id = "added-" + project.id
      later.append(project)
    }
    return PortfolioState(scheme: scheme, projects: later)
  }

  /// The same portfolio with every project edited in all four groups, under another scheme:
  /// the worst case, 16 scorings of every project.
  static func everythingChanged(_ projects: [Project], scheme: Scheme) -> PortfolioState {
    PortfolioState(
      scheme: scheme,
      projects: projects.map { project in
        var project = project
        if let reach = project.outcomes[0].reach { project.outcomes[0].reach = reach + 1 }
        project.record(Rating(criterion: "who", rater: "zoe", value: 3))
        project.evidenceLevel = (project.evidenceLevel ?? 1) % 5 + 1
        return project
      })
  }

  /// Another scheme: the blend and a criterion weight moved.
  static var revisedScheme: Scheme {
    var scheme = Scheme.impactV1
    scheme.id = "impact-v1-revised"
    scheme.blend = 0.6
    scheme.criteria[0].weight = 0.35
    scheme.criteria[1].weight = 0.25
    return scheme
  }

  /// The lanes a diff uses: every core.
  static var lanes: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
