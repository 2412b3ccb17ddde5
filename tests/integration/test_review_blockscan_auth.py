"""Review finding (issue 18), fixed; before the fix: where the node disables eth_getLogs (public BSC endpoints) the watcher reads blocks and
only sees direct transfer() calls. A relayed authorization (transferWithAuthorization /
receiveWithAuthorization) is never recorded, so under 'final only by evidence' the item is taken for a
lie, resent, and after 10 sends waits for a person; the sale never settles though the money arrived."""
from __future__ import annotations
import pytest
from eth_account import Account
from pos_app.shop.config import set_network
from tests.integration.conftest import start_anvil, stop_anvil
from tests.integration.test_sync_anvil import Till, MERCHANT_KEY
from tests.integration.test_evidence_anvil import invoice

pytestmark = pytest.mark.anvil


@pytest.fixture
def node():
    n = start_anvil(block_time=None)
    yield n
    stop_anvil(n)


@pytest.mark.parametrize("kind", ["raw_tx", "eip3009"])
def test_no_getlogs(node, tmp_path, kind):
    till = Till(tmp_path, node)
    p = tmp_path / "nologs.toml"
    p.write_text(f'name = "anvil-nologs"\nchain_id = 31337\nrpc_urls = ["{node.url}"]\ntoken = "{till.shop.token_address}"\n'
                 f'[finality]\nrule = "confirmations"\nconfirmations = 2\n[logs]\nenabled = false\nmax_range = 50\npoll_seconds = 0.1\n')
    set_network(till.ctx.store, str(p))
    till.engine = till.ctx.sync_engine(relay=Account.from_key(MERCHANT_KEY))
    till.watcher = till.ctx.watcher()
    pk = till.payer("nologs payer")
    till.step()
    before = till.balance()
    inv, item = till.accept(till.raw(pk) if kind == "raw_tx" else till.auth(pk), som=21)
    for _ in range(14):
        till.step()
        node.mine(1)
    r = till.row(item.id)
    print(kind, "item", r["state"], r["attempts"], r["reason_code"], "| sale", invoice(till, inv.id)["state"],
          "| money arrived", till.balance() - before == inv.due_base)
    assert till.balance() - before == inv.due_base
    assert invoice(till, inv.id)["state"] == "settled" and r["state"] == "final"
