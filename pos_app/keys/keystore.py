"""The merchant's relay key, kept in a standard Ethereum keystore v3 file.

The relay key is an ordinary Ethereum account. Its BNB pays the gas that submits customers'
EIP-3009 authorizations, so anyone holding it can spend that BNB. It is stored only as
``<data_dir>/relay-key.json``, in the keystore v3 format written by eth-account's
``Account.encrypt``. Geth, MetaMask, eth-account and most wallets can open that format, so the
merchant can recover the funds with any of them if this app is gone. The key is never written
in clear. It never appears in a log record, an exception message or a ``repr``.

Why scrypt
    The passphrase is stretched with scrypt (``kdf="scrypt"``, n = 2**18). With the r and p
    values eth-account uses (r = 8, p = 1, the same as geth's "standard" setting), each guess
    costs about 0.8 s of CPU and 256 MiB of RAM. That holds for us and for a thief who copied the
    file, and memory-hard work is expensive to run in parallel on GPUs. ``Account.encrypt`` does
    not let us choose r and p. We pass ``kdf`` and ``iterations`` (n) explicitly, so a change of
    eth-account's defaults or the ``ETH_ACCOUNT_KDF`` environment variable cannot quietly weaken
    new files.

Why no PIN-only protection
    The lockout below only slows down guesses typed into this app. Someone who copies the file
    guesses offline, where no counter applies. A 4-6 digit PIN has at most a million values, so at
    one second per guess it falls within days on one machine, or hours on a few. So the
    passphrase itself must be strong. We require at least ``MIN_PASSPHRASE_LENGTH`` (10)
    characters and never offer a short PIN mode.

Which key files are opened
    A key file in the data folder must be stretched at least as hard as OWASP's minimum:
    scrypt with n >= 2**17, r >= 8, p >= 1, or PBKDF2-HMAC-SHA256 with 600,000 rounds. A weaker
    file (for example one re-encrypted with scrypt n=2) would let a thief try passphrases
    thousands of times faster, so it is refused with a sentence saying how to fix it: move it out
    and bring it in with ``relay import``, which always re-encrypts with the app's own parameters
    (and accepts weak source files for exactly that reason). Parameters so high that opening the
    file would take gigabytes of memory or minutes of work are refused too, in the data folder
    and at import: at most 256 MiB of scrypt memory (n*r <= 2**21, our own setting), 4 times our
    own work (n*r*p <= 2**23), and 5,000,000 PBKDF2 rounds.

Telling a damaged file from a wrong passphrase
    The keystore's MAC cannot tell them apart: a changed ciphertext or MAC and a wrong
    passphrase all end in "MAC mismatch". So every file this app writes carries an integrity
    record, ``sompos_sha256``: the SHA-256 of the file's JSON without that field (keys sorted, no
    spaces). It is checked before anything is decrypted; a file that no longer matches it was
    changed after the app saved it, so it is reported as damaged, nothing is decrypted and no
    attempt is counted. With the record intact, a MAC mismatch can only mean a wrong
    passphrase, which costs one attempt. The record sits inside the key file rather than in the
    database or a second file, so a key file restored from a backup carries its own record and a
    backup of one file is complete; other wallets ignore the extra field. It is a checksum, not
    a secret: someone who edits the file on purpose can recompute it, and then gets "wrong
    passphrase" (counted), never a free guess, because a changed file cannot be unlocked anyway.
    A file without the record (written by an older version or another wallet) is handled as
    before (a MAC mismatch counts as a wrong passphrase) and gets its record at the first
    successful unlock.

Lockout
    Following the PCI DSS habit, ``MAX_ATTEMPTS`` (10) wrong passphrases in a row block every
    unlock, even with the right passphrase, for ``LOCKOUT_SECONDS`` (30 minutes). A correct
    passphrase resets the count. The count lives in the shop database (table ``key_attempts``,
    mirrored in the audit chain), is raised under a lock shared by all processes before the slow
    decryption, and a missing or damaged counter after a lock still counts as locked; see
    ``pos_app/keys/key_attempts.py``. The lock is served by the monotonic clock: setting the
    clock forward does not shorten it, setting it back does not lengthen it past 30 minutes, and a
    restart of the app keeps it. This is a defence against guessing at the till, not against a stolen disk: the
    passphrase strength covers that case.

Files are written atomically. Each is written to a temp file in the same folder, opened with
``O_CREAT | O_EXCL`` and mode 0600, then fsynced and moved into place with ``os.replace``. A
crash therefore leaves either the old file or the new one, never a half-written key, and on
POSIX the file is never readable by other users. ``create`` and ``import_key`` refuse to replace
an existing key, because losing a funded key loses its BNB.
"""
from __future__ import annotations

