import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import ImpactAPI
import ImpactConfiguration
import SwiftProtobuf
import Synchronization
import Testing

/// `WatchChanges` never skips a revision: a watcher that stops reading while more changes are
/// committed than its live buffer holds (1 024) still gets every revision exactly once, in
/// order; a `since_revision` beyond the current revision is OUT_OF_RANGE.
@Suite("Watch streams lose nothing", .timeLimit(.minutes(3)))
struct WatchCatchUpTests {
  /// More commits than the broadcaster keeps for one watcher.
  static let commits = 1_600

  @Test("a watcher that stops reading during 1 600 commits then gets every revision exactly once")
  func slowReaderGetsEveryRevision() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      // A small HTTP/2 window: the daemon's writes to the stalled reader block early, so
      // its live buffer overflows while the commits go on.
      let transport = try HTTP2ClientTransport.Posix(
        target: .ipv4(address: daemon.address.host, port: daemon.address.port),
        transportSecurity: .plaintext,
        config: .defaults { $0.http2.targetWindowSize = 65_535 }
      )
      try await withGRPCClient(transport: transport) { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let watch = Impact_V1_WatchService.Client(wrapping: client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        let last = Int64(1 + Self.commits)
        let writesDone = WritesDone()
        let revisions = try await withTimeout(.seconds(150), "every revision") {
          try await withThrowingTaskGroup(of: [Int64]?.self) { group in
            group.addTask {
              try await watch.watchChanges(.with { $0.sinceRevision = 0 }) { response in
                var received: [Int64] = []
                for try await event in response.messages {
                  received.append(event.revision)
                  // Stop reading after the first event until every commit is done.
                  if received.count == 1 {
                    while !writesDone.value.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(50)) }
                  }
                  if event.revision >= last { break }
                }
                return received
              }
            }
            group.addTask {
              for index in 0..<Self.commits {
                _ = try await projects.recordRating(
                  .with {
                    $0.projectID = "bus-sante-mobile-93"
                    $0.rating = .with {
                      $0.criterion = "systemic"
                      $0.rater = "gaelle"
                      $0.value = Double(1 + index % 3)
                    }
                  })
              }
              writesDone.value.withLock { $0 = true }
              return nil
            }
            var received: [Int64] = []
            while let result = try await group.next() {
              if let result { received = result }
            }
            return received
          }
        }
        #expect(revisions.count == Int(last))
        #expect(revisions == Array(1...last))
      }
    }
  }

  @Test("since_revision beyond the current revision is OUT_OF_RANGE, in the caller's language")
  func revisionAheadIsOutOfRange() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let watch = Impact_V1_WatchService.Client(wrapping: client)
        let refusal = try await LocalizedErrorTests.refusal {
          try await watch.watchChanges(.with { $0.sinceRevision = 5 }, metadata: LocalizedErrorTests.french) {
            response in
            for try await _ in response.messages {}
          }
        }
        #expect(refusal.error.code == .outOfRange)
        #expect(
          refusal.error.message == "since_revision: revision 5 is beyond the current revision 1; watch from 1 or below")
        #expect(
          refusal.localized?.message
            == "since_revision : la révision 5 est au-delà de la révision actuelle 1 ; suivez à partir de 1 ou avant")

        // The current revision itself is accepted: the watch starts with the next change.
        let accepted = try await withTimeout(.seconds(20), "the next change") {
          try await withThrowingTaskGroup(of: Int64?.self) { group in
            group.addTask {
              try await watch.watchChanges(.with { $0.sinceRevision = 1 }) { response in
                for try await event in response.messages { return event.revision }
                return nil
              }
            }
            try await Task.sleep(for: .milliseconds(200))
            _ = try await Impact_V1_ProjectService.Client(wrapping: client).deleteProject(
              .with {
                $0.id = "colis-alimentaires-13"
              })
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
          }
        }
        #expect(accepted == 2)
      }
    }
  }
}

/// Set once the writer's commits are all done.
private final class WritesDone: Sendable {
  let value = Mutex(false)
}
