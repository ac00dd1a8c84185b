/// Everything the sheet of one project shows.
public struct ProjectSheetInput: Sendable, Codable, Equatable {
  /// An outcome with its indicator and scores.
  public struct Outcome: Sendable, Codable, Equatable {
    /// One recorded value of the indicator.
    public struct Observation: Sendable, Codable, Equatable {
      public var period: String
      public var value: Double
      public init(period: String, value: Double) {
        self.period = period
        self.value = value
      }
    }

    public var id: String
    public var domain: String
    public var share: Double
    public var indicator: String
    public var unit: String
    /// True when a lower value is better.
    public var lowerIsBetter: Bool
    public var baseline: Double?
    public var threshold: Double?
    public var target: Double?
    public var actual: Double?
    public var reach: Double?
    /// Scale, depth, duration, contribution on 0-4; nil when absent.
    public var dimensions: [Double?]
    public var quantitative: Double
    public var depthClass: String
    public var outcomeClass: String
    public var gapClosed: Double?
    public var progressToTarget: Double?
    public var observations: [Observation]

    public init(
      id: String, domain: String, share: Double, indicator: String, unit: String, lowerIsBetter: Bool,
      baseline: Double?, threshold: Double?, target: Double?, actual: Double?, reach: Double?,
      dimensions: [Double?], quantitative: Double, depthClass: String, outcomeClass: String, gapClosed: Double?,
      progressToTarget: Double?, observations: [Observation]
    ) {
      self.id = id
      self.domain = domain
      self.share = share
      self.indicator = indicator
      self.unit = unit
      self.lowerIsBetter = lowerIsBetter
      self.baseline = baseline
      self.threshold = threshold
      self.target = target
      self.actual = actual
      self.reach = reach
      self.dimensions = dimensions
      self.quantitative = quantitative
      self.depthClass = depthClass
      self.outcomeClass = outcomeClass
      self.gapClosed = gapClosed
      self.progressToTarget = progressToTarget
      self.observations = observations
    }
  }

  /// A committee member's rating.
  public struct Rating: Sendable, Codable, Equatable {
    public var criterion: String
    public var rater: String
    public var value: Double
    public var comment: String
    public init(criterion: String, rater: String, value: Double, comment: String) {
      self.criterion = criterion
      self.rater = rater
      self.value = value
      self.comment = comment
    }
  }

  /// A criterion's ratings reduced.
  public struct CriterionFigure: Sendable, Codable, Equatable {
    public var criterion: String
    public var weight: Double
    public var median: Double?
    public var spread: Double?
    public var count: Int
    public init(criterion: String, weight: Double, median: Double?, spread: Double?, count: Int) {
      self.criterion = criterion
      self.weight = weight
      self.median = median
      self.spread = spread
      self.count = count
    }
  }

  /// A rated risk.
  public struct Risk: Sendable, Codable, Equatable {
    public var type: String
    public var level: Int
    public init(type: String, level: Int) {
      self.type = type
      self.level = level
    }
  }

  public var project: ProjectEntry
  /// How many projects the rank is out of.
  public var rankedAmong: Int
  public var evidenceLevel: Int?
  public var evidenceFactor: Double
  public var meanRisk: Double
  public var ratedRiskCount: Int
  public var risks: [Risk]
  public var outcomes: [Outcome]
  public var ratings: [Rating]
  public var criteria: [CriterionFigure]
  /// The portfolio's medians of the four dimensions, in ``ProjectEntry/dimensions`` order.
  public var medianDimensions: [Double]
  /// The portfolio's medians of the criteria, in the scheme's order.
  public var medianCriteria: [Double]
  /// What funding the project changes in the portfolio, when it was simulated.
  public var funding: WhatIfFigures?

  public init(
    project: ProjectEntry, rankedAmong: Int, evidenceLevel: Int?, evidenceFactor: Double, meanRisk: Double,
    ratedRiskCount: Int, risks: [Risk], outcomes: [Outcome], ratings: [Rating], criteria: [CriterionFigure],
    medianDimensions: [Double], medianCriteria: [Double], funding: WhatIfFigures?
  ) {
    self.project = project
    self.rankedAmong = rankedAmong
    self.evidenceLevel = evidenceLevel
    self.evidenceFactor = evidenceFactor
    self.meanRisk = meanRisk
    self.ratedRiskCount = ratedRiskCount
    self.risks = risks
    self.outcomes = outcomes
    self.ratings = ratings
    self.criteria = criteria
    self.medianDimensions = medianDimensions
    self.medianCriteria = medianCriteria
    self.funding = funding
  }
}
