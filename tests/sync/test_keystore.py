"""The relay key store (``pos_app/keys/keystore.py``), with real eth-account and real scrypt.

Tested: create then unlock gives the same account, which signs a transaction; the file is
keystore v3 with scrypt n=2**18 (eth-account's r=8, p=1), holds no clear key, and is mode 0600
with no temp files left; wrong passphrases count down and survive a restart; 10 wrong ones lock
out even the right passphrase for 30 minutes (fake clock), then unlocking works and the count
resets; a damaged attempts file locks (fail closed) and a clock moved back cannot extend the lock
past 30 minutes; import from hex (with and without 0x) and from another keystore (cheap KDF, its
own passphrase) gives the expected address and our own scrypt file; refusals (existing key, short
passphrase, bad or out-of-range hex, bad keystore text, wrong or missing source passphrase,
damaged key file, missing key file) change nothing; no key or passphrase in any error or log.

Issue 10, point 6 (``test_f6_*``): a key file in the data folder below OWASP's minimum (scrypt
n=2 or pbkdf2 c=1; the thresholds n=2**17 r=8 p=1 and 600,000 rounds with real values) is
refused, absurd parameters are refused at once, and ``import`` re-encrypts a weak file; a changed
MAC, ciphertext, salt or iv says "damaged" and costs no attempt, while a wrong passphrase still
costs one; eight processes guessing at once count as eight; deleting or zeroing the counter row,
or writing a fresh attempts file, does not lift a lock; an old ``relay-key.attempts`` moves into
the database. The counter is in the shop database (``key_attempts``, mirrored in the audit chain).

scrypt at n=2**18 costs about 0.8 s per encrypt or decrypt, so a key is created once per module
and copied into each test's folder. Tests that need many guesses use the explicit hook
``cheap_kdf`` (scrypt n=16 written and accepted); the strength floors are tested with real values.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import stat
from pathlib import Path

import pytest
from eth_account import Account

from pos_app.core.errors import BadInput, NotFound, PosError, StorageError
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store.db import open_store
from pos_app.keys import keystore as K
from pos_app.keys.keyfile import INTEGRITY_FIELD, integrity_digest
from pos_app.keys.keystore import RelayKeyStore

# About the key derivation itself: the real scrypt cost and floors (tests/conftest.py).
pytestmark = pytest.mark.real_kdf

PASS = "correct horse battery"
WRONG = "wrong horse battery"
OTHER_PASS = "another long passphrase"
SOURCE_PASS = "source wallet passphrase"
# A fixed test key (never funded anywhere) so the tests can look for it in files and messages.
KEY_HEX = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
KEY_ADDRESS = Account.from_key("0x" + KEY_HEX).address
T0 = 1_700_000_000.0


class FakeClock:
    """The wall clock ``t`` and the monotonic clock that serves a lock (``monotonic``): moving ``t``
    forward is time passing (the monotonic clock follows); moving it back is someone setting the
    clock back (the monotonic clock does not). Issue 18's wall-clock jumps are tested in
    tests/keys/test_lock_monotonic.py with the two clocks apart."""

    def __init__(self, t: float = T0) -> None:
        self._t = t
        self.mono = 1000.0

    @property
    def t(self) -> float:
        return self._t

    @t.setter
    def t(self, value: float) -> None:
        self.mono += max(0.0, value - self._t)
        self._t = value

    def __call__(self) -> float:
        return self._t

    def monotonic(self) -> float:
        return self.mono


@pytest.fixture(scope="module")
def created(tmp_path_factory) -> tuple[Path, str]:
    """One key made by ``create`` (a data folder that does not exist yet); shared, read-only."""
    data_dir = tmp_path_factory.mktemp("created") / "nested" / "data"
    address = RelayKeyStore(data_dir).create(PASS)
    return data_dir, address


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    """KEY_HEX imported with a 0x prefix; shared, read-only."""
    data_dir = tmp_path_factory.mktemp("imported")
    assert RelayKeyStore(data_dir).import_key("0x" + KEY_HEX, PASS) == KEY_ADDRESS
    return data_dir


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def shop_db(tmp_path):
    """The shop database of this test's folder (it holds the attempt counter)."""
    db = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    yield db
    db.close()


