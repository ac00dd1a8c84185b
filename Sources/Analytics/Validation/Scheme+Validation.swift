extension Scheme {
  /// Tolerance on the sum of a group of weights.
  public static let weightSumTolerance = 1e-9
  /// Most criteria, domains or risk types a scheme may have; a list over it is reported once
  /// and not checked item by item.
  public static let maximumEntries = 100

  /// Every rule this scheme breaks; empty when it can be used. A scheme with any issue is
  /// refused whole.
  public func validate() -> [SchemeIssue] {
    var issues: [SchemeIssue] = []
    func add(_ path: String, _ rule: SchemeRule, _ message: String, _ values: [String: String] = [:]) {
      issues.append(
        SchemeIssue(path: path, rule: rule, message: "\(message) (rule \(rule.code))", values: values))
    }
    func checkID(_ id: String, at path: String) {
      if !IdentifierSyntax.isValid(id) {
        add(
          path, .invalidID, "id \"\(Validator.shown(id))\" is invalid: \(IdentifierSyntax.explanation(id))",
          ["value": Validator.shown(id)])
      }
    }
    func checkUnique(_ ids: [String], at path: String, what: String) {
      var seen: Set<String> = []
      for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
        add(
          "\(path)[\(index)].id", .duplicateID, "\(what) id \"\(Validator.shown(id))\" appears more than once",
          ["value": Validator.shown(id)])
      }
    }
    func checkWeight(_ weight: Double, at path: String) {
      if !(weight >= 0 && weight <= 1) {
        add(path, .weightRange, "weight \(weight) must be in [0, 1]", ["value": "\(weight)"])
      }
    }
    func checkSum(_ weights: [Double], at path: String, group: String) {
      let sum = weights.reduce(0, +)
      if !(abs(sum - 1) <= Self.weightSumTolerance) {
        add(
          path, .weightsSum, "\(group) weights sum to \(sum), they must sum to 1 ± 1e-9",
          ["value": "\(sum)", "bound": "1 ± 1e-9"])
      }
    }

    func checkText(_ text: String, at path: String, limit: Int) {
      switch TextLimits.problem(in: text, limit: limit) {
      case nil:
        break
      case .tooLong(let length, let limit):
        add(
          path, .textTooLong, "\(path) has \(length) characters, at most \(limit) are allowed",
          ["value": "\(length)", "bound": "\(limit)"])
      case .nul:
        add(
          path, .textControlCharacter, "\(path) contains the NUL character (U+0000)",
          ["value": "U+0000", "position": ""])
      case .controlCharacter(let scalar, let position):
        let code = TextLimits.codePoint(scalar)
        add(
          path, .textControlCharacter,
          "\(path) contains the control character \(code) at position \(position); control characters and bidirectional overrides are refused",
          ["value": code, "position": "\(position)"])
      }
    }
    func checkLabel(_ label: LocalizedText, at path: String, limit: Int = TextLimits.label) {
      checkText(label.fr, at: "\(path).fr", limit: limit)
      checkText(label.en, at: "\(path).en", limit: limit)
    }

    checkID(id, at: "id")
    // Counts first: a list over its limit is not checked item by item.
    var oversized = false
    for (path, count) in [("criteria", criteria.count), ("domains", domains.count), ("risk_types", riskTypes.count)]
    where count > Self.maximumEntries {
      oversized = true
      add(
        path, .tooManyEntries, "\(path) has \(count) entries, at most \(Self.maximumEntries) are allowed",
        ["value": "\(count)", "bound": "\(Self.maximumEntries)"])
    }
    for (index, criterion) in criteria.enumerated() where criterion.levels.count > Self.maximumEntries {
      oversized = true
      add(
        "criteria[\(index)].levels", .tooManyEntries,
        "criteria[\(index)].levels has \(criterion.levels.count) entries, at most \(Self.maximumEntries) are allowed",
        ["value": "\(criterion.levels.count)", "bound": "\(Self.maximumEntries)"])
    }
    if evidenceFactors.count > Self.maximumEntries {
      oversized = true
      add(
        "evidence_factors", .evidenceFactorCount,
        "there must be five evidence factors (levels 1 to 5), found \(evidenceFactors.count)",
        ["value": "\(evidenceFactors.count)"])
    }
    if oversized || criteria.count > Self.maximumEntries { return issues }

    let weights = quantitativeWeights
    let quantitative = [
      ("scale", weights.scale), ("depth", weights.depth), ("duration", weights.duration),
      ("contribution", weights.contribution),
    ]
    for (name, weight) in quantitative { checkWeight(weight, at: "quantitative_weights.\(name)") }
    checkSum(quantitative.map(\.1), at: "quantitative_weights", group: "quantitative")

    if criteria.isEmpty {
      add("criteria", .noCriterion, "a scheme needs at least one criterion")
    } else {
      for (index, criterion) in criteria.enumerated() {
        checkID(criterion.id, at: "criteria[\(index)].id")
        checkWeight(criterion.weight, at: "criteria[\(index)].weight")
        checkLabel(criterion.label, at: "criteria[\(index)].label")
        for level in criterion.levels.keys.sorted() {
          if let text = criterion.levels[level] {
            checkLabel(text, at: "criteria[\(index)].levels.\(level)", limit: TextLimits.levelText)
          }
        }
        for level in criterion.levels.keys.sorted() where !(0...4).contains(level) {
          add(
            "criteria[\(index)].levels", .levelRange,
            "rubric level \(level) of criterion \(criterion.id) must be 0, 1, 2, 3 or 4",
            ["value": "\(level)", "criterion": criterion.id])
        }
      }
      checkUnique(criteria.map(\.id), at: "criteria", what: "criterion")
      checkSum(criteria.map(\.weight), at: "criteria", group: "criteria")
    }

    if domains.isEmpty {
      add("domains", .noDomain, "a scheme needs at least one domain")
    } else {
      for (index, domain) in domains.enumerated() {
        checkID(domain.id, at: "domains[\(index)].id")
        checkLabel(domain.label, at: "domains[\(index)].label")
      }
      checkUnique(domains.map(\.id), at: "domains", what: "domain")
    }

    for (index, riskType) in riskTypes.enumerated() {
      checkID(riskType, at: "risk_types[\(index)]")
    }
    var seenRisks: Set<String> = []
    for (index, riskType) in riskTypes.enumerated() where !seenRisks.insert(riskType).inserted {
      add(
        "risk_types[\(index)]", .duplicateID, "risk type \"\(Validator.shown(riskType))\" appears more than once",
        ["value": Validator.shown(riskType)])
    }

    if evidenceFactors.count != 5 {
      add(
        "evidence_factors", .evidenceFactorCount,
        "there must be five evidence factors (levels 1 to 5), found \(evidenceFactors.count)",
        ["value": "\(evidenceFactors.count)"])
    }
    for (index, factor) in evidenceFactors.enumerated() where !(factor > 0 && factor <= 1) {
      add(
        "evidence_factors.\(index + 1)", .evidenceFactorRange,
        "evidence factor \(factor) of level \(index + 1) must be in (0, 1]",
        ["value": "\(factor)", "level": "\(index + 1)"])
    }

    if !(blend >= 0 && blend <= 1) {
      add("blend", .blendRange, "blend \(blend) must be in [0, 1]", ["value": "\(blend)"])
    }
    if !(reachReference > 0 && reachReference.isFinite) {
      add(
        "reach_reference", .reachReferenceRange,
        "reach_reference \(reachReference) must be a finite number above 0",
        ["value": "\(reachReference)"])
    }
    if !(durationHorizonYears > 0 && durationHorizonYears.isFinite) {
      add(
        "duration_horizon_years", .durationHorizonRange,
        "duration_horizon_years \(durationHorizonYears) must be a finite number above 0",
        ["value": "\(durationHorizonYears)"])
    }
    if !(unknownRisk >= 0 && unknownRisk <= 3) {
      add(
        "unknown_risk", .unknownRiskRange,
        "unknown_risk \(unknownRisk) must be in [0, 3], the risk scale", ["value": "\(unknownRisk)"])
    }
    if !(coverageThreshold >= 0 && coverageThreshold <= 1) {
      add(
        "coverage_threshold", .thresholdRange,
        "coverage_threshold \(coverageThreshold) must be in [0, 1]", ["value": "\(coverageThreshold)"])
    }
    if !(insufficientDataBelow >= 0 && insufficientDataBelow <= 1) {
      add(
        "insufficient_data_below", .thresholdRange,
        "insufficient_data_below \(insufficientDataBelow) must be in [0, 1]",
        ["value": "\(insufficientDataBelow)"])
    }
    if !(discountRate > -1 && discountRate < 1) {
      add(
        "discount_rate", .discountRateRange, "discount_rate \(discountRate) must be in (-1, 1)",
        ["value": "\(discountRate)"])
    }
    return issues
  }

  /// Throws ``SchemeError`` listing every issue when the scheme breaks a rule.
  public func checked() throws(SchemeError) -> Scheme {
    let issues = validate()
    guard issues.isEmpty else { throw SchemeError(schemeID: id, issues: issues) }
    return self
  }
}
