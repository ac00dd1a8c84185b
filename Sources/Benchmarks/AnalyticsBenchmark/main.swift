// Measures the scoring and portfolio figures against the targets of issue 2 item 7, on one
// core, on a generated portfolio: `swift run -c release impact-bench-analytics [--projects N]
// [--iterations K] [--only rescore]`.
import Analytics
import ArgumentParser
import Foundation
import SyntheticData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The options, read by ArgumentParser: a value that is not a number, or out of range, is an
/// error with the usage, never silently replaced by the default.
struct Options: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impact-bench-analytics",
    abstract: "Measures scoring and the portfolio figures on one core (see docs/benchmarks.md)."
  )

  /// What `--only` may restrict the run to.
  enum Measure: String, ExpressibleByArgument {
    /// Only the full rescore, for profiling it alone.
    case rescore
  }

  @Option(help: "Projects in the generated portfolio.")
  var projects = 100_000

  @Option(help: "Runs of each measure.")
  var iterations = 7

  @Option(help: "Seed of the generated portfolio.")
  var seed: UInt64 = 42

  @Option(help: "Measure only this (rescore).")
  var only: Measure?

  /// Only the full rescore is measured, for profiling it alone.
  var onlyRescore: Bool { only == .rescore }

  func validate() throws {
    guard projects >= 1 else { throw ValidationError("--projects must be at least 1, got \(projects)") }
    guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1, got \(iterations)") }
  }
}

/// The calling thread's CPU time in milliseconds: on a shared machine it leaves out the time
/// other processes hold the core, which wall time does not.
func threadCPUMilliseconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1e6
}

/// Milliseconds taken by `body` (CPU time of this thread, and wall time), the result kept
/// alive until after the clocks stop.
func measure<Result>(_ body: () -> Result) -> (milliseconds: Double, wall: Double, result: Result) {
  let start = ContinuousClock.now
  let cpuStart = threadCPUMilliseconds()
  let result = body()
  let cpu = threadCPUMilliseconds() - cpuStart
  let (seconds, attoseconds) = (ContinuousClock.now - start).components
  return (cpu, Double(seconds) * 1_000 + Double(attoseconds) / 1e15, result)
}

var wallTimes: [String: [Double]] = [:]

func statistics(_ samples: [Double]) -> (min: Double, median: Double) {
  let sorted = samples.sorted()
  return (sorted.first ?? 0, sorted[sorted.count / 2])
}

/// The bytes a cached score holds of its own: its stride, plus the outcome and criterion
/// arrays when they are stored in it (counted at their capacity with glibc's 16-byte chunk
/// header and 16-byte rounding). A scorer's scores store none: they share the project's
/// outcome and rating arrays, which the cache keeps anyway. (`mallinfo2` is not in the Glibc
/// module Swift imports, so the resident set size is measured beside this.)
func footprint(of score: ProjectScore, sharesProjectArrays: Bool) -> Int {
  func chunk(_ payload: Int) -> Int { (payload + 16 + 15) / 16 * 16 }
  let header = 32
  var bytes = MemoryLayout<ProjectScore>.stride
  guard !sharesProjectArrays else { return bytes }
  let outcomes = score.outcomes
  let criteria = score.criteria
  bytes += chunk(header + outcomes.capacity * MemoryLayout<OutcomeScore>.stride)
  bytes += chunk(header + criteria.capacity * MemoryLayout<CriterionScore>.stride)
  bytes += chunk(header + criteria.reduce(0) { $0 + $1.values.count } * MemoryLayout<Double>.stride)
  return bytes
}

func residentBytes() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

func row(_ name: String, _ value: String, _ wall: String, _ target: String) {
  let padded = { (text: String, width: Int) in text + String(repeating: " ", count: max(0, width - text.count)) }
  print("| \(padded(name, 44)) | \(padded(value, 20)) | \(padded(wall, 20)) | \(padded(target, 10)) |")
}

