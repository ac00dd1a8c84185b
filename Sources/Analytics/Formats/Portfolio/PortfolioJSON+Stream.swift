extension PortfolioJSON {
  /// Writes an `impact-portfolio` document a few projects at a time: the opening (format,
  /// revision, scheme), each project as it comes, then the closing. The pieces put together
  /// are the same text as ``encode(_:)`` writes for the whole document at once, so a streamed
  /// export holds one chunk of projects, never the document.
  public struct StreamWriter: Sendable {
    private let riskOrder: [String]
    private var written = 0

    /// A writer of the document of `scheme`'s projects at `revision`.
    public init(scheme: Scheme?, revision: Int64?) {
      riskOrder = (scheme ?? .impactV1).riskTypes
      self.opening = Self.opening(scheme: scheme, revision: revision)
    }

    /// Everything before the first project: `{`, the format, the revision, the scheme, and
    /// `"projects": [`.
    public let opening: String

    /// The text of `project` as the next element of the `projects` array.
    public mutating func element(_ project: Project) -> String {
      var text = written == 0 ? "\n    " : ",\n    "
      PortfolioJSON.output(project, riskOrder: riskOrder).write(into: &text, indent: 4)
      written += 1
      return text
    }

    /// Everything after the last project.
    public var closing: String { written == 0 ? "]\n}\n" : "\n  ]\n}\n" }

    private static func opening(scheme: Scheme?, revision: Int64?) -> String {
      var text = "{\n  \"format\": "
      if let revision {
        JSONOutput.writeString(PortfolioDocument.formatWithRevision, into: &text)
        text += ",\n  \"revision\": " + JSONOutput.numberText(Double(revision))
      } else {
        JSONOutput.writeString(PortfolioDocument.format, into: &text)
      }
      if let scheme {
        text += ",\n  \"scheme\": "
        SchemeJSON.output(scheme).write(into: &text, indent: 2)
      }
      return text + ",\n  \"projects\": ["
    }
  }
}
