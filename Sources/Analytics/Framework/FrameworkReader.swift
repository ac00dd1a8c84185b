import Foundation

/// Reads a framework document's fields, then checks its rules, reporting every problem to the
/// field reader with the key path and position of the value at fault.
struct FrameworkReader {
  let reader: JSONFieldReader
  let domains: Set<String>?
  let bank: IndicatorBank

  /// A reference to check once every id is known: the id, its node and path, and what it names.
  private struct Reference {
    enum Target { case activity, impact, finalImpact }
    var id: String
    var node: JSONNode
    var path: String
    var target: Target
  }

  func read(_ root: JSONNode) -> Framework? {
    guard let fields = reader.object(root, at: "", allowed: FrameworkJSON.keys) else { return nil }
    let issuesBefore = reader.issues.count
    if let format = fields.string("format", required: true), format != Framework.formatTag,
      let node = fields.node("format")
    {
      rule(
        "format \"\(format)\" is not \(Framework.formatTag)", "format", node, code: "format",
        ["value": format, "expected": Framework.formatTag])
    }
    var ids: [String: String] = [:]
    var references: [Reference] = []
    let organization = text(fields, "organization") ?? ""
    let mission = text(fields, "mission") ?? ""
    let needs = stringList(fields, "needs")
    let objectives = list(fields, "objectives", required: true, nonEmpty: true) { node, path in
      readObjective(node, at: path, ids: &ids)
    }
    let impacts = list(fields, "impacts", required: true, nonEmpty: true) { node, path in
      readImpact(node, at: path, ids: &ids, references: &references)
    }
    var programmeNames: [String: String] = [:]
    let programmes = list(fields, "programmes", required: false, nonEmpty: false) { node, path in
      readProgramme(node, at: path, seen: &programmeNames, references: &references)
    }
    let framework = Framework(
      organization: organization, mission: mission, needs: needs, objectives: objectives, impacts: impacts,
      programmes: programmes)
    check(references, in: framework)
    return reader.issues.count == issuesBefore ? framework : nil
  }

  // MARK: - Parts

  private func readObjective(_ node: JSONNode, at path: String, ids: inout [String: String]) -> StrategicObjective? {
    guard let fields = reader.object(node, at: path, allowed: ["id", "name", "operational_objectives"]) else {
      return nil
    }
    let id = identifier(fields, ids: &ids)
    let name = text(fields, "name")
    let operational = list(fields, "operational_objectives", required: true, nonEmpty: true) { node, path in
      readOperational(node, at: path, ids: &ids)
    }
    guard let id, let name else { return nil }
    return StrategicObjective(id: id, name: name, operationalObjectives: operational)
  }

  private func readOperational(_ node: JSONNode, at path: String, ids: inout [String: String]) -> OperationalObjective?
  {
    guard let fields = reader.object(node, at: path, allowed: ["id", "name", "activities"]) else { return nil }
    let id = identifier(fields, ids: &ids)
    let name = text(fields, "name")
    let activities = list(fields, "activities", required: true, nonEmpty: true) { node, path -> FrameworkActivity? in
      guard let fields = reader.object(node, at: path, allowed: ["id", "name"]) else { return nil }
      let id = identifier(fields, ids: &ids)
      guard let id, let name = text(fields, "name") else { return nil }
      return FrameworkActivity(id: id, name: name)
    }
    guard let id, let name else { return nil }
    return OperationalObjective(id: id, name: name, activities: activities)
  }

  private func readImpact(
    _ node: JSONNode, at path: String, ids: inout [String: String], references: inout [Reference]
  ) -> ExpectedImpact? {
    guard
      let fields = reader.object(
        node, at: path,
        allowed: [
          "id", "name", "description", "level", "stakeholder", "domain", "activities", "leads_to", "indicators",
        ])
    else { return nil }
    let id = identifier(fields, ids: &ids)
    let name = text(fields, "name")
    let description = fields.string("description")
    let level = fields.enumeration("level", as: ImpactLevel.self, required: true)
    let stakeholder = text(fields, "stakeholder")
    let domain = fields.string("domain", required: true)
    if let domain, let domains, !domains.contains(domain), let node = fields.node("domain") {
      rule(
        "domain \"\(domain)\" is not a domain of the scheme (\(domains.sorted().joined(separator: ", ")))",
        fields.path("domain"), node, code: "unknown_domain",
        ["value": domain, "allowed": domains.sorted().joined(separator: ", ")])
    }
    let activityIDs = idList(fields, "activities", target: .activity, references: &references)
    if level == .intermediate, activityIDs.isEmpty {
      rule(
        "an intermediate impact names the activities that lead to it", fields.path("activities"),
        fields.node("activities") ?? node, code: "no_activity", ["value": id ?? ""])
    }
    let leadsTo = idList(fields, "leads_to", target: .finalImpact, references: &references)
    if level == .final, !leadsTo.isEmpty, let node = fields.node("leads_to") {
      rule(
        "a final impact leads to no other impact", fields.path("leads_to"), node, code: "final_leads_to",
        ["value": id ?? ""])
    }
    var seen: Set<String> = []
    let indicators = list(fields, "indicators", required: true, nonEmpty: false) { node, path in
      readIndicator(node, at: path, ids: &ids, seen: &seen)
    }
    guard let id, let name, let level, let stakeholder, let domain else { return nil }
    return ExpectedImpact(
      id: id, name: name, description: description, level: level, stakeholder: stakeholder, domain: domain,
      activityIDs: activityIDs, leadsTo: leadsTo, indicators: indicators)
  }

