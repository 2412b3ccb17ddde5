"""The life of a payment accepted offline, as an explicit transition table.

    received -> queued -> submitted -> included -> final
    failures: rejected, expired, double_spent, insufficient_funds, reverted, cancelled, stuck
    needs_attention: the engine could not decide; a person looks at it (back to queued or rejected)

``stuck`` ("never went through"): a signed transfer the network held without mining it past the
deadline (``Limits.stuck_after_s``), typically because the customer's wallet skipped transaction
numbers. It is a failure the cashier closes like the others, and the only one that can still move:
the same signed bytes may be mined later (the customer sends the missing ones), and then the item
goes on to included -> final (or reverted) so money that arrives is never taken for lost.

``received`` and ``queued`` are written in the same transaction as the payload (the screen says
"accepted" only after that commit). Nothing is ever deleted: failures stay as evidence, naming
the payer and the invoice so the shop can collect again.
"""
from __future__ import annotations

import enum

from pos_app.core.errors import IllegalTransition
from pos_app.core.sending import (
    BackInLine, Bookkeeping, Decision, Failed, Final, Included, NeedsPerson, Phase, Sent,
)
from pos_app.core.statemachine import Lifecycle


class QueueState(str, enum.Enum):
    RECEIVED = "received"
    QUEUED = "queued"
    SUBMITTED = "submitted"
    INCLUDED = "included"
    FINAL = "final"
    REJECTED = "rejected"
    EXPIRED = "expired"
    DOUBLE_SPENT = "double_spent"
    INSUFFICIENT_FUNDS = "insufficient_funds"
    REVERTED = "reverted"
    CANCELLED = "cancelled"
    STUCK = "stuck"
    NEEDS_ATTENTION = "needs_attention"


Q = QueueState
FAILURES = frozenset({Q.REJECTED, Q.EXPIRED, Q.DOUBLE_SPENT, Q.INSUFFICIENT_FUNDS, Q.REVERTED, Q.CANCELLED,
                      Q.STUCK})
# Failures the chain may still overturn: the money arrives after all (the same signed bytes mined
# later, the customer's wallet sending the same transaction number again with another fee, a
# balance topped up before a resend): followed to final by the evidence (outbox/engine.py).
REOPENABLE = frozenset({Q.STUCK, Q.DOUBLE_SPENT, Q.REJECTED, Q.INSUFFICIENT_FUNDS})
_CHAIN_FAILURES = frozenset({Q.DOUBLE_SPENT, Q.INSUFFICIENT_FUNDS, Q.REJECTED, Q.CANCELLED, Q.EXPIRED})


def _refusal(current: QueueState, target: QueueState) -> IllegalTransition:
    return IllegalTransition("offline.offline_payment_cannot_become",
                             current=current.value, target=target.value)


LIFECYCLE: Lifecycle[QueueState] = Lifecycle("offline payment", {
    Q.RECEIVED: frozenset({Q.QUEUED, Q.REJECTED, Q.NEEDS_ATTENTION}),
    # queued -> stuck: every send met a gap in the payer's numbers until the deadline passed.
    Q.QUEUED: frozenset({Q.SUBMITTED, Q.INCLUDED, Q.NEEDS_ATTENTION, Q.STUCK} | _CHAIN_FAILURES),
    # submitted -> queued: the node dropped it; identical bytes are sent again.
    Q.SUBMITTED: frozenset({Q.INCLUDED, Q.QUEUED, Q.REVERTED, Q.NEEDS_ATTENTION, Q.STUCK} | _CHAIN_FAILURES),
    # included -> submitted: a reorg removed the block; it is followed (and resent) again.
    Q.INCLUDED: frozenset({Q.FINAL, Q.SUBMITTED, Q.REVERTED}),
    # needs_attention -> included: its payment arrived (the chain's evidence decides).
    Q.NEEDS_ATTENTION: frozenset({Q.QUEUED, Q.REJECTED, Q.CANCELLED, Q.INCLUDED}),
    # stuck -> included / reverted: the held transaction was mined after all (followed by its hash).
    Q.STUCK: frozenset({Q.INCLUDED, Q.REVERTED}),
    **{s: frozenset({Q.INCLUDED}) for s in REOPENABLE - {Q.STUCK}},
    # final -> submitted: its final payment left the chain (a reorg deeper than finality, a node
    # that lied about finality); the same signed bytes are sent again.
    Q.FINAL: frozenset({Q.SUBMITTED}),
    **{s: frozenset() for s in (FAILURES - REOPENABLE)},
}, refusal=_refusal)
TRANSITIONS = LIFECYCLE.transitions

