import Analytics

/// The fields in which two versions of a project differ, for a violation's message.
enum ProjectDifference {
  static func describe(_ first: Project?, _ second: Project?) -> String {
    guard let first, let second else { return first == nil ? "only in the second" : "only in the first" }
    var fields: [String] = []
    func compare<Value: Equatable>(_ name: String, _ path: KeyPath<Project, Value>) {
      let left = first[keyPath: path]
      let right = second[keyPath: path]
      if left != right { fields.append("\(name): \(clipped(left)) ≠ \(clipped(right))") }
    }
    compare("name", \.name)
    compare("programme", \.programme)
    compare("territory", \.territory)
    compare("status", \.status)
    compare("amount", \.amount)
    compare("evidence_level", \.evidenceLevel)
    compare("risks", \.risks)
    compareList("ratings", first.ratings, second.ratings, into: &fields)
    compareList("outcomes", first.outcomes, second.outcomes, into: &fields)
    compare("extra", \.extra)
    return fields.joined(separator: "; ")
  }

  /// Lists: the same elements in another order, or the first position where they differ.
  private static func compareList<Element: Hashable>(
    _ name: String, _ left: [Element], _ right: [Element], into fields: inout [String]
  ) {
    guard left != right else { return }
    if left.count == right.count, Set(left) == Set(right) {
      fields.append("\(name): the same \(left.count) in another order")
      return
    }
    let shared = min(left.count, right.count)
    let index = (0..<shared).first { left[$0] != right[$0] } ?? shared
    let leftElement = index < left.count ? clipped(left[index]) : "none"
    let rightElement = index < right.count ? clipped(right[index]) : "none"
    fields.append("\(name) (\(left.count) vs \(right.count)) differ at [\(index)]: \(leftElement) ≠ \(rightElement)")
  }

  private static func clipped(_ value: Any) -> String {
    let text = String(describing: value)
    return text.count > 400 ? String(text.prefix(400)) + "…" : text
  }
}
