import Analytics
import ImpactAPI
import Localization

/// The organisation's framework for people and CSV: its outline (needs, objectives,
/// activities), its impacts and their indicators, what the portfolio measures of it, and the
/// programmes' impact maps.
struct FrameworkTables {
  var framework: Framework
  var renderer: Renderer
  var labels: SchemeLabels
  var bank: IndicatorBank = .shipped

  private var l: Localizer { renderer.l }
  private var language: String { renderer.language.rawValue }

  // MARK: - The framework

  func identity(_ version: Impact_V1_FrameworkVersion, revision: Int64) -> Table {
    Table.fields(
      title: l("framework.title", ["organization": framework.organization]),
      [
        ("mission", l("framework.field.mission"), Cell(framework.mission)),
        ("version", l("framework.field.version"), Cell(version.version)),
        ("set_by", l("framework.field.set_by"), Cell(version.setBy)),
        ("set_at", l("framework.field.set_at"), Cell(version.hasSetAt ? TimeText.iso8601(version.setAt) : "")),
        ("revision", l("label.revision"), Cell(revision)),
      ])
  }

  /// Needs, then strategic objectives → operational objectives → activities, indented; in CSV
  /// one row per element with its level and parent.
  func outline() -> Section {
    var outline = OutlineText()
    var csv = Table(
      title: l("framework.title.outline"),
      columns: [
        .text("level", l("framework.field.level")), .text("id", l("label.id")),
        .text("name", l("label.name")), .text("parent", l("framework.field.parent")),
      ])
    if !framework.needs.isEmpty {
      outline.add(l("framework.title.needs"), depth: 0)
      for need in framework.needs {
        outline.add(need, depth: 1, marker: "·")
        csv.append([Cell("need"), Cell(""), Cell(need), Cell("")])
      }
      outline.add("", depth: 0)
    }
    outline.add(l("framework.title.objectives"), depth: 0)
    for objective in framework.objectives {
      outline.add("\(objective.name) [\(objective.id)]", depth: 1, marker: "■")
      csv.append([Cell("strategic_objective"), Cell(objective.id), Cell(objective.name), Cell("")])
      for operational in objective.operationalObjectives {
        outline.add("\(operational.name) [\(operational.id)]", depth: 2, marker: "□")
        csv.append([
          Cell("operational_objective"), Cell(operational.id), Cell(operational.name), Cell(objective.id),
        ])
        for activity in operational.activities {
          outline.add("\(activity.name) [\(activity.id)]", depth: 3, marker: "·")
          csv.append([Cell("activity"), Cell(activity.id), Cell(activity.name), Cell(operational.id)])
        }
      }
    }
    return .text(outline.rendered(width: renderer.width), csv: csv)
  }

  func impacts() -> Table {
    var table = Table(
      title: l("framework.title.impacts", ["count": String(framework.impacts.count)]),
      columns: [
        .text("id", l("label.id")), .text("level", l("framework.field.level")),
        .text("domain", l("label.domain")), .text("stakeholder", l("framework.field.stakeholder"), truncatable: true),
        .text("name", l("label.name"), truncatable: true),
        .number("indicators", l("framework.field.indicators")),
      ])
    for impact in framework.impacts {
      table.append([
        Cell(impact.id), level(impact.level), Cell(display: labels.domain(impact.domain), csv: impact.domain),
        Cell(impact.stakeholder), Cell(impact.name), Cell(Int64(impact.indicators.count)),
      ])
    }
    return table
  }

  func indicators() -> Table {
    var table = Table(
      title: l("framework.title.indicators"),
      columns: [
        .text("impact", l("framework.field.impact")), .text("indicator", l("label.indicator")),
        .text("name", l("label.name"), truncatable: true), .text("status", l("framework.field.status")),
        .text("owner", l("framework.field.owner"), truncatable: true),
        .text("frequency", l("framework.field.frequency")),
      ])
    for impact in framework.impacts {
      for indicator in impact.indicators {
        table.append([
          Cell(impact.id), Cell(indicator.id), Cell(name(of: indicator)), status(indicator.status),
          Cell(indicator.owner),
          Cell(
            display: bank.label(of: indicator.frequency, in: \.frequencies, language: language),
            csv: indicator.frequency),
        ])
      }
    }
    return table
  }

