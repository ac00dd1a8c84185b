import Analytics
import ImpactStorage

/// What an import replaces in the stored projects, and which of it is newer than the document.
///
/// The values compared in memory first (ratings that change or disappear, observed values
/// that change, amounts); only projects that lose a rating or an observed value need the
/// store's record of when those were made, so the database is read for those alone.
struct ImportComparison {
  /// The updated and deleted projects, in document order then deletion order.
  var projects: [ImportedProject] = []

  init(
    updates: [(stored: Project, imported: Project)],
    deletions: [Project],
    safeguards: ImportSafeguards,
    recordedValues: ([String]) throws -> [String: RecordedValues]
  ) rethrows {
    var drafts: [ImportedProject] = []
    for (stored, imported) in updates {
      drafts.append(
        ImportedProject(projectID: stored.id, action: .updated, replaced: Self.replaced(stored, by: imported)))
    }
    for stored in deletions {
      drafts.append(ImportedProject(projectID: stored.id, action: .deleted, replaced: Self.replaced(stored, by: nil)))
    }
    let needingDates = drafts.filter { $0.replaced.contains { $0.isRecorded } }.map(\.projectID)
    let recorded = try recordedValues(needingDates)
    for index in drafts.indices {
      guard let values = recorded[drafts[index].projectID] else { continue }
      for valueIndex in drafts[index].replaced.indices {
        var value = drafts[index].replaced[valueIndex]
        switch value.kind {
        case .rating(let criterion, let rater):
          value.recorded = values.ratings[RecordedValues.RatingKey(criterion: criterion, rater: rater)]
        case .actual(let outcomeID):
          value.recorded = values.observations[outcomeID]
        case .amount:
          break
        }
        value.newer = value.recorded.map(safeguards.isNewer) ?? false
        drafts[index].replaced[valueIndex] = value
      }
    }
    projects = drafts
  }

  /// Replaced values newer than the document, over every project.
  var newerCount: Int { projects.reduce(0) { $0 + $1.newer.count } }

  /// The projects that lose newer values, with those values only.
  var newerWork: [ImportedProject] {
    projects.compactMap { project in
      let newer = project.newer
      return newer.isEmpty
        ? nil : ImportedProject(projectID: project.projectID, action: project.action, replaced: newer)
    }
  }

  /// At most `limit` projects, those that lose something first, and how many are left out.
  func listed(limit: Int) -> (projects: [ImportedProject], leftOut: Int) {
    let losing = projects.filter { !$0.replaced.isEmpty }
    let others = projects.filter { $0.replaced.isEmpty }
    let listed = Array((losing + others).prefix(limit))
    return (listed, projects.count - listed.count)
  }

  /// The ratings, observed values and amount of `stored` that `imported` replaces or removes;
  /// everything of `stored` when `imported` is nil (a deletion).
  private static func replaced(_ stored: Project, by imported: Project?) -> [ReplacedValue] {
    var values: [ReplacedValue] = []
    var importedRatings: [RecordedValues.RatingKey: Rating] = [:]
    for rating in imported?.ratings ?? [] {
      importedRatings[RecordedValues.RatingKey(criterion: rating.criterion, rater: rating.rater)] = rating
    }
    for rating in stored.ratings {
      let replacement = importedRatings[RecordedValues.RatingKey(criterion: rating.criterion, rater: rating.rater)]
      if let replacement, replacement.value == rating.value, replacement.comment == rating.comment { continue }
      values.append(
        ReplacedValue(
          kind: .rating(criterion: rating.criterion, rater: rating.rater), before: rating.value,
          after: replacement?.value))
    }
    let importedOutcomes = Dictionary(
      (imported?.outcomes ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for outcome in stored.outcomes where outcome.actual != nil {
      let after = importedOutcomes[outcome.id]?.actual
      if after == outcome.actual { continue }
      values.append(ReplacedValue(kind: .actual(outcomeID: outcome.id), before: outcome.actual, after: after))
    }
    if let imported, imported.amount != stored.amount {
      values.append(ReplacedValue(kind: .amount, before: stored.amount, after: imported.amount))
    } else if imported == nil, stored.amount != 0 {
      values.append(ReplacedValue(kind: .amount, before: stored.amount, after: nil))
    }
    return values
  }
}

extension ReplacedValue {
  /// Whether the store keeps when this kind of value was recorded.
  fileprivate var isRecorded: Bool {
    if case .amount = kind { return false }
    return true
  }
}
