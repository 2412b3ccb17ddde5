"""Issue 10, finding 4, on a real EVM: a handed-off payment that no other till sends is not stranded.

The field till exports its queue (the file is lost, or a line was dropped on the way); once it is
online and the grace period has passed, its own engine takes the payments back and sends them.
If the office till sent them meanwhile, the chain lands each once: no double payment.
"""
from __future__ import annotations

import time

import pytest

from pos_app.app.demo import accounts as A
from pos_app.app.demo.chain import DemoChain
from pos_app.app.demo.headless import open_demo_context
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import QueueState as Q
from pos_app.offline.queue import HANDOFF_GRACE_S
from pos_app.handover.pairing import Pairings
from pos_app.keys import device as D
from pos_app.payments.watcher import PaymentWatcher
from pos_app.shop.config import set_till
from pos_app.invoices.lifecycle import InvoiceState as S


@pytest.fixture()
def chain():
    """A chain of its own per test: another test's payments to the demo shop would be a twin's here."""
    c = DemoChain(block_time=1.0)
    yield c
    c.stop()


def _shop(folder, chain, till="1/2"):
    ctx = open_demo_context(str(folder), chain)
    set_till(ctx.store, till)       # two tills of one shop: each its own number (issue 18, 5)
    ctx.offline.record_sync(chain.chain_id, at=int(time.time()), gas_price=int(chain.w3.eth.gas_price))
    return ctx


def _sell_offline(ctx, chain, customer, kind, som):
    inv = ctx.create_invoice(Tyiyn(som * 100))
    item, _ = ctx.offline.accept(chain.sign_offline(customer, kind, inv.merchant, inv.due_base), inv.id,
                                 ctx.offline_facts())
    return item


def _drive(engine, chain, done, passes=10):
    watchers = [PaymentWatcher(engine.store, engine.rpc, engine.profile, token=engine.token, merchant=engine.merchant,
                               service=engine.queue.service, offline=engine.queue)]
    for _ in range(passes):
        engine.pass_once()
        chain.mine(1)
        for w in watchers:
            w.scan_once()    # final only by the Transfer the watcher recorded (issue 18, 8)
        if done():
            return
    raise AssertionError("not final")


def test_f4_a_lost_hand_over_file_is_sent_by_the_exporting_till_after_the_grace(tmp_path, chain):
    chain.set_network(True)
    field = _shop(tmp_path / "field", chain)
    try:
        items = [_sell_offline(field, chain, "Aigul", "raw_tx", 30), _sell_offline(field, chain, "Bakyt", "eip3009", 40)]
        field.export_handover(tmp_path / "lost.jsonl")         # the stick is lost on the way
        before = chain.balance(A.MERCHANT)
        engine = field.sync_engine()
        engine.pass_once()                                      # online, but within the grace: left alone
        assert {field.offline.get(i.id).state for i in items} == {Q.QUEUED}
        engine.clock = lambda: time.time() + HANDOFF_GRACE_S + 5
        _drive(engine, chain, lambda: all(field.offline.get(i.id).state == Q.FINAL for i in items))
        assert chain.balance(A.MERCHANT) - before == sum(i.amount_base for i in items)
    finally:
        field.close()


def test_f4_both_tills_sending_one_handed_off_payment_land_it_once(tmp_path, chain):
    chain.set_network(True)
    field, office = _shop(tmp_path / "field", chain), _shop(tmp_path / "office", chain, "2/2")
    try:
        item = _sell_offline(field, chain, "Cholpon", "eip3009", 25)
        raw = _sell_offline(field, chain, "Aigul", "raw_tx", 15)
        # The next customer's sale on the field till, never paid: no money of the others may land on it.
        unrelated = field.create_invoice(Tyiyn(8000))
        field.export_handover(tmp_path / "q.jsonl")
        Pairings(office.store).pair(D.public_key_hex(D.device_key(field.data_dir)), actor="manager")
        assert office.import_handover(tmp_path / "q.jsonl").added == 2
        before = chain.balance(A.MERCHANT)
        _drive(office.sync_engine(), chain,
               lambda: all(i.state == Q.FINAL for i in office.offline.list()))
        # The field till comes online much later and takes back what it handed off: followed, not re-paid.
        engine = field.sync_engine()
        engine.clock = lambda: time.time() + HANDOFF_GRACE_S + 5
        _drive(engine, chain, lambda: all(field.offline.get(i.id).state == Q.FINAL for i in (item, raw)))
        assert chain.balance(A.MERCHANT) - before == item.amount_base + raw.amount_base
        # Issue 18, 3 and 4: each payment counted on exactly one sale across both tills, the field
        # till's own (the office only carried them), and never on the unrelated sale.
        for it in (item, raw):
            sale = field.service.get(it.invoice_id)
            assert sale.state == S.SETTLED and sale.paid_final == it.amount_base and not sale.carried
        assert field.service.get(unrelated.id).paid_seen == 0
        assert [(p["matched_by"], p["value"]) for p in field.service.unmatched()] == []
        carried = [office.service.get(i.invoice_id) for i in office.offline.list()]
        assert carried and all(c.carried and c.state == S.SETTLED for c in carried)
        assert office.store.query("SELECT id FROM invoices WHERE carried_for IS NULL") == []
        assert office.service.unmatched() == []
    finally:
        field.close()
        office.close()
