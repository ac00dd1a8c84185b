import Analytics
import GRPCCore
import ImpactAPI
import ImpactConfiguration
import ImpactStore

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
    // `what` is a word of the catalogue (`daemon.limit.what.import`) for the other languages.
    var values = ["what_key": "daemon.limit.what.\(what)", "projects": "\(projects)"]
    guard projects <= maxProjectsPerRequest else {
      values.merge(["limit": "\(maxProjectsPerRequest)", "value": "\(projects)"]) { $1 }
      throw RPCErrorFactory.tooLarge(
        field, "at most \(maxProjectsPerRequest) projects per \(what) (limits.maxProjectsPerRequest), got \(projects)",
        rule: "too_many_projects", values: values)
    }
    guard outcomes <= maxOutcomesPerRequest else {
      values.merge(["limit": "\(maxOutcomesPerRequest)", "value": "\(outcomes)"]) { $1 }
      throw RPCErrorFactory.tooLarge(
        field,
        "at most \(maxOutcomesPerRequest) outcomes per \(what) (limits.maxOutcomesPerRequest), "
          + "got \(outcomes) over \(carried)", rule: "too_many_outcomes", values: values)
    }
    guard ratings <= maxRatingsPerRequest else {
      values.merge(["limit": "\(maxRatingsPerRequest)", "value": "\(ratings)"]) { $1 }
      throw RPCErrorFactory.tooLarge(
        field,
        "at most \(maxRatingsPerRequest) ratings per \(what) (limits.maxRatingsPerRequest), "
          + "got \(ratings) over \(carried)", rule: "too_many_ratings", values: values)
    }
  }

  /// Refuses with INVALID_ARGUMENT (rules `outcome_count`, `too_many_ratings`,
  /// `too_many_risks`) the projects of a request whose lists are longer than a project may
  /// hold, from the sizes of the messages alone: before anything is built or checked per
  /// outcome, rating or risk, so that such a request costs no more than reading it.
  func checkShapes(of projects: [Impact_V1_Project], scheme: Scheme) throws {
    let shapes = projects.map { project in
      ProjectShape(
        id: project.id, outcomes: project.outcomes.count, ratings: project.ratings.count, risks: project.risks.count)
    }
    if let error = Validator(scheme: scheme).shapeError(shapes) { throw StoreError.invalid(error) }
  }
}
