import Analytics
import DaemonCore
import Foundation
import Localization
import Testing

/// Every stable key of a score explanation has its text in both catalogues, so that
/// `impact score --explain --lang fr` never falls back to the daemon's English.
@Suite("Explanation keys in the catalogues")
struct ExplanationCatalogueTests {
  /// The catalogue keys that the explanations of `projects` under `scheme` are worded with.
  static func catalogueKeys(_ projects: [Project], scheme: Scheme) -> Set<String> {
    let scorer = ProjectScorer(scheme: scheme)
    var keys: Set<String> = []
    func add(_ value: ExplanationValue) {
      if case .word(_, let word) = value { keys.insert(ExplanationKeys.word(word)) }
    }
    for project in projects {
      for step in scorer.explain(project).steps {
        keys.insert(ExplanationKeys.quantity(step.key))
        keys.insert(ExplanationKeys.formula(step.key))
        if let noteKey = step.noteKey { keys.insert(ExplanationKeys.note(noteKey)) }
        add(step.result)
        for input in step.inputs + step.parameters {
          if let key = input.key { keys.insert(ExplanationKeys.input(key)) }
          add(input.value)
        }
        if step.parameters.contains(where: { $0.key == "level" }) { keys.insert("explain.level") }
      }
    }
    return keys
  }

  static func demo() throws -> (projects: [Project], scheme: Scheme) {
    let document = try DemoPortfolio.document()
    return (document.projects, document.scheme ?? .impactV1)
  }

  @Test("every step has a key, and a note its key")
  func stepsAreKeyed() throws {
    let demo = try Self.demo()
    let projects = try ProtoMappingFixtures.workedExamples() + [ProtoMappingFixtures.everyField] + demo.projects
    for project in projects {
      for step in ProjectScorer(scheme: demo.scheme).explain(project).steps {
        #expect(!step.key.isEmpty, "\(project.id): \(step.quantity) has no key")
        #expect((step.note == nil) == (step.noteKey == nil), "\(project.id): \(step.quantity) note without key")
      }
    }
  }

  @Test("every key the reference vectors and the demo portfolio explain with is in both catalogues")
  func keysHaveTexts() throws {
    let demo = try Self.demo()
    let keys =
      Self.catalogueKeys(
        try ProtoMappingFixtures.workedExamples() + [ProtoMappingFixtures.everyField], scheme: .impactV1
      )
      .union(Self.catalogueKeys(demo.projects, scheme: demo.scheme))
    // Notes, words and inputs of every kind: the check covers more than the common steps.
    for expected in [
      "explain.note.depth_class", "explain.note.no_reach", "explain.input.rating", "enum.impact_class.harm",
    ] {
      #expect(keys.contains(expected), "no explanation used \(expected)")
    }
    for language in Language.allCases {
      let missing = keys.filter { Catalogue.entries(language)[$0] == nil }.sorted()
      #expect(missing.isEmpty, "\(language.rawValue) catalogue lacks \(missing)")
    }
  }
}
