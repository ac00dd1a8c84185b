import GRPCCore
import ImpactStorage
import ImpactStore

/// The explanations of the refusals that protect the stored portfolio from an import, in the
/// caller's language (catalogue MARK `import-safety`).
enum ImportRefusal {
  /// The most projects, and values, a refusal names.
  static let maximumListed = 50

  /// An import that would undo ratings or observed values newer than the document: one item
  /// per value, naming the project, what it is, and when and at which revision it was recorded.
  static func newerWork(
    _ projects: [ImportedProject], safeguards: ImportSafeguards, code: RPCError.Code, english: String
  ) -> DaemonErrorExplanation {
    let key: String
    var values: [String: String] = [:]
    if let revision = safeguards.documentRevision {
      key = "daemon.import.newer.revision"
      values["document_revision"] = "\(revision)"
    } else if let time = safeguards.documentTime {
      key = "daemon.import.newer.time"
      values["document_time"] = StoredTimestamp.text(time)
    } else {
      key = "daemon.import.newer.undated"
    }
    // The first projects and values are named; beyond them the trailer the refusal travels in
    // would exceed what an HTTP/2 peer accepts (a replacement can undo thousands of values).
    let left = projects.count - maximumListed
    values["projects"] =
      projects.prefix(maximumListed).map(\.projectID).joined(separator: ", ") + (left > 0 ? ", … (+\(left))" : "")
    var items: [DaemonErrorExplanation.Item] = []
    for project in projects.prefix(maximumListed) {
      for value in project.replaced where items.count < maximumListed {
        var itemValues = ["project": project.projectID]
        itemValues["revision"] = value.recorded.map { "\($0.revision)" } ?? ""
        itemValues["at"] = value.recorded.map { StoredTimestamp.text($0.at) } ?? ""
        let itemKey: String
        let english: String
        switch value.kind {
        case .rating(let criterion, let rater):
          itemKey = "daemon.import.newer.rating"
          itemValues["criterion"] = criterion
          itemValues["rater"] = rater
          english = "rating \(criterion) by \(rater), recorded at revision \(itemValues["revision"] ?? "")"
        case .actual(let outcomeID):
          itemKey = "daemon.import.newer.actual"
          itemValues["outcome"] = outcomeID
          english = "observed value of outcome \(outcomeID), recorded at revision \(itemValues["revision"] ?? "")"
        case .amount:
          continue
        }
        items.append(
          DaemonErrorExplanation.Item(
            field: "projects[\(project.projectID)]", rule: "newer_than_document", key: itemKey, values: itemValues,
            english: english))
      }
    }
    return DaemonErrorExplanation(
      code: code, reason: "NEWER_THAN_DOCUMENT", key: key, values: values, items: items, englishMessage: english)
  }
}
