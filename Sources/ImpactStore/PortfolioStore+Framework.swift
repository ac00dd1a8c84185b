public import Analytics
public import Foundation
public import ImpactStorage
import Logging
import Synchronization

/// The organisation's framework as the daemon holds it: the stored version and its reading.
public struct ActiveFramework: Sendable {
  public var stored: StoredFramework
  /// The framework read from ``StoredFramework/document``; `nil` when the document no longer
  /// reads (a bank indicator this version does not ship), with ``problem`` saying why.
  public var framework: Framework? = nil
  public var problem: String? = nil
}

extension PortfolioStore {
  /// The active framework; `nil` until an admin sets one.
  public var framework: ActiveFramework? {
    frameworkState.withLock { $0 }
  }

  /// The impact ids outcomes may name: the active framework's; `nil` when none is set (or it
  /// no longer reads), and then any well-formed id is accepted.
  public var frameworkImpactIDs: Set<String>? {
    frameworkState.withLock { $0?.framework?.impactIDs }
  }

  /// The version the next framework set gets: one more than the active one's.
  public var nextFrameworkVersion: Int64 {
    (framework?.stored.version ?? 0) + 1
  }

  /// Reads the active framework from the database, at start-up. A stored document that no
  /// longer reads is kept, with its problem, for `GetFramework` to return and a new one to
  /// replace.
  func loadFramework() throws {
    guard let stored = try storage.framework(version: nil) else { return }
    var active = ActiveFramework(stored: stored)
    do {
      active.framework = try FrameworkJSON.decode(
        Data(stored.document.utf8), source: "framework v\(stored.version)", domains: nil)
    } catch {
      active.problem = error.description
      Logger(label: "impactd.store").warning(
        "the stored framework does not read with this version",
        metadata: ["version": "\(stored.version)", "problem": "\(error.description)"])
    }
    frameworkState.withLock { $0 = active }
  }

  /// Makes `framework` (read from `document`, which is stored as given) the active framework:
  /// a new version, journaled (`set_framework`) with a revision of its own; the portfolio does
  /// not change. The caller has checked the document against the active scheme and the bank.
  /// - Throws: ``StoreError/revisionMismatch(expected:actual:)``, ``StorageError``.
  @discardableResult
  public func setFramework(
    _ framework: Framework, document: String, context: ChangeContext
  ) async throws -> ActiveFramework {
    try await performWrite { [self] in
      try self.refuseIfReadOnly()
      let before = self.snapshot
      try Self.check(context.expectedRevision, against: before)
      try Self.check(framework, fits: before)
      let version = self.nextFrameworkVersion
      let receipt = try self.storage.commit(
        .setFramework(document: document, version: version, setBy: context.actor), context: context,
        basis: before.basis)
      let active = ActiveFramework(
        stored: StoredFramework(
          version: version, document: document, setAt: receipt.committedAt, setBy: context.actor,
          revision: receipt.revision),
        framework: framework)
      self.frameworkState.withLock { $0 = active }
      self.publish(
        before.applying(upserts: [], removals: [], revision: receipt.revision, committedAt: receipt.committedAt),
        receipt: receipt, context: context)
      return active
    }
  }
}

extension PortfolioStore {
  /// Refuses a framework that lacks an impact some stored outcome names, listing those
  /// outcomes: every link stays to an impact of the active framework.
  static func check(_ framework: Framework, fits snapshot: PortfolioSnapshot) throws {
    let impacts = framework.impactIDs
    let linked = snapshot.projects.filter { project in
      project.outcomes.contains { $0.impactID.map { !impacts.contains($0) } ?? false }
    }
    guard !linked.isEmpty else { return }
    if let error = Validator(scheme: snapshot.scheme, frameworkImpacts: impacts).validationError(for: linked) {
      throw StoreError.frameworkIncompatible(error)
    }
  }
}
