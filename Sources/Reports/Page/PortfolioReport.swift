public import Localization

/// The portfolio pack: headline figures, coverage heatmap, exposure, capital by class, the
/// ranking, the bubble chart, the Pareto of contributions, changes and trends when there is
/// history, and the appendices (the scheme, data quality).
public enum PortfolioReport {
  /// The page and the data of the portfolio pack for `input`, in `language`.
  public static func render(_ input: PortfolioReportInput, language: Language) -> RenderedReport {
    let context = ReportContext(language: language)
    let digest = RenderedReport.digest(of: digestInput(input))
    var writer = HTMLWriter(context: context)
    write(input, into: &writer, idPrefix: "")
    let html = ReportPage.html(identity: input.identity, digest: digest, writer: writer, context: context)
    let data = RenderedReport.dataJSON(
      kind: "portfolio", identity: input.identity, digest: digest, charts: writer.charts, context: context)
    return RenderedReport(html: html, dataJSON: data, inputsDigest: digest)
  }

  /// The input without its generation time, for the digest.
  static func digestInput(_ input: PortfolioReportInput) -> PortfolioReportInput {
    var copy = input
    copy.identity.generatedAt = ""
    return copy
  }

  /// Writes the portfolio's sections (also the first part of the committee pack).
  static func write(_ input: PortfolioReportInput, into writer: inout HTMLWriter, idPrefix: String) {
    let context = writer.context
    let l = context.l
    let numbers = context.numbers
    let figures = input.figures
    let before = input.changes?.before

    writer.section("\(idPrefix)headline", l("report.section.headline"))
    func change(_ now: Double, _ then: Double?, _ format: (Double) -> String) -> String? {
      guard let then, let since = input.changes?.since else { return nil }
      return l("report.change_since", ["change": numbers.signed(format(now - then), now - then), "since": since])
    }
    var cards: [(String, String, String?)] = [
      (
        l("label.projects"), numbers.integer(figures.projects),
        change(Double(figures.projects), before.map { Double($0.projects) }, { numbers.decimal($0, places: 0) })
      ),
      (
        l("label.total_amount"), numbers.amount(figures.totalAmount),
        change(figures.totalAmount, before?.totalAmount, numbers.amount)
      ),
      (
        l("label.weighted_composite"), numbers.score(figures.weightedComposite),
        change(figures.weightedComposite, before?.weightedComposite, numbers.score)
      ),
      (
        l("label.weighted_quantitative"), numbers.score(figures.weightedQuantitative),
        change(figures.weightedQuantitative, before?.weightedQuantitative, numbers.score)
      ),
      (
        l("label.weighted_qualitative"), numbers.score(figures.weightedQualitative),
        change(figures.weightedQualitative, before?.weightedQualitative, numbers.score)
      ),
      (
        l("label.weighted_depth"), numbers.dimension(figures.weightedDepth),
        change(figures.weightedDepth, before?.weightedDepth, numbers.dimension)
      ),
      (
        l("label.coverage"), numbers.percent(figures.coverage),
        change(figures.coverage, before?.coverage, { numbers.percent($0) })
      ),
      (
        l("label.deep_coverage"), numbers.percent(figures.deepCoverage),
        change(figures.deepCoverage, before?.deepCoverage, { numbers.percent($0) })
      ),
      (
        l("label.sroi"), figures.sroi.map { numbers.decimal($0, places: 2) } ?? "–",
        figures.sroi.flatMap { change($0, before?.sroi, { numbers.decimal($0, places: 2) }) }
      ),
      (l("label.social_value"), figures.socialValue.map(numbers.amount) ?? "–", nil),
      (l("label.hhi"), numbers.decimal(figures.hhi, places: 3), nil),
      (l("label.effective_domains"), numbers.decimal(figures.effectiveDomains, places: 2), nil),
    ]
    if figures.projects == 0 { cards = Array(cards.prefix(2)) }
    writer.cards(cards)
    if figures.projects == 0 {
      writer.paragraph(l("report.empty"), className: "note")
    }

    writer.section("\(idPrefix)coverage", l("report.section.coverage"))
    writer.chart(renamed(CoverageHeatmap.chart(scheme: input.scheme, figures: figures, context: context), idPrefix))
    writer.chart(renamed(ExposureBars.chart(scheme: input.scheme, figures: figures, context: context), idPrefix))
    writer.paragraph(
      l(
        "report.concentration",
        [
          "hhi": numbers.decimal(figures.hhi, places: 3),
          "effective": numbers.decimal(figures.effectiveDomains, places: 2),
        ]))

    writer.section("\(idPrefix)classes", l("report.section.classes"))
    writer.chart(renamed(ClassCapitalBars.chart(projects: input.projects, context: context), idPrefix))

    writer.section("\(idPrefix)ranking", l("report.section.ranking"))
    writer.chart(renamed(RankingBars.chart(projects: input.projects, context: context), idPrefix))
    writer.chart(renamed(BubbleChart.chart(projects: input.projects, context: context), idPrefix))
    writer.chart(renamed(ParetoChart.chart(projects: input.projects, context: context), idPrefix))

    if let changes = input.changes {
      writeChanges(changes, figures: figures, into: &writer, idPrefix: idPrefix)
    }
    if !input.trends.isEmpty {
      writer.section("\(idPrefix)trends", l("report.section.trends"))
      let labels = Dictionary(
        input.trends.map { ($0.figure, figureLabel($0.figure, context)) }, uniquingKeysWith: { first, _ in first })
      writer.chart(
        renamed(
          SmallMultiples.chart(
            id: "trends", title: l("report.trends.title"),
            description: l("report.trends.desc", ["count": numbers.integer(input.trends.count)]),
            series: input.trends, labels: labels, context: context,
            format: { figure, value in formatFigure(figure, value, context) }),
          idPrefix))
    }

    writer.section("\(idPrefix)scheme", l("report.section.scheme"))
    writeScheme(input.scheme, into: &writer)
    writer.section("\(idPrefix)quality", l("report.section.quality"))
    writeQuality(input, into: &writer)
  }

