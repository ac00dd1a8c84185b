/// How ``ImpactDatabase`` opens a database file.
///
/// ```swift
/// let database = try ImpactDatabase.open(
///   atPath: "impact.sqlite",
///   configuration: .defaults { $0.durability = .normal }
/// )
/// ```
public struct StorageConfiguration: Sendable, Hashable {
  /// How hard a commit works to survive a crash; ``Durability/full`` unless told otherwise.
  public var durability: Durability

  public init(durability: Durability = .full) {
    self.durability = durability
  }

  /// Power-loss safe commits.
  public static var defaults: StorageConfiguration { StorageConfiguration() }

  /// The defaults, changed by `configure`.
  public static func defaults(_ configure: (inout StorageConfiguration) -> Void)
    -> StorageConfiguration
  {
    var configuration = StorageConfiguration.defaults
    configure(&configuration)
    return configuration
  }
}
