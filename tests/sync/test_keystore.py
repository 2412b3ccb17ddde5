"""The relay key store (``pos_app/sync/keystore.py``), with real eth-account and real scrypt.

Tested: create then unlock gives the same account, which signs a transaction; the file is
keystore v3 with scrypt n=2**18 (eth-account's r=8, p=1), holds no clear key, and is mode 0600
with no temp files left; wrong passphrases count down and survive a restart; 10 wrong ones lock
out even the right passphrase for 30 minutes (fake clock), then unlocking works and the count
resets; a damaged attempts file locks (fail closed) and a clock moved back cannot extend the lock
past 30 minutes; import from hex (with and without 0x) and from another keystore (cheap KDF, its
own passphrase) gives the expected address and our own scrypt file; refusals (existing key, short
passphrase, bad or out-of-range hex, bad keystore text, wrong or missing source passphrase,
damaged key file, missing key file) change nothing; no key or passphrase in any error or log.

scrypt at n=2**18 costs about 0.8 s per encrypt or decrypt, so a key is created once per module
and copied into each test's folder. The file makes about 20 scrypt calls in total.
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

from pos_app.errors import BadInput, NotFound, PosError, StorageError
from pos_app.sync import keystore as K
from pos_app.sync.keystore import RelayKeyStore

PASS = "correct horse battery"
WRONG = "wrong horse battery"
OTHER_PASS = "another long passphrase"
SOURCE_PASS = "source wallet passphrase"
# A fixed test key (never funded anywhere) so the tests can look for it in files and messages.
KEY_HEX = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
KEY_ADDRESS = Account.from_key("0x" + KEY_HEX).address
T0 = 1_700_000_000.0


class FakeClock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


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
def store(created, tmp_path, clock) -> RelayKeyStore:
    """A private copy of the created key in this test's folder."""
    shutil.copy2(created[0] / K.KEY_FILE_NAME, tmp_path / K.KEY_FILE_NAME)
    return RelayKeyStore(tmp_path, clock=clock)


@pytest.fixture
def key_store(imported, tmp_path, clock) -> RelayKeyStore:
    """A private copy of the imported KEY_HEX in this test's folder."""
    shutil.copy2(imported / K.KEY_FILE_NAME, tmp_path / K.KEY_FILE_NAME)
    return RelayKeyStore(tmp_path, clock=clock)


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


