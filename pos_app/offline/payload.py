"""Customer-signed payments handed over without a connection: parsing and decoding.

Two kinds of payload arrive (typed by a barcode scanner, pasted, or read from a file / QR picture):

* ``RawTransfer``: ``0x`` + hex of a signed legacy (EIP-155), EIP-2930 or EIP-1559 transaction
  calling the token's ``transfer(address,uint256)``;
* ``Authorization``: an EIP-3009 ``transferWithAuthorization`` / ``receiveWithAuthorization``
  as compact JSON (format in the README).

This module only decodes and checks that the payload is well formed and signed (signer
recovered, canonical encoding, low-s, EIP-155); whether it pays *this* shop enough is decided in
``pos_app.offline.verify``. Decoding uses eth-account / rlp / eth-abi, never a hand-written
parser. Every failure is a ``PayloadRefused`` with a sentence for the cashier; nothing else is
raised, whatever the input (a property test and a fuzz target hold us to that).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pos_app.core.errors import BadInput
from pos_app.core.money import BaseUnits

MAX_TEXT = 8 * 1024          # a token transfer is ~110-250 bytes; anything this big is not one
MAX_RAW_BYTES = 2 * 1024
SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
HALF_N = SECP256K1_N // 2
TRANSFER_SELECTOR = bytes.fromhex("a9059cbb")  # transfer(address,uint256)
AUTH_METHODS = ("transferWithAuthorization", "receiveWithAuthorization")
AUTH_KEYS = {"type", "method", "chainId", "token", "from", "to", "value", "validAfter", "validBefore",
             "nonce", "signature"}
UINT256_MAX = 2**256 - 1

_HEX = re.compile(r"0x[0-9a-fA-F]*")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}")
_BYTES32 = re.compile(r"0x[0-9a-fA-F]{64}")
_SIG = re.compile(r"0x[0-9a-fA-F]{130}")


class PayloadRefused(BadInput):
    """The payload cannot be accepted; ``code`` names the rule (for the CLI's JSON and tests)."""

    def __init__(self, code: str, template: str, **params: object) -> None:
        super().__init__(template, **params)
        self.code = code


@dataclass(frozen=True)
class RawTransfer:
    """A signed token transfer transaction, decoded."""

    raw: bytes
    tx_hash: str
    tx_type: int                 # 0 legacy (EIP-155), 1 EIP-2930, 2 EIP-1559
    chain_id: int
    nonce: int
    payer: str
    token: str                   # the transaction's `to`
    recipient: str               # transfer(recipient, amount)
    amount: BaseUnits
    gas: int
    gas_price: int | None        # legacy / EIP-2930
    max_fee: int | None          # EIP-1559
    max_priority_fee: int | None
    kind: str = "raw_tx"

    @property
    def text(self) -> str:
        return "0x" + self.raw.hex()

    @property
    def key(self) -> str:
        """Idempotency key: the transaction hash."""
        return self.tx_hash


@dataclass(frozen=True)
class Authorization:
    """An EIP-3009 authorization, decoded (signature checked later against the token's domain)."""

    method: str
    chain_id: int
    token: str
    payer: str
    recipient: str
    amount: BaseUnits
    valid_after: int
    valid_before: int
    nonce: str                   # 0x + 64 hex
    signature: bytes             # r || s || v (65 bytes)
    kind: str = "eip3009"

    @property
    def v(self) -> int:
        return self.signature[64]

    @property
    def r(self) -> bytes:
        return self.signature[:32]

    @property
    def s(self) -> bytes:
        return self.signature[32:64]

    @property
    def text(self) -> str:
        """The canonical compact JSON (what is stored and exported)."""
        return json.dumps({
            "type": "eip3009", "method": self.method, "chainId": self.chain_id, "token": self.token,
            "from": self.payer, "to": self.recipient, "value": str(self.amount),
            "validAfter": self.valid_after, "validBefore": self.valid_before, "nonce": self.nonce,
            "signature": "0x" + self.signature.hex()}, separators=(",", ":"))

    @property
    def key(self) -> str:
        """Idempotency key: payer and authorization nonce (what the token itself de-duplicates on)."""
        return f"{self.payer.lower()}:{self.nonce.lower()}"


Payload = RawTransfer | Authorization


def parse_payload(data: str | bytes) -> Payload:
    """Decode a payload from scanner / paste / file text. Raises only ``PayloadRefused``."""
    try:
        return _parse(data)
    except PayloadRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - any decoder surprise is a refusal, never a crash
        raise PayloadRefused("garbage", "offline.payment_app_read") from exc


def _parse(data: str | bytes) -> Payload:
    if isinstance(data, bytes):
        if len(data) > MAX_TEXT:
            raise PayloadRefused("too_large", "offline.far_too_long_payment")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise PayloadRefused("garbage", "offline.payment_app_read") from None
    if not isinstance(data, str):
        raise PayloadRefused("garbage", "offline.payment_app_read")
    if len(data) > MAX_TEXT:
        raise PayloadRefused("too_large", "offline.far_too_long_payment")
    text = data.strip().lstrip("\ufeff")
    if not text:
        raise PayloadRefused("empty", "offline.nothing_scanned")
    if text.startswith("{"):
        return _parse_authorization(text)
    if text[:2] in ("0x", "0X"):
        text = "0x" + text[2:]
        if not _HEX.fullmatch(text) or len(text) % 2:
            raise PayloadRefused("garbage", "offline.scanned_transaction_valid_hex")
        raw = bytes.fromhex(text[2:])
        if len(raw) > MAX_RAW_BYTES:
            raise PayloadRefused("too_large", "offline.far_too_long_payment")
        return _parse_raw(raw)
    raise PayloadRefused("garbage", "offline.payment_app_read")


# -- raw transactions ---------------------------------------------------------------------------
def _parse_raw(raw: bytes) -> RawTransfer:
    from eth_utils import keccak, to_checksum_address

    if not raw:
        raise PayloadRefused("truncated", "offline.scanned_transaction_empty_cut")
    first = raw[0]
    if first >= 0xC0:
        fields = _legacy_fields(raw)
    elif first in (1, 2):
        fields = _typed_fields(raw)
    elif first <= 0x7F:
        raise PayloadRefused("unknown_type", "offline.transaction_type_accepted_payments",
                             type=first)
    else:
        raise PayloadRefused("garbage", "offline.payment_app_read")

    r, s = fields["r"], fields["s"]
    if not (0 < r < SECP256K1_N and 0 < s < SECP256K1_N):
        raise PayloadRefused("bad_signature", "offline.payment_s_signature_valid")
    if s > HALF_N:
        raise PayloadRefused("high_s", "offline.payment_s_signature_form")
    to = fields["to"]
    if not to:
        raise PayloadRefused("contract_creation", "offline.transaction_creates_contract_payment")
    if fields["value"] != 0:
        raise PayloadRefused("sends_bnb", "offline.transaction_also_sends_coins")
    recipient, amount = _decode_transfer(bytes(fields["data"]))
    try:
        payer = _recover(fields["decoded"])
    except Exception as exc:  # noqa: BLE001
        raise PayloadRefused("bad_signature", "offline.payment_s_signature_valid") from exc
    return RawTransfer(
        raw=raw, tx_hash="0x" + keccak(raw).hex(), tx_type=fields["type"], chain_id=fields["chain_id"],
        nonce=fields["nonce"], payer=payer, token=to_checksum_address(to), recipient=recipient, amount=amount,
        gas=fields["gas"], gas_price=fields.get("gasPrice"), max_fee=fields.get("maxFeePerGas"),
        max_priority_fee=fields.get("maxPriorityFeePerGas"))


def _legacy_fields(raw: bytes) -> dict[str, Any]:
    import rlp
    from eth_account._utils.legacy_transactions import Transaction

    try:
        txn = Transaction.from_bytes(raw)
    except rlp.exceptions.DeserializationError as exc:
        raise PayloadRefused("truncated", "offline.scanned_transaction_missing_extra") from exc
    except rlp.exceptions.DecodingError as exc:
        raise _decoding_refusal(exc) from exc
    if rlp.encode(txn) != raw:
        raise PayloadRefused("not_canonical", "offline.scanned_transaction_encoded_standard")
    v = txn.v
    if v in (27, 28):
        raise PayloadRefused("pre_eip155", "offline.payment_signed_without_network")
    if v < 35:
        raise PayloadRefused("bad_signature", "offline.payment_s_signature_valid")
    return {"type": 0, "chain_id": (v - 35) // 2, "nonce": txn.nonce, "gasPrice": txn.gasPrice, "gas": txn.gas,
            "to": bytes(txn.to), "value": txn.value, "data": bytes(txn.data), "r": txn.r, "s": txn.s,
            "decoded": txn}


def _recover(decoded: Any) -> str:
    """The signer of a transaction already decoded (and checked canonical) here: the same steps as
    ``Account.recover_transaction``, without decoding the bytes a second time."""
    from eth_account import Account
    from eth_account.typed_transactions import TypedTransaction
    if isinstance(decoded, TypedTransaction):
        return Account._recover_hash(decoded.hash(), vrs=decoded.vrs())
    from eth_account._utils.legacy_transactions import vrs_from
    from eth_account._utils.signing import hash_of_signed_transaction
    return Account._recover_hash(hash_of_signed_transaction(decoded), vrs=vrs_from(decoded))


def _typed_fields(raw: bytes) -> dict[str, Any]:
    import rlp
    from eth_account.typed_transactions import TypedTransaction
    from hexbytes import HexBytes

    try:
        typed = TypedTransaction.from_bytes(HexBytes(raw))
    except rlp.exceptions.DeserializationError as exc:
        raise PayloadRefused("truncated", "offline.scanned_transaction_missing_extra") from exc
    except rlp.exceptions.DecodingError as exc:
        raise _decoding_refusal(exc) from exc
    if bytes(typed.encode()) != raw:
        raise PayloadRefused("not_canonical", "offline.scanned_transaction_encoded_standard")
    d = typed.as_dict()
    if d.get("v") not in (0, 1):
        raise PayloadRefused("bad_signature", "offline.payment_s_signature_valid")
    to = d.get("to")
    return {"type": raw[0], "chain_id": int(d["chainId"]), "nonce": int(d["nonce"]), "gas": int(d["gas"]),
            "gasPrice": d.get("gasPrice"), "maxFeePerGas": d.get("maxFeePerGas"),
            "maxPriorityFeePerGas": d.get("maxPriorityFeePerGas"),
            "to": bytes(to) if to else b"", "value": int(d["value"]), "data": bytes(d["data"]),
            "r": int(d["r"]), "s": int(d["s"]), "decoded": typed}


def _decoding_refusal(exc: Exception) -> PayloadRefused:
    msg = str(exc).lower()
    m = re.search(r"(-?\d+) superfluous", msg)  # rlp reports a short input as "-N superfluous bytes"
    if m and int(m.group(1)) > 0 or "trailing" in msg:
        return PayloadRefused("trailing_bytes", "offline.scanned_transaction_extra_bytes")
    return PayloadRefused("truncated", "offline.scanned_transaction_cut_short")


def _decode_transfer(data: bytes) -> tuple[str, BaseUnits]:
    """``transfer(address,uint256)`` arguments; anything else is refused."""
    from eth_abi import decode, encode
    from eth_utils import to_checksum_address

    if data[:4] != TRANSFER_SELECTOR:
        raise PayloadRefused("not_transfer", "offline.transaction_does_something_other")
    args = data[4:]
    if len(args) != 64:
        raise PayloadRefused("bad_call_data", "offline.transfer_s_details_wrong")
    try:
        recipient, amount = decode(["address", "uint256"], args)
    except Exception as exc:  # noqa: BLE001 - eth-abi refuses non-zero padding (a doctored address)
        raise PayloadRefused("bad_call_data", "offline.transfer_s_details_encoded") from exc
    if encode(["address", "uint256"], [recipient, amount]) != args:  # dirty address padding
        raise PayloadRefused("bad_call_data", "offline.transfer_s_details_encoded")
    return to_checksum_address(recipient), BaseUnits(int(amount))


# -- EIP-3009 authorizations ----------------------------------------------------------------------
def _parse_authorization(text: str) -> Authorization:
    from eth_utils import to_checksum_address

    def refuse(what: str) -> PayloadRefused:
        return PayloadRefused("bad_authorization", "offline.authorization_malformed", field=what)

    try:
        obj = json.loads(text, parse_float=lambda _: None, parse_constant=lambda _: None)
    except (ValueError, RecursionError):
        raise PayloadRefused("garbage", "offline.authorization_valid_json_scan") from None
    if not isinstance(obj, dict):
        raise refuse("not an object")
    unknown = set(obj) - AUTH_KEYS
    if unknown:
        raise refuse("unknown field " + sorted(unknown)[0][:40])
    if obj.get("type") != "eip3009":
        raise refuse("type must be eip3009")
    method = obj.get("method", "transferWithAuthorization")
    if method not in AUTH_METHODS:
        raise refuse("method")

    def whole(name: str, *, top: int = UINT256_MAX) -> int:
        v = obj.get(name)
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= top:
            raise refuse(name)
        return v

    def address(name: str) -> str:
        v = obj.get(name)
        if not isinstance(v, str) or not _ADDRESS.fullmatch(v):
            raise refuse(name)
        if v != v.lower() and v[2:] != v[2:].upper() and to_checksum_address(v) != v:
            raise PayloadRefused("bad_checksum", "offline.address_authorization_wrong_checksum",
                                 field=name)
        return to_checksum_address(v)

    value = obj.get("value")
    if not isinstance(value, str) or not value.isdigit() or not value.isascii() or len(value) > 78:
        raise refuse("value")
    amount = BaseUnits(int(value))
    if amount > UINT256_MAX:
        raise refuse("value")
    nonce = obj.get("nonce")
    if not isinstance(nonce, str) or not _BYTES32.fullmatch(nonce):
        raise refuse("nonce")
    sig = obj.get("signature")
    if not isinstance(sig, str) or not _SIG.fullmatch(sig):
        raise refuse("signature")
    signature = bytes.fromhex(sig[2:])
    r, s, v = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:64], "big"), signature[64]
    if v not in (27, 28) or not (0 < r < SECP256K1_N and 0 < s < SECP256K1_N):
        raise PayloadRefused("bad_signature", "offline.payment_s_signature_valid")
    if s > HALF_N:
        raise PayloadRefused("high_s", "offline.payment_s_signature_form")
    return Authorization(
        method=method, chain_id=whole("chainId", top=2**64), token=address("token"), payer=address("from"),
        recipient=address("to"), amount=amount, valid_after=whole("validAfter", top=2**64),
        valid_before=whole("validBefore", top=2**64), nonce=nonce.lower(), signature=signature)


