public import Analytics
public import Foundation
public import ImpactStorage
import Logging
import Synchronization

/// The portfolio in memory, backed by its storage: the embedded SQLite file, or a PostgreSQL
/// database shared with other daemons (see `PortfolioStore+Follow.swift`).
///
/// Readers take ``snapshot``, an immutable value, and never wait for writers. There is one
/// writer at a time: a change is validated against the current snapshot, committed to SQLite in
/// one transaction, and only then published as a new snapshot and announced to watchers. A
/// refused or failed change leaves memory and disk as they were.
public final class PortfolioStore: Sendable {
  /// The source its log lines carry (`[DaemonCore]`), the same as the rest of the daemon's
  /// lines since before the store had a module of its own: log filters keep working.
  static let logSource = "DaemonCore"

  let current: Mutex<PortfolioSnapshot>
  let serializer = WriteSerializer()
  /// The organisation's framework (see `PortfolioStore+Framework.swift`).
  let frameworkState = Mutex<ActiveFramework?>(nil)
  let broadcaster: ChangeBroadcaster
  let onPublish: @Sendable (PortfolioSnapshot) -> Void
  package let storage: any PortfolioStorage
  /// The portfolio's past: every read of history goes through it.
  public let history: PortfolioHistory
  /// When to write a checkpoint, and the journal written since the latest stored state.
  let checkpoints: CheckpointPolicy
  /// How long a streamed import may wait for its next message while it holds the writer
  /// (`limits.importIdleSeconds`); it is rolled back past this.
  public let importIdleLimit: Duration
  let sinceCheckpoint = Mutex<(revisions: Int64, bytes: Int64)>((0, 0))
  /// How many times the shared database went back under this daemon, and the last time's
  /// revisions (see ``rewind``).
  let rewinds = Mutex<(count: Int, last: StoreRewound?)>((0, nil))
  let logger = Logger(label: "impactd.store")

  /// A store over the SQLite `database`, empty until ``load()``.
  /// - Parameter onPublish: called with every snapshot published (for metrics).
  public convenience init(
    database: ImpactDatabase,
    maximumWatchers: Int = 64,
    checkpoints: CheckpointPolicy = CheckpointPolicy(),
    importIdleLimit: Duration = .seconds(60),
    onPublish: @escaping @Sendable (PortfolioSnapshot) -> Void = { _ in }
  ) {
    self.init(
      storage: database, maximumWatchers: maximumWatchers, checkpoints: checkpoints, importIdleLimit: importIdleLimit,
      onPublish: onPublish)
  }

  /// A store over `storage`, empty until ``load()``.
  /// - Parameter onPublish: called with every snapshot published (for metrics).
  package init(
    storage: any PortfolioStorage,
    maximumWatchers: Int = 64,
    checkpoints: CheckpointPolicy = CheckpointPolicy(),
    importIdleLimit: Duration = .seconds(60),
    onPublish: @escaping @Sendable (PortfolioSnapshot) -> Void = { _ in }
  ) {
    self.storage = storage
    self.checkpoints = checkpoints
    self.importIdleLimit = importIdleLimit
    self.history = PortfolioHistory(storage: storage)
    self.onPublish = onPublish
    self.broadcaster = ChangeBroadcaster(maximumSubscribers: maximumWatchers)
    self.current = Mutex(PortfolioSnapshot(revision: 0, committedAt: nil, scheme: .impactV1, projects: []))
  }

  /// Loads everything the database holds, scores it and publishes it.
  ///
  /// The load is seconds of CPU-bound work at 100 000 projects; it runs on a thread of its own
  /// so that it does not hold one of the few threads of Swift's cooperative pool (the server
  /// answers health and UNAVAILABLE meanwhile).
  public func load() async throws {
    let loaded: PortfolioSnapshot = try await withCheckedThrowingContinuation { continuation in
      let thread = Thread {
        // Blocking reads: on this thread, not the cooperative pool's.
        continuation.resume(with: Result { try self.loadStored() })
      }
      thread.stackSize = 8 << 20
      thread.name = "impactd-load"
      thread.start()
    }
    current.withLock { $0 = loaded }
    onPublish(loaded)
  }

