"""Every table has one owner module; only it writes the table, and state changes go through the
owner's lifecycle check (STYLE.md "Target layout", docs/architecture.md).

Every ``.py`` under ``pos_app`` is parsed with ``ast``. Each string that is SQL (a constant, an
f-string, or constants joined with ``+``; docstrings are prose and skipped) is searched for
statements that write a table: ``INSERT [OR x] INTO t``, ``REPLACE INTO t``, ``UPDATE [OR x] t
SET``, ``DELETE FROM t`` (an upsert's ``ON CONFLICT .. DO UPDATE SET`` writes the table of its
INSERT). Calls through sqlite-utils (``db["t"].insert(..)``, ``db.table("t").upsert(..)``, ..)
count too. A write is allowed only in the table's module in ``OWNERS``; a write whose table is
not spelled out (``INSERT INTO {table}``) is refused everywhere, since nobody could tell whose
table it is.

For the tables with a lifecycle (``LIFECYCLES``), an ``UPDATE`` that sets the state column must
sit in a function that calls the lifecycle table's check, so no code path moves a state the
table forbids. A ``SET`` list built at run time cannot be read here: the one the queue needs is
listed in ``DYNAMIC_SET`` and refuses the state column itself (tested below).

The scanner is tested on fake sources first, so a scanner that finds nothing cannot pass.
"""
from __future__ import annotations

import ast
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PKG_DIR = REPO_ROOT / "pos_app"

# The documented ownership: table -> the one module that writes it (docs/architecture.md).
OWNERS: dict[str, str] = {
    "settings": "pos_app/store/db.py",
    "audit_log": "pos_app/store/audit.py",
    "token_info": "pos_app/chain/token_cache.py",
    "key_attempts": "pos_app/keys/key_attempts.py",
    "invoices": "pos_app/invoices/service.py",
    "invoice_history": "pos_app/invoices/service.py",
    "payments": "pos_app/invoices/service.py",
    "scan_cursor": "pos_app/payments/watcher.py",
    "scan_checkpoints": "pos_app/payments/watcher.py",
    "offline_payments": "pos_app/offline/queue.py",
    "offline_history": "pos_app/offline/queue.py",
    "payer_snapshots": "pos_app/offline/queue.py",
    "paired_devices": "pos_app/handover/pairing.py",
    "relay_nonces": "pos_app/outbox/engine.py",
    "payer_names": "pos_app/shop/payers.py",
    "invoice_asks": "pos_app/invoices/asks.py",
}
# Tables whose state column moves only through a transition table: (column, the check's name).
LIFECYCLES: dict[str, tuple[str, str]] = {
    "invoices": ("state", "check_transition"),        # pos_app/invoices/lifecycle.py
    "offline_payments": ("state", "check_transition"),  # pos_app/offline/lifecycle.py
}
# (module, function) allowed an UPDATE of a lifecycle table with a SET list built at run time,
# because the function itself refuses the state column (test_dynamic_set_refuses_the_state below).
DYNAMIC_SET: set[tuple[str, str]] = {("pos_app/offline/queue.py", "_set_columns")}
# Schema steps that convert old rows once, while the database is opened and before any owner runs
# (store/migrations.py): the only writes outside the owners, each a numbered step's function.
SCHEMA_STEPS: set[tuple[str, str]] = {("pos_app/store/migrations.py", "reasons_to_codes")}

HOLE = "\x00"   # stands for an f-string's {expression} (or a non-string part of a sum)


def _name(group: str) -> str:
    """A table name, quoted or not, maybe in a schema (``main.invoices``); HOLE alone: built at run time."""
    return rf"[\"'`\[]?(?:(?:main|temp)[\"'`\]]?\.[\"'`\[]?)?(?P<{group}>\x00|[A-Za-z_]\w*)[\"'`\]]?"


