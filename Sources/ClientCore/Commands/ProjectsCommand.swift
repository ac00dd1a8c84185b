import ArgumentParser

/// `impact projects`: list, show and delete projects.
struct ProjectsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "projects",
    abstract: HelpText.l("help.projects.abstract"),
    discussion: """
      \(HelpText.l("help.example"))
        impact projects list --status funded --programme Insertion
        impact projects show pension-de-famille-rennes
      """,
    subcommands: [ProjectsListCommand.self, ProjectsShowCommand.self, ProjectsDeleteCommand.self]
  )
}
