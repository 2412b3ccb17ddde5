"""The shop's address book: names for payers' addresses, audited, one per address."""
import pytest

from pos_app.core.errors import BadInput
from pos_app.shop.payers import PayerBook, short_address
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store.db import open_store

ADDR = "0x86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F"


@pytest.fixture
def book(tmp_path):
    store = open_store(tmp_path / "s.db", device_key=DeviceKeyOnce(tmp_path / "s.db"))
    yield PayerBook(store)
    store.close()


def test_a_name_is_kept_per_address_whatever_its_spelling_and_audited(book):
    assert book.label(ADDR) == "86cB…aA5F"
    assert book.set_name(ADDR, "  Айбек \u202e\x1b[2J ", actor="cashier") == "Айбек"
    assert book.name_of(ADDR.lower()) == "Айбек"
    assert book.label(ADDR.upper().replace("0X", "0x")) == "Айбек"
    book.set_name(ADDR.lower(), "Aibek's phone", actor="owner")
    assert book.names() == {ADDR.lower(): "Aibek's phone"}
    events = book.store.query("SELECT actor, event, detail FROM audit_log WHERE event = 'payer_name' ORDER BY id")
    assert [e["actor"] for e in events] == ["cashier", "owner"]
    assert "Айбек" in events[1]["detail"]
    book.set_name(ADDR, "", actor="owner")     # an empty name forgets it
    assert book.name_of(ADDR) is None and book.label(ADDR) == "86cB…aA5F"


@pytest.mark.parametrize("address", ["", "0x123", "86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F", "0x" + "g" * 40, None])
def test_not_an_address_is_refused_and_changes_nothing(book, address):
    with pytest.raises(BadInput):
        book.set_name(address, "x", actor="cashier")
    assert book.names() == {}
    assert book.name_of(address) is None


def test_a_too_long_name_is_refused(book):
    with pytest.raises(BadInput):
        book.set_name(ADDR, "x" * 41, actor="cashier")
    assert book.names() == {}


def test_short_address_has_no_0x():
    assert short_address(ADDR) == "86cB…aA5F"
    assert "0x" not in short_address(ADDR)


def test_a_suggested_name_fills_a_gap_but_never_overwrites_the_shops_own(book):
    """The demo phone teaches the book who paid; a name the cashier chose stays."""
    assert book.name_if_unknown(ADDR, "Aigul", actor="demo") == "Aigul"
    assert book.name_of(ADDR) == "Aigul"
    book.set_name(ADDR, "Айгүл эже", actor="cashier")
    assert book.name_if_unknown(ADDR.lower(), "Aigul", actor="demo") == "Айгүл эже"
    assert book.name_of(ADDR) == "Айгүл эже"
    actors = [r["actor"] for r in book.store.query(
        "SELECT actor FROM audit_log WHERE event = 'payer_name' ORDER BY id")]
    assert actors == ["demo", "cashier"]          # the refused suggestion wrote nothing
    with pytest.raises(BadInput):
        book.name_if_unknown("0x123", "Aigul", actor="demo")


def test_entries_list_every_name_with_who_gave_it_in_name_order(book):
    other = "0x" + "ab" * 20
    book.set_name(ADDR, "bakyt", actor="cashier")
    book.set_name(other, "Aigul", actor="owner")
    rows = book.entries()
    assert [(r["address"], r["name"], r["updated_by"]) for r in rows] == \
        [(other, "Aigul", "owner"), (ADDR.lower(), "bakyt", "cashier")]
    assert all(isinstance(r["updated_at"], int) for r in rows)
