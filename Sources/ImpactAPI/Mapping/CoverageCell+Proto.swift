public import Analytics

extension Impact_V1_MatrixCell {
  /// The message of a coverage matrix cell.
  public init(_ cell: CoverageCell) {
    self.init()
    domain = cell.domain
    depthClass = Impact_V1_DepthClass(cell.depthClass)
    outcomes = Int64(cell.outcomes)
    amount = cell.amount
  }
}