@pytest.fixture
def store(created, tmp_path, clock, shop_db) -> RelayKeyStore:
    """A private copy of the created key in this test's folder."""
    shutil.copy2(created[0] / K.KEY_FILE_NAME, tmp_path / K.KEY_FILE_NAME)
    return RelayKeyStore(tmp_path, store=shop_db, clock=clock, monotonic=clock.monotonic)


@pytest.fixture
def key_store(imported, tmp_path, clock, shop_db) -> RelayKeyStore:
    """A private copy of the imported KEY_HEX in this test's folder."""
    shutil.copy2(imported / K.KEY_FILE_NAME, tmp_path / K.KEY_FILE_NAME)
    return RelayKeyStore(tmp_path, store=shop_db, clock=clock, monotonic=clock.monotonic)


def _counter(db) -> tuple[int, int] | None:
    row = db.one("SELECT failures, locked_until FROM key_attempts WHERE name = 'relay'")
    return None if row is None else (row["failures"], row["locked_until"])


def _write_keystore(path: Path, data: dict, *, record: bool = True) -> None:
    """Write ``data`` as a key file, with a fresh integrity record or none (as older versions)."""
    data = {k: v for k, v in data.items() if k != INTEGRITY_FIELD}
    if record:
        data[INTEGRITY_FIELD] = integrity_digest(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _keystore_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _sign_and_recover(account) -> str:
    tx = {"to": KEY_ADDRESS, "value": 1, "gas": 21_000, "gasPrice": 10**9, "nonce": 0,
          "chainId": 56}
    signed = account.sign_transaction(tx)
    return Account.recover_transaction(signed.raw_transaction)


# ---------------------------------------------------------------------- create / file format


def test_create_then_unlock_gives_same_account_that_signs(store, created):
    address = created[1]
    assert store.exists() and store.address() == address
    account = store.unlock(PASS)
    assert account.address == address
    assert _sign_and_recover(account) == address
    text = store.path.read_text(encoding="utf-8").lower()
    assert account.key.hex().removeprefix("0x").lower() not in text
    assert store.attempts_left() == K.MAX_ATTEMPTS


def test_file_is_keystore_v3_with_scrypt(created):
    data_dir, address = created
    data = _keystore_json(data_dir / K.KEY_FILE_NAME)
    assert data["version"] == 3
    crypto = data["crypto"]
    assert crypto["cipher"] == "aes-128-ctr"
    assert crypto["kdf"] == "scrypt"
    params = crypto["kdfparams"]
    # eth-account (eth-keyfile) fixes r=8, p=1 for scrypt; the brief's r=1, p=8 is not its default.
    assert (params["n"], params["r"], params["p"], params["dklen"]) == (2**18, 8, 1, 32)
    assert "0x" + data["address"].lower() == address.lower()
    assert data[INTEGRITY_FIELD] == integrity_digest(data)
    assert RelayKeyStore(data_dir).address() == address


def test_imported_file_holds_no_clear_key_and_unlocks_to_it(key_store):
    text = key_store.path.read_text(encoding="utf-8")
    assert KEY_HEX not in text.lower() and KEY_HEX.upper() not in text
    assert _keystore_json(key_store.path)["crypto"]["kdfparams"]["n"] == 2**18
    account = key_store.unlock(PASS)
    assert account.key.hex().removeprefix("0x") == KEY_HEX
    assert account.address == KEY_ADDRESS


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_key_file_is_0600_and_no_temp_files_left(created):
    data_dir = created[0]
    assert stat.S_IMODE((data_dir / K.KEY_FILE_NAME).stat().st_mode) == 0o600
    assert sorted(p.name for p in data_dir.iterdir()) == [K.KEY_FILE_NAME]


# ---------------------------------------------------------------------- passphrase attempts


def test_wrong_passphrase_raises_and_counts_down(store, tmp_path, shop_db):
    assert store.attempts_left() == 10
    with pytest.raises(BadInput) as info:
        store.unlock(WRONG)
    assert info.value.key == K.MSG_WRONG_PASSPHRASE
    assert info.value.params == {"minutes": 30, "left": 9}
    assert store.attempts_left() == 9
    assert _counter(shop_db) == (1, 0)  # in the shop database, not in a file beside the key
    assert not (tmp_path / K.ATTEMPTS_FILE_NAME).exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # the count survives a restart (a process of its own opens the database itself)
    shop_db.close()
    assert RelayKeyStore(tmp_path).attempts_left() == 9


def test_ten_wrong_attempts_lock_out_for_30_minutes_even_across_restart(store, tmp_path, clock):
    for n in range(1, 10):
        with pytest.raises(BadInput) as info:
            store.unlock(WRONG)
        assert info.value.key == K.MSG_WRONG_PASSPHRASE
        assert store.attempts_left() == 10 - n
        clock.t += 1
    with pytest.raises(BadInput) as info:  # the 10th wrong one starts the lock
        store.unlock(WRONG)
    assert info.value.key == K.MSG_LOCKED and info.value.params == {"minutes": 30}
    locked_at = clock.t
    assert store.attempts_left() == 0

    with pytest.raises(BadInput) as info:  # even the right passphrase
        store.unlock(PASS)
    assert info.value.key == K.MSG_LOCKED

    restarted = RelayKeyStore(tmp_path, store=store._store, clock=clock, monotonic=clock.monotonic)
    clock.t = locked_at + 29 * 60 + 30
    assert restarted.attempts_left() == 0
    assert 0 < restarted.lockout_remaining() <= 30
    with pytest.raises(BadInput) as info:
        restarted.unlock(PASS)
    assert info.value.key == K.MSG_LOCKED and info.value.params == {"minutes": 1}

    clock.t = locked_at + 30 * 60
    assert restarted.attempts_left() == 10 and restarted.lockout_remaining() == 0
    assert restarted.unlock(PASS).address == store.address()
    assert restarted.attempts_left() == 10
    assert _counter(store._store) == (0, 0)


def test_success_resets_the_counter(store, tmp_path):
    with pytest.raises(BadInput):
        store.unlock(WRONG)
    assert store.attempts_left() == 9
    store.unlock(PASS)
    assert store.attempts_left() == 10
    assert RelayKeyStore(tmp_path, store=store._store).attempts_left() == 10


def test_damaged_attempts_file_locks_and_clock_going_back_cannot_extend_it(store, tmp_path, clock):
    # an old version's attempts file, damaged: folded into the database as a lock (fail closed)
    (tmp_path / K.ATTEMPTS_FILE_NAME).write_text("{garbage", encoding="utf-8")
    assert store.attempts_left() == 0
    assert not (tmp_path / K.ATTEMPTS_FILE_NAME).exists()
    with pytest.raises(BadInput) as info:
        store.unlock(PASS)  # refused before any decryption
    assert info.value.key == K.MSG_LOCKED
    clock.t -= 24 * 3600  # someone sets the clock a day back
    assert 0 < store.lockout_remaining() <= K.LOCKOUT_SECONDS
    clock.t += K.LOCKOUT_SECONDS
    assert store.attempts_left() == 10


# ---------------------------------------------------------------------- import


def test_import_bare_hex_gives_expected_address(tmp_path):
    ks = RelayKeyStore(tmp_path)
    assert ks.import_key(f"  {KEY_HEX.upper()}\n", PASS) == KEY_ADDRESS
    assert ks.address() == KEY_ADDRESS
    assert KEY_HEX not in ks.path.read_text(encoding="utf-8").lower()


def test_import_0x_hex_gives_expected_address(imported):
    assert RelayKeyStore(imported).address() == KEY_ADDRESS


@pytest.mark.parametrize("crypto_key", ["crypto", "Crypto"])  # older wallets wrote "Crypto"
def test_import_from_another_keystore_with_its_passphrase(tmp_path, crypto_key):
    source = Account.encrypt("0x" + KEY_HEX, SOURCE_PASS, kdf="scrypt", iterations=2**4)
    source[crypto_key] = source.pop("crypto")
    ks = RelayKeyStore(tmp_path)
    address = ks.import_key(json.dumps(source), PASS, source_passphrase=SOURCE_PASS)
    assert address == KEY_ADDRESS and ks.address() == KEY_ADDRESS
    ours = _keystore_json(ks.path)
    # re-encrypted: our own strong parameters, not the source's cheap ones
    assert ours["crypto"]["kdfparams"]["n"] == 2**18
    assert ours["crypto"]["ciphertext"] != source[crypto_key]["ciphertext"]


@pytest.mark.parametrize("given", [None, "not the right one"])
def test_import_keystore_with_wrong_or_missing_source_passphrase(tmp_path, given):
    source = Account.encrypt("0x" + KEY_HEX, SOURCE_PASS, kdf="pbkdf2", iterations=2)
    ks = RelayKeyStore(tmp_path)
    with pytest.raises(BadInput) as info:
        ks.import_key(json.dumps(source), PASS, source_passphrase=given)
    assert info.value.key == K.MSG_SOURCE_PASSPHRASE
    assert not ks.exists() and list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------- refusals


def test_refuses_to_replace_an_existing_key(store):
    before = store.path.read_bytes()
    with pytest.raises(BadInput) as info:
        store.create(OTHER_PASS)
    assert info.value.key == K.MSG_KEY_EXISTS
    with pytest.raises(BadInput) as info:
        store.import_key(KEY_HEX, OTHER_PASS)
    assert info.value.key == K.MSG_KEY_EXISTS
    assert store.path.read_bytes() == before


@pytest.mark.parametrize("call", ["create", "import"])
def test_refuses_short_passphrase(tmp_path, call):
    ks = RelayKeyStore(tmp_path)
    with pytest.raises(BadInput) as info:
        if call == "create":
            ks.create("123456789")
        else:
            ks.import_key(KEY_HEX, "123456789")
    assert info.value.key == K.MSG_SHORT_PASSPHRASE and info.value.params == {"n": 10}
    assert str(info.value) == "The passphrase must have at least 10 characters."
    assert not ks.exists()


_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


@pytest.mark.parametrize(
    "secret",
    [
        "",
        "0x",
        "zz" * 32,
        "0x" + "g" + KEY_HEX[1:],
        KEY_HEX[:-1],  # 63 digits
        KEY_HEX + "00",  # 33 bytes
        "0x" + KEY_HEX[:40],  # an address, not a key
        "0" * 64,  # zero is not a key
        f"{_ORDER:064x}",  # the curve order is not a key
        "0x" + "1_" * 31 + "11",
        "{not json",
        '{"version": 4, "crypto": {}}',
        '{"version": 3, "crypto": {"kdf": "scrypt"}}',
        "[1, 2, 3]",
    ],
)
def test_refuses_invalid_secret(tmp_path, secret):
    ks = RelayKeyStore(tmp_path)
    with pytest.raises(BadInput) as info:
        ks.import_key(secret, PASS, source_passphrase=SOURCE_PASS)
    assert info.value.key == K.MSG_BAD_SECRET
    assert not ks.exists()


def test_refuses_keystore_demanding_absurd_scrypt_work(tmp_path):
    source = Account.encrypt("0x" + KEY_HEX, SOURCE_PASS, kdf="scrypt", iterations=2**4)
    source["crypto"]["kdfparams"]["n"] = 2**30  # would need 1 TiB of RAM
    with pytest.raises(BadInput) as info:
        RelayKeyStore(tmp_path).import_key(json.dumps(source), PASS, source_passphrase=SOURCE_PASS)
    assert info.value.key == K.MSG_SOURCE_TOO_COSTLY


def _damage(data: dict, how: str) -> str:
    if how == "not json":
        return "{this is not json"
    if how == "empty":
        return ""
    if how == "list":
        return "[]"
    if how == "version 2":
        data["version"] = 2
    elif how == "no version":
        del data["version"]
    elif how == "no crypto":
        del data["crypto"]
    elif how == "no address":
        del data["address"]
    elif how == "short mac":
        data["crypto"]["mac"] = data["crypto"]["mac"][:10]
    elif how == "no kdfparams":
        del data["crypto"]["kdfparams"]
    elif how == "unknown kdf":
        data["crypto"]["kdf"] = "argon2"
    return json.dumps(data)


@pytest.mark.parametrize("record", ["kept", "removed"])  # the integrity record, or a file without one
@pytest.mark.parametrize(
    "how",
    ["not json", "empty", "list", "version 2", "no version", "no crypto", "no address",
     "short mac", "no kdfparams", "unknown kdf"],
)
def test_refuses_damaged_key_file_without_counting_an_attempt(store, how, record):
    data = _keystore_json(store.path)
    if record == "removed":
        del data[INTEGRITY_FIELD]
    store.path.write_text(_damage(data, how), encoding="utf-8")
    with pytest.raises(StorageError) as info:
        store.unlock(PASS)
    # with its record, any change shows as damage; without it, only what breaks the format
    expected = K.MSG_DAMAGED if record == "kept" and how not in ("not json", "empty", "list") else K.MSG_CORRUPT
    assert info.value.key == expected
    assert "is damaged" in str(info.value)
    assert info.value.params == {"path": str(store.path)}
    with pytest.raises(StorageError):
        store.address()
    assert store.attempts_left() == 10


def test_refuses_key_file_whose_address_field_was_changed(store):
    data = _keystore_json(store.path)
    data["address"] = KEY_ADDRESS[2:].lower()
    store.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StorageError) as info:  # the integrity record shows it without decrypting
        store.address()
    assert info.value.key == K.MSG_DAMAGED
    _write_keystore(store.path, data, record=False)  # a file without the record: caught at unlock
    assert store.address() == KEY_ADDRESS
    with pytest.raises(StorageError) as info:
        store.unlock(PASS)
    assert info.value.key == K.MSG_CORRUPT


