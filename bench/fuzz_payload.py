"""Coverage-guided fuzz target for the offline payload parser (atheris; optional, not part of CI).

    ../.venv/bin/pip install atheris==3.0.0
    ../.venv/bin/python fuzz_payload.py -atheris_runs=200000

Any exception other than a clean ``PayloadRefused`` is a finding (atheris stops and prints it).
Seeds are valid payloads, so mutations explore the RLP / JSON / signature paths.
"""
from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent.parent / "tests" / "offline")]

with atheris.instrument_imports(include=["pos_app"]):
    from pos_app.offline.payload import PayloadRefused, parse_payload


def one(data: bytes) -> None:
    try:
        parse_payload(data)
    except PayloadRefused:
        pass


def main() -> None:
    corpus = Path(__file__).resolve().parent / "fuzz_corpus"
    if not corpus.exists():
        from payloads import authorization, raw_transfer
        corpus.mkdir()
        for i, text in enumerate([raw_transfer(tx_type=t) for t in (0, 1, 2)] + [authorization()]):
            (corpus / f"seed{i}").write_text(text)
    atheris.Setup([sys.argv[0], str(corpus), *sys.argv[1:]], one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
