public import Localization

/// The sheet of one project: identity and scores, the composite as a waterfall from its
/// inputs, its profile against the portfolio's median, outcomes and observations, ratings,
/// risks and evidence, and what funding it changes in the portfolio.
public enum ProjectSheet {
  /// The page and the data of a project's sheet.
  public static func render(_ input: ProjectReportInput, language: Language) -> RenderedReport {
    let context = ReportContext(language: language)
    var digestInput = input
    digestInput.identity.generatedAt = ""
    let digest = RenderedReport.digest(of: digestInput)
    var writer = HTMLWriter(context: context)
    write(input.sheet, scheme: input.scheme, into: &writer, idPrefix: "", pageBreak: false)
    let html = ReportPage.html(identity: input.identity, digest: digest, writer: writer, context: context)
    let data = RenderedReport.dataJSON(
      kind: "project", identity: input.identity, digest: digest, charts: writer.charts, context: context)
    return RenderedReport(html: html, dataJSON: data, inputsDigest: digest)
  }

  /// The steps from the inputs to the composite: each dimension's and criterion's part of the
  /// blend, the confidence discount, and the harm gate when it applies.
  public static func waterfallSteps(
    _ sheet: ProjectSheetInput, scheme: ReportScheme, context: ReportContext
  ) -> [WaterfallChart.Step] {
    let l = context.l
    let project = sheet.project
    let alpha = scheme.blend
    var steps: [WaterfallChart.Step] = []
    for (index, name) in context.dimensionNames.enumerated() where index < scheme.dimensionWeights.count {
      let value = index < project.dimensions.count ? project.dimensions[index] : 0
      steps.append(
        .init(
          label: l("report.waterfall.dimension", ["name": name]),
          value: alpha * 25 * scheme.dimensionWeights[index] * value))
    }
    for (index, criterion) in scheme.criteria.enumerated() {
      let median = index < project.criteria.count ? project.criteria[index] ?? 0 : 0
      steps.append(
        .init(
          label: l("report.waterfall.criterion", ["name": criterion.label]),
          value: (1 - alpha) * 25 * criterion.weight * median))
    }
    let blended = steps.map(\.value).reduce(0, +)
    steps.append(.init(label: l("report.waterfall.before_confidence"), value: blended, isTotal: true))
    steps.append(
      .init(
        label: l("report.waterfall.confidence", ["k": context.numbers.decimal(project.confidence, places: 2)]),
        value: project.composite - blended))
    steps.append(.init(label: l("label.composite"), value: project.composite, isTotal: true))
    if project.impactClass == "harm" {
      steps.append(.init(label: l("report.waterfall.harm_gate"), value: -project.composite))
      steps.append(.init(label: l("label.rank_score"), value: project.rankScore, isTotal: true))
    }
    return steps
  }

