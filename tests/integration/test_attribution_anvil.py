"""Issue 18, points 1-7: every payment to exactly one sale, on two real tills sharing one anvil chain.

Each till is an ``AppContext`` on its own data folder (as on separate PCs); they share only the
shop's receiving address and the chain. Customers pay with their own keys: online transfers, or
signed payments the till accepts offline and sends later. Every test fails on the code before
issue 18 (the attribution was a pile of rules, each deciding alone).
"""
from __future__ import annotations

import time

import pytest
from eth_account import Account

from pos_app.app.demo.wallet import sign_authorization, sign_raw_transfer
from pos_app.core.events import ClockSkewed
from pos_app.core.errors import BadInput
from pos_app.core.money import Tyiyn
from pos_app.handover.pairing import Pairings
from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.keys.device import device_key, public_key_hex
from pos_app.offline.lifecycle import QueueState as Q
from pos_app.offline.payload import PayloadRefused
from pos_app.offline.risk import Limits
from pos_app.shop.config import set_till

from .conftest import ANVIL_CHAIN_ID, deploy_shop, fund, key, send_token_call, shop_context, start_anvil, stop_anvil

pytestmark = pytest.mark.anvil

SOM = 10**6
TOKEN_NAME, TOKEN_VERSION = "Som", "1"
BIG_LIMITS = {"per_payment_tyiyn": 10**12, "total_tyiyn": 10**13, "max_items": 10**6, "unknown_payer_tyiyn": 10**12}


@pytest.fixture
def node():
    n = start_anvil(block_time=None)          # automine: one block per transaction
    yield n
    stop_anvil(n)


class Shop:
    """One shop (token, address) on the node, and its tills."""

    def __init__(self, node, tmp_path):
        self.node, self.tmp = node, tmp_path
        self.shop = deploy_shop(node)
        fund(node, self.shop.merchant)        # the merchant's key relays authorizations
        self.tills = []

    def till(self, name: str, slot: str):
        ctx = shop_context(self.tmp / name, self.shop, confirmations=2)
        set_till(ctx.store, slot)
        ctx.token_info(refresh=True)
        ctx.offline.record_sync(ANVIL_CHAIN_ID, at=int(time.time()), gas_price=int(self.node.w3.eth.gas_price),
                                base_fee=int(self.node.w3.eth.get_block("latest")["baseFeePerGas"]))
        ctx.offline.set_limits(Limits(**{**Limits().to_dict(), **BIG_LIMITS}))
        ctx.test_watcher = ctx.watcher()
        ctx.test_watcher.ensure_cursor()
        ctx.test_engine = ctx.sync_engine(relay=Account.from_key(key("merchant")))
        self.tills.append(ctx)
        return ctx

    def customer(self, label: str, som: int = 10_000) -> bytes:
        k = key(label)
        fund(self.node, Account.from_key(k).address)
        send_token_call(self.node.w3, key("issuer"), self.shop.token.functions.mint(Account.from_key(k).address,
                                                                                     som * SOM))
        return k

    def pay(self, k: bytes, value: int) -> str:
        return self.shop.pay(value, k)

    def raw(self, k: bytes, amount: int) -> str:
        return sign_raw_transfer(self.node.w3, k, self.shop.token_address, self.shop.merchant, amount)

    def auth(self, k: bytes, amount: int) -> str:
        return sign_authorization(k, chain_id=ANVIL_CHAIN_ID, token=self.shop.token_address, to=self.shop.merchant,
                                  amount=amount, name=TOKEN_NAME, version=TOKEN_VERSION)

    def settle(self, passes: int = 6) -> None:
        """Engine passes and watcher scans on every till, with blocks mined between them."""
        for _ in range(passes):
            for ctx in self.tills:
                ctx.test_engine.pass_once()
            self.node.mine(1)
            for ctx in self.tills:
                ctx.test_watcher.scan_once()

    def balance(self) -> int:
        return int(self.shop.token.functions.balanceOf(self.shop.merchant).call())

    def close(self) -> None:
        for ctx in self.tills:
            ctx.close()


