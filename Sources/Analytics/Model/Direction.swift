/// Which way an indicator improves.
public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
  case higherIsBetter = "higher_is_better"
  case lowerIsBetter = "lower_is_better"
}
