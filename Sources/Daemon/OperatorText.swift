import DaemonCore
import Foundation
import ImpactConfiguration
import ImpactPostgres
import Localization

/// The texts `impactd` writes for the person running it (start-up failures, what an
/// administration command acted on), in the language of IMPACT_LANG or the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`), English otherwise. Logs stay in English: they are read
/// by tools as much as by people.
enum OperatorText {
  static var localizer: Localizer {
    .ofProcessEnvironment
  }

  /// The text of `key` for a help page (an abstract, an option's help).
  static func help(_ key: String, _ values: [String: String] = [:]) -> String {
    localizer(key, values)
  }

  /// `impactd: <text>` on standard error.
  static func write(_ key: String, _ values: [String: String] = [:]) {
    FileHandle.standardError.write(Data("impactd: \(localizer(key, values))\n".utf8))
  }

  /// A start-up failure in words an operator acts on.
  static func write(_ error: DaemonStartError) {
    let l = localizer
    let endpoint = l(error.endpoint == "metrics" ? "impactd.endpoint.metrics" : "impactd.endpoint.grpc")
    let values = ["address": "\(error.address)", "endpoint": endpoint, "option": error.option]
    switch error.reason {
    case .inUse: write("impactd.address-in-use", values)
    case .cannotListen(let cause): write("impactd.cannot-listen", values.merging(["reason": cause]) { $1 })
    }
  }

  /// The values of `impactd.database-unreachable` for a PostgreSQL failure: its location, and
  /// the reason in the operator's language when it is ours to word, else as the server gave it.
  static func unreachable(_ failure: PostgresFailure) -> [String: String] {
    ["location": failure.location.description, "reason": failure.reasonKey.map { localizer($0) } ?? failure.reason]
  }
}
