"""Every refusal rule for offline payloads, with payloads signed by eth-account like a wallet would."""
from __future__ import annotations

import json
import time

import pytest
import rlp

from pos_app.offline.payload import Authorization, PayloadRefused, RawTransfer, parse_payload
from pos_app.offline.verify import FeeFloor, verify_payload

from payloads import (CHAIN, GWEI, MERCHANT, OTHER_KEY, PAYER, SOM, TOKEN, authorization, facts, high_s,
                      raw_transfer, transfer_data, with_fields)

NOW = int(time.time())
DEADLINE = NOW + 24 * 3600


def verdict(text: str, *, due: int = 150 * SOM, now: int = NOW, deadline: int = DEADLINE, **fact_over) -> str:
    """'ok' or the refusal code."""
    try:
        verify_payload(parse_payload(text), facts(**fact_over), due_base=due, now=now, sync_deadline=deadline)
    except PayloadRefused as e:
        assert e.user_message and "{" not in e.user_message  # a whole sentence, fields filled in
        return e.code
    return "ok"


@pytest.mark.parametrize("tx_type", [0, 1, 2])
def test_each_transaction_type_decodes_and_passes(tx_type):
    text = raw_transfer(tx_type=tx_type, nonce=7)
    p = parse_payload(text)
    assert isinstance(p, RawTransfer)
    assert (p.tx_type, p.chain_id, p.payer, p.token, p.recipient, p.amount, p.nonce) == \
        (tx_type, CHAIN, PAYER, TOKEN, MERCHANT, 150 * SOM, 7)
    assert p.text == text.lower() and p.tx_hash.startswith("0x") and len(p.tx_hash) == 66
    assert verdict(text) == "ok"


def test_scanner_input_with_spaces_newline_and_uppercase_prefix_is_accepted():
    text = raw_transfer()
    assert parse_payload("  0X" + text[2:].upper() + "\r\n").tx_hash == parse_payload(text).tx_hash


def test_authorization_decodes_and_passes():
    text = authorization(amount=200 * SOM)
    p = parse_payload(text)
    assert isinstance(p, Authorization)
    assert (p.payer, p.recipient, p.amount, p.method) == (PAYER, MERCHANT, 200 * SOM, "receiveWithAuthorization")
    assert verdict(text) == "ok"
    assert verdict(authorization(method=None)) == "ok"           # method omitted = transferWithAuthorization
    assert parse_payload(authorization(method=None)).method == "transferWithAuthorization"
    assert verdict(authorization(method="transferWithAuthorization")) == "ok"


@pytest.mark.parametrize("make, code", [
    (lambda: raw_transfer(tx_type=0, chain_id=None), "pre_eip155"),
    (lambda: high_s(raw_transfer(tx_type=0)), "high_s"),
    (lambda: high_s(raw_transfer(tx_type=2)), "high_s"),
    (lambda: high_s(raw_transfer(tx_type=1)), "high_s"),
    (lambda: raw_transfer() + "00", "trailing_bytes"),
    (lambda: raw_transfer(tx_type=0) + "00", "trailing_bytes"),
    (lambda: raw_transfer()[:-10], "truncated"),
    (lambda: raw_transfer(tx_type=0)[:-10], "truncated"),
    (lambda: "0x03" + raw_transfer()[4:], "unknown_type"),
    (lambda: "0x05" + raw_transfer()[4:], "unknown_type"),
    (lambda: raw_transfer(token=""), "contract_creation"),
    (lambda: raw_transfer(data="0x095ea7b3" + transfer_data()[10:]), "not_transfer"),   # approve()
    (lambda: raw_transfer(data=transfer_data() + "00"), "bad_call_data"),
    (lambda: raw_transfer(data=transfer_data()[:-2]), "bad_call_data"),
    (lambda: raw_transfer(data="0xa9059cbb" + "ff" * 12 + transfer_data()[34:]), "bad_call_data"),  # dirty address
    (lambda: raw_transfer(value=1), "sends_bnb"),
])
def test_malformed_raw_transactions_are_refused(make, code):
    assert verdict(make()) == code


