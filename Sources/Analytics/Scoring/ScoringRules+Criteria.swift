/// The qualitative score: the committee's ratings grouped by criterion and reduced to medians.
extension ScoringRules {
  /// L = 25 · Σ w_c · median_c, and the total weight of the rated criteria.
  @inline(__always)
  func qualitative(_ ratings: [Rating]) -> (qualitative: Double, ratedWeight: Double) {
    let weights = index.criterionWeights
    var weightedSum = 0.0
    var ratedWeight = 0.0
    forEachCriterion(ratings) { criterion, values in
      guard let median = Self.median(ofSorted: values) else { return }
      weightedSum += weights[criterion] * median
      ratedWeight += weights[criterion]
    }
    return (25 * weightedSum, ratedWeight)
  }

  /// The breakdown of `ratings` by criterion of the scheme, in the scheme's order.
  ///
  /// Every criterion's values live in one buffer, grouped by criterion and sorted within each
  /// group; each ``CriterionScore`` holds a slice of it.
  func criterionScores(_ ratings: [Rating]) -> [CriterionScore] {
    let criterionIDs = index.criterionIDs
    let weights = index.criterionWeights
    var values: [Double] = []
    values.reserveCapacity(ratings.count)
    var bounds: [Range<Int>] = Array(repeating: 0..<0, count: criterionIDs.count)
    forEachCriterion(ratings) { criterion, sorted in
      let lower = values.count
      values.append(contentsOf: sorted)
      bounds[criterion] = lower..<values.count
    }
    return criterionIDs.indices.map { criterion in
      let group = values[bounds[criterion]]
      return CriterionScore(
        criterion: criterionIDs[criterion],
        weight: weights[criterion],
        median: group.withUnsafeBufferPointer { Self.median(ofSorted: $0) },
        ratingCount: group.count,
        spread: group.last.map { $0 - group[group.startIndex] },
        values: group
      )
    }
  }

  /// Calls `body` with each criterion of the scheme (in order) and its ratings' values,
  /// ascending, in a buffer on the stack: scoring a project allocates nothing for its ratings.
  ///
  /// The values are grouped by criterion in one pass (a counting sort), each inserted in order
  /// into its group as it comes, so a group holds its ratings' values in the order a stable
  /// sort of them gives. A rating of a criterion the scheme lacks is left out.
  @inline(__always)
  func forEachCriterion(_ ratings: [Rating], _ body: (Int, UnsafeBufferPointer<Double>) -> Void) {
    let criterionCount = index.criteria.count
    ratings.withUnsafeBufferPointer { ratings in
      let count = ratings.count
      // Each rating's criterion, then where each criterion's group starts (and where the
      // ratings end), then how far each group is filled.
      withUnsafeTemporaryAllocation(of: Int.self, capacity: count + 2 * criterionCount + 1) { positions in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { values in
          let starts = count
          let ends = count + criterionCount + 1
          for criterion in 0...criterionCount {
            positions[starts + criterion] = 0
          }
          for position in 0..<count {
            let criterion = criterionIndex(of: ratings.baseAddress.unsafelyUnwrapped + position) ?? -1
            positions[position] = criterion
            if criterion >= 0 { positions[starts + criterion + 1] += 1 }
          }
          for criterion in 0..<criterionCount {
            positions[starts + criterion + 1] += positions[starts + criterion]
            positions[ends + criterion] = positions[starts + criterion]
          }
          for position in 0..<count {
            let criterion = positions[position]
            guard criterion >= 0 else { continue }
            let start = positions[starts + criterion]
            let value = ratings[position].value
            // Insertion keeps the group sorted; groups hold a few ratings.
            var slot = positions[ends + criterion]
            while slot > start, values[slot - 1] > value {
              values[slot] = values[slot - 1]
              slot -= 1
            }
            values[slot] = value
            positions[ends + criterion] += 1
          }
          for criterion in 0..<criterionCount {
            let group = positions[starts + criterion]..<positions[ends + criterion]
            body(criterion, UnsafeBufferPointer(rebasing: values[group]))
          }
        }
      }
    }
  }

  /// The position of the rating's criterion in the scheme, `nil` when the scheme lacks it.
  @inline(__always)
  func criterionIndex(of rating: UnsafePointer<Rating>) -> Int? {
    guard let criterionOffset else { return index.criterionIndex(of: rating.pointee.criterion) }
    return index.criteria.position(ofStringAt: UnsafeRawPointer(rating) + criterionOffset)
  }

  /// The median of ascending `values` (mean of the two middle values for an even count);
  /// `nil` when there is none.
  @inline(__always)
  static func median(ofSorted values: UnsafeBufferPointer<Double>) -> Double? {
    let count = values.count
    guard count > 0 else { return nil }
    let middle = count / 2
    return count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
  }
}
