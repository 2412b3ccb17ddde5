"""``sompos queue import`` of a till's own hand-over file, and the rule behind its wording
(``pos_app.handover.own_file.own_file_returned``, shared with the till's window).

A stick that never reached the other till, loaded back where it was written: the first time its
payments are taken back; the second time none is handed off any more, and the till still says
"this till's own file" rather than "imported 0 payments from till <its own number>".
"""
from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from pos_app.app.context import AppContext
from pos_app.chain.demo_constants import DEMO_TOKEN_NAME, DEMO_TOKEN_VERSION
from pos_app.chain.token_cache import DEMO_TOKEN_FEATURES, TokenInfo, save_token_info
from pos_app.cli.main import main
from pos_app.core.money import Tyiyn
from pos_app.handover.importer import ImportResult
from pos_app.handover.own_file import own_file_returned
from pos_app.keys.device import device_fingerprint

ROOT = Path(__file__).resolve().parents[2]
from payloads import DECIMALS, GWEI, MERCHANT, TOKEN, authorization  # noqa: E402

LOCAL_CHAIN = 31337


def prepare(data_dir: Path) -> None:
    """A shop on the local network whose token facts are known (as tests/offline/test_cli_offline.py)."""
    from pos_app.shop.config import set_merchant, set_network, set_token
    ctx = AppContext(data_dir)
    set_network(ctx.store, "local")
    set_merchant(ctx.store, MERCHANT)
    set_token(ctx.store, TOKEN)
    save_token_info(ctx.store, TokenInfo(LOCAL_CHAIN, TOKEN, DECIMALS, "dSOM", DEMO_TOKEN_NAME, DEMO_TOKEN_NAME,
                                         DEMO_TOKEN_VERSION, replace(DEMO_TOKEN_FEATURES, probed_at=1)))
    ctx.offline.record_sync(LOCAL_CHAIN, at=int(time.time()), gas_price=GWEI // 10)
    ctx.close()


def run(capsys, *argv) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def _result(device: str, **changes) -> ImportResult:
    fields = dict(path="stick.jsonl", device=device, added=0, already_there=1, refused=(), item_ids=(),
                  invoice_ids=(), added_tyiyn=0)
    return ImportResult(**{**fields, **changes})


def test_the_rule(tmp_path):
    own = device_fingerprint(tmp_path)
    other = "0" * 16 if own != "0" * 16 else "1" * 16
    assert own_file_returned(_result(own), tmp_path)
    assert own_file_returned(_result(other, taken_back=(3,)), tmp_path)       # taken back: always its own
    assert not own_file_returned(_result(other), tmp_path)
    assert not own_file_returned(_result(own), tmp_path, expect_device=own)    # pairing: reported as an import
    assert not own_file_returned(_result(own, added=1), tmp_path)
    assert not own_file_returned(_result(own, refused=((2, "bad"),)), tmp_path)


def _exported(tmp_path: Path, capsys) -> tuple[Path, Path]:
    """A till with one accepted offline payment, handed off to a file (the data folder, the file)."""
    field = tmp_path / "field"
    prepare(field)
    ctx = AppContext(field)
    inv = ctx.create_invoice(Tyiyn(150_00))
    ctx.close()
    paid = tmp_path / "auth.json"
    paid.write_text(authorization(chain_id=LOCAL_CHAIN, amount=inv.due_base))
    assert run(capsys, "--data-dir", str(field), "payload", "accept", "--invoice", str(inv.id), str(paid))[0] == 0
    stick = tmp_path / "stick.jsonl"
    assert run(capsys, "--data-dir", str(field), "queue", "export", str(stick))[0] == 0
    return field, stick


def test_own_file_loaded_twice(tmp_path, capsys):
    field, stick = _exported(tmp_path, capsys)

    rc, out, _ = run(capsys, "--data-dir", str(field), "queue", "import", str(stick))
    assert (rc, out) == (0, "this till's own file: 1 payments taken back; this till sends them again\n")
    rc, out, _ = run(capsys, "--data-dir", str(field), "queue", "import", str(stick))
    assert (rc, out) == (0, "this till's own file: 0 payments taken back; this till sends them again\n")
    rc, out, _ = run(capsys, "--data-dir", str(field), "queue", "import", str(stick), "--json")
    data = json.loads(out)
    assert rc == 0 and data["taken_back"] == [] and data["added"] == 0 and data["already_there"] == 1
    assert data["device"] == device_fingerprint(field)


def test_own_file_with_the_own_number_is_reported_as_an_import(tmp_path, capsys):
    """As before the CLI became a package: naming the device reports what was imported."""
    field, stick = _exported(tmp_path, capsys)
    assert run(capsys, "--data-dir", str(field), "queue", "import", str(stick))[0] == 0   # taken back
    fp = device_fingerprint(field)
    rc, out, _ = run(capsys, "--data-dir", str(field), "queue", "import", str(stick), "--expect-device", fp)
    assert rc == 0 and out.startswith("imported 0 payments from till ") and "1 were already here" in out
