"""Issue 10, point 2: a signed transfer with a skipped transaction number never hangs for ever.

On the in-process EVM (eth-tester + py-evm, the demo network). With a snapshot of the payer, a
transfer that cannot be next is refused at acceptance with a sentence a cashier understands.
Without one it is accepted (the unknown-payer cap bounds that risk); the node then refuses it
("expected 0, got 5") on every send, and after the stuck deadline (an injected clock) it becomes
the failure ``stuck``: the engine stops waiting for it and the cashier can collect again.
"""
from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from eth_abi import encode
from eth_account import Account

from pos_app.app.demo import accounts as A
from pos_app.app.demo.chain import DemoChain
from pos_app.app.demo.headless import open_demo_context
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import FAILURES
from pos_app.offline.lifecycle import QueueState as Q
from pos_app.offline.payload import PayloadRefused
from pos_app.offline.risk import Limits, with_limit
from pos_app.core.errors import ConfigError
from pos_app.core.events import OfflineOutcome

MIN = 60


@pytest.fixture(scope="module")
def chain():
    c = DemoChain(block_time=1.0)
    yield c
    c.stop()


@pytest.fixture()
def shop(tmp_path, chain):
    chain.set_network(True)
    ctx = open_demo_context(str(tmp_path), chain)
    ctx.offline.record_sync(chain.chain_id, at=int(time.time()), gas_price=int(chain.w3.eth.gas_price))
    yield ctx
    chain.set_network(True)
    ctx.close()


def signed(chain, customer: str, amount: int, *, skip: int = 0) -> str:
    """A wallet's signed transfer to the shop, numbered ``skip`` past the wallet's next number."""
    key = A.CUSTOMER_KEYS[customer]
    sender = Account.from_key(key).address
    price = int(chain.w3.eth.gas_price)
    tx = {"type": 2, "chainId": chain.chain_id, "nonce": chain.w3.eth.get_transaction_count(sender) + skip,
          "to": chain.token.address, "value": 0, "gas": 80_000, "maxFeePerGas": 3 * price,
          "maxPriorityFeePerGas": price,
          "data": bytes.fromhex("a9059cbb") + encode(["address", "uint256"], [A.MERCHANT, int(amount)])}
    return "0x" + bytes(Account.sign_transaction(tx, key).raw_transaction).hex()


def snapshot(ctx, chain, customer: str) -> None:
    """What the till reads about a payer at a sync (balance and next transaction number)."""
    address = A.CUSTOMERS[customer]
    ctx.offline.save_snapshot(chain.chain_id, chain.token.address, address,
                              balance_base=int(chain.token.functions.balanceOf(address).call()),
                              nonce=chain.w3.eth.get_transaction_count(address), at=int(time.time()))


class Clock:
    def __init__(self) -> None:
        self.now = float(int(time.time()))

    def __call__(self) -> float:
        return self.now


# -- refused at acceptance --------------------------------------------------------------------------

def test_f2_skipped_nonce_is_refused_at_acceptance_with_a_snapshot(shop, chain):
    ctx = shop
    snapshot(ctx, chain, "Aigul")
    inv = ctx.create_invoice(Tyiyn(150_00))
    gap = signed(chain, "Aigul", inv.due_base, skip=5)
    v = ctx.offline.evaluate(gap, ctx.offline_facts(), due_base=inv.amount_base)
    assert not v.ok and v.code == "nonce_gap" and v.params == {"count": 5}
    assert "must first send 5 earlier payment" in v.reason and "nonce" not in v.reason.lower()
    with pytest.raises(PayloadRefused) as e:
        ctx.offline.accept(gap, inv.id, ctx.offline_facts())
    assert e.value.code == "nonce_gap"
    assert ctx.offline.list() == [] and ctx.service.get(inv.id).offline_id is None
    # The wallet's real next number is accepted.
    assert ctx.offline.evaluate(signed(chain, "Aigul", inv.due_base), ctx.offline_facts(),
                                due_base=inv.amount_base).ok


