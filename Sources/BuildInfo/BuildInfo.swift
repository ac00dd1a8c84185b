/// What this build of impact is: the version and the git commit it was built from.
///
/// The commit is stamped by `BuildCommitPlugin` before each build (`unknown` outside a git
/// checkout, with `-dirty` when the sources had uncommitted changes). This target holds
/// nothing else, so a new commit recompiles only this file before linking.
public enum BuildInfo {
  /// The release version, the one `impact status` and `impactd --version` show.
  public static let version = "0.1.0"
  /// The abbreviated git commit of the sources, or `unknown`.
  public static let commit = buildCommit
}
