"""``sompos config show|network|merchant|…``: the shop's settings, each change validated by the core."""
from __future__ import annotations

import argparse
import sqlite3
from typing import Any

from pos_app.cli.output import (
    add_actions, add_command, cached_token_info, duration_text, open_context, out, som_text, usage_error,
)
from pos_app.core.errors import PosError


def _change(ctx, args: argparse.Namespace) -> None:
    from pos_app.shop import config as C
    if args.config_cmd == "network":
        C.set_network(ctx.store, args.spec)
    elif args.config_cmd == "merchant":
        C.set_merchant(ctx.store, args.address)
    elif args.config_cmd == "token":
        C.set_token(ctx.store, args.address)
    elif args.config_cmd == "expiry":
        C.set_expiry_minutes(ctx.store, args.minutes)
    elif args.config_cmd == "qr-format":
        C.set_qr_format(ctx.store, args.format)
    elif args.config_cmd == "language":
        C.set_language(ctx.store, args.lang)
    elif args.config_cmd == "till":
        C.set_till(ctx.store, args.spec)
    elif args.config_cmd == "short-tolerance":
        C.set_short_tolerance(ctx.store, args.som)
    elif args.config_cmd == "offline-limit":
        if not str(args.value).strip().isascii():  # "٣" would pass str.isdigit() and int()
            raise usage_error("cli.limit_digits_only")
        from pos_app.offline.risk import with_limit
        ctx.offline.set_limits(with_limit(ctx.offline.limits(), args.name, args.value))


# How ``config show`` words each offline limit (the names ``config offline-limit`` takes, in the
# order a manager thinks of them).
_LIMIT_LINES = (("per-payment", "per_payment_tyiyn"), ("total", "total_tyiyn"),
                ("unknown-payer", "unknown_payer_tyiyn"), ("max-items", "max_items"),
                ("warn-after", "warn_after_s"), ("refuse-after", "refuse_after_s"),
                ("max-offline-days", "max_since_sync_s"), ("stale-snapshot-days", "stale_snapshot_s"),
                ("stuck-after", "stuck_after_s"))


def limits_text(limits: dict[str, int]) -> list[str]:
    """The offline limits as a shopkeeper reads them: som with two decimals, hours and days."""
    lines = []
    for name, field in _LIMIT_LINES:
        value = limits[field]
        shown = (som_text(value) if field.endswith("_tyiyn") else duration_text(value) if field.endswith("_s")
                 else f"{value} payments")
        lines.append(f"  {name:20} {shown}")
    return lines


def _text_value(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "rpc_urls":
        return ", ".join(value)
    if key == "expiry_seconds":
        return duration_text(value)
    return str(value)


def cmd_config(args: argparse.Namespace) -> int:
    """Text for a person (som, hours); ``--json`` keeps numbers: ``offline_limits`` in tyiyn (``*_tyiyn``),
    seconds (``*_s``) and a count (``max_items``), ``expiry_seconds`` in seconds."""
    ctx = open_context(args, read_only=args.config_cmd == "show")
    _change(ctx, args)
    cfg = ctx.config
    d = cfg.to_dict()
    d["network"] = cfg.network.name
    if cfg.network.token:
        info = None
        try:
            info = ctx.token_info() if cfg.network.embedded else cached_token_info(ctx)
        except (PosError, sqlite3.Error):  # sqlite3: the demo token's facts not saved on a full disk
            info = cached_token_info(ctx) if cfg.network.embedded else None
        d.update({"decimals": info.decimals if info else None, "symbol": info.symbol if info else None,
                  "eip712_name": info.eip712_name if info else None,
                  "eip712_version": info.eip712_version if info else None})
    else:
        d.update({"decimals": None, "symbol": None, "eip712_name": None, "eip712_version": None})
        info = None
    from pos_app.chain.token_cache import describe_offline_kinds  # what the token was probed to settle
    features = info.features if info else None
    d["offline_kinds"] = describe_offline_kinds(features) if cfg.network.token else None
    d["offline_limits"] = ctx.offline.limits().to_dict()
    d["data_dir"] = str(ctx.data_dir)
    # The difference the payment watcher last measured against the network's clock (issue 18, 7).
    skew = int(ctx.store.get_setting(f"clock_skew:{cfg.network.chain_id}", 0) or 0)
    d["clock_skew_s"] = skew
    d["clock"] = ("agrees with the network" if abs(skew) <= 300 else
                  f"{duration_text(abs(skew))} {'behind' if skew > 0 else 'ahead of'} the network: set the date and time")
    from pos_app.store.audit import verify  # the start-up check, also here (issue 10, finding 8)
    audit = verify(ctx.store, ctx.data_dir)
    d["audit"] = ("ok" if audit.ok else
                  f"{len(audit.problems)} problem(s), records changed outside the app: sompos audit verify")
    lines = []
    for k, v in d.items():
        if k == "offline_limits":
            lines += ["offline limits", *limits_text(v)]
        elif k == "clock_skew_s":
            continue
        elif k == "short_tolerance_tyiyn":
            lines.append(f"{'short accepted':15} {som_text(v) if v else 'never'}")
        else:
            lines.append(f"{'expiry' if k == 'expiry_seconds' else k:15} {_text_value(k, v)}")
    text = "\n".join(lines)
    d["token_features"] = features.to_dict() if features else None  # JSON only; the line above says it
    if d.get("token") and d["decimals"] is None:
        text += "\n(token details are read from the chain at the first `sompos sync --once`)"
    out(args, d, text)
    return 0


def register(sub: Any) -> None:
    c = add_command(sub, "config", help="show or change settings")
    csub = add_actions(c, "config_cmd", "SETTING")
    add_command(csub, "show", help="current settings")
    n = add_command(csub, "network", help="bsc, bsc-testnet, local, demo or a .toml profile")
    n.add_argument("spec")
    m = add_command(csub, "merchant", help="the address that receives payments")
    m.add_argument("address")
    t = add_command(csub, "token", help="the som token contract on this network")
    t.add_argument("address")
    e = add_command(csub, "expiry", help="invoice expiry in minutes")
    e.add_argument("minutes")
    q = add_command(csub, "qr-format", help="default QR format")
    q.add_argument("format")
    tl = add_command(csub, "till", help="this till's number among the tills sharing the shop address, e.g. 2/3")
    tl.add_argument("spec", help="NUMBER/COUNT, e.g. 2/3 (1/1 for a single till)")
    st = add_command(csub, "short-tolerance", help="the most a part-paid sale may be short and still be accepted "
                                                   "as paid with one tap (som, e.g. 0,50; 0 turns it off)")
    st.add_argument("som")
    lg = add_command(csub, "language", help="ky, ru or en")
    lg.add_argument("lang")
    ol = add_command(csub, "offline-limit",
                     help="per-payment|total|unknown-payer (som), max-items, warn-after|refuse-after (hours), "
                          "max-offline-days|stale-snapshot-days")
    ol.add_argument("name")
    ol.add_argument("value")
    c.set_defaults(func=cmd_config)
