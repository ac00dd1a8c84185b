extension SettingRange {
  /// `limits.maxConnections`: each connection takes a file descriptor.
  public static let maxConnections = SettingRange(
    key: "limits.maxConnections", bounds: 1...65_536,
    reason: "config.range.connections")
  /// `limits.maxHealthWatchers`.
  public static let maxHealthWatchers = SettingRange(
    key: "limits.maxHealthWatchers", bounds: 1...100_000,
    reason: "config.range.health-watchers")
}
