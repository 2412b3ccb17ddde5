"""Review-finding tests' harness: tills on one anvil chain, optionally behind a lying proxy."""
from __future__ import annotations
import time
from eth_account import Account
from pos_app.offline.risk import Limits
from pos_app.shop.config import set_till
from tests.integration.conftest import ANVIL_CHAIN_ID, key, shop_context
from tests.integration.test_attribution_anvil import Shop as _Shop, BIG_LIMITS


class Shop(_Shop):
    def till(self, name, slot, urls=None):
        ctx = shop_context(self.tmp / name, self.shop, urls=urls, confirmations=2)
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
