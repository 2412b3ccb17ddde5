"""Every error the core raises, by its key: the one list of what can go wrong, in English.

``PosError("amount.amount_cannot_negative")`` (``pos_app/core/errors.py``) carries the key and its
parameters; the English sentence here is its ``user_message`` (logs, tests) and the source text a
translator sees. The words a cashier reads come from the one catalogue (``pos_app/text/``): the
screens, the CLI and, next, receipts render an error by its key in the shop's language.

Each sentence is wrapped in ``QT_TRANSLATE_NOOP("core", …)``: a marker that returns its text, so
``pyside6-lupdate`` (``packaging/translations.py``) puts it in the "core" context of the .ts files.
A key never changes once released; a new wording gets a new key only when its meaning changes.

Rules for translators: keep every ``{name}`` field exactly (they may move); a format spec such as
``{maximum:,}`` may be dropped (``{maximum}``): amounts are written the local way anyway.

``NOUNS`` are English words the core passes *as* a field (``check_address(value, "merchant
address")`` gives ``what="merchant address"``); they are translated too. A noun may itself have
fields (``"profile file {file}"``), filled from the same error's parameters.

``tests/core/test_messages.py`` fails when the core raises a key missing here, or builds an error
from words instead of a key.
"""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks ``text`` for the translators (context ``context``); returns it unchanged."""
    return text


CONTEXT = "core"

MESSAGES: dict[str, str] = {
    # pos_app/invoices/service.py: charging a sale again
    "sale.sale_paid_offline_sent": QT_TRANSLATE_NOOP("core", "This sale was paid offline; it is sent when a connection appears."),  # noqa: E501
    "sale.only_sale_still_waiting": QT_TRANSLATE_NOOP("core", "Only a sale still waiting for money can be charged again."),  # noqa: E501
    "sale.sale_more_than_day": QT_TRANSLATE_NOOP("core", "This sale is more than a day old: start a new sale for it."),
    "sale.sale_changed_meanwhile_look": QT_TRANSLATE_NOOP("core", "This sale changed meanwhile; look at it again."),
    "sale.only_sale_still_waiting_money": QT_TRANSLATE_NOOP("core", "Only a sale still waiting for money can be cancelled."),  # noqa: E501
    "offline.only_offline_payment_needs": QT_TRANSLATE_NOOP("core", "Only an offline payment that needs attention can be sent again."),  # noqa: E501
    # pos_app/invoices/service.py: another till with this till's number; a short payment accepted (issue 18)
    "sale.there_warning_about_another": QT_TRANSLATE_NOOP("core", "There is no warning about another till to clear."),
    "sale.owner_allowed_accepting_short": QT_TRANSLATE_NOOP("core", "The owner has not allowed accepting a short payment (Settings)."),  # noqa: E501
    "sale.only_sale_paid_network": QT_TRANSLATE_NOOP("core", "Only a sale paid on the network can be accepted short."),
    "sale.only_sale_partly_paid": QT_TRANSLATE_NOOP("core", "Only a sale partly paid and still waiting for the rest can be accepted short."),  # noqa: E501
    "sale.sale_short_more_than": QT_TRANSLATE_NOOP("core", "This sale is short by more than the owner allows to accept ({limit} tyiyn)."),  # noqa: E501
    # pos_app/payments/watcher.py: a node that hangs
    "watcher.network_answered_seconds": QT_TRANSLATE_NOOP("core", "The network has not answered for {seconds} seconds."),  # noqa: E501
    # pos_app/shop/payers.py
    "payer.wallet_address": QT_TRANSLATE_NOOP("core", "That is not a wallet address."),
    "payer.name_characters_most": QT_TRANSLATE_NOOP("core", "A name can be {maximum} characters at most."),
    # pos_app/shop/payers.py: exchange and shared wallets carry no person's name (issue 18)
    "payer.wallet_exchange_many_customers": QT_TRANSLATE_NOOP("core", "This is a wallet of the exchange {exchange}: many customers pay from it, so it cannot carry one person's name."),  # noqa: E501
    "payer.many_customers_pay_from": QT_TRANSLATE_NOOP("core", "Many customers pay from this wallet (an exchange's or a shared one), so it cannot carry one person's name."),  # noqa: E501
    "payer.wallet_called_since_paid": QT_TRANSLATE_NOOP("core", "This wallet was called {name} and has since paid for another sale: several customers pay from it (an exchange's or a shared wallet), so it keeps no person's name."),  # noqa: E501
    # pos_app/app/context.py: a till that never reached its network
    "app.connect_till_internet_once": QT_TRANSLATE_NOOP("core", "Connect this till to the internet once to finish setting up: it must read the som token's details from the network before it can ask for exact amounts. After that it takes payments offline too."),  # noqa: E501
    # pos_app/core/money.py
    "amount.enter_amount_number_example": QT_TRANSLATE_NOOP("core", "Enter the amount as a number, for example 150 or 150,50."),  # noqa: E501
    "amount.enter_amount": QT_TRANSLATE_NOOP("core", "Enter an amount."),
    "amount.amount_too_long_real": QT_TRANSLATE_NOOP("core", "That amount is too long to be real."),
    "amount.amount_cannot_negative": QT_TRANSLATE_NOOP("core", "The amount cannot be negative."),
    "amount.write_amount_digits_one": QT_TRANSLATE_NOOP("core", "Write the amount as digits with one decimal separator, for example 1250,50."),  # noqa: E501
    "amount.use_only_one_decimal": QT_TRANSLATE_NOOP("core", "Use only one decimal separator: 1250,50 or 1250.50."),
    "amount.write_amount_digits_example": QT_TRANSLATE_NOOP("core", "Write the amount as digits, for example 150 or 150,50."),  # noqa: E501
    "amount.som_most_2_decimals": QT_TRANSLATE_NOOP("core", "Som have at most 2 decimals (tyiyn): write 150,50, not 150,505."),  # noqa: E501
    "amount.amount_must_more_than": QT_TRANSLATE_NOOP("core", "The amount must be more than zero."),
    "amount.amount_too_large_maximum": QT_TRANSLATE_NOOP("core", "The amount is too large (the maximum is {maximum:,} som)."),  # noqa: E501
    "amount.token_reports_decimals_which": QT_TRANSLATE_NOOP("core", "The token reports {decimals} decimals, which this app cannot use."),  # noqa: E501
    "amount.token_decimals_cannot_carry": QT_TRANSLATE_NOOP("core", "This token has {decimals} decimals and cannot carry tyiyn: round the amount."),  # noqa: E501
    "amount.negative_chain_amount": QT_TRANSLATE_NOOP("core", "Negative on-chain amount."),
    "amount.token_amount": QT_TRANSLATE_NOOP("core", "'{amount}' is not a token amount."),
    "amount.more_decimals_than_token": QT_TRANSLATE_NOOP("core", "'{amount}' has more decimals than the token ({decimals})."),  # noqa: E501
    # pos_app/shop/config.py
    "settings.nothing_saved_correct_settings": QT_TRANSLATE_NOOP("core", "Nothing was saved: correct the settings that were refused."),  # noqa: E501
    "settings.invoice_expiry_must_whole": QT_TRANSLATE_NOOP("core", "Invoice expiry must be a whole number of minutes."),  # noqa: E501
    "sale.invoice_expiry_must_between": QT_TRANSLATE_NOOP("core", "Invoice expiry must be between 1 minute and 7 days."),  # noqa: E501
    "settings.qr_format_must_one": QT_TRANSLATE_NOOP("core", "QR format must be one of {choices}."),
    "settings.language_must_one": QT_TRANSLATE_NOOP("core", "Language must be one of {choices}."),
    "settings.shortfall_accepted_paid_som": QT_TRANSLATE_NOOP("core", "A shortfall accepted as paid can be {maximum} som at most."),  # noqa: E501
    # pos_app/app/context.py
    "app.merchant_address_set_set": QT_TRANSLATE_NOOP("core", "No merchant address is set; set it with: sompos config merchant 0x..."),  # noqa: E501
    # pos_app/chain/profiles.py
    "chain.network_som_token_contract": QT_TRANSLATE_NOOP("core", "The network '{network}' has no som token contract set; set it with: sompos config token 0x... (check the address with the issuer)."),  # noqa: E501
    "chain.each_must_text_such": QT_TRANSLATE_NOOP("core", "Each {what} must be text such as https://rpc.example.org."),
    "chain.http_s": QT_TRANSLATE_NOOP("core", "'{url}' is not an http(s) {what}."),
    "chain.valid_0x_address_0x": QT_TRANSLATE_NOOP("core", "The {what} is not a valid 0x address (0x and 40 hex digits)."),  # noqa: E501
    "chain.wrong_checksum_typo_copy": QT_TRANSLATE_NOOP("core", "The {what} has a wrong checksum (a typo?); copy it again."),  # noqa: E501
    "chain.cannot_zero_address": QT_TRANSLATE_NOOP("core", "The {what} cannot be the zero address."),
    "chain.must_true_false": QT_TRANSLATE_NOOP("core", "{setting} must be true or false."),
    "chain.table_settings": QT_TRANSLATE_NOOP("core", "The {source} is not a table of settings."),
    "chain.unknown_setting_s": QT_TRANSLATE_NOOP("core", "The {source} has unknown setting(s): {settings}."),
    "chain.needs_short_name": QT_TRANSLATE_NOOP("core", "The {source} needs a short 'name'."),
    "chain.needs_positive_whole_chain": QT_TRANSLATE_NOOP("core", "The {source} needs a positive whole 'chain_id' (56 for BSC)."),  # noqa: E501
    "chain.needs_rpc_urls_list": QT_TRANSLATE_NOOP("core", "The {source} needs 'rpc_urls': a list of at least one URL."),  # noqa: E501
    "chain.finality_must_table": QT_TRANSLATE_NOOP("core", "'finality' in the {source} must be a table."),
    "chain.finality_unknown_setting_s": QT_TRANSLATE_NOOP("core", "[finality] in the {source} has unknown setting(s): {settings}."),  # noqa: E501
    "chain.finality_rule_must_finalized": QT_TRANSLATE_NOOP("core", "finality.rule must be 'finalized' or 'confirmations'."),  # noqa: E501
    "chain.finality_confirmations_must_whole": QT_TRANSLATE_NOOP("core", "finality.confirmations must be a whole number from 0 to 10000."),  # noqa: E501
    "chain.finality_confirmations_must_least": QT_TRANSLATE_NOOP("core", "finality.confirmations must be at least 1."),
    "chain.logs_must_table": QT_TRANSLATE_NOOP("core", "'logs' in the {source} must be a table."),
    "chain.logs_unknown_setting_s": QT_TRANSLATE_NOOP("core", "[logs] in the {source} has unknown setting(s): {settings}."),  # noqa: E501
    "chain.logs_max_range_must": QT_TRANSLATE_NOOP("core", "logs.max_range must be a whole number from 1 to 100000."),
    "chain.logs_poll_seconds_must": QT_TRANSLATE_NOOP("core", "logs.poll_seconds must be between 0.05 and 3600."),
    "chain.trust_coin_must_trust": QT_TRANSLATE_NOOP("core", "trust_coin must be Trust Wallet's whole-number coin id (BSC: 20000714)."),  # noqa: E501
    "chain.exchange_wallets_must_list": QT_TRANSLATE_NOOP("core", "'exchange_wallets' in the {source} must be a list of tables, each with an 'address' and a 'label'."),  # noqa: E501
    "chain.each_exchange_wallet_needs": QT_TRANSLATE_NOOP("core", "Each exchange wallet in the {source} needs a 'label' of 1 to {maximum} characters (the exchange's name)."),  # noqa: E501
    "chain.exchange_wallet_listed_twice": QT_TRANSLATE_NOOP("core", "The exchange wallet {address} is listed twice in the {source}."),  # noqa: E501
    "chain.cannot_read_network_profile": QT_TRANSLATE_NOOP("core", "Cannot read the network profile file {file}."),
    "chain.too_large_network_profile": QT_TRANSLATE_NOOP("core", "{file} is too large to be a network profile."),
    "chain.nested_too_deeply_network": QT_TRANSLATE_NOOP("core", "{file} is nested too deeply to be a network profile."),  # noqa: E501
    "chain.valid_toml_network_profile": QT_TRANSLATE_NOOP("core", "{file} is not a valid TOML network profile: {problem}."),  # noqa: E501
    "chain.unknown_network_use_one": QT_TRANSLATE_NOOP("core", "Unknown network '{network}'. Use one of {choices} or a .toml profile file."),  # noqa: E501
    # pos_app/invoices/payment_request.py
    "sale.unknown_qr_format_choose": QT_TRANSLATE_NOOP("core", "Unknown QR format '{format}'; choose one of {choices}."),  # noqa: E501
    "sale.payment_request_needs_amount": QT_TRANSLATE_NOOP("core", "A payment request needs an amount."),
    "sale.trust_wallet_links_available": QT_TRANSLATE_NOOP("core", "Trust Wallet links are not available on this network; choose EIP-681 or address."),  # noqa: E501
    "sale.payment_link_single": QT_TRANSLATE_NOOP("core", "The payment link has no single '{key}'."),
    "sale.payment_link_s_parameters": QT_TRANSLATE_NOOP("core", "The payment link's parameters are malformed."),
    "sale.code_too_long_payment": QT_TRANSLATE_NOOP("core", "That code is too long to be a payment request."),
    "sale.payment_link_s_amount": QT_TRANSLATE_NOOP("core", "The payment link's amount is not a whole number of base units."),  # noqa: E501
    "sale.payment_link_s_address": QT_TRANSLATE_NOOP("core", "The payment link's address is not valid."),
    "sale.trust_wallet_link_names": QT_TRANSLATE_NOOP("core", "The Trust Wallet link names no token."),
    "sale.payment_request_app_understands": QT_TRANSLATE_NOOP("core", "This is not a payment request this app understands."),  # noqa: E501
    "sale.cannot_write_qr_picture": QT_TRANSLATE_NOOP("core", "Cannot write the QR picture to {path}."),
    # pos_app/invoices/
    "sale.invoice_cannot_become": QT_TRANSLATE_NOOP("core", "An invoice that is {current} cannot become {target}."),
    # pos_app/invoices/matching.py and config.py: several tills on one shop address (issue 10)
    "sale.till_number_must_between": QT_TRANSLATE_NOOP("core", "The till number must be between 1 and the number of tills ({maximum} at most)."),  # noqa: E501
    "sale.token_room_below_one": QT_TRANSLATE_NOOP("core", "This token has no room below one tyiyn to tell tills apart: give each till its own shop address, or use one till."),  # noqa: E501
    "settings.write_till_number_count": QT_TRANSLATE_NOOP("core", "Write the till as number/count, for example 2/3 for till 2 of 3."),  # noqa: E501
    "settings.finish_cancel_open_sales": QT_TRANSLATE_NOOP("core", "Finish or cancel the open sales before changing the till number; a sale that ended keeps its amount for 24 hours after it expired."),  # noqa: E501
    "handover.file_written_till_s": QT_TRANSLATE_NOOP("core", "The file {file} was written with this till's own device key, but none of its payments were taken here: another till uses a copy of this till's key. Move device-key.pem out of one till's data folder (a new key is made) and export again."),  # noqa: E501
    "sale.too_many_open_invoices": QT_TRANSLATE_NOOP("core", "Too many open invoices for this same amount; wait for some to finish or expire."),  # noqa: E501
    "sale.note_too_long_200": QT_TRANSLATE_NOOP("core", "The note is too long (200 characters at most)."),
    "sale.there_invoice_number": QT_TRANSLATE_NOOP("core", "There is no invoice number {invoice}."),
    "sale.there_payment_number": QT_TRANSLATE_NOOP("core", "There is no payment number {payment}."),
    "sale.payment_already_belongs_invoice": QT_TRANSLATE_NOOP("core", "Payment {payment} already belongs to invoice {invoice}."),  # noqa: E501
    "sale.payment_dropped_from_chain": QT_TRANSLATE_NOOP("core", "That payment was dropped from the chain and cannot be assigned."),  # noqa: E501
    "sale.payment_made_another_network": QT_TRANSLATE_NOOP("core", "That payment was made on another network, token or address than the invoice."),  # noqa: E501
    "sale.cashier_only_mark_invoice": QT_TRANSLATE_NOOP("core", "A cashier can only mark an invoice settled or invalid."),  # noqa: E501
    # pos_app/store/db.py
    "store.cannot_open_shop_database": QT_TRANSLATE_NOOP("core", "Cannot open the shop database at {path}."),
    "store.shop_database_cannot_made": QT_TRANSLATE_NOOP("core", "The shop database cannot be made crash-safe here (WAL + synchronous=FULL); put the data folder on a local disk."),  # noqa: E501
    "store.shop_database_damaged_cannot": QT_TRANSLATE_NOOP("core", "The shop database is damaged and cannot be read; restore a backup."),  # noqa: E501
    # pos_app/store/db.py: files that are not this shop's database (issue 10, findings 8, 14, 15)
    "store.shop_database_cannot_read": QT_TRANSLATE_NOOP("core", "The shop database {path} cannot be read (no permission, or a disk error)."),  # noqa: E501
    "store.shop_database_empty_cut": QT_TRANSLATE_NOOP("core", "The shop database {path} is empty: it was cut short or replaced. Restore it from a backup, or start a new shop on purpose with: sompos --new-shop."),  # noqa: E501
    "store.file_som_pos_database": QT_TRANSLATE_NOOP("core", "The file {path} is not a Som POS database (it is not a database at all); restore the shop database from a backup."),  # noqa: E501
    "store.disk_holding_shop_database": QT_TRANSLATE_NOOP("core", "The disk holding the shop database is full; free some space, then start again."),  # noqa: E501
    "store.shop_database_missing_but": QT_TRANSLATE_NOOP("core", "The shop database {path} is missing, but this folder held a shop. Restore it from a backup, or start a new shop on purpose with: sompos --new-shop."),  # noqa: E501
    "store.disk_holding_shop_database_refused": QT_TRANSLATE_NOOP("core", "The disk holding the shop database refused to read or write it (it may be full or failing); free some space or check the disk, then start again."),  # noqa: E501
    "store.shop_database_cannot_written": QT_TRANSLATE_NOOP("core", "The shop database {path} cannot be written (read-only folder or no permission)."),  # noqa: E501
    "store.file_another_program_s": QT_TRANSLATE_NOOP("core", "The file {path} is another program's database, not a Som POS shop; choose the shop's data folder."),  # noqa: E501
    "store.shop_database_damaged_version": QT_TRANSLATE_NOOP("core", "The shop database is damaged (its version mark makes no sense); restore a backup."),  # noqa: E501
    "store.shop_database_damaged_restore": QT_TRANSLATE_NOOP("core", "The shop database is damaged; restore a backup before taking payments."),  # noqa: E501
    "store.shop_database_written_newer": QT_TRANSLATE_NOOP("core", "This shop database was written by a newer Som POS; update the app."),  # noqa: E501
    "store.shop_database_could_upgraded": QT_TRANSLATE_NOOP("core", "The shop database could not be upgraded for this version of Som POS."),  # noqa: E501
    "store.shop_database_busy_read": QT_TRANSLATE_NOOP("core", "The shop database is busy or read-only."),
    "store.saving_shop_database_failed": QT_TRANSLATE_NOOP("core", "Saving to the shop database failed."),
    # pos_app/chain/
    "chain.token_contract_refused": QT_TRANSLATE_NOOP("core", "The token contract refused the {what}: {reason}"),
    "chain.token_contract_refused_2": QT_TRANSLATE_NOOP("core", "The token contract refused the {what}."),
    "chain.private_key_valid": QT_TRANSLATE_NOOP("core", "The private key is not valid."),
    "chain.token_decimals_must_whole": QT_TRANSLATE_NOOP("core", "Token decimals must be a whole number from 0 to 255."),  # noqa: E501
    "chain.token_must_empty": QT_TRANSLATE_NOOP("core", "The token {field} must not be empty."),
    "chain.token_deployment_did_create": QT_TRANSLATE_NOOP("core", "The token deployment did not create a contract."),
    "chain.valid_token_contract_address": QT_TRANSLATE_NOOP("core", "'{address}' is not a valid token contract address."),  # noqa: E501
    "chain.demo_network_only_runs": QT_TRANSLATE_NOOP("core", "The demo network only runs inside `sompos demo`."),
    "chain.node_chain_will_used": QT_TRANSLATE_NOOP("core", "The node {node} is on chain {chain}, not {expected} ({network}); it will not be used."),  # noqa: E501
    "chain.node_refused": QT_TRANSLATE_NOOP("core", "The node refused to {what}: {message}"),
    "chain.blockchain_node_answered_tried": QT_TRANSLATE_NOOP("core", "No blockchain node answered (tried {tried}); payments will be checked when the connection returns."),  # noqa: E501
    # pos_app/chain/rpc.py: a hostile or broken node, a deadline (issue 10, points 10, 11, 13, 14)
    "chain.node_sent_answer_makes": QT_TRANSLATE_NOOP("core", "The node sent an answer that makes no sense ({what}); it is not used for now and payments will be checked with another node."),  # noqa: E501
    "chain.blockchain_node_asked_time": QT_TRANSLATE_NOOP("core", "No blockchain node was asked: the time allowed has run out."),  # noqa: E501
    "watcher.unexpected_error_while_checking": QT_TRANSLATE_NOOP("core", "Unexpected error while checking payments ({kind}); see the log."),  # noqa: E501
    "chain.token_contract_returned_unusable": QT_TRANSLATE_NOOP("core", "The token contract returned an unusable {what}."),  # noqa: E501
    "chain.there_contract_check_token": QT_TRANSLATE_NOOP("core", "There is no contract at {address} on {network}; check the token address."),  # noqa: E501
    "chain.token_contract_does_answer": QT_TRANSLATE_NOOP("core", "The token contract does not answer like an ERC-20 token."),  # noqa: E501
    "chain.token_s_decimals_changed": QT_TRANSLATE_NOOP("core", "The token's decimals changed from {old} to {new}; stop and check the network profile."),  # noqa: E501
    "watcher.node_refuses_give_blocks": QT_TRANSLATE_NOOP("core", "The node refuses to give blocks and receipts."),
    # pos_app/app/demo/chain.py
    "app.demo_network_needs_demo": QT_TRANSLATE_NOOP("core", "The demo network needs the demo extra: pip install 'sompos[demo]'."),  # noqa: E501
    "app.demo_token_did_deploy": QT_TRANSLATE_NOOP("core", "The demo token did not deploy at its fixed address."),
    "app.there_demo_customer_called": QT_TRANSLATE_NOOP("core", "There is no demo customer called {customer}."),
    # pos_app/offline/lifecycle.py
    "offline.offline_payment_cannot_become": QT_TRANSLATE_NOOP("core", "An offline payment that is {current} cannot become {target}."),  # noqa: E501
    # pos_app/offline/payload.py
    "offline.payment_app_read": QT_TRANSLATE_NOOP("core", "This is not a payment this app can read."),
    "offline.scanned_transaction_cut_short": QT_TRANSLATE_NOOP("core", "The scanned transaction is cut short or damaged; scan it again."),  # noqa: E501
    "offline.far_too_long_payment": QT_TRANSLATE_NOOP("core", "This is far too long to be a payment."),
    "offline.nothing_scanned": QT_TRANSLATE_NOOP("core", "Nothing was scanned."),
    "offline.scanned_transaction_empty_cut": QT_TRANSLATE_NOOP("core", "The scanned transaction is empty or cut short; scan it again."),  # noqa: E501
    "offline.payment_s_signature_valid": QT_TRANSLATE_NOOP("core", "The payment's signature is not valid."),
    "offline.payment_s_signature_form": QT_TRANSLATE_NOOP("core", "The payment's signature is in a form the network refuses (high s); ask the customer to sign again with an up-to-date wallet."),  # noqa: E501
    "offline.transaction_creates_contract_payment": QT_TRANSLATE_NOOP("core", "This transaction creates a contract; it is not a payment."),  # noqa: E501
    "offline.transaction_also_sends_coins": QT_TRANSLATE_NOOP("core", "This transaction also sends coins to the token contract; it is not a plain token payment."),  # noqa: E501
    "offline.scanned_transaction_encoded_standard": QT_TRANSLATE_NOOP("core", "The scanned transaction is not encoded the standard way."),  # noqa: E501
    "offline.payment_signed_without_network": QT_TRANSLATE_NOOP("core", "The payment was signed without a network id (pre-EIP-155); it could be replayed on another network, so it is refused."),  # noqa: E501
    "offline.scanned_transaction_extra_bytes": QT_TRANSLATE_NOOP("core", "The scanned transaction has extra bytes at the end; it was changed or scanned badly."),  # noqa: E501
    "offline.transaction_does_something_other": QT_TRANSLATE_NOOP("core", "This transaction does something other than a token transfer."),  # noqa: E501
    "offline.transfer_s_details_wrong": QT_TRANSLATE_NOOP("core", "The transfer's details are the wrong length; it was changed or cut short."),  # noqa: E501
    "offline.transfer_s_details_encoded": QT_TRANSLATE_NOOP("core", "The transfer's details are not encoded the standard way."),  # noqa: E501
    "offline.authorization_malformed": QT_TRANSLATE_NOOP("core", "The authorization is malformed: {field}."),
    "offline.scanned_transaction_valid_hex": QT_TRANSLATE_NOOP("core", "The scanned transaction is not valid hex (0x and pairs of 0-9, a-f)."),  # noqa: E501
    "offline.scanned_transaction_missing_extra": QT_TRANSLATE_NOOP("core", "The scanned transaction has missing or extra parts; scan it again."),  # noqa: E501
    "offline.authorization_valid_json_scan": QT_TRANSLATE_NOOP("core", "The authorization is not valid JSON; scan it again."),  # noqa: E501
    "offline.address_authorization_wrong_checksum": QT_TRANSLATE_NOOP("core", "The {field} address in the authorization has a wrong checksum."),  # noqa: E501
    "offline.transaction_type_accepted_payments": QT_TRANSLATE_NOOP("core", "This transaction type ({type}) is not accepted for payments."),  # noqa: E501
    # pos_app/offline/queue.py
    "offline.payment_already_accepted_offline": QT_TRANSLATE_NOOP("core", "This payment was already accepted (offline payment {item}, invoice {invoice})."),  # noqa: E501
    "offline.invoice_longer_waiting_payment": QT_TRANSLATE_NOOP("core", "Invoice {invoice} is no longer waiting for payment."),  # noqa: E501
    "offline.invoice_made_another_network": QT_TRANSLATE_NOOP("core", "Invoice {invoice} was made for another network or shop address."),  # noqa: E501
    "offline.there_offline_payment_number": QT_TRANSLATE_NOOP("core", "There is no offline payment number {item}."),
    "offline.customer_already_gave_payment": QT_TRANSLATE_NOOP("core", "This customer already gave a payment with the same transaction number; only one of them can ever arrive."),  # noqa: E501
    "offline.invoice_already_offline_payment": QT_TRANSLATE_NOOP("core", "Invoice {invoice} already has an offline payment waiting to be sent."),  # noqa: E501
    "sale.invoice_another_till_s": QT_TRANSLATE_NOOP("core", "Invoice {invoice} is another till's sale; this till only sends its payment."),  # noqa: E501
    # pos_app/offline/risk.py
    "cli.till_never_been_online": QT_TRANSLATE_NOOP("core", "This till has never been online; connect once before taking payments offline."),  # noqa: E501
    "offline.till_been_offline_days": QT_TRANSLATE_NOOP("core", "This till has been offline for {days} days; connect before taking more offline payments."),  # noqa: E501
    "offline.payment_over_offline_limit": QT_TRANSLATE_NOOP("core", "This payment is over the offline limit per payment."),  # noqa: E501
    "offline.till_holds_most_offline": QT_TRANSLATE_NOOP("core", "The till holds the most offline payments allowed; connect and send them first."),  # noqa: E501
    "offline.payment_would_take_offline": QT_TRANSLATE_NOOP("core", "This payment would take the offline total over the limit; connect and send the queue first."),  # noqa: E501
    "offline.customer_s_known_balance": QT_TRANSLATE_NOOP("core", "This customer's known balance does not cover this payment offline."),  # noqa: E501
    "offline.offline_warning_must_come": QT_TRANSLATE_NOOP("core", "The offline warning must come before the offline deadline."),  # noqa: E501
    "offline.offline_payments_waited_hours": QT_TRANSLATE_NOOP("core", "Offline payments have waited {hours} hours; connect and send them before taking more."),  # noqa: E501
    "offline.customer_already_unsent_offline": QT_TRANSLATE_NOOP("core", "This customer already has an unsent offline payment; only one at a time is safe."),  # noqa: E501
    "offline.payment_reuses_transaction_number": QT_TRANSLATE_NOOP("core", "This payment reuses a transaction number the customer has already spent; it would never arrive."),  # noqa: E501
    "offline.offline_limit_must_whole": QT_TRANSLATE_NOOP("core", "The offline limit {name} must be a whole number, zero or more."),  # noqa: E501
    "offline.offline_limit_must_whole_number": QT_TRANSLATE_NOOP("core", "The offline limit {name} must be a whole number."),  # noqa: E501
    "offline.unknown_offline_limit_use": QT_TRANSLATE_NOOP("core", "Unknown offline limit '{name}'; use one of {names}."),  # noqa: E501
    # pos_app/offline/risk.py: skipped transaction numbers, the stuck deadline (issue 10, point 2)
    "offline.payment_cannot_go_through": QT_TRANSLATE_NOOP("core", "This payment cannot go through: the customer's wallet must first send {count} earlier payment(s) to the network. Ask the customer to send them first, or to pay another way."),  # noqa: E501
    "offline.give_payment_least_minutes": QT_TRANSLATE_NOOP("core", "Give a payment at least {minutes} minutes on the network before it counts as never gone through."),  # noqa: E501
    # pos_app/offline/sources.py
    "offline.qr_code_found_picture": QT_TRANSLATE_NOOP("core", "No QR code was found in that picture."),
    "offline.picture_holds_more_than": QT_TRANSLATE_NOOP("core", "That picture holds more than one QR code; use one with a single code."),  # noqa: E501
    "offline.qr_pictures_cannot_read": QT_TRANSLATE_NOOP("core", "QR pictures cannot be read on this installation."),
    "offline.picture_cannot_opened": QT_TRANSLATE_NOOP("core", "That picture cannot be opened."),
    "file.cannot_read_standard_input": QT_TRANSLATE_NOOP("core", "Cannot read standard input."),
    # pos_app/core/files.py: bounded reads of files a person names (issue 10, finding 12)
    "file.there_file": QT_TRANSLATE_NOOP("core", "There is no file {file}."),
    "file.app_allowed_read": QT_TRANSLATE_NOOP("core", "This app is not allowed to read {file}."),
    "chain.folder_file": QT_TRANSLATE_NOOP("core", "{file} is a folder, not a file."),
    "file.cannot_read_file": QT_TRANSLATE_NOOP("core", "Cannot read the file {file}."),
    "chain.ordinary_file_device_pipe": QT_TRANSLATE_NOOP("core", "{file} is not an ordinary file (a device or a pipe); save it to a file first."),  # noqa: E501
    "file.too_large": QT_TRANSLATE_NOOP("core", "{file} is too large to be a {what}."),
    "file.text_file": QT_TRANSLATE_NOOP("core", "{file} is not a text file."),
    "file.file_name_too_long": QT_TRANSLATE_NOOP("core", "The file name {file} is too long for this computer; choose a shorter name."),  # noqa: E501
    # pos_app/offline/verify.py
    "offline.payment_made_another_network": QT_TRANSLATE_NOOP("core", "This payment was made for another network (chain {got}, this shop uses {want})."),  # noqa: E501
    "offline.payment_another_token_shop": QT_TRANSLATE_NOOP("core", "This payment is in another token, not the shop's som."),  # noqa: E501
    "offline.payment_goes_another_address": QT_TRANSLATE_NOOP("core", "This payment goes to another address, not to this shop."),  # noqa: E501
    "offline.payment_less_than_sale": QT_TRANSLATE_NOOP("core", "This payment is for less than the sale; ask for the full amount."),  # noqa: E501
    "offline.payment_sale_s_exact": QT_TRANSLATE_NOOP("core", "This payment is not for this sale's exact amount: the customer must scan this sale's code and sign again."),  # noqa: E501
    "offline.customer_s_wallet_set": QT_TRANSLATE_NOOP("core", "The customer's wallet set too little gas ({gas}); the transfer could fail. Ask them to sign again."),  # noqa: E501
    "offline.network_fee_known_yet": QT_TRANSLATE_NOOP("core", "The network fee is not known yet; connect once before taking payments offline."),  # noqa: E501
    "offline.fee_customer_s_wallet": QT_TRANSLATE_NOOP("core", "The fee the customer's wallet offered is below the network's minimum; the payment would never be sent. Ask them to sign again."),  # noqa: E501
    "offline.authorization_signed_payer_names": QT_TRANSLATE_NOOP("core", "The authorization was not signed by the payer it names (or not for this token)."),  # noqa: E501
    "offline.authorization_expired_ask_customer": QT_TRANSLATE_NOOP("core", "This authorization has expired; ask the customer for a new one."),  # noqa: E501
    "offline.authorization_valid_yet_check": QT_TRANSLATE_NOOP("core", "This authorization is not valid yet; check the clock or ask for a new one."),  # noqa: E501
    "offline.authorization_expires_before_shop": QT_TRANSLATE_NOOP("core", "This authorization expires before the shop must send its payments; ask for one valid longer."),  # noqa: E501
    # pos_app/sync/ (engine, runner, resolving failures) and cli_sync.py
    "outbox.unexpected_error_while_sending": QT_TRANSLATE_NOOP("core", "Unexpected error while sending payments; see the log."),  # noqa: E501
    "offline.choose_what_happened_collect": QT_TRANSLATE_NOOP("core", "Choose what happened: collect again or mark resolved."),  # noqa: E501
    "offline.offline_payment_failed_there": QT_TRANSLATE_NOOP("core", "Offline payment {item} has not failed; there is nothing to resolve."),  # noqa: E501
    "offline.offline_payment_already_resolved": QT_TRANSLATE_NOOP("core", "Offline payment {item} was already resolved."),  # noqa: E501
    "cli.give_relay_key_s": QT_TRANSLATE_NOOP("core", "Give the relay key's passphrase in SOMPOS_RELAY_PASSPHRASE or type it at a terminal."),  # noqa: E501
    "cli.two_passphrases_differ_nothing": QT_TRANSLATE_NOOP("core", "The two passphrases differ; nothing was changed."),
    # pos_app/handover/ (hand-over files)
    "keys.device_key_could_created": QT_TRANSLATE_NOOP("core", "The device key {file} could not be created."),
    "keys.device_key_damaged_unreadable": QT_TRANSLATE_NOOP("core", "The device key {file} is damaged or unreadable; restore it from a backup, or move it away to make a new one."),  # noqa: E501
    "handover.file_already_exists_choose": QT_TRANSLATE_NOOP("core", "The file {file} already exists; choose another name so an earlier export is not overwritten."),  # noqa: E501
    "handover.there_unsent_offline_payments": QT_TRANSLATE_NOOP("core", "There are no unsent offline payments to hand over; no file was written."),  # noqa: E501
    "handover.file_could_written_check": QT_TRANSLATE_NOOP("core", "The file {file} could not be written; check that the stick is inserted, writable and not full."),  # noqa: E501
    "handover.file_too_large_som": QT_TRANSLATE_NOOP("core", "The file {file} is too large to be a Som POS queue export."),  # noqa: E501
    "handover.file_som_pos_queue": QT_TRANSLATE_NOOP("core", "The file {file} is not a Som POS queue export."),
    "handover.file_made_newer_version": QT_TRANSLATE_NOOP("core", "The file {file} was made by a newer version of Som POS (format {version}); update this app to import it."),  # noqa: E501
    "handover.file_incomplete_ends_before": QT_TRANSLATE_NOOP("core", "The file {file} is incomplete: it ends before the device signature."),  # noqa: E501
    "handover.line_file_valid_queue": QT_TRANSLATE_NOOP("core", "Line {line} of the file {file} is not a valid queue entry."),  # noqa: E501
    "handover.file_changed_damaged_after": QT_TRANSLATE_NOOP("core", "The file {file} was changed or damaged after it was exported (its device signature does not match); ask for a new export."),  # noqa: E501
    "handover.file_says_holds_payments": QT_TRANSLATE_NOOP("core", "The file {file} says it holds {expected} payments but has {found}."),  # noqa: E501
    "handover.file_comes_from_device": QT_TRANSLATE_NOOP("core", "The file {file} comes from device {got}, not from the expected device {want}."),  # noqa: E501
    # pos_app/handover/ (pairing.py, importer.py), cli_sync.py: paired tills and taking payments back (issue 10)
    "handover.file_comes_from_till": QT_TRANSLATE_NOOP("core", "The file {file} comes from till {device}, which is not paired with this till. Compare this number with the one on that till's Offline queue screen and accept it only if they are the same."),  # noqa: E501
    "handover.till_s_number_16": QT_TRANSLATE_NOOP("core", "A till's number has 16 letters and digits (0-9, a-f), as shown on its Offline queue screen."),  # noqa: E501
    "handover.file_comes_from_till_set": QT_TRANSLATE_NOOP("core", "The file {file} comes from a till set as till {theirs}, while this till is set as till {mine}: set the same number of tills on every till of the shop (Settings)."),  # noqa: E501
    "handover.file_comes_from_another": QT_TRANSLATE_NOOP("core", "The file {file} comes from another till that is also till {theirs}: give each till its own number (Settings), or their sales can be mixed up."),  # noqa: E501
    "handover.file_comes_from_another_till": QT_TRANSLATE_NOOP("core", "The file {file} comes from another till that is also set as the shop's only till: both would ask the same amounts and one payment could settle a sale on each. Set every till of the shop as till 1, 2, ... of the number of tills (Settings), then export again."),  # noqa: E501
    "handover.another_till_same_number": QT_TRANSLATE_NOOP("core", "Another till with the same number is already paired; forget it first."),  # noqa: E501
    "handover.till_number_paired_one": QT_TRANSLATE_NOOP("core", "No till with the number {device} is paired with this one."),  # noqa: E501
    "handover.payment_less_than_one": QT_TRANSLATE_NOOP("core", "This payment is for less than one tyiyn."),
    "cli.name_offline_payments_take": QT_TRANSLATE_NOOP("core", "Name the offline payments to take back, or use --all."),  # noqa: E501
    "handover.file_exported_another_network": QT_TRANSLATE_NOOP("core", "The file {file} was exported for another network (chain {got}); this shop uses chain {want}."),  # noqa: E501
    "handover.file_exported_another_token": QT_TRANSLATE_NOOP("core", "The file {file} was exported for another token contract ({got}); this shop uses {want}."),  # noqa: E501
    "handover.file_exported_another_shop": QT_TRANSLATE_NOOP("core", "The file {file} was exported for another shop address ({got}); this shop is {want}."),  # noqa: E501
    "handover.entry_s_details_do": QT_TRANSLATE_NOOP("core", "This entry's details do not match the payment it carries."),  # noqa: E501
    # pos_app/keys/keystore.py
    "keys.passphrase_must_least_characters": QT_TRANSLATE_NOOP("core", "The passphrase must have at least {n} characters."),  # noqa: E501
    "keys.relay_key_already_exists": QT_TRANSLATE_NOOP("core", "A relay key already exists. It was not replaced."),
    "keys.valid_private_key_keystore": QT_TRANSLATE_NOOP("core", "This is not a valid private key or keystore file."),
    "keys.keystore_file_could_opened": QT_TRANSLATE_NOOP("core", "The keystore file could not be opened with the passphrase given."),  # noqa: E501
    "keys.there_relay_key_yet": QT_TRANSLATE_NOOP("core", "There is no relay key yet. Create or import one first."),
    "keys.relay_key_file_damaged": QT_TRANSLATE_NOOP("core", "The relay key file {path} is damaged or cannot be read."),
    "keys.file_could_saved": QT_TRANSLATE_NOOP("core", "The file {path} could not be saved."),
    "keys.wrong_passphrase_attempts_left": QT_TRANSLATE_NOOP("core", "Wrong passphrase. Attempts left before a {minutes}-minute lock: {left}."),  # noqa: E501
    "keys.too_many_wrong_passphrases": QT_TRANSLATE_NOOP("core", "Too many wrong passphrases. Try again in {minutes} min."),  # noqa: E501
    # pos_app/keys/keystore.py: key file strength, damage, cost (issue 10, point 6)
    "keys.relay_key_file_damaged_put": QT_TRANSLATE_NOOP("core", "The relay key file {path} is damaged; put back a copy from a backup. This did not count as a wrong passphrase."),  # noqa: E501
    "keys.relay_key_file_protected": QT_TRANSLATE_NOOP("core", "The relay key file {path} is protected too weakly to be safe. Move it out of the data folder and import it again; the import protects it properly."),  # noqa: E501
    "keys.relay_key_file_asks": QT_TRANSLATE_NOOP("core", "The relay key file {path} asks for so much work to open that it would stall this computer; it was not opened."),  # noqa: E501
    "keys.keystore_file_asks_so": QT_TRANSLATE_NOOP("core", "This keystore file asks for so much work to open that it would stall this computer; it was not opened."),  # noqa: E501
    # pos_app/offline/verify.py: what the token was probed to settle (issue 10, point 5)
    "offline.token_s_issuer_paused": QT_TRANSLATE_NOOP("core", "The token's issuer has paused it, so no payment can move now; take no payment offline until it is resumed."),  # noqa: E501
    "offline.kind_payment_authorization_checked": QT_TRANSLATE_NOOP("core", "This kind of payment (an authorization) is not checked yet for the shop's token: connect once to the network, or ask the customer for a signed transfer."),  # noqa: E501
    "offline.shop_s_token_cannot": QT_TRANSLATE_NOOP("core", "The shop's token cannot settle this kind of payment (an authorization); ask the customer for a signed transfer instead."),  # noqa: E501
    "offline.token_s_issuer_blocked": QT_TRANSLATE_NOOP("core", "The token's issuer has blocked this customer's address, so the payment would never arrive; ask for another way to pay."),  # noqa: E501
    # raised by the GUI itself with the core's error classes
    "app.something_went_wrong_details": QT_TRANSLATE_NOOP("core", "Something went wrong; the details are in the log."),
    "settings.network_needs_som_token": QT_TRANSLATE_NOOP("core", "This network needs the som token contract address (ask the issuer)."),  # noqa: E501
    # pos_app/cli/: what was typed on the command line, and the QR picture a command writes
    "cli.usage": QT_TRANSLATE_NOOP("core", "{message} (see: {prog} --help)"),
    "cli.demo_network_only_in_demo": QT_TRANSLATE_NOOP("core", "The demo network lives only inside `sompos demo`; choose a real network with `sompos config network bsc` (or a profile file) to sync."),  # noqa: E501
    "cli.memo_too_long": QT_TRANSLATE_NOOP("core", "The memo is too long (at most 200 characters)."),
    "cli.reason_too_long": QT_TRANSLATE_NOOP("core", "The reason is too long (at most 200 characters)."),
    "cli.limit_digits_only": QT_TRANSLATE_NOOP("core", "Write the limit with the digits 0-9."),
    "cli.qr_target_is_folder": QT_TRANSLATE_NOOP("core", "{file} is a folder; give a file name for the QR picture, e.g. invoice.png."),  # noqa: E501
    "cli.qr_folder_missing": QT_TRANSLATE_NOOP("core", "The folder for {file} does not exist."),
    "cli.qr_cannot_write": QT_TRANSLATE_NOOP("core", "Cannot write the QR picture to {file} ({problem})."),
    "cli.qr_target_not_ordinary": QT_TRANSLATE_NOOP("core", "{file} is not an ordinary file; give a file name for the QR picture."),  # noqa: E501
    "cli.token_facts_not_read": QT_TRANSLATE_NOOP("core", "This till has not been online since the shop's token was set, so it does not know the token's details yet (decimals, signing name). Connect once to finish set-up: sompos sync --once"),  # noqa: E501
}

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
