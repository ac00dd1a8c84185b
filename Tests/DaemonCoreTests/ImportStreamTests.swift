import Analytics
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import SwiftProtobuf
import Synchronization
import Testing

@testable import DaemonCore
@testable import ImpactConfiguration

/// `ImportPortfolioStream` over a real socket: a portfolio larger than one request may be goes
/// through with the default limits, and a stream that is refused, cut short or cancelled
/// leaves the portfolio and the database as they were.
@Suite("Streamed import", .timeLimit(.minutes(3)))
struct ImportStreamTests {
  typealias Client = GRPCClient<HTTP2ClientTransport.Posix>

  /// Projects of about 16 KB each (a long `extra`), so that a thousand exceed one message;
  /// sent 100 to a chunk (about 6 MiB once decoded, under the budget of one request).
  static func heavy(_ count: Int, prefix: String = "heavy") -> [Project] {
    (0..<count).map { number in
      var project = StorageSamples.full(id: "\(prefix)-\(number)")
      project.extra = "{\"note\":\"" + String(repeating: "x", count: 16_000) + "\"}"
      return project
    }
  }

  /// Where a stream says how many projects it carries.
  enum Count {
    case header, end, nowhere
  }

  static func send(
    _ client: Client, _ projects: [Project], header: Impact_V1_ImportStreamHeader = .init(),
    announced: Int? = nil, countedIn: Count = .header, chunk: Int = 100, cancelAfterChunks: Int? = nil,
    afterEnd: Impact_V1_ImportPortfolioStreamRequest? = nil
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    try await Impact_V1_PortfolioService.Client(wrapping: client).importPortfolioStream(
      requestProducer: { writer in
        try await ImportStreamChunks.write(
          projects, header: header, count: countedIn == .header ? announced ?? projects.count : nil, chunk: chunk,
          to: writer
        ) { index in
          if let cancelAfterChunks, index == cancelAfterChunks { throw CancellationError() }
        }
        if countedIn == .end {
          try await writer.write(.with { $0.end = .with { $0.projectCount = Int64(announced ?? projects.count) } })
        }
        if let afterEnd { try await writer.write(afterEnd) }
      })
  }

  /// The revision and the number of projects, from a fresh GetStatus.
  static func state(_ client: Client) async throws -> (revision: Int64, projects: Int64) {
    let status = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
    return (status.revision, status.projectCount)
  }