  static func write(
    _ sheet: ProjectSheetInput, scheme: ReportScheme, into writer: inout HTMLWriter, idPrefix: String, pageBreak: Bool
  ) {
    let context = writer.context
    let l = context.l
    let numbers = context.numbers
    let project = sheet.project
    writer.section("\(idPrefix)sheet", l("report.sheet.title", ["name": project.name]), pageBreak: pageBreak)
    writer.cards([
      (l("label.composite"), numbers.score(project.composite), nil),
      (l("label.class"), context.impactClass(project.impactClass), nil),
      (
        l("label.rank"),
        l(
          "report.sheet.rank_of", ["rank": numbers.integer(project.rank), "count": numbers.integer(sheet.rankedAmong)]),
        nil
      ),
      (l("label.amount"), numbers.amount(project.amount), nil),
      (l("label.quantitative"), numbers.score(project.quantitative), nil),
      (l("label.qualitative"), numbers.score(project.qualitative), nil),
      (l("label.confidence"), numbers.decimal(project.confidence, places: 2), nil),
      (l("label.depth"), "\(numbers.dimension(project.depth)) (\(context.depthClass(project.depthClass)))", nil),
    ])
    var identity = DataTable(columns: [l("label.figure"), l("label.value")])
    identity.rows = [
      [.text(l("label.id")), .text(project.id)],
      [.text(l("label.programme")), .text(project.programme)],
      [.text(l("label.territory")), .text(project.territory)],
      [.text(l("label.status")), .text(context.status(project.status))],
      [
        .text(l("label.completeness")),
        .text(
          numbers.percent(project.completeness, places: 0)
            + (project.insufficientData ? " · " + l("label.insufficient_data") : "")),
      ],
      [.text(l("label.contribution")), .number(project.contribution, display: numbers.percent(project.contribution))],
      [
        .text(l("label.reach")), project.reach.map { .number($0, display: numbers.decimal($0, places: 0)) } ?? .missing,
      ],
      [
        .text(l("label.social_value")),
        project.socialValue.map { .number($0, display: numbers.amount($0)) } ?? .missing,
      ],
      [.text(l("label.sroi")), project.sroi.map { .number($0, display: numbers.decimal($0, places: 2)) } ?? .missing],
    ]
    writer.table(identity)

    let steps = waterfallSteps(sheet, scheme: scheme, context: context)
    writer.chart(
      PortfolioReport.renamed(
        WaterfallChart.chart(
          id: "waterfall", title: l("report.waterfall.title"),
          description: l("report.waterfall.desc", ["name": project.name]), steps: steps,
          context: context, format: numbers.score),
        idPrefix))

    let labels = context.dimensionNames + scheme.criteria.map(\.label)
    let values: [Double?] = project.dimensions.map { Optional($0) } + project.criteria
    writer.chart(
      PortfolioReport.renamed(
        ProfileBars.chart(
          id: "profile", labels: labels, values: values, medians: sheet.medianDimensions + sheet.medianCriteria,
          context: context,
          projectName: project.name),
        idPrefix))

    writer.chart(
      PortfolioReport.renamed(
        OutcomeProgress.chart(id: "outcomes", outcomes: sheet.outcomes, scheme: scheme, context: context), idPrefix))
    var scores = DataTable(
      columns: [l("label.outcome"), l("label.domain"), l("label.share")] + context.dimensionNames + [
        l("label.q"), l("label.class"),
      ])
    for outcome in sheet.outcomes {
      var row: [DataCell] = [
        .text(outcome.id), .text(scheme.domainLabel(outcome.domain)),
        .number(outcome.share, display: numbers.percent(outcome.share, places: 0)),
      ]
      row += outcome.dimensions.map { value in value.map { .number($0, display: numbers.dimension($0)) } ?? .missing }
      row += [
        .number(outcome.quantitative, display: numbers.score(outcome.quantitative)),
        .text(context.impactClass(outcome.outcomeClass)),
      ]
      scores.rows.append(row)
    }
    writer.table(scores, caption: l("report.sheet.outcome_scores"))
    let observed = sheet.outcomes.filter { !$0.observations.isEmpty }
    if !observed.isEmpty {
      var periods = DataTable(columns: [
        l("label.outcome"), l("label.period"), l("label.value"), l("report.label.progress_to_target"),
      ])
      for outcome in observed {
        for observation in outcome.observations {
          var progress: DataCell = .missing
          if let baseline = outcome.baseline, let target = outcome.target, target != baseline {
            let value = (observation.value - baseline) / (target - baseline)
            progress = .number(value, display: numbers.percent(value, places: 0))
          }
          periods.rows.append([
            .text(outcome.id), .text(observation.period),
            .number(observation.value, display: numbers.decimal(observation.value, places: 1)), progress,
          ])
        }
      }
      writer.table(periods, caption: l("report.sheet.observations"))
    }

    var ratings = DataTable(columns: [l("label.criterion"), l("label.rater"), l("label.value"), l("label.comment")])
    for rating in sheet.ratings {
      let label = scheme.criteria.first { $0.id == rating.criterion }?.label ?? rating.criterion
      ratings.rows.append([
        .text(label), .text(rating.rater), .number(rating.value, display: numbers.decimal(rating.value, places: 1)),
        .text(rating.comment),
      ])
    }
    writer.table(ratings, caption: l("report.sheet.ratings"))
    var spread = DataTable(columns: [
      l("label.criterion"), l("label.weight"), l("label.median"), l("label.spread"), l("label.ratings"),
    ])
    for figure in sheet.criteria {
      let label = scheme.criteria.first { $0.id == figure.criterion }?.label ?? figure.criterion
      spread.rows.append([
        .text(label), .number(figure.weight, display: numbers.percent(figure.weight, places: 0)),
        figure.median.map { .number($0, display: numbers.dimension($0)) } ?? .missing,
        figure.spread.map { .number($0, display: numbers.dimension($0)) } ?? .missing,
        .number(Double(figure.count), display: numbers.integer(figure.count)),
      ])
    }
    writer.table(spread, caption: l("report.sheet.spread"))

    var risks = DataTable(columns: [l("report.label.risk"), l("report.label.level")])
    risks.rows.append([
      .text(l("label.evidence_level")),
      .text(sheet.evidenceLevel.map(String.init) ?? l("report.sheet.evidence_absent")),
    ])
    risks.rows.append([
      .text(l("label.evidence_factor")),
      .number(sheet.evidenceFactor, display: numbers.decimal(sheet.evidenceFactor, places: 2)),
    ])
    for risk in sheet.risks {
      let label = scheme.riskTypes.first { $0.id == risk.type }?.label ?? risk.type
      risks.rows.append([.text(label), .number(Double(risk.level), display: "\(risk.level) / 3")])
    }
    risks.rows.append([
      .text(l("label.mean_risk")),
      .text(
        numbers.decimal(sheet.meanRisk, places: 2)
          + (sheet.ratedRiskCount == 0 ? " · " + l("report.sheet.unknown_risk") : "")),
    ])
    writer.table(risks, caption: l("report.sheet.risks"))

    if let funding = sheet.funding {
      writeWhatIf(funding, scheme: scheme, into: &writer, caption: l("report.sheet.funding.\(funding.decision)"))
    }
  }

