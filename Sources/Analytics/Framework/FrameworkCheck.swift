/// What the portfolio measures of the framework: the gaps (impacts without an indicator,
/// wanted indicators no project measures, projects none of whose outcomes serve an impact,
/// outcomes linked to an impact the framework lacks), what each impact receives, and per
/// programme whether every site contributes to the programme's common impacts, and how much.
///
/// An outcome serves an impact when it names it (``Outcome/impactID``) or, naming none, when
/// its bank indicator (``Outcome/indicatorID``) is one of the impact's indicators. Its weight is
/// its effective share of the project's focus; its strength, the points of the project's
/// quantitative score (0–100) it brings: share × Q_o.
public struct FrameworkCheck: Sendable, Hashable {
  public var impactsWithoutIndicator: [String]
  public var unmeasuredIndicators: [IndicatorGap]
  public var unmappedProjects: [UnmappedProject]
  public var unknownLinks: [UnknownLink]
  /// Impacts in a domain the scheme does not have (a scheme changed after the framework).
  public var unknownDomains: [UnknownDomain]
  public var contributions: [ImpactContribution]
  public var programmes: [ProgrammeMatrix]

  /// The number of gaps found (every list above but the contributions and the matrices,
  /// plus each programme site that misses a common impact).
  public var gapCount: Int {
    impactsWithoutIndicator.count + unmeasuredIndicators.count + unmappedProjects.count + unknownLinks.count
      + unknownDomains.count + programmes.reduce(0) { $0 + $1.missingCells }
  }

  /// An indicator of an impact that no outcome measures, whatever its status (a wanted one is
  /// the gap the framework is for; a collected one that no project reports is one too).
  public struct IndicatorGap: Sendable, Hashable {
    public var impactID: String
    public var indicatorID: String
    public var custom: Bool
    public var status: IndicatorStatus
  }

  public struct UnmappedProject: Sendable, Hashable {
    public var projectID: String
    public var name: String
    public var programme: String
    public var outcomeCount: Int
  }

  public struct UnknownLink: Sendable, Hashable {
    public var projectID: String
    public var outcomeID: String
    public var impactID: String
  }

  public struct UnknownDomain: Sendable, Hashable {
    public var impactID: String
    public var domain: String
  }

  /// One project's part in an impact.
  public struct Contributor: Sendable, Hashable {
    public var projectID: String
    public var name: String
    /// The ids of the project's outcomes that serve the impact.
    public var outcomeIDs: [String]
    /// Σ of those outcomes' effective shares of the project's focus, 0–1.
    public var share: Double
    /// The project's amount × `share`, in euros.
    public var amount: Double
    /// Σ share × Q_o: the points of the project's quantitative score that come from the impact.
    public var points: Double
  }

  public struct ImpactContribution: Sendable, Hashable {
    public var impactID: String
    public var contributors: [Contributor]
    /// Σ of the contributors' amounts weighted by share, in euros.
    public var amount: Double
    public var indicatorCount: Int
    /// How many of the impact's indicators some outcome measures.
    public var measuredIndicatorCount: Int
  }

  /// The sites (projects) of a programme against its common impacts.
  public struct ProgrammeMatrix: Sendable, Hashable {
    public var programme: String
    public var impactIDs: [String]
    public var rows: [MatrixRow]

    /// Cells where a site does not contribute.
    public var missingCells: Int { rows.reduce(0) { $0 + $1.cells.filter { $0 == nil }.count } }
  }

  public struct MatrixRow: Sendable, Hashable {
    public var projectID: String
    public var name: String
    /// One cell per common impact, in the programme's order; `nil` when the site does not
    /// contribute to it.
    public var cells: [Contributor?]
  }

