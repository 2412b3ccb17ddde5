"""Payers who pay from an exchange (issue 18): an exchange's hot wallet is one address for many
customers, so the shop's address book never puts a person's name on it.

* the network profile lists exchange wallets: the built-in BSC profile the hot wallets found in
  public label data (each a checksummed address, once), the demo its own exchange (the demo
  phone's "Exchange" customer), a profile file its own (checked field by field, stored and read
  back unchanged);
* naming a listed exchange wallet is refused with the cashier's sentence; the demo phone's
  suggestion names nothing; screens and ``sompos payer`` show "Exchange (Binance)";
* a wallet named "Aibek" that since paid another sale and is then called "Nurlan" is marked
  shared: the rename is refused, the old name is gone, screens show "Shared wallet", every later
  name is refused, and only forgetting clears the mark; a correction before another sale, or
  after the rest of the same sale, is still a correction.
"""
from __future__ import annotations

import json

import pytest
from eth_utils import is_checksum_address, to_checksum_address

from pos_app.core.reasons import R
from pos_app.app.context import AppContext
from pos_app.app.demo import accounts as A
from pos_app.chain import demo_constants
from pos_app.chain.profiles import (
    DEMO_CHAIN_ID, ExchangeWallet, builtin_profiles, load_profile_file, profile_from_dict, resolve_profile,
)
from pos_app.core.errors import BadInput, ConfigError
from pos_app.core.money import Tyiyn
from pos_app.invoices.service import Transfer
from pos_app.shop.config import load_config, set_network
from pos_app.shop.payers import PayerBook, PayerNames, SharedWallet, payer_label
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store.db import open_store

BINANCE_6 = "0x8894E0a0c962CB723c1976a4421c95949bE2D4E3"   # BscScan: "Binance: Hot Wallet 6"
EXCHANGE = A.CUSTOMERS[demo_constants.DEMO_EXCHANGE_NAME]  # the demo's exchange wallet
PAYER = "0x86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F"
OTHER = "0x" + "ab" * 20


# -- the profiles list exchange wallets ---------------------------------------------------------------
def test_the_bsc_profile_lists_exchange_hot_wallets_each_once_and_checksummed():
    bsc = builtin_profiles()["bsc"]
    wallets = bsc.exchange_wallets
    assert len(wallets) >= 20
    assert all(is_checksum_address(w.address) and w.label.strip() for w in wallets)
    assert len({w.address.lower() for w in wallets}) == len(wallets)
    assert bsc.exchange_of(BINANCE_6) == "Binance" and bsc.exchange_of(BINANCE_6.lower()) == "Binance"
    assert bsc.exchange_of(PAYER) is None and bsc.exchange_of(None) is None
    # the built-in list is valid profile data: it passes the check a profile file gets
    again = profile_from_dict({"name": "bsc", "chain_id": 56, "rpc_urls": list(bsc.rpc_urls),
                               "exchange_wallets": bsc.to_dict()["exchange_wallets"]})
    assert again.exchange_wallets == wallets
    assert not builtin_profiles()["bsc-testnet"].exchange_wallets and not builtin_profiles()["local"].exchange_wallets


def test_the_demo_lists_the_demo_phones_exchange():
    demo = builtin_profiles()["demo"]
    assert demo_constants.DEMO_EXCHANGE == EXCHANGE                 # the literal matches its demo key
    assert demo_constants.DEMO_EXCHANGE_NAME in A.CUSTOMERS         # the phone can pay from it
    assert demo.exchange_wallets == (ExchangeWallet(EXCHANGE, "DemoEx"),)
    assert all(demo.exchange_of(a) is None for n, a in A.CUSTOMERS.items() if a != EXCHANGE)


TOML = """
name = "kg"
chain_id = 1234
rpc_urls = ["https://rpc.example.org"]

[[exchange_wallets]]
address = "{a}"
label = "Binance"

[[exchange_wallets]]
address = "{b}"
label = " Local exchange \u202e"
"""


def test_a_profile_file_lists_its_own_exchange_wallets_and_they_are_stored(tmp_path):
    p = tmp_path / "kg.toml"
    p.write_text(TOML.replace("{a}", BINANCE_6.lower()).replace("{b}", OTHER), encoding="utf-8")
    prof = load_profile_file(p)
    assert prof.exchange_wallets == (ExchangeWallet(BINANCE_6, "Binance"),
                                     ExchangeWallet(to_checksum_address(OTHER), "Local exchange"))
    store = open_store(tmp_path / "s.db", device_key=DeviceKeyOnce(tmp_path / "s.db"))
    try:
        set_network(store, str(p))                                      # stored as data, read back equal
        assert load_config(store).network.exchange_wallets == prof.exchange_wallets
        assert json.loads(json.dumps(prof.to_dict()))["exchange_wallets"][0] == {"address": BINANCE_6,
                                                                                 "label": "Binance"}
    finally:
        store.close()
    assert resolve_profile({"name": "x", "chain_id": 5, "rpc_urls": ["https://r.example.org"]}).exchange_wallets == ()


