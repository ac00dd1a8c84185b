public import Analytics

extension Impact_V1_Criterion {
  /// The message of `criterion`.
  public init(_ criterion: Criterion) {
    self.init()
    id = criterion.id
    weight = criterion.weight
    label = Impact_V1_LocalizedText(criterion.label)
    levels = Dictionary(
      criterion.levels.map { (Int32(clamping: $0.key), Impact_V1_LocalizedText($0.value)) },
      uniquingKeysWith: { first, _ in first }
    )
  }
}

extension Criterion {
  /// The criterion `proto` describes.
  public init(proto: Impact_V1_Criterion) {
    self.init(
      id: proto.id,
      weight: proto.weight,
      label: LocalizedText(proto: proto.label),
      levels: Dictionary(
        proto.levels.map { (Int($0.key), LocalizedText(proto: $0.value)) },
        uniquingKeysWith: { first, _ in first }
      )
    )
  }
}
