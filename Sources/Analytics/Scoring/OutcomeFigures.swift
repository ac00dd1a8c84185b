/// The numbers of one outcome's score, without its ids: what the project figures and the
/// outcome breakdown are both built from, so the two always agree.
struct OutcomeFigures {
  var scale: Double?
  var depth: Double?
  var duration: Double?
  var contribution: Double?
  var quantitative: Double
  var completeness: Double
  var depthClass: DepthClass
  var outcomeClass: ImpactClass
  var gapClosed: Double?
  var progressToTarget: Double?
  var socialValue: Double?
}