  private func readIndicator(
    _ node: JSONNode, at path: String, ids: inout [String: String], seen: inout Set<String>
  ) -> FrameworkIndicator? {
    guard
      let fields = reader.object(
        node, at: path,
        allowed: ["indicator_id", "id", "name", "unit", "direction", "status", "owner", "frequency"])
    else { return nil }
    let status = fields.enumeration("status", as: IndicatorStatus.self, required: true)
    let owner = text(fields, "owner")
    let frequency = fields.string("frequency", required: true)
    if let frequency, !bank.frequencies.contains(where: { $0.id == frequency }), let node = fields.node("frequency") {
      let allowed = bank.frequencies.map(\.id).joined(separator: ", ")
      rule(
        "frequency \"\(frequency)\" is not one of the bank's: \(allowed)", fields.path("frequency"), node,
        code: "unknown_frequency", ["value": frequency, "allowed": allowed])
    }
    var indicator: FrameworkIndicator?
    if let bankID = fields.string("indicator_id") {
      for key in ["id", "name", "unit", "direction"] {
        if let extra = fields.node(key) {
          rule(
            "a bank indicator takes its \(key) from the bank: remove \"\(key)\" or \"indicator_id\"",
            fields.path(key), extra, code: "bank_indicator_field", ["key": key, "value": bankID])
        }
      }
      if bank.indicator(bankID) == nil, let node = fields.node("indicator_id") {
        rule(
          "indicator \"\(bankID)\" is not in the indicator bank (impact indicators search finds its id)",
          fields.path("indicator_id"), node, code: "unknown_indicator", ["value": bankID])
      }
      if let status, let owner, let frequency {
        indicator = FrameworkIndicator(
          id: bankID, bankID: bankID, status: status, owner: owner, frequency: frequency)
      }
    } else {
      // A custom indicator: its own id, name, unit and direction.
      let id = identifier(fields, ids: &ids)
      let name = text(fields, "name")
      let unit = fields.string("unit", required: true)
      if let unit, !bank.units.contains(where: { $0.id == unit }), let node = fields.node("unit") {
        let allowed = bank.units.map(\.id).joined(separator: ", ")
        rule(
          "unit \"\(unit)\" is not one of the bank's: \(allowed)", fields.path("unit"), node, code: "unknown_unit",
          ["value": unit, "allowed": allowed])
      }
      let direction = fields.enumeration("direction", as: Direction.self, required: true)
      if let id, let name, let unit, let direction, let status, let owner, let frequency {
        indicator = FrameworkIndicator(
          id: id, bankID: nil, name: name, unit: unit, direction: direction, status: status, owner: owner,
          frequency: frequency)
      }
    }
    if let indicator, !seen.insert(indicator.id).inserted {
      rule(
        "indicator \"\(indicator.id)\" is listed twice for this impact", path, node, code: "duplicate_indicator",
        ["value": indicator.id])
    }
    return indicator
  }

