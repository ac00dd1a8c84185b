import GRDB

/// The schema of the store, as migrations registered in order and run at open.
///
/// A released migration is never edited: a schema change is a new migration appended here and
/// described in `docs/storage.md`.
enum StorageSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-portfolio", migrate: createPortfolioTables)
    migrator.registerMigration("v2-credentials", migrate: createCredentialTable)
    migrator.registerMigration("v3-identity") { db in try mark(db, schemaVersion: 3) }
    migrator.registerMigration("v4-snapshots") { db in
      try createSnapshotTable(db)
      try mark(db, schemaVersion: 4)
    }
    migrator.registerMigration("v5-indicator-ids") { db in
      // The indicator bank entry an outcome measures (`Outcome.indicatorID`); NULL for a
      // custom indicator, which every outcome stored before this migration has.
      try db.execute(sql: "ALTER TABLE outcomes ADD COLUMN indicator_id TEXT")
      try mark(db, schemaVersion: 5)
    }
    migrator.registerMigration("v6-outcome-targets") { db in
      // An outcome's targets per period (`Outcome.targets`), a JSON array
      // `[{"period": "2026", "value": 40}]`; NULL when it has none.
      try db.execute(sql: "ALTER TABLE outcomes ADD COLUMN targets TEXT CHECK (targets IS NULL OR json_valid(targets))")
      try mark(db, schemaVersion: 6)
    }
    migrator.registerMigration("v7-journal-snapshot-kinds") { db in
      // The journal's kind CHECK gains `create_snapshot` and `delete_snapshot`. SQLite cannot
      // change a CHECK in place: the table is copied into one with the new rule (once, at the
      // first start of this version; its time grows with the journal's size).
      try db.execute(
        sql: """
          CREATE TABLE journal_v7 (
            revision INTEGER PRIMARY KEY CHECK (revision >= 1),
            committed_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            rpc_method TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('upsert_projects', 'delete_projects',
              'replace_portfolio', 'set_scheme', 'record_observation', 'record_rating',
              'create_snapshot', 'delete_snapshot')),
            project_ids TEXT NOT NULL CHECK (json_valid(project_ids)),
            revision_before INTEGER NOT NULL CHECK (revision_before = revision - 1),
            payload TEXT NOT NULL CHECK (json_valid(payload))
          );
          INSERT INTO journal_v7 SELECT revision, committed_at, actor, rpc_method, kind, project_ids,
            revision_before, payload FROM journal;
          DROP TABLE journal;
          ALTER TABLE journal_v7 RENAME TO journal;
          CREATE INDEX journal_by_time ON journal (committed_at, revision);
          """)
      try mark(db, schemaVersion: 7)
    }
    migrator.registerMigration("v8-observation-forced") { db in
      // An observation recorded outside its indicator's plausible range because the caller
      // insisted (`impact observe --force`); 0 for every observation stored before.
      try db.execute(
        sql: "ALTER TABLE observations ADD COLUMN forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1))")
      try mark(db, schemaVersion: 8)
    }
    migrator.registerMigration("v9-binary-states") { db in
      // Snapshots keep their projects as an `impact-projects-bin/1` document (`projects`); the
      // JSON `portfolio_document` stays only for the snapshots made before. `checkpoints` keeps
      // the whole state at some revisions, so that reading a past revision replays a bounded
      // part of the journal (docs/storage.md, "How past states are kept").
      try db.execute(
        sql: """
          CREATE TABLE snapshots_v9 (
            name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
            note TEXT NOT NULL CHECK (length(note) <= 2000),
            revision INTEGER NOT NULL CHECK (revision >= 0),
            revision_committed_at TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_revision INTEGER NOT NULL,
            scheme_id TEXT NOT NULL,
            project_count INTEGER NOT NULL,
            total_amount REAL NOT NULL,
            weighted_composite REAL NOT NULL,
            portfolio_document TEXT,
            projects BLOB,
            scheme_document TEXT NOT NULL,
            CHECK ((portfolio_document IS NULL) <> (projects IS NULL))
          );
          INSERT INTO snapshots_v9 SELECT name, note, revision, revision_committed_at, created_at, created_by,
            created_revision, scheme_id, project_count, total_amount, weighted_composite, portfolio_document, NULL,
            scheme_document FROM snapshots;
          DROP TABLE snapshots;
          ALTER TABLE snapshots_v9 RENAME TO snapshots;
          CREATE INDEX snapshots_by_revision ON snapshots (revision);
          CREATE TABLE checkpoints (
            revision INTEGER PRIMARY KEY CHECK (revision >= 1),
            created_at TEXT NOT NULL,
            project_count INTEGER NOT NULL,
            scheme_document TEXT NOT NULL,
            projects BLOB NOT NULL
          );
          """)
      try mark(db, schemaVersion: 9)
    }
    migrator.registerMigration("v10-journal-binary-projects") { db in
      // The projects of an import (`upsert_projects`, `replace_portfolio`) as an
      // `impact-projects-bin/1` document: a JSON payload of 100 000 projects was 200 MB and
      // most of an import's time. The payload then keeps the document without its projects
      // (the scheme a replacement adopts). NULL for every row written before, whose payload
      // still carries its projects.
      try db.execute(sql: "ALTER TABLE journal ADD COLUMN projects BLOB")
      try mark(db, schemaVersion: 10)
    }
    migrator.registerMigration("v11-framework") { db in
      // The organisation's framework (`impact-framework/1`), every version kept; the active one
      // is the latest. An outcome names the framework impact it serves (`Outcome.impactID`;
      // NULL before). The journal's kind CHECK gains `set_framework`: the table is copied into
      // one with the new rule, as in v7 (once; its time grows with the journal's size).
      try db.execute(
        sql: """
          CREATE TABLE frameworks (
            version INTEGER PRIMARY KEY CHECK (version >= 1),
            document TEXT NOT NULL CHECK (json_valid(document)),
            set_at TEXT NOT NULL,
            set_by TEXT NOT NULL,
            set_revision INTEGER NOT NULL CHECK (set_revision >= 1)
          );
          ALTER TABLE outcomes ADD COLUMN impact_id TEXT;
          CREATE TABLE journal_v11 (
            revision INTEGER PRIMARY KEY CHECK (revision >= 1),
            committed_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            rpc_method TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('upsert_projects', 'delete_projects',
              'replace_portfolio', 'set_scheme', 'record_observation', 'record_rating',
              'create_snapshot', 'delete_snapshot', 'set_framework')),
            project_ids TEXT NOT NULL CHECK (json_valid(project_ids)),
            revision_before INTEGER NOT NULL CHECK (revision_before = revision - 1),
            payload TEXT NOT NULL CHECK (json_valid(payload)),
            projects BLOB
          );
          INSERT INTO journal_v11 SELECT revision, committed_at, actor, rpc_method, kind, project_ids,
            revision_before, payload, projects FROM journal;
          DROP TABLE journal;
          ALTER TABLE journal_v11 RENAME TO journal;
          CREATE INDEX journal_by_time ON journal (committed_at, revision);
          """)
      try mark(db, schemaVersion: 11)
    }
    return migrator
  }

  /// The migrations of the files impactd made before it marked them (``DatabaseIdentity``
  /// recognises those by this schema).
  static let unmarkedMigrations = ["v1-portfolio", "v2-credentials"]

  /// The migration that only marks the file; a read-only daemon serves a file without it.
  static let identityMigration = "v3-identity"

  // Marks the file as impactd's with its schema version. Every migration after
  // `v3-identity` ends with this call and its own number, so that `user_version` says which
  // schema the file has without reading grdb_migrations. Both values live in the header of
  // page 1 and are written in the migration's transaction.
  private static func mark(_ db: Database, schemaVersion: Int) throws {
    try db.execute(sql: "PRAGMA application_id = \(DatabaseIdentity.applicationID)")
    try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
  }

  // Named snapshots: the portfolio and the scheme frozen as documents, so that what was shown
  // to a committee can be shown again identically whatever changes afterwards. The journal
  // index on committed_at resolves a date to its revision without a scan.
  private static func createSnapshotTable(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE snapshots (
          name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
          note TEXT NOT NULL CHECK (length(note) <= 2000),
          revision INTEGER NOT NULL CHECK (revision >= 0),
          revision_committed_at TEXT,
          created_at TEXT NOT NULL,
          created_by TEXT NOT NULL,
          created_revision INTEGER NOT NULL,
          scheme_id TEXT NOT NULL,
          project_count INTEGER NOT NULL,
          total_amount REAL NOT NULL,
          weighted_composite REAL NOT NULL,
          portfolio_document TEXT NOT NULL,
          scheme_document TEXT NOT NULL
        );
        CREATE INDEX journal_by_time ON journal (committed_at, revision);
        """
    )
  }

  // Who may call the daemon: bearer tokens (only the SHA-256 of their secret) and client
  // certificate subjects, each with a role. A revoked credential stays, for the audit, with
  // its revocation time; names are unique among active credentials of a kind.
  private static func createCredentialTable(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE credentials (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('token', 'certificate')),
          name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 256),
          role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'editor', 'admin')),
          token_id TEXT UNIQUE CHECK (token_id IS NULL OR length(token_id) = 16),
          secret_sha256 BLOB CHECK (secret_sha256 IS NULL OR length(secret_sha256) = 32),
          created_at TEXT NOT NULL,
          revoked_at TEXT,
          CHECK ((kind = 'token') = (token_id IS NOT NULL AND secret_sha256 IS NOT NULL))
        );
        CREATE UNIQUE INDEX credentials_active_name ON credentials (kind, name) WHERE revoked_at IS NULL;
        """
    )
  }

  // Child tables are WITHOUT ROWID: each is one B-tree ordered by its key, which starts with
  // project_id, so the loader reads each table in one sequential scan grouped by project and
  // an import appends to it. One B-tree per table (no second unique index) halves the write
  // cost of a bulk import; the loader sorts a project's few children by `position`.
  private static func createPortfolioTables(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE meta (
          key TEXT PRIMARY KEY NOT NULL,
          value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES ('revision', 0);

        CREATE TABLE schemes (
          id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
          document TEXT NOT NULL CHECK (json_valid(document)),
          activated_at TEXT NOT NULL,
          activated_revision INTEGER NOT NULL,
          active INTEGER NOT NULL CHECK (active IN (0, 1))
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX schemes_one_active ON schemes (active) WHERE active = 1;

        CREATE TABLE projects (
          id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          programme TEXT NOT NULL,
          territory TEXT NOT NULL,
          status TEXT NOT NULL
            CHECK (status IN ('pipeline', 'committee', 'funded', 'closed', 'rejected')),
          amount REAL NOT NULL CHECK (amount >= 0),
          evidence_level INTEGER CHECK (evidence_level BETWEEN 1 AND 5),
          extra TEXT,
          created_revision INTEGER NOT NULL,
          updated_revision INTEGER NOT NULL CHECK (updated_revision >= created_revision)
        ) WITHOUT ROWID;
        CREATE INDEX projects_by_position ON projects (position);

        CREATE TABLE outcomes (
          project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
          position INTEGER NOT NULL CHECK (position >= 0),
          id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
          domain TEXT NOT NULL,
          share REAL CHECK (share BETWEEN 0 AND 1),
          indicator TEXT,
          unit TEXT,
          direction TEXT CHECK (direction IN ('higher_is_better', 'lower_is_better')),
          baseline REAL,
          threshold REAL,
          target REAL,
          actual REAL,
          survey_very_much REAL CHECK (survey_very_much BETWEEN 0 AND 1),
          survey_slightly REAL CHECK (survey_slightly BETWEEN 0 AND 1),
          reach REAL CHECK (reach >= 0),
          duration_years INTEGER CHECK (duration_years BETWEEN 0 AND 50),
          drop_off REAL CHECK (drop_off BETWEEN 0 AND 1),
          deadweight REAL CHECK (deadweight BETWEEN 0 AND 1),
          attribution REAL CHECK (attribution BETWEEN 0 AND 1),
          displacement REAL CHECK (displacement BETWEEN 0 AND 1),
          financial_proxy REAL CHECK (financial_proxy >= 0),
          harmful INTEGER NOT NULL CHECK (harmful IN (0, 1)),
          nature TEXT NOT NULL CHECK (nature IN ('solution', 'mitigation')),
          PRIMARY KEY (project_id, id),
          CHECK ((survey_very_much IS NULL) = (survey_slightly IS NULL)),
          CHECK (survey_very_much + survey_slightly <= 1 + 1e-9)
        ) WITHOUT ROWID;

        CREATE TABLE risks (
          project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
          risk_type TEXT NOT NULL,
          level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
          PRIMARY KEY (project_id, risk_type)
        ) WITHOUT ROWID;

        CREATE TABLE ratings (
          project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
          position INTEGER NOT NULL CHECK (position >= 0),
          criterion TEXT NOT NULL,
          rater TEXT NOT NULL,
          value REAL NOT NULL CHECK (value BETWEEN 0 AND 4),
          comment TEXT,
          rated_at TEXT NOT NULL,
          revision INTEGER NOT NULL,
          PRIMARY KEY (project_id, criterion, rater)
        ) WITHOUT ROWID;

        CREATE TABLE rating_history (
          id INTEGER PRIMARY KEY,
          project_id TEXT NOT NULL,
          criterion TEXT NOT NULL,
          rater TEXT NOT NULL,
          value REAL NOT NULL CHECK (value BETWEEN 0 AND 4),
          comment TEXT,
          rated_at TEXT NOT NULL,
          revision INTEGER NOT NULL
        );
        CREATE INDEX rating_history_by_project ON rating_history (project_id);

        CREATE TABLE observations (
          id INTEGER PRIMARY KEY,
          project_id TEXT NOT NULL,
          outcome_id TEXT NOT NULL,
          value REAL NOT NULL CHECK (abs(value) <= 1.7976931348623157e308),
          period TEXT NOT NULL,
          source TEXT,
          recorded_by TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          revision INTEGER NOT NULL
        );
        CREATE INDEX observations_by_outcome ON observations (project_id, outcome_id, id);

        CREATE TABLE journal (
          revision INTEGER PRIMARY KEY CHECK (revision >= 1),
          committed_at TEXT NOT NULL,
          actor TEXT NOT NULL,
          rpc_method TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('upsert_projects', 'delete_projects',
            'replace_portfolio', 'set_scheme', 'record_observation', 'record_rating')),
          project_ids TEXT NOT NULL CHECK (json_valid(project_ids)),
          revision_before INTEGER NOT NULL CHECK (revision_before = revision - 1),
          payload TEXT NOT NULL CHECK (json_valid(payload))
        );
        """
    )
  }
}
