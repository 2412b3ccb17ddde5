"""Payloads signed by ethers (npm), not by the Python stack the app uses: all four kinds are accepted."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from pos_app.offline.payload import parse_payload
from pos_app.offline.verify import verify_payload

from payloads import CHAIN, GWEI, MERCHANT, SOM, TOKEN, facts

NODE_MODULES = Path(__file__).resolve().parents[2] / "packaging" / "node" / "node_modules"


def ethers_payloads(**args) -> dict:
    node = shutil.which("node")
    if node is None or not (NODE_MODULES / "ethers").exists():
        if os.environ.get("SOMPOS_REQUIRE_ANVIL"):
            pytest.fail("node and the pinned ethers package are required (python3 packaging/dev.py test installs them)")
        pytest.skip("node / ethers not installed")
    out = subprocess.run([node, str(Path(__file__).with_name("ethers_payloads.js")), json.dumps(args)],
                         capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, SOMPOS_NODE_MODULES=str(NODE_MODULES)))
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_ethers_made_payloads_pass_verification():
    now = int(time.time())
    key = "0x" + "42" * 32
    p = ethers_payloads(key=key, chainId=CHAIN, token=TOKEN, to=MERCHANT, amount=150 * SOM, nonce=9,
                        gasPrice=GWEI // 10, validBefore=now + 3 * 86400, name=facts().token_name,
                        version=facts().token_version)
    for kind in ("legacy", "eip2930", "eip1559", "eip3009"):
        payload = parse_payload(p[kind])
        assert payload.payer == p["address"] and payload.amount == 150 * SOM and payload.recipient == MERCHANT
        verify_payload(payload, facts(), due_base=150 * SOM, now=now, sync_deadline=now + 86400)
    assert parse_payload(p["legacy"]).tx_type == 0 and parse_payload(p["eip1559"]).nonce == 9
