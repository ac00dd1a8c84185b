public import Analytics
public import Foundation

/// The portfolio as it stands at one revision, with every project's score: an immutable value
/// that readers take and answer from while the writer prepares the next one.
///
/// Projects are kept sorted by id (stable paging, deterministic output); `scores` is parallel to
/// `projects`, so portfolio figures are one pass over contiguous memory.
public struct PortfolioSnapshot: Sendable {
  public let revision: Int64
  /// When the revision was committed; `nil` for an empty store that never committed.
  public let committedAt: Date?
  public let scheme: Scheme
  public let projects: [Project]
  public let scores: [ProjectScore]
  private let lazyFigures = LazyFigures()

  /// Builds a snapshot, scoring every project on every core. Used at start-up and when the
  /// scheme changes.
  ///
  /// Projects already in id order (as the loader reads them) are taken as they are; the check
  /// is one pass, the sort it saves copies every project.
  init(revision: Int64, committedAt: Date?, scheme: Scheme, projects: [Project]) {
    let sorted = Self.isInIDOrder(projects) ? projects : projects.sorted { $0.id < $1.id }
    let scorer = ProjectScorer(scheme: scheme)
    self.init(
      revision: revision,
      committedAt: committedAt,
      scheme: scheme,
      sortedProjects: sorted,
      scores: scorer.score(sorted, lanes: ProcessInfo.processInfo.activeProcessorCount)
    )
  }

  /// Compares ids in place: `projects[i].id` would copy each whole project first.
  private static func isInIDOrder(_ projects: [Project]) -> Bool {
    projects.withUnsafeBufferPointer { buffer in
      guard var previous = buffer.baseAddress, buffer.count > 1 else { return true }
      for next in (previous + 1)..<(previous + buffer.count) {
        guard previous.pointee.id < next.pointee.id else { return false }
        previous = next
      }
      return true
    }
  }

  private init(
    revision: Int64,
    committedAt: Date?,
    scheme: Scheme,
    sortedProjects: [Project],
    scores: [ProjectScore]
  ) {
    self.revision = revision
    self.committedAt = committedAt
    self.scheme = scheme
    self.projects = sortedProjects
    self.scores = scores
  }

  public func project(_ id: String) -> Project? {
    position(of: id).map { projects[$0] }
  }

  public func score(_ id: String) -> ProjectScore? {
    position(of: id).map { scores[$0] }
  }

  /// Where the project `id` is: a binary search of the projects, which are in id order. No
  /// index by id is kept: building one (100 000 hashed ids) cost more than the rest of a
  /// one-project write at 100 000 projects, and a search is 17 comparisons there.
  private func position(of id: String) -> Int? {
    let index = Self.insertionIndex(of: id, in: projects)
    guard index < projects.count else { return nil }
    let found = projects.withUnsafeBufferPointer { $0[index].id == id }
    return found ? index : nil
  }

  /// The ranking and summary of the whole portfolio at this revision (computed on first use).
  public var figures: PortfolioFigures {
    lazyFigures.value { PortfolioFigures(scores: scores, scheme: scheme) }
  }

  public func contains(_ id: String) -> Bool {
    position(of: id) != nil
  }

  /// Where `id` goes in `projects`, sorted by id: the index of the first project with a
  /// larger id (reading only ids, not copies of the projects).
  private static func insertionIndex(of id: String, in projects: [Project]) -> Int {
    projects.withUnsafeBufferPointer { buffer in
      var low = 0
      var high = buffer.count
      while low < high {
        let middle = (low + high) / 2
        if buffer[middle].id < id { low = middle + 1 } else { high = middle }
      }
      return low
    }
  }

  /// The next snapshot after upserting `changed` and removing `removed`, rescoring only the
  /// projects that changed.
  func applying(
    upserts changed: [Project],
    removals removed: [String],
    revision: Int64,
    committedAt: Date
  ) -> PortfolioSnapshot {
    let scorer = ProjectScorer(scheme: scheme)
    var projects = self.projects
    var scores = self.scores
    var inserts: [Project] = []
    for project in changed {
      if let position = position(of: project.id) {
        projects[position] = project
        scores[position] = scorer.score(project)
      } else {
        inserts.append(project)
      }
    }
    let removedSet = Set(removed).filter { position(of: $0) != nil }
    if !removedSet.isEmpty {
      var keptProjects: [Project] = []
      var keptScores: [ProjectScore] = []
      keptProjects.reserveCapacity(projects.count - removedSet.count + inserts.count)
      keptScores.reserveCapacity(projects.count - removedSet.count + inserts.count)
      for position in projects.indices where !removedSet.contains(projects[position].id) {
        keptProjects.append(projects[position])
        keptScores.append(scores[position])
      }
      projects = keptProjects
      scores = keptScores
    }
    if !inserts.isEmpty {
      // The stored projects stay in id order: a few new ones go to their place (a binary
      // search and a move), many are merged in one pass; no sort of the whole portfolio.
      inserts.sort { $0.id < $1.id }
      if inserts.count <= 64 {
        for project in inserts {
          let index = Self.insertionIndex(of: project.id, in: projects)
          projects.insert(project, at: index)
          scores.insert(scorer.score(project), at: index)
        }
      } else {
        var mergedProjects: [Project] = []
        var mergedScores: [ProjectScore] = []
        mergedProjects.reserveCapacity(projects.count + inserts.count)
        mergedScores.reserveCapacity(projects.count + inserts.count)
        var next = 0
        for project in inserts {
          while next < projects.count, projects[next].id < project.id {
            mergedProjects.append(projects[next])
            mergedScores.append(scores[next])
            next += 1
          }
          mergedProjects.append(project)
          mergedScores.append(scorer.score(project))
        }
        mergedProjects.append(contentsOf: projects[next...])
        mergedScores.append(contentsOf: scores[next...])
        projects = mergedProjects
        scores = mergedScores
      }
    }
    return PortfolioSnapshot(
      revision: revision,
      committedAt: committedAt,
      scheme: scheme,
      sortedProjects: projects,
      scores: scores
    )
  }
}
