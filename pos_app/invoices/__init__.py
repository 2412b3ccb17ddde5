"""Invoices: the lifecycle table, payment matching and the service that stores them."""
