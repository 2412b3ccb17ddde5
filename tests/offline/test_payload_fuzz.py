"""Property tests over the payload parser: whatever arrives, the answer is a payload or a clean refusal.

Run longer as a fuzz target with ``HYPOTHESIS_PROFILE=fuzz`` (100,000 examples per property).
"""
from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.offline.payload import Authorization, PayloadRefused, RawTransfer, parse_payload

from payloads import TOKEN, authorization, raw_transfer

settings.register_profile("fuzz", max_examples=100_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

VALID = [raw_transfer(tx_type=t, nonce=3) for t in (0, 1, 2)] + [authorization()]


def parses_or_refuses(data) -> object | None:
    try:
        return parse_payload(data)
    except PayloadRefused as e:
        assert e.code and e.user_message
        return None


@given(st.binary(max_size=4096))
def test_any_bytes(data):
    parses_or_refuses(data)


@given(st.text(max_size=3000))
def test_any_text(text):
    parses_or_refuses(text)


@given(st.binary(min_size=1, max_size=600))
def test_any_hex(data):
    parses_or_refuses("0x" + data.hex())


@given(st.sampled_from(VALID[:3]), st.integers(min_value=2, max_value=400), st.integers(0, 255))
def test_mutated_raw_transactions(text, pos, byte):
    raw = bytearray(bytes.fromhex(text[2:]))
    pos %= len(raw)
    raw[pos] = byte
    p = parses_or_refuses("0x" + raw.hex())
    if p is not None:  # a flipped byte may still decode: then it is a different, fully checked transfer
        assert isinstance(p, RawTransfer) and p.raw == bytes(raw)


@given(st.sampled_from(VALID[:3]), st.integers(min_value=1, max_value=300))
def test_truncated_or_extended_raw_transactions(text, cut):
    raw = bytes.fromhex(text[2:])
    assert parses_or_refuses("0x" + raw[:-cut % len(raw) or 1].hex()) is None
    assert parses_or_refuses("0x" + (raw + b"\x00" * (cut % 40 + 1)).hex()) is None


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=80),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                       max_size=4), max_leaves=12)


@given(st.sampled_from(sorted(json.loads(VALID[3]))), json_values)
def test_authorization_with_any_field_value(field, value):
    d = json.loads(VALID[3])
    d[field] = value
    p = parses_or_refuses(json.dumps(d))
    if p is not None:
        assert isinstance(p, Authorization)


@given(st.dictionaries(st.text(max_size=15), json_values, max_size=14))
def test_any_json_object(obj):
    parses_or_refuses(json.dumps(obj))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="0123456789abcdefABCDEFxX{}[]\":, \n", max_size=2000))
def test_text_made_of_payload_characters(text):
    parses_or_refuses(text)


# -- the signer is recovered from the transaction decoded once (issue 19, point 8) --------------------
@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2), st.integers(min_value=0, max_value=2**32), st.binary(min_size=32, max_size=32))
def test_the_signer_is_what_eth_account_recovers_from_the_bytes(kind, nonce, secret):
    """parse_payload recovers the payer from the transaction it already decoded; it must be exactly
    what ``Account.recover_transaction`` says of the raw bytes, for legacy and typed transactions."""
    from eth_account import Account
    from pos_app.offline.payload import parse_payload
    key = int.from_bytes(secret, "big") % (2**255) + 1
    account = Account.from_key(key.to_bytes(32, "big"))
    tx = {"to": TOKEN, "value": 0, "gas": 80_000, "nonce": nonce, "chainId": 56,
          "data": "0xa9059cbb" + "00" * 12 + "11" * 20 + f"{12345:064x}"}
    if kind == 0:
        tx["gasPrice"] = 10**9
    elif kind == 1:
        tx.update(gasPrice=10**9, accessList=[])
    else:
        tx.update(maxFeePerGas=2 * 10**9, maxPriorityFeePerGas=10**9)
    raw = bytes(account.sign_transaction(tx).raw_transaction)
    try:
        parsed = parse_payload("0x" + raw.hex())
    except Exception as exc:  # noqa: BLE001 - a high-s signature is refused on purpose
        assert getattr(exc, "code", "") == "high_s", exc
        return
    assert parsed.payer == Account.recover_transaction(raw) == account.address
