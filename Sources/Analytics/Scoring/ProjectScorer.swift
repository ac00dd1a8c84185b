/// Scores projects under one scheme, following the impact-v1 method (`methodology.md`).
///
/// Build one scorer per scheme and reuse it: the scheme's ids are interned once, so scoring a
/// project does no string-keyed lookups and allocates nothing: the score keeps its figures and
/// shares the project's outcome and rating arrays, from which it rebuilds its breakdown
/// (`outcomes`, `criteria`) when asked.
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
        // Each project's outcomes, ratings and risks live in their own heap blocks, cold when
        // a whole portfolio is scored: waiting for them one after another is most of the time.
        // Touching the blocks of a project a few places ahead lets those cache misses overlap
        // each other and the scoring of the projects in between.
        var touched = 0
        for position in 0..<min(Self.lookahead, count) {
          touched &+= Self.touch(projects + position)
        }
        for position in 0..<count {
          if position + Self.lookahead < count {
            touched &+= Self.touch(projects + position + Self.lookahead)
          }
          (base + position).initialize(to: rules.score(at: projects + position))
          initialized = position + 1
        }
        // Keeps the touches from being optimized away; a count is never negative.
        if touched < 0 { initialized = 0 }
      }
    }
  }

  static let lookahead = 4

  /// Reads one word of each heap block the scoring of `project` reads.
  @inline(__always)
  static func touch(_ project: UnsafePointer<Project>) -> Int {
    project.pointee.outcomes.count &+ project.pointee.ratings.count &+ project.pointee.risks.count
  }
}
