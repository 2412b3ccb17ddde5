"""Issue 10, point 5, in the sync engine: authorizations queued before a probe found the token cannot
settle them (the contract behind a proxy changed, an old database) become a failure the cashier can
collect again, instead of waiting for ever; a paused token is waited out."""
from __future__ import annotations

import time
from dataclasses import replace

from pos_app.chain.token_cache import TokenFeatures, cached_token_info, save_token_info
from pos_app.app.demo.chain import DemoChain
from pos_app.app.demo.headless import open_demo_context
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import FAILURES, QueueState as Q


def test_f5_queued_authorizations_the_token_cannot_settle_fail_by_name(tmp_path):
    chain = DemoChain()
    ctx = open_demo_context(str(tmp_path), chain)
    try:
        ctx.offline.record_sync(chain.chain_id, at=int(time.time()), gas_price=int(chain.w3.eth.gas_price))
        inv = ctx.create_invoice(Tyiyn(4400))
        item, _ = ctx.offline.accept(chain.sign_offline("Aigul", "eip3009", inv.merchant, inv.due_base), inv.id,
                                     ctx.offline_facts())
        info = cached_token_info(ctx.store, chain.chain_id, inv.token)
        engine = ctx.sync_engine()
        paused = TokenFeatures(eip3009=True, eip2612=True, pausable=True, paused=True, probed_at=1)
        save_token_info(ctx.store, replace(info, features=paused))
        engine.pass_once()
        assert ctx.offline.get(item.id).state not in FAILURES        # paused (as cached): not failed
        engine2 = ctx.sync_engine()
        item2_inv = ctx.create_invoice(Tyiyn(5500))
        save_token_info(ctx.store, replace(info, features=TokenFeatures(eip3009=True, eip2612=True, probed_at=1)))
        item2, _ = ctx.offline.accept(chain.sign_offline("Bakyt", "eip3009", item2_inv.merchant,
                                                         item2_inv.due_base), item2_inv.id, ctx.offline_facts())
        save_token_info(ctx.store, replace(info, features=TokenFeatures(eip3009=False, eip2612=False, probed_at=2)))
        engine2.pass_once()
        got = ctx.offline.get(item2.id)
        assert got.state == Q.REJECTED and "cannot settle" in got.reason
        assert item2.id in [f.id for f in ctx.offline.unresolved_failures()]
    finally:
        ctx.close()
        chain.stop()