  static func renamed(_ chart: Chart, _ prefix: String) -> Chart {
    guard !prefix.isEmpty else { return chart }
    var copy = chart
    let newID = prefix + chart.id
    copy.svg = copy.svg.replacingFirstIDs(of: chart.id, with: newID)
    copy.id = newID
    return copy
  }

  static func writeChanges(
    _ changes: ChangesSince, figures: PortfolioFigures, into writer: inout HTMLWriter, idPrefix: String
  ) {
    let context = writer.context
    let l = context.l
    let numbers = context.numbers
    writer.section("\(idPrefix)changes", l("report.section.changes", ["since": changes.since]))
    var movers = DataTable(columns: [
      l("label.project"), l("label.rank_before"), l("label.rank_after"), l("report.label.composite_before"),
      l("report.label.composite_after"),
    ])
    for mover in changes.movers {
      movers.rows.append([
        .text(mover.name), .number(Double(mover.rankBefore), display: numbers.integer(mover.rankBefore)),
        .number(Double(mover.rankAfter), display: numbers.integer(mover.rankAfter)),
        .number(mover.compositeBefore, display: numbers.score(mover.compositeBefore)),
        .number(mover.compositeAfter, display: numbers.score(mover.compositeAfter)),
      ])
    }
    writer.table(movers, caption: l("report.changes.movers"))
    writer.paragraph(
      l(
        "report.changes.added",
        ["projects": changes.added.isEmpty ? l("report.none") : changes.added.joined(separator: ", ")]))
    writer.paragraph(
      l(
        "report.changes.removed",
        ["projects": changes.removed.isEmpty ? l("report.none") : changes.removed.joined(separator: ", ")]))
    var steps = [
      WaterfallChart.Step(
        label: l("report.changes.then", ["since": changes.since]), value: changes.before.weightedComposite,
        isTotal: true)
    ]
    steps += changes.causes.map { WaterfallChart.Step(label: $0.label, value: $0.delta) }
    steps.append(WaterfallChart.Step(label: l("report.changes.now"), value: figures.weightedComposite, isTotal: true))
    writer.chart(
      renamed(
        WaterfallChart.chart(
          id: "attribution", title: l("report.changes.attribution"), description: l("report.changes.attribution_desc"),
          steps: steps,
          context: context, format: numbers.score),
        idPrefix))
  }

  static func writeScheme(_ scheme: ReportScheme, into writer: inout HTMLWriter) {
    let context = writer.context
    let l = context.l
    let numbers = context.numbers
    writer.paragraph(l("report.scheme.intro", ["id": scheme.id, "blend": numbers.decimal(scheme.blend, places: 2)]))
    var weights = DataTable(columns: [l("report.label.measure"), l("label.weight")])
    for (name, weight) in zip(context.dimensionNames, scheme.dimensionWeights) {
      weights.rows.append([.text(name), .number(weight, display: numbers.percent(weight, places: 0))])
    }
    writer.table(weights, caption: l("report.scheme.dimensions"))
    var criteria = DataTable(
      columns: [l("label.criterion"), l("label.weight")]
        + (0...4).map { l("report.scheme.level", ["level": String($0)]) })
    for criterion in scheme.criteria {
      var row: [DataCell] = [
        .text(criterion.label), .number(criterion.weight, display: numbers.percent(criterion.weight, places: 0)),
      ]
      for level in 0...4 {
        row.append(
          .text(level < criterion.levels.count && !criterion.levels[level].isEmpty ? criterion.levels[level] : "–"))
      }
      criteria.rows.append(row)
    }
    writer.table(criteria, caption: l("report.scheme.criteria"))
    var constants = DataTable(columns: [l("label.figure"), l("label.value")])
    constants.rows = [
      [
        .text(l("label.reach_reference")),
        .number(scheme.reachReference, display: numbers.decimal(scheme.reachReference, places: 0)),
      ],
      [
        .text(l("label.duration_horizon")),
        .number(scheme.durationHorizonYears, display: numbers.decimal(scheme.durationHorizonYears, places: 0)),
      ],
      [
        .text(l("label.evidence_factors")),
        .text(scheme.evidenceFactors.map { numbers.decimal($0, places: 2) }.joined(separator: " · ")),
      ],
      [
        .text(l("label.unknown_risk")),
        .number(scheme.unknownRisk, display: numbers.decimal(scheme.unknownRisk, places: 2)),
      ],
      [
        .text(l("label.coverage_threshold")),
        .number(scheme.coverageThreshold, display: numbers.percent(scheme.coverageThreshold)),
      ],
      [
        .text(l("label.insufficient_data_below")),
        .number(scheme.insufficientDataBelow, display: numbers.percent(scheme.insufficientDataBelow, places: 0)),
      ],
      [.text(l("label.discount_rate")), .number(scheme.discountRate, display: numbers.percent(scheme.discountRate))],
      [.text(l("label.risk_types")), .text(scheme.riskTypes.map(\.label).joined(separator: ", "))],
    ]
    writer.table(constants, caption: l("report.scheme.constants"))
    var domains = DataTable(columns: [l("label.domain"), l("label.strategic")])
    for domain in scheme.domains {
      domains.rows.append([.text(domain.label), .text(domain.strategic ? l("report.yes") : l("report.no"))])
    }
    writer.table(domains, caption: l("report.scheme.domains"))
  }

