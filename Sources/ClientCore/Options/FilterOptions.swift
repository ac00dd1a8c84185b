import Analytics
import ArgumentParser
import ImpactAPI
import Localization

/// The project selection shared by list, rank, export, portfolio, coverage and whatif.
/// Values of one option combine with OR, options combine with AND. The daemon matches
/// programmes, territories and domains ignoring case and accents, and takes a domain's label
/// for its id.
struct FilterOptions: ParsableArguments {
  @Option(name: .customLong("status"), help: ArgumentHelp(HelpText.l("help.filter.status"), valueName: "status"))
  var statuses: [ProjectStatusArgument] = []

  @Option(
    name: .customLong("programme"), help: ArgumentHelp(HelpText.l("help.filter.programme"), valueName: "programme"))
  var programmes: [String] = []

  @Option(
    name: .customLong("territory"), help: ArgumentHelp(HelpText.l("help.filter.territory"), valueName: "territory"))
  var territories: [String] = []

  @Option(
    name: .customLong("domain"),
    help: ArgumentHelp(HelpText.l("help.filter.domain"), valueName: "domain"))
  var domains: [String] = []

  var isEmpty: Bool { statuses.isEmpty && programmes.isEmpty && territories.isEmpty && domains.isEmpty }

  /// The filter message.
  var message: Impact_V1_ProjectFilter {
    var filter = Impact_V1_ProjectFilter()
    filter.statuses = statuses.map(\.message)
    filter.programmes = programmes
    filter.territories = territories
    filter.domains = domains
    return filter
  }

  /// The filter as it was typed (`--programme hébergement --domain santé`), for messages.
  var typed: String {
    var parts = statuses.map { "--status \($0.rawValue)" }
    parts += programmes.map { "--programme \($0)" }
    parts += territories.map { "--territory \($0)" }
    parts += domains.map { "--domain \($0)" }
    return parts.joined(separator: " ")
  }

  /// Says on stderr that the filter selected nothing and, for each value that names no
  /// programme, territory or domain, the nearest existing ones (a domain as `health (Santé et
  /// bien-être)`). The exit status stays 0: an empty selection is an answer, but an empty
  /// table alone does not say why.
  func reportEmptySelection(
    _ unmatched: [Impact_V1_UnmatchedFilterValue], labels: SchemeLabels?, language: DisplayLanguage
  ) {
    guard !isEmpty else { return }
    let l = language.localizer
    var lines = [l("filter.empty", ["filter": typed])]
    for value in unmatched {
      let option: String
      let kind: String
      var nearest = value.nearest
      switch value.field {
      case "programmes": (option, kind) = ("--programme", l("filter.kind.programme"))
      case "territories": (option, kind) = ("--territory", l("filter.kind.territory"))
      default:
        (option, kind) = ("--domain", l("filter.kind.domain"))
        if let labels { nearest = nearest.map { "\($0) (\(labels.domain($0)))" } }
      }
      let values = ["option": option, "value": value.value, "kind": kind, "nearest": nearest.joined(separator: ", ")]
      lines.append(l(nearest.isEmpty ? "filter.unmatched" : "filter.unmatched.nearest", values))
    }
    StandardStreams.writeError(lines.joined(separator: "\n"))
  }

  /// After a command whose selection came out empty: reports it, asking the daemon which
  /// values named nothing (a one-project page of ListProjects carries them) unless `unmatched`
  /// is already known, and the scheme's domain labels when a domain is among them.
  func reportEmptySelection(
    client: ImpactConnection.Client, connection: ImpactConnection, language: DisplayLanguage,
    unmatched known: [Impact_V1_UnmatchedFilterValue]? = nil
  ) async throws {
    guard !isEmpty else { return }
    var unmatched = known ?? []
    if known == nil {
      var request = Impact_V1_ListProjectsRequest()
      request.filter = message
      request.pageSize = 1
      let page = try await Impact_V1_ProjectService.Client(wrapping: client).listProjects(
        request, metadata: connection.metadata, options: connection.callOptions)
      guard page.projects.isEmpty else { return }
      unmatched = page.unmatched
    }
    var labels: SchemeLabels?
    if unmatched.contains(where: { $0.field == "domains" && !$0.nearest.isEmpty }) {
      let scheme = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        Impact_V1_GetSchemeRequest(), metadata: connection.metadata, options: connection.callOptions)
      labels = SchemeLabels(scheme: scheme.scheme, language: language)
    }
    reportEmptySelection(unmatched, labels: labels, language: language)
  }
}

/// A project status as typed on the command line.
/// Typed in any case, and as the tables print it in either language (`FUNDED`, `financé`,
/// `en comité`), since people copy the status from a table they just read.
enum ProjectStatusArgument: String, CaseIterable, Sendable, ExpressibleByArgument {
  case pipeline, committee, funded, closed, rejected

  init?(argument: String) {
    let key = SearchKey(argument)
    let found = Self.allCases.first { status in
      SearchKey(status.rawValue) == key
        || Language.allCases.contains { SearchKey(Catalogue.text("enum.status.\(status.rawValue)", $0)) == key }
    }
    guard let found else { return nil }
    self = found
  }

  var message: Impact_V1_ProjectStatus {
    switch self {
    case .pipeline: .pipeline
    case .committee: .committee
    case .funded: .funded
    case .closed: .closed
    case .rejected: .rejected
    }
  }
}
