"""Issue 10, point 5: never accept a kind of offline payment the token cannot settle.

The real som token's interface is not public, so the till probes the configured token online
(EIP-3009, EIP-2612, pause, blacklist), keeps the answer with the token's cached facts and refuses
at offline acceptance what the token cannot settle. Tested here on an in-process EVM (eth-tester)
against the demo SomToken (EIP-3009 + EIP-2612), a plain ERC-20 and a pausable token with a
blacklist (resources/contracts/PlainToken.sol, compiled into pos_app/chain/artifacts/PlainToken.json).

Rebuild the artifact after editing the source: ``python tests/chain/test_token_probe.py --write``.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from eth_account import Account
from eth_utils import keccak

from pos_app.app.till import Till
from pos_app.chain.contract import ARTIFACT_PATH, deploy_contract, send_token_call
from pos_app.chain.rpc import RpcClient
from pos_app.chain.token import probe_features, refresh_features, refresh_token_info
from pos_app.chain.token_cache import (
    DEMO_TOKEN_FEATURES, TokenFeatures, TokenInfo, cached_token_info, describe_offline_kinds, save_token_info,
)
from pos_app.shop.config import set_merchant, set_network, set_token
from pos_app.app.context import AppContext
from pos_app.chain.demo_constants import DEMO_MERCHANT, DEMO_TOKEN_ADDRESS, DEMO_TOKEN_NAME, DEMO_TOKEN_VERSION
from pos_app.app.demo.wallet import sign_authorization
from pos_app.core.money import Tyiyn
from pos_app.chain.profiles import DEMO_CHAIN_ID, resolve_profile

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "contracts" / "PlainToken.sol"
PLAIN_ARTIFACT = ARTIFACT_PATH.parent / "PlainToken.json"
SOLC_DIR = ROOT / "packaging" / "node" / "node_modules" / "solc"
GWEI = 10**9
SOM = 10**6

# The same pinned solc and settings as packaging/compile_contract.js (SomToken), for both contracts.
COMPILE_JS = r"""
'use strict';
const crypto = require('crypto'), fs = require('fs'), path = require('path');
const [root, outPath] = process.argv.slice(-2);
const solc = require(path.join(root, 'packaging', 'node', 'node_modules', 'solc'));
const SETTINGS = { optimizer: { enabled: true, runs: 200 }, evmVersion: 'paris', metadata: { bytecodeHash: 'none' } };
const UNIT = 'PlainToken.sol';
const src = fs.readFileSync(path.join(root, 'resources', 'contracts', UNIT));
const input = { language: 'Solidity', sources: { [UNIT]: { content: src.toString('utf8') } },
  settings: { ...SETTINGS, outputSelection: { [UNIT]: { '*': ['abi', 'evm.bytecode.object'] } } } };
const out = JSON.parse(solc.compile(JSON.stringify(input)));
for (const d of out.errors || []) console.error(d.formattedMessage || d.message);
if ((out.errors || []).some((d) => d.severity === 'error')) process.exit(1);
const contracts = {};
for (const name of ['PlainToken', 'GuardedToken', 'TokenProxy']) {
  const c = out.contracts[UNIT][name];
  contracts[name] = { abi: c.abi, bytecode: '0x' + c.evm.bytecode.object };
}
const artifact = { source: UNIT, compiler: solc.version(), settings: SETTINGS,
  sourceSha256: crypto.createHash('sha256').update(src).digest('hex'), contracts };
