"""The command line as a shopkeeper meets it (issue 12, point 10), without a chain:

* ``sompos request ... | head -1``: the reader going away ends the command quietly (exit 141, as
  Unix tools killed by SIGPIPE; 0 when the output fitted the pipe first), no error line, no
  traceback in sompos.log, and the invoice stays created;
* ``queue list`` and ``payload check`` on a till that has never been online answer at once with a
  clear sentence, also when the profile's node accepts connections and never answers;
* ``config show`` words the offline limits in som and hours, ``--json`` keeps numbers;
* ``unmatched`` shows som (the token's decimals from the cached facts), JSON adds ``amount_som``.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pos_app.app.context import AppContext
from pos_app.app.demo import accounts as A
from pos_app.chain.profiles import DEMO_CHAIN_ID
from pos_app.cli.main import main
from pos_app.invoices.service import Transfer
from pos_app.offline.risk import Limits
from pos_app.shop.config import set_merchant, set_network, set_token

ROOT = Path(__file__).resolve().parents[2]
MERCHANT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
TOKEN = "0x1111111111111111111111111111111111111111"


def sompos(data_dir: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(data_dir), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, **kw)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def log_text(data_dir: Path) -> str:
    log = data_dir / "sompos.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


# -- 1: a closed stdout ------------------------------------------------------------------------
def test_request_piped_into_head_ends_quietly_and_keeps_the_invoice(tmp_path):
    """The real pipe of the finding. Whether the reader is gone before the last write depends on the
    pipe's timing, so 0 (everything fitted) and 141 (the reader left) are both quiet ends."""
    data = tmp_path / "shop"
    script = f'"{sys.executable}" -m pos_app --data-dir "{data}" request --amount 150 | head -1; ' \
             'exit "${PIPESTATUS[0]}"'
    r = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode in (0, 141), r.stderr
    assert r.stdout.startswith("Invoice 1:") and r.stdout.count("\n") == 1
    assert r.stderr == ""
    assert "Traceback" not in log_text(data) and "unexpected" not in log_text(data)
    invoices = json.loads(sompos(data, "invoices", "--json").stdout)
    assert [i["amount_tyiyn"] for i in invoices] == [15000]


@pytest.mark.parametrize("as_json", [False, True])
def test_output_closed_before_the_first_write_exits_141_without_a_word(tmp_path, as_json):
    """The reader is gone before anything is written (``| head -0`` done at once): always EPIPE."""
    data = tmp_path / "shop"
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(data), "request", "--amount",
                               "150,50", *(["--json"] if as_json else [])],
                              cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write_end)
    assert proc.returncode == 141
    assert proc.stderr == ""  # no "something unexpected went wrong", no "Exception ignored"
    assert "Traceback" not in log_text(data)
    invoices = json.loads(sompos(data, "invoices", "--json").stdout)
    assert [i["amount_tyiyn"] for i in invoices] == [15050]


# -- 2: a till that has never been online ------------------------------------------------------
@pytest.fixture()
def silent_node():
    """A node address that takes the connection and never answers: any request would wait."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    yield f"http://127.0.0.1:{srv.getsockname()[1]}"
    srv.close()


def never_online_shop(data_dir: Path, url: str) -> Path:
    profile = data_dir.parent / "silent.toml"
    profile.write_text(f'name = "silent"\nchain_id = 31337\nrpc_urls = ["{url}"]\n')
    ctx = AppContext(data_dir)
    set_network(ctx.store, str(profile))
    set_token(ctx.store, TOKEN)
    set_merchant(ctx.store, MERCHANT)
    ctx.close()
    return data_dir


def test_queue_list_on_a_never_online_till_answers_at_once(tmp_path, silent_node, capsys):
    shop = never_online_shop(tmp_path / "shop", silent_node)
    started = time.monotonic()
    rc, out, err = run(capsys, "--data-dir", str(shop), "queue", "list")
    assert time.monotonic() - started < 3  # a node request would wait 6 s at least
    assert rc == 0 and err == ""
    assert "0 pending (0.00 som)" in out and "never been online" in out and "sompos sync --once" in out
    rc, out, _ = run(capsys, "--data-dir", str(shop), "queue", "list", "--json")
    d = json.loads(out)
    assert rc == 0 and d["last_sync_at"] is None and d["items"] == []


def test_payload_check_on_a_never_online_till_refuses_with_a_sentence(tmp_path, silent_node, capsys):
    shop = never_online_shop(tmp_path / "shop", silent_node)
    payload = tmp_path / "p.txt"
    payload.write_text("0x02f8")
    started = time.monotonic()
    rc, out, err = run(capsys, "--data-dir", str(shop), "payload", "check", "--amount", "150", str(payload))
    assert time.monotonic() - started < 3
    assert rc == 1 and err == ""
    assert out.startswith("REFUSED: This till has never been online; connect once") and "sync --once" in out
    rc, out, _ = run(capsys, "--data-dir", str(shop), "payload", "check", "--amount", "150", "--json", str(payload))
    d = json.loads(out)
    assert rc == 1 and d["ok"] is False and d["code"] == "never_synced"
    # accept says the same, at once, and queues nothing
    rc, _, err = run(capsys, "--data-dir", str(shop), "payload", "accept", "--invoice", "1", str(payload))
    assert rc == 2 and "never been online" in err


def test_payload_check_after_the_token_changed_offline_says_what_is_missing(tmp_path, silent_node, capsys):
    """Online once (a sync recorded) but never since the token was set: the token's facts are missing."""
    shop = never_online_shop(tmp_path / "shop", silent_node)
    ctx = AppContext(shop)
    ctx.offline.record_sync(31337, at=int(time.time()), gas_price=10**8)
    ctx.close()
    payload = tmp_path / "p.txt"
    payload.write_text("0x02f8")
    started = time.monotonic()
    rc, out, err = run(capsys, "--data-dir", str(shop), "payload", "check", "--amount", "150", str(payload))
    assert time.monotonic() - started < 3
    assert rc == 1 and err == ""
    assert "does not know the token's details yet" in out and "sompos sync --once" in out
    rc, out, err = run(capsys, "--data-dir", str(shop), "queue", "list")
    assert rc == 0 and "does not know the token's details yet" in out


