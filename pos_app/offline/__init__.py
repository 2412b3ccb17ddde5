"""Offline acceptance: customer-signed payloads, verification, risk limits and the durable queue."""