  /// Everything the database holds, read and scored: the portfolio, the journal written since
  /// the latest stored state, the framework. On a shared store the snapshot carries its
  /// revision's commit time, by which a catch-up tells that the database did not go back
  /// (``catchUp()``). Blocking: at start on a thread of its own, after a rewind on the writer's.
  func loadStored() throws -> PortfolioSnapshot {
    let state = try storage.loadStateInIDOrder()
    sinceCheckpoint.withLock { $0 = (try? storage.journalSinceLastStoredState()) ?? (0, 0) }
    try loadFramework()
    return PortfolioSnapshot(
      revision: state.revision,
      committedAt: storage.isShared ? try storage.commitTime(ofRevision: state.revision) : nil,
      scheme: state.scheme,
      projects: state.projects
    )
  }

  /// The portfolio as it stands now.
  public var snapshot: PortfolioSnapshot {
    current.withLock { $0 }
  }

  /// The portfolio at `point` (now when `nil`), scored with the scheme `choice` says.
  /// - Throws: ``HistoryError``, ``StoreError``, ``StorageError``.
  public func snapshot(at point: PointInTime?, scheme choice: SchemeChoice = .then) async throws -> PortfolioSnapshot {
    let current = self.snapshot
    guard let point, point != .now else { return current }
    return try await history.state(at: point, scheme: choice, current: current)
  }

  /// A stream of the changes committed from now on; `nil` when too many clients watch already.
  public func watch() -> WatchSubscription? {
    broadcaster.subscribe()
  }

  public var watcherCount: Int { broadcaster.subscriberCount }

  public var maximumWatchers: Int { broadcaster.maximumSubscribers }

  /// Ends every watch stream, at shutdown.
  public func finishWatchers() {
    broadcaster.finishAll()
  }

  // MARK: - Writes

  /// Creates a project; refused when its id exists.
  @discardableResult
  public func create(_ project: Project, context: ChangeContext) async throws -> PortfolioSnapshot {
    try await write(context) { snapshot in
      guard !snapshot.contains(project.id) else { throw StoreError.projectExists(project.id) }
      try Self.validate([project], scheme: snapshot.scheme, frameworkImpacts: self.frameworkImpactIDs)
      return .init(change: .upsertProjects([project]), upserts: [project])
    }
  }

  /// Replaces a project by what `transform` makes of the current one.
  @discardableResult
  public func update(
    _ id: String,
    context: ChangeContext,
    transform: @escaping @Sendable (inout Project) throws -> Void
  ) async throws -> PortfolioSnapshot {
    try await write(context) { snapshot in
      guard var project = snapshot.project(id) else { throw StoreError.projectNotFound(id) }
      try transform(&project)
      project.id = id
      try Self.validate([project], scheme: snapshot.scheme, frameworkImpacts: self.frameworkImpactIDs)
      return .init(change: .upsertProjects([project]), upserts: [project])
    }
  }

  @discardableResult
  public func delete(_ id: String, context: ChangeContext) async throws -> PortfolioSnapshot {
    try await write(context) { snapshot in
      guard snapshot.contains(id) else { throw StoreError.projectNotFound(id) }
      return .init(change: .deleteProjects([id]), removals: [id])
    }
  }

  /// Records a committee rating, replacing the same rater's earlier rating of the criterion.
  @discardableResult
  public func record(_ rating: Rating, projectID: String, context: ChangeContext) async throws -> PortfolioSnapshot {
    try await write(context) { snapshot in
      guard var project = snapshot.project(projectID) else { throw StoreError.projectNotFound(projectID) }
      project.record(rating)
      try Self.validate([project], scheme: snapshot.scheme, frameworkImpacts: self.frameworkImpactIDs)
      return .init(change: .recordRating(projectID: projectID, rating, at: context.at), upserts: [project])
    }
  }

  /// Records an indicator observation; the outcome's `actual` becomes its value.
  @discardableResult
  public func record(_ observation: Observation, context: ChangeContext) async throws -> PortfolioSnapshot {
    try await write(context) { snapshot in
      guard var project = snapshot.project(observation.projectID) else {
        throw StoreError.projectNotFound(observation.projectID)
      }
      guard let index = project.outcomes.firstIndex(where: { $0.id == observation.outcomeID }) else {
        throw StoreError.outcomeNotFound(projectID: observation.projectID, outcomeID: observation.outcomeID)
      }
      project.outcomes[index].actual = observation.value
      try Self.validate([project], scheme: snapshot.scheme, frameworkImpacts: self.frameworkImpactIDs)
      return .init(change: .recordObservation(observation), upserts: [project])
    }
  }