  // MARK: - The check

  func checkSections(_ check: Impact_V1_CheckFrameworkResponse) -> [Section] {
    var sections: [Section] = [
      .table(
        Table.fields(
          title: l("framework.check.title", ["organization": framework.organization]),
          [
            ("version", l("framework.field.version"), Cell(check.version.version)),
            ("revision", l("label.revision"), Cell(check.revision)),
            ("gaps", l("framework.check.gaps"), Cell(Int64(check.gapCount))),
          ]))
    ]
    var empty = Table(
      title: l("framework.check.without_indicator", ["count": String(check.impactsWithoutIndicator.count)]),
      columns: [.text("impact", l("framework.field.impact")), .text("name", l("label.name"), truncatable: true)])
    for id in check.impactsWithoutIndicator { empty.append([Cell(id), Cell(framework.impact(id)?.name ?? id)]) }
    sections.append(.table(empty))

    var unmeasured = Table(
      title: l("framework.check.unmeasured", ["count": String(check.unmeasuredIndicators.count)]),
      columns: [
        .text("impact", l("framework.field.impact")), .text("indicator", l("label.indicator")),
        .text("name", l("label.name"), truncatable: true), .text("status", l("framework.field.status")),
      ])
    for gap in check.unmeasuredIndicators {
      let indicator = framework.impact(gap.impactID)?.indicators.first { $0.id == gap.indicatorID }
      unmeasured.append([
        Cell(gap.impactID), Cell(gap.indicatorID), Cell(indicator.map(name) ?? gap.indicatorID),
        IndicatorStatus(rawValue: gap.status).map(status) ?? Cell(gap.status),
      ])
    }
    sections.append(.table(unmeasured))

    var unmapped = Table(
      title: l("framework.check.unmapped", ["count": String(check.unmappedProjects.count)]),
      columns: [
        .text("project", l("indicators.field.project")), .text("programme", l("label.programme")),
        .number("outcomes", l("indicators.field.outcomes")), .text("name", l("label.name"), truncatable: true),
      ])
    for project in check.unmappedProjects {
      unmapped.append([
        Cell(project.projectID), Cell(project.programme), Cell(Int64(project.outcomeCount)), Cell(project.name),
      ])
    }
    sections.append(.table(unmapped))

    if !check.unknownLinks.isEmpty {
      var links = Table(
        title: l("framework.check.unknown_links", ["count": String(check.unknownLinks.count)]),
        columns: [
          .text("project", l("indicators.field.project")), .text("outcome", l("indicators.field.outcome")),
          .text("impact", l("framework.field.impact")),
        ])
      for link in check.unknownLinks {
        links.append([Cell(link.projectID), Cell(link.outcomeID), Cell(link.impactID)])
      }
      sections.append(.table(links))
    }
    if !check.unknownDomains.isEmpty {
      var domains = Table(
        title: l("framework.check.unknown_domains", ["count": String(check.unknownDomains.count)]),
        columns: [.text("impact", l("framework.field.impact")), .text("domain", l("label.domain"))])
      for unknown in check.unknownDomains { domains.append([Cell(unknown.impactID), Cell(unknown.domain)]) }
      sections.append(.table(domains))
    }

    var received = Table(
      title: l("framework.check.contributions"),
      columns: [
        .text("impact", l("framework.field.impact")), .text("level", l("framework.field.level")),
        .number("projects", l("indicators.field.projects")), .number("amount", l("label.amount")),
        .number("measured", l("framework.field.measured")), .number("indicators", l("framework.field.indicators")),
        .text("name", l("label.name"), truncatable: true),
      ])
    for contribution in check.contributions {
      let impact = framework.impact(contribution.impactID)
      received.append([
        Cell(contribution.impactID), impact.map { level($0.level) } ?? Cell(""),
        Cell(Int64(contribution.projectCount)), renderer.number(contribution.amount, .amount),
        // Two numbers, not "2/3", which a spreadsheet would read as a date.
        Cell(Int64(contribution.measuredIndicatorCount)), Cell(Int64(contribution.indicatorCount)),
        Cell(impact?.name ?? contribution.impactID),
      ])
    }
    sections.append(.table(received))
    for matrix in check.programmes { sections.append(.table(self.matrix(matrix))) }
    return sections
  }

