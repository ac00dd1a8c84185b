import Analytics
import Foundation
import ImpactAPI
import ImpactStore
import SwiftProtobuf

extension Impact_V1_At {
  /// The moment this selector names; `.now` when no point is set.
  var pointInTime: PointInTime {
    switch point {
    case .snapshot(let name): .snapshot(name)
    case .revision(let revision): .revision(revision)
    case .time(let time): .time(time.date)
    case .date(let text): .date(text)
    case nil: .now
    }
  }

  var schemeChoice: SchemeChoice {
    scheme == .current ? .current : .then
  }
}

extension PortfolioStore {
  /// The portfolio a read request's `at` selector names (now when the request has none).
  func snapshot(for at: Impact_V1_At?) async throws -> PortfolioSnapshot {
    guard let at else { return snapshot }
    if case .snapshot(let name) = at.point {
      try RequestText.check(name, field: "at.snapshot", limit: SnapshotName.maximumLength)
    }
    if case .date(let text) = at.point {
      try RequestText.check(text, field: "at.date", limit: 32)
    }
    return try await snapshot(at: at.pointInTime, scheme: at.schemeChoice)
  }
}

extension Impact_V1_ResolvedAt {
  /// What a state read from history stands for.
  init(_ snapshot: PortfolioSnapshot, name: String = "", currentScheme: Bool) {
    self.init()
    revision = snapshot.revision
    if let committedAt = snapshot.committedAt { self.committedAt = Google_Protobuf_Timestamp(date: committedAt) }
    self.snapshot = name
    schemeID = snapshot.scheme.id
    self.currentScheme = currentScheme
  }
}
