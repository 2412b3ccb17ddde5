"""`sompos payload check|accept` and `sompos queue list`, plus a SIGKILL right after "accepted"."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from pos_app.core.reasons import R
from pos_app.chain.token_cache import DEMO_TOKEN_FEATURES, TokenInfo, save_token_info
from pos_app.cli.main import main
from pos_app.shop.config import set_till, set_merchant, set_network, set_token
from pos_app.app.context import AppContext
from pos_app.chain.demo_constants import DEMO_TOKEN_NAME, DEMO_TOKEN_VERSION
from pos_app.core.money import Tyiyn

from payloads import DECIMALS, GWEI, MERCHANT, SOM, TOKEN, authorization, raw_transfer

LOCAL_CHAIN = 31337
ROOT = Path(__file__).resolve().parents[2]


def prepare(data_dir: Path, till: str = "1/1") -> None:
    ctx = AppContext(data_dir)
    set_till(ctx.store, till)
    set_network(ctx.store, "local")
    set_merchant(ctx.store, MERCHANT)
    set_token(ctx.store, TOKEN)
    save_token_info(ctx.store, TokenInfo(LOCAL_CHAIN, TOKEN, DECIMALS, "dSOM", DEMO_TOKEN_NAME, DEMO_TOKEN_NAME,
                                         DEMO_TOKEN_VERSION, replace(DEMO_TOKEN_FEATURES, probed_at=1)))
    ctx.offline.record_sync(LOCAL_CHAIN, at=int(time.time()), gas_price=GWEI // 10)
    ctx.close()


@pytest.fixture()
def shop(tmp_path):
    prepare(tmp_path)
    return tmp_path


def run(capsys, *argv) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_check_prints_the_verdict_and_changes_nothing(shop, capsys, tmp_path):
    f = tmp_path / "p.txt"
    f.write_text(raw_transfer(chain_id=LOCAL_CHAIN, amount=150 * SOM) + "\n")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "payload", "check", "--amount", "150.00", "--json", str(f))
    d = json.loads(out)
    assert rc == 0 and d["ok"] is True and d["kind"] == "raw_tx" and d["amount"] == "150"
    assert set(d) >= {"ok", "kind", "payer", "amount", "reason"}
    rc, out, _ = run(capsys, "--data-dir", str(shop), "payload", "check", "--amount", "150.01", "--json", str(f))
    d = json.loads(out)
    assert rc == 1 and d["ok"] is False and "less than the sale" in d["reason"]
    ctx = AppContext(shop)
    assert ctx.store.one("SELECT COUNT(*) AS n FROM offline_payments")["n"] == 0
    ctx.close()


def test_check_refuses_garbage_from_stdin_with_a_sentence(shop, capsys, monkeypatch):
    import io
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\xffnot a payment")))
    rc, out, err = run(capsys, "--data-dir", str(shop), "payload", "check", "--amount", "1", "-")
    assert rc == 1 and out.startswith("REFUSED: ") and "Traceback" not in out + err


def test_check_reads_a_qr_picture(shop, capsys, tmp_path):
    from pos_app.invoices.payment_request import write_qr_png
    text = authorization(chain_id=LOCAL_CHAIN)
    png = write_qr_png(text, tmp_path / "payload.png")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "payload", "check", "--amount", "150", "--json", str(png))
    assert rc == 0 and json.loads(out)["kind"] == "eip3009"


def test_accept_then_queue_list(shop, capsys, tmp_path):
    ctx = AppContext(shop)
    inv = ctx.create_invoice(Tyiyn(150_00))
    ctx.close()
    f = tmp_path / "auth.json"
    f.write_text(authorization(chain_id=LOCAL_CHAIN, amount=inv.due_base))
    rc, out, _ = run(capsys, "--data-dir", str(shop), "payload", "accept", "--invoice", str(inv.id), str(f))
    assert rc == 0 and out.startswith("accepted: offline payment 1 for invoice")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "payload", "accept", "--invoice", str(inv.id), str(f))
    assert rc == 0 and out.startswith("already accepted")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "queue", "list", "--json")
    d = json.loads(out)
    assert d["pending"] == 1 and d["items"][0]["state"] == "queued" and d["items"][0]["invoice"] == inv.id
    assert d["deadline"] is not None
    rc, out, _ = run(capsys, "--data-dir", str(shop), "queue", "list")
    assert "queued" in out and "1 pending (150.00 som)" in out


def test_accept_of_a_bad_payload_exits_2_and_changes_nothing(shop, capsys, tmp_path):
    ctx = AppContext(shop)
    inv = ctx.create_invoice(Tyiyn(150_00))
    ctx.close()
    f = tmp_path / "bad.txt"
    f.write_text(raw_transfer(chain_id=56, amount=inv.due_base))
    rc, _, err = run(capsys, "--data-dir", str(shop), "payload", "accept", "--invoice", str(inv.id), str(f))
    assert rc == 2 and "another network" in err
    rc, _, err = run(capsys, "--data-dir", str(shop), "payload", "accept", "--invoice", "999", str(f))
    assert rc == 2
    ctx = AppContext(shop)
    assert ctx.store.one("SELECT COUNT(*) AS n FROM offline_payments")["n"] == 0
    ctx.close()


CHILD = r"""
import sys, time
sys.path[:0] = [sys.argv[2], sys.argv[3]]
from pos_app.app.context import AppContext
from pos_app.core.money import Tyiyn
from payloads import authorization, KEYS_FOR_KILL_TEST
ctx = AppContext(sys.argv[1])
facts = ctx.offline_facts()
for i, key in enumerate(KEYS_FOR_KILL_TEST):
    inv = ctx.create_invoice(Tyiyn(10_00))
    item, _ = ctx.offline.accept(authorization(key=key, chain_id=31337, amount=inv.due_base), inv.id, facts)
    print("accepted", item.id, inv.id, flush=True)   # the acknowledgement comes after the commit