  /// The sites of a programme against its common impacts: in each cell the points of the
  /// site's quantitative score that come from the impact and, in brackets, the share of its
  /// focus; "—" where the site does not contribute.
  func matrix(_ matrix: Impact_V1_FrameworkProgrammeMatrix) -> Table {
    var table = Table(
      title: l("framework.check.matrix", ["programme": matrix.programme]),
      columns: [.text("project", l("indicators.field.project"))]
        + matrix.impactIds.map { Table.Column.text($0, $0) })
    for row in matrix.rows {
      table.append(
        [Cell(row.projectID)]
          + row.cells.map { cell in
            guard cell.contributes else { return Cell(display: "—", csv: "") }
            let points = renderer.number(cell.contributor.points, .score)
            let share = renderer.number(cell.contributor.share, .percent)
            return Cell(display: "\(points.display) (\(share.display))", csv: points.csv)
          })
    }
    return table
  }

  // MARK: - Impact map

  /// A programme's theory of change as an indented chain: needs, activities, outputs,
  /// outcomes, impacts (with their level, stakeholder and domain), then the assumptions.
  func map(_ programme: FrameworkProgramme) -> Section {
    var outline = OutlineText()
    var csv = Table(
      title: l("framework.map.title", ["programme": programme.programme]),
      columns: [.text("stage", l("framework.map.stage")), .text("text", l("framework.map.text"))])
    outline.add(l("framework.map.title", ["programme": programme.programme]), depth: 0)
    let map = programme.map ?? ImpactMap()
    var depth = 1
    for (stage, items) in map.textStages where !items.isEmpty {
      outline.add(l("framework.map.stage.\(stage)"), depth: depth, marker: depth == 1 ? "" : "↳")
      for item in items {
        outline.add(item, depth: depth + 1, marker: "·")
        csv.append([Cell(stage), Cell(item)])
      }
      depth += 1
    }
    if !map.impacts.isEmpty {
      outline.add(l("framework.map.stage.impacts"), depth: depth, marker: depth == 1 ? "" : "↳")
      for id in map.impacts {
        guard let impact = framework.impact(id) else { continue }
        let detail =
          "\(l("framework.level.\(impact.level.rawValue)")), \(impact.stakeholder), \(labels.domain(impact.domain))"
        outline.add("\(impact.name) [\(id)] — \(detail)", depth: depth + 1, marker: "·")
        csv.append([Cell("impacts"), Cell(id)])
      }
    }
    if !map.assumptions.isEmpty {
      outline.add("", depth: 0)
      outline.add(l("framework.map.stage.assumptions"), depth: 1)
      for assumption in map.assumptions {
        outline.add(assumption, depth: 2, marker: "·")
        csv.append([Cell("assumptions"), Cell(assumption)])
      }
    }
    if !programme.commonImpacts.isEmpty {
      outline.add("", depth: 0)
      outline.add(
        l("framework.map.common", ["impacts": programme.commonImpacts.joined(separator: ", ")]), depth: 1)
    }
    return .text(outline.rendered(width: renderer.width), csv: csv)
  }

  // MARK: - Cells

  func name(of indicator: FrameworkIndicator) -> String {
    if let bankID = indicator.bankID, let entry = bank.indicator(bankID) { return entry.name.text(in: language) }
    return indicator.name ?? indicator.id
  }

  private func level(_ level: ImpactLevel) -> Cell {
    Cell(display: l("framework.level.\(level.rawValue)"), csv: level.rawValue)
  }

  private func status(_ status: IndicatorStatus) -> Cell {
    Cell(display: l("framework.status.\(status.rawValue)"), csv: status.rawValue)
  }
}
