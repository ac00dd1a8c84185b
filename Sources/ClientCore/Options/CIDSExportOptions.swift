import ArgumentParser

/// `--organization` and `--base-iri` of `impact export --format cids`.
struct CIDSExportOptions: ParsableArguments {
  @Option(help: ArgumentHelp(HelpText.l("help.export.organization"), valueName: "name"))
  var organization: String?

  @Option(name: .customLong("base-iri"), help: ArgumentHelp(HelpText.l("help.export.base_iri"), valueName: "iri"))
  var baseIRI: String?
}
