public import Analytics
import Dispatch
public import ImpactStorage
import Synchronization

extension PortfolioStore {
  /// Begins a streamed import: waits for the writes before it, checks the expected revision
  /// and the document's scheme, and opens the write transaction its projects go to as they
  /// arrive (see ``ImportSession``). Writes that come later wait until it ends.
  ///
  /// - Parameter scheme: the document's scheme, when it carries one: a replacement adopts it,
  ///   an upsert is refused with ``StoreError/schemeDiffers(document:active:)`` when it
  ///   differs from the active one.
  /// - Throws: ``StoreError``, ``StorageError`` (read-only, for instance).
  public func beginImport(mode: ImportMode, scheme: Scheme?, context: ChangeContext) async throws -> ImportSession {
    let adopted = try scheme.map(Self.checked)
    return try await withCheckedThrowingContinuation { started in
      serializer.enqueue { [self] in
        let newScheme: Scheme?
        let before: PortfolioSnapshot
        do {
          try self.refuseIfReadOnly()
          // On a shared store, the others' changes first: the session checks against them.
          try self.catchUp()
          before = self.snapshot
          try Self.check(context.expectedRevision, against: before)
          newScheme = try Self.schemeAdopted(adopted, by: mode, over: before.scheme)
        } catch {
          started.resume(throwing: error)
          return
        }
        let inbox = ImportInbox()
        started.resume(
          returning: ImportSession(
            scheme: newScheme ?? before.scheme, frameworkImpacts: self.frameworkImpactIDs,
            baseRevision: before.revision, inbox: inbox))
        // The writer's thread stays here until the session ends.
        self.runImport(mode: mode, newScheme: newScheme, before: before, inbox: inbox, context: context)
      }
    }
  }

  /// The writer's side of a session: writes each chunk as it comes, then commits, publishes
  /// and answers the finish; or rolls back and answers with the reason.
  private func runImport(
    mode: ImportMode, newScheme: Scheme?, before: PortfolioSnapshot, inbox: ImportInbox, context: ChangeContext
  ) {
    let clock = ContinuousClock()
    let start = clock.now
    var classification = ImportClassification(before: before)
    // The journal keeps every project of a replacement, the written ones of an upsert; they
    // are encoded on another core as they come.
    let journal = JournalEncoder()
    var prefetched: [String: RecordedValues] = [:]
    var finish: ImportInbox.Finish?
    var summary: ImportSummary?
    var removed: [Project] = []
    // A replacement adopting a scheme publishes every project, rescored under it.
    var all: [Project] = []
    do {
      let receipt = try storage.writeImport(replace: mode == .replace, context: context, basis: before.basis) {
        transaction in
        while true {
          guard let job = inbox.next(timeout: importIdleLimit) else {
            throw StoreError.importStalled(seconds: Int(importIdleLimit.components.seconds))
          }
          switch job {
          case .cancel:
            throw CancellationError()
          case .projects(let projects):
            if newScheme != nil { all.append(contentsOf: projects) }
            var changed = Set<String>()
            var updated: [String] = []
            for project in projects {
              switch classification.add(project) {
              case .created: changed.insert(project.id)
              case .updated:
                changed.insert(project.id)
                updated.append(project.id)
              case .unchanged: break
              }
            }
            // When the replaced ratings and observations were recorded, read before the rows
            // are replaced (the safeguards compare them with the document at the end).
            if !updated.isEmpty {
              prefetched.merge(try transaction.recordedValues(of: updated)) { $1 }
            }
            try transaction.write(projects) { changed.contains($0.id) }
            journal.append(mode == .replace ? projects : projects.filter { changed.contains($0.id) })
          case .finish(let request):
            finish = request
            removed = classification.removed(mode: mode)
            if !removed.isEmpty {
              prefetched.merge(try transaction.recordedValues(of: removed.map(\.id))) { $1 }
            }
            summary = try classification.summary(
              removed: removed, schemeChanged: newScheme != nil, safeguards: request.safeguards, validateOnly: false,
              recordedValues: { ids in ids.reduce(into: [:]) { $0[$1] = prefetched[$1] } })
            // A replacement that only reorders the stored projects changes nothing.
            if classification.changed.isEmpty, removed.isEmpty, newScheme == nil { return nil }
            return ImportTransaction.End(scheme: newScheme, journalDocument: { journal.document() })
          }
        }
      }
      let afterCommit = clock.now
      var answer = summary!
      if let receipt {
        let after = Self.snapshot(
          after: before, receipt: receipt, upserts: newScheme == nil ? classification.changed : all,
          removals: removed.map(\.id), scheme: newScheme)
        publish(after, receipt: receipt, context: context)
        answer.revision = receipt.revision
      }
      _ = inbox.end(ImportSessionEnded())
      var timings = WriteTimings()
      timings.commit = afterCommit - start
      timings.publish = clock.now - afterCommit
      let reply = answer
      // The ids are distinct (checked chunk by chunk, and by the database): one per project.
      let count = classification.ids.count
      let duration = clock.now - start
      finish?.continuation.resume(returning: reply)
      // After the answer: the log line, and after a large import the housekeeping.
      Task {
        await self.afterImport(of: count, summary: reply, validateOnly: false, duration: duration, timings: timings)
      }
    } catch {
      // Another daemon committed as the import began: its projects were checked against a
      // state that is no longer the latest.
      let error =
        (error as? StorageBehind).map { StoreError.revisionMismatch(expected: before.revision, actual: $0.head) }
        ?? error
      for case .finish(let pending) in inbox.end(error) {
        pending.continuation.resume(throwing: error)
      }
      finish?.continuation.resume(throwing: error)
    }
  }
}

/// The journal document of a streamed import, encoded a chunk at a time on a queue of its own.
private final class JournalEncoder: @unchecked Sendable {
  // Touched only on `queue`.
  private var encoder = ProjectsBinary.Encoder()
  private let queue = DispatchQueue(label: "impactd-import-journal", qos: .userInitiated)

  func append(_ projects: [Project]) {
    queue.async { self.encoder.append(projects) }
  }

  func document() -> [UInt8] {
    queue.sync { encoder.document() }
  }
}
