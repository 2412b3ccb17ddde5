"""Exchanges' shared hot wallets on BNB Smart Chain, listed by the built-in ``bsc`` profile.

Most som sits on exchanges. A customer who pays by withdrawing from an exchange sends from the
exchange's hot wallet: one address for many customers. The shop's address book never puts a
person's name on such an address (``shop/payers.py``), and a refund must never go to one.

Each entry is (address, the exchange as a shop names it). The addresses are BscScan's public name
tags as collected in https://github.com/brianleect/etherscan-labels, file
``data/bscscan/accounts/exchange.csv`` (commit 8ed588cbc99f5ff55414e2a8409fec9bcc41d912) unless a
comment names another source; the tag BscScan gives each address is in its comment. Only hot
wallets of exchanges that pay customers out are taken (not token contracts, NFT markets or
wallets with a handful of transactions).

The list is not complete, and exchanges open new wallets: a shop lists more in a profile file
(``exchange_wallets``, README "Customers paying from an exchange"), and the address book's own
rule marks a wallet that pays for different customers as shared even when no list names it.
"""
from __future__ import annotations

BSC_EXCHANGE_WALLETS: tuple[tuple[str, str], ...] = (
    ("0x631Fc1EA2270e98fbD9D92658eCe0F5a269Aa161", "Binance"),   # Binance: Hot Wallet
    ("0xB1256D6b31E4Ae87DA1D56E5890C66be7f1C038e", "Binance"),   # Binance: Hot Wallet 2
    ("0x17B692ae403a8Ff3a3B2eD7676cF194310ddE9Af", "Binance"),   # Binance: Hot Wallet 3
    ("0x8fF804cc2143451F454779A40DE386F913dCff20", "Binance"),   # Binance: Hot Wallet 4
    ("0xAD9ffffd4573b642959D3B854027735579555Cbc", "Binance"),   # Binance: Hot Wallet 5
    ("0x8894E0a0c962CB723c1976a4421c95949bE2D4E3", "Binance"),   # Binance: Hot Wallet 6
    ("0xe2fc31F816A9b94326492132018C3aEcC4a93aE1", "Binance"),   # Binance: Hot Wallet 7
    ("0x3c783c21a0383057D128bae431894a5C19F9Cf06", "Binance"),   # Binance: Hot Wallet 8
    ("0xdccF3B77dA55107280bd850ea519DF3705D1a75a", "Binance"),   # Binance: Hot Wallet 9
    ("0x01C952174C24E1210d26961D456A77A39e1F0BB0", "Binance"),   # Binance Hot Wallet 10
    ("0xEB2d2F1b8c558a40207669291Fda468E50c8A0bB", "Binance"),   # Binance: Hot Wallet 10
    ("0x161bA15A5f335c9f06BB5BbB0A9cE14076FBb645", "Binance"),   # Binance: Hot Wallet 11
    ("0x515b72Ed8a97F42C568D6A143232775018f133C8", "Binance"),   # Binance: Hot Wallet 12
    ("0xBD612a3f30dcA67bF60a39Fd0D35e39B7aB80774", "Binance"),   # Binance: Hot Wallet 13
    ("0x7a8A34DB9acD10C3b6277473b192FE47192569cA", "Binance"),   # Binance: Hot Wallet 14
    ("0xa180Fe01B906A1bE37BE6c534a3300785b20d947", "Binance"),   # Binance: Hot Wallet 16
    ("0x29bDfbf7D27462a2d115748ace2bd71A2646946c", "Binance"),   # Binance: Hot Wallet 17
    ("0x73f5ebe90f27B46ea12e5795d16C4b408B19cc6F", "Binance"),   # Binance: Hot Wallet 18
    ("0x1FBe2AcEe135D991592f167Ac371f3DD893A508B", "Binance"),   # Binance: Hot Wallet 19
    ("0xF977814e90dA44bFA03b6295A0616a897441aceC", "Binance"),   # Binance: Hot Wallet 20
    ("0x8c128DBA2cB66399341AA877315BE1054be75da8", "BitMart"),   # Bitmart: Wallet
    ("0x328130164d0F2B9D7a52edC73b3632e713ff0ec6", "BitMart"),   # Bitmart: Wallet 2
    ("0x4727250679294802377dD6cA6541B8E459077c95", "FixedFloat"),  # FixedFloat: Hot Wallet
    ("0x0D0707963952f2fBA59dD06f2b425ace40b492Fe", "Gate.io"),   # Gate.io
    ("0xEFDca55e4bCE6c1d535cb2D0687B5567eEF2AE83", "Huobi"),     # Huobi 1
    ("0x53f78A071d04224B8e254E243fFfc6D9f2f3Fa23", "KuCoin"),    # Kucoin: Hot Wallet 2
    ("0x4982085C9e2F89F2eCb8131Eca71aFAD896e89CB", "MEXC"),      # mexc.com
    ("0x0211f3ceDbEf3143223D3ACF0e589747933e8527", "MEXC"),      # mexc.com 2
    ("0x2e8F79aD740de90dC5F5A9F0D8D9661a60725e64", "MEXC"),      # Mexc.com 3
    # AscendEX Hot Wallet: same repository, data/bscscan/accounts/hot-wallet.csv
    # (commit 7a97a592c049d4183d58447c917bc51a1d0e457f)
    ("0x986a2fCa9eDa0e06fBf7839B89BfC006eE2a23Dd", "AscendEX"),
    # Bybit: Hot Wallet, one address on several EVM chains: github.com/ripples3/ic-onchain-analytics,
    # references/cex_hot_wallets.md ("Main hot wallet, ~$1B+ multichain")
    ("0xf89d7b9c864f589bbF53a82105107622B35EaA40", "Bybit"),
)