  /// Checks `projects` against `framework`, with their `scores` under `scheme` (in the same
  /// order; scored here when `nil`).
  ///
  /// One pass over the outcomes, with impacts and indicators by position: at 100 000
  /// projects the check costs about what the outcomes' breakdowns cost (`impact-bench-analytics`).
  public init(framework: Framework, projects: [Project], scheme: Scheme, scores: [ProjectScore]? = nil) {
    let scores = scores ?? ProjectScorer(scheme: scheme).score(projects)
    let impacts = framework.impacts
    var impactIndex: [String: Int] = [:]
    for (index, impact) in impacts.enumerated() { impactIndex[impact.id] = index }
    // bank indicator id -> (impact, position of the indicator in it), for every impact listing it
    var bankIndicators: [String: [(impact: Int, indicator: Int)]] = [:]
    var measured = impacts.map { [Bool](repeating: false, count: $0.indicators.count) }
    for (index, impact) in impacts.enumerated() {
      for (position, indicator) in impact.indicators.enumerated() {
        if let bankID = indicator.bankID { bankIndicators[bankID, default: []].append((index, position)) }
      }
    }
    var contributors = [[Contributor]](repeating: [], count: impacts.count)
    // Per project, where its contributors are: `served[servedStart[p]..<servedStart[p + 1]]`
    // holds (impact, position in `contributors[impact]`).
    var served: [(impact: Int, position: Int)] = []
    var servedStart: [Int] = [0]
    servedStart.reserveCapacity(projects.count + 1)
    var unmapped: [UnmappedProject] = []
    var unknownLinks: [UnknownLink] = []
    for (project, score) in zip(projects, scores) {
      let first = served.count
      var outcomeScores: [OutcomeScore]?
      for (index, outcome) in project.outcomes.enumerated() {
        var targets: [Int] = []
        if let impactID = outcome.impactID {
          guard let target = impactIndex[impactID] else {
            unknownLinks.append(UnknownLink(projectID: project.id, outcomeID: outcome.id, impactID: impactID))
            continue
          }
          targets = [target]
          if let bankID = outcome.indicatorID {
            for entry in bankIndicators[bankID] ?? [] where entry.impact == target {
              measured[target][entry.indicator] = true
            }
          } else {
            // An outcome linked without a bank indicator reports the impact's custom ones.
            for (position, indicator) in impacts[target].indicators.enumerated() where indicator.isCustom {
              measured[target][position] = true
            }
          }
        } else if let bankID = outcome.indicatorID, let entries = bankIndicators[bankID] {
          for entry in entries {
            measured[entry.impact][entry.indicator] = true
            if !targets.contains(entry.impact) { targets.append(entry.impact) }
          }
        }
        guard !targets.isEmpty else { continue }
        if outcomeScores == nil { outcomeScores = score.outcomes }
        let share = index < outcomeScores!.count ? outcomeScores![index].share : 0
        let points = index < outcomeScores!.count ? share * outcomeScores![index].quantitative : 0
        for target in targets {
          let slot: Int
          if let existing = served[first...].first(where: { $0.impact == target }) {
            slot = existing.position
          } else {
            slot = contributors[target].count
            contributors[target].append(
              Contributor(projectID: project.id, name: project.name, outcomeIDs: [], share: 0, amount: 0, points: 0))
            served.append((target, slot))
          }
          contributors[target][slot].outcomeIDs.append(outcome.id)
          contributors[target][slot].share += share
          contributors[target][slot].amount += share * project.amount
          contributors[target][slot].points += points
        }
      }
      if served.count == first {
        unmapped.append(
          UnmappedProject(
            projectID: project.id, name: project.name, programme: project.programme,
            outcomeCount: project.outcomes.count))
      }
      servedStart.append(served.count)
    }

    impactsWithoutIndicator = impacts.filter { $0.indicators.isEmpty }.map(\.id)
    var gaps: [IndicatorGap] = []
    var contributions: [ImpactContribution] = []
    for (index, impact) in impacts.enumerated() {
      for (position, indicator) in impact.indicators.enumerated() where !measured[index][position] {
        gaps.append(
          IndicatorGap(
            impactID: impact.id, indicatorID: indicator.id, custom: indicator.isCustom, status: indicator.status))
      }
      let list = contributors[index]
      contributions.append(
        ImpactContribution(
          impactID: impact.id, contributors: list, amount: list.reduce(0) { $0 + $1.amount },
          indicatorCount: impact.indicators.count, measuredIndicatorCount: measured[index].filter { $0 }.count))
    }
    unmeasuredIndicators = gaps
    unmappedProjects = unmapped
    self.unknownLinks = unknownLinks
    let domains = Set(scheme.domains.map(\.id))
    unknownDomains = impacts.filter { !domains.contains($0.domain) }.map {
      UnknownDomain(impactID: $0.id, domain: $0.domain)
    }
    self.contributions = contributions
    // The sites of each described programme, in portfolio order, found in one pass.
    var sites: [String: [Int]] = [:]
    for programme in framework.programmes { sites[programme.programme] = [] }
    for (index, project) in projects.enumerated() where sites[project.programme] != nil {
      sites[project.programme]!.append(index)
    }
    programmes = framework.programmes.map { programme in
      let common = programme.commonImpacts.map { impactIndex[$0] }
      let rows = (sites[programme.programme] ?? []).map { site in
        let slice = served[servedStart[site]..<servedStart[site + 1]]
        return MatrixRow(
          projectID: projects[site].id, name: projects[site].name,
          cells: common.map { target in
            target.flatMap { target in
              slice.first { $0.impact == target }.map { contributors[target][$0.position] }
            }
          })
      }
      return ProgrammeMatrix(programme: programme.programme, impactIDs: programme.commonImpacts, rows: rows)
    }
  }
}
