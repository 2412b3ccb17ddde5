"""Issue 18, finding 15: setting the clock forward does not lift the passphrase lock.

The lock used to end at a wall-clock time, so each jump of the clock gave ten fresh guesses. Now
it is served by the monotonic clock (``pos_app/keys/key_attempts.py``). Tested with the two clocks
injected apart, on a real shop database: locked out, the wall clock a day (or a year) ahead, the
guesses are still refused, by this counter and by a new one on the same store (a restart of the
app); once the real lock duration has passed on the monotonic clock, guesses are counted again;
a restart of the computer (the monotonic clock starting again from zero) counts only the time since
it; setting the clock back does not lengthen the lock; the relay key's unlock follows.
"""
from __future__ import annotations

import pytest

from pos_app.keys.key_attempts import KeyAttempts
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store.db import open_store

# About the key derivation itself: the real scrypt cost and floors (tests/conftest.py).
pytestmark = pytest.mark.real_kdf

MAX = 10
LOCK = 30 * 60
DAY = 24 * 3600
T0 = 1_700_000_000.0


class Clocks:
    """A wall clock and a monotonic clock that a test moves separately."""

    def __init__(self) -> None:
        self.wall = T0
        self.mono = 5_000.0

    def elapse(self, seconds: float) -> None:  # real time passing: both move
        self.wall += seconds
        self.mono += seconds


@pytest.fixture
def store(tmp_path):
    db = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    yield db
    db.close()


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


def counter(store, clocks: Clocks, *, monotonic: bool = True) -> KeyAttempts:
    """A counter as the app makes one (``monotonic=False``: only the wall clock is injected)."""
    extra = {"monotonic": lambda: clocks.mono} if monotonic else {}
    return KeyAttempts(store, "relay", max_attempts=MAX, lockout_seconds=LOCK, clock=lambda: clocks.wall, **extra)


def lock_out(c: KeyAttempts, clocks: Clocks) -> None:
    for n in range(1, MAX + 1):
        state, refused = c.reserve()
        assert not refused and state.failures == n
        clocks.elapse(1)
    assert c.reserve()[1]                                     # the 11th: refused


def test_the_wall_clock_a_day_ahead_does_not_lift_the_lock_nor_does_a_restart(store, clocks):
    """Only the wall clock is injected: the real monotonic clock does not move a day in this test."""
    c = counter(store, clocks, monotonic=False)
    lock_out(c, clocks)
    for jump in (DAY, 365 * DAY):
        clocks.wall = T0 + jump                               # someone sets the clock forward
        state, refused = c.reserve()
        assert refused and state.locked and state.failures == MAX
        restarted = counter(store, clocks, monotonic=False)   # the app started again
        assert restarted.reserve()[1] and restarted.current().locked


def test_the_lock_ends_after_its_real_duration_on_the_monotonic_clock(store, clocks):
    c = counter(store, clocks)
    lock_out(c, clocks)
    clocks.wall += DAY                                        # the wall clock jumps a day ahead ...
    assert c.reserve()[1]
    clocks.mono += LOCK - 60                                  # ... 29 minutes really pass ...
    assert c.reserve()[1] and counter(store, clocks).reserve()[1]
    state = c.current()
    assert state.locked and 0 < state.locked_until - clocks.wall <= 60 + 1
    clocks.mono += 60                                         # ... and the 30th
    state, refused = counter(store, clocks).reserve()         # a restarted app: guesses count again
    assert not refused and state.failures == 1 and not state.locked


def test_a_restarted_computer_counts_only_the_time_since_it_started(store, clocks):
    """The monotonic clock starts again at boot: only the time since then is certain to have passed
    (the minutes before the restart are not counted: a stricter lock, never a shorter one)."""
    c = counter(store, clocks)
    lock_out(c, clocks)
    clocks.elapse(10 * 60)
    clocks.mono = 30.0                                        # the computer restarted 30 s ago
    clocks.wall += DAY                                        # with its clock a day ahead
    state, refused = counter(store, clocks).reserve()
    assert refused and state.locked_until - clocks.wall == LOCK - 30
    clocks.elapse(LOCK - 31)
    assert counter(store, clocks).reserve()[1]
    clocks.elapse(1)
    assert not counter(store, clocks).reserve()[1]


def test_the_clock_set_back_does_not_lengthen_the_lock(store, clocks):
    c = counter(store, clocks)
    lock_out(c, clocks)
    clocks.wall -= DAY
    state = c.current()
    assert state.locked and 0 < state.locked_until - clocks.wall <= LOCK
    clocks.mono += LOCK
    assert not c.current().locked and not c.reserve()[1]


def test_the_relay_key_stays_locked_when_the_clock_jumps(tmp_path, clocks, monkeypatch):
    from pos_app.core.errors import BadInput
    from pos_app.keys import keystore as K
    monkeypatch.setattr(K, "SCRYPT_N", 16)                     # the test hook tests/sync/test_keystore.py uses
    monkeypatch.setattr(K, "MIN_SCRYPT_N", 16)
    db = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    try:
        def keys() -> K.RelayKeyStore:
            return K.RelayKeyStore(tmp_path, store=db, clock=lambda: clocks.wall, monotonic=lambda: clocks.mono)
        keys().create("correct horse battery")
        for _ in range(K.MAX_ATTEMPTS):
            with pytest.raises(BadInput):
                keys().unlock("wrong horse battery")
        clocks.wall += DAY
        with pytest.raises(BadInput) as info:
            keys().unlock("correct horse battery")
        assert info.value.key == K.MSG_LOCKED and keys().attempts_left() == 0
        clocks.mono += K.LOCKOUT_SECONDS
        assert keys().unlock("correct horse battery").address == keys().address()
    finally:
        db.close()
