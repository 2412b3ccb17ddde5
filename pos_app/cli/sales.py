"""``sompos request|invoices|unmatched|assign``: invoices and the payments that pay them."""
from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from pos_app.cli.output import add_command, check_qr_target, open_context, out, usage_error, whole


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


def cmd_unmatched(args: argparse.Namespace) -> int:
    ctx = open_context(args, read_only=True)
    rows = ctx.service.unmatched()
    text = "\n".join(f"{r['id']:>6}  block {r['block_number']}  from {r['payer']}  value {r['value']}  {r['tx_hash']}"
                     for r in rows) or "No unmatched payments."
    out(args, rows, text)
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
