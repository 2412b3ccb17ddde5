"""Invoice and offline-payment histories in the cashier's language and words.

The core writes each history row's ``reason`` as a short English text (``invoice_history``,
``offline_history`` and ``offline_payments.reason``), and shops' databases already hold years of
them. They are recognised here *at display*: every text the core writes is listed once as an
English pattern with ``{fields}`` (``"in block {number}"``), next to what a cashier reads instead,
in shop words (``"Arrived, confirming"``: no block, nonce, transaction or 0x address), wrapped in
``QT_TRANSLATE_NOOP("history", …)`` so the .ts files carry it to Russian and Kyrgyz.

A text no pattern knows (a note a person typed at the command line, a reason from a newer
version) is shown as it is. Rules for translators: keep every ``{name}`` field; ``%n`` is a count
(plural forms).

``tests/ui/test_core_text.py`` fails when the core writes a history reason that no pattern knows.
"""
from __future__ import annotations

import re
import string
from typing import Any, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos_app.ui.shell.i18n import plural

CONTEXT = "history"

# Fields that are always whole numbers: matched as digits, so "in block {number}" does not swallow
# the longer "in block 12; it arrived after it was given up" (listed on its own).
_NUMBERS = {"number", "item", "invoice", "payment", "n", "minutes"}
# Fields whose value is itself a known text (a reason inside a reason), translated in turn.
_NESTED = {"reason", "note"}

# Who did it, as the core records it (actor=...).
ACTORS: dict[str, str] = {
    "cashier": QT_TRANSLATE_NOOP("history", "the cashier"),
    "cli": QT_TRANSLATE_NOOP("history", "a command at the till"),
    "system": QT_TRANSLATE_NOOP("history", "this till"),
}

INVOICE_STATES: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("history", "Waiting"),
    "processing": QT_TRANSLATE_NOOP("history", "Confirming"),
    "settled": QT_TRANSLATE_NOOP("history", "Paid"),
    "expired": QT_TRANSLATE_NOOP("history", "Expired"),
    "invalid": QT_TRANSLATE_NOOP("history", "Cancelled"),
}

QUEUE_STATES: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("history", "received"),
    "queued": QT_TRANSLATE_NOOP("history", "waiting for the network"),
    "submitted": QT_TRANSLATE_NOOP("history", "sent"),
    "included": QT_TRANSLATE_NOOP("history", "confirming"),
    "final": QT_TRANSLATE_NOOP("history", "done"),
    "rejected": QT_TRANSLATE_NOOP("history", "refused by the network"),
    "expired": QT_TRANSLATE_NOOP("history", "expired"),
    "double_spent": QT_TRANSLATE_NOOP("history", "spent elsewhere"),
    "insufficient_funds": QT_TRANSLATE_NOOP("history", "not enough money"),
    "reverted": QT_TRANSLATE_NOOP("history", "refused by the som token"),
    "cancelled": QT_TRANSLATE_NOOP("history", "cancelled by the customer"),
    "stuck": QT_TRANSLATE_NOOP("history", "never went through"),
    "needs_attention": QT_TRANSLATE_NOOP("history", "needs attention"),
}

