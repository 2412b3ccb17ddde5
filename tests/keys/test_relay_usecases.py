"""The relay key's use cases (``pos_app/keys/relay.py``), shared by the CLI and the GUI.

Real eth-account, a real shop database per test. Creating and importing write one audit record
each, in the name of the actor the caller gives; unlocking writes none of its own, but a wrong
passphrase counts in the attempt counter (and its audit record); a refusal (short passphrase, a
key already there, a bad key, a wrong passphrase) writes no key file and no create/import record.

scrypt at the app's strength costs about a second a guess, so most tests use the same explicit
test hook as tests/sync/test_keystore.py (``cheap_kdf``: scrypt n=16 written and accepted); one
test runs the real strength end to end.
"""
from __future__ import annotations

import json

import pytest
from eth_account import Account

from pos_app.core.errors import BadInput, NotFound, PosError
from pos_app.keys import keystore as K
from pos_app.keys.relay import (
    AUDIT_CREATE, AUDIT_IMPORT, create_relay_key, has_relay_key, import_relay_key, read_relay_key_file,
    relay_key_address, relay_key_file, unlock_relay_key,
)
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store.db import open_store

PASS = "correct horse battery"
WRONG = "wrong horse battery"
SOURCE_PASS = "source wallet passphrase"
KEY_HEX = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"  # a test key, never funded
KEY_ADDRESS = Account.from_key("0x" + KEY_HEX).address
CHEAP_N = 16


@pytest.fixture
def cheap_kdf(monkeypatch):
    monkeypatch.setattr(K, "SCRYPT_N", CHEAP_N)
    monkeypatch.setattr(K, "MIN_SCRYPT_N", CHEAP_N)


@pytest.fixture
def shop(tmp_path):
    db = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    yield tmp_path, db
    db.close()


def _relay_records(db) -> list[dict]:
    return db.query("SELECT actor, event, subject FROM audit_log WHERE event LIKE 'relay.%' ORDER BY id")


def _attempt_records(db) -> list[dict]:
    return db.query("SELECT actor, detail FROM audit_log WHERE event = 'key.attempts' ORDER BY id")


def _failures(db) -> int:
    row = db.one("SELECT failures FROM key_attempts WHERE name = 'relay'")
    return 0 if row is None else row["failures"]


# -- create ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("actor", ["manager", "cashier"])
def test_create_writes_the_key_and_one_record_with_the_given_actor(shop, cheap_kdf, actor):
    data_dir, db = shop
    assert not has_relay_key(data_dir) and relay_key_address(data_dir) is None
    address = create_relay_key(data_dir, db, PASS, actor=actor)
    assert has_relay_key(data_dir) and relay_key_address(data_dir) == address
    assert relay_key_file(data_dir).is_file()
    assert _relay_records(db) == [{"actor": actor, "event": AUDIT_CREATE, "subject": f"relay:{address}"}]
    assert unlock_relay_key(data_dir, db, PASS).address == address


@pytest.mark.parametrize("passphrase", ["short", ""])
def test_create_refused_for_a_short_passphrase_writes_nothing(shop, cheap_kdf, passphrase):
    data_dir, db = shop
    with pytest.raises(BadInput):
        create_relay_key(data_dir, db, passphrase, actor="manager")
    assert not has_relay_key(data_dir)
    assert _relay_records(db) == []


def test_create_over_an_existing_key_is_refused_and_not_recorded(shop, cheap_kdf):
    data_dir, db = shop
    first = create_relay_key(data_dir, db, PASS, actor="manager")
    before = relay_key_file(data_dir).read_bytes()
    with pytest.raises(BadInput, match="already exists"):
        create_relay_key(data_dir, db, PASS, actor="cashier")
    assert relay_key_file(data_dir).read_bytes() == before
    assert [r["actor"] for r in _relay_records(db)] == ["manager"]
    assert relay_key_address(data_dir) == first


# -- import ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("actor", ["manager", "cashier"])
def test_import_of_a_hex_key_records_the_given_actor(shop, cheap_kdf, actor):
    data_dir, db = shop
    assert import_relay_key(data_dir, db, "0x" + KEY_HEX, PASS, actor=actor) == KEY_ADDRESS
    assert _relay_records(db) == [{"actor": actor, "event": AUDIT_IMPORT, "subject": f"relay:{KEY_ADDRESS}"}]
    assert unlock_relay_key(data_dir, db, PASS).address == KEY_ADDRESS


