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

Lockout
    Following the PCI DSS habit, ``MAX_ATTEMPTS`` (10) wrong passphrases in a row block every
    unlock, even with the right passphrase, for ``LOCKOUT_SECONDS`` (30 minutes). A correct
    passphrase resets the count. The count lives in ``<data_dir>/relay-key.attempts`` (small
    JSON, written atomically, mode 0600), so restarting the app does not reset it. The count is
    raised *before* the slow decryption and taken back only on success, so killing the app in
    the middle of a guess does not give a free guess. A damaged attempts file counts as a fresh
    lockout (fail closed). If the clock goes back, the remaining wait is capped at 30 minutes.
    Someone who can delete the attempts file can also copy the key file, so this is a defence
    against guessing at the till, not against a stolen disk. The passphrase strength covers
    that case.

Files are written atomically. Each is written to a temp file in the same folder, opened with
``O_CREAT | O_EXCL`` and mode 0600, then fsynced and moved into place with ``os.replace``. A
crash therefore leaves either the old file or the new one, never a half-written key, and on
POSIX the file is never readable by other users. ``create`` and ``import_key`` refuse to replace
an existing key, because losing a funded key loses its BNB.
"""
from __future__ import annotations

import json
import logging
import math
import os
import secrets
import string
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eth_account import Account
from eth_account.signers.local import LocalAccount
from eth_utils import to_checksum_address

from pos_app.errors import BadInput, NotFound, StorageError

log = logging.getLogger(__name__)

KEY_FILE_NAME = "relay-key.json"
ATTEMPTS_FILE_NAME = "relay-key.attempts"

MIN_PASSPHRASE_LENGTH = 10
MAX_ATTEMPTS = 10
LOCKOUT_SECONDS = 30 * 60

KDF = "scrypt"
SCRYPT_N = 2**18  # eth-account / geth standard work factor; r=8, p=1 come from eth-keyfile

# Limits on the key-derivation cost we agree to run when reading a keystore file, so that a
# hostile or damaged file cannot make us allocate gigabytes or spin for hours.
_MAX_SCRYPT_N_TIMES_R = 2**21  # 128 * n * r bytes = 256 MiB, that is, our own n=2**18, r=8
_MAX_SCRYPT_P = 16
_MAX_PBKDF2_ROUNDS = 10_000_000
_MAX_FILE_BYTES = 64 * 1024

# Order of the secp256k1 group: a private key is an integer in [1, N-1].
_SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141

# The only user-facing sentences of this module (the translation catalogue lists them).
MSG_SHORT_PASSPHRASE = "The passphrase must have at least {n} characters."
MSG_KEY_EXISTS = "A relay key already exists. It was not replaced."
MSG_BAD_SECRET = "This is not a valid private key or keystore file."
MSG_SOURCE_PASSPHRASE = "The keystore file could not be opened with the passphrase given."
MSG_NO_KEY = "There is no relay key yet. Create or import one first."
MSG_CORRUPT = "The relay key file {path} is damaged or cannot be read."
MSG_SAVE_FAILED = "The file {path} could not be saved."
MSG_WRONG_PASSPHRASE = "Wrong passphrase. Attempts left before a {minutes}-minute lock: {left}."
MSG_LOCKED = "Too many wrong passphrases. Try again in {minutes} min."


class RelayKeyStore:
    """The relay key of one data folder: create, import, unlock, and count wrong passphrases."""

    def __init__(self, data_dir: Path | str, *, clock: Callable[[], float] = time.time) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / KEY_FILE_NAME
        self.attempts_path = self.data_dir / ATTEMPTS_FILE_NAME
        self._clock = clock
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RelayKeyStore(path={str(self.path)!r})"

    # ------------------------------------------------------------------ queries

    def exists(self) -> bool:
        """True if the keystore file is there (valid or not)."""
        return self.path.is_file()

    def address(self) -> str | None:
        """The checksummed address from the file's ``address`` field, without decrypting.

        Returns None if there is no file. Raises ``StorageError`` if the file is damaged.
        """
        if not self.exists():
            return None
        return _checksum(self._load()["address"])

    def attempts_left(self) -> int:
        """Wrong passphrases still allowed before the lockout; 0 while locked."""
        with self._lock:
            failures, locked_until = self._read_attempts(self._clock())
        return 0 if locked_until is not None else max(0, MAX_ATTEMPTS - failures)

    def lockout_remaining(self) -> float:
        """Seconds until unlocking is allowed again; 0.0 when not locked."""
        with self._lock:
            now = self._clock()
            _, locked_until = self._read_attempts(now)
        return 0.0 if locked_until is None else max(0.0, locked_until - now)

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
        of a keystore v3 JSON file, which ``source_passphrase`` opens.
        """
        _check_new_passphrase(passphrase)
        if not isinstance(secret, str):
            raise BadInput("This is not a valid private key or keystore file.", detail="secret is not text")
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
        """Decrypt the key and return the account, subject to the wrong-passphrase lockout."""
        if not isinstance(passphrase, str):
            raise TypeError("passphrase must be a str")
        with self._lock:
            keystore = self._load()  # NotFound / StorageError: not a passphrase attempt
            now = self._clock()
            failures, locked_until = self._read_attempts(now)
            if locked_until is not None:
                raise BadInput("Too many wrong passphrases. Try again in {minutes} min.", minutes=_minutes(locked_until - now))

            # Count the attempt before the slow part, so a killed process cannot get a free guess.
            failures += 1
            new_lock = now + LOCKOUT_SECONDS if failures >= MAX_ATTEMPTS else None
            self._write_attempts(failures, new_lock)
            try:
                key = Account.decrypt(keystore, passphrase)
            except ValueError as exc:
                if str(exc) == "MAC mismatch":  # eth-keyfile's wording for a wrong passphrase
                    if new_lock is not None:
                        log.warning("Relay key locked after %d wrong passphrases", failures)
                        raise BadInput("Too many wrong passphrases. Try again in {minutes} min.", minutes=_minutes(LOCKOUT_SECONDS)) from None
                    raise BadInput(
                        "Wrong passphrase. Attempts left before a {minutes}-minute lock: {left}.",
                        minutes=_minutes(LOCKOUT_SECONDS),
                        left=MAX_ATTEMPTS - failures,
                    ) from None
                self._write_attempts(failures - 1, None)  # not a passphrase problem: take it back
                raise self._corrupt(type(exc).__name__) from None
            except Exception as exc:  # noqa: BLE001 - never let a library message reach the user
                self._write_attempts(failures - 1, None)
                raise self._corrupt(type(exc).__name__) from None

            self._clear_attempts()
            account: LocalAccount = Account.from_key(key)
            if account.address != _checksum(keystore["address"]):
                raise self._corrupt("address field does not match the key")
            return account

    # ------------------------------------------------------------------ files

    def _refuse_existing(self) -> None:
        if self.path.exists() or self.path.is_symlink():
            raise BadInput("A relay key already exists. It was not replaced.")

    def _corrupt(self, detail: str) -> StorageError:
        return StorageError("The relay key file {path} is damaged or cannot be read.", detail=detail, path=str(self.path))

    def _load(self) -> dict[str, Any]:
        """Read and check the keystore file (shape only; nothing is decrypted)."""
        try:
            with open(self.path, "rb") as fh:
                raw = fh.read(_MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise NotFound("There is no relay key yet. Create or import one first.") from None
        except OSError as exc:
            raise self._corrupt(f"cannot read: {exc.strerror}") from None
        if len(raw) > _MAX_FILE_BYTES:
            raise self._corrupt("file too large")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            raise self._corrupt("not JSON") from None
        problem = _keystore_problem(data, need_address=True)
        if problem:
            raise self._corrupt(problem)
        return data

    def _save_key(self, key: bytes, passphrase: str) -> None:
        keystore = Account.encrypt(key, passphrase, kdf=KDF, iterations=SCRYPT_N)
        self._refuse_existing()  # checked again right before publishing
        _atomic_write(self.path, json.dumps(keystore, indent=2).encode("utf-8"))

    def _read_attempts(self, now: float) -> tuple[int, float | None]:
        """(failures, locked_until) as they stand at ``now``; an expired lock counts as none."""
        try:
            with open(self.attempts_path, "rb") as fh:
                data = json.loads(fh.read(4096).decode("utf-8"))
            failures = data["failures"]
            locked_until = data["locked_until"]
            if not isinstance(failures, int) or isinstance(failures, bool) or failures < 0:
                raise ValueError("failures")
            if locked_until is not None and not isinstance(locked_until, (int, float)):
                raise ValueError("locked_until")
        except FileNotFoundError:
            return 0, None
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            # A damaged counter must not hand out fresh attempts: start a lockout now.
            log.warning("Relay key attempts file is damaged; locking unlock for %d s",
                        LOCKOUT_SECONDS)
            locked_until = now + LOCKOUT_SECONDS
            self._write_attempts(MAX_ATTEMPTS, locked_until)
            return MAX_ATTEMPTS, locked_until
        if locked_until is None and failures >= MAX_ATTEMPTS:
            locked_until = now + LOCKOUT_SECONDS  # should not happen; fail closed
            self._write_attempts(failures, locked_until)
        if locked_until is not None:
            if now >= locked_until:
                return 0, None  # lock served: a fresh set of attempts
            if locked_until - now > LOCKOUT_SECONDS:  # clock went back: cap the wait
                locked_until = now + LOCKOUT_SECONDS
                self._write_attempts(failures, locked_until)
            return failures, locked_until
        return failures, None

    def _write_attempts(self, failures: int, locked_until: float | None) -> None:
        body = json.dumps({"failures": failures, "locked_until": locked_until}).encode("utf-8")
        _atomic_write(self.attempts_path, body)

    def _clear_attempts(self) -> None:
        try:
            self.attempts_path.unlink(missing_ok=True)
        except OSError as exc:
            raise StorageError(
                "The file {path} could not be saved.", detail=exc.strerror, path=str(self.attempts_path)
            ) from None


# ---------------------------------------------------------------------- helpers


def _check_new_passphrase(passphrase: str) -> None:
    if not isinstance(passphrase, str):
        raise TypeError("passphrase must be a str")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise BadInput("The passphrase must have at least {n} characters.", n=MIN_PASSPHRASE_LENGTH)


def _minutes(seconds: float) -> int:
    return max(1, math.ceil(seconds / 60))


def _checksum(address: str) -> str:
    return to_checksum_address("0x" + _strip0x(address))


def _strip0x(text: str) -> str:
    return text[2:] if text[:2] in ("0x", "0X") else text


def _is_hex(value: object, length: int | None = None) -> bool:
    if not isinstance(value, str):
        return False
    digits = _strip0x(value)
    if length is not None and len(digits) != length:
        return False
    return len(digits) % 2 == 0 and all(c in string.hexdigits for c in digits)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _keystore_problem(data: object, *, need_address: bool) -> str | None:
    """Why ``data`` is not a keystore v3 we can safely open, or None. Never mentions values."""
    if not isinstance(data, dict):
        return "not a JSON object"
    if data.get("version") != 3 or not _is_int(data.get("version")):
        return "version is not 3"
    if "address" in data or need_address:
        if not _is_hex(data.get("address"), 40):
            return "address missing or malformed"
    crypto = data.get("crypto")
    if not isinstance(crypto, dict):
        return "crypto missing"
    if crypto.get("cipher") != "aes-128-ctr":
        return "unsupported cipher"
    params = crypto.get("cipherparams")
    if not isinstance(params, dict) or not _is_hex(params.get("iv"), 32):
        return "cipherparams.iv missing or malformed"
    if not _is_hex(crypto.get("ciphertext"), 64):
        return "ciphertext missing or malformed"
    if not _is_hex(crypto.get("mac"), 64):
        return "mac missing or malformed"
    kdfparams = crypto.get("kdfparams")
    if not isinstance(kdfparams, dict):
        return "kdfparams missing"
    if kdfparams.get("dklen") != 32 or not _is_int(kdfparams.get("dklen")):
        return "kdfparams.dklen is not 32"
    if not _is_hex(kdfparams.get("salt")) or not _strip0x(kdfparams["salt"]):
        return "kdfparams.salt missing or malformed"
    kdf = crypto.get("kdf")
    if kdf == "scrypt":
        n, r, p = kdfparams.get("n"), kdfparams.get("r"), kdfparams.get("p")
        if not (_is_int(n) and _is_int(r) and _is_int(p)):
            return "scrypt parameters missing"
        if n < 2 or n & (n - 1) or r < 1 or p < 1:
            return "scrypt parameters invalid"
        if n * r > _MAX_SCRYPT_N_TIMES_R or p > _MAX_SCRYPT_P:
            return "scrypt parameters too costly"
    elif kdf == "pbkdf2":
        c = kdfparams.get("c")
        if kdfparams.get("prf") != "hmac-sha256" or not _is_int(c) or c < 1:
            return "pbkdf2 parameters missing or invalid"
        if c > _MAX_PBKDF2_ROUNDS:
            return "pbkdf2 parameters too costly"
    else:
        return "unsupported kdf"
    return None


def _key_from_hex(text: str) -> bytes:
    digits = _strip0x(text)
    if len(digits) != 64 or not all(c in string.hexdigits for c in digits):
        raise BadInput("This is not a valid private key or keystore file.", detail="not 64 hex digits")
    value = int(digits, 16)
    if not 0 < value < _SECP256K1_N:
        raise BadInput("This is not a valid private key or keystore file.", detail="outside the secp256k1 key range")
    return bytes.fromhex(digits)


def _key_from_keystore_text(text: str, source_passphrase: str | None) -> bytes:
    if len(text) > _MAX_FILE_BYTES:
        raise BadInput("This is not a valid private key or keystore file.", detail="keystore text too large")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise BadInput("This is not a valid private key or keystore file.", detail="keystore text is not JSON") from None
    if isinstance(data, dict) and "crypto" not in data and isinstance(data.get("Crypto"), dict):
        data = {**data, "crypto": data["Crypto"]}  # older wallets spell it with a capital C
        del data["Crypto"]
    problem = _keystore_problem(data, need_address=False)
    if problem:
        raise BadInput("This is not a valid private key or keystore file.", detail=problem)
    if not isinstance(source_passphrase, str):
        raise BadInput("The keystore file could not be opened with the passphrase given.", detail="no source passphrase given")
    try:
        key = bytes(Account.decrypt(data, source_passphrase))
    except ValueError as exc:
        if str(exc) == "MAC mismatch":
            raise BadInput("The keystore file could not be opened with the passphrase given.", detail="wrong source passphrase") from None
        raise BadInput("This is not a valid private key or keystore file.", detail=type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 - keep library wording (and values) out
        raise BadInput("This is not a valid private key or keystore file.", detail=type(exc).__name__) from None
    if len(key) != 32 or not 0 < int.from_bytes(key, "big") < _SECP256K1_N:
        raise BadInput("This is not a valid private key or keystore file.", detail="decrypted key is not a secp256k1 key")
    if "address" in data and Account.from_key(key).address != _checksum(data["address"]):
        raise BadInput("This is not a valid private key or keystore file.", detail="address field does not match the key")
    return key


def _atomic_write(path: Path, body: bytes) -> None:
    """Write ``body`` to ``path`` via a 0600 temp file in the same folder, fsync, os.replace."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # the umask can only remove bits; make it exact
            view = memoryview(body)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        if os.name == "posix":
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise StorageError("The file {path} could not be saved.", detail=exc.strerror, path=str(path)) from None


__all__ = [
    "ATTEMPTS_FILE_NAME",
    "KEY_FILE_NAME",
    "LOCKOUT_SECONDS",
    "MAX_ATTEMPTS",
    "MIN_PASSPHRASE_LENGTH",
    "RelayKeyStore",
]
