public import Localization

/// The reader's language: the catalogue's texts and the number conventions a report is
/// written in.
public struct ReportContext: Sendable {
  public var language: Language
  public var l: Localizer
  public var numbers: ReportNumbers

  public init(language: Language) {
    self.language = language
    l = Localizer(language)
    numbers = ReportNumbers(language)
  }

  /// The label of an impact class code (`harm`, `A`, `B`, `C`, `none`).
  public func impactClass(_ code: String) -> String {
    l("enum.impact_class.\(code == "harm" || code == "none" ? code : code.lowercased())")
  }

  /// The label of a depth class (`marginal`...).
  public func depthClass(_ code: String) -> String { l("enum.depth_class.\(code)") }

  /// The label of a project status (`funded`...).
  public func status(_ code: String) -> String { l("enum.status.\(code)") }

  /// The names of the four quantitative dimensions, in the method's order.
  public var dimensionNames: [String] {
    [l("label.scale"), l("label.depth"), l("label.duration"), l("label.contribution")]
  }
}
