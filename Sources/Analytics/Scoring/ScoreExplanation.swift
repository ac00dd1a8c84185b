/// How a project's score was reached, step by step, from each outcome's dimensions up to the
/// composite, the rank score and the SROI: what a committee member reads to check a score.
public struct ScoreExplanation: Sendable, Hashable {
  public var projectID: String
  public var schemeID: String
  /// The score the steps arrive at.
  public var score: ProjectScore
  public var steps: [ExplanationStep]

  public init(projectID: String, schemeID: String, score: ProjectScore, steps: [ExplanationStep]) {
    self.projectID = projectID
    self.schemeID = schemeID
    self.score = score
    self.steps = steps
  }

  /// The explanation in English, one block per step.
  public var text: String {
    let header = "Score of project \(projectID) under scheme \(schemeID)"
    return ([header] + steps.map(\.text)).joined(separator: "\n\n") + "\n"
  }
}
