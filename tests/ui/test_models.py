"""qtmodeltester on every table model of pos_app/ui, with rows and empty, outside any window
(STYLE.md point 9). The payment model's check is in test_sale_flow.py, the queue model's rows in
test_offline_accept.py; here the invoice model, the sales list's sorting proxy, and the empty queue."""
from __future__ import annotations

import pytest

from pos_app.app.context import AppContext
from pos_app.core.money import Tyiyn
from pos_app.invoices.lifecycle import InvoiceState


@pytest.fixture
def invoices(tmp_path, demo_chain):
    ctx = AppContext(tmp_path / "shop", embedded_w3=demo_chain.shop_w3)
    made = [ctx.create_invoice(Tyiyn(amount)) for amount in (1000, 15050, 99)]
    made[1] = ctx.service.mark(made[1].id, InvoiceState.INVALID, actor="test", reason="sale cancelled")
    yield ctx, made
    ctx.close()


def test_invoice_model_passes_qtmodeltester_with_rows_empty_and_live_updates(qtmodeltester, invoices):
    from pos_app.ui.models.tables import InvoiceTableModel
    ctx, made = invoices
    model = InvoiceTableModel("en")
    model.set_rows(made[:2], {made[0].id: ("0x" + "ab" * 20, "0x" + "cd" * 32)})
    qtmodeltester.check(model)          # the tester stays attached: the changes below are checked too
    assert model.rowCount() == 2 and model.columnCount() == 8
    # A payer without a name shows in short form, never as 0x… (issue 12 point 5).
    assert model.index(1, 6).data() == "Cancelled" and model.index(0, 7).data() == "abab…abab"
    model.upsert(made[2])               # a new sale: inserted on top
    model.upsert(made[0])               # a changed one: its row changes in place
    assert model.rowCount() == 3 and model.invoice_at(0).id == made[2].id
    model.set_rows([], {})
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    model.upsert(made[1])               # the first sale of the day into an empty list
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_sales_list_proxy_passes_qtmodeltester_sorted_and_filtered(qtbot, qtmodeltester, invoices):
    from pos_app.ui.models.tables import InvoiceTableModel
    from pos_app.ui.screens.sales.sales_list import SalesList
    _ctx, made = invoices
    model = InvoiceTableModel("en")
    screen = SalesList(model)
    qtbot.addWidget(screen)
    qtmodeltester.check(screen.proxy)
    model.set_rows(made, {})
    screen.proxy.sort(2)                # by amount: numbers sort as numbers (99 < 1000 < 15050)
    assert [screen.proxy.index(r, 2).data() for r in range(3)] == ["0.99 som", "10.00 som", "150.50 som"]
    screen.filter.setText("150.50")
    assert screen.proxy.rowCount() == 1
    qtmodeltester.check(screen.proxy)
    screen.filter.setText("")
    qtmodeltester.check(screen.proxy)


def test_empty_queue_and_unmatched_models_pass_qtmodeltester(qtmodeltester):
    from pos_app.ui.models.tables import PaymentTableModel
    from pos_app.ui.screens.offline.queue_view import QueueTableModel
    for model in (QueueTableModel("en"), PaymentTableModel()):
        qtmodeltester.check(model)
        assert model.rowCount() == 0 and model.columnCount() > 0


def test_the_sales_search_finds_what_the_screen_shows_and_the_full_addresses(qtbot, invoices):
    """Issue 12 point 9: "переплата" (shown in the state column), the state's own name ("settled",
    as the history names it), the whole payer address (the table shows it shortened) and the
    amount as a cashier types it."""
    from dataclasses import replace

    from pos_app.invoices.lifecycle import Flags
    from pos_app.ui.models.tables import InvoiceTableModel
    from pos_app.ui.screens.sales.sales_list import SalesList
    from pos_app.ui.shell.i18n import install_language
    _ctx, made = invoices
    install_language("ru")
    try:
        model = InvoiceTableModel("ru")
        screen = SalesList(model)
        qtbot.addWidget(screen)
        paid_over = replace(made[1], state=InvoiceState.SETTLED, flags=Flags(over=True))
        payer = "0x86cB" + "12" * 15 + "aA5F"
        model.set_rows([made[0], paid_over, made[2]], {paid_over.id: (payer, "0x" + "ef" * 32)})
        assert "переплата" in model.index(1, 6).data()

        def found(text: str) -> list[int]:
            screen.filter.setText(text)
            return [screen.proxy.index(r, 1).data() for r in range(screen.proxy.rowCount())]
        assert found("переплата") == [str(paid_over.id)]
        assert found("settled") == [str(paid_over.id)]
        assert found(payer.lower()) == [str(paid_over.id)]
        assert found("150,50") == [str(paid_over.id)] and found("150.50") == [str(paid_over.id)]
        assert found("ef" * 20) == [str(paid_over.id)]
        assert len(found("")) == 3
    finally:
        install_language("en")
