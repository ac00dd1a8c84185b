public import Analytics

extension Impact_V1_Project {
  /// The message of `project`. Ratings carry no `rated_at`: the model does not keep it.
  public init(_ project: Project) {
    self.init()
    id = project.id
    name = project.name
    programme = project.programme
    territory = project.territory
    status = Impact_V1_ProjectStatus(project.status)
    amount = project.amount
    if let evidenceLevel = project.evidenceLevel { self.evidenceLevel = Int32(clamping: evidenceLevel) }
    risks = project.risks.mapValues { Int32(clamping: $0) }
    ratings = project.ratings.map { Impact_V1_Rating($0) }
    outcomes = project.outcomes.map { Impact_V1_Outcome($0) }
    if let extra = project.extra { extraJson = extra }
  }
}

extension Project {
  /// The project `proto` describes. Enum values it cannot map are refused with the field's path
  /// under `fieldPath` (`project.outcomes[2].direction`); every other rule (ranges, ids, shares,
  /// the scheme's domains) is for validation, which sees the resulting model.
  public init(proto: Impact_V1_Project, fieldPath: String = "project") throws(APIMappingError) {
    var outcomes: [Outcome] = []
    outcomes.reserveCapacity(proto.outcomes.count)
    for (index, outcome) in proto.outcomes.enumerated() {
      outcomes.append(try Outcome(proto: outcome, fieldPath: "\(fieldPath).outcomes[\(index)]"))
    }
    self.init(
      id: proto.id,
      name: proto.name,
      programme: proto.programme,
      territory: proto.territory,
      status: try ProjectStatus(proto: proto.status, fieldPath: "\(fieldPath).status"),
      amount: proto.amount,
      evidenceLevel: proto.hasEvidenceLevel ? Int(proto.evidenceLevel) : nil,
      risks: proto.risks.mapValues { Int($0) },
      ratings: proto.ratings.map { Rating(proto: $0) },
      outcomes: outcomes,
      extra: proto.hasExtraJson ? proto.extraJson : nil
    )
  }
}
