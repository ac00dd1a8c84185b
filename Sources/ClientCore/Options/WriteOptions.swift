import ArgumentParser

/// Options of every command that writes.
struct WriteOptions: ParsableArguments {
  @Option(help: ArgumentHelp(HelpText.l("help.write.expected_revision"), valueName: "revision"))
  var expectedRevision: Int64?
}
