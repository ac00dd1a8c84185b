import Testing

@testable import Reports

@Suite("Chart scales and ticks")
struct ChartScaleTests {
  @Test(
    "ticks are round steps of 1, 2 or 5 within the domain",
    arguments: [
      (0.0, 100.0, 5, [0.0, 20, 40, 60, 80, 100]),
      (0.0, 1.0, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
      (0.0, 4.0, 4, [0.0, 1, 2, 3, 4]),
      (-30.0, 70.0, 5, [-20.0, 0, 20, 40, 60]),
      (0.0, 2_470_000.0, 5, [0.0, 500_000, 1_000_000, 1_500_000, 2_000_000]),
    ])
  func roundTicks(low: Double, high: Double, count: Int, expected: [Double]) {
    let scale = LinearScale(domain: low...high, range: (0, 100))
    #expect(scale.ticks(count: count) == expected)
  }

  @Test("a nice scale ends on ticks and maps its ends onto the range")
  func niceScale() {
    let scale = LinearScale(domain: 0...87.3, range: (10, 210)).nice()
    #expect(scale.domain == 0...100)
    #expect(scale.position(0) == 10)
    #expect(scale.position(100) == 210)
    #expect(scale.position(50) == 110)
  }

  @Test("an empty domain (no value, all zero, one value) still maps positions")
  func degenerateDomains() {
    let zero = LinearScale.including0([], range: (0, 100))
    #expect(zero.domain == 0...1)
    #expect(zero.position(0) == 0)
    let allZero = LinearScale.including0([0, 0, 0], range: (0, 100))
    #expect(allZero.position(0).isFinite)
    let single = LinearScale(domain: 42...42, range: (0, 100))
    #expect(single.domain == 0...42)
    #expect(single.position(42) == 100)
  }

  @Test("negative values put 0 inside the domain, with negative ticks")
  func negativeValues() {
    let scale = LinearScale.including0([-12, 5, 30], range: (0, 300))
    #expect(scale.domain.lowerBound <= -12)
    #expect(scale.domain.upperBound >= 30)
    #expect(scale.ticks().contains(0))
    #expect(scale.ticks().first! < 0)
    #expect(scale.position(0) > 0 && scale.position(0) < 300)
  }

  @Test("ticks print without binary noise")
  func noNoise() {
    let scale = LinearScale(domain: 0...0.3, range: (0, 1))
    for tick in scale.ticks(count: 3) {
      #expect("\(tick)".count <= 4, "\(tick)")
    }
  }

  @Test("SVG numbers keep at most two decimals and never print -0")
  func svgNumbers() {
    #expect(SVGBuilder.number(1.005) == "1" || SVGBuilder.number(1.005) == "1.01")
    #expect(SVGBuilder.number(-0.001) == "0")
    #expect(SVGBuilder.number(12.5) == "12.5")
    #expect(SVGBuilder.number(3.14159) == "3.14")
    #expect(SVGBuilder.number(-7.25) == "-7.25")
    #expect(SVGBuilder.number(.nan) == "0")
  }
}