# Money the shop is still exposed to (counts against the offline limits).
PENDING = frozenset({Q.RECEIVED, Q.QUEUED, Q.SUBMITTED, Q.INCLUDED, Q.NEEDS_ATTENTION})
# Not yet handed to the network: the 24 h clock runs on these.
UNSENT = frozenset({Q.RECEIVED, Q.QUEUED, Q.NEEDS_ATTENTION})
# What the sync engine still moves on its own (the pending ones, but those waiting for a person).
IN_FLIGHT = PENDING - {Q.NEEDS_ATTENTION}
# Handed to the network, not final: their receipts are read.
SENT = frozenset({Q.SUBMITTED, Q.INCLUDED})
# Moving towards the chain: the money's arrival (recorded by the watcher) moves these on.
MOVING = frozenset({Q.QUEUED, Q.SUBMITTED, Q.INCLUDED})
# An authorization whose relay is still to be signed.
TO_SIGN = frozenset({Q.RECEIVED, Q.QUEUED})
# Signed and to be sent, or sent and not mined yet.
TO_SEND = frozenset({Q.QUEUED, Q.SUBMITTED})
# States in which an item keeps the relay transaction number it reserved (final: a reorg may need
# the same bytes again).
RELAY_NUMBER_HELD = frozenset({Q.QUEUED, Q.SUBMITTED, Q.INCLUDED, Q.NEEDS_ATTENTION, Q.FINAL})


def check_transition(current: QueueState, target: QueueState) -> None:
    """Raise ``IllegalTransition`` unless ``current -> target`` is allowed (same state: no-op)."""
    LIFECYCLE.check(current, target)

# What each of the sender's decisions (core/sending.py) means for an offline payment.
DECISION_STATES: dict[type[Decision], QueueState] = {
    Sent: QueueState.SUBMITTED, Included: QueueState.INCLUDED, Final: QueueState.FINAL,
    BackInLine: QueueState.QUEUED, NeedsPerson: QueueState.NEEDS_ATTENTION,
}


def decision_state(decision: Decision) -> QueueState | None:
    """The queue state a decision moves an item to (None: bookkeeping only)."""
    if isinstance(decision, Failed):
        return QueueState(decision.failure.value)
    if isinstance(decision, Bookkeeping):
        return None
    return DECISION_STATES[type(decision)]


# Where each state is in sending (core/sending.py): what the outbox sees of an item.
PHASES: dict[QueueState, Phase] = {
    Q.RECEIVED: Phase.TO_SEND, Q.QUEUED: Phase.TO_SEND, Q.SUBMITTED: Phase.SENT, Q.INCLUDED: Phase.INCLUDED,
    Q.FINAL: Phase.FINAL, Q.STUCK: Phase.STUCK,
    **{state: Phase.CLOSED for state in FAILURES | {Q.NEEDS_ATTENTION} if state != Q.STUCK},
}
# Failures the payment's arrival overturns (the money came after all: a wallet that sent it again,
# a balance topped up, the missing numbers sent): the outbox follows them to final by the evidence.
OVERTURNABLE = frozenset({Q.STUCK, Q.DOUBLE_SPENT, Q.REJECTED, Q.INSUFFICIENT_FUNDS, Q.NEEDS_ATTENTION})