def test_import_of_a_keystore_file_read_from_disk(shop, cheap_kdf, tmp_path_factory):
    data_dir, db = shop
    source = tmp_path_factory.mktemp("wallet") / "wallet.json"
    source.write_text("\ufeff" + json.dumps(Account.encrypt("0x" + KEY_HEX, SOURCE_PASS, kdf="scrypt",
                                                            iterations=CHEAP_N)) + "\n")
    secret = read_relay_key_file(source)
    assert secret.startswith("{") and secret.endswith("}")  # byte-order mark and newline gone
    assert import_relay_key(data_dir, db, secret, PASS, source_passphrase=SOURCE_PASS, actor="cashier") == KEY_ADDRESS
    assert [r["event"] for r in _relay_records(db)] == [AUDIT_IMPORT]


@pytest.mark.parametrize("secret, source", [("0x1234", None), ("not a key at all", None),
                                            ("{\"version\": 3}", SOURCE_PASS), ("KEYSTORE", "the wrong one!")])
def test_import_refusals_write_nothing(shop, cheap_kdf, secret, source):
    data_dir, db = shop
    if secret == "KEYSTORE":
        secret = json.dumps(Account.encrypt("0x" + KEY_HEX, SOURCE_PASS, kdf="scrypt", iterations=CHEAP_N))
    with pytest.raises(PosError):
        import_relay_key(data_dir, db, secret, PASS, source_passphrase=source, actor="manager")
    assert not has_relay_key(data_dir)
    assert _relay_records(db) == []


def test_import_with_a_short_new_passphrase_writes_nothing(shop, cheap_kdf):
    data_dir, db = shop
    with pytest.raises(BadInput):
        import_relay_key(data_dir, db, KEY_HEX, "short", actor="manager")
    assert not has_relay_key(data_dir) and _relay_records(db) == []


def test_import_over_an_existing_key_is_refused_and_not_recorded(shop, cheap_kdf):
    data_dir, db = shop
    mine = create_relay_key(data_dir, db, PASS, actor="manager")
    with pytest.raises(BadInput, match="already exists"):
        import_relay_key(data_dir, db, KEY_HEX, PASS, actor="cashier")
    assert relay_key_address(data_dir) == mine
    assert [r["event"] for r in _relay_records(db)] == [AUDIT_CREATE]


# -- unlock ---------------------------------------------------------------------------------------
def test_a_wrong_passphrase_counts_an_attempt_and_the_right_one_resets_it(shop, cheap_kdf):
    data_dir, db = shop
    import_relay_key(data_dir, db, KEY_HEX, PASS, actor="manager")
    for n in (1, 2):
        with pytest.raises(BadInput, match="Wrong passphrase"):
            unlock_relay_key(data_dir, db, WRONG)
        assert _failures(db) == n
    assert len(_attempt_records(db)) == 2  # each guess is in the audit chain too
    assert unlock_relay_key(data_dir, db, PASS).address == KEY_ADDRESS
    assert _failures(db) == 0
    assert [r["event"] for r in _relay_records(db)] == [AUDIT_IMPORT]  # unlocking adds no relay.* record


def test_unlock_without_a_key_says_so_and_counts_nothing(shop):
    data_dir, db = shop
    with pytest.raises(NotFound):
        unlock_relay_key(data_dir, db, PASS)
    assert _failures(db) == 0 and _attempt_records(db) == []


@pytest.mark.real_kdf
def test_real_strength_create_then_unlock(shop):
    """The app's own scrypt (no test hook): what the till and the CLI really do, once."""
    data_dir, db = shop
    address = create_relay_key(data_dir, db, PASS, actor="cashier")
    assert json.loads(relay_key_file(data_dir).read_text())["crypto"]["kdfparams"]["n"] == 2**18
    assert unlock_relay_key(data_dir, db, PASS).address == address


def test_a_test_not_about_the_kdf_writes_a_cheap_keystore(shop):
    """tests/conftest.py: keystores made by tests not marked real_kdf cost nothing to open."""
    data_dir, db = shop
    create_relay_key(data_dir, db, PASS, actor="cashier")
    assert json.loads(relay_key_file(data_dir).read_text())["crypto"]["kdfparams"]["n"] == 16
