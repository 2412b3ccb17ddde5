"""The embedded demo network: an in-process EVM with a deployed som token and funded wallets."""
