import ArgumentParser
import BuildInfo

/// `impactd`: the impact daemon. `serve` is the default, so `impactd --listen ...` serves.
@main
struct ImpactdCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impactd",
    abstract: "Serve the impact portfolio over gRPC.",
    version: "impactd \(BuildInfo.version) (\(BuildInfo.commit))",
    subcommands: [ServeCommand.self, TokenCommand.self, CertificateCommand.self, TLSCommand.self],
    defaultSubcommand: ServeCommand.self
  )
}
