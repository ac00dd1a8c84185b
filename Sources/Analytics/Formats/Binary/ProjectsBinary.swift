/// The projects of a portfolio as a compact binary document, `impact-projects-bin/1`: how the
/// daemon freezes a state (a named snapshot, a history checkpoint) and reads it back.
///
/// A JSON portfolio document of 100 000 projects is ~200 MB and takes seconds each way; this
/// one is a few tens of MB and is written or read in a fraction of a second, because every
/// text is stored once (a table of strings, then indexes) and numbers are stored as their
/// IEEE 754 bits. Reading gives back exactly the projects written: every field, every `Double`
/// bit for bit, ratings and outcomes in their order. Enumerations are stored by their raw
/// names, so a later version that reorders its cases still reads old documents.
///
/// Layout (little-endian; `varint` is LEB128, `text` a varint index into the string table,
/// `text?` the index plus one or 0 for none):
///
/// ```text
/// "IMPB" version:u8(2; 1 is read too: its outcomes have no impact_id)
/// strings: varint count, then each: varint byte length, UTF-8 bytes
/// projects: varint count, then each project:
///   id name programme territory status:text  amount:f64  evidence:varint (level + 1, 0 = none)
///   risks: varint count, (type:text level:varint)*   in type order
///   ratings: varint count, (criterion:text rater:text value:f64 comment:text?)*
///   outcomes: varint count, outcome*
///   extra:text?
/// outcome: id domain:text  present:varint (one bit per optional number, see `OutcomeField`)
///   indicator indicator_id unit direction:text?  harmful:u8  nature:text
///   the present optional numbers in `OutcomeField` order (f64; duration_years as varint)
///   targets: varint count, (period:text value:f64)*
///   impact_id:text?   (version 2)
/// ```
///
/// See `docs/storage.md` (*How past states are kept*).
public enum ProjectsBinary {
  static let magic: [UInt8] = Array("IMPB".utf8)
  public static let version: UInt8 = 2
  /// The versions this one reads.
  static let readableVersions: ClosedRange<UInt8> = 1...2

  /// The binary document of `projects`.
  public static func encode(_ projects: [Project]) -> [UInt8] {
    var encoder = Encoder()
    encoder.append(projects)
    return encoder.document()
  }

  /// A document written a part at a time: a streamed import encodes each chunk of projects as
  /// it arrives, on a core of its own, instead of the whole portfolio at the commit.
  public struct Encoder: Sendable {
    private var body = BinaryWriter()
    private var strings = StringTable()
    private var count = 0

    public init() {}

    /// Adds `projects` after the ones added before.
    public mutating func append(_ projects: some Sequence<Project>) {
      for project in projects {
        count += 1
        body.text(project.id, &strings)
        body.text(project.name, &strings)
        body.text(project.programme, &strings)
        body.text(project.territory, &strings)
        body.text(project.status.rawValue, &strings)
        body.double(project.amount)
        body.varint(project.evidenceLevel.map { max($0, -1) + 1 } ?? 0)
        body.varint(project.risks.count)
        for (type, level) in project.risks.sorted(by: { $0.key < $1.key }) {
          body.text(type, &strings)
          body.signed(level)
        }
        body.varint(project.ratings.count)
        for rating in project.ratings {
          body.text(rating.criterion, &strings)
          body.text(rating.rater, &strings)
          body.double(rating.value)
          body.optionalText(rating.comment, &strings)
        }
        body.varint(project.outcomes.count)
        for outcome in project.outcomes { ProjectsBinary.write(outcome, to: &body, strings: &strings) }
        body.optionalText(project.extra, &strings)
      }
    }

    /// The document of every project added, in the order added.
    public func document() -> [UInt8] {
      var counted = BinaryWriter()
      counted.varint(count)
      var document = BinaryWriter(capacity: counted.bytes.count + body.bytes.count + strings.byteCount + 16)
      document.bytes.append(contentsOf: magic)
      document.bytes.append(version)
      document.varint(strings.texts.count)
      for text in strings.texts {
        document.varint(text.utf8.count)
        document.bytes.append(contentsOf: text.utf8)
      }
      document.bytes.append(contentsOf: counted.bytes)
      document.bytes.append(contentsOf: body.bytes)
      return document.bytes
    }
  }

