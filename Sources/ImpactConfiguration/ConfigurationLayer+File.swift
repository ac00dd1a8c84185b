import Foundation

extension ConfigurationLayer {
  /// Reads a whole file.
  public static func readFile(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// Parses a JSON configuration file (see `docs/operations.md` for an example).
  ///
  /// - Parameters:
  ///   - fileContents: the file's bytes, UTF-8 JSON with one object at the top.
  ///   - path: the file's path, used in error messages.
  /// - Throws: ``ConfigurationError`` naming the file and the key that is unknown or wrong.
  public init(fileContents: [UInt8], path: String) throws {
    self.init()
    let root: ConfigurationFileValue
    do {
      root = try JSONDecoder().decode(ConfigurationFileValue.self, from: Data(fileContents))
    } catch {
      throw ConfigurationError(setting: path, key: "config.not-json", values: ["detail": Self.describe(error)])
    }
    guard case .object(let object) = root else {
      throw ConfigurationError(setting: path, key: "config.not-object", values: ["value": root.quoted])
    }

    try read(object, path: path, prefix: "")
  }

  /// Reads the keys of one object of the file (`prefix` is `""` at the top, `limits.` in the
  /// `limits` section), in the order of ``DaemonSetting/all``, after refusing the first unknown
  /// key with the list of the keys that section accepts.
  private mutating func read(_ object: [String: ConfigurationFileValue], path: String, prefix: String) throws {
    let here = DaemonSetting.all.compactMap { setting -> (key: String, setting: DaemonSetting?)? in
      guard let fileKey = setting.fileKey, fileKey.hasPrefix(prefix) else { return nil }
      let rest = fileKey.dropFirst(prefix.count)
      // A key inside a section of this object names the section.
      if let dot = rest.firstIndex(of: ".") { return (String(rest[..<dot]), nil) }
      return (String(rest), setting)
    }
    let known = Set(here.map(\.key))
    if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
      throw ConfigurationError(
        setting: "\(path): \(prefix)\(unknown)", key: "config.unknown-key",
        values: ["expected": known.sorted().joined(separator: ", ")])
    }
    var sectionsRead: Set<String> = []
    for (key, setting) in here {
      guard let value = object[key] else { continue }
      if let setting {
        try setting.readFile(value, "\(path): \(prefix)\(key)", &self)
      } else if sectionsRead.insert(key).inserted {
        guard case .object(let section) = value else {
          throw ConfigurationError(
            setting: "\(path): \(prefix)\(key)", key: "config.expected-object", values: ["value": value.quoted])
        }
        try read(section, path: path, prefix: "\(prefix)\(key).")
      }
    }
  }

  private static func describe(_ error: any Error) -> String {
    if case DecodingError.dataCorrupted(let context) = error {
      return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
    }
    return "\(error)"
  }
}
