"""Payment request URIs and their QR codes, in the formats wallets actually read.

* ``eip681``   ``ethereum:<token>@<chainId>/transfer?address=<merchant>&uint256=<base units>``
* ``metamask`` ``https://link.metamask.io/send/<token>@<chainId>/transfer?address=..&uint256=..``
* ``trust``    ``https://link.trustwallet.com/send?asset=c<coin>_t<token>&address=..&amount=<decimal>``
* ``address``  the merchant address alone (for wallets that read only an address); the amount
  is shown beside the QR in large type.

The amount in any URI is a suggestion the payer can edit, so the watcher always checks what
actually arrived on chain.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from pos_app.core.errors import BadInput
from pos_app.core.money import BaseUnits, base_units_to_decimal_str, decimal_str_to_base_units

FORMATS = ("eip681", "metamask", "trust", "address")
FORMAT_LABELS = {"eip681": "EIP-681 (most wallets)", "metamask": "MetaMask link",
                 "trust": "Trust Wallet link", "address": "Address only"}
# Trust Wallet's coin ids (SLIP-44 style) by chain id.
TRUST_COINS = {56: 20000714, 1: 60}


@dataclass(frozen=True)
class PaymentRequest:
    chain_id: int
    token: str
    merchant: str
    amount_base: BaseUnits | None   # None for the plain address format
    decimals: int


def build_uri(fmt: str, req: PaymentRequest, *, trust_coin: int | None = None) -> str:
    """The text to put in the QR for ``fmt``; ``BadInput`` if the format cannot express it."""
    if fmt not in FORMATS:
        raise BadInput("sale.unknown_qr_format_choose", format=fmt, choices=", ".join(FORMATS))
    if fmt == "address":
        return req.merchant
    if req.amount_base is None or req.amount_base <= 0:
        raise BadInput("sale.payment_request_needs_amount")
    if fmt == "eip681":
        return f"ethereum:{req.token}@{req.chain_id}/transfer?address={req.merchant}&uint256={req.amount_base}"
    if fmt == "metamask":
        return (f"https://link.metamask.io/send/{req.token}@{req.chain_id}/transfer"
                f"?address={req.merchant}&uint256={req.amount_base}")
    coin = trust_coin if trust_coin is not None else TRUST_COINS.get(req.chain_id)
    if coin is None:
        raise BadInput("sale.trust_wallet_links_available")
    amount = base_units_to_decimal_str(req.amount_base, req.decimals)  # type: ignore[arg-type]
    return f"https://link.trustwallet.com/send?asset=c{coin}_t{req.token}&address={req.merchant}&amount={amount}"


_ADDR = r"0x[0-9a-fA-F]{40}"
_EIP681 = re.compile(rf"^ethereum:(?:pay-)?(?P<token>{_ADDR})@(?P<chain>[0-9]+)/transfer\?(?P<q>.*)$")
_MM = re.compile(rf"^https://link\.metamask\.io/send/(?P<token>{_ADDR})@(?P<chain>[0-9]+)/transfer\?(?P<q>.*)$")


def _one(q: dict[str, list[str]], key: str) -> str:
    vals = q.get(key)
    if not vals or len(vals) != 1:
        raise BadInput("sale.payment_link_single", key=key)
    return vals[0]


def _query(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, strict_parsing=True)
    except ValueError:  # a field without '=', e.g. "?address"
        raise BadInput("sale.payment_link_s_parameters") from None


def parse_uri(uri: str, *, decimals: int, chain_id_for_trust: int | None = None) -> PaymentRequest:
    """Parse any of the four formats back (used by tests and by scanning a shop's own QR)."""
    uri = uri.strip()
    if len(uri) > 2048:
        raise BadInput("sale.code_too_long_payment")
    if re.fullmatch(_ADDR, uri):
        return PaymentRequest(0, "", uri, None, decimals)
    m = _EIP681.match(uri) or _MM.match(uri)
    if m:
        q = _query(m.group("q"))
        amount = _one(q, "uint256")
        # ASCII digits only: str.isdigit() also accepts '²' and fullwidth digits.
        if not re.fullmatch(r"[0-9]+", amount) or int(amount) >= 2**256:
            raise BadInput("sale.payment_link_s_amount")
        merchant = _one(q, "address")
        if not re.fullmatch(_ADDR, merchant):
            raise BadInput("sale.payment_link_s_address")
        return PaymentRequest(int(m.group("chain")), m.group("token"), merchant, BaseUnits(int(amount)), decimals)
    parsed = urlparse(uri)
    if parsed.scheme == "https" and parsed.netloc == "link.trustwallet.com" and parsed.path == "/send":
        q = _query(parsed.query)
        asset = re.fullmatch(rf"c([0-9]+)_t({_ADDR})", _one(q, "asset"))
        if asset is None:
            raise BadInput("sale.trust_wallet_link_names")
        merchant = _one(q, "address")
        if not re.fullmatch(_ADDR, merchant):
            raise BadInput("sale.payment_link_s_address")
        base = decimal_str_to_base_units(_one(q, "amount"), decimals)
        return PaymentRequest(chain_id_for_trust or 0, asset.group(2), merchant, base, decimals)
    raise BadInput("sale.payment_request_app_understands")


def _qr(data: str, border: int = 4):
    import qrcode  # imported on first use: it pulls in Pillow, which start-up does not need
    import qrcode.constants
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=border)
    qr.add_data(data)
    qr.make(fit=True)
    return qr


def qr_png_bytes(data: str, *, box_size: int = 10) -> bytes:
    """A PNG of the QR code (black on white, quiet zone included)."""
    qr = _qr(data)
    qr.box_size = box_size
    img = qr.make_image()  # the pure-Python PNG backend when Pillow is absent
    buf = io.BytesIO()
    img.save(buf)
    return buf.getvalue()


def write_qr_png(data: str, path: Path | str, *, box_size: int = 10) -> Path:
    p = Path(path)
    try:
        p.write_bytes(qr_png_bytes(data, box_size=box_size))
    except OSError as exc:
        raise BadInput("sale.cannot_write_qr_picture", detail=str(exc), path=str(p)) from exc
    return p


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR modules including the quiet zone (True = dark), for custom painting."""
    return _qr(data).get_matrix()


def qr_text(data: str) -> str:
    """The QR drawn with half-block characters for a terminal (dark modules on a light field)."""
    m = qr_matrix(data)
    if len(m) % 2:
        m = m + [[False] * len(m[0])]
    lines = []
    for top, bottom in zip(m[0::2], m[1::2]):
        row = []
        for t, b in zip(top, bottom):
            # Light background: print the *light* modules so the code reads on dark terminals too.
            row.append({(False, False): "█", (True, True): " ", (True, False): "▄", (False, True): "▀"}[(t, b)])
        lines.append("".join(row))
    return "\n".join(lines)