  /// Imports projects, all or nothing. With `validateOnly` nothing is written.
  ///
  /// An import that would change nothing commits nothing: no revision, no journal row, no
  /// watch event. Only the projects it creates, changes or deletes are written and announced.
  ///
  /// - Parameters:
  ///   - scheme: the scheme the projects were made with, when the document carried one. A
  ///     replacement adopts it with the projects, in one transaction; an upsert is refused
  ///     with ``StoreError/schemeDiffers(document:active:)`` when it differs from the active
  ///     one, since it would rescore projects the import does not carry.
  ///   - safeguards: unless they allow it, an import that would replace ratings or observed
  ///     values newer than the document is refused with ``StoreError/newerThanDocument(_:safeguards:)``,
  ///     and a replacement deleting more than half of the stored projects with
  ///     ``StoreError/largeDeletion(deleted:stored:)``. A validation-only import is never
  ///     refused for these: its summary says what the import would do.
  ///   - validatedUnder: the scheme under which the caller already validated `projects`, every
  ///     rule and distinct ids (a streamed import checks each chunk as it arrives); when it is
  ///     the scheme in force at the commit, the projects are not checked again.
  public func importProjects(
    _ projects: [Project],
    mode: ImportMode,
    scheme: Scheme? = nil,
    validatedUnder: Scheme? = nil,
    validateOnly: Bool,
    safeguards: ImportSafeguards = .none,
    context: ChangeContext
  ) async throws -> ImportSummary {
    let start = ContinuousClock.now
    let box = Mutex<ImportSummary?>(nil)
    let adopted = try scheme.map(Self.checked)
    let storage = self.storage
    let (snapshot, timings) = try await timedWrite(context, dryRun: validateOnly) { snapshot in
      let newScheme = try Self.schemeAdopted(adopted, by: mode, over: snapshot.scheme)
      // Projects the caller already checked (and for duplicates) under the scheme in force now
      // are not checked again.
      let inForce = newScheme ?? snapshot.scheme
      // The framework may have changed since the caller checked: its impacts are looked at
      // again (a scan of the links, no allocation), and a link it lacks is refused in full.
      let impacts = self.frameworkImpactIDs
      let unknownLink =
        impacts.map { ids in
          projects.contains { project in project.outcomes.contains { $0.impactID.map { !ids.contains($0) } ?? false } }
        } ?? false
      if validatedUnder != inForce || unknownLink {
        try Self.validate(projects, scheme: inForce, frameworkImpacts: impacts)
      }
      var classification = ImportClassification(before: snapshot)
      for project in projects { classification.add(project) }
      let removed = classification.removed(mode: mode)
      let summary = try classification.summary(
        removed: removed, schemeChanged: newScheme != nil, safeguards: safeguards, validateOnly: validateOnly,
        recordedValues: { try storage.recordedValues(of: $0) })
      box.withLock { $0 = summary }
      let changed = classification.changed
      // The snapshot keeps projects in id order, so a replacement that only reorders them
      // changes nothing either.
      if changed.isEmpty, removed.isEmpty, newScheme == nil { return nil }
      let change: StoredChange =
        mode == .replace
        ? .replacePortfolio(projects, scheme: newScheme, changed: Set(changed.map(\.id)))
        : .upsertProjects(changed)
      return .init(
        change: change, upserts: newScheme == nil ? changed : projects, removals: removed.map(\.id),
        scheme: newScheme)
    }
    var summary =
      box.withLock { $0 }
      ?? ImportSummary(created: 0, updated: 0, unchanged: 0, deleted: 0, revision: snapshot.revision)
    summary.revision = snapshot.revision
    await afterImport(
      of: projects.count, summary: summary, validateOnly: validateOnly, duration: ContinuousClock.now - start,
      timings: timings)
    return summary
  }

