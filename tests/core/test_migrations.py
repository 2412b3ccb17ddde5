"""Upgrading old databases: a fixture written by schema version 1 opens, migrates, keeps its data."""
import shutil
from pathlib import Path

from pos_app.config import load_config
from pos_app.store.db import DB_NAME, open_store
from pos_app.store.migrations import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_version_1_database_upgrades_in_place(tmp_path):
    shutil.copy(FIXTURES / "sompos_v1.db", tmp_path / DB_NAME)
    store = open_store(tmp_path)
    try:
        assert store.schema_version() == SCHEMA_VERSION > 1
        inv = store.one("SELECT * FROM invoices")
        assert inv["due_base"] == "150000001000000000000" and inv["state"] == "settled"
        idx = {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "invoices_due" in idx                       # step 2 ran
        assert load_config(store).merchant == "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61"
        assert store.durability()["journal_mode"] == "wal"
    finally:
        store.close()
