import ImpactAPI

// Short lowercase names for the enums of the contract, as the exchange formats spell them.

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
