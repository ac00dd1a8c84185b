public import Analytics

extension Impact_V1_Survey {
  /// The message of `survey`.
  public init(_ survey: Survey) {
    self.init()
    veryMuch = survey.veryMuch
    slightly = survey.slightly
  }
}

extension Survey {
  /// The survey `proto` describes. Ranges are checked by validation, not here.
  public init(proto: Impact_V1_Survey) {
    self.init(veryMuch: proto.veryMuch, slightly: proto.slightly)
  }
}
