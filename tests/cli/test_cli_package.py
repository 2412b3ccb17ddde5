"""The shape of the ``pos_app/cli`` package (STYLE.md: "cli/ registry, common output helpers, one
module per command group").

* a command-group module imports ``cli.output`` and the core, never another group, the registry
  or ``cli.main``; ``cli.output`` imports no other cli module; the package has no import cycle
  (the checks run on the real sources and, to show they can fail, on made-up ones);
* every group module is in the registry's ``GROUPS`` and has ``register(sub)``;
* every command, down to each ACTION, answers ``--help`` and has a handler;
* the CLI issues no SQL (the owners of the tables do, STYLE.md);
* ``sompos`` (pyproject's console script) and ``python -m pos_app`` both reach ``cli.main.main``.
"""
from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pos_app.cli import registry
from pos_app.cli.main import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
CLI_DIR = ROOT / "pos_app" / "cli"
PKG = "pos_app.cli"
# Modules that are not command groups: the package, the shared helpers, the registry, the entry point.
NOT_GROUPS = {PKG, f"{PKG}.output", f"{PKG}.registry", f"{PKG}.main"}


def cli_sources(folder: Path = CLI_DIR) -> dict[str, str]:
    """``{dotted module name: source}`` of every module of the cli package in ``folder``."""
    found = {}
    for path in sorted(folder.glob("*.py")):
        name = PKG if path.stem == "__init__" else f"{PKG}.{path.stem}"
        found[name] = path.read_text(encoding="utf-8")
    return found


def cli_imports(module: str, source: str, known: set[str]) -> set[str]:
    """The cli modules ``module`` imports, at any depth (``from pos_app.cli import x`` names ``x``)."""
    here = module if module == PKG else module.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = here.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known]
            names = subs or [base]
        else:
            continue
        targets |= {n for n in names if n == PKG or n.startswith(PKG + ".")}
    return targets - {module}


def graph_of(sources: dict[str, str]) -> dict[str, set[str]]:
    known = set(sources)
    return {m: cli_imports(m, s, known) & known for m, s in sources.items()}


def group_problems(graph: dict[str, set[str]]) -> list[str]:
    """A group importing anything of the cli but ``cli.output``; ``cli.output`` importing any cli module."""
    bad = []
    for module, targets in sorted(graph.items()):
        if module == f"{PKG}.output":
            bad += [f"{module} imports {t} (the shared helpers sit below every group)" for t in sorted(targets)]
        elif module not in NOT_GROUPS:
            bad += [f"{module} imports {t} (a group imports only cli.output and the core)"
                    for t in sorted(targets - {f"{PKG}.output"})]
    return bad


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as ``[a, b, ..., a]``, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


# -- the real package ------------------------------------------------------------------------------
def test_groups_import_only_the_shared_helpers():
    graph = graph_of(cli_sources())
    assert len(graph) >= 12, "the walk found suspiciously few cli modules"
    assert group_problems(graph) == []


def test_the_cli_package_has_no_import_cycle():
    assert find_cycle(graph_of(cli_sources())) is None


def test_every_group_module_is_registered():
    groups = {m for m in cli_sources()} - NOT_GROUPS
    registered = {g.__name__ for g in registry.GROUPS}
    assert registered == groups, "a group module that is not in cli.registry.GROUPS adds no command"
    assert all(callable(getattr(g, "register", None)) for g in registry.GROUPS)


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = (), func=None):
    """(path, parser, handler) of every command that takes no further ACTION."""
    func = parser.get_default("func") or func
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser, func
    for action in subs:
        for name, child in action.choices.items():
            yield from _commands(child, (*path, name), func)


COMMANDS = [path for path, _, _ in _commands(build_parser()) if path]


def test_every_command_has_a_handler():
    assert len(COMMANDS) >= 30, COMMANDS
    missing = [" ".join(path) for path, _, func in _commands(build_parser()) if path and not callable(func)]
    assert missing == []


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_answers_help(path, capsys):
    with pytest.raises(SystemExit) as done:
        main([*path, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: sompos {' '.join(path)} ") and "--data-dir" in out


SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b",
                 re.IGNORECASE | re.DOTALL)


def sql_in(source: str) -> list[str]:
    return [node.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)]


def test_the_cli_issues_no_sql():
    found = {m: hits for m, s in cli_sources().items() if (hits := sql_in(s))}
    assert found == {}


# -- the checks can fail ----------------------------------------------------------------------------
def _fake(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return cli_sources(tmp_path)


def test_the_checks_catch_a_group_importing_a_group_and_a_cycle(tmp_path):
    sources = _fake(tmp_path, {
        "__init__.py": "", "output.py": "",
        "main.py": "from pos_app.cli.registry import build_parser",
        "registry.py": "from pos_app.cli import queue, sync",
        "queue.py": "from pos_app.cli.output import out\nfrom pos_app.cli import sync",
        "sync.py": "def f():\n    from .queue import cmd_list",
    })
    graph = graph_of(sources)
    assert group_problems(graph) == [
        "pos_app.cli.queue imports pos_app.cli.sync (a group imports only cli.output and the core)",
        "pos_app.cli.sync imports pos_app.cli.queue (a group imports only cli.output and the core)"]
    assert find_cycle(graph) == ["pos_app.cli.queue", "pos_app.cli.sync", "pos_app.cli.queue"]


def test_the_checks_catch_output_reaching_up_and_main_in_a_cycle(tmp_path):
    graph = graph_of(_fake(tmp_path, {
        "__init__.py": "", "output.py": "import pos_app.cli.main",
        "main.py": "from pos_app.cli.output import out", "registry.py": "",
    }))
    assert group_problems(graph) == ["pos_app.cli.output imports pos_app.cli.main (the shared helpers sit "
                                     "below every group)"]
    assert find_cycle(graph) == ["pos_app.cli.main", "pos_app.cli.output", "pos_app.cli.main"]


def test_the_sql_check_sees_a_query():
    assert sql_in('x = "SELECT id FROM invoices WHERE id = ?"') and sql_in("q('DELETE FROM paired_devices')")
    assert sql_in("s = 'UPDATE invoices SET state = ?'") and not sql_in("s = 'select the payment, then update it'")


# -- the entry points ------------------------------------------------------------------------------
def test_console_script_and_python_dash_m_reach_main(tmp_path):
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["sompos"] == "pos_app.cli.main:main"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(tmp_path), "config", "show", "--json"],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    assert '"data_dir"' in r.stdout and r.stderr == ""
