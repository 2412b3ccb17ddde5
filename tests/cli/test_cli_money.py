"""The CLI shows a sale's money as the counter does: received, still due or change; it charges a
sale again and cancels one, audited (issue 12 points 1 and 2)."""
from __future__ import annotations

import json
import time

from pos_app.core.reasons import R
from pos_app.app.context import AppContext
from pos_app.app.demo import accounts as A
from pos_app.chain.profiles import DEMO_CHAIN_ID
from pos_app.cli.main import main
from pos_app.core.money import Tyiyn, base_units_to_decimal_str
from pos_app.invoices.service import Transfer

PAYER = "0x86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def pay(ctx: AppContext, n: int, invoice_id: int, value: int) -> None:
    ctx.service.record_transfer(Transfer(
        chain_id=DEMO_CHAIN_ID, token=A.DEMO_TOKEN_ADDRESS, tx_hash="0x" + f"{n:064x}", log_index=0,
        block_number=100 + n, block_hash="0x" + f"{n + 1000:064x}", block_time=int(time.time()),
        payer=PAYER, payee=A.MERCHANT, value=value))
    ctx.service.recompute(invoice_id, R("payment_seen"))


def test_invoices_and_show_say_received_still_due_and_change(tmp_path, capsys):
    shop = tmp_path / "shop"
    ctx = AppContext(shop)
    som = 10 ** ctx.token_info().decimals
    over = ctx.create_invoice(Tyiyn(2000))
    pay(ctx, 2, over.id, over.amount_base + 5 * som)  # the sole open sale: 5 som over, typed by hand
    part = ctx.create_invoice(Tyiyn(15000))
    pay(ctx, 1, part.id, 50 * som)                    # the sole waiting sale: a part
    ctx.payers.set_name(PAYER, "Aibek", actor="cashier")
    rest = ctx.service.get(part.id).asked_base
    ctx.close()
    rc, out, err = run(capsys, "--data-dir", str(shop), "invoices")
    assert rc == 0 and err == ""
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "received 50.00 som, still due 100.00 som" in lines[str(part.id)]
    assert "received 25.00 som, give back 5.00 som" in lines[str(over.id)]
    rc, out, _ = run(capsys, "--data-dir", str(shop), "invoices", "--json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert (rows[part.id]["received"], rows[part.id]["still_due"], rows[part.id]["change"]) == ("50.00", "100.00", "0.00")
    assert rows[over.id]["change"] == "5.00"
    rc, out, _ = run(capsys, "--data-dir", str(shop), "show", str(part.id))
    assert rc == 0
    assert "still due 100.00 som" in out and "from Aibek" in out
    assert f"the QR asks the rest: exactly {base_units_to_decimal_str(rest, len(str(som)) - 1)}" in out
    assert base_units_to_decimal_str(rest, len(str(som)) - 1).startswith("100.00")


def test_charge_again_and_cancel_are_audited_and_refuse_finished_sales(tmp_path, capsys):
    shop = tmp_path / "shop"
    ctx = AppContext(shop)
    sale = ctx.create_invoice(Tyiyn(5000))
    ctx.store.execute("UPDATE invoices SET expires_at = created_at - 1 WHERE id = ?", (sale.id,))
    ctx.service.expire_due()
    ctx.close()
    rc, out, err = run(capsys, "--data-dir", str(shop), "charge-again", str(sale.id), "--actor", "aida")
    assert rc == 0, err
    assert f"Invoice {sale.id} asks again: 50.00 som still due" in out
    rc, out, err = run(capsys, "--data-dir", str(shop), "cancel", str(sale.id), "--reason", "left", "--actor", "aida")
    assert rc == 0 and f"Invoice {sale.id} is cancelled." in out
    rc, out, err = run(capsys, "--data-dir", str(shop), "charge-again", str(sale.id))
    assert rc != 0 and "Only a sale still waiting for money can be charged again." in err
    ctx = AppContext(shop)
    events = [(r["actor"], r["event"]) for r in ctx.store.query(
        "SELECT actor, event FROM audit_log WHERE actor != 'app' ORDER BY id")]
    assert events == [("aida", "charge_again"), ("aida", "mark_invalid")]
    assert ctx.service.get(sale.id).state.value == "invalid"
    ctx.close()


def test_show_json_gives_each_history_rows_code_and_its_english_line(tmp_path, capsys, monkeypatch):
    """Reasons are stored as codes (issue 19, 1): ``show --json`` hands a program the code and its
    parameters, and the English line beside it; a person's own words have no code."""
    shop = tmp_path / "shop"
    ctx = AppContext(shop)
    ctx.token_info()
    sale = ctx.create_invoice(Tyiyn(2000))
    other = ctx.create_invoice(Tyiyn(3000))
    ctx.close()
    assert run(capsys, "--data-dir", str(shop), "cancel", str(sale.id))[0] == 0
    assert run(capsys, "--data-dir", str(shop), "cancel", str(other.id), "--reason", "customer left")[0] == 0
    rc, out, _ = run(capsys, "--data-dir", str(shop), "--json", "show", str(sale.id))
    history = json.loads(out)["history"]
    assert rc == 0 and [(h["code"], h["params"], h["reason"]) for h in history] == [
        ("created", {}, "created"),
        ("marked_because", {"actor": "cashier", "reason": {"code": "sale_cancelled", "params": {}}},
         "marked by cashier: sale cancelled")]
    rc, out, _ = run(capsys, "--data-dir", str(shop), "--json", "show", str(other.id))
    last = json.loads(out)["history"][-1]
    assert (last["code"], last["params"], last["reason"]) == (
        "marked_because", {"actor": "cashier", "reason": "customer left"}, "marked by cashier: customer left")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "show", str(other.id))
    assert "Waiting → Cancelled: Marked by the cashier: customer left" in out   # the screens' words
    monkeypatch.delenv("SOMPOS_LANG")                                           # the shop's language: ru
    rc, out, _ = run(capsys, "--data-dir", str(shop), "show", str(other.id))
    assert "Ожидание → Отменено: Отмечено кассиром: customer left" in out, out