fs.writeFileSync(outPath, JSON.stringify(artifact, null, 2) + '\n');
"""


def compile_plain(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["node", "-e", COMPILE_JS, str(ROOT), str(out)], capture_output=True, text=True,
                          timeout=300)


def test_tokens() -> dict:
    """{"PlainToken": {abi, bytecode}, "GuardedToken": {...}} from the committed artifact."""
    return json.loads(PLAIN_ARTIFACT.read_text(encoding="utf-8"))["contracts"]


test_tokens.__test__ = False  # a helper, not a test


def deploy_test_token(w3, key: bytes, name: str, decimals: int = 6) -> str:
    c = test_tokens()[name]
    return deploy_contract(w3, key, c["abi"], c["bytecode"], f"{name} som", "tSOM", decimals)


def guarded(w3, address: str):
    return w3.eth.contract(address=address, abi=test_tokens()["GuardedToken"]["abi"])


def payer_key(label: str) -> bytes:
    return keccak(text=f"sompos probe payer: {label}")


# -- the committed test-token artifact -------------------------------------------------------------
def test_f5_plain_token_artifact_is_built_from_its_source():
    art = json.loads(PLAIN_ARTIFACT.read_text(encoding="utf-8"))
    assert art["sourceSha256"] == hashlib.sha256(SOURCE.read_bytes()).hexdigest(), (
        "resources/contracts/PlainToken.sol changed: run `python tests/chain/test_token_probe.py --write`")
    names = {n: {e.get("name") for e in c["abi"]} for n, c in art["contracts"].items()}
    assert set(names) == {"PlainToken", "GuardedToken", "TokenProxy"}
    assert "authorizationState" not in names["PlainToken"] and "permit" not in names["PlainToken"]
    assert {"paused", "isBlacklisted", "setPaused", "setBlacklisted"} <= names["GuardedToken"]


def test_f5_recompiling_the_plain_token_reproduces_the_artifact(tmp_path):
    if shutil.which("node") is None or not SOLC_DIR.is_dir():
        pytest.skip("node or the pinned solc (packaging/node) is not installed")
    out = tmp_path / "PlainToken.json"
    r = compile_plain(out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == PLAIN_ARTIFACT.read_bytes()


# -- the probe ----------------------------------------------------------------------------------------
@pytest.fixture
def rpc(evm_w3):
    return RpcClient(resolve_profile("demo"), embedded_w3=evm_w3)


def test_f5_probe_finds_authorizations_and_permit_on_the_demo_token(rpc, som_token):
    f = probe_features(rpc, som_token.address, at=123)
    assert f == TokenFeatures(eip3009=True, eip2612=True, pausable=False, paused=False, blacklist=None,
                              probed_at=123, auth_methods=("receiveWithAuthorization", "transferWithAuthorization"))
    assert f.offline_kinds == ("raw_tx", "eip3009")


def test_f5_probe_finds_neither_on_a_plain_erc20(rpc, evm_w3, minter_key):
    plain = deploy_test_token(evm_w3, minter_key, "PlainToken")
    f = probe_features(rpc, plain)
    assert (f.eip3009, f.eip2612, f.pausable, f.blacklist, f.auth_methods) == (False, False, False, None, ())
    assert f.offline_kinds == ("raw_tx",)


def test_f5_probe_sees_the_pause_switch_and_the_blacklist(rpc, evm_w3, minter_key):
    token = deploy_test_token(evm_w3, minter_key, "GuardedToken")
    bad, good = (Account.from_key(payer_key(x)).address for x in ("bad", "good"))
    f = probe_features(rpc, token, payers=[bad, good])
    assert (f.pausable, f.paused, f.blacklist, f.blacklisted) == (True, False, "isBlacklisted", ())
    send_token_call(evm_w3, minter_key, guarded(evm_w3, token).functions.setBlacklisted(bad, True))
    send_token_call(evm_w3, minter_key, guarded(evm_w3, token).functions.setPaused(True))
    f = probe_features(rpc, token, payers=[bad, good])
    assert f.paused and f.offline_kinds == ()
    assert f.is_blacklisted(bad.lower()) and not f.is_blacklisted(good)


def test_f5_probe_looks_behind_an_eip1967_proxy(rpc, evm_w3, minter_key, som_token):
    """Upgradeable tokens keep their functions in a logic contract: found through the proxy's slot."""
    proxy = test_tokens()["TokenProxy"]

    def behind_proxy(logic: str) -> str:
        return deploy_contract(evm_w3, minter_key, proxy["abi"], proxy["bytecode"], logic)
    f = probe_features(rpc, behind_proxy(som_token.address))
    assert f.eip3009 and f.eip2612
    f = probe_features(rpc, behind_proxy(deploy_test_token(evm_w3, minter_key, "PlainToken")))
    assert not f.eip3009 and not f.eip2612


def test_f5_probe_and_facts_are_cached_per_token(rpc, evm_w3, tmp_path, som_token, minter_key):
    """A changed token address is probed on its own: one token's answer never stands for another's."""
    ctx = AppContext(tmp_path / "shop")
    plain = deploy_test_token(evm_w3, minter_key, "PlainToken")
    a = refresh_token_info(ctx.store, rpc, som_token.address)
    assert a.features.eip3009 and a.features.probed_at > 0
    assert cached_token_info(ctx.store, DEMO_CHAIN_ID, plain) is None      # not probed: nothing assumed
    b = refresh_token_info(ctx.store, rpc, plain)
    assert not b.features.eip3009
    assert cached_token_info(ctx.store, DEMO_CHAIN_ID, som_token.address).features.eip3009
    # Facts saved without a probe (an older code path) keep the probed features.
    save_token_info(ctx.store, TokenInfo(DEMO_CHAIN_ID, plain, 6, "tSOM", "x", "x", "1"))
    assert cached_token_info(ctx.store, DEMO_CHAIN_ID, plain).features == b.features
    ctx.close()


