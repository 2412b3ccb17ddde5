"""Bugs the shop soak found (tests/integration/test_shop_soak.py), each kept as a test that failed before:

* the fee floor a till records online kept no base fee, so on a chain with one an ordinary
  wallet's transfer was refused offline as "fee too low" (``chain/answers.block``);
* a hand-over file that came back to a till holding its payments left both copies handed off and
  nobody sending (``handover/importer.py``: this till takes its own back);
* a copy imported after its transfer was recorded (as another till's) never reached final
  (``handover/importer.py`` links it by its hash at once).
"""
from __future__ import annotations


import pytest
from eth_account import Account

from pos_app.app.demo.wallet import sign_raw_transfer
from pos_app.core.money import Tyiyn
from pos_app.handover.pairing import Pairings
from pos_app.keys.device import device_key, public_key_hex
from pos_app.offline.risk import Limits
from pos_app.shop.config import set_till
from tests.handover.test_bundle import KEYS, NOW, open_shop, pair, raw_transfer, sell

from .conftest import ANVIL_CHAIN_ID, deploy_shop, fund, key, send_token_call, shop_context, start_anvil, stop_anvil

pytestmark = pytest.mark.anvil


def test_fee_floor_records_the_block_base_fee(tmp_path):
    node = start_anvil(block_time=None)            # anvil's default: EIP-1559 with a base fee above 0
    try:
        shop = deploy_shop(node)
        ctx = shop_context(tmp_path, shop)
        ctx.token_info(refresh=True)
        ctx.watcher().scan_once()                  # online: records the fee floor (watcher._record_online)
        base_fee = int(node.w3.eth.get_block("latest")["baseFeePerGas"])
        floor = ctx.offline.fee_floor(ANVIL_CHAIN_ID)
        assert base_fee > 0
        # Before: answers.block() kept only number/hash/timestamp, so the floor's base fee was 0 and
        # FeeFloor.priority became the whole gas price.
        assert floor.base_fee == base_fee, floor
        ctx.close()
    finally:
        stop_anvil(node)


def test_a_wallet_tip_at_the_network_gas_price_is_accepted_offline(tmp_path):
    """What a customer meets: a wallet that signs a normal EIP-1559 transfer (tip 1 gwei, max fee
    well above base + tip) is refused offline as 'fee below the network's minimum'."""
    from eth_abi import encode
    from eth_account import Account
    from pos_app.core.money import Tyiyn
    from pos_app.offline.risk import Limits
    from tests.integration.conftest import fund, key, send_token_call
    node = start_anvil(block_time=None)
    try:
        shop = deploy_shop(node)
        ctx = shop_context(tmp_path, shop)
        ctx.token_info(refresh=True)
        ctx.offline.set_limits(Limits(**{**Limits().to_dict(), "unknown_payer_tyiyn": 10**9}))
        ctx.watcher().scan_once()
        payer = key("fee floor payer")
        fund(node, Account.from_key(payer).address)
        send_token_call(node.w3, key("issuer"), shop.token.functions.mint(Account.from_key(payer).address, 10**12))
        inv = ctx.create_invoice(Tyiyn(10000))
        block = node.w3.eth.get_block("latest")
        tip = int(node.w3.eth.max_priority_fee)        # what wallets use as the tip (anvil: 1 gwei)
        data = bytes.fromhex("a9059cbb") + encode(["address", "uint256"], [shop.merchant, inv.asked_base])
        tx = {"type": 2, "chainId": ANVIL_CHAIN_ID, "nonce": 0, "to": shop.token_address, "value": 0, "data": data,
              "gas": 80_000, "maxFeePerGas": 2 * int(block["baseFeePerGas"]) + 2 * tip, "maxPriorityFeePerGas": tip}
        raw = "0x" + bytes(Account.sign_transaction(tx, payer).raw_transaction).hex()
        # The till refuses it offline, while the node takes it:
        verdict = ctx.offline.evaluate(raw, ctx.offline_facts(), due_base=inv.asked_base, exact=True)
        sent = node.w3.eth.send_raw_transaction(raw)          # the network takes it as it is
        assert node.w3.eth.get_transaction_receipt(sent)["status"] == 1
        assert verdict.ok, verdict
        ctx.close()
    finally:
        stop_anvil(node)


