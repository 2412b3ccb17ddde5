"""Windows-only code paths, run on Linux where they can be: the chime through winsound (never
blocking the GUI), and a shop folder under a Cyrillic user name (database, keys, hand-over file)."""
from __future__ import annotations

import sys
import types

from pos_app.ui.shell import sound


def test_on_windows_the_chime_plays_through_winsound_asynchronously(tmp_path, monkeypatch):
    calls = []
    fake = types.SimpleNamespace(SND_FILENAME=0x20000, SND_ASYNC=0x1,
                                 PlaySound=lambda path, flags: calls.append((path, flags)))
    monkeypatch.setitem(sys.modules, "winsound", fake)
    monkeypatch.setattr(sound.sys, "platform", "win32")
    beeps = []
    chimes = sound.Chimes(lambda: beeps.append(1), folder=tmp_path / "Звуки")
    chimes.play("paid")
    assert len(calls) == 1 and not beeps and chimes.last_command is None
    path, flags = calls[0]
    assert path.endswith(".wav") and "Звуки" in path
    assert flags & fake.SND_ASYNC and flags & fake.SND_FILENAME    # async: the sale screen never waits


def test_on_windows_a_sound_failure_falls_back_to_the_beep(tmp_path, monkeypatch):
    def broken(path, flags):
        raise RuntimeError("no audio device")
    monkeypatch.setitem(sys.modules, "winsound", types.SimpleNamespace(SND_FILENAME=1, SND_ASYNC=2, PlaySound=broken))
    monkeypatch.setattr(sound.sys, "platform", "win32")
    beeps = []
    sound.Chimes(lambda: beeps.append(1), folder=tmp_path).play("paid")
    assert beeps == [1]


def test_a_shop_under_a_cyrillic_user_name_works(tmp_path):
    """%LOCALAPPDATA% of a user called Айгүл: the database, settings, an invoice and the till's
    device key all live and round-trip under that path."""
    from pos_app.app.context import AppContext
    from pos_app.core.money import Tyiyn
    from pos_app.shop.config import set_merchant, set_network, set_token
    base = tmp_path / "Users" / "Айгүл Бакытова" / "AppData" / "Local" / "SomPOS" / "sompos"
    ctx = AppContext(base)
    set_network(ctx.store, "local")
    set_merchant(ctx.store, "0x" + "22" * 20)
    set_token(ctx.store, "0x" + "11" * 20)
    ctx.close()
    ctx = AppContext(base)
    try:
        from pos_app.chain.token_cache import TokenInfo, save_token_info
        save_token_info(ctx.store, TokenInfo(31337, ctx.config.network.token, 6, "SOM", "Som", "Som", "1"))
        inv = ctx.create_invoice(Tyiyn(150_00))
        assert ctx.service.get(inv.id).amount_tyiyn == 150_00
        from pos_app.keys.device import device_key, public_key_hex
        first = public_key_hex(device_key(base))
        assert public_key_hex(device_key(base)) == first      # the till's key is kept, not remade
    finally:
        ctx.close()
    assert (base / "sompos.db").is_file()