@pytest.fixture
def shop(node, tmp_path):
    s = Shop(node, tmp_path)
    yield s
    s.close()


def counted(ctx) -> list[tuple[int, int]]:
    """(sale, value) of every payment this till counts on one of its own sales."""
    return [(int(r["invoice_id"]), int(r["value"])) for r in ctx.store.query(
        "SELECT p.invoice_id, p.value FROM payments p JOIN invoices i ON i.id = p.invoice_id"
        " WHERE p.status != 'removed' AND i.carried_for IS NULL ORDER BY p.id")]


# -- 1. one signed payment, two tills ------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["raw_tx", "eip3009"])
def test_p1_one_signed_payment_is_taken_by_the_till_whose_sale_it_pays_only(shop, kind):
    t1, t2 = shop.till("till1", "1/2"), shop.till("till2", "2/2")
    c = shop.customer("p1 customer")
    s1, s2 = t1.create_invoice(Tyiyn(30000)), t2.create_invoice(Tyiyn(30000))
    assert s1.due_base != s2.due_base                        # each till's own tail
    signed = (shop.raw if kind == "raw_tx" else shop.auth)(c, s1.due_base)
    t1.offline.accept(signed, s1.id, t1.offline_facts())
    with pytest.raises(PayloadRefused) as e:                 # the customer shows the same code at till 2
        t2.offline.accept(signed, s2.id, t2.offline_facts())
    assert e.value.code == "not_this_sale"
    assert not t2.offline.evaluate(signed, t2.offline_facts(), due_base=s2.asked_base, exact=True).ok
    assert t2.offline.list() == [] and t2.service.get(s2.id).offline_id is None
    shop.settle()
    assert t1.service.get(s1.id).state == S.SETTLED and t1.offline.list()[0].state == Q.FINAL
    assert t2.service.get(s2.id).state == S.NEW and t2.service.get(s2.id).paid_seen == 0
    assert counted(t1) == [(s1.id, s1.due_base)] and counted(t2) == []
    assert t2.service.unmatched() == []                      # till 1's business, not till 2's inbox


# -- 2. a signed transfer the customer's wallet also broadcast ------------------------------------------------
@pytest.mark.parametrize("how", ["same_bytes", "higher_fee"])
def test_p2_a_transfer_the_customer_also_broadcast_pays_its_own_sale_not_the_next(shop, how):
    t = shop.till("till", "1/1")
    c = shop.customer("p2 customer")
    x = t.create_invoice(Tyiyn(10000))
    signed = shop.raw(c, x.due_base)
    item, _ = t.offline.accept(signed, x.id, t.offline_facts())
    y = t.create_invoice(Tyiyn(8000))                        # the next customer, never paid
    if how == "same_bytes":
        shop.node.w3.eth.send_raw_transaction(signed)
    else:   # the wallet's "speed up": the same number and transfer with a higher fee, another hash
        w3, sender = shop.node.w3, Account.from_key(c).address
        tx = {"type": 2, "chainId": ANVIL_CHAIN_ID, "nonce": w3.eth.get_transaction_count(sender),
              "to": shop.shop.token_address, "value": 0, "gas": 100_000, "maxFeePerGas": 10 * w3.eth.gas_price,
              "maxPriorityFeePerGas": 2 * w3.eth.gas_price,
              "data": shop.shop.token.encode_abi("transfer", [shop.shop.merchant, x.due_base])}
        w3.eth.send_raw_transaction(Account.sign_transaction(tx, c).raw_transaction)
    shop.node.mine(3)
    t.test_watcher.scan_once()                               # the watcher sees it before the engine sends
    shop.settle()
    got_x, got_y = t.service.get(x.id), t.service.get(y.id)
    assert got_x.state == S.SETTLED and got_x.paid_final == x.due_base and got_x.change_tyiyn == 0
    assert got_y.state == S.NEW and got_y.paid_seen == 0
    assert t.offline.get(item.id).state == Q.FINAL           # not double spent: the money arrived
    pays = t.service.payments_for(x.id)
    assert [p["matched_by"] for p in pays] == ["offline" if how == "same_bytes" else "replaced"]
    assert t.service.unmatched() == [] and shop.balance() == x.due_base


