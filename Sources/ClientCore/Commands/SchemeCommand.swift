import ArgumentParser

/// `impact scheme`: show or replace the scoring scheme.
struct SchemeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scheme",
    abstract: "Show or replace the scheme: the constants, criteria and domains of the method.",
    discussion: """
      Example:
        impact scheme show --lang fr
        impact scheme show --document > scheme.json && impact scheme set scheme.json
      """,
    subcommands: [SchemeShowCommand.self, SchemeSetCommand.self]
  )
}
