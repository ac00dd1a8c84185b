import Foundation

/// Where the package's executables were built: next to the test bundle, or `IMPACT_BIN_DIR`.
enum BuiltProducts {
  static let directory: URL = {
    if let override = ProcessInfo.processInfo.environment["IMPACT_BIN_DIR"] {
      return URL(fileURLWithPath: override)
    }
    var candidates: [URL] = []
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    candidates.append(runner.deletingLastPathComponent())
    candidates.append(runner.deletingLastPathComponent().deletingLastPathComponent())
    for bundle in Bundle.allBundles {
      candidates.append(bundle.bundleURL.deletingLastPathComponent())
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug"))
    for candidate in candidates
    where FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("impactd").path) {
      return candidate
    }
    return packageRoot.appendingPathComponent(".build/debug")
  }()

  static var impactd: URL { directory.appendingPathComponent("impactd") }
  static var impact: URL { directory.appendingPathComponent("impact") }

  /// The repository root, for fixtures and examples.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var referenceFixture: URL {
    packageRoot.appendingPathComponent("Tests/AnalyticsTests/Fixtures/worked-examples.json")
  }
}