@pytest.mark.parametrize("wallets, says", [
    ("nope", "'exchange_wallets'"),
    ([BINANCE_6], "'exchange_wallets'"),
    ([{"address": BINANCE_6}], "'exchange_wallets'"),
    ([{"address": BINANCE_6, "label": "B", "note": 1}], "'exchange_wallets'"),
    ([{"address": "0x1234", "label": "B"}], "exchange wallet address"),
    ([{"address": BINANCE_6, "label": "  "}], "'label'"),
    ([{"address": BINANCE_6, "label": "x" * 41}], "'label'"),
    ([{"address": BINANCE_6, "label": 5}], "'label'"),
    ([{"address": BINANCE_6, "label": "A"}, {"address": BINANCE_6.lower(), "label": "B"}], "listed twice"),
])
def test_a_bad_exchange_wallet_entry_is_refused_by_name(wallets, says):
    with pytest.raises(ConfigError, match=says):
        profile_from_dict({"name": "x", "chain_id": 5, "rpc_urls": ["https://r.example.org"],
                           "exchange_wallets": wallets})


# -- a listed exchange wallet never carries a person's name -------------------------------------------
@pytest.fixture
def book(tmp_path):
    store = open_store(tmp_path / "s.db", device_key=DeviceKeyOnce(tmp_path / "s.db"))
    yield PayerBook(store, exchanges=lambda: {BINANCE_6.lower(): "Binance"})
    store.close()


def _audited(book) -> list[dict]:
    return book.store.query("SELECT actor, detail FROM audit_log WHERE event = 'payer_name' ORDER BY id")


def test_naming_an_exchange_wallet_is_refused_in_the_cashiers_words(book):
    for spelling in (BINANCE_6, BINANCE_6.lower()):
        with pytest.raises(SharedWallet) as e:
            book.set_name(spelling, "Aibek", actor="cashier")
        assert isinstance(e.value, BadInput) and not e.value.marked
        assert e.value.user_message == ("This is a wallet of the exchange Binance: many customers pay from it, "
                                        "so it cannot carry one person's name.")
    assert book.name_of(BINANCE_6) is None and book.names() == {} and _audited(book) == []
    assert book.name_if_unknown(BINANCE_6, "Aigul", actor="demo phone") == ""   # the phone names nothing
    assert _audited(book) == []
    assert book.label(BINANCE_6) == "Exchange (Binance)"
    assert book.shared_wallet(BINANCE_6) == ("exchange", "Binance")
    assert book.shared_wallet(PAYER) is None
    book.set_name(BINANCE_6, "", actor="owner")             # forgetting is never refused


def test_a_name_given_before_the_wallet_was_listed_is_not_shown(tmp_path):
    store = open_store(tmp_path / "s.db", device_key=DeviceKeyOnce(tmp_path / "s.db"))
    try:
        listed: dict[str, str] = {}
        book = PayerBook(store, exchanges=lambda: listed)
        book.set_name(BINANCE_6, "Aibek", actor="cashier")
        listed[BINANCE_6.lower()] = "Binance"             # the profile now lists it
        names = book.names()
        assert names == {} and payer_label(BINANCE_6, names) == "Exchange (Binance)"
        assert book.name_of(BINANCE_6) is None
    finally:
        store.close()


def test_payer_label_still_takes_a_plain_dict_of_names():
    assert payer_label(PAYER, {PAYER.lower(): "Aibek"}) == "Aibek"
    assert payer_label(PAYER, {}) == "86cB…aA5F"
    assert payer_label(PAYER, PayerNames(shared=[PAYER.lower()])) == "Shared wallet"


def test_the_shop_books_default_list_is_its_networks(tmp_path):
    """The book of a real shop knows the demo's exchange without being told (the profile in force)."""
    ctx = AppContext(tmp_path / "shop")
    try:
        with pytest.raises(SharedWallet, match="DemoEx"):
            ctx.payers.set_name(EXCHANGE, "Aibek", actor="cashier")
        assert ctx.payers.label(EXCHANGE) == "Exchange (DemoEx)"
        ctx.payers.set_name(PAYER, "Aibek", actor="cashier")     # anyone else is named as before
        assert ctx.payers.names() == {PAYER.lower(): "Aibek"}
    finally:
        ctx.close()


