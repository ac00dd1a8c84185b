extension Scheme {
  /// The default scheme, `impact-v1`, with the constants of the method.
  public static let impactV1 = Scheme(
    id: "impact-v1",
    reachReference: 10_000,
    durationHorizonYears: 5,
    quantitativeWeights: QuantitativeWeights(scale: 0.20, depth: 0.30, duration: 0.15, contribution: 0.35),
    criteria: [
      Criterion(
        id: "what",
        weight: 0.30,
        label: LocalizedText(fr: "Importance du changement", en: "Importance of the outcome"),
        levels: [
          0: LocalizedText(
            fr: "Sans importance pour les personnes concernées", en: "Of no importance to the people concerned"),
          1: LocalizedText(fr: "Secondaire pour les personnes concernées", en: "Secondary to the people concerned"),
          2: LocalizedText(fr: "Utile, sans être prioritaire", en: "Useful, not a priority"),
          3: LocalizedText(
            fr: "Important, exprimé par les personnes concernées", en: "Important, voiced by the people concerned"),
          4: LocalizedText(
            fr: "Essentiel : un besoin vital ou un droit fondamental",
            en: "Essential: a vital need or a fundamental right"),
        ]
      ),
      Criterion(
        id: "who",
        weight: 0.30,
        label: LocalizedText(fr: "Publics peu servis", en: "Underserved people"),
        levels: [
          0: LocalizedText(fr: "Public déjà bien servi", en: "People already well served"),
          1: LocalizedText(
            fr: "Public en partie servi par l'offre existante", en: "People partly served by existing provision"),
          2: LocalizedText(fr: "Public mal servi sur le territoire", en: "People poorly served locally"),
          3: LocalizedText(fr: "Public très éloigné des dispositifs", en: "People far from any provision"),
          4: LocalizedText(
            fr: "Public invisible ou exclu de toute aide", en: "People invisible to or excluded from all help"),
        ]
      ),
      Criterion(
        id: "participation",
        weight: 0.20,
        label: LocalizedText(fr: "Participation des personnes", en: "Participation"),
        levels: [
          0: LocalizedText(fr: "Action conçue et menée sans les personnes", en: "Designed and run without the people"),
          1: LocalizedText(fr: "Personnes informées", en: "People informed"),
          2: LocalizedText(fr: "Personnes consultées", en: "People consulted"),
          3: LocalizedText(fr: "Personnes associées aux décisions", en: "People involved in decisions"),
          4: LocalizedText(fr: "Action co-construite et co-pilotée", en: "Action co-designed and co-led"),
        ]
      ),
      Criterion(
        id: "systemic",
        weight: 0.20,
        label: LocalizedText(fr: "Changement systémique", en: "Systemic change"),
        levels: [
          0: LocalizedText(fr: "Aucun effet au-delà des bénéficiaires", en: "No effect beyond the beneficiaries"),
          1: LocalizedText(fr: "Effet sur les pratiques de l'équipe", en: "Changes the team's own practice"),
          2: LocalizedText(fr: "Effet sur les partenaires locaux", en: "Changes local partners' practice"),
          3: LocalizedText(
            fr: "Change les représentations ou les politiques locales", en: "Changes representations or local policy"),
          4: LocalizedText(
            fr: "Change les institutions ou les politiques publiques", en: "Changes institutions or public policy"),
        ]
      ),
    ],
    blend: 0.5,
    evidenceFactors: [0.6, 0.7, 0.8, 0.9, 1.0],
    riskTypes: [
      "external", "stakeholder_participation", "drop_off", "efficiency",
      "execution", "alignment", "endurance", "unexpected_impact",
    ],
    unknownRisk: 1.5,
    coverageThreshold: 0.05,
    insufficientDataBelow: 0.6,
    discountRate: 0.035,
    domains: [
      Domain(id: "basic_needs", label: LocalizedText(fr: "Besoins essentiels", en: "Basic needs")),
      Domain(id: "health", label: LocalizedText(fr: "Santé et bien-être", en: "Health and well-being")),
      Domain(id: "social_link", label: LocalizedText(fr: "Lien social", en: "Social connection")),
      Domain(id: "autonomy", label: LocalizedText(fr: "Autonomie et pouvoir d'agir", en: "Autonomy and agency")),
      Domain(id: "rights", label: LocalizedText(fr: "Accès aux droits", en: "Access to rights")),
      Domain(id: "employment", label: LocalizedText(fr: "Insertion professionnelle", en: "Employment")),
      Domain(id: "education", label: LocalizedText(fr: "Éducation et formation", en: "Education")),
      Domain(id: "engagement", label: LocalizedText(fr: "Engagement citoyen", en: "Civic engagement")),
      Domain(id: "resilience", label: LocalizedText(fr: "Résilience face aux crises", en: "Crisis resilience")),
      Domain(id: "environment", label: LocalizedText(fr: "Transition écologique", en: "Environment")),
    ]
  )
}
