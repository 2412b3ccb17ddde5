"""The durable offline queue: accept commits everything at once, seen-before is forever, limits bite."""
from __future__ import annotations

import time

import pytest

from pos_app.core.reasons import R
from pos_app.core.sending import Bookkeeping, Failed, Failure, Final, Included, NeedsPerson
from pos_app.core.errors import BadInput, IllegalTransition
from pos_app.core.events import EventBus
from pos_app.invoices.service import InvoiceService
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import QueueState
from pos_app.offline.payload import PayloadRefused
from pos_app.offline.queue import OfflineQueue
from pos_app.offline.risk import Limits
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store.db import open_store

from payloads import (CHAIN, DECIMALS, GWEI, MERCHANT, OTHER_KEY, PAYER, PAYER_KEY, SOM, TOKEN, authorization,
                      facts, raw_transfer)

NOW = int(time.time())


@pytest.fixture()
def shop(tmp_path):
    store = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    events = EventBus()
    svc = InvoiceService(store, events=events)
    q = OfflineQueue(store, svc, events)
    q.record_sync(CHAIN, at=NOW - 60, gas_price=GWEI // 10)
    yield store, svc, q, events
    store.close()


def invoice(svc, som: int = 150):
    return svc.create(Tyiyn(som * 100), chain_id=CHAIN, token=TOKEN, merchant=MERCHANT, decimals=DECIMALS,
                      expiry_seconds=900)


def test_accept_commits_item_history_invoice_link_and_audit(shop):
    store, svc, q, events = shop
    inv = invoice(svc)
    seen = []
    events.subscribe(lambda e: seen.append(e.kind))
    text = raw_transfer(amount=inv.due_base)
    item, dup = q.accept(text, inv.id, facts(), now=NOW)
    assert not dup and item.state == QueueState.QUEUED and item.invoice_id == inv.id
    assert item.payer == PAYER and item.amount_base == inv.due_base and item.tx_hash
    assert [h["to_state"] for h in q.history(item.id)] == ["received", "queued"]
    assert svc.get(inv.id).offline_id == item.id
    assert "offline.changed" in seen and "invoice.changed" in seen
    assert store.one("SELECT event FROM audit_log ORDER BY id DESC LIMIT 1")["event"] == "offline.accept"
    assert store.verify_audit_chain()


def test_same_payload_same_invoice_is_an_idempotent_retry(shop):
    store, svc, q, _ = shop
    inv = invoice(svc)
    text = raw_transfer(amount=inv.due_base)
    first, _ = q.accept(text, inv.id, facts(), now=NOW)
    again, dup = q.accept(text, inv.id, facts(), now=NOW + 5)
    assert dup and again.id == first.id
    assert store.one("SELECT COUNT(*) AS n FROM offline_payments")["n"] == 1


def test_seen_before_is_refused_for_another_invoice(shop):
    _, svc, q, _ = shop
    a, b = invoice(svc), invoice(svc)
    text = raw_transfer(amount=a.due_base)
    q.accept(text, a.id, facts(), now=NOW)
    with pytest.raises(PayloadRefused) as e:
        q.accept(text, b.id, facts(), now=NOW)
    assert e.value.code == "seen_before"
    v = q.evaluate(text, facts(), due_base=b.amount_base, now=NOW)
    assert not v.ok and v.code == "seen_before"


def test_same_payer_nonce_with_other_bytes_is_refused(shop):
    _, svc, q, _ = shop
    a, b = invoice(svc), invoice(svc)
    q.accept(raw_transfer(amount=a.due_base, nonce=4), a.id, facts(), now=NOW)
    q.transition(q.list()[0].id, QueueState.SUBMITTED, R("sent"))  # no longer blocks as "pending raw" ...
    q.transition(q.list()[0].id, QueueState.INCLUDED, R("in_block", number=1))
    q.transition(q.list()[0].id, QueueState.FINAL, R("final"))
    v = q.evaluate(raw_transfer(amount=b.due_base, nonce=4, gas=70_000), facts(), due_base=b.amount_base, now=NOW)
    assert not v.ok and v.code == "nonce_seen"                # ... but the nonce is spent forever


def test_same_authorization_nonce_is_refused(shop):
    _, svc, q, _ = shop
    a, b = invoice(svc), invoice(svc)
    nonce = bytes(range(32))
    q.accept(authorization(amount=a.due_base, nonce=nonce), a.id, facts(), now=NOW)
    v = q.evaluate(authorization(amount=b.due_base, nonce=nonce, valid_before=NOW + 5 * 86400), facts(),
                   due_base=b.amount_base, now=NOW)
    assert not v.ok and v.code == "seen_before"


def test_one_pending_raw_transaction_per_payer_but_authorizations_may_follow(shop):
    store, svc, q, _ = shop
    q.save_snapshot(CHAIN, TOKEN, PAYER, balance_base=10_000 * SOM, nonce=0, at=NOW)
    a, b, c = invoice(svc), invoice(svc), invoice(svc)
    q.accept(raw_transfer(amount=a.due_base, nonce=0), a.id, facts(), now=NOW)
    v = q.evaluate(raw_transfer(amount=b.due_base, nonce=1), facts(), due_base=b.amount_base, now=NOW)
    assert v.code == "payer_pending"
    assert q.evaluate(authorization(amount=c.due_base), facts(), due_base=c.amount_base, now=NOW).ok


def test_payer_cap_uses_snapshot_minus_queued(shop):
    _, svc, q, _ = shop
    q.save_snapshot(CHAIN, TOKEN, PAYER, balance_base=300 * SOM, nonce=0, at=NOW)
    a, b = invoice(svc, 200), invoice(svc, 150)
    q.accept(authorization(amount=a.due_base), a.id, facts(), now=NOW)
    v = q.evaluate(authorization(amount=b.due_base), facts(), due_base=b.amount_base, now=NOW)
    assert v.code == "over_payer_cap"                          # 300 - 200 < 150
    c = invoice(svc, 100)
    assert q.evaluate(authorization(amount=c.amount_base), facts(), due_base=c.amount_base, now=NOW).ok


def test_used_nonce_from_snapshot_is_refused(shop):
    _, svc, q, _ = shop
    q.save_snapshot(CHAIN, TOKEN, PAYER, balance_base=1000 * SOM, nonce=5, at=NOW)
    inv = invoice(svc)
    assert q.evaluate(raw_transfer(amount=inv.due_base, nonce=4), facts(), due_base=inv.amount_base,
                      now=NOW).code == "nonce_used"
    assert q.evaluate(raw_transfer(amount=inv.due_base, nonce=5), facts(), due_base=inv.amount_base, now=NOW).ok


def test_unknown_payer_is_capped(shop):
    _, svc, q, _ = shop
    inv = invoice(svc, 1000)
    assert q.evaluate(authorization(amount=inv.due_base), facts(), due_base=inv.amount_base, now=NOW).ok
    big = invoice(svc, 1001)
    assert q.evaluate(authorization(amount=big.due_base), facts(), due_base=big.amount_base,
                      now=NOW).code == "over_payer_cap"


def test_device_totals_and_count_limits_at_their_edges(shop):
    _, svc, q, _ = shop
    q.set_limits(Limits(total_tyiyn=250_00, max_items=2, unknown_payer_tyiyn=10_000_00))
    a, b = invoice(svc, 100), invoice(svc, 100)
    q.accept(authorization(amount=a.due_base), a.id, facts(), now=NOW)
    c = invoice(svc, 151)
    assert q.evaluate(authorization(amount=c.due_base), facts(), due_base=c.amount_base,
                      now=NOW).code == "over_total_limit"
    assert q.evaluate(authorization(amount=b.due_base), facts(), due_base=b.amount_base, now=NOW).ok
    q.accept(authorization(amount=b.due_base), b.id, facts(), now=NOW)   # total 200.xx, 2 items
    d = invoice(svc, 1)
    assert q.evaluate(authorization(amount=d.due_base), facts(), due_base=d.amount_base,
                      now=NOW).code == "too_many"


def test_per_payment_limit_edge(shop):
    _, svc, q, _ = shop
    q.set_limits(Limits(per_payment_tyiyn=150_00, unknown_payer_tyiyn=10_000_00))
    inv = invoice(svc, 150)
    assert q.evaluate(authorization(amount=inv.amount_base), facts(), due_base=inv.amount_base, now=NOW).ok
    assert q.evaluate(authorization(amount=inv.amount_base + SOM // 100), facts(), due_base=inv.amount_base,
                      now=NOW).code == "over_payment_limit"


def test_time_limits_warn_at_12h_refuse_at_24h_and_after_30_days_offline(shop):
    _, svc, q, _ = shop
    first = invoice(svc)
    q.accept(authorization(amount=first.due_base, valid_before=NOW + 3 * 86400), first.id, facts(), now=NOW)
    inv = invoice(svc)

    def check(at):
        return q.evaluate(authorization(amount=inv.due_base, valid_before=NOW + 3 * 86400), facts(),
                          due_base=inv.amount_base, now=at)
    assert check(NOW + 12 * 3600 - 1).warnings == ()
    assert check(NOW + 12 * 3600).warnings == ("queue_old",)
    assert check(NOW + 24 * 3600 - 1).ok
    assert check(NOW + 24 * 3600).code == "queue_too_old"
    q.record_sync(CHAIN, at=NOW - 30 * 86400)
    assert q.evaluate(raw_transfer(amount=inv.due_base), facts(), due_base=inv.amount_base,
                      now=NOW).code == "sync_too_old"


def test_never_synced_till_refuses_and_last_sync_30_days_edge(tmp_path):
    store = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    svc = InvoiceService(store)
    q = OfflineQueue(store, svc)
    inv = invoice(svc)
    text = authorization(amount=inv.due_base)
    assert q.evaluate(text, facts(), due_base=inv.amount_base, now=NOW).code == "never_synced"
    q.record_sync(CHAIN, at=NOW - 30 * 86400 + 1)
    assert q.evaluate(text, facts(), due_base=inv.amount_base, now=NOW).ok
    q.record_sync(CHAIN, at=NOW - 30 * 86400)
    assert q.evaluate(text, facts(), due_base=inv.amount_base, now=NOW).code == "sync_too_old"
    store.close()


def test_authorization_must_outlive_the_sync_deadline_of_the_first_unsent_payment(shop):
    _, svc, q, _ = shop
    a, b = invoice(svc), invoice(svc)
    q.accept(authorization(amount=a.due_base), a.id, facts(), now=NOW)
    later = NOW + 10 * 3600
    deadline = NOW + 24 * 3600    # fixed by the first unsent payment, not by the new one
    ok = authorization(amount=b.due_base, valid_before=deadline)
    short = authorization(amount=b.due_base, valid_before=deadline - 1)
    assert q.evaluate(short, facts(), due_base=b.amount_base, now=later).code == "expires_before_sync"
    assert q.evaluate(ok, facts(), due_base=b.amount_base, now=later).ok


def test_payer_with_a_failure_is_flagged_and_capped_lower(shop):
    _, svc, q, _ = shop
    q.save_snapshot(CHAIN, TOKEN, PAYER, balance_base=400 * SOM, nonce=0, at=NOW)
    a = invoice(svc)
    item, _ = q.accept(authorization(amount=a.due_base), a.id, facts(), now=NOW)
    q.transition(item.id, QueueState.CANCELLED, R("authorization_cancelled"))
    b = invoice(svc, 150)
    v = q.evaluate(authorization(amount=b.due_base), facts(), due_base=b.amount_base, now=NOW)
    assert v.ok and "payer_failed_before" in v.warnings
    c = invoice(svc, 201)
    assert q.evaluate(authorization(amount=c.due_base), facts(), due_base=c.amount_base,
                      now=NOW).code == "over_payer_cap"       # 400 / 2


def test_accept_refuses_closed_or_already_covered_invoices(shop):
    _, svc, q, _ = shop
    inv = invoice(svc)
    q.accept(authorization(amount=inv.due_base), inv.id, facts(), now=NOW)
    with pytest.raises(BadInput):
        q.accept(authorization(amount=inv.due_base), inv.id, facts(), now=NOW)
    from pos_app.invoices.lifecycle import InvoiceState
    other = invoice(svc)
    svc.mark(other.id, InvoiceState.INVALID, actor="cashier", reason="cancelled")
    with pytest.raises(BadInput):
        q.accept(authorization(amount=other.due_base), other.id, facts(), now=NOW)


def test_refused_accept_changes_nothing(shop):
    store, svc, q, _ = shop
    inv = invoice(svc)
    before = store.one("SELECT COUNT(*) AS n FROM audit_log")["n"]
    with pytest.raises(PayloadRefused):
        q.accept(raw_transfer(amount=inv.due_base, to="0x" + "34" * 20), inv.id, facts(), now=NOW)
    assert store.one("SELECT COUNT(*) AS n FROM offline_payments")["n"] == 0
    assert store.one("SELECT COUNT(*) AS n FROM audit_log")["n"] == before
    assert svc.get(inv.id).offline_id is None


def test_nothing_is_deleted_and_illegal_transitions_raise(shop):
    store, svc, q, _ = shop
    inv = invoice(svc)
    item, _ = q.accept(authorization(amount=inv.due_base), inv.id, facts(), now=NOW)
    with pytest.raises(IllegalTransition):
        q.transition(item.id, QueueState.FINAL, R("final"))
    q.transition(item.id, QueueState.EXPIRED, R("authorization_expired_unsent"))
    with pytest.raises(IllegalTransition):
        q.transition(item.id, QueueState.QUEUED, R("verified_offline"))
    assert q.get(item.id).state == QueueState.EXPIRED
    s = q.summary(CHAIN)
    assert (s.pending_count, s.failed_count) == (0, 1)


def test_summary_counts_and_deadline(shop):
    _, svc, q, _ = shop
    a, b = invoice(svc, 100), invoice(svc, 50)
    q.accept(authorization(amount=a.due_base), a.id, facts(), now=NOW)
    q.accept(authorization(key=OTHER_KEY, amount=b.due_base), b.id, facts(), now=NOW + 100)
    s = q.summary(CHAIN)
    assert (s.pending_count, s.pending_tyiyn, s.unsent_count) == (2, 150_00, 2)
    assert s.first_unsent_at == NOW and s.deadline == NOW + 24 * 3600 and s.warn_at == NOW + 12 * 3600


@pytest.mark.parametrize("value", ["٤٨", "۴۸", "４８", "-3", "1_000", "48.5", ""])
def test_f15_offline_limits_take_digits_0_to_9_only(value):
    """The core rule, not only the CLI's: other scripts' digits or a sign never become a limit."""
    from pos_app.core.errors import ConfigError
    from pos_app.offline.risk import Limits, with_limit
    with pytest.raises(ConfigError):
        with_limit(Limits(), "refuse-after", value)
    assert with_limit(Limits(), "refuse-after", " 48 ").refuse_after_s == 48 * 3600


# -- the owner's methods other packages call (the engine, the hand-over) ------------------------------
def test_apply_moves_through_the_lifecycle_table_and_leaves_a_forbidden_move_alone(shop):
    store, svc, q, _ = shop
    inv = invoice(svc)
    item, _ = q.accept(raw_transfer(amount=inv.due_base), inv.id, facts(), now=NOW)
    row = store.one("SELECT * FROM offline_payments WHERE id = ?", (item.id,))
    # queued -> included is in the table: one step.
    assert q.apply([Included(row, R("in_block", number=7), {"block_number": 7})], now=NOW + 1) == [item.id]
    assert q.get(item.id).state == QueueState.INCLUDED
    assert store.one("SELECT block_number FROM offline_payments WHERE id = ?", (item.id,))["block_number"] == 7
    # included -> double_spent is not, but included -> submitted -> double_spent is: two steps.
    assert q.apply([Failed(row, R("double_spent"), failure=Failure.DOUBLE_SPENT)], now=NOW + 3) == [item.id]
    assert [h["to_state"] for h in q.history(item.id)] == ["received", "queued", "included", "submitted",
                                                          "double_spent"]
    # double_spent -> final is in the table neither directly nor through submitted: left alone,
    # columns and all (the item changed meanwhile; the engine decides again next pass).
    assert q.apply([Final(row, R("money_final"), {"attempts": 9})], now=NOW + 3) == []
    assert q.get(item.id).state == QueueState.DOUBLE_SPENT
    assert store.one("SELECT attempts FROM offline_payments WHERE id = ?", (item.id,))["attempts"] == 0
    with pytest.raises(ValueError):
        q.apply([Bookkeeping(row, columns={"state": "final"})], now=NOW + 4)
    assert q.get(item.id).state == QueueState.DOUBLE_SPENT


def test_a_payment_that_needs_attention_is_sent_again_by_a_person_and_nothing_else_is(shop):
    """needs_attention had no way out but the money's arrival (issue 19, point 3): a person puts it
    back in line, audited, with a code in its history; any other state is refused, unchanged."""
    from pos_app.core.errors import BadInput, NotFound
    store, svc, q, _ = shop
    inv = invoice(svc)
    item, _ = q.accept(raw_transfer(amount=inv.due_base), inv.id, facts(), now=NOW)
    with pytest.raises(BadInput):
        q.send_again(item.id, actor="aida", now=NOW + 1)          # queued: nothing to do
    assert q.get(item.id).state == QueueState.QUEUED
    with pytest.raises(NotFound):
        q.send_again(999, actor="aida")
    row = store.one("SELECT * FROM offline_payments WHERE id = ?", (item.id,))
    q.apply([NeedsPerson(row, R("relay_not_mined", minutes=30))], now=NOW + 2)
    again = q.send_again(item.id, actor="aida", now=NOW + 3)
    assert again.state == QueueState.QUEUED
    last = q.history(item.id)[-1]
    assert last["why"].code == "sent_again_by" and last["why"].params == {"actor": "aida"}
    audit = store.query("SELECT actor, event FROM audit_log WHERE event = 'offline.send_again'")
    assert audit == [{"actor": "aida", "event": "offline.send_again"}]
    assert store.one("SELECT next_try_at FROM offline_payments WHERE id = ?", (item.id,))["next_try_at"] == NOW + 3


def test_a_sale_whose_offline_payment_failed_can_still_be_cancelled(shop):
    """Only a pending offline payment keeps its sale from being cancelled (invoices/refusals.py):
    once it failed (spent elsewhere), the sale is the shop's to cancel, as before."""
    from pos_app.core.errors import BadInput
    from pos_app.invoices.lifecycle import InvoiceState
    store, svc, q, _ = shop
    inv = invoice(svc)
    item, _ = q.accept(raw_transfer(amount=inv.due_base), inv.id, facts(), now=NOW)
    with pytest.raises(BadInput, match="paid offline"):
        svc.mark(inv.id, InvoiceState.INVALID, actor="cli", reason=R("sale_cancelled"))
    row = store.one("SELECT * FROM offline_payments WHERE id = ?", (item.id,))
    q.apply([Failed(row, R("double_spent"), failure=Failure.DOUBLE_SPENT)], now=NOW + 1)
    assert svc.mark(inv.id, InvoiceState.INVALID, actor="cli", reason=R("sale_cancelled")).state == InvoiceState.INVALID


def test_a_sending_decision_sets_only_sending_columns_and_moves_only_with_a_reason():
    """The outbox decides where an item's transaction is and its retries, nothing else of the
    queue's row (issue 19, point 3): the payload, the amount, the sale and the state are the queue's."""
    from pos_app.core.sending import SENDING_COLUMNS
    row = {"id": 1}
    for column in ("payload", "amount_base", "invoice_id", "payer", "state", "handed_off_at", "idem_key"):
        with pytest.raises(ValueError):
            Bookkeeping(row, columns={column: 1})
    with pytest.raises(TypeError):
        Final(row, None)
    with pytest.raises(TypeError):
        Final(row, "landed")          # words, not a code
    assert Bookkeeping(row, columns={c: None for c in SENDING_COLUMNS}).columns.keys() == SENDING_COLUMNS


def test_import_item_queues_through_the_lifecycle_and_links_the_invoice(shop):
    from pos_app.offline.payload import parse_payload
    store, svc, q, _ = shop
    inv = invoice(svc)
    payload = parse_payload(raw_transfer(amount=inv.due_base - 7))
    item_id = q.import_item(payload, invoice_id=inv.id, chain_id=CHAIN, decimals=DECIMALS,
                            verdict={"code": "ok"}, device="ab" * 8, reason=R("imported_from", device="x", invoice=1),
                            due_base=inv.due_base - 7, now=NOW)
    item = q.get(item_id)
    assert item.state == QueueState.QUEUED and item.invoice_id == inv.id and item.amount_base == inv.due_base - 7
    assert [(h["from_state"], h["to_state"]) for h in q.history(item_id)] == [(None, "received"),
                                                                             ("received", "queued")]
    row = store.one("SELECT source, imported_from, imported_device FROM offline_payments WHERE id = ?", (item_id,))
    assert row == {"source": "import", "imported_from": "ab" * 8, "imported_device": "ab" * 8}
    got = svc.get(inv.id)
    assert got.offline_id == item_id and got.due_base == inv.due_base - 7 and got.state == inv.state
    assert svc.history(inv.id)[-1]["reason"] == (f"handed over from device {'ab' * 8}, pending network "
                                                 f"(offline payment {item_id})")


def test_mark_handed_marks_only_items_still_as_they_were_read(shop):
    _, svc, q, _ = shop
    items = [q.accept(raw_transfer(key=key, amount=inv.due_base), inv.id, facts(), now=NOW)[0]
             for key, inv in [(PAYER_KEY, invoice(svc, 10)), (OTHER_KEY, invoice(svc, 20))]]
    read = {i.id: (i.state.value, None) for i in items}
    q.transition(items[0].id, QueueState.SUBMITTED, R("sent"), now=NOW + 1)
    assert q.mark_handed(read, file_digest="d" * 64, now=NOW + 2) == [items[1].id]
    assert q.get(items[0].id).handed_off_at is None and q.get(items[1].id).handed_off_at == NOW + 2
    assert q.mark_handed(read, file_digest="d" * 64, now=NOW + 3) == []     # already handed: not again


def test_resolve_collect_again_cancels_the_sale_through_the_invoice_lifecycle(shop):
    _, svc, q, _ = shop
    inv = invoice(svc)
    item, _ = q.accept(raw_transfer(amount=inv.due_base), inv.id, facts(), now=NOW)
    q.transition(item.id, QueueState.REJECTED, R("fee_too_low"), now=NOW + 1)
    q.resolve(item.id, "collect_again", now=NOW + 2)
    got = svc.get(inv.id)
    assert got.state.value == "invalid"
    assert svc.history(inv.id)[-1]["from_state"] == "new" and svc.history(inv.id)[-1]["to_state"] == "invalid"
