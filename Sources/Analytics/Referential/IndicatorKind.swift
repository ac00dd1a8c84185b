/// Whether a bank indicator counts what an action delivers or measures the change it brings.
public enum IndicatorKind: String, Sendable, Hashable, CaseIterable, Codable {
  /// A réalisation: what the action delivers (meals served, people received).
  case output
  /// An impact: a change in people's situation (food insecurity, access to housing).
  case outcome
}
