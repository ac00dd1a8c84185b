import Analytics
import Foundation
import Testing

/// The framework document `impact-framework/1`: the demo framework reads; every rule refuses a
/// document that breaks it, naming the key path, line and value; writing and reading give the
/// same framework back.
@Suite("Framework document")
struct FrameworkDocumentTests {
  static let domains: Set<String> = Set(Scheme.impactV1.domains.map(\.id))

  /// A small valid framework; `edit` changes its JSON text before it is read.
  static func document(_ edit: (inout String) -> Void = { _ in }) -> Data {
    var text = """
      {
        "format": "impact-framework/1",
        "organization": "Association test",
        "mission": "Aider",
        "needs": ["Isolement"],
        "objectives": [
          {"id": "os-1", "name": "Lien social", "operational_objectives": [
            {"id": "oo-1", "name": "Lieux ouverts", "activities": [{"id": "act-tiers-lieu", "name": "Tiers-lieu"}]}
          ]}
        ],
        "impacts": [
          {"id": "imp-lien", "name": "Moins seuls", "level": "intermediate", "stakeholder": "habitants",
           "domain": "social_link", "activities": ["act-tiers-lieu"], "leads_to": ["imp-final"],
           "indicators": [
             {"indicator_id": "social.loneliness_ucla3", "status": "wanted", "owner": "Pôle impact", "frequency": "yearly"},
             {"id": "ind-cafe", "name": "Cafés servis", "unit": "people", "direction": "higher_is_better",
              "status": "to_collect", "owner": "Sites", "frequency": "monthly"}
           ]},
          {"id": "imp-final", "name": "Pouvoir d'agir", "level": "final", "stakeholder": "habitants",
           "domain": "autonomy", "activities": [], "indicators": []}
        ],
        "programmes": [
          {"programme": "Tiers-lieux", "common_impacts": ["imp-lien"],
           "map": {"needs": ["Isolement"], "activities": ["Accueil"], "outputs": ["Cafés"], "outcomes": ["Liens"],
                   "impacts": ["imp-lien", "imp-final"], "assumptions": ["Le lieu reste ouvert"]}}
        ]
      }
      """
    edit(&text)
    return Data(text.utf8)
  }

