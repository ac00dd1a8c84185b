public import Analytics

extension Impact_V1_Explanation {
  /// The message of `explanation` (its steps and its English text).
  public init(_ explanation: ScoreExplanation) {
    self.init()
    steps = explanation.steps.map { Impact_V1_ExplanationStep($0) }
    text = explanation.text
  }
}