# -- 3: config show ----------------------------------------------------------------------------
def test_config_show_words_the_offline_limits_in_som_and_hours(tmp_path, capsys):
    shop = str(tmp_path / "shop")
    assert run(capsys, "--data-dir", shop, "config", "offline-limit", "per-payment", "250,50")[0] == 0
    assert run(capsys, "--data-dir", shop, "config", "offline-limit", "warn-after", "3")[0] == 0
    rc, out, err = run(capsys, "--data-dir", shop, "config", "show")
    assert rc == 0 and err == ""
    assert "{" not in out and "_tyiyn" not in out and "_s'" not in out and "expiry_seconds" not in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert lines["per-payment"].endswith(" 250.50 som")
    assert lines["total"].endswith(" 50000.00 som")
    assert lines["warn-after"].endswith(" 3 h") and lines["refuse-after"].endswith(" 24 h")
    assert lines["max-offline-days"].endswith(" 30 days") and lines["stuck-after"].endswith(" 30 min")
    assert lines["max-items"].endswith(" 200 payments")
    assert any(line.startswith("expiry ") and line.endswith(" 15 min") for line in out.splitlines())
    rc, out, _ = run(capsys, "--data-dir", shop, "config", "show", "--json")
    d = json.loads(out)
    assert d["offline_limits"] == {**Limits().to_dict(), "per_payment_tyiyn": 25050, "warn_after_s": 3 * 3600}
    assert d["expiry_seconds"] == 900


# -- 4: unmatched ------------------------------------------------------------------------------
def _transfer(n: int, value: int, token: str = A.DEMO_TOKEN_ADDRESS) -> Transfer:
    return Transfer(chain_id=DEMO_CHAIN_ID, token=token, tx_hash="0x" + f"{n:064x}", log_index=0,
                    block_number=100 + n, block_hash="0x" + f"{n + 1000:064x}", block_time=int(time.time()),
                    payer="0x" + "ab" * 20, payee=A.MERCHANT, value=value)


def test_unmatched_shows_som_and_json_adds_the_exact_som(tmp_path, capsys):
    shop = tmp_path / "shop"
    ctx = AppContext(shop)
    decimals = ctx.token_info().decimals
    ctx.service.record_transfer(_transfer(1, 150 * 10**decimals + 1))       # a tail below one tyiyn
    ctx.service.record_transfer(_transfer(2, 12 * 10**decimals + 5 * 10**(decimals - 2)))
    ctx.service.record_transfer(_transfer(3, 777, token=TOKEN))             # a token never read
    ctx.close()
    rc, out, err = run(capsys, "--data-dir", str(shop), "unmatched")
    assert rc == 0 and err == "", err
    by_id = {line.split()[0]: line for line in out.splitlines()}
    exact = f"150.{'0' * (decimals - 1)}1"
    assert f"150.00 som (exactly {exact})" in by_id["1"]
    assert "12.05 som" in by_id["2"] and "exactly" not in by_id["2"]
    assert str(150 * 10**decimals + 1) not in out
    assert "777 base units" in by_id["3"]
    rc, out, _ = run(capsys, "--data-dir", str(shop), "unmatched", "--json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[1]["value"] == str(150 * 10**decimals + 1) and rows[1]["amount_som"] == exact
    assert rows[2]["amount_som"] == "12.05" and rows[3]["amount_som"] is None
