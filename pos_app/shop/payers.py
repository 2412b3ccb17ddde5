"""The shop's address book: the names a cashier gives the addresses customers pay from.

A cashier reads "Aibek" where the chain only knows ``0x86cB…aA5F``. A name is the shop's own
note, never proof of who paid: it is shown next to the payment and searched, nothing else.
Addresses are kept in lower case (one name per address whatever its checksum spelling); names are
cleaned like any text from outside (``safe_text``) and kept short. Every change is audited.

Wallets that are not one person's. Most som sits on exchanges, and a customer who pays by
withdrawing from an exchange sends from the exchange's hot wallet: one address for many
customers. A person's name on it would put "Aibek" next to every other customer's payment. So:

1. **Listed exchange wallets.** An address in the network profile's ``exchange_wallets``
   (``chain/profiles.py``) never carries a name: ``set_name`` refuses it (``SharedWallet``),
   ``name_if_unknown`` (the demo phone) quietly names nothing, and ``payer_label`` shows it as
   "Exchange (Binance)". A name given before the wallet was listed is ignored, not shown.
2. **A wallet that paid for different customers.** A name is given for the sales the wallet had
   paid by then (when it had paid none yet, as when the demo phone teaches a name before paying,
   for the first sale it pays after). A wallet named X that has since paid *another* sale and is
   now given another name Y (not X in other letter case) holds two customers' names for two
   sales: it is an exchange's or a shared wallet. The book then forgets X (wrong for at least
   one sale), marks the wallet shared (audited) and refuses Y (``SharedWallet`` with ``marked``
   set); ``payer_label`` shows it as "Shared wallet". Renaming before the wallet paid another sale
   is a correction ("Aibek" to "Aibek's phone") and is allowed; the rest of a sale it already paid
   is not another sale. "Since" is since the name was given or last corrected (``updated_at``
   against each sale's first payment's ``first_seen_at``); payments a reorganisation removed and
   payments matched to no sale do not count.
3. A shared wallet refuses every name the same way. Only forgetting it (an empty name, audited)
   clears the mark, for an owner who knows better (a regular customer renamed after a second
   sale is marked too: forget the mark, then name them again).

The mark is a ``payer_names`` row with an empty name (``set_name`` never stores an empty name for
a person: it deletes the row). Memos are not compared: they are free notes about the sale, not
names of who paid.

This module is the only writer of ``payer_names`` (tests/core/test_table_owners.py).
"""
from __future__ import annotations

import re
import time
from typing import Callable, Iterable, Mapping

from pos_app.invoices.reads import sales_first_paid_by
from pos_app.core.errors import BadInput, ConfigError
from pos_app.core.text import safe_text
from pos_app.store.db import Store

MAX_NAME = 40
_ADDRESS = re.compile(r"^0x[0-9a-fA-F]{40}$")
SHARED = ""                                     # the name column of a wallet marked shared
EXCHANGE_LABEL = "Exchange ({exchange})"       # how a listed exchange wallet is shown
SHARED_LABEL = "Shared wallet"                  # how a wallet the book marked shared is shown


class SharedWallet(BadInput):
    """Refused: many customers pay from this wallet, so it carries no person's name.

    ``marked`` is True when this very refusal marked the wallet shared (rule 2 of the module
    docstring): the screens showing the old name must reload.
    """

    marked: bool = False


class PayerNames(dict):
    """The shop's names by lower-case address (a plain ``dict`` of person names, as before), plus
    the wallets that carry none: ``exchanges`` (listed exchange wallet -> exchange) and ``shared``
    (wallets the book marked shared). ``payer_label`` reads all three."""

    def __init__(self, names: Mapping[str, str] | Iterable[tuple[str, str]] = (), *,
                 exchanges: Mapping[str, str] | None = None, shared: Iterable[str] = ()) -> None:
        super().__init__(names)
        self.exchanges: dict[str, str] = dict(exchanges or {})
        self.shared: frozenset[str] = frozenset(shared)


