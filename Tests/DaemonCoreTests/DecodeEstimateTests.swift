import Foundation
import ImpactAPI
import SwiftProtobuf
import Testing

/// ``DecodeEstimate`` on the shapes of the attack run and on ordinary requests: the attack's
/// shapes are over the budget, ordinary requests far under it. What a request just under the
/// budget really costs a daemon is measured in a separate process by `RequestCostTests`
/// (memory measured in this process would count the tests running beside it).
@Suite("Decode estimate")
struct DecodeEstimateTests {
  struct Shape: Sendable, CustomTestStringConvertible {
    var name: String
    var method: String
    var message: @Sendable () -> any SwiftProtobuf.Message
    var decode: @Sendable ([UInt8]) throws -> any SwiftProtobuf.Message
    var testDescription: String { name }
  }

  static func project(_ id: String) -> Impact_V1_Project {
    .with {
      $0.id = id
      $0.name = "Projet d'insertion \(id)"
      $0.programme = "Emploi"
      $0.territory = "Hauts-de-France"
      $0.status = .pipeline
      $0.amount = 120_000
      $0.outcomes = (0..<3).map { index in
        .with {
          $0.id = "o\(index)"
          $0.domain = "employment"
          $0.indicator = "Personnes en emploi durable à six mois"
          $0.unit = "personnes"
          $0.reach = 40
          $0.baseline = 0.2
          $0.target = 0.5
        }
      }
      $0.ratings = (0..<8).map { index in
        .with {
          $0.criterion = "c\(index % 4)"
          $0.rater = "rater\(index / 4)"
          $0.value = 3
          $0.comment = "Avis du comité"
        }
      }
      $0.risks = ["execution": 1, "evidence": 2]
    }
  }

  static func whatIf(_ projects: [Impact_V1_Project]) -> Impact_V1_SimulateWhatIfRequest {
    .with { $0.changes = projects.map { project in .with { $0.addProject = project } } }
  }

  static let shapes: [Shape] = [
    Shape(
      name: "one project with 100 000 tiny outcomes", method: "impact.v1.ScoringService/SimulateWhatIf",
      message: {
        var project = Self.project("p")
        project.outcomes = Array(repeating: .with { $0.id = "a" }, count: 100_000)
        return Self.whatIf([project])
      }, decode: { try Impact_V1_SimulateWhatIfRequest(serializedBytes: $0) }),
    Shape(
      name: "100 000 ratings", method: "impact.v1.ProjectService/CreateProject",
      message: {
        var project = Self.project("p")
        project.ratings = Array(
          repeating: .with {
            $0.criterion = "c"; $0.value = 9
          }, count: 100_000)
        return Impact_V1_CreateProjectRequest.with { $0.project = project }
      }, decode: { try Impact_V1_CreateProjectRequest(serializedBytes: $0) }),
    Shape(
      name: "100 000 risk types", method: "impact.v1.ProjectService/CreateProject",
      message: {
        var project = Self.project("p")
        for index in 0..<100_000 { project.risks["r\(index)"] = 1 }
        return Impact_V1_CreateProjectRequest.with { $0.project = project }
      }, decode: { try Impact_V1_CreateProjectRequest(serializedBytes: $0) }),
    Shape(
      name: "1 000 realistic projects", method: "impact.v1.ScoringService/SimulateWhatIf",
      message: { Self.whatIf((0..<1_000).map { Self.project("p\($0)") }) },
      decode: { try Impact_V1_SimulateWhatIfRequest(serializedBytes: $0) }),
    Shape(
      name: "a name of 5 000 000 characters", method: "impact.v1.ProjectService/CreateProject",
      message: {
        var project = Self.project("p")
        project.name = String(repeating: "n", count: 5_000_000)
        return Impact_V1_CreateProjectRequest.with { $0.project = project }
      }, decode: { try Impact_V1_CreateProjectRequest(serializedBytes: $0) }),
  ]

  @Test("the estimate is at least the message's size, and grows with its items", arguments: shapes)
  func estimateGrowsWithItems(_ shape: Shape) throws {
    let bytes: [UInt8] = try shape.message().serializedBytes()
    let estimate = try #require(bytes.withUnsafeBytes { DecodeEstimate.bytes(of: $0, requestOf: shape.method) })
    print("\(shape.name): \(bytes.count) bytes on the wire, estimate \(estimate)")
    #expect(estimate >= bytes.count)
    // Every shape here is over the ordinary budget but the realistic one: the first four
    // are the attack run's, cut to a tenth.
    #expect((estimate > 16 << 20) == (shape.name != "1 000 realistic projects"), "\(estimate)")
  }

  @Test("ordinary requests are far under the budget")
  func ordinaryRequestsFit() throws {
    let method = "impact.v1.ScoringService/SimulateWhatIf"
    let bytes: [UInt8] = try Self.whatIf((0..<1_000).map { Self.project("p\($0)") }).serializedBytes()
    let estimate = try #require(bytes.withUnsafeBytes { DecodeEstimate.bytes(of: $0, requestOf: method) })
    // A what-if of 1 000 candidate projects with 3 outcomes and 8 ratings each.
    #expect(estimate < 12 << 20, "\(estimate)")
    let one: [UInt8] = try Impact_V1_CreateProjectRequest.with { $0.project = Self.project("p") }.serializedBytes()
    let small = try #require(
      one.withUnsafeBytes { DecodeEstimate.bytes(of: $0, requestOf: "impact.v1.ProjectService/CreateProject") })
    #expect(small < 64 << 10, "\(small)")
  }

  @Test("the walk stops once past the budget, and survives truncated and malformed bytes")
  func walkStopsAndSurvives() throws {
    var project = Self.project("p")
    project.outcomes = Array(repeating: .with { $0.id = "a" }, count: 10_000)
    let bytes: [UInt8] = try Self.whatIf([project]).serializedBytes()
    let method = "impact.v1.ScoringService/SimulateWhatIf"
    let full = try #require(bytes.withUnsafeBytes { DecodeEstimate.bytes(of: $0, requestOf: method) })
    let stopped = try #require(
      bytes.withUnsafeBytes { DecodeEstimate.bytes(of: $0, requestOf: method, budget: 10_000) })
    #expect(stopped > 10_000 && stopped < full / 10)
    for cut in [1, 2, 7, bytes.count / 2, bytes.count - 1] {
      _ = bytes.prefix(cut).withUnsafeBytes { DecodeEstimate.bytes(of: $0, requestOf: method) }
    }
    let garbage: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0A, 0xFF]
    _ = garbage.withUnsafeBytes { DecodeEstimate.bytes(of: $0, requestOf: method) }
    #expect([UInt8]().withUnsafeBytes { DecodeEstimate.bytes(of: $0, requestOf: "nowhere/Nothing") } == nil)
  }

  @Test("every method of every service has its request type in the schema")
  func everyMethodIsKnown() {
    let schema = WireSchema.api
    #expect(schema.requestTypes["impact.v1.ProjectService/CreateProject"] != nil)
    #expect(schema.requestTypes["grpc.health.v1.Health/Check"] != nil)
    let project = schema.messages[schema.messageIndex["impact.v1.Project"]!]
    #expect(project.fields.values.contains { $0.name == "outcomes" && $0.isRepeated })
  }
}
