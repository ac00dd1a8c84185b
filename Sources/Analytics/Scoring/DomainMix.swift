/// A project's outcomes reduced to what portfolio figures read (domain, depth class, share),
/// packed inline in the score so a pass over many scores stays in a few cache lines per
/// project instead of following each score's outcome array.
///
/// It is derived from the outcome scores, so it takes no part in equality or hashing.
struct DomainMix: Sendable, Hashable {
  static let capacity = 4
  // A code is domainIndex << 2 | depth class ordinal, 16 bits each.
  private static let largestDomainIndex = (1 << 14) - 1

  /// The number of packed outcomes, or -1 when they do not fit and the outcome array is read.
  private(set) var count: Int8
  private var codes: UInt64
  private var shares: (Double, Double, Double, Double)

  init() {
    count = 0
    codes = 0
    shares = (0, 0, 0, 0)
  }

  init(_ outcomes: [OutcomeScore]) {
    self.init()
    for outcome in outcomes {
      append(domainIndex: outcome.domainIndex, depthOrdinal: outcome.depthClass.ordinal, share: outcome.share)
    }
  }

  /// Adds one outcome; an outcome in a domain the scheme lacks is left out, as in the figures.
  @inline(__always)
  mutating func append(domainIndex: Int?, depthOrdinal: Int, share: Double) {
    guard let domain = domainIndex, count >= 0 else { return }
    guard Int(count) < Self.capacity, domain <= Self.largestDomainIndex else {
      count = -1
      return
    }
    let slot = Int(count)
    codes |= UInt64(domain << 2 | depthOrdinal) << (16 * slot)
    withUnsafeMutableBytes(of: &shares) { $0.storeBytes(of: share, toByteOffset: 8 * slot, as: Double.self) }
    count += 1
  }

  /// Whether an outcome of the mix is in a domain `mask` marks; only meaningful when `fitsInline`.
  @inline(__always)
  func containsDomain(in mask: [Bool]) -> Bool {
    for slot in 0..<Int(count) where mask[domainIndex(slot)] {
      return true
    }
    return false
  }

  var fitsInline: Bool { count >= 0 }

  @inline(__always)
  func domainIndex(_ slot: Int) -> Int {
    Int((codes >> (16 * slot)) & 0xFFFF) >> 2
  }

  @inline(__always)
  func depthOrdinal(_ slot: Int) -> Int {
    Int((codes >> (16 * slot)) & 0b11)
  }

  @inline(__always)
  func share(_ slot: Int) -> Double {
    withUnsafeBytes(of: shares) { $0.load(fromByteOffset: 8 * slot, as: Double.self) }
  }

  static func == (lhs: DomainMix, rhs: DomainMix) -> Bool { true }
  func hash(into hasher: inout Hasher) {}
}
