import ImpactAPI
import Localization

/// The portfolio figures `impact whatif` compares, named for people in their language:
/// `exposure.health` reads `exposure: Health and well-being`, `matrix.health.deep.amount`
/// reads `matrix: Health and well-being, deep, amount`. CSV and JSON keep the daemon's names.
struct FigureLabels: Sendable {
  var l: Localizer
  /// The scheme's domain names; ids show as themselves without it.
  var labels: SchemeLabels?

  func label(_ figure: String) -> String {
    let parts = figure.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    switch parts.first {
    case "exposure" where parts.count == 2:
      return l("whatif.figure.exposure", ["domain": domain(parts[1])])
    case "impact_weighted_exposure" where parts.count == 2:
      return l("whatif.figure.impact_weighted_exposure", ["domain": domain(parts[1])])
    case "matrix" where parts.count == 4:
      let depthClass = Impact_V1_DepthClass.ordered.first { $0.displayName == parts[2] }?.label(l) ?? parts[2]
      let values = ["domain": domain(parts[1]), "class": depthClass]
      switch parts[3] {
      case "outcomes": return l("whatif.figure.matrix_outcomes", values)
      case "amount": return l("whatif.figure.matrix_amount", values)
      default: return figure
      }
    default:
      return scalar(figure) ?? figure
    }
  }

  private func domain(_ id: String) -> String {
    labels?.domain(id) ?? id
  }

  /// The name of a whole-portfolio figure; nil for a name this client does not know (a newer
  /// daemon's), which then shows as sent.
  private func scalar(_ figure: String) -> String? {
    switch figure {
    case "projects": l("label.projects")
    case "total_amount": l("label.total_amount")
    case "weighted_composite": l("label.weighted_composite")
    case "weighted_quantitative": l("label.weighted_quantitative")
    case "weighted_qualitative": l("label.weighted_qualitative")
    case "weighted_depth": l("label.weighted_depth")
    case "hhi": l("label.hhi")
    case "effective_domains": l("label.effective_domains")
    case "coverage": l("label.coverage")
    case "deep_coverage": l("label.deep_coverage")
    case "social_value": l("label.social_value")
    case "sroi": l("label.sroi")
    default: nil
    }
  }
}
