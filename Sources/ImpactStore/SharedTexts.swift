package import Analytics

/// One `String` per distinct value of the texts that repeat across projects (programmes,
/// territories, domains, indicators, units, criteria, raters), for projects decoded from a
/// request, as the loader shares them when it reads the database (``TextInterner``): without
/// it, a daemon that imported 100 000 projects rested at ~40 % more memory than after a restart.
///
/// Texts of 15 bytes or fewer are stored inside the `String` itself and need no sharing. At
/// most ``capacity`` distinct values are kept; beyond them texts stay as they are.
package struct SharedTexts {
  static let capacity = 20_000

  private var known: [String: String] = [:]

  package init() {}

  private mutating func shared(_ text: String) -> String {
    guard text.utf8.count > 15 else { return text }
    if let existing = known[text] { return existing }
    if known.count < Self.capacity { known[text] = text }
    return text
  }

  private mutating func shared(_ text: String?) -> String? {
    text.map { shared($0) }
  }

  /// `project` with its repeated texts replaced by the shared copies.
  package mutating func share(_ project: inout Project) {
    project.programme = shared(project.programme)
    project.territory = shared(project.territory)
    for index in project.outcomes.indices {
      project.outcomes[index].domain = shared(project.outcomes[index].domain)
      project.outcomes[index].indicator = shared(project.outcomes[index].indicator)
      project.outcomes[index].indicatorID = shared(project.outcomes[index].indicatorID)
      project.outcomes[index].unit = shared(project.outcomes[index].unit)
    }
    for index in project.ratings.indices {
      project.ratings[index].criterion = shared(project.ratings[index].criterion)
      project.ratings[index].rater = shared(project.ratings[index].rater)
    }
  }
}
