import GRPCCore
import GRPCProtobuf

extension RPCError {
  /// The daemon's message for a person reading `language`: the `LocalizedMessage` of the
  /// `google.rpc.Status` details when its locale is that language (the daemon sends one in the
  /// language of `accept-language`), else the English `message`. Nil when the error carries
  /// no such message (a transport error, an older daemon), so the caller words it as before.
  func localizedMessage(for language: DisplayLanguage) -> String? {
    guard let status = try? unpackGoogleRPCStatus() else { return nil }
    for detail in status.details {
      guard let localized = detail.localizedMessage, !localized.message.isEmpty else { continue }
      let primary = localized.locale.prefix { $0 != "-" && $0 != "_" }.lowercased()
      if primary == language.rawValue { return localized.message }
    }
    return nil
  }
}