import contextlib
import json
import logging
import math
import string
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eth_account import Account
from eth_account.signers.local import LocalAccount
from eth_utils import to_checksum_address

from pos_app.core.errors import BadInput, NotFound, StorageError
from pos_app.keys.key_attempts import Attempts, KeyAttempts
from pos_app.keys.keyfile import (
    INTEGRITY_FIELD, atomic_write, integrity_digest, keystore_problem, strip_0x,
)

log = logging.getLogger(__name__)

KEY_FILE_NAME = "relay-key.json"
ATTEMPTS_FILE_NAME = "relay-key.attempts"  # earlier versions' counter; folded into the database
ATTEMPTS_NAME = "relay"  # the key's row in key_attempts

MIN_PASSPHRASE_LENGTH = 10
MAX_ATTEMPTS = 10
LOCKOUT_SECONDS = 30 * 60

# What we write. Read at call time, so a test may lower SCRYPT_N together with MIN_SCRYPT_N (its
# explicit hook for speed); the floors below are tested with these real values.
KDF = "scrypt"
SCRYPT_N = 2**18  # eth-account / geth standard work factor; r=8, p=1 come from eth-keyfile

# OWASP's minimum for a key file in the data folder (Password Storage Cheat Sheet).
MIN_SCRYPT_N = 2**17
MIN_SCRYPT_R = 8
MIN_SCRYPT_P = 1
MIN_PBKDF2_ROUNDS = 600_000

# Limits on the key-derivation cost we agree to run when reading a keystore file, so that a
# hostile or damaged file cannot make us allocate gigabytes or spin for minutes.
_MAX_SCRYPT_N_TIMES_R = 2**21  # 128 * n * r bytes = 256 MiB, that is, our own n=2**18, r=8
_MAX_SCRYPT_WORK = 2**23  # n * r * p: 4 times our own
_MAX_PBKDF2_ROUNDS = 5_000_000
_MAX_FILE_BYTES = 64 * 1024

# Order of the secp256k1 group: a private key is an integer in [1, N-1].
_SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141

# The only user-facing sentences of this module (the translation catalogue lists them).
MSG_SHORT_PASSPHRASE = "keys.passphrase_must_least_characters"
MSG_KEY_EXISTS = "keys.relay_key_already_exists"
MSG_BAD_SECRET = "keys.valid_private_key_keystore"
MSG_SOURCE_PASSPHRASE = "keys.keystore_file_could_opened"
MSG_SOURCE_TOO_COSTLY = ("keys.keystore_file_asks_so")
MSG_NO_KEY = "keys.there_relay_key_yet"
MSG_CORRUPT = "keys.relay_key_file_damaged"
MSG_DAMAGED = ("keys.relay_key_file_damaged_put")
MSG_WEAK = ("keys.relay_key_file_protected")
MSG_TOO_COSTLY = ("keys.relay_key_file_asks")
MSG_SAVE_FAILED = "keys.file_could_saved"
MSG_WRONG_PASSPHRASE = "keys.wrong_passphrase_attempts_left"
MSG_LOCKED = "keys.too_many_wrong_passphrases"


