"""The keystore v3 file itself: its shape, its integrity record, and writing it safely.

Split from ``pos_app/keys/keystore.py`` (which decides what to accept and counts guesses), so
both stay small. Nothing here decrypts or knows a passphrase.

Files are written atomically: to a temp file in the same folder, opened with ``O_CREAT |
O_EXCL`` and mode 0600, fsynced, then moved into place with ``os.replace`` (and the folder
fsynced). A crash leaves either the old file or the new one, never a half-written key, and on
POSIX the file is never readable by other users.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import string
from pathlib import Path
from typing import Any

from pos_app.core.errors import StorageError

INTEGRITY_FIELD = "sompos_sha256"


def strip_0x(text: str) -> str:
    return text[2:] if text[:2] in ("0x", "0X") else text


def is_hex(value: object, length: int | None = None) -> bool:
    if not isinstance(value, str):
        return False
    digits = strip_0x(value)
    if length is not None and len(digits) != length:
        return False
    return len(digits) % 2 == 0 and all(c in string.hexdigits for c in digits)


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def integrity_digest(data: dict[str, Any]) -> str:
    """SHA-256 of the keystore JSON without the record itself (keys sorted, no spaces)."""
    body = {k: v for k, v in data.items() if k != INTEGRITY_FIELD}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def keystore_problem(data: object, *, need_address: bool) -> str | None:
    """Why ``data`` is not a keystore v3 we can read, or None. Never mentions values."""
    if not isinstance(data, dict):
        return "not a JSON object"
    if data.get("version") != 3 or not is_int(data.get("version")):
        return "version is not 3"
    if "address" in data or need_address:
        if not is_hex(data.get("address"), 40):
            return "address missing or malformed"
    crypto = data.get("crypto")
    if not isinstance(crypto, dict):
        return "crypto missing"
    if crypto.get("cipher") != "aes-128-ctr":
        return "unsupported cipher"
    params = crypto.get("cipherparams")
    if not isinstance(params, dict) or not is_hex(params.get("iv"), 32):
        return "cipherparams.iv missing or malformed"
    if not is_hex(crypto.get("ciphertext"), 64):
        return "ciphertext missing or malformed"
    if not is_hex(crypto.get("mac"), 64):
        return "mac missing or malformed"
    kdfparams = crypto.get("kdfparams")
    if not isinstance(kdfparams, dict):
        return "kdfparams missing"
    if kdfparams.get("dklen") != 32 or not is_int(kdfparams.get("dklen")):
        return "kdfparams.dklen is not 32"
    if not is_hex(kdfparams.get("salt")) or not strip_0x(kdfparams["salt"]):
        return "kdfparams.salt missing or malformed"
    kdf = crypto.get("kdf")
    if kdf == "scrypt":
        n, r, p = kdfparams.get("n"), kdfparams.get("r"), kdfparams.get("p")
        if not (is_int(n) and is_int(r) and is_int(p)):
            return "scrypt parameters missing"
        if n < 2 or n & (n - 1) or r < 1 or p < 1:
            return "scrypt parameters invalid"
    elif kdf == "pbkdf2":
        c = kdfparams.get("c")
        if kdfparams.get("prf") != "hmac-sha256" or not is_int(c) or c < 1:
            return "pbkdf2 parameters missing or invalid"
    else:
        return "unsupported kdf"
    return None


def atomic_write(path: Path, body: bytes) -> None:
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
        raise StorageError("keys.file_could_saved", detail=exc.strerror, path=str(path)) from None


__all__ = ["INTEGRITY_FIELD", "atomic_write", "integrity_digest", "is_hex", "is_int", "keystore_problem",
           "strip_0x"]
