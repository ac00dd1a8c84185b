import Foundation
import ImpactAPI
import ImpactStorage
import ImpactStore
import SwiftProtobuf

extension Impact_V1_ImportPortfolioResponse {
  /// The message of an import's summary.
  init(_ summary: ImportSummary) {
    self.init()
    created = Int64(summary.created)
    updated = Int64(summary.updated)
    deleted = Int64(summary.deleted)
    unchanged = Int64(summary.unchanged)
    schemeChanged = summary.schemeChanged
    revision = summary.revision
    storedBefore = Int64(summary.storedBefore)
    projects = summary.projects.map(Impact_V1_ImportedProject.init)
    projectsLeftOut = Int64(summary.projectsLeftOut)
    newerCount = Int64(summary.newerCount)
    if let documentRevision = summary.documentRevision { self.documentRevision = documentRevision }
  }
}

extension Impact_V1_ImportedProject {
  init(_ project: ImportedProject) {
    self.init()
    projectID = project.projectID
    action = project.action == .updated ? .updated : .deleted
    replaced = project.replaced.map(Impact_V1_ReplacedValue.init)
  }
}

extension Impact_V1_ReplacedValue {
  init(_ value: ReplacedValue) {
    self.init()
    switch value.kind {
    case .rating(let criterion, let rater):
      kind = .rating
      self.criterion = criterion
      self.rater = rater
    case .actual(let outcomeID):
      kind = .actual
      self.outcomeID = outcomeID
    case .amount:
      kind = .amount
    }
    if let before = value.before { self.before = before }
    if let after = value.after { self.after = after }
    if let recorded = value.recorded {
      recordedAt = Google_Protobuf_Timestamp(date: recorded.at)
      recordedRevision = recorded.revision
    }
    newer = value.newer
  }
}
