/// For each domain of the scheme and each depth class, how many outcomes of the selection sit
/// there and how much money (Σ a_i · share_o) goes to them.
public struct CoverageMatrix: Sendable, Hashable {
  /// The scheme's domain ids, in order: the rows.
  public var domains: [String]
  // Dense row-major storage, domains × DepthClass.allCases.
  var outcomeCounts: [Int]
  var amounts: [Double]

  init(domains: [String], outcomeCounts: [Int], amounts: [Double]) {
    self.domains = domains
    self.outcomeCounts = outcomeCounts
    self.amounts = amounts
  }

  /// The cell of domain number `domainIndex` at `depthClass`.
  public func cell(domainIndex: Int, depthClass: DepthClass) -> CoverageCell {
    let slot = domainIndex * DepthClass.allCases.count + depthClass.ordinal
    return CoverageCell(
      domain: domains[domainIndex],
      domainIndex: domainIndex,
      depthClass: depthClass,
      outcomes: outcomeCounts[slot],
      amount: amounts[slot]
    )
  }

  /// The cell of domain `domain` at `depthClass`, `nil` for a domain the scheme lacks.
  public func cell(domain: String, depthClass: DepthClass) -> CoverageCell? {
    domains.firstIndex(of: domain).map { cell(domainIndex: $0, depthClass: depthClass) }
  }

  /// Every cell with at least one outcome, by domain then depth class.
  public var cells: [CoverageCell] {
    var cells: [CoverageCell] = []
    for domainIndex in domains.indices {
      for depthClass in DepthClass.allCases {
        let cell = cell(domainIndex: domainIndex, depthClass: depthClass)
        if cell.outcomes > 0 { cells.append(cell) }
      }
    }
    return cells
  }
}
