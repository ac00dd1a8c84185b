/// Page sizes as the AIP says: 0 means the default, larger than the maximum is clamped, negative is an error.
enum PageSize {
  static let defaultSize = 100

  static func resolve(_ requested: Int32, maximum: Int) throws -> Int {
    if requested < 0 { throw RPCErrorFactory.negative("page_size", requested) }
    if requested == 0 { return min(defaultSize, maximum) }
    return min(Int(requested), maximum)
  }
}
