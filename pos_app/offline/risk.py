"""Risk limits for offline acceptance: the shop carries every double-spend, so exposure is bounded.

Defaults follow ../shared/DOMAIN.md (card terminals' store-and-forward, central-bank offline
designs): per payment, per payer, total unsynced amount and count per device, time since the
first unsynced payment (warn at 12 h, refuse at 24 h) and since the last successful sync (refuse
after 30 days). All amounts are integer tyiyn; ``check_limits`` is a pure function so every edge
is tested without a database.

Signed transfers carry the payer's transaction number (nonce); the chain mines them strictly in
order. With a snapshot of the payer (taken at the last sync), a number below the next one the
chain expects is refused (already spent), and so is one above it (the wallet skipped numbers:
the network would hold it for ever). The next number counts this till's own payments from the
payer that used a number after the snapshot. Without a snapshot (a payer this till never saw)
the number cannot be checked offline: that risk is what the unknown-payer cap bounds, and a
payment that then never goes through becomes a "stuck" failure after ``stuck_after_s`` online.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from pos_app.core.errors import ConfigError
from pos_app.core.money import Tyiyn
from pos_app.offline.payload import PayloadRefused

HOUR = 3600
DAY = 24 * HOUR
MIN_STUCK_AFTER_S = 5 * 60   # a busy network can take minutes; less would fail payments on their way


@dataclass(frozen=True)
class Limits:
    per_payment_tyiyn: Tyiyn = Tyiyn(5_000_00)     # 5,000 som
    total_tyiyn: Tyiyn = Tyiyn(50_000_00)          # 50,000 som unsynced per device
    max_items: int = 200
    warn_after_s: int = 12 * HOUR              # since the first unsynced payment
    refuse_after_s: int = 24 * HOUR
    max_since_sync_s: int = 30 * DAY           # since the last successful sync
    unknown_payer_tyiyn: Tyiyn = Tyiyn(1_000_00)   # payer with no balance snapshot
    stale_snapshot_s: int = 7 * DAY            # an older snapshot halves the payer's cap
    stuck_after_s: int = 30 * 60               # sent, never mined this long: a "stuck" failure

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Limits":
        """Saved limits over the defaults; unknown keys are ignored, bad values refused."""
        base = cls()
        if not data:
            return base
        known = {f.name for f in fields(cls)}
        values: dict[str, int] = {}
        for k, v in data.items():
            if k not in known:
                continue
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise ConfigError("offline.offline_limit_must_whole", name=k)
            values[k] = v
        limits = replace(base, **values)
        if limits.warn_after_s > limits.refuse_after_s:
            raise ConfigError("offline.offline_warning_must_come")
        if limits.stuck_after_s < MIN_STUCK_AFTER_S:
            raise ConfigError("offline.give_payment_least_minutes", minutes=MIN_STUCK_AFTER_S // 60)
        return limits


@dataclass(frozen=True)
class Exposure:
    """What the device already holds unsynced, and when it last talked to the network."""

    unsynced_tyiyn: Tyiyn
    unsynced_count: int
    first_unsynced_at: int | None
    last_sync_at: int | None


@dataclass(frozen=True)
class PayerStanding:
    """What we know about one payer from the last sync and from our own queue."""

    balance_tyiyn: Tyiyn | None        # snapshot balance at the last sync (None: never seen)
    snapshot_nonce: int | None
    snapshot_at: int | None
    queued_tyiyn: Tyiyn                # already queued (unsynced) from this payer
    pending_raw: int                   # unsynced raw transactions from this payer
    failures: int                      # payments of this payer the chain refused before
    # One past the highest transaction number of this payer's signed transfers on this till that
    # used (or will use) their number: pending, mined or spent elsewhere. None: there are none.
    raw_next: int | None = None


def sync_deadline(limits: Limits, exposure: Exposure, now: int) -> int:
    """When the queue must reach the network: 24 h after the first unsynced payment (or from now)."""
    start = exposure.first_unsynced_at if exposure.first_unsynced_at is not None else now
    return start + limits.refuse_after_s


def payer_cap(limits: Limits, payer: PayerStanding, now: int) -> Tyiyn:
    """Most this payer may still pay offline, in tyiyn."""
    if payer.balance_tyiyn is None:
        cap = limits.unknown_payer_tyiyn
    else:
        cap = payer.balance_tyiyn
        if payer.snapshot_at is None or now - payer.snapshot_at > limits.stale_snapshot_s:
            cap //= 2
    if payer.failures:
        cap //= 2
    return Tyiyn(max(0, cap - payer.queued_tyiyn))


def check_limits(limits: Limits, exposure: Exposure, payer: PayerStanding, *, amount_tyiyn: Tyiyn, kind: str,
                 raw_nonce: int | None, now: int) -> list[str]:
    """Raise ``PayloadRefused`` when accepting would break a limit; return warnings otherwise."""
    warnings: list[str] = []
    if exposure.last_sync_at is None:
        raise PayloadRefused("never_synced", "cli.till_never_been_online")
    if now - exposure.last_sync_at >= limits.max_since_sync_s:
        raise PayloadRefused("sync_too_old", "offline.till_been_offline_days",
                             days=(now - exposure.last_sync_at) // DAY)
    if exposure.first_unsynced_at is not None:
        waiting = now - exposure.first_unsynced_at
        if waiting >= limits.refuse_after_s:
            raise PayloadRefused("queue_too_old", "offline.offline_payments_waited_hours", hours=waiting // HOUR)
        if waiting >= limits.warn_after_s:
            warnings.append("queue_old")
    if amount_tyiyn > limits.per_payment_tyiyn:
        raise PayloadRefused("over_payment_limit", "offline.payment_over_offline_limit")
    if exposure.unsynced_count + 1 > limits.max_items:
        raise PayloadRefused("too_many", "offline.till_holds_most_offline")
    if exposure.unsynced_tyiyn + amount_tyiyn > limits.total_tyiyn:
        raise PayloadRefused("over_total_limit", "offline.payment_would_take_offline")
    if kind == "raw_tx":
        if payer.pending_raw:
            raise PayloadRefused("payer_pending", "offline.customer_already_unsent_offline")
        if payer.snapshot_nonce is not None and raw_nonce is not None:
            expected = max(payer.snapshot_nonce, payer.raw_next or 0)
            if raw_nonce < expected:
                raise PayloadRefused("nonce_used", "offline.payment_reuses_transaction_number")
            if raw_nonce > expected:
                # The chain mines a wallet's payments strictly in order: this one would wait for ever
                # behind the ones the wallet skipped (or has not sent yet).
                raise PayloadRefused("nonce_gap", "offline.payment_cannot_go_through",
                                     count=raw_nonce - expected)
    if amount_tyiyn > payer_cap(limits, payer, now):
        raise PayloadRefused("over_payer_cap", "offline.customer_s_known_balance")
    if payer.failures:
        warnings.append("payer_failed_before")
    return warnings


# Names a manager types (``sompos config offline-limit NAME VALUE``) -> (field, unit).
LIMIT_NAMES = {
    "per-payment": ("per_payment_tyiyn", "som"), "total": ("total_tyiyn", "som"),
    "max-items": ("max_items", "count"), "unknown-payer": ("unknown_payer_tyiyn", "som"),
    "warn-after": ("warn_after_s", "hours"), "refuse-after": ("refuse_after_s", "hours"),
    "max-offline-days": ("max_since_sync_s", "days"), "stale-snapshot-days": ("stale_snapshot_s", "days"),
    "stuck-after": ("stuck_after_s", "minutes"),
}


def with_limit(limits: Limits, name: str, value: str) -> Limits:
    """``limits`` with one limit changed from what a manager typed; ``ConfigError`` on bad input."""
    if name not in LIMIT_NAMES:
        raise ConfigError("offline.unknown_offline_limit_use", name=name,
                          names=", ".join(LIMIT_NAMES))
    field_name, unit = LIMIT_NAMES[name]
    if unit == "som":
        from pos_app.core.money import parse_amount
        number = int(parse_amount(value))
    else:
        from pos_app.core.money import parse_whole
        whole = parse_whole(value, maximum=10**9 - 1)   # digits 0-9 only: isdigit() also takes "٣"
        if whole is None:
            raise ConfigError("offline.offline_limit_must_whole_number", name=name)
        number = whole * {"count": 1, "minutes": 60, "hours": HOUR, "days": DAY}[unit]
    return Limits.from_dict({**limits.to_dict(), field_name: number})
