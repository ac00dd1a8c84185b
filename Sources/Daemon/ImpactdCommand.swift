import ArgumentParser

/// `impactd`: the impact daemon. `serve` is the default, so `impactd --listen ...` serves.
@main
struct ImpactdCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impactd",
    abstract: "Serve the impact portfolio over gRPC.",
    subcommands: [ServeCommand.self, TokenCommand.self, CertificateCommand.self, TLSCommand.self],
    defaultSubcommand: ServeCommand.self
  )
}
