"""Why a sale or an offline payment changed: a code and its parameters, never a sentence.

The core writes every history row (``invoice_history``, ``offline_history``) and an offline
payment's last reason (``offline_payments.reason_code``) as a ``Reason``: a code from ``TEMPLATES``
and its parameters, stored as JSON (issue 19, point 1). Words are made at the edge: the screens
render a code in the shop's language from their catalogue (``pos_app/ui/shell/reasons.py``, one
entry per code), and ``Reason.english()`` gives the English line the command line and the logs
print (the text the core used to store). A parameter may itself be a ``Reason`` (a note inside a
reason) or a person's own words (a cashier's reason for cancelling), kept as typed.

``parse_legacy`` reads the English sentences older versions stored; only schema step 10 uses it,
to turn old rows into codes (an unknown text stays text). Plain Python, no Qt.
"""
from __future__ import annotations

import json
import functools
import re
import string
from dataclasses import dataclass, field
from typing import Any, Mapping

# code -> the English line (its ``{fields}`` are the parameters). The English is exactly what the
# core wrote before codes, so old rows turn into codes and print the same.
TEMPLATES: dict[str, str] = {
    # -- invoice_history ------------------------------------------------------------------------
    "created": "created",
    "expired": "expired",
    "repaired": "repaired at start",
    "payment_seen": "payment update from the chain",
    "payment_final": "payment final on the chain",
    "payment_dropped": "payment dropped by a chain reorganisation",
    "marked_because": "marked by {actor}: {reason}",
    "marked": "marked by {actor}",
    "charged_again": "charged again by {actor}",
    "accepted_short": "accepted short by {actor}",
    "offline_money_linked": "payment linked to its offline payment",
    "payment_assigned": "payment {payment} assigned by {actor}",
    "paid_offline_pending": "{note}, pending network (offline payment {item})",
    "offline_failed_collect_again": "offline payment {item} failed ({state}); collected again",
    "accepted_offline": "accepted offline",
    "handed_over_from": "handed over from device {device}",
    "sale_cancelled": "sale cancelled",
    # -- offline_history and offline_payments.reason_code --------------------------------------
    "received_from": "{kind} from {source}",
    "verified_offline": "verified offline",
    "imported_from": "imported from device {device} (invoice {invoice} there)",
    "taken_back": "taken back from the hand-over: {reason}",
    "taken_back_here": "taken back on this till",
    "taken_back_by_person": "taken back by a person",
    "not_sent_in_time": "no other till had sent it in time",
    "came_back_in_file": "they came back in a file from device {device}",
    "own_file_loaded": "its own file {file} was loaded here again",
    "collected_again_note": "collect_again by {actor} {note}",
    "collected_again": "collect_again by {actor}",
    "resolved_note": "resolved by {actor} {note}",
    "resolved": "resolved by {actor}",
    "token_cannot_settle": "the token cannot settle customer authorizations",
    "authorization_expired_unsent": "the authorization expired before it could be sent",
    "balance_short": "the payer's balance does not cover the payment",
    "balance_was_short": "the payer's balance did not cover the payment",
    "receive_needs_shop_key": "receiveWithAuthorization must be sent from the shop's own address; the relay key is "
                              "another one",
    "authorization_used_unknown": "the authorization is already used or cancelled, and the node cannot tell which; "
                                  "check the payer's history",
    "authorization_used_no_record": "the authorization is already used or cancelled, but no record of either was "
                                    "found; check the payer's history",
    "sent_by_another": "already sent by another machine; following its transaction",
    "authorization_cancelled": "the payer cancelled the authorization before it was sent",
    "sent": "sent to the network",
    "already_known": "the network already has it",
    "nonce_used_checking": "nonce already used; checking the receipt",
    "no_gas_money": "the payer's account cannot pay the network fee",
    "fee_too_low": "the customer's fee is below what the network accepts now",
    "token_refused": "the token refused the transfer",
    "token_refused_reverted": "the token refused the transfer (reverted)",
    "token_refused_authorization": "the token refused the authorization (reverted)",
    "network_refuses": "the network refuses this transaction: {message}",
    "reorg_resend": "its block left the chain (reorg); sending it again",
    "reorg_follow": "its block left the chain (reorg); following it again",
    "in_block_paid_twice": "in block {number}; it arrived after it was given up and the customer was charged "
                           "again: the customer has paid twice, refund one of the payments",
    "in_block_check_twice": "in block {number}; it arrived after it was given up and marked settled another way: "
                            "check whether the customer paid twice",
    "in_block_after_giving_up": "in block {number}; it arrived after it was given up",
    "in_block": "in block {number}",
    "final": "final on the chain",
    "money_final": "its payment is final on the chain",
    "money_seen": "its payment is on the chain",
    "money_reached_network": "its payment reached the network",
    "final_money_left": "its final payment left the chain; sending it again",
    "receipt_lied": "the network says it went through, but no payment arrived; sending it again",
    "receipt_keeps_lying": "the network keeps saying this payment went through, but it never arrived",
    "authorization_expired_unmined": "the authorization expired before its transaction went through",
    "double_spent": "the payer spent the same transaction number elsewhere first; this payment can never arrive",
    "foreign_relay_dropped": "relayed by someone else and dropped; this till sends it",
    "relay_replaced": "the relay transaction was replaced; signing it again",
    "stuck_gap": "never went through: the customer's wallet has {n} earlier payment(s) that did not reach the "
                 "network, so the network held this one for {minutes} min",
    "stuck_not_taken": "never went through: the network did not take it in {minutes} min",
    "sent_again_by": "sent again by {actor}",
    "relay_held_gap": "the relay transaction waited {minutes} min behind {n} unused relay transaction number(s); "
                      "unlock the relay key (and top it up) so they are filled",
    "relay_not_mined": "the relay transaction was not mined in {minutes} min; check the relay key's BNB and the network",
}


def fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@dataclass(frozen=True)
class Reason:
    """A code of ``TEMPLATES`` and its parameters (numbers, text, or a nested ``Reason``)."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        template = TEMPLATES.get(self.code)
        if template is None:
            raise ValueError(f"unknown reason code {self.code!r}")
        if set(self.params) != fields_of(template):
            raise ValueError(f"reason {self.code!r} takes {sorted(fields_of(template))}, got {sorted(self.params)}")

    def english(self) -> str:
        """The English line (the command line, the logs): what the core wrote before codes."""
        return TEMPLATES[self.code].format(**{k: v.english() if isinstance(v, Reason) else v
                                              for k, v in self.params.items()})

    __str__ = english

    def to_json(self) -> str:
        return json.dumps({k: v.to_dict() if isinstance(v, Reason) else v for k, v in self.params.items()},
                          sort_keys=True, ensure_ascii=False)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": json.loads(self.to_json())}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Reason":
        return cls(str(d["code"]), _params(d.get("params") or {}))


def R(code: str, **params: Any) -> Reason:
    """``Reason(code, params)``: what a writer passes (a wrong code or parameter fails at once)."""
    return Reason(code, params)


def _params(raw: Mapping[str, Any]) -> dict[str, Any]:
    return {k: Reason.from_dict(v) if isinstance(v, Mapping) and "code" in v else v for k, v in raw.items()}


def stored(code: str | None, params_json: str | None, text: str | None) -> "Reason | str":
    """What a history row holds: its ``Reason`` (code and parameters), or the old text no code matched."""
    if code:
        try:
            return Reason(code, _params(json.loads(params_json or "{}")))
        except (ValueError, TypeError, KeyError):
            pass   # a row written by a newer version: its words are not known here
    return text or ""


def as_text(reason: "Reason | str") -> str:
    """The English line of a stored reason (``Reason.english``), or the old text as it is."""
    return reason.english() if isinstance(reason, Reason) else str(reason or "")


# -- reading the English older versions stored (schema step 10 only) --------------------------------
# Whole numbers are digits; a kind is one of two words; an actor is one word (so "marked by cashier:
# sale cancelled" splits where the core put the colon). Nested fields are read in turn.
_NUMBERS = {"number", "item", "invoice", "payment", "n", "minutes"}
_FIELD_RE = {"kind": "raw_tx|eip3009", "actor": r"\S+"}
_NESTED = {"note", "reason"}
# The longer, more specific of two templates that could both match goes first.
_ORDER = sorted(TEMPLATES, key=lambda c: (-len(TEMPLATES[c].replace("{", "").replace("}", "")), c))


def _regex(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            body = r"\d+" if name in _NUMBERS else _FIELD_RE.get(name, ".+?")
            parts.append(f"(?P<{name}>{body})")
    return re.compile("".join(parts), re.DOTALL)


@functools.lru_cache(maxsize=1)
def _legacy() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The old sentences' patterns, compiled when the migration first needs them (not at start)."""
    return tuple((code, _regex(TEMPLATES[code])) for code in _ORDER)


def parse_legacy(text: str | None, _depth: int = 0) -> Reason | None:
    """The ``Reason`` an English sentence of an older version stands for, or None if none matches."""
    text = (text or "").strip()
    if not text:
        return None
    for code, regex in _legacy():
        m = regex.fullmatch(text)
        if m is None:
            continue
        params: dict[str, Any] = {}
        for name, value in m.groupdict().items():
            if name in _NUMBERS:
                params[name] = int(value)
            elif name in _NESTED and _depth < 2:
                params[name] = parse_legacy(value, _depth + 1) or value
            else:
                params[name] = value
        return Reason(code, params)
    return None
