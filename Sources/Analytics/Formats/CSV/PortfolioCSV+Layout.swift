extension PortfolioCSV {
  /// The columns of the three tables for a set of projects, and each project's rows under them.
  ///
  /// The columns depend on every project written (a risk type the scheme does not list, an
  /// outcome with targets or a bank indicator), so a writer that receives projects a few at a
  /// time (a streamed export) is given the layout first and writes rows as they come; the
  /// tables are then the same text as ``encode(_:dialect:scheme:)`` writes at once.
  public struct Layout: Sendable, Hashable {
    /// The `risk_<type>` columns: the scheme's risk types, then ``extraRiskTypes``.
    public var riskTypes: [String]
    /// Risk types some project rates that the scheme does not list, sorted.
    public var extraRiskTypes: [String]
    /// Whether the outcomes table has a `targets` column.
    public var writesTargets: Bool
    /// Whether the outcomes table has the `indicator_id` and `impact_id` columns (the links to the
    /// indicator bank and to the framework), written when some outcome has either.
    public var writesIndicatorIDs: Bool

    /// The layout `projects` need under `scheme`.
    public init(_ projects: some Collection<Project>, scheme: Scheme) {
      var extra = Set<String>()
      var targets = false
      var indicatorIDs = false
      for project in projects {
        extra.formUnion(project.risks.keys)
        for outcome in project.outcomes {
          targets = targets || !outcome.targets.isEmpty
          indicatorIDs = indicatorIDs || outcome.indicatorID != nil || outcome.impactID != nil
        }
      }
      self.init(
        scheme: scheme, extraRiskTypes: extra.subtracting(scheme.riskTypes).sorted(), writesTargets: targets,
        writesIndicatorIDs: indicatorIDs)
    }

    /// A layout given by its parts (as the header of a streamed export carries them).
    public init(scheme: Scheme, extraRiskTypes: [String], writesTargets: Bool, writesIndicatorIDs: Bool) {
      self.extraRiskTypes = extraRiskTypes
      self.riskTypes = scheme.riskTypes + extraRiskTypes.filter { !scheme.riskTypes.contains($0) }
      self.writesTargets = writesTargets
      self.writesIndicatorIDs = writesIndicatorIDs
    }

    /// The header row of each table.
    public var projectHeader: [String] { projectColumns + riskTypes.map { riskColumnPrefix + $0 } + [extraColumn] }
    public var outcomeHeader: [String] {
      outcomeColumns + (writesTargets ? [targetsColumn] : [])
        + (writesIndicatorIDs ? [indicatorIDColumn, impactIDColumn] : [])
    }
    public var ratingHeader: [String] { ratingColumns }

    /// `project`'s rows: one in the projects table, one per outcome, one per rating.
    public func rows(
      of project: Project, writer: CSVWriter
    ) -> (
      project: [String], outcomes: [[String]], ratings: [[String]]
    ) {
      let projectRow =
        [
          project.id, project.name, project.programme, project.territory, project.status.rawValue,
          writer.number(project.amount), project.evidenceLevel.map(String.init) ?? "",
        ] + riskTypes.map { project.risks[$0].map(String.init) ?? "" } + [project.extra ?? ""]
      let outcomeRows = project.outcomes.map { outcome in
        [
          project.id, outcome.id, outcome.domain, writer.number(outcome.share),
          outcome.indicator ?? "",
          outcome.unit ?? "", outcome.direction?.rawValue ?? "", writer.number(outcome.baseline),
          writer.number(outcome.threshold), writer.number(outcome.target),
          writer.number(outcome.actual),
          writer.number(outcome.survey?.veryMuch), writer.number(outcome.survey?.slightly),
          writer.number(outcome.reach),
          outcome.durationYears.map(String.init) ?? "", writer.number(outcome.dropOff),
          writer.number(outcome.deadweight),
          writer.number(outcome.attribution), writer.number(outcome.displacement),
          writer.number(outcome.financialProxy),
          outcome.harmful ? "true" : "", outcome.nature == .solution ? "" : outcome.nature.rawValue,
        ] + (writesTargets ? [targetsCell(outcome.targets, writer: writer)] : [])
          + (writesIndicatorIDs ? [outcome.indicatorID ?? "", outcome.impactID ?? ""] : [])
      }
      let ratingRows = project.ratings.map { rating in
        [project.id, rating.criterion, rating.rater, writer.number(rating.value), rating.comment ?? ""]
      }
      return (projectRow, outcomeRows, ratingRows)
    }
  }
}
