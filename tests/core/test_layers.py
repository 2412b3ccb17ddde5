"""Imports run downward only, and no module imports itself back through others.

Layers (STYLE.md "Target layout", docs/architecture.md)::

    cli, ui (5)                           the two faces; cli may start the GUI
    app (4)                               the composition root
    invoices, payments, offline, handover, outbox, shop (3)   the domain
    chain, keys (2)
    store (1)
    core (0)

A module may import its own package and any package of a lower layer. Inside the domain layer
only the pairs in ``DOMAIN_IMPORTS`` are allowed (an explicit table, not "anything lower"), so
a new reach from one capability into another is a decision someone writes down here.

Every ``.py`` under ``pos_app`` is parsed with ``ast``: module-level and function-level imports,
``import pos_app.x`` and ``from pos_app.x import y``, also those under ``if TYPE_CHECKING:`` (a
type-only import is still a dependency on the layer above; pass the collaborator in and name
its type with a Protocol from below instead). The same edges, resolved to modules, form the
graph in which any cycle fails, reported as the chain of modules that closes it.

A domain module also never builds another domain package's service (a class taking the store):
it is handed one (STYLE.md: collaborators are constructor arguments).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PKG_DIR = REPO_ROOT / "pos_app"
ROOT = "pos_app"

LAYERS: dict[str, int] = {
    "core": 0,
    # the catalogue (codes into words) needs only the core: the CLI and the screens render with it
    "text": 1,
    "store": 1,
    "chain": 2, "keys": 2,
    "invoices": 3, "payments": 3, "offline": 3, "handover": 3, "outbox": 3, "shop": 3,
    "app": 4,
    "cli": 5, "ui": 5,
}
DOMAIN = frozenset(p for p, n in LAYERS.items() if n == 3)

# Which domain package may import which other one (what today's code needs, each for a reason):
DOMAIN_IMPORTS: dict[str, frozenset[str]] = {
    "invoices": frozenset(),
    # an offline payment pays an invoice: the queue links it through InvoiceService
    "offline": frozenset({"invoices"}),
    # a hand-over file carries offline payments: export reads the queue's unsent items (the offline
    # lifecycle's UNSENT), import re-checks each payload (offline.payload, offline.verify) and queues it
    # through the OfflineQueue it is given; the file states the exporting till's slot, checked against
    # this till's (invoices.matching.TillSlot). Nothing in the domain imports the hand-over: only app/
    # (the composition root), cli/ and ui/ do.
    "handover": frozenset({"offline", "invoices"}),
    # detection records transfers through InvoiceService and notes the online facts offline
    # acceptance needs (through an OfflineQueue it is given: see test_domain_services_are_passed_in)
    "payments": frozenset({"invoices", "offline"}),
    # the engine sends what the offline queue holds and moves it through the queue's lifecycle
    "outbox": frozenset({"offline"}),
    # settings are validated against the invoice rules (expiry, till slots, QR formats)
    "shop": frozenset({"invoices"}),
}
# Inside the top layer the CLI may start the GUI (``sompos gui``); the GUI never runs CLI code.
SAME_LAYER_IMPORTS: dict[str, frozenset[str]] = {"cli": frozenset({"ui"})}


@dataclass(frozen=True)
class Import:
    module: str      # the importing module, dotted
    target: str      # the imported module (or package), dotted
    line: int


def module_name(path: Path, root_dir: Path = PKG_DIR) -> str:
    rel = path.relative_to(root_dir.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_in(source: str, module: str, is_package: bool, known: set[str]) -> list[Import]:
    """Every import of a ``pos_app`` module in ``source`` (at any depth in the tree).

    ``from pkg import name`` names the module ``pkg.name`` when that is a module in ``known``,
    otherwise ``pkg`` itself; relative imports are resolved against ``module``.
    """
    found: list[Import] = []
    here = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source, module)):
        if isinstance(node, ast.Import):
            found += [Import(module, a.name, node.lineno) for a in node.names
                      if a.name == ROOT or a.name.startswith(ROOT + ".")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not (target == ROOT or target.startswith(ROOT + ".")):
                continue
            subs = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known]
            found += [Import(module, t, node.lineno) for t in subs] or [Import(module, target, node.lineno)]
    return found


def package_of(module: str) -> str | None:
    """The top-level package under ``pos_app`` (``pos_app.offline.queue`` -> ``offline``)."""
    parts = module.split(".")
    if len(parts) < 2:
        return None  # pos_app/__init__.py: the version string, below everything
    if parts[1] == "__main__":
        return "cli"  # ``python -m pos_app`` is the CLI
    return parts[1]


def layer_problems(imports: list[Import]) -> list[str]:
    """Each import that goes up a layer or crosses the domain in a way the table does not allow."""
    problems = []
    for imp in imports:
        src, dst = package_of(imp.module), package_of(imp.target)
        if src is None or dst is None or src == dst:
            continue
        where = f"{imp.module} (line {imp.line}) imports {imp.target}"
        if src not in LAYERS or dst not in LAYERS:
            problems.append(f"{where}: package {src if src not in LAYERS else dst!r} has no layer; add it to LAYERS")
        elif LAYERS[dst] > LAYERS[src]:
            problems.append(f"{where}: {src} (layer {LAYERS[src]}) reaches up to {dst} (layer {LAYERS[dst]})")
        elif LAYERS[dst] == LAYERS[src]:
            allowed = DOMAIN_IMPORTS.get(src, frozenset()) if src in DOMAIN else SAME_LAYER_IMPORTS.get(src, frozenset())
            if dst not in allowed:
                problems.append(f"{where}: {src} -> {dst} is not in the allowed table")
    return problems


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """For every tangle (see ``tangles``), one cycle through it: ``[a, b, ..., a]``."""
    return [_cycle_through(comp, graph) for comp in tangles(graph)]


def tangles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component of more than one module (or a module importing itself),
    sorted. Tarjan's algorithm, iterative so a deep graph cannot overflow the stack."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    nodes = sorted(set(graph) | {t for ts in graph.values() for t in ts})
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        comp.append(top)
                        if top == node:
                            break
                    if len(comp) > 1 or node in graph.get(node, ()):
                        components.append(sorted(comp))
    return components


def _cycle_through(component: list[str], graph: dict[str, set[str]]) -> list[str]:
    """One concrete cycle inside a strongly connected component, starting at its first module."""
    members = set(component)
    start = component[0]
    # breadth-first from start's successors back to start, inside the component
    parents: dict[str, str] = {}
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for child in sorted(graph.get(node, ())):
                if child not in members:
                    continue
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parents[path[-1]])
                    return [start, *reversed(path[:-1]), start] if node != start else [start, start]
                if child not in parents:
                    parents[child] = node
                    nxt.append(child)
        frontier = nxt
    raise AssertionError(f"not a cycle: {component}")  # pragma: no cover - Tarjan gave a real component


def collect(pkg_dir: Path = PKG_DIR) -> list[Import]:
    files = sorted(pkg_dir.rglob("*.py"))
    known = {module_name(p, pkg_dir) for p in files}
    found = []
    for p in files:
        found += imports_in(p.read_text(encoding="utf-8"), module_name(p, pkg_dir), p.name == "__init__.py", known)
    return found


def module_graph(imports: list[Import]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for imp in imports:
        if imp.target != imp.module:
            graph.setdefault(imp.module, set()).add(imp.target)
    return graph


def services(pkg_dir: Path = PKG_DIR) -> dict[str, set[str]]:
    """Per module, the classes whose constructor takes the ``store``: the services that own tables."""
    found: dict[str, set[str]] = {}
    for p in sorted(pkg_dir.rglob("*.py")):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__" and \
                            "store" in [a.arg for a in item.args.args + item.args.kwonlyargs]:
                        found.setdefault(module_name(p, pkg_dir), set()).add(node.name)
    return found


def foreign_services_built(pkg_dir: Path = PKG_DIR) -> list[str]:
    """Each place a domain module constructs a service class of another domain package.

    Domain packages receive their collaborators (STYLE.md): a service built on the side has no
    events, no shared settings, and hides a dependency the composition root cannot see.
    """
    svc = services(pkg_dir)
    problems = []
    for p in sorted(pkg_dir.rglob("*.py")):
        module = module_name(p, pkg_dir)
        src = package_of(module)
        if src not in DOMAIN:
            continue
        tree = ast.parse(p.read_text(encoding="utf-8"))
        names: dict[str, str] = {}  # local name -> "module.Class"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in svc \
                    and package_of(node.module) != src:
                for a in node.names:
                    if a.name in svc[node.module]:
                        names[a.asname or a.name] = f"{node.module}.{a.name}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
                problems.append(f"{module} (line {node.lineno}) builds its own {names[node.func.id]}")
    return problems


# --- the checker checks (so the real tests below cannot pass for want of finding anything) ---

def _fake_tree(tmp_path: Path, files: dict[str, str]) -> list[Import]:
    for rel, text in files.items():
        p = tmp_path / ROOT / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return collect(tmp_path / ROOT)


@pytest.mark.parametrize("source", [
    "from pos_app.app.context import AppContext",
    "import pos_app.app.context",
    "import pos_app.app.context as ctx",
    "def f():\n    from pos_app.app import context\n",
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pos_app.app.context import AppContext\n",
    "from ..app import context",
])
def test_checker_finds_an_upward_import_in_every_form(tmp_path, source):
    imports = _fake_tree(tmp_path, {"__init__.py": "", "store/__init__.py": "", "store/db.py": "",
                                    "handover/__init__.py": "", "handover/export.py": source,
                                    "app/__init__.py": "", "app/context.py": ""})
    problems = layer_problems(imports)
    assert len(problems) == 1 and "handover (layer 3) reaches up to app (layer 4)" in problems[0], problems


def test_checker_refuses_a_domain_import_missing_from_the_table_and_allows_the_listed_ones(tmp_path):
    imports = _fake_tree(tmp_path, {"invoices/service.py": "from pos_app.offline.queue import OfflineQueue",
                                    "offline/queue.py": "from pos_app.invoices.service import InvoiceService\n"
                                                        "from pos_app.store.db import Store",
                                    "store/db.py": "from pos_app.core.errors import StorageError",
                                    "core/errors.py": "", "cli/main.py": "import pos_app.ui.shell.app",
                                    "ui/shell/app.py": "from pos_app.cli import main"})
    problems = layer_problems(imports)
    assert [p.split(":")[0] for p in problems] == [
        "pos_app.invoices.service (line 1) imports pos_app.offline.queue",
        "pos_app.ui.shell.app (line 1) imports pos_app.cli.main",
    ], problems


def test_checker_reports_a_cycle_with_its_modules(tmp_path):
    imports = _fake_tree(tmp_path, {"core/a.py": "from pos_app.core import b",
                                    "core/b.py": "def f():\n    import pos_app.core.c\n",
                                    "core/c.py": "from pos_app.core.a import thing",
                                    "core/d.py": "from pos_app.core import a",
                                    "core/e.py": "import pos_app.core.e"})
    cycles = find_cycles(module_graph(imports))
    assert cycles == [["pos_app.core.a", "pos_app.core.b", "pos_app.core.c", "pos_app.core.a"]]
    assert tangles({"a": {"b"}, "b": {"a", "c"}, "c": {"b", "d"}, "d": set()}) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": {"a", "c"}, "c": {"b", "d"}, "d": set()}) == [["a", "b", "a"]]
    assert find_cycles({"x": {"x"}}) == [["x", "x"]]
    assert find_cycles({"x": {"y"}, "y": {"z"}, "z": set()}) == []


def test_checker_finds_a_service_built_across_domain_packages(tmp_path):
    _fake_tree(tmp_path, {"offline/queue.py": "class OfflineQueue:\n    def __init__(self, store, service): pass\n"
                                              "class QueueItem:\n    def __init__(self, amount): pass\n",
                          "payments/watcher.py": "from pos_app.offline.queue import OfflineQueue as Q, QueueItem\n"
                                                 "def f(store):\n    QueueItem(1)\n    return Q(store, None)\n",
                          "app/context.py": "from pos_app.offline.queue import OfflineQueue\nOfflineQueue(1, 2)\n"})
    assert foreign_services_built(tmp_path / ROOT) == [
        "pos_app.payments.watcher (line 4) builds its own pos_app.offline.queue.OfflineQueue"]


def test_the_walk_sees_the_whole_package():
    imports = collect()
    modules = {i.module for i in imports}
    assert len(modules) > 50, "the walk found suspiciously few importing modules"
    packages = {package_of(m) for m in modules} - {None}
    assert packages == set(LAYERS), packages ^ set(LAYERS)
    edges = {(i.module, i.target) for i in imports}
    # one of each form is seen: module level, inside a function, ``from pkg import module``
    assert ("pos_app.offline.queue", "pos_app.store.db") in edges
    assert ("pos_app.store.db", "pos_app.store.audit") in edges
    assert ("pos_app.payments.watcher", "pos_app.chain.answers") in edges


# --- the rules on the real code ---

def test_imports_run_downward_only():
    problems = layer_problems(collect())
    assert problems == [], "\n".join(problems)


def test_domain_never_imports_the_composition_root():
    hits = [f"{i.module} (line {i.line})" for i in collect()
            if package_of(i.module) in DOMAIN | {"core", "store", "chain", "keys"} and package_of(i.target) == "app"]
    assert hits == []


def test_domain_services_are_passed_in():
    assert "OfflineQueue" in services()["pos_app.offline.queue"]
    problems = foreign_services_built()
    assert problems == [], "\n".join(problems)


def test_no_import_cycles():
    graph = module_graph(collect())
    cycles = find_cycles(graph)
    assert cycles == [], "\n".join(f"{' -> '.join(c)}  (all tangled: {', '.join(t)})"
                                    for c, t in zip(cycles, tangles(graph)))
