"""The ``sompos`` command line (``pos_app/cli/main.py``), run in-process with ``main([...])``.

Tested: ``config show`` on a fresh data folder (demo network, demo token and merchant, token
facts, no chain started); ``request`` in every QR format, unique on-chain amounts, the QR PNG;
``invoices`` newest first; every wrong input exits 2 with exactly one ``sompos: error:`` line on
stderr and changes nothing (bad merchant, bad profile file, bad amounts, unknown command, sync on
the demo network, request on BSC without a token); custom TOML profiles and token overrides; and
a full ``demo --headless`` sale on the embedded chain ending settled.
"""
from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from pos_app.cli.main import main as cli_main
from pos_app.app.demo import accounts as A
from pos_app.chain.profiles import DEMO_CHAIN_ID

OTHER_MERCHANT = "0x5B38Da6a701c568545dCfcB03FcB875f56beddC4"  # a well-known checksummed address
BSC_TOKEN = "0x55d398326f99059fF775485246999027B3197955"


@pytest.fixture
def run(capsys, tmp_path: Path):
    """``run(*args) -> (exit code, stdout, stderr)`` with ``--data-dir`` set to a temp folder."""
    data_dir = tmp_path / "shop"

    def _run(*args: str):
        capsys.readouterr()  # drop anything printed before
        rc = cli_main([*args, "--data-dir", str(data_dir)])
        out, err = capsys.readouterr()
        return rc, out, err

    _run.data_dir = data_dir
    return _run


def _json(run, *args: str):
    rc, out, err = run(*args, "--json")
    assert rc == 0, err
    assert err == ""
    return json.loads(out)


def _assert_one_error_line(err: str) -> str:
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith("sompos: error: "), err
    assert "Traceback" not in err
    return lines[0]


# -- config show -----------------------------------------------------------------------------

def test_config_show_defaults_to_demo_without_starting_a_chain(run, monkeypatch):
    import pos_app.app.demo.chain as demo_chain
    from pos_app.app.context import AppContext

    def no_chain(*a, **k):
        raise AssertionError("config show must not start or contact a chain")
    monkeypatch.setattr(demo_chain.DemoChain, "__init__", no_chain)
    monkeypatch.setattr(AppContext, "rpc", no_chain)

    d = _json(run, "config", "show")
    assert d["network"] == "demo"
    assert d["chain_id"] == DEMO_CHAIN_ID
    assert d["token"] == A.DEMO_TOKEN_ADDRESS
    assert d["merchant"] == A.MERCHANT
    assert d["decimals"] == 6
    assert d["eip712_name"] == A.DEMO_TOKEN_NAME == "Demo Som"
    assert d["eip712_version"] == A.DEMO_TOKEN_VERSION == "1"
    assert d["data_dir"] == str(run.data_dir)


def test_config_show_text_output(run):
    rc, out, err = run("config", "show")
    assert rc == 0 and err == ""
    assert A.DEMO_TOKEN_ADDRESS in out and A.MERCHANT in out and "demo" in out


# -- request ---------------------------------------------------------------------------------

def test_request_creates_invoice_with_eip681_uri(run):
    d = _json(run, "request", "--amount", "150,50")
    assert isinstance(d["id"], int)
    assert d["state"] == "new"
    assert d["amount_tyiyn"] == 15050 and d["amount"] == "150.50"
    assert d["uri"].startswith(
        f"ethereum:{A.DEMO_TOKEN_ADDRESS}@{DEMO_CHAIN_ID}/transfer?address={A.MERCHANT}&uint256=")
    assert d["onchain_amount"] == "150.500001"
    assert d["uri"].endswith("&uint256=150500001")
    # the invoice really is stored
    listed = _json(run, "invoices")
    assert [i["id"] for i in listed] == [d["id"]]


def test_same_amount_twice_gets_a_different_onchain_amount(run):
    first = _json(run, "request", "--amount", "150,50")
    second = _json(run, "request", "--amount", "150.50")
    assert first["id"] != second["id"]
    assert first["onchain_amount"] != second["onchain_amount"]
    assert first["uri"] != second["uri"]
    # the difference is a tail below one tyiyn: both still round to the asked amount
    for d in (first, second):
        assert Decimal("150.50") < Decimal(d["onchain_amount"]) < Decimal("150.51")


