public import Logging
public import PostgresNIO

/// The tables of the portfolio in PostgreSQL: the same concepts, columns and checks as the
/// SQLite schema at its latest migration (`StorageSchema.swift`, docs/storage.md), in
/// PostgreSQL's types. Timestamps stay in the stored text form both stores share
/// (`StoredTimestamp`); JSON documents stay text, kept byte for byte, and must parse.
///
/// Migrations are applied in order, each once, recorded in `impact_migrations`, inside one
/// transaction under an advisory lock: daemons starting together on one database apply them
/// once, and a failure leaves the database as it was.
public enum PostgresSchema {
  /// Every migration, in order: an identifier and its statements.
  static let migrations: [(identifier: String, statements: [String])] = [
    ("v1-portfolio", portfolio)
  ]

  /// The identifiers of the migrations this version knows, in order.
  public static var identifiers: [String] { migrations.map(\.identifier) }

  /// The lock key every migrating daemon takes (`pg_advisory_xact_lock`): "impact" in ASCII.
  static let lockKey: Int64 = 0x696D_7061_6374

  /// Applies the migrations `connection`'s database lacks; returns their identifiers.
  /// - Throws: what PostgreSQL refuses; nothing of a failed migration stays.
  @discardableResult
  public static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
    try await connection.query("BEGIN", logger: logger)
    do {
      try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
      try await connection.query(
        """
        CREATE TABLE IF NOT EXISTS impact_migrations (
          identifier TEXT PRIMARY KEY,
          applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """, logger: logger)
      var applied = Set<String>()
      for try await identifier in try await connection.query(
        "SELECT identifier FROM impact_migrations", logger: logger
      ).decode(String.self) {
        applied.insert(identifier)
      }
      var done: [String] = []
      for migration in migrations where !applied.contains(migration.identifier) {
        for statement in migration.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        try await connection.query(
          "INSERT INTO impact_migrations (identifier) VALUES (\(migration.identifier))", logger: logger)
        done.append(migration.identifier)
      }
      try await connection.query("COMMIT", logger: logger)
      return done
    } catch {
      _ = try? await connection.query("ROLLBACK", logger: logger)
      throw error
    }
  }

  /// The tables, indexes and the revision of an empty portfolio.
  static let portfolio: [String] = [
    """
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value BIGINT NOT NULL
    )
    """,
    "INSERT INTO meta (key, value) VALUES ('revision', 0)",
    """
    CREATE TABLE schemes (
      id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
      document TEXT NOT NULL CHECK (document::jsonb IS NOT NULL),
      activated_at TEXT NOT NULL,
      activated_revision BIGINT NOT NULL,
      active BOOLEAN NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX schemes_one_active ON schemes (active) WHERE active",
    """
    CREATE TABLE projects (
      id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
      position BIGINT NOT NULL,
      name TEXT NOT NULL,
      programme TEXT NOT NULL,
      territory TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pipeline', 'committee', 'funded', 'closed', 'rejected')),
      amount DOUBLE PRECISION NOT NULL CHECK (amount >= 0),
      evidence_level INTEGER CHECK (evidence_level BETWEEN 1 AND 5),
      extra TEXT,
      created_revision BIGINT NOT NULL,
      updated_revision BIGINT NOT NULL CHECK (updated_revision >= created_revision)
    )
    """,
    "CREATE INDEX projects_by_position ON projects (position)",
    """
    CREATE TABLE outcomes (
      project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position >= 0),
      id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
      domain TEXT NOT NULL,
      share DOUBLE PRECISION CHECK (share BETWEEN 0 AND 1),
      indicator TEXT,
      unit TEXT,
      direction TEXT CHECK (direction IN ('higher_is_better', 'lower_is_better')),
      baseline DOUBLE PRECISION,
      threshold DOUBLE PRECISION,
      target DOUBLE PRECISION,
      actual DOUBLE PRECISION,
      survey_very_much DOUBLE PRECISION CHECK (survey_very_much BETWEEN 0 AND 1),
      survey_slightly DOUBLE PRECISION CHECK (survey_slightly BETWEEN 0 AND 1),
      reach DOUBLE PRECISION CHECK (reach >= 0),
      duration_years INTEGER CHECK (duration_years BETWEEN 0 AND 50),
      drop_off DOUBLE PRECISION CHECK (drop_off BETWEEN 0 AND 1),
      deadweight DOUBLE PRECISION CHECK (deadweight BETWEEN 0 AND 1),
      attribution DOUBLE PRECISION CHECK (attribution BETWEEN 0 AND 1),
      displacement DOUBLE PRECISION CHECK (displacement BETWEEN 0 AND 1),
      financial_proxy DOUBLE PRECISION CHECK (financial_proxy >= 0),
      harmful BOOLEAN NOT NULL,
      nature TEXT NOT NULL CHECK (nature IN ('solution', 'mitigation')),
      indicator_id TEXT,
      targets TEXT CHECK (targets IS NULL OR targets::jsonb IS NOT NULL),
      impact_id TEXT,
      PRIMARY KEY (project_id, id),
      CHECK ((survey_very_much IS NULL) = (survey_slightly IS NULL)),
      CHECK (survey_very_much + survey_slightly <= 1 + 1e-9)
    )
    """,
    """
    CREATE TABLE risks (
      project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      risk_type TEXT NOT NULL,
      level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
      PRIMARY KEY (project_id, risk_type)
    )
    """,
    """
    CREATE TABLE ratings (
      project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position >= 0),
      criterion TEXT NOT NULL,
      rater TEXT NOT NULL,
      value DOUBLE PRECISION NOT NULL CHECK (value BETWEEN 0 AND 4),
      comment TEXT,
      rated_at TEXT NOT NULL,
      revision BIGINT NOT NULL,
      PRIMARY KEY (project_id, criterion, rater)
    )
    """,
    """
    CREATE TABLE rating_history (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      project_id TEXT NOT NULL,
      criterion TEXT NOT NULL,
      rater TEXT NOT NULL,
      value DOUBLE PRECISION NOT NULL CHECK (value BETWEEN 0 AND 4),
      comment TEXT,
      rated_at TEXT NOT NULL,
      revision BIGINT NOT NULL
    )
    """,
    "CREATE INDEX rating_history_by_project ON rating_history (project_id)",
    """
    CREATE TABLE observations (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      project_id TEXT NOT NULL,
      outcome_id TEXT NOT NULL,
      value DOUBLE PRECISION NOT NULL CHECK (abs(value) <= 1.7976931348623157e308),
      period TEXT NOT NULL,
      source TEXT,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      revision BIGINT NOT NULL,
      forced BOOLEAN NOT NULL DEFAULT false
    )
    """,
    "CREATE INDEX observations_by_outcome ON observations (project_id, outcome_id, id)",
    """
    CREATE TABLE credentials (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('token', 'certificate')),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 256),
      role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'editor', 'admin')),
      token_id TEXT UNIQUE CHECK (token_id IS NULL OR length(token_id) = 16),
      secret_sha256 BYTEA CHECK (secret_sha256 IS NULL OR length(secret_sha256) = 32),
      created_at TEXT NOT NULL,
      revoked_at TEXT,
      CHECK ((kind = 'token') = (token_id IS NOT NULL AND secret_sha256 IS NOT NULL))
    )
    """,
    "CREATE UNIQUE INDEX credentials_active_name ON credentials (kind, name) WHERE revoked_at IS NULL",
    """
    CREATE TABLE snapshots (
      name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
      note TEXT NOT NULL CHECK (length(note) <= 2000),
      revision BIGINT NOT NULL CHECK (revision >= 0),
      revision_committed_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_revision BIGINT NOT NULL,
      scheme_id TEXT NOT NULL,
      project_count BIGINT NOT NULL,
      total_amount DOUBLE PRECISION NOT NULL,
      weighted_composite DOUBLE PRECISION NOT NULL,
      projects BYTEA NOT NULL,
      scheme_document TEXT NOT NULL
    )
    """,
    "CREATE INDEX snapshots_by_revision ON snapshots (revision)",
    """
    CREATE TABLE checkpoints (
      revision BIGINT PRIMARY KEY CHECK (revision >= 1),
      created_at TEXT NOT NULL,
      project_count BIGINT NOT NULL,
      scheme_document TEXT NOT NULL,
      projects BYTEA NOT NULL
    )
    """,
    """
    CREATE TABLE frameworks (
      version BIGINT PRIMARY KEY CHECK (version >= 1),
      document TEXT NOT NULL CHECK (document::jsonb IS NOT NULL),
      set_at TEXT NOT NULL,
      set_by TEXT NOT NULL,
      set_revision BIGINT NOT NULL CHECK (set_revision >= 1)
    )
    """,
    """
    CREATE TABLE journal (
      revision BIGINT PRIMARY KEY CHECK (revision >= 1),
      committed_at TEXT NOT NULL,
      actor TEXT NOT NULL,
      rpc_method TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('upsert_projects', 'delete_projects',
        'replace_portfolio', 'set_scheme', 'record_observation', 'record_rating',
        'create_snapshot', 'delete_snapshot', 'set_framework')),
      project_ids TEXT NOT NULL CHECK (project_ids::jsonb IS NOT NULL),
      revision_before BIGINT NOT NULL CHECK (revision_before = revision - 1),
      payload TEXT NOT NULL CHECK (payload::jsonb IS NOT NULL),
      projects BYTEA
    )
    """,
    "CREATE INDEX journal_by_time ON journal (committed_at, revision)",
  ]
}
