/// One setting of `impactd`: how each source names it (flag, environment variable, key of the
/// configuration file), how its value is read into a ``ConfigurationLayer``, and the row it has
/// in the table of `docs/operations.md`.
///
/// Every setting is one entry of ``DaemonSetting/all``; the environment reader, the file reader
/// (with its list of known keys), the flags of `ServeOptions` (impactd) and the documentation table are
/// derived from it (`ConfigurationTableTests` checks the documentation against it).
public struct DaemonSetting: Sendable {
  /// The flag (`--listen`), or `nil` when the setting has none.
  public let flag: String?
  /// The environment variable (`IMPACTD_LISTEN`), or `nil`.
  public let environment: String?
  /// The key in the configuration file, dotted for a section (`limits.maxPageSize`), or `nil`.
  public let fileKey: String?
  /// The documentation row: what the setting is, its flag's value, and its default.
  public let documentation: Documentation

  /// Reads the text of a flag or an environment variable into a layer; `setting` (the flag or
  /// the variable) names it in errors.
  public let readText: @Sendable (_ text: String, _ setting: String, inout ConfigurationLayer) throws -> Void
  /// Reads the JSON value of the file key into a layer; `setting` (`file: key`) names it.
  let readFile: @Sendable (_ value: ConfigurationFileValue, _ setting: String, inout ConfigurationLayer) throws -> Void

  /// What `docs/operations.md` says of a setting.
  public struct Documentation: Sendable {
    /// What it sets (`gRPC listen address`).
    public var what: String
    /// The flag's value as the operator writes it (`HOST:PORT`); empty for a switch.
    public var flagValue: String
    /// How the file key's value is written, when it needs saying (`string or null`).
    public var fileValue: String
    /// The default (`127.0.0.1:7420`, `none`).
    public var defaultValue: String
  }
}

extension DaemonSetting {
  /// A setting written as text everywhere: the file holds a JSON string.
  static func text<Value>(
    _ what: String, flag: String?, _ flagValue: String = "", environment: String?, file: String?,
    fileValue: String = "", default defaultValue: String,
    parse: @escaping @Sendable (String, String) throws -> Value,
    set: @escaping @Sendable (inout ConfigurationLayer, Value) -> Void
  ) -> DaemonSetting {
    DaemonSetting(
      flag: flag, environment: environment, fileKey: file,
      documentation: .init(what: what, flagValue: flagValue, fileValue: fileValue, defaultValue: defaultValue),
      readText: { text, setting, layer in set(&layer, try parse(text, setting)) },
      readFile: { value, setting, layer in
        guard case .string(let text) = value else {
          throw ConfigurationError(setting: setting, key: "config.expected-string", values: ["value": value.quoted])
        }
        set(&layer, try parse(text, setting))
      }
    )
  }

  /// A switch: a flag without a value, a boolean variable (`true`, `1`, `yes`, `on` ...), a
  /// JSON boolean in the file.
  static func boolean(
    _ what: String, flag: String?, environment: String?, file: String?, default defaultValue: String,
    set: @escaping @Sendable (inout ConfigurationLayer, Bool) -> Void
  ) -> DaemonSetting {
    DaemonSetting(
      flag: flag, environment: environment, fileKey: file,
      documentation: .init(what: what, flagValue: "", fileValue: "", defaultValue: defaultValue),
      readText: { text, setting, layer in set(&layer, try ConfigurationLayer.parseBoolean(text, setting: setting)) },
      readFile: { value, setting, layer in
        guard case .bool(let flag) = value else {
          throw ConfigurationError(setting: setting, key: "config.expected-boolean", values: ["value": value.quoted])
        }
        set(&layer, flag)
      }
    )
  }

  /// A count within `range`: a positive JSON integer in the file; as a flag or variable, the
  /// text `parseText` reads (a database size takes `K`, `M`, `G`).
  static func integer(
    _ what: String, flag: String? = nil, _ flagValue: String = "", environment: String? = nil, file: String,
    default defaultValue: String, in range: SettingRange,
    parseText: (@Sendable (String, String) throws -> Int)? = nil,
    set: @escaping @Sendable (inout ConfigurationLayer, Int) -> Void
  ) -> DaemonSetting {
    DaemonSetting(
      flag: flag, environment: environment, fileKey: file,
      documentation: .init(what: what, flagValue: flagValue, fileValue: "", defaultValue: defaultValue),
      readText: { text, setting, layer in
        if let parseText {
          set(&layer, try parseText(text, setting))
        } else if let count = Int(text), count > 0 {
          set(&layer, try range.check(count, setting: setting))
        } else {
          throw ConfigurationError(
            setting: setting, key: "config.expected-positive-integer", values: ["value": "\"\(text)\""])
        }
      },
      readFile: { value, setting, layer in
        guard case .integer(let count) = value, count > 0 else {
          throw ConfigurationError(
            setting: setting, key: "config.expected-positive-integer", values: ["value": value.quoted])
        }
        set(&layer, try range.check(count, setting: setting))
      }
    )
  }
}

extension DaemonSetting {
  /// The row of the settings table of `docs/operations.md`:
  /// `| what | flag and value | variable | file key | default |`.
  public var documentationRow: String {
    func code(_ text: String?) -> String { text.map { "`\($0)`" } ?? "–" }
    let flagColumn =
      flag.map { documentation.flagValue.isEmpty ? "`\($0)`" : "`\($0) \(documentation.flagValue)`" } ?? "–"
    var fileColumn = code(fileKey)
    if fileKey != nil, !documentation.fileValue.isEmpty { fileColumn += " (\(documentation.fileValue))" }
    return
      "| \(documentation.what) | \(flagColumn) | \(code(environment)) | \(fileColumn) | \(documentation.defaultValue) |"
  }
}