class RelayKeyStore:
    """The relay key of one data folder: create, import, unlock, and count wrong passphrases.

    ``store`` is the shop database (``pos_app.store.db.Store``) that holds the wrong-passphrase
    counter; without one, the data folder's ``sompos.db`` is opened for each count and closed.
    """

    def __init__(self, data_dir: Path | str, *, store: Any = None,
                 clock: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / KEY_FILE_NAME
        self.attempts_path = self.data_dir / ATTEMPTS_FILE_NAME
        self._store = store
        self._clock = clock              # shows when a lock ends
        self._monotonic = monotonic      # serves it (key_attempts.py)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RelayKeyStore(path={str(self.path)!r})"

    # ------------------------------------------------------------------ queries

    def exists(self) -> bool:
        """True if the keystore file is there (valid or not)."""
        return self.path.is_file()

    def address(self) -> str | None:
        """The checksummed address from the file's ``address`` field, without decrypting.

        Returns None if there is no file. Raises ``StorageError`` if the file is damaged, too
        weakly protected or too costly to open.
        """
        if not self.exists():
            return None
        return _checksum(self._load()[1]["address"])

    def attempts_left(self) -> int:
        """Wrong passphrases still allowed before the lockout; 0 while locked."""
        with self._lock, self._attempts() as counter:
            state = counter.current()
        return 0 if state.locked else max(0, MAX_ATTEMPTS - state.failures)

    def lockout_remaining(self) -> float:
        """Seconds until unlocking is allowed again; 0.0 when not locked."""
        with self._lock, self._attempts() as counter:
            state = counter.current()
        return 0.0 if state.locked_until is None else max(0.0, state.locked_until - self._clock())

    # ------------------------------------------------------------------ creating

    def create(self, passphrase: str) -> str:
        """Make a new random key, save it encrypted with ``passphrase``, return its address."""
        _check_new_passphrase(passphrase)
        with self._lock:
            self._refuse_existing()
            account = Account.create()
            self._save_key(account.key, passphrase)
        log.info("Relay key created for address %s", account.address)
        return account.address

    def import_key(
        self, secret: str, passphrase: str, *, source_passphrase: str | None = None
    ) -> str:
        """Store an existing key, re-encrypted with ``passphrase``, and return its address.

        ``secret`` is either a 32-byte private key in hex (with or without ``0x``) or the text
        of a keystore v3 JSON file, which ``source_passphrase`` opens. However weakly that file
        was protected, ours is written with the app's own parameters.
        """
        _check_new_passphrase(passphrase)
        if not isinstance(secret, str):
            raise BadInput("keys.valid_private_key_keystore", detail="secret is not text")
        with self._lock:
            self._refuse_existing()
            text = secret.strip()
            if text.startswith("{"):
                key = _key_from_keystore_text(text, source_passphrase)
            else:
                key = _key_from_hex(text)
            account = Account.from_key(key)
            self._save_key(account.key, passphrase)
        log.info("Relay key imported for address %s", account.address)
        return account.address

    # ------------------------------------------------------------------ unlocking

    def unlock(self, passphrase: str) -> LocalAccount:
        """Decrypt the key and return the account, subject to the wrong-passphrase lockout.

        A damaged, too weak or too costly file is refused before any attempt is counted.
        """
        if not isinstance(passphrase, str):
            raise TypeError("passphrase must be a str")
        with self._lock:
            raw, keystore = self._load()  # NotFound / StorageError: not a passphrase attempt
            with self._attempts() as counter:
                # Counted before the slow part, so a killed process cannot get a free guess.
                state, refused = counter.reserve()
                if refused:
                    raise _locked(state, self._clock())
                try:
                    key = Account.decrypt(keystore, passphrase)
                except ValueError as exc:
                    if str(exc) == "MAC mismatch":  # eth-keyfile's wording for a wrong passphrase
                        if state.locked:
                            raise BadInput("keys.too_many_wrong_passphrases",
                                           minutes=_minutes(LOCKOUT_SECONDS)) from None
                        raise BadInput(
                            "keys.wrong_passphrase_attempts_left",
                            minutes=_minutes(LOCKOUT_SECONDS),
                            left=MAX_ATTEMPTS - state.failures,
                        ) from None
                    counter.take_back()  # not a passphrase problem
                    raise self._corrupt(type(exc).__name__) from None
                except Exception as exc:  # noqa: BLE001 - never let a library message reach the user
                    counter.take_back()
                    raise self._corrupt(type(exc).__name__) from None
                counter.succeeded()
            account: LocalAccount = Account.from_key(key)
            if account.address != _checksum(keystore["address"]):
                raise self._corrupt("address field does not match the key")
            if INTEGRITY_FIELD not in keystore:
                self._add_integrity_record(raw, keystore)
            return account

    # ------------------------------------------------------------------ files

    @contextlib.contextmanager
    def _attempts(self) -> Iterator[KeyAttempts]:
        store = self._store
        owned = None
        if store is None:
            from pos_app.keys.device import DeviceKeyOnce
            from pos_app.store.db import open_store
            store = owned = open_store(self.data_dir, device_key=DeviceKeyOnce(self.data_dir))
        try:
            yield KeyAttempts(store, ATTEMPTS_NAME, max_attempts=MAX_ATTEMPTS,
                              lockout_seconds=LOCKOUT_SECONDS, clock=self._clock, monotonic=self._monotonic,
                              legacy_file=self.attempts_path)
        finally:
            if owned is not None:
                owned.close()

    def _refuse_existing(self) -> None:
        if self.path.exists() or self.path.is_symlink():
            raise BadInput("keys.relay_key_already_exists")

    def _corrupt(self, detail: str) -> StorageError:
        return StorageError("keys.relay_key_file_damaged", detail=detail, path=str(self.path))

    def _read(self) -> bytes:
        try:
            with open(self.path, "rb") as fh:
                raw = fh.read(_MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise NotFound("keys.there_relay_key_yet") from None
        except OSError as exc:
            raise self._corrupt(f"cannot read: {exc.strerror}") from None
        if len(raw) > _MAX_FILE_BYTES:
            raise self._corrupt("file too large")
        return raw

    def _load(self) -> tuple[bytes, dict[str, Any]]:
        """Read and check the keystore file (nothing is decrypted): its bytes and its JSON."""
        raw = self._read()
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            raise self._corrupt("not JSON") from None
        path = str(self.path)
        if isinstance(data, dict) and INTEGRITY_FIELD in data:
            if data[INTEGRITY_FIELD] != integrity_digest(data):
                raise StorageError("keys.relay_key_file_damaged_put",
                                   detail="integrity record does not match", path=path)
        problem = keystore_problem(data, need_address=True)
        if problem:
            raise self._corrupt(problem)
        cost = _kdf_cost(data["crypto"])
        if cost == "too costly":
            raise StorageError("keys.relay_key_file_asks", detail=_kdf_summary(data), path=path)
        if cost == "weak":
            raise StorageError("keys.relay_key_file_protected",
                               detail=_kdf_summary(data), path=path)
        return raw, data

    def _save_key(self, key: bytes, passphrase: str) -> None:
        keystore = Account.encrypt(key, passphrase, kdf=KDF, iterations=SCRYPT_N)
        keystore[INTEGRITY_FIELD] = integrity_digest(keystore)
        self._refuse_existing()  # checked again right before publishing
        atomic_write(self.path, json.dumps(keystore, indent=2).encode("utf-8"))

    def _add_integrity_record(self, raw: bytes, keystore: dict[str, Any]) -> None:
        """Give a file written without the record (older version, other wallet) its record.

        Only after a successful unlock, so the file is known to be intact, and only if it is
        still byte for byte the one that was unlocked. A failure leaves the file as it was.
        """
        stamped = {**keystore, INTEGRITY_FIELD: integrity_digest(keystore)}
        try:
            if self._read() != raw:
                return
            atomic_write(self.path, json.dumps(stamped, indent=2).encode("utf-8"))
        except (StorageError, NotFound) as exc:
            log.warning("Relay key file kept without an integrity record: %s", exc.detail or exc)
            return
        log.info("Relay key file given an integrity record")


# ---------------------------------------------------------------------- helpers


def _locked(state: Attempts, now: float) -> BadInput:
    left = (state.locked_until or now) - now
    return BadInput("keys.too_many_wrong_passphrases", minutes=_minutes(left))


def _check_new_passphrase(passphrase: str) -> None:
    if not isinstance(passphrase, str):
        raise TypeError("passphrase must be a str")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise BadInput("keys.passphrase_must_least_characters", n=MIN_PASSPHRASE_LENGTH)


def _minutes(seconds: float) -> int:
    return max(1, math.ceil(seconds / 60))


def _checksum(address: str) -> str:
    return to_checksum_address("0x" + strip_0x(address))


def _kdf_cost(crypto: dict[str, Any]) -> str | None:
    """"too costly", "weak" (below OWASP's minimum) or None, for a shape-checked ``crypto``."""
    params = crypto["kdfparams"]
    if crypto["kdf"] == "scrypt":
        n, r, p = params["n"], params["r"], params["p"]
        if n * r > _MAX_SCRYPT_N_TIMES_R or n * r * p > _MAX_SCRYPT_WORK:
            return "too costly"
        if n < MIN_SCRYPT_N or r < MIN_SCRYPT_R or p < MIN_SCRYPT_P:
            return "weak"
        return None
    if params["c"] > _MAX_PBKDF2_ROUNDS:
        return "too costly"
    return "weak" if params["c"] < MIN_PBKDF2_ROUNDS else None


def _kdf_summary(data: dict[str, Any]) -> str:
    crypto = data["crypto"]
    params = crypto["kdfparams"]
    if crypto["kdf"] == "scrypt":
        return f"scrypt n={params['n']} r={params['r']} p={params['p']}"
    return f"pbkdf2 c={params['c']}"


def _key_from_hex(text: str) -> bytes:
    digits = strip_0x(text)
    if len(digits) != 64 or not all(c in string.hexdigits for c in digits):
        raise BadInput("keys.valid_private_key_keystore", detail="not 64 hex digits")
    value = int(digits, 16)
    if not 0 < value < _SECP256K1_N:
        raise BadInput("keys.valid_private_key_keystore", detail="outside the secp256k1 key range")
    return bytes.fromhex(digits)


def _key_from_keystore_text(text: str, source_passphrase: str | None) -> bytes:
    """The key in another wallet's keystore text: any strength accepted (we re-encrypt), not any cost."""
    if len(text) > _MAX_FILE_BYTES:
        raise BadInput("keys.valid_private_key_keystore", detail="keystore text too large")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise BadInput("keys.valid_private_key_keystore", detail="keystore text is not JSON") from None
    if isinstance(data, dict) and "crypto" not in data and isinstance(data.get("Crypto"), dict):
        data = {**data, "crypto": data["Crypto"]}  # older wallets spell it with a capital C
        del data["Crypto"]
    problem = keystore_problem(data, need_address=False)
    if problem:
        raise BadInput("keys.valid_private_key_keystore", detail=problem)
    if INTEGRITY_FIELD in data and data[INTEGRITY_FIELD] != integrity_digest(data):
        raise BadInput("keys.valid_private_key_keystore", detail="integrity record does not match")
    if _kdf_cost(data["crypto"]) == "too costly":
        raise BadInput("keys.keystore_file_asks_so", detail=_kdf_summary(data))
    if not isinstance(source_passphrase, str):
        raise BadInput("keys.keystore_file_could_opened", detail="no source passphrase given")
    try:
        key = bytes(Account.decrypt(data, source_passphrase))
    except ValueError as exc:
        if str(exc) == "MAC mismatch":
            raise BadInput("keys.keystore_file_could_opened", detail="wrong source passphrase") from None
        raise BadInput("keys.valid_private_key_keystore", detail=type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 - keep library wording (and values) out
        raise BadInput("keys.valid_private_key_keystore", detail=type(exc).__name__) from None
    if len(key) != 32 or not 0 < int.from_bytes(key, "big") < _SECP256K1_N:
        raise BadInput("keys.valid_private_key_keystore", detail="decrypted key is not a secp256k1 key")
    if "address" in data and Account.from_key(key).address != _checksum(data["address"]):
        raise BadInput("keys.valid_private_key_keystore", detail="address field does not match the key")
    return key


__all__ = [
    "ATTEMPTS_FILE_NAME",
    "KEY_FILE_NAME",
    "LOCKOUT_SECONDS",
    "MAX_ATTEMPTS",
    "MIN_PASSPHRASE_LENGTH",
    "RelayKeyStore",
]
