/// A file's text and the encoding it was read in.
public struct DecodedText: Sendable, Hashable {
  public var text: String
  public var encoding: TextEncoding
  /// True when the encoding was guessed from the bytes rather than given: worth telling the
  /// reader, who may have meant another one.
  public var detected: Bool

  public init(text: String, encoding: TextEncoding, detected: Bool) {
    self.text = text
    self.encoding = encoding
    self.detected = detected
  }
}
