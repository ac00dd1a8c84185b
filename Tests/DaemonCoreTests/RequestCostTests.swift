import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import SwiftProtobuf
import Testing

/// What one request costs a real `impactd` process (issue 11, item 1): each request of the
/// attack run is refused before it is decoded, on what decoding it would take (the message's
/// decode estimate, a document's values), or on its sizes and first problems; the largest
/// ordinary requests are answered. Each within 1 s of CPU and 64 MiB of extra memory, in a
/// debug build, the message's own bytes included (docs/operations.md, *Cost of one request*).
///
/// Before: 1 000 000 outcomes in SimulateWhatIf took 117 s of CPU (debug build), 500 000 risk
/// types in CreateProject 30 s; after the checks on sizes but before the decode estimate, the
/// decoding alone still took up to 4 s and 330 MiB (a JSON document of 400 000 outcomes).
@Suite(
  "Request cost", .serialized, .timeLimit(.minutes(5)),
  .enabled(if: impactdExecutable() != nil && FileManager.default.fileExists(atPath: "/proc/self/clear_refs")))
struct RequestCostTests {
  typealias Client = GRPCClient<HTTP2ClientTransport.Posix>

  /// The bound held, decoding included, in a debug build.
  static let maximumCPUSeconds = 1.0
  static func maximumExtraBytes(messageSize: Int) -> Int { 64 * 1_048_576 }

  struct Attack: Sendable, CustomTestStringConvertible {
    enum Request {
      case whatIf(Impact_V1_SimulateWhatIfRequest)
      case create(Impact_V1_CreateProjectRequest)
      case importing(Impact_V1_ImportPortfolioRequest)

      var size: Int {
        get throws {
          switch self {
          case .whatIf(let message): (try message.serializedBytes() as [UInt8]).count
          case .create(let message): (try message.serializedBytes() as [UInt8]).count
          case .importing(let message): (try message.serializedBytes() as [UInt8]).count
          }
        }
      }

      func send(_ client: Client) async throws {
        switch self {
        case .whatIf(let message):
          _ = try await Impact_V1_ScoringService.Client(wrapping: client).simulateWhatIf(message)
        case .create(let message):
          _ = try await Impact_V1_ProjectService.Client(wrapping: client).createProject(message)
        case .importing(let message):
          _ = try await Impact_V1_PortfolioService.Client(wrapping: client).importPortfolio(message)
        }
      }
    }

    var name: String
    /// Builds the request; it must be refused.
    var request: @Sendable () -> Request
    /// The status the refusal has, and a text its message holds.
    var code: RPCError.Code
    var says: String
    var testDescription: String { name }
  }

  static func project(_ id: String, outcomes: Int = 1) -> Impact_V1_Project {
    .with {
      $0.id = id
      $0.name = "Project \(id)"
      $0.status = .pipeline
      $0.outcomes = (0..<outcomes).map { index in
        .with {
          $0.id = "o\(index)"
          $0.domain = "employment"
        }
      }
    }
  }

  static func whatIf(_ projects: [Impact_V1_Project]) -> Attack.Request {
    .whatIf(.with { $0.changes = projects.map { project in .with { $0.addProject = project } } })
  }

