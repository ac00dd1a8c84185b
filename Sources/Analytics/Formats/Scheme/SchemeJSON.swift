public import Foundation

/// Reads and writes the scheme document (see `docs/formats.md`).
///
/// Keys the document leaves out take the values of ``Scheme/impactV1``, except `id`, which is
/// required. A criterion or domain without a label takes the impact-v1 label of the same id,
/// or its id. A scheme that breaks a rule of ``Scheme/validate()`` is refused whole.
public enum SchemeJSON {
  static let keys = [
    "id", "reach_reference", "duration_horizon_years", "quantitative_weights", "criteria", "blend",
    "evidence_factors", "risk_types", "unknown_risk", "coverage_threshold",
    "insufficient_data_below",
    "discount_rate", "domains",
  ]

  /// Reads a scheme document.
  /// - Throws: ``FormatError`` naming source, line, column and key path of every problem,
  ///   including every scheme rule broken.
  public static func decode(_ data: Data, source: String = "scheme") throws(FormatError) -> Scheme {
    let bytes = [UInt8](data)
    let root = try JSONParser.parse(bytes, source: source)
    let reader = JSONFieldReader(source: source, bytes: bytes)
    let scheme = read(root, at: "", reader: reader)
    guard reader.issues.isEmpty, let scheme else { throw FormatError(issues: reader.sortedIssues) }
    return scheme
  }

  /// Writes every field of the scheme, keys in the documented order, pretty and deterministic.
  public static func encode(_ scheme: Scheme) -> Data {
    Data(output(scheme).rendered().utf8)
  }

  // MARK: - Reading

  /// Reads a scheme object found at `path`, reporting problems (syntax of the fields, then the
  /// scheme's rules) to `reader`. `nil` when anything is wrong.
  static func read(_ node: JSONNode, at path: String, reader: JSONFieldReader) -> Scheme? {
    guard let fields = reader.object(node, at: path, allowed: keys) else { return nil }
    let issuesBefore = reader.issues.count
    let defaults = Scheme.impactV1
    var scheme = defaults
    scheme.id = fields.string("id", required: true) ?? ""
    if let value = fields.double("reach_reference") { scheme.reachReference = value }
    if let value = fields.double("duration_horizon_years") { scheme.durationHorizonYears = value }
    if let node = fields.node("quantitative_weights"),
      let weights = reader.object(
        node, at: fields.path("quantitative_weights"),
        allowed: ["scale", "depth", "duration", "contribution"])
    {
      scheme.quantitativeWeights = QuantitativeWeights(
        scale: weights.double("scale", required: true) ?? 0,
        depth: weights.double("depth", required: true) ?? 0,
        duration: weights.double("duration", required: true) ?? 0,
        contribution: weights.double("contribution", required: true) ?? 0)
    }
    if let elements = fields.array("criteria") {
      scheme.criteria = elements.enumerated().compactMap { index, element in
        readCriterion(
          element, at: "\(fields.path("criteria"))[\(index)]", reader: reader, defaults: defaults)
      }
    }
    if let value = fields.double("blend") { scheme.blend = value }
    if let node = fields.node("evidence_factors") {
      scheme.evidenceFactors = readEvidenceFactors(
        node, at: fields.path("evidence_factors"), reader: reader)
    }
    if let elements = fields.array("risk_types") {
      scheme.riskTypes = elements.enumerated().compactMap { index, element in
        reader.string(element, at: "\(fields.path("risk_types"))[\(index)]")
      }
    }
    if let value = fields.double("unknown_risk") { scheme.unknownRisk = value }
    if let value = fields.double("coverage_threshold") { scheme.coverageThreshold = value }
    if let value = fields.double("insufficient_data_below") { scheme.insufficientDataBelow = value }
    if let value = fields.double("discount_rate") { scheme.discountRate = value }
    if let elements = fields.array("domains") {
      scheme.domains = elements.enumerated().compactMap { index, element in
        readDomain(
          element, at: "\(fields.path("domains"))[\(index)]", reader: reader, defaults: defaults)
      }
    }
    guard reader.issues.count == issuesBefore else { return nil }

    let ruleIssues = scheme.validate()
    for issue in ruleIssues {
      // Point at the key the rule is about when the document has it, else at the scheme.
      let topKey = String(issue.path.prefix { $0 != "." && $0 != "[" })
      let location = fields.node(topKey) ?? node
      // The daemon's catalogue has each scheme rule's text, for readers of other languages.
      reader.report(
        issue.message, path: JSONFieldReader.join(path, issue.path), node: location,
        key: "daemon.scheme-rule.\(issue.rule.code)",
        values: issue.values.merging(["field": issue.path, "rule": issue.rule.code]) { old, _ in old })
    }
    return ruleIssues.isEmpty ? scheme : nil
  }

