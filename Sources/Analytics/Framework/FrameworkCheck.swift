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
  public init(framework: Framework, projects: [Project], scheme: Scheme, scores: [ProjectScore]? = nil) {
    let scores = scores ?? ProjectScorer(scheme: scheme).score(projects)
    let impactIDs = Set(framework.impacts.map(\.id))
    // bank indicator id -> the impacts listing it
    var impactsOfIndicator: [String: [String]] = [:]
    for impact in framework.impacts {
      for indicator in impact.indicators {
        if let bankID = indicator.bankID { impactsOfIndicator[bankID, default: []].append(impact.id) }
      }
    }
    var contributors: [String: [Contributor]] = [:]
    var measuredBank: [String: Set<String>] = [:]  // impact -> bank ids measured
    var measuredCustom: Set<String> = []  // impacts with an explicitly linked outcome without bank id
    var unmapped: [UnmappedProject] = []
    var unknownLinks: [UnknownLink] = []
    for (project, score) in zip(projects, scores) {
      let outcomeScores = score.outcomes
      var served: [String: Contributor] = [:]
      var order: [String] = []
      for (index, outcome) in project.outcomes.enumerated() {
        var targets: [String]
        if let impactID = outcome.impactID {
          guard impactIDs.contains(impactID) else {
            unknownLinks.append(UnknownLink(projectID: project.id, outcomeID: outcome.id, impactID: impactID))
            continue
          }
          targets = [impactID]
          if outcome.indicatorID == nil { measuredCustom.insert(impactID) }
        } else if let bankID = outcome.indicatorID, let impacts = impactsOfIndicator[bankID] {
          targets = impacts
        } else {
          targets = []
        }
        let share = index < outcomeScores.count ? outcomeScores[index].share : 0
        let points = index < outcomeScores.count ? share * outcomeScores[index].quantitative : 0
        for impactID in targets {
          if let bankID = outcome.indicatorID { measuredBank[impactID, default: []].insert(bankID) }
          if served[impactID] == nil {
            order.append(impactID)
            served[impactID] = Contributor(
              projectID: project.id, name: project.name, outcomeIDs: [], share: 0, amount: 0, points: 0)
          }
          served[impactID]!.outcomeIDs.append(outcome.id)
          served[impactID]!.share += share
          served[impactID]!.amount += share * project.amount
          served[impactID]!.points += points
        }
      }
      if order.isEmpty {
        unmapped.append(
          UnmappedProject(
            projectID: project.id, name: project.name, programme: project.programme,
            outcomeCount: project.outcomes.count))
      }
      for impactID in order { contributors[impactID, default: []].append(served[impactID]!) }
    }

    impactsWithoutIndicator = framework.impacts.filter { $0.indicators.isEmpty }.map(\.id)
    var gaps: [IndicatorGap] = []
    var contributions: [ImpactContribution] = []
    for impact in framework.impacts {
      var measured = 0
      for indicator in impact.indicators {
        let isMeasured =
          if let bankID = indicator.bankID {
            measuredBank[impact.id]?.contains(bankID) ?? false
          } else {
            measuredCustom.contains(impact.id)
          }
        if isMeasured {
          measured += 1
        } else {
          gaps.append(
            IndicatorGap(
              impactID: impact.id, indicatorID: indicator.id, custom: indicator.isCustom, status: indicator.status))
        }
      }
      let list = contributors[impact.id] ?? []
      contributions.append(
        ImpactContribution(
          impactID: impact.id, contributors: list, amount: list.reduce(0) { $0 + $1.amount },
          indicatorCount: impact.indicators.count, measuredIndicatorCount: measured))
    }
    unmeasuredIndicators = gaps
    unmappedProjects = unmapped
    self.unknownLinks = unknownLinks
    let domains = Set(scheme.domains.map(\.id))
    unknownDomains = framework.impacts.filter { !domains.contains($0.domain) }.map {
      UnknownDomain(impactID: $0.id, domain: $0.domain)
    }
    self.contributions = contributions
    programmes = framework.programmes.map { programme in
      let byImpact = Dictionary(
        programme.commonImpacts.map { id in
          (id, Dictionary((contributors[id] ?? []).map { ($0.projectID, $0) }) { first, _ in first })
        }
      ) { first, _ in first }
      let rows = projects.filter { $0.programme == programme.programme }.map { project in
        MatrixRow(
          projectID: project.id, name: project.name,
          cells: programme.commonImpacts.map { byImpact[$0]?[project.id] })
      }
      return ProgrammeMatrix(programme: programme.programme, impactIDs: programme.commonImpacts, rows: rows)
    }
  }
}
