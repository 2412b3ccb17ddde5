"""The token's facts (decimals, symbol, EIP-712 domain, what it can settle) and their cache in the DB.

No web3 here: the app reads the cache at start-up, when creating invoices offline and when it
checks an offline payment. ``features`` is what the contract showed it can do when it was last
probed online (``pos_app.chain.token.probe_features``); ``None`` means it was never probed, and
then only signed transfers are taken offline.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, replace
from typing import Any

from pos_app.store.db import Store

AUTH_METHODS = ("receiveWithAuthorization", "transferWithAuthorization")  # EIP-3009, as payloads name them
# Bounds on what is read back from the features column (it is ours, but a damaged database must
# not turn into a crash or a huge list).
_MAX_FEATURES_TEXT = 64_000
_MAX_BLACKLISTED = 1_000


@dataclass(frozen=True)
class TokenFeatures:
    """What the token contract can do, as probed online at ``probed_at``."""

    eip3009: bool                   # authorizationState + receiveWithAuthorization: authorizations settle
    eip2612: bool                   # DOMAIN_SEPARATOR + nonces (permit); noted, the app takes no permits
    pausable: bool = False          # it has paused()
    paused: bool = False            # ... and said true at the probe
    blacklist: str | None = None    # the blacklist function it answers (isBlacklisted, isBlackListed, ...)
    blacklisted: tuple[str, ...] = field(default=())  # known payers it listed (lower-case addresses)
    probed_at: int = 0
    # The EIP-3009 calls a relay can make on it (receiveWithAuthorization, transferWithAuthorization).
    auth_methods: tuple[str, ...] = AUTH_METHODS

    @property
    def offline_kinds(self) -> tuple[str, ...]:
        """The payload kinds (``pos_app.offline.payload``) this token can settle after an offline sale."""
        if self.paused:
            return ()
        return ("raw_tx", "eip3009") if self.eip3009 else ("raw_tx",)

    def settles_authorization(self, method: str) -> bool:
        return self.eip3009 and not self.paused and method in self.auth_methods

    def is_blacklisted(self, address: str) -> bool:
        return address.lower() in self.blacklisted

    def to_json(self) -> str:
        return json.dumps({"eip3009": self.eip3009, "eip2612": self.eip2612, "pausable": self.pausable,
                           "paused": self.paused, "blacklist": self.blacklist,
                           "blacklisted": sorted(self.blacklisted), "auth_methods": list(self.auth_methods)},
                          sort_keys=True)

    def to_dict(self) -> dict[str, Any]:
        """For ``sompos config show --json``."""
        return {"eip3009": self.eip3009, "eip2612": self.eip2612, "pausable": self.pausable, "paused": self.paused,
                "blacklist": self.blacklist, "blacklisted": list(self.blacklisted), "probed_at": self.probed_at,
                "auth_methods": list(self.auth_methods), "offline_kinds": list(self.offline_kinds)}

    @classmethod
    def from_json(cls, text: str | None, probed_at: int | None) -> "TokenFeatures | None":
        """The stored features; ``None`` when never probed or unreadable (then treated as not probed)."""
        if not isinstance(text, str) or not text or len(text) > _MAX_FEATURES_TEXT:
            return None
        try:
            d = json.loads(text)
            if not isinstance(d, dict):
                return None
            flags = {k: d[k] for k in ("eip3009", "eip2612", "pausable", "paused")}
            if not all(isinstance(v, bool) for v in flags.values()):
                return None
            listed = d.get("blacklisted") or []
            fn = d.get("blacklist")
            methods = d.get("auth_methods")
            if not isinstance(listed, list) or not all(isinstance(a, str) for a in listed) \
                    or (fn is not None and not isinstance(fn, str)) or not isinstance(methods, list):
                return None
        except (ValueError, TypeError, KeyError):
            return None
        return cls(**flags, blacklist=fn, blacklisted=tuple(a.lower() for a in listed[:_MAX_BLACKLISTED]),
                   probed_at=int(probed_at or 0), auth_methods=tuple(m for m in methods if m in AUTH_METHODS))


def describe_offline_kinds(features: TokenFeatures | None) -> str:
    """One line for ``config show``: which payments the till takes offline with this token."""
    if features is None:
        return "signed transfers only (authorizations: not checked yet, connect once)"
    if features.paused:
        return "none: the token is paused by its issuer"
    if features.eip3009:
        return "signed transfers and authorizations"
    return "signed transfers only (the token has no authorizations)"


# The demo token on the embedded network is our own SomToken: EIP-3009 and EIP-2612, no pause, no
# blacklist. Known by design, like its decimals, so the demo takes authorizations with no probe.
DEMO_TOKEN_FEATURES = TokenFeatures(eip3009=True, eip2612=True)


@dataclass(frozen=True)
class TokenInfo:
    chain_id: int
    address: str
    decimals: int
    symbol: str
    name: str
    eip712_name: str
    eip712_version: str
    features: TokenFeatures | None = None   # None: not probed yet

    def with_features(self, features: TokenFeatures | None) -> "TokenInfo":
        return replace(self, features=features)


def cached_token_info(store: Store, chain_id: int, address: str) -> TokenInfo | None:
    row = store.one("SELECT * FROM token_info WHERE chain_id = ? AND address = ?", (chain_id, address))
    if row is None:
        return None
    return TokenInfo(row["chain_id"], row["address"], row["decimals"], row["symbol"], row["name"],
                     row["eip712_name"], row["eip712_version"],
                     TokenFeatures.from_json(row.get("features"), row.get("probed_at")))


def forget_features(store: Store, chain_id: int, address: str) -> None:
    """The shop switched (back) to this token: it counts as not probed until it is probed again.

    A cached answer may be old, or even about another contract: a restarted test chain puts a new
    deployment at the same address.
    """
    store.execute("UPDATE token_info SET features = NULL, probed_at = NULL WHERE chain_id = ?"
                  " AND lower(address) = lower(?)", (chain_id, address))


def save_token_info(store: Store, info: TokenInfo) -> None:
    """Cache ``info``; its ``features`` replace the stored ones only when given (a probe's result)."""
    features = info.features.to_json() if info.features is not None else None
    probed_at = info.features.probed_at if info.features is not None else None
    store.execute(
        "INSERT INTO token_info(chain_id, address, decimals, symbol, name, eip712_name, eip712_version, read_at,"
        " features, probed_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(chain_id, address) DO UPDATE SET"
        " decimals=excluded.decimals, symbol=excluded.symbol, name=excluded.name,"
        " eip712_name=excluded.eip712_name, eip712_version=excluded.eip712_version, read_at=excluded.read_at,"
        " features=COALESCE(excluded.features, token_info.features),"
        " probed_at=COALESCE(excluded.probed_at, token_info.probed_at)",
        (info.chain_id, info.address, info.decimals, info.symbol, info.name, info.eip712_name,
         info.eip712_version, int(time.time()), features, probed_at))