def test_wrong_passphrase_raises_and_counts_down(store, tmp_path):
    assert store.attempts_left() == 10
    with pytest.raises(BadInput) as info:
        store.unlock(WRONG)
    assert info.value.template == K.MSG_WRONG_PASSPHRASE
    assert info.value.params == {"minutes": 30, "left": 9}
    assert store.attempts_left() == 9
    attempts = tmp_path / K.ATTEMPTS_FILE_NAME
    assert attempts.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(attempts.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # the count survives a restart
    assert RelayKeyStore(tmp_path).attempts_left() == 9


def test_ten_wrong_attempts_lock_out_for_30_minutes_even_across_restart(store, tmp_path, clock):
    for n in range(1, 10):
        with pytest.raises(BadInput) as info:
            store.unlock(WRONG)
        assert info.value.template == K.MSG_WRONG_PASSPHRASE
        assert store.attempts_left() == 10 - n
        clock.t += 1
    with pytest.raises(BadInput) as info:  # the 10th wrong one starts the lock
        store.unlock(WRONG)
    assert info.value.template == K.MSG_LOCKED and info.value.params == {"minutes": 30}
    locked_at = clock.t
    assert store.attempts_left() == 0

    with pytest.raises(BadInput) as info:  # even the right passphrase
        store.unlock(PASS)
    assert info.value.template == K.MSG_LOCKED

    restarted = RelayKeyStore(tmp_path, clock=clock)
    clock.t = locked_at + 29 * 60 + 30
    assert restarted.attempts_left() == 0
    assert 0 < restarted.lockout_remaining() <= 30
    with pytest.raises(BadInput) as info:
        restarted.unlock(PASS)
    assert info.value.template == K.MSG_LOCKED and info.value.params == {"minutes": 1}

    clock.t = locked_at + 30 * 60
    assert restarted.attempts_left() == 10 and restarted.lockout_remaining() == 0
    assert restarted.unlock(PASS).address == store.address()
    assert restarted.attempts_left() == 10
    assert not (tmp_path / K.ATTEMPTS_FILE_NAME).exists()


def test_success_resets_the_counter(store, tmp_path):
    with pytest.raises(BadInput):
        store.unlock(WRONG)
    assert store.attempts_left() == 9
    store.unlock(PASS)
    assert store.attempts_left() == 10
    assert RelayKeyStore(tmp_path).attempts_left() == 10


def test_damaged_attempts_file_locks_and_clock_going_back_cannot_extend_it(store, tmp_path, clock):
    (tmp_path / K.ATTEMPTS_FILE_NAME).write_text("{garbage", encoding="utf-8")
    assert store.attempts_left() == 0
    with pytest.raises(BadInput) as info:
        store.unlock(PASS)  # refused before any decryption
    assert info.value.template == K.MSG_LOCKED
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
    assert info.value.template == K.MSG_SOURCE_PASSPHRASE
    assert not ks.exists() and list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------- refusals


def test_refuses_to_replace_an_existing_key(store):
    before = store.path.read_bytes()
    with pytest.raises(BadInput) as info:
        store.create(OTHER_PASS)
    assert info.value.template == K.MSG_KEY_EXISTS
    with pytest.raises(BadInput) as info:
        store.import_key(KEY_HEX, OTHER_PASS)
    assert info.value.template == K.MSG_KEY_EXISTS
    assert store.path.read_bytes() == before


@pytest.mark.parametrize("call", ["create", "import"])
def test_refuses_short_passphrase(tmp_path, call):
    ks = RelayKeyStore(tmp_path)
    with pytest.raises(BadInput) as info:
        if call == "create":
            ks.create("123456789")
        else:
            ks.import_key(KEY_HEX, "123456789")
    assert info.value.template == K.MSG_SHORT_PASSPHRASE and info.value.params == {"n": 10}
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
    assert info.value.template == K.MSG_BAD_SECRET
    assert not ks.exists()


def test_refuses_keystore_demanding_absurd_scrypt_work(tmp_path):
    source = Account.encrypt("0x" + KEY_HEX, SOURCE_PASS, kdf="scrypt", iterations=2**4)
    source["crypto"]["kdfparams"]["n"] = 2**30  # would need 1 TiB of RAM
    with pytest.raises(BadInput) as info:
        RelayKeyStore(tmp_path).import_key(json.dumps(source), PASS, source_passphrase=SOURCE_PASS)
    assert info.value.template == K.MSG_BAD_SECRET


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
    elif how == "huge n":
        data["crypto"]["kdfparams"]["n"] = 2**30
    return json.dumps(data)


@pytest.mark.parametrize(
    "how",
    ["not json", "empty", "list", "version 2", "no version", "no crypto", "no address",
     "short mac", "no kdfparams", "unknown kdf", "huge n"],
)
def test_refuses_damaged_key_file_without_counting_an_attempt(store, how):
    store.path.write_text(_damage(_keystore_json(store.path), how), encoding="utf-8")
    with pytest.raises(StorageError) as info:
        store.unlock(PASS)
    assert info.value.template == K.MSG_CORRUPT
    assert info.value.params == {"path": str(store.path)}
    with pytest.raises(StorageError):
        store.address()
    assert store.attempts_left() == 10


def test_refuses_key_file_whose_address_field_was_changed(store):
    data = _keystore_json(store.path)
    data["address"] = KEY_ADDRESS[2:].lower()
    store.path.write_text(json.dumps(data), encoding="utf-8")
    assert store.address() == KEY_ADDRESS  # read without decrypting, so not caught yet
    with pytest.raises(StorageError) as info:
        store.unlock(PASS)
    assert info.value.template == K.MSG_CORRUPT


def test_missing_key_file(tmp_path):
    ks = RelayKeyStore(tmp_path / "nothing-here")
    assert not ks.exists() and ks.address() is None
    with pytest.raises(NotFound) as info:
        ks.unlock(PASS)
    assert info.value.template == K.MSG_NO_KEY
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
