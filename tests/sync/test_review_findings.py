"""Findings of an adversarial review of issue 10's changes, each reproduced first, then fixed:
a till renumbered while old sales are still watched, an imported sale taking a later payment by
amount, a cloned device key stranding a hand-over, and a clock set back holding up detection."""
from __future__ import annotations

import time

import pytest

from pos_app.core.reasons import R
from pos_app.shop.config import set_till
from pos_app.app.demo.chain import DemoChain
from pos_app.app.demo.headless import open_demo_context
from pos_app.core.errors import BadInput, ConfigError
from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.core.money import Tyiyn
from pos_app.handover.pairing import Pairings
from pos_app.keys import device as D


@pytest.fixture(scope="module")
def chain():
    c = DemoChain(block_time=1.0)
    yield c
    c.stop()


def shop(folder, chain, till="1/1"):
    ctx = open_demo_context(str(folder), chain)
    set_till(ctx.store, till)
    ctx.offline.record_sync(chain.chain_id, at=int(time.time()), gas_price=int(chain.w3.eth.gas_price))
    return ctx


def test_f1_a_till_is_not_renumbered_while_an_ended_sale_is_still_watched(tmp_path, chain):
    ctx = shop(tmp_path / "a", chain)
    try:
        inv = ctx.create_invoice(Tyiyn(10000))
        ctx.service.mark(inv.id, S.INVALID, actor="cashier")           # cancelled: no longer watched
        set_till(ctx.store, "1/2")
        set_till(ctx.store, "1/1")
        old = ctx.create_invoice(Tyiyn(10000))
        ctx.store.execute("UPDATE invoices SET expires_at = ? WHERE id = ?", (int(time.time()) - 60, old.id))
        ctx.service.expire_due()
        assert ctx.service.get(old.id).state == S.EXPIRED              # ended, but watched for 24 h more
        with pytest.raises(ConfigError, match="24 hours"):
            set_till(ctx.store, "1/2")
    finally:
        ctx.close()


def test_f4_an_imported_sale_never_takes_a_payment_by_amount(tmp_path, chain):
    chain.set_network(True)
    field, office = shop(tmp_path / "field", chain, "1/2"), shop(tmp_path / "office", chain, "2/2")
    try:
        wo = office.watcher()
        wo.ensure_cursor()
        inv = field.create_invoice(Tyiyn(10000))
        field.offline.accept(chain.sign_offline("Aigul", "raw_tx", inv.merchant, inv.due_base), inv.id,
                             field.offline_facts())
        field.export_handover(tmp_path / "q.jsonl")
        Pairings(office.store).pair(D.public_key_hex(D.device_key(field.data_dir)), actor="manager")
        got = office.import_handover(tmp_path / "q.jsonl")
        imported = office.service.get(got.invoice_ids[0])
        # Someone pays exactly the amount the imported sale carries, by an ordinary transfer (e.g. the
        # field till asks that amount again a day later): it is not this sale's payment.
        chain.pay("Bakyt", inv.merchant, imported.due_base)
        chain.mine(3)
        wo.scan_once()
        assert office.service.payments_for(imported.id) == []
        assert office.service.get(imported.id).paid_seen == 0
    finally:
        field.close()
        office.close()


def test_f4_a_copied_device_key_is_said_not_taken_as_nothing_to_do(tmp_path, chain):
    field, office = shop(tmp_path / "field", chain), shop(tmp_path / "office", chain)
    try:
        D.device_key(field.data_dir)                                   # the office was set up from a copy
        (office.data_dir / "device-key.pem").write_bytes((field.data_dir / "device-key.pem").read_bytes())
        inv = field.create_invoice(Tyiyn(5000))
        field.offline.accept(chain.sign_offline("Cholpon", "eip3009", inv.merchant, inv.due_base), inv.id,
                             field.offline_facts())
        field.export_handover(tmp_path / "q.jsonl")
        with pytest.raises(BadInput, match="copy of this till's key"):
            office.import_handover(tmp_path / "q.jsonl")
        assert office.offline.list() == []
    finally:
        field.close()
        office.close()


def test_f3_an_invoice_that_cannot_change_state_never_holds_up_detection(tmp_path, chain):
    """A clock set back can make an expired sale look new again, which the lifecycle forbids. The
    recompute that now shares the watcher's transaction must skip that invoice, not abort the
    transaction holding the range's payments (detection would stop for good)."""
    ctx = shop(tmp_path / "c", chain)
    try:
        stale = ctx.create_invoice(Tyiyn(4200))
        ctx.store.execute("UPDATE invoices SET state = 'expired' WHERE id = ?", (stale.id,))  # expiry still ahead
        other = ctx.create_invoice(Tyiyn(4300))
        with ctx.store.transaction() as c:
            changes = ctx.service.recompute_in(c, [stale.id, other.id], R("payment_seen"))
        assert changes == [] and ctx.service.get(stale.id).state == S.EXPIRED
    finally:
        ctx.close()


@pytest.mark.parametrize("field_till,office_till,words", [
    ("1/2", "1/2", "also till 1/2"), ("1/2", "2/3", "same number of tills"), ("2/2", "1/1", "same number")])
def test_f1_a_hand_over_between_tills_set_alike_or_apart_is_refused(tmp_path, chain, field_till, office_till, words):
    """Two tills told the same number (or different counts) would ask the same amounts: the file,
    which carries how its till is set, shows it."""
    field, office = shop(tmp_path / "field", chain, field_till), shop(tmp_path / "office", chain, office_till)
    try:
        inv = field.create_invoice(Tyiyn(3000))
        field.offline.accept(chain.sign_offline("Cholpon", "eip3009", inv.merchant, inv.due_base), inv.id,
                             field.offline_facts())
        field.export_handover(tmp_path / "q.jsonl")
        Pairings(office.store).pair(D.public_key_hex(D.device_key(field.data_dir)), actor="manager")
        with pytest.raises(BadInput, match=words):
            office.import_handover(tmp_path / "q.jsonl")
        assert office.offline.list() == []
    finally:
        field.close()
        office.close()