  /// The projects of a binary document.
  /// - Throws: ``ProjectsBinaryError`` for bytes that are not such a document (a wrong
  ///   magic or version, a truncated or corrupt body), with the byte offset.
  public static func decode(_ bytes: [UInt8]) throws(ProjectsBinaryError) -> [Project] {
    try bytes.withUnsafeBufferPointer { buffer throws(ProjectsBinaryError) in
      var reader = BinaryReader(buffer)
      guard buffer.count >= 5, Array(buffer[0..<4]) == magic else {
        throw ProjectsBinaryError(offset: 0, detail: "not an impact-projects-bin document")
      }
      let documentVersion = buffer[4]
      guard readableVersions.contains(documentVersion) else {
        throw ProjectsBinaryError(
          offset: 4,
          detail: "version \(documentVersion); this version reads \(readableVersions.lowerBound) to \(version)")
      }
      reader.offset = 5
      let stringCount = try reader.count()
      var strings: [String] = []
      strings.reserveCapacity(stringCount)
      for _ in 0..<stringCount { strings.append(try reader.string()) }
      let table = StringLookup(strings: strings)
      let projectCount = try reader.count()
      var projects: [Project] = []
      projects.reserveCapacity(projectCount)
      for _ in 0..<projectCount {
        let id = try table.text(&reader)
        let name = try table.text(&reader)
        let programme = try table.text(&reader)
        let territory = try table.text(&reader)
        let status = try table.enumeration(ProjectStatus.self, &reader)
        let amount = try reader.double()
        let evidence = try reader.varint()
        var risks: [String: Int] = [:]
        let riskCount = try reader.count()
        risks.reserveCapacity(riskCount)
        for _ in 0..<riskCount {
          let type = try table.text(&reader)
          risks[type] = try reader.signed()
        }
        var ratings: [Rating] = []
        let ratingCount = try reader.count()
        ratings.reserveCapacity(ratingCount)
        for _ in 0..<ratingCount {
          ratings.append(
            Rating(
              criterion: try table.text(&reader), rater: try table.text(&reader), value: try reader.double(),
              comment: try table.optionalText(&reader)))
        }
        var outcomes: [Outcome] = []
        let outcomeCount = try reader.count()
        outcomes.reserveCapacity(outcomeCount)
        for _ in 0..<outcomeCount { outcomes.append(try readOutcome(&reader, table, version: documentVersion)) }
        projects.append(
          Project(
            id: id, name: name, programme: programme, territory: territory, status: status, amount: amount,
            evidenceLevel: evidence == 0 ? nil : Int(truncatingIfNeeded: evidence) &- 1, risks: risks,
            ratings: ratings, outcomes: outcomes, extra: try table.optionalText(&reader)))
      }
      guard reader.offset == buffer.count else {
        throw ProjectsBinaryError(
          offset: reader.offset, detail: "\(buffer.count - reader.offset) bytes after the last project")
      }
      return projects
    }
  }

  /// The optional numbers of an outcome, in the order of their presence bits and values.
  enum OutcomeField: Int, CaseIterable {
    case share, baseline, threshold, target, actual, surveyVeryMuch, surveySlightly, reach, durationYears
    case dropOff, deadweight, attribution, displacement, financialProxy
  }

  private static func numbers(of outcome: Outcome) -> [Double?] {
    [
      outcome.share, outcome.baseline, outcome.threshold, outcome.target, outcome.actual, outcome.survey?.veryMuch,
      outcome.survey?.slightly, outcome.reach, outcome.durationYears.map(Double.init), outcome.dropOff,
      outcome.deadweight, outcome.attribution, outcome.displacement, outcome.financialProxy,
    ]
  }