  /// What follows a committed (or checked) import: a log line, and after a large one the
  /// snapshot read back compact, the caches and heap released and the write-ahead log
  /// truncated.
  func afterImport(
    of projectCount: Int, summary: ImportSummary, validateOnly: Bool, duration: Duration, timings: WriteTimings
  ) async {
    guard projectCount >= Self.largeChangeProjects else { return }
    logger.info(
      validateOnly ? "import checked" : "import committed",
      metadata: [
        "projects": "\(projectCount)", "created": "\(summary.created)", "updated": "\(summary.updated)",
        "deleted": "\(summary.deleted)", "revision": "\(summary.revision)", "duration": "\(duration)",
        "check": "\(timings.plan)", "write": "\(timings.commit)", "publish": "\(timings.publish)",
      ], source: Self.logSource)
    let written = summary.created + summary.updated + summary.deleted
    if validateOnly || written < Self.largeChangeProjects {
      // The request's projects are freed once its handler has answered.
      let storage = self.storage
      serializer.enqueue(after: .milliseconds(500)) {
        storage.releaseMemory()
        HeapTuning.releaseFreeMemory()
      }
      return
    }
    compact(afterImportAt: summary.revision)
    // The change is committed; shrinking the log it left is housekeeping, and its failure
    // (readers holding the log past the busy timeout) changes nothing.
    _ = try? await storage.truncateWriteAheadLog()
  }

  /// From this many projects an import is large enough that its write-ahead log is truncated
  /// afterwards instead of staying on disk at its peak size.
  static let largeChangeProjects = 5_000

  /// Makes `scheme` the active scheme and rescores every project. Refused when the scheme
  /// breaks a rule or would leave a stored project invalid (an unknown domain, say).
  @discardableResult
  public func setScheme(_ scheme: Scheme, context: ChangeContext) async throws -> PortfolioSnapshot {
    let checked = try Self.checked(scheme)
    return try await performWrite { [self] in
      try self.refuseIfReadOnly()
      let before = self.snapshot
      try Self.check(context.expectedRevision, against: before)
      try Self.check(checked, fits: before)
      let receipt = try self.storage.commit(.setScheme(checked), context: context, basis: before.basis)
      let after = PortfolioSnapshot(
        revision: receipt.revision,
        committedAt: receipt.committedAt,
        scheme: checked,
        projects: before.projects
      )
      self.publish(after, receipt: receipt, context: context)
      self.warmFigures(of: after)
      return after
    }
  }

  /// Replaces the snapshot a large import published by the same state read back from the
  /// database, as at start-up, then returns the freed memory to the system; on the writer's
  /// queue, once the import has answered and its request is freed, and only if no write came
  /// in between.
  ///
  /// An imported portfolio is built from the request's messages among the import's temporary
  /// values; once those are freed, the heap is full of holes that no page-level trim can
  /// return (a daemon that imported 100 000 projects rested at ~600 MiB, against ~370 MiB after
  /// a restart). Read back in one pass, the same projects lie together, and the old pages
  /// empty out. At 100 000 projects the reload takes about as long as a start-up's load
  /// (~1.5 s of the writer's time, reads go on meanwhile); a failed reload changes nothing.
  /// The revision whose snapshot was last compacted (for the log and the tests).
  let compactedRevision = Mutex<Int64?>(nil)

  func compact(afterImportAt revision: Int64) {
    let storage = self.storage
    let logger = self.logger
    serializer.enqueue(after: .milliseconds(500)) { [self] in
      // Only what is needed of the published snapshot is kept, so that its memory is free by
      // the time of the trim.
      let (publishedRevision, committedAt, scheme) = { (snapshot: PortfolioSnapshot) in
        (snapshot.revision, snapshot.committedAt, snapshot.scheme)
      }(self.snapshot)
      guard publishedRevision == revision else { return }
      let start = ContinuousClock.now
      do {
        let state = try storage.loadStateInIDOrder()
        guard state.revision == revision, state.scheme == scheme else { return }
        let compact = PortfolioSnapshot(
          revision: revision, committedAt: committedAt, scheme: state.scheme, projects: state.projects)
        self.current.withLock { $0 = compact }
        self.compactedRevision.withLock { $0 = revision }
        self.onPublish(compact)
        _ = compact.figures
        logger.info(
          "snapshot compacted after a large import",
          metadata: [
            "revision": "\(revision)", "projects": "\(compact.projects.count)",
            "duration": "\(ContinuousClock.now - start)",
          ], source: Self.logSource)
      } catch {
        logger.warning(
          "snapshot not compacted", metadata: ["revision": "\(revision)", "error": "\(error)"], source: Self.logSource)
      }
      // The page caches the import and the reload filled, then the heap.
      storage.releaseMemory()
      HeapTuning.releaseFreeMemory()
    }
  }

  /// Computes the portfolio figures of `snapshot` on the writer's queue after the write that
  /// made it has answered, for the writes that rescore many projects (a scheme change, a
  /// large import): the next summary or ranking (`impact portfolio` right after `impact
  /// scheme set`) then finds them ready instead of computing them (~60 ms at 100 000 projects).
  private func warmFigures(of snapshot: PortfolioSnapshot) {
    serializer.enqueue { _ = snapshot.figures }
  }

