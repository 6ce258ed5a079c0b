"""The entry's kind as a word of the full-text index, on SQLite.

``kind_word`` is the kind as one word no text holds (``kindmeeting``,
``kindaddedvalue``), a column generated from ``kind``. The FTS5 table
``search_fts`` gets it as a third column, so that a query can leave out, in
the index itself, every entry of the kinds a viewer may see nothing of (a
visitor's search for a word in every imported document no longer reads each
of them to find none visible). Adding the column makes Django rebuild the
entries' table on SQLite, which drops the triggers: they are made again here,
with the new column, and the index is rebuilt from the table (FTS5's own
``rebuild``: no ``concord rebuild_search`` needed).

On PostgreSQL the column is added (it costs little) but not used: there the
kinds are filtered by the index on ``(kind, object_id)`` (see
``SearchEntryQuerySet.search``).

Careful: a later migration that alters ``search_searchentry`` on SQLite must
create the triggers again (``SQLITE`` below).
"""

from importlib import import_module

from django.db import migrations, models
from django.db.models import F, Value
from django.db.models.functions import Concat, Replace

# The index as 0002 made it (title and text only), for undoing this migration.
_BEFORE = import_module("concord.search.migrations.0002_full_text")

DROP = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    " title, text, kind_word, content='search_searchentry', content_rowid='id',"
    " tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN"
    " INSERT INTO search_fts(rowid, title, text, kind_word)"
    " VALUES (new.id, new.title, new.text, new.kind_word);"
    " END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title, text, kind_word)"
    " VALUES ('delete', old.id, old.title, old.text, old.kind_word);"
    " END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE OF title, text, kind ON search_searchentry"
    " BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title, text, kind_word)"
    " VALUES ('delete', old.id, old.title, old.text, old.kind_word);"
    " INSERT INTO search_fts(rowid, title, text, kind_word)"
    " VALUES (new.id, new.title, new.text, new.kind_word);"
    " END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


def _sqlite(statements: list[str]):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_papertext")]

    operations = [
        # Undone last: the index of 0002 made again once the column is gone.
        migrations.RunPython(
            migrations.RunPython.noop,
            _sqlite([*DROP, *_BEFORE.SQLITE, "INSERT INTO search_fts(search_fts) VALUES ('rebuild')"]),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="kind_word",
            field=models.GeneratedField(
                expression=Concat(Value("kind"), Replace(F("kind"), Value("-"), Value(""))),
                output_field=models.CharField(max_length=30),
                db_persist=True,
            ),
        ),
        migrations.RunPython(_sqlite([*DROP, *SQLITE]), _sqlite(DROP)),
    ]
