"""Som POS: a point-of-sale for the digital Kyrgyz som (a BEP-20 token) that keeps working offline.

Everything in this package outside ``pos_app.ui`` is plain Python with no Qt import, so the domain
(money, invoices, network profiles, storage, chain access and payment detection) is testable
without a display.
"""

__version__ = "0.1.0"
