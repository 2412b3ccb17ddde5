"""Hostile and careless input at the command line (issue 10, findings 7, 9, 12, 14 and 15).

Every case ends in one clear ``sompos: error:`` line (or a REFUSED verdict), a non-zero exit,
nothing written to the shop database, and never "something unexpected went wrong":

* 7: RPC URLs carrying a password or an API key are masked in ``config show``, in the node's
  error details and in ``sompos.log``;
* 9: ``request`` checks every argument (the QR file too) before the invoice is created;
* 12: files and standard input are read with a size cap, and a FIFO, a device or a folder is
  refused before a byte is read (without blocking on a FIFO that has no writer);
* 14: absurd numbers, missing files and folders, a bad deadline, a deeply nested profile, and a
  full disk (a real tmpfs): no "--- Logging error ---" traceback, read-only commands still work;
* 15: digits other than 0-9, negative limits, ``nan``/``inf`` deadlines are refused; ANSI escapes
  and bidi controls in a profile name or a memo never reach the terminal.

Commands run in-process through ``cli.main`` where that is safe, and as a real ``python -m
pos_app`` process where a hang, a crash or stderr noise from logging is what is being tested.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.cli.main import main as cli_main
from pos_app.core.files import FileRefused, read_limited, read_stdin_limited
from pos_app.core.text import escape_json_text, mask_secrets, mask_url, safe_text

ROOT = Path(__file__).resolve().parents[2]
KEY = "9aa3d95b3bc440fa88ea12eaa4456161"
SECRET_URL = f"https://shopuser:s3cretPassw0rd@rpc.example.org/v3/{KEY}?apikey=ZZtopSecretZZ&net=main"
SECRETS = ("s3cretPassw0rd", KEY, "ZZtopSecretZZ", "shopuser:")
TOKEN = "0x55d398326f99059fF775485246999027B3197955"
UNEXPECTED = "something unexpected"


@pytest.fixture
def run(capsys, tmp_path: Path):
    """``run(*args) -> (exit code, stdout, stderr)`` in-process, ``--data-dir`` a temp folder."""
    data_dir = tmp_path / "shop"

    def _run(*args: str):
        capsys.readouterr()
        rc = cli_main([*args, "--data-dir", str(data_dir)])
        out, err = capsys.readouterr()
        return rc, out, err

    _run.data_dir = data_dir
    return _run


def sompos(data_dir: Path, *args: str, stdin=None, timeout: float = 60) -> subprocess.CompletedProcess:
    """The real command in its own process (a hang fails the test instead of freezing it)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "pos_app", *args, "--data-dir", str(data_dir)],
                          stdin=stdin if stdin is not None else subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=ROOT)


def one_error_line(err: str) -> str:
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith("sompos: error: "), err
    assert "Traceback" not in err and UNEXPECTED not in err and "Logging error" not in err, err
    return lines[0]


def invoice_count(data_dir: Path) -> int:
    db = data_dir / "sompos.db"
    if not db.exists():
        return 0
    with sqlite3.connect(db) as c:
        return c.execute("SELECT COUNT(*) FROM invoices").fetchone()[0]


def settings(data_dir: Path) -> dict[str, str]:
    db = data_dir / "sompos.db"
    if not db.exists():
        return {}
    with sqlite3.connect(db) as c:
        return dict(c.execute("SELECT key, value FROM settings").fetchall())


def write_profile(path: Path, *, name: str = "my-chain", urls=("http://127.0.0.1:1",), token: str | None = TOKEN,
                  extra: str = "") -> Path:
    lines = [f"name = {json.dumps(name)}", "chain_id = 31337", f"rpc_urls = {json.dumps(list(urls))}"]
    if token:
        lines.append(f'token = "{token}"')
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


# == 7: credentials in RPC URLs ================================================================
@pytest.mark.parametrize("url, hidden, kept", [
    ("https://user:secret@host.example/KEY", ["user", "secret"], ["host.example"]),
    (f"https://bsc-mainnet.infura.io/v3/{KEY}", [KEY], ["bsc-mainnet.infura.io", "/v3/"]),
    ("https://rpc.ankr.com/bsc/" + "ab12" * 16, ["ab12" * 16], ["rpc.ankr.com/bsc/"]),
    ("https://node.example/rpc?apikey=abc&network=main", ["abc"], ["apikey=", "network=main"]),
    ("https://node.example/?token=t0k&x=1#frag", ["t0k", "frag"], ["x=1"]),
    ("http://127.0.0.1:8545", [], ["http://127.0.0.1:8545"]),
    ("https://bsc-dataseed.bnbchain.org", [], ["https://bsc-dataseed.bnbchain.org"]),
])
def test_f7_mask_url_hides_user_info_and_key_like_parts(url, hidden, kept):
    masked = mask_url(url)
    for part in hidden:
        assert part not in masked, masked
    for part in kept:
        assert part in masked, masked
    assert mask_url(masked) == masked  # masking twice changes nothing