  private func readProgramme(
    _ node: JSONNode, at path: String, seen: inout [String: String], references: inout [Reference]
  ) -> FrameworkProgramme? {
    guard let fields = reader.object(node, at: path, allowed: ["programme", "common_impacts", "map"]) else {
      return nil
    }
    let name = text(fields, "programme")
    if let name, let node = fields.node("programme") {
      if let first = seen[name] {
        rule(
          "programme \"\(name)\" is already described at \(first)", fields.path("programme"), node,
          code: "duplicate_programme", ["value": name, "first": first])
      } else {
        seen[name] = path
      }
    }
    let common = idList(fields, "common_impacts", target: .impact, references: &references)
    var map: ImpactMap?
    if let node = fields.node("map"),
      let members = reader.object(
        node, at: fields.path("map"),
        allowed: ["needs", "activities", "outputs", "outcomes", "impacts", "assumptions"])
    {
      map = ImpactMap(
        needs: stringList(members, "needs"), activities: stringList(members, "activities"),
        outputs: stringList(members, "outputs"), outcomes: stringList(members, "outcomes"),
        impacts: idList(members, "impacts", target: .impact, references: &references),
        assumptions: stringList(members, "assumptions"))
    }
    guard let name else { return nil }
    return FrameworkProgramme(programme: name, commonImpacts: common, map: map)
  }

  // MARK: - References

  private func check(_ references: [Reference], in framework: Framework) {
    let activities = Set(framework.activities.map(\.id))
    let levels = Dictionary(framework.impacts.map { ($0.id, $0.level) }) { first, _ in first }
    for reference in references {
      switch reference.target {
      case .activity where !activities.contains(reference.id):
        rule(
          "no activity has the id \"\(reference.id)\"", reference.path, reference.node, code: "unknown_activity",
          ["value": reference.id])
      case .impact, .finalImpact:
        guard let level = levels[reference.id] else {
          rule(
            "no impact has the id \"\(reference.id)\"", reference.path, reference.node, code: "unknown_impact",
            ["value": reference.id])
          continue
        }
        if reference.target == .finalImpact, level != .final {
          rule(
            "impact \"\(reference.id)\" is intermediate: leads_to names final impacts", reference.path,
            reference.node, code: "leads_to_intermediate", ["value": reference.id])
        }
      default:
        break
      }
    }
  }

  // MARK: - Fields

  private func rule(_ message: String, _ path: String, _ node: JSONNode, code: String, _ values: [String: String]) {
    reader.report(message, path: path, node: node, key: "framework.rule.\(code)", values: values)
  }

  /// A required non-empty text.
  private func text(_ fields: JSONObjectFields, _ key: String) -> String? {
    guard let value = fields.string(key, required: true) else { return nil }
    if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, let node = fields.node(key) {
      rule("\"\(key)\" is empty", fields.path(key), node, code: "empty_text", ["key": key])
      return nil
    }
    return value
  }

  private func stringList(_ fields: JSONObjectFields, _ key: String) -> [String] {
    (fields.array(key) ?? []).enumerated().compactMap { index, node in
      reader.string(node, at: "\(fields.path(key))[\(index)]")
    }
  }

  private func idList(
    _ fields: JSONObjectFields, _ key: String, target: Reference.Target, references: inout [Reference]
  ) -> [String] {
    var ids: [String] = []
    for (index, node) in (fields.array(key) ?? []).enumerated() {
      let path = "\(fields.path(key))[\(index)]"
      guard let id = reader.string(node, at: path) else { continue }
      references.append(Reference(id: id, node: node, path: path, target: target))
      ids.append(id)
    }
    return ids
  }

  private func list<T>(
    _ fields: JSONObjectFields, _ key: String, required: Bool, nonEmpty: Bool,
    _ element: (JSONNode, String) -> T?
  ) -> [T] {
    guard let nodes = fields.array(key, required: required) else { return [] }
    if nonEmpty, nodes.isEmpty, let node = fields.node(key) {
      rule("\"\(key)\" needs at least one element", fields.path(key), node, code: "empty_list", ["key": key])
    }
    return nodes.enumerated().compactMap { index, node in element(node, "\(fields.path(key))[\(index)]") }
  }

  /// The object's `id`: well formed and not used before anywhere in the document (`ids`: each
  /// id given so far, with its key path).
  private func identifier(_ fields: JSONObjectFields, ids: inout [String: String]) -> String? {
    guard let id = fields.string("id", required: true), let node = fields.node("id") else { return nil }
    if !IdentifierSyntax.isValid(id) {
      rule(
        "\"\(id)\" is not a valid id (1 to \(IdentifierSyntax.maximumLength) letters, digits, '.', '-' or '_')",
        fields.path("id"), node, code: "invalid_id", ["value": id])
      return nil
    }
    if let first = ids[id] {
      rule(
        "id \"\(id)\" is already used at \(first)", fields.path("id"), node, code: "duplicate_id",
        ["value": id, "first": first])
      return nil
    }
    ids[id] = fields.path("id")
    return id
  }
}
