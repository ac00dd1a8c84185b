import ArgumentParser
import BuildInfo

/// `impactd`: the impact daemon. `serve` is the default, so `impactd --listen ...` serves.
struct ImpactdCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impactd",
    abstract: OperatorText.help("impactd.help.abstract"),
    version: "impactd \(BuildInfo.version) (\(BuildInfo.commit))",
    subcommands: [ServeCommand.self, TokenCommand.self, CertificateCommand.self, TLSCommand.self, MigrateCommand.self],
    defaultSubcommand: ServeCommand.self
  )
}