def test_f2_payments_already_sent_since_the_snapshot_count_towards_the_next_number(shop, chain):
    """The snapshot is older than this till's own payments from the payer: those numbers count."""
    ctx = shop
    snapshot(ctx, chain, "Bakyt")
    first = ctx.create_invoice(Tyiyn(20_00))
    item, _ = ctx.offline.accept(signed(chain, "Bakyt", first.due_base), first.id, ctx.offline_facts())
    engine, watcher = ctx.sync_engine(), ctx.watcher()
    for _ in range(8):
        engine.pass_once()
        chain.mine(1)
        watcher.scan_once()          # final only by the Transfer the watcher recorded (issue 18, 8)
        if ctx.offline.get(item.id).state == Q.FINAL:
            break
    assert ctx.offline.get(item.id).state == Q.FINAL
    inv = ctx.create_invoice(Tyiyn(30_00))
    # The snapshot still says the old number; the wallet's next one (old + 1) is fine ...
    assert ctx.offline.evaluate(signed(chain, "Bakyt", inv.due_base), ctx.offline_facts(),
                                due_base=inv.amount_base).ok
    # ... one past it is a gap of one, and the number just used is spent.
    v = ctx.offline.evaluate(signed(chain, "Bakyt", inv.due_base, skip=1), ctx.offline_facts(),
                             due_base=inv.amount_base)
    assert v.code == "nonce_gap" and v.params == {"count": 1}
    v = ctx.offline.evaluate(signed(chain, "Bakyt", inv.due_base, skip=-1), ctx.offline_facts(),
                             due_base=inv.amount_base)
    assert v.code in ("nonce_used", "nonce_seen")


# -- accepted without a snapshot, then given up as stuck ------------------------------------------------

def test_f2_gap_transfer_without_snapshot_becomes_stuck_after_the_deadline(shop, chain):
    ctx = shop
    payer = A.CUSTOMERS["Cholpon"]
    assert ctx.store.one("SELECT 1 FROM payer_snapshots WHERE payer = ?", (payer,)) is None
    inv = ctx.create_invoice(Tyiyn(40_00))
    item, _ = ctx.offline.accept(signed(chain, "Cholpon", inv.due_base, skip=5), inv.id, ctx.offline_facts())
    outcomes = []
    ctx.events.subscribe(lambda e: outcomes.append(e.item), OfflineOutcome)
    clock = Clock()
    engine = ctx.sync_engine()
    engine.clock = clock
    start = clock.now
    for minute in range(0, 30, 3):                    # the node refuses it on every send
        clock.now = start + minute * MIN + 1
        report = engine.pass_once()
        assert ctx.offline.get(item.id).state == Q.QUEUED and report.outstanding == 1
    assert "nonce" in ctx.offline.get(item.id).last_error.lower()
    clock.now = start + 31 * MIN
    report = engine.pass_once()
    got = ctx.offline.get(item.id)
    assert got.state == Q.STUCK and got.state in FAILURES
    assert "never went through" in got.reason and "5 earlier payment" in got.reason
    assert report.outstanding == 0 and engine.outstanding() == 0 and report.failed == 1
    assert [o.id for o in outcomes] == [item.id]
    assert [f.id for f in ctx.offline.unresolved_failures()] == [item.id]
    # More passes neither send it again nor change it.
    attempts = ctx.store.one("SELECT attempts FROM offline_payments WHERE id = ?", (item.id,))["attempts"]
    clock.now += 10 * MIN
    engine.pass_once()
    assert ctx.store.one("SELECT attempts FROM offline_payments WHERE id = ?", (item.id,))["attempts"] == attempts
    assert ctx.offline.get(item.id).state == Q.STUCK
    # The cashier collects again: the sale is cancelled, once, audited.
    ctx.offline.resolve(item.id, "collect_again", actor="cashier")
    assert ctx.service.get(inv.id).state == InvoiceState.INVALID
    assert ctx.offline.unresolved_failures() == []
    assert ctx.store.one("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'offline.collect_again'")["n"] == 1