# (what the core writes, what the cashier reads). Order matters only where two patterns could
# both match: the longer, more specific one first.
PATTERNS: tuple[tuple[str, str], ...] = (
    # -- invoice_history: pos_app/invoices/service.py, payments/watcher.py, offline/queue.py ------
    ("created", QT_TRANSLATE_NOOP("history", "Sale started")),
    ("expired", QT_TRANSLATE_NOOP("history", "The time to pay ran out")),
    ("repaired at start", QT_TRANSLATE_NOOP("history", "Checked again when the till started")),
    ("payment update from the chain", QT_TRANSLATE_NOOP("history", "A payment arrived")),
    ("payment final on the chain", QT_TRANSLATE_NOOP("history", "The payment is confirmed")),
    ("payment dropped by a chain reorganisation",
     QT_TRANSLATE_NOOP("history", "The network took a payment back; it is checked again")),
    ("marked by {actor}: {reason}", QT_TRANSLATE_NOOP("history", "Marked by {actor}: {reason}")),
    ("marked by {actor}", QT_TRANSLATE_NOOP("history", "Marked by {actor}")),
    ("charged again by {actor}", QT_TRANSLATE_NOOP("history", "Charged again by {actor}")),
    ("accepted short by {actor}", QT_TRANSLATE_NOOP("history", "Accepted as paid though short, by {actor}")),
    ("payment linked to its offline payment",
     QT_TRANSLATE_NOOP("history", "The money of its offline payment arrived")),
    ("payment {payment} assigned by {actor}",
     QT_TRANSLATE_NOOP("history", "Payment {payment} assigned by {actor}")),
    ("accepted offline, pending network (offline payment {item})",
     QT_TRANSLATE_NOOP("history", "Paid offline; waiting for the network (offline payment {item})")),
    ("handed over from device {device}, pending network (offline payment {item})",
     QT_TRANSLATE_NOOP("history", "Brought from another till; waiting for the network (offline payment {item})")),
    ("{note}, pending network (offline payment {item})",
     QT_TRANSLATE_NOOP("history", "{note}; waiting for the network (offline payment {item})")),
    ("offline payment {item} failed ({state}); collected again",
     QT_TRANSLATE_NOOP("history", "Offline payment {item} failed ({state}); the customer was charged again")),
    # the notes of "{note}, pending network" (offline/queue.py link_offline)
    ("accepted offline", QT_TRANSLATE_NOOP("history", "Paid offline")),
    ("handed over from device {device}", QT_TRANSLATE_NOOP("history", "Brought from another till")),
    # reasons a cashier's action gives (ui/screens/sale/checkout.py)
    ("sale cancelled", QT_TRANSLATE_NOOP("history", "sale cancelled")),
    # -- offline_history and offline_payments.reason: pos_app/offline/*.py -------------------------
    ("{kind} from {source}", QT_TRANSLATE_NOOP("history", "Received from the customer")),
    ("verified offline", QT_TRANSLATE_NOOP("history", "Checked offline, waiting for the network")),
    # the memo of a sale made here for a payment brought from another till (handover/importer.py)
    ("handed over from device {device}, invoice {invoice}: {memo}",
     QT_TRANSLATE_NOOP("history", "Brought from another till (its sale {invoice}): {memo}")),
    ("handed over from device {device}, invoice {invoice}",
     QT_TRANSLATE_NOOP("history", "Brought from another till (its sale {invoice})")),
    ("imported from device {device} (invoice {invoice} there)",
     QT_TRANSLATE_NOOP("history", "Brought from another till (its sale {invoice})")),
    ("taken back from the hand-over: {reason}",
     QT_TRANSLATE_NOOP("history", "To be sent from this till again: {reason}")),
    ("taken back on this till", QT_TRANSLATE_NOOP("history", "taken back on this till")),
    ("taken back by a person", QT_TRANSLATE_NOOP("history", "taken back by hand")),
    ("no other till had sent it in time", QT_TRANSLATE_NOOP("history", "no other till had sent it in time")),
    ("they came back in a file from device {device}",
     QT_TRANSLATE_NOOP("history", "they came back in a file from another till")),
    ("its own file {file} was loaded here again",
     QT_TRANSLATE_NOOP("history", "this till's own file {file} was loaded here again")),
    ("collect_again by {actor} {note}",
     QT_TRANSLATE_NOOP("history", "Closed by {actor}: the customer was charged again ({note})")),
    ("collect_again by {actor}", QT_TRANSLATE_NOOP("history", "Closed by {actor}: the customer was charged again")),
    ("resolved by {actor} {note}", QT_TRANSLATE_NOOP("history", "Closed by {actor}: settled another way ({note})")),
    ("resolved by {actor}", QT_TRANSLATE_NOOP("history", "Closed by {actor}: settled another way")),
    # -- pos_app/outbox/engine.py and stuck.py -------------------------------------------------------
    ("the token cannot settle customer authorizations",
     QT_TRANSLATE_NOOP("history", "The som token cannot take this kind of payment")),
    ("the authorization expired before it could be sent",
     QT_TRANSLATE_NOOP("history", "The customer's payment permission ran out before it could be sent")),
    ("the payer's balance does not cover the payment",
     QT_TRANSLATE_NOOP("history", "The customer's account does not have enough money")),
    ("the payer's balance did not cover the payment",
     QT_TRANSLATE_NOOP("history", "The customer's account did not have enough money")),
    ("receiveWithAuthorization must be sent from the shop's own address; the relay key is another one",
     QT_TRANSLATE_NOOP("history", "This payment can only be sent by the shop's own account, not by the relay key")),
    ("the authorization is already used or cancelled, and the node cannot tell which; check the payer's history",
     QT_TRANSLATE_NOOP("history", "This payment permission was already used or cancelled; check the customer's "
                                  "payments")),
    ("the authorization is already used or cancelled, but no record of either was found; check the payer's "
     "history",
     QT_TRANSLATE_NOOP("history", "This payment permission was already used or cancelled; check the customer's "
                                  "payments")),
    ("already sent by another machine; following its transaction",
     QT_TRANSLATE_NOOP("history", "Already sent by another till; waiting for confirmation")),
    ("the payer cancelled the authorization before it was sent",
     QT_TRANSLATE_NOOP("history", "The customer cancelled the payment before it was sent")),
    ("sent to the network", QT_TRANSLATE_NOOP("history", "Sent, waiting for confirmation")),
    ("the network already has it", QT_TRANSLATE_NOOP("history", "Sent, waiting for confirmation")),
    ("nonce already used; checking the receipt",
     QT_TRANSLATE_NOOP("history", "Sent before; checking whether it arrived")),
    ("the payer's account cannot pay the network fee",
     QT_TRANSLATE_NOOP("history", "The customer's account cannot pay the network fee")),
    ("the customer's fee is below what the network accepts now",
     QT_TRANSLATE_NOOP("history", "The customer's network fee is too low now")),
    ("the token refused the transfer", QT_TRANSLATE_NOOP("history", "The som token refused the payment")),
    ("the token refused the transfer (reverted)", QT_TRANSLATE_NOOP("history", "The som token refused the payment")),
    ("the token refused the authorization (reverted)",
     QT_TRANSLATE_NOOP("history", "The som token refused the payment")),
    ("the network refuses this transaction: {message}",
     QT_TRANSLATE_NOOP("history", "The network refused this payment")),
    ("its block left the chain (reorg); sending it again",
     QT_TRANSLATE_NOOP("history", "The network took its confirmation back; sending it again")),
    ("its block left the chain (reorg); following it again",
     QT_TRANSLATE_NOOP("history", "The network took its confirmation back; waiting again")),
    ("in block {number}; it arrived after it was given up and the customer was charged again: the customer has "
     "paid twice, refund one of the payments",
     QT_TRANSLATE_NOOP("history", "Arrived after it was given up, and the customer was charged again: the customer "
                                  "has paid twice, refund one of the payments")),
    ("in block {number}; it arrived after it was given up and marked settled another way: check whether the "
     "customer paid twice",
     QT_TRANSLATE_NOOP("history", "Arrived after it was given up and marked settled another way: check whether "
                                  "the customer paid twice")),
    ("in block {number}; it arrived after it was given up",
     QT_TRANSLATE_NOOP("history", "Arrived after it was given up; confirming")),
    ("in block {number}", QT_TRANSLATE_NOOP("history", "Arrived, confirming")),
    ("final on the chain", QT_TRANSLATE_NOOP("history", "Confirmed")),
    # issue 18: an outbox item is final only by the payment the watcher recorded from the chain
    ("its payment is final on the chain", QT_TRANSLATE_NOOP("history", "Confirmed")),
    ("its payment is on the chain", QT_TRANSLATE_NOOP("history", "Arrived, confirming")),
    ("its payment reached the network", QT_TRANSLATE_NOOP("history", "Sent, waiting for confirmation")),
    ("its final payment left the chain; sending it again",
     QT_TRANSLATE_NOOP("history", "The network took its payment back; sending it again")),
    ("the network says it went through, but no payment arrived; sending it again",
     QT_TRANSLATE_NOOP("history", "The network said it went through, but no money arrived; sending it again")),
    ("the network keeps saying this payment went through, but it never arrived",
     QT_TRANSLATE_NOOP("history", "The network keeps saying this payment went through, but the money never "
                                  "arrived")),
    ("the authorization expired before its transaction went through",
     QT_TRANSLATE_NOOP("history", "The customer's payment permission ran out before it went through")),
    ("the payer spent the same transaction number elsewhere first; this payment can never arrive",
     QT_TRANSLATE_NOOP("history", "The customer spent this money elsewhere first; this payment can never arrive")),
    ("relayed by someone else and dropped; this till sends it",
     QT_TRANSLATE_NOOP("history", "Sent by someone else, but the network dropped it; sending it from this till")),
    ("the relay transaction was replaced; signing it again",
     QT_TRANSLATE_NOOP("history", "Sending it again with the relay key")),
    ("never went through: the customer's wallet has {n} earlier payment(s) that did not reach the network, so the "
     "network held this one for {minutes} min",
     QT_TRANSLATE_NOOP("history", "Never went through: the customer's wallet has %n earlier payment(s) that did not "
                                  "reach the network, so the network held this one for {minutes} min")),
    ("never went through: the network did not take it in {minutes} min",
     QT_TRANSLATE_NOOP("history", "Never went through: the network did not take it in {minutes} min")),
)

