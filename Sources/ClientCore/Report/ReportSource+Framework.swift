import Analytics
import ImpactAPI
import Localization
import Reports

extension ReportSource {
  /// The impact maps the organisation's framework gives the `programmes` (in their order,
  /// each once); none when no framework is set or it has no map for them.
  func impactMaps(of programmes: [String]) async throws -> [ReportImpactMap] {
    guard let framework = try await FrameworkFetch.active(client, connection) else { return [] }
    let labels = try await SchemeLabels.fetch(client, connection, language: language)
    var seen: Set<String> = []
    return programmes.compactMap { name in
      guard seen.insert(name).inserted, let programme = framework.programme(name), let map = programme.map else {
        return nil
      }
      let impacts = map.impacts.compactMap { id in
        framework.impact(id).map { impact in
          "\(impact.name) (\(impact.stakeholder), \(labels.domain(impact.domain)))"
        }
      }
      let stages = (map.textStages + [(kind: "impacts", items: impacts)])
        .filter { !$0.items.isEmpty }.map { ReportImpactMap.Stage(kind: $0.kind, items: $0.items) }
      let common = programme.commonImpacts.map { framework.impact($0)?.name ?? $0 }
      return ReportImpactMap(
        programme: name, stages: stages, assumptions: map.assumptions, commonImpacts: common)
    }
  }
}
