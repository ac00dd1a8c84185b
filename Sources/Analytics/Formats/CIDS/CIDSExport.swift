public import Foundation

/// Writes a portfolio in the Common Impact Data Standard 3.2 as JSON-LD: the organisation,
/// one theme per impact domain used, every project outcome (`cids:Outcome`), the indicator
/// that measures it (`cids:Indicator`), one `cids:IndicatorReport` per observation, and one
/// `cids:ImpactReport` per scored outcome with its scale, depth and duration. Every node has
/// the Basic Tier's required properties; the mapping is in `docs/formats.md`, "CIDS export".
///
/// ```swift
/// let text = CIDSExport(organization: "Fondation Exemple").document(portfolio, observations: [])
/// ```
public struct CIDSExport: Sendable {
  /// The CIDS namespace.
  public static let cidsNamespace = "https://ontology.commonapproach.org/cids#"
  /// The prefixes the document's `@context` declares.
  public static let context: [(String, String)] = [
    ("cids", cidsNamespace),
    ("org", "http://ontology.eil.utoronto.ca/tove/organization#"),
    ("i72", "http://ontology.eil.utoronto.ca/ISO21972/iso21972#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("sch", "http://schema.org/"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
  ]

  /// The organisation's legal name (`org:hasLegalName`).
  public var organization: String
  /// The start of every node's `@id`; by default `urn:impact:<organisation>:`.
  public var baseIRI: String
  /// `fr` or `en`: the language of domain labels and bank texts.
  public var language: String
  /// The time written on values that have no period (an outcome's `actual` without observations).
  public var exportedAt: Date
  public var bank: IndicatorBank

  public init(
    organization: String, baseIRI: String? = nil, language: String = "fr", exportedAt: Date = Date(),
    bank: IndicatorBank = .shipped
  ) {
    self.organization = organization
    self.baseIRI = baseIRI ?? Self.defaultBaseIRI(for: organization)
    self.language = language
    self.exportedAt = exportedAt
    self.bank = bank
  }

  /// `urn:impact:` and the organisation's name in lower case, words joined by `-`.
  public static func defaultBaseIRI(for organization: String) -> String {
    let slug = SearchKey(organization).text.unicodeScalars
      .map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? String($0) : "-" }
      .joined().split(separator: "-").joined(separator: "-")
    return "urn:impact:\(slug.isEmpty ? "organization" : slug):"
  }

