import ArgumentParser
import Foundation

/// The entry point of the `impact` executable: parses the command line, runs the command, and
/// turns failures into `impact: <message>` on stderr and a documented exit status.
public enum ImpactCLI {
  /// Runs `impact` with `arguments` (the process arguments when nil) and exits.
  public static func main(arguments: [String]? = nil) async -> Never {
    do {
      var command = try ImpactCommand.parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      exit(ExitStatus.ok.code)
    } catch let failure as CommandFailure {
      StandardStreams.writeError("impact: \(failure.message)")
      exit(failure.status.code)
    } catch {
      ImpactCommand.exit(withError: error)
    }
  }
}