  /// Checks that `scheme` is valid and every stored project is valid under it, without
  /// changing anything; returns the current snapshot.
  public func checkScheme(_ scheme: Scheme) throws -> PortfolioSnapshot {
    let snapshot = self.snapshot
    try Self.check(Self.checked(scheme), fits: snapshot)
    return snapshot
  }

  static func checked(_ scheme: Scheme) throws -> Scheme {
    do { return try scheme.checked() } catch { throw StoreError.invalidScheme(error) }
  }

  /// The stored projects passed every rule when they were written: only the rules a scheme
  /// decides can break now.
  private static func check(_ scheme: Scheme, fits snapshot: PortfolioSnapshot) throws {
    if let error = Validator(scheme: scheme).schemeFitError(forValidProjects: snapshot.projects) {
      throw StoreError.schemeIncompatible(error)
    }
  }

  // MARK: - Snapshots

  /// Freezes the portfolio as it stands under `name`: its projects and its scheme as
  /// documents, its revision and the time. The creation is journaled with its own revision;
  /// the portfolio does not change.
  /// - Throws: ``HistoryError/invalidSnapshotName(_:)``, ``HistoryError/noteTooLong(_:)``,
  ///   ``HistoryError/snapshotExists(_:)``, ``StoreError/revisionMismatch(expected:actual:)``.
  public func createSnapshot(
    named name: String, note: String, context: ChangeContext
  ) async throws -> (snapshot: StoredSnapshot, revision: Int64) {
    guard SnapshotName.isValid(name) else { throw HistoryError.invalidSnapshotName(name) }
    guard note.count <= SnapshotName.maximumNoteLength else { throw HistoryError.noteTooLong(note.count) }
    return try await performWrite { [self] in
      try self.refuseIfReadOnly()
      let before = self.snapshot
      try Self.check(context.expectedRevision, against: before)
      guard try self.storage.snapshot(named: name, documents: false) == nil else {
        throw HistoryError.snapshotExists(name)
      }
      let summary = before.figures.summary
      let frozen = StoredSnapshot(
        name: name, note: note, revision: before.revision,
        revisionCommittedAt: try self.storage.commitTime(ofRevision: before.revision),
        createdBy: context.actor, schemeID: before.scheme.id, projectCount: Int64(before.projects.count),
        totalAmount: summary.totalAmount, weightedComposite: summary.weightedComposite,
        projectsDocument: ProjectsBinary.encode(before.projects),
        schemeDocument: String(decoding: SchemeJSON.encode(before.scheme), as: UTF8.self))
      let receipt = try self.storage.commit(.createSnapshot(frozen), context: context, basis: before.basis)
      // The snapshot is a stored whole state: replays may start from it.
      self.sinceCheckpoint.withLock { $0 = (1, Int64(receipt.payloadBytes)) }
      self.publish(
        before.applying(upserts: [], removals: [], revision: receipt.revision, committedAt: receipt.committedAt),
        receipt: receipt, context: context)
      self.history.remember(before, forSnapshot: name, createdRevision: receipt.revision)
      var created = frozen
      created.createdAt = receipt.committedAt
      created.createdRevision = receipt.revision
      return (created, receipt.revision)
    }
  }

  /// Deletes the snapshot named `name`; journaled.
  /// - Throws: ``HistoryError/snapshotNotFound(_:)``.
  public func deleteSnapshot(named name: String, context: ChangeContext) async throws -> Int64 {
    try await performWrite { [self] in
      try self.refuseIfReadOnly()
      let before = self.snapshot
      try Self.check(context.expectedRevision, against: before)
      guard try self.storage.snapshot(named: name, documents: false) != nil else {
        throw HistoryError.snapshotNotFound(name)
      }
      let receipt = try self.storage.commit(.deleteSnapshot(name: name), context: context, basis: before.basis)
      self.publish(
        before.applying(upserts: [], removals: [], revision: receipt.revision, committedAt: receipt.committedAt),
        receipt: receipt, context: context)
      return receipt.revision
    }
  }

  /// Every snapshot, oldest first, without documents.
  public func snapshots() async throws -> [StoredSnapshot] {
    let storage = self.storage
    return try await history.offPool { try storage.snapshotSummaries() }
  }

