public import Analytics
public import Foundation

/// The sample portfolio `impactd --demo` seeds into an empty database: 31 invented projects of a
/// national humanitarian NGO, covering every domain of impact-v1, every status and every risk type.
///
/// The document is `demo-portfolio.json` beside this file, embedded in the binary by SwiftPM
/// (`.embedInCode` in `Package.swift`) so the daemon needs no resource bundle at run time.
/// `examples/demo-portfolio.json`, the file the README tour imports, is a link to it.
public enum DemoPortfolio {
  /// The `impact-portfolio/1` document, byte for byte the embedded `demo-portfolio.json`.
  public static var json: Data { Data(PackageResources.demo_portfolio_json) }

  /// The demo document, read with the same reader as any import.
  /// - Throws: ``FormatError`` if the embedded file were ever broken; the tests read it.
  public static func document() throws -> PortfolioDocument {
    try PortfolioJSON.decode(json, source: "demo portfolio")
  }
}
