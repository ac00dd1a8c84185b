/// A configuration value that cannot be used, named by where it came from.
///
/// `setting` is the flag (`--listen`), the environment variable (`IMPACTD_LISTEN`) or the file
/// and key (`impactd.json: limits.maxPageSize`), so the message points at what to fix:
/// `--listen: expected HOST:PORT, got "abc"`.
public struct ConfigurationError: Error, Hashable, CustomStringConvertible {
  /// The flag, variable or `file: key` that holds the bad value.
  public var setting: String
  /// What is wrong with it.
  public var message: String

  /// Creates an error about one setting.
  public init(setting: String, message: String) {
    self.setting = setting
    self.message = message
  }

  /// `SETTING: MESSAGE`.
  public var description: String { "\(setting): \(message)" }
}
