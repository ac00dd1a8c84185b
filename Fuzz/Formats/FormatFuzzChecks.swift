import Foundation

// Compiled into every format fuzz target together with the whole of Sources/Analytics (one
// module, so internal names are visible). A broken invariant calls `fatalError`: libFuzzer
// catches the trap, prints the message and saves the input as `crash-<sha1>`.

/// Invariants every format target checks on what the readers return.
enum FormatFuzzChecks {
  /// A refusal must say why: an error with no text would leave a user with nothing to fix.
  static func checkRefusal(_ error: FormatError, target: String) {
    guard !error.issues.isEmpty, !error.description.isEmpty else {
      fatalError("\(target): a refusal with an empty description")
    }
    for issue in error.issues where issue.message.isEmpty {
      fatalError("\(target): an issue with an empty message: \(issue)")
    }
  }

  /// Validation, scoring and the portfolio figures must run on anything the readers accept:
  /// the scorer is documented never to trap, even on projects the validator refuses.
  static func exercise(_ projects: [Project], scheme: Scheme, target: String) -> [ValidationIssue] {
    let issues = Validator(scheme: scheme).validate(projects)
    for issue in issues where issue.message.isEmpty {
      fatalError("\(target): a validation issue with an empty message at \(issue.path)")
    }
    let scorer = ProjectScorer(scheme: scheme)
    let scores = scorer.score(projects)
    guard scores.count == projects.count else {
      fatalError("\(target): \(projects.count) projects gave \(scores.count) scores")
    }
    let analyzer = PortfolioAnalyzer(scheme: scheme)
    _ = analyzer.summary(of: scores)
    _ = analyzer.ranking(of: scores)
    for score in scores.prefix(4) {
      _ = score.outcomes.count + score.criteria.count
    }
    return issues
  }

  /// Reports a broken round trip with both values, so the crash log shows the difference.
  static func roundTripFailed(_ target: String, _ first: Any, _ second: Any) -> Never {
    fatalError("\(target): the round trip changed the value\nfirst:  \(first)\nsecond: \(second)")
  }
}
