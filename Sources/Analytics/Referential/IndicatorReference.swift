/// An identifier of the same indicator in another system (`insee` "Taux d'effort", an IRIS+
/// metric id, `onpe`...): identifiers only, never a copy of the other system's text.
public struct IndicatorReference: Sendable, Hashable, Codable {
  /// The system, in lower case (`insee`, `iris+`, `eurostat`, `drees`, `onpe`...).
  public var system: String
  /// The identifier or definition name within that system.
  public var id: String

  public init(system: String, id: String) {
    self.system = system
    self.id = id
  }
}