# What may follow the table of an INSERT / REPLACE / DELETE: SQL, not prose ("delete from the list").
_AFTER = r"(?=\s*(?:\(|\bVALUES\b|\bSELECT\b|\bDEFAULT\b|\bWHERE\b|\bRETURNING\b|\bAS\b|;|\)|\x00|$))"
WRITE = re.compile(
    r"\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|DELETE\s+FROM)\s+" + _name("t1") + _AFTER
    + r"|\bUPDATE(?:\s+OR\s+\w+)?\s+" + _name("t2")
    + r"\s+SET\b(?P<set>.*?)(?:\bWHERE\b|\bFROM\b|;|$)",
    re.IGNORECASE | re.DOTALL)
# A table a SELECT reads (FROM t, JOIN t); a sub-select inside a write counts too.
READ = re.compile(r"\b(?:FROM|JOIN)\s+" + _name("t"), re.IGNORECASE)
# Words that begin SQL the scanner reads: a string holding none of them is not looked at.
SQLISH = re.compile(r"\b(INSERT|REPLACE|UPDATE|DELETE)\b", re.IGNORECASE)
SQLITE_UTILS_WRITES = frozenset({"insert", "insert_all", "upsert", "upsert_all", "update", "delete",
                                 "delete_where", "drop", "create", "add_column", "transform", "lookup"})


@dataclass(frozen=True)
class Write:
    module: str          # path relative to the repository, with /
    line: int
    table: str           # HOLE inside: the table name is built at run time
    function: str        # the innermost enclosing function ("" at module level)
    sets: str | None     # an UPDATE's SET list (HOLE where built at run time); None otherwise
    checks: frozenset[str]   # names of functions the enclosing function calls
    via: str = "sql"     # or "sqlite-utils"


# -- the scanner --------------------------------------------------------------------------------------
def _text(node: ast.AST) -> str | None:
    """The string a node spells, with HOLE for what is only known at run time; None if not a string.

    ``"... {}".format(x)`` and ``"... %s" % x`` spell their template with HOLE for each field."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else HOLE for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        if left is None and right is None:
            return None
        return (HOLE if left is None else left) + (HOLE if right is None else right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        left = _text(node.left)
        return None if left is None else re.sub(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdirf]", HOLE, left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        template = _text(node.func.value)
        return None if template is None else re.sub(r"\{[^{}]*\}", HOLE, template)
    return None


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                out.add(id(first.value))
    return out


def _called_names(func: ast.AST) -> frozenset[str]:
    names = set()
    for node in ast.walk(func):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name):
                names.add(f.id)
            elif isinstance(f, ast.Attribute):
                names.add(f.attr)
    return frozenset(names)


def _sqlite_utils_table(call: ast.Call) -> str | None:
    """``x.db["t"].insert(..)`` / ``db["t"].upsert(..)`` / ``db.table("t").update(..)``: "t"."""
    f = call.func
    if not (isinstance(f, ast.Attribute) and f.attr in SQLITE_UTILS_WRITES):
        return None
    target = f.value

    def is_db(node: ast.AST) -> bool:
        return (isinstance(node, ast.Name) and node.id == "db") or \
            (isinstance(node, ast.Attribute) and node.attr == "db")
    if isinstance(target, ast.Subscript) and is_db(target.value):
        return _text(target.slice) or HOLE
    if isinstance(target, ast.Call) and isinstance(target.func, ast.Attribute) \
            and target.func.attr == "table" and is_db(target.func.value) and target.args:
        return _text(target.args[0]) or HOLE
    return None


def writes_in(source: str, module: str) -> list[Write]:
    """Every table write in one module's source (see the module docstring)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found: list[Write] = []

    def visit(node: ast.AST, func: ast.AST | None, name: str) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            func, name = node, node.name
        text = None if id(node) in skip else _text(node)
        if text is not None and SQLISH.search(text):
            checks = _called_names(func) if func is not None else frozenset()
            for m in WRITE.finditer(text):
                table = m.group("t1") or m.group("t2")
                if m.group("t2") is not None and table.upper() == "SET":
                    continue   # "DO UPDATE SET": the upsert's INSERT names the table
                found.append(Write(module, node.lineno, table, name,
                                   m.group("set") if m.group("t2") is not None else None, checks))
            return   # the parts of an f-string or a sum were read as one string
        if isinstance(node, ast.Call):
            table = _sqlite_utils_table(node)
            if table is not None:
                checks = _called_names(func) if func is not None else frozenset()
                found.append(Write(module, node.lineno, table, name, None, checks, via="sqlite-utils"))
        for child in ast.iter_child_nodes(node):
            visit(child, func, name)

    visit(tree, None, "")
    return found