def test_request_formats(run):
    trust = _json(run, "request", "--amount", "10", "--format", "trust")
    assert trust["format"] == "trust"
    assert trust["uri"] == (f"https://link.trustwallet.com/send?asset=c20000714_t{A.DEMO_TOKEN_ADDRESS}"
                            f"&address={A.MERCHANT}&amount={trust['onchain_amount']}")
    mm = _json(run, "request", "--amount", "10", "--format", "metamask")
    assert mm["uri"].startswith(f"https://link.metamask.io/send/{A.DEMO_TOKEN_ADDRESS}@{DEMO_CHAIN_ID}"
                                f"/transfer?address={A.MERCHANT}&uint256=")
    addr = _json(run, "request", "--amount", "10", "--format", "address")
    assert addr["uri"] == A.MERCHANT
    assert len({trust["onchain_amount"], mm["onchain_amount"], addr["onchain_amount"]}) == 3


def test_request_writes_qr_png_that_decodes_to_the_uri(run, tmp_path: Path):
    png = tmp_path / "invoice.png"
    d = _json(run, "request", "--amount", "99,99", "--qr", str(png))
    assert Path(d["qr_png"]) == png.resolve()
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png.read_bytes())))]
    assert decoded == [d["uri"]]


def test_request_text_output_shows_uri_and_terminal_qr(run):
    rc, out, err = run("request", "--amount", "5")
    assert rc == 0 and err == ""
    assert "ethereum:" in out and "5.000001" in out
    assert "█" in out  # the QR drawn in the terminal


def test_request_qr_into_missing_folder_creates_nothing(run, tmp_path: Path):
    rc, _out, err = run("request", "--amount", "5", "--qr", str(tmp_path / "nope" / "qr.png"))
    assert rc == 2
    _assert_one_error_line(err)
    assert _json(run, "invoices") == []


@pytest.mark.parametrize("amount", ["-5", "abc", "1,505", "0", ""])
def test_bad_amount_exits_2_and_creates_nothing(run, amount):
    rc, out, err = run("request", f"--amount={amount}")
    assert rc == 2
    assert out == ""
    _assert_one_error_line(err)
    assert _json(run, "invoices") == []


def test_negative_amount_as_separate_argument(run):
    rc, _out, err = run("request", "--amount", "-5")
    assert rc == 2
    assert "negative" in _assert_one_error_line(err)
    assert _json(run, "invoices") == []


# -- invoices --------------------------------------------------------------------------------

def test_invoices_newest_first(run):
    ids = [_json(run, "request", "--amount", a)["id"] for a in ("1", "2", "3")]
    listed = _json(run, "invoices")
    assert [i["id"] for i in listed] == sorted(ids, reverse=True)
    assert [i["amount_tyiyn"] for i in listed] == [300, 200, 100]
    assert [i["id"] for i in _json(run, "invoices", "--limit", "2")] == sorted(ids, reverse=True)[:2]


def test_invoices_text_when_empty(run):
    rc, out, _err = run("invoices")
    assert rc == 0 and "No invoices yet." in out


# -- config changes --------------------------------------------------------------------------

def test_bad_merchant_exits_2_and_keeps_setting(run):
    before = _json(run, "config", "show")
    wrong_checksum = OTHER_MERCHANT.replace("B", "b", 1)  # one letter's case flipped: a typo
    for bad in ("0xabc", OTHER_MERCHANT.lower()[:-1], wrong_checksum, "0x" + "0" * 40):
        rc, out, err = run("config", "merchant", bad)
        assert rc == 2, bad
        assert out == ""
        assert "merchant address" in _assert_one_error_line(err)
    assert _json(run, "config", "show") == before


def test_merchant_can_be_changed(run):
    d = _json(run, "config", "merchant", OTHER_MERCHANT.lower())
    assert d["merchant"] == OTHER_MERCHANT  # stored checksummed
    inv = _json(run, "request", "--amount", "1")
    assert f"address={OTHER_MERCHANT}&" in inv["uri"]


def test_custom_network_profile(run, tmp_path: Path):
    profile = tmp_path / "cbdc.toml"
    profile.write_text('name = "kg-cbdc"\nchain_id = 1234\n'
                       'rpc_urls = ["https://rpc1.example.org", "https://rpc2.example.org"]\n'
                       '[finality]\nrule = "confirmations"\nconfirmations = 5\n', encoding="utf-8")
    rc, _out, err = run("config", "network", str(profile))
    assert rc == 0, err
    profile.unlink()  # the content is stored: moving the file later is harmless
    d = _json(run, "config", "show")
    assert d["network"] == "kg-cbdc"
    assert d["chain_id"] == 1234
    assert d["rpc_urls"] == ["https://rpc1.example.org", "https://rpc2.example.org"]
    assert d["finality"] == "5 confirmations"
    assert d["merchant"] is None  # the demo merchant is not carried onto a real network


