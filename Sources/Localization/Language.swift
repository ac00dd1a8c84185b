import Foundation

/// A language people read the project's texts in.
public enum Language: String, CaseIterable, Sendable {
  case en
  case fr

  /// The language a POSIX locale name asks for (`fr_FR.UTF-8`, `fr`, `en_GB`); nil for `C`,
  /// `POSIX`, an empty name or a language we do not have.
  public init?(localeName: String) {
    let code = localeName.prefix { $0.isLetter }.lowercased()
    guard let language = Language(rawValue: code) else { return nil }
    self = language
  }

  /// The language of the environment: `LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX
  /// orders them; the first one set decides. Nil when none names a language we have.
  public static func fromLocale(_ environment: [String: String]) -> Language? {
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[variable], !value.isEmpty else { continue }
      return Language(localeName: value)
    }
    return nil
  }

  /// The language of a program without a `--lang` option (impactd): `IMPACT_LANG`, then the
  /// locale (``fromLocale(_:)``), English otherwise.
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    if let chosen = environment["IMPACT_LANG"].flatMap({ Language(rawValue: $0.lowercased()) }) {
      return chosen
    }
    return fromLocale(environment) ?? .en
  }
}

extension Localizer {
  /// The texts of a program without a `--lang` option (impactd), in the language of this
  /// process's environment (``Language/fromEnvironment(_:)``).
  public static var ofProcessEnvironment: Localizer {
    Localizer(Language.fromEnvironment(ProcessInfo.processInfo.environment))
  }
}
