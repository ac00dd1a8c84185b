public import Analytics

extension Impact_V1_Outcome {
  /// The message of `outcome`; absent values stay unset.
  public init(_ outcome: Outcome) {
    self.init()
    id = outcome.id
    domain = outcome.domain
    if let share = outcome.share { self.share = share }
    if let indicator = outcome.indicator { self.indicator = indicator }
    if let indicatorID = outcome.indicatorID { self.indicatorID = indicatorID }
    if let impactID = outcome.impactID { self.impactID = impactID }
    if let unit = outcome.unit { self.unit = unit }
    direction = Impact_V1_Direction(outcome.direction)
    if let baseline = outcome.baseline { self.baseline = baseline }
    if let threshold = outcome.threshold { self.threshold = threshold }
    if let target = outcome.target { self.target = target }
    targets = outcome.targets.map { target in
      var message = Impact_V1_PeriodTarget()
      message.period = target.period
      message.value = target.value
      return message
    }
    if let actual = outcome.actual { self.actual = actual }
    if let survey = outcome.survey { self.survey = Impact_V1_Survey(survey) }
    if let reach = outcome.reach { self.reach = reach }
    if let durationYears = outcome.durationYears { self.durationYears = Int32(clamping: durationYears) }
    if let dropOff = outcome.dropOff { self.dropOff = dropOff }
    if let deadweight = outcome.deadweight { self.deadweight = deadweight }
    if let attribution = outcome.attribution { self.attribution = attribution }
    if let displacement = outcome.displacement { self.displacement = displacement }
    if let financialProxy = outcome.financialProxy { self.financialProxy = financialProxy }
    harmful = outcome.harmful
    nature = Impact_V1_OutcomeNature(outcome.nature)
  }
}

extension Outcome {
  /// The outcome `proto` describes. Enum values it cannot map are refused with the field's
  /// path under `fieldPath` (`project.outcomes[2]`); ranges are checked by validation.
  public init(proto: Impact_V1_Outcome, fieldPath: String) throws(APIMappingError) {
    self.init(
      id: proto.id,
      domain: proto.domain,
      share: proto.hasShare ? proto.share : nil,
      indicator: proto.hasIndicator ? proto.indicator : nil,
      indicatorID: proto.hasIndicatorID ? proto.indicatorID : nil,
      unit: proto.hasUnit ? proto.unit : nil,
      direction: try Direction.from(proto: proto.direction, fieldPath: "\(fieldPath).direction"),
      baseline: proto.hasBaseline ? proto.baseline : nil,
      threshold: proto.hasThreshold ? proto.threshold : nil,
      target: proto.hasTarget ? proto.target : nil,
      actual: proto.hasActual ? proto.actual : nil,
      survey: proto.hasSurvey ? Survey(proto: proto.survey) : nil,
      reach: proto.hasReach ? proto.reach : nil,
      durationYears: proto.hasDurationYears ? Int(proto.durationYears) : nil,
      dropOff: proto.hasDropOff ? proto.dropOff : nil,
      deadweight: proto.hasDeadweight ? proto.deadweight : nil,
      attribution: proto.hasAttribution ? proto.attribution : nil,
      displacement: proto.hasDisplacement ? proto.displacement : nil,
      financialProxy: proto.hasFinancialProxy ? proto.financialProxy : nil,
      harmful: proto.harmful,
      nature: try OutcomeNature(proto: proto.nature, fieldPath: "\(fieldPath).nature"),
      targets: proto.targets.map { PeriodTarget(period: $0.period, value: $0.value) },
      impactID: proto.hasImpactID ? proto.impactID : nil
    )
  }
}
