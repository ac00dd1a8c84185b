/// Why a comparison could not be made.
public struct ComparisonError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The project ids asked for that are not in the selection.
  public var missingProjectIDs: [String]

  public init(missingProjectIDs: [String]) {
    self.missingProjectIDs = missingProjectIDs
  }

  public var description: String {
    "cannot compare: no project \(missingProjectIDs.map { "'\($0)'" }.joined(separator: ", ")) in the selection"
  }
}