def test_f7_mask_secrets_in_error_texts():
    requests_error = (f"HTTPSConnectionPool(host='rpc.example.org', port=443): Max retries exceeded with url: "
                      f"/v3/{KEY}?apikey=ZZtopSecretZZ (Caused by NewConnectionError)")
    out = mask_secrets(requests_error)
    assert KEY not in out and "ZZtopSecretZZ" not in out and "rpc.example.org" in out
    # a secret piece of a configured URL is hidden even where it appears on its own
    assert "s3cretPassw0rd" not in mask_secrets("auth failed for s3cretPassw0rd", [SECRET_URL])


def test_f7_config_show_masks_rpc_credentials(run, tmp_path: Path):
    profile = write_profile(tmp_path / "p.toml", urls=[SECRET_URL, "http://127.0.0.1:8545"])
    assert run("config", "network", str(profile))[0] == 0
    rc, out, err = run("config", "show")
    assert rc == 0, err
    rc, out_json, err = run("config", "show", "--json")
    assert rc == 0, err
    for text in (out, out_json):
        for s in SECRETS:
            assert s not in text, text
    urls = json.loads(out_json)["rpc_urls"]
    assert urls[0].startswith("https://***@rpc.example.org/v3/***?") and urls[1] == "http://127.0.0.1:8545"
    assert settings(run.data_dir)["network"].count(KEY) == 1  # the real URL is still what is used


def test_f7_node_errors_and_log_never_hold_the_key(tmp_path: Path):
    """A node that cannot be reached: the status bar's errors, the error detail and sompos.log are masked."""
    from pos_app.chain.rpc import RpcClient
    from pos_app.core.errors import NodeUnavailable
    from pos_app.chain.profiles import resolve_profile
    # port 1 on loopback refuses at once; the key is in the path, the password in the user-info
    url = f"http://shopuser:s3cretPassw0rd@127.0.0.1:1/v3/{KEY}?apikey=ZZtopSecretZZ"
    profile = resolve_profile(str(write_profile(tmp_path / "p.toml", urls=[url])))
    rpc = RpcClient(profile, timeout=2)
    with pytest.raises(NodeUnavailable) as e:
        rpc.block_number()
    status = rpc.status()
    shown = " ".join([e.value.user_message, e.value.detail or "", *status.errors, *status.errors.values(),
                      *(ep.name for ep in rpc.endpoints)])
    for s in SECRETS:
        assert s not in shown, shown
    assert "127.0.0.1:1" in shown

    # and through the real command: `sync --once` fails, logs the detail, prints one line
    data_dir = tmp_path / "shop"
    assert sompos(data_dir, "config", "network", str(tmp_path / "p.toml")).returncode == 0
    r = sompos(data_dir, "sync", "--once")
    assert r.returncode == 3, r.stderr
    one_error_line(r.stderr)
    log = (data_dir / "sompos.log").read_text(encoding="utf-8")
    assert "127.0.0.1" in log  # the failure was logged …
    for s in SECRETS:
        assert s not in log and s not in r.stdout + r.stderr, log  # … without the secrets


def test_f7_log_lines_with_urls_are_masked(tmp_path: Path):
    from pos_app.app.context import setup_logging
    setup_logging(tmp_path)
    try:
        logging.getLogger("pos_app.test").warning("calling %s failed", SECRET_URL)
    finally:
        _drop_handlers(tmp_path)
    log = (tmp_path / "sompos.log").read_text(encoding="utf-8")
    assert "rpc.example.org" in log
    for s in SECRETS:
        assert s not in log


def _drop_handlers(data_dir: Path) -> None:
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, logging.FileHandler) and Path(h.baseFilename).parent == data_dir.absolute():
            root.removeHandler(h)
            h.close()


# == 9: request validates everything before it writes =========================================
@pytest.mark.parametrize("case", ["folder", "missing-folder", "parent-is-a-file", "device", "memo-too-long",
                                  "bad-format", "bad-amount"])