  static func refusal(_ edit: (inout String) -> Void, domains: Set<String>? = domains) -> FormatError? {
    #expect(throws: FormatError.self) {
      try FrameworkJSON.decode(Self.document(edit), source: "framework.json", domains: domains)
    }
  }

  @Test("a valid document reads, and writing then reading it gives the same framework")
  func roundTrip() throws {
    let framework = try FrameworkJSON.decode(Self.document(), domains: Self.domains)
    #expect(framework.organization == "Association test")
    #expect(framework.activities.map(\.id) == ["act-tiers-lieu"])
    #expect(framework.impacts[0].indicators.map(\.id) == ["social.loneliness_ucla3", "ind-cafe"])
    #expect(framework.impacts[0].indicators[0].bankID == "social.loneliness_ucla3")
    #expect(framework.impacts[0].indicators[1].isCustom && framework.impacts[0].indicators[1].unit == "people")
    #expect(framework.programme("Tiers-lieux")?.map?.impacts == ["imp-lien", "imp-final"])
    let again = try FrameworkJSON.decode(FrameworkJSON.encode(framework), domains: Self.domains)
    #expect(again == framework)
  }

  @Test("the demo framework reads against the default scheme and the bank")
  func demo() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("examples/demo-framework.json")
    let framework = try FrameworkJSON.decode(
      Data(contentsOf: url), source: "demo-framework.json", domains: Self.domains)
    #expect(framework.impacts.count >= 14)
    // Every default domain has an impact; the statuses are all used.
    #expect(Set(framework.impacts.map(\.domain)) == Self.domains)
    #expect(Set(framework.impacts.flatMap(\.indicators).map(\.status)) == Set(IndicatorStatus.allCases))
  }

  @Test(
    "each rule refuses the document naming the key path and the value",
    arguments: [
      (
        "\"indicator_id\": \"social.loneliness_ucla3\"", "\"indicator_id\": \"social.lonely\"", "social.lonely",
        "impacts[0].indicators[0].indicator_id", "framework.rule.unknown_indicator"
      ),
      (
        "\"domain\": \"social_link\"", "\"domain\": \"housing\"", "housing", "impacts[0].domain",
        "framework.rule.unknown_domain"
      ),
      (
        "\"activities\": [\"act-tiers-lieu\"]", "\"activities\": [\"act-cafe\"]", "act-cafe",
        "impacts[0].activities[0]", "framework.rule.unknown_activity"
      ),
      ("\"id\": \"imp-final\"", "\"id\": \"imp-lien\"", "imp-lien", "impacts[1].id", "framework.rule.duplicate_id"),
      (
        "\"leads_to\": [\"imp-final\"]", "\"leads_to\": [\"imp-lien\"]", "imp-lien", "impacts[0].leads_to[0]",
        "framework.rule.leads_to_intermediate"
      ),
      (
        "\"common_impacts\": [\"imp-lien\"]", "\"common_impacts\": [\"imp-x\"]", "imp-x",
        "programmes[0].common_impacts[0]", "framework.rule.unknown_impact"
      ),
      (
        "\"unit\": \"people\"", "\"unit\": \"furlongs\"", "furlongs", "impacts[0].indicators[1].unit",
        "framework.rule.unknown_unit"
      ),
      (
        "\"frequency\": \"yearly\"", "\"frequency\": \"weekly\"", "weekly", "impacts[0].indicators[0].frequency",
        "framework.rule.unknown_frequency"
      ),
      (
        "\"status\": \"wanted\"", "\"status\": \"maybe\"", "maybe", "impacts[0].indicators[0].status",
        "format.json.not_one_of"
      ),
      (
        "\"format\": \"impact-framework/1\"", "\"format\": \"impact-framework/2\"", "impact-framework/2", "format",
        "framework.rule.format"
      ),
      ("\"id\": \"os-1\"", "\"id\": \"os 1\"", "os 1", "objectives[0].id", "framework.rule.invalid_id"),
      (
        "\"activities\": [\"act-tiers-lieu\"], \"leads_to\"", "\"activities\": [], \"leads_to\"", "",
        "impacts[0].activities", "framework.rule.no_activity"
      ),
    ])
  func rules(_ from: String, _ to: String, _ value: String, _ path: String, _ key: String) throws {
    let error = Self.refusal { $0 = $0.replacingOccurrences(of: from, with: to) }
    let issue = try #require(error?.issues.first { $0.path == path }, "\(String(describing: error))")
    #expect(issue.key == key, "\(issue)")
    #expect(issue.source == "framework.json" && (issue.line ?? 0) > 1)
    if !value.isEmpty { #expect(issue.message.contains(value), "\(issue.message)") }
  }

  @Test("a bank indicator takes nothing but its status, owner and frequency; a custom one needs its unit")
  func indicatorShapes() throws {
    let extra = Self.refusal {
      $0 = $0.replacingOccurrences(
        of: "\"indicator_id\": \"social.loneliness_ucla3\",",
        with: "\"indicator_id\": \"social.loneliness_ucla3\", \"unit\": \"%\",")
    }
    #expect(extra?.issues.contains { $0.key == "framework.rule.bank_indicator_field" } == true)
    let missing = Self.refusal { $0 = $0.replacingOccurrences(of: "\"unit\": \"people\", ", with: "") }
    #expect(
      missing?.issues.contains { $0.path == "impacts[0].indicators[1].unit" } == true, "\(String(describing: missing))")
    let twice = Self.refusal {
      $0 = $0.replacingOccurrences(
        of: "\"indicators\": []",
        with:
          "\"indicators\": [{\"indicator_id\": \"autonomy.self_efficacy\", \"status\": \"wanted\", \"owner\": \"x\", \"frequency\": \"yearly\"}, {\"indicator_id\": \"autonomy.self_efficacy\", \"status\": \"wanted\", \"owner\": \"x\", \"frequency\": \"yearly\"}]"
      )
    }
    #expect(
      twice?.issues.contains { $0.key == "framework.rule.duplicate_indicator" } == true, "\(String(describing: twice))")
  }

  @Test("without the scheme's domains the domain is left to the daemon; unknown keys are refused")
  func offlineAndUnknownKeys() throws {
    let framework = try FrameworkJSON.decode(
      Self.document {
        $0 = $0.replacingOccurrences(of: "\"domain\": \"social_link\"", with: "\"domain\": \"housing\"")
      },
      domains: nil)
    #expect(framework.impacts[0].domain == "housing")
    let unknown = Self.refusal {
      $0 = $0.replacingOccurrences(of: "\"mission\"", with: "\"vision\": \"x\", \"mission\"")
    }
    #expect(unknown?.issues.contains { $0.path == "vision" } == true, "\(String(describing: unknown))")
  }
}