@pytest.mark.parametrize("make, code", [
    (lambda: raw_transfer(chain_id=97), "wrong_chain"),
    (lambda: raw_transfer(token="0x" + "12" * 20), "wrong_token"),
    (lambda: raw_transfer(to="0x" + "34" * 20), "wrong_recipient"),
    (lambda: raw_transfer(amount=150 * SOM - 1), "too_little"),
    (lambda: raw_transfer(gas=51_999), "gas_too_low"),
    (lambda: raw_transfer(tx_type=0, gas_price=GWEI // 10 - 1), "fee_too_low"),
    (lambda: raw_transfer(tx_type=1, gas_price=GWEI // 10 - 1), "fee_too_low"),
    (lambda: raw_transfer(tx_type=2, max_fee=GWEI // 10 - 1, priority=GWEI // 10 - 1), "fee_too_low"),
    (lambda: raw_transfer(tx_type=2, max_fee=GWEI, priority=GWEI // 10 - 1), "fee_too_low"),
])
def test_raw_transactions_that_do_not_pay_this_shop_properly_are_refused(make, code):
    assert verdict(make()) == code


def test_limits_of_gas_fee_and_amount_are_inclusive():
    assert verdict(raw_transfer(gas=52_000)) == "ok"
    assert verdict(raw_transfer(tx_type=0, gas_price=GWEI // 10)) == "ok"
    assert verdict(raw_transfer(amount=150 * SOM)) == "ok"
    assert verdict(raw_transfer(amount=150 * SOM + 1)) == "ok"       # paying more is fine


def test_fee_floor_must_be_known_and_tracks_the_base_fee():
    assert verdict(raw_transfer(), fee_floor=None) == "no_fee_floor"
    floor = FeeFloor(gas_price=3 * GWEI, base_fee=2 * GWEI, at=NOW)   # priority floor: 1 gwei
    assert verdict(raw_transfer(max_fee=3 * GWEI, priority=GWEI), fee_floor=floor) == "ok"
    assert verdict(raw_transfer(max_fee=3 * GWEI, priority=GWEI - 1), fee_floor=floor) == "fee_too_low"
    assert verdict(raw_transfer(max_fee=3 * GWEI - 1, priority=3 * GWEI), fee_floor=floor) == "fee_too_low"


@pytest.mark.parametrize("make, code, kw", [
    (lambda: authorization(valid_before=NOW), "expired", {}),
    (lambda: authorization(valid_before=NOW - 1), "expired", {}),
    (lambda: authorization(valid_after=NOW + 60), "not_yet_valid", {}),
    (lambda: authorization(valid_before=DEADLINE - 1), "expires_before_sync", {}),
    (lambda: authorization(chain_id=97), "wrong_chain", {}),
    (lambda: authorization(token="0x" + "12" * 20), "wrong_token", {}),
    (lambda: authorization(to="0x" + "34" * 20), "wrong_recipient", {}),
    (lambda: authorization(amount=1), "too_little", {}),
    (lambda: authorization(name="Other Som"), "bad_signature", {}),             # another token's domain
    (lambda: authorization(version="2"), "bad_signature", {}),
    (lambda: authorization(claim_from=PAYER, key=OTHER_KEY), "bad_signature", {}),  # signed by someone else
    (lambda: with_fields(authorization(), value=str(151 * SOM)), "bad_signature", {}),  # amount edited
    (lambda: with_fields(authorization(), method="transferWithAuthorization"), "bad_signature", {}),
])
def test_authorizations_that_do_not_hold_are_refused(make, code, kw):
    assert verdict(make(), **kw) == code


def test_authorization_valid_until_exactly_the_deadline_passes():
    assert verdict(authorization(valid_before=DEADLINE)) == "ok"


def _flip_s(auth_json: str) -> str:
    from pos_app.offline.payload import SECP256K1_N
    d = json.loads(auth_json)
    sig = bytes.fromhex(d["signature"][2:])
    s = int.from_bytes(sig[32:64], "big")
    v = 27 if sig[64] == 28 else 28
    d["signature"] = "0x" + (sig[:32] + (SECP256K1_N - s).to_bytes(32, "big") + bytes([v])).hex()
    return json.dumps(d)


@pytest.mark.parametrize("text, code", [
    (_flip_s(authorization()), "high_s"),
    (with_fields(authorization(), signature="0x" + "00" * 65), "bad_signature"),
    (with_fields(authorization(), type="permit"), "bad_authorization"),
    (with_fields(authorization(), method="approve"), "bad_authorization"),
    (with_fields(authorization(), value=150), "bad_authorization"),              # must be a string
    (with_fields(authorization(), value="-1"), "bad_authorization"),
    (with_fields(authorization(), value="1e6"), "bad_authorization"),
    (with_fields(authorization(), value=str(2**256)), "bad_authorization"),
    (with_fields(authorization(), validBefore=1.5), "bad_authorization"),
    (with_fields(authorization(), validBefore=True), "bad_authorization"),
    (with_fields(authorization(), nonce="0x1234"), "bad_authorization"),
    (with_fields(authorization(), signature="0x1234"), "bad_authorization"),
    (with_fields(authorization(), extra=1), "bad_authorization"),
    (with_fields(authorization(), to=MERCHANT.lower()[:-1] + "x"), "bad_authorization"),
    (with_fields(authorization(), to=MERCHANT[:-1] + ("a" if MERCHANT[-1] != "a" else "b")), "bad_checksum"),
    ('{"type":"eip3009"', "garbage"),
    ("[1,2,3]", "garbage"),
])
def test_malformed_authorizations_are_refused(text, code):
    got = verdict(text)
    assert got == code or (code == "garbage" and got == "bad_authorization")


def test_lowercase_addresses_are_accepted_in_authorizations():
    text = authorization()
    d = json.loads(text)
    d["to"], d["from"], d["token"] = d["to"].lower(), d["from"].lower(), d["token"].lower()
    assert verdict(json.dumps(d)) == "ok"


@pytest.mark.parametrize("junk", ["", "   ", "hello", "0x", "0x0", "0xzz", "0x" + "00" * 3000, "{" * 5000,
                                  "\x00\x01\x02", "0x" + "c0", "0x" + "f8", "0x02", "0x01c0", "0x02c0",
                                  "ethereum:0xabc@56/transfer", '{"type":"eip3009","nonce":' + "9" * 5000 + "}"])
def test_garbage_is_refused_cleanly(junk):
    with pytest.raises(PayloadRefused):
        parse_payload(junk)


def test_oversized_input_is_refused_fast():
    start = time.perf_counter()
    for _ in range(100):
        with pytest.raises(PayloadRefused) as e:
            parse_payload("0x" + "ab" * 1_000_000)
    assert e.value.code == "too_large"
    with pytest.raises(PayloadRefused):
        parse_payload(b"\xff" * 10_000_000)
    assert time.perf_counter() - start < 5  # generous: this is about not decoding megabytes, not speed


def test_legacy_v_without_valid_chain_encoding_is_refused():
    raw = bytes.fromhex(raw_transfer(tx_type=0)[2:])
    items = rlp.decode(raw)
    items[6] = rlp.sedes.big_endian_int.serialize(30)
    assert verdict("0x" + rlp.encode(items).hex()) == "bad_signature"
