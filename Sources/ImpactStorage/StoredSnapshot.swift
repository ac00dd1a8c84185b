public import Foundation

/// A named snapshot as stored in the `snapshots` table: the projects (an
/// `impact-projects-bin/1` document, ``ProjectsBinary``) and the scheme (JSON) frozen, with the
/// figures a list shows. Its numbers never change afterwards: reading it decodes the documents,
/// whatever the scheme or the code's defaults have become.
public struct StoredSnapshot: Sendable, Hashable {
  public var name: String
  public var note: String
  /// The revision of the portfolio it froze.
  public var revision: Int64
  /// When that revision was committed; `nil` for revision 0.
  public var revisionCommittedAt: Date?
  /// When the snapshot was created (the commit time of its journal entry).
  public var createdAt: Date?
  public var createdBy: String
  /// The revision of its creation.
  public var createdRevision: Int64
  public var schemeID: String
  public var projectCount: Int64
  public var totalAmount: Double
  public var weightedComposite: Double
  /// The projects, an `impact-projects-bin/1` document; empty when the documents were not
  /// read, or for a snapshot made before schema v9, which has ``portfolioDocument`` instead.
  public var projectsDocument: [UInt8]
  /// The portfolio as a JSON `impact-portfolio/2` document, kept only by snapshots made
  /// before schema v9; empty otherwise.
  public var portfolioDocument: String
  /// The scheme document (JSON); empty when the documents were not read.
  public var schemeDocument: String
  /// The size of both documents, bytes.
  public var storedBytes: Int64

  public init(
    name: String, note: String, revision: Int64, revisionCommittedAt: Date?, createdAt: Date? = nil,
    createdBy: String, createdRevision: Int64 = 0, schemeID: String, projectCount: Int64,
    totalAmount: Double, weightedComposite: Double, projectsDocument: [UInt8] = [], portfolioDocument: String = "",
    schemeDocument: String, storedBytes: Int64? = nil
  ) {
    self.name = name
    self.note = note
    self.revision = revision
    self.revisionCommittedAt = revisionCommittedAt
    self.createdAt = createdAt
    self.createdBy = createdBy
    self.createdRevision = createdRevision
    self.schemeID = schemeID
    self.projectCount = projectCount
    self.totalAmount = totalAmount
    self.weightedComposite = weightedComposite
    self.projectsDocument = projectsDocument
    self.portfolioDocument = portfolioDocument
    self.schemeDocument = schemeDocument
    self.storedBytes =
      storedBytes ?? Int64(projectsDocument.count + portfolioDocument.utf8.count + schemeDocument.utf8.count)
  }
}