def test_f9_request_with_a_bad_argument_creates_no_invoice(run, tmp_path: Path, case):
    (tmp_path / "afile").write_text("x")
    args = {"folder": ["--qr", str(tmp_path)],            # the issue's `--qr /etc`
            "missing-folder": ["--qr", str(tmp_path / "nope" / "q.png")],
            "parent-is-a-file": ["--qr", str(tmp_path / "afile" / "q.png")],
            "device": ["--qr", "/dev/null"],
            "memo-too-long": ["--memo", "x" * 201],
            "bad-format": ["--format", "bitcoin"],
            "bad-amount": []}[case]
    amount = "1e3" if case == "bad-amount" else "10"
    assert run("config", "show")[0] == 0  # an existing shop, so "nothing written" is measurable
    rc, out, err = run("request", "--amount", amount, *args)
    assert rc == 2, out + err
    one_error_line(err)
    assert invoice_count(run.data_dir) == 0


def test_f9_request_qr_on_a_read_only_file_system_creates_no_invoice(run, tmp_path: Path):
    ro = tmp_path / "ro"
    ro.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(ro)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a read-only tmpfs here (needs root)")
    try:
        assert run("config", "show")[0] == 0
        rc, out, err = run("request", "--amount", "10", "--qr", str(ro / "q.png"))
        assert rc == 2 and "Cannot write the QR picture" in one_error_line(err)
        assert invoice_count(run.data_dir) == 0
    finally:
        subprocess.run(["umount", str(ro)], check=False)


def test_f9_request_with_a_good_qr_path_still_works(run, tmp_path: Path):
    rc, out, err = run("request", "--amount", "10", "--qr", str(tmp_path / "q.png"), "--json")
    assert rc == 0, err
    assert (tmp_path / "q.png").stat().st_size > 0 and invoice_count(run.data_dir) == 1


# == 12: bounded reads =========================================================================
def test_f12_read_limited_refuses_devices_folders_fifos_and_big_files(tmp_path: Path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 1001)
    ok = tmp_path / "ok"
    ok.write_bytes(b"x" * 1000)
    cases = {"/dev/zero": "not_regular", str(fifo): "not_regular", str(tmp_path): "folder",
             str(big): "too_large", str(tmp_path / "absent"): "missing"}
    for path, reason in cases.items():
        with pytest.raises(FileRefused) as e:
            read_limited(path, 1000, what="payment")
        assert e.value.reason == reason, path
    assert read_limited(ok, 1000) == b"x" * 1000


def test_f12_stdin_is_read_up_to_the_cap_only(tmp_path: Path):
    class Endless:
        read_total = 0

        def read(self, n: int) -> bytes:
            self.read_total += n
            return b"\0" * n
    src = Endless()
    with pytest.raises(FileRefused) as e:
        read_stdin_limited(8192, what="payment", stream=src)
    assert e.value.reason == "too_large" and src.read_total <= 8193


@pytest.mark.parametrize("source", ["/dev/zero", "fifo", "folder", "stdin-zero"])
def test_f12_payload_check_refuses_devices_fifos_and_endless_stdin_at_once(tmp_path: Path, source):
    data_dir = tmp_path / "shop"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    arg = {"/dev/zero": "/dev/zero", "fifo": str(fifo), "folder": str(tmp_path), "stdin-zero": "-"}[source]
    with open("/dev/zero", "rb") as zero:
        r = sompos(data_dir, "payload", "check", "--amount", "10", arg,
                   stdin=zero if source == "stdin-zero" else None, timeout=60)
    assert r.returncode == 1, r.stdout + r.stderr
    assert r.stdout.startswith("REFUSED: ") and r.stderr == ""
    assert ("too large" in r.stdout) if source == "stdin-zero" else ("file" in r.stdout)


@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_f12_config_network_refuses_devices_and_fifos_at_once(tmp_path: Path, source):
    data_dir = tmp_path / "shop"
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    r = sompos(data_dir, "config", "network", "/dev/zero" if source == "/dev/zero" else str(fifo), timeout=60)
    assert r.returncode == 2
    assert "ordinary file" in one_error_line(r.stderr)
    assert "network" not in settings(data_dir)


# == 14: hidden crashes ========================================================================
def test_f14_invoices_with_an_absurd_limit_is_one_clear_line(run):
    rc, out, err = run("invoices", "--limit", "9" * 40)
    assert rc == 2 and "--limit" in one_error_line(err)


