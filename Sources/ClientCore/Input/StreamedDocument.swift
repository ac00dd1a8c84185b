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
    /// How many projects the document gave (0 when it does not read).
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
      // The rules are checked a batch at a time as the document is read, so that its end
      // waits for no check of the whole document.
      var rules: Validator.Run?
      do throws(FormatError) {
        let count = try PortfolioJSON.decode(
          document.data, source: document.name, batchSize: batchSize,
          opening: {
            rules = Validator.Run(Validator(scheme: document.scheme), documentScheme: $0.scheme)
            continuation.yield(.opening($0))
          },
          projects: { batch, read in
            rules?.check(batch)
            continuation.yield(.projects(batch, fractionRead: Double(read) / Double(size)))
          })
        continuation.finish()
        return Outcome(count: count, issues: document.located(rules?.error?.issues ?? []))
      } catch {
        continuation.finish()
        return Outcome(count: 0, issues: document.issues(of: error))
      }
    }
  }
}
