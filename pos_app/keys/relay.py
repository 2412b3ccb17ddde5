"""The relay key's use cases, written once for the command line and the till's window.

Creating or importing the key leaves an audit record (``relay.create`` / ``relay.import``, subject
``relay:<address>``) in the name of whoever the caller says acted (the CLI's "manager", the till's
"cashier"), so the shop can tell later who put a key able to spend its fee money on this till.
Unlocking counts the guess in the wrong-passphrase counter, which keeps its own audit records
(``keys/key_attempts.py``). A refused call (short passphrase, a key already there, a bad key file)
writes neither a key file nor a record.

The key itself is kept by ``keys/keystore.py``; these functions only join it to the audit log.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_app.keys.keystore import RelayKeyStore

if TYPE_CHECKING:
    from eth_account.signers.local import LocalAccount

# What the audit log calls each change (read by people and by the audit view).
AUDIT_CREATE = "relay.create"
AUDIT_IMPORT = "relay.import"


def _subject(address: str) -> str:
    return f"relay:{address}"


def has_relay_key(data_dir: Path | str) -> bool:
    """True when the data folder holds a relay key file (readable or not): unlocking is worth asking."""
    return RelayKeyStore(data_dir).exists()


def relay_key_address(data_dir: Path | str) -> str | None:
    """The relay key's address read from its file without the passphrase; None without a key.

    Raises ``StorageError`` when the file is damaged or too weakly protected to be used.
    """
    return RelayKeyStore(data_dir).address()


def relay_key_file(data_dir: Path | str) -> Path:
    """Where the relay key is kept (a keystore v3 file any Ethereum wallet opens)."""
    return RelayKeyStore(data_dir).path


def create_relay_key(data_dir: Path | str, store: Any, passphrase: str, *, actor: str) -> str:
    """Make a new relay key protected by ``passphrase``, record who did it, return its address."""
    address = RelayKeyStore(data_dir, store=store).create(passphrase)
    store.audit(actor, AUDIT_CREATE, _subject(address), {})
    return address


def read_relay_key_file(path: str | Path) -> str:
    """The text of a key file a person chose (hex key or keystore JSON; ``-`` is standard input).

    Bounded, and a folder, FIFO or device is refused, so a wrong choice cannot hang the caller.
    """
    from pos_app.core.files import KEY_FILE_LIMIT, read_text_limited
    return read_text_limited(path, KEY_FILE_LIMIT, what="key file").strip()


def import_relay_key(data_dir: Path | str, store: Any, secret: str, passphrase: str, *,
                     source_passphrase: str | None = None, actor: str) -> str:
    """Keep an existing key (``secret``: hex, or keystore JSON opened with ``source_passphrase``)
    under ``passphrase``, record who did it, return its address."""
    address = RelayKeyStore(data_dir, store=store).import_key(secret, passphrase,
                                                             source_passphrase=source_passphrase)
    store.audit(actor, AUDIT_IMPORT, _subject(address), {})
    return address


def unlock_relay_key(data_dir: Path | str, store: Any, passphrase: str) -> "LocalAccount":
    """The relay account, decrypted; every wrong passphrase counts towards the lockout.

    Slow on purpose (scrypt, about a second): run it off the thread that serves the till.
    """
    return RelayKeyStore(data_dir, store=store).unlock(passphrase)
