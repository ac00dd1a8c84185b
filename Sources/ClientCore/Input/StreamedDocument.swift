import Analytics
import Foundation

/// A large JSON document read on its own thread while its first projects are already sent:
/// ``parts`` gives what it says before its projects, then the projects in batches as they are
/// read; ``outcome`` says, once it is read whole, how many projects it gave and every problem
/// of format and of the method's rules (placed by line and column). The stream of an import
/// must not end before the outcome says there is none: a document with a problem changes
/// nothing.
struct StreamedDocument: Sendable {
  enum Part: Sendable {
    /// The scheme and revision the document carries: the first part, before any project.
    case opening(PortfolioJSON.Opening)
    /// Projects in the document's order, and the fraction of the document read so far.
    case projects([Project], fractionRead: Double)
  }

  struct Outcome: Sendable {
    var count: Int
    var issues: [CheckedIssue]
  }

  let parts: AsyncStream<Part>
  let outcome: Task<Outcome, Never>

  /// Starts reading `document` in batches of `batchSize`.
  init(_ document: JSONDocumentCheck, batchSize: Int) {
    let (parts, continuation) = AsyncStream.makeStream(of: Part.self)
    self.parts = parts
    outcome = Task.detached {
      defer { continuation.finish() }
      let size = max(document.data.count, 1)
      var opening = PortfolioJSON.Opening()
      var projects: [Project] = []
      do throws(FormatError) {
        let count = try PortfolioJSON.decode(
          document.data, source: document.name, batchSize: batchSize,
          opening: {
            opening = $0
            continuation.yield(.opening($0))
          },
          projects: { batch, read in
            projects += batch
            continuation.yield(.projects(batch, fractionRead: Double(read) / Double(size)))
          })
        continuation.finish()
        let read = PortfolioDocument(scheme: opening.scheme, projects: projects, revision: opening.revision)
        return Outcome(count: count, issues: document.ruleIssues(read))
      } catch {
        continuation.finish()
        return Outcome(count: projects.count, issues: document.issues(of: error))
      }
    }
  }
}