_FIELD_RE = {"kind": "raw_tx|eip3009", "actor": r"\S+"}


def _regex(pattern: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(pattern):
        parts.append(re.escape(literal))
        if name is not None:
            body = r"\d+" if name in _NUMBERS else _FIELD_RE.get(name, ".+?")
            parts.append(f"(?P<{name}>{body})")
    return re.compile("".join(parts), re.DOTALL)


_COMPILED = tuple((_regex(p), shown) for p, shown in PATTERNS)


def _translate(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def actor_text(actor: str) -> str:
    return _translate(ACTORS[actor]) if actor in ACTORS else actor


def reason_text(reason: str | None, _depth: int = 0) -> str:
    """A history reason in the cashier's words and language; an unknown one as it is."""
    if not reason:
        return ""
    text = str(reason).strip()
    for regex, shown in _COMPILED:
        m = regex.fullmatch(text)
        if m is None:
            continue
        params: dict[str, Any] = dict(m.groupdict())
        if "actor" in params:
            params["actor"] = actor_text(params["actor"])
        if "state" in params:
            params["state"] = queue_state_text(params["state"])
        if _depth < 2:
            for name in _NESTED & params.keys():
                params[name] = reason_text(params[name], _depth + 1)
        n = int(params.pop("n")) if "%n" in shown and "n" in params else -1
        translated = _translate(shown, n)
        if _fields(translated) - params.keys():
            translated = shown.replace("%n", str(n)) if n >= 0 else shown  # a broken translation
        try:
            shown_text = translated.format(**params)
            return plural(shown_text, n) if n >= 0 else shown_text
        except (KeyError, IndexError, ValueError):
            return text
    return text


def invoice_state_text(state: str | None) -> str:
    return _translate(INVOICE_STATES[state]) if state in INVOICE_STATES else (state or "")


def queue_state_text(state: str | None) -> str:
    return _translate(QUEUE_STATES[state]) if state in QUEUE_STATES else (state or "")


def history_text(row: Mapping[str, Any]) -> str:
    """One invoice history row (``from_state``, ``to_state``, ``reason``) as a cashier reads it:
    "Waiting → Confirming: A payment arrived" in the installed language. A row whose state did
    not change (an offline payment linked) names the state once."""
    before, after = row.get("from_state"), row.get("to_state")
    why = reason_text(row.get("reason"))
    states = invoice_state_text(after)
    if before and before != after:
        states = f"{invoice_state_text(before)} → {states}"
    return f"{states}: {why}" if why else states


def queue_history_text(row: Mapping[str, Any]) -> str:
    """One offline payment's history row, like ``history_text`` with the queue's state words."""
    before, after = row.get("from_state"), row.get("to_state")
    why = reason_text(row.get("reason"))
    states = queue_state_text(after)
    if before and before != after:
        states = f"{queue_state_text(before)} → {states}"
    return f"{states}: {why}" if why else states
