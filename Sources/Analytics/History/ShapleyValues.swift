/// Exact Shapley values of a game with a few players, from the value of every coalition.
///
/// `values[mask]` is the value of the coalition whose members are the set bits of `mask`;
/// player i's value is Σ_{S ∌ i} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)). The values sum
/// to v(all) − v(∅) (efficiency), a player whose bit never changes the value gets exactly 0,
/// and the result does not depend on the order players are numbered in.
enum ShapleyValues {
  /// The Shapley value of each of `players` players; `values` holds 2^players entries.
  static func compute(players: Int, values: [Double]) -> [Double] {
    precondition(values.count == 1 << players, "one value per coalition")
    var factorial = [1.0]
    for n in 1...max(players, 1) { factorial.append(factorial[n - 1] * Double(n)) }
    var result = [Double](repeating: 0, count: players)
    for player in 0..<players {
      let bit = 1 << player
      var value = 0.0
      for mask in 0..<(1 << players) where mask & bit == 0 {
        let size = mask.nonzeroBitCount
        let weight = factorial[size] * factorial[players - size - 1] / factorial[players]
        value += weight * (values[mask | bit] - values[mask])
      }
      result[player] = value
    }
    return result
  }

  /// The Shapley weight of a coalition of `size` players that a further player joins, in a
  /// game of `players` players.
  static func weight(size: Int, players: Int) -> Double {
    var factorial = [1.0]
    for n in 1...max(players, 1) { factorial.append(factorial[n - 1] * Double(n)) }
    return factorial[size] * factorial[players - size - 1] / factorial[players]
  }
}