def _copies(key, *tills):
    return [t.store.one("SELECT id, state, handed_off_at FROM offline_payments WHERE idem_key = ?", (key,))
            for t in tills]


def test_a_file_handed_back_to_where_it_came_from_leaves_a_sender(tmp_path):
    a, b = open_shop(tmp_path / "a"), open_shop(tmp_path / "b")          # till 1/2 and 2/2, both offline
    pair(a, tmp_path / "b"), pair(b, tmp_path / "a")
    inv, item = sell(a, 150, lambda due: raw_transfer(KEYS[0], due))
    a.export_handover(tmp_path / "a-to-b.jsonl", now=NOW + 10)
    assert b.import_handover(tmp_path / "a-to-b.jsonl", now=NOW + 20).added == 1
    # b is offline too: it hands its unsent queue on, and the stick goes back to a.
    assert b.export_handover(tmp_path / "b-to-a.jsonl", now=NOW + 30).count == 1
    imp = a.import_handover(tmp_path / "b-to-a.jsonl", now=NOW + 40)
    assert (imp.added, imp.already_there, imp.taken_back) == (0, 1, (item.id,))   # back to this till to send
    copies = _copies(item.key, a, b)
    # Before: both copies were handed off, so neither till's engine sent the payment
    # (SyncEngine._rows / _sendable: handed_off_at IS NULL) until HANDOFF_GRACE_S (6 h) passes.
    assert any(c["handed_off_at"] is None for c in copies), copies


def test_a_handed_off_copy_whose_transfer_was_recorded_before_the_import_ends_final(tmp_path):
    node = start_anvil(block_time=None, extra=["--base-fee", "0"])
    try:
        shop = deploy_shop(node)
        fund(node, shop.merchant)
        tills = []
        for n in (1, 2, 3):
            ctx = shop_context(tmp_path / f"t{n}", shop, confirmations=2)
            set_till(ctx.store, f"{n}/3")
            ctx.token_info(refresh=True)
            ctx.offline.set_limits(Limits(**{**Limits().to_dict(), "unknown_payer_tyiyn": 10**9}))
            tills.append(ctx)
        a, b, c = tills
        for x in tills:
            for y in tills:
                if x is not y:
                    Pairings(x.store).pair(public_key_hex(device_key(y.data_dir)), actor="manager")
        relay = Account.from_key(key("merchant"))
        engines = [(x.watcher(), x.sync_engine(relay=relay)) for x in tills]
        for w, _e in engines:
            w.scan_once()                                        # online once: fee floor, cursor
        payer = key("link payer")
        fund(node, Account.from_key(payer).address)
        send_token_call(node.w3, key("issuer"), shop.token.functions.mint(Account.from_key(payer).address, 10**12))
        inv = a.create_invoice(Tyiyn(15000))                     # till 1, offline now, takes a signed transfer
        text = sign_raw_transfer(node.w3, payer, shop.token_address, shop.merchant, inv.asked_base)
        item, _ = a.offline.accept(text, inv.id, a.offline_facts())
        node.w3.eth.send_raw_transaction(text)                   # the customer's wallet sends it too
        node.mine(3)
        engines[1][0].scan_once()                                # till 2 records it (another till's tail)
        a.export_handover(tmp_path / "1-to-2.jsonl")             # till 1 hands its queue to till 2 ...
        assert b.import_handover(tmp_path / "1-to-2.jsonl").added == 1
        b.export_handover(tmp_path / "2-to-3.jsonl")             # ... which hands it on to till 3
        assert c.import_handover(tmp_path / "2-to-3.jsonl").added == 1
        for _ in range(4):                                       # everyone online: passes until quiet
            for w, e in engines:
                w.scan_once()
                e.pass_once()
            node.mine(2)
        states = [x.store.one("SELECT state, handed_off_at FROM offline_payments WHERE idem_key = ?",
                              (item.key,)) for x in tills]
        # Till 1 (held by hash) and till 3 (sent it: "nonce too low", receipt, claimed) are final.
        # Before: till 2's copy stayed queued: its transfer was recorded (other_till) before the import
        # and nothing linked it (the engine claims only items it follows, and skips handed-off ones).
        assert [s["state"] for s in states] == ["final", "final", "final"], states
        for x in tills:
            x.close()
    finally:
        stop_anvil(node)