def short_address(address: str) -> str:
    """A payer without a name, as a person can compare it by eye: ``86cB…aA5F`` (no ``0x``)."""
    a = address[2:] if address.lower().startswith("0x") else address
    return a if len(a) <= 10 else f"{a[:4]}…{a[-4:]}"


def payer_label(address: str | None, names: dict[str, str]) -> str:
    """A payer as the cashier knows them: "Exchange (Binance)" for a listed exchange wallet,
    "Shared wallet" for one the book marked shared (when ``names`` is a ``PayerNames``, as
    ``PayerBook.names`` gives them), else the shop's name for the address (``names`` by
    lower-case address), else ``86cB…aA5F``; empty for no address."""
    if not address:
        return ""
    key = address.lower()
    exchange = getattr(names, "exchanges", {}).get(key)
    if exchange:
        return EXCHANGE_LABEL.format(exchange=exchange)
    if key in getattr(names, "shared", ()):
        return SHARED_LABEL
    return names.get(key) or short_address(address)


def _key(address: str) -> str:
    if not isinstance(address, str) or not _ADDRESS.match(address):
        raise BadInput("payer.wallet_address")
    return address.lower()


def configured_exchanges(store: Store) -> dict[str, str]:
    """The shop's network profile's exchange wallets (lower-case address -> exchange); none when
    the stored profile cannot be read (the settings screen says why, the book must still work)."""
    from pos_app.shop.config import load_config  # the network in force now, read when asked
    try:
        profile = load_config(store).network
    except ConfigError:
        return {}
    return {w.address.lower(): w.label for w in profile.exchange_wallets}


