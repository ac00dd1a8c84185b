import ArgumentParser
import ImpactAPI

/// `impact portfolio`: the figures of the portfolio or of a selection.
struct PortfolioCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "portfolio",
    abstract: "Show portfolio figures: weighted scores, exposure per domain, HHI, coverage, gaps, SROI.",
    discussion: """
      Weighted figures are amount-weighted means. Exposure is each domain's share of the \
      amounts; impact-weighted exposure weighs it by rank score. Coverage counts the strategic \
      domains whose exposure reaches the scheme's threshold.

      Example:
        impact portfolio --status funded --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions

  func run() async throws {
    var draft = Impact_V1_GetPortfolioSummaryRequest()
    if !filter.isEmpty { draft.filter = filter.message }
    let request = draft
    let connection = try global.connection()
    let (response, scheme) = try await connection.run { client, _ in
      let response = try await Impact_V1_ScoringService.Client(wrapping: client).getPortfolioSummary(
        request, metadata: connection.metadata, options: connection.callOptions)
      let scheme = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        Impact_V1_GetSchemeRequest(), metadata: connection.metadata, options: connection.callOptions)
      return (response, scheme.scheme)
    }
    let renderer = global.renderer()
    let labels = SchemeLabels(scheme: scheme, language: renderer.language)
    let summary = response.summary
    try renderer.emit(response) {
      let domainList: ([String]) -> Cell = { ids in
        Cell(display: ids.map(labels.domain).joined(separator: ", "), csv: ids.joined(separator: " "))
      }
      let figures = Table.fields(title: "portfolio", [
        ("scheme", Cell(summary.schemeID)),
        ("projects", Cell(summary.projects)),
        ("total amount", renderer.number(summary.totalAmount, .amount)),
        ("weighted composite", renderer.number(summary.weightedComposite, .score)),
        ("weighted quantitative", renderer.number(summary.weightedQuantitative, .score)),
        ("weighted qualitative", renderer.number(summary.weightedQualitative, .score)),
        ("weighted depth", renderer.number(summary.weightedDepth, .dimension)),
        ("HHI", renderer.number(summary.hhi, .decimals(3))),
        ("effective domains", renderer.number(summary.effectiveDomains, .decimals(2))),
        ("coverage", renderer.number(summary.coverage, .percent)),
        ("deep coverage", renderer.number(summary.deepCoverage, .percent)),
        ("covered", domainList(summary.coveredDomains)),
        ("gaps", domainList(summary.gaps)),
        ("social value", renderer.number(summary.hasSocialValue ? summary.socialValue : nil, .amount)),
        ("SROI", renderer.number(summary.hasSroi ? summary.sroi : nil, .decimals(2))),
        ("revision", Cell(response.revision)),
      ])
      var domains = Table(title: "domains", columns: [
        .text("domain", truncatable: true), .text("strategic"), .number("exposure"), .number("impact-weighted"), .text("covered"),
      ])
      for figure in summary.exposure {
        let domain = scheme.domains.first { $0.id == figure.domain }
        let weighted = summary.impactWeightedExposure.first { $0.domain == figure.domain }?.value
        domains.append([
          Cell(display: labels.domain(figure.domain), csv: figure.domain),
          Cell(domain?.strategic ?? false, renderer.l),
          renderer.number(figure.value, .percent),
          renderer.number(weighted, .percent),
          Cell(summary.coveredDomains.contains(figure.domain), renderer.l),
        ])
      }
      var contributions = Table(title: "contributions", columns: [.text("project", truncatable: true), .number("contribution")])
      for contribution in summary.contributions.sorted(by: { ($0.contribution, $1.projectID) > ($1.contribution, $0.projectID) }) {
        contributions.append([Cell(contribution.projectID), renderer.number(contribution.contribution, .percent)])
      }
      return [.table(figures), .table(domains), .table(contributions)]
    }
  }
}
