import Foundation
import PackagePlugin

/// Stamps the git commit of the checkout into the target it is applied to.
///
/// A prebuild command runs before every build: `scripts/build-commit.sh` writes
/// `BuildCommit.swift` (one constant, `buildCommit`) and rewrites it only when the commit
/// changed, so an unchanged checkout compiles nothing again. Outside a git checkout the
/// constant is `unknown`.
@main
struct BuildCommitPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
    let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
    let script = context.package.directoryURL.appending(path: "scripts/build-commit.sh")
    return [
      .prebuildCommand(
        displayName: "Stamping the git commit into \(target.name)",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: [script.path, context.package.directoryURL.path, output.path],
        outputFilesDirectory: output
      )
    ]
  }
}
