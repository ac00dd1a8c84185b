public import Analytics

/// Deterministic generated portfolios for benchmarks, property tests and load tests.
///
/// Every project is valid under the default scheme: shares sum to 1, thresholds lie strictly
/// beyond baselines in the direction of improvement, fractions are in [0, 1]. The portfolio
/// spreads over all ten default domains, every status, several programmes and territories,
/// and holds indicator and survey outcomes, some harmful ones, 1–4 outcomes per project and
/// 1–3 raters per criterion.
///
/// ```swift
/// let projects = SyntheticPortfolio.generate(projects: 100_000, seed: 42)
/// ```
public enum SyntheticPortfolio {
  static let programmes = [
    "Insertion", "Hébergement", "Santé mobile", "Aide alimentaire", "Éducation", "Transition", "Citoyenneté",
    "Accès aux droits",
  ]
  static let territories = [
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est",
    "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire",
    "Provence-Alpes-Côte d'Azur",
  ]
  static let raters = ["amel", "bruno", "chloe", "driss", "eva", "farid", "gaelle", "hugo"]
  static let statuses: [(ProjectStatus, Double)] = [
    (.pipeline, 0.15), (.committee, 0.15), (.funded, 0.5), (.closed, 0.12), (.rejected, 0.08),
  ]

  /// `projects` projects generated from `seed`; the same arguments always give the same projects.
  public static func generate(projects count: Int, seed: UInt64, scheme: Scheme = .impactV1) -> [Project] {
    var random = SplitMix64(seed: seed)
    return (0..<max(count, 0)).map { project(number: $0, scheme: scheme, random: &random) }
  }

  /// One generated project with the id `p` followed by `number` on six digits.
  public static func project(number: Int, scheme: Scheme = .impactV1, random: inout SplitMix64) -> Project {
    let id = "p" + String(number).leftPadded(to: 6)
    let programme = random.pick(programmes)
    var status = ProjectStatus.funded
    var draw = random.unit()
    for (candidate, probability) in statuses {
      if draw < probability {
        status = candidate
        break
      }
      draw -= probability
    }
    let amount = random.chance(0.02) ? 0 : (random.uniform(10...2_000) * 1_000).rounded()
    let evidenceLevel: Int? = random.chance(0.2) ? nil : random.integer(1...5)

    var risks: [String: Int] = [:]
    if !random.chance(0.1) {
      for type in scheme.riskTypes where random.chance(0.7) {
        risks[type] = random.integer(0...3)
      }
    }

    var ratings: [Rating] = []
    for criterion in scheme.criteria {
      let raterCount = random.integer(1...3)
      let first = random.integer(0...(raters.count - 1))
      let centre = Double(random.integer(0...4))
      for offset in 0..<raterCount {
        let value = min(4, max(0, centre + Double(random.integer(-1...1))))
        ratings.append(Rating(criterion: criterion.id, rater: raters[(first + offset) % raters.count], value: value))
      }
    }

    let outcomeCount = random.integer(1...4)
    let shares = shares(count: outcomeCount, random: &random)
    let outcomes = (0..<outcomeCount).map { position in
      outcome(number: position, share: shares[position], scheme: scheme, random: &random)
    }

    return Project(
      id: id,
      name: "\(programme) \(id)",
      programme: programme,
      territory: random.pick(territories),
      status: status,
      amount: amount,
      evidenceLevel: evidenceLevel,
      risks: risks,
      ratings: ratings,
      outcomes: outcomes
    )
  }

  /// Shares in twentieths, at least one each, summing to 1; `nil` everywhere (equal shares)
  /// for one project in five.
  static func shares(count: Int, random: inout SplitMix64) -> [Double?] {
    if random.chance(0.2) { return Array(repeating: nil, count: count) }
    var units = Array(repeating: 1, count: count)
    for _ in 0..<(20 - count) {
      units[random.integer(0...(count - 1))] += 1
    }
    return units.map { Double($0) / 20 }
  }

  static func outcome(number: Int, share: Double?, scheme: Scheme, random: inout SplitMix64) -> Outcome {
    let domain = scheme.domains.isEmpty ? "" : random.pick(scheme.domains).id
    var outcome = Outcome(id: "o\(number + 1)", domain: domain, share: share)
    let harmful = random.chance(0.03)
    if harmful || random.chance(0.75) {
      let direction: Direction = random.chance(0.7) ? .higherIsBetter : .lowerIsBetter
      let baseline = random.uniform(10...100).rounded()
      let gap = (baseline * random.uniform(0.2...0.8)).rounded() + 1
      let sign: Double = direction == .higherIsBetter ? 1 : -1
      let threshold = baseline + sign * gap
      outcome.indicator = "indicator \(number + 1)"
      outcome.unit = "%"
      outcome.direction = direction
      outcome.baseline = baseline
      outcome.threshold = threshold
      if random.chance(0.7) {
        outcome.target = baseline + sign * gap * random.uniform(0.5...1.2)
      }
      if harmful {
        outcome.actual = baseline - sign * gap * random.uniform(0...0.5)
        outcome.harmful = true
      } else if random.chance(0.9) {
        outcome.actual = baseline + sign * gap * random.uniform(-0.1...1.3)
      }
    } else if random.chance(0.85) {
      let veryMuch = random.uniform(0...0.8)
      outcome.indicator = "perceived improvement \(number + 1)"
      outcome.unit = "share of respondents"
      outcome.survey = Survey(veryMuch: veryMuch, slightly: random.uniform(0...(1 - veryMuch)))
    }
    if !random.chance(0.05) {
      outcome.reach = (random.uniform(1...5).exponentiated()).rounded()
    }
    if !random.chance(0.1) {
      outcome.durationYears = random.integer(0...10)
      if random.chance(0.7) { outcome.dropOff = random.uniform(0...0.5) }
    }
    if !random.chance(0.1) {
      outcome.deadweight = random.uniform(0...0.6)
      outcome.attribution = random.uniform(0...0.6)
      if random.chance(0.5) { outcome.displacement = random.uniform(0...0.3) }
    }
    if random.chance(0.3) {
      outcome.financialProxy = random.uniform(100...5_000).rounded()
    }
    if random.chance(0.15) {
      outcome.nature = .mitigation
    }
    return outcome
  }
}

extension Double {
  /// 10 raised to this power, by repeated multiplication so it is the same on every platform.
  fileprivate func exponentiated() -> Double {
    let whole = Int(self)
    var result = 1.0
    for _ in 0..<whole { result *= 10 }
    // A first-order step between whole powers is enough for a spread of reaches.
    return result * (1 + 9 * (self - Double(whole)))
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: "0", count: length - count) + self
  }
}
