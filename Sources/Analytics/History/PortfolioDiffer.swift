import Dispatch

/// Computes a ``PortfolioDiff`` between two states of a portfolio.
///
/// Only the projects whose inputs or score differ are re-scored for the attribution (2^k
/// scorings each, k the causes that differ, see ``ProjectAttributor``), on up to `lanes`
/// threads; everything else is a pass over the two states' scores.
///
/// ```swift
/// let diff = PortfolioDiffer().diff(from: lastCommittee, to: today)
/// print(diff.attribution[.ratings], diff.changed.count)
/// ```
public struct PortfolioDiffer: Sendable {
  /// The threads scoring and attribution may use.
  public var lanes: Int
  /// How many rank movers a diff lists.
  public var moverCount: Int

  public init(lanes: Int = 1, moverCount: Int = 10) {
    self.lanes = max(1, lanes)
    self.moverCount = max(0, moverCount)
  }

  /// The diff from `before` to `after`, scoring both, of the projects `filter` selects on
  /// each side (a project the filter selects on one side only is added or removed).
  public func diff(
    from before: PortfolioState, to after: PortfolioState, filter: ProjectFilter = .all
  )
    -> PortfolioDiff
  {
    diff(
      from: ScoredPortfolioState(before, lanes: lanes).selecting(filter),
      to: ScoredPortfolioState(after, lanes: lanes).selecting(filter))
  }

  /// The attribution of project `projectID` between the two states with its 16 scorings;
  /// `nil` when one of the states does not hold it.
  public func explain(
    projectID: String, from before: PortfolioState, to after: PortfolioState
  )
    -> AttributionExplanation?
  {
    guard let old = before.projects.first(where: { $0.id == projectID }),
      let new = after.projects.first(where: { $0.id == projectID })
    else { return nil }
    return ProjectAttributor(before: before.scheme, after: after.scheme).explain(old: old, new: new)
  }

  /// The diff from `before` to `after`, from their scores.
  public func diff(from before: ScoredPortfolioState, to after: ScoredPortfolioState) -> PortfolioDiff {
    let attributor = ProjectAttributor(before: before.state.scheme, after: after.state.scheme)
    let beforeAnalyzer = PortfolioAnalyzer(scheme: before.state.scheme)
    let afterAnalyzer = attributor.schemesDiffer ? PortfolioAnalyzer(scheme: after.state.scheme) : beforeAnalyzer
    let beforeSummary = beforeAnalyzer.summary(of: before.scores)
    let afterSummary = afterAnalyzer.summary(of: after.scores)

    let pairing = Pairing(before: before, after: after, schemesDiffer: attributor.schemesDiffer)
    let attributions = attribute(pairing.changed, before: before, after: after, attributor: attributor)
    let weights = CoarseGame(pairing: pairing, before: before.scores, after: after.scores)

    var causes = CauseValues()
    var changes: [ProjectChange] = []
    changes.reserveCapacity(pairing.changed.count)
    let beforeRanks = ranks(beforeAnalyzer.ranking(of: before.scores))
    let afterRanks = ranks(afterAnalyzer.ranking(of: after.scores))
    for (position, pair) in pairing.changed.enumerated() {
      let old = before.scores[pair.before]
      let new = after.scores[pair.after]
      let attribution = attributions[position]
      let weight = weights.meanWeight(oldAmount: old.amount, newAmount: new.amount)
      for cause in AttributionCause.allCases {
        causes[cause] += weight * attribution.rankScore[cause]
      }
      changes.append(
        ProjectChange(
          before: ProjectFigures(old), after: ProjectFigures(new),
          rankBefore: beforeRanks[old.projectID] ?? 0, rankAfter: afterRanks[new.projectID] ?? 0,
          changedFields: Self.changedFields(before.state.projects[pair.before], after.state.projects[pair.after]),
          attribution: attribution, portfolioContribution: weight * (new.rankScore - old.rankScore)))
    }
    changes.sort { $0.projectID < $1.projectID }

    let coarse = weights.shapley()
    let attribution = PortfolioAttribution(
      difference: afterSummary.weightedComposite - beforeSummary.weightedComposite,
      causes: [
        .scheme: causes.scheme, .outcomeData: causes.outcomeData, .ratings: causes.ratings,
        .evidenceAndRisks: causes.evidenceAndRisks, .addedProjects: coarse.added,
        .removedProjects: coarse.removed, .amounts: coarse.amounts,
      ])

    var movers: [RankMove] = []
    for pair in pairing.common {
      let id = after.scores[pair.after].projectID
      let move = RankMove(projectID: id, rankBefore: beforeRanks[id] ?? 0, rankAfter: afterRanks[id] ?? 0)
      if move.places != 0 { movers.append(move) }
    }
    movers.sort { lhs, rhs in
      abs(lhs.places) != abs(rhs.places) ? abs(lhs.places) > abs(rhs.places) : lhs.projectID < rhs.projectID
    }
    if movers.count > moverCount { movers.removeLast(movers.count - moverCount) }

    let domains = Self.domainChanges(before: beforeSummary, after: afterSummary)
    return PortfolioDiff(
      before: beforeSummary,
      after: afterSummary,
      figures: PortfolioFigure.allCases.map {
        FigureChange(figure: $0, before: $0.value(in: beforeSummary), after: $0.value(in: afterSummary))
      },
      domains: domains,
      newGaps: afterSummary.gaps.filter { !beforeSummary.gaps.contains($0) },
      closedGaps: beforeSummary.gaps.filter { !afterSummary.gaps.contains($0) },
      matrix: Self.matrixChanges(
        before: beforeSummary.matrix, after: afterSummary.matrix, domains: domains.map(\.domain)),
      added: pairing.added.map { ProjectFigures(after.scores[$0]) }.sorted { $0.projectID < $1.projectID },
      removed: pairing.removed.map { ProjectFigures(before.scores[$0]) }.sorted { $0.projectID < $1.projectID },
      changed: changes,
      rankMovers: movers,
      attribution: attribution)
  }

