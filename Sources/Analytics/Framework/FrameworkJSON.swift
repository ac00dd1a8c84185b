public import Foundation

/// Reads and writes the framework document, `impact-framework/1` (see `docs/formats.md`).
///
/// Reading checks the format and every rule of the framework: ids well formed and unique in
/// the whole document, references to activities and impacts that exist, `leads_to` naming
/// final impacts, domains of the scheme, bank indicators, units and frequencies the bank knows.
/// Every problem is reported with its key path, line and column, and the document is refused
/// whole.
public enum FrameworkJSON {
  static let keys = ["format", "organization", "mission", "needs", "objectives", "impacts", "programmes"]

  /// Reads a framework document.
  /// - Parameters:
  ///   - domains: the domain ids of the active scheme; `nil` leaves domains unchecked (a check
  ///     without a daemon).
  ///   - bank: the indicator bank the indicators, units and frequencies must come from.
  /// - Throws: ``FormatError`` naming source, line, column and key path of every problem.
  public static func decode(
    _ data: Data, source: String = "framework", domains: Set<String>?, bank: IndicatorBank = .shipped
  ) throws(FormatError) -> Framework {
    let bytes = [UInt8](data)
    let root = try JSONParser.parse(bytes, source: source)
    let reader = JSONFieldReader(source: source, bytes: bytes)
    let framework = FrameworkReader(reader: reader, domains: domains, bank: bank).read(root)
    guard reader.issues.isEmpty, let framework else { throw FormatError(issues: reader.sortedIssues) }
    return framework
  }

  /// Writes every field, keys in the documented order, pretty and deterministic.
  public static func encode(_ framework: Framework) -> Data {
    Data(output(framework).rendered().utf8)
  }

  /// Writes one programme's entry (its common impacts and impact map), as the document has it.
  public static func encode(_ programme: FrameworkProgramme) -> Data {
    Data(output(programme).rendered().utf8)
  }

  // MARK: - Writing

  static func output(_ framework: Framework) -> JSONOutput {
    var members: [(String, JSONOutput)] = [
      ("format", .string(Framework.formatTag)),
      ("organization", .string(framework.organization)),
      ("mission", .string(framework.mission)),
    ]
    if !framework.needs.isEmpty { members.append(("needs", strings(framework.needs))) }
    members.append(("objectives", .array(framework.objectives.map(output))))
    members.append(("impacts", .array(framework.impacts.map(output))))
    if !framework.programmes.isEmpty { members.append(("programmes", .array(framework.programmes.map(output)))) }
    return .object(members)
  }

  private static func strings(_ values: [String]) -> JSONOutput { .array(values.map(JSONOutput.string)) }

  private static func output(_ objective: StrategicObjective) -> JSONOutput {
    .object([
      ("id", .string(objective.id)), ("name", .string(objective.name)),
      (
        "operational_objectives",
        .array(
          objective.operationalObjectives.map { operational in
            .object([
              ("id", .string(operational.id)), ("name", .string(operational.name)),
              (
                "activities",
                .array(operational.activities.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })
              ),
            ])
          })
      ),
    ])
  }

  private static func output(_ impact: ExpectedImpact) -> JSONOutput {
    var members: [(String, JSONOutput)] = [("id", .string(impact.id)), ("name", .string(impact.name))]
    if let description = impact.description { members.append(("description", .string(description))) }
    members += [
      ("level", .string(impact.level.rawValue)), ("stakeholder", .string(impact.stakeholder)),
      ("domain", .string(impact.domain)), ("activities", strings(impact.activityIDs)),
    ]
    if !impact.leadsTo.isEmpty { members.append(("leads_to", strings(impact.leadsTo))) }
    members.append(("indicators", .array(impact.indicators.map(output))))
    return .object(members)
  }

  private static func output(_ indicator: FrameworkIndicator) -> JSONOutput {
    var members: [(String, JSONOutput)] = []
    if let bankID = indicator.bankID {
      members.append(("indicator_id", .string(bankID)))
    } else {
      members.append(("id", .string(indicator.id)))
      if let name = indicator.name { members.append(("name", .string(name))) }
      if let unit = indicator.unit { members.append(("unit", .string(unit))) }
      if let direction = indicator.direction { members.append(("direction", .string(direction.rawValue))) }
    }
    members += [
      ("status", .string(indicator.status.rawValue)), ("owner", .string(indicator.owner)),
      ("frequency", .string(indicator.frequency)),
    ]
    return .object(members)
  }

  private static func output(_ programme: FrameworkProgramme) -> JSONOutput {
    var members: [(String, JSONOutput)] = [
      ("programme", .string(programme.programme)), ("common_impacts", strings(programme.commonImpacts)),
    ]
    if let map = programme.map {
      members.append(
        (
          "map",
          .object([
            ("needs", strings(map.needs)), ("activities", strings(map.activities)), ("outputs", strings(map.outputs)),
            ("outcomes", strings(map.outcomes)), ("impacts", strings(map.impacts)),
            ("assumptions", strings(map.assumptions)),
          ])
        ))
    }
    return .object(members)
  }
}
