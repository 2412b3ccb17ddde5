"""``sompos payer name|list``: the shop's address book from the terminal.

A name is kept per address whatever its spelling, audited with the actor given, forgotten with an
empty name; what is not an address or too long is refused with exit 2 and changes nothing; text
and ``--json`` say the same.
"""
from __future__ import annotations

import json

import pytest

from pos_app.app.context import AppContext
from pos_app.cli.main import main

ADDR = "0x86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F"
CHECKSUM = "0x86cb1e7f0bb2C0B36FFB5eDE6b9b61d7CC0AAA5F"  # EIP-55 of ADDR (ADDR's own case is made up)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture
def shop(tmp_path):
    return str(tmp_path / "shop")


def names(shop: str) -> dict[str, str]:
    ctx = AppContext(shop)
    try:
        return ctx.payers.names()
    finally:
        ctx.close()


def test_name_list_and_forget(capsys, shop):
    rc, out, err = run(capsys, "--data-dir", shop, "payer", "list")
    assert rc == 0 and "No payer has a name yet" in out and err == ""

    rc, out, _ = run(capsys, "--data-dir", shop, "payer", "name", ADDR.lower(), "Айбек", "--actor", "owner")
    assert rc == 0
    assert out.strip() == "86cb…AA5F is now called Айбек."
    assert names(shop) == {ADDR.lower(): "Айбек"}

    rc, out, _ = run(capsys, "--data-dir", shop, "payer", "list")
    assert rc == 0
    line, = out.strip().splitlines()
    assert line.startswith("Айбек") and CHECKSUM in line and "86cb…AA5F" in line and "by owner" in line

    rc, out, _ = run(capsys, "--data-dir", shop, "payer", "list", "--json")
    rows = json.loads(out)
    assert [(r["address"], r["name"], r["short"], r["updated_by"]) for r in rows] == \
        [(CHECKSUM, "Айбек", "86cb…AA5F", "owner")]

    rc, out, _ = run(capsys, "--data-dir", shop, "--json", "payer", "name", ADDR, "")
    assert rc == 0 and json.loads(out) == {"address": CHECKSUM, "name": None}
    assert names(shop) == {}
    ctx = AppContext(shop)
    try:
        audit = ctx.store.query("SELECT actor FROM audit_log WHERE event = 'payer_name' ORDER BY id")
    finally:
        ctx.close()
    assert [a["actor"] for a in audit] == ["owner", "cashier"]


@pytest.mark.parametrize("address, name, says", [
    ("0x123", "Aibek", "not a wallet address"),
    ("86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F", "Aibek", "not a wallet address"),
    (ADDR, "x" * 41, "40 characters"),
])
def test_a_refusal_exits_2_with_one_line_and_changes_nothing(capsys, shop, address, name, says):
    run(capsys, "--data-dir", shop, "payer", "name", ADDR, "Aigul")
    rc, out, err = run(capsys, "--data-dir", shop, "payer", "name", address, name)
    assert rc == 2 and out == ""
    assert says in err and err.count("\n") == 1 and "Traceback" not in err
    assert names(shop) == {ADDR.lower(): "Aigul"}


def test_payer_needs_an_action(capsys, shop):
    rc, _, err = run(capsys, "--data-dir", shop, "payer")
    assert rc == 2 and "ACTION" in err