def test_f2_stuck_deadline_is_a_configurable_limit(shop):
    limits = with_limit(Limits(), "stuck-after", "45")
    assert limits.stuck_after_s == 45 * MIN and Limits().stuck_after_s == 30 * MIN
    with pytest.raises(ConfigError):
        with_limit(Limits(), "stuck-after", "1")             # would give up payments still on their way
    shop.offline.set_limits(limits)
    assert shop.offline.limits().stuck_after_s == 45 * MIN


def test_f2_next_in_line_but_refused_by_the_node_is_retried_not_given_up(shop, chain):
    """Only a gap (or a transaction the node took and never mined) is given up: a transfer that is
    next in line is sent again however long the node answers with errors."""
    ctx = shop
    inv = ctx.create_invoice(Tyiyn(10_00))
    item, _ = ctx.offline.accept(signed(chain, "Aigul", inv.due_base),
                                 inv.id, ctx.offline_facts())
    row = ctx.store.one("SELECT * FROM offline_payments WHERE id = ?", (item.id,))
    from pos_app.core.sending import OutboxItem, Phase
    from pos_app.outbox import stuck
    queued, taken = OutboxItem.from_row(row, Phase.TO_SEND), OutboxItem.from_row(row, Phase.SENT)
    assert stuck.verdict(queued, int(row["payer_nonce"]), 30 * MIN) is None                  # queued, next
    assert stuck.verdict(taken, int(row["payer_nonce"]), 30 * MIN)                           # taken, never mined
    assert stuck.verdict(queued, int(row["payer_nonce"]) + 1, 30 * MIN) is None              # spent: not ours


def _item(phase, resolution=None):
    from pos_app.core.sending import OutboxItem
    return OutboxItem(id=1, phase=phase, kind="raw_tx", payer="0x1", payee="0x2", amount_base=1, payload="0x",
                      payer_nonce=5, resolution=resolution)


def test_f2_a_stuck_payment_that_lands_later_says_whether_the_customer_paid_twice():
    from pos_app.core.reasons import as_text
    from pos_app.core.sending import Phase
    from pos_app.outbox import stuck
    assert stuck.landed(_item(Phase.SENT), 9).code == "in_block"
    late = stuck.landed(_item(Phase.STUCK), 9)
    assert late.code == "in_block_after_giving_up" and "after it was given up" in as_text(late)
    assert "paid twice" in as_text(stuck.landed(_item(Phase.STUCK, "collect_again"), 9))
    assert "paid twice" in as_text(stuck.landed(_item(Phase.STUCK, "resolved"), 9))
    assert all(stuck.landed(row, 9).params == {"number": 9} for row in (
        _item(Phase.SENT), _item(Phase.STUCK, "resolved")))


# -- what the cashier sees -------------------------------------------------------------------------------

def test_f2_failure_bar_and_queue_screen_name_a_stuck_payment(qtbot):
    from pos_app.ui.screens.offline.offline_controller import OfflineController
    from pos_app.ui.screens.offline.queue_view import FAILED, QueueTableModel
    assert "stuck" in OfflineController.REASONS and "stuck" in FAILED
    fake = SimpleNamespace(language="en", REASONS=OfflineController.REASONS, tr=lambda s: s)
    item = SimpleNamespace(state=Q.STUCK, amount_tyiyn=40_00, payer=A.CUSTOMERS["Cholpon"], invoice_id=7)
    text = OfflineController.failure_text(fake, [item])
    assert "never went through" in text and "7" in text  # the real bar: tests/ui/test_controllers.py
    assert QueueTableModel().state_text("stuck") == "Never went through"
