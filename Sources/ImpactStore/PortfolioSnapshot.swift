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
  private let positions: [String: Int]
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
      scores: scorer.score(sorted, lanes: ProcessInfo.processInfo.activeProcessorCount),
      positions: nil
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
    scores: [ProjectScore],
    positions: [String: Int]?
  ) {
    self.revision = revision
    self.committedAt = committedAt
    self.scheme = scheme
    self.projects = sortedProjects
    self.scores = scores
    if let positions {
      self.positions = positions
    } else {
      var built: [String: Int] = [:]
      built.reserveCapacity(sortedProjects.count)
      // Through the buffer, so that only the id is read, not a copy of each project.
      sortedProjects.withUnsafeBufferPointer { buffer in
        for position in buffer.indices { built[buffer[position].id] = position }
      }
      self.positions = built
    }
  }

  public func project(_ id: String) -> Project? {
    positions[id].map { projects[$0] }
  }

  public func score(_ id: String) -> ProjectScore? {
    positions[id].map { scores[$0] }
  }

  /// The ranking and summary of the whole portfolio at this revision (computed on first use).
  public var figures: PortfolioFigures {
    lazyFigures.value { PortfolioFigures(scores: scores, scheme: scheme) }
  }

  public func contains(_ id: String) -> Bool {
    positions[id] != nil
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
    var structureChanged = false
    var inserts: [Project] = []
    for project in changed {
      if let position = positions[project.id] {
        projects[position] = project
        scores[position] = scorer.score(project)
      } else {
        inserts.append(project)
      }
    }
    let removedSet = Set(removed).filter { positions[$0] != nil }
    if !removedSet.isEmpty || !inserts.isEmpty {
      structureChanged = true
      var merged: [(Project, ProjectScore)] = []
      merged.reserveCapacity(projects.count + inserts.count)
      for position in projects.indices where !removedSet.contains(projects[position].id) {
        merged.append((projects[position], scores[position]))
      }
      for project in inserts { merged.append((project, scorer.score(project))) }
      merged.sort { $0.0.id < $1.0.id }
      projects = merged.map(\.0)
      scores = merged.map(\.1)
    }
    return PortfolioSnapshot(
      revision: revision,
      committedAt: committedAt,
      scheme: scheme,
      sortedProjects: projects,
      scores: scores,
      positions: structureChanged ? nil : positions
    )
  }
}
