extension ProjectScorer {
  /// The score of `project` with every step that leads to it.
  public func explain(_ project: Project) -> ScoreExplanation {
    let score = score(project)
    var steps: [ExplanationStep] = []
    let weights = scheme.quantitativeWeights

    for (outcome, scored) in zip(project.outcomes, score.outcomes) {
      let name = "outcome \(outcome.id)"
      let about = [ExplanationInput("outcome", .text(outcome.id))]
      let depthClass = ExplanationInput("class", Self.word(scored.depthClass))
      steps.append(
        ExplanationStep(
          key: "outcome.scale",
          quantity: "\(name): scale S",
          formula: "S = 4 · min(1, log10(1 + reach) / log10(1 + N_ref))",
          inputs: [.word("reach", outcome.reach), ExplanationInput("N_ref", scheme.reachReference)],
          result: ExplanationValue(scored.scale),
          note: scored.scale == nil ? "no reach: the dimension is absent and counts 0" : nil,
          noteKey: "no_reach",
          parameters: about
        )
      )
      if let gap = scored.gapClosed {
        steps.append(
          ExplanationStep(
            key: "outcome.gap",
            quantity: "\(name): gap closed g",
            formula: "g = (actual − baseline) / (threshold − baseline)",
            inputs: [
              .word("actual", outcome.actual), .word("baseline", outcome.baseline),
              .word("threshold", outcome.threshold),
            ],
            result: .number(gap),
            parameters: about
          )
        )
        steps.append(
          ExplanationStep(
            key: "outcome.depth.gap",
            quantity: "\(name): depth D",
            formula: "D = 4 · clamp(g, 0, 1)",
            inputs: [ExplanationInput("g", gap)],
            result: ExplanationValue(scored.depth),
            note: "depth class \(scored.depthClass.rawValue)",
            noteKey: "depth_class",
            parameters: about + [depthClass]
          )
        )
      } else if let survey = outcome.survey {
        steps.append(
          ExplanationStep(
            key: "outcome.depth.survey",
            quantity: "\(name): depth D",
            formula: "D = 4 · (very_much + 0.5 · slightly)",
            inputs: [.word("very_much", survey.veryMuch), .word("slightly", survey.slightly)],
            result: ExplanationValue(scored.depth),
            note: "from the beneficiary survey; depth class \(scored.depthClass.rawValue)",
            noteKey: "survey_depth_class",
            parameters: about + [depthClass]
          )
        )
      } else {
        steps.append(
          ExplanationStep(
            key: "outcome.depth.none",
            quantity: "\(name): depth D",
            formula: "D = 4 · clamp(g, 0, 1) with an actual value, else 4 · (very_much + 0.5 · slightly)",
            inputs: [],
            result: .absent,
            note: "neither an actual value nor a survey: the dimension is absent and counts 0",
            noteKey: "no_depth",
            parameters: about
          )
        )
      }
      steps.append(
        ExplanationStep(
          key: "outcome.duration",
          quantity: "\(name): duration U",
          formula: "U = 4 · min(1, Σ_{t=0}^{T−1} (1 − drop_off)^t / H)",
          inputs: [
            ExplanationInput("T", outcome.durationYears.map(Double.init)),
            .word("drop_off", outcome.dropOff ?? 0), ExplanationInput("H", scheme.durationHorizonYears),
          ],
          result: ExplanationValue(scored.duration),
          note: scored.duration == nil ? "no duration: the dimension is absent and counts 0" : nil,
          noteKey: "no_duration",
          parameters: about
        )
      )
      steps.append(
        ExplanationStep(
          key: "outcome.contribution",
          quantity: "\(name): contribution C",
          formula: "C = 4 · (1 − deadweight)(1 − attribution)(1 − displacement)",
          inputs: [
            .word("deadweight", outcome.deadweight), .word("attribution", outcome.attribution),
            .word("displacement", outcome.displacement ?? 0),
          ],
          result: ExplanationValue(scored.contribution),
          note: scored.contribution == nil
            ? "deadweight or attribution absent: the dimension is absent and counts 0" : nil,
          noteKey: "no_contribution",
          parameters: about
        )
      )
      steps.append(
        ExplanationStep(
          key: "outcome.quantitative",
          quantity: "\(name): quantitative Q_o",
          formula: "Q_o = 25 · (w_S·S + w_D·D + w_U·U + w_C·C), an absent dimension counting 0",
          inputs: [
            ExplanationInput("w_S", weights.scale), ExplanationInput("S", scored.scale),
            ExplanationInput("w_D", weights.depth), ExplanationInput("D", scored.depth),
            ExplanationInput("w_U", weights.duration), ExplanationInput("U", scored.duration),
            ExplanationInput("w_C", weights.contribution), ExplanationInput("C", scored.contribution),
          ],
          result: .number(scored.quantitative),
          parameters: about
        )
      )
      steps.append(
        ExplanationStep(
          key: "outcome.completeness",
          quantity: "\(name): completeness c_o",
          formula: "c_o = Σ of the weights of the present dimensions",
          inputs: [],
          result: .number(scored.completeness),
          parameters: about
        )
      )
      steps.append(
        ExplanationStep(
          key: "outcome.class",
          quantity: "\(name): class",
          formula:
            "harm if harmful; else A (mitigation) or C (solution) if D > 0 and C > 0; else B if g ≥ 1; else none",
          inputs: [
            ExplanationInput(
              "harmful", outcome.harmful ? .word("yes", key: "yes") : .word("no", key: "no"), key: "harmful"),
            ExplanationInput(
              "nature", .word(outcome.nature.rawValue, key: "nature.\(outcome.nature.rawValue)"), key: "nature"),
            ExplanationInput("D", scored.depth), ExplanationInput("C", scored.contribution),
            ExplanationInput("g", scored.gapClosed),
          ],
          result: Self.word(scored.outcomeClass),
          parameters: about
        )
      )
      if let progress = scored.progressToTarget {
        steps.append(
          ExplanationStep(
            key: "outcome.progress",
            quantity: "\(name): progress to target",
            formula: "(actual − baseline) / (target − baseline), not clamped",
            inputs: [
              .word("actual", outcome.actual), .word("baseline", outcome.baseline), .word("target", outcome.target),
            ],
            result: .number(progress),
            note: "shown beside the scores, not part of them",
            noteKey: "not_scored",
            parameters: about
          )
        )
      }
      if let value = scored.socialValue {
        steps.append(
          ExplanationStep(
            key: "outcome.present_value",
            quantity: "\(name): present value PV_o",
            formula: "PV_o = Σ_{t=1}^{T} reach · proxy · (1−dw)(1−attr)(1−disp) · (1 − drop_off)^{t−1} / (1 + r)^t",
            inputs: [
              .word("reach", outcome.reach), .word("proxy", outcome.financialProxy),
              ExplanationInput("dw", outcome.deadweight), ExplanationInput("attr", outcome.attribution),
              ExplanationInput("disp", outcome.displacement ?? 0), .word("drop_off", outcome.dropOff ?? 0),
              ExplanationInput("T", outcome.durationYears.map(Double.init)),
              ExplanationInput("r", scheme.discountRate),
            ],
            result: .number(value),
            parameters: about
          )
        )
      }
    }

    for criterion in score.criteria {
      steps.append(
        ExplanationStep(
          key: "criterion.median",
          quantity: "criterion \(criterion.criterion): median",
          formula: "median of the ratings (mean of the two middle values for an even count)",
          inputs: criterion.values.enumerated().map {
            ExplanationInput("rating \($0.offset + 1)", $0.element, key: "rating", argument: "\($0.offset + 1)")
          },
          result: ExplanationValue(criterion.median),
          note: criterion.median == nil
            ? "unrated: counts 0"
            : (criterion.spread ?? 0) >= 2 ? "raters disagree: spread \(ExplanationValue(criterion.spread))" : nil,
          noteKey: criterion.median == nil ? "unrated" : "disagree",
          parameters: [
            ExplanationInput("criterion", .text(criterion.criterion)), ExplanationInput("spread", criterion.spread),
          ]
        )
      )
    }

    steps.append(
      ExplanationStep(
        key: "quantitative",
        quantity: "quantitative Q",
        formula: "Q = Σ_o share_o · Q_o",
        inputs: score.outcomes.flatMap {
          [.of("share", $0.id, .number($0.share)), ExplanationInput("Q(\($0.id))", $0.quantitative)]
        },
        result: .number(score.quantitative)
      )
    )
    steps.append(
      ExplanationStep(
        key: "qualitative",
        quantity: "qualitative L",
        formula: "L = 25 · Σ_c w_c · median_c, an unrated criterion counting 0",
        inputs: score.criteria.flatMap {
          [ExplanationInput("w(\($0.criterion))", $0.weight), .of("median", $0.criterion, ExplanationValue($0.median))]
        },
        result: .number(score.qualitative)
      )
    )
    steps.append(
      ExplanationStep(
        key: "depth",
        quantity: "depth",
        formula: "depth = Σ_o share_o · D_o, an absent D counting 0",
        inputs: score.outcomes.flatMap {
          [.of("share", $0.id, .number($0.share)), ExplanationInput("D(\($0.id))", $0.depth)]
        },
        result: .number(score.depth),
        note: "depth class \(score.depthClass.rawValue)",
        noteKey: "depth_class",
        parameters: [ExplanationInput("class", Self.word(score.depthClass))]
      )
    )
    steps.append(
      ExplanationStep(
        key: "evidence",
        quantity: "evidence factor E",
        formula: "E from the level of evidence: level 1 → \(evidenceText)",
        inputs: [
          ExplanationInput("evidence level", project.evidenceLevel.map(Double.init), key: "evidence_level")
        ],
        result: .number(score.evidenceFactor),
        note: project.evidenceLevel == nil ? "no level of evidence: counts as level 1" : nil,
        noteKey: "no_evidence",
        parameters: scheme.evidenceFactors.enumerated().map {
          ExplanationInput("level \($0.offset + 1)", $0.element, key: "level", argument: "\($0.offset + 1)")
        }
      )
    )
    steps.append(
      ExplanationStep(
        key: "mean_risk",
        quantity: "mean risk r̄",
        formula: "r̄ = mean of the rated risks (0–3)",
        inputs: project.risks.sorted { $0.key < $1.key }.map { ExplanationInput($0.key, Double($0.value)) },
        result: .number(score.meanRisk),
        note: score.ratedRiskCount == 0 ? "no risk rated: the scheme's unknown risk is used" : nil,
        noteKey: "no_risk"
      )
    )
    steps.append(
      ExplanationStep(
        key: "confidence",
        quantity: "confidence K",
        formula: "K = E · (1 − r̄ / 6)",
        inputs: [ExplanationInput("E", score.evidenceFactor), ExplanationInput("r̄", score.meanRisk)],
        result: .number(score.confidence)
      )
    )
    steps.append(
      ExplanationStep(
        key: "composite",
        quantity: "composite F",
        formula: "F = K · (α · Q + (1 − α) · L)",
        inputs: [
          ExplanationInput("K", score.confidence), ExplanationInput("α", scheme.blend),
          ExplanationInput("Q", score.quantitative), ExplanationInput("L", score.qualitative),
        ],
        result: .number(score.composite)
      )
    )
    steps.append(
      ExplanationStep(
        key: "completeness",
        quantity: "completeness",
        formula: "α · Σ_o share_o · c_o + (1 − α) · Σ_{c rated} w_c",
        inputs: [ExplanationInput("α", scheme.blend)],
        result: .number(score.completeness),
        note: score.insufficientData
          ? "below \(ExplanationValue.format(scheme.insufficientDataBelow)): insufficient data" : nil,
        noteKey: "insufficient",
        parameters: [ExplanationInput("threshold", scheme.insufficientDataBelow)]
      )
    )
    steps.append(
      ExplanationStep(
        key: "impact_class",
        quantity: "impact class",
        formula: "harm if any outcome is harm; else C, B, A in that order; else none",
        inputs: score.outcomes.map { .of("class", $0.id, Self.word($0.outcomeClass)) },
        result: Self.word(score.impactClass)
      )
    )
    steps.append(
      ExplanationStep(
        key: "rank_score",
        quantity: "rank score",
        formula: "0 for class harm, F otherwise",
        inputs: [
          ExplanationInput("F", score.composite), ExplanationInput("class", Self.word(score.impactClass), key: "class"),
        ],
        result: .number(score.rankScore),
        note: score.impactClass == .harm ? "a harmful outcome gates the project out of the ranking" : nil,
        noteKey: "harm_gate"
      )
    )
    steps.append(
      ExplanationStep(
        key: "social_value",
        quantity: "social value",
        formula: "Σ_o PV_o over the outcomes with financial_proxy, reach, duration_years, deadweight and attribution",
        inputs: score.outcomes.compactMap { outcome in
          outcome.socialValue.map { ExplanationInput("PV(\(outcome.id))", $0) }
        },
        result: ExplanationValue(score.socialValue),
        note: score.socialValue == nil ? "no outcome has every input a present value needs" : nil,
        noteKey: "no_social_value"
      )
    )
    steps.append(
      ExplanationStep(
        key: "sroi",
        quantity: "SROI",
        formula: "social value / amount",
        inputs: [
          ExplanationInput("social value", score.socialValue, key: "social_value"),
          ExplanationInput("amount", score.amount, key: "amount"),
        ],
        result: ExplanationValue(score.sroi),
        note: score.sroi == nil ? "absent: no social value or a zero amount" : nil,
        noteKey: "no_sroi"
      )
    )

    return ScoreExplanation(projectID: project.id, schemeID: scheme.id, score: score, steps: steps)
  }

  /// A class as an explanation word, keyed `impact_class.<name in lowercase>`.
  private static func word(_ value: ImpactClass) -> ExplanationValue {
    .word(value.rawValue, key: "impact_class.\(value.rawValue.lowercased())")
  }

  /// A depth class as an explanation word, keyed `depth_class.<name>`.
  private static func word(_ value: DepthClass) -> ExplanationValue {
    .word(value.rawValue, key: "depth_class.\(value.rawValue)")
  }

  private var evidenceText: String {
    scheme.evidenceFactors.enumerated()
      .map { "level \($0.offset + 1): \(ExplanationValue.format($0.element))" }
      .joined(separator: ", ")
  }
}
