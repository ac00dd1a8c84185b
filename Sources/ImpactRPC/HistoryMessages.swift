import Analytics
import Foundation
import ImpactAPI
import ImpactCredentials
import ImpactStorage
import ImpactStore
import SwiftProtobuf

/// The messages of HistoryService, made from the store's and the Analytics history values.
enum HistoryMessages {
  static func snapshot(_ stored: StoredSnapshot) -> Impact_V1_Snapshot {
    .with {
      $0.name = stored.name
      $0.note = stored.note
      $0.revision = stored.revision
      if let time = stored.revisionCommittedAt { $0.revisionCommittedAt = Google_Protobuf_Timestamp(date: time) }
      if let time = stored.createdAt { $0.createdAt = Google_Protobuf_Timestamp(date: time) }
      // Who created it is part of the audit trail.
      $0.createdBy = RequestPrincipal.caller.role >= Impact_V1_ChangeEvent.auditRole ? stored.createdBy : ""
      $0.schemeID = stored.schemeID
      $0.projectCount = stored.projectCount
      $0.totalAmount = stored.totalAmount
      $0.weightedComposite = stored.weightedComposite
      $0.storedBytes = stored.storedBytes
      $0.createdRevision = stored.createdRevision
    }
  }

  /// The label of an explicit trend point: the selector as given.
  static func label(of at: Impact_V1_At) -> String {
    switch at.point {
    case .snapshot(let name): name
    case .revision(let revision): "rev:\(revision)"
    case .time(let time): StoredTimestamp.text(time.date)
    case .date(let text): text
    case nil: "now"
    }
  }

  static func trendFigures(_ point: PortfolioTrendPoint) -> Impact_V1_PortfolioTrendFigures {
    .with {
      $0.weightedComposite = point.weightedComposite
      $0.coverage = point.coverage
      $0.deepCoverage = point.deepCoverage
      $0.exposure = point.exposure.map(Impact_V1_DomainFigure.init)
      $0.impactWeightedExposure = point.impactWeightedExposure.map(Impact_V1_DomainFigure.init)
      if let sroi = point.sroi { $0.sroi = sroi }
      $0.projects = Int64(point.projects)
      $0.totalAmount = point.totalAmount
    }
  }

  static func attribution(_ values: CauseValues) -> Impact_V1_Attribution {
    .with {
      $0.total = values.total
      $0.scheme = values.scheme
      $0.outcomeData = values.outcomeData
      $0.ratings = values.ratings
      $0.evidenceAndRisks = values.evidenceAndRisks
    }
  }

  static func cause(_ cause: AttributionCause) -> Impact_V1_CauseGroup {
    switch cause {
    case .scheme: .scheme
    case .outcomeData: .outcomeData
    case .ratings: .ratings
    case .evidenceAndRisks: .evidenceAndRisks
    }
  }

  static func explanation(_ explanation: AttributionExplanation) -> Impact_V1_AttributionExplanation {
    .with {
      $0.projectID = explanation.attribution.projectID
      $0.scorings = explanation.scorings.map { scoring in
        .with {
          $0.fromLater = scoring.causesFromAfter.map(cause)
          $0.composite = scoring.score.composite
          $0.rankScore = scoring.score.rankScore
        }
      }
      $0.attribution = attribution(explanation.attribution.rankScore)
    }
  }