def problems_in(writes: list[Write], owners: dict[str, str] = OWNERS,
                lifecycles: dict[str, tuple[str, str]] = LIFECYCLES,
                dynamic_set: set[tuple[str, str]] = DYNAMIC_SET) -> list[str]:
    out = []
    for w in writes:
        where = f"{w.module}:{w.line} ({w.function or 'module level'})"
        if (w.module, w.function) in SCHEMA_STEPS:
            continue
        if HOLE in w.table:
            out.append(f"{where} writes a table whose name is built at run time ({w.via})")
            continue
        owner = owners.get(w.table)
        if owner is None:
            out.append(f"{where} writes {w.table!r}, a table with no owner in OWNERS")
        elif w.module != owner:
            out.append(f"{where} writes {w.table} ({w.via}), which only {owner} may write")
        if (w.table in lifecycles and w.via == "sqlite-utils" and w.module == owner
                and lifecycles[w.table][1] not in w.checks):
            # Its columns cannot be read here: it could set the state past the lifecycle table.
            out.append(f"{where} writes {w.table} through sqlite-utils without calling {lifecycles[w.table][1]}"
                       f" in the same function")
            continue
        if w.sets is None or w.table not in lifecycles:
            continue
        column, check = lifecycles[w.table]
        if re.search(rf"(?:^|,)\s*{HOLE}", w.sets):   # a column name (not a value) is built at run time
            if (w.module, w.function) not in dynamic_set:
                out.append(f"{where} updates {w.table} with a SET list built at run time (it could move "
                           f"{column} past {check})")
        elif re.search(rf"(?<![\w.]){column}\s*=", w.sets) and check not in w.checks:
            out.append(f"{where} sets {w.table}.{column} without calling {check} in the same function")
    return out


def pos_app_sources() -> dict[str, str]:
    return {p.relative_to(REPO_ROOT).as_posix(): p.read_text(encoding="utf-8") for p in sorted(PKG_DIR.rglob("*.py"))}


def all_writes() -> list[Write]:
    return [w for module, src in pos_app_sources().items() for w in writes_in(src, module)]


def schema_tables() -> set[str]:
    """The tables of a database migrated to today's schema (sqlite's own left out)."""
    from pos_app.store.migrations import MIGRATIONS
    from pos_app.store.audit import register_functions
    conn = sqlite3.connect(":memory:")
    register_functions(conn)
    for _title, statements in MIGRATIONS:
        for sql in statements:
            sql(conn) if callable(sql) else conn.execute(sql)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    return {n for n in names if not n.startswith("sqlite_")}


# -- the scanner on fake sources: it finds what it must, and nothing else -------------------------------
FAKE_OWNERS = {"invoices": "pos_app/invoices/service.py", "offline_payments": "pos_app/offline/queue.py",
               "settings": "pos_app/store/db.py"}