time.sleep(60)
"""


def test_sigkill_right_after_accepted_loses_nothing(shop):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(shop), str(ROOT), str(Path(__file__).parent)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    acknowledged = []
    try:
        while len(acknowledged) < 7:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            acknowledged.append(tuple(int(x) for x in line.split()[1:]))
        proc.send_signal(signal.SIGKILL)   # mid-loop: the 8th payment may be half written
    finally:
        proc.kill()
        proc.wait()
    ctx = AppContext(shop)  # integrity_check runs on open
    rows = {(r["id"], r["invoice_id"]): r for r in ctx.store.query("SELECT * FROM offline_payments")}
    for item_id, invoice_id in acknowledged:
        assert (item_id, invoice_id) in rows and rows[(item_id, invoice_id)]["state"] == "queued"
        assert ctx.service.get(invoice_id).offline_id == item_id
    # whatever was not acknowledged is either fully there or fully absent
    for r in rows.values():
        assert [h["to_state"] for h in ctx.offline.history(r["id"])] == ["received", "queued"]
    assert ctx.store.verify_audit_chain()
    ctx.close()


def test_offline_limits_are_set_from_the_command_line(shop, capsys):
    rc, out, _ = run(capsys, "--data-dir", str(shop), "config", "offline-limit", "per-payment", "2 500,00", "--json")
    assert rc == 0 and json.loads(out)["offline_limits"]["per_payment_tyiyn"] == 2500_00
    rc, out, _ = run(capsys, "--data-dir", str(shop), "config", "offline-limit", "refuse-after", "48", "--json")
    assert json.loads(out)["offline_limits"]["refuse_after_s"] == 48 * 3600
    rc, _, err = run(capsys, "--data-dir", str(shop), "config", "offline-limit", "warn-after", "72")
    assert rc == 2 and "warning must come before" in err          # 72 h > 48 h deadline: refused
    rc, _, err = run(capsys, "--data-dir", str(shop), "config", "offline-limit", "bogus", "1")
    assert rc == 2 and "Unknown offline limit" in err
    rc, out, _ = run(capsys, "--data-dir", str(shop), "config", "show", "--json")
    assert json.loads(out)["offline_limits"]["warn_after_s"] == 12 * 3600


def test_queue_export_import_and_resolve_from_the_command_line(tmp_path, capsys):
    """A field till exports its unsent queue; the office till imports it (once); a failure is closed."""
    field, office = tmp_path / "field", tmp_path / "office"
    prepare(field, "1/2")
    prepare(office, "2/2")
    ctx = AppContext(field)
    inv = ctx.create_invoice(Tyiyn(150_00))
    ctx.close()
    f = tmp_path / "auth.json"
    f.write_text(authorization(chain_id=LOCAL_CHAIN, amount=inv.due_base))
    assert run(capsys, "--data-dir", str(field), "payload", "accept", "--invoice", str(inv.id), str(f))[0] == 0
    stick = tmp_path / "stick.jsonl"
    rc, out, _ = run(capsys, "--data-dir", str(field), "queue", "export", str(stick))
    assert rc == 0 and out.startswith("exported 1 unsent payments") and stick.exists()
    # The office has never paired with the field till: refused, with the number to compare.
    rc, _, err = run(capsys, "--data-dir", str(office), "queue", "import", str(stick))
    assert rc == 2 and "not paired" in err
    rc, fp_out, _ = run(capsys, "--data-dir", str(field), "device", "show", "--json")
    fp = json.loads(fp_out)["device"]
    assert " ".join(fp[i:i + 4] for i in range(0, 16, 4)) in err          # the same number on both screens
    rc, out, _ = run(capsys, "--data-dir", str(office), "queue", "import", str(stick), "--expect-device", fp,
                     "--json")
    assert rc == 0 and json.loads(out)["added"] == 1 and json.loads(out)["paired_now"]
    rc, out, _ = run(capsys, "--data-dir", str(office), "device", "list")
    assert rc == 0 and fp[:4] in out
    rc, out, _ = run(capsys, "--data-dir", str(office), "queue", "import", str(stick))
    assert rc == 0 and "imported 0 payments" in out and "1 were already here" in out
    data = bytearray(stick.read_bytes())
    data[40] ^= 1
    stick.write_bytes(bytes(data))
    rc, _, err = run(capsys, "--data-dir", str(office), "queue", "import", str(stick))
    assert rc == 2 and "sompos: error:" in err
    # A failure on the office till is closed by a person: collect again (audited), once.
    ctx = AppContext(office)
    item = ctx.offline.list()[0]
    from pos_app.offline.lifecycle import QueueState
    ctx.offline.transition(item.id, QueueState.SUBMITTED, R("sent"))
    ctx.offline.transition(item.id, QueueState.DOUBLE_SPENT, R("double_spent"))
    ctx.close()
    rc, out, _ = run(capsys, "--data-dir", str(office), "queue", "resolve", str(item.id), "--collect-again")
    assert rc == 0 and "charge the customer again" in out
    rc, _, err = run(capsys, "--data-dir", str(office), "queue", "resolve", str(item.id), "--resolved")
    assert rc == 2 and "already resolved" in err
    # The stick came back to the field till: loading it there takes the payment back (sent by the field till).
    data[40] ^= 1
    stick.write_bytes(bytes(data))
    rc, out, _ = run(capsys, "--data-dir", str(field), "queue", "import", str(stick))
    assert rc == 0 and "1 payments taken back" in out
    rc, out, _ = run(capsys, "--data-dir", str(field), "queue", "take-back", "--all")
    assert rc == 0 and out.startswith("0 handed-off payments taken back")


def test_upgrade_check_says_when_offline_payments_are_unsent(shop, capsys, tmp_path):
    """What the installers ask before an upgrade or uninstall: exit 10 while a payment accepted
    offline has not reached the network, 0 once it has been resolved; nothing is changed."""
    rc, out, _ = run(capsys, "--data-dir", str(shop), "upgrade-check")
    assert rc == 0 and "nothing accepted offline" in out
    ctx = AppContext(shop)
    inv = ctx.create_invoice(Tyiyn(150_00))
    ctx.close()
    f = tmp_path / "auth.json"
    f.write_text(authorization(chain_id=LOCAL_CHAIN, amount=inv.due_base))
    assert run(capsys, "--data-dir", str(shop), "payload", "accept", "--invoice", str(inv.id), str(f))[0] == 0
    def rows():
        import sqlite3
        db = sqlite3.connect(shop / "sompos.db")
        try:
            return [list(db.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in ("offline_payments", "audit_log")]
        finally:
            db.close()
    before = rows()
    rc, out, _ = run(capsys, "--data-dir", str(shop), "--json", "upgrade-check")
    assert rc == 10 and json.loads(out) == {"unsent": 1, "not_final": 1}
    rc, out, _ = run(capsys, "--data-dir", str(shop), "upgrade-check")
    assert rc == 10 and "1 payments accepted offline are not sent yet" in out
    assert rows() == before
    ctx = AppContext(shop)
    from pos_app.offline.lifecycle import QueueState
    ctx.offline.transition(1, QueueState.SUBMITTED, R("sent"))
    ctx.close()
    # Sent is not done (issue 18, 8: a node can swallow it and say it went through).
    rc, out, _ = run(capsys, "--data-dir", str(shop), "upgrade-check")
    assert rc == 10 and "sent but not yet final" in out
    ctx = AppContext(shop)
    ctx.offline.transition(1, QueueState.CANCELLED, R("authorization_cancelled"))   # a named end
    ctx.close()
    assert run(capsys, "--data-dir", str(shop), "upgrade-check")[0] == 0
