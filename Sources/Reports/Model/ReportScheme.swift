internal import Localization

/// The scheme as a report shows it: domains and criteria with their labels in the report's
/// language, weights and the constants of the method.
public struct ReportScheme: Sendable, Codable, Equatable {
  /// An impact domain.
  public struct Domain: Sendable, Codable, Equatable {
    public var id: String
    public var label: String
    public var strategic: Bool
    public init(id: String, label: String, strategic: Bool) {
      self.id = id
      self.label = label
      self.strategic = strategic
    }
  }

  /// A qualitative criterion with what each rating level (0 to 4) means; an empty text for a
  /// level the scheme does not describe.
  public struct Criterion: Sendable, Codable, Equatable {
    public var id: String
    public var label: String
    public var weight: Double
    public var levels: [String]
    public init(id: String, label: String, weight: Double, levels: [String]) {
      self.id = id
      self.label = label
      self.weight = weight
      self.levels = levels
    }
  }

  public var id: String
  public var domains: [Domain]
  public var criteria: [Criterion]
  /// The weights of scale, depth, duration and contribution, in that order.
  public var dimensionWeights: [Double]
  public var blend: Double
  public var reachReference: Double
  public var durationHorizonYears: Double
  public var evidenceFactors: [Double]
  /// Risk types with their labels, in the scheme's order.
  public var riskTypes: [Domain]
  public var unknownRisk: Double
  public var coverageThreshold: Double
  public var insufficientDataBelow: Double
  public var discountRate: Double

  public init(
    id: String, domains: [Domain], criteria: [Criterion], dimensionWeights: [Double], blend: Double,
    reachReference: Double, durationHorizonYears: Double, evidenceFactors: [Double], riskTypes: [Domain],
    unknownRisk: Double, coverageThreshold: Double, insufficientDataBelow: Double, discountRate: Double
  ) {
    self.id = id
    self.domains = domains
    self.criteria = criteria
    self.dimensionWeights = dimensionWeights
    self.blend = blend
    self.reachReference = reachReference
    self.durationHorizonYears = durationHorizonYears
    self.evidenceFactors = evidenceFactors
    self.riskTypes = riskTypes
    self.unknownRisk = unknownRisk
    self.coverageThreshold = coverageThreshold
    self.insufficientDataBelow = insufficientDataBelow
    self.discountRate = discountRate
  }

  /// The label of domain `id`, or the id when the scheme does not know it.
  public func domainLabel(_ id: String) -> String { domains.first { $0.id == id }?.label ?? id }
}