@pytest.mark.parametrize("source", [
    'c.execute("INSERT INTO invoices(id) VALUES (?)", (1,))',
    'c.execute("insert or replace into invoices(id) values (?)", (1,))',
    'c.execute("REPLACE INTO invoices(id) VALUES (1)")',
    'c.execute("UPDATE invoices SET memo = ? WHERE id = ?", ("", 1))',
    'c.execute("UPDATE OR IGNORE \\"invoices\\" SET memo = \'\'")',
    'c.execute("DELETE FROM invoices WHERE id = 1")',
    'c.execute(f"UPDATE invoices SET memo = {x!r} WHERE id = ?", (1,))',
    'c.execute("SELECT 1; " + "DELETE FROM invoices" + where)',
    'c.execute("SELECT 1 FROM settings"\n          " WHERE 1; UPDATE invoices SET paid_seen = 0")',
    'def f(store):\n    store.db["invoices"].insert({"id": 1})',
    'def f(self):\n    self.store.db["invoices"].upsert({"id": 1}, pk="id")',
    'def f(db):\n    db.table("invoices").delete_where("id = 1")',
])
def test_scanner_catches_a_write_put_in_the_wrong_module(source):
    writes = writes_in(source, "pos_app/offline/handover.py")
    assert [w.table for w in writes] == ["invoices"], writes
    problems = problems_in(writes, FAKE_OWNERS)
    assert len(problems) == 1 and "which only pos_app/invoices/service.py may write" in problems[0], problems
    # The same line in the owner's module is fine, unless it is a sqlite-utils call on a table with a
    # lifecycle outside a function that checks the move (its columns cannot be read: issue 19, 5).
    at_owner = problems_in(writes_in(source, "pos_app/invoices/service.py"), FAKE_OWNERS)
    if writes[0].via == "sqlite-utils":
        assert len(at_owner) == 1 and "through sqlite-utils without calling check_transition" in at_owner[0]
    else:
        assert at_owner == []


@pytest.mark.parametrize("source", [
    'c.execute("UPDATE main.invoices SET memo = ? WHERE id = ?", ("", 1))',
    'c.execute("DELETE FROM \\"main\\".\\"invoices\\" WHERE id = 1")',
    'c.execute("UPDATE {} SET memo = 1".format("invoices"))',
    'c.execute("DELETE FROM %s WHERE id = 1" % "invoices")',
])
def test_scanner_catches_the_forms_a_review_slipped_past_it(source):
    """Issue 19, 5: a schema-qualified name, ``.format`` and ``%`` (the name built at run time)."""
    writes = writes_in(source, "pos_app/offline/queue.py")
    assert len(writes) == 1, writes
    problems = problems_in(writes, FAKE_OWNERS)
    assert len(problems) == 1 and ("which only pos_app/invoices/service.py may write" in problems[0]
                                   or "built at run time" in problems[0]), problems


def test_scanner_catches_a_state_change_through_sqlite_utils_in_the_owner_module():
    """A probe moved an invoice from new to settled with ``store.db["invoices"].update(...)`` in the
    owner's module, with no history row: a lifecycle table is written by sqlite-utils only beside
    the lifecycle check."""
    bypass = 'def settle(store, i):\n    store.db["invoices"].update(i, {"state": "settled"})\n'
    problems = problems_in(writes_in(bypass, "pos_app/invoices/service.py"), FAKE_OWNERS)
    assert len(problems) == 1 and "through sqlite-utils without calling check_transition" in problems[0]
    checked = ('def settle(store, i, cur):\n    check_transition(cur, "settled")\n'
               '    store.db["invoices"].update(i, {"state": "settled"})\n')
    assert problems_in(writes_in(checked, "pos_app/invoices/service.py"), FAKE_OWNERS) == []


def test_scanner_leaves_reads_upserts_of_the_insert_table_and_prose_alone():
    source = '''
"""A module that says: UPDATE invoices SET state = 'settled' in its docstring is only prose."""
def f(c, store):
    """Docstrings may say DELETE FROM invoices."""
    c.execute("SELECT * FROM invoices WHERE state = 'new' ORDER BY id")
    c.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    msg = "Please update the app, then delete from the list what you do not need."
    d = {}
    d["invoices"].update({"x": 1})
    store.model.upsert(1)
'''
    writes = writes_in(source, "pos_app/store/db.py")
    assert [(w.table, w.line) for w in writes] == [("settings", 6)]
    assert problems_in(writes, FAKE_OWNERS) == []


