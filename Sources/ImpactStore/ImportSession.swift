public import Analytics
import Dispatch
import Synchronization

/// A streamed import in progress (``PortfolioStore/beginImport(mode:scheme:context:)``): it
/// holds the store's one writer and an open write transaction, and each chunk of projects the
/// caller adds is sorted against the snapshot and written while the next one travels. Nothing
/// is visible before ``finish(safeguards:)`` commits; ``cancel()``, a refusal
/// or an error rolls everything back.
///
/// Other writes wait for the import to end; a session that receives nothing for
/// ``PortfolioStore/importIdleLimit`` (`limits.importIdleSeconds`) is rolled back so that they do not wait longer.
public final class ImportSession: Sendable {
  /// The scheme the projects are checked against: the document's, when a replacement adopts
  /// it, or the one in force. Nothing can change it while the session is open.
  public let scheme: Scheme
  /// The framework's impacts in force (`nil`: no framework), for the same checks.
  public let frameworkImpacts: Set<String>?
  /// The revision the import applies to.
  public let baseRevision: Int64
  let inbox: ImportInbox

  init(scheme: Scheme, frameworkImpacts: Set<String>?, baseRevision: Int64, inbox: ImportInbox) {
    self.scheme = scheme
    self.frameworkImpacts = frameworkImpacts
    self.baseRevision = baseRevision
    self.inbox = inbox
  }

  /// Hands over the next projects of the document, already checked by the caller against
  /// ``scheme`` and ``frameworkImpacts`` (and for ids repeated across chunks). Returns at once;
  /// they are written in order on the writer's thread.
  /// - Throws: the error that ended the session, when it has ended (a failed write, a stall).
  public func add(_ projects: [Project]) throws {
    try inbox.push(.projects(projects))
  }

  /// Ends the document: decides the summary, refuses the import when `safeguards` say so, and
  /// commits it (nothing, when it changes nothing).
  /// - Throws: ``StoreError``, ``StorageError``; the import is then rolled back.
  public func finish(safeguards: ImportSafeguards) async throws -> ImportSummary {
    try await withCheckedThrowingContinuation { continuation in
      do {
        try inbox.push(.finish(ImportInbox.Finish(safeguards: safeguards, continuation: continuation)))
      } catch {
        continuation.resume(throwing: error)
      }
    }
  }

  /// Rolls the import back, if it has not ended; the writer is free again once it has.
  public func cancel() {
    try? inbox.push(.cancel)
  }
}

/// What a session's caller hands to the writer's thread, in order.
final class ImportInbox: Sendable {
  struct Finish: Sendable {
    var safeguards: ImportSafeguards
    var continuation: CheckedContinuation<ImportSummary, any Error>
  }

  enum Job: Sendable {
    case projects([Project])
    case finish(Finish)
    case cancel
  }

  private struct State {
    var jobs: [Job] = []
    var head = 0
    /// Why the session ended, once it has: later jobs are refused with it.
    var ended: (any Error)?
  }

  private let state = Mutex(State())
  private let ready = DispatchSemaphore(value: 0)

  func push(_ job: Job) throws {
    try state.withLock { state in
      if let ended = state.ended { throw ended }
      state.jobs.append(job)
    }
    ready.signal()
  }

  /// The next job, waiting at most `timeout`; `nil` when none came.
  func next(timeout: Duration) -> Job? {
    let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
    guard ready.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success else { return nil }
    return state.withLock { state in
      let job = state.jobs[state.head]
      state.head += 1
      if state.head == state.jobs.count {
        state.jobs.removeAll(keepingCapacity: true)
        state.head = 0
      }
      return job
    }
  }

  /// Ends the session with `reason`: later pushes throw it; returns the jobs not taken.
  func end(_ reason: any Error) -> [Job] {
    state.withLock { state in
      state.ended = reason
      let left = Array(state.jobs[state.head...])
      state.jobs = []
      state.head = 0
      return left
    }
  }
}

/// The reason a session that committed refuses later jobs: it is over.
struct ImportSessionEnded: Error, CustomStringConvertible {
  var description: String { "the import has ended" }
}
