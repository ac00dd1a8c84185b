/// Applies what-if changes to a copy of a portfolio and reports before and after, without
/// touching the portfolio itself.
///
/// Only the added and replaced projects are scored; the rest come from the scores given, so a
/// process that caches scores answers a what-if in one portfolio pass and two rankings.
public struct WhatIfSimulator: Sendable {
  public let scorer: ProjectScorer
  public let analyzer: PortfolioAnalyzer

  public init(scheme: Scheme) {
    scorer = ProjectScorer(scheme: scheme)
    analyzer = PortfolioAnalyzer(scheme: scheme)
  }

  /// Tries `changes`, in order, on the portfolio whose cached scores are `scores`, and compares
  /// the selection `filter` makes before and after.
  public func simulate(
    _ changes: [WhatIfChange],
    on scores: [ProjectScore],
    filter: ProjectFilter = .all
  ) throws(WhatIfError) -> WhatIfResult {
    var changed: [ProjectScore?] = scores
    var positions: [String: Int] = [:]
    positions.reserveCapacity(scores.count)
    for (position, score) in scores.enumerated() {
      positions[score.projectID] = position
    }
    var touched: [String] = []
    for (changeIndex, change) in changes.enumerated() {
      switch change {
      case .add(let project):
        guard positions[project.id] == nil else {
          throw WhatIfError(changeIndex: changeIndex, projectID: project.id, reason: .alreadyExists)
        }
        positions[project.id] = changed.count
        changed.append(scorer.score(project))
        touched.append(project.id)
      case .remove(let projectID):
        guard let position = positions.removeValue(forKey: projectID) else {
          throw WhatIfError(changeIndex: changeIndex, projectID: projectID, reason: .notFound)
        }
        changed[position] = nil
      case .replace(let project):
        guard let position = positions[project.id] else {
          throw WhatIfError(changeIndex: changeIndex, projectID: project.id, reason: .notFound)
        }
        changed[position] = scorer.score(project)
        touched.append(project.id)
      }
    }
    let afterScores = changed.compactMap { $0 }
    let changedScores = touched.compactMap { id in positions[id].flatMap { changed[$0] } }

    let before = analyzer.summary(of: scores, filter: filter)
    let after = analyzer.summary(of: afterScores, filter: filter)
    let rankChanges = rankChanges(
      before: analyzer.ranking(of: scores, filter: filter),
      after: analyzer.ranking(of: afterScores, filter: filter),
      touched: Set(touched)
    )
    return WhatIfResult(
      before: before,
      after: after,
      differences: Self.differences(before: before, after: after),
      rankChanges: rankChanges,
      changedScores: changedScores
    )
  }

  /// Tries `changes` on `projects`, scoring them all first.
  public func simulate(
    _ changes: [WhatIfChange],
    on projects: [Project],
    filter: ProjectFilter = .all
  ) throws(WhatIfError) -> WhatIfResult {
    try simulate(changes, on: scorer.score(projects), filter: filter)
  }

  private func rankChanges(before: Ranking, after: Ranking, touched: Set<String>) -> [RankChange] {
    var beforeRanks: [String: Int] = [:]
    beforeRanks.reserveCapacity(before.entries.count)
    for entry in before.entries {
      beforeRanks[entry.projectID] = entry.rank
    }
    var changes: [RankChange] = []
    for entry in after.entries {
      let previous = beforeRanks.removeValue(forKey: entry.projectID)
      if let previous {
        if previous != entry.rank {
          changes.append(RankChange(projectID: entry.projectID, before: previous, after: entry.rank, kind: .moved))
        } else if touched.contains(entry.projectID) {
          changes.append(RankChange(projectID: entry.projectID, before: previous, after: entry.rank, kind: .unchanged))
        }
      } else {
        changes.append(RankChange(projectID: entry.projectID, before: nil, after: entry.rank, kind: .added))
      }
    }
    let removed = beforeRanks.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
    for (projectID, rank) in removed {
      changes.append(RankChange(projectID: projectID, before: rank, after: nil, kind: .removed))
    }
    return changes
  }

  /// Every named figure of two summaries of the same scheme, side by side.
  static func differences(before: PortfolioSummary, after: PortfolioSummary) -> [FigureDifference] {
    var differences = [
      FigureDifference(name: "projects", before: Double(before.projects), after: Double(after.projects)),
      FigureDifference(name: "total_amount", before: before.totalAmount, after: after.totalAmount),
      FigureDifference(name: "weighted_composite", before: before.weightedComposite, after: after.weightedComposite),
      FigureDifference(
        name: "weighted_quantitative", before: before.weightedQuantitative, after: after.weightedQuantitative),
      FigureDifference(
        name: "weighted_qualitative", before: before.weightedQualitative, after: after.weightedQualitative),
      FigureDifference(name: "weighted_depth", before: before.weightedDepth, after: after.weightedDepth),
      FigureDifference(name: "hhi", before: before.hhi, after: after.hhi),
      FigureDifference(name: "effective_domains", before: before.effectiveDomains, after: after.effectiveDomains),
      FigureDifference(name: "coverage", before: before.coverage, after: after.coverage),
      FigureDifference(name: "deep_coverage", before: before.deepCoverage, after: after.deepCoverage),
      FigureDifference(name: "social_value", before: before.socialValue, after: after.socialValue),
      FigureDifference(name: "sroi", before: before.sroi, after: after.sroi),
    ]
    for (old, new) in zip(before.exposure, after.exposure) {
      differences.append(FigureDifference(name: "exposure.\(old.domain)", before: old.value, after: new.value))
    }
    for (old, new) in zip(before.impactWeightedExposure, after.impactWeightedExposure) {
      differences.append(
        FigureDifference(name: "impact_weighted_exposure.\(old.domain)", before: old.value, after: new.value))
    }
    for domainIndex in before.matrix.domains.indices where domainIndex < after.matrix.domains.count {
      for depthClass in DepthClass.allCases {
        let old = before.matrix.cell(domainIndex: domainIndex, depthClass: depthClass)
        let new = after.matrix.cell(domainIndex: domainIndex, depthClass: depthClass)
        guard old.outcomes > 0 || new.outcomes > 0 else { continue }
        let name = "matrix.\(old.domain).\(depthClass.rawValue)"
        differences.append(
          FigureDifference(name: "\(name).outcomes", before: Double(old.outcomes), after: Double(new.outcomes)))
        differences.append(FigureDifference(name: "\(name).amount", before: old.amount, after: new.amount))
      }
    }
    return differences
  }
}
