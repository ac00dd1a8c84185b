/// Where a project stands in the funding cycle.
public enum ProjectStatus: String, Sendable, Hashable, CaseIterable, Codable {
  case pipeline
  case committee
  case funded
  case closed
  case rejected
}