def test_scanner_refuses_a_table_name_built_at_run_time_and_a_table_without_an_owner():
    source = 'def f(c, t):\n    c.execute(f"DELETE FROM {t} WHERE id = 1")\n    c.execute("INSERT INTO ghosts VALUES (1)")\n'
    problems = problems_in(writes_in(source, "pos_app/store/db.py"), FAKE_OWNERS)
    assert len(problems) == 2 and "built at run time" in problems[0] and "'ghosts'" in problems[1], problems


def test_scanner_catches_a_state_change_that_skips_the_lifecycle_check():
    module = "pos_app/offline/queue.py"
    bypass = 'def bump(c, i):\n    c.execute("UPDATE offline_payments SET reason = ?, state = ? WHERE id = ?", ("", "final", i))\n'
    problems = problems_in(writes_in(bypass, module), FAKE_OWNERS)
    assert len(problems) == 1 and "without calling check_transition" in problems[0], problems
    checked = ('def move(c, i, current, target):\n    check_transition(current, target)\n'
               '    c.execute("UPDATE offline_payments SET state = ? WHERE id = ?", (target, i))\n')
    assert problems_in(writes_in(checked, module), FAKE_OWNERS) == []
    # Other columns, and a column merely ending in "state", need no check.
    plain = 'def f(c):\n    c.execute("UPDATE offline_payments SET resolution = ?, last_state = ? WHERE id = 1")\n'
    assert problems_in(writes_in(plain, module), FAKE_OWNERS) == []
    dynamic = 'def g(c, cols):\n    c.execute(f"UPDATE offline_payments SET {cols} WHERE id = ?", (1,))\n'
    problems = problems_in(writes_in(dynamic, module), FAKE_OWNERS)
    assert len(problems) == 1 and "SET list built at run time" in problems[0], problems
    assert problems_in(writes_in(dynamic, module), FAKE_OWNERS, dynamic_set={(module, "g")}) == []


def test_the_walk_finds_the_writes_it_should():
    writes = all_writes()
    tables = {w.table for w in writes if (w.module, w.function) not in SCHEMA_STEPS}
    # Every owned table is written somewhere (else OWNERS or the scanner has gone stale).
    assert tables == set(OWNERS), tables ^ set(OWNERS)
    assert len(writes) > 30, "the scanner found suspiciously few writes"
    # The lifecycle-checked updates are seen as such.
    state_updates = {(w.module, w.function) for w in writes
                     if w.table in LIFECYCLES and w.sets and re.search(r"(?<![\w.])state\s*=", w.sets)}
    assert ("pos_app/offline/queue.py", "_move") in state_updates
    assert ("pos_app/invoices/service.py", "_move_in") in state_updates


# -- the code as it is -----------------------------------------------------------------------------------
def test_every_table_of_the_schema_has_an_owner():
    tables = schema_tables()
    assert tables, "no tables found in the schema"
    assert set(OWNERS) == tables, {"without an owner": sorted(tables - set(OWNERS)),
                                   "owned but not in the schema": sorted(set(OWNERS) - tables)}
    for owner in OWNERS.values():
        assert (REPO_ROOT / owner).is_file(), owner


def test_only_the_owner_writes_each_table():
    assert problems_in(all_writes()) == []


def test_dynamic_set_refuses_the_state(tmp_path):
    from pos_app.keys.device import DeviceKeyOnce
    from pos_app.store.db import open_store
    from pos_app.offline.queue import OfflineQueue
    store = open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    try:
        with store.transaction() as c, pytest.raises(ValueError):
            OfflineQueue._set_columns(c, 1, {"attempts": 1, "state": "final"})
        with store.transaction() as c, pytest.raises(ValueError):
            OfflineQueue._set_columns(c, 1, {"attempts = 0, state": "final"})
    finally:
        store.close()


