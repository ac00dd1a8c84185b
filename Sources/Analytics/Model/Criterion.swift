/// A qualitative criterion the committee rates on a 0–4 rubric.
public struct Criterion: Sendable, Hashable {
  public var id: String
  public var weight: Double
  public var label: LocalizedText
  /// What each rubric level (0–4) means, keyed by level.
  public var levels: [Int: LocalizedText]

  public init(id: String, weight: Double, label: LocalizedText, levels: [Int: LocalizedText] = [:]) {
    self.id = id
    self.weight = weight
    self.label = label
    self.levels = levels
  }
}
