public import Analytics
public import Foundation

/// The sample framework `impactd --demo` sets with the sample portfolio: the social-utility
/// framework of an invented national humanitarian NGO, in French, whose impacts the demo
/// projects' outcomes serve.
///
/// The document is `demo-framework.json` beside this file, embedded like the demo portfolio;
/// `examples/demo-framework.json` is a link to it.
public enum DemoFramework {
  /// The `impact-framework/1` document, byte for byte the embedded `demo-framework.json`.
  public static var json: Data { Data(PackageResources.demo_framework_json) }

  /// The demo framework, read and checked like any framework set.
  /// - Throws: ``FormatError`` if the embedded file were ever broken; the tests read it.
  public static func framework(domains: Set<String>?) throws -> Framework {
    try FrameworkJSON.decode(json, source: "demo framework", domains: domains)
  }
}
