"""The core's error messages in the GUI's language.

The core (everything under ``pos_app/`` outside ``pos_app/ui/``) never imports Qt, so it raises
``PosError("There is no invoice number {invoice}.", invoice=7)``: an English template with named
fields. This module lists every such template once, wrapped in ``QT_TRANSLATE_NOOP("core", …)``
so ``pyside6-lupdate`` (``packaging/translations.py``) puts them in the "core" context of the .ts
files, and ``error_text(err)`` shows an error in the installed language.

Rules for translators: keep every ``{name}`` field exactly (they may move); a format spec such as
``{maximum:,}`` may be dropped (``{maximum}``): amounts are written the local way anyway.

``NOUNS`` are English words the core passes *as* a field (``check_address(value, "merchant
address")`` gives ``what="merchant address"``); they are translated too. A noun may itself have
fields (``"profile file {file}"``), filled from the same error's parameters.

A test (``tests/ui/test_core_text.py``) fails when the core raises a template missing here.
"""
from __future__ import annotations

import string
from decimal import Decimal
from typing import Any, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

CONTEXT = "core"

TEMPLATES: tuple[str, ...] = (
    # pos_app/invoices/service.py: charging a sale again
    QT_TRANSLATE_NOOP("core", "This sale was paid offline; it is sent when a connection appears."),
    QT_TRANSLATE_NOOP("core", "Only a sale still waiting for money can be charged again."),
    QT_TRANSLATE_NOOP("core", "This sale is more than a day old: start a new sale for it."),
    QT_TRANSLATE_NOOP("core", "This sale changed meanwhile; look at it again."),
    QT_TRANSLATE_NOOP("core", "Only a sale still waiting for money can be cancelled."),
    QT_TRANSLATE_NOOP("core", "Only an offline payment that needs attention can be sent again."),
    # pos_app/invoices/service.py: another till with this till's number; a short payment accepted (issue 18)
    QT_TRANSLATE_NOOP("core", "There is no warning about another till to clear."),
    QT_TRANSLATE_NOOP("core", "The owner has not allowed accepting a short payment (Settings)."),
    QT_TRANSLATE_NOOP("core", "Only a sale paid on the network can be accepted short."),
    QT_TRANSLATE_NOOP("core", "Only a sale partly paid and still waiting for the rest can be accepted short."),
    QT_TRANSLATE_NOOP("core", "This sale is short by more than the owner allows to accept ({limit} tyiyn)."),
    # pos_app/payments/watcher.py: a node that hangs
    QT_TRANSLATE_NOOP("core", "The network has not answered for {seconds} seconds."),
    # pos_app/shop/payers.py
    QT_TRANSLATE_NOOP("core", "That is not a wallet address."),
    QT_TRANSLATE_NOOP("core", "A name can be {maximum} characters at most."),
    # pos_app/shop/payers.py: exchange and shared wallets carry no person's name (issue 18)
    QT_TRANSLATE_NOOP("core", "This is a wallet of the exchange {exchange}: many customers pay from it, so it cannot carry one person's name."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "Many customers pay from this wallet (an exchange's or a shared one), so it cannot carry one person's name."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "This wallet was called {name} and has since paid for another sale: several customers pay from it (an exchange's or a shared wallet), so it keeps no person's name."),  # noqa: E501
    # pos_app/app/context.py: a till that never reached its network
    QT_TRANSLATE_NOOP("core", "Connect this till to the internet once to finish setting up: it must read the som"
                      " token's details from the network before it can ask for exact amounts. After that it"
                      " takes payments offline too."),
    # pos_app/core/money.py
    QT_TRANSLATE_NOOP("core", "Enter the amount as a number, for example 150 or 150,50."),
    QT_TRANSLATE_NOOP("core", "Enter an amount."),
    QT_TRANSLATE_NOOP("core", "That amount is too long to be real."),
    QT_TRANSLATE_NOOP("core", "The amount cannot be negative."),
    QT_TRANSLATE_NOOP("core", "Write the amount as digits with one decimal separator, for example 1250,50."),
    QT_TRANSLATE_NOOP("core", "Use only one decimal separator: 1250,50 or 1250.50."),
    QT_TRANSLATE_NOOP("core", "Write the amount as digits, for example 150 or 150,50."),
    QT_TRANSLATE_NOOP("core", "Som have at most 2 decimals (tyiyn): write 150,50, not 150,505."),
    QT_TRANSLATE_NOOP("core", "The amount must be more than zero."),
    QT_TRANSLATE_NOOP("core", "The amount is too large (the maximum is {maximum:,} som)."),
    QT_TRANSLATE_NOOP("core", "The token reports {decimals} decimals, which this app cannot use."),
    QT_TRANSLATE_NOOP("core", "This token has {decimals} decimals and cannot carry tyiyn: round the amount."),
    QT_TRANSLATE_NOOP("core", "Negative on-chain amount."),
    QT_TRANSLATE_NOOP("core", "'{amount}' is not a token amount."),
    QT_TRANSLATE_NOOP("core", "'{amount}' has more decimals than the token ({decimals})."),
    # pos_app/shop/config.py
    QT_TRANSLATE_NOOP("core", "Nothing was saved: correct the settings that were refused."),
    QT_TRANSLATE_NOOP("core", "Invoice expiry must be a whole number of minutes."),
    QT_TRANSLATE_NOOP("core", "Invoice expiry must be between 1 minute and 7 days."),
    QT_TRANSLATE_NOOP("core", "QR format must be one of {choices}."),
    QT_TRANSLATE_NOOP("core", "Language must be one of {choices}."),
    QT_TRANSLATE_NOOP("core", "A shortfall accepted as paid can be {maximum} som at most."),
    # pos_app/app/context.py
    QT_TRANSLATE_NOOP("core", "No merchant address is set; set it with: sompos config merchant 0x..."),
    # pos_app/chain/profiles.py
    QT_TRANSLATE_NOOP("core", "The network '{network}' has no som token contract set; set it with: sompos config token 0x... (check the address with the issuer)."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "Each {what} must be text such as https://rpc.example.org."),
    QT_TRANSLATE_NOOP("core", "'{url}' is not an http(s) {what}."),
    QT_TRANSLATE_NOOP("core", "The {what} is not a valid 0x address (0x and 40 hex digits)."),
    QT_TRANSLATE_NOOP("core", "The {what} has a wrong checksum (a typo?); copy it again."),
    QT_TRANSLATE_NOOP("core", "The {what} cannot be the zero address."),
    QT_TRANSLATE_NOOP("core", "{setting} must be true or false."),
    QT_TRANSLATE_NOOP("core", "The {source} is not a table of settings."),
    QT_TRANSLATE_NOOP("core", "The {source} has unknown setting(s): {settings}."),
    QT_TRANSLATE_NOOP("core", "The {source} needs a short 'name'."),
    QT_TRANSLATE_NOOP("core", "The {source} needs a positive whole 'chain_id' (56 for BSC)."),
    QT_TRANSLATE_NOOP("core", "The {source} needs 'rpc_urls': a list of at least one URL."),
    QT_TRANSLATE_NOOP("core", "'finality' in the {source} must be a table."),
    QT_TRANSLATE_NOOP("core", "[finality] in the {source} has unknown setting(s): {settings}."),
    QT_TRANSLATE_NOOP("core", "finality.rule must be 'finalized' or 'confirmations'."),
    QT_TRANSLATE_NOOP("core", "finality.confirmations must be a whole number from 0 to 10000."),
    QT_TRANSLATE_NOOP("core", "finality.confirmations must be at least 1."),
    QT_TRANSLATE_NOOP("core", "'logs' in the {source} must be a table."),
    QT_TRANSLATE_NOOP("core", "[logs] in the {source} has unknown setting(s): {settings}."),
    QT_TRANSLATE_NOOP("core", "logs.max_range must be a whole number from 1 to 100000."),
    QT_TRANSLATE_NOOP("core", "logs.poll_seconds must be between 0.05 and 3600."),
    QT_TRANSLATE_NOOP("core", "trust_coin must be Trust Wallet's whole-number coin id (BSC: 20000714)."),
    QT_TRANSLATE_NOOP("core", "'exchange_wallets' in the {source} must be a list of tables, each with an 'address' and a 'label'."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "Each exchange wallet in the {source} needs a 'label' of 1 to {maximum} characters (the exchange's name)."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The exchange wallet {address} is listed twice in the {source}."),
    QT_TRANSLATE_NOOP("core", "Cannot read the network profile file {file}."),
    QT_TRANSLATE_NOOP("core", "{file} is too large to be a network profile."),
    QT_TRANSLATE_NOOP("core", "{file} is nested too deeply to be a network profile."),
    QT_TRANSLATE_NOOP("core", "{file} is not a valid TOML network profile: {problem}."),
    QT_TRANSLATE_NOOP("core", "Unknown network '{network}'. Use one of {choices} or a .toml profile file."),
    # pos_app/invoices/payment_request.py
    QT_TRANSLATE_NOOP("core", "Unknown QR format '{format}'; choose one of {choices}."),
    QT_TRANSLATE_NOOP("core", "A payment request needs an amount."),
    QT_TRANSLATE_NOOP("core", "Trust Wallet links are not available on this network; choose EIP-681 or address."),
    QT_TRANSLATE_NOOP("core", "The payment link has no single '{key}'."),
    QT_TRANSLATE_NOOP("core", "The payment link's parameters are malformed."),
    QT_TRANSLATE_NOOP("core", "That code is too long to be a payment request."),
    QT_TRANSLATE_NOOP("core", "The payment link's amount is not a whole number of base units."),
    QT_TRANSLATE_NOOP("core", "The payment link's address is not valid."),
    QT_TRANSLATE_NOOP("core", "The Trust Wallet link names no token."),
    QT_TRANSLATE_NOOP("core", "This is not a payment request this app understands."),
    QT_TRANSLATE_NOOP("core", "Cannot write the QR picture to {path}."),
    # pos_app/invoices/
    QT_TRANSLATE_NOOP("core", "An invoice that is {current} cannot become {target}."),
    # pos_app/invoices/matching.py and config.py: several tills on one shop address (issue 10)
    QT_TRANSLATE_NOOP("core", "The till number must be between 1 and the number of tills ({maximum} at most)."),
    QT_TRANSLATE_NOOP("core", "This token has no room below one tyiyn to tell tills apart: give each till its own shop address, or use one till."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "Write the till as number/count, for example 2/3 for till 2 of 3."),
    QT_TRANSLATE_NOOP("core", "Finish or cancel the open sales before changing the till number; a sale that ended keeps its amount for 24 hours after it expired."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The file {file} was written with this till's own device key, but none of its payments were taken here: another till uses a copy of this till's key. Move device-key.pem out of one till's data folder (a new key is made) and export again."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "Too many open invoices for this same amount; wait for some to finish or expire."),
    QT_TRANSLATE_NOOP("core", "The note is too long (200 characters at most)."),
    QT_TRANSLATE_NOOP("core", "There is no invoice number {invoice}."),
    QT_TRANSLATE_NOOP("core", "There is no payment number {payment}."),
    QT_TRANSLATE_NOOP("core", "Payment {payment} already belongs to invoice {invoice}."),
    QT_TRANSLATE_NOOP("core", "That payment was dropped from the chain and cannot be assigned."),
    QT_TRANSLATE_NOOP("core", "That payment was made on another network, token or address than the invoice."),
    QT_TRANSLATE_NOOP("core", "A cashier can only mark an invoice settled or invalid."),
    # pos_app/store/db.py
    QT_TRANSLATE_NOOP("core", "Cannot open the shop database at {path}."),
    QT_TRANSLATE_NOOP("core", "The shop database cannot be made crash-safe here (WAL + synchronous=FULL); put the data folder on a local disk."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The shop database is damaged and cannot be read; restore a backup."),
    # pos_app/store/db.py: files that are not this shop's database (issue 10, findings 8, 14, 15)
    QT_TRANSLATE_NOOP("core", "The shop database {path} cannot be read (no permission, or a disk error)."),
    QT_TRANSLATE_NOOP("core", "The shop database {path} is empty: it was cut short or replaced. Restore it from a backup, or start a new shop on purpose with: sompos --new-shop."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The file {path} is not a Som POS database (it is not a database at all); restore the shop database from a backup."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The disk holding the shop database is full; free some space, then start again."),
    QT_TRANSLATE_NOOP("core", "The shop database {path} is missing, but this folder held a shop. Restore it from a backup, or start a new shop on purpose with: sompos --new-shop."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The disk holding the shop database refused to read or write it (it may be full or failing); free some space or check the disk, then start again."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The shop database {path} cannot be written (read-only folder or no permission)."),
    QT_TRANSLATE_NOOP("core", "The file {path} is another program's database, not a Som POS shop; choose the shop's data folder."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The shop database is damaged (its version mark makes no sense); restore a backup."),
    QT_TRANSLATE_NOOP("core", "The shop database is damaged; restore a backup before taking payments."),
    QT_TRANSLATE_NOOP("core", "This shop database was written by a newer Som POS; update the app."),
    QT_TRANSLATE_NOOP("core", "The shop database could not be upgraded for this version of Som POS."),
    QT_TRANSLATE_NOOP("core", "The shop database is busy or read-only."),
    QT_TRANSLATE_NOOP("core", "Saving to the shop database failed."),
    # pos_app/chain/
    QT_TRANSLATE_NOOP("core", "The token contract refused the {what}: {reason}"),
    QT_TRANSLATE_NOOP("core", "The token contract refused the {what}."),
    QT_TRANSLATE_NOOP("core", "The private key is not valid."),
    QT_TRANSLATE_NOOP("core", "Token decimals must be a whole number from 0 to 255."),
    QT_TRANSLATE_NOOP("core", "The token {field} must not be empty."),
    QT_TRANSLATE_NOOP("core", "The token deployment did not create a contract."),
    QT_TRANSLATE_NOOP("core", "'{address}' is not a valid token contract address."),
    QT_TRANSLATE_NOOP("core", "The demo network only runs inside `sompos demo`."),
    QT_TRANSLATE_NOOP("core", "The node {node} is on chain {chain}, not {expected} ({network}); it will not be used."),
    QT_TRANSLATE_NOOP("core", "The node refused to {what}: {message}"),
    QT_TRANSLATE_NOOP("core", "No blockchain node answered (tried {tried}); payments will be checked when the connection returns."),  # noqa: E501
    # pos_app/chain/rpc.py: a hostile or broken node, a deadline (issue 10, points 10, 11, 13, 14)
    QT_TRANSLATE_NOOP("core", "The node sent an answer that makes no sense ({what}); it is not used for now and payments will be checked with another node."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "No blockchain node was asked: the time allowed has run out."),
    QT_TRANSLATE_NOOP("core", "Unexpected error while checking payments ({kind}); see the log."),
    QT_TRANSLATE_NOOP("core", "The token contract returned an unusable {what}."),
    QT_TRANSLATE_NOOP("core", "There is no contract at {address} on {network}; check the token address."),
    QT_TRANSLATE_NOOP("core", "The token contract does not answer like an ERC-20 token."),
    QT_TRANSLATE_NOOP("core", "The token's decimals changed from {old} to {new}; stop and check the network profile."),
    QT_TRANSLATE_NOOP("core", "The node refuses to give blocks and receipts."),
    # pos_app/app/demo/chain.py
    QT_TRANSLATE_NOOP("core", "The demo network needs the demo extra: pip install 'sompos[demo]'."),
    QT_TRANSLATE_NOOP("core", "The demo token did not deploy at its fixed address."),
    QT_TRANSLATE_NOOP("core", "There is no demo customer called {customer}."),
    # pos_app/offline/lifecycle.py
    QT_TRANSLATE_NOOP("core", "An offline payment that is {current} cannot become {target}."),
    # pos_app/offline/payload.py
    QT_TRANSLATE_NOOP("core", "This is not a payment this app can read."),
    QT_TRANSLATE_NOOP("core", "The scanned transaction is cut short or damaged; scan it again."),
    QT_TRANSLATE_NOOP("core", "This is far too long to be a payment."),
    QT_TRANSLATE_NOOP("core", "Nothing was scanned."),
    QT_TRANSLATE_NOOP("core", "The scanned transaction is empty or cut short; scan it again."),
    QT_TRANSLATE_NOOP("core", "The payment's signature is not valid."),
    QT_TRANSLATE_NOOP("core", "The payment's signature is in a form the network refuses (high s); ask the customer to sign again with an up-to-date wallet."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "This transaction creates a contract; it is not a payment."),
    QT_TRANSLATE_NOOP("core", "This transaction also sends coins to the token contract; it is not a plain token payment."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The scanned transaction is not encoded the standard way."),
    QT_TRANSLATE_NOOP("core", "The payment was signed without a network id (pre-EIP-155); it could be replayed on another network, so it is refused."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The scanned transaction has extra bytes at the end; it was changed or scanned badly."),
    QT_TRANSLATE_NOOP("core", "This transaction does something other than a token transfer."),
    QT_TRANSLATE_NOOP("core", "The transfer's details are the wrong length; it was changed or cut short."),
    QT_TRANSLATE_NOOP("core", "The transfer's details are not encoded the standard way."),
    QT_TRANSLATE_NOOP("core", "The authorization is malformed: {field}."),
    QT_TRANSLATE_NOOP("core", "The scanned transaction is not valid hex (0x and pairs of 0-9, a-f)."),
    QT_TRANSLATE_NOOP("core", "The scanned transaction has missing or extra parts; scan it again."),
    QT_TRANSLATE_NOOP("core", "The authorization is not valid JSON; scan it again."),
    QT_TRANSLATE_NOOP("core", "The {field} address in the authorization has a wrong checksum."),
    QT_TRANSLATE_NOOP("core", "This transaction type ({type}) is not accepted for payments."),
    # pos_app/offline/queue.py
    QT_TRANSLATE_NOOP("core", "This payment was already accepted (offline payment {item}, invoice {invoice})."),
    QT_TRANSLATE_NOOP("core", "Invoice {invoice} is no longer waiting for payment."),
    QT_TRANSLATE_NOOP("core", "Invoice {invoice} was made for another network or shop address."),
    QT_TRANSLATE_NOOP("core", "There is no offline payment number {item}."),
    QT_TRANSLATE_NOOP("core", "This customer already gave a payment with the same transaction number; only one of them can ever arrive."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "Invoice {invoice} already has an offline payment waiting to be sent."),
    QT_TRANSLATE_NOOP("core", "Invoice {invoice} is another till's sale; this till only sends its payment."),
    # pos_app/offline/risk.py
    QT_TRANSLATE_NOOP("core", "This till has never been online; connect once before taking payments offline."),
    QT_TRANSLATE_NOOP("core", "This till has been offline for {days} days; connect before taking more offline payments."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "This payment is over the offline limit per payment."),
    QT_TRANSLATE_NOOP("core", "The till holds the most offline payments allowed; connect and send them first."),
    QT_TRANSLATE_NOOP("core", "This payment would take the offline total over the limit; connect and send the queue first."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "This customer's known balance does not cover this payment offline."),
    QT_TRANSLATE_NOOP("core", "The offline warning must come before the offline deadline."),
    QT_TRANSLATE_NOOP("core", "Offline payments have waited {hours} hours; connect and send them before taking more."),
    QT_TRANSLATE_NOOP("core", "This customer already has an unsent offline payment; only one at a time is safe."),
    QT_TRANSLATE_NOOP("core", "This payment reuses a transaction number the customer has already spent; it would never arrive."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The offline limit {name} must be a whole number, zero or more."),
    QT_TRANSLATE_NOOP("core", "The offline limit {name} must be a whole number."),
    QT_TRANSLATE_NOOP("core", "Unknown offline limit '{name}'; use one of {names}."),
    # pos_app/offline/risk.py: skipped transaction numbers, the stuck deadline (issue 10, point 2)
    QT_TRANSLATE_NOOP("core", "This payment cannot go through: the customer's wallet must first send {count} earlier payment(s) to the network. Ask the customer to send them first, or to pay another way."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "Give a payment at least {minutes} minutes on the network before it counts as never gone through."),  # noqa: E501
    # pos_app/offline/sources.py
    QT_TRANSLATE_NOOP("core", "No QR code was found in that picture."),
    QT_TRANSLATE_NOOP("core", "That picture holds more than one QR code; use one with a single code."),
    QT_TRANSLATE_NOOP("core", "QR pictures cannot be read on this installation."),
    QT_TRANSLATE_NOOP("core", "That picture cannot be opened."),
    QT_TRANSLATE_NOOP("core", "Cannot read standard input."),
    # pos_app/core/files.py: bounded reads of files a person names (issue 10, finding 12)
    QT_TRANSLATE_NOOP("core", "There is no file {file}."),
    QT_TRANSLATE_NOOP("core", "This app is not allowed to read {file}."),
    QT_TRANSLATE_NOOP("core", "{file} is a folder, not a file."),
    QT_TRANSLATE_NOOP("core", "Cannot read the file {file}."),
    QT_TRANSLATE_NOOP("core", "{file} is not an ordinary file (a device or a pipe); save it to a file first."),
    QT_TRANSLATE_NOOP("core", "{file} is too large to be a {what}."),
    QT_TRANSLATE_NOOP("core", "{file} is not a text file."),
    QT_TRANSLATE_NOOP("core", "The file name {file} is too long for this computer; choose a shorter name."),
    # pos_app/offline/verify.py
    QT_TRANSLATE_NOOP("core", "This payment was made for another network (chain {got}, this shop uses {want})."),
    QT_TRANSLATE_NOOP("core", "This payment is in another token, not the shop's som."),
    QT_TRANSLATE_NOOP("core", "This payment goes to another address, not to this shop."),
    QT_TRANSLATE_NOOP("core", "This payment is for less than the sale; ask for the full amount."),
    QT_TRANSLATE_NOOP("core", "This payment is not for this sale's exact amount: the customer must scan this sale's code and sign again."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The customer's wallet set too little gas ({gas}); the transfer could fail. Ask them to sign again."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The network fee is not known yet; connect once before taking payments offline."),
    QT_TRANSLATE_NOOP("core", "The fee the customer's wallet offered is below the network's minimum; the payment would never be sent. Ask them to sign again."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The authorization was not signed by the payer it names (or not for this token)."),
    QT_TRANSLATE_NOOP("core", "This authorization has expired; ask the customer for a new one."),
    QT_TRANSLATE_NOOP("core", "This authorization is not valid yet; check the clock or ask for a new one."),
    QT_TRANSLATE_NOOP("core", "This authorization expires before the shop must send its payments; ask for one valid longer."),  # noqa: E501
    # pos_app/sync/ (engine, runner, resolving failures) and cli_sync.py
    QT_TRANSLATE_NOOP("core", "Unexpected error while sending payments; see the log."),
    QT_TRANSLATE_NOOP("core", "Choose what happened: collect again or mark resolved."),
    QT_TRANSLATE_NOOP("core", "Offline payment {item} has not failed; there is nothing to resolve."),
    QT_TRANSLATE_NOOP("core", "Offline payment {item} was already resolved."),
    QT_TRANSLATE_NOOP("core", "Give the relay key's passphrase in SOMPOS_RELAY_PASSPHRASE or type it at a terminal."),
    QT_TRANSLATE_NOOP("core", "The two passphrases differ; nothing was changed."),
    # pos_app/handover/ (hand-over files)
    QT_TRANSLATE_NOOP("core", 'The device key {file} could not be created.'),
    QT_TRANSLATE_NOOP("core", 'The device key {file} is damaged or unreadable; restore it from a backup, or move it away to make a new one.'),  # noqa: E501
    QT_TRANSLATE_NOOP("core", 'The file {file} already exists; choose another name so an earlier export is not overwritten.'),  # noqa: E501
    QT_TRANSLATE_NOOP("core", 'There are no unsent offline payments to hand over; no file was written.'),
    QT_TRANSLATE_NOOP("core", 'The file {file} could not be written; check that the stick is inserted, writable and not full.'),  # noqa: E501
    QT_TRANSLATE_NOOP("core", 'The file {file} is too large to be a Som POS queue export.'),
    QT_TRANSLATE_NOOP("core", 'The file {file} is not a Som POS queue export.'),
    QT_TRANSLATE_NOOP("core", 'The file {file} was made by a newer version of Som POS (format {version}); update this app to import it.'),  # noqa: E501
    QT_TRANSLATE_NOOP("core", 'The file {file} is incomplete: it ends before the device signature.'),
    QT_TRANSLATE_NOOP("core", 'Line {line} of the file {file} is not a valid queue entry.'),
    QT_TRANSLATE_NOOP("core", 'The file {file} was changed or damaged after it was exported (its device signature does not match); ask for a new export.'),  # noqa: E501
    QT_TRANSLATE_NOOP("core", 'The file {file} says it holds {expected} payments but has {found}.'),
    QT_TRANSLATE_NOOP("core", 'The file {file} comes from device {got}, not from the expected device {want}.'),
    # pos_app/handover/ (pairing.py, importer.py), cli_sync.py: paired tills and taking payments back (issue 10)
    QT_TRANSLATE_NOOP("core", "The file {file} comes from till {device}, which is not paired with this till. Compare this number with the one on that till's Offline queue screen and accept it only if they are the same."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "A till's number has 16 letters and digits (0-9, a-f), as shown on its Offline queue screen."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The file {file} comes from a till set as till {theirs}, while this till is set as till {mine}: set the same number of tills on every till of the shop (Settings)."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The file {file} comes from another till that is also till {theirs}: give each till its own number (Settings), or their sales can be mixed up."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The file {file} comes from another till that is also set as the shop's only till: both would ask the same amounts and one payment could settle a sale on each. Set every till of the shop as till 1, 2, ... of the number of tills (Settings), then export again."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "Another till with the same number is already paired; forget it first."),
    QT_TRANSLATE_NOOP("core", "No till with the number {device} is paired with this one."),
    QT_TRANSLATE_NOOP("core", "This payment is for less than one tyiyn."),
    QT_TRANSLATE_NOOP("core", "Name the offline payments to take back, or use --all."),
    QT_TRANSLATE_NOOP("core", 'The file {file} was exported for another network (chain {got}); this shop uses chain {want}.'),  # noqa: E501
    QT_TRANSLATE_NOOP("core", 'The file {file} was exported for another token contract ({got}); this shop uses {want}.'),  # noqa: E501
    QT_TRANSLATE_NOOP("core", 'The file {file} was exported for another shop address ({got}); this shop is {want}.'),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "This entry's details do not match the payment it carries."),
    # pos_app/keys/keystore.py
    QT_TRANSLATE_NOOP("core", "The passphrase must have at least {n} characters."),
    QT_TRANSLATE_NOOP("core", "A relay key already exists. It was not replaced."),
    QT_TRANSLATE_NOOP("core", "This is not a valid private key or keystore file."),
    QT_TRANSLATE_NOOP("core", "The keystore file could not be opened with the passphrase given."),
    QT_TRANSLATE_NOOP("core", "There is no relay key yet. Create or import one first."),
    QT_TRANSLATE_NOOP("core", "The relay key file {path} is damaged or cannot be read."),
    QT_TRANSLATE_NOOP("core", "The file {path} could not be saved."),
    QT_TRANSLATE_NOOP("core", "Wrong passphrase. Attempts left before a {minutes}-minute lock: {left}."),
    QT_TRANSLATE_NOOP("core", "Too many wrong passphrases. Try again in {minutes} min."),
    # pos_app/keys/keystore.py: key file strength, damage, cost (issue 10, point 6)
    QT_TRANSLATE_NOOP("core", "The relay key file {path} is damaged; put back a copy from a backup. This did not count as a wrong passphrase."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The relay key file {path} is protected too weakly to be safe. Move it out of the data folder and import it again; the import protects it properly."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The relay key file {path} asks for so much work to open that it would stall this computer; it was not opened."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "This keystore file asks for so much work to open that it would stall this computer; it was not opened."),  # noqa: E501
    # pos_app/offline/verify.py: what the token was probed to settle (issue 10, point 5)
    QT_TRANSLATE_NOOP("core", "The token's issuer has paused it, so no payment can move now; take no payment offline until it is resumed."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "This kind of payment (an authorization) is not checked yet for the shop's token: connect once to the network, or ask the customer for a signed transfer."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The shop's token cannot settle this kind of payment (an authorization); ask the customer for a signed transfer instead."),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "The token's issuer has blocked this customer's address, so the payment would never arrive; ask for another way to pay."),  # noqa: E501
    # raised by the GUI itself with the core's error classes
    QT_TRANSLATE_NOOP("core", "Something went wrong; the details are in the log."),            # ui/bridge.py
    QT_TRANSLATE_NOOP("core", "This network needs the som token contract address (ask the issuer)."),  # settings
)

NOUNS: tuple[str, ...] = (
    # what an address or URL is for (profiles.check_address / _check_url, settings screen)
    QT_TRANSLATE_NOOP("core", "address"),
    QT_TRANSLATE_NOOP("core", "merchant address"),
    QT_TRANSLATE_NOOP("core", "shop address"),
    QT_TRANSLATE_NOOP("core", "token contract address"),
    QT_TRANSLATE_NOOP("core", "exchange wallet address"),
    QT_TRANSLATE_NOOP("core", "RPC URL"),
    QT_TRANSLATE_NOOP("core", "explorer URL"),
    # where a network profile came from (profiles.profile_from_dict)
    QT_TRANSLATE_NOOP("core", "profile"),
    QT_TRANSLATE_NOOP("core", "saved network profile"),
    QT_TRANSLATE_NOOP("core", "profile file {file}"),
    # what a file was meant to be (pos_app/core/files.py read_limited)
    QT_TRANSLATE_NOOP("core", "payment"),
    QT_TRANSLATE_NOOP("core", "network profile"),
    QT_TRANSLATE_NOOP("core", "key file"),
    QT_TRANSLATE_NOOP("core", "hand-over file"),
    QT_TRANSLATE_NOOP("core", "file"),
    QT_TRANSLATE_NOOP("core", "standard input"),
    # invoice states (invoices/lifecycle.py)
    QT_TRANSLATE_NOOP("core", "new"),
    QT_TRANSLATE_NOOP("core", "processing"),
    QT_TRANSLATE_NOOP("core", "settled"),
    QT_TRANSLATE_NOOP("core", "expired"),
    QT_TRANSLATE_NOOP("core", "invalid"),
    # offline payment states (offline/lifecycle.py; "expired" is above)
    QT_TRANSLATE_NOOP("core", "received"),
    QT_TRANSLATE_NOOP("core", "queued"),
    QT_TRANSLATE_NOOP("core", "submitted"),
    QT_TRANSLATE_NOOP("core", "included"),
    QT_TRANSLATE_NOOP("core", "final"),
    QT_TRANSLATE_NOOP("core", "rejected"),
    QT_TRANSLATE_NOOP("core", "double_spent"),
    QT_TRANSLATE_NOOP("core", "stuck"),
    # what the node was asked to do (chain/rpc.py, chain/token.py, chain/watcher.py)
    QT_TRANSLATE_NOOP("core", "report the latest block"),
    QT_TRANSLATE_NOOP("core", "list token transfers"),
    QT_TRANSLATE_NOOP("core", "give a receipt"),
    QT_TRANSLATE_NOOP("core", "describe the token"),
    QT_TRANSLATE_NOOP("core", "check what the token can do"),
    QT_TRANSLATE_NOOP("core", "embedded demo chain"),
    # token facts (chain/token.py, chain/contract.py)
    QT_TRANSLATE_NOOP("core", "name"),
    QT_TRANSLATE_NOOP("core", "symbol"),
    QT_TRANSLATE_NOOP("core", "version"),
    QT_TRANSLATE_NOOP("core", "EIP-712 name"),
    QT_TRANSLATE_NOOP("core", "EIP-712 version"),
    # what the token contract refused (chain/contract.py ContractReverted)
    QT_TRANSLATE_NOOP("core", "token deployment"),
    QT_TRANSLATE_NOOP("core", "transfer call"),
    QT_TRANSLATE_NOOP("core", "mint call"),
)

_TEMPLATES = frozenset(TEMPLATES)
_NOUNS = frozenset(n for n in NOUNS if "{" not in n)
_NOUN_PATTERNS = tuple(n for n in NOUNS if "{" in n)


class _Formatter(string.Formatter):
    """``str.format`` that writes ``Decimal`` amounts the local way (1 250,00 in ky/ru)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Decimal):
            return _local_decimal(value)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def _local_decimal(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    text = f"{value:,.{places}f}"
    loc = QLocale()
    return text.replace(",", "\0").replace(".", loc.decimalPoint()).replace("\0", loc.groupSeparator())


def _fields(text: str) -> set[str]:
    """The field names of a template ("{invoice}" -> "invoice"); ValueError if it is malformed."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None:
            names.add(name.partition(".")[0].partition("[")[0])
    return names


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _localised(source: str, params: Mapping[str, Any]) -> str | None:
    """``source`` translated and filled from ``params``; None if the translation is unusable."""
    translated = _translate(source)
    if not translated or _fields(translated) != _fields(source):
        return None
    if not _fields(source) and not params:
        return translated  # like PosError: a template without params is not formatted
    return _FORMATTER.format(translated, **params)


def _param(value: Any, params: Mapping[str, Any]) -> Any:
    """A parameter as shown: catalogue nouns translated, everything else as it is."""
    if not isinstance(value, str):
        return value
    try:
        if value in _NOUNS:
            return _localised(value, {}) or value
        for noun in _NOUN_PATTERNS:
            try:
                if noun.format(**params) != value:
                    continue
            except (KeyError, IndexError, ValueError, AttributeError):
                continue
            return _localised(noun, params) or value
    except Exception:  # noqa: BLE001 - a noun must never break the message
        return value
    return value


def error_text(err: BaseException) -> str:
    """``err`` in the installed language; its English ``user_message`` when that is not possible.

    Never raises: an unknown template, a missing or broken translation (a field lost or renamed)
    all give the English text the core wrote.
    """
    try:
        fallback = getattr(err, "user_message", None) or str(err)
    except Exception:  # noqa: BLE001 - even a broken exception object gets some text
        fallback = type(err).__name__
    try:
        template = getattr(err, "template", None)
        params = getattr(err, "params", None) or {}
        if not isinstance(template, str) or template not in _TEMPLATES or not isinstance(params, Mapping):
            return fallback
        shown = {k: _param(v, params) for k, v in params.items()}
        text = _localised(template, shown)
        return text if text else fallback
    except Exception:  # noqa: BLE001 - a translation must never hide the error itself
        return fallback


# Histories and the queue's reasons (pos_app/ui/shell/reasons.py keeps their catalogue).
from pos_app.ui.shell.reasons import history_text, queue_history_text, reason_text  # noqa: E402,F401


def queue_reason_text(reason: Any) -> str:
    """An offline payment's last reason (``QueueItem.why``: a code and its parameters) in the
    cashier's words and language."""
    return reason_text(reason)