# -- a wallet that paid for different customers is shared --------------------------------------------
class Shop:
    """A demo shop whose clock the test moves: sales, payments from one wallet, its address book."""

    def __init__(self, path) -> None:
        self.now = 1_800_000_000.0
        self.ctx = AppContext(path)
        self.ctx.service.clock = lambda: self.now
        self.book = PayerBook(self.ctx.store, clock=lambda: self.now)
        self.n = 0

    def sale(self) -> int:
        return self.ctx.create_invoice(Tyiyn(10_000)).id

    def transfer(self, value: int, payer: str = PAYER) -> int:
        self.n += 1
        self.now += 60
        pid, _ = self.ctx.service.record_transfer(Transfer(
            chain_id=DEMO_CHAIN_ID, token=A.DEMO_TOKEN_ADDRESS, tx_hash="0x" + f"{self.n:064x}", log_index=0,
            block_number=100 + self.n, block_hash="0x" + f"{self.n + 1000:064x}", block_time=int(self.now),
            payer=payer, payee=A.MERCHANT, value=value))
        return pid

    def pay(self, invoice_id: int, part: int = 1, payer: str = PAYER) -> None:
        """``payer`` pays 1/part of the sale, matched by its exact amount (whole) or as the sole open sale."""
        inv = self.ctx.service.get(invoice_id)
        pid = self.transfer(inv.asked_base if part == 1 else inv.due_base // part, payer)
        self.ctx.service.recompute(invoice_id, R("payment_seen"))
        assert self.ctx.service.payment(pid)["invoice_id"] == invoice_id

    def name(self, name: str, address: str = PAYER) -> str:
        self.now += 60
        return self.book.set_name(address, name, actor="cashier")


@pytest.fixture
def shop(tmp_path):
    s = Shop(tmp_path / "shop")
    yield s
    s.ctx.close()


def test_a_wallet_named_for_one_sale_and_renamed_after_another_is_shared(shop):
    s = shop
    sale3 = s.sale()
    s.pay(sale3)
    assert s.name("Aibek") == "Aibek"                  # the payer of sale 3
    assert s.name("Aibek's phone") == "Aibek's phone"  # a correction: no other sale since
    sale5 = s.sale()
    s.pay(sale5)                                       # the same wallet pays another sale...
    with pytest.raises(SharedWallet) as e:             # ...and someone calls it Nurlan
        s.name("Nurlan")
    assert e.value.marked and "Aibek's phone" in e.value.user_message
    assert e.value.template == ("This wallet was called {name} and has since paid for another sale: several "
                                "customers pay from it (an exchange's or a shared wallet), so it keeps no "
                                "person's name.")
    names = s.book.names()
    assert names == {} and names.shared == {PAYER.lower()}
    assert payer_label(PAYER, names) == "Shared wallet" and s.book.name_of(PAYER) is None
    assert s.book.shared_wallet(PAYER) == ("shared", None)
    last = json.loads(_audited(s.book)[-1]["detail"])
    assert last == {"from": "Aibek's phone", "to": None, "shared": True, "refused": "Nurlan"}

    for again in ("Aibek", "Nurlan"):                   # every later name is refused, nothing changes
        with pytest.raises(SharedWallet) as e:
            s.name(again)
        assert not e.value.marked
    assert s.book.name_if_unknown(PAYER, "Aigul", actor="demo phone") == ""
    assert s.book.names().shared == {PAYER.lower()} and len(_audited(s.book)) == 3

    assert s.name("") == ""                             # the owner forgets the mark (audited)...
    assert json.loads(_audited(s.book)[-1]["detail"]) == {"from": None, "to": None, "shared": False}
    assert s.name("Nurlan") == "Nurlan"                 # ...and may name the wallet again


def test_the_same_name_again_or_the_rest_of_the_same_sale_is_no_other_customer(shop):
    s = shop
    sale = s.sale()
    s.pay(sale, part=2)                                 # half of the sale
    s.name("Aibek")
    s.pay(sale)                                         # the rest of the same sale, later
    assert s.name("Aibek K.") == "Aibek K."             # still a correction
    other = s.sale()
    s.pay(other)
    assert s.name("AIBEK K.") == "AIBEK K."             # the same name in other letters: no second person
    assert not s.book.names().shared


def test_a_name_taught_before_the_first_payment_stands_for_that_sale(shop):
    """The demo phone names the wallet before it pays: the cashier's own spelling after that first
    sale is a correction, a different name after a second sale is not."""
    s = shop
    assert s.book.name_if_unknown(PAYER, "Bakyt", actor="demo phone") == "Bakyt"
    first = s.sale()
    s.pay(first)
    assert s.name("Бакыт аке") == "Бакыт аке"
    second = s.sale()
    s.pay(second)
    with pytest.raises(SharedWallet):
        s.name("Cholpon")


def test_other_wallets_and_unmatched_payments_do_not_count(shop):
    s = shop
    sale = s.sale()
    s.pay(sale)
    s.name("Aibek")
    s.pay(s.sale(), payer=OTHER)                        # another wallet pays another sale
    assert s.name("Aibek B.") == "Aibek B."
    s.name("Nurlan", OTHER)                             # naming a second wallet is unaffected
    assert s.book.names() == {PAYER.lower(): "Aibek B.", OTHER: "Nurlan"}
    s.sale(), s.sale()                                  # two open sales: an odd amount matches neither
    pid = s.transfer(12345)
    assert s.ctx.service.payment(pid)["invoice_id"] is None
    assert s.name("Aibek") == "Aibek"                   # an unmatched payment is no other sale
    assert not s.book.names().shared
