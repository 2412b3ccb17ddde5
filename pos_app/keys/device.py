"""This till's device key: ``device-key.pem`` in the data folder, Ed25519, made on first use, 0600.

It signs the audit log's head (``store/audit.py`` ``seal``, through the ``DeviceKeyOnce`` the store is
given by whoever opens it) and this till's hand-over files (``handover/``); its fingerprint is the
till's number another till pairs with (``handover/pairing.py``). Kept unencrypted: export and every
sale must work without a passphrase in the field; it holds no money. An existing file is never
replaced, so the key of a shop set up by an earlier version keeps working.

``public_key_hex`` and ``fingerprint`` name a public key; they are defined with the signed head's
format in ``store/audit_head.py`` (the store checks heads and names the device in its ``audit.keyed``
record without importing this layer) and are part of this module's interface.
"""
from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app.core.errors import StorageError
from pos_app.store.audit_head import fingerprint, public_key_hex

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

__all__ = ["DEVICE_KEY_NAME", "DeviceKeyOnce", "device_fingerprint", "device_key", "device_public", "fingerprint",
           "public_key_hex"]

log = logging.getLogger(__name__)

DEVICE_KEY_NAME = "device-key.pem"


def device_key(data_dir: Path | str) -> "Ed25519PrivateKey":
    """This machine's Ed25519 signing key, created on first use in ``data_dir/device-key.pem`` (0600).

    It signs the audit log's head and this till's hand-over files. Kept unencrypted: export and
    every sale must work without a passphrase in the field; it holds no money. An existing file is
    never replaced.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from pos_app.core.files import write_file_atomic

    path = Path(data_dir) / DEVICE_KEY_NAME
    if not path.exists():
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_file_atomic(path, pem, overwrite=False)
            return key
        except FileExistsError:
            pass                                   # another process made it first: use theirs
        except OSError as exc:
            raise StorageError("keys.device_key_could_created", file=str(path),
                               detail=str(exc)) from exc
    try:
        if os.name != "nt" and stat.S_IMODE(path.stat().st_mode) & 0o077:
            os.chmod(path, 0o600)
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise StorageError("keys.device_key_damaged_unreadable", file=str(path), detail=str(exc)) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise StorageError("keys.device_key_damaged_unreadable", file=str(path), detail=type(key).__name__)
    return key


def device_fingerprint(data_dir: Path | str) -> str:
    """This machine's device fingerprint (creates the key on first use)."""
    return fingerprint(public_key_hex(device_key(data_dir)))


def device_public(folder: Path | str) -> tuple[str | None, str | None]:
    """(this till's device public key, None) or (None, why it cannot be used); never creates one."""
    folder = Path(folder)
    if not (folder / DEVICE_KEY_NAME).exists():
        return None, (f"this till's device key ({DEVICE_KEY_NAME}) is missing, so the signed audit head "
                      "cannot be checked")
    try:
        return public_key_hex(device_key(folder)), None
    except StorageError:
        return None, (f"this till's device key ({DEVICE_KEY_NAME}) is damaged, so the signed audit head "
                      "cannot be checked")


class DeviceKeyOnce:
    """This till's device key as a store is given it (``store.audit_head.DeviceKey``): called, the key
    that signs the audit head, made or read on first use, or None when it cannot be read or made (a
    sale goes on, unsigned, and it is logged once); ``public()``, the public key the head is checked
    against, read from the folder each time and never made (``store.audit.verify``)."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir)
        self._key: Ed25519PrivateKey | None = None
        self._failed = False

    def __call__(self) -> "Ed25519PrivateKey | None":
        if self._key is None and not self._failed:
            try:
                self._key = device_key(self.data_dir)
            except StorageError as exc:
                self._failed = True
                log.error("the audit log's head cannot be signed: %s (%s)", exc.user_message, exc.detail)
        return self._key

    def public(self) -> tuple[str | None, str | None]:
        return device_public(self.data_dir)