@pytest.mark.parametrize("content", [
    'name = "x"\nchain_id = "56"\nrpc_urls = ["https://a.example"]\n',
    'name = "x"\nchain_id = 56\nrpc_urls = ["ftp://a.example"]\n',
    'name = "x"\nchain_id = 56\n',
    "this is = = not toml",
])
def test_bad_network_file_exits_2_and_changes_nothing(run, tmp_path: Path, content):
    before = _json(run, "config", "show")
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    rc, out, err = run("config", "network", str(bad))
    assert rc == 2
    assert out == ""
    _assert_one_error_line(err)
    assert _json(run, "config", "show") == before


def test_unknown_network_name_exits_2(run):
    rc, _out, err = run("config", "network", "ethereum-mainnet")
    assert rc == 2
    assert "ethereum-mainnet" in _assert_one_error_line(err)


def test_bsc_without_token_tells_how_to_set_it(run):
    rc, _out, err = run("config", "network", "bsc")
    assert rc == 0, err
    # No merchant on a real network yet: the error says how to set it.
    rc, _out, err = run("request", "--amount", "10")
    assert rc == 2
    assert "sompos config merchant" in _assert_one_error_line(err)
    assert run("config", "merchant", OTHER_MERCHANT)[0] == 0
    rc, _out, err = run("request", "--amount", "10")
    assert rc == 2
    assert "sompos config token" in _assert_one_error_line(err)
    assert _json(run, "invoices") == []


def test_token_override_is_shown(run):
    assert run("config", "network", "bsc")[0] == 0
    d = _json(run, "config", "token", BSC_TOKEN.lower())
    assert d["token"] == BSC_TOKEN
    shown = _json(run, "config", "show")
    assert shown["network"] == "bsc" and shown["chain_id"] == 56
    assert shown["token"] == BSC_TOKEN
    assert shown["decimals"] is None  # not read from the chain yet; nothing was contacted


def test_bad_token_exits_2(run):
    before = _json(run, "config", "show")
    rc, _out, err = run("config", "token", "0x" + "0" * 40)
    assert rc == 2
    assert "zero address" in _assert_one_error_line(err)
    assert _json(run, "config", "show") == before


# -- other commands and errors ---------------------------------------------------------------

def test_sync_once_on_demo_network_is_refused_clearly(run):
    rc, out, err = run("sync", "--once")
    assert rc == 2
    assert out == ""
    line = _assert_one_error_line(err)
    assert "sompos demo" in line and "config network" in line


def test_unknown_command_exits_2_with_one_line(run):
    rc, out, err = run("frobnicate")
    assert rc == 2
    assert out == ""
    assert "frobnicate" in _assert_one_error_line(err)


def test_unknown_option_exits_2_with_one_line(run):
    rc, _out, err = run("request", "--amount", "5", "--colour", "red")
    assert rc == 2
    _assert_one_error_line(err)


def test_demo_headless_settles(run):
    d = _json(run, "demo", "--headless")
    inv = d["invoice"]
    assert inv["state"] == "settled"
    assert inv["token"] == A.DEMO_TOKEN_ADDRESS and inv["merchant"] == A.MERCHANT
    assert inv["paid_final"] == inv["due_base"] == d["paid"]
    assert d["uri"].startswith(f"ethereum:{A.DEMO_TOKEN_ADDRESS}@{DEMO_CHAIN_ID}/transfer?")
    assert len(d["payments"]) == 1 and d["payments"][0]["status"] == "final"


def test_options_work_before_and_after_the_command(tmp_path, capsys):
    from pos_app.cli.main import main
    d = str(tmp_path / "shop")
    assert main(["--data-dir", d, "config", "network", "local"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "--json", "config", "show"]) == 0
    assert json.loads(capsys.readouterr().out)["network"] == "local"
    assert main(["config", "show", "--data-dir", d, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["network"] == "local"


@pytest.mark.parametrize("pay, lines", [
    ("partial", ["Received 75.00 som.", "Still due 75.00 som; the payment request now asks only for the rest: exactly 75.0"]),
    ("over", ["Received 160.00 som.", "give back 10.00 som."]),
])
def test_demo_headless_says_received_still_due_and_change(run, pay, lines):
    rc, out, _err = run("demo", "--headless", "--amount", "150", "--pay", pay)
    assert rc == 0
    for line in lines:
        assert line in out
