public import Foundation

/// Reads and writes the portfolio document `impact-portfolio/1`, and `impact-portfolio/2`
/// when it carries its revision (see `docs/formats.md`).
///
/// Reading checks the shape of the document: JSON syntax, the format tag, known keys, types
/// (integers where the method says integer), required keys and enumerations. The rules of the
/// method on values (ranges, shares summing to 1, known domains...) are ``Validator``'s job, so
/// a caller can report them together. An embedded scheme is checked whole by ``SchemeJSON``.
///
/// ```swift
/// let document = try PortfolioJSON.decode(data, source: "portfolio.json")
/// let issues = Validator(scheme: document.scheme ?? .impactV1).validate(document)
/// ```
public enum PortfolioJSON {
  static let documentKeys = ["format", "revision", "scheme", "projects"]
  static let projectKeys = [
    "id", "name", "programme", "territory", "status", "amount", "evidence_level", "risks",
    "ratings",
    "outcomes", "extra",
  ]
  static let ratingKeys = ["criterion", "rater", "value", "comment"]
  static let outcomeKeys = [
    "id", "domain", "share", "indicator", "indicator_id", "impact_id", "unit", "direction", "baseline", "threshold",
    "target",
    "targets", "actual",
    "survey", "reach", "duration_years", "drop_off", "deadweight", "attribution", "displacement",
    "financial_proxy", "harmful", "nature",
  ]
  static let surveyKeys = ["very_much", "slightly"]
  static let targetKeys = ["period", "value"]

  /// Reads a portfolio document.
  /// - Parameters:
  ///   - data: UTF-8 JSON (a byte order mark is accepted).
  ///   - source: the name messages give the document, such as its file name.
  /// - Throws: ``FormatError``: the first syntax error, or every problem of content found, each
  ///   with line, column and key path (`projects[1].outcomes[0].threshold`).
  public static func decode(
    _ data: Data, source: String = "document"
  ) throws(FormatError)
    -> PortfolioDocument
  {
    var opened = Opening()
    var projects: [Project] = []
    _ = try decode(
      data, source: source, batchSize: .max, opening: { opened = $0 }, projects: { batch, _ in projects += batch })
    return PortfolioDocument(scheme: opened.scheme, projects: projects, revision: opened.revision)
  }

  /// What a document says besides its projects.
  public struct Opening: Sendable, Equatable {
    public var scheme: Scheme?
    public var revision: Int64?

    public init(scheme: Scheme? = nil, revision: Int64? = nil) {
      self.scheme = scheme
      self.revision = revision
    }
  }

  /// Reads a portfolio document like ``decode(_:source:)``, giving its projects away as they
  /// are read, so that a caller can send them on before the end of a large document.
  ///
  /// `opening` is called once, before any `projects`: as soon as the `projects` array starts
  /// when it is the document's last member (as the export writes it: nothing can follow that
  /// would change the scheme or the revision), after the whole document otherwise. `projects`
  /// is then called with up to `batchSize` projects at a time, in the document's order, and how
  /// many bytes of `data` are read so far; a project with a problem is not given.
  /// - Returns: how many projects were given.
  /// - Throws: ``FormatError`` as ``decode(_:source:)`` does, once the document is read: the
  ///   projects given before are then to be dropped.
  public static func decode(
    _ data: Data, source: String = "document", batchSize: Int,
    opening: @escaping (Opening) -> Void, projects: @escaping ([Project], Int) -> Void
  ) throws(FormatError) -> Int {
    let bytes = [UInt8](data)
    let reader = JSONFieldReader(source: source, bytes: bytes)
    let projectsLast = endsWithArray(bytes)
    var opened = false
    var batch: [Project] = []
    var streamedCount = 0
    var given = 0
    var read = 0
    func give(_ list: [Project]) {
      projects(list, read)
      given += list.count
    }
    // The projects are read as the parser meets them, one project's tree at a time.
    let root = try JSONParser.parse(
      bytes, source: source, elementsOf: "projects",
      before: { members in
        guard projectsLast else { return }
        // Read again below with the whole root, where its problems are reported.
        let early = JSONFieldReader(source: source, bytes: bytes)
        guard
          let fields = early.object(JSONNode(value: .object(members), start: 0, end: 0), at: "", allowed: documentKeys)
        else { return }
        opening(readOpening(fields, reader: early))
        opened = true
      },
      each: { node, index in
        streamedCount += 1
        read = node.end
        guard let project = readProject(node, at: "projects[\(index)]", reader: reader) else { return }
        batch.append(project)
        if opened, batch.count >= batchSize {
          give(batch)
          batch.removeAll(keepingCapacity: true)
        }
      })
    guard let fields = reader.object(root, at: "", allowed: documentKeys) else {
      throw FormatError(issues: reader.sortedIssues)
    }
    let whole = readOpening(fields, reader: reader)
    read = bytes.count
    // An array the parser streamed is empty in the tree: its projects went to `each`.
    if streamedCount == 0 {
      batch = (fields.array("projects", required: true) ?? []).enumerated().compactMap { index, node in
        readProject(node, at: "projects[\(index)]", reader: reader)
      }
    }
    guard reader.issues.isEmpty else { throw FormatError(issues: reader.sortedIssues) }
    if !opened { opening(whole) }
    if batch.count <= batchSize {
      if !batch.isEmpty { give(batch) }
    } else {
      for start in stride(from: 0, to: batch.count, by: batchSize) {
        give(Array(batch[start..<min(start + batchSize, batch.count)]))
      }
    }
    return given
  }