  /// The JSON-LD document, deterministic for the same inputs.
  public func document(_ portfolio: PortfolioDocument, observations: [CIDSObservation]) -> String {
    let scheme = portfolio.scheme ?? .impactV1
    let scorer = ProjectScorer(scheme: scheme)
    let organizationID = iri("organization")
    var graph: [JSONOutput] = []
    var outcomeIDs: [JSONOutput] = []
    var indicatorIDs: [JSONOutput] = []
    var usedDomains: [String] = []
    let observed = Dictionary(grouping: observations) { "\($0.projectID)/\($0.outcomeID)" }

    for project in portfolio.projects {
      let score = scorer.score(project)
      for outcome in project.outcomes {
        let key = "\(project.id)/\(outcome.id)"
        let outcomeID = iri("outcome/\(key)")
        let indicatorID = iri("indicator/\(key)")
        let bankIndicator = outcome.indicatorID.flatMap(bank.indicator)
        if !usedDomains.contains(outcome.domain) { usedDomains.append(outcome.domain) }
        let label = outcome.indicator ?? bankIndicator?.name.text(in: language) ?? outcome.id
        let series = (observed[key] ?? []).sorted {
          (periodStart($0), $0.recordedAt) < (periodStart($1), $1.recordedAt)
        }
        let measured = outcome.indicator != nil || bankIndicator != nil || outcome.actual != nil || !series.isEmpty

        var outcomeNode: [(String, JSONOutput)] = [
          ("@id", .string(outcomeID)), ("@type", .string("cids:Outcome")),
          ("org:hasName", .string("\(project.name) – \(label)")),
          ("cids:hasDescription", .string(outcomeDescription(project, outcome, scheme))),
          ("cids:forOrganization", reference(organizationID)),
          ("cids:forTheme", reference(iri("theme/\(outcome.domain)"))),
        ]
        if measured { outcomeNode.append(("cids:hasIndicator", .array([reference(indicatorID)]))) }
        graph.append(.object(outcomeNode))
        outcomeIDs.append(reference(outcomeID))

        var reportIDs: [JSONOutput] = []
        if measured {
          var reports: [(value: Double, start: String, end: String, comment: String, name: String)] = series.map {
            let bounds =
              CIDSPeriod.bounds(of: $0.period)
              ?? (CIDSPeriod.dateTime($0.recordedAt), CIDSPeriod.dateTime($0.recordedAt))
            return (
              $0.value, bounds.start, bounds.end, $0.source,
              $0.period.isEmpty ? CIDSPeriod.dateTime($0.recordedAt) : $0.period
            )
          }
          if reports.isEmpty, let actual = outcome.actual {
            let now = CIDSPeriod.dateTime(exportedAt)
            reports = [(actual, now, now, "", now)]
          }
          for (index, report) in reports.enumerated() {
            let reportID = iri("indicator-report/\(key)/\(index + 1)")
            var node: [(String, JSONOutput)] = [
              ("@id", .string(reportID)), ("@type", .string("cids:IndicatorReport")),
              ("org:hasName", .string("\(label) – \(report.name)")),
              ("i72:value", measure(report.value)),
              ("prov:startedAtTime", dateTime(report.start)),
              ("prov:endedAtTime", dateTime(report.end)),
              ("cids:forIndicator", reference(indicatorID)),
              ("cids:forOrganization", reference(organizationID)),
            ]
            if !report.comment.isEmpty { node.append(("cids:hasComment", .string(report.comment))) }
            graph.append(.object(node))
            reportIDs.append(reference(reportID))
          }
          var indicatorNode: [(String, JSONOutput)] = [
            ("@id", .string(indicatorID)), ("@type", .string("cids:Indicator")),
            ("org:hasName", .string(label)),
            ("cids:hasDescription", .string(bankIndicator?.definition.text(in: language) ?? label)),
            ("cids:unitDescription", .string(unitDescription(outcome, bankIndicator))),
            ("cids:forOrganization", reference(organizationID)),
            ("cids:forOutcome", .array([reference(outcomeID)])),
          ]
          if let baseline = outcome.baseline { indicatorNode.append(("cids:hasBaseline", measure(baseline))) }
          if let bankIndicator {
            indicatorNode.append(("sch:identifier", .string(bankIndicator.id)))
          }
          if !reportIDs.isEmpty { indicatorNode.append(("cids:hasIndicatorReport", .array(reportIDs))) }
          graph.append(.object(indicatorNode))
          indicatorIDs.append(reference(indicatorID))
        }

        // An impact report needs a scale and a depth (CIDS Essential Tier); the method's
        // dimensions are on 0–4.
        guard let figures = score.outcomes.first(where: { $0.id == outcome.id }),
          let scale = figures.scale, let depth = figures.depth
        else { continue }
        let start = reportsStart(series) ?? CIDSPeriod.dateTime(exportedAt)
        let end = reportsEnd(series) ?? CIDSPeriod.dateTime(exportedAt)
        var impact: [(String, JSONOutput)] = [
          ("@id", .string(iri("impact-report/\(key)"))), ("@type", .string("cids:ImpactReport")),
          ("org:hasName", .string("\(project.name) – \(label)")),
          ("prov:startedAtTime", dateTime(start)), ("prov:endedAtTime", dateTime(end)),
          ("cids:forOutcome", reference(outcomeID)),
          ("cids:forOrganization", reference(organizationID)),
          (
            "cids:hasComment",
            .string("\(scheme.id): scale, depth, duration 0-4; class \(figures.outcomeClass.rawValue)")
          ),
          ("cids:hasImpactScale", dimension("cids:ImpactScale", scale, "reach \(Self.number(outcome.reach ?? 0))")),
          (
            "cids:hasImpactDepth",
            dimension("cids:ImpactDepth", depth, "depth class \(figures.depthClass.rawValue)")
          ),
        ]
        if let duration = figures.duration {
          impact.append(
            (
              "cids:hasImpactDuration",
              dimension("cids:ImpactDuration", duration, "\(outcome.durationYears ?? 0) years")
            ))
        }
        graph.append(.object(impact))
      }
    }

    for domain in usedDomains {
      let label = scheme.domains.first { $0.id == domain }?.label.text(in: language) ?? domain
      graph.append(
        .object([
          ("@id", .string(iri("theme/\(domain)"))), ("@type", .string("cids:Theme")),
          ("org:hasName", .string(label)),
          ("cids:hasDescription", .string("\(label) (\(scheme.id): \(domain))")),
        ]))
    }
    graph.insert(
      .object([
        ("@id", .string(organizationID)), ("@type", .string("cids:Organization")),
        ("org:hasLegalName", .string(organization)),
        ("cids:hasOutcome", .array(outcomeIDs)),
        ("cids:hasIndicator", .array(indicatorIDs)),
      ]), at: 0)
    let context = JSONOutput.object(Self.context.map { ($0.0, .string($0.1)) })
    return JSONOutput.object([("@context", context), ("@graph", .array(graph))]).rendered()
  }

  private func iri(_ path: String) -> String { baseIRI + path }

  private func reference(_ id: String) -> JSONOutput { .object([("@id", .string(id))]) }

  /// An `i72:Measure`: CIDS writes numerical values as strings.
  private func measure(_ value: Double) -> JSONOutput {
    .object([("@type", .string("i72:Measure")), ("i72:hasNumericalValue", .string(Self.number(value)))])
  }

  private func dimension(_ type: String, _ value: Double, _ description: String) -> JSONOutput {
    .object([("@type", .string(type)), ("i72:value", measure(value)), ("cids:hasDescription", .string(description))])
  }

  private func dateTime(_ text: String) -> JSONOutput {
    .object([("@value", .string(text)), ("@type", .string("xsd:dateTime"))])
  }

  private func outcomeDescription(_ project: Project, _ outcome: Outcome, _ scheme: Scheme) -> String {
    let domain = scheme.domains.first { $0.id == outcome.domain }?.label.text(in: language) ?? outcome.domain
    return [project.name, project.programme, project.territory, domain, outcome.id]
      .filter { !$0.isEmpty }.joined(separator: " · ")
  }

  private func unitDescription(_ outcome: Outcome, _ indicator: BankIndicator?) -> String {
    if let unit = outcome.unit { return unit }
    if let indicator { return bank.label(of: indicator.unit, in: \.units, language: language) }
    return ""
  }

  /// When an observation's period starts (when it was recorded, without a period), to order
  /// a series in time.
  private func periodStart(_ observation: CIDSObservation) -> String {
    CIDSPeriod.bounds(of: observation.period)?.start ?? CIDSPeriod.dateTime(observation.recordedAt)
  }

  private func reportsStart(_ series: [CIDSObservation]) -> String? {
    series.compactMap { CIDSPeriod.bounds(of: $0.period)?.start }.min()
  }

  private func reportsEnd(_ series: [CIDSObservation]) -> String? {
    series.compactMap { CIDSPeriod.bounds(of: $0.period)?.end }.max()
  }

  /// The shortest text that reads back to `value` (`62`, `0.35`).
  static func number(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
  }
}