@MainActor func timing(_ name: String, _ samples: [Double], _ key: String, _ target: String) {
  let cpu = statistics(samples)
  let wall = statistics(wallTimes[key] ?? [0])
  row(name, "\(format(cpu.min)) / \(format(cpu.median))", "\(format(wall.min)) / \(format(wall.median))", target)
}

func format(_ value: Double) -> String {
  String(format: "%.2f", value)
}

let options = Options.parseOrExit()
let scheme = Scheme.impactV1
let scorer = ProjectScorer(scheme: scheme)
let analyzer = PortfolioAnalyzer(scheme: scheme)

let generation = measure { SyntheticPortfolio.generate(projects: options.projects, seed: options.seed) }
var projects = generation.result
let outcomeCount = projects.reduce(0) { $0 + $1.outcomes.count }
let ratingCount = projects.reduce(0) { $0 + $1.ratings.count }

// Memory of the score cache: heap in use before and after building it.
let residentBefore = residentBytes()
var scores = scorer.score(projects)
let residentAfter = residentBytes()
let cacheBytes = scores.reduce(0) { $0 + footprint(of: $1, sharesProjectArrays: true) }

var rescore: [Double] = []
for _ in 0..<options.iterations {
  let run = measure { scorer.score(projects) }
  rescore.append(run.milliseconds)
  wallTimes["rescore", default: []].append(run.wall)
  withExtendedLifetime(run.result) {}
}

if options.onlyRescore {
  print(
    "impact-bench-analytics: \(options.projects) projects, \(outcomeCount) outcomes, \(ratingCount) ratings, seed \(options.seed), \(options.iterations) iterations, one core"
  )
  row("measure", "CPU ms min / median", "wall ms min / median", "target")
  timing("full rescore", rescore, "rescore", "≤ \(format(100 * Double(options.projects) / 100_000))")
  exit(0)
}

var summaryTimes: [Double] = []
var summary = analyzer.summary(of: scores)
for _ in 0..<options.iterations {
  let run = measure { analyzer.summary(of: scores) }
  summaryTimes.append(run.milliseconds)
  wallTimes["summaryTimes", default: []].append(run.wall)
  summary = run.result
}

let funded = ProjectFilter(statuses: [.funded])
var filteredTimes: [Double] = []
for _ in 0..<options.iterations {
  let run = measure { analyzer.summary(of: scores, filter: funded) }
  filteredTimes.append(run.milliseconds)
  wallTimes["filteredTimes", default: []].append(run.wall)
  withExtendedLifetime(run.result) {}
}

// One project changes: rescore it in place in the cache, then recompute the portfolio figures.
var changeTimes: [Double] = []
for iteration in 0..<options.iterations {
  let position = (iteration * 7_919) % projects.count
  var project = projects[position]
  project.record(Rating(criterion: "systemic", rater: "zoe", value: Double(iteration % 5)))
  if let reach = project.outcomes[0].reach { project.outcomes[0].reach = reach + 1 }
  projects[position] = project
  let run = measure {
    scores[position] = scorer.score(project)
    return analyzer.summary(of: scores)
  }
  changeTimes.append(run.milliseconds)
  wallTimes["changeTimes", default: []].append(run.wall)
  summary = run.result
}

// The same change through a PortfolioIndex, which keeps the sums of the figures up to date.
var portfolioIndex = PortfolioIndex(scheme: scheme, scores: scores)
var indexChangeTimes: [Double] = []
for iteration in 0..<options.iterations {
  let position = (iteration * 7_919 + 13) % projects.count
  var project = projects[position]
  project.record(Rating(criterion: "who", rater: "zoe", value: Double(iteration % 5)))
  projects[position] = project
  scores[position] = scorer.score(project)
  let run = measure {
    portfolioIndex.replace(at: position, with: scorer.score(project))
    return portfolioIndex.summary()
  }
  indexChangeTimes.append(run.milliseconds)
  wallTimes["indexChangeTimes", default: []].append(run.wall)
  summary = run.result
}

