import ArgumentParser

/// `impact framework`: the organisation's impact framework (mission, objectives, activities,
/// expected impacts and their indicators) and what the portfolio measures of it.
struct FrameworkCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "framework",
    abstract: HelpText.l("help.framework.abstract"),
    discussion: """
      \(HelpText.l("help.framework.discussion"))

      \(HelpText.l("help.example"))
        impact framework show --lang fr
        impact framework check --programme Tiers-lieux
        impact framework show --document > framework.json
        impact framework set framework.json --dry-run
      """,
    subcommands: [FrameworkShowCommand.self, FrameworkSetCommand.self, FrameworkCheckCommand.self]
  )
}
