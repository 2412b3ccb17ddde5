"""The shop's words for what the core stores as codes: states, actors, history reasons.

Each state has one label (context "states"), wherever it is shown: the sales list, the queue's
table, a history line, a reason that names a state. Each history code (``pos_app/core/reasons.py``)
has one entry in ``DISPLAY`` (context "history"): what a cashier reads, in shop words ("Arrived,
confirming": no block, nonce, transaction or 0x address). ``pos_app/text/render.py`` renders them
in a language; ``QT_TRANSLATE_NOOP`` marks them for ``pyside6-lupdate``, so the .ts files carry
them to Russian and Kyrgyz.

Rules for translators: keep every ``{name}`` field; ``%n`` is a count.

``tests/ui/test_reason_text.py`` fails when a lifecycle state or a reason code has no entry here.
"""
from __future__ import annotations

from pos_app.core.messages import QT_TRANSLATE_NOOP

CONTEXT = "history"

# Who did it, as the core records it (actor=...).
ACTORS: dict[str, str] = {
    "cashier": QT_TRANSLATE_NOOP("history", "the cashier"),
    "cli": QT_TRANSLATE_NOOP("history", "a command at the till"),
    "system": QT_TRANSLATE_NOOP("history", "this till"),
}

# Each state's one label, wherever it is shown: the sales list, the queue's table, a history line,
# a reason that names a state. Context "states" in the .ts files (tests/ui/test_reason_text.py
# checks every lifecycle state has exactly one label here and no screen spells its own).
STATES_CONTEXT = "states"

INVOICE_STATES: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("states", "Waiting"),
    "processing": QT_TRANSLATE_NOOP("states", "Confirming"),
    "settled": QT_TRANSLATE_NOOP("states", "Paid"),
    "expired": QT_TRANSLATE_NOOP("states", "Expired"),
    "invalid": QT_TRANSLATE_NOOP("states", "Cancelled"),
}

QUEUE_STATES: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("states", "Received"),
    "queued": QT_TRANSLATE_NOOP("states", "Waiting for network"),
    "submitted": QT_TRANSLATE_NOOP("states", "Sent"),
    "included": QT_TRANSLATE_NOOP("states", "Confirming"),
    "final": QT_TRANSLATE_NOOP("states", "Done"),
    "rejected": QT_TRANSLATE_NOOP("states", "Refused by network"),
    "expired": QT_TRANSLATE_NOOP("states", "Expired"),
    "double_spent": QT_TRANSLATE_NOOP("states", "Spent elsewhere"),
    "insufficient_funds": QT_TRANSLATE_NOOP("states", "No funds"),
    "reverted": QT_TRANSLATE_NOOP("states", "Refused by the som token"),
    "cancelled": QT_TRANSLATE_NOOP("states", "Cancelled by payer"),
    "stuck": QT_TRANSLATE_NOOP("states", "Never went through"),
    "needs_attention": QT_TRANSLATE_NOOP("states", "Needs attention"),
}

# Why a failed offline payment failed, in a clause the failure bar puts after the amount and sale.
QUEUE_FAILURES: dict[str, str] = {
    "double_spent": QT_TRANSLATE_NOOP("states", "the customer spent this money elsewhere first"),
    "insufficient_funds": QT_TRANSLATE_NOOP("states", "the customer's account did not have enough"),
    "reverted": QT_TRANSLATE_NOOP("states", "the token refused the transfer"),
    "cancelled": QT_TRANSLATE_NOOP("states", "the customer cancelled the payment"),
    "expired": QT_TRANSLATE_NOOP("states", "it could not be sent in time"),
    "rejected": QT_TRANSLATE_NOOP("states", "the network refused it"),
    "stuck": QT_TRANSLATE_NOOP("states", "it never went through: the network held it back"),
}