  static func writeQuality(_ input: PortfolioReportInput, into writer: inout HTMLWriter) {
    let context = writer.context
    let l = context.l
    let numbers = context.numbers
    let projects = input.projects
    let completeness = Statistics.median(projects.map(\.completeness))
    let insufficient = projects.filter(\.insufficientData)
    writer.paragraph(
      l(
        "report.quality.summary",
        [
          "median": numbers.percent(completeness, places: 0), "count": numbers.integer(insufficient.count),
          "total": numbers.integer(projects.count),
          "threshold": numbers.percent(input.scheme.insufficientDataBelow, places: 0),
        ]))
    let outcomes = projects.map(\.outcomeCount).reduce(0, +)
    var missing = DataTable(columns: [
      l("report.label.measure"), l("report.quality.missing_outcomes"), l("report.quality.missing_share"),
    ])
    for (index, name) in context.dimensionNames.enumerated() {
      let count = projects.map { index < $0.missingDimensions.count ? $0.missingDimensions[index] : 0 }.reduce(0, +)
      let share = outcomes > 0 ? Double(count) / Double(outcomes) : 0
      missing.rows.append([
        .text(name), .number(Double(count), display: numbers.integer(count)),
        .number(share, display: numbers.percent(share, places: 0)),
      ])
    }
    for (index, criterion) in input.scheme.criteria.enumerated() {
      let count = projects.filter { index >= $0.criteria.count || $0.criteria[index] == nil }.count
      let share = projects.isEmpty ? 0 : Double(count) / Double(projects.count)
      missing.rows.append([
        .text(l("report.quality.unrated", ["criterion": criterion.label])),
        .number(Double(count), display: numbers.integer(count)),
        .number(share, display: numbers.percent(share, places: 0)),
      ])
    }
    writer.table(missing, caption: l("report.quality.missing", ["outcomes": numbers.integer(outcomes)]))
    guard !insufficient.isEmpty else { return }
    var list = DataTable(columns: [l("label.project"), l("label.completeness"), l("label.status")])
    for project in insufficient.prefix(200) {
      list.rows.append([
        .text(project.name), .number(project.completeness, display: numbers.percent(project.completeness, places: 0)),
        .text(context.status(project.status)),
      ])
    }
    writer.table(list, caption: l("report.quality.insufficient"))
    if insufficient.count > 200 {
      writer.paragraph(
        l("report.top_note", ["shown": numbers.integer(200), "count": numbers.integer(insufficient.count)]),
        className: "note")
    }
  }

  /// The reader's name of a portfolio figure (`weighted_composite`).
  static func figureLabel(_ figure: String, _ context: ReportContext) -> String {
    let key = "label.\(figure)"
    let text = context.l(key)
    return text == key ? figure : text
  }

  /// A portfolio figure's value as the reader writes it.
  static func formatFigure(_ figure: String, _ value: Double, _ context: ReportContext) -> String {
    let numbers = context.numbers
    switch figure {
    case "projects": return numbers.decimal(value, places: 0)
    case "total_amount", "social_value": return numbers.amount(value)
    case "coverage", "deep_coverage": return numbers.percent(value)
    case "weighted_depth": return numbers.dimension(value)
    case "hhi": return numbers.decimal(value, places: 3)
    case "effective_domains", "sroi": return numbers.decimal(value, places: 2)
    default: return numbers.score(value)
    }
  }
}

extension String {
  /// The SVG with its `id="…-title"` and `id="…-desc"` (and their references) renamed.
  func replacingFirstIDs(of old: String, with new: String) -> String {
    var text = self
    for suffix in ["-title", "-desc"] {
      text = text.replacingAll("\"\(old)\(suffix)\"", with: "\"\(new)\(suffix)\"")
      text = text.replacingAll(" \(old)\(suffix)\"", with: " \(new)\(suffix)\"")
      text = text.replacingAll("\"\(old)\(suffix) ", with: "\"\(new)\(suffix) ")
    }
    return text
  }

  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