def eip712_message(auth: Authorization, *, token_name: str, token_version: str) -> dict[str, Any]:
    """The EIP-712 typed data the payer signed (the token's own domain)."""
    primary = "TransferWithAuthorization" if auth.method == "transferWithAuthorization" \
        else "ReceiveWithAuthorization"
    return {
        "types": {
            "EIP712Domain": [{"name": "name", "type": "string"}, {"name": "version", "type": "string"},
                             {"name": "chainId", "type": "uint256"},
                             {"name": "verifyingContract", "type": "address"}],
            primary: [{"name": "from", "type": "address"}, {"name": "to", "type": "address"},
                      {"name": "value", "type": "uint256"}, {"name": "validAfter", "type": "uint256"},
                      {"name": "validBefore", "type": "uint256"}, {"name": "nonce", "type": "bytes32"}],
        },
        "primaryType": primary,
        "domain": {"name": token_name, "version": token_version, "chainId": auth.chain_id,
                   "verifyingContract": auth.token},
        "message": {"from": auth.payer, "to": auth.recipient, "value": auth.amount,
                    "validAfter": auth.valid_after, "validBefore": auth.valid_before,
                    "nonce": bytes.fromhex(auth.nonce[2:])},
    }


def recover_authorization_signer(auth: Authorization, *, token_name: str, token_version: str) -> str:
    """Who signed the authorization under the token's domain (compare with ``auth.payer``)."""
    from eth_account import Account
    from eth_account.messages import encode_typed_data

    try:
        signable = encode_typed_data(full_message=eip712_message(auth, token_name=token_name,
                                                                 token_version=token_version))
        return Account.recover_message(signable, signature=auth.signature)
    except Exception as exc:  # noqa: BLE001
        raise PayloadRefused("bad_signature", "offline.payment_s_signature_valid") from exc
