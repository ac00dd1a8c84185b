extension PortfolioAnalyzer {
  /// The scores `filter` selects by rank score, highest first, ties sharing a rank and listed
  /// by id; `top` keeps the first N entries (ranks and percentiles stay those of the selection).
  public func ranking(
    of scores: some Collection<ProjectScore>,
    filter: ProjectFilter = .all,
    top: Int? = nil
  ) -> Ranking {
    let selection = Selection(filter: filter, index: index)
    return scores.withContiguousStorageIfAvailable { ranking(of: $0, selection: selection, top: top) }
      ?? Array(scores).withUnsafeBufferPointer { ranking(of: $0, selection: selection, top: top) }
  }

  private func ranking(of scores: UnsafeBufferPointer<ProjectScore>, selection: Selection, top: Int?) -> Ranking {
    guard let base = scores.baseAddress else {
      return Ranking(schemeID: scheme.id, entries: [], selectionSize: 0)
    }
    var order: [(rankScore: Double, position: Int)] = []
    order.reserveCapacity(selection.selectsAll ? scores.count : 0)
    for position in scores.indices where selection.matches(base + position) {
      order.append((base[position].rankScore, position))
    }
    order.sort { lhs, rhs in
      if lhs.rankScore != rhs.rankScore { return lhs.rankScore > rhs.rankScore }
      return base[lhs.position].projectID < base[rhs.position].projectID
    }

    let total = order.count
    let limit = min(max(top ?? total, 0), total)
    var entries: [RankingEntry] = []
    entries.reserveCapacity(limit)
    var groupStart = 0
    while groupStart < limit {
      var groupEnd = groupStart + 1
      while groupEnd < total, order[groupEnd].rankScore == order[groupStart].rankScore {
        groupEnd += 1
      }
      let lower = total - groupEnd
      let percentile = total > 1 ? 100 * Double(lower) / Double(total - 1) : 100
      for position in groupStart..<min(groupEnd, limit) {
        let score = base + order[position].position
        entries.append(
          RankingEntry(
            projectID: score.pointee.projectID,
            rank: groupStart + 1,
            rankScore: score.pointee.rankScore,
            composite: score.pointee.composite,
            percentile: percentile
          )
        )
      }
      groupStart = groupEnd
    }
    return Ranking(schemeID: scheme.id, entries: entries, selectionSize: total)
  }

  /// The projects `projectIDs` side by side, each with its rank and percentile in the
  /// selection `filter` makes.
  public func comparison(
    of projectIDs: [String],
    in scores: some Collection<ProjectScore>,
    filter: ProjectFilter = .all
  ) throws(ComparisonError) -> Comparison {
    let ranking = ranking(of: scores, filter: filter)
    var places: [String: RankingEntry] = [:]
    for entry in ranking.entries {
      places[entry.projectID] = entry
    }
    var byID: [String: ProjectScore] = [:]
    for score in scores where places[score.projectID] != nil {
      byID[score.projectID] = score
    }
    let missing = projectIDs.filter { byID[$0] == nil }
    guard missing.isEmpty else { throw ComparisonError(missingProjectIDs: missing) }
    let entries = projectIDs.compactMap { id -> ComparisonEntry? in
      guard let score = byID[id], let place = places[id] else { return nil }
      return ComparisonEntry(score: score, rank: place.rank, percentile: place.percentile)
    }
    return Comparison(schemeID: scheme.id, entries: entries, selectionSize: ranking.selectionSize)
  }
}
