"""Issue 11, point 6: slow work never holds up a charge, and the window never changes the engine
under a running pass.

The relay key is unlocked with scrypt at its real cost (about a second) while the cashier charges
a sale in the real window: the sale's QR is on screen before the unlock is done. With the unlock
put back on the database worker the charge queues behind it and this test fails (checked).
"""
from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from .conftest import decode_qr
from .test_sale_flow import charge

PASSPHRASE = "a long enough passphrase"


def _guess_in_progress(store) -> bool:
    """The unlock has counted its guess and is in scrypt now (the count drops back once it succeeds)."""
    row = store.one("SELECT failures FROM key_attempts WHERE name = 'relay'")
    return row is not None and row["failures"] == 1


@pytest.mark.real_kdf  # it needs an unlock that takes real time: the real scrypt (tests/conftest.py)
def test_a_sale_is_charged_while_the_relay_key_unlocks(qtbot, window):
    from pos_app.keys import keystore, relay
    win = window
    ctx = win.ctx
    # The real work factor: nothing lowered for speed, so the unlock is as slow as at a till.
    assert keystore.SCRYPT_N == 2**18 and keystore.MIN_SCRYPT_N == 2**17
    relay.create_relay_key(ctx.data_dir, ctx.store, PASSPHRASE, actor="test")
    view = win.offline.queue_view      # (no sending engine here: its reports would replace the message)
    unlocked = []
    view.progress.setText("")
    started = time.monotonic()
    win.offline.unlock_relay(PASSPHRASE)
    qtbot.waitUntil(lambda: _guess_in_progress(ctx.store), timeout=5000)
    win.go_sale()
    inv = charge(qtbot, win, "150")                 # keys typed, Enter, the payment screen is up
    charged_after = time.monotonic() - started
    unlocked.append(view.progress.text() == "Relay key unlocked.")
    assert unlocked == [False], "the charge waited for the relay key's unlock"
    assert _guess_in_progress(ctx.store)            # scrypt still running in the slow worker
    assert inv is not None and inv.amount_tyiyn == 15000
    assert decode_qr(win.payment.qr) == [win.payment.uri]
    # ...and the unlock does finish, with the right passphrase counted as such.
    qtbot.waitUntil(lambda: view.progress.text() == "Relay key unlocked.", timeout=30000)
    assert charged_after < time.monotonic() - started
    assert ctx.store.one("SELECT failures FROM key_attempts WHERE name = 'relay'")["failures"] == 0


# -- SyncRunner.use_relay: the engine's key changes between passes only -------------------------------
class _Rpc:
    def block_number(self) -> int:
        return 7

    def status(self):
        return SimpleNamespace(endpoint="http://node")


class _Engine:
    """An engine whose pass blocks until released, recording the key it started and ended with."""

    def __init__(self) -> None:
        self.rpc = _Rpc()
        self.events = None
        self.queue = None
        self.relay = "key A"
        self.passes: list[tuple[str, str]] = []
        self.in_pass = threading.Event()
        self.release = threading.Event()

    def pass_once(self):
        start = self.relay
        self.in_pass.set()
        assert self.release.wait(10)
        self.passes.append((start, self.relay))
        return SimpleNamespace(outstanding=0)


def test_use_relay_waits_for_the_running_pass_and_never_blocks():
    from pos_app.outbox.runner import SyncRunner
    engine = _Engine()
    runner = SyncRunner(engine)
    t = threading.Thread(target=runner.step)
    t.start()
    try:
        assert engine.in_pass.wait(5)
        begun = time.monotonic()
        runner.use_relay("key B")                    # from "the GUI thread", mid-pass
        assert time.monotonic() - begun < 0.5        # did not wait for the pass
        assert engine.relay == "key A" and runner.relay == "key B"
    finally:
        engine.release.set()
        t.join(5)
    assert engine.passes == [("key A", "key A")]     # the running pass kept its key to the end
    runner.step()                                    # the next pass starts with the new one
    assert engine.passes[-1] == ("key B", "key B") and engine.relay == "key B"


def test_use_relay_between_passes_takes_effect_at_once():
    from pos_app.outbox.runner import SyncRunner
    engine = _Engine()
    engine.release.set()
    runner = SyncRunner(engine)
    runner.use_relay("key C")
    assert engine.relay == "key C" and runner.relay == "key C"


def test_closing_the_till_while_the_stick_is_written_still_marks_what_the_file_carries(
        qtbot, window, tmp_path, monkeypatch):
    """Found in review: the mark used to be chained back to the database worker, which closing the
    window had already stopped, so a durable file left both tills sending the same payments."""
    import time as _time

    from pos_app.core.money import Tyiyn
    from pos_app.handover import export as B
    win, ctx = window, window.ctx
    chain = win.phone.chain
    ctx.offline.record_sync(chain.chain_id, at=int(_time.time()), gas_price=int(chain.w3.eth.gas_price))
    inv = ctx.create_invoice(Tyiyn(3300))
    item, _ = ctx.offline.accept(chain.sign_offline("Cholpon", "raw_tx", inv.merchant, inv.due_base),
                                 inv.id, ctx.offline_facts())
    real_write, started = B.write_export, []

    def slow_stick(prepared):          # a slow USB stick: the file lands after the window is closed
        started.append(1)
        _time.sleep(1.5)
        real_write(prepared)
    monkeypatch.setattr(B, "write_export", slow_stick)
    path = tmp_path / "stick.jsonl"
    win.offline.export_to(str(path))
    qtbot.waitUntil(lambda: bool(started), timeout=10000)
    win.close()                        # the cashier closes the till
    assert path.exists()
    row = ctx.store.one("SELECT handed_off_at FROM offline_payments WHERE id = ?", (item.id,))
    assert row["handed_off_at"] is not None