  @Test("a portfolio larger than the request limit imports with the default limits, in one revision")
  func largerThanOneRequest() async throws {
    let projects = Self.heavy(1_200)
    let size = projects.reduce(0) { $0 + ((try? Impact_V1_Project($1).serializedBytes() as [UInt8])?.count ?? 0) }
    #expect(size > DaemonConfiguration.Limits.defaults.maxRequestPayloadBytes)
    try await withRunningDaemon(configuration: .testing, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let before = try await Self.state(client)
        let response = try await Self.send(client, projects)
        #expect(response.created == 1_200)
        #expect(response.revision == before.revision + 1)
        #expect(try await Self.state(client).projects == before.projects + 1_200)
      }
    }
  }

  @Test("a bad project in the last chunk refuses the whole stream, naming it; nothing changes")
  func badLastChunk() async throws {
    let projects = {
      var projects = Self.heavy(600)
      projects[599].outcomes[0].domain = "nowhere"
      return projects
    }()
    try await withRunningDaemon(configuration: .testing, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let before = try await Self.state(client)
        let refused = await #expect(throws: RPCError.self) { try await Self.send(client, projects) }
        #expect(refused?.code == .invalidArgument)
        #expect(refused?.message.contains("heavy-599") == true, "\(String(describing: refused))")
        let after = try await Self.state(client)
        #expect(after.revision == before.revision && after.projects == before.projects)
      }
    }
  }

  @Test("a replacement refused for undoing 2 000 newer ratings reaches the client as that refusal, not a reset stream")
  func largeRefusalArrives() async throws {
    let projects = (0..<2_000).map { StorageSamples.full(id: "p-\($0)") }
    let edited = projects.map { project in
      var project = project
      project.ratings[0].value = project.ratings[0].value == 1 ? 2 : 1
      return project
    }
    try await withRunningDaemon(configuration: .testing, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await Self.send(client, projects, chunk: 250)
        let before = try await Self.state(client)
        let header = Impact_V1_ImportStreamHeader.with { $0.mode = .replace }
        let refused = await #expect(throws: RPCError.self) {
          try await Self.send(client, edited, header: header, chunk: 250)
        }
        #expect(refused?.code == .failedPrecondition, "\(String(describing: refused))")
        #expect(refused?.message.contains("p-0") == true)
        let after = try await Self.state(client)
        #expect(after.revision == before.revision && after.projects == before.projects)
      }
    }
  }

  @Test("a stream cut short, a chunk before the header, or a cancelled client change nothing")
  func incompleteStreams() async throws {
    let projects = Self.heavy(300)
    try await withRunningDaemon(configuration: .testing, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let before = try await Self.state(client)
        // Fewer projects than the header announced: a stream cut short is not a document.
        let short = await #expect(throws: RPCError.self) { try await Self.send(client, projects, announced: 400) }
        #expect(short?.code == .invalidArgument)
        #expect(short?.message.contains("announced 400 projects, the chunks carried 300") == true)
        // A chunk first.
        let headless = await #expect(throws: RPCError.self) {
          try await Impact_V1_PortfolioService.Client(wrapping: client).importPortfolioStream(
            requestProducer: { writer in
              try await writer.write(.with { $0.chunk = .with { $0.projects = [Impact_V1_Project(projects[0])] } })
            })
        }
        #expect(headless?.code == .invalidArgument)
        // The client gives up after two chunks.
        await #expect(throws: (any Error).self) {
          try await Self.send(client, projects, chunk: 50, cancelAfterChunks: 2)
        }
        let after = try await Self.state(client)
        #expect(after.revision == before.revision && after.projects == before.projects)
        // The daemon serves on, and the same projects then import whole.
        let response = try await Self.send(client, projects)
        #expect(response.created == 300)
      }
    }
  }

  @Test(
    "a stream counted by its end message imports; one counted nowhere, miscounted, or going on after its end changes nothing"
  )
  func countedAtTheEnd() async throws {
    let projects = Self.heavy(300)
    try await withRunningDaemon(configuration: .testing, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let before = try await Self.state(client)
        let uncounted = await #expect(throws: RPCError.self) {
          try await Self.send(client, projects, countedIn: .nowhere)
        }
        #expect(uncounted?.code == .invalidArgument)
        #expect(uncounted?.message.contains("end") == true, "\(String(describing: uncounted))")
        let miscounted = await #expect(throws: RPCError.self) {
          try await Self.send(client, projects, announced: 299, countedIn: .end)
        }
        #expect(miscounted?.message.contains("end.project_count") == true, "\(String(describing: miscounted))")
        #expect(miscounted?.message.contains("announced 299 projects, the chunks carried 300") == true)
        let trailing = await #expect(throws: RPCError.self) {
          try await Self.send(
            client, projects, countedIn: .end,
            afterEnd: .with { $0.chunk = .with { $0.projects = [Impact_V1_Project(StorageSamples.full(id: "late"))] } })
        }
        #expect(trailing?.code == .invalidArgument)
        #expect(trailing?.message.contains("the end comes last") == true, "\(String(describing: trailing))")
        let after = try await Self.state(client)
        #expect(after.revision == before.revision && after.projects == before.projects)
        let response = try await Self.send(client, projects, countedIn: .end)
        #expect(response.created == 300)
        #expect(try await Self.state(client).revision == before.revision + 1)
      }
    }
  }

  @Test("a write during a streamed import waits for it; expected revisions decide which wins, and the other is told")
  func concurrentWrite() async throws {
    let projects = Self.heavy(300)
    try await withRunningDaemon(configuration: .testing, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let before = try await Self.state(client)
        var header = Impact_V1_ImportStreamHeader()
        header.expectedRevision = before.revision
        header.projectCount = Int64(projects.count)
        let projectService = Impact_V1_ProjectService.Client(wrapping: client)
        let streamHeader = header
        // The import holds the writes from its header: a create sent after its first chunks,
        // expecting the same revision, waits for the import to commit, and is then refused.
        async let imported = Impact_V1_PortfolioService.Client(wrapping: client).importPortfolioStream(
          requestProducer: { writer in
            try await writer.write(.with { $0.header = streamHeader })
            try await writer.write(
              .with { $0.chunk = .with { $0.projects = projects[..<100].map(Impact_V1_Project.init) } })
            try await Task.sleep(for: .seconds(3))
            for start in stride(from: 100, to: projects.count, by: 100) {
              let part = projects[start..<start + 100]
              try await writer.write(.with { $0.chunk = .with { $0.projects = part.map(Impact_V1_Project.init) } })
            }
          })
        try await Task.sleep(for: .seconds(1))
        let created = await #expect(throws: RPCError.self) {
          _ = try await projectService.createProject(
            .with {
              $0.project = Impact_V1_Project(StorageSamples.full(id: "meanwhile"))
              $0.expectedRevision = before.revision
            })
        }
        let response = try await imported
        #expect(response.created == 300)
        #expect(created?.code == .failedPrecondition)
        // It was judged after the import's commit, not before.
        #expect(
          created?.message.contains(
            "expected revision \(before.revision) but the portfolio is at revision \(before.revision + 1)")
            == true, "\(String(describing: created))")
        let after = try await Self.state(client)
        #expect(after.revision == before.revision + 1 && after.projects == before.projects + 300)

        // A write that commits before the header: the import expecting the old revision is
        // refused at once, and changes nothing.
        _ = try await projectService.createProject(
          .with { $0.project = Impact_V1_Project(StorageSamples.full(id: "first")) })
        header.expectedRevision = after.revision
        let refused = await #expect(throws: RPCError.self) {
          try await Self.send(client, Self.heavy(300, prefix: "late"), header: header)
        }
        #expect(refused?.code == .failedPrecondition)
        let last = try await Self.state(client)
        #expect(last.revision == after.revision + 1 && last.projects == after.projects + 1)
      }
    }
  }

  @Test("a streamed import that goes silent past limits.importIdleSeconds is rolled back and frees the writes")
  func stalledImport() async throws {
    var configuration = DaemonConfiguration.testing
    configuration.limits.importIdleSeconds = 1
    let projects = Self.heavy(200)
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let before = try await Self.state(client)
        // The import goes silent after its first chunk until the other write is through (or a
        // minute has passed, had the stall held the writes).
        let (written, wrote) = AsyncStream<Void>.makeStream()
        let events = Mutex<[String]>([])
        let stalled = Task {
          try await Impact_V1_PortfolioService.Client(wrapping: client).importPortfolioStream(
            requestProducer: { writer in
              try await writer.write(.with { $0.header = .with { $0.projectCount = Int64(projects.count) } })
              try await writer.write(
                .with { $0.chunk = .with { $0.projects = projects[..<100].map(Impact_V1_Project.init) } })
              await withTaskGroup(of: Void.self) { group in
                group.addTask { for await _ in written { break } }
                group.addTask { try? await Task.sleep(for: .seconds(60)) }
                await group.next()
                group.cancelAll()
              }
              // The daemon may have ended the call already, which cancels this producer.
              if !Task.isCancelled { events.withLock { $0.append("import resumed") } }
              try await writer.write(
                .with { $0.chunk = .with { $0.projects = projects[100...].map(Impact_V1_Project.init) } })
            })
        }
        try await Task.sleep(for: .milliseconds(300))
        let created = try await Impact_V1_ProjectService.Client(wrapping: client).createProject(
          .with { $0.project = Impact_V1_Project(StorageSamples.full(id: "meanwhile")) })
        events.withLock { $0.append("write committed") }
        wrote.yield()
        #expect(created.revision == before.revision + 1)
        let refused = await #expect(throws: RPCError.self) { try await stalled.value }
        #expect(events.withLock { $0.first } == "write committed")
        #expect(refused?.code == .aborted, "\(String(describing: refused))")
        #expect(refused?.message.contains("sent nothing for 1 s") == true, "\(String(describing: refused))")
        let after = try await Self.state(client)
        #expect(after.revision == before.revision + 1 && after.projects == before.projects + 1)
      }
    }
  }
}
