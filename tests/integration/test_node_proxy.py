"""Behind a mandatory proxy the till reaches its node (issue 18, point 13).

``chain/provider.py`` sends requests with ``http.client`` itself; before the fix it ignored
HTTP_PROXY, HTTPS_PROXY and NO_PROXY, so a shop whose network only lets a proxy out was offline
for ever. A real forwarding proxy on loopback (``http_proxy.py``) counts what it carries, in front
of a real anvil node: an ``http://`` node is reached through it (absolute URI), an ``https://``
node through a CONNECT tunnel (a TLS front on loopback with a certificate made here), NO_PROXY
sends the till direct, and a proxy that wants a password says so as a node failure, not a
traceback.
"""
from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading

import pytest

from pos_app.chain.profiles import NetworkProfile
from pos_app.chain.rpc import RpcClient
from pos_app.core.errors import NodeUnavailable

from .conftest import ANVIL_CHAIN_ID, start_anvil, stop_anvil
from .http_proxy import ForwardingProxy

pytestmark = pytest.mark.anvil

PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE")


@pytest.fixture(scope="module")
def node():
    n = start_anvil(block_time=None)
    n.mine(3)
    yield n
    stop_anvil(n)


@pytest.fixture
def clean_env(monkeypatch):
    """No proxy or certificate setting from the machine running the tests."""
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    return monkeypatch


@pytest.fixture
def proxy():
    with ForwardingProxy() as p:
        yield p


def client(*urls: str) -> RpcClient:
    return RpcClient(NetworkProfile("anvil-test", ANVIL_CHAIN_ID, tuple(urls), "0x" + "11" * 20))


# -- http:// nodes ----------------------------------------------------------------------------------------

def test_http_proxy_carries_every_request_to_the_node(node, proxy, clean_env):
    head = node.w3.eth.block_number
    clean_env.setenv("HTTP_PROXY", proxy.url)
    assert client(node.url).block_number() == head
    assert proxy.counts["POST"] >= 2          # the chain id check and the block number, both through it


def test_lower_case_all_proxy_is_honoured_too(node, proxy, clean_env):
    head = node.w3.eth.block_number
    clean_env.setenv("all_proxy", proxy.url)
    assert client(node.url).block_number() == head
    assert proxy.counts["POST"] >= 2


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "*", "example.org, 127.0.0.0/8"])
def test_no_proxy_sends_the_till_direct(node, proxy, clean_env, no_proxy):
    head = node.w3.eth.block_number
    clean_env.setenv("HTTP_PROXY", proxy.url)
    clean_env.setenv("NO_PROXY", no_proxy)
    assert client(node.url).block_number() == head
    assert proxy.counts["POST"] == 0


def test_proxy_credentials_from_the_url_are_sent_as_proxy_authorization(node, clean_env):
    head = node.w3.eth.block_number
    with ForwardingProxy(credentials=("till", "s3cret:x")) as p:
        clean_env.setenv("HTTP_PROXY", p.url_with("till", "s3cret%3Ax"))
        assert client(node.url).block_number() == head
        assert p.counts["POST"] >= 2 and p.counts["407"] == 0
        assert set(p.auth_seen) == {p.expected_auth}


def test_a_proxy_that_wants_a_password_is_a_clear_refusal(node, clean_env):
    with ForwardingProxy(credentials=("till", "right")) as p:
        clean_env.setenv("HTTP_PROXY", p.url_with("till", "wrong"))
        rpc = client(node.url)
        with pytest.raises(NodeUnavailable) as caught:
            rpc.block_number()
    assert "No blockchain node answered" in caught.value.user_message
    assert "proxy" in caught.value.detail and "407" in caught.value.detail
    assert "wrong" not in caught.value.detail          # the password is not repeated
    assert p.counts["407"] >= 1 and p.counts["POST"] == 0


def test_a_proxy_url_the_till_cannot_use_is_said_so(node, clean_env):
    clean_env.setenv("HTTP_PROXY", "socks5://127.0.0.1:1080")
    with pytest.raises(NodeUnavailable) as caught:
        client(node.url).block_number()
    assert "only http:// proxies" in caught.value.detail


# -- https:// nodes: a CONNECT tunnel ---------------------------------------------------------------------

def _certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1 (the node's TLS front); the till is told to trust it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sompos test node")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "node.pem", tmp_path / "node.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


class TlsFront:
    """TLS on a loopback port, plain HTTP to anvil behind it: an https:// node."""

    def __init__(self, target_port: int, cert_file, key_file) -> None:
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ctx.load_cert_chain(cert_file, key_file)
        self.target_port = target_port
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                raw, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(raw,), daemon=True).start()

    def _serve(self, raw: socket.socket) -> None:
        from .http_proxy import _pipe
        try:
            tls = self.ctx.wrap_socket(raw, server_side=True)
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
        except OSError:
            raw.close()
            return
        threading.Thread(target=_pipe, args=(upstream, tls), daemon=True).start()
        _pipe(tls, upstream)

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def https_node(node, tmp_path, clean_env):
    cert_file, key_file = _certificate(tmp_path)
    front = TlsFront(node.port, cert_file, key_file)
    clean_env.setenv("SSL_CERT_FILE", str(cert_file))
    yield front
    front.close()


def test_https_node_is_reached_through_a_connect_tunnel(node, https_node, proxy, clean_env):
    head = node.w3.eth.block_number
    clean_env.setenv("HTTPS_PROXY", proxy.url)
    assert client(https_node.url).block_number() == head
    assert proxy.counts["CONNECT"] >= 1 and proxy.counts["POST"] == 0   # the proxy saw a tunnel only


def test_https_node_without_proxy_still_goes_direct(node, https_node, proxy, clean_env):
    head = node.w3.eth.block_number
    clean_env.setenv("HTTP_PROXY", proxy.url)            # for http:// only: an https node is not affected
    assert client(https_node.url).block_number() == head
    assert proxy.counts["CONNECT"] == 0


def test_connect_refused_with_407_is_a_clear_refusal(node, https_node, clean_env):
    with ForwardingProxy(credentials=("till", "right")) as p:
        clean_env.setenv("HTTPS_PROXY", p.url)
        with pytest.raises(NodeUnavailable) as caught:
            client(https_node.url).block_number()
        assert p.counts["407"] >= 1 and p.counts["CONNECT"] == 0
    assert "No blockchain node answered" in caught.value.user_message
    assert "refused to connect to the node: 407" in caught.value.detail


def test_connect_with_credentials_reaches_the_node(node, https_node, clean_env):
    head = node.w3.eth.block_number
    with ForwardingProxy(credentials=("till", "right")) as p:
        clean_env.setenv("HTTPS_PROXY", p.url_with("till", "right"))
        assert client(https_node.url).block_number() == head
        assert p.counts["CONNECT"] >= 1 and set(p.auth_seen) == {p.expected_auth}
