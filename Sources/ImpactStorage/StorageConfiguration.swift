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
  /// The most bytes the file may grow to (`PRAGMA max_page_count`); `nil`: no limit but the disk.
  public var maxSizeBytes: Int?
  /// Opens the file read-only: reads work, every commit fails with ``StorageError/readOnly``.
  public var readOnly: Bool
  /// How the file is checked before it is served; ``IntegrityCheck/quick`` unless told
  /// otherwise.
  public var integrityCheck: IntegrityCheck

  public init(
    durability: Durability = .full, maxSizeBytes: Int? = nil, readOnly: Bool = false,
    integrityCheck: IntegrityCheck = .quick
  ) {
    self.durability = durability
    self.maxSizeBytes = maxSizeBytes
    self.readOnly = readOnly
    self.integrityCheck = integrityCheck
  }

  /// Power-loss safe commits.
  public static var defaults: StorageConfiguration { StorageConfiguration() }

  /// The defaults, changed by `configure`.
  public static func defaults(
    _ configure: (inout StorageConfiguration) -> Void
  )
    -> StorageConfiguration
  {
    var configuration = StorageConfiguration.defaults
    configure(&configuration)
    return configuration
  }
}