  /// A what-if: the headline figures before and after, and the gaps it closes or opens.
  static func writeWhatIf(_ whatIf: WhatIfFigures, scheme: ReportScheme, into writer: inout HTMLWriter, caption: String)
  {
    let context = writer.context
    let l = context.l
    let numbers = context.numbers
    var table = DataTable(columns: [l("label.figure"), l("label.before"), l("label.after"), l("label.difference")])
    let before = whatIf.before
    let after = whatIf.after
    let rows: [(String, Double?, Double?, (Double) -> String)] = [
      (l("label.projects"), Double(before.projects), Double(after.projects), { numbers.decimal($0, places: 0) }),
      (l("label.total_amount"), before.totalAmount, after.totalAmount, numbers.amount),
      (l("label.weighted_composite"), before.weightedComposite, after.weightedComposite, numbers.score),
      (l("label.weighted_quantitative"), before.weightedQuantitative, after.weightedQuantitative, numbers.score),
      (l("label.weighted_qualitative"), before.weightedQualitative, after.weightedQualitative, numbers.score),
      (l("label.weighted_depth"), before.weightedDepth, after.weightedDepth, numbers.dimension),
      (l("label.coverage"), before.coverage, after.coverage, { numbers.percent($0) }),
      (l("label.deep_coverage"), before.deepCoverage, after.deepCoverage, { numbers.percent($0) }),
      (l("label.hhi"), before.hhi, after.hhi, { numbers.decimal($0, places: 3) }),
      (l("label.sroi"), before.sroi, after.sroi, { numbers.decimal($0, places: 2) }),
    ]
    for (label, then, now, format) in rows {
      let difference: DataCell =
        if let then, let now { .number(now - then, display: numbers.signed(format(now - then), now - then)) } else {
          .missing
        }
      table.rows.append([
        .text(label), then.map { .number($0, display: format($0)) } ?? .missing,
        now.map { .number($0, display: format($0)) } ?? .missing, difference,
      ])
    }
    writer.table(table, caption: caption + (whatIf.selection.isEmpty ? "" : " (\(whatIf.selection))"))
    let closed = whatIf.gapsClosed.map(scheme.domainLabel)
    let opened = whatIf.gapsOpened.map(scheme.domainLabel)
    writer.paragraph(
      l("report.whatif.gaps_closed", ["domains": closed.isEmpty ? l("report.none") : closed.joined(separator: ", ")]))
    if !opened.isEmpty {
      writer.paragraph(l("report.whatif.gaps_opened", ["domains": opened.joined(separator: ", ")]), className: "flag")
    }
    let placed = whatIf.placements.filter { $0.rankAfter != nil }
    if !placed.isEmpty {
      var ranks = DataTable(columns: [l("label.project"), l("label.rank_after")])
      for placement in placed {
        ranks.rows.append([
          .text(placement.name),
          .number(
            Double(placement.rankAfter ?? 0),
            display: l(
              "report.sheet.rank_of",
              ["rank": numbers.integer(placement.rankAfter ?? 0), "count": numbers.integer(after.projects)])),
        ])
      }
      writer.table(ranks)
    }
  }
}