  private static func write(_ outcome: Outcome, to body: inout BinaryWriter, strings: inout StringTable) {
    body.text(outcome.id, &strings)
    body.text(outcome.domain, &strings)
    let values = numbers(of: outcome)
    var present = 0
    for (bit, value) in values.enumerated() where value != nil { present |= 1 << bit }
    body.varint(present)
    body.optionalText(outcome.indicator, &strings)
    body.optionalText(outcome.indicatorID, &strings)
    body.optionalText(outcome.unit, &strings)
    body.optionalText(outcome.direction?.rawValue, &strings)
    body.bytes.append(outcome.harmful ? 1 : 0)
    body.text(outcome.nature.rawValue, &strings)
    for (field, value) in zip(OutcomeField.allCases, values) {
      guard let value else { continue }
      if field == .durationYears {
        body.signed(outcome.durationYears ?? 0)
      } else {
        body.double(value)
      }
    }
    body.varint(outcome.targets.count)
    for target in outcome.targets {
      body.text(target.period, &strings)
      body.double(target.value)
    }
    body.optionalText(outcome.impactID, &strings)
  }

  private static func readOutcome(
    _ reader: inout BinaryReader, _ table: StringLookup, version: UInt8
  ) throws(ProjectsBinaryError)
    -> Outcome
  {
    let id = try table.text(&reader)
    let domain = try table.text(&reader)
    let present = try reader.varint()
    guard present >> OutcomeField.allCases.count == 0 else {
      throw ProjectsBinaryError(offset: reader.offset, detail: "unknown outcome fields \(present)")
    }
    var outcome = Outcome(id: id, domain: domain)
    outcome.indicator = try table.optionalText(&reader)
    outcome.indicatorID = try table.optionalText(&reader)
    outcome.unit = try table.optionalText(&reader)
    if let direction = try table.optionalText(&reader) {
      guard let value = Direction(rawValue: direction) else {
        throw ProjectsBinaryError(offset: reader.offset, detail: "unknown direction \"\(direction)\"")
      }
      outcome.direction = value
    }
    outcome.harmful = try reader.byte() != 0
    outcome.nature = try table.enumeration(OutcomeNature.self, &reader)
    var survey: (veryMuch: Double?, slightly: Double?) = (nil, nil)
    for field in OutcomeField.allCases where present & (1 << field.rawValue) != 0 {
      if field == .durationYears {
        outcome.durationYears = try reader.signed()
        continue
      }
      let value = try reader.double()
      switch field {
      case .share: outcome.share = value
      case .baseline: outcome.baseline = value
      case .threshold: outcome.threshold = value
      case .target: outcome.target = value
      case .actual: outcome.actual = value
      case .surveyVeryMuch: survey.veryMuch = value
      case .surveySlightly: survey.slightly = value
      case .reach: outcome.reach = value
      case .durationYears: break
      case .dropOff: outcome.dropOff = value
      case .deadweight: outcome.deadweight = value
      case .attribution: outcome.attribution = value
      case .displacement: outcome.displacement = value
      case .financialProxy: outcome.financialProxy = value
      }
    }
    if let veryMuch = survey.veryMuch, let slightly = survey.slightly {
      outcome.survey = Survey(veryMuch: veryMuch, slightly: slightly)
    } else if survey.veryMuch != nil || survey.slightly != nil {
      throw ProjectsBinaryError(offset: reader.offset, detail: "a survey with one of its two shares")
    }
    let targetCount = try reader.count()
    outcome.targets.reserveCapacity(targetCount)
    for _ in 0..<targetCount {
      outcome.targets.append(PeriodTarget(period: try table.text(&reader), value: try reader.double()))
    }
    if version >= 2 { outcome.impactID = try table.optionalText(&reader) }
    return outcome
  }
}

/// Bytes that are not an `impact-projects-bin/1` document.
public struct ProjectsBinaryError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Where reading stopped, in bytes from the start.
  public var offset: Int
  public var detail: String

  public var description: String { "impact-projects-bin, byte \(offset): \(detail)" }
}