# code (core/reasons.TEMPLATES) -> what the cashier reads, in shop words. Every code has an entry
# (tests/ui/test_core_text.py); a code shown with fewer fields than it carries drops the rest
# (a device's fingerprint, a node's raw message: not for the cashier).
DISPLAY: dict[str, str] = {
    # -- invoice_history (invoices/service.py, payments/watcher.py, offline/queue.py) -------------------
    "created": QT_TRANSLATE_NOOP("history", "Sale started"),
    "expired": QT_TRANSLATE_NOOP("history", "The time to pay ran out"),
    "repaired": QT_TRANSLATE_NOOP("history", "Checked again when the till started"),
    "payment_seen": QT_TRANSLATE_NOOP("history", "A payment arrived"),
    "payment_final": QT_TRANSLATE_NOOP("history", "The payment is confirmed"),
    "payment_dropped": QT_TRANSLATE_NOOP("history", "The network took a payment back; it is checked again"),
    "marked_because": QT_TRANSLATE_NOOP("history", "Marked by {actor}: {reason}"),
    "marked": QT_TRANSLATE_NOOP("history", "Marked by {actor}"),
    "charged_again": QT_TRANSLATE_NOOP("history", "Charged again by {actor}"),
    "accepted_short": QT_TRANSLATE_NOOP("history", "Accepted as paid though short, by {actor}"),
    "offline_money_linked": QT_TRANSLATE_NOOP("history", "The money of its offline payment arrived"),
    "payment_assigned": QT_TRANSLATE_NOOP("history", "Payment {payment} assigned by {actor}"),
    "paid_offline_pending": QT_TRANSLATE_NOOP("history", "{note}; waiting for the network (offline payment {item})"),
    "offline_failed_collect_again":
        QT_TRANSLATE_NOOP("history", "Offline payment {item} failed ({state}); the customer was charged again"),
    "accepted_offline": QT_TRANSLATE_NOOP("history", "Paid offline"),
    "handed_over_from": QT_TRANSLATE_NOOP("history", "Brought from another till"),
    "sale_cancelled": QT_TRANSLATE_NOOP("history", "sale cancelled"),
    # -- offline_history and offline_payments.reason_code (offline/queue.py, handover/importer.py) ------
    "received_from": QT_TRANSLATE_NOOP("history", "Received from the customer"),
    "verified_offline": QT_TRANSLATE_NOOP("history", "Checked offline, waiting for the network"),
    "imported_from": QT_TRANSLATE_NOOP("history", "Brought from another till (its sale {invoice})"),
    "taken_back": QT_TRANSLATE_NOOP("history", "To be sent from this till again: {reason}"),
    "taken_back_here": QT_TRANSLATE_NOOP("history", "taken back on this till"),
    "taken_back_by_person": QT_TRANSLATE_NOOP("history", "taken back by hand"),
    "not_sent_in_time": QT_TRANSLATE_NOOP("history", "no other till had sent it in time"),
    "came_back_in_file": QT_TRANSLATE_NOOP("history", "they came back in a file from another till"),
    "own_file_loaded": QT_TRANSLATE_NOOP("history", "this till's own file {file} was loaded here again"),
    "collected_again_note": QT_TRANSLATE_NOOP("history", "Closed by {actor}: the customer was charged again ({note})"),
    "collected_again": QT_TRANSLATE_NOOP("history", "Closed by {actor}: the customer was charged again"),
    "resolved_note": QT_TRANSLATE_NOOP("history", "Closed by {actor}: settled another way ({note})"),
    "resolved": QT_TRANSLATE_NOOP("history", "Closed by {actor}: settled another way"),
    # -- the sync engine (outbox/engine.py, evidence.py, stuck.py) --------------------------------------
    "token_cannot_settle": QT_TRANSLATE_NOOP("history", "The som token cannot take this kind of payment"),
    "authorization_expired_unsent":
        QT_TRANSLATE_NOOP("history", "The customer's payment permission ran out before it could be sent"),
    "balance_short": QT_TRANSLATE_NOOP("history", "The customer's account does not have enough money"),
    "balance_was_short": QT_TRANSLATE_NOOP("history", "The customer's account did not have enough money"),
    "receive_needs_shop_key":
        QT_TRANSLATE_NOOP("history", "This payment can only be sent by the shop's own account, not by the relay key"),
    "authorization_used_unknown":
        QT_TRANSLATE_NOOP("history", "This payment permission was already used or cancelled; check the customer's "
                                      "payments"),
    "authorization_used_no_record":
        QT_TRANSLATE_NOOP("history", "This payment permission was already used or cancelled; check the customer's "
                                      "payments"),
    "sent_by_another": QT_TRANSLATE_NOOP("history", "Already sent by another till; waiting for confirmation"),
    "authorization_cancelled": QT_TRANSLATE_NOOP("history", "The customer cancelled the payment before it was sent"),
    "sent": QT_TRANSLATE_NOOP("history", "Sent, waiting for confirmation"),
    "already_known": QT_TRANSLATE_NOOP("history", "Sent, waiting for confirmation"),
    "nonce_used_checking": QT_TRANSLATE_NOOP("history", "Sent before; checking whether it arrived"),
    "no_gas_money": QT_TRANSLATE_NOOP("history", "The customer's account cannot pay the network fee"),
    "fee_too_low": QT_TRANSLATE_NOOP("history", "The customer's network fee is too low now"),
    "token_refused": QT_TRANSLATE_NOOP("history", "The som token refused the payment"),
    "token_refused_reverted": QT_TRANSLATE_NOOP("history", "The som token refused the payment"),
    "token_refused_authorization": QT_TRANSLATE_NOOP("history", "The som token refused the payment"),
    "network_refuses": QT_TRANSLATE_NOOP("history", "The network refused this payment"),
    "reorg_resend": QT_TRANSLATE_NOOP("history", "The network took its confirmation back; sending it again"),
    "reorg_follow": QT_TRANSLATE_NOOP("history", "The network took its confirmation back; waiting again"),
    "in_block_paid_twice":
        QT_TRANSLATE_NOOP("history", "Arrived after it was given up, and the customer was charged again: the "
                                      "customer has paid twice, refund one of the payments"),
    "in_block_check_twice":
        QT_TRANSLATE_NOOP("history", "Arrived after it was given up and marked settled another way: check whether "
                                      "the customer paid twice"),
    "in_block_after_giving_up": QT_TRANSLATE_NOOP("history", "Arrived after it was given up; confirming"),
    "in_block": QT_TRANSLATE_NOOP("history", "Arrived, confirming"),
    "final": QT_TRANSLATE_NOOP("history", "Confirmed"),
    "money_final": QT_TRANSLATE_NOOP("history", "Confirmed"),
    "money_seen": QT_TRANSLATE_NOOP("history", "Arrived, confirming"),
    "money_reached_network": QT_TRANSLATE_NOOP("history", "Sent, waiting for confirmation"),
    "final_money_left": QT_TRANSLATE_NOOP("history", "The network took its payment back; sending it again"),
    "receipt_lied":
        QT_TRANSLATE_NOOP("history", "The network said it went through, but no money arrived; sending it again"),
    "receipt_keeps_lying":
        QT_TRANSLATE_NOOP("history", "The network keeps saying this payment went through, but the money never "
                                      "arrived"),
    "authorization_expired_unmined":
        QT_TRANSLATE_NOOP("history", "The customer's payment permission ran out before it went through"),
    "double_spent":
        QT_TRANSLATE_NOOP("history", "The customer spent this money elsewhere first; this payment can never arrive"),
    "foreign_relay_dropped":
        QT_TRANSLATE_NOOP("history", "Sent by someone else, but the network dropped it; sending it from this till"),
    "relay_replaced": QT_TRANSLATE_NOOP("history", "Sending it again with the relay key"),
    "stuck_gap":
        QT_TRANSLATE_NOOP("history", "Never went through: the customer's wallet has %n earlier payment(s) that did "
                                      "not reach the network, so the network held this one for {minutes} min"),
    "stuck_not_taken": QT_TRANSLATE_NOOP("history", "Never went through: the network did not take it in {minutes} min"),
    "sent_again_by": QT_TRANSLATE_NOOP("history", "Sent again by {actor}"),
    "relay_held_gap":
        QT_TRANSLATE_NOOP("history", "Waiting for {minutes} min: unlock the relay key in the queue screen and top "
                                      "it up, then it is sent"),
    "relay_not_mined":
        QT_TRANSLATE_NOOP("history", "The network has not taken it for {minutes} min: top up the relay key and "
                                      "keep the till online"),
}
