import ArgumentParser

/// `--quiet` of the commands that show a progress line on a terminal (import, export, scores).
struct ProgressOptions: ParsableArguments {
  @Flag(name: [.short, .long], help: ArgumentHelp(HelpText.l("help.option.quiet")))
  var quiet = false
}
