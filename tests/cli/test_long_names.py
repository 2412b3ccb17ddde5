"""Issue 18, finding 16: a file name too long for the file system is one clear line, not a traceback.

``sompos request --qr <5,000 characters>`` printed a Python traceback and ``sompos queue export
<300 characters>`` said "something unexpected went wrong". Every path the command line takes now
goes through ``core.files.check_file_name`` (the argparse type ``cli.output.file_name``, and
``read_limited`` for every file read), and the system's own ENAMETOOLONG is said the same way.
Tested: the two commands of the probe (one in a process of its own, as a shop runs it, so nothing
of pytest's logging hides a traceback), the other path arguments (import, a payment file, the data
folder, before or after the command): exit code 2, one line on stderr naming the problem, no
traceback, nothing written (no file, no invoice, the offline payment still this till's to send).
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from eth_abi import encode
from eth_account import Account
from eth_utils import keccak

from pos_app.app.context import AppContext
from pos_app.chain.demo_constants import DEMO_MERCHANT, DEMO_TOKEN_ADDRESS
from pos_app.chain.profiles import DEMO_CHAIN_ID
from pos_app.cli.main import main as cli_main
from pos_app.core.money import Tyiyn

ROOT = Path(__file__).resolve().parents[2]
WORDS = "is too long for this computer; choose a shorter name."
GWEI = 10**9


def one_line(err: str) -> str:
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith("sompos: error: ") and "Traceback" not in err and "unexpected" not in err, err
    assert WORDS in lines[0] and len(lines[0]) < 300, err       # the name is shortened, not printed whole
    return lines[0]


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """An empty working folder: a relative file name lands here."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def test_request_with_a_5000_character_qr_name_is_one_line_in_a_real_process(tmp_path, here):
    shop = tmp_path / "shop"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.run([sys.executable, "-m", "pos_app.cli.main", "request", "--amount", "150",
                        "--qr", "q" * 5000 + ".png", "--data-dir", str(shop)],
                       capture_output=True, text=True, timeout=120, cwd=here, env=env)
    assert p.returncode == 2, p.stderr
    assert "--qr" in one_line(p.stderr)
    assert list(here.iterdir()) == [] and not shop.exists()     # no picture, no shop, no invoice


def test_request_with_a_5000_character_qr_name_in_process(capsys, tmp_path, here):
    shop = tmp_path / "shop"
    AppContext(shop).close()
    rc = cli_main(["request", "--amount", "150", "--qr", "q" * 5000 + ".png", "--data-dir", str(shop)])
    assert rc == 2
    one_line(capsys.readouterr().err)
    assert list(here.iterdir()) == []
    ctx = AppContext(shop)
    try:
        assert ctx.service.list(limit=10) == []                 # no invoice was created
    finally:
        ctx.close()


def raw_transfer(amount: int) -> str:
    data = bytes.fromhex("a9059cbb") + encode(["address", "uint256"], [DEMO_MERCHANT, amount])
    tx = {"type": 2, "chainId": DEMO_CHAIN_ID, "nonce": 0, "to": DEMO_TOKEN_ADDRESS, "value": 0, "data": data,
          "gas": 80_000, "maxFeePerGas": GWEI, "maxPriorityFeePerGas": GWEI // 10}
    return "0x" + bytes(Account.sign_transaction(tx, keccak(text="long names payer")).raw_transaction).hex()


def test_queue_export_to_a_300_character_name_is_one_line_and_hands_nothing_over(capsys, tmp_path, here):
    shop = tmp_path / "shop"
    ctx = AppContext(shop)
    try:
        ctx.offline.record_sync(DEMO_CHAIN_ID, at=int(time.time()) - 60, gas_price=GWEI // 10)
        inv = ctx.create_invoice(Tyiyn(15000))
        ctx.offline.accept(raw_transfer(inv.due_base), inv.id, ctx.offline_facts())
    finally:
        ctx.close()
    for name in ("e" * 300, str(here / ("e" * 300 + ".jsonl"))):
        rc = cli_main(["queue", "export", name, "--data-dir", str(shop)])
        assert rc == 2
        one_line(capsys.readouterr().err)
    assert list(here.iterdir()) == []
    ctx = AppContext(shop)
    try:
        assert [i.handed_off_at for i in ctx.offline.list()] == [None]   # still this till's to send
    finally:
        ctx.close()


@pytest.mark.parametrize("argv", [
    ["queue", "import", "i" * 300],
    ["payload", "accept", "--invoice", "1", "p" * 300],
    ["invoices", "--data-dir", "d" * 300],
    ["--data-dir", "d" * 300, "invoices"],
    ["--data-dir", "/".join(["folder"] * 700), "invoices"],      # every part short, the whole too long
], ids=["import", "payment file", "data dir after", "data dir before", "whole path"])
def test_every_other_path_argument_is_one_line_too(capsys, tmp_path, here, argv):
    if "--data-dir" not in argv:
        argv = [*argv, "--data-dir", str(tmp_path / "shop")]
    rc = cli_main(argv)
    assert rc == 2
    one_line(capsys.readouterr().err)
    assert list(here.iterdir()) == []


def test_payload_check_says_it_as_its_verdict(capsys, tmp_path, here):
    """``payload check`` answers every unreadable payment with its verdict (exit 1, one line on stdout)."""
    rc = cli_main(["payload", "check", "--amount", "150", "p" * 300, "--data-dir", str(tmp_path / "shop")])
    out, err = capsys.readouterr()
    assert rc == 1 and err == "" and out.startswith("REFUSED: The file name ") and WORDS in out
    assert out.count("\n") == 1 and list(here.iterdir()) == []


def test_a_name_the_system_refuses_for_its_length_is_said_the_same_way(tmp_path):
    """The system's own ENAMETOOLONG (a limit this app did not know) reads as the same sentence."""
    import errno
    from pos_app.core.errors import BadInput
    from pos_app.core.files import is_name_too_long, name_refusal, read_limited
    assert is_name_too_long(OSError(errno.ENAMETOOLONG, "File name too long"))
    assert WORDS in name_refusal("x" * 400).user_message
    with pytest.raises(BadInput) as e:
        read_limited(tmp_path / ("r" * 300), 100)
    assert WORDS in e.value.user_message and e.value.reason == "name_too_long"
