import ImpactAPI
import Localization

// Short lowercase names for the enums of the contract, as the exchange formats spell them
// (`displayName`: CSV and scripts read these), and the words people read in their language
// (`label(_:)`: tables and text).

/// An enum of the contract with a stable name for scripts and a label for people.
protocol LabelledValue {
  /// The name CSV and scripts read, the same in every language.
  var displayName: String { get }
  /// The word people read, in the language of `l`.
  func label(_ l: Localizer) -> String
}

extension Cell {
  /// An enum value: its label for people, its stable name in CSV.
  init(_ value: some LabelledValue, _ l: Localizer) {
    self.init(display: value.label(l), csv: value.displayName)
  }
}

extension Impact_V1_ProjectStatus {
  var displayName: String {
    switch self {
    case .pipeline: "pipeline"
    case .committee: "committee"
    case .funded: "funded"
    case .closed: "closed"
    case .rejected: "rejected"
    case .unspecified: "unspecified"
    case .UNRECOGNIZED(let value): "status(\(value))"
    }
  }
}

extension Impact_V1_DepthClass {
  var displayName: String {
    switch self {
    case .marginal: "marginal"
    case .moderate: "moderate"
    case .significant: "significant"
    case .deep: "deep"
    case .unspecified: "unspecified"
    case .UNRECOGNIZED(let value): "depth(\(value))"
    }
  }

  /// The classes of the coverage matrix, shallow to deep.
  static let ordered: [Impact_V1_DepthClass] = [.marginal, .moderate, .significant, .deep]
}

extension Impact_V1_ImpactClass {
  var displayName: String {
    switch self {
    case .harm: "harm"
    case .actToAvoidHarm: "A"
    case .benefitStakeholders: "B"
    case .contributeToSolutions: "C"
    case .unclassified: "none"
    case .unspecified: "unspecified"
    case .UNRECOGNIZED(let value): "class(\(value))"
    }
  }
}

extension Impact_V1_ChangeKind {
  var displayName: String {
    switch self {
    case .projectCreated: "project_created"
    case .projectUpdated: "project_updated"
    case .projectDeleted: "project_deleted"
    case .observationRecorded: "observation_recorded"
    case .ratingRecorded: "rating_recorded"
    case .portfolioImported: "portfolio_imported"
    case .portfolioReplaced: "portfolio_replaced"
    case .schemeChanged: "scheme_changed"
    case .snapshotCreated: "snapshot_created"
    case .snapshotDeleted: "snapshot_deleted"
    case .frameworkSet: "framework_set"
    case .unspecified: "unspecified"
    case .UNRECOGNIZED(let value): "kind(\(value))"
    }
  }
}

extension Impact_V1_Direction {
  var displayName: String {
    switch self {
    case .higherIsBetter: "higher_is_better"
    case .lowerIsBetter: "lower_is_better"
    case .unspecified: ""
    case .UNRECOGNIZED(let value): "direction(\(value))"
    }
  }
}

extension Impact_V1_RankChangeKind {
  var displayName: String {
    switch self {
    case .added: "added"
    case .removed: "removed"
    case .moved: "moved"
    case .unchanged: "unchanged"
    case .unspecified: "unspecified"
    case .UNRECOGNIZED(let value): "change(\(value))"
    }
  }
}

extension Impact_V1_ProjectStatus: LabelledValue {
  func label(_ l: Localizer) -> String {
    switch self {
    case .pipeline: l("enum.status.pipeline")
    case .committee: l("enum.status.committee")
    case .funded: l("enum.status.funded")
    case .closed: l("enum.status.closed")
    case .rejected: l("enum.status.rejected")
    case .unspecified: l("enum.status.unspecified")
    case .UNRECOGNIZED: displayName
    }
  }
}

extension Impact_V1_DepthClass: LabelledValue {
  func label(_ l: Localizer) -> String {
    switch self {
    case .marginal: l("enum.depth_class.marginal")
    case .moderate: l("enum.depth_class.moderate")
    case .significant: l("enum.depth_class.significant")
    case .deep: l("enum.depth_class.deep")
    case .unspecified: l("enum.depth_class.unspecified")
    case .UNRECOGNIZED: displayName
    }
  }
}

extension Impact_V1_ImpactClass: LabelledValue {
  func label(_ l: Localizer) -> String {
    switch self {
    case .harm: l("enum.impact_class.harm")
    case .actToAvoidHarm: l("enum.impact_class.a")
    case .benefitStakeholders: l("enum.impact_class.b")
    case .contributeToSolutions: l("enum.impact_class.c")
    case .unclassified: l("enum.impact_class.none")
    case .unspecified: l("enum.impact_class.unspecified")
    case .UNRECOGNIZED: displayName
    }
  }
}

extension Impact_V1_ChangeKind: LabelledValue {
  func label(_ l: Localizer) -> String {
    switch self {
    case .projectCreated: l("enum.change_kind.project_created")
    case .projectUpdated: l("enum.change_kind.project_updated")
    case .projectDeleted: l("enum.change_kind.project_deleted")
    case .observationRecorded: l("enum.change_kind.observation_recorded")
    case .ratingRecorded: l("enum.change_kind.rating_recorded")
    case .portfolioImported: l("enum.change_kind.portfolio_imported")
    case .portfolioReplaced: l("enum.change_kind.portfolio_replaced")
    case .schemeChanged: l("enum.change_kind.scheme_changed")
    case .snapshotCreated: l("enum.change_kind.snapshot_created")
    case .snapshotDeleted: l("enum.change_kind.snapshot_deleted")
    case .frameworkSet: l("enum.change_kind.framework_set")
    case .unspecified: l("enum.change_kind.unspecified")
    case .UNRECOGNIZED: displayName
    }
  }
}

extension Impact_V1_RankChangeKind: LabelledValue {
  func label(_ l: Localizer) -> String {
    switch self {
    case .added: l("enum.rank_change.added")
    case .removed: l("enum.rank_change.removed")
    case .moved: l("enum.rank_change.moved")
    case .unchanged: l("enum.rank_change.unchanged")
    case .unspecified: l("enum.rank_change.unspecified")
    case .UNRECOGNIZED: displayName
    }
  }
}
