/// The existing values nearest to a value that matched none of them, so that a message can
/// say `did you mean Hébergement?` rather than only `nothing found`.
public enum NearestValues {
  /// At most `limit` of `candidates`, closest to `typed` first: values containing what was
  /// typed (or contained in it) come first, then the others by edit distance, ties by the
  /// value's own order. Values much further than the typed text is long are left out.
  public static func nearest(to typed: String, in candidates: some Sequence<String>, limit: Int = 5) -> [String] {
    let key = SearchKey(typed)
    var ranked: [(rank: Int, value: String)] = []
    for candidate in Set(candidates) {
      let candidateKey = SearchKey(candidate)
      let rank: Int
      if !key.text.isEmpty, candidateKey.contains(key) || key.contains(candidateKey) {
        rank = 0
      } else if sharesWordStart(key, candidateKey) {
        // `santé publique` is near `Santé et bien-être`: a typed word starts one of its words.
        rank = 1
      } else {
        // Compare with the candidate's start too, so `heberg` is near `hébergement d'urgence`.
        let start = SearchKey(String(candidateKey.text.prefix(key.text.count)))
        rank = 2 + Swift.min(candidateKey.distance(to: key), start.distance(to: key) + 1)
        guard rank <= Swift.max(4, key.text.count / 3 + 2) else { continue }
      }
      ranked.append((rank, candidate))
    }
    return ranked.sorted { ($0.rank, $0.value) < ($1.rank, $1.value) }.prefix(limit).map(\.value)
  }

  /// Whether a typed word of at least three letters starts a word of the candidate.
  private static func sharesWordStart(_ typed: SearchKey, _ candidate: SearchKey) -> Bool {
    let words = candidate.words
    return typed.words.contains { word in word.count >= 3 && words.contains { $0.hasPrefix(word) } }
  }
}
