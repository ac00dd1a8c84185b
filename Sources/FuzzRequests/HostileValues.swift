import Foundation
import SwiftProtobuf
import SyntheticData

/// Values chosen to break request handlers: out-of-range and non-finite numbers, strings that
/// are empty, huge, or full of control characters and odd Unicode, identifiers outside the
/// alphabet, absurd page tokens and timestamps.
enum HostileValues {
  static let strings: [String] = [
    "", " ", "\t\n\r", "\u{0}", "a\u{0}b", "\u{1}\u{7}\u{1B}[31m\u{7F}", "\u{FEFF}", "\u{FEFF}id",
    "\u{202E}gnp.exe", "e\u{301}\u{301}\u{301}", "\u{200B}", "\u{FFFD}", "🦄👩‍👩‍👧‍👦", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "'; DROP TABLE projects; --", "%s%n%x", "../../etc/passwd", "a/b", "..", ".", "-", "_",
    "{\"a\":", "\"", "\\", "null", "NaN", "1e999", "-0", "projects[0]", "*", "anonymous",
    "/impact.v1.ProjectService/CreateProject", String(repeating: "x", count: 65),
    String(repeating: "é", count: 64), String(repeating: "a", count: 64),
  ]

  static let doubles: [Double] = [
    .nan, -.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
    .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .ulpOfOne, -0.0, 0, -1, -1e-300, 1e300,
    1.0000001, 4.0000001, 5, 51, 1e15, 9_007_199_254_740_994, Double(Int64.max), -Double(Int64.max),
  ]

  static let int32s: [Int32] = [.min, .min + 1, -1_000_000, -1, 0, 1, 4, 5, 6, 50, 51, 1000, 1001, .max]

  static let int64s: [Int64] = [.min, .min + 1, -1, 0, 1, 2, 1 << 53, Int64(Int32.max) + 1, .max]

  /// A hostile string; sometimes a very long one (up to `maximumLength` bytes).
  static func string(_ random: inout SplitMix64, maximumLength: Int = 200_000) -> String {
    switch random.integer(0...9) {
    case 0:
      let unit = random.pick(["a", "é", "🦄", "\u{0}", "\"", ",", ";", "\n"])
      return String(repeating: unit, count: random.integer(1...max(1, maximumLength / 4)))
    case 1:
      return String((0..<random.integer(1...40)).map { _ in Character(scalar(&random)) })
    default:
      return random.pick(strings)
    }
  }

  /// An identifier outside the id alphabet or length, or a plausible one that does not exist.
  static func identifier(_ random: inout SplitMix64) -> String {
    switch random.integer(0...3) {
    case 0: return "ghost-\(random.integer(0...999_999))"
    case 1: return random.pick(["", " ", "a b", "é", "a/b", "a\u{0}", String(repeating: "z", count: 65), "p000001 "])
    default: return string(&random, maximumLength: 4096)
    }
  }

  static func double(_ random: inout SplitMix64) -> Double {
    random.chance(0.8) ? random.pick(doubles) : Double(bitPattern: random.next())
  }

  static func int32(_ random: inout SplitMix64) -> Int32 {
    random.chance(0.8) ? random.pick(int32s) : Int32(truncatingIfNeeded: random.next())
  }

  static func int64(_ random: inout SplitMix64) -> Int64 {
    random.chance(0.8) ? random.pick(int64s) : Int64(bitPattern: random.next())
  }

  /// A raw enum value outside every enum of impact.v1 (or inside, by chance).
  static func enumValue(_ random: inout SplitMix64) -> Int {
    random.pick([-1, 6, 7, 99, 1 << 20, Int(Int32.max), Int(Int32.min)])
  }

  /// A timestamp out of every range. `tame` keeps its seconds within the years 1–9999, around
  /// the known daemon bugs on `recorded_at`, `since` and `until` (findings F1–F3 of
  /// docs/fuzzing.md): `Timestamp.date` overflows, milliseconds overflow, years of five digits
  /// are stored but cannot be read back.
  static func timestamp(_ random: inout SplitMix64, tame: Bool = false) -> Google_Protobuf_Timestamp {
    var timestamp = Google_Protobuf_Timestamp()
    let wild = Int64(bitPattern: random.next())
    timestamp.seconds = random.pick(
      [
        .min, .max, -62_135_596_801, 253_402_300_800, -1, 0, 1 << 40, wild,
      ] as [Int64])
    if tame { timestamp.seconds = min(max(timestamp.seconds, -62_135_596_800), 253_402_300_799) }
    timestamp.nanos = random.pick([0, -1, 999_999_999, 1_000_000_000, .max, .min])
    return timestamp
  }

  /// A page token no server ever returned: garbage, base64 of garbage, of a non-number, of a
  /// huge or negative number, or of bytes that are not UTF-8.
  static func pageToken(_ random: inout SplitMix64) -> String {
    func token(_ bytes: [UInt8]) -> String {
      Data(bytes).base64EncodedString()
        .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
    }
    switch random.integer(0...8) {
    case 0: return token(Array("\(Int64.max)".utf8))
    case 1: return token(Array("-5".utf8))
    case 2: return token(Array("zzz".utf8))
    case 3: return token([0xFF, 0xFE, 0xC0, 0x80])
    case 4: return token(Array("\(Int64.min)".utf8))
    case 5: return "!!not*base64!!"
    case 6: return String(repeating: "A", count: random.integer(1...100_000))
    case 7: return token(Array(string(&random, maximumLength: 512).utf8))
    default: return "===="
    }
  }

  private static func scalar(_ random: inout SplitMix64) -> Unicode.Scalar {
    while true {
      let value = UInt32(truncatingIfNeeded: random.next()) % (random.chance(0.5) ? 0x80 : 0x11_0000)
      if let scalar = Unicode.Scalar(value) { return scalar }
    }
  }
}
