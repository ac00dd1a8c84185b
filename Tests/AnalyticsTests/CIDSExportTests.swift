import Analytics
import Foundation
import Testing

/// The CIDS 3.2 export: every node has its class and the Basic Tier's required properties.
/// (The Python interop test expands the same kind of document with pyld.)
@Suite("CIDS export")
struct CIDSExportTests {
  static let exportedAt = Date(timeIntervalSince1970: 1_790_000_000)

  static let portfolio = PortfolioDocument(projects: [
    Project(
      id: "pension-de-famille-rennes", name: "Pension de famille – Rennes", programme: "Logement",
      territory: "Bretagne", status: .funded, amount: 250_000,
      outcomes: [
        Outcome(
          id: "taux-effort", domain: "basic_needs", share: 0.7, indicatorID: "housing.cost_effort_rate",
          unit: "%", direction: .lowerIsBetter, baseline: 45, threshold: 33, actual: 38, reach: 24, durationYears: 3,
          deadweight: 0.2, attribution: 0.1),
        Outcome(id: "lien", domain: "social_link", share: 0.3, survey: Survey(veryMuch: 0.4, slightly: 0.3), reach: 24),
      ])
  ])

  static let observations = [
    CIDSObservation(
      projectID: "pension-de-famille-rennes", outcomeID: "taux-effort", value: 41, period: "2026-S1",
      source: "entretiens budgétaires", recordedAt: exportedAt),
    CIDSObservation(
      projectID: "pension-de-famille-rennes", outcomeID: "taux-effort", value: 38, period: "2026-Q3", source: "",
      recordedAt: exportedAt),
  ]

  static func graph() throws -> [[String: Any]] {
    let text = CIDSExport(organization: "Fondation Exemple", exportedAt: exportedAt)
      .document(portfolio, observations: observations)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let context = try #require(root["@context"] as? [String: String])
    #expect(context["cids"] == "https://ontology.commonapproach.org/cids#")
    return try #require(root["@graph"] as? [[String: Any]])
  }

  /// The Basic Tier's required properties per class, and the Essential Tier's for impact reports.
  static let required: [String: [String]] = [
    "cids:Organization": ["org:hasLegalName"],
    "cids:Theme": ["org:hasName", "cids:hasDescription"],
    "cids:Outcome": ["org:hasName", "cids:hasDescription", "cids:forOrganization"],
    "cids:Indicator": ["org:hasName", "cids:hasDescription", "cids:unitDescription", "cids:forOrganization"],
    "cids:IndicatorReport": [
      "org:hasName", "i72:value", "prov:startedAtTime", "prov:endedAtTime", "cids:forIndicator",
      "cids:forOrganization",
    ],
    "cids:ImpactReport": [
      "org:hasName", "prov:startedAtTime", "prov:endedAtTime", "cids:hasImpactScale", "cids:hasImpactDepth",
      "cids:hasComment", "cids:forOutcome", "cids:forOrganization",
    ],
  ]

  @Test("every node has its class's required properties, and ids are unique")
  func requiredProperties() throws {
    let graph = try Self.graph()
    var counts: [String: Int] = [:]
    for node in graph {
      let type = try #require(node["@type"] as? String)
      counts[type, default: 0] += 1
      for property in Self.required[type] ?? [] {
        #expect(node[property] != nil, "\(type) \(node["@id"] ?? "") lacks \(property)")
      }
    }
    #expect(
      counts == [
        "cids:Organization": 1, "cids:Theme": 2, "cids:Outcome": 2, "cids:Indicator": 1, "cids:IndicatorReport": 2,
        "cids:ImpactReport": 2,
      ])
    let ids = graph.compactMap { $0["@id"] as? String }
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.hasPrefix("urn:impact:fondation-exemple:") })
  }

  @Test("indicator reports carry the observation's value and period bounds")
  func reports() throws {
    let reports = try Self.graph().filter { $0["@type"] as? String == "cids:IndicatorReport" }
    let first = try #require(reports.first)
    #expect((first["i72:value"] as? [String: String])?["i72:hasNumericalValue"] == "41")
    #expect((first["prov:startedAtTime"] as? [String: String])?["@value"] == "2026-01-01T00:00:00Z")
    #expect((first["prov:endedAtTime"] as? [String: String])?["@value"] == "2026-06-30T23:59:59Z")
    #expect(first["cids:hasComment"] as? String == "entretiens budgétaires")
    let indicator = try #require(try Self.graph().first { $0["@type"] as? String == "cids:Indicator" })
    #expect(indicator["sch:identifier"] as? String == "housing.cost_effort_rate")
    #expect(indicator["cids:unitDescription"] as? String == "%")
  }

  @Test(
    "periods become their first and last instants",
    arguments: [
      ("2026", "2026-01-01T00:00:00Z", "2026-12-31T23:59:59Z"),
      ("2026-Q1", "2026-01-01T00:00:00Z", "2026-03-31T23:59:59Z"),
      ("2024-02", "2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z"),
      ("2026-S2", "2026-07-01T00:00:00Z", "2026-12-31T23:59:59Z"),
      ("2026-03-15", "2026-03-15T00:00:00Z", "2026-03-15T23:59:59Z"),
      ("2026-01-01/2026-06-30", "2026-01-01T00:00:00Z", "2026-06-30T23:59:59Z"),
    ])
  func periods(period: String, start: String, end: String) throws {
    let bounds = try #require(CIDSPeriod.bounds(of: period))
    #expect(bounds.start == start && bounds.end == end)
  }

  @Test("the default base IRI is made of the organisation's name")
  func baseIRI() {
    #expect(
      CIDSExport.defaultBaseIRI(for: "Secours d'Entraide – Île-de-France")
        == "urn:impact:secours-d-entraide-ile-de-france:")
  }
}
