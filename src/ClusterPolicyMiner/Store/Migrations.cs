namespace ClusterPolicyMiner.Store;

/// <summary>The schema as an ordered list of migrations; <c>PRAGMA user_version</c> says how many ran.
/// Append new steps; never edit one that has shipped.</summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        // 1: raw snapshots, where they were seen, and the processed documents.
        """
        CREATE TABLE snapshots (
            id TEXT PRIMARY KEY,            -- sha256 of the bytes
            size INTEGER NOT NULL,
            http_charset TEXT,
            bytes BLOB NOT NULL,
            stored_at TEXT NOT NULL
        );
        CREATE TABLE sources (
            source TEXT NOT NULL,
            snapshot_id TEXT NOT NULL REFERENCES snapshots(id),
            seen_at TEXT NOT NULL,
            PRIMARY KEY (source, snapshot_id)
        );
        CREATE TABLE documents (
            id TEXT PRIMARY KEY REFERENCES snapshots(id),
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            encoding_rule TEXT NOT NULL,
            jurisdiction TEXT,
            issuer TEXT,
            title TEXT,
            doc_number TEXT,
            kind TEXT,
            status TEXT,
            issued TEXT,
            published TEXT,
            effective TEXT,
            expires TEXT,
            edition_year INTEGER,
            normalizations TEXT NOT NULL,   -- JSON array
            clean_text TEXT NOT NULL,
            model_json TEXT NOT NULL,       -- the whole JSON contract, as cpm extract --json prints it
            failed INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE diagnostics (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            code TEXT NOT NULL,
            offset INTEGER,
            message TEXT NOT NULL,
            PRIMARY KEY (document_id, seq)
        );
        CREATE TABLE outline_nodes (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            parent_seq INTEGER,
            kind TEXT NOT NULL,
            number INTEGER NOT NULL,
            title TEXT,
            path TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (document_id, seq)
        );
        CREATE TABLE thresholds (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            list TEXT NOT NULL,             -- criteria | procedural
            metric TEXT NOT NULL,
            label TEXT NOT NULL,
            op TEXT NOT NULL,
            value TEXT,
            unit TEXT NOT NULL,
            phrase TEXT NOT NULL,
            qualifiers TEXT NOT NULL,       -- JSON array
            grp TEXT,
            path TEXT NOT NULL,
            quote TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (document_id, seq)
        );
        CREATE TABLE duplicate_groups (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            canonical_id TEXT NOT NULL,
            similarity REAL NOT NULL
        );
        CREATE VIRTUAL TABLE articles USING fts5(document_id UNINDEXED, path UNINDEXED, body, tokenize = 'trigram');
        """,
        // 2: web acquisition: every fetch, and the links a watch has seen.
        """
        CREATE TABLE fetches (
            url TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            final_url TEXT,
            status INTEGER,
            outcome TEXT NOT NULL,
            headers TEXT NOT NULL,          -- JSON object
            etag TEXT,
            last_modified TEXT,
            snapshot_id TEXT,
            error TEXT,
            PRIMARY KEY (url, fetched_at)
        );
        CREATE TABLE validators (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT
        );
        CREATE TABLE watch_seen (
            link TEXT PRIMARY KEY,
            document_id TEXT,
            seen_at TEXT NOT NULL
        );
        """,
        // 3: scale. Article rows in an ordinary table indexed by document, FTS5 as an external-content index
        // over it (kept by triggers, so deleting a document's rows is an index lookup, not a scan); the
        // processed model compressed in `model` (model_json stays for rows written before), the clean text
        // no longer stored beside it; raw bytes compressed when `compressed` is 1; the pipeline version a
        // model was made with; MinHash signatures for duplicate grouping without reloading every text.
        """
        CREATE TABLE article_rows (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL,
            path TEXT NOT NULL,
            body TEXT NOT NULL
        );
        INSERT INTO article_rows(document_id, path, body) SELECT document_id, path, body FROM articles ORDER BY rowid;
        DROP TABLE articles;
        CREATE INDEX article_rows_document ON article_rows(document_id);
        CREATE VIRTUAL TABLE articles USING fts5(body, content = 'article_rows', content_rowid = 'id', tokenize = 'trigram');
        INSERT INTO articles(articles) VALUES ('rebuild');
        CREATE TRIGGER article_rows_insert AFTER INSERT ON article_rows BEGIN
            INSERT INTO articles(rowid, body) VALUES (new.id, new.body);
        END;
        CREATE TRIGGER article_rows_delete AFTER DELETE ON article_rows BEGIN
            INSERT INTO articles(articles, rowid, body) VALUES ('delete', old.id, old.body);
        END;
        ALTER TABLE snapshots ADD COLUMN compressed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN model BLOB;
        ALTER TABLE documents ADD COLUMN pipeline TEXT;
        ALTER TABLE documents DROP COLUMN clean_text;
        CREATE TABLE signatures (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            converted INTEGER NOT NULL,     -- text converted from traditional characters
            content_length INTEGER NOT NULL, -- shingle characters of the clean text
            minhash BLOB NOT NULL           -- little-endian uint64 per hash function
        );
        -- The per-document part tables keyed (document_id, seq) as WITHOUT ROWID: the key is the table, no
        -- second copy of every row in an automatic index.
        CREATE TABLE diagnostics_v3 (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            code TEXT NOT NULL,
            offset INTEGER,
            message TEXT NOT NULL,
            PRIMARY KEY (document_id, seq)
        ) WITHOUT ROWID;
        INSERT INTO diagnostics_v3 SELECT * FROM diagnostics;
        DROP TABLE diagnostics;
        ALTER TABLE diagnostics_v3 RENAME TO diagnostics;
        CREATE TABLE outline_nodes_v3 (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            parent_seq INTEGER,
            kind TEXT NOT NULL,
            number INTEGER NOT NULL,
            title TEXT,
            path TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (document_id, seq)
        ) WITHOUT ROWID;
        INSERT INTO outline_nodes_v3 SELECT * FROM outline_nodes;
        DROP TABLE outline_nodes;
        ALTER TABLE outline_nodes_v3 RENAME TO outline_nodes;
        CREATE TABLE thresholds_v3 (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            list TEXT NOT NULL,
            metric TEXT NOT NULL,
            label TEXT NOT NULL,
            op TEXT NOT NULL,
            value TEXT,
            unit TEXT NOT NULL,
            phrase TEXT NOT NULL,
            qualifiers TEXT NOT NULL,
            grp TEXT,
            path TEXT NOT NULL,
            quote TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (document_id, seq)
        ) WITHOUT ROWID;
        INSERT INTO thresholds_v3 SELECT * FROM thresholds;
        DROP TABLE thresholds;
        ALTER TABLE thresholds_v3 RENAME TO thresholds;
        -- What the last `cpm run` into an output folder was made from, so a re-run with nothing new skips it.
        CREATE TABLE run_outputs (
            folder TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            files TEXT NOT NULL             -- JSON object: relative path -> length in bytes
        );
        """,
        // 4: scale, second step. Documents get an integer key, and every per-document table is keyed by it
        // (a 64-character id per row was a third of their size); article rows keep only where an article is,
        // and FTS5 is contentless (the text is the model's, not stored a second time) over character bigrams
        // (SearchIndex; cpm_index_text is that function, registered on the connection); no foreign keys on the
        // part tables: a document's parts are deleted by key when it is replaced. pages records the site a
        // snapshot's page belongs to and its candidate template lines (hashes), and site_lines counts in how many
        // pages of a site each line appears, so site templates are learnt from the store, not from a batch.
        // Foreign keys are on during a migration, so the old part tables are emptied into the new ones and
        // dropped before the old documents table is.
        """
        CREATE TABLE documents_v4 (
            doc INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE REFERENCES snapshots(id),
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            encoding_rule TEXT NOT NULL,
            jurisdiction TEXT,
            issuer TEXT,
            title TEXT,
            doc_number TEXT,
            kind TEXT,
            status TEXT,
            issued TEXT,
            published TEXT,
            effective TEXT,
            expires TEXT,
            edition_year INTEGER,
            normalizations TEXT NOT NULL,   -- JSON array
            failed INTEGER NOT NULL DEFAULT 0,
            pipeline TEXT,
            -- The large columns last: SQLite reads a row's columns in order, through the overflow pages of
            -- any large value before the one asked for, so a column after the model cost a model read.
            model_json TEXT NOT NULL,       -- '' since schema 3; the JSON contract of rows written before
            model BLOB                      -- the JSON contract, Brotli-compressed
        );
        INSERT INTO documents_v4(id, source, format, encoding, encoding_rule, jurisdiction, issuer, title, doc_number,
            kind, status, issued, published, effective, expires, edition_year, normalizations, model_json, failed, model, pipeline)
        SELECT id, source, format, encoding, encoding_rule, jurisdiction, issuer, title, doc_number,
            kind, status, issued, published, effective, expires, edition_year, normalizations, model_json, failed, model, pipeline
        FROM documents ORDER BY id;
        CREATE TABLE diagnostics_v4 (
            doc INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            code TEXT NOT NULL,
            offset INTEGER,
            message TEXT NOT NULL,
            PRIMARY KEY (doc, seq)
        ) WITHOUT ROWID;
        INSERT INTO diagnostics_v4 SELECT n.doc, x.seq, x.code, x.offset, x.message
            FROM diagnostics x JOIN documents_v4 n ON n.id = x.document_id;
        CREATE TABLE outline_nodes_v4 (
            doc INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            parent_seq INTEGER,
            kind TEXT NOT NULL,
            number INTEGER NOT NULL,
            title TEXT,
            path TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (doc, seq)
        ) WITHOUT ROWID;
        INSERT INTO outline_nodes_v4 SELECT n.doc, o.seq, o.parent_seq, o.kind, o.number, o.title, o.path, o.start, o.end
            FROM outline_nodes o JOIN documents_v4 n ON n.id = o.document_id;
        CREATE TABLE thresholds_v4 (
            doc INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            list TEXT NOT NULL,             -- criteria | procedural
            metric TEXT NOT NULL,
            label TEXT NOT NULL,
            op TEXT NOT NULL,
            value TEXT,
            unit TEXT NOT NULL,
            phrase TEXT NOT NULL,
            qualifiers TEXT NOT NULL,       -- JSON array
            grp TEXT,
            path TEXT NOT NULL,
            quote TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (doc, seq)
        ) WITHOUT ROWID;
        INSERT INTO thresholds_v4 SELECT n.doc, t.seq, t.list, t.metric, t.label, t.op, t.value, t.unit, t.phrase,
            t.qualifiers, t.grp, t.path, t.quote, t.start, t.end
            FROM thresholds t JOIN documents_v4 n ON n.id = t.document_id;
        CREATE TABLE signatures_v4 (
            doc INTEGER PRIMARY KEY,
            converted INTEGER NOT NULL,     -- text converted from traditional characters
            content_length INTEGER NOT NULL, -- shingle characters of the clean text
            minhash BLOB NOT NULL           -- little-endian uint64 per hash function
        );
        INSERT INTO signatures_v4 SELECT n.doc, s.converted, s.content_length, s.minhash
            FROM signatures s JOIN documents_v4 n ON n.id = s.document_id;
        CREATE TABLE duplicate_groups_v4 (
            document_id TEXT PRIMARY KEY,
            canonical_id TEXT NOT NULL,
            similarity REAL NOT NULL
        );
        INSERT INTO duplicate_groups_v4 SELECT * FROM duplicate_groups;
        CREATE TABLE article_rows_v4 (
            id INTEGER PRIMARY KEY,         -- the rowid of the article in the index
            doc INTEGER NOT NULL,
            path TEXT NOT NULL
        );
        INSERT INTO article_rows_v4 SELECT a.id, n.doc, a.path FROM article_rows a JOIN documents_v4 n ON n.id = a.document_id;
        CREATE INDEX article_rows_v4_doc ON article_rows_v4(doc);
        CREATE VIRTUAL TABLE articles_v4 USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61');
        INSERT INTO articles_v4(rowid, body) SELECT id, cpm_index_text(body) FROM article_rows;
        DROP TRIGGER article_rows_insert;
        DROP TRIGGER article_rows_delete;
        DROP TABLE articles;
        DROP TABLE article_rows;
        DROP TABLE diagnostics;
        DROP TABLE outline_nodes;
        DROP TABLE thresholds;
        DROP TABLE signatures;
        DROP TABLE duplicate_groups;
        DROP TABLE documents;
        ALTER TABLE documents_v4 RENAME TO documents;
        ALTER TABLE diagnostics_v4 RENAME TO diagnostics;
        ALTER TABLE outline_nodes_v4 RENAME TO outline_nodes;
        ALTER TABLE thresholds_v4 RENAME TO thresholds;
        ALTER TABLE signatures_v4 RENAME TO signatures;
        ALTER TABLE duplicate_groups_v4 RENAME TO duplicate_groups;
        ALTER TABLE article_rows_v4 RENAME TO article_rows;
        ALTER TABLE articles_v4 RENAME TO articles;
        CREATE TABLE pages (                -- snapshots that are pages of a known site
            id TEXT PRIMARY KEY,            -- the snapshot
            site TEXT NOT NULL,             -- SiteTemplateLearner.SiteKey
            lines BLOB NOT NULL             -- its candidate template lines: int64 hashes, ascending
        );
        CREATE INDEX pages_site ON pages(site);
        CREATE TABLE site_lines (
            site TEXT NOT NULL,
            hash INTEGER NOT NULL,
            pages INTEGER NOT NULL,         -- pages of the site whose candidate lines hold it
            PRIMARY KEY (site, hash)
        ) WITHOUT ROWID;
        """,
        // 5: the search index keeps no positions and is given each article's distinct bigrams, upper-cased
        // (SearchIndex); it holds no text, so it is rebuilt from the articles of the stored models.
        """
        DROP TABLE articles;
        CREATE VIRTUAL TABLE articles USING fts5(body, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');
        INSERT INTO articles(rowid, body)
            SELECT a.id, cpm_article_index_text(a.doc, d.model, d.model_json, row_number() OVER (PARTITION BY a.doc ORDER BY a.id) - 1)
            FROM article_rows a JOIN documents d ON d.doc = a.doc
            ORDER BY a.doc, a.id;
        """,
        // 6: rule summaries: what the rule files, histories and coverage read of a document (Emit.RuleSummary: the
        // model's JSON contract without text, outline, normalisations and diagnostics, spans in code points), so
        // that cpm rules reads no model; filled for the stored documents from their models (cpm_rule_summary,
        // registered on the connection). A table of its own: a column after the model would be read through it.
        """
        CREATE TABLE rule_summaries (
            doc INTEGER PRIMARY KEY,        -- documents.doc
            summary BLOB NOT NULL           -- its JSON, Brotli-compressed (a fifth of its size)
        );
        INSERT INTO rule_summaries SELECT doc, cpm_rule_summary(model, model_json) FROM documents ORDER BY doc;
        """,
        // 7: the search index merges its segments sixteen at a time rather than four (FTS5's automerge): each
        // commit of an ingest adds a segment, and merging is a good part of the index's work while it is written.
        """
        INSERT INTO articles(articles, rank) VALUES ('automerge', 16);
        """,
    ];
}
