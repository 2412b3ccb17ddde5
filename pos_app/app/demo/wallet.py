"""A customer's wallet, for the demo only: signs offline payments the way a phone wallet would.

``sign_raw_transfer`` makes a signed EIP-1559 ``transfer`` with the wallet's next nonce and a fee
above the network's; ``sign_authorization`` makes an EIP-3009 ``receiveWithAuthorization`` for
the merchant, valid for three days, in the compact JSON format documented in the README.
"""
from __future__ import annotations

import json
import os
import time
from typing import Any

TRANSFER_GAS = 80_000
AUTH_VALID_S = 3 * 24 * 3600


def sign_raw_transfer(w3: Any, key: bytes, token: str, to: str, amount: int) -> str:
    from eth_abi import encode
    from eth_account import Account
    sender = Account.from_key(key).address
    data = bytes.fromhex("a9059cbb") + encode(["address", "uint256"], [to, int(amount)])
    price = int(w3.eth.gas_price)
    tx = {"type": 2, "chainId": int(w3.eth.chain_id), "nonce": int(w3.eth.get_transaction_count(sender)),
          "to": token, "value": 0, "data": data, "gas": TRANSFER_GAS,
          "maxFeePerGas": 3 * price, "maxPriorityFeePerGas": price}
    return "0x" + bytes(Account.sign_transaction(tx, key).raw_transaction).hex()


def sign_authorization(key: bytes, *, chain_id: int, token: str, to: str, amount: int, name: str, version: str,
                       valid_for: int = AUTH_VALID_S, method: str = "receiveWithAuthorization") -> str:
    from eth_account import Account
    sender = Account.from_key(key).address
    nonce = os.urandom(32)
    valid_before = int(time.time()) + valid_for
    primary = "ReceiveWithAuthorization" if method == "receiveWithAuthorization" else "TransferWithAuthorization"
    fields = [{"name": "from", "type": "address"}, {"name": "to", "type": "address"},
              {"name": "value", "type": "uint256"}, {"name": "validAfter", "type": "uint256"},
              {"name": "validBefore", "type": "uint256"}, {"name": "nonce", "type": "bytes32"}]
    signed = Account.sign_typed_data(
        key, {"name": name, "version": version, "chainId": chain_id, "verifyingContract": token}, {primary: fields},
        {"from": sender, "to": to, "value": int(amount), "validAfter": 0, "validBefore": valid_before,
         "nonce": nonce})
    return json.dumps({"type": "eip3009", "method": method, "chainId": chain_id, "token": token, "from": sender,
                       "to": to, "value": str(int(amount)), "validAfter": 0, "validBefore": valid_before,
                       "nonce": "0x" + nonce.hex(), "signature": "0x" + bytes(signed.signature).hex()},
                      separators=(",", ":"))
