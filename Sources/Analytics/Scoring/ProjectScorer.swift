import Dispatch

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
    score(projects, lanes: 1)
  }

  /// The scores of every project, in order, computed by up to `lanes` threads at once, each
  /// scoring one contiguous slice. Scores are the same whatever the number of lanes: each
  /// project is scored alone.
  public func score(_ projects: [Project], lanes: Int) -> [ProjectScore] {
    let rules = rules
    return projects.withUnsafeBufferPointer { buffer in
      [ProjectScore](unsafeUninitializedCapacity: buffer.count) { scores, initialized in
        guard let base = scores.baseAddress, let projects = buffer.baseAddress else { return }
        let count = buffer.count
        // Below a few thousand projects a thread costs more than it saves.
        let laneCount = max(1, min(lanes, count / 4096))
        let output = LaneShared(base)
        let input = LaneShared(projects)
        let scoreSlice = { @Sendable (lane: Int) in
          let start = count * lane / laneCount
          let end = count * (lane + 1) / laneCount
          var touched = 0
          for position in start..<end {
            touched &+= ProjectPrefetch.touch(input.value + position)
            rules.score(at: input.value + position, into: output.value + position)
          }
          // Keeps the reads from being optimized away; their sum is never negative.
          if touched < 0 { preconditionFailure("a negative count of touched bytes") }
        }
        if laneCount == 1 {
          scoreSlice(0)
        } else {
          DispatchQueue.concurrentPerform(iterations: laneCount, execute: scoreSlice)
        }
        initialized = count
      }
    }
  }
}

/// A buffer pointer handed to the lanes of ``ProjectScorer/score(_:lanes:)``, each of which
/// touches its own disjoint slice only.
private struct LaneShared<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
