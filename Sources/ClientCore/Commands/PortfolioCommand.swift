import ArgumentParser
import ImpactAPI
import Localization

/// `impact portfolio`: the figures of the portfolio or of a selection.
struct PortfolioCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "portfolio",
    abstract: HelpText.l("help.portfolio.abstract"),
    discussion: """
      \(HelpText.l("help.portfolio.discussion"))

      \(HelpText.l("help.example"))
        impact portfolio --status funded --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var history: AtOptions
  @OptionGroup var filter: FilterOptions

  @Option(help: ArgumentHelp(HelpText.l("help.portfolio.top"), valueName: "n"))
  var top: Int = 20

  func validate() throws {
    let l = global.language.localizer
    if top < 1 { throw ValidationError(l("error.option.top", ["value": String(top)])) }
    if top > 1_000 { throw ValidationError(l("error.option.top_maximum", ["value": String(top), "maximum": "1000"])) }
  }

  func run() async throws {
    var draft = Impact_V1_GetPortfolioSummaryRequest()
    draft.topContributions = Int32(top)
    if let at = history.message { draft.at = at }
    if !filter.isEmpty { draft.filter = filter.message }
    let request = draft
    let connection = try global.connection()
    let filter = self.filter
    let language = global.language
    let (response, scheme) = try await connection.run { client, _ in
      let response = try await Impact_V1_ScoringService.Client(wrapping: client).getPortfolioSummary(
        request, metadata: connection.metadata, options: connection.callOptions)
      if response.summary.projects == 0 {
        try await filter.reportEmptySelection(client: client, connection: connection, language: language)
      }
      let scheme = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        history.schemeRequest, metadata: connection.metadata, options: connection.callOptions)
      return (response, scheme.scheme)
    }
    let renderer = global.renderer()
    let labels = SchemeLabels(scheme: scheme, language: renderer.language)
    let summary = response.summary
    try renderer.emit(response) {
      let domainList: ([String]) -> Cell = { ids in
        Cell(display: ids.map(labels.domain).joined(separator: ", "), csv: ids.joined(separator: " "))
      }
      let l = renderer.l
      let figures = Table.fields(
        title: l("portfolio.title"),
        [
          ("scheme", l("label.scheme"), Cell(summary.schemeID)),
          ("projects", l("label.projects"), Cell(summary.projects)),
          ("total amount", l("label.total_amount"), renderer.number(summary.totalAmount, .amount)),
          ("weighted composite", l("label.weighted_composite"), renderer.number(summary.weightedComposite, .score)),
          (
            "weighted quantitative", l("label.weighted_quantitative"),
            renderer.number(summary.weightedQuantitative, .score)
          ),
          (
            "weighted qualitative", l("label.weighted_qualitative"),
            renderer.number(summary.weightedQualitative, .score)
          ),
          ("weighted depth", l("label.weighted_depth"), renderer.number(summary.weightedDepth, .dimension)),
          ("HHI", l("label.hhi"), renderer.number(summary.hhi, .decimals(3))),
          ("effective domains", l("label.effective_domains"), renderer.number(summary.effectiveDomains, .decimals(2))),
          ("coverage", l("label.coverage"), renderer.number(summary.coverage, .percent)),
          ("deep coverage", l("label.deep_coverage"), renderer.number(summary.deepCoverage, .percent)),
          ("covered", l("label.covered_domains"), domainList(summary.coveredDomains)),
          ("gaps", l("label.gaps"), domainList(summary.gaps)),
          (
            "social value", l("label.social_value"),
            renderer.number(summary.hasSocialValue ? summary.socialValue : nil, .amount)
          ),
          ("SROI", l("label.sroi"), renderer.number(summary.hasSroi ? summary.sroi : nil, .decimals(2))),
          ("revision", l("label.revision"), Cell(response.revision)),
        ])
      var domains = Table(
        title: l("portfolio.domains.title"),
        columns: [
          .text("domain", l("label.domain"), truncatable: true), .text("strategic", l("label.strategic")),
          .number("exposure", l("label.exposure")), .number("impact-weighted", l("label.impact_weighted")),
          .text("covered", l("label.covered")),
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
      var contributions = Table(
        title: l("portfolio.contributions.title"),
        columns: [
          .text("project", l("label.project"), truncatable: true), .number("contribution", l("label.contribution")),
        ])
      for contribution in summary.contributions.sorted(by: {
        ($0.contribution, $1.projectID) > ($1.contribution, $0.projectID)
      }) {
        // In a large portfolio each contribution is a small fraction of a percent: shown with
        // two more decimals below 1 %, so that the largest ones do not all read 0.0 %.
        let style: NumberStyle =
          contribution.contribution > 0 && contribution.contribution < 0.01 ? .smallPercent : .percent
        contributions.append([Cell(contribution.projectID), renderer.number(contribution.contribution, style)])
      }
      var sections: [Section] = [.table(figures), .table(domains), .table(contributions)]
      if response.contributionCount > Int64(summary.contributions.count) {
        sections.append(
          .text(
            l(
              "portfolio.contributions.more",
              [
                "shown": "\(summary.contributions.count)",
                "count": renderer.number(Double(response.contributionCount), .integer).display,
              ])))
      }
      return sections
    }
  }
}
