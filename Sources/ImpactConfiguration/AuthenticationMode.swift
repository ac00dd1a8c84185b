/// Whether the daemon asks callers for credentials.
public enum AuthenticationMode: String, Sendable, Hashable, CaseIterable {
  /// Needed when listening beyond loopback, not on loopback (the default).
  case auto
  /// Always needed.
  case on
  /// Never needed; every caller is `local` with every right. Refused beyond loopback unless
  /// insecure remote access is allowed.
  case off
}
