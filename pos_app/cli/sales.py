"""``sompos request|invoices|show|charge-again|accept-short|cancel|unmatched|assign``: invoices and the payments that pay them."""
from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from pos_app.app.till import Till
from pos_app.cli.output import (
    actor_name, add_command, check_qr_target, file_name, history_json, known_token_info, open_context, out, som_text, words,
    usage_error, whole,
)


def _invoice_dict(ctx, inv, fmt: str) -> dict[str, Any]:
    from pos_app.core.money import base_units_to_decimal_str, format_som_plain
    from pos_app.invoices.payment_request import build_uri
    d = inv.to_dict()
    d["amount"] = format_som_plain(inv.amount_tyiyn)
    d["onchain_amount"] = base_units_to_decimal_str(inv.asked_base, inv.decimals)
    d["received"] = format_som_plain(inv.received_tyiyn)
    d["still_due"] = format_som_plain(inv.still_due_tyiyn)
    d["change"] = format_som_plain(inv.change_tyiyn)
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
        raise usage_error("cli.memo_too_long")
    if args.qr:
        check_qr_target(args.qr)
    ctx = open_context(args)
    fmt = args.format or ctx.config.qr_format
    build_uri(fmt, _probe_request(ctx), trust_coin=ctx.config.network.trust_coin)
    inv = Till(ctx).charge(amount, memo=memo)
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


def money_line(inv) -> str:
    """What a sale's money comes to, as the cashier reads it: received, and still due or the change."""
    parts = [f"received {som_text(inv.received_tyiyn)}"]
    if inv.still_due_tyiyn and inv.state.value not in ("invalid",):
        parts.append(f"still due {som_text(inv.still_due_tyiyn)}")
    if inv.change_tyiyn:
        parts.append(f"give back {som_text(inv.change_tyiyn)}")
    if inv.short_tyiyn:
        parts.append(f"accepted {som_text(inv.short_tyiyn)} short")
    if inv.carried:
        device, _, number = (inv.carried_for or "").partition(":")
        parts.append(f"sent for another till (its sale {number}), not this till's sale")
    elif inv.reopened_at is not None and inv.state.value != "settled":
        parts.append("REOPENED: its payment left the network")
    return ", ".join(parts)


def cmd_invoices(args: argparse.Namespace) -> int:
    ctx = open_context(args, read_only=True)
    invs = ctx.service.list(limit=args.limit)
    rows = [f"{i.id:>6}  {time.strftime('%Y-%m-%d %H:%M', time.localtime(i.created_at))}  "
            f"{som_text(i.amount_tyiyn):>14}  {i.state.value:<10}  {money_line(i)}"
            f"{'  (' + ' '.join(i.flags.labels()) + ')' if i.flags.labels() else ''}"
            for i in invs]
    out(args, [_money_dict(i) for i in invs], "\n".join(rows) if rows else "No invoices yet.")
    return 0


def _money_dict(inv) -> dict[str, Any]:
    from pos_app.core.money import format_som_plain
    d = inv.to_dict()
    d.update(amount=format_som_plain(inv.amount_tyiyn), received=format_som_plain(inv.received_tyiyn),
             still_due=format_som_plain(inv.still_due_tyiyn), change=format_som_plain(inv.change_tyiyn))
    return d


def cmd_show(args: argparse.Namespace) -> int:
    """One sale: price, what was received, still due or change, its payments and its story."""
    ctx = open_context(args, read_only=True)
    inv = ctx.service.get(args.invoice)
    known_token_info(ctx)
    decimals_of: dict = {}
    names = ctx.payers.names()
    pays = ctx.service.payments_for(inv.id)
    lines = [f"Invoice {inv.id}: {som_text(inv.amount_tyiyn)}, {inv.state.value}",
             f"  {money_line(inv)}"]
    if inv.rest_open:
        from pos_app.core.money import base_units_to_decimal_str
        lines.append(f"  the QR asks the rest: exactly {base_units_to_decimal_str(inv.asked_base, inv.decimals)}")
    for p in pays:
        _exact, shown = _payment_som(ctx, p, decimals_of)
        lines.append(f"  payment {p['id']}: {shown} from {ctx.payers.label(p['payer'], names)} ({p['payer']}),"
                     f" {p['status']}, {p['tx_hash']}")
    history = ctx.service.history(inv.id)
    shop = words()   # the history in the shop's words and language, as the screens show it
    for h in history:
        lines.append(f"  {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(h['at']))}  {shop.history(h)}")
    d = _money_dict(inv)
    d["payments"] = pays
    d["history"] = [history_json(h) for h in history]
    out(args, d, "\n".join(lines))
    return 0


