"""The main window: the sale and payment screens, navigation, the status bar and the offline bar.

The window routes; each feature's controller owns its screens and subscribes to the core events
it shows (``CheckoutController``: the sale from the keypad to the QR and the customer display;
``SalesController``: the sales list; ``OfflineController``: offline acceptance, the queue, the
failure bar and the relay key). The window itself shows the network's state.

Three workers keep the GUI thread free: ``db`` (the one database writer: charge, lists, accept),
``slow`` (work that may take seconds and must never delay a charge: scrypt, writing to a stick,
importing web3, joining threads) and ``chain`` (the demo chain's stand-in phone).
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, QSettings, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from pos_app.app.context import AppContext
from pos_app.core.events import AuditProblem, LinkChanged, ScanProgress, SettingsChanged
from pos_app.ui.shell.bridge import EventBridge, Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.screens.sale.checkout import CheckoutController
from pos_app.ui.screens.sales.sales_controller import SalesController
from pos_app.ui.widgets.common import BigButton
from pos_app.ui.widgets.fit import PageStack, fit_rect, scrolling
from pos_app.ui.widgets.style import apply_shared_style

if TYPE_CHECKING:
    from pos_app.invoices.service import Invoice

OFFLINE_AFTER_S = 10  # no successful pass for this long: show the red bar
DEFAULT_SIZE = (1280, 800)   # on a large screen; a small one (up to SMALL_SCREEN) is used whole
SMALL_SCREEN = (1440, 900)
PHONE_WIDTH = (250, 300)  # the demo phone panel: narrow enough to leave the sale room at 1024 px


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, *, demo_chain=None, watcher=None) -> None:
        super().__init__()
        self.ctx = ctx                 # the composition root: the window only builds the till from it
        from pos_app.app.till import Till
        self.till = till = Till(ctx)   # every screen's use cases (app/till.py)
        self.watcher = watcher
        self.cfg = till.settings  # read once before the window shows; SettingsChanged brings the next
        self.language = self.cfg.language
        from pos_app.ui.shell.i18n import install_language
        install_language(self.language)
        apply_shared_style()
        self.db = Worker("db", self)          # the one database writer: a charge never queues behind slow work
        self.slow = Worker("slow", self)      # scrypt, files on removable media, web3's import, thread joins
        self.chain_worker = Worker("chain", self)
        # The first reads (lists, queue, warnings) wait for the first frame (Worker.hold).
        for worker in (self.db, self.slow):
            worker.hold()
        self.bridge = EventBridge(till.events, self)
        self.bridge.on(lambda e: self.apply_config(e.config), SettingsChanged)
        self.bridge.on(lambda e: self.show_audit_problem(list(e.problems)), AuditProblem)
        self.bridge.on(self.on_scan_progress, ScanProgress)
        self.bridge.on(self.on_link, LinkChanged)
        self.last_ok: float | None = None
        self.link_down = False           # the watcher's last pass failed to reach a node
        self.head: int | None = None
        self.head_time: int | None = None
        self.endpoint: str | None = None
        self.error: str | None = None

        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(8, 4, 8, 4)
        self.offline_bar = QLabel()
        self.offline_bar.setObjectName("offlineBar")
        self.offline_bar.setStyleSheet("background:#c62828;color:white;font-size:14pt;padding:6px;")
        self.offline_bar.setWordWrap(True)  # a long sentence wraps instead of widening the window
        self.offline_bar.setVisible(False)
        # Another till uses this till's number: the loudest bar, above every screen, until a manager
        # says each till has its own number.
        from pos_app.ui.screens.till.twin_bar import TwinBarController
        self.twin = TwinBarController(till, bridge=self.bridge, db=self.db, parent=self)
        root.addWidget(self.twin.widget)
        root.addWidget(self.offline_bar)
        self.stack = PageStack()
        self.checkout = CheckoutController(till, bridge=self.bridge, db=self.db, stack=self.stack,
                                           language=self.language, config=self.cfg, charged=self._charged,
                                           parent=self)
        self.sale = self.checkout.sale
        self.sales_ctl = SalesController(till, bridge=self.bridge, db=self.db, stack=self.stack,
                                         language=self.language, explorer=self.cfg.network.explorer, parent=self)
        self.sales_ctl.open_sale.connect(self.checkout.resume)
        self.first_connection = False     # a real network never reached: this till cannot charge yet
        from pos_app.ui.screens.offline.offline_controller import OfflineController
        self.offline = OfflineController(till, bridge=self.bridge, db=self.db, slow=self.slow, stack=self.stack,
                                         current=lambda: self.checkout.current, chain_id=lambda: self.cfg.network.chain_id,
                                         language=self.language, parent=self)
        self.offline.show_payment.connect(self.checkout.show_payment)
        self.checkout.offline_requested.connect(self.offline.start)
        self.offline.charge_again.connect(self._charge_again)
        self.offline.notice.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.offline.summary_changed.connect(self.refresh_status)
        # A failed offline payment: who, how much, which sale, and the next step.
        root.addWidget(self.offline.failure_bar)
        # A payment that matched no sale: above every screen until it is dealt with.
        from pos_app.ui.screens.sales.unmatched_alert import UnmatchedAlertController
        self.unmatched = UnmatchedAlertController(till, bridge=self.bridge, db=self.db, current=self._sale_on_screen,
                                                  language=self.language, parent=self)
        self.unmatched.show_list.connect(self.go_list)
        self.unmatched.open_sale.connect(self._open_reopened)
        root.addWidget(self.unmatched.widget)
        nav = QHBoxLayout()
        self.nav_sale = BigButton("", self, point_size=14, min_height=44)
        self.nav_list = BigButton("", self, point_size=14, min_height=44)
        self.nav_sale.clicked.connect(self.go_sale)
        self.nav_list.clicked.connect(self.go_list)
        self.nav_customer = BigButton("", self, point_size=14, min_height=44)
        self.nav_customer.clicked.connect(self.show_customer_display)
        for button, name in ((self.nav_sale, "saleNav"), (self.nav_list, "salesListNav"),
                             (self.nav_customer, "customerNav")):
            button.setObjectName(name)
        nav.addWidget(self.nav_sale)
        nav.addWidget(self.nav_list)
        nav.addWidget(self.nav_customer)
        self.nav_queue = BigButton("", self, point_size=14, min_height=44)
        self.nav_queue.setObjectName("queueNav")
        self.nav_queue.clicked.connect(lambda: self.offline.show_queue())
        nav.addWidget(self.nav_queue)
        self.nav_settings = BigButton("", self, point_size=14, min_height=44)
        self.nav_settings.setObjectName("settingsNav")
        self.nav_settings.clicked.connect(self.go_settings)
        nav.addWidget(self.nav_settings)
        root.addLayout(nav)
        body = QHBoxLayout()
        root.addLayout(body, 1)
        # A page taller or wider than the screen scrolls; it never pushes the window off the screen.
        body.addWidget(scrolling(self.stack), 1)
        # Screens not needed for the first sale are built on first use (or right after the
        # first paint, see finish_startup) so the sale screen appears sooner.
        self._settings = None
        self.phone = None
        self.phone_area = None
        if demo_chain is not None:
            from pos_app.ui.screens.offline.demo_phone import DemoPhone
            # The customer chosen on the phone teaches the shop's address book its wallet's name.
            self.phone = DemoPhone(demo_chain, self.chain_worker, lambda: self.current, till=till, db=self.db)
            self.phone.handed_over.connect(self._phone_handed_over)
            phone_area = scrolling(self.phone, horizontal=False)
            phone_area.setMinimumWidth(PHONE_WIDTH[0])
            phone_area.setMaximumWidth(PHONE_WIDTH[1])
            body.addWidget(phone_area)
            self.phone_area = phone_area
            # The customer's phone pays at the counter; the sales list and settings need the width.
            self.stack.currentChanged.connect(self._phone_beside_page)
        self.setCentralWidget(central)
        self.net_label = QLabel()
        self.net_label.setObjectName("networkStatus")
        self.block_label = QLabel()
        self.net_label.setMinimumWidth(1)  # a long endpoint is cut, not a reason to widen the window
        self.statusBar().addWidget(self.net_label, 1)
        self.statusBar().addPermanentWidget(self.block_label)
        # This computer's clock against the network's (shown only when they disagree): a line of its
        # own just above the status bar, so the network's state beside it is never squeezed out.
        from pos_app.ui.screens.till.clock_warning import ClockWarning
        self.clock_warning = ClockWarning(till, bridge=self.bridge, db=self.db, parent=self)
        root.addWidget(self.clock_warning.label)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.refresh_status)
        self.clock.start()
        self._place_on_screen()
        self.retranslate()
        self.go_sale()
        self.sales_ctl.reload()
        self.offline.refresh()
        self.check_first_connection()
        QTimer.singleShot(0, self._release_workers)

    def _release_workers(self) -> None:
        for worker in (self.db, self.slow):
            worker.release()

    def check_first_connection(self) -> None:
        def found(needed: bool) -> None:
            self.first_connection = needed
            self.refresh_status()
        self.db.run(self.till.needs_first_connection, found)

    # -- the window on the shop's screen ----------------------------------------------------------
    def _window_settings(self) -> QSettings:
        """Per shop (in its data folder), so two shops or a test never share a window size."""
        return QSettings(str(self.till.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def _place_on_screen(self) -> None:
        """Open where the window was last time (same screen if it is still there), never larger
        than the screen it opens on (small shop PCs: 1024x600)."""
        from PySide6.QtGui import QGuiApplication
        saved = self._window_settings()
        screen = None
        name = saved.value("screen", "")
        for candidate in QGuiApplication.screens():
            if candidate.name() == name:
                screen = candidate
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE)
        rect = saved.value("rect")
        if not isinstance(rect, QRect) or rect.isEmpty():
            if avail.width() <= SMALL_SCREEN[0] or avail.height() <= SMALL_SCREEN[1]:
                # A shop PC's small screen (or a portrait tablet): every pixel goes to the sale.
                rect = QRect(avail)
            else:
                rect = QRect(avail.topLeft(), QRect(0, 0, *DEFAULT_SIZE).size())
        self.setGeometry(fit_rect(rect, avail))

    def fit_to_screen(self, window=None) -> None:
        """Shrink and move the frame (title bar included) of this window (or ``window``, e.g. the
        customer display) into its screen's available area."""
        win = window or self
        if win.screen() is None or win.isMaximized() or win.isFullScreen():
            return
        avail = win.screen().availableGeometry()
        frame = win.frameGeometry()
        if avail.contains(frame):
            return
        fitted = fit_rect(frame, avail)
        extra_w, extra_h = frame.width() - win.width(), frame.height() - win.height()
        win.resize(fitted.width() - extra_w, fitted.height() - extra_h)
        win.move(fitted.topLeft())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        # The title bar's height is known only once the window is mapped.
        QTimer.singleShot(0, self.fit_to_screen)

    def _remember_place(self) -> None:
        saved = self._window_settings()
        saved.setValue("rect", self.geometry())
        saved.setValue("screen", self.screen().name() if self.screen() is not None else "")
        saved.sync()

    # -- navigation --------------------------------------------------------------------------
    def start_watcher(self) -> None:
        """Create and start the payment watcher off the GUI thread (it imports web3)."""
        def attach(watcher) -> None:
            self.watcher = watcher
            watcher.start()
            self.offline.start_sync(watcher)

        def failed(err) -> None:
            self.error = error_text(err)
            self.refresh_status()
        self.slow.run(self.till.watcher, attach, failed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Som POS"))
        self.nav_sale.setText(self.tr("Sale"))
        self.nav_list.setText(self.tr("Sales list"))
        self.nav_customer.setText(self.tr("Customer display"))
        self.nav_settings.setText(self.tr("Settings"))
        self.nav_queue.setText(self.tr("Offline queue"))
        self.checkout.retranslate()
        if self._settings is not None:
            self._settings.retranslate()
        if self.phone:
            self.phone.retranslate()
        self.refresh_status()

    def _phone_handed_over(self, payload: str) -> None:
        """The demo's stand-in for a barcode scanner reading the customer's phone."""
        if self.current is None:
            return
        if self.stack.currentWidget() is not self.offline.accept_screen:  # (built on first access)
            self.offline.start()
        self.offline.accept_screen.set_payload_text(payload)

    # -- screens built on first use -------------------------------------------------------------
    @property
    def model(self):
        """Today's invoices (the sales list's model)."""
        return self.sales_ctl.model

    @property
    def current(self) -> Invoice | None:
        """The sale on screen (the checkout's)."""
        return self.checkout.current

    @property
    def payment(self):
        return self.checkout.payment

    @property
    def sales(self):
        return self.sales_ctl.screen

    def reload_sales(self) -> None:
        self.sales_ctl.reload()

    @property
    def settings(self):
        if self._settings is None:
            from pos_app.ui.screens.settings.settings_screen import SettingsScreen
            self._settings = SettingsScreen(self.till, self.db)   # saved: SettingsChanged -> apply_config
            self._settings.relay_requested.connect(self.offline.show_queue)
            self.stack.addWidget(self._settings)
        return self._settings

    @property
    def customer(self):
        return self.checkout.customer

    def finish_startup(self) -> None:
        """Build the remaining screens once the sale screen is up (called from the event loop)."""
        self.payment, self.sales, self.settings, self.customer  # noqa: B018 - properties build on access
        self.offline.build()

    def show_customer_display(self) -> None:
        """Open the customer display, on the second screen when there is one."""
        screens = self.screen().virtualSiblings() if self.screen() else []
        if len(screens) > 1:
            self.customer.setGeometry(screens[1].availableGeometry())
        elif self.screen() is not None:
            # One screen (a small shop PC): the customer display fits it, never past its edge.
            self.customer.setGeometry(fit_rect(self.customer.geometry(), self.screen().availableGeometry()))
        self.customer.show()
        QTimer.singleShot(0, lambda: self.fit_to_screen(self.customer))   # its frame is known once shown

    def _phone_beside_page(self, _index: int) -> None:
        page = self.stack.currentWidget()
        self.phone_area.setVisible(page is not self.sales_ctl._screen and page is not self._settings)

    def _open_reopened(self, inv: Invoice) -> None:
        """A sale whose payment left the network: on the payment screen as it is now (charge again there)."""
        till = self.till
        self.db.run(lambda: till.sale(inv.id), self.checkout.resume)

    def _sale_on_screen(self) -> "Invoice | None":
        """The sale a stray payment can be added to with one tap: the one on the payment screen."""
        pay = self.checkout._payment
        inv = self.checkout.current
        if pay is not None and self.stack.currentWidget() is pay and inv is not None and not inv.carried:
            return inv         # (another till's sale carried here is that till's to add to)
        return None

    def go_sale(self) -> None:
        """The sale button: back to the sale still waiting on screen, else the keypad."""
        if self.checkout.waiting() is not None:
            self.checkout.show_payment()
        else:
            self.checkout.new_sale()

    def go_settings(self) -> None:
        self.settings.load(self.cfg)
        self.stack.setCurrentWidget(self.settings)

    def apply_config(self, cfg) -> None:
        """New settings take effect without losing the sale on screen."""
        network_changed = cfg.network != self.cfg.network or cfg.merchant != self.cfg.merchant
        self.cfg = cfg
        self.sales_ctl.set_explorer(cfg.network.explorer)
        self.checkout.set_config(cfg)
        self.twin.reload()            # the bar names this till's number as it is set now
        if cfg.language != self.language:
            self.set_language(cfg.language)
        if network_changed:
            if self.watcher is not None:
                old, self.watcher = self.watcher, None
                self.slow.run(lambda: old.stop(2))
            self.offline.stop_sync()
            self.last_ok, self.head, self.error, self.link_down = None, None, None, False
            self.start_watcher()
        self.refresh_status()

    def set_language(self, language: str) -> None:
        from pos_app.ui.shell.i18n import install_language
        self.language = language
        install_language(language)
        self.checkout.set_language(language)
        self.retranslate()
        self.sales_ctl.set_language(language)
        self.offline.set_language(language)
        self.unmatched.set_language(language)
        self.twin.set_language(language)
        self.clock_warning.retranslate()

    def go_list(self) -> None:
        self.stack.setCurrentWidget(self.sales)

    # -- actions -----------------------------------------------------------------------------
    def charge(self, amount: int) -> None:
        self.checkout.charge(amount)

    def _charged(self, _inv: Invoice) -> None:
        if self.watcher is not None:
            self.watcher.wake()   # a new amount to look for

    def _charge_again(self, amount: int) -> None:
        """A failed offline payment collected again: a new sale for the same amount."""
        self.go_sale()
        self.charge(amount)

    # -- core events (GUI thread, via the bridge) ---------------------------------------------
    def on_scan_progress(self, e: ScanProgress) -> None:
        # Progress in the shop's words: how much of the time offline has been looked through.
        left = max(0, e.head - e.scanned_to)
        from pos_app.ui.shell.i18n import plural
        self.net_label.setText(plural(self.tr("Catching up with payments made while offline (%n step(s) left)…",
                                              "", left), left))

    def on_link(self, e: LinkChanged) -> None:
        """The till's one link state (``core.connectivity``, fed by the watcher and the sync runner)."""
        link = e.link
        if link.online:
            self.last_ok = time.monotonic()
            self.head, self.head_time = link.head, link.head_time
            self.endpoint, self.error = link.endpoint, None
            self.link_down = False
            if self.first_connection:
                self.check_first_connection()    # the token's facts are read once it is reached
        else:
            # No node answered the latest contact: say so now, not when the last success is old.
            self.error = error_text(link.problem) if link.problem is not None else None
            self.link_down = True
        self.checkout.set_online(bool(link.online))
        self.refresh_status()

    def show_audit_problem(self, problems: list[str]) -> None:
        """The start-up check found the records changed behind the app's back: sales go on, the
        manager is told (details in the tooltip and with ``sompos audit verify``)."""
        if getattr(self, "audit_label", None) is None:
            self.audit_label = QLabel()
            self.audit_label.setObjectName("auditWarning")
            self.audit_label.setStyleSheet("color:#ffffff;background:#b71c1c;padding:2px 6px;")
            self.statusBar().addPermanentWidget(self.audit_label)
        self.audit_label.setText(self.tr("Records changed outside the app: tell the manager"))
        self.audit_label.setToolTip("\n".join(problems[:20]))

    def refresh_status(self) -> None:
        # The demo's profile name ("demo") is a setting's word: the shop reads its description.
        name = (QCoreApplication.translate("core", "embedded demo chain") if self.cfg.network.embedded
                else self.cfg.network.name)
        since = None if self.last_ok is None else int(time.monotonic() - self.last_ok)
        online = since is not None and since < OFFLINE_AFTER_S and not self.link_down
        if online:
            # The endpoint is a URL, or the demo chain's name from the core: said in the shop's language.
            endpoint = QCoreApplication.translate("core", self.endpoint) if self.endpoint else ""
            if self.cfg.network.embedded:
                self.net_label.setText(self.tr("Online: %1").replace("%1", name))
            else:
                self.net_label.setText(self.tr("Online: %1 (%2)").replace("%1", name).replace("%2", endpoint))
            self.block_label.setText(self.tr("Network checked %1 s ago").replace("%1", str(since)))
        elif self.last_ok is None and self.error is None:
            self.net_label.setText(self.tr("Connecting to %1…").replace("%1", name))
            self.block_label.clear()
        else:
            self.net_label.setText(self.tr("Offline: %1").replace("%1", name))
            # Counts on while offline (it used to freeze on the last block seen).
            self.block_label.setText("" if since is None else
                                     self.tr("Last contact %1 min ago").replace("%1", str(since // 60)))
        self.net_label.setToolTip("" if online else (self.error or ""))  # why, in the screen's language
        queued = self.offline.bar_text()
        show_bar = not online and (self.error is not None or queued is not None)
        self.offline_bar.setVisible(show_bar)
        if self.first_connection and not online:
            show_bar = True
            text = self.tr("Connect this till to the internet once to finish setting up: it must read the "
                           "som token's details before it can ask for exact amounts. Until then it cannot "
                           "take payments.")
            self.offline_bar.setText(text)
        elif show_bar:
            text = self.tr("No connection to the network. Payments will be checked when it returns.")
            self.offline_bar.setText(text + (" " + queued if queued else ""))
        self.offline_bar.setVisible(show_bar)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._remember_place()
        self.bridge.close()
        self.checkout.close()
        if self.watcher is not None:
            self.watcher.stop()
        self.offline.stop_sync(wait=True)
        # Slow jobs first: a hand-over file being written is finished and marked before the
        # database worker stops (both drain their queues; nothing new is taken after shutdown).
        self.slow.shutdown()
        self.db.shutdown()
        self.chain_worker.shutdown()
        super().closeEvent(event)
