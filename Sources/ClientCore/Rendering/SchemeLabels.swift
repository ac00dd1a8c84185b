import ImpactAPI
import Localization

/// The names of domains and criteria in the chosen language, from the daemon's scheme; an id
/// the scheme does not know shows as itself.
struct SchemeLabels: Sendable {
  var scheme: Impact_V1_Scheme
  var language: DisplayLanguage

  func domain(_ id: String) -> String {
    scheme.domains.first { $0.id == id }.map { text($0.label, fallback: id) } ?? id
  }

  func criterion(_ id: String) -> String {
    scheme.criteria.first { $0.id == id }.map { text($0.label, fallback: id) } ?? id
  }

  /// A risk type by its label: the scheme carries none, so the method's eight risk types are
  /// worded from the catalogue (`enum.risk_type.<id>`); a scheme's own risk type shows as its id.
  func riskType(_ id: String) -> String {
    let key = "enum.risk_type.\(id)"
    return ExplanationKeys.known(key) ? language.localizer(key) : id
  }

  func text(_ label: Impact_V1_LocalizedText, fallback: String) -> String {
    let chosen = language == .fr ? label.fr : label.en
    if !chosen.isEmpty { return chosen }
    let other = language == .fr ? label.en : label.fr
    return other.isEmpty ? fallback : other
  }

  /// The labels of the daemon's current scheme, asked for with `client`, for commands whose
  /// answer names domains or criteria by id only.
  static func fetch(
    _ client: ImpactConnection.Client, _ connection: ImpactConnection, language: DisplayLanguage
  ) async throws -> SchemeLabels {
    let response = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
      Impact_V1_GetSchemeRequest(), metadata: connection.metadata, options: connection.callOptions)
    return SchemeLabels(scheme: response.scheme, language: language)
  }
}
