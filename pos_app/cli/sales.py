"""``sompos request|invoices|unmatched|assign``: invoices and the payments that pay them."""
from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from pos_app.cli.output import (
    add_command, check_qr_target, known_token_info, open_context, out, som_text, usage_error, whole,
)


def _invoice_dict(ctx, inv, fmt: str) -> dict[str, Any]:
    from pos_app.core.money import base_units_to_decimal_str, format_som_plain
    from pos_app.invoices.payment_request import build_uri
    d = inv.to_dict()
    d["amount"] = format_som_plain(inv.amount_tyiyn)
    d["onchain_amount"] = base_units_to_decimal_str(inv.due_base, inv.decimals)
    d["format"] = fmt
    d["uri"] = build_uri(fmt, inv.request(), trust_coin=ctx.config.network.trust_coin)
    return d


def _probe_request(ctx):
    """A stand-in request, so a QR format the network cannot express is refused before an invoice exists."""
    from pos_app.invoices.payment_request import PaymentRequest
    net = ctx.config.network
    return PaymentRequest(net.chain_id, net.token or "0x" + "0" * 40, ctx.config.merchant or "0x" + "0" * 40, 1, 6)


def cmd_request(args: argparse.Namespace) -> int:
    from pos_app.core.money import format_som, parse_amount
    from pos_app.core.text import safe_text
    from pos_app.invoices.payment_request import build_uri, qr_text, write_qr_png
    # Every argument is checked before anything is written: a bad one changes nothing.
    amount = parse_amount(args.amount)
    memo = safe_text(args.memo or "").strip()
    if len(memo) > 200:
        raise usage_error("The memo is too long (at most 200 characters).")
    if args.qr:
        check_qr_target(args.qr)
    ctx = open_context(args)
    fmt = args.format or ctx.config.qr_format
    build_uri(fmt, _probe_request(ctx), trust_coin=ctx.config.network.trust_coin)
    inv = ctx.create_invoice(amount, memo=memo)
    d = _invoice_dict(ctx, inv, fmt)
    if args.qr:
        write_qr_png(d["uri"], args.qr)
        d["qr_png"] = str(Path(args.qr).resolve())
    lang = ctx.config.language
    text = "\n".join([
        f"Invoice {inv.id}: {format_som(inv.amount_tyiyn, lang)}",
        f"Pay exactly:  {d['onchain_amount']} (on chain, the tail identifies this invoice)",
        f"Expires:      {time.strftime('%H:%M:%S', time.localtime(inv.expires_at))}",
        f"Request:      {d['uri']}",
        *([f"QR picture:   {d['qr_png']}"] if args.qr else []),
        "", qr_text(d["uri"])])
    out(args, d, text)
    return 0


def cmd_invoices(args: argparse.Namespace) -> int:
    from pos_app.core.money import format_som
    ctx = open_context(args, read_only=True)
    invs = ctx.service.list(limit=args.limit)
    lang = ctx.config.language
    rows = [f"{i.id:>6}  {time.strftime('%Y-%m-%d %H:%M', time.localtime(i.created_at))}  "
            f"{format_som(i.amount_tyiyn, lang):>16}  {i.state.value:<10} {' '.join(i.flags.labels())}"
            for i in invs]
    out(args, [i.to_dict() for i in invs], "\n".join(rows) if rows else "No invoices yet.")
    return 0


def _payment_som(ctx, row: dict[str, Any], decimals_of: dict[tuple[int, str], int | None]) -> tuple[str | None, str]:
    """(exact som text for JSON or None, the amount as a shopkeeper reads it) of a payment row.

    The decimals are the payment's own token's, as cached (no node is asked); unknown decimals show
    the chain's units, said as such.
    """
    from pos_app.chain.token_cache import cached_token_info
    from pos_app.core.money import base_units_to_decimal_str, base_units_to_tyiyn, stored_base_units
    key = (row["chain_id"], row["token"])
    if key not in decimals_of:
        info = cached_token_info(ctx.store, *key)
        decimals_of[key] = info.decimals if info else None
    decimals = decimals_of[key]
    value = stored_base_units(row["value"])
    if decimals is None:
        return None, f"{value} base units (token details not read yet)"
    exact = base_units_to_decimal_str(value, decimals)
    tyiyn, tail = base_units_to_tyiyn(value, decimals)
    return exact, som_text(tyiyn) + (f" (exactly {exact})" if tail else "")


def cmd_unmatched(args: argparse.Namespace) -> int:
    """Amounts in som (text; JSON adds ``amount_som``, exact, next to ``value`` in base units)."""
    ctx = open_context(args, read_only=True)
    known_token_info(ctx)  # the demo token's fixed facts are cached on first use, as the other commands do
    rows, lines, decimals_of = [], [], {}
    for r in ctx.service.unmatched():
        exact, shown = _payment_som(ctx, r, decimals_of)
        rows.append({**r, "amount_som": exact})
        lines.append(f"{r['id']:>6}  {shown:>16}  from {r['payer']}  block {r['block_number']}  {r['tx_hash']}")
    out(args, rows, "\n".join(lines) or "No unmatched payments.")
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    inv = ctx.service.assign_payment(args.payment, args.invoice, actor=args.actor)
    out(args, inv.to_dict(), f"Payment {args.payment} assigned to invoice {inv.id}; it is now {inv.state.value}.")
    return 0


def register(sub: Any) -> None:
    r = add_command(sub, "request", help="create an invoice and its QR payment request")
    r.add_argument("--amount", required=True, help="amount in som, e.g. 150 or 150,50")
    r.add_argument("--format", choices=["eip681", "metamask", "trust", "address"])
    r.add_argument("--qr", metavar="FILE.png", help="also write the QR code as a PNG")
    r.add_argument("--memo", help="a note kept with the invoice")
    r.set_defaults(func=cmd_request)

    i = add_command(sub, "invoices", help="list invoices, newest first")
    i.add_argument("--limit", type=whole("the number of invoices", 1, 1_000_000), default=100,
                   help="how many invoices to show (1 to 1,000,000)")
    i.set_defaults(func=cmd_invoices)

    u = add_command(sub, "unmatched", help="payments that match no invoice")
    u.set_defaults(func=cmd_unmatched)

    a = add_command(sub, "assign", help="assign an unmatched payment to an invoice (audited)")
    a.add_argument("payment", type=whole("the payment number"))
    a.add_argument("invoice", type=whole("the invoice number"))
    a.add_argument("--actor", default="cashier", help="who decides (recorded in the audit log)")
    a.set_defaults(func=cmd_assign)