  static let attacks: [Attack] = [
    Attack(
      name: "SimulateWhatIf adding one project with 1 000 000 outcomes",
      request: {
        var project = Self.project("candidate")
        project.outcomes = Array(repeating: .with { $0.id = "a" }, count: 1_000_000)
        return Self.whatIf([project])
      },
      code: .resourceExhausted, says: "once decoded"),
    Attack(
      name: "CreateProject with 500 000 unknown risk types",
      request: {
        var project = Self.project("risky")
        for index in 0..<500_000 { project.risks["r\(index)"] = 1 }
        return .create(.with { $0.project = project })
      },
      code: .resourceExhausted, says: "once decoded"),
    Attack(
      name: "CreateProject with 300 000 ratings",
      request: {
        var project = Self.project("rated")
        project.ratings = Array(
          repeating: .with {
            $0.criterion = "what"
            $0.rater = "x"
            $0.value = 9
          }, count: 300_000)
        return .create(.with { $0.project = project })
      },
      code: .resourceExhausted, says: "once decoded"),
    Attack(
      name: "CreateProject with a name of 15 000 000 characters",
      request: {
        var project = Self.project("long")
        project.name = String(repeating: "n", count: 15_000_000)
        return .create(.with { $0.project = project })
      },
      code: .resourceExhausted, says: "once decoded"),
    Attack(
      name: "SimulateWhatIf adding 100 000 projects with broken outcomes",
      request: {
        Self.whatIf(
          (0..<100_000).map { index in
            var project = Self.project("p\(index)")
            project.outcomes[0].domain = "nowhere"
            project.outcomes[0].share = 7
            return project
          })
      },
      code: .resourceExhausted, says: "once decoded"),
    Attack(
      name: "ImportPortfolio of a JSON document with one project of 400 000 outcomes",
      request: {
        let outcomes = Array(repeating: #"{"id":"a","domain":"x"}"#, count: 400_000).joined(separator: ",")
        let document =
          #"{"format":"impact-portfolio/1","projects":[{"id":"p","name":"P","status":"pipeline","outcomes":["#
          + outcomes + "]}]}"
        return .importing(.with { $0.jsonDocument = document })
      },
      code: .resourceExhausted, says: "imported in a stream"),
    Attack(
      name: "ImportPortfolio of CSV tables with 200 000 outcome rows",
      request: {
        let rows = (0..<200_000).map { "p,o\($0),nowhere" }.joined(separator: "\n")
        return .importing(
          .with {
            $0.csv = .with {
              $0.projects = "id,name,status\np,P,pipeline\n"
              $0.outcomes = "project_id,id,domain\n" + rows + "\n"
            }
          })
      },
      code: .resourceExhausted, says: "imported in a stream"),
    Attack(
      name: "SimulateWhatIf adding 400 projects of 20 outcomes, within the budget but broken",
      request: {
        Self.whatIf(
          (0..<400).map { index in
            var project = Self.project("p\(index)", outcomes: 20)
            project.outcomes[0].domain = "nowhere"
            return project
          })
      },
      code: .invalidArgument, says: "problems"),
    Attack(
      name: "SimulateWhatIf adding one project with 20 000 outcomes, just under the budget",
      request: {
        var project = Self.project("candidate")
        project.outcomes = Array(repeating: .with { $0.id = "a" }, count: 20_000)
        return Self.whatIf([project])
      },
      code: .invalidArgument, says: "outcome_count"),
    Attack(
      name: "CreateProject with 45 000 unknown risk types, just under the budget",
      request: {
        var project = Self.project("risky")
        for index in 0..<45_000 { project.risks["r\(index)"] = 1 }
        return .create(.with { $0.project = project })
      },
      code: .invalidArgument, says: "too_many_risks"),
    Attack(
      name: "CreateProject with a name of 3 500 000 characters, just under the budget",
      request: {
        var project = Self.project("long")
        project.name = String(repeating: "n", count: 3_500_000)
        return .create(.with { $0.project = project })
      },
      code: .invalidArgument, says: "text_too_long"),
    Attack(
      name: "CreateProject with 21 outcomes and a name of 100 000 characters, within the budget",
      request: {
        var project = Self.project("long", outcomes: 21)
        project.name = String(repeating: "n", count: 100_000)
        return .create(.with { $0.project = project })
      },
      code: .invalidArgument, says: "outcome_count"),
  ]

  @Test("a hostile request is refused on its sizes or first problems, at a bounded cost", arguments: attacks)
  func hostileRequestIsCheap(_ attack: Attack) async throws {
    let daemon = try await MeasuredDaemonProcess.start()
    do {
      try await daemon.withClient { client in
        // A first request, so that the connection and the services are warm.
        _ = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
        let request = attack.request()
        let size = try request.size
        let (error, cost) = try await daemon.measure { try await request.send(client) }
        print("\(attack.name) (\(size) bytes): \(cost)")
        let refusal = error as? RPCError
        #expect(refusal?.code == attack.code, "\(String(describing: error))")
        #expect(refusal?.message.contains(attack.says) == true, "\(String(describing: error).prefix(800))")
        #expect(cost.cpuSeconds <= Self.maximumCPUSeconds, "\(cost)")
        #expect(cost.extraBytes <= Self.maximumExtraBytes(messageSize: size), "\(cost)")
        // The daemon still answers at once.
        _ = try await withTimeout(.seconds(5), "GetStatus after the attack") {
          try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
        }
      }
    } catch {
      await daemon.stop()
      throw error
    }
    await daemon.stop()
  }

  @Test("the largest ordinary requests are answered at a bounded cost")
  func largestOrdinaryRequestsAreCheap() async throws {
    let daemon = try await MeasuredDaemonProcess.start()
    do {
      try await daemon.withClient { client in
        _ = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
        let candidates = (0..<1_000).map { Self.project("candidate\($0)", outcomes: 3) }
        guard case .whatIf(let request) = Self.whatIf(candidates) else { return }
        let size = (try request.serializedBytes() as [UInt8]).count
        let (error, cost) = try await daemon.measure {
          _ = try await Impact_V1_ScoringService.Client(wrapping: client).simulateWhatIf(request)
        }
        print("SimulateWhatIf adding 1 000 valid projects (\(size) bytes): \(cost)")
        #expect(error == nil, "\(String(describing: error).prefix(800))")
        #expect(cost.cpuSeconds <= Self.maximumCPUSeconds, "\(cost)")
        #expect(cost.extraBytes <= Self.maximumExtraBytes(messageSize: size), "\(cost)")
      }
    } catch {
      await daemon.stop()
      throw error
    }
    await daemon.stop()
  }
}
