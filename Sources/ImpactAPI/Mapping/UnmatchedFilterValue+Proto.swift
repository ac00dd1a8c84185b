public import Analytics

extension Impact_V1_UnmatchedFilterValue {
  /// The message of `value`; `field` is the ProjectFilter field name (`programmes`).
  public init(_ value: UnmatchedFilterValue) {
    self.init()
    field = value.field.rawValue
    self.value = value.value
    nearest = value.nearest
  }
}
