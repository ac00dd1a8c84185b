/// Scores projects under one scheme, following the impact-v1 method (`methodology.md`).
///
/// Build one scorer per scheme and reuse it: the scheme's ids are interned once, so scoring a
/// project does no string-keyed lookups and allocates nothing: the score keeps its figures and
/// shares the project's outcome and rating arrays, from which it rebuilds its breakdown
/// (`outcomes`, `criteria`) when asked. Scoring a portfolio reads each project in place, its
/// blocks brought into the cache at once (``ProjectPrefetch``), and writes each score where
/// it is stored.
/// The scorer assumes validated input but never traps on odd values: zero amounts, missing
/// ratings or an indicator without a threshold give absent or zero figures, not a crash.
///
/// ```swift
/// let scorer = ProjectScorer(scheme: .impactV1)
/// let score = scorer.score(project)
/// print(score.composite, score.impactClass)
/// ```
public struct ProjectScorer: Sendable {
  public var scheme: Scheme { rules.scheme }
  public var index: SchemeIndex { rules.index }
  let rules: ScoringRules

  public init(scheme: Scheme) {
    rules = ScoringRules(scheme: scheme)
  }

  /// The score of `project` under the scorer's scheme.
  public func score(_ project: Project) -> ProjectScore {
    rules.score(project)
  }

  /// The scores of every project, in order.
  public func score(_ projects: [Project]) -> [ProjectScore] {
    let rules = rules
    return projects.withUnsafeBufferPointer { buffer in
      [ProjectScore](unsafeUninitializedCapacity: buffer.count) { scores, initialized in
        guard let base = scores.baseAddress, let projects = buffer.baseAddress else { return }
        let count = buffer.count
        var touched = 0
        for position in 0..<count {
          touched &+= ProjectPrefetch.touch(projects + position)
          rules.score(at: projects + position, into: base + position)
          initialized = position + 1
        }
        // Keeps the reads from being optimized away; their sum is never negative.
        if touched < 0 { initialized = 0 }
      }
    }
  }
}
