"""The full-text index over the entries, in each database's own way.

SQLite: an FTS5 table ``search_fts`` whose content is ``search_searchentry``
(nothing stored twice), Porter stemming over Unicode words, and triggers that
keep it in step with every insert, update and delete of an entry.

PostgreSQL: a generated ``tsvector`` column ``search_vector`` (English
stemming; the title weighted A, the text B) with a GIN index.

Careful: on SQLite, a later migration that alters ``search_searchentry`` makes
Django rebuild the table, which drops these triggers; such a migration must
create them again (as ``0004_kind_in_full_text`` did: its ``SQLITE`` is the
index as it is now).
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    " title, text, content='search_searchentry', content_rowid='id',"
    " tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN"
    " INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
    " END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title, text)"
    " VALUES ('delete', old.id, old.title, old.text);"
    " END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE OF title, text ON search_searchentry BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title, text)"
    " VALUES ('delete', old.id, old.title, old.text);"
    " INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
    " END",
]
SQLITE_UNDO = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRESQL = [
    "ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    " setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||"
    " setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B')) STORED",
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (search_vector)",
]
POSTGRESQL_UNDO = [
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_UNDO, "postgresql": POSTGRESQL_UNDO}),
        )
    ]
