import ArgumentParser
import ImpactAPI

/// The project selection shared by list, rank, export, portfolio, coverage and whatif.
/// Values of one option combine with OR, options combine with AND.
struct FilterOptions: ParsableArguments {
  @Option(name: .customLong("status"), help: ArgumentHelp("Only projects with this status (pipeline, committee, funded, closed, rejected). Repeatable.", valueName: "status"))
  var statuses: [ProjectStatusArgument] = []

  @Option(name: .customLong("programme"), help: ArgumentHelp("Only projects of this programme. Repeatable.", valueName: "programme"))
  var programmes: [String] = []

  @Option(name: .customLong("territory"), help: ArgumentHelp("Only projects in this territory. Repeatable.", valueName: "territory"))
  var territories: [String] = []

  @Option(name: .customLong("domain"), help: ArgumentHelp("Only projects with an outcome in this domain. Repeatable.", valueName: "domain"))
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
}

/// A project status as typed on the command line.
enum ProjectStatusArgument: String, CaseIterable, Sendable, ExpressibleByArgument {
  case pipeline, committee, funded, closed, rejected

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
