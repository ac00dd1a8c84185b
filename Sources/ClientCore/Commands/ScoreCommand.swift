import ArgumentParser
import ImpactAPI
import Localization

/// `impact score`: a project's score with its breakdown.
struct ScoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: HelpText.l("help.score.abstract"),
    discussion: """
      \(HelpText.l("help.score.discussion"))

      \(HelpText.l("help.example"))
        impact score pension-de-famille-rennes --explain
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var history: AtOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.score.id")))
  var id: String

  @Flag(help: ArgumentHelp(HelpText.l("help.score.explain")))
  var explain = false

  func run() async throws {
    var draft = Impact_V1_GetProjectScoreRequest()
    if let at = history.message { draft.at = at }
    draft.id = id
    draft.explain = explain
    let request = draft
    let connection = try global.connection()
    let (response, scheme) = try await connection.run { client, _ in
      let response = try await ProjectReference.withProject(request.id, client: client, connection: connection) { id in
        var request = request
        request.id = id
        return try await Impact_V1_ScoringService.Client(wrapping: client).getProjectScore(
          request, metadata: connection.metadata, options: connection.callOptions)
      }
      let scheme = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        history.schemeRequest, metadata: connection.metadata, options: connection.callOptions)
      return (response, scheme.scheme)
    }
    let renderer = global.renderer()
    let labels = SchemeLabels(scheme: scheme, language: renderer.language)
    try renderer.emit(response) {
      ScoreSections(renderer: renderer, labels: labels).sections(response.score, revision: response.revision)
    }
  }
}

/// The human and CSV sections of a project score, shared by `score` and `compare --explain`.
struct ScoreSections {
  var renderer: Renderer
  var labels: SchemeLabels

  func sections(_ score: Impact_V1_ProjectScore, revision: Int64) -> [Section] {
    var sections: [Section] = [
      .table(totals(score, revision: revision)), .table(outcomes(score)), .table(criteria(score)),
    ]
    if score.hasExplanation { sections.append(explanation(score.explanation)) }
    return sections
  }

  func totals(_ score: Impact_V1_ProjectScore, revision: Int64) -> Table {
    let l = renderer.l
    let meanRisk = renderer.number(score.meanRisk, .decimals(2)).display
    let risk =
      score.ratedRiskCount == 0
      ? l("score.risk.unknown", ["risk": meanRisk])
      : l("score.risk.rated", ["risk": meanRisk, "count": String(score.ratedRiskCount)])
    let depth = l(
      "score.depth", ["depth": renderer.number(score.depth, .dimension).display, "class": score.depthClass.label(l)])
    return Table.fields([
      ("project", l("label.project"), Cell(score.projectID)),
      ("name", l("label.name"), Cell(score.name)),
      ("scheme", l("label.scheme"), Cell(score.schemeID)),
      ("status", l("label.status"), Cell(score.status, l)),
      ("amount", l("label.amount"), renderer.number(score.amount, .amount)),
      ("composite", l("label.composite"), renderer.number(score.composite, .score)),
      ("quantitative", l("label.quantitative"), renderer.number(score.quantitative, .score)),
      ("qualitative", l("label.qualitative"), renderer.number(score.qualitative, .score)),
      ("confidence", l("label.confidence"), renderer.number(score.confidence, .decimals(3))),
      ("evidence factor", l("label.evidence_factor"), renderer.number(score.evidenceFactor, .decimals(2))),
      ("mean risk", l("label.mean_risk"), Cell(display: risk, csv: NumberStyle.raw(score.meanRisk))),
      ("depth", l("label.depth"), Cell(display: depth, csv: NumberStyle.raw(score.depth))),
      ("completeness", l("label.completeness"), renderer.number(score.completeness, .percent)),
      ("insufficient data", l("label.insufficient_data"), Cell(score.insufficientData, l)),
      ("class", l("label.class"), Cell(score.impactClass, l)),
      ("rank score", l("label.rank_score"), renderer.number(score.rankScore, .score)),
      ("rank", l("label.rank"), Cell(Int64(score.rank))),
      ("percentile", l("label.percentile"), renderer.number(score.percentile, .score)),
      ("contribution", l("label.contribution"), renderer.number(score.contribution, .percent)),
      (
        "social value", l("label.social_value"),
        renderer.number(score.hasSocialValue ? score.socialValue : nil, .amount)
      ),
      ("SROI", l("label.sroi"), renderer.number(score.hasSroi ? score.sroi : nil, .decimals(2))),
      ("revision", l("label.revision"), Cell(revision)),
    ])
  }

  func outcomes(_ score: Impact_V1_ProjectScore) -> Table {
    let l = renderer.l
    var table = Table(
      title: l("score.outcomes.title"),
      columns: [
        .text("outcome", l("label.outcome")), .text("domain", l("label.domain"), truncatable: true),
        .number("share", l("label.share")), .number("scale", l("label.scale")),
        .number("depth", l("label.depth_short")),
        .number("duration", l("label.duration")), .number("contrib.", l("label.contribution_short")),
        .number("Q", l("label.q")), .number("complete", l("label.complete")),
        .text("depth class", l("label.depth_class_short")), .text("class", l("label.class")),
      ])
    for outcome in score.outcomes {
      table.append([
        Cell(outcome.outcomeID), Cell(display: labels.domain(outcome.domain), csv: outcome.domain),
        renderer.number(outcome.share, .percent),
        renderer.number(outcome.hasScale ? outcome.scale : nil, .dimension),
        renderer.number(outcome.hasDepth ? outcome.depth : nil, .dimension),
        renderer.number(outcome.hasDuration ? outcome.duration : nil, .dimension),
        renderer.number(outcome.hasContribution ? outcome.contribution : nil, .dimension),
        renderer.number(outcome.quantitative, .score),
        renderer.number(outcome.completeness, .percent),
        Cell(outcome.depthClass, l), Cell(outcome.outcomeClass, l),
      ])
    }
    return table
  }

  func criteria(_ score: Impact_V1_ProjectScore) -> Table {
    let l = renderer.l
    var table = Table(
      title: l("score.criteria.title"),
      columns: [
        .text("criterion", l("label.criterion"), truncatable: true), .number("weight", l("label.weight")),
        .number("median", l("label.median")), .number("ratings", l("label.ratings")),
        .number("spread", l("label.spread")), .text("values", l("label.values"), truncatable: true),
      ])
    for criterion in score.criteria {
      table.append([
        Cell(display: labels.criterion(criterion.criterion), csv: criterion.criterion),
        renderer.number(criterion.weight, .percent),
        renderer.number(criterion.hasMedian ? criterion.median : nil, .dimension),
        Cell(criterion.ratingCount),
        renderer.number(criterion.hasSpread ? criterion.spread : nil, .dimension),
        Cell(
          display: criterion.values.map { renderer.number($0, .dimension).display }.joined(separator: " "),
          csv: criterion.values.map(NumberStyle.raw).joined(separator: " ")
        ),
      ])
    }
    return table
  }

  func explanation(_ explanation: Impact_V1_Explanation) -> Section {
    var csv = Table(
      title: "explanation",
      columns: [
        .text("quantity"), .text("formula"), .text("inputs"), .number("result"), .text("note"), .text("text"),
      ])
    let l = renderer.l
    var lines = [l("score.explanation.title")]
    for step in explanation.steps {
      let inputs = step.inputs.map { "\($0.name)=\(Self.raw($0.value))" }.joined(separator: " ")
      csv.append([
        Cell(step.quantity), Cell(step.formula), Cell(inputs), Cell(Self.raw(step.result)),
        Cell(step.hasNote ? step.note : ""), Cell(step.text),
      ])
      let values = parameters(step)
      let quantity = worded(ExplanationKeys.quantity(step.key), values, english: step.quantity)
      lines.append("\(quantity) = \(display(step.result))")
      let formula = worded(ExplanationKeys.formula(step.key), values, english: step.formula)
      if !formula.isEmpty { lines.append("    \(formula)") }
      if !step.inputs.isEmpty {
        let inputs = step.inputs.map { "\(name($0)) = \(display($0.value))" }.joined(separator: ", ")
        lines.append("    " + l("score.explanation.with", ["inputs": inputs]))
      }
      if step.hasNote {
        let note = worded(ExplanationKeys.note(step.noteKey), values, english: step.note)
        lines.append("    " + l("score.explanation.note", ["note": note]))
      }
    }
    return .text(lines.joined(separator: "\n"), csv: csv)
  }

  /// The text of `key` in the reader's language with `values`; `english` (what the daemon
  /// wrote) when the daemon sent no key or one this catalogue does not have.
  private func worded(_ key: String, _ values: [String: String], english: String) -> String {
    guard ExplanationKeys.known(key) else { return english }
    return renderer.l(key, values)
  }

  /// What the texts of `step` quote: its parameters by name (`outcome`, `class`, `spread`...),
  /// and the evidence levels as `levels` (`level 1: 0.5, level 2: 0.6`).
  private func parameters(_ step: Impact_V1_ExplanationStep) -> [String: String] {
    var values: [String: String] = [:]
    for parameter in step.parameters { values[parameter.name] = quoted(parameter.value) }
    values["levels"] = step.parameters.filter { $0.key == "level" }
      .map { renderer.l("explain.level", ["level": name($0), "factor": quoted($0.value)]) }
      .joined(separator: ", ")
    return values
  }

  /// A value quoted inside a formula or a note: up to four decimals without trailing zeros,
  /// as the daemon's English text quotes it (`0.6`, `1`), with the reader's decimal separator.
  private func quoted(_ value: Impact_V1_ExplanationValue) -> String {
    guard case .number(let number) = value.kind else { return display(value) }
    var text = renderer.number(number, .decimals(4)).display
    let separator: Character = renderer.language == .fr ? "," : "."
    guard text.contains(separator) else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.last == separator { text.removeLast() }
    return text
  }

  /// An input's name in the reader's language when it is a word (`reach`, `share(emploi)`);
  /// a symbol or an id as it is.
  private func name(_ input: Impact_V1_NamedValue) -> String {
    worded(ExplanationKeys.input(input.key), ["id": input.argument], english: input.name)
  }

  /// An explanation value for people: numbers to four decimals, words in the reader's
  /// language, ids as they are.
  private func display(_ value: Impact_V1_ExplanationValue) -> String {
    switch value.kind {
    case .number(let number): renderer.number(number, .decimals(4)).display
    case .text(let text): value.key.isEmpty ? text : worded(ExplanationKeys.word(value.key), [:], english: text)
    case nil: renderer.l("score.explanation.absent")
    }
  }

  /// An explanation value at full precision (CSV and the input list).
  static func raw(_ value: Impact_V1_ExplanationValue) -> String {
    switch value.kind {
    case .number(let number): NumberStyle.raw(number)
    case .text(let text): text
    case nil: ""
    }
  }
}
