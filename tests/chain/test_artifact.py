"""The committed SomToken artifact must be exactly what the pinned solc builds from the source.

The app ships the artifact instead of compiling at run time, so a source edit without a
recompile (or a recompile with other settings or another solc) must fail here.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pos_app.chain.contract import ARTIFACT_PATH, load_artifact

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "contracts" / "SomToken.sol"
COMPILE_SCRIPT = ROOT / "packaging" / "compile_contract.js"
SOLC_DIR = ROOT / "packaging" / "node" / "node_modules" / "solc"
INSTALL_HINT = "run `python3 packaging/dev.py test` to install the pinned npm tools"


def test_committed_artifact_matches_source_hash():
    artifact = load_artifact()
    assert artifact["contractName"] == "SomToken"
    assert artifact["sourceSha256"] == hashlib.sha256(SOURCE.read_bytes()).hexdigest(), (
        "resources/contracts/SomToken.sol changed but the artifact was not rebuilt; "
        "run `node packaging/compile_contract.js`"
    )
    assert artifact["bytecode"].startswith("0x") and len(artifact["bytecode"]) > 2
    assert {e.get("name") for e in artifact["abi"]} >= {
        "transferWithAuthorization", "receiveWithAuthorization", "cancelAuthorization", "permit", "mint",
    }


def test_recompiling_reproduces_the_committed_artifact(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip(f"node is not on PATH; install Node.js 18+ and {INSTALL_HINT}")
    if not SOLC_DIR.is_dir():
        pytest.skip(f"solc is not installed in {SOLC_DIR.relative_to(ROOT)}; {INSTALL_HINT}")

    out = tmp_path / "SomToken.json"
    result = subprocess.run(
        [node, str(COMPILE_SCRIPT), str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, f"compile failed:\n{result.stdout}\n{result.stderr}"

    fresh = out.read_bytes()
    assert json.loads(fresh)["sourceSha256"] == hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert fresh == ARTIFACT_PATH.read_bytes(), (
        "the committed pos_app/chain/artifacts/SomToken.json differs from a fresh build; "
        "run `node packaging/compile_contract.js` and commit the result"
    )
