"""``sompos --self-test``: every step on real components, one line each; a failing step is named
and the exit is non-zero. (The installed package runs it too: tests/packaging/test_build.py.)"""
from __future__ import annotations

from pos_app.app import selftest
from pos_app.cli.main import main


def test_self_test_passes_and_prints_one_line_per_step(capsys):
    rc = main(["--self-test"])
    out = capsys.readouterr().out.splitlines()
    assert rc == 0, out
    assert [line.split(":")[0] for line in out[:-1]] == ["ok   database", "ok   qr", "ok   translations",
                                                         "ok   demo-payment"]
    assert out[-1] == "self-test passed: 4 steps"


def test_a_failing_step_is_named_and_stops_the_run(capsys, monkeypatch):
    def broken_qr(scratch):
        raise RuntimeError("read back [], expected the payment request")
    monkeypatch.setattr(selftest, "CORE_STEPS", (selftest.CORE_STEPS[0], selftest.Step("qr", broken_qr)))
    ran = []
    monkeypatch.setattr(selftest, "DEMO_STEP", selftest.Step("demo-payment", lambda s: ran.append(1) or "x"))
    rc = main(["--self-test"])
    out = capsys.readouterr().out.splitlines()
    assert rc == 1 and not ran
    assert out[-2] == "FAIL qr: RuntimeError: read back [], expected the payment request"
    assert out[-1] == "self-test failed at step: qr"