@pytest.mark.parametrize("what", ["missing", "folder", "fifo"])
def test_f14_relay_import_of_a_missing_file_or_folder_is_one_clear_line(tmp_path: Path, what):
    data_dir = tmp_path / "shop"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    path = {"missing": "/nonexistent", "folder": str(tmp_path), "fifo": str(fifo)}[what]
    r = sompos(data_dir, "relay", "import", path, timeout=60)
    assert r.returncode == 2
    line = one_error_line(r.stderr)
    assert {"missing": "There is no file", "folder": "is a folder", "fifo": "ordinary file"}[what] in line
    assert not list(data_dir.glob("relay*"))


@pytest.mark.parametrize("deadline", ["abc", "nan", "inf", "-5", "0", "1e9", "٣"])
def test_f14_f15_sync_with_a_bad_deadline_writes_nothing(run, deadline):
    rc, out, err = run("sync", "--deadline", deadline)
    assert rc == 2 and "--deadline" in one_error_line(err)
    assert not (run.data_dir / "sompos.db").exists()  # refused before the shop was even opened


@pytest.mark.parametrize("shape", ["arrays", "tables"])
def test_f14_deeply_nested_profile_is_refused_clearly(tmp_path: Path, shape):
    deep = ("[" * 20000 + "]" * 20000) if shape == "arrays" else ("{a=" * 15000 + "1" + "}" * 15000)
    profile = write_profile(tmp_path / "deep.toml", extra=f"x = {deep}\n")
    assert profile.stat().st_size < 64 * 1024
    data_dir = tmp_path / "shop"
    r = sompos(data_dir, "config", "network", str(profile))
    assert r.returncode == 2, r.stderr
    assert "nested too deeply" in one_error_line(r.stderr)
    assert "network" not in settings(data_dir)


def test_f14_number_arguments_are_bounded(run):
    for args in (["assign", "9" * 30, "1"], ["queue", "resolve", "9" * 30, "--resolved"],
                 ["payload", "accept", "--invoice", "9" * 30, "-"], ["queue", "take-back", "abc"],
                 ["queue", "take-back", "1", "9" * 30], ["assign", "٣", "1"]):
        rc, out, err = run(*args)
        assert rc == 2, (args, err)
        one_error_line(err)


