import Crypto

/// A bearer token: `impact_<id>_<secret>`, where the 16-hex-digit id names the stored
/// credential and the secret is 32 random bytes in base64url.
///
/// Only the SHA-256 of the secret is stored. A presented token is found by its id and accepted
/// when the digest of its secret equals the stored one, compared in constant time. The secret
/// is 256 random bits, so a fast hash is enough: there is nothing to brute-force.
public struct BearerToken: Sendable, Hashable {
  /// The public part, stored in clear to find the credential.
  public let id: String
  /// The secret part, never stored.
  let secret: String

  static let prefix = "impact_"

  /// A new token from the system's secure random source.
  public static func generate() -> BearerToken {
    var generator = SystemRandomNumberGenerator()
    let idBytes = (0..<8).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    let secretBytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return BearerToken(id: hex(idBytes), secret: base64URL(secretBytes))
  }

  /// Parses the text a client sends; `nil` when it is not shaped like a token.
  public init?(parsing text: String) {
    guard text.hasPrefix(Self.prefix) else { return nil }
    let parts = text.dropFirst(Self.prefix.count).split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 16, parts[0].allSatisfy(\.isHexDigit),
      parts[1].count == 43,
      parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    else { return nil }
    self.init(id: String(parts[0]).lowercased(), secret: String(parts[1]))
  }

  private init(id: String, secret: String) {
    self.id = id
    self.secret = secret
  }

  /// The text to hand to the client, shown once at creation.
  public var text: String { "\(Self.prefix)\(id)_\(secret)" }

  /// What is stored: SHA-256 of the secret.
  public var secretDigest: [UInt8] { Array(SHA256.hash(data: Array(secret.utf8))) }

  /// Whether this token's secret has the stored digest; takes the same time whichever bytes
  /// differ, so the response time tells nothing about the stored digest.
  public func matches(storedDigest: [UInt8]) -> Bool {
    Self.constantTimeEqual(secretDigest, storedDigest)
  }

  /// Byte-wise equality whose time depends only on the lengths.
  static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
    return difference == 0
  }

  private static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return text
  }

  private static func base64URL(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    var text = ""
    var buffer = 0
    var bits = 0
    for byte in bytes {
      buffer = (buffer << 8) | Int(byte)
      bits += 8
      while bits >= 6 {
        bits -= 6
        text.append(alphabet[(buffer >> bits) & 0x3f])
      }
    }
    if bits > 0 { text.append(alphabet[(buffer << (6 - bits)) & 0x3f]) }
    return text
  }
}
