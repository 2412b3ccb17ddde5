"""Crash safety: ``sompos sync`` killed with SIGKILL at random moments, many times, then run to the
end. The chain and the database must agree: every payment final exactly once, no second transfer,
and the relay account's nonces without a gap."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from eth_account import Account

from pos_app.core.money import Tyiyn
from pos_app.keys.keystore import RelayKeyStore
from pos_app.offline.lifecycle import QueueState
from pos_app.offline.risk import Limits

from .conftest import (
    ROOT,
    deploy_shop,
    fund,
    key,
    shop_context,
    start_anvil,
    stop_anvil,
)

PASS = "correct horse battery staple"


def _invoices_disagreeing(db: Path) -> list[tuple]:
    """Invoices whose stored totals or state do not follow from their payments (read-only look)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        bad = []
        for inv_id, state, amount, seen, final in conn.execute(
                "SELECT id, state, amount_base, paid_seen, paid_final FROM invoices"):
            pays = conn.execute("SELECT value, status FROM payments WHERE invoice_id = ? AND status != 'removed'",
                                (inv_id,)).fetchall()
            want_seen = sum(int(v) for v, _ in pays)
            want_final = sum(int(v) for v, st in pays if st == "final")
            if int(seen) != want_seen or int(final) != want_final \
                    or (pays and want_final >= int(amount) and state != "settled"):
                bad.append((inv_id, state, seen, final, want_seen, want_final))
        return bad
    finally:
        conn.close()


@pytest.mark.real_kdf  # child processes open the key: the real scrypt (tests/conftest.py)
def test_sync_killed_at_random_points_finishes_exactly_once(tmp_path):
    from pos_app.app.demo.wallet import sign_authorization, sign_raw_transfer
    from pos_app.chain.contract import send_token_call
    node = start_anvil(block_time=0.5)
    try:
        shop = deploy_shop(node)
        merchant_key = key("merchant")
        fund(node, shop.merchant)
        ctx = shop_context(tmp_path, shop, confirmations=2)
        info = ctx.token_info(refresh=True)
        ctx.offline.record_sync(31337, at=int(time.time()), gas_price=1)  # a low floor: anvil fees fall
        ctx.offline.set_limits(Limits(**{**Limits().to_dict(), "total_tyiyn": 10**12, "max_items": 10**6}))
        ks = RelayKeyStore(ctx.data_dir)
        ks.import_key(merchant_key.hex(), PASS)          # receiveWithAuthorization: the shop's own key relays
        before = int(shop.token.functions.balanceOf(shop.merchant).call())
        total = 0
        payers = [key(f"crash payer {i}") for i in range(12)]
        for i, pk in enumerate(payers):
            addr = Account.from_key(pk).address
            fund(node, addr)
            send_token_call(node.w3, key("issuer"), shop.token.functions.mint(addr, 10**9))
        for i, pk in enumerate(payers):
            inv = ctx.create_invoice(Tyiyn(100 + i))
            if i % 2:
                text = sign_raw_transfer(node.w3, pk, shop.token_address, shop.merchant, inv.due_base)
            else:
                text = sign_authorization(pk, chain_id=31337, token=shop.token_address, to=shop.merchant,
                                          amount=inv.due_base, name=info.eip712_name, version=info.eip712_version)
            ctx.offline.accept(text, inv.id, ctx.offline_facts())
            total += inv.due_base
        ctx.close()

        env = dict(os.environ, PYTHONPATH=str(ROOT), SOMPOS_RELAY_PASSPHRASE=PASS)
        cmd = [sys.executable, "-m", "pos_app", "--data-dir", str(tmp_path / "data"), "sync", "--deadline", "120"]
        rng = random.Random(7)
        kills = 0
        for _ in range(10):
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Start-up (imports, scrypt unlock) takes ~1.5-3 s; kill somewhere around the first passes.
            time.sleep(rng.uniform(1.0, 4.0))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait(10)
            # Right after the kill, before anything repairs it: every invoice agrees with its payments
            # (the watcher's finality and the invoice change share one commit).
            assert _invoices_disagreeing(tmp_path / "data" / "sompos.db") == []
        assert kills >= 5
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stdout + done.stderr

        from pos_app.app.context import AppContext
        assert _invoices_disagreeing(tmp_path / "data" / "sompos.db") == []
        ctx = AppContext(tmp_path / "data")
        assert {inv.state.value for inv in ctx.service.list()} == {"settled"}
        items = ctx.offline.list()
        assert len(items) == len(payers)
        assert {i.state for i in items} == {QueueState.FINAL}, [(i.id, i.state, i.reason) for i in items]
        # The chain agrees: exactly the sum arrived, one receipt per item, all successful.
        after = int(shop.token.functions.balanceOf(shop.merchant).call())
        assert after - before == total
        for i in items:
            assert node.w3.eth.get_transaction_receipt(i.tx_hash)["status"] == 1
        transfer_topic = node.w3.keccak(text="Transfer(address,address,uint256)")
        logs = node.w3.eth.get_logs({"address": shop.token_address, "fromBlock": 0, "toBlock": "latest",
                                     "topics": [transfer_topic, None, "0x" + shop.merchant[2:].lower().rjust(64, "0")]})
        assert len(logs) == len(payers)                                  # no second transfer
        relayed = [r for r in ctx.store.query("SELECT relay_nonce FROM offline_payments WHERE kind = 'eip3009'")]
        nonces = sorted(r["relay_nonce"] for r in relayed)
        # No gap: the relay account's nonce is exactly the number of relay transactions that landed.
        assert node.w3.eth.get_transaction_count(shop.merchant) == nonces[-1] + 1 == len(relayed)
        ctx.close()
    finally:
        stop_anvil(node)