def cmd_charge_again(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    inv = Till(ctx).charge_again(args.invoice, actor=args.actor)
    d = _invoice_dict(ctx, inv, ctx.config.qr_format)
    out(args, d, f"Invoice {inv.id} asks again: {som_text(inv.still_due_tyiyn)} still due, until "
                 f"{time.strftime('%H:%M:%S', time.localtime(inv.expires_at))}.\nRequest:      {d['uri']}")
    return 0


def cmd_accept_short(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    till = Till(ctx)
    before = till.sale(args.invoice)
    inv = till.accept_short(args.invoice, actor=args.actor)
    out(args, _invoice_dict(ctx, inv, ctx.config.qr_format),
        f"Invoice {inv.id} accepted as paid, {som_text(before.still_due_tyiyn)} short (recorded); it is {inv.state.value}.")
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    from pos_app.core.reasons import R
    from pos_app.core.text import safe_text
    reason = safe_text(args.reason or "").strip()
    if len(reason) > 200:
        raise usage_error("cli.reason_too_long")
    ctx = open_context(args)
    inv = Till(ctx).cancel(args.invoice, actor=args.actor, reason=reason or R("sale_cancelled"))
    extra = f" It had received {som_text(inv.received_tyiyn)}: give it back." if inv.received_tyiyn else ""
    out(args, _money_dict(inv), f"Invoice {inv.id} is cancelled.{extra}")
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
    names = ctx.payers.names()
    for r in ctx.service.unmatched():
        exact, shown = _payment_som(ctx, r, decimals_of)
        rows.append({**r, "amount_som": exact})
        payer = ctx.payers.label(r["payer"], names)
        lines.append(f"{r['id']:>6}  {shown:>16}  from {payer} ({r['payer']})  block {r['block_number']}  {r['tx_hash']}")
    out(args, rows, "\n".join(lines) or "No unmatched payments.")
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    inv = Till(ctx).assign(args.payment, args.invoice, actor=args.actor)
    out(args, _money_dict(inv), f"Payment {args.payment} assigned to invoice {inv.id}; it is now {inv.state.value}"
                                f" ({money_line(inv)}).")
    return 0


def register(sub: Any) -> None:
    r = add_command(sub, "request", help="create an invoice and its QR payment request")
    r.add_argument("--amount", required=True, help="amount in som, e.g. 150 or 150,50")
    r.add_argument("--format", choices=["eip681", "metamask", "trust", "address"])
    r.add_argument("--qr", metavar="FILE.png", type=file_name, help="also write the QR code as a PNG")
    r.add_argument("--memo", help="a note kept with the invoice")
    r.set_defaults(func=cmd_request)

    i = add_command(sub, "invoices", help="list invoices, newest first")
    i.add_argument("--limit", type=whole("the number of invoices", 1, 1_000_000), default=100,
                   help="how many invoices to show (1 to 1,000,000)")
    i.set_defaults(func=cmd_invoices)

    s = add_command(sub, "show", help="one invoice: received, still due or change, payments and history")
    s.add_argument("invoice", type=whole("the invoice number"))
    s.set_defaults(func=cmd_show)

    g = add_command(sub, "charge-again", help="ask again for an expired or partly paid sale (same invoice, audited)")
    g.add_argument("invoice", type=whole("the invoice number"))
    g.add_argument("--actor", default="cashier", type=actor_name, help="who decides (recorded in the audit log)")
    g.set_defaults(func=cmd_charge_again)

    k = add_command(sub, "accept-short", help="accept a part-paid sale as paid when it is short by no more than the "
                                              "owner's tolerance (an exchange's fee; recorded and audited)")
    k.add_argument("invoice", type=whole("the invoice number"))
    k.add_argument("--actor", default="cashier", type=actor_name, help="who decides (recorded in the audit log)")
    k.set_defaults(func=cmd_accept_short)

    c = add_command(sub, "cancel", help="cancel a sale still waiting for money (audited)")
    c.add_argument("invoice", type=whole("the invoice number"))
    c.add_argument("--reason", help="why (kept in the invoice's history)")
    c.add_argument("--actor", default="cashier", type=actor_name, help="who decides (recorded in the audit log)")
    c.set_defaults(func=cmd_cancel)

    u = add_command(sub, "unmatched", help="payments that match no invoice")
    u.set_defaults(func=cmd_unmatched)

    a = add_command(sub, "assign", help="assign an unmatched payment to an invoice (audited)")
    a.add_argument("payment", type=whole("the payment number"))
    a.add_argument("invoice", type=whole("the invoice number"))
    a.add_argument("--actor", default="cashier", type=actor_name, help="who decides (recorded in the audit log)")
    a.set_defaults(func=cmd_assign)
