import Localization

/// A text of the catalogues with its placeholder values, put into words once the language is
/// known: failures are thrown far from the options that choose the language (a file reader,
/// an edit parser), and printed by `ImpactCLI`, which knows it.
public struct CatalogueText: Sendable, Hashable {
  /// The catalogue key, such as `error.file.missing`.
  public var key: String
  /// The values of the text's `{placeholders}`.
  public var values: [String: String]

  /// `CatalogueText.l("error.file.missing", ["path": path])`, spelled like `renderer.l(…)` so
  /// that the catalogue checks find the key.
  static func l(_ key: String, _ values: [String: String] = [:]) -> CatalogueText {
    CatalogueText(key: key, values: values)
  }

  /// The text in `language`.
  func text(_ language: DisplayLanguage) -> String {
    language.localizer(key, values)
  }
}
