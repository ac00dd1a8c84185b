import Analytics
import GRPCCore
import ImpactAPI
import Localization
import Reports

extension ReportSource {
  /// The impact maps the organisation's framework gives the `programmes` (in their order,
  /// each once); none when no framework is set or it has no map for them.
  func impactMaps(of programmes: [String]) async throws -> [ReportImpactMap] {
    let response: Impact_V1_GetFrameworkResponse
    do {
      response = try await Impact_V1_FrameworkService.Client(wrapping: client).getFramework(
        Impact_V1_GetFrameworkRequest(), metadata: connection.metadata, options: connection.callOptions)
    } catch let error as RPCError where error.code == .notFound {
      return []
    }
    let framework = try FrameworkFetch.framework(from: response.documentJson)
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
      let stages = [
        ReportImpactMap.Stage(kind: "needs", items: map.needs),
        ReportImpactMap.Stage(kind: "activities", items: map.activities),
        ReportImpactMap.Stage(kind: "outputs", items: map.outputs),
        ReportImpactMap.Stage(kind: "outcomes", items: map.outcomes),
        ReportImpactMap.Stage(kind: "impacts", items: impacts),
      ].filter { !$0.items.isEmpty }
      let common = programme.commonImpacts.map { framework.impact($0)?.name ?? $0 }
      return ReportImpactMap(
        programme: name, stages: stages, assumptions: map.assumptions, commonImpacts: common)
    }
  }
}
