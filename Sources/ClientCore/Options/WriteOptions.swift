import ArgumentParser

/// Options of every command that writes.
struct WriteOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Refuse the write (exit 65) unless the portfolio is at this revision.", valueName: "revision"))
  var expectedRevision: Int64?
}
