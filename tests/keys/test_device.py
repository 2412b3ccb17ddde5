"""This till's device key (``pos_app/keys/device.py``) and the store that is given it.

Tested: a key file an earlier version wrote (``device-key.pem``, PKCS8 PEM, unencrypted Ed25519) is
read as it is, never replaced, and made private; ``DeviceKeyOnce.public()`` reads the key and never
makes one (a missing or damaged key is said in one sentence); a store signs its audit head with the
key it is given, not with one it finds or makes beside its database.
"""
from __future__ import annotations

import os
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pos_app.keys import device as D
from pos_app.store.audit import verify
from pos_app.store.audit_head import head_signed_by
from pos_app.store.db import open_store


def test_a_key_an_earlier_version_wrote_keeps_working(tmp_path):
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path = tmp_path / "device-key.pem"                  # the name every shop's data folder has
    path.write_bytes(pem)
    if os.name != "nt":
        os.chmod(path, 0o644)
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
    assert D.DEVICE_KEY_NAME == "device-key.pem"
    assert D.public_key_hex(D.device_key(tmp_path)) == public
    assert D.device_fingerprint(tmp_path) == D.fingerprint(public) and len(D.fingerprint(public)) == 16
    assert D.DeviceKeyOnce(tmp_path).public() == (public, None)
    assert path.read_bytes() == pem                     # read, never rewritten
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_public_never_makes_a_key_and_says_what_is_wrong(tmp_path):
    keys = D.DeviceKeyOnce(tmp_path)
    public, problem = keys.public()
    assert public is None and "device key (device-key.pem) is missing" in problem
    assert list(tmp_path.iterdir()) == []
    (tmp_path / D.DEVICE_KEY_NAME).write_bytes(b"-----BEGIN PRIVATE KEY-----\nbroken\n")
    public, problem = keys.public()
    assert public is None and "device key (device-key.pem) is damaged" in problem
    assert keys() is None                               # a sale goes on unsigned
    assert (tmp_path / D.DEVICE_KEY_NAME).read_bytes() == b"-----BEGIN PRIVATE KEY-----\nbroken\n"


@pytest.mark.parametrize("made_first", [False, True])
def test_a_store_signs_its_head_with_the_key_it_is_given(tmp_path, made_first):
    shop, keys_folder = tmp_path / "shop", tmp_path / "keys"
    if made_first:
        D.device_key(keys_folder)
    given = D.DeviceKeyOnce(keys_folder)
    store = open_store(shop, device_key=given)
    try:
        assert store.device_key is given
        store.audit("manager", "test.event", "test", {"n": 1})
        head = store.signed_audit_head()
        assert head is not None and head_signed_by(D.public_key_hex(D.device_key(keys_folder)), head)
        assert not (shop / D.DEVICE_KEY_NAME).exists()  # the store made no key of its own
        assert verify(store, shop).ok, verify(store, shop).problems
    finally:
        store.close()
