"""What a node's answer to ``eth_sendRawTransaction`` means for a queued payment.

Clients word their errors differently (geth, BSC's geth fork, erigon, anvil, eth-tester), so the
answer is matched case-insensitively by substring, most specific first (``replacement transaction
underpriced`` before ``underpriced``). Anything not recognised is *transient*: the engine retries
it with back-off forever rather than failing a customer's payment on a message it does not know.
"""
from __future__ import annotations

import enum
import re


class Answer(str, enum.Enum):
    SUBMITTED = "submitted"            # accepted now, or already known / imported: it is in the pool
    NONCE_USED = "nonce_used"          # look up the receipt: found = landed, missing = double spend
    INSUFFICIENT_FUNDS = "insufficient_funds"
    UNDERPRICED = "underpriced"        # below the node's fee floor
    REVERTED = "reverted"
    REJECTED = "rejected"              # the bytes can never be accepted (bad signature, chain id, gas)
    RETRY = "retry"                    # transient or unknown: try again later


# Order matters: the first matching phrase wins.
_PHRASES: tuple[tuple[str, Answer], ...] = (
    ("already known", Answer.SUBMITTED),
    ("already imported", Answer.SUBMITTED),
    ("known transaction", Answer.SUBMITTED),
    ("alreadyknown", Answer.SUBMITTED),
    ("nonce too low", Answer.NONCE_USED),
    ("nonce has already been used", Answer.NONCE_USED),
    ("nonce too high", Answer.RETRY),                      # a gap: earlier nonces first
    ("replacement transaction underpriced", Answer.RETRY),  # a rival with this nonce is pending: follow it
    ("insufficient funds", Answer.INSUFFICIENT_FUNDS),
    ("transaction underpriced", Answer.UNDERPRICED),
    ("max fee per gas less than block base fee", Answer.UNDERPRICED),
    ("fee cap less than block base fee", Answer.UNDERPRICED),
    ("gas price too low", Answer.UNDERPRICED),
    ("underpriced", Answer.UNDERPRICED),
    ("execution reverted", Answer.REVERTED),
    ("invalid sender", Answer.REJECTED),
    ("invalid signature", Answer.REJECTED),
    ("invalid chain id", Answer.REJECTED),
    ("incorrect chain id", Answer.REJECTED),
    ("only replay-protected", Answer.REJECTED),
    ("intrinsic gas too low", Answer.REJECTED),
    ("exceeds block gas limit", Answer.REJECTED),
    ("transaction type not supported", Answer.REJECTED),
    ("oversized data", Answer.REJECTED),
)


_EXPECTED = re.compile(r"invalid transaction nonce: expected (\d+), but got (\d+)")


def classify_send_error(message: str) -> Answer:
    text = (message or "").lower()
    m = _EXPECTED.search(text)  # eth-tester (the demo network) words both nonce errors this way
    if m:
        return Answer.NONCE_USED if int(m.group(2)) < int(m.group(1)) else Answer.RETRY
    for phrase, answer in _PHRASES:
        if phrase in text:
            return answer
    return Answer.RETRY


def backoff_seconds(attempts: int, *, start: int = 2, cap: int = 300) -> int:
    """2, 4, 8 … seconds, at most five minutes: a transient error is retried forever."""
    return int(min(cap, start * 2 ** max(0, min(attempts, 16) - 1)))
