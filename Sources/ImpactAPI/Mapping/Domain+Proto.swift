public import Analytics

extension Impact_V1_Domain {
  /// The message of `domain`.
  public init(_ domain: Domain) {
    self.init()
    id = domain.id
    strategic = domain.strategic
    label = Impact_V1_LocalizedText(domain.label)
  }
}

extension Domain {
  /// The domain `proto` describes.
  public init(proto: Impact_V1_Domain) {
    self.init(id: proto.id, strategic: proto.strategic, label: LocalizedText(proto: proto.label))
  }
}
