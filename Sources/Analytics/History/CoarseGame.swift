/// The portfolio's weighted composite W as a game of four coarse players, from a handful of
/// sums: the projects added (bit 1), the projects removed (bit 2), the amounts of the
/// projects both states hold (bit 4) and their rank scores (bit 8). A player in the coalition
/// takes the later state's side: the added projects are in, the removed ones out, the later
/// amounts or rank scores are used.
///
/// W = Σ a_i R_i / Σ a_i, or the plain mean of R_i when no capital is committed (as in
/// ``PortfolioAnalyzer``), 0 for no project.
struct CoarseGame: Sendable {
  // Projects both states hold: Σ a R for each (amount side, score side), Σ a per side, Σ R per side.
  var commonAmountScore = [[0.0, 0.0], [0.0, 0.0]]
  var commonAmount = [0.0, 0.0]
  var commonScore = [0.0, 0.0]
  var commonCount = 0
  var addedAmountScore = 0.0
  var addedAmount = 0.0
  var addedScore = 0.0
  var addedCount = 0
  var removedAmountScore = 0.0
  var removedAmount = 0.0
  var removedScore = 0.0
  var removedCount = 0
  /// ω̄_i = oldCoefficient · a_i(before) + newCoefficient · a_i(after) + equalWeight.
  private(set) var oldCoefficient = 0.0
  private(set) var newCoefficient = 0.0
  private(set) var equalWeight = 0.0

  static let added = 1
  static let removed = 2
  static let amounts = 4
  static let scores = 8

  init(pairing: Pairing, before: [ProjectScore], after: [ProjectScore]) {
    for pair in pairing.common {
      let amounts = [before[pair.before].amount, after[pair.after].amount]
      let scores = [before[pair.before].rankScore, after[pair.after].rankScore]
      for side in 0..<2 {
        commonAmount[side] += amounts[side]
        commonScore[side] += scores[side]
        for scoreSide in 0..<2 { commonAmountScore[side][scoreSide] += amounts[side] * scores[scoreSide] }
      }
    }
    commonCount = pairing.common.count
    for position in pairing.added {
      addedAmount += after[position].amount
      addedScore += after[position].rankScore
      addedAmountScore += after[position].amount * after[position].rankScore
    }
    addedCount = pairing.added.count
    for position in pairing.removed {
      removedAmount += before[position].amount
      removedScore += before[position].rankScore
      removedAmountScore += before[position].amount * before[position].rankScore
    }
    removedCount = pairing.removed.count
    // The rank-score player's marginal value in coalition T is Σ_i ω_i(T) ΔR_i; average ω_i(T)
    // with the Shapley weights of T.
    for coalition in 0..<8 {
      let weight = ShapleyValues.weight(size: coalition.nonzeroBitCount, players: 4)
      let (capital, count) = capitalAndCount(coalition)
      if capital > 0 {
        if coalition & Self.amounts != 0 {
          newCoefficient += weight / capital
        } else {
          oldCoefficient += weight / capital
        }
      } else if count > 0 {
        equalWeight += weight / Double(count)
      }
    }
  }

  private func capitalAndCount(_ coalition: Int) -> (Double, Int) {
    var capital = commonAmount[coalition & Self.amounts != 0 ? 1 : 0]
    var count = commonCount
    if coalition & Self.added != 0 {
      capital += addedAmount
      count += addedCount
    }
    if coalition & Self.removed == 0 {
      capital += removedAmount
      count += removedCount
    }
    return (capital, count)
  }

  /// W for `coalition`.
  func value(_ coalition: Int) -> Double {
    let amountSide = coalition & Self.amounts != 0 ? 1 : 0
    let scoreSide = coalition & Self.scores != 0 ? 1 : 0
    let (capital, count) = capitalAndCount(coalition)
    var weighted = commonAmountScore[amountSide][scoreSide]
    var plain = commonScore[scoreSide]
    if coalition & Self.added != 0 {
      weighted += addedAmountScore
      plain += addedScore
    }
    if coalition & Self.removed == 0 {
      weighted += removedAmountScore
      plain += removedScore
    }
    if capital > 0 { return weighted / capital }
    return count > 0 ? plain / Double(count) : 0
  }

  /// ω̄_i of a project both states hold.
  func meanWeight(oldAmount: Double, newAmount: Double) -> Double {
    oldCoefficient * oldAmount + newCoefficient * newAmount + equalWeight
  }

  /// The Shapley values of the four players.
  func shapley() -> (added: Double, removed: Double, amounts: Double, scores: Double) {
    let values = ShapleyValues.compute(players: 4, values: (0..<16).map(value))
    return (values[0], values[1], values[2], values[3])
  }
}
