"""Tests import what they need through pytest's ``pythonpath`` (pyproject.toml), never by editing
``sys.path`` (issue 19, point 7): one place says where test helpers and packaging scripts live."""
from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
SCRIPTS = {"fixtures/make_fixtures.py"}   # run as a script, outside pytest


def test_no_test_edits_sys_path():
    found = []
    for path in TESTS.rglob("*.py"):
        if path.relative_to(TESTS).as_posix() in SCRIPTS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("insert", "append") \
                    and ast.unparse(node.value) == "sys.path":
                found.append(f"{path.relative_to(TESTS)}:{node.lineno}")
    assert not found, found