def test_f5_switching_the_token_or_network_asks_for_a_new_probe(tmp_path, capsys):
    """`config token` / `config network` to another token: its cached answer is dropped until probed again
    (it may be old, or about another contract: a restarted test chain reuses addresses)."""
    from pos_app.cli.main import main
    ctx = AppContext(tmp_path / "shop")
    other = "0x" + "34" * 20
    probed = TokenFeatures(eip3009=True, eip2612=True, probed_at=7)
    set_network(ctx.store, "local")
    set_token(ctx.store, DEMO_TOKEN_ADDRESS)
    for token in (DEMO_TOKEN_ADDRESS, other):
        save_token_info(ctx.store, TokenInfo(31337, token, 6, "S", "S", "S", "1", probed))
    set_token(ctx.store, DEMO_TOKEN_ADDRESS)                       # the same token again: kept
    assert cached_token_info(ctx.store, 31337, DEMO_TOKEN_ADDRESS).features == probed
    assert main(["--data-dir", str(ctx.data_dir), "config", "token", other]) == 0
    assert cached_token_info(ctx.store, 31337, other).features is None
    assert "not checked yet" in capsys.readouterr().out
    assert cached_token_info(ctx.store, 31337, DEMO_TOKEN_ADDRESS).features == probed   # not the shop's now
    set_token(ctx.store, DEMO_TOKEN_ADDRESS)                       # back again: probed afresh
    assert cached_token_info(ctx.store, 31337, DEMO_TOKEN_ADDRESS).features is None
    save_token_info(ctx.store, TokenInfo(56, other, 6, "S", "S", "S", "1", probed))
    set_network(ctx.store, "bsc")
    set_token(ctx.store, other)
    assert cached_token_info(ctx.store, 56, other).features is None
    ctx.close()


def test_f5_a_node_refusing_the_probe_does_not_stop_sales(tmp_path, evm_w3, som_token):
    """A restricted RPC that refuses one of the probe's calls: facts are still cached (invoices work),
    features stay as last known, or not checked (authorizations refused) when never probed."""
    class Restricted(type(evm_w3.provider)):
        def make_request(self, method, params):
            if method == "eth_getStorageAt":
                return {"jsonrpc": "2.0", "id": 1,
                        "error": {"code": -32601, "message": "the method eth_getStorageAt is not available"}}
            return super().make_request(method, params)

    from web3 import Web3
    strict = Web3(Restricted(evm_w3.provider.ethereum_tester))  # the same in-process chain, a stricter node
    ctx = AppContext(tmp_path / "shop")
    info = refresh_token_info(ctx.store, RpcClient(resolve_profile("demo"), embedded_w3=strict), som_token.address)
    assert info.decimals == 6 and info.features is None
    assert cached_token_info(ctx.store, DEMO_CHAIN_ID, som_token.address).decimals == 6
    refresh_token_info(ctx.store, RpcClient(resolve_profile("demo"), embedded_w3=evm_w3), som_token.address)
    info = refresh_token_info(ctx.store, RpcClient(resolve_profile("demo"), embedded_w3=strict), som_token.address)
    assert info.features is not None and info.features.eip3009          # the last known answer is kept
    ctx.close()


def test_f5_damaged_features_count_as_not_probed(tmp_path):
    ctx = AppContext(tmp_path / "shop")
    save_token_info(ctx.store, TokenInfo(56, DEMO_TOKEN_ADDRESS, 6, "S", "S", "S", "1",
                                         TokenFeatures(eip3009=True, eip2612=False, probed_at=5)))
    assert cached_token_info(ctx.store, 56, DEMO_TOKEN_ADDRESS).features.eip3009
    for junk in ("[1,2]", "{", '{"eip3009": "yes", "eip2612": false, "pausable": false, "paused": false}',
                 '{"eip3009": true}', "x" * 70_000):
        ctx.store.execute("UPDATE token_info SET features = ?", (junk,))
        assert cached_token_info(ctx.store, 56, DEMO_TOKEN_ADDRESS).features is None, junk
    ctx.close()


