"""The test suite's tiers: every test is marked by the slow kind of thing it runs, so a developer
runs the fast tier after each change (``python3 packaging/dev.py test --fast``) and CI runs all.

* ``anvil``: a real JSON-RPC node (tests/integration);
* ``evm``: the in-process EVM (eth-tester + py-evm: the demo chain, a fresh chain per test);
* ``walk``: the real window under Xvfb, driven by xdotool, or a window per screen size in a child;
* ``build``: the real PyInstaller build and its packages.

A test gets the mark of its module's kind here, from what the module uses, so a new test file is
tiered without anyone remembering to mark it (an explicit ``pytestmark`` works too).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
# Set before any test imports the app, and inherited by every process a test starts:
# an error raised with a key pos_app/core/messages.py lacks fails at once (pos_app/core/errors.py),
# and the CLI speaks English unless a test asks for the shop's language (pos_app/cli/output.py).
os.environ.setdefault("SOMPOS_STRICT_TEXT", "1")
os.environ.setdefault("SOMPOS_LANG", "en")
# What a module's source says about the slow kind it runs.
EVM_WORDS = ("DemoChain", "EthereumTester", "evm_w3", "open_demo_context", "demo_chain", "som_token")
WALK_FILES = {"ui/test_counter_walk.py", "ui/test_screen_fit.py"}
BUILD_FILES = {"packaging/test_build.py"}


@lru_cache(maxsize=None)
def _kind(path: str) -> str | None:
    rel = Path(path).resolve().relative_to(ROOT).as_posix()
    if rel in BUILD_FILES:
        return "build"
    if rel in WALK_FILES:
        return "walk"
    if rel.startswith("integration/"):
        return "anvil"
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return None
    if any(word in text for word in EVM_WORDS) or rel.startswith("chain/"):
        return "evm"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        kind = _kind(str(item.fspath))
        if kind is not None and not item.get_closest_marker(kind):
            item.add_marker(getattr(pytest.mark, kind))
        # Fixtures that start the in-process EVM mark a test wherever it lives.
        if kind is None and {"demo_chain", "window", "evm_w3", "chain"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.evm)


# Keystores a test writes use a cheap scrypt (n = 16): a relay key made by a sale or a sync test
# costs a millisecond, not a second and 256 MB. Tests about the key derivation itself (its floors,
# its cost limits) are marked ``real_kdf`` and keep the real values. Only this process's module
# values change: the app has no switch that weakens a keystore (pos_app/keys/keystore.py).
CHEAP_SCRYPT_N = 2**4


@pytest.fixture(autouse=True)
def _cheap_kdf(request):
    if request.node.get_closest_marker("real_kdf"):
        yield
        return
    from pos_app.keys import keystore
    saved = keystore.SCRYPT_N, keystore.MIN_SCRYPT_N
    keystore.SCRYPT_N = keystore.MIN_SCRYPT_N = CHEAP_SCRYPT_N
    try:
        yield
    finally:
        keystore.SCRYPT_N, keystore.MIN_SCRYPT_N = saved
