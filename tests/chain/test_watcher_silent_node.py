"""A node that accepts the connection and never answers (a hung router, a dead Wi-Fi link): the
screens hear "offline" within LINK_SILENT_S (issue 12 point 6: the red bar within 2 s of the link
dropping), not after the node's read timeout; a pass that then succeeds says online again."""
from __future__ import annotations

import socket
import threading
import time

import pytest

from pos_app.app.context import AppContext
from pos_app.chain.profiles import NetworkProfile
from pos_app.chain.rpc import RpcClient
from pos_app.chain.token_cache import TokenInfo, save_token_info
from pos_app.core.errors import PosError
from pos_app.core.events import LinkChanged
from pos_app.payments import watcher as W
from pos_app.shop.config import set_merchant, set_network, set_token

TOKEN = "0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"


@pytest.fixture
def silent_node():
    """Accepts connections, reads what comes, never writes a byte."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    held, stop = [], threading.Event()

    def serve():
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
                held.append(conn)
            except OSError:
                continue
    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}"
    stop.set()
    t.join(2)
    for c in held:
        c.close()
    srv.close()


def test_a_silent_node_is_reported_offline_within_two_seconds(tmp_path, silent_node):
    ctx = AppContext(tmp_path / "shop")
    set_network(ctx.store, "local")
    set_token(ctx.store, TOKEN)
    set_merchant(ctx.store, "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61")
    save_token_info(ctx.store, TokenInfo(31337, TOKEN, 6, "KGST", "Som", "Som", "1"))
    w = ctx.watcher()
    w.rpc = RpcClient(NetworkProfile("silent", 31337, (silent_node,), TOKEN))
    w._token_checked = True
    heard: list[tuple[float, LinkChanged]] = []
    ctx.events.subscribe(lambda e: heard.append((time.monotonic(), e.link)), LinkChanged)
    started = time.monotonic()
    with pytest.raises(PosError):
        w.scan_once()                          # ends only at the node's read timeout
    ended = time.monotonic()
    offline = [at for at, e in heard if not e.online]
    assert offline, "the screens were never told"
    assert offline[0] - started < W.LINK_SILENT_S + 0.8
    assert ended - started > W.LINK_SILENT_S + 1.0     # ...long before the pass itself gave up
    assert "not answered" in heard[0][1].problem.user_message
    ctx.close()
