"""Payment request URIs and QR codes (``pos_app/invoices/payment_request.py``).

Tested: the exact text of each of the four formats (EIP-681, MetaMask link, Trust Wallet link
with BSC's coin 20000714, address only), refusals (trust link without a coin, unknown format,
missing amount), a hypothesis round trip ``parse_uri(build_uri(..))`` over random addresses,
chains, decimals and amounts, ``parse_uri`` refusing malformed input with ``BadInput``, the PNG
decoding (zxing-cpp) back to the exact URI, and the terminal rendering's size and characters
(and that it too decodes back to the URI).
"""
from __future__ import annotations

import io

import pytest
import zxingcpp
from eth_utils import to_checksum_address
from hypothesis import given, settings, strategies as st
from PIL import Image

from pos_app.core.errors import BadInput
from pos_app.invoices.payment_request import (
    FORMATS, PaymentRequest, build_uri, parse_uri, qr_matrix, qr_png_bytes, qr_text, write_qr_png,
)

TOKEN = "0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"
MERCHANT = "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61"
# 150.50 som + tail 1 with a 6-decimal token; the same with an 18-decimal token (BSC USDT style).
REQ6 = PaymentRequest(chain_id=56, token=TOKEN, merchant=MERCHANT, amount_base=150_500_001, decimals=6)
REQ18 = PaymentRequest(chain_id=56, token=TOKEN, merchant=MERCHANT, amount_base=150_500_001_000_000_000_000,
                       decimals=18)