var rankingTimes: [Double] = []
for _ in 0..<options.iterations {
  let run = measure { analyzer.ranking(of: scores) }
  rankingTimes.append(run.milliseconds)
  wallTimes["rankingTimes", default: []].append(run.wall)
  withExtendedLifetime(run.result) {}
}

let simulator = WhatIfSimulator(scheme: scheme)
var whatIfTimes: [Double] = []
for iteration in 0..<max(1, options.iterations / 2) {
  var project = projects[iteration]
  project.amount += 10_000
  let change = WhatIfChange.replace(project)
  let run = measure { try? simulator.simulate([change], on: scores) }
  whatIfTimes.append(run.milliseconds)
  wallTimes["whatIfTimes", default: []].append(run.wall)
  withExtendedLifetime(run.result) {}
}

let explainTime = measure { scorer.explain(projects[0]) }

let perProjectHeap = Double(cacheBytes) / Double(scores.count)
let perProjectResident = Double(residentAfter - residentBefore) / Double(scores.count)
let share = Double(options.projects) / 100_000

print(
  "impact-bench-analytics: \(options.projects) projects, \(outcomeCount) outcomes, \(ratingCount) ratings, seed \(options.seed), \(options.iterations) iterations, one core"
)
print(
  "generated in \(format(generation.milliseconds)) ms; weighted composite \(format(summary.weightedComposite)), coverage \(format(summary.coverage))"
)
print("")
row("measure", "CPU ms min / median", "wall ms min / median", "target")
row(
  String(repeating: "-", count: 44), String(repeating: "-", count: 20), String(repeating: "-", count: 20),
  String(repeating: "-", count: 10))
timing("full rescore", rescore, "rescore", "≤ \(format(100 * share))")
timing("portfolio summary, all projects", summaryTimes, "summaryTimes", "")
timing("portfolio summary, status funded", filteredTimes, "filteredTimes", "")
timing("one change rescored + portfolio figures", changeTimes, "changeTimes", "≤ 5.00")
timing("one change, PortfolioIndex + portfolio figures", indexChangeTimes, "indexChangeTimes", "≤ 5.00")
timing("ranking, all projects", rankingTimes, "rankingTimes", "")
timing("what-if, one replace", whatIfTimes, "whatIfTimes", "")
row("explain one project", format(explainTime.milliseconds), format(explainTime.wall), "")
row(
  "score cache, counted bytes per project", String(format: "%.0f", perProjectHeap),
  "stride \(MemoryLayout<ProjectScore>.stride)", "≤ 2048")
row("score cache, RSS bytes per project", String(format: "%.0f", perProjectResident), "", "≤ 2048")

// Issue 12: a diff of two states with attribution, from scratch (both states scored), on
// every core (`lanes` below) as the daemon runs it; CPU time is the calling thread's only.
let diffBefore = PortfolioState(scheme: scheme, projects: projects)
let diffScenarios: [(String, String, PortfolioState)] = [
  (
    "diff, 1 000 edits + 100 added + 100 removed", "diffSameScheme",
    DiffBenchmark.laterState(projects, seed: options.seed, scheme: scheme)
  ),
  (
    "diff, the same and a scheme change", "diffNewScheme",
    DiffBenchmark.laterState(projects, seed: options.seed, scheme: DiffBenchmark.revisedScheme)
  ),
  (
    "diff, every project in all 4 groups", "diffEverything",
    DiffBenchmark.everythingChanged(projects, scheme: DiffBenchmark.revisedScheme)
  ),
]
let differ = PortfolioDiffer(lanes: DiffBenchmark.lanes)
for (name, key, later) in diffScenarios {
  var samples: [Double] = []
  for _ in 0..<max(1, options.iterations / 2) {
    let run = measure { differ.diff(from: diffBefore, to: later) }
    samples.append(run.milliseconds)
    wallTimes[key, default: []].append(run.wall)
    withExtendedLifetime(run.result) {}
  }
  timing("\(name), \(DiffBenchmark.lanes) lanes", samples, key, "wall ≤ \(format(2_000 * share))")
}