  /// The snapshot named `name`; with `documents`, its portfolio as a JSON
  /// `impact-portfolio/2` document (``StoredSnapshot/portfolioDocument``, written from the
  /// frozen binary one) and its scheme document.
  /// - Throws: ``HistoryError/snapshotNotFound(_:)``.
  public func storedSnapshot(named name: String, documents: Bool) async throws -> StoredSnapshot {
    let storage = self.storage
    return try await history.offPool {
      guard var stored = try storage.snapshot(named: name, documents: documents) else {
        throw HistoryError.snapshotNotFound(name)
      }
      if documents, stored.portfolioDocument.isEmpty {
        let state = try PortfolioHistory.decode(stored)
        stored.portfolioDocument = String(
          decoding: PortfolioJSON.encode(
            PortfolioDocument(scheme: state.scheme, projects: state.projects, revision: state.revision)),
          as: UTF8.self)
      }
      stored.projectsDocument = []
      return stored
    }
  }

  /// The observations of a project (or one outcome) recorded at or before `revision`, oldest
  /// first, and how many there are; read off the cooperative pool.
  public func observations(
    projectID: String, outcomeID: String?, after: Int64?, limit: Int, throughRevision revision: Int64?
  ) async throws -> (observations: [Observation], total: Int) {
    let storage = self.storage
    return try await history.offPool {
      try storage.observations(
        projectID: projectID, outcomeID: outcomeID, after: after, limit: limit, throughRevision: revision)
    }
  }

  /// The journal entries `filter` selects after `after`, at most `limit`, read off the
  /// cooperative pool.
  public func journal(
    matching filter: JournalFilter = JournalFilter(), after: Int64?, limit: Int
  ) async throws
    -> [JournalEntry]
  {
    let storage = self.storage
    return try await history.offPool { try storage.journal(matching: filter, after: after, limit: limit) }
  }

  /// When each current rating of `projectID` was given, as the portfolio stood at `revision`:
  /// from the rating history for a past state, from the current ratings otherwise (a rating
  /// recorded after `revision` is left out).
  public func ratingTimes(
    projectID: String, revision: Int64, past: Bool
  ) async throws
    -> [RecordedValues.RatingKey: Date]
  {
    let storage = self.storage
    return try await history.offPool {
      if past { return try storage.ratingTimes(projectID: projectID, throughRevision: revision) }
      let recorded = try storage.recordedValues(of: [projectID])[projectID]
      return (recorded?.ratings ?? [:]).filter { $0.value.revision <= revision }.mapValues(\.at)
    }
  }

  // MARK: - The write path

  /// A daemon started with `--read-only` refuses every write before looking at it, so that
  /// the refusal says why nothing can change rather than what else is wrong with the request.
  func refuseIfReadOnly() throws {
    guard storage.isReadOnly else { return }
    throw StorageError.readOnly(path: storage.location)
  }

  /// What a write does once it has been checked against the current snapshot.
  struct PlannedChange: Sendable {
    var change: StoredChange
    var upserts: [Project] = []
    var removals: [String] = []
    /// A new active scheme: the projects become exactly `upserts`, all rescored.
    var scheme: Scheme?
  }

  /// How long the steps of a write took: checking and planning, writing and committing to
  /// SQLite, and publishing the new snapshot (logged for large imports).
  struct WriteTimings: Sendable {
    var plan: Duration = .zero
    var commit: Duration = .zero
    var publish: Duration = .zero
  }

  private func write(
    _ context: ChangeContext,
    dryRun: Bool = false,
    plan: @escaping @Sendable (PortfolioSnapshot) throws -> PlannedChange?
  ) async throws -> PortfolioSnapshot {
    try await timedWrite(context, dryRun: dryRun, plan: plan).snapshot
  }

  /// ``write(_:dryRun:plan:)``, and how long its steps took.
  private func timedWrite(
    _ context: ChangeContext,
    dryRun: Bool = false,
    plan: @escaping @Sendable (PortfolioSnapshot) throws -> PlannedChange?
  ) async throws -> (snapshot: PortfolioSnapshot, timings: WriteTimings) {
    try await performWrite { [self] in
      if !dryRun { try self.refuseIfReadOnly() }
      let clock = ContinuousClock()
      var timings = WriteTimings()
      let start = clock.now
      let before = self.snapshot
      try Self.check(context.expectedRevision, against: before)
      // No plan: the write would change nothing, and commits nothing.
      guard let planned = try plan(before), !dryRun else {
        timings.plan = clock.now - start
        return (before, timings)
      }
      let afterPlan = clock.now
      timings.plan = afterPlan - start
      let receipt = try self.storage.commit(planned.change, context: context, basis: before.basis)
      let afterCommit = clock.now
      timings.commit = afterCommit - afterPlan
      let after = Self.snapshot(
        after: before, receipt: receipt, upserts: planned.upserts, removals: planned.removals, scheme: planned.scheme)
      self.publish(after, receipt: receipt, context: context)
      timings.publish = clock.now - afterCommit
      return (after, timings)
    }
  }

