import Testing

@testable import DaemonCore
@testable import ImpactStorage

@Suite("Text interner of the loader")
struct TextInternerTests {
  private func text(_ value: String, _ interner: inout TextInterner) -> String {
    Array(value.utf8).withUnsafeBufferPointer { interner.text($0) }
  }

  @Test("each value comes back equal, whether first seen, known, empty or past the capacity")
  func values() {
    var interner = TextInterner(capacity: 3)
    let values = [
      "stakeholder_participation", "", "drop_off", "stakeholder_participatioN", "drop_off",
      "été", "", "x", "stakeholder_participation", "beyond the capacity",
    ]
    for value in values + values.reversed() {
      let read = text(value, &interner)
      #expect(read == value)
    }
  }

  @Test("values of the same length but other bytes stay apart")
  func sameLength() {
    var interner = TextInterner()
    let first = text("abc", &interner)
    let second = text("abd", &interner)
    #expect(first == "abc")
    #expect(second == "abd")
  }
}
