extension Validator {
  /// The rules of a document checked a batch of projects at a time, as they are read or
  /// received: after the last batch, ``error`` is what ``Validator/validationError(for:)-(_:PortfolioDocument)``
  /// gives for the whole document at once (the same issues, in the same order, the same cap),
  /// duplicates across batches included. A streamed import checks each chunk as it comes, so
  /// that a broken project is refused at once and the end of the stream waits for no
  /// validation of the whole document.
  public final class Run {
    private let validator: Validator
    private let collector = IssueCollector()
    private var seen: Set<String> = []
    /// A document scheme refused whole checks no project.
    private let schemeRefused: Bool

    /// A run of `validator`'s rules, or, when the document carries `documentScheme`, of that
    /// scheme's rules once the scheme itself is found valid.
    public init(_ validator: Validator, documentScheme: Scheme? = nil) {
      guard let documentScheme else {
        self.validator = validator
        schemeRefused = false
        return
      }
      self.validator = Validator(scheme: documentScheme)
      let schemeIssues = documentScheme.validate()
      for issue in schemeIssues {
        collector.add {
          ValidationIssue(
            path: "scheme.\(issue.path)", projectID: nil, outcomeID: nil, field: issue.path,
            rule: .invalidScheme,
            message: "scheme \(documentScheme.id): \(issue.message)",
            values: issue.values.merging(
              ["scheme": documentScheme.id, "scheme_rule": issue.rule.code], uniquingKeysWith: { $1 }))
        }
      }
      schemeRefused = !schemeIssues.isEmpty
    }

    /// The scheme the projects are checked against.
    public var scheme: Scheme { validator.scheme }

    /// Checks the next projects of the document.
    public func check(_ projects: some Sequence<Project>) {
      guard !schemeRefused else { return }
      for project in projects {
        validator.checkProject(project, duplicate: !seen.insert(project.id).inserted, into: collector)
      }
    }

    /// Every rule broken so far, as an error listing the first ``Validator/maximumIssues``
    /// and counting the others; nil while none is.
    public var error: ValidationError? { collector.error }
  }
}
