public import Analytics

extension Impact_V1_FigureDelta {
  /// The message of `difference`; absent values stay unset.
  public init(_ difference: FigureDifference) {
    self.init()
    figure = difference.name
    if let before = difference.before { self.before = before }
    if let after = difference.after { self.after = after }
    if let delta = difference.delta { self.delta = delta }
  }
}
