@testable import Reports

/// Small portfolios for the chart and page tests.
enum ReportFixtures {
  static let scheme = ReportScheme(
    id: "impact-v1",
    domains: [
      .init(id: "basic_needs", label: "Besoins essentiels", strategic: true),
      .init(id: "health", label: "Santé et bien-être", strategic: true),
      .init(id: "autonomy", label: "Autonomie et pouvoir d'agir des personnes accompagnées", strategic: true),
      .init(id: "environment", label: "Transition écologique", strategic: false),
    ],
    criteria: [
      .init(id: "what", label: "Importance", weight: 0.5, levels: ["nulle", "faible", "moyenne", "forte", "vitale"]),
      .init(id: "who", label: "Public", weight: 0.5, levels: ["", "", "", "", ""]),
    ],
    dimensionWeights: [0.2, 0.3, 0.15, 0.35], blend: 0.5, reachReference: 10_000, durationHorizonYears: 5,
    evidenceFactors: [0.6, 0.7, 0.8, 0.9, 1], riskTypes: [.init(id: "external", label: "externe", strategic: false)],
    unknownRisk: 1.5,
    coverageThreshold: 0.05, insufficientDataBelow: 0.6, discountRate: 0.035)

  static func project(
    _ index: Int, composite: Double, amount: Double, impactClass: String = "C", name: String? = nil
  ) -> ProjectEntry {
    ProjectEntry(
      id: "p\(index)", name: name ?? "Projet numéro \(index) – <Lyon & Villeurbanne>", status: "funded",
      programme: "Insertion",
      territory: "Rhône", amount: amount, rank: index, rankScore: impactClass == "harm" ? 0 : composite,
      composite: composite,
      quantitative: composite, qualitative: composite, confidence: 0.7, depth: 2, depthClass: "significant",
      completeness: 0.8,
      insufficientData: index % 3 == 0, impactClass: impactClass, contribution: 0, reach: Double(index * 100),
      socialValue: nil,
      sroi: nil, dimensions: [2, 2.5, 1, 3], missingDimensions: [0, 1, 0, 0], outcomeCount: 2, criteria: [3, nil])
  }

  static func figures(projects: Int, amount: Double) -> PortfolioFigures {
    PortfolioFigures(
      projects: projects, totalAmount: amount, weightedComposite: 41.25, weightedQuantitative: 50,
      weightedQualitative: 30,
      weightedDepth: 1.5, hhi: 0.4, effectiveDomains: 2.5, coverage: 2.0 / 3, deepCoverage: 1.0 / 3,
      socialValue: 1_234_567.5,
      sroi: 2.5, exposure: ["basic_needs": 0.6, "health": 0.4],
      impactWeightedExposure: ["basic_needs": 0.7, "health": 0.3],
      coveredDomains: ["basic_needs", "health"], gaps: ["autonomy"],
      matrix: [
        .init(domain: "basic_needs", depthClass: "deep", outcomes: 3, amount: 500_000),
        .init(domain: "health", depthClass: "marginal", outcomes: 1, amount: 20_000),
      ])
  }

  static func portfolio(count: Int) -> PortfolioReportInput {
    var projects = (1...max(count, 1)).map {
      project($0, composite: Double(100 - ($0 % 100)) * 0.8, amount: Double(10_000 * ($0 % 40 + 1)))
    }
    if count == 0 { projects = [] }
    let total = projects.map(\.amount).reduce(0, +)
    for index in projects.indices { projects[index].contribution = total > 0 ? projects[index].amount / total : 0 }
    return PortfolioReportInput(
      identity: ReportIdentity(
        title: "Portefeuille <test>", revision: 7, schemeID: "impact-v1", generatedAt: "2026-06-30T09:00:00Z"),
      scheme: scheme, figures: figures(projects: projects.count, amount: total), projects: projects)
  }
}
