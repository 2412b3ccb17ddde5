"""Upgrading old databases: a fixture written by schema version 1 opens, migrates, keeps its data."""
import shutil
from pathlib import Path

from pos_app.shop.config import load_config
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store.db import DB_NAME, open_store
from pos_app.store.migrations import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_version_1_database_upgrades_in_place(tmp_path):
    shutil.copy(FIXTURES / "sompos_v1.db", tmp_path / DB_NAME)
    store = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
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


def test_every_schema_version_upgrades_and_keeps_its_data(tmp_path):
    """A fixture for every schema step (tests/fixtures/make_fixtures.py): opened by today's app it
    migrates, keeps its invoices, payment, settings and audit record, and its audit chain verifies
    (step 7 gives old invoices and payments their starting record)."""
    from pos_app.store.audit import verify
    versions = sorted(int(p.stem.split("_v")[1]) for p in FIXTURES.glob("sompos_v*.db"))
    assert versions == list(range(1, SCHEMA_VERSION + 1)), "add a fixture for the new schema step"
    for n in versions[1:]:
        folder = tmp_path / f"v{n}"
        folder.mkdir()
        shutil.copy(FIXTURES / f"sompos_v{n}.db", folder / DB_NAME)
        store = open_store(folder, device_key=DeviceKeyOnce(folder))
        try:
            assert store.schema_version() == SCHEMA_VERSION
            rows = store.query("SELECT id, state, due_base, memo FROM invoices ORDER BY id")
            assert [(r["id"], r["state"], r["due_base"]) for r in rows] == [(1, "settled", "150000001"),
                                                                              (2, "new", "150000002")]
            assert store.one("SELECT value, status, invoice_id FROM payments") == {
                "value": "150000001", "status": "final", "invoice_id": 1}
            assert load_config(store).merchant == "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61"
            assert store.verify_audit_chain()
            rep = verify(store, folder)
            assert rep.ok, (n, rep.problems)
        finally:
            store.close()