  /// The snapshot after a committed change: `before` with `upserts` and `removals` applied
  /// (only the changed projects rescored), or, for a change that adopted `scheme`, exactly
  /// `upserts` under it.
  static func snapshot(
    after before: PortfolioSnapshot, receipt: CommitReceipt, upserts: [Project], removals: [String], scheme: Scheme?
  ) -> PortfolioSnapshot {
    scheme.map {
      PortfolioSnapshot(revision: receipt.revision, committedAt: receipt.committedAt, scheme: $0, projects: upserts)
    }
      ?? before.applying(
        upserts: upserts, removals: removals, revision: receipt.revision, committedAt: receipt.committedAt)
  }

  /// The scheme an import adopts: the document's, when it differs from the active one and the
  /// import replaces the portfolio; `nil` when there is nothing to adopt.
  /// - Throws: ``StoreError/schemeDiffers(document:active:)`` for an upsert whose document was
  ///   made with another scheme: it would rescore projects the import does not carry.
  static func schemeAdopted(_ document: Scheme?, by mode: ImportMode, over active: Scheme) throws -> Scheme? {
    guard let document, document != active else { return nil }
    guard mode == .replace else { throw StoreError.schemeDiffers(document: document.id, active: active.id) }
    return document
  }

  /// Makes `snapshot` the current one and announces the change; `followed` for a change another
  /// daemon committed (the daemon that committed it writes the checkpoints it calls for).
  func publish(_ snapshot: PortfolioSnapshot, receipt: CommitReceipt, context: ChangeContext, followed: Bool = false) {
    current.withLock { $0 = snapshot }
    if !followed { scheduleCheckpointIfDue(after: receipt, state: snapshot) }
    onPublish(snapshot)
    broadcaster.publish(
      ChangeEvent(
        revision: receipt.revision,
        committedAt: receipt.committedAt,
        kind: receipt.kind,
        projectIDs: receipt.projectIDs,
        actor: context.actor,
        rpcMethod: context.rpcMethod
      )
    )
  }

  /// Counts the journal `receipt` added and, when the policy says so, writes a checkpoint of
  /// `state` after this write has answered (a checkpoint is derived data: its failure is
  /// logged and costs only replay time).
  private func scheduleCheckpointIfDue(after receipt: CommitReceipt, state: PortfolioSnapshot) {
    let due = sinceCheckpoint.withLock { pending in
      pending.revisions += 1
      pending.bytes += Int64(receipt.payloadBytes)
      guard checkpoints.isDue(pending) else { return false }
      pending = (0, 0)
      return true
    }
    guard due, !storage.isReadOnly else { return }
    let storage = self.storage
    let logger = self.logger
    serializer.enqueue {
      let start = ContinuousClock.now
      do {
        try storage.writeCheckpoint(
          revision: state.revision, scheme: state.scheme, projects: state.projects, at: receipt.committedAt)
        logger.info(
          "checkpoint written",
          metadata: [
            "revision": "\(state.revision)", "projects": "\(state.projects.count)",
            "duration": "\(ContinuousClock.now - start)",
          ], source: Self.logSource)
      } catch {
        logger.warning(
          "checkpoint not written", metadata: ["revision": "\(state.revision)", "error": "\(error)"],
          source: Self.logSource)
      }
    }
  }

  package static func check(_ expected: Int64?, against snapshot: PortfolioSnapshot) throws {
    if let expected, expected != snapshot.revision {
      throw StoreError.revisionMismatch(expected: expected, actual: snapshot.revision)
    }
  }

  private static func validate(_ projects: [Project], scheme: Scheme, frameworkImpacts: Set<String>?) throws {
    if let error = Validator(scheme: scheme, frameworkImpacts: frameworkImpacts).validationError(for: projects) {
      throw StoreError.invalid(error)
    }
  }
}
