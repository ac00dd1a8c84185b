import Analytics
import GRPCCore
import ImpactAPI

/// A project as people name it on the command line: its id, or the start of its id or name
/// when that start is unique (`pension-de-famille-r`, `pension de famille – ren`,
/// `Halte`), compared ignoring case and accents.
///
/// The id is tried first, so an exact id costs nothing more; the daemon's search then narrows
/// the candidates (ListProjects `query`), and the prefix picks among them.
enum ProjectReference {
  /// Runs `body` with the project's id: `text` itself, or, when the daemon knows no project by
  /// that id, the one project whose id or name starts with `text`.
  ///
  /// - Throws: ``CommandFailure`` with exit 65 listing the candidates when several projects
  ///   match, 66 when none does; whatever `body` throws otherwise.
  static func withProject<Result: Sendable>(
    _ text: String, client: ImpactConnection.Client, connection: ImpactConnection,
    _ body: (String) async throws -> Result
  ) async throws -> Result {
    do {
      return try await body(text)
    } catch let error as RPCError where error.code == .notFound {
      let id = try await resolve(text, client: client, connection: connection, notFound: error)
      guard id != text else { throw error }
      return try await body(id)
    }
  }

  /// The id of the project `text` names: itself when it is an id, else the one project whose
  /// id or name starts with it. For commands that send several ids in one request (compare,
  /// whatif --remove), where the daemon's not-found does not say which one was missing.
  static func id(_ text: String, client: ImpactConnection.Client, connection: ImpactConnection) async throws -> String {
    try await resolve(
      text, client: client, connection: connection,
      notFound: RPCError(code: .notFound, message: "project '\(text)' not found"))
  }

  /// Like ``id(_:client:connection:)``, but `text` itself when no project starts with it: for
  /// filters that may name a project the portfolio no longer holds (`audit --project` of a
  /// deleted one) or does not hold yet (`watch --project`). Several candidates still fail (65).
  static func idOrTyped(
    _ text: String, client: ImpactConnection.Client, connection: ImpactConnection
  ) async throws
    -> String
  {
    do {
      return try await id(text, client: client, connection: connection)
    } catch let failure as CommandFailure where failure.status == .notFound {
      return text
    } catch let error as RPCError where error.code == .notFound {
      return text
    }
  }

  /// The id of the one project whose id or name starts with `text`.
  static func resolve(
    _ text: String, client: ImpactConnection.Client, connection: ImpactConnection, notFound: RPCError
  ) async throws -> String {
    let key = SearchKey(text)
    guard !key.text.isEmpty else { throw notFound }
    var request = Impact_V1_ListProjectsRequest()
    request.query = text
    let listed = try await ProjectListing.all(request, client: client, connection: connection)
    let candidates = listed.projects
      .filter { SearchKey($0.id).hasPrefix(key) || SearchKey($0.name).hasPrefix(key) }
      .map { (id: $0.id, name: $0.name) }
    if let exact = candidates.first(where: { SearchKey($0.id) == key }) { return exact.id }
    switch candidates.count {
    case 0:
      throw CommandFailure(.notFound, .l("lookup.none", ["text": text]))
    case 1:
      return candidates[0].id
    default:
      let shown = candidates.prefix(10).map { "  \($0.id)  \($0.name)" }
      var lines = shown.joined(separator: "\n")
      if candidates.count > shown.count { lines += "\n  …" }
      throw CommandFailure(
        .invalidInput, .l("lookup.ambiguous", ["text": text, "count": "\(candidates.count)", "candidates": lines]))
    }
  }
}
