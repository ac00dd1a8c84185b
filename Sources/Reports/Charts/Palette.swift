/// The report's colours: the Okabe-Ito palette, told apart by readers with any common colour
/// vision deficiency, and a single-hue blue scale for quantities.
public enum Palette {
  public static let blue = "#0072B2"
  public static let orange = "#E69F00"
  public static let green = "#009E73"
  public static let vermillion = "#D55E00"
  public static let sky = "#56B4E9"
  public static let pink = "#CC79A7"
  public static let yellow = "#F0E442"
  public static let grey = "#8C8C8C"
  public static let lightGrey = "#E6E6E6"
  public static let ink = "#222222"
  public static let axis = "#B3B3B3"

  /// The colour of an impact class (`harm`, `A`, `B`, `C`, `none`).
  public static func impactClass(_ code: String) -> String {
    switch code {
    case "harm": vermillion
    case "A": sky
    case "B": green
    case "C": blue
    default: grey
    }
  }

  /// Five steps of blue, light to dark, for the intensity of a heatmap cell.
  public static let sequential = ["#EFF5FB", "#C6DBEF", "#8FBCDD", "#4A8FC4", "#1B5E9E"]

  /// The sequential step of `fraction` (0 to 1); nil for 0, drawn as an empty cell.
  public static func intensity(_ fraction: Double) -> String? {
    guard fraction > 0 else { return nil }
    let index = min(sequential.count - 1, Int((fraction * Double(sequential.count)).rounded(.down)))
    return sequential[index]
  }

  /// Whether text on `fill` should be white for contrast.
  public static func needsLightText(_ fill: String) -> Bool {
    fill == sequential[3] || fill == sequential[4] || fill == blue || fill == vermillion
  }
}
