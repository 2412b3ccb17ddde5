"""Issue 18: a short payment accepted as paid within the owner's tolerance, and a sale the chain
settled that loses its money again (reopened, named at start). Real database, transfers recorded
as the watcher records them."""
from __future__ import annotations

import time

import pytest

from pos_app.core.reasons import R
from pos_app.app.context import AppContext
from pos_app.chain import demo_constants as A
from pos_app.chain.profiles import DEMO_CHAIN_ID
from pos_app.core.errors import BadInput
from pos_app.core.money import Tyiyn
from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.invoices.model import Transfer
from pos_app.shop.config import check_short_tolerance, set_short_tolerance

PAYER = "0x86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F"


@pytest.fixture
def ctx(tmp_path):
    c = AppContext(tmp_path / "shop")
    c.token_info()
    yield c
    c.close()


def pay(ctx, n: int, value: int, *, final: bool = True) -> int:
    pid, _ = ctx.service.record_transfer(Transfer(
        chain_id=DEMO_CHAIN_ID, token=A.DEMO_TOKEN_ADDRESS, tx_hash="0x" + f"{n:064x}", log_index=0,
        block_number=100 + n, block_hash="0x" + f"{n + 1000:064x}", block_time=int(time.time()),
        payer=PAYER, payee=A.DEMO_MERCHANT, value=value))
    if final:
        with ctx.store.transaction() as c:
            changes = ctx.service.finalize_payments_in(c, [pid], [r["invoice_id"] for r in ctx.store.query(
                "SELECT invoice_id FROM payments WHERE id = ? AND invoice_id IS NOT NULL", (pid,))],
                R("payment_final"), now=int(time.time()))
        ctx.service.publish_changes(changes)
    return pid


def test_a_payment_short_by_an_exchange_fee_is_accepted_within_the_owners_tolerance(ctx):
    unit = 10 ** (ctx.token_info().decimals - 2)
    sale = ctx.create_invoice(Tyiyn(10000))
    pay(ctx, 1, 9960 * unit)                       # 99.60: an exchange kept 0.40 som
    short = ctx.service.get(sale.id)
    assert short.flags.partial and short.still_due_tyiyn == 40
    with pytest.raises(BadInput, match="has not allowed"):
        ctx.service.accept_short(sale.id, actor="cashier")      # no tolerance set: off
    set_short_tolerance(ctx.store, "0,30")
    with pytest.raises(BadInput, match="short by more than"):
        ctx.service.accept_short(sale.id, actor="cashier")
    assert ctx.service.get(sale.id).short_base == 0             # a refusal changes nothing
    set_short_tolerance(ctx.store, "0,50")
    got = ctx.service.accept_short(sale.id, actor="cashier")
    assert got.state == S.SETTLED and got.still_due_tyiyn == 0 and got.short_tyiyn == 40
    assert got.received_tyiyn == 9960 and got.change_tyiyn == 0 and not got.flags.partial
    audit = ctx.store.one("SELECT actor, detail FROM audit_log WHERE event = 'accept_short'")
    assert audit["actor"] == "cashier" and '"short_tyiyn": 40' in audit["detail"]
    assert [h["reason"] for h in ctx.service.history(sale.id)][-2:] == ["accepted short by cashier",
                                                                      "accepted short by cashier"]
    with pytest.raises(BadInput):                               # once only
        ctx.service.accept_short(sale.id, actor="cashier")


def test_only_a_part_paid_sale_on_the_network_can_be_accepted_short(ctx):
    set_short_tolerance(ctx.store, "1")
    unpaid = ctx.create_invoice(Tyiyn(50))                      # 0.50 som, nothing paid yet
    with pytest.raises(BadInput, match="partly paid"):
        ctx.service.accept_short(unpaid.id, actor="cashier")
    assert check_short_tolerance("0") == 0 and check_short_tolerance("100") == 10000
    with pytest.raises(BadInput):
        check_short_tolerance("100,01")
    with pytest.raises(BadInput):
        check_short_tolerance("-1")


def test_a_sale_the_chain_settled_is_reopened_when_its_money_leaves_and_the_start_check_names_it(ctx):
    sale = ctx.create_invoice(Tyiyn(15000))
    pid = pay(ctx, 2, sale.due_base)
    assert ctx.service.get(sale.id).state == S.SETTLED and ctx.service.get(sale.id).settled_by == "chain"
    marked = ctx.create_invoice(Tyiyn(700))
    ctx.service.mark(marked.id, S.SETTLED, actor="manager", reason="paid in cash")
    assert ctx.service.unbacked_settled() == []
    # The payment left the chain behind the invoice's back (an older version, a restored backup).
    ctx.store.execute("UPDATE payments SET status = 'removed' WHERE id = ?", (pid,))
    assert ctx.service.unbacked_settled() == [sale.id]          # the cashier's own settlement is not named
    from pos_app.cli.main import main
    assert main(["--data-dir", str(ctx.data_dir), "audit", "verify"]) == 1   # named by the audit too
    ctx.service.repair()
    got = ctx.service.get(sale.id)
    assert got.state in (S.NEW, S.EXPIRED) and got.received_tyiyn == 0 and got.reopened_at is not None
    assert got.settled_by is None and ctx.service.get(marked.id).state == S.SETTLED
    assert ctx.service.unbacked_settled() == []
    # A reorg that takes it away reopens it at once, in the watcher's own transaction.
    again = ctx.create_invoice(Tyiyn(15000))
    pay(ctx, 3, again.due_base)
    with ctx.store.transaction() as c:
        _rows, changes = ctx.service.remove_payments_in(c, DEMO_CHAIN_ID, A.DEMO_TOKEN_ADDRESS, A.DEMO_MERCHANT, 103,
                                                        R("payment_dropped"),
                                                        now=int(time.time()))
    assert [(old.state, new.state) for old, new in changes] == [(S.SETTLED, S.NEW)]
    assert ctx.service.get(again.id).reopened_at is not None


def test_the_command_line_says_short_reopened_and_the_clock(ctx, capsys):
    from pos_app.cli.main import main
    unit = 10 ** (ctx.token_info().decimals - 2)
    set_short_tolerance(ctx.store, "1")
    sale = ctx.create_invoice(Tyiyn(10000))
    pay(ctx, 5, 9960 * unit)
    capsys.readouterr()
    assert main(["--data-dir", str(ctx.data_dir), "accept-short", str(sale.id)]) == 0
    assert "accepted as paid, 0.40 som short" in capsys.readouterr().out
    assert main(["--data-dir", str(ctx.data_dir), "invoices"]) == 0
    assert "accepted 0.40 som short" in capsys.readouterr().out
    ctx.store.set_setting(f"clock_skew:{DEMO_CHAIN_ID}", 2 * 3600)       # as the watcher measured it
    assert main(["--data-dir", str(ctx.data_dir), "config", "show"]) == 0
    assert "2 h behind the network: set the date and time" in capsys.readouterr().out
    assert main(["--data-dir", str(ctx.data_dir), "accept-short", str(sale.id)]) == 2    # once only, one line
    assert capsys.readouterr().err.count("\n") == 1