def _decode_png(png: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


# -- exact strings ---------------------------------------------------------------------------

def test_eip681_exact():
    assert build_uri("eip681", REQ6) == (
        "ethereum:0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0@56/transfer"
        "?address=0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61&uint256=150500001")


def test_metamask_exact():
    assert build_uri("metamask", REQ6) == (
        "https://link.metamask.io/send/0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0@56/transfer"
        "?address=0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61&uint256=150500001")


def test_trust_exact_uses_bsc_coin_and_decimal_amount():
    expected = ("https://link.trustwallet.com/send?asset=c20000714_t0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"
                "&address=0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61&amount=150.500001")
    assert build_uri("trust", REQ6) == expected
    assert build_uri("trust", REQ18) == expected  # same money, different decimals
    # whole amounts carry no trailing ".0"
    whole = PaymentRequest(56, TOKEN, MERCHANT, 150 * 10**6, 6)
    assert build_uri("trust", whole).endswith("&amount=150")


def test_address_only_exact():
    assert build_uri("address", REQ6) == MERCHANT
    assert build_uri("address", PaymentRequest(56, TOKEN, MERCHANT, None, 6)) == MERCHANT


def test_eip681_keeps_big_amounts_exact():
    assert build_uri("eip681", REQ18).endswith("&uint256=150500001000000000000")


def test_trust_on_chain_without_coin_is_refused():
    req = PaymentRequest(chain_id=1234, token=TOKEN, merchant=MERCHANT, amount_base=5, decimals=6)
    with pytest.raises(BadInput) as e:
        build_uri("trust", req)
    assert "Trust Wallet" in e.value.user_message
    # a profile that names a coin makes it possible
    assert "asset=c777_t" in build_uri("trust", req, trust_coin=777)


@pytest.mark.parametrize("fmt,req", [
    ("bitcoin", REQ6),
    ("eip681", PaymentRequest(56, TOKEN, MERCHANT, None, 6)),
    ("metamask", PaymentRequest(56, TOKEN, MERCHANT, 0, 6)),
    ("trust", PaymentRequest(56, TOKEN, MERCHANT, -1, 6)),
])
def test_build_refuses(fmt, req):
    with pytest.raises(BadInput):
        build_uri(fmt, req)


# -- round trip ------------------------------------------------------------------------------

addresses = st.binary(min_size=20, max_size=20).map(to_checksum_address)


@settings(max_examples=300, deadline=None)
@given(fmt=st.sampled_from(["eip681", "metamask", "trust"]), token=addresses, merchant=addresses,
       chain_id=st.integers(1, 2**53 - 1), decimals=st.integers(0, 36), amount=st.integers(1, 10**30))
def test_parse_inverts_build(fmt, token, merchant, chain_id, decimals, amount):
    req = PaymentRequest(chain_id, token, merchant, amount, decimals)
    uri = build_uri(fmt, req, trust_coin=20000714)
    back = parse_uri(uri, decimals=decimals, chain_id_for_trust=chain_id)
    assert (back.token, back.merchant, back.amount_base) == (token, merchant, amount)
    assert back.chain_id == chain_id


def test_parse_address_only():
    back = parse_uri(f"  {MERCHANT}\n", decimals=6)
    assert back.merchant == MERCHANT and back.amount_base is None


def test_parse_accepts_eip681_pay_prefix():
    uri = build_uri("eip681", REQ6).replace("ethereum:", "ethereum:pay-")
    assert parse_uri(uri, decimals=6).amount_base == REQ6.amount_base


# -- parse refusals --------------------------------------------------------------------------

EIP = f"ethereum:{TOKEN}@56/transfer?"
TRUST = f"https://link.trustwallet.com/send?asset=c20000714_t{TOKEN}&address={MERCHANT}"


@pytest.mark.parametrize("uri", [
    "",
    "hello",
    "bitcoin:1BoatSLRHtKNngkdXEeobR76b6LzxsW8nq?amount=1",
    "ethereum:0x1234@56/transfer?address=0x1&uint256=1",
    f"ethereum:{TOKEN}/transfer?address={MERCHANT}&uint256=1",          # no chain id
    EIP + f"address={MERCHANT}&uint256=1&" + "x=" + "a" * 2100,          # oversized
    EIP + f"address={MERCHANT}&address={MERCHANT}&uint256=1",            # two addresses
    EIP + f"uint256=1&uint256=2&address={MERCHANT}",                      # two amounts
    EIP + f"address={MERCHANT}",                                          # no amount
    EIP + "uint256=1",                                                    # no address
    EIP + f"address={MERCHANT}&uint256=1.5",                              # non-integer
    EIP + f"address={MERCHANT}&uint256=-1",
    EIP + f"address={MERCHANT}&uint256=1e18",
    EIP + f"address={MERCHANT}&uint256=",
    EIP + f"address={MERCHANT}&uint256=\u00b2",                           # '²'.isdigit() is True
    EIP + f"address={MERCHANT}&uint256=\uff11\uff12",                     # fullwidth digits
    EIP + f"address={MERCHANT}&uint256={2**256}",                         # does not fit uint256
    EIP + "address=0xnothex&uint256=1",
    EIP + "address",                                                      # field without '='
    EIP,
    TRUST + "&amount=abc",
    TRUST + "&amount=1.0000001",                                          # more decimals than token
    f"https://link.trustwallet.com/send?asset=c20000714&address={MERCHANT}&amount=1",
    f"https://link.trustwallet.com/send?asset=c20000714_t{TOKEN}&address=bob&amount=1",
    f"https://evil.example/send?asset=c20000714_t{TOKEN}&address={MERCHANT}&amount=1",
])
def test_parse_refuses_with_badinput(uri):
    with pytest.raises(BadInput):
        parse_uri(uri, decimals=6)


def test_parse_refuses_oversized_text_first():
    with pytest.raises(BadInput) as e:
        parse_uri(MERCHANT + " " * 10 + "x" * 3000, decimals=6)
    assert "too long" in e.value.user_message


# -- QR pictures -----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_png_decodes_to_exact_uri(fmt):
    uri = build_uri(fmt, REQ18)
    png = qr_png_bytes(uri)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert _decode_png(png) == [uri]


def test_write_qr_png(tmp_path):
    uri = build_uri("eip681", REQ6)
    path = write_qr_png(uri, tmp_path / "qr.png", box_size=4)
    assert _decode_png(path.read_bytes()) == [uri]
    with pytest.raises(BadInput):
        write_qr_png(uri, tmp_path / "missing-folder" / "qr.png")


def _text_to_image(text: str, scale: int = 6) -> Image.Image:
    """Paint the terminal rendering (printed characters = light modules) as black on white."""
    halves = {"█": (True, True), " ": (False, False), "▀": (True, False), "▄": (False, True)}
    lines = text.split("\n")
    width, height = len(lines[0]), 2 * len(lines)
    img = Image.new("L", (width, height), 0)
    for y, line in enumerate(lines):
        for x, ch in enumerate(line):
            top_light, bottom_light = halves[ch]
            img.putpixel((x, 2 * y), 255 if top_light else 0)
            img.putpixel((x, 2 * y + 1), 255 if bottom_light else 0)
    return img.resize((width * scale, height * scale), Image.NEAREST)


@pytest.mark.parametrize("fmt", ["eip681", "trust", "address"])
def test_text_rendering_size_characters_and_content(fmt):
    uri = build_uri(fmt, REQ6)
    matrix = qr_matrix(uri)
    size = len(matrix)
    assert all(len(row) == size for row in matrix)
    assert (size - 8 - 17) % 4 == 0  # a real QR version (17 + 4v modules) plus the 4-module quiet zone
    text = qr_text(uri)
    lines = text.split("\n")
    assert len(lines) == (size + 1) // 2  # two module rows per line
    assert all(len(line) == size for line in lines)
    assert set(text) <= {"█", "▀", "▄", " ", "\n"}
    assert lines[0] == "█" * size  # the quiet zone is light
    assert [r.text for r in zxingcpp.read_barcodes(_text_to_image(text))] == [uri]