# -- offline acceptance -----------------------------------------------------------------------------
class Shop:
    """A till on the embedded demo profile whose token is a contract deployed on ``evm_w3``."""

    def __init__(self, tmp_path, w3, token: str) -> None:
        self.w3 = w3
        self.ctx = AppContext(tmp_path / "shop", embedded_w3=w3)
        set_token(self.ctx.store, token)
        self.token = token
        self.info = self.ctx.token_info(refresh=True)          # online once: facts and features probed
        self.ctx.offline.record_sync(DEMO_CHAIN_ID, at=int(time.time()), gas_price=GWEI)

    def check(self, text: str, som: int = 150):
        inv = self.ctx.create_invoice(Tyiyn(som * 100))
        return self.ctx.offline.evaluate(text, self.ctx.offline_facts(), due_base=inv.due_base)

    def authorization(self, key: bytes, som: int = 150) -> str:
        return sign_authorization(key, chain_id=DEMO_CHAIN_ID, token=self.token, to=DEMO_MERCHANT,
                                  amount=som * SOM + 999, name=self.info.eip712_name,
                                  version=self.info.eip712_version)

    def transfer(self, key: bytes, som: int = 150, nonce: int = 0) -> str:
        data = bytes.fromhex("a9059cbb") + bytes.fromhex(DEMO_MERCHANT[2:]).rjust(32, b"\0") \
            + (som * SOM + 999).to_bytes(32, "big")
        tx = {"type": 2, "chainId": DEMO_CHAIN_ID, "nonce": nonce, "to": self.token, "value": 0, "data": data,
              "gas": 80_000, "maxFeePerGas": 3 * GWEI, "maxPriorityFeePerGas": GWEI}
        return "0x" + bytes(Account.sign_transaction(tx, key).raw_transaction).hex()


def test_f5_authorization_refused_when_the_token_cannot_settle_it(tmp_path, evm_w3, minter_key):
    shop = Shop(tmp_path, evm_w3, deploy_test_token(evm_w3, minter_key, "PlainToken"))
    v = shop.check(shop.authorization(payer_key("a")))
    assert not v.ok and v.code == "kind_unsupported" and "signed transfer" in v.reason
    assert shop.check(shop.transfer(payer_key("a"))).ok                 # what it can settle is still taken


def test_f5_authorization_taken_when_the_token_has_eip3009(tmp_path, evm_w3, som_token):
    shop = Shop(tmp_path, evm_w3, som_token.address)
    assert shop.info.features.eip3009
    v = shop.check(shop.authorization(payer_key("a")))
    assert v.ok, v.reason


def test_f5_authorization_by_a_call_the_token_lacks_is_refused():
    """A token with receiveWithAuthorization only: an authorization for transferWithAuthorization never settles."""
    from pos_app.offline.payload import PayloadRefused, parse_payload
    from pos_app.offline.verify import FeeFloor, ShopFacts, verify_payload
    now = int(time.time())
    only_receive = TokenFeatures(eip3009=True, eip2612=False, auth_methods=("receiveWithAuthorization",))
    facts = ShopFacts(chain_id=DEMO_CHAIN_ID, token=DEMO_TOKEN_ADDRESS, merchant=DEMO_MERCHANT, decimals=6,
                      token_name=DEMO_TOKEN_NAME, token_version=DEMO_TOKEN_VERSION,
                      fee_floor=FeeFloor(GWEI, 0, now), features=only_receive)

    def auth(method: str):
        return parse_payload(sign_authorization(payer_key("a"), chain_id=DEMO_CHAIN_ID, token=DEMO_TOKEN_ADDRESS,
                                                to=DEMO_MERCHANT, amount=SOM, name=DEMO_TOKEN_NAME,
                                                version=DEMO_TOKEN_VERSION, method=method))
    verify_payload(auth("receiveWithAuthorization"), facts, due_base=SOM, now=now, sync_deadline=now)
    with pytest.raises(PayloadRefused) as refused:
        verify_payload(auth("transferWithAuthorization"), facts, due_base=SOM, now=now, sync_deadline=now)
    assert refused.value.code == "kind_unsupported"
    assert TokenFeatures.from_json(only_receive.to_json(), 1).auth_methods == ("receiveWithAuthorization",)


