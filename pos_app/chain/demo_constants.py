"""The demo network's fixed facts as plain constants, importable without any Ethereum library.

They are derived from the fixed demo keys in ``pos_app.app.demo.accounts``; a test re-derives them so
they can never drift. Kept separate so the app starts without importing eth-keys or web3.
"""

DEMO_MERCHANT = "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61"
DEMO_TOKEN_ADDRESS = "0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"
# The last "customer" is an exchange: many customers withdraw from its one shared wallet, which the
# demo profile lists as an exchange wallet, so the address book never names it after a person.
DEMO_EXCHANGE_NAME = "Exchange"
DEMO_CUSTOMER_NAMES = ("Aigul", "Bakyt", "Cholpon", DEMO_EXCHANGE_NAME)
DEMO_EXCHANGE = "0x5CFd0E44884302CA7d08D49b8042963451F6BD7a"   # the wallet of DEMO_EXCHANGE_NAME
DEMO_TOKEN_NAME = "Demo Som"
DEMO_TOKEN_SYMBOL = "dSOM"
DEMO_TOKEN_DECIMALS = 6
DEMO_TOKEN_VERSION = "1"