  /// The attributions of the changed pairs, in their order, on up to `lanes` threads.
  private func attribute(
    _ pairs: [Pairing.Pair], before: ScoredPortfolioState, after: ScoredPortfolioState, attributor: ProjectAttributor
  ) -> [ProjectAttribution] {
    let count = pairs.count
    // Below a few hundred projects a thread costs more than it saves.
    let laneCount = max(1, min(lanes, count / 256))
    return [ProjectAttribution](unsafeUninitializedCapacity: count) { buffer, initialized in
      let output = SharedBuffer(buffer)
      let work = { @Sendable (lane: Int) in
        for position in (count * lane / laneCount)..<(count * (lane + 1) / laneCount) {
          let pair = pairs[position]
          (output.value.baseAddress.unsafelyUnwrapped + position).initialize(
            to: attributor.attribute(
              old: before.state.projects[pair.before], oldScore: before.scores[pair.before],
              new: after.state.projects[pair.after], newScore: after.scores[pair.after]))
        }
      }
      if laneCount == 1 {
        work(0)
      } else {
        DispatchQueue.concurrentPerform(iterations: laneCount, execute: work)
      }
      initialized = count
    }
  }

  private func ranks(_ ranking: Ranking) -> [String: Int] {
    var ranks: [String: Int] = [:]
    ranks.reserveCapacity(ranking.entries.count)
    for entry in ranking.entries { ranks[entry.projectID] = entry.rank }
    return ranks
  }

  /// The fields of a project that differ, in a fixed order.
  static func changedFields(_ old: Project, _ new: Project) -> [String] {
    var fields: [String] = []
    if old.name != new.name { fields.append("name") }
    if old.programme != new.programme { fields.append("programme") }
    if old.territory != new.territory { fields.append("territory") }
    if old.status != new.status { fields.append("status") }
    if old.amount != new.amount { fields.append("amount") }
    if old.evidenceLevel != new.evidenceLevel { fields.append("evidence_level") }
    if old.risks != new.risks { fields.append("risks") }
    if old.ratings != new.ratings { fields.append("ratings") }
    if old.outcomes != new.outcomes { fields.append("outcomes") }
    if old.extra != new.extra { fields.append("extra") }
    return fields
  }

  static func domainChanges(before: PortfolioSummary, after: PortfolioSummary) -> [DomainChange] {
    var order = after.exposure.map(\.domain)
    for value in before.exposure where !order.contains(value.domain) { order.append(value.domain) }
    return order.map { domain in
      DomainChange(
        domain: domain,
        exposure: ValueChange(before: before.exposure(to: domain), after: after.exposure(to: domain)),
        impactWeightedExposure: ValueChange(
          before: before.impactWeightedExposure(to: domain), after: after.impactWeightedExposure(to: domain)))
    }
  }

  static func matrixChanges(before: CoverageMatrix, after: CoverageMatrix, domains: [String]) -> [CoverageCellChange] {
    var changes: [CoverageCellChange] = []
    for domain in domains {
      for depthClass in DepthClass.allCases {
        let old = before.cell(domain: domain, depthClass: depthClass)
        let new = after.cell(domain: domain, depthClass: depthClass)
        let change = CoverageCellChange(
          domain: domain, depthClass: depthClass, outcomesBefore: old?.outcomes ?? 0, outcomesAfter: new?.outcomes ?? 0,
          amount: ValueChange(before: old?.amount ?? 0, after: new?.amount ?? 0))
        if change.outcomeDifference != 0 || change.amount.difference != 0 { changes.append(change) }
      }
    }
    return changes
  }
}

/// A buffer the lanes of ``PortfolioDiffer`` write disjoint slices of.
private struct SharedBuffer<Element>: @unchecked Sendable {
  let value: UnsafeMutableBufferPointer<Element>
  init(_ value: UnsafeMutableBufferPointer<Element>) { self.value = value }
}
