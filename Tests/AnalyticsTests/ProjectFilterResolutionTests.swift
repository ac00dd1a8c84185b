import Analytics
import Testing

/// Filters as people type them: case and accents ignored, domains by label, and the nearest
/// existing values for a value that names nothing.
@Suite("Project filter resolution and search")
struct ProjectFilterResolutionTests {
  static func project(_ id: String, name: String, programme: String, territory: String, domain: String) -> Project {
    Project(
      id: id, name: name, programme: programme, territory: territory, status: .funded, amount: 1000,
      outcomes: [Outcome(id: "o1", domain: domain)])
  }

  let projects = [
    project(
      "pension-rennes", name: "Pension de famille – Rennes", programme: "Hébergement", territory: "Bretagne",
      domain: "basic_needs"),
    project(
      "halte-mulhouse", name: "Halte-garderie", programme: "Enfance et familles", territory: "Grand Est",
      domain: "education"),
    project("bus-sante", name: "Bus santé", programme: "Santé", territory: "Île-de-France", domain: "health"),
  ]

  @Test(
    "folding ignores case, accents, ligatures, dashes and repeated spaces",
    arguments: [
      ("Hébergement", "hebergement"), ("ÎLE-DE-FRANCE", "ile de france"), ("Œuvre  sociale", "oeuvre sociale"),
      ("Pension de famille – Rennes", "pension de famille rennes"), ("  l’accès ", "l'acces"),
      ("pension-de-famille_r", "pension de famille r"),
    ])
  func folding(typed: String, folded: String) {
    #expect(SearchKey(typed).text == folded)
  }

  @Test(
    "programmes and territories match ignoring case and accents",
    arguments: [
      (ProjectFilter(programmes: ["hebergement"]), ["pension-rennes"]),
      (ProjectFilter(programmes: ["HÉBERGEMENT"]), ["pension-rennes"]),
      (ProjectFilter(territories: ["ile-de-france"]), ["bus-sante"]),
      (ProjectFilter(programmes: ["sante", "enfance et familles"]), ["bus-sante", "halte-mulhouse"]),
    ])
  func foldedMatching(filter: ProjectFilter, expected: [String]) {
    let (resolved, unmatched) = filter.resolved(in: projects, scheme: .impactV1)
    #expect(projects.filter { resolved.matches($0) }.map(\.id).sorted() == expected.sorted())
    #expect(unmatched.isEmpty)
  }

  @Test(
    "a domain is named by its id, its French or English label, or the start of one label",
    arguments: [
      ("health", "health"), ("Santé et bien-être", "health"), ("santé", "health"), ("HEALTH AND WELL-BEING", "health"),
      ("besoins essentiels", "basic_needs"), ("Employment", "employment"),
    ])
  func domainNames(typed: String, id: String) {
    let (resolved, unmatched) = ProjectFilter(domains: [typed]).resolved(in: projects, scheme: .impactV1)
    #expect(resolved.domains.contains(id))
    #expect(unmatched.isEmpty)
  }

  @Test("a value naming nothing selects nothing and comes with the nearest values")
  func unmatchedValues() throws {
    let filter = ProjectFilter(programmes: ["hebergemnt"], domains: ["santé publique"])
    let (resolved, unmatched) = filter.resolved(in: projects, scheme: .impactV1)
    #expect(projects.filter { resolved.matches($0) }.isEmpty)
    let programme = try #require(unmatched.first { $0.field == .programmes })
    #expect(programme.value == "hebergemnt")
    #expect(programme.nearest.first == "Hébergement")
    let domain = try #require(unmatched.first { $0.field == .domains })
    #expect(domain.nearest.contains("health"))
  }

  @Test("an empty filter stays empty and selects everything")
  func emptyFilter() {
    let (resolved, unmatched) = ProjectFilter.all.resolved(in: projects, scheme: .impactV1)
    #expect(resolved == .all)
    #expect(unmatched.isEmpty)
  }

  @Test(
    "a search needs every word to start a word of the id, name, programme or territory",
    arguments: [
      ("pension rennes", ["pension-rennes"]), ("PENSION", ["pension-rennes"]), ("sante", ["bus-sante"]),
      ("ile de france", ["bus-sante"]), ("île-de-france bus", ["bus-sante"]),
      ("grand est garderie", ["halte-mulhouse"]),
      ("nowhere", []), ("ens", []), ("heberg bretagne", ["pension-rennes"]),
    ])
  func search(query: String, expected: [String]) {
    let search = ProjectSearch(query)
    #expect(projects.filter(search.matches).map(\.id) == expected)
  }

  @Test("nearest values put what contains the typed text first, then the closest spellings")
  func nearest() {
    let values = ["Hébergement", "Hébergement d'urgence", "Santé", "Insertion", "Éducation"]
    #expect(NearestValues.nearest(to: "heberg", in: values) == ["Hébergement", "Hébergement d'urgence"])
    #expect(NearestValues.nearest(to: "sante", in: values).first == "Santé")
    #expect(NearestValues.nearest(to: "insertoin", in: values) == ["Insertion"])
    #expect(NearestValues.nearest(to: "zzzzzzzz", in: values).isEmpty)
  }
}