def test_f5_authorization_refused_when_the_token_was_never_probed(tmp_path):
    ctx = AppContext(tmp_path / "shop")
    set_network(ctx.store, "local")
    set_merchant(ctx.store, DEMO_MERCHANT)
    set_token(ctx.store, DEMO_TOKEN_ADDRESS)
    # Facts cached by an older version (decimals, domain) but the token never probed.
    save_token_info(ctx.store, TokenInfo(31337, DEMO_TOKEN_ADDRESS, 6, "dSOM", DEMO_TOKEN_NAME, DEMO_TOKEN_NAME,
                                         DEMO_TOKEN_VERSION))
    ctx.offline.record_sync(31337, at=int(time.time()), gas_price=GWEI)
    inv = ctx.create_invoice(Tyiyn(150_00))
    auth = sign_authorization(payer_key("a"), chain_id=31337, token=DEMO_TOKEN_ADDRESS, to=DEMO_MERCHANT,
                              amount=inv.due_base, name=DEMO_TOKEN_NAME, version=DEMO_TOKEN_VERSION)
    v = ctx.offline.evaluate(auth, ctx.offline_facts(), due_base=inv.due_base)
    assert not v.ok and v.code == "token_not_checked" and "not checked yet" in v.reason and "connect" in v.reason
    with pytest.raises(Exception, match="not checked yet"):
        ctx.offline.accept(auth, inv.id, ctx.offline_facts())
    assert ctx.store.one("SELECT COUNT(*) AS n FROM offline_payments")["n"] == 0
    ctx.close()


def test_f5_demo_token_takes_authorizations_without_a_probe(tmp_path):
    """The embedded demo token is our SomToken: known to settle authorizations, like its decimals."""
    ctx = AppContext(tmp_path / "shop")
    # A demo shop from before the probe existed: its cached row has no features.
    save_token_info(ctx.store, TokenInfo(DEMO_CHAIN_ID, DEMO_TOKEN_ADDRESS, 6, "dSOM", DEMO_TOKEN_NAME,
                                         DEMO_TOKEN_NAME, DEMO_TOKEN_VERSION))
    ctx.offline.record_sync(DEMO_CHAIN_ID, at=int(time.time()), gas_price=GWEI)
    facts = ctx.offline_facts()
    assert facts.features.eip3009 and facts.features.eip2612 and facts.features == \
        TokenFeatures(**{**DEMO_TOKEN_FEATURES.__dict__, "probed_at": facts.features.probed_at})
    inv = ctx.create_invoice(Tyiyn(150_00))
    auth = sign_authorization(payer_key("a"), chain_id=DEMO_CHAIN_ID, token=DEMO_TOKEN_ADDRESS, to=DEMO_MERCHANT,
                              amount=inv.due_base, name=DEMO_TOKEN_NAME, version=DEMO_TOKEN_VERSION)
    item, _ = ctx.offline.accept(auth, inv.id, facts)
    assert item.kind == "eip3009"
    ctx.close()


def test_f5_paused_token_refuses_every_offline_payment(tmp_path, evm_w3, minter_key):
    token = deploy_test_token(evm_w3, minter_key, "GuardedToken")
    send_token_call(evm_w3, minter_key, guarded(evm_w3, token).functions.setPaused(True))
    shop = Shop(tmp_path, evm_w3, token)
    v = shop.check(shop.transfer(payer_key("a")))
    assert not v.ok and v.code == "token_paused" and "paused" in v.reason
    send_token_call(evm_w3, minter_key, guarded(evm_w3, token).functions.setPaused(False))
    refresh_features(shop.ctx.store, shop.ctx.rpc(), token)            # online again: probed again
    assert shop.check(shop.transfer(payer_key("a"))).ok


def test_f5_blacklisted_payer_is_refused(tmp_path, evm_w3, minter_key):
    token = deploy_test_token(evm_w3, minter_key, "GuardedToken")
    bad, good = payer_key("bad"), payer_key("good")
    shop = Shop(tmp_path, evm_w3, token)
    for k in (bad, good):  # payers the till knows: their balance snapshots from the last sync
        shop.ctx.offline.save_snapshot(DEMO_CHAIN_ID, token, Account.from_key(k).address,
                                       balance_base=10**6 * SOM, nonce=0, at=int(time.time()))
    assert shop.check(shop.transfer(bad)).ok
    send_token_call(evm_w3, minter_key, guarded(evm_w3, token).functions.setBlacklisted(
        Account.from_key(bad).address, True))
    # The payers to check are the queue's (handed in: the chain layer does not read the queue's table).
    refresh_token_info(shop.ctx.store, shop.ctx.rpc(), token,
                       payers=shop.ctx.offline.snapshot_payers(DEMO_CHAIN_ID, token))
    v = shop.check(shop.transfer(bad))
    assert not v.ok and v.code == "payer_blacklisted" and "blocked" in v.reason
    assert shop.check(shop.transfer(good)).ok


