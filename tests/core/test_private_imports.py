"""No package imports another package's private names (issue 19, point 3: the outbox assembled
calldata with ``_err``, ``_get``, ``_hex``, ``_int``, ``_word`` imported from ``chain/rawrpc.py``).
What a package offers others is public (``chain/calldata.py``); a leading underscore stays home."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def private_imports() -> list[str]:
    found = []
    for path in sorted((ROOT / "pos_app").rglob("*.py")):
        mod = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pos_app."):
                if package(node.module) == package(mod):
                    continue
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.append(f"{mod}:{node.lineno} imports {node.module}.{alias.name}")
    return found


def test_no_package_imports_another_packages_private_names():
    assert private_imports() == []
