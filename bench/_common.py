"""Shared bits for the benchmark scripts: repo on sys.path, anvil helpers, stats."""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.integration.conftest import (  # noqa: E402  (after sys.path set-up)
    deploy_shop, shop_context, start_anvil, stop_anvil,
)

__all__ = ["ROOT", "deploy_shop", "shop_context", "start_anvil", "stop_anvil", "summary"]


def summary(samples_s: list[float]) -> dict[str, float]:
    """Median, p95 and max in milliseconds."""
    xs = sorted(samples_s)
    p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
    return {"n": len(xs), "median_ms": round(statistics.median(xs) * 1000, 2),
            "p95_ms": round(p95 * 1000, 2), "max_ms": round(xs[-1] * 1000, 2)}