// Issue 12: a snapshot's frozen document, written and read back (`impact snapshot create`,
// `--at NAME` the first time).
var encodeTimes: [Double] = []
var encoded = Data()
for _ in 0..<max(1, options.iterations / 2) {
  let run = measure { PortfolioJSON.encode(PortfolioDocument(scheme: scheme, projects: projects, revision: 1)) }
  encodeTimes.append(run.milliseconds)
  wallTimes["encodeTimes", default: []].append(run.wall)
  encoded = run.result
}
timing("portfolio document, encode (\(encoded.count / 1_000_000) MB)", encodeTimes, "encodeTimes", "")
var decodeTimes: [Double] = []
for _ in 0..<max(1, options.iterations / 2) {
  let run = measure { try? PortfolioJSON.decode(encoded, source: "benchmark") }
  decodeTimes.append(run.milliseconds)
  wallTimes["decodeTimes", default: []].append(run.wall)
  withExtendedLifetime(run.result) {}
}
timing("portfolio document, decode", decodeTimes, "decodeTimes", "")
var binaryEncodeTimes: [Double] = []
var binary: [UInt8] = []
for _ in 0..<max(1, options.iterations / 2) {
  let run = measure { ProjectsBinary.encode(projects) }
  binaryEncodeTimes.append(run.milliseconds)
  wallTimes["binaryEncodeTimes", default: []].append(run.wall)
  binary = run.result
}
timing("projects binary, encode (\(binary.count / 1_000_000) MB)", binaryEncodeTimes, "binaryEncodeTimes", "")
var binaryDecodeTimes: [Double] = []
for _ in 0..<max(1, options.iterations / 2) {
  let run = measure { try? ProjectsBinary.decode(binary) }
  binaryDecodeTimes.append(run.milliseconds)
  wallTimes["binaryDecodeTimes", default: []].append(run.wall)
  withExtendedLifetime(run.result) {}
}
timing("projects binary, decode", binaryDecodeTimes, "binaryDecodeTimes", "")

// Issue 16: the framework check over the whole portfolio (`CheckFramework`): one impact per
// domain with the bank's indicators of that domain, every outcome linked to its domain's
// impact, a matrix per programme; with the scores the daemon holds.
let bank = IndicatorBank.shipped
let benchFramework = Framework(
  organization: "benchmark", mission: "benchmark",
  objectives: [
    StrategicObjective(
      id: "os", name: "os",
      operationalObjectives: [
        OperationalObjective(id: "oo", name: "oo", activities: [FrameworkActivity(id: "act", name: "act")])
      ])
  ],
  impacts: scheme.domains.map { domain in
    ExpectedImpact(
      id: "imp-\(domain.id)", name: domain.id, level: .intermediate, stakeholder: "people", domain: domain.id,
      activityIDs: ["act"],
      indicators: bank.indicators.filter { $0.domains.contains(domain.id) }.prefix(3).map {
        FrameworkIndicator(id: $0.id, bankID: $0.id, status: .wanted, owner: "benchmark", frequency: "yearly")
      })
  },
  programmes: Array(Set(projects.map(\.programme))).sorted().map {
    FrameworkProgramme(programme: $0, commonImpacts: scheme.domains.prefix(3).map { "imp-\($0.id)" })
  })
var linked = projects
for index in linked.indices {
  for outcome in linked[index].outcomes.indices {
    linked[index].outcomes[outcome].impactID = "imp-\(linked[index].outcomes[outcome].domain)"
  }
}
let linkedScores = scorer.score(linked)
var frameworkTimes: [Double] = []
for _ in 0..<max(1, options.iterations / 2) {
  let run = measure {
    FrameworkCheck(framework: benchFramework, projects: linked, scheme: scheme, scores: linkedScores)
  }
  frameworkTimes.append(run.milliseconds)
  wallTimes["frameworkTimes", default: []].append(run.wall)
  withExtendedLifetime(run.result) {}
}
timing(
  "framework check, \(benchFramework.impacts.count) impacts, \(benchFramework.programmes.count) programmes",
  frameworkTimes, "frameworkTimes", "")
