// The bank's texts are `{"fr": "...", "en": "..."}` objects.
extension LocalizedText: Codable {
  enum CodingKeys: String, CodingKey {
    case fr, en
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(fr: try container.decode(String.self, forKey: .fr), en: try container.decode(String.self, forKey: .en))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(fr, forKey: .fr)
    try container.encode(en, forKey: .en)
  }
}
