import ArgumentParser

/// `impact scheme`: show or replace the scoring scheme.
struct SchemeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scheme",
    abstract: HelpText.l("help.scheme.abstract"),
    discussion: """
      \(HelpText.l("help.example"))
        impact scheme show --lang fr
        impact scheme show --document > scheme.json && impact scheme set scheme.json
      """,
    subcommands: [SchemeShowCommand.self, SchemeSetCommand.self]
  )
}
