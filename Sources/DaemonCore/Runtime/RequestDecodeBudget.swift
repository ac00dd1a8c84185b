import GRPCCore
import ImpactAPI
import ImpactRPC

/// The memory one request message may take once decoded, judged from its bytes before it is
/// decoded (``DecodeEstimate``): a message of a few MiB made of tiny items (a million empty
/// outcomes, half a million risk types) would otherwise take hundreds of MiB and seconds of
/// CPU to decode before any check could refuse it.
///
/// Every method gets ``ordinaryBytes``, except ImportPortfolio, whose message is one document
/// text (JSON or CSV tables): the values of its document are counted in the message's bytes
/// instead (``ImportDocumentBudget``), so a document too large for one message is refused
/// before its text is even decoded (`docs/operations.md`, *Cost of one request*).
struct RequestDecodeBudget: Sendable {
  /// The most a request of an ordinary method may take once decoded, in bytes.
  static let ordinaryBytes = 16 << 20
  /// The methods whose request is a document, judged by the importer instead.
  static let documentMethods: Set<String> = ["impact.v1.PortfolioService/ImportPortfolio"]

  let schema: WireSchema

  init(schema: WireSchema = .api) {
    self.schema = schema
  }

  /// The budget of `method` (`package.Service/Method`); nil for a method not judged here.
  func budget(of method: String) -> Int? {
    Self.documentMethods.contains(method) ? nil : Self.ordinaryBytes
  }

  /// Refuses `bytes`, a request message of `method`, when decoding it would take more than
  /// the method's budget.
  func check(_ bytes: some GRPCContiguousBytes, method: String) throws {
    guard let budget = budget(of: method) else {
      if method == "impact.v1.PortfolioService/ImportPortfolio" { try bytes.withUnsafeBytes(Self.checkImportDocument) }
      return
    }
    let estimate = bytes.withUnsafeBytes { buffer in
      DecodeEstimate.bytes(of: buffer, requestOf: method, schema: schema, budget: budget)
    }
    guard let estimate, estimate > budget else { return }
    throw Self.refusal(estimate: estimate, budget: budget)
  }

  /// Counts the values of an ImportPortfolioRequest's document (`json_document = 1`, or the
  /// tables of `csv = 2`) in its bytes.
  static func checkImportDocument(_ message: UnsafeRawBufferPointer) throws {
    var counted = 0
    try WireFields.forEachLengthDelimited(in: message) { number, value in
      switch number {
      case 1:
        try ImportDocumentBudget.check(value, field: "json_document", csv: false, counted: &counted)
      case 2:
        try WireFields.forEachLengthDelimited(in: value) { table, text in
          guard (1...3).contains(table) else { return }
          let field = ["csv.projects", "csv.outcomes", "csv.ratings"][table - 1]
          try ImportDocumentBudget.check(text, field: field, csv: true, counted: &counted)
        }
      default:
        return
      }
    }
  }

  static func refusal(estimate: Int, budget: Int) -> RequestFieldError {
    let mebibytes = { (bytes: Int) in String((bytes + (1 << 20) - 1) >> 20) }
    // The walk stops just past the budget: the estimate said is "more than".
    return RPCErrorFactory.tooLarge(
      "",
      "this request would take more than \(mebibytes(budget)) MiB of memory once decoded "
        + "(at least \(mebibytes(estimate)) MiB); send fewer or smaller items",
      rule: "decode_budget", values: ["limit": mebibytes(budget), "value": mebibytes(estimate)])
  }
}