def test_missing_key_file(tmp_path):
    ks = RelayKeyStore(tmp_path / "nothing-here")
    assert not ks.exists() and ks.address() is None
    with pytest.raises(NotFound) as info:
        ks.unlock(PASS)
    assert info.value.key == K.MSG_NO_KEY
    assert ks.attempts_left() == 10


# ---------------------------------------------------------------------- no secret leaks


def test_no_secret_in_any_error_repr_or_log(key_store, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    secrets_ = [KEY_HEX, KEY_HEX.upper(), PASS, WRONG, SOURCE_PASS, "123456789", OTHER_PASS]
    errors: list[PosError] = []

    def catch(fn, *args, **kwargs) -> None:
        with pytest.raises(PosError) as info:
            fn(*args, **kwargs)
        errors.append(info.value)

    catch(key_store.unlock, WRONG)  # wrong passphrase
    catch(key_store.import_key, KEY_HEX, OTHER_PASS)  # key exists
    fresh = RelayKeyStore(tmp_path / "fresh")
    catch(fresh.create, "123456789")  # short passphrase
    catch(fresh.import_key, KEY_HEX, "123456789")
    catch(fresh.import_key, KEY_HEX[:-1], OTHER_PASS)  # bad hex
    catch(fresh.import_key, "0x" + KEY_HEX + "ff", OTHER_PASS)
    catch(fresh.unlock, PASS)  # missing file
    source = Account.encrypt("0x" + KEY_HEX, SOURCE_PASS, kdf="pbkdf2", iterations=2)
    catch(fresh.import_key, json.dumps(source), OTHER_PASS, source_passphrase=WRONG)
    catch(fresh.import_key, json.dumps(source)[:-5], OTHER_PASS, source_passphrase=SOURCE_PASS)
    key_store.path.write_text("{", encoding="utf-8")
    catch(key_store.unlock, PASS)  # damaged file

    assert len(errors) == 10
    texts = [repr(key_store), repr(fresh)] + [r.getMessage() for r in caplog.records]
    for e in errors:
        texts += [str(e), repr(e), e.user_message, e.template, str(e.detail), repr(e.params)]
        assert e.__cause__ is None
    for text in texts:
        for secret in secrets_:
            assert secret not in text


# ---------------------------------------------------------------------- issue 10, point 6 (keys)

CHEAP_N = 2**4  # the explicit test hook's scrypt n (the floors themselves are tested with real values)


@pytest.fixture
def cheap_kdf(monkeypatch):
    """Test hook: write and accept scrypt n=16, so many guesses stay fast; same code path."""
    monkeypatch.setattr(K, "SCRYPT_N", CHEAP_N)
    monkeypatch.setattr(K, "MIN_SCRYPT_N", CHEAP_N)


def _cheap_source(**kdf) -> dict:
    kdf = kdf or {"kdf": "scrypt", "iterations": CHEAP_N}
    return Account.encrypt("0x" + KEY_HEX, PASS, **kdf)


def _set_kdf(data: dict, **params) -> dict:
    data["crypto"]["kdfparams"].update(params)
    return data


@pytest.mark.parametrize("kdf", [{"kdf": "scrypt", "iterations": 2}, {"kdf": "pbkdf2", "iterations": 1}],
                         ids=["scrypt n=2", "pbkdf2 c=1"])
@pytest.mark.parametrize("record", [True, False], ids=["with record", "without record"])
def test_f6_weak_key_file_in_data_folder_is_refused(tmp_path, shop_db, kdf, record):
    """A key file re-encrypted with scrypt n=2 or pbkdf2 c=1 no longer unlocks silently."""
    ks = RelayKeyStore(tmp_path, store=shop_db)
    _write_keystore(ks.path, Account.encrypt("0x" + KEY_HEX, PASS, **kdf), record=record)
    for call in (lambda: ks.unlock(PASS), ks.address):
        with pytest.raises(StorageError) as info:
            call()
        assert info.value.key == K.MSG_WEAK
        assert info.value.params == {"path": str(ks.path)}
        assert "too weakly" in str(info.value) and "import it again" in str(info.value)
    assert ks.attempts_left() == 10 and _counter(shop_db) is None  # no attempt counted


def test_f6_kdf_floor_is_owasp_minimum_with_real_values(tmp_path, shop_db):
    """scrypt n=2**17 r=8 p=1 and pbkdf2 600,000 rounds open; one step below is refused."""
    ks = RelayKeyStore(tmp_path, store=shop_db)
    cheap = _cheap_source()
    below = [_set_kdf(json.loads(json.dumps(cheap)), n=2**16),  # n one step below
             _set_kdf(json.loads(json.dumps(cheap)), n=2**18, r=4),  # r below 8 (n*r as ours)
             _set_kdf(json.loads(json.dumps(cheap)), n=2**17, r=8, p=0)]
    pbkdf2 = Account.encrypt("0x" + KEY_HEX, PASS, kdf="pbkdf2", iterations=1)
    below.append(_set_kdf(pbkdf2, c=599_999))
    for data in below:
        _write_keystore(ks.path, data)
        with pytest.raises(StorageError) as info:
            ks.unlock(PASS)
        assert info.value.key in (K.MSG_WEAK, K.MSG_CORRUPT)  # p=0 is not even a keystore
    assert ks.attempts_left() == 10
    for kdf, rounds in (("scrypt", 2**17), ("pbkdf2", 600_000)):
        _write_keystore(ks.path, Account.encrypt("0x" + KEY_HEX, PASS, kdf=kdf, iterations=rounds))
        assert ks.unlock(PASS).address == KEY_ADDRESS


@pytest.mark.parametrize("params", [{"n": 2**22}, {"n": 2**18, "p": 8}, {"n": 2**30, "r": 1},
                                    {"c": 10**9}],
                         ids=["n=2^22", "p=8", "n=2^30", "pbkdf2 c=10^9"])
def test_f6_absurd_kdf_parameters_are_refused_quickly(tmp_path, shop_db, params):
    """Parameters that would take gigabytes or minutes are refused before any work, in the folder and at import."""
    import time
    kdf = {"kdf": "pbkdf2", "iterations": 1} if "c" in params else {}
    data = _set_kdf(_cheap_source(**kdf), **params)
    ks = RelayKeyStore(tmp_path, store=shop_db)
    _write_keystore(ks.path, data)
    started = time.monotonic()
    with pytest.raises(StorageError) as info:
        ks.unlock(PASS)
    assert info.value.key == K.MSG_TOO_COSTLY and "stall this computer" in str(info.value)
    with pytest.raises(BadInput) as info:
        RelayKeyStore(tmp_path / "other").import_key(json.dumps(data), OTHER_PASS, source_passphrase=PASS)
    assert info.value.key == K.MSG_SOURCE_TOO_COSTLY
    assert time.monotonic() - started < 2
    assert ks.attempts_left() == 10


@pytest.mark.parametrize("kdf", [{"kdf": "scrypt", "iterations": 2}, {"kdf": "pbkdf2", "iterations": 1}],
                         ids=["scrypt n=2", "pbkdf2 c=1"])
def test_f6_import_of_weak_file_re_encrypts(tmp_path, kdf):
    """``relay import`` takes a weak keystore and saves it with the app's own parameters and record."""
    source = Account.encrypt("0x" + KEY_HEX, SOURCE_PASS, **kdf)
    ks = RelayKeyStore(tmp_path)
    assert ks.import_key(json.dumps(source), PASS, source_passphrase=SOURCE_PASS) == KEY_ADDRESS
    ours = _keystore_json(ks.path)
    assert ours["crypto"]["kdf"] == "scrypt"
    params = ours["crypto"]["kdfparams"]
    assert (params["n"], params["r"], params["p"]) == (2**18, 8, 1)
    assert ours["crypto"]["ciphertext"] != source["crypto"]["ciphertext"]
    assert ours[INTEGRITY_FIELD] == integrity_digest(ours)
    assert ks.address() == KEY_ADDRESS  # accepted by the data-folder checks


def test_f6_changed_mac_or_ciphertext_says_damaged_and_costs_no_attempt(store, shop_db):
    """A changed MAC, ciphertext, salt or iv: "damaged", nothing decrypted, no attempt; a wrong passphrase still costs one."""
    original = _keystore_json(store.path)
    for field in ("mac", "ciphertext", "salt", "iv"):
        data = json.loads(json.dumps(original))
        holder = {"mac": data["crypto"], "ciphertext": data["crypto"], "salt": data["crypto"]["kdfparams"],
                  "iv": data["crypto"]["cipherparams"]}[field]
        holder[field] = ("0" if holder[field][0] != "0" else "1") + holder[field][1:]
        store.path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        for guess in (PASS, WRONG):
            with pytest.raises(StorageError) as info:
                store.unlock(guess)
            assert info.value.key == K.MSG_DAMAGED
            assert "is damaged" in str(info.value) and "did not count" in str(info.value)
        assert store.attempts_left() == 10
    assert _counter(shop_db) is None
    store.path.write_text(json.dumps(original, indent=2), encoding="utf-8")
    with pytest.raises(BadInput) as info:
        store.unlock(WRONG)
    assert info.value.key == K.MSG_WRONG_PASSPHRASE and store.attempts_left() == 9


def test_f6_file_without_record_gets_one_at_first_unlock(store, tmp_path, shop_db):
    """A file from an older version or another wallet: handled as before, then given its record."""
    data = _keystore_json(store.path)
    _write_keystore(store.path, data, record=False)
    before = _keystore_json(store.path)
    assert store.unlock(PASS).address == store.address()
    after = _keystore_json(store.path)
    assert after[INTEGRITY_FIELD] == integrity_digest(before)
    assert {k: v for k, v in after.items() if k != INTEGRITY_FIELD} == before
    if os.name == "posix":
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    after["crypto"]["mac"] = "00" + after["crypto"]["mac"][2:]
    store.path.write_text(json.dumps(after), encoding="utf-8")
    with pytest.raises(StorageError) as info:  # from now on damage shows as damage
        store.unlock(PASS)
    assert info.value.key == K.MSG_DAMAGED and store.attempts_left() == 10


_GUESSER = """
import sys
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store.db import open_store
from pos_app.keys import keystore as K
K.SCRYPT_N = K.MIN_SCRYPT_N = int(sys.argv[2])  # the test hook: cheap scrypt, same code path
db = open_store(sys.argv[1], device_key=DeviceKeyOnce(sys.argv[1]))
ks = K.RelayKeyStore(sys.argv[1], store=db)
print("ready", flush=True)
sys.stdin.readline()
try:
    ks.unlock("wrong horse battery")
    print("unlocked")
except Exception as exc:
    print(type(exc).__name__, getattr(exc, "key", ""))
"""


def test_f6_eight_parallel_wrong_guesses_count_as_eight(tmp_path, cheap_kdf):
    """Eight processes guess at the same moment: the count goes up by eight (BEGIN IMMEDIATE)."""
    import subprocess
    import sys
    root = Path(__file__).resolve().parents[2]
    RelayKeyStore(tmp_path).create(PASS)
    open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path)).close()  # schema in place before the guessers start
    env = {**os.environ, "PYTHONPATH": str(root)}
    procs = [subprocess.Popen([sys.executable, "-c", _GUESSER, str(tmp_path), str(CHEAP_N)], cwd=root, env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in range(8)]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "ready"
        for p in procs:  # released together
            p.stdin.write("\n")
            p.stdin.flush()
        outcomes = [p.communicate(timeout=120)[0].strip() for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert outcomes == [f"BadInput {K.MSG_WRONG_PASSPHRASE}"] * 8
    db = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    try:
        assert _counter(db) == (8, 0)
        assert RelayKeyStore(tmp_path, store=db).attempts_left() == 2
        counted = db.query("SELECT detail FROM audit_log WHERE event = 'key.attempts' ORDER BY id")
        assert sorted(json.loads(r["detail"])["failures"] for r in counted) == list(range(1, 9))
        assert db.verify_audit_chain()
    finally:
        db.close()


def test_f6_deleting_attempts_row_or_file_does_not_lift_the_lock(tmp_path, shop_db, clock, cheap_kdf):
    """After a lock, a deleted or zeroed counter row, or a fresh old-style attempts file, still means locked."""
    ks = RelayKeyStore(tmp_path, store=shop_db, clock=clock, monotonic=clock.monotonic)
    ks.create(PASS)
    for _ in range(K.MAX_ATTEMPTS):
        with pytest.raises(BadInput):
            ks.unlock(WRONG)
    locked_until = _counter(shop_db)[1]
    assert ks.attempts_left() == 0 and locked_until == T0 + K.LOCKOUT_SECONDS

    def still_locked() -> None:
        with pytest.raises(BadInput) as info:
            RelayKeyStore(tmp_path, store=shop_db, clock=clock, monotonic=clock.monotonic).unlock(PASS)
        assert info.value.key == K.MSG_LOCKED
        assert _counter(shop_db) == (K.MAX_ATTEMPTS, locked_until)  # written back to agree

    shop_db.execute("DELETE FROM key_attempts")
    still_locked()
    shop_db.execute("UPDATE key_attempts SET failures = 0, locked_until = 0")
    still_locked()
    (tmp_path / K.ATTEMPTS_FILE_NAME).write_text('{"failures": 0, "locked_until": null}', encoding="utf-8")
    shop_db.execute("DELETE FROM key_attempts")
    still_locked()
    assert not (tmp_path / K.ATTEMPTS_FILE_NAME).exists()
    shop_db.close()  # another process, its own connection
    fresh_db = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    try:
        fresh_db.execute("DELETE FROM key_attempts")
        with pytest.raises(BadInput) as info:
            RelayKeyStore(tmp_path, store=fresh_db, clock=clock, monotonic=clock.monotonic).unlock(PASS)
        assert info.value.key == K.MSG_LOCKED
        clock.t = locked_until  # the lock served: the right passphrase works again
        assert RelayKeyStore(tmp_path, store=fresh_db, clock=clock, monotonic=clock.monotonic).unlock(PASS).address == ks.address()
        assert _counter(fresh_db) == (0, 0) and fresh_db.verify_audit_chain()
    finally:
        fresh_db.close()


@pytest.mark.parametrize("old", [{"failures": 4, "locked_until": None},
                                 {"failures": 10, "locked_until": T0 + 600.5}], ids=["counting", "locked"])
def test_f6_old_attempts_file_is_moved_into_the_database(store, tmp_path, shop_db, clock, old):
    """An earlier version's relay-key.attempts is folded into key_attempts, then removed."""
    legacy = tmp_path / K.ATTEMPTS_FILE_NAME
    legacy.write_text(json.dumps(old), encoding="utf-8")
    if old["locked_until"] is None:
        assert store.attempts_left() == 6
        assert _counter(shop_db) == (4, 0)
    else:
        assert store.attempts_left() == 0 and 0 < store.lockout_remaining() <= 601
        assert _counter(shop_db) == (10, T0 + 601)
        shop_db.execute("DELETE FROM key_attempts")  # the old file is gone and the row too: still locked
        with pytest.raises(BadInput) as info:
            store.unlock(PASS)
        assert info.value.key == K.MSG_LOCKED
    assert not legacy.exists()


def test_f6_cli_relay_import_re_encrypts_a_weak_file_and_a_weak_file_in_place_is_refused(
        tmp_path, monkeypatch, capsys):
    """``sompos relay import`` of an n=2 keystore saves a strong one; the same file put in the folder by hand is refused."""
    from pos_app.cli.main import main as cli_main
    weak = tmp_path / "weak.json"
    weak.write_text(json.dumps(Account.encrypt("0x" + KEY_HEX, SOURCE_PASS, kdf="scrypt", iterations=2)))
    monkeypatch.setenv("SOMPOS_RELAY_SOURCE_PASSPHRASE", SOURCE_PASS)
    monkeypatch.setenv("SOMPOS_RELAY_PASSPHRASE", PASS)
    shop = tmp_path / "shop"
    assert cli_main(["relay", "import", str(weak), "--data-dir", str(shop)]) == 0
    ours = _keystore_json(shop / K.KEY_FILE_NAME)
    assert ours["crypto"]["kdfparams"]["n"] == 2**18 and ours[INTEGRITY_FIELD] == integrity_digest(ours)
    assert KEY_ADDRESS in capsys.readouterr().out

    by_hand = tmp_path / "by-hand"
    by_hand.mkdir()
    shutil.copy(weak, by_hand / K.KEY_FILE_NAME)
    assert cli_main(["relay", "show", "--data-dir", str(by_hand)]) == 3  # a storage error
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "protected too weakly" in err[0] and "import it again" in err[0]