# -- 3 and 4. a payment handed over on a file ---------------------------------------------------------------
def _hand_over(shop, field, office, path) -> None:
    field.export_handover(path)
    Pairings(office.store).pair(public_key_hex(device_key(field.data_dir)), actor="manager")
    assert office.import_handover(path).added >= 1


@pytest.mark.parametrize("kind", ["eip3009", "raw_tx"])
def test_p3_p4_a_handed_over_payment_settles_its_own_sale_once_across_both_tills(shop, tmp_path, kind):
    field, office = shop.till("field", "1/2"), shop.till("office", "2/2")
    c = shop.customer("p3 customer")
    x = field.create_invoice(Tyiyn(10000))
    item, _ = field.offline.accept((shop.raw if kind == "raw_tx" else shop.auth)(c, x.due_base), x.id,
                                   field.offline_facts())
    y = field.create_invoice(Tyiyn(8000))                    # an unrelated sale on the exporting till
    _hand_over(shop, field, office, tmp_path / "stick.jsonl")
    before = shop.balance()
    shop.settle()                                            # the office sends; both tills read the chain
    assert shop.balance() - before == x.due_base
    got_x, got_y = field.service.get(x.id), field.service.get(y.id)
    assert got_x.state == S.SETTLED and got_x.paid_final == x.due_base   # by the authorization's identity
    assert got_y.paid_seen == 0 and got_y.state == S.NEW and field.service.unmatched() == []
    assert counted(field) == [(x.id, x.due_base)] and counted(office) == []   # one sale across the shop
    carried = office.service.get(office.offline.list()[0].invoice_id)
    assert carried.carried and carried.state == S.SETTLED and office.service.unmatched() == []
    assert office.offline.list()[0].state == Q.FINAL
    # The field till's own item follows its money too, handed off as it is.
    assert field.offline.get(item.id).state == Q.FINAL


def test_p3_two_tills_both_set_as_the_only_till_cannot_hand_over(shop, tmp_path):
    field, office = shop.till("field", "1/1"), shop.till("office", "1/1")
    c = shop.customer("p3 twins")
    x = field.create_invoice(Tyiyn(10000))
    field.offline.accept(shop.auth(c, x.due_base), x.id, field.offline_facts())
    field.export_handover(tmp_path / "q.jsonl")
    Pairings(office.store).pair(public_key_hex(device_key(field.data_dir)), actor="manager")
    with pytest.raises(BadInput, match="also set as the shop's only till"):
        office.import_handover(tmp_path / "q.jsonl")
    assert office.offline.list() == []