  /// The whole diff response.
  static func diff(
    _ diff: PortfolioDiff, before: PortfolioSnapshot, after: PortfolioSnapshot, fromAt: Impact_V1_At,
    toAt: Impact_V1_At?, limit: Int, explanations: [AttributionExplanation]
  ) -> Impact_V1_DiffPortfoliosResponse {
    func name(_ at: Impact_V1_At?) -> String {
      if case .snapshot(let name)? = at?.point { return name }
      return ""
    }
    func figures(_ projectID: String, in snapshot: PortfolioSnapshot) -> (Double, Double, Int32, Double)? {
      guard let score = snapshot.score(projectID) else { return nil }
      let rank = Int32(clamping: snapshot.figures.place(of: projectID)?.rank ?? 0)
      return (score.composite, score.rankScore, rank, score.amount)
    }
    func difference(_ projectID: String) -> Impact_V1_ProjectDifference {
      .with {
        $0.projectID = projectID
        $0.name = (after.project(projectID) ?? before.project(projectID))?.name ?? ""
        if let (composite, rankScore, rank, amount) = figures(projectID, in: before) {
          $0.compositeBefore = composite
          $0.rankScoreBefore = rankScore
          $0.rankBefore = rank
          $0.amountBefore = amount
        }
        if let (composite, rankScore, rank, amount) = figures(projectID, in: after) {
          $0.compositeAfter = composite
          $0.rankScoreAfter = rankScore
          $0.rankAfter = rank
          $0.amountAfter = amount
        }
      }
    }
    var figureDeltas = diff.figures.map { change in
      Impact_V1_FigureDelta(FigureDifference(name: change.figure.rawValue, before: change.before, after: change.after))
    }
    for domain in diff.domains {
      figureDeltas.append(
        Impact_V1_FigureDelta(
          FigureDifference(
            name: "exposure.\(domain.domain)", before: domain.exposure.before, after: domain.exposure.after)))
    }
    for domain in diff.domains {
      figureDeltas.append(
        Impact_V1_FigureDelta(
          FigureDifference(
            name: "impact_weighted_exposure.\(domain.domain)", before: domain.impactWeightedExposure.before,
            after: domain.impactWeightedExposure.after)))
    }
    for cell in diff.matrix {
      let prefix = "matrix.\(cell.domain).\(cell.depthClass.rawValue)"
      figureDeltas.append(
        Impact_V1_FigureDelta(
          FigureDifference(
            name: "\(prefix).outcomes", before: Double(cell.outcomesBefore), after: Double(cell.outcomesAfter))))
      figureDeltas.append(
        Impact_V1_FigureDelta(
          FigureDifference(name: "\(prefix).amount", before: cell.amount.before, after: cell.amount.after)))
    }
    let changed = diff.changed.sorted {
      let left = abs($0.after.rankScore - $0.before.rankScore)
      let right = abs($1.after.rankScore - $1.before.rankScore)
      return left != right ? left > right : $0.projectID < $1.projectID
    }
    return .with {
      $0.fromAt = Impact_V1_ResolvedAt(before, name: name(fromAt), currentScheme: fromAt.scheme == .current)
      $0.toAt = Impact_V1_ResolvedAt(after, name: name(toAt), currentScheme: toAt?.scheme == .current)
      $0.before = Impact_V1_PortfolioSummary(diff.before)
      $0.after = Impact_V1_PortfolioSummary(diff.after)
      $0.figures = figureDeltas
      $0.added = diff.added.prefix(limit).map { difference($0.projectID) }
      $0.removed = diff.removed.prefix(limit).map { difference($0.projectID) }
      $0.changed = changed.prefix(limit).map { change in
        var message = difference(change.projectID)
        message.changedGroups = change.attribution.differingCauses.map(cause)
        message.attribution = attribution(change.attribution.rankScore)
        message.descriptiveChanges = change.changedFields.contains {
          ["name", "programme", "territory", "status", "extra"].contains($0)
        }
        return message
      }
      $0.addedCount = Int64(diff.added.count)
      $0.removedCount = Int64(diff.removed.count)
      $0.changedCount = Int64(diff.changed.count)
      $0.movers = diff.rankMovers.map { move in
        .with {
          $0.projectID = move.projectID
          $0.rankBefore = Int32(clamping: move.rankBefore)
          $0.rankAfter = Int32(clamping: move.rankAfter)
          $0.kind = .moved
        }
      }
      $0.attribution = .with {
        $0.total = diff.attribution.difference
        $0.added = diff.attribution[.addedProjects]
        $0.removed = diff.attribution[.removedProjects]
        $0.amounts = diff.attribution[.amounts]
        $0.composites = .with {
          $0.scheme = diff.attribution[.scheme]
          $0.outcomeData = diff.attribution[.outcomeData]
          $0.ratings = diff.attribution[.ratings]
          $0.evidenceAndRisks = diff.attribution[.evidenceAndRisks]
          $0.total = $0.scheme + $0.outcomeData + $0.ratings + $0.evidenceAndRisks
        }
      }
      $0.explanations = explanations.map(explanation)
    }
  }

  static func progress(_ progress: OutcomeProgress, observations: [Impact_V1_Observation]) -> Impact_V1_OutcomeProgress
  {
    .with {
      $0.outcomeID = progress.outcomeID
      $0.indicator = progress.indicator ?? ""
      $0.unit = progress.unit ?? ""
      $0.direction = Impact_V1_Direction(progress.direction)
      if let baseline = progress.baseline { $0.baseline = baseline }
      if let target = progress.target { $0.target = target }
      if let latest = progress.latest { $0.latest = latest.value }
      $0.periods = progress.periods.map { period in
        .with {
          $0.period = period.period
          if let parsed = Period.parse(period.period) {
            $0.startDate = parsed.start.description
            $0.endDate = parsed.end.description
          }
          if let target = period.target { $0.target = target }
          if let latest = period.latest { $0.latest = latest.value }
          if let value = period.progress { $0.progress = value }
          // The observations of the period, as recorded (matched by their period and time).
          $0.observations = observations.filter { message in
            period.observations.contains {
              $0.period == message.period && $0.value == message.value
                && $0.recordedAt == message.recordedAt.date
            }
          }
        }
      }
    }
  }
}
