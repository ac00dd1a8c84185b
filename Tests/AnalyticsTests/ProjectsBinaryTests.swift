import Analytics
import Foundation
import SyntheticData
import Testing

@Suite("The binary projects document (snapshots and checkpoints)")
struct ProjectsBinaryTests {
  /// Every optional field set, every enumeration and the values JSON cannot tell apart from
  /// their neighbours (negative zero, the smallest subnormal, the largest finite).
  static let edgeCases: [Project] = [
    Project(id: "vide", name: ""),
    Project(
      id: "plein", name: "Pension de famille « Les Tilleuls » 🏠", programme: "Hébergement", territory: "Rennes",
      status: .funded, amount: 1_234_567.891, evidenceLevel: 5, risks: ["execution": 3, "drift": 0, "external": 1],
      ratings: [
        Rating(criterion: "who", rater: "zoe", value: 3.5, comment: "visite du 3 mars"),
        Rating(criterion: "who", rater: "ali", value: 0),
      ],
      outcomes: [
        Outcome(
          id: "o1", domain: "housing", share: 0.6, indicator: "taux de maintien", indicatorID: "HOU-01", unit: "%",
          direction: .lowerIsBetter, baseline: -0.0, threshold: Double.leastNonzeroMagnitude,
          target: .greatestFiniteMagnitude,
          actual: 1e-300, survey: Survey(veryMuch: 0.25, slightly: 0.5), reach: 40, durationYears: -3, dropOff: 0.1,
          deadweight: 0.2, attribution: 0.3, displacement: 0.4, financialProxy: 5_000, harmful: true,
          nature: .mitigation,
          targets: [PeriodTarget(period: "2026", value: 40), PeriodTarget(period: "2026-S1", value: -1)],
          impactID: "imp-logement"),
        Outcome(id: "o2", domain: "health"),
      ],
      extra: #"{"financeur":"CAF","lignes":[1,2]}"#),
    Project(id: "sans-niveau", name: "x", status: .rejected, evidenceLevel: 0),
  ]

  @Test("a document gives back exactly the projects written, bit for bit", arguments: [1, 2, 3] as [UInt64])
  func roundTrip(_ seed: UInt64) throws {
    let projects = SyntheticPortfolio.generate(projects: 500, seed: seed) + Self.edgeCases
    let bytes = ProjectsBinary.encode(projects)
    let read = try ProjectsBinary.decode(bytes)
    #expect(read == projects)
    #expect(ProjectsBinary.encode(read) == bytes)
    let zero = try #require(read.first { $0.id == "plein" }?.outcomes[0].baseline)
    #expect(zero.sign == .minus && zero == 0)
    // Smaller than the JSON document of the same projects.
    #expect(bytes.count * 3 < PortfolioJSON.encode(PortfolioDocument(projects: projects)).count)
  }

  @Test("a version 1 document (written before outcomes named a framework impact) still reads")
  func versionOne() throws {
    let project = Project(id: "p", name: "P", outcomes: [Outcome(id: "o", domain: "health", reach: 12)])
    let current = ProjectsBinary.encode([project])
    // Version 2 adds one optional text after each outcome's targets (0: none) before the
    // project's `extra` (0: none), the last byte.
    #expect(current[4] == 2 && current.suffix(2) == [0, 0])
    var legacy = Array(current.dropLast())
    legacy[4] = 1
    #expect(try ProjectsBinary.decode(legacy) == [project])
  }

  @Test("no projects is a document too")
  func empty() throws {
    #expect(try ProjectsBinary.decode(ProjectsBinary.encode([])) == [])
  }

  @Test("truncated, altered or foreign bytes are an error with an offset, never a crash")
  func corrupt() throws {
    let bytes = ProjectsBinary.encode(Self.edgeCases)
    for length in 0..<bytes.count {
      let error = #expect(throws: ProjectsBinaryError.self) { try ProjectsBinary.decode(Array(bytes[0..<length])) }
      #expect((error?.offset ?? -1) <= length)
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      var altered = bytes
      let position = Int.random(in: 5..<altered.count, using: &generator)
      altered[position] = UInt8.random(in: 0...255, using: &generator)
      _ = try? ProjectsBinary.decode(altered)
    }
    let foreign = #expect(throws: ProjectsBinaryError.self) { try ProjectsBinary.decode(Array("{\"format\":1}".utf8)) }
    #expect(foreign?.description.contains("not an impact-projects-bin document") == true)
    var later = bytes
    later[4] = 3
    let version = #expect(throws: ProjectsBinaryError.self) { try ProjectsBinary.decode(later) }
    #expect(version?.description == "impact-projects-bin, byte 4: version 3; this version reads 1 to 2")
    let trailing = #expect(throws: ProjectsBinaryError.self) { try ProjectsBinary.decode(bytes + [0]) }
    #expect(trailing?.detail.contains("after the last project") == true)
  }
}
