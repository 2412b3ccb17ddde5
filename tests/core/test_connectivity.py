"""The till's one link state (issue 19, point 6): the watcher and the runner both report every
contact; the link is what the latest contact said, heard once as ``LinkChanged``."""
from __future__ import annotations

import threading

from pos_app.core.connectivity import Connectivity
from pos_app.core.errors import NodeUnavailable
from pos_app.core.events import EventBus, LinkChanged


def test_the_latest_contact_decides_whoever_made_it():
    bus, heard = EventBus(), []
    bus.subscribe(heard.append, LinkChanged)
    now = [100.0]
    c = Connectivity(bus, clock=lambda: now[0])
    assert c.link.online is None and c.link.seconds_since_ok(now[0]) is None
    c.ok(source="watcher", endpoint="https://a", head=10, head_time=1000)
    assert (c.link.online, c.link.endpoint, c.link.head) == (True, "https://a", 10)
    problem = NodeUnavailable("chain.blockchain_node_answered_tried", tried="https://a")
    now[0] = 105.0
    c.down(source="runner", problem=problem)      # the runner's probe failed after the watcher's pass
    assert c.link.online is False and c.link.problem is problem and c.link.source == "runner"
    assert c.link.head == 10 and c.link.seconds_since_ok(now[0]) == 5   # what was known stays known
    c.ok(source="runner", endpoint="https://b", head=9)                 # an older head never goes back
    assert (c.link.online, c.link.endpoint, c.link.head, c.link.problem) == (True, "https://b", 10, None)
    assert [(e.link.online, e.changed) for e in heard] == [(True, True), (False, True), (True, True)]


def test_reports_from_two_threads_end_in_one_consistent_state():
    c = Connectivity()
    def report(i: int) -> None:
        for n in range(200):
            c.ok(source=f"t{i}", endpoint="x", head=n)
    threads = [threading.Thread(target=report, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert c.link.online is True and c.link.head == 199


def test_the_watcher_and_the_runner_feed_the_contexts_one_link(tmp_path):
    """One state, two feeders: the app's watcher and sync runner report into ``AppContext.link``."""
    from pos_app.app.context import AppContext
    from pos_app.chain.token_cache import TokenInfo, save_token_info
    from pos_app.outbox.runner import SyncRunner
    from pos_app.shop.config import set_merchant, set_network, set_token
    token = "0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"
    ctx = AppContext(tmp_path / "shop")
    set_network(ctx.store, "local")                 # a node nobody runs: every contact fails
    set_token(ctx.store, token)
    set_merchant(ctx.store, "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61")
    save_token_info(ctx.store, TokenInfo(31337, token, 6, "KGST", "Som", "Som", "1"))
    try:
        watcher = ctx.watcher()
        runner = SyncRunner(ctx.sync_engine(), watcher=watcher, events=ctx.events)
        assert watcher.link is ctx.link and runner.link is ctx.link and runner.monitor.link is ctx.link
        heard = []
        ctx.events.subscribe(heard.append, LinkChanged)
        runner.monitor.publish("offline", runner.monitor.probe())
        assert ctx.link.link.online is False and ctx.link.link.source == "runner" and heard
    finally:
        ctx.close()
