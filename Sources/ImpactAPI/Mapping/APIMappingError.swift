/// A message a client sent that has no Analytics counterpart: an enum left unspecified or
/// outside its known values, or a required message left out.
///
/// `fieldPath` names the field as the client wrote it (`project.outcomes[2].direction`), so the
/// daemon can answer INVALID_ARGUMENT with it.
public struct APIMappingError: Error, Hashable, CustomStringConvertible {
  /// The path of the offending field, in proto field names (`project.outcomes[2].direction`).
  public var fieldPath: String
  /// What is wrong with it.
  public var reason: String

  public init(fieldPath: String, reason: String) {
    self.fieldPath = fieldPath
    self.reason = reason
  }

  public var description: String {
    "\(fieldPath): \(reason)"
  }

  static func unspecified(_ fieldPath: String) -> APIMappingError {
    APIMappingError(fieldPath: fieldPath, reason: "must be set (the UNSPECIFIED value is not allowed)")
  }

  static func unrecognized(_ fieldPath: String, value: Int) -> APIMappingError {
    APIMappingError(fieldPath: fieldPath, reason: "unknown enum value \(value)")
  }

  static func missing(_ fieldPath: String) -> APIMappingError {
    APIMappingError(fieldPath: fieldPath, reason: "is required")
  }
}
