import Analytics
import GRPCCore

extension DaemonConfiguration.Limits {
  /// Refuses with RESOURCE_EXHAUSTED a request whose projects carry, all together, more
  /// projects, outcomes or committee ratings than the limits allow.
  ///
  /// A project's outcomes and ratings are unbounded in the format, so the project limit alone
  /// does not bound the memory and the transaction a request costs.
  /// - Parameters:
  ///   - field: the request field that holds the projects, named in the message.
  ///   - what: what the request is, for the message ("import", "simulation").
  func checkContents(of projects: [Project], field: String, what: String) throws {
    try checkContents(
      projects: projects.count,
      outcomes: projects.reduce(0) { $0 + $1.outcomes.count },
      ratings: projects.reduce(0) { $0 + $1.ratings.count },
      field: field,
      what: what
    )
  }

  /// ``checkContents(of:field:what:)`` on counts, for a request whose projects are not decoded
  /// whole (a partial update).
  func checkContents(projects: Int, outcomes: Int, ratings: Int, field: String, what: String) throws {
    let carried = projects == 1 ? "1 project" : "\(projects) projects"
    guard projects <= maxProjectsPerRequest else {
      throw RPCErrorFactory.tooLarge(
        field, "at most \(maxProjectsPerRequest) projects per \(what) (limits.maxProjectsPerRequest), got \(projects)")
    }
    guard outcomes <= maxOutcomesPerRequest else {
      throw RPCErrorFactory.tooLarge(
        field,
        "at most \(maxOutcomesPerRequest) outcomes per \(what) (limits.maxOutcomesPerRequest), "
          + "got \(outcomes) over \(carried)")
    }
    guard ratings <= maxRatingsPerRequest else {
      throw RPCErrorFactory.tooLarge(
        field,
        "at most \(maxRatingsPerRequest) ratings per \(what) (limits.maxRatingsPerRequest), "
          + "got \(ratings) over \(carried)")
    }
  }
}