# -- shown to the shop --------------------------------------------------------------------------------
def test_f5_config_show_says_which_offline_payments_the_token_takes(tmp_path, capsys):
    from pos_app.cli.main import main
    demo = str(tmp_path / "demo")
    assert main(["--data-dir", demo, "config", "show"]) == 0
    assert "signed transfers and authorizations" in capsys.readouterr().out
    assert main(["--data-dir", demo, "config", "show", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["token_features"]["eip3009"] is True and d["token_features"]["offline_kinds"] == ["raw_tx", "eip3009"]
    shop = str(tmp_path / "shop")
    for argv in (["network", "local"], ["token", DEMO_TOKEN_ADDRESS]):
        assert main(["--data-dir", shop, "config", *argv]) == 0
    capsys.readouterr()
    assert main(["--data-dir", shop, "config", "show", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["token_features"] is None and "not checked yet" in d["offline_kinds"]
    assert describe_offline_kinds(TokenFeatures(eip3009=False, eip2612=True)).startswith("signed transfers only")
    assert describe_offline_kinds(TokenFeatures(eip3009=True, eip2612=True, pausable=True, paused=True)) \
        .startswith("none")


def test_f5_settings_and_first_run_show_the_offline_kinds(qtbot, tmp_path):
    pytest.importorskip("PySide6")
    from pos_app.ui.shell.bridge import Worker
    from pos_app.ui.screens.settings.first_run import FirstRunDialog
    from pos_app.ui.screens.settings.settings_screen import SettingsScreen
    ctx = AppContext(tmp_path / "shop")
    worker = Worker("test-settings")
    s = SettingsScreen(Till(ctx), worker)
    qtbot.addWidget(s)
    s.load(ctx.config)                                    # the demo token: known to take both
    qtbot.waitUntil(lambda: "authorizations" in s.offline_kinds.text(), timeout=5000)
    assert s.offline_kinds.text() == "Offline payments: signed transfers and authorizations"
    set_network(ctx.store, "local")
    set_merchant(ctx.store, DEMO_MERCHANT)
    set_token(ctx.store, DEMO_TOKEN_ADDRESS)
    s.load(ctx.config)                                    # not probed yet on this network
    qtbot.waitUntil(lambda: "first connection" in s.offline_kinds.text(), timeout=5000)
    save_token_info(ctx.store, TokenInfo(31337, DEMO_TOKEN_ADDRESS, 6, "S", "S", "S", "1",
                                         TokenFeatures(eip3009=False, eip2612=False, probed_at=1)))
    s.load(ctx.config)
    qtbot.waitUntil(lambda: s.offline_kinds.text() == "Offline payments: signed transfers only", timeout=5000)
    d = FirstRunDialog(Till(ctx))
    qtbot.addWidget(d)
    assert "signed transfers only" in d.offline_note.text()
    worker.shutdown()
    ctx.close()


if __name__ == "__main__":  # rebuild the committed artifact from the source
    if sys.argv[1:] == ["--write"]:
        result = compile_plain(PLAIN_ARTIFACT)
        print(result.stderr or f"wrote {PLAIN_ARTIFACT}")
        sys.exit(result.returncode)
    print(__doc__)


def test_f5_a_running_watcher_probes_again_so_a_pause_needs_no_restart(tmp_path, evm_w3, minter_key):
    token = deploy_test_token(evm_w3, minter_key, "GuardedToken")
    shop = Shop(tmp_path, evm_w3, token)
    w = shop.ctx.watcher()
    w.scan_once()
    assert shop.check(shop.transfer(payer_key("p"))).ok
    send_token_call(evm_w3, minter_key, guarded(evm_w3, token).functions.setPaused(True))
    clock = [time.time()]
    w.clock = lambda: clock[0]
    clock[0] += 3600                                  # the till keeps running: the next round of checks
    w.scan_once()
    v = shop.check(shop.transfer(payer_key("p")))
    assert not v.ok and v.code == "token_paused"
