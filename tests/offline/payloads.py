"""Customer payloads made the way a wallet makes them: eth-account signs, rlp re-encodes variants.

The EIP-712 typed data is written out here independently of ``pos_app.offline.payload`` so a
mistake in the app's domain or type strings cannot hide behind a shared helper.
"""
from __future__ import annotations

import json
import os
import time

import rlp
from eth_account import Account
from eth_utils import keccak, to_checksum_address

from pos_app.chain.token_cache import DEMO_TOKEN_FEATURES
from pos_app.chain.demo_constants import DEMO_MERCHANT, DEMO_TOKEN_ADDRESS, DEMO_TOKEN_NAME, DEMO_TOKEN_VERSION
from pos_app.offline.payload import SECP256K1_N
from pos_app.offline.verify import FeeFloor, ShopFacts

CHAIN = 56
TOKEN = DEMO_TOKEN_ADDRESS
MERCHANT = DEMO_MERCHANT
PAYER_KEY = keccak(text="test payer")
PAYER = Account.from_key(PAYER_KEY).address
OTHER_KEY = keccak(text="another payer")
GWEI = 10**9
FLOOR = FeeFloor(gas_price=GWEI // 10, base_fee=0, at=int(time.time()))
DECIMALS = 6
SOM = 10**DECIMALS  # base units per som



def facts(**over) -> ShopFacts:
    base = dict(chain_id=CHAIN, token=TOKEN, merchant=MERCHANT, decimals=DECIMALS, token_name=DEMO_TOKEN_NAME,
                token_version=DEMO_TOKEN_VERSION, fee_floor=FLOOR, features=DEMO_TOKEN_FEATURES)
    base.update(over)
    return ShopFacts(**base)


def transfer_data(to: str = MERCHANT, amount: int = 150 * SOM) -> str:
    return "0xa9059cbb" + bytes.fromhex(to[2:]).rjust(32, b"\0").hex() + amount.to_bytes(32, "big").hex()


def raw_transfer(*, key: bytes = PAYER_KEY, tx_type: int = 2, chain_id: int | None = CHAIN, token: str = TOKEN,
                 to: str = MERCHANT, amount: int = 150 * SOM, nonce: int = 0, gas: int = 60_000,
                 gas_price: int = GWEI // 10, max_fee: int = GWEI, priority: int = GWEI // 10,
                 data: str | None = None, value: int = 0) -> str:
    tx: dict = {"nonce": nonce, "gas": gas, "to": token, "value": value, "data": data or transfer_data(to, amount)}
    if chain_id is not None:
        tx["chainId"] = chain_id
    if tx_type == 2:
        tx.update(type=2, maxFeePerGas=max_fee, maxPriorityFeePerGas=priority)
    else:
        tx["gasPrice"] = gas_price
        if tx_type == 1:
            tx.update(type=1, accessList=[])
    signed = Account.sign_transaction(tx, key)
    return "0x" + bytes(signed.raw_transaction).hex()


def high_s(raw_hex: str) -> str:
    """The same transaction with the other valid signature (s -> n - s, parity flipped)."""
    raw = bytes.fromhex(raw_hex[2:])
    if raw[0] >= 0xC0:
        items = rlp.decode(raw)
        v = int.from_bytes(items[6], "big")
        s = int.from_bytes(items[8], "big")
        items[6] = rlp.sedes.big_endian_int.serialize(v + 1 if v % 2 else v - 1)
        items[8] = rlp.sedes.big_endian_int.serialize(SECP256K1_N - s)
        return "0x" + rlp.encode(items).hex()
    items = rlp.decode(raw[1:])
    v = int.from_bytes(items[-3], "big")
    s = int.from_bytes(items[-1], "big")
    items[-3] = rlp.sedes.big_endian_int.serialize(1 - v)
    items[-1] = rlp.sedes.big_endian_int.serialize(SECP256K1_N - s)
    return "0x" + (raw[:1] + rlp.encode(items)).hex()


def authorization(*, key: bytes = PAYER_KEY, method: str | None = "receiveWithAuthorization",
                  chain_id: int = CHAIN, token: str = TOKEN, to: str = MERCHANT, amount: int = 150 * SOM,
                  valid_after: int = 0, valid_before: int | None = None, nonce: bytes | None = None,
                  name: str = DEMO_TOKEN_NAME, version: str = DEMO_TOKEN_VERSION, claim_from: str | None = None) -> str:
    valid_before = int(time.time()) + 3 * 24 * 3600 if valid_before is None else valid_before
    nonce = os.urandom(32) if nonce is None else nonce
    frm = Account.from_key(key).address
    primary = "ReceiveWithAuthorization" if method == "receiveWithAuthorization" else "TransferWithAuthorization"
    fields = [{"name": "from", "type": "address"}, {"name": "to", "type": "address"},
              {"name": "value", "type": "uint256"}, {"name": "validAfter", "type": "uint256"},
              {"name": "validBefore", "type": "uint256"}, {"name": "nonce", "type": "bytes32"}]
    signed = Account.sign_typed_data(
        key, {"name": name, "version": version, "chainId": chain_id, "verifyingContract": token},
        {primary: fields},
        {"from": frm, "to": to, "value": amount, "validAfter": valid_after, "validBefore": valid_before,
         "nonce": nonce})
    body = {"type": "eip3009", "chainId": chain_id, "token": token, "from": claim_from or frm, "to": to,
            "value": str(amount), "validAfter": valid_after, "validBefore": valid_before,
            "nonce": "0x" + nonce.hex(), "signature": "0x" + bytes(signed.signature).hex()}
    if method is not None:
        body["method"] = method
    return json.dumps(body, separators=(",", ":"))


def with_fields(auth_json: str, **changes) -> str:
    d = json.loads(auth_json)
    d.update(changes)
    return json.dumps(d, separators=(",", ":"))


def checksum(a: str) -> str:
    return to_checksum_address(a)


# Distinct payers for the SIGKILL test (one raw/auth per payer keeps the per-payer caps out of the way).
KEYS_FOR_KILL_TEST = [keccak(text=f"kill test payer {i}") for i in range(40)]