# -- reads (issue 19, 5): a table is read only by its owner's package, or through its typed queries --------
# The reads another package still makes of a table, each with why; the rest go through the owner's
# typed queries (e.g. pos_app/invoices/reads.py, OfflineQueue.evidence, chain.token_cache).
READ_ALLOWED: dict[tuple[str, str], str] = {}   # none left: every cross-package read is a typed query


@dataclass(frozen=True)
class Read:
    module: str
    line: int
    table: str


def package_of(module: str) -> str:
    """``pos_app/invoices/service.py`` -> ``pos_app/invoices`` (a module of pos_app/ itself: its path)."""
    parts = module.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else module


def reads_in(source: str, module: str) -> list[Read]:
    """Every table a SELECT in one module's source reads (FROM t / JOIN t; docstrings are prose)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found: list[Read] = []

    def visit(node: ast.AST) -> None:
        text = None if id(node) in skip else _text(node)
        if text is not None and re.search(r"\bSELECT\b", text, re.IGNORECASE):
            found.extend(Read(module, node.lineno, m.group("t")) for m in READ.finditer(text))
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def read_problems(reads: list[Read], owners: dict[str, str] = OWNERS,
                  allowed: dict[tuple[str, str], str] = READ_ALLOWED) -> list[str]:
    out = []
    for r in reads:
        owner = owners.get(r.table)
        if owner is None or r.table.startswith("sqlite_"):
            continue   # not one of ours (sqlite_master, a CTE's name, an alias)
        if package_of(r.module) != package_of(owner) and (package_of(r.module), r.table) not in allowed:
            out.append(f"{r.module}:{r.line} reads {r.table}, owned by {owner}: ask the owner's typed query "
                       f"(or list it in READ_ALLOWED with why)")
    return out


def test_read_scanner_finds_a_read_of_another_packages_table_in_every_form():
    for source in ['c.execute("SELECT decimals FROM token_info WHERE chain_id = ?", (1,))',
                   'c.execute("SELECT i.id FROM payments p JOIN main.token_info t ON 1", ())',
                   'c.execute(f"SELECT * FROM token_info WHERE {where}")',
                   'c.execute("SELECT * FROM {} WHERE 1".format("token_info"))']:
        reads = reads_in(source, "pos_app/invoices/service.py")
        problems = read_problems(reads, {"token_info": "pos_app/chain/token_cache.py",
                                         "payments": "pos_app/invoices/service.py"}, {})
        assert len(problems) == 1 or (HOLE in "".join(r.table for r in reads)), (source, problems)
    # The owner's own package reads freely; prose is not a read.
    own = reads_in('"""SELECT x FROM token_info in a docstring."""\nc.execute("SELECT 1 FROM token_info")',
                   "pos_app/chain/token.py")
    assert read_problems(own, {"token_info": "pos_app/chain/token_cache.py"}, {}) == []


def test_every_table_is_read_only_by_its_owners_package_or_by_an_allowed_reader():
    reads = [r for module, src in pos_app_sources().items() for r in reads_in(src, module)]
    assert len(reads) > 50, "the read scanner found suspiciously few reads"
    assert read_problems(reads) == []
    # Every allowance is still needed (a stale one would let a new read slip in unseen).
    used = {(package_of(r.module), r.table) for r in reads}
    assert set(READ_ALLOWED) <= used


def test_the_ui_issues_no_sql():
    """Screens run use cases; they read and write nothing themselves (the CLI is held to it in
    tests/core/test_cli.py)."""
    found = []
    for module, src in pos_app_sources().items():
        if not module.startswith("pos_app/ui/"):
            continue
        tree = ast.parse(src)
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            text = None if id(node) in skip else _text(node)
            if text and re.search(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b", text,
                                  re.IGNORECASE | re.DOTALL):
                found.append(f"{module}:{node.lineno}")
        found += [f"{module}: .execute/.query on a store" for name in ("store.query(", "store.one(", "store.execute(")
                  if name in src]
    assert found == []
