"""The shop's address book: the names a cashier gives the addresses customers pay from.

A cashier reads "Aibek" where the chain only knows ``0x86cB…aA5F``. A name is the shop's own
note, never proof of who paid: it is shown next to the payment and searched, nothing else.
Addresses are kept in lower case (one name per address whatever its checksum spelling); names are
cleaned like any text from outside (``safe_text``) and kept short. Every change is audited.

This module is the only writer of ``payer_names`` (tests/core/test_table_owners.py).
"""
from __future__ import annotations

import re
import time
from typing import Callable

from pos_app.core.errors import BadInput
from pos_app.core.text import safe_text
from pos_app.store.db import Store

MAX_NAME = 40
_ADDRESS = re.compile(r"^0x[0-9a-fA-F]{40}$")


def short_address(address: str) -> str:
    """A payer without a name, as a person can compare it by eye: ``86cB…aA5F`` (no ``0x``)."""
    a = address[2:] if address.lower().startswith("0x") else address
    return a if len(a) <= 10 else f"{a[:4]}…{a[-4:]}"


def payer_label(address: str | None, names: dict[str, str]) -> str:
    """A payer as the cashier knows them: the shop's name for the address (``names`` by lower-case
    address, as ``PayerBook.names`` gives them), else ``86cB…aA5F``; empty for no address."""
    if not address:
        return ""
    return names.get(address.lower()) or short_address(address)


def _key(address: str) -> str:
    if not isinstance(address, str) or not _ADDRESS.match(address):
        raise BadInput("That is not a wallet address.")
    return address.lower()


class PayerBook:
    def __init__(self, store: Store, *, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock

    def set_name(self, address: str, name: str, *, actor: str) -> str:
        """Give ``address`` a name (an empty name forgets it); returns the name kept."""
        key = _key(address)
        clean = safe_text(name or "").strip()
        if len(clean) > MAX_NAME:
            raise BadInput("A name can be {maximum} characters at most.", maximum=MAX_NAME)
        with self.store.transaction() as c:
            old = c.execute("SELECT name FROM payer_names WHERE address = ?", (key,)).fetchone()
            if clean:
                c.execute("INSERT INTO payer_names(address, name, updated_at, updated_by) VALUES (?,?,?,?)"
                          " ON CONFLICT(address) DO UPDATE SET name = excluded.name,"
                          " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                          (key, clean, int(self.clock()), actor))
            else:
                c.execute("DELETE FROM payer_names WHERE address = ?", (key,))
            self.store.audit(actor, "payer_name", f"payer:{key}",
                             {"from": old[0] if old else None, "to": clean or None})
        return clean

    def name_if_unknown(self, address: str, name: str, *, actor: str) -> str:
        """Give ``address`` a name unless the shop already named it; returns the name it now has.

        For names that come from somewhere other than the cashier (the demo phone's customer): a
        name the cashier chose is never overwritten by them.
        """
        key = _key(address)
        with self.store.transaction() as c:
            old = c.execute("SELECT name FROM payer_names WHERE address = ?", (key,)).fetchone()
            if old is not None:
                return old[0]
            if not safe_text(name or "").strip():
                return ""   # nothing to teach: no empty audit record
            return self.set_name(key, name, actor=actor)

    def name_of(self, address: str | None) -> str | None:
        if not address or not _ADDRESS.match(address):
            return None
        row = self.store.one("SELECT name FROM payer_names WHERE address = ?", (address.lower(),))
        return row["name"] if row else None

    def names(self) -> dict[str, str]:
        """Every name, by lower-case address (a screen reads them once per reload)."""
        return {r["address"]: r["name"] for r in self.store.query("SELECT address, name FROM payer_names")}

    def entries(self) -> list[dict[str, object]]:
        """Every named payer with who named it and when, by name (for ``sompos payer list``)."""
        return self.store.query("SELECT address, name, updated_at, updated_by FROM payer_names"
                                " ORDER BY name COLLATE NOCASE, address")

    def label(self, address: str | None, names: dict[str, str] | None = None) -> str:
        """What a cashier's screen shows for a payer: the shop's name for it, else the short form."""
        return payer_label(address, names if names is not None else self.names())