class PayerBook:
    def __init__(self, store: Store, *, clock: Callable[[], float] = time.time,
                 exchanges: Callable[[], Mapping[str, str]] | None = None) -> None:
        """``exchanges`` gives the listed exchange wallets (lower-case address -> exchange); by
        default those of the shop's network profile, read at each use (the network may change)."""
        self.store = store
        self.clock = clock
        self.exchanges = exchanges or (lambda: configured_exchanges(store))

    def set_name(self, address: str, name: str, *, actor: str) -> str:
        """Give ``address`` a name (an empty name forgets it); returns the name kept.

        Refuses (``SharedWallet``) a listed exchange wallet, a wallet marked shared, and a new
        name for a wallet that paid another sale since its name was given, which it marks shared
        first (the module docstring's rules).
        """
        key = _key(address)
        clean = safe_text(name or "").strip()
        if len(clean) > MAX_NAME:
            raise BadInput("payer.name_characters_most", maximum=MAX_NAME)
        exchange = self.exchanges().get(key)
        if clean and exchange:
            raise SharedWallet("payer.wallet_exchange_many_customers", exchange=exchange)
        refusal: SharedWallet | None = None
        with self.store.transaction() as c:
            old = c.execute("SELECT name, updated_at FROM payer_names WHERE address = ?", (key,)).fetchone()
            now = int(self.clock())
            if clean and old is not None and old[0] == SHARED:
                raise SharedWallet("payer.many_customers_pay_from")
            if (clean and old is not None and old[0].casefold() != clean.casefold()
                    and _paid_another_sale_since(c, key, int(old[1]))):
                c.execute("UPDATE payer_names SET name = ?, updated_at = ?, updated_by = ? WHERE address = ?",
                          (SHARED, now, actor, key))
                self.store.audit(actor, "payer_name", f"payer:{key}",
                                 {"from": old[0], "to": None, "shared": True, "refused": clean})
                refusal = SharedWallet("payer.wallet_called_since_paid", name=old[0])
                refusal.marked = True
            elif clean:
                c.execute("INSERT INTO payer_names(address, name, updated_at, updated_by) VALUES (?,?,?,?)"
                          " ON CONFLICT(address) DO UPDATE SET name = excluded.name,"
                          " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                          (key, clean, now, actor))
                self.store.audit(actor, "payer_name", f"payer:{key}",
                                 {"from": old[0] if old else None, "to": clean})
            else:
                c.execute("DELETE FROM payer_names WHERE address = ?", (key,))
                detail: dict[str, object] = {"from": (old[0] or None) if old else None, "to": None}
                if old is not None and old[0] == SHARED:
                    detail["shared"] = False        # the owner clears the mark
                self.store.audit(actor, "payer_name", f"payer:{key}", detail)
        if refusal is not None:                     # raised once the mark is committed
            raise refusal
        return clean

    def name_if_unknown(self, address: str, name: str, *, actor: str) -> str:
        """Give ``address`` a name unless the shop already named it; returns the name it now has.

        For names that come from somewhere other than the cashier (the demo phone's customer): a
        name the cashier chose is never overwritten by them, and an exchange's or a shared wallet
        is never named (returns "": it has no person's name).
        """
        key = _key(address)
        if self.exchanges().get(key):
            return ""
        with self.store.transaction() as c:
            old = c.execute("SELECT name FROM payer_names WHERE address = ?", (key,)).fetchone()
            if old is not None:
                return old[0]                       # SHARED ("") for a shared wallet
            if not safe_text(name or "").strip():
                return ""   # nothing to teach: no empty audit record
            return self.set_name(key, name, actor=actor)

    def name_of(self, address: str | None) -> str | None:
        """The person's name the shop gave ``address``; None for none, an exchange or a shared wallet."""
        if not address or not _ADDRESS.match(address):
            return None
        if self.exchanges().get(address.lower()):
            return None
        row = self.store.one("SELECT name FROM payer_names WHERE address = ?", (address.lower(),))
        return (row["name"] or None) if row else None

    def shared_wallet(self, address: str | None) -> tuple[str, str | None] | None:
        """("exchange", "Binance") for a listed exchange wallet, ("shared", None) for a wallet
        marked shared, None for a wallet that may be one person's (or for no address)."""
        if not address or not _ADDRESS.match(address):
            return None
        exchange = self.exchanges().get(address.lower())
        if exchange:
            return ("exchange", exchange)
        row = self.store.one("SELECT name FROM payer_names WHERE address = ?", (address.lower(),))
        return ("shared", None) if row is not None and row["name"] == SHARED else None

    def names(self) -> PayerNames:
        """Every person's name by lower-case address, with the exchange and shared wallets beside
        them (a screen reads them once per reload and shows each with ``payer_label``)."""
        exchanges = dict(self.exchanges())
        rows = self.store.query("SELECT address, name FROM payer_names")
        return PayerNames({r["address"]: r["name"] for r in rows
                           if r["name"] != SHARED and r["address"] not in exchanges},
                          exchanges=exchanges, shared=(r["address"] for r in rows if r["name"] == SHARED))

    def entries(self) -> list[dict[str, object]]:
        """Every named payer with who named it and when, by name (for ``sompos payer list``);
        a wallet marked shared has the name "" and comes first."""
        return self.store.query("SELECT address, name, updated_at, updated_by FROM payer_names"
                                " ORDER BY name COLLATE NOCASE, address")

    def label(self, address: str | None, names: dict[str, str] | None = None) -> str:
        """What a cashier's screen shows for a payer: the shop's name for it, else the short form."""
        return payer_label(address, names if names is not None else self.names())


def _paid_another_sale_since(c, key: str, since: int) -> bool:
    """Has ``key`` paid, after ``since``, a sale other than the one(s) its name was given for?

    The name stands for the sales the wallet had paid by ``since``; when it had paid none yet (a
    name taught before the payment, as the demo phone does), for the first sale it paid after.
    """
    first_paid = sales_first_paid_by(c, key)
    later = sum(1 for at in first_paid if at > since)
    return later > 0 and len(first_paid) >= 2