  /// The format, revision and scheme of a document's root object, their problems reported to
  /// `reader`.
  private static func readOpening(_ fields: JSONObjectFields, reader: JSONFieldReader) -> Opening {
    let objectNode: JSONNode = fields.node
    let format = fields.string("format", required: true)
    if let format, !PortfolioDocument.readableFormats.contains(format) {
      reader.report(
        "unsupported format \"\(format)\", this version reads "
          + PortfolioDocument.readableFormats.map { "\"\($0)\"" }.joined(separator: " and "),
        path: "format", node: fields.node("format") ?? objectNode)
    }
    var revision: Int64?
    if let node = fields.node("revision") {
      if format == PortfolioDocument.format {
        reader.report(
          "key \"revision\" needs format \"\(PortfolioDocument.formatWithRevision)\"",
          path: "revision", node: node)
      } else if let value = reader.int(node, at: "revision") {
        if value < 0 {
          reader.report("revision must not be negative, got \(value)", path: "revision", node: node)
        } else {
          revision = Int64(value)
        }
      }
    }
    let scheme = fields.node("scheme").flatMap { SchemeJSON.read($0, at: "scheme", reader: reader) }
    return Opening(scheme: scheme, revision: revision)
  }

  /// Whether the document's root object ends with an array member (`] }` and white space at
  /// the end of the text): the only array of the root is `projects`, so it is the last member.
  private static func endsWithArray(_ bytes: [UInt8]) -> Bool {
    var index = bytes.count - 1
    func skipWhitespace() {
      while index >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index -= 1 }
    }
    skipWhitespace()
    guard index >= 0, bytes[index] == UInt8(ascii: "}") else { return false }
    index -= 1
    skipWhitespace()
    return index >= 0 && bytes[index] == UInt8(ascii: "]")
  }

  /// Writes a portfolio document: pretty, keys in the documented order, only the fields that
  /// are present, numbers in their shortest exact form. `decode(encode(d)) == d` for every
  /// document whose projects pass ``Validator``.
  /// A document with a revision is written as `impact-portfolio/2`, one without as
  /// `impact-portfolio/1`, so that readers of version 1 keep reading what they can.
  public static func encode(_ document: PortfolioDocument) -> Data {
    var members: [(String, JSONOutput)]
    if let revision = document.revision {
      members = [("format", .string(PortfolioDocument.formatWithRevision)), ("revision", .number(Double(revision)))]
    } else {
      members = [("format", .string(PortfolioDocument.format))]
    }
    if let scheme = document.scheme { members.append(("scheme", SchemeJSON.output(scheme))) }
    let riskOrder = (document.scheme ?? .impactV1).riskTypes
    members.append(("projects", .array(document.projects.map { output($0, riskOrder: riskOrder) })))
    return Data(JSONOutput.object(members).rendered().utf8)
  }

  /// Reads one project object, for callers that carry projects in their own envelope.
  public static func decodeProject(
    _ data: Data, source: String = "project"
  ) throws(FormatError)
    -> Project
  {
    let bytes = [UInt8](data)
    let root = try JSONParser.parse(bytes, source: source)
    let reader = JSONFieldReader(source: source, bytes: bytes)
    let project = readProject(root, at: "", reader: reader)
    guard reader.issues.isEmpty, let project else { throw FormatError(issues: reader.sortedIssues) }
    return project
  }

  /// Writes one project object, as it appears in the `projects` array of a document.
  public static func encodeProject(_ project: Project) -> Data {
    Data(output(project, riskOrder: Scheme.impactV1.riskTypes).rendered().utf8)
  }

  /// Whether `text` is exactly one JSON value, as `extra` must be.
  public static func isJSONValue(_ text: String) -> Bool {
    (try? JSONParser.parse(Array(text.utf8), source: "extra")) != nil
  }

  // MARK: - Reading

  static func readProject(_ node: JSONNode, at path: String, reader: JSONFieldReader) -> Project? {
    guard let fields = reader.object(node, at: path, allowed: projectKeys) else { return nil }
    let issuesBefore = reader.issues.count
    var project = Project(
      id: fields.string("id", required: true) ?? "",
      name: fields.string("name", required: true) ?? "")
    if let value = fields.string("programme") { project.programme = value }
    if let value = fields.string("territory") { project.territory = value }
    if let value = fields.enumeration("status", as: ProjectStatus.self) { project.status = value }
    if let value = fields.double("amount") { project.amount = value }
    project.evidenceLevel = fields.int("evidence_level")
    if let node = fields.node("risks"), case .object(let members) = node.value {
      for member in members {
        if let value = reader.int(member.value, at: "\(fields.path("risks")).\(member.key)") {
          project.risks[member.key] = value
        }
      }
    } else if let node = fields.node("risks") {
      reader.report(
        "expected an object of risk type to integer 0–3, found \(node.kind)",
        path: fields.path("risks"), node: node)
    }
    if let elements = fields.array("ratings") {
      project.ratings = elements.enumerated().compactMap { index, element in
        readRating(element, at: "\(fields.path("ratings"))[\(index)]", reader: reader)
      }
    }
    if let elements = fields.array("outcomes") {
      project.outcomes = elements.enumerated().compactMap { index, element in
        readOutcome(element, at: "\(fields.path("outcomes"))[\(index)]", reader: reader)
      }
    }
    if let node = fields.node("extra") { project.extra = reader.text(of: node) }
    return reader.issues.count == issuesBefore ? project : nil
  }

  private static func readRating(
    _ node: JSONNode, at path: String, reader: JSONFieldReader
  )
    -> Rating?
  {
    guard let fields = reader.object(node, at: path, allowed: ratingKeys) else { return nil }
    let criterion = fields.string("criterion", required: true)
    let rater = fields.string("rater", required: true)
    let value = fields.double("value", required: true)
    let comment = fields.string("comment")
    guard let criterion, let rater, let value else { return nil }
    return Rating(criterion: criterion, rater: rater, value: value, comment: comment)
  }

  private static func readOutcome(
    _ node: JSONNode, at path: String, reader: JSONFieldReader
  )
    -> Outcome?
  {
    guard let fields = reader.object(node, at: path, allowed: outcomeKeys) else { return nil }
    let id = fields.string("id", required: true)
    let domain = fields.string("domain", required: true)
    var outcome = Outcome(id: id ?? "", domain: domain ?? "")
    outcome.share = fields.double("share")
    outcome.indicator = fields.string("indicator")
    outcome.indicatorID = fields.string("indicator_id")
    outcome.impactID = fields.string("impact_id")
    outcome.unit = fields.string("unit")
    outcome.direction = fields.enumeration("direction", as: Direction.self)
    outcome.baseline = fields.double("baseline")
    outcome.threshold = fields.double("threshold")
    outcome.target = fields.double("target")
    if let elements = fields.array("targets") {
      outcome.targets = elements.enumerated().compactMap { index, element in
        let path = "\(fields.path("targets"))[\(index)]"
        guard let target = reader.object(element, at: path, allowed: targetKeys) else { return nil }
        let period = target.string("period", required: true)
        let value = target.double("value", required: true)
        guard let period, let value else { return nil }
        return PeriodTarget(period: period, value: value)
      }
    }
    outcome.actual = fields.double("actual")
    if let node = fields.node("survey"),
      let survey = reader.object(node, at: fields.path("survey"), allowed: surveyKeys)
    {
      let veryMuch = survey.double("very_much", required: true)
      let slightly = survey.double("slightly", required: true)
      if let veryMuch, let slightly {
        outcome.survey = Survey(veryMuch: veryMuch, slightly: slightly)
      }
    }
    outcome.reach = fields.double("reach")
    outcome.durationYears = fields.int("duration_years")
    outcome.dropOff = fields.double("drop_off")
    outcome.deadweight = fields.double("deadweight")
    outcome.attribution = fields.double("attribution")
    outcome.displacement = fields.double("displacement")
    outcome.financialProxy = fields.double("financial_proxy")
    if let harmful = fields.bool("harmful") { outcome.harmful = harmful }
    if let nature = fields.enumeration("nature", as: OutcomeNature.self) { outcome.nature = nature }
    guard id != nil, domain != nil else { return nil }
    return outcome
  }

  // MARK: - Writing

  static func output(_ project: Project, riskOrder: [String]) -> JSONOutput {
    var members: [(String, JSONOutput)] = [
      ("id", .string(project.id)), ("name", .string(project.name)),
    ]
    if !project.programme.isEmpty { members.append(("programme", .string(project.programme))) }
    if !project.territory.isEmpty { members.append(("territory", .string(project.territory))) }
    members.append(("status", .string(project.status.rawValue)))
    members.append(("amount", .number(project.amount)))
    if let level = project.evidenceLevel {
      members.append(("evidence_level", .number(Double(level))))
    }
    if !project.risks.isEmpty {
      // The scheme's order reads naturally; types it does not know follow, sorted.
      let known = riskOrder.filter { project.risks[$0] != nil }
      let others = project.risks.keys.filter { !riskOrder.contains($0) }.sorted()
      members.append(
        ("risks", .object((known + others).map { ($0, .number(Double(project.risks[$0] ?? 0))) })))
    }
    if !project.ratings.isEmpty { members.append(("ratings", .array(project.ratings.map(output)))) }
    members.append(("outcomes", .array(project.outcomes.map(output))))
    if let extra = project.extra {
      // Text that is not JSON would make the whole document unreadable; keep it as a string.
      members.append(("extra", isJSONValue(extra) ? .verbatim(extra) : .string(extra)))
    }
    return .object(members)
  }

  private static func output(_ rating: Rating) -> JSONOutput {
    var members: [(String, JSONOutput)] = [
      ("criterion", .string(rating.criterion)), ("rater", .string(rating.rater)),
      ("value", .number(rating.value)),
    ]
    if let comment = rating.comment { members.append(("comment", .string(comment))) }
    return .object(members)
  }

  private static func output(_ outcome: Outcome) -> JSONOutput {
    var members: [(String, JSONOutput)] = [
      ("id", .string(outcome.id)), ("domain", .string(outcome.domain)),
    ]
    func add(_ key: String, _ value: Double?) {
      if let value { members.append((key, .number(value))) }
    }
    func add(_ key: String, _ value: String?) {
      if let value { members.append((key, .string(value))) }
    }
    add("share", outcome.share)
    add("indicator", outcome.indicator)
    add("indicator_id", outcome.indicatorID)
    add("impact_id", outcome.impactID)
    add("unit", outcome.unit)
    add("direction", outcome.direction?.rawValue)
    add("baseline", outcome.baseline)
    add("threshold", outcome.threshold)
    add("target", outcome.target)
    if !outcome.targets.isEmpty {
      members.append(
        (
          "targets",
          .array(outcome.targets.map { .object([("period", .string($0.period)), ("value", .number($0.value))]) })
        ))
    }
    add("actual", outcome.actual)
    if let survey = outcome.survey {
      members.append(
        (
          "survey",
          .object([("very_much", .number(survey.veryMuch)), ("slightly", .number(survey.slightly))])
        ))
    }
    add("reach", outcome.reach)
    add("duration_years", outcome.durationYears.map(Double.init))
    add("drop_off", outcome.dropOff)
    add("deadweight", outcome.deadweight)
    add("attribution", outcome.attribution)
    add("displacement", outcome.displacement)
    add("financial_proxy", outcome.financialProxy)
    if outcome.harmful { members.append(("harmful", .bool(true))) }
    if outcome.nature != .solution { members.append(("nature", .string(outcome.nature.rawValue))) }
    return .object(members)
  }
}