# -- 5. two tills set alike ------------------------------------------------------------------------------------
def test_p5_a_payment_with_this_tills_number_it_never_asked_raises_the_twin_alarm(shop):
    a, b = shop.till("a", "1/1"), shop.till("b", "1/1")     # set alike by mistake
    c1, c2 = shop.customer("p5 one"), shop.customer("p5 two")
    sale_a = a.create_invoice(Tyiyn(25000))
    sale_b = b.create_invoice(Tyiyn(12000))
    assert sale_a.due_base == 250 * SOM + 1 and sale_b.due_base == 120 * SOM + 1   # the same tail
    events = []
    a.events.subscribe(events.append)
    shop.pay(c2, sale_b.due_base)                             # b's customer pays b
    shop.settle(2)
    assert b.service.get(sale_b.id).state == S.SETTLED
    alarm = a.service.twin_alarm()
    assert alarm is not None and alarm["value"] == str(sale_b.due_base)
    assert any(type(e).__name__ == "TwinTillSuspected" and e.alarm for e in events)
    assert a.service.get(sale_a.id).paid_seen == 0           # not taken by "the only open sale"
    # While the alarm stands, nothing settles by amount: a's own customer's payment waits for a person.
    shop.pay(c1, sale_a.due_base)
    shop.settle(2)
    got = a.service.get(sale_a.id)
    assert got.paid_seen == 0 and [int(p["value"]) for p in a.service.unmatched()] == [sale_b.due_base,
                                                                                           sale_a.due_base][::-1]
    assert a.service.unmatched()[0]["hint_invoice_id"] == sale_a.id
    # The manager gives each till its own number: settling by amount resumes (audited).
    a.service.resolve_twin_alarm(actor="manager")
    assert a.service.twin_alarm() is None
    assert a.store.one("SELECT event FROM audit_log WHERE event = 'twin_alarm.resolve'") is not None


# -- 6. an old request of a sale already paid ---------------------------------------------------------------------
def test_p6_a_payment_equal_to_an_old_request_of_a_paid_sale_is_not_taken_as_change(shop):
    t = shop.till("till", "1/1")
    c = shop.customer("p6 customer")
    first = t.create_invoice(Tyiyn(24000))
    shop.pay(c, 120 * SOM)                                   # half, typed by hand
    shop.settle(2)
    part = t.service.get(first.id)
    assert part.flags.partial and part.still_due_tyiyn == 12000
    old_rest = part.asked_base                               # 120.000001: the rest's own amount
    shop.pay(c, old_rest)
    shop.settle(3)
    assert t.service.get(first.id).state == S.SETTLED
    second = t.create_invoice(Tyiyn(24000))
    assert second.due_base != first.due_base
    shop.pay(c, old_rest)                                    # the customer scans the old rest code again
    shop.settle(2)
    got_first, got_second = t.service.get(first.id), t.service.get(second.id)
    assert got_first.received_tyiyn == 24000 and got_first.change_tyiyn == 0    # not "give back 120"
    assert got_second.paid_seen == 0
    inbox = t.service.unmatched()
    assert [int(p["value"]) for p in inbox] == [old_rest] and inbox[0]["hint_invoice_id"] == first.id


# -- 7. a till whose clock is wrong ---------------------------------------------------------------------------------
@pytest.mark.parametrize("offset", [2 * 3600, -2 * 86400], ids=["2h_fast", "2days_slow"])
def test_p7_a_wrong_clock_still_matches_the_tills_own_exact_payments_and_says_so(shop, offset):
    t = shop.till("till", "1/1")
    clock = lambda: time.time() + offset  # noqa: E731
    t.service.clock = clock
    w = t.test_watcher
    w.clock = clock
    events = []
    t.events.subscribe(events.append, ClockSkewed)
    c = shop.customer("p7 customer")
    w.scan_once()                                            # the watcher runs before the sale, as in the app
    shop.node.mine(1)
    w.scan_once()
    sales = [t.create_invoice(Tyiyn(15000)), t.create_invoice(Tyiyn(15000))]   # two open: no "only sale"
    for s in sales:
        shop.pay(c, s.due_base)
    shop.node.mine(3)
    w.scan_once()
    w.scan_once()
    for s in sales:
        got = t.service.get(s.id)
        assert got.state == S.SETTLED and got.paid_final == s.due_base and not got.flags.late
    assert t.service.unmatched() == []
    assert events and abs(events[-1].seconds + offset) < 300     # network time minus this till's
    assert abs(w.skew + offset) < 300


def test_p7_a_right_clock_measures_no_difference(shop):
    t = shop.till("till", "1/1")
    w = t.test_watcher
    for _ in range(3):
        w.scan_once()
        shop.node.mine(1)
    assert w.skew == 0
