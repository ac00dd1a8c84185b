public import Analytics

extension Impact_V1_QuantitativeWeights {
  /// The message of `weights`.
  public init(_ weights: QuantitativeWeights) {
    self.init()
    scale = weights.scale
    depth = weights.depth
    duration = weights.duration
    contribution = weights.contribution
  }
}

extension QuantitativeWeights {
  /// The weights `proto` holds.
  public init(proto: Impact_V1_QuantitativeWeights) {
    self.init(scale: proto.scale, depth: proto.depth, duration: proto.duration, contribution: proto.contribution)
  }
}