  private static func readCriterion(
    _ node: JSONNode, at path: String, reader: JSONFieldReader, defaults: Scheme
  ) -> Criterion? {
    guard let fields = reader.object(node, at: path, allowed: ["id", "weight", "label", "levels"])
    else { return nil }
    let id = fields.string("id", required: true)
    let weight = fields.double("weight", required: true)
    let label = fields.node("label").flatMap {
      readText($0, at: fields.path("label"), reader: reader)
    }
    var levels: [Int: LocalizedText]?
    if let node = fields.node("levels"),
      let members = reader.object(
        node, at: fields.path("levels"), allowed: ["0", "1", "2", "3", "4"])
    {
      var texts: [Int: LocalizedText] = [:]
      for (key, value) in members.fields {
        if let level = Int(key), let text = readText(value, at: members.path(key), reader: reader) {
          texts[level] = text
        }
      }
      levels = texts
    }
    guard let id, let weight else { return nil }
    let standard = defaults.criteria.first { $0.id == id }
    return Criterion(
      id: id, weight: weight,
      label: label ?? standard?.label ?? LocalizedText(fr: id, en: id),
      levels: levels ?? standard?.levels ?? [:])
  }

  private static func readDomain(
    _ node: JSONNode, at path: String, reader: JSONFieldReader, defaults: Scheme
  ) -> Domain? {
    guard let fields = reader.object(node, at: path, allowed: ["id", "strategic", "label"]) else {
      return nil
    }
    guard let id = fields.string("id", required: true) else { return nil }
    let standard = defaults.domains.first { $0.id == id }
    var domain = Domain(
      id: id, strategic: standard?.strategic ?? true,
      label: standard?.label ?? LocalizedText(fr: id, en: id))
    if let strategic = fields.bool("strategic") { domain.strategic = strategic }
    if let node = fields.node("label"),
      let label = readText(node, at: fields.path("label"), reader: reader)
    {
      domain.label = label
    }
    return domain
  }

  /// A text in both languages: `{"fr": ..., "en": ...}`, or one string used for both.
  private static func readText(
    _ node: JSONNode, at path: String, reader: JSONFieldReader
  )
    -> LocalizedText?
  {
    if case .string(let text) = node.value { return LocalizedText(fr: text, en: text) }
    guard case .object = node.value else {
      reader.report(
        "expected a string or an object {\"fr\": ..., \"en\": ...}, found \(node.kind)", path: path,
        node: node)
      return nil
    }
    guard let fields = reader.object(node, at: path, allowed: ["fr", "en"]),
      let fr = fields.string("fr", required: true), let en = fields.string("en", required: true)
    else { return nil }
    return LocalizedText(fr: fr, en: en)
  }

  private static func readEvidenceFactors(
    _ node: JSONNode, at path: String, reader: JSONFieldReader
  ) -> [Double] {
    let levels = ["1", "2", "3", "4", "5"]
    guard let fields = reader.object(node, at: path, allowed: levels) else { return [] }
    var factors: [Double] = []
    for level in levels {
      guard let factor = fields.double(level, required: true) else { return [] }
      factors.append(factor)
    }
    return factors
  }

  // MARK: - Writing

  static func output(_ scheme: Scheme) -> JSONOutput {
    let weights = scheme.quantitativeWeights
    return .object([
      ("id", .string(scheme.id)),
      ("reach_reference", .number(scheme.reachReference)),
      ("duration_horizon_years", .number(scheme.durationHorizonYears)),
      (
        "quantitative_weights",
        .object([
          ("scale", .number(weights.scale)), ("depth", .number(weights.depth)),
          ("duration", .number(weights.duration)), ("contribution", .number(weights.contribution)),
        ])
      ),
      ("criteria", .array(scheme.criteria.map(output))),
      ("blend", .number(scheme.blend)),
      (
        "evidence_factors",
        .object(
          scheme.evidenceFactors.enumerated().map { ("\($0.offset + 1)", .number($0.element)) })
      ),
      ("risk_types", .array(scheme.riskTypes.map { .string($0) })),
      ("unknown_risk", .number(scheme.unknownRisk)),
      ("coverage_threshold", .number(scheme.coverageThreshold)),
      ("insufficient_data_below", .number(scheme.insufficientDataBelow)),
      ("discount_rate", .number(scheme.discountRate)),
      ("domains", .array(scheme.domains.map(output))),
    ])
  }

  private static func output(_ criterion: Criterion) -> JSONOutput {
    // Levels are written even when empty: an absent key would read back as impact-v1's levels.
    let levels = criterion.levels.keys.sorted().map { level -> (String, JSONOutput) in
      let text = criterion.levels[level] ?? LocalizedText(fr: "", en: "")
      return ("\(level)", text.fr == text.en ? .string(text.fr) : output(text))
    }
    return .object([
      ("id", .string(criterion.id)),
      ("weight", .number(criterion.weight)),
      ("label", output(criterion.label)),
      ("levels", .object(levels)),
    ])
  }

  private static func output(_ domain: Domain) -> JSONOutput {
    .object([
      ("id", .string(domain.id)),
      ("strategic", .bool(domain.strategic)),
      ("label", output(domain.label)),
    ])
  }

  private static func output(_ text: LocalizedText) -> JSONOutput {
    .object([("fr", .string(text.fr)), ("en", .string(text.en))])
  }
}
