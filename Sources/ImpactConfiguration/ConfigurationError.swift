public import Localization

/// A configuration value that cannot be used, named by where it came from.
///
/// `setting` is the flag (`--listen`), the environment variable (`IMPACTD_LISTEN`) or the file
/// and key (`impactd.json: limits.maxPageSize`), so the message points at what to fix:
/// `--listen: expected HOST:PORT, got "abc"`. What is wrong is a catalogue text (`key`, with
/// `values` for its placeholders), so the operator reads it in their language
/// (``localizedDescription(_:)``); ``message`` and ``description`` are the English text.
public struct ConfigurationError: Error, Hashable, CustomStringConvertible {
  /// The flag, variable or `file: key` that holds the bad value.
  public var setting: String
  /// The catalogue key of what is wrong (`config.expected-host-port`).
  public var key: String
  /// The values of the text's placeholders.
  public var values: [String: String]

  /// Creates an error about one setting, worded by the catalogue's `key`.
  public init(setting: String, key: String, values: [String: String] = [:]) {
    self.setting = setting
    self.key = key
    self.values = values
  }

  /// What is wrong with it, in English.
  public var message: String { Catalogue.text(key, .en, values) }

  /// `SETTING: MESSAGE`, in English.
  public var description: String { "\(setting): \(message)" }

  /// `SETTING: MESSAGE` in the language of `localizer`.
  public func localizedDescription(_ localizer: Localizer) -> String {
    var values = self.values
    // A range's reason is itself a catalogue text (``SettingRange/reason``).
    if let reason = values["reason-key"] { values["reason"] = localizer(reason) }
    return "\(setting): \(localizer(key, values))"
  }
}
