/// The catalogue's SQLite schema, as numbered migrations applied in order and recorded in
/// `PRAGMA user_version`, so older catalogues upgrade on open.
enum CatalogSchema {
    static let migrations: [String] = [
        // 1: runs, their documents, and the metadata index for equality searches.
        """
        CREATE TABLE runs (
            uid TEXT PRIMARY KEY,
            scan_id INTEGER,
            time REAL NOT NULL,
            plan_name TEXT,
            start TEXT NOT NULL,
            stop TEXT,
            exit_status TEXT,
            num_events INTEGER NOT NULL DEFAULT 0,
            writer_pid INTEGER
        );
        CREATE INDEX runs_time ON runs(time);
        CREATE INDEX runs_scan_id ON runs(scan_id, time);
        CREATE TABLE descriptors (
            uid TEXT PRIMARY KEY,
            run_uid TEXT NOT NULL REFERENCES runs(uid),
            name TEXT NOT NULL,
            time REAL NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX descriptors_run ON descriptors(run_uid);
        CREATE TABLE events (
            descriptor_uid TEXT NOT NULL,
            seq_num INTEGER NOT NULL,
            run_uid TEXT NOT NULL,
            uid TEXT NOT NULL,
            time REAL NOT NULL,
            data TEXT NOT NULL,
            timestamps TEXT NOT NULL,
            PRIMARY KEY (descriptor_uid, seq_num)
        ) WITHOUT ROWID;
        CREATE TABLE assets (
            uid TEXT PRIMARY KEY,
            run_uid TEXT,
            kind TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX assets_run ON assets(run_uid);
        CREATE TABLE run_keys (
            run_uid TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL
        );
        CREATE INDEX run_keys_lookup ON run_keys(key, value);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
        // 2: full-text search over every string in a run's start document.
        """
        CREATE VIRTUAL TABLE runs_fts USING fts5(uid UNINDEXED, text);
        INSERT INTO runs_fts (uid, text) SELECT run_uid, group_concat(value, ' ') FROM run_keys GROUP BY run_uid;
        """,
        // 3: where each run's HDF5 data product is.
        """
        ALTER TABLE runs ADD COLUMN data_path TEXT;
        """,
        // 4: values glued by executed notebooks (papermill's glue / scrapbook), per run.
        """
        CREATE TABLE glue (
            run_uid TEXT NOT NULL,
            notebook TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            mimetype TEXT NOT NULL DEFAULT 'application/json',
            time REAL NOT NULL,
            PRIMARY KEY (run_uid, notebook, name)
        );
        CREATE INDEX glue_name ON glue(name, value);
        """,
        // 5: where each area-detector frame is in its run's HDF5 file.
        """
        CREATE TABLE frames (
            datum_id TEXT PRIMARY KEY,
            run_uid TEXT NOT NULL,
            data_key TEXT NOT NULL,
            frame_index INTEGER NOT NULL
        );
        """,
        // 6: trigrams of string metadata, so a Regex with a literal part looks at few runs.
        """
        CREATE VIRTUAL TABLE run_values_trigram USING fts5(run_uid UNINDEXED, key UNINDEXED, value, tokenize='trigram');
        INSERT INTO run_values_trigram (run_uid, key, value) SELECT run_uid, key, value FROM run_keys;
        """,
        // 7: the distinct values of each key, so a Regex with no literal part is tried once per
        // distinct value (a sample name shared by many runs) instead of once per run.
        """
        CREATE TABLE key_values (key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, value)) WITHOUT ROWID;
        INSERT OR IGNORE INTO key_values (key, value) SELECT DISTINCT key, value FROM run_keys;
        CREATE TRIGGER run_keys_distinct AFTER INSERT ON run_keys BEGIN
            INSERT OR IGNORE INTO key_values (key, value) VALUES (new.key, new.value);
        END;
        """,
        // 8: when each run stopped (indexed, so a watcher finds newly stopped runs at once),
        // and the reports made for runs: one row per run and template, claimed before the
        // template runs, so two workers never report a run twice and a restart skips none.
        """
        ALTER TABLE runs ADD COLUMN stop_time REAL;
        UPDATE runs SET stop_time = json_extract(stop, '$.time') WHERE stop IS NOT NULL;
        CREATE INDEX runs_stop_time ON runs(stop_time);
        CREATE TABLE reports (
            run_uid TEXT NOT NULL,
            template TEXT NOT NULL,
            status TEXT NOT NULL,
            notebook TEXT,
            html TEXT,
            markdown TEXT,
            error TEXT,
            worker_pid INTEGER,
            time REAL NOT NULL,
            PRIMARY KEY (run_uid, template)
        );
        """,
    ]
}