@pytest.fixture
def full_disk(tmp_path: Path):
    """A data folder on a real 2 MB tmpfs, with a shop in it and the disk then filled up."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root): the full-disk case is not run")
    try:
        data_dir = mnt / "shop"
        assert sompos(data_dir, "request", "--amount", "10").returncode == 0
        fd = os.open(mnt / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for size in (65536, 4096, 1):  # big pieces, then the last bytes
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError:
                    pass
        finally:
            os.close(fd)
        assert os.statvfs(mnt).f_bavail == 0
        yield data_dir
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_f14_full_disk_prints_no_logging_traceback(full_disk: Path):
    for args in (["request", "--amount", "10"], ["config", "merchant", "0x5B38Da6a701c568545dCfcB03FcB875f56beddC4"],
                 ["config", "show"], ["invoices"]):
        r = sompos(full_disk, *args)
        assert "Logging error" not in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)
        if r.returncode:
            one_error_line(r.stderr)


def test_f14_read_only_commands_work_on_a_full_disk(full_disk: Path):
    for args in (["config", "show"], ["invoices"], ["queue", "list"], ["unmatched"]):
        r = sompos(full_disk, *args, "--json")
        assert r.returncode == 0, (args, r.stderr)
        assert r.stderr == ""
    assert json.loads(sompos(full_disk, "invoices", "--json").stdout)[0]["amount_tyiyn"] == 1000


# == 15: digits, signs and invisible characters ================================================
DIGIT_FORMS = ["٣", "۳", "३", "３", "٣٠", "1٣", "1_0", "+5", " 15 \u200f"]


@pytest.mark.parametrize("value", DIGIT_FORMS)
def test_f15_config_expiry_refuses_non_ascii_digits(run, value):
    assert run("config", "show")[0] == 0
    before = settings(run.data_dir)
    rc, out, err = run("config", "expiry", value)
    assert rc == 2, out
    one_error_line(err)
    assert settings(run.data_dir) == before


@pytest.mark.parametrize("value", DIGIT_FORMS)
@pytest.mark.parametrize("name", ["refuse-after", "warn-after", "max-items"])
def test_f15_offline_limit_refuses_non_ascii_digits(run, name, value):
    assert run("config", "show")[0] == 0
    before = run("config", "show", "--json")[1]
    rc, out, err = run("config", "offline-limit", name, value)
    assert rc == 2, out
    one_error_line(err)
    assert run("config", "show", "--json")[1] == before


@pytest.mark.parametrize("text", ["١٥٠", "۱۵۰", "१५०", "１５０", "15٠"])
def test_f15_amount_parser_refuses_non_ascii_digits(text):
    from pos_app.core.errors import BadInput
    from pos_app.core.money import parse_amount
    with pytest.raises(BadInput):
        parse_amount(text)


@pytest.mark.parametrize("limit", ["-3", "0", "٣", "3.5"])
def test_f15_invoices_limit_must_be_positive_ascii(run, limit):
    rc, out, err = run("invoices", "--limit", limit)
    assert rc == 2 and "--limit" in one_error_line(err)


def test_f15_parse_whole_and_seconds():
    from pos_app.core.money import parse_seconds, parse_whole
    assert parse_whole("15") == 15 and parse_whole(" 7 ") == 7
    assert all(parse_whole(v) is None for v in ["٣", "-3", "1_0", "", "9" * 19, "１"])
    assert parse_seconds("8") == 8 and str(parse_seconds("0.5")) == "0.5"
    assert all(parse_seconds(v) is None for v in ["nan", "inf", "-1", "0", "1e3", "٣", "Infinity", ""])


EVIL = "\x1b[2J\x1b]0;owned\x07\x1b[31mRed\x1b[0m \u202eevil\u202c\u2066x\u2069\u200f\x00\x08"


def test_f15_safe_text_strips_escapes_and_direction_controls():
    clean = safe_text(EVIL)
    assert clean == "Red evilx"
    assert safe_text("Бишкек 👨\u200d👩\u200d👧 ٣") == "Бишкек 👨\u200d👩\u200d👧 ٣"  # letters and emoji kept
    assert safe_text("a\nb\tc") == "a b c"
    assert safe_text(clean) == clean
    dumped = escape_json_text(json.dumps({"memo": "a\u202eb"}, ensure_ascii=False))
    assert "\u202e" not in dumped and json.loads(dumped) == {"memo": "a\u202eb"}


def _has_control(text: str) -> bool:
    import unicodedata
    return any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\n" for c in text)


def test_f15_profile_name_with_escapes_is_shown_clean(run, tmp_path: Path):
    profile = tmp_path / "evil.toml"
    profile.write_text('name = "\\u001b[2J\\u001b[31mMy\\u202eChain\\u001b]0;owned\\u0007"\nchain_id = 31337\n'
                       'rpc_urls = ["http://127.0.0.1:1"]\n', encoding="utf-8")
    rc, out, err = run("config", "network", str(profile))
    assert rc == 0, err
    for args in (("config", "show"), ("config", "show", "--json")):
        rc, out, err = run(*args)
        assert rc == 0 and not _has_control(out), repr(out)
        assert "MyChain" in out and "owned" not in out


def test_f15_profile_names_are_cleaned_where_they_enter_the_app():
    """The GUI shows ``network.name`` as it is: the profile parser (files and saved settings) cleans it."""
    from pos_app.chain.profiles import resolve_profile
    saved = {"name": "\x1b[31mShop\u202e net", "chain_id": 5, "rpc_urls": ["http://127.0.0.1:1"]}
    assert resolve_profile(saved).name == "Shop net"
    saved["name"] = "\x1b[31m\u202e"
    from pos_app.core.errors import ConfigError
    with pytest.raises(ConfigError):  # nothing left to show: refused like an empty name
        resolve_profile(saved)


def test_f15_memo_with_escapes_is_shown_clean(run):
    rc, out, err = run("request", "--amount", "10", "--memo", EVIL + " table 4")
    assert rc == 0 and not _has_control(out), repr(out)
    rc, out, err = run("invoices", "--json")
    assert rc == 0 and not _has_control(out), repr(out)
    assert json.loads(out)[0]["memo"] == "Red evilx table 4"


@pytest.mark.parametrize("spec", ["", "   "])
def test_f14_empty_network_name_is_unknown_not_the_current_folder(run, spec):
    rc, out, err = run("config", "network", spec)
    assert rc == 2 and "Unknown network" in one_error_line(err)


def test_f15_error_lines_never_carry_escapes(run):
    rc, out, err = run("config", "network", "\x1b[2Jnowhere\u202e")
    assert rc == 2 and not _has_control(err.rstrip("\n")), repr(err)


def test_f15_unreadable_file_names_are_cleaned_too(tmp_path: Path):
    with pytest.raises(FileRefused) as e:
        read_limited(tmp_path / "\x1b[31mred\u202e.txt", 100)
    assert not _has_control(e.value.user_message)
    assert stat.S_ISDIR(os.stat(tmp_path).st_mode)
