<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message>
        <source>the customer spent this money elsewhere first</source>
        <translation type="vanished">покупатель раньше потратил эти деньги в другом месте</translation>
    </message>
    <message>
        <source>the customer&apos;s account did not have enough</source>
        <translation type="vanished">на счёте покупателя не хватило средств</translation>
    </message>
    <message>
        <source>the token refused the transfer</source>
        <translation type="vanished">токен отклонил перевод</translation>
    </message>
    <message>
        <source>the customer cancelled the payment</source>
        <translation type="vanished">покупатель отменил платёж</translation>
    </message>
    <message>
        <source>it could not be sent in time</source>
        <translation type="vanished">его не удалось отправить вовремя</translation>
    </message>
    <message>
        <source>the network refused it</source>
        <translation type="vanished">сеть его отклонила</translation>
    </message>
</context>
<context>
    <name>CheckoutController</name>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="120"/>
        <source>This sale is still waiting for %1.</source>
        <translation>Эта продажа ещё ждёт оплаты: %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="123"/>
        <source>%1 has been received on it.</source>
        <translation>По ней уже получено %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="125"/>
        <source>A sale kept open is still paid if the customer pays; find it under Sales.</source>
        <translation>Оставленная открытой продажа оплатится, если покупатель заплатит; её можно найти в списке продаж.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="134"/>
        <source>Keep it open, new sale</source>
        <translation>Оставить открытой, новая продажа</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="135"/>
        <source>Cancel this sale</source>
        <translation>Отменить эту продажу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="136"/>
        <source>Back to this sale</source>
        <translation>Вернуться к этой продаже</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="140"/>
        <source>Cancel this sale? A payment that arrives later is kept for you to give back.</source>
        <translation>Отменить эту продажу? Оплата, которая придёт позже, сохранится, чтобы вы могли её вернуть.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="143"/>
        <source>%1 has been received on it: give it back.</source>
        <translation>По ней уже получено %1: верните эти деньги.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="147"/>
        <source>Cancel the sale</source>
        <translation>Отменить продажу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="148"/>
        <source>Keep the sale</source>
        <translation>Оставить продажу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="157"/>
        <source>Accept sale %1 as paid although %2 is missing? The customer&apos;s exchange may have kept a fee. The shortfall is written in the sale&apos;s history.</source>
        <translation>Принять продажу %1 как оплаченную, хотя не хватает %2? Биржа покупателя могла удержать комиссию. Недостача будет записана в историю продажи.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="162"/>
        <source>Accept as paid</source>
        <translation>Принять как оплаченную</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="163"/>
        <source>Keep waiting for the rest</source>
        <translation>Ждать остаток</translation>
    </message>
</context>
<context>
    <name>ClockWords</name>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="39"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минуту</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="42"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="45"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="47"/>
        <source>The computer&apos;s clock is %1 ahead of the network&apos;s: set the date and time.</source>
        <translation>Часы компьютера спешат относительно сети на %1: установите дату и время.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="49"/>
        <source>The computer&apos;s clock is %1 behind the network&apos;s: set the date and time.</source>
        <translation>Часы компьютера отстают от сети на %1: установите дату и время.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="48"/>
        <source>Som POS: customer display</source>
        <translation>Som POS: экран покупателя</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="55"/>
        <source>Welcome!</source>
        <translation>Добро пожаловать!</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="67"/>
        <source>Your change: %1</source>
        <translation>Ваша сдача: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="69"/>
        <source>Paid %1. Left to pay: %2</source>
        <translation>Оплачено %1. Осталось оплатить: %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="77"/>
        <source>Scan with your wallet to pay</source>
        <translation>Отсканируйте кошельком, чтобы оплатить</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="84"/>
        <source>Thank you!</source>
        <translation>Спасибо!</translation>
    </message>
</context>
<context>
    <name>DemoPhone</name>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="110"/>
        <source>Customer&apos;s phone (demo)</source>
        <translation>Телефон покупателя (демо)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="111"/>
        <source>Pay exactly</source>
        <translation>Оплатить ровно</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="112"/>
        <source>Pay half</source>
        <translation>Оплатить половину</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="113"/>
        <source>Pay 10 som more</source>
        <translation>Оплатить на 10 сом больше</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="114"/>
        <source>Pay without the shop&apos;s network</source>
        <translation>Оплата без сети магазина</translation>
    </message>
    <message>
        <source>Authorization (EIP-3009)</source>
        <translation type="vanished">Авторизация (EIP-3009)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="117"/>
        <source>Payment permission (no network fee)</source>
        <translation>Разрешение на оплату (без комиссии сети)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="118"/>
        <source>Signed transfer</source>
        <translation>Подписанный перевод</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="120"/>
        <source>Sign offline payment</source>
        <translation>Подписать офлайн-платёж</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="121"/>
        <source>Hand over (scan)</source>
        <translation>Передать кассиру (скан)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="122"/>
        <source>Shop network: ON</source>
        <translation>Сеть магазина: вкл.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="123"/>
        <source>Shop network: OFF</source>
        <translation>Сеть магазина: выкл.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="128"/>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="163"/>
        <source>No invoice on screen: charge a sale first.</source>
        <translation>На экране нет счёта: сначала оформите продажу.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="139"/>
        <source>Sending %1…</source>
        <translation>Отправка %1…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="141"/>
        <source>Sent: %1</source>
        <translation>Отправлено: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="173"/>
        <source>Signed. Show this QR to the cashier.</source>
        <translation>Подписано. Покажите этот QR-код кассиру.</translation>
    </message>
</context>
<context>
    <name>FailureBar</name>
    <message>
        <location filename="../../pos_app/ui/screens/offline/failure_bar.py" line="37"/>
        <source>Collect again</source>
        <translation>Получить оплату заново</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/failure_bar.py" line="38"/>
        <source>Mark resolved</source>
        <translation>Отметить как решённое</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="195"/>
        <source>Welcome to Som POS. Try it first with play money, or set up your shop.</source>
        <translation>Добро пожаловать в Som POS. Сначала попробуйте на игровых деньгах или настройте свой магазин.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="196"/>
        <source>Try the demo</source>
        <translation>Попробовать демо</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="197"/>
        <source>Set up my shop</source>
        <translation>Настроить мой магазин</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="198"/>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="199"/>
        <source>Your shop&apos;s address: customers pay to it</source>
        <translation>Адрес кошелька вашего магазина: на него платят покупатели</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="200"/>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="201"/>
        <source>Som token contract (from the issuer)</source>
        <translation>Контракт токена сом (от эмитента)</translation>
    </message>
    <message>
        <source>Som token contract 0x… (from the issuer)</source>
        <translation type="vanished">Контракт токена сом 0x… (от эмитента)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="203"/>
        <source>Offline payments: signed transfers only, until the till has checked at its first connection whether the token also takes authorizations.</source>
        <translation>Офлайн-платежи: только подписанные переводы, пока касса при первом подключении не проверит, принимает ли токен и авторизации.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="205"/>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="206"/>
        <source>Is this the shop&apos;s only till that takes som payments?</source>
        <translation>Это единственная касса магазина, которая принимает оплату в сомах?</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="207"/>
        <source>Tills of one shop share its address, so each must know its own number: two tills with the same number could both count one payment.</source>
        <translation>Кассы одного магазина принимают оплату на один адрес, поэтому у каждой должен быть свой номер: две кассы с одинаковым номером могут обе засчитать один платёж.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="209"/>
        <source>Yes, it is the only till</source>
        <translation>Да, это единственная касса</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="210"/>
        <source>No, the shop has more tills</source>
        <translation>Нет, в магазине есть другие кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="211"/>
        <source>How many tills take som payments, and which one is this?</source>
        <translation>Сколько касс принимают оплату в сомах, и какая из них эта?</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="212"/>
        <source>Tills that take som payments</source>
        <translation>Касс, принимающих оплату в сомах</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="213"/>
        <source>This is till number</source>
        <translation>Номер этой кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="214"/>
        <source>Save and start selling</source>
        <translation>Сохранить и начать продажи</translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="34"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="34"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="vanished">Сумма</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="35"/>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="35"/>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation type="vanished">Транзакция</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="34"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="34"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Still due / change</source>
        <translation type="vanished">Осталось / сдача</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="34"/>
        <source>Still due</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="35"/>
        <source>Give back</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="87"/>
        <location filename="../../pos_app/ui/models/tables.py" line="89"/>
        <source>give back %1</source>
        <translation>вернуть %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="91"/>
        <source>%1 due</source>
        <translation>осталось %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="116"/>
        <source>Sent for another till (sale %1 there)</source>
        <translation>Отправлено за другую кассу (там продажа %1)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="vanished">Ожидание</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation type="vanished">Подтверждается</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="vanished">Оплачено</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="vanished">Срок истёк</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="vanished">Отменено</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="117"/>
        <source>partly paid</source>
        <translation>оплачено частично</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="117"/>
        <source>overpaid</source>
        <translation>переплата</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="118"/>
        <source>paid late</source>
        <translation>оплачено после срока</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="121"/>
        <source>accepted short by %1</source>
        <translation>принято с недостачей %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="123"/>
        <source>its payment left the network</source>
        <translation>платёж ушёл из сети</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="253"/>
        <source>Som POS</source>
        <translation>Som POS</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="254"/>
        <source>Sale</source>
        <translation>Продажа</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="255"/>
        <source>Sales list</source>
        <translation>Список продаж</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="256"/>
        <source>Customer display</source>
        <translation>Экран покупателя</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="257"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="258"/>
        <source>Offline queue</source>
        <translation>Офлайн-очередь</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/shell/main_window.py" line="404"/>
        <source>Catching up with payments made while offline (%n step(s) left)…</source>
        <translation>
            <numerusform>Проверяем платежи, сделанные без сети (остался %n шаг)…</numerusform>
            <numerusform>Проверяем платежи, сделанные без сети (осталось %n шага)…</numerusform>
            <numerusform>Проверяем платежи, сделанные без сети (осталось %n шагов)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Catching up with payments made while offline (%1 steps left)…</source>
        <translation type="vanished">Проверяем платежи, сделанные без сети (осталось шагов: %1)…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="448"/>
        <source>Network checked %1 s ago</source>
        <translation>Сеть проверена %1 с назад</translation>
    </message>
    <message>
        <source>Collect again</source>
        <translation type="vanished">Получить оплату заново</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation type="vanished">Отметить как решённое</translation>
    </message>
    <message>
        <source>Assigned: invoice %1 is now up to date.</source>
        <translation type="vanished">Привязано: счёт %1 обновлён.</translation>
    </message>
    <message>
        <source>Syncing %1: block %2 of %3</source>
        <translation type="vanished">Синхронизация %1: блок %2 из %3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="432"/>
        <source>Records changed outside the app: tell the manager</source>
        <translation>Записи изменены в обход программы: сообщите управляющему</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="445"/>
        <source>Online: %1</source>
        <translation>В сети: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="447"/>
        <source>Online: %1 (%2)</source>
        <translation>В сети: %1 (%2)</translation>
    </message>
    <message>
        <source>Block %1, %2 s ago</source>
        <translation type="vanished">Блок %1, %2 с назад</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="450"/>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="453"/>
        <source>Offline: %1</source>
        <translation>Нет связи: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="456"/>
        <source>Last contact %1 min ago</source>
        <translation>Последняя связь %1 мин назад</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="463"/>
        <source>Connect this till to the internet once to finish setting up: it must read the som token&apos;s details before it can ask for exact amounts. Until then it cannot take payments.</source>
        <translation>Подключите эту кассу к интернету хотя бы раз, чтобы закончить настройку: ей нужно прочитать данные токена сом, прежде чем просить точные суммы. До этого касса не может принимать оплату.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="468"/>
        <source>No connection to the network. Payments will be checked when it returns.</source>
        <translation>Нет связи с сетью. Оплаты будут проверены, когда связь вернётся.</translation>
    </message>
</context>
<context>
    <name>OfflineAcceptScreen</name>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="75"/>
        <source>Scan the QR code on the customer&apos;s phone, or paste it, or open a file or a picture of it. The payment is checked here, without the network.</source>
        <translation>Отсканируйте QR-код на телефоне покупателя, вставьте его или откройте файл либо картинку с ним. Платёж проверяется здесь, без сети.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="77"/>
        <source>Scan or paste the payment here</source>
        <translation>Отсканируйте или вставьте платёж сюда</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="78"/>
        <source>Paste</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="79"/>
        <source>Open file…</source>
        <translation>Открыть файл…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="80"/>
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="81"/>
        <source>Accept payment</source>
        <translation>Принять платёж</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="82"/>
        <source>Back to the QR</source>
        <translation>Назад к QR-коду</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="87"/>
        <source>Offline payment for sale %1: %2</source>
        <translation>Офлайн-платёж за продажу %1: %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="117"/>
        <source>Open a payment file or QR picture</source>
        <translation>Откройте файл платежа или картинку с QR-кодом</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="118"/>
        <source>Payments and pictures (*.txt *.json *.png *.jpg *.jpeg *.bmp *.gif);;All files (*)</source>
        <translation>Платежи и картинки (*.txt *.json *.png *.jpg *.jpeg *.bmp *.gif);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="126"/>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="136"/>
        <source>Nothing was scanned.</source>
        <translation>Ничего не отсканировано.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="139"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="145"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="156"/>
        <source>Valid payment of %1 from %2.</source>
        <translation>Платёж верный: %1 от %2.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="158"/>
        <source>Offline payments have waited over 12 hours: connect soon.</source>
        <translation>Офлайн-платежи ждут уже больше 12 часов: скорее подключитесь к сети.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="160"/>
        <source>Careful: a payment from this customer failed before.</source>
        <translation>Внимание: платёж этого покупателя уже однажды не прошёл.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="170"/>
        <source>Do not accept: %1</source>
        <translation>Не принимайте: %1</translation>
    </message>
</context>
<context>
    <name>OfflineController</name>
    <message>
        <source>%1 offline payments (%2) waiting to be sent.</source>
        <translation type="vanished">Офлайн-платежей ждут отправки: %1 (%2).</translation>
    </message>
    <message>
        <source>Offline payment %1 (%2) reached the chain and is final.</source>
        <translation type="vanished">Офлайн-платёж %1 (%2) попал в блокчейн и окончательно подтверждён.</translation>
    </message>
    <message>
        <source>Sending to the network: %1 payments still to finish.</source>
        <translation type="vanished">Отправка в сеть: осталось завершить платежей: %1.</translation>
    </message>
    <message>
        <source>Everything accepted offline has been sent and is final or closed.</source>
        <translation type="vanished">Всё, что принято офлайн, отправлено и окончательно подтверждено или закрыто.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="214"/>
        <source>%n offline payment(s) (%1) waiting to be sent.</source>
        <translation>
            <numerusform>%n офлайн-платёж (%1) ждёт отправки.</numerusform>
            <numerusform>%n офлайн-платежа (%1) ждут отправки.</numerusform>
            <numerusform>%n офлайн-платежей (%1) ждут отправки.</numerusform>
        </translation>
    </message>
    <message>
        <source>The relay key needs more BNB to pay the network fee for the waiting authorizations.</source>
        <translation type="vanished">На ключе отправителя не хватает BNB, чтобы оплатить комиссию сети за ожидающие авторизации.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="260"/>
        <source>Offline payment %1 (%2) has arrived and is confirmed.</source>
        <translation>Офлайн-платёж %1 (%2) поступил и окончательно подтверждён.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="273"/>
        <source>The relay key needs more BNB to pay the network fee for the waiting payment permissions.</source>
        <translation>На ключе отправителя не хватает BNB, чтобы оплатить комиссию сети за ожидающие разрешения на оплату.</translation>
    </message>
    <message>
        <source>the customer spent this money elsewhere first</source>
        <translation type="vanished">покупатель раньше потратил эти деньги в другом месте</translation>
    </message>
    <message>
        <source>the customer&apos;s account did not have enough</source>
        <translation type="vanished">на счёте покупателя не хватило средств</translation>
    </message>
    <message>
        <source>the token refused the transfer</source>
        <translation type="vanished">токен отклонил перевод</translation>
    </message>
    <message>
        <source>the customer cancelled the payment</source>
        <translation type="vanished">покупатель отменил платёж</translation>
    </message>
    <message>
        <source>it could not be sent in time</source>
        <translation type="vanished">его не удалось отправить вовремя</translation>
    </message>
    <message>
        <source>the network refused it</source>
        <translation type="vanished">сеть его отклонила</translation>
    </message>
    <message>
        <source>it never went through: the network held it back</source>
        <translation type="vanished">он так и не прошёл: сеть его задержала</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="285"/>
        <source>Offline payment failed: %1 from %2 for sale %3: %4. Charge the customer again, or mark it resolved if it was settled another way.</source>
        <translation>Офлайн-платёж не прошёл: %1 от %2 за продажу %3: %4. Примите оплату у покупателя заново или отметьте как решённое, если рассчитались по-другому.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="291"/>
        <source>(%1 more)</source>
        <translation>(ещё %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="330"/>
        <source>Saved %n payment(s) to %1. This till will not send them; take the file to a connected till.</source>
        <translation>
            <numerusform>Сохранён %n платёж в %1. Эта касса его не отправит; отнесите файл на кассу, подключённую к сети.</numerusform>
            <numerusform>Сохранено %n платежа в %1. Эта касса их не отправит; отнесите файл на кассу, подключённую к сети.</numerusform>
            <numerusform>Сохранено %n платежей в %1. Эта касса их не отправит; отнесите файл на кассу, подключённую к сети.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="350"/>
        <source>This till&apos;s own file: %n payment(s) will be sent from this till again.</source>
        <translation>
            <numerusform>Это файл этой же кассы: %n платёж снова отправит эта касса.</numerusform>
            <numerusform>Это файл этой же кассы: %n платежа снова отправит эта касса.</numerusform>
            <numerusform>Это файл этой же кассы: %n платежей снова отправит эта касса.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="352"/>
        <source>Loaded %n payment(s) (%1 already here); they are sent with this till&apos;s queue.</source>
        <translation>
            <numerusform>Загружен %n платёж (уже были здесь: %1); он отправится вместе с очередью этой кассы.</numerusform>
            <numerusform>Загружено %n платежа (уже были здесь: %1); они отправятся вместе с очередью этой кассы.</numerusform>
            <numerusform>Загружено %n платежей (уже были здесь: %1); они отправятся вместе с очередью этой кассы.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="373"/>
        <source>%n saved payment(s) will be sent from this till again.</source>
        <translation>
            <numerusform>%n сохранённый платёж снова отправит эта касса.</numerusform>
            <numerusform>%n сохранённых платежа снова отправит эта касса.</numerusform>
            <numerusform>%n сохранённых платежей снова отправит эта касса.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="384"/>
        <source>Payment %1 is back in line; it is sent at the next connection.</source>
        <translation>Платёж %1 снова в очереди; он уйдёт при следующем подключении.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="427"/>
        <source>Relay key created. Top it up with BNB for network fees (its account is under Details).</source>
        <translation>Ключ отправителя создан. Пополните его BNB для комиссии сети (его счёт — в разделе «Подробнее»).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="440"/>
        <source>Relay key imported and unlocked.</source>
        <translation>Ключ отправителя импортирован и разблокирован.</translation>
    </message>
    <message>
        <source>Saved %1 payments to %2. This till will not send them; take the file to a connected till.</source>
        <translation type="vanished">Сохранено платежей: %1, файл: %2. Эта касса их не отправит; отнесите файл на кассу, подключённую к сети.</translation>
    </message>
    <message>
        <source>This till&apos;s own file: %1 payments are sent from this till again.</source>
        <translation type="vanished">Это файл этой же кассы: %1 платежей снова отправляет эта касса.</translation>
    </message>
    <message>
        <source>Loaded %1 payments (%2 were already here); they are sent with this till&apos;s queue.</source>
        <translation type="vanished">Загружено платежей: %1 (уже были здесь: %2); они отправятся вместе с очередью этой кассы.</translation>
    </message>
    <message>
        <source>%1 saved payments are sent from this till again.</source>
        <translation type="vanished">Сохранённые платежи (%1) снова отправляет эта касса.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="414"/>
        <source>Relay key unlocked.</source>
        <translation>Ключ отправителя разблокирован.</translation>
    </message>
    <message>
        <source>Relay key %1 created; send it some BNB for network fees.</source>
        <translation type="vanished">Ключ отправителя %1 создан; переведите на него немного BNB для комиссии сети.</translation>
    </message>
    <message>
        <source>Relay key %1 imported and unlocked.</source>
        <translation type="vanished">Ключ отправителя %1 импортирован и разблокирован.</translation>
    </message>
</context>
<context>
    <name>PayerNameDialog</name>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="83"/>
        <source>Name this payer</source>
        <translation>Назвать плательщика</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="84"/>
        <source>Wallet %1</source>
        <translation>Кошелёк %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="86"/>
        <source>Reading the name…</source>
        <translation>Читаем имя…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="88"/>
        <source>Exchange (%1): many customers pay from this wallet, so it carries no person&apos;s name.</source>
        <translation>Биржа (%1): с этого кошелька платят многие покупатели, поэтому у него нет имени человека.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="91"/>
        <source>Shared wallet: several customers pay from it (an exchange&apos;s or a shared one), so it carries no person&apos;s name.</source>
        <translation>Общий кошелёк: с него платят разные покупатели (биржа или общий кошелёк), поэтому у него нет имени человека.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="94"/>
        <source>Now: %1</source>
        <translation>Сейчас: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="96"/>
        <source>No name yet</source>
        <translation>Имени пока нет</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="97"/>
        <source>Name, e.g. Aibek</source>
        <translation>Имя, например Айбек</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="98"/>
        <source>Leave it empty to forget the name. The name is only the shop&apos;s note, not proof of who paid.</source>
        <translation>Оставьте пустым, чтобы забыть имя. Имя — лишь заметка магазина, а не доказательство того, кто заплатил.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="100"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="101"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <source>EIP-681 (most wallets)</source>
        <translation type="vanished">EIP-681 (большинство кошельков)</translation>
    </message>
    <message>
        <source>MetaMask</source>
        <translation type="vanished">MetaMask</translation>
    </message>
    <message>
        <source>Trust Wallet</source>
        <translation type="vanished">Trust Wallet</translation>
    </message>
    <message>
        <source>Address only</source>
        <translation type="vanished">Только адрес</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="196"/>
        <source>Customer&apos;s wallet:</source>
        <translation>Кошелёк покупателя:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="197"/>
        <source>Cancel sale</source>
        <translation>Отменить продажу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="198"/>
        <source>Customer pays offline (scan)</source>
        <translation>Покупатель платит офлайн (скан)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="199"/>
        <source>New sale</source>
        <translation>Новая продажа</translation>
    </message>
    <message>
        <source>Exact amount on chain: %1</source>
        <translation type="vanished">Точная сумма в блокчейне: %1</translation>
    </message>
    <message>
        <source>Exact amount the wallet sends: %1 som</source>
        <translation type="vanished">Точная сумма, которую отправит кошелёк: %1 сом</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="278"/>
        <source>This wallet format is not available on this network; choose another.</source>
        <translation>Этот формат кошелька не работает в этой сети, выберите другой.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="290"/>
        <source>Expires in %1</source>
        <translation>Осталось %1</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="vanished">Оплачено</translation>
    </message>
    <message>
        <source>The customer paid more than asked: give the difference back.</source>
        <translation type="vanished">Покупатель заплатил больше: верните разницу.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="329"/>
        <source>Paid after the invoice expired; the money has arrived.</source>
        <translation>Оплачено после окончания срока счёта, деньги поступили.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="331"/>
        <source>Payment arrived: confirming…</source>
        <translation>Платёж пришёл: подтверждается…</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="vanished">Срок истёк</translation>
    </message>
    <message>
        <source>Start a new sale if the customer still wants to pay.</source>
        <translation type="vanished">Если покупатель ещё хочет заплатить, начните новую продажу.</translation>
    </message>
    <message>
        <source>Part was paid before expiry: collect the rest or refund it.</source>
        <translation type="vanished">До окончания срока оплачена только часть: получите остаток или верните деньги.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="200"/>
        <source>Charge again</source>
        <translation>Выставить снова</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="201"/>
        <source>Details</source>
        <translation>Подробнее</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="229"/>
        <source>Exact amount the wallet sends: %1 som. The last digits tell this sale apart from others; a wallet that rounds them away still pays in full.</source>
        <translation>Точная сумма, которую отправит кошелёк: %1 сом. Последние цифры отличают эту продажу от других; если кошелёк их округлит, оплата всё равно полная.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="319"/>
        <source>Sent for another till (sale %1 there)</source>
        <translation>Отправлено за другую кассу (там продажа %1)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="321"/>
        <source>Not this till&apos;s sale: it is not counted in this till&apos;s money.</source>
        <translation>Это продажа другой кассы: она не входит в деньги этой кассы.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="325"/>
        <source>Paid (accepted short by %1)</source>
        <translation>Оплачено (принято с недостачей %1)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="327"/>
        <source>The customer paid more than asked: give the change back.</source>
        <translation>Покупатель заплатил больше, чем нужно: верните сдачу.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="333"/>
        <source>Accepted as paid, short by %1.</source>
        <translation>Принято как оплаченное, недостача %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="336"/>
        <source>Tap &quot;Charge again&quot; if the customer still wants to pay.</source>
        <translation>Нажмите «Выставить снова», если покупатель всё ещё хочет заплатить.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="338"/>
        <source>Part was paid before it expired: charge again for the rest, or give the part back.</source>
        <translation>Часть оплачена до окончания срока: выставьте остаток снова или верните оплаченную часть.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="vanished">Отменено</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="343"/>
        <source>Accepted offline</source>
        <translation>Принято офлайн</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="344"/>
        <source>Pending network: it is sent when a connection appears. The sale is done; start a new one.</source>
        <translation>Ждёт сети: платёж отправится, когда появится связь. Продажа завершена, начните новую.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="347"/>
        <source>Waiting for payment</source>
        <translation>Ожидание оплаты</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="349"/>
        <source>Partly paid</source>
        <translation>Оплачено частично</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="350"/>
        <source>Ask the customer to scan again: the code now asks only for the rest.</source>
        <translation>Попросите покупателя отсканировать ещё раз: теперь код просит только остаток.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="352"/>
        <source>No connection: the customer can still pay from their phone without the network. Tap &quot;Customer pays offline (scan)&quot;.</source>
        <translation>Нет связи: покупатель всё равно может оплатить с телефона без сети. Нажмите «Покупатель платит офлайн (скан)».</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="356"/>
        <source>This sale was paid, but its payment has left the network: ask the customer, or charge again.</source>
        <translation>Эта продажа была оплачена, но её платёж ушёл из сети: спросите покупателя или выставьте счёт снова.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="366"/>
        <source>Accept as paid (short %1)</source>
        <translation>Принять оплату (не хватает %1)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="394"/>
        <source>Received: %1</source>
        <translation>Получено: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="397"/>
        <source>Still due: %1</source>
        <translation>Осталось оплатить: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="399"/>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="402"/>
        <source>Give back: %1</source>
        <translation>Вернуть: %1</translation>
    </message>
    <message>
        <source>The customer paid less than asked: ask them to pay the rest.</source>
        <translation type="vanished">Покупатель заплатил меньше: попросите доплатить остаток.</translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <source>Block</source>
        <translation type="vanished">Блок</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="219"/>
        <source>paid to another till with this till&apos;s number</source>
        <translation>оплата другой кассе с номером этой кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="221"/>
        <source>matches an earlier request of sale %1</source>
        <translation>совпадает с прежним запросом продажи %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="251"/>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="251"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="251"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="251"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation type="vanished">Транзакция</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="63"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="63"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="63"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="63"/>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="63"/>
        <source>Sale</source>
        <translation>Продажа</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="64"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="64"/>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="64"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="vanished">Получен</translation>
    </message>
    <message>
        <source>Waiting for network</source>
        <translation type="vanished">Ждёт сети</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="vanished">Отправлен</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="86"/>
        <source>Payment permission</source>
        <translation>Разрешение на оплату</translation>
    </message>
    <message>
        <source>In a block</source>
        <translation type="vanished">В блоке</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="vanished">Завершён</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation type="vanished">Подтверждается</translation>
    </message>
    <message>
        <source>Refused by network</source>
        <translation type="vanished">Отклонён сетью</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="vanished">Срок истёк</translation>
    </message>
    <message>
        <source>Spent elsewhere</source>
        <translation type="vanished">Потрачен в другом месте</translation>
    </message>
    <message>
        <source>No funds</source>
        <translation type="vanished">Нет средств</translation>
    </message>
    <message>
        <source>Failed on chain</source>
        <translation type="vanished">Не прошёл в блокчейне</translation>
    </message>
    <message>
        <source>Cancelled by payer</source>
        <translation type="vanished">Отменён плательщиком</translation>
    </message>
    <message>
        <source>Refused by the som token</source>
        <translation type="vanished">Отклонён токеном сом</translation>
    </message>
    <message>
        <source>Never went through</source>
        <translation type="vanished">Так и не прошёл</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="vanished">Требует внимания</translation>
    </message>
    <message>
        <source>Checked offline, waiting for the network</source>
        <translation type="vanished">Проверен офлайн, ждёт сети</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="86"/>
        <source>Signed transfer</source>
        <translation>Подписанный перевод</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation type="vanished">Авторизация</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="241"/>
        <source>Save the unsent payments for another till</source>
        <translation>Сохранить неотправленные платежи для другой кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="247"/>
        <source>Load payments from another till</source>
        <translation>Загрузить платежи с другой кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="255"/>
        <source>Another till&apos;s file</source>
        <translation>Файл другой кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="256"/>
        <source>This file comes from the till numbered

%1

Is this the number shown on that till&apos;s Offline payments screen? Accept only if it is exactly the same.</source>
        <translation>Этот файл создан на кассе с номером

%1

Этот ли номер показан на экране «Офлайн-платежи» той кассы? Принимайте, только если он совпадает полностью.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="262"/>
        <source>Nothing was loaded: the till was not accepted.</source>
        <translation>Ничего не загружено: касса не принята.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="266"/>
        <source>Take back</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="267"/>
        <source>Send the payments saved for another till from this till? Do this when the file was lost or not loaded there. A payment already sent by the other till is not paid twice.</source>
        <translation>Отправить с этой кассы платежи, сохранённые для другой кассы? Делайте так, если файл потерян или не загружен там. Платёж, который другая касса уже отправила, не будет оплачен дважды.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="275"/>
        <source>This till&apos;s number: %1</source>
        <translation>Номер этой кассы: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="278"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="302"/>
        <source>Relay key</source>
        <translation>Ключ отправителя</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="278"/>
        <source>Passphrase of the relay key:</source>
        <translation>Парольная фраза ключа отправителя:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="284"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="289"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="312"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="317"/>
        <source>New relay key</source>
        <translation>Новый ключ отправителя</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="285"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="313"/>
        <source>Choose a passphrase (at least 10 characters):</source>
        <translation>Придумайте парольную фразу (не менее 10 символов):</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="289"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="317"/>
        <source>Type the passphrase again:</source>
        <translation>Введите парольную фразу ещё раз:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="294"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="322"/>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>Парольные фразы не совпадают; ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="299"/>
        <source>Import a relay key (keystore file or private key)</source>
        <translation>Импорт ключа отправителя (файл хранилища ключей или приватный ключ)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="303"/>
        <source>Passphrase of that keystore file (leave empty for a plain key):</source>
        <translation>Парольная фраза этого файла ключа (оставьте пустой для обычного ключа):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="348"/>
        <source>Sending to the network: %n payment(s) still to finish.</source>
        <translation>
            <numerusform>Отправка в сеть: ещё не завершён %n платёж.</numerusform>
            <numerusform>Отправка в сеть: ещё не завершены %n платежа.</numerusform>
            <numerusform>Отправка в сеть: ещё не завершены %n платежей.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="351"/>
        <source>Everything accepted offline has been sent and is final or closed.</source>
        <translation>Всё, что принято офлайн, отправлено и окончательно подтверждено или закрыто.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="356"/>
        <source>No relay key: customers&apos; payment permissions wait until one is created (it pays the network fee).</source>
        <translation>Нет ключа отправителя: разрешения на оплату от покупателей ждут, пока он не будет создан (он платит комиссию сети).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="360"/>
        <source>The relay key is unlocked: payment permissions are sent.</source>
        <translation>Ключ отправителя разблокирован: разрешения на оплату отправляются.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="362"/>
        <source>The relay key is locked: unlock it to send payment permissions.</source>
        <translation>Ключ отправителя заблокирован: разблокируйте его, чтобы отправлять разрешения на оплату.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="230"/>
        <source>Relay key account (top it up with BNB for network fees): %1</source>
        <translation>Счёт ключа отправителя (пополняйте его BNB для комиссии сети): %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="222"/>
        <source>Payment %1: transaction %2, payer %3.</source>
        <translation>Платёж %1: транзакция %2, плательщик %3.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="225"/>
        <source>Last answer from the network: %1</source>
        <translation>Последний ответ сети: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="227"/>
        <source>Choose a payment in the list to see its transaction.</source>
        <translation>Выберите платёж в списке, чтобы увидеть его транзакцию.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="370"/>
        <source>Another till can send these payments: save them to a USB stick there, or load a stick from another till here.</source>
        <translation>Эти платежи может отправить другая касса: сохраните их на флешку для неё или загрузите сюда флешку с другой кассы.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="372"/>
        <source>Save to stick…</source>
        <translation>На флешку…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="373"/>
        <source>Load from stick…</source>
        <translation>С флешки…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="374"/>
        <source>Take back…</source>
        <translation>Вернуть себе…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="375"/>
        <source>Send this payment again</source>
        <translation>Отправить этот платёж снова</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="378"/>
        <source>Unlock…</source>
        <translation>Разблокировать…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="379"/>
        <source>Create key…</source>
        <translation>Создать ключ…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="380"/>
        <source>Import key…</source>
        <translation>Импорт ключа…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="381"/>
        <source>Details</source>
        <translation>Подробнее</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="401"/>
        <source>Waiting: %n payment(s), %1: %2 to send, %3 sent and confirming.</source>
        <translation>
            <numerusform>Ожидает: %n платёж, %1: к отправке %2, отправлено и подтверждается %3.</numerusform>
            <numerusform>Ожидают: %n платежа, %1: к отправке %2, отправлено и подтверждается %3.</numerusform>
            <numerusform>Ожидают: %n платежей, %1: к отправке %2, отправлено и подтверждается %3.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="405"/>
        <source>Nothing accepted offline is waiting.</source>
        <translation>Ничего из принятого офлайн не ждёт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="406"/>
        <source>Limits used: %1 of %2, %3 of %4 payments.</source>
        <translation>Использовано лимитов: %1 из %2, %3 из %4 платежей.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="411"/>
        <source>Failed: %n payment(s).</source>
        <translation>
            <numerusform>Не прошёл: %n платёж.</numerusform>
            <numerusform>Не прошли: %n платежа.</numerusform>
            <numerusform>Не прошли: %n платежей.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="424"/>
        <source>Everything is sent; the network is confirming it.</source>
        <translation>Всё отправлено; сеть подтверждает платежи.</translation>
    </message>
    <message>
        <source>No relay key: customer authorizations wait until one is created (it pays the network fee with BNB).</source>
        <translation type="vanished">Нет ключа отправителя: авторизации покупателей ждут, пока его не создадут (он платит комиссию сети в BNB).</translation>
    </message>
    <message>
        <source>Relay key %1 is unlocked: authorizations are sent.</source>
        <translation type="vanished">Ключ отправителя %1 разблокирован: авторизации отправляются.</translation>
    </message>
    <message>
        <source>Relay key %1 is locked: unlock it to send authorizations.</source>
        <translation type="vanished">Ключ отправителя %1 заблокирован: разблокируйте его, чтобы отправлять авторизации.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="369"/>
        <source>Offline payments</source>
        <translation>Офлайн-платежи</translation>
    </message>
    <message>
        <source>Save for another till…</source>
        <translation type="vanished">Сохранить для другой кассы…</translation>
    </message>
    <message>
        <source>Load from another till…</source>
        <translation type="vanished">Загрузить с другой кассы…</translation>
    </message>
    <message>
        <source>Take back saved payments…</source>
        <translation type="vanished">Вернуть сохранённые платежи…</translation>
    </message>
    <message>
        <source>Unlock relay key…</source>
        <translation type="vanished">Разблокировать ключ отправителя…</translation>
    </message>
    <message>
        <source>Create relay key…</source>
        <translation type="vanished">Создать ключ отправителя…</translation>
    </message>
    <message>
        <source>Import relay key…</source>
        <translation type="vanished">Импортировать ключ отправителя…</translation>
    </message>
    <message>
        <source>Waiting: %1 payments, %2. Limits used: %3 of %4, %5 of %6 payments. Failed: %7.</source>
        <translation type="vanished">Ждут отправки: %1 шт. на сумму %2. Использовано лимитов: сумма %3 из %4, платежей %5 из %6. Не прошли: %7.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="425"/>
        <source>Nothing waits to be sent.</source>
        <translation>Ничего не ждёт отправки.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="430"/>
        <source>The sending deadline has passed: connect to the network now. New offline payments are refused.</source>
        <translation>Срок отправки прошёл: подключитесь к сети прямо сейчас. Новые офлайн-платежи не принимаются.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="435"/>
        <source>Send within %1 h %2 min (connect to the network before then).</source>
        <translation>Отправьте в течение %1 ч %2 мин (до этого подключитесь к сети).</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="61"/>
        <source>New sale: type the amount in som</source>
        <translation>Новая продажа: введите сумму в сомах</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="62"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="63"/>
        <source>Charge</source>
        <translation>Принять оплату</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="81"/>
        <source>Som have at most 2 decimals (tyiyn).</source>
        <translation>После запятой не больше 2 цифр (тыйыны).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="107"/>
        <source>Type an amount first.</source>
        <translation>Сначала введите сумму.</translation>
    </message>
</context>
<context>
    <name>SalesController</name>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_controller.py" line="108"/>
        <source>Sale %1 is cancelled.</source>
        <translation>Продажа %1 отменена.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_controller.py" line="120"/>
        <source>Added: sale %1 is up to date.</source>
        <translation>Добавлено: продажа %1 обновлена.</translation>
    </message>
    <message>
        <source>Assigned: invoice %1 is now up to date.</source>
        <translation type="vanished">Привязано: счёт %1 обновлён.</translation>
    </message>
</context>
<context>
    <name>SalesList</name>
    <message>
        <source>Invoice %1</source>
        <translation type="vanished">Счёт %1</translation>
    </message>
    <message>
        <source>Payment %1 from %2: %3</source>
        <translation type="vanished">Платёж %1 от %2: %3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="165"/>
        <source>Sale %1</source>
        <translation>Продажа %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="167"/>
        <source>Received: %1</source>
        <translation>Получено: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="179"/>
        <source>%1 from %2 at %3</source>
        <translation>%1 от %2 в %3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="182"/>
        <source>(dropped, not counted)</source>
        <translation>(отменён сетью, не учтён)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="185"/>
        <source>receipt online</source>
        <translation>чек в интернете</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="172"/>
        <source>Another till&apos;s sale: this till only sent its customer&apos;s payment to the network. It is not counted in this till&apos;s money.</source>
        <translation>Продажа другой кассы: эта касса только отправила в сеть платёж её покупателя. В деньги этой кассы она не входит.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="210"/>
        <source>Cancel sale %1? A payment that arrives later is kept for you to give back.</source>
        <translation>Отменить продажу %1? Оплата, которая придёт позже, сохранится, чтобы вы могли её вернуть.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="213"/>
        <source>%1 has been received on it: give it back.</source>
        <translation>По ней уже получено %1: верните эти деньги.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="217"/>
        <source>Cancel the sale</source>
        <translation>Отменить продажу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="218"/>
        <source>Keep the sale</source>
        <translation>Оставить продажу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="225"/>
        <source>Select the payment and the sale it pays.</source>
        <translation>Выберите платёж и продажу, которую он оплачивает.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="239"/>
        <source>Add to sale %1</source>
        <translation>Добавить к продаже %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="249"/>
        <source>%n sale(s) paid, %1 taken</source>
        <translation>
            <numerusform>Оплачена %n продажа, получено %1</numerusform>
            <numerusform>Оплачены %n продажи, получено %1</numerusform>
            <numerusform>Оплачено %n продаж, получено %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="257"/>
        <source>Payments that matched no sale</source>
        <translation>Платежи, не подошедшие ни к одной продаже</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="258"/>
        <source>Add to the selected sale</source>
        <translation>Добавить к выбранной продаже</translation>
    </message>
    <message>
        <source>Select an unmatched payment and the invoice it pays.</source>
        <translation type="vanished">Выберите нераспознанный платёж и счёт, который он оплачивает.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="253"/>
        <source>Today&apos;s sales</source>
        <translation>Продажи за сегодня</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="256"/>
        <source>Search: amount, state, payer, transaction…</source>
        <translation>Поиск: сумма, статус, плательщик, транзакция…</translation>
    </message>
    <message>
        <source>Unmatched payments (no invoice found)</source>
        <translation type="vanished">Нераспознанные платежи (счёт не найден)</translation>
    </message>
    <message>
        <source>Assign to selected invoice</source>
        <translation type="vanished">Привязать к выбранному счёту</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="259"/>
        <source>Open for payment</source>
        <translation>Открыть для оплаты</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="260"/>
        <source>Cancel sale</source>
        <translation>Отменить продажу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="261"/>
        <source>Name this payer</source>
        <translation>Назвать плательщика</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="35"/>
        <source>Most wallets (standard payment link)</source>
        <translation>Большинство кошельков (обычная ссылка на оплату)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="36"/>
        <source>MetaMask</source>
        <translation>MetaMask</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="37"/>
        <source>Trust Wallet</source>
        <translation>Trust Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="38"/>
        <source>Address only</source>
        <translation>Только адрес</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="141"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="142"/>
        <source>Shop address (receives payments)</source>
        <translation>Адрес кошелька магазина (сюда приходят оплаты)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="142"/>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="143"/>
        <source>Som token contract</source>
        <translation>Контракт токена сом</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="143"/>
        <source>Invoice expiry, minutes</source>
        <translation>Срок действия счёта, минут</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="144"/>
        <source>This till (several tills in one shop)</source>
        <translation>Эта касса (если в магазине несколько касс)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="145"/>
        <source>Accept a payment short by up to (som)</source>
        <translation>Принимать оплату с недостачей до (сом)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="146"/>
        <source>Default QR format</source>
        <translation>Формат QR по умолчанию</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="146"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="148"/>
        <source>of</source>
        <translation>из</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="151"/>
        <source>Profile file…</source>
        <translation>Файл профиля…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="152"/>
        <source>Save settings</source>
        <translation>Сохранить настройки</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="153"/>
        <source>Relay key (pays the network fee for payment permissions)…</source>
        <translation>Ключ отправителя (платит комиссию сети за разрешения на оплату)…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="160"/>
        <source>0 = never</source>
        <translation>0 = никогда</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="161"/>
        <source>A customer paying from an exchange may arrive short by the exchange&apos;s fee. Up to this much the cashier may accept the sale as paid; 0 turns it off.</source>
        <translation>Оплата покупателя с биржи может прийти меньше на комиссию биржи. В пределах этой суммы кассир может принять продажу как оплаченную; 0 отключает это.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="194"/>
        <source>Offline payments: signed transfers only (payment permissions are checked at the first connection)</source>
        <translation>Офлайн-платежи: только подписанные переводы (разрешения на оплату проверяются при первом подключении)</translation>
    </message>
    <message>
        <source>Relay key (pays fees for offline authorizations)…</source>
        <translation type="vanished">Ключ отправителя (платит комиссию за офлайн-авторизации)…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="159"/>
        <source>0x… (leave empty to keep the network&apos;s token)</source>
        <translation>0x… (если пусто, используется токен сети)</translation>
    </message>
    <message>
        <source>Offline payments: signed transfers only (authorizations are checked at the first connection)</source>
        <translation type="vanished">Офлайн-платежи: только подписанные переводы (авторизации проверяются при первом подключении)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="197"/>
        <source>Offline payments: none, the token is paused by its issuer</source>
        <translation>Офлайн-платежи: никакие, эмитент приостановил токен</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="199"/>
        <source>Offline payments: signed transfers and authorizations</source>
        <translation>Офлайн-платежи: подписанные переводы и авторизации</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="201"/>
        <source>Offline payments: signed transfers only</source>
        <translation>Офлайн-платежи: только подписанные переводы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="204"/>
        <source>Network profile</source>
        <translation>Профиль сети</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="225"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="238"/>
        <source>Nothing was saved: correct the fields in red.</source>
        <translation>Ничего не сохранено: исправьте поля, выделенные красным.</translation>
    </message>
</context>
<context>
    <name>TwinBarController</name>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="111"/>
        <source>Each till has its own number now</source>
        <translation>Теперь у каждой кассы свой номер</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="115"/>
        <source>Another till uses this till&apos;s number: payments are not matched to sales automatically until each till has its own number. Settings → This till.</source>
        <translation>Другая касса использует номер этой кассы: платежи не привязываются к продажам автоматически, пока у каждой кассы не будет своего номера. Настройки → Эта касса.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="118"/>
        <source>This till is set as till %1 of %2.</source>
        <translation>Эта касса настроена как касса %1 из %2.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="136"/>
        <source>Match payments to sales automatically again? Do this only after every till of the shop was given its own number under Settings (for example 1 of 2 and 2 of 2).</source>
        <translation>Снова привязывать платежи к продажам автоматически? Делайте это, только когда каждой кассе магазина дан свой номер в Настройках (например, 1 из 2 и 2 из 2).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="141"/>
        <source>Yes, each till has its own number</source>
        <translation>Да, у каждой кассы свой номер</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="142"/>
        <source>Not yet</source>
        <translation>Ещё нет</translation>
    </message>
</context>
<context>
    <name>UnmatchedAlertController</name>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="193"/>
        <source>Add to the sale on screen</source>
        <translation>Добавить к продаже на экране</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="194"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="200"/>
        <source>It was paid to another till that uses this till&apos;s number.</source>
        <translation>Он оплачен другой кассе, которая использует номер этой кассы.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="202"/>
        <source>It matches an earlier request of sale %1.</source>
        <translation>Он совпадает с прежним запросом продажи %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="209"/>
        <source>A payment from %1 matched no sale</source>
        <translation>Платёж от %1 не подошёл ни к одной продаже</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="210"/>
        <source>A payment of %1 from %2 matched no sale</source>
        <translation>Платёж %1 от %2 не подошёл ни к одной продаже</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="212"/>
        <source>%n payments matched no sale.</source>
        <translation>
            <numerusform>%n платёж не подошёл ни к одной продаже.</numerusform>
            <numerusform>%n платежа не подошли ни к одной продаже.</numerusform>
            <numerusform>%n платежей не подошли ни к одной продаже.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="214"/>
        <source>The last one is from %1.</source>
        <translation>Последний — от %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="216"/>
        <source>The last one: %1 from %2.</source>
        <translation>Последний: %1 от %2.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="225"/>
        <source>Sale %1 was paid, but its payment has left the network: ask the customer, or charge again.</source>
        <translation>Продажа %1 была оплачена, но её платёж ушёл из сети: спросите покупателя или выставьте счёт снова.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="228"/>
        <source>%n paid sale(s) lost their payment from the network: ask the customers, or charge again. The last one is sale %1.</source>
        <translation>
            <numerusform>%n оплаченная продажа потеряла платёж в сети: спросите покупателей или выставьте счёт снова. Последняя — продажа %1.</numerusform>
            <numerusform>%n оплаченные продажи потеряли платёж в сети: спросите покупателей или выставьте счёт снова. Последняя — продажа %1.</numerusform>
            <numerusform>%n оплаченных продаж потеряли платёж в сети: спросите покупателей или выставьте счёт снова. Последняя — продажа %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="253"/>
        <source>Add to sale %1</source>
        <translation>Добавить к продаже %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="260"/>
        <source>Open sale %1</source>
        <translation>Открыть продажу %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="273"/>
        <source>Sale %1</source>
        <translation>Продажа %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="274"/>
        <source>Open the sale this payment belongs to first</source>
        <translation>Сначала откройте продажу, к которой относится этот платёж</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../pos_app/core/messages.py" line="58"/>
        <source>Enter the amount as a number, for example 150 or 150,50.</source>
        <translation>Введите сумму числом, например 150 или 150,50.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="59"/>
        <source>Enter an amount.</source>
        <translation>Введите сумму.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="60"/>
        <source>That amount is too long to be real.</source>
        <translation>Слишком длинное число для суммы.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="61"/>
        <source>The amount cannot be negative.</source>
        <translation>Сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="62"/>
        <source>Write the amount as digits with one decimal separator, for example 1250,50.</source>
        <translation>Запишите сумму цифрами с одним десятичным разделителем, например 1250,50.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="63"/>
        <source>Use only one decimal separator: 1250,50 or 1250.50.</source>
        <translation>Используйте только один десятичный разделитель: 1250,50 или 1250.50.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="64"/>
        <source>Write the amount as digits, for example 150 or 150,50.</source>
        <translation>Запишите сумму цифрами, например 150 или 150,50.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="65"/>
        <source>Som have at most 2 decimals (tyiyn): write 150,50, not 150,505.</source>
        <translation>После запятой не больше 2 цифр (тыйыны): пишите 150,50, а не 150,505.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="66"/>
        <source>The amount must be more than zero.</source>
        <translation>Сумма должна быть больше нуля.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="67"/>
        <source>The amount is too large (the maximum is {maximum:,} som).</source>
        <translation>Сумма слишком большая (максимум {maximum} сом).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="68"/>
        <source>The token reports {decimals} decimals, which this app cannot use.</source>
        <translation>Токен сообщает, что у него {decimals} знаков после запятой: с таким токеном программа работать не может.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="69"/>
        <source>This token has {decimals} decimals and cannot carry tyiyn: round the amount.</source>
        <translation>У этого токена {decimals} знаков после запятой, тыйыны им не передать: округлите сумму.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="70"/>
        <source>Negative on-chain amount.</source>
        <translation>Отрицательная сумма в блокчейне.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="71"/>
        <source>&apos;{amount}&apos; is not a token amount.</source>
        <translation>«{amount}» — это не сумма в токенах.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="72"/>
        <source>&apos;{amount}&apos; has more decimals than the token ({decimals}).</source>
        <translation>В «{amount}» больше знаков после запятой, чем у токена ({decimals}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="74"/>
        <source>Nothing was saved: correct the settings that were refused.</source>
        <translation>Ничего не сохранено: исправьте отклонённые настройки.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="75"/>
        <source>Invoice expiry must be a whole number of minutes.</source>
        <translation>Срок действия счёта должен быть целым числом минут.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="76"/>
        <source>Invoice expiry must be between 1 minute and 7 days.</source>
        <translation>Срок действия счёта должен быть от 1 минуты до 7 дней.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="77"/>
        <source>QR format must be one of {choices}.</source>
        <translation>Формат QR должен быть одним из: {choices}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="78"/>
        <source>Language must be one of {choices}.</source>
        <translation>Язык должен быть одним из: {choices}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="81"/>
        <source>No merchant address is set; set it with: sompos config merchant 0x...</source>
        <translation>Адрес магазина не задан; задайте его командой: sompos config merchant 0x...</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="83"/>
        <source>The network &apos;{network}&apos; has no som token contract set; set it with: sompos config token 0x... (check the address with the issuer).</source>
        <translation>Для сети «{network}» не задан контракт токена сом; задайте его командой: sompos config token 0x... (адрес уточните у эмитента).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="84"/>
        <source>Each {what} must be text such as https://rpc.example.org.</source>
        <translation>Укажите {what} текстом вида https://rpc.example.org.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="85"/>
        <source>&apos;{url}&apos; is not an http(s) {what}.</source>
        <translation>«{url}» не подходит как {what}: нужен адрес http(s).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="86"/>
        <source>The {what} is not a valid 0x address (0x and 40 hex digits).</source>
        <translation>Неверно указан {what}: нужны 0x и 40 шестнадцатеричных цифр.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="87"/>
        <source>The {what} has a wrong checksum (a typo?); copy it again.</source>
        <translation>Неверная контрольная сумма ({what}), возможно, опечатка: скопируйте адрес ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="88"/>
        <source>The {what} cannot be the zero address.</source>
        <translation>Нулевой адрес использовать нельзя ({what}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="89"/>
        <source>{setting} must be true or false.</source>
        <translation>{setting} должно быть true или false.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="90"/>
        <source>The {source} is not a table of settings.</source>
        <translation>Это не таблица настроек: {source}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="91"/>
        <source>The {source} has unknown setting(s): {settings}.</source>
        <translation>Неизвестные настройки ({source}): {settings}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="92"/>
        <source>The {source} needs a short &apos;name&apos;.</source>
        <translation>Нужно короткое имя &apos;name&apos; ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="93"/>
        <source>The {source} needs a positive whole &apos;chain_id&apos; (56 for BSC).</source>
        <translation>Нужен &apos;chain_id&apos;: целое положительное число, для BSC это 56 ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="94"/>
        <source>The {source} needs &apos;rpc_urls&apos;: a list of at least one URL.</source>
        <translation>Нужен &apos;rpc_urls&apos;: список хотя бы из одного адреса ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="95"/>
        <source>&apos;finality&apos; in the {source} must be a table.</source>
        <translation>&apos;finality&apos; должен быть таблицей ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="96"/>
        <source>[finality] in the {source} has unknown setting(s): {settings}.</source>
        <translation>Неизвестные настройки в [finality] ({source}): {settings}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="97"/>
        <source>finality.rule must be &apos;finalized&apos; or &apos;confirmations&apos;.</source>
        <translation>finality.rule должно быть &apos;finalized&apos; или &apos;confirmations&apos;.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="98"/>
        <source>finality.confirmations must be a whole number from 0 to 10000.</source>
        <translation>finality.confirmations должно быть целым числом от 0 до 10000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="99"/>
        <source>finality.confirmations must be at least 1.</source>
        <translation>finality.confirmations должно быть не меньше 1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="100"/>
        <source>&apos;logs&apos; in the {source} must be a table.</source>
        <translation>&apos;logs&apos; должен быть таблицей ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="101"/>
        <source>[logs] in the {source} has unknown setting(s): {settings}.</source>
        <translation>Неизвестные настройки в [logs] ({source}): {settings}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="102"/>
        <source>logs.max_range must be a whole number from 1 to 100000.</source>
        <translation>logs.max_range должно быть целым числом от 1 до 100000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="103"/>
        <source>logs.poll_seconds must be between 0.05 and 3600.</source>
        <translation>logs.poll_seconds должно быть от 0.05 до 3600.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="104"/>
        <source>trust_coin must be Trust Wallet&apos;s whole-number coin id (BSC: 20000714).</source>
        <translation>trust_coin должен быть целым номером монеты в Trust Wallet (для BSC: 20000714).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="105"/>
        <source>&apos;exchange_wallets&apos; in the {source} must be a list of tables, each with an &apos;address&apos; and a &apos;label&apos;.</source>
        <translation>&apos;exchange_wallets&apos; ({source}) должен быть списком таблиц, в каждой — &apos;address&apos; и &apos;label&apos;.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="106"/>
        <source>Each exchange wallet in the {source} needs a &apos;label&apos; of 1 to {maximum} characters (the exchange&apos;s name).</source>
        <translation>У каждого кошелька биржи ({source}) должен быть &apos;label&apos; от 1 до {maximum} символов (название биржи).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="107"/>
        <source>The exchange wallet {address} is listed twice in the {source}.</source>
        <translation>Кошелёк биржи {address} указан дважды ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="108"/>
        <source>Cannot read the network profile file {file}.</source>
        <translation>Не удаётся прочитать файл профиля сети {file}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="109"/>
        <source>{file} is too large to be a network profile.</source>
        <translation>Файл {file} слишком большой для профиля сети.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="110"/>
        <source>{file} is nested too deeply to be a network profile.</source>
        <translation>{file} слишком глубоко вложен, это не профиль сети.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="111"/>
        <source>{file} is not a valid TOML network profile: {problem}.</source>
        <translation>Файл {file} — не правильный профиль сети в формате TOML: {problem}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="112"/>
        <source>Unknown network &apos;{network}&apos;. Use one of {choices} or a .toml profile file.</source>
        <translation>Неизвестная сеть «{network}». Выберите одну из этих: {choices}, или файл профиля .toml.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="114"/>
        <source>Unknown QR format &apos;{format}&apos;; choose one of {choices}.</source>
        <translation>Неизвестный формат QR «{format}»; выберите один из: {choices}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="115"/>
        <source>A payment request needs an amount.</source>
        <translation>В запросе на оплату нужна сумма.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="116"/>
        <source>Trust Wallet links are not available on this network; choose EIP-681 or address.</source>
        <translation>Ссылки Trust Wallet в этой сети не работают; выберите EIP-681 или адрес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="117"/>
        <source>The payment link has no single &apos;{key}&apos;.</source>
        <translation>В платёжной ссылке параметр &apos;{key}&apos; отсутствует или повторяется.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="118"/>
        <source>The payment link&apos;s parameters are malformed.</source>
        <translation>Параметры платёжной ссылки повреждены.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="119"/>
        <source>That code is too long to be a payment request.</source>
        <translation>Этот код слишком длинный для запроса на оплату.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="120"/>
        <source>The payment link&apos;s amount is not a whole number of base units.</source>
        <translation>Сумма в платёжной ссылке — не целое число базовых единиц.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="121"/>
        <source>The payment link&apos;s address is not valid.</source>
        <translation>Адрес в платёжной ссылке неверный.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="122"/>
        <source>The Trust Wallet link names no token.</source>
        <translation>В ссылке Trust Wallet не указан токен.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="123"/>
        <source>This is not a payment request this app understands.</source>
        <translation>Программа не понимает этот запрос на оплату.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="124"/>
        <source>Cannot write the QR picture to {path}.</source>
        <translation>Не удаётся сохранить картинку QR: {path}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="126"/>
        <source>An invoice that is {current} cannot become {target}.</source>
        <translation>Счёт в состоянии «{current}» нельзя перевести в состояние «{target}».</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="128"/>
        <source>The till number must be between 1 and the number of tills ({maximum} at most).</source>
        <translation>Номер кассы должен быть от 1 до числа касс (не больше {maximum}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="129"/>
        <source>This token has no room below one tyiyn to tell tills apart: give each till its own shop address, or use one till.</source>
        <translation>У этого токена нет долей меньше тыйына, чтобы различать кассы: дайте каждой кассе свой адрес магазина или работайте с одной кассой.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="130"/>
        <source>Write the till as number/count, for example 2/3 for till 2 of 3.</source>
        <translation>Укажите кассу как номер/количество, например 2/3 для кассы 2 из 3.</translation>
    </message>
    <message>
        <source>Finish or cancel the open sales before changing the till number.</source>
        <translation type="vanished">Завершите или отмените открытые продажи, прежде чем менять номер кассы.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="133"/>
        <source>Too many open invoices for this same amount; wait for some to finish or expire.</source>
        <translation>Слишком много открытых счетов на ту же сумму; подождите, пока часть из них оплатят или их срок истечёт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="134"/>
        <source>The note is too long (200 characters at most).</source>
        <translation>Заметка слишком длинная (не больше 200 символов).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="135"/>
        <source>There is no invoice number {invoice}.</source>
        <translation>Счёта с номером {invoice} нет.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="136"/>
        <source>There is no payment number {payment}.</source>
        <translation>Платежа с номером {payment} нет.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="137"/>
        <source>Payment {payment} already belongs to invoice {invoice}.</source>
        <translation>Платёж {payment} уже привязан к счёту {invoice}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="138"/>
        <source>That payment was dropped from the chain and cannot be assigned.</source>
        <translation>Этот платёж выпал из блокчейна, его нельзя привязать к счёту.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="139"/>
        <source>That payment was made on another network, token or address than the invoice.</source>
        <translation>Этот платёж сделан в другой сети, другим токеном или на другой адрес, чем указано в счёте.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="140"/>
        <source>A cashier can only mark an invoice settled or invalid.</source>
        <translation>Кассир может отметить счёт только как оплаченный или недействительный.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="142"/>
        <source>Cannot open the shop database at {path}.</source>
        <translation>Не удаётся открыть базу данных магазина: {path}.</translation>
    </message>
    <message>
        <source>The shop database cannot be configured.</source>
        <translation type="vanished">Не удаётся настроить базу данных магазина.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="143"/>
        <source>The shop database cannot be made crash-safe here (WAL + synchronous=FULL); put the data folder on a local disk.</source>
        <translation>Здесь базу данных магазина нельзя защитить от сбоев (WAL + synchronous=FULL); перенесите папку с данными на локальный диск.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="144"/>
        <source>The shop database is damaged and cannot be read; restore a backup.</source>
        <translation>База данных магазина повреждена и не читается; восстановите резервную копию.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="146"/>
        <source>The shop database {path} cannot be read (no permission, or a disk error).</source>
        <translation>Базу данных магазина {path} не удаётся прочитать (нет прав или ошибка диска).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="147"/>
        <source>The shop database {path} is empty: it was cut short or replaced. Restore it from a backup, or start a new shop on purpose with: sompos --new-shop.</source>
        <translation>База данных магазина {path} пуста: её обрезали или подменили. Восстановите её из резервной копии или осознанно начните новый магазин командой: sompos --new-shop.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="148"/>
        <source>The file {path} is not a Som POS database (it is not a database at all); restore the shop database from a backup.</source>
        <translation>Файл {path} — не база данных Som POS (и вообще не база данных); восстановите базу магазина из резервной копии.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="149"/>
        <source>The disk holding the shop database is full; free some space, then start again.</source>
        <translation>Диск с базой данных магазина заполнен; освободите место и запустите снова.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="152"/>
        <source>The shop database {path} cannot be written (read-only folder or no permission).</source>
        <translation>В базу данных магазина {path} нельзя записать (папка только для чтения или нет прав).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="153"/>
        <source>The file {path} is another program&apos;s database, not a Som POS shop; choose the shop&apos;s data folder.</source>
        <translation>Файл {path} — база данных другой программы, а не магазина Som POS; выберите папку данных магазина.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="154"/>
        <source>The shop database is damaged (its version mark makes no sense); restore a backup.</source>
        <translation>База данных магазина повреждена (отметка версии бессмысленна); восстановите резервную копию.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="155"/>
        <source>The shop database is damaged; restore a backup before taking payments.</source>
        <translation>База данных магазина повреждена; восстановите резервную копию, прежде чем принимать оплату.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="156"/>
        <source>This shop database was written by a newer Som POS; update the app.</source>
        <translation>Эта база данных записана более новой версией Som POS; обновите программу.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="157"/>
        <source>The shop database could not be upgraded for this version of Som POS.</source>
        <translation>Не удалось обновить базу данных магазина для этой версии Som POS.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="158"/>
        <source>The shop database is busy or read-only.</source>
        <translation>База данных магазина занята или доступна только для чтения.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="159"/>
        <source>Saving to the shop database failed.</source>
        <translation>Не удалось сохранить данные в базе магазина.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="161"/>
        <source>The token contract refused the {what}: {reason}</source>
        <translation>Контракт токена отклонил операцию «{what}»: {reason}</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="162"/>
        <source>The token contract refused the {what}.</source>
        <translation>Контракт токена отклонил операцию «{what}».</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="163"/>
        <source>The private key is not valid.</source>
        <translation>Закрытый ключ неверный.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="164"/>
        <source>Token decimals must be a whole number from 0 to 255.</source>
        <translation>Число знаков после запятой у токена должно быть целым, от 0 до 255.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="165"/>
        <source>The token {field} must not be empty.</source>
        <translation>Поле токена «{field}» не должно быть пустым.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="166"/>
        <source>The token deployment did not create a contract.</source>
        <translation>Развёртывание токена не создало контракт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="167"/>
        <source>&apos;{address}&apos; is not a valid token contract address.</source>
        <translation>«{address}» — неверный адрес контракта токена.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="168"/>
        <source>The demo network only runs inside `sompos demo`.</source>
        <translation>Демо-сеть работает только внутри `sompos demo`.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="169"/>
        <source>The node {node} is on chain {chain}, not {expected} ({network}); it will not be used.</source>
        <translation>Узел {node} работает в сети {chain}, а не {expected} ({network}); он не будет использоваться.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="170"/>
        <source>The node refused to {what}: {message}</source>
        <translation>Узел отказался {what}: {message}</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="239"/>
        <source>Cannot read standard input.</source>
        <translation>Не удаётся прочитать стандартный ввод.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="241"/>
        <source>There is no file {file}.</source>
        <translation>Файла {file} нет.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="242"/>
        <source>This app is not allowed to read {file}.</source>
        <translation>У программы нет права читать {file}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="243"/>
        <source>{file} is a folder, not a file.</source>
        <translation>{file} — это папка, а не файл.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="244"/>
        <source>Cannot read the file {file}.</source>
        <translation>Не удаётся прочитать файл {file}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="245"/>
        <source>{file} is not an ordinary file (a device or a pipe); save it to a file first.</source>
        <translation>{file} — не обычный файл (устройство или канал); сначала сохраните его в файл.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="246"/>
        <source>{file} is too large to be a {what}.</source>
        <translation>{file} слишком велик, чтобы быть {what}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="247"/>
        <source>{file} is not a text file.</source>
        <translation>{file} — не текстовый файл.</translation>
    </message>
    <message>
        <source>The node gave an unexpected answer to {what}.</source>
        <translation type="vanished">Узел дал неожиданный ответ на запрос «{what}».</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="171"/>
        <source>No blockchain node answered (tried {tried}); payments will be checked when the connection returns.</source>
        <translation>Ни один узел блокчейна не ответил (опрошено: {tried}); платежи будут проверены, когда связь восстановится.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="173"/>
        <source>The node sent an answer that makes no sense ({what}); it is not used for now and payments will be checked with another node.</source>
        <translation>Узел сети прислал бессмысленный ответ ({what}); пока он не используется, платежи будут проверяться через другой узел.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="174"/>
        <source>No blockchain node was asked: the time allowed has run out.</source>
        <translation>Ни к одному узлу сети не обратились: отведённое время истекло.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="175"/>
        <source>Unexpected error while checking payments ({kind}); see the log.</source>
        <translation>Непредвиденная ошибка при проверке платежей ({kind}); подробности в журнале.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="176"/>
        <source>The token contract returned an unusable {what}.</source>
        <translation>Контракт токена вернул непригодное значение: {what}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="177"/>
        <source>There is no contract at {address} on {network}; check the token address.</source>
        <translation>В сети {network} по адресу {address} нет контракта; проверьте адрес токена.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="178"/>
        <source>The token contract does not answer like an ERC-20 token.</source>
        <translation>Контракт токена отвечает не как токен ERC-20.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="179"/>
        <source>The token&apos;s decimals changed from {old} to {new}; stop and check the network profile.</source>
        <translation>Число знаков после запятой у токена изменилось с {old} на {new}; остановите работу и проверьте профиль сети.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="180"/>
        <source>The node refuses to give blocks and receipts.</source>
        <translation>Узел отказывается выдавать блоки и квитанции транзакций.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="182"/>
        <source>The demo network needs the demo extra: pip install &apos;sompos[demo]&apos;.</source>
        <translation>Для демо-сети нужен дополнительный пакет demo: pip install &apos;sompos[demo]&apos;.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="183"/>
        <source>The demo token did not deploy at its fixed address.</source>
        <translation>Демо-токен оказался не по своему постоянному адресу.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="184"/>
        <source>There is no demo customer called {customer}.</source>
        <translation>Демо-покупателя с именем {customer} нет.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="186"/>
        <source>An offline payment that is {current} cannot become {target}.</source>
        <translation>Офлайн-платёж в состоянии «{current}» нельзя перевести в состояние «{target}».</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="188"/>
        <source>This is not a payment this app can read.</source>
        <translation>Программа не может прочитать это как платёж.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="189"/>
        <source>The scanned transaction is cut short or damaged; scan it again.</source>
        <translation>Отсканированная транзакция обрезана или повреждена; отсканируйте её ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="190"/>
        <source>This is far too long to be a payment.</source>
        <translation>Это слишком длинно для платежа.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="191"/>
        <source>Nothing was scanned.</source>
        <translation>Ничего не отсканировано.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="192"/>
        <source>The scanned transaction is empty or cut short; scan it again.</source>
        <translation>Отсканированная транзакция пустая или обрезана; отсканируйте её ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="193"/>
        <source>The payment&apos;s signature is not valid.</source>
        <translation>Подпись платежа неверна.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="194"/>
        <source>The payment&apos;s signature is in a form the network refuses (high s); ask the customer to sign again with an up-to-date wallet.</source>
        <translation>Подпись платежа в форме, которую сеть не принимает (high s); попросите покупателя подписать ещё раз в обновлённом кошельке.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="195"/>
        <source>This transaction creates a contract; it is not a payment.</source>
        <translation>Эта транзакция создаёт контракт; это не платёж.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="196"/>
        <source>This transaction also sends coins to the token contract; it is not a plain token payment.</source>
        <translation>Эта транзакция ещё и отправляет монеты на контракт токена; это не обычный платёж токенами.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="197"/>
        <source>The scanned transaction is not encoded the standard way.</source>
        <translation>Отсканированная транзакция закодирована нестандартно.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="198"/>
        <source>The payment was signed without a network id (pre-EIP-155); it could be replayed on another network, so it is refused.</source>
        <translation>Платёж подписан без номера сети (до EIP-155); его можно повторить в другой сети, поэтому он отклонён.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="199"/>
        <source>The scanned transaction has extra bytes at the end; it was changed or scanned badly.</source>
        <translation>В конце отсканированной транзакции лишние байты: её изменили или плохо отсканировали.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="200"/>
        <source>This transaction does something other than a token transfer.</source>
        <translation>Эта транзакция делает что-то другое, а не перевод токенов.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="201"/>
        <source>The transfer&apos;s details are the wrong length; it was changed or cut short.</source>
        <translation>Данные перевода неправильной длины: его изменили или обрезали.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="202"/>
        <source>The transfer&apos;s details are not encoded the standard way.</source>
        <translation>Данные перевода закодированы нестандартно.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="203"/>
        <source>The authorization is malformed: {field}.</source>
        <translation>Авторизация составлена неверно: {field}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="204"/>
        <source>The scanned transaction is not valid hex (0x and pairs of 0-9, a-f).</source>
        <translation>Отсканированная транзакция — не правильный hex (0x и пары символов 0-9, a-f).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="205"/>
        <source>The scanned transaction has missing or extra parts; scan it again.</source>
        <translation>В отсканированной транзакции не хватает частей или есть лишние; отсканируйте её ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="206"/>
        <source>The authorization is not valid JSON; scan it again.</source>
        <translation>Авторизация — не правильный JSON; отсканируйте её ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="207"/>
        <source>The {field} address in the authorization has a wrong checksum.</source>
        <translation>У адреса {field} в авторизации неверная контрольная сумма.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="208"/>
        <source>This transaction type ({type}) is not accepted for payments.</source>
        <translation>Этот тип транзакции ({type}) не принимается для оплаты.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="210"/>
        <source>This payment was already accepted (offline payment {item}, invoice {invoice}).</source>
        <translation>Этот платёж уже принят (офлайн-платёж {item}, счёт {invoice}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="211"/>
        <source>Invoice {invoice} is no longer waiting for payment.</source>
        <translation>Счёт {invoice} уже не ждёт оплаты.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="212"/>
        <source>Invoice {invoice} was made for another network or shop address.</source>
        <translation>Счёт {invoice} выставлен для другой сети или другого адреса магазина.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="213"/>
        <source>There is no offline payment number {item}.</source>
        <translation>Офлайн-платежа с номером {item} нет.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="214"/>
        <source>This customer already gave a payment with the same transaction number; only one of them can ever arrive.</source>
        <translation>Этот покупатель уже передал платёж с тем же номером транзакции; дойти может только один из них.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="215"/>
        <source>Invoice {invoice} already has an offline payment waiting to be sent.</source>
        <translation>У счёта {invoice} уже есть офлайн-платёж, ожидающий отправки.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="218"/>
        <source>This till has never been online; connect once before taking payments offline.</source>
        <translation>Эта касса ещё ни разу не была в сети; подключитесь хотя бы раз, прежде чем принимать платежи офлайн.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="219"/>
        <source>This till has been offline for {days} days; connect before taking more offline payments.</source>
        <translation>Касса не в сети уже {days} дн.; подключитесь, прежде чем принимать новые офлайн-платежи.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="220"/>
        <source>This payment is over the offline limit per payment.</source>
        <translation>Этот платёж больше лимита для одного офлайн-платежа.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="221"/>
        <source>The till holds the most offline payments allowed; connect and send them first.</source>
        <translation>В кассе уже максимум разрешённых офлайн-платежей; сначала подключитесь и отправьте их.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="222"/>
        <source>This payment would take the offline total over the limit; connect and send the queue first.</source>
        <translation>С этим платежом сумма офлайн-платежей превысит лимит; сначала подключитесь и отправьте очередь.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="223"/>
        <source>This customer&apos;s known balance does not cover this payment offline.</source>
        <translation>Известного баланса покупателя не хватает на этот офлайн-платёж.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="224"/>
        <source>The offline warning must come before the offline deadline.</source>
        <translation>Предупреждение об офлайне должно наступать раньше крайнего срока.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="225"/>
        <source>Offline payments have waited {hours} hours; connect and send them before taking more.</source>
        <translation>Офлайн-платежи ждут уже {hours} ч.; подключитесь и отправьте их, прежде чем принимать новые.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="226"/>
        <source>This customer already has an unsent offline payment; only one at a time is safe.</source>
        <translation>У этого покупателя уже есть неотправленный офлайн-платёж; безопасно принимать только по одному.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="227"/>
        <source>This payment reuses a transaction number the customer has already spent; it would never arrive.</source>
        <translation>В этом платеже повторно использован уже потраченный номер транзакции покупателя; он никогда не дойдёт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="228"/>
        <source>The offline limit {name} must be a whole number, zero or more.</source>
        <translation>Офлайн-лимит {name} должен быть целым числом, не меньше нуля.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="229"/>
        <source>The offline limit {name} must be a whole number.</source>
        <translation>Офлайн-лимит {name} должен быть целым числом.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="230"/>
        <source>Unknown offline limit &apos;{name}&apos;; use one of {names}.</source>
        <translation>Неизвестный офлайн-лимит «{name}»; используйте один из: {names}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="232"/>
        <source>This payment cannot go through: the customer&apos;s wallet must first send {count} earlier payment(s) to the network. Ask the customer to send them first, or to pay another way.</source>
        <translation>Этот платёж не пройдёт: кошелёк покупателя сначала должен отправить в сеть более ранние платежи ({count}). Попросите покупателя сначала отправить их или заплатить иначе.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="233"/>
        <source>Give a payment at least {minutes} minutes on the network before it counts as never gone through.</source>
        <translation>Дайте платежу хотя бы {minutes} мин. в сети, прежде чем считать, что он не прошёл.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="235"/>
        <source>No QR code was found in that picture.</source>
        <translation>На этой картинке не найден QR-код.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="236"/>
        <source>That picture holds more than one QR code; use one with a single code.</source>
        <translation>На этой картинке больше одного QR-кода; возьмите картинку с одним кодом.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="237"/>
        <source>QR pictures cannot be read on this installation.</source>
        <translation>В этой установке нельзя читать картинки с QR-кодами.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="238"/>
        <source>That picture cannot be opened.</source>
        <translation>Эту картинку не удаётся открыть.</translation>
    </message>
    <message>
        <source>Cannot read the file {path}.</source>
        <translation type="vanished">Не удаётся прочитать файл {path}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="250"/>
        <source>This payment was made for another network (chain {got}, this shop uses {want}).</source>
        <translation>Этот платёж сделан для другой сети (сеть {got}, а магазин работает в {want}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="251"/>
        <source>This payment is in another token, not the shop&apos;s som.</source>
        <translation>Этот платёж в другом токене, а не в соме магазина.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="252"/>
        <source>This payment goes to another address, not to this shop.</source>
        <translation>Этот платёж идёт на другой адрес, а не в этот магазин.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="253"/>
        <source>This payment is for less than the sale; ask for the full amount.</source>
        <translation>Этот платёж меньше суммы продажи; попросите полную сумму.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="255"/>
        <source>The customer&apos;s wallet set too little gas ({gas}); the transfer could fail. Ask them to sign again.</source>
        <translation>Кошелёк покупателя указал слишком мало газа ({gas}); перевод может не пройти. Попросите подписать ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="256"/>
        <source>The network fee is not known yet; connect once before taking payments offline.</source>
        <translation>Комиссия сети пока неизвестна; подключитесь хотя бы раз, прежде чем принимать платежи офлайн.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="257"/>
        <source>The fee the customer&apos;s wallet offered is below the network&apos;s minimum; the payment would never be sent. Ask them to sign again.</source>
        <translation>Комиссия, которую предложил кошелёк покупателя, ниже минимума сети; платёж никогда не уйдёт. Попросите подписать ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="258"/>
        <source>The authorization was not signed by the payer it names (or not for this token).</source>
        <translation>Авторизация подписана не тем плательщиком, который в ней указан (или не для этого токена).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="259"/>
        <source>This authorization has expired; ask the customer for a new one.</source>
        <translation>Срок этой авторизации истёк; попросите у покупателя новую.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="260"/>
        <source>This authorization is not valid yet; check the clock or ask for a new one.</source>
        <translation>Эта авторизация ещё не действует; проверьте часы или попросите новую.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="261"/>
        <source>This authorization expires before the shop must send its payments; ask for one valid longer.</source>
        <translation>Эта авторизация истекает раньше, чем магазин должен отправить платежи; попросите авторизацию с более долгим сроком.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="263"/>
        <source>Unexpected error while sending payments; see the log.</source>
        <translation>Непредвиденная ошибка при отправке платежей; подробности в журнале.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="264"/>
        <source>Choose what happened: collect again or mark resolved.</source>
        <translation>Выберите, что произошло: получить оплату заново или отметить как решённое.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="265"/>
        <source>Offline payment {item} has not failed; there is nothing to resolve.</source>
        <translation>Офлайн-платёж {item} не завершился ошибкой; решать нечего.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="266"/>
        <source>Offline payment {item} was already resolved.</source>
        <translation>Офлайн-платёж {item} уже решён.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="267"/>
        <source>Give the relay key&apos;s passphrase in SOMPOS_RELAY_PASSPHRASE or type it at a terminal.</source>
        <translation>Укажите парольную фразу ключа отправителя в SOMPOS_RELAY_PASSPHRASE или введите её в терминале.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="268"/>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>Парольные фразы не совпадают; ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="270"/>
        <source>The device key {file} could not be created.</source>
        <translation>Не удалось создать ключ устройства {file}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="271"/>
        <source>The device key {file} is damaged or unreadable; restore it from a backup, or move it away to make a new one.</source>
        <translation>Ключ устройства {file} повреждён или не читается; восстановите его из резервной копии или переместите в другое место, чтобы создать новый.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="272"/>
        <source>The file {file} already exists; choose another name so an earlier export is not overwritten.</source>
        <translation>Файл {file} уже есть; выберите другое имя, чтобы не перезаписать сохранённый ранее файл.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="273"/>
        <source>There are no unsent offline payments to hand over; no file was written.</source>
        <translation>Нет неотправленных офлайн-платежей для передачи; файл не создан.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="274"/>
        <source>The file {file} could not be written; check that the stick is inserted, writable and not full.</source>
        <translation>Не удалось записать файл {file}; проверьте, что флешка вставлена, не защищена от записи и на ней есть место.</translation>
    </message>
    <message>
        <source>The file {file} cannot be read.</source>
        <translation type="vanished">Не удаётся прочитать файл {file}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="34"/>
        <source>This sale was paid offline; it is sent when a connection appears.</source>
        <translation>Эта продажа оплачена офлайн; платёж отправится, когда появится связь.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="35"/>
        <source>Only a sale still waiting for money can be charged again.</source>
        <translation>Выставить снова можно только продажу, которая ещё ждёт денег.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="36"/>
        <source>This sale is more than a day old: start a new sale for it.</source>
        <translation>Этой продаже больше суток: начните для неё новую продажу.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="37"/>
        <source>This sale changed meanwhile; look at it again.</source>
        <translation>Эта продажа тем временем изменилась; посмотрите на неё ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="38"/>
        <source>Only a sale still waiting for money can be cancelled.</source>
        <translation>Отменить можно только продажу, которая ещё ждёт оплаты.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="39"/>
        <source>Only an offline payment that needs attention can be sent again.</source>
        <translation>Снова отправить можно только офлайн-платёж, который требует внимания.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="41"/>
        <source>There is no warning about another till to clear.</source>
        <translation>Нет предупреждения о другой кассе, которое нужно снять.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="42"/>
        <source>The owner has not allowed accepting a short payment (Settings).</source>
        <translation>Владелец не разрешил принимать неполную оплату (Настройки).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="43"/>
        <source>Only a sale paid on the network can be accepted short.</source>
        <translation>Принять с недостачей можно только продажу, оплаченную через сеть.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="44"/>
        <source>Only a sale partly paid and still waiting for the rest can be accepted short.</source>
        <translation>Принять с недостачей можно только частично оплаченную продажу, которая ещё ждёт остаток.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="45"/>
        <source>This sale is short by more than the owner allows to accept ({limit} tyiyn).</source>
        <translation>Недостача по этой продаже больше, чем разрешил владелец ({limit} тыйын).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="47"/>
        <source>The network has not answered for {seconds} seconds.</source>
        <translation>Сеть не отвечает уже {seconds} с.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="49"/>
        <source>That is not a wallet address.</source>
        <translation>Это не адрес кошелька.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="50"/>
        <source>A name can be {maximum} characters at most.</source>
        <translation>Имя может быть не длиннее {maximum} символов.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="52"/>
        <source>This is a wallet of the exchange {exchange}: many customers pay from it, so it cannot carry one person&apos;s name.</source>
        <translation>Это кошелёк биржи {exchange}: с него платят многие покупатели, поэтому ему нельзя дать имя одного человека.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="53"/>
        <source>Many customers pay from this wallet (an exchange&apos;s or a shared one), so it cannot carry one person&apos;s name.</source>
        <translation>С этого кошелька платят многие покупатели (это кошелёк биржи или общий кошелёк), поэтому ему нельзя дать имя одного человека.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="54"/>
        <source>This wallet was called {name} and has since paid for another sale: several customers pay from it (an exchange&apos;s or a shared wallet), so it keeps no person&apos;s name.</source>
        <translation>Этот кошелёк назывался «{name}», а потом оплатил другую продажу: с него платят разные покупатели (кошелёк биржи или общий кошелёк), поэтому имя человека у него больше не хранится.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="56"/>
        <source>Connect this till to the internet once to finish setting up: it must read the som token&apos;s details from the network before it can ask for exact amounts. After that it takes payments offline too.</source>
        <translation>Подключите эту кассу к интернету хотя бы раз, чтобы закончить настройку: ей нужно получить из сети данные токена сом, прежде чем просить точные суммы. После этого она принимает оплату и офлайн.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="79"/>
        <source>A shortfall accepted as paid can be {maximum} som at most.</source>
        <translation>Недостача, принимаемая как оплата, может быть не больше {maximum} сом.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="131"/>
        <source>Finish or cancel the open sales before changing the till number; a sale that ended keeps its amount for 24 hours after it expired.</source>
        <translation>Завершите или отмените открытые продажи, прежде чем менять номер кассы; завершившаяся продажа сохраняет свою сумму ещё 24 часа после истечения срока.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="132"/>
        <source>The file {file} was written with this till&apos;s own device key, but none of its payments were taken here: another till uses a copy of this till&apos;s key. Move device-key.pem out of one till&apos;s data folder (a new key is made) and export again.</source>
        <translation>Файл {file} подписан ключом устройства этой же кассы, но ни один из его платежей не принимался здесь: другая касса использует копию ключа этой кассы. Уберите device-key.pem из папки данных одной из касс (будет создан новый ключ) и сделайте выгрузку снова.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="150"/>
        <source>The shop database {path} is missing, but this folder held a shop. Restore it from a backup, or start a new shop on purpose with: sompos --new-shop.</source>
        <translation>Базы данных магазина {path} нет, хотя в этой папке был магазин. Восстановите её из резервной копии или осознанно начните новый магазин командой: sompos --new-shop.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="151"/>
        <source>The disk holding the shop database refused to read or write it (it may be full or failing); free some space or check the disk, then start again.</source>
        <translation>Диск с базой данных магазина отказался её читать или записывать (он может быть заполнен или неисправен); освободите место или проверьте диск и запустите снова.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="216"/>
        <source>Invoice {invoice} is another till&apos;s sale; this till only sends its payment.</source>
        <translation>Счёт {invoice} — продажа другой кассы; эта касса только отправляет её платёж.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="248"/>
        <source>The file name {file} is too long for this computer; choose a shorter name.</source>
        <translation>Имя файла {file} слишком длинное для этого компьютера; выберите имя короче.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="254"/>
        <source>This payment is not for this sale&apos;s exact amount: the customer must scan this sale&apos;s code and sign again.</source>
        <translation>Этот платёж не на точную сумму этой продажи: покупатель должен отсканировать код этой продажи и подписать заново.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="275"/>
        <source>The file {file} is too large to be a Som POS queue export.</source>
        <translation>Файл {file} слишком большой: это не файл очереди Som POS.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="276"/>
        <source>The file {file} is not a Som POS queue export.</source>
        <translation>Файл {file} — не файл очереди Som POS.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="277"/>
        <source>The file {file} was made by a newer version of Som POS (format {version}); update this app to import it.</source>
        <translation>Файл {file} создан более новой версией Som POS (формат {version}); обновите программу, чтобы загрузить его.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="278"/>
        <source>The file {file} is incomplete: it ends before the device signature.</source>
        <translation>Файл {file} неполный: он обрывается до подписи устройства.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="279"/>
        <source>Line {line} of the file {file} is not a valid queue entry.</source>
        <translation>Строка {line} файла {file} — неверная запись очереди.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="280"/>
        <source>The file {file} was changed or damaged after it was exported (its device signature does not match); ask for a new export.</source>
        <translation>Файл {file} изменён или повреждён после сохранения (подпись устройства не совпадает); попросите сохранить его заново.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="281"/>
        <source>The file {file} says it holds {expected} payments but has {found}.</source>
        <translation>В файле {file} указано платежей: {expected}, а на самом деле: {found}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="282"/>
        <source>The file {file} comes from device {got}, not from the expected device {want}.</source>
        <translation>Файл {file} создан на устройстве {got}, а ожидалось устройство {want}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="284"/>
        <source>The file {file} comes from till {device}, which is not paired with this till. Compare this number with the one on that till&apos;s Offline queue screen and accept it only if they are the same.</source>
        <translation>Файл {file} создан на кассе {device}, которая не связана с этой кассой. Сравните этот номер с номером на экране «Офлайн-очередь» той кассы и принимайте, только если они совпадают.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="285"/>
        <source>A till&apos;s number has 16 letters and digits (0-9, a-f), as shown on its Offline queue screen.</source>
        <translation>Номер кассы — 16 букв и цифр (0-9, a-f), как на её экране «Офлайн-очередь».</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="286"/>
        <source>The file {file} comes from a till set as till {theirs}, while this till is set as till {mine}: set the same number of tills on every till of the shop (Settings).</source>
        <translation>Файл {file} создан на кассе с настройкой {theirs}, а эта касса настроена как {mine}: укажите одинаковое число касс на всех кассах магазина (Настройки).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="287"/>
        <source>The file {file} comes from another till that is also till {theirs}: give each till its own number (Settings), or their sales can be mixed up.</source>
        <translation>Файл {file} создан на другой кассе, которая тоже настроена как {theirs}: дайте каждой кассе свой номер (Настройки), иначе их продажи могут перепутаться.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="288"/>
        <source>The file {file} comes from another till that is also set as the shop&apos;s only till: both would ask the same amounts and one payment could settle a sale on each. Set every till of the shop as till 1, 2, ... of the number of tills (Settings), then export again.</source>
        <translation>Файл {file} создан на другой кассе, которая тоже настроена как единственная касса магазина: обе запрашивали бы одинаковые суммы, и один платёж мог бы закрыть продажу на каждой. Настройте все кассы магазина как кассу 1, 2, … из общего числа касс (Настройки) и сделайте выгрузку снова.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="289"/>
        <source>Another till with the same number is already paired; forget it first.</source>
        <translation>Другая касса с таким же номером уже связана; сначала удалите её.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="290"/>
        <source>No till with the number {device} is paired with this one.</source>
        <translation>Касса с номером {device} не связана с этой кассой.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="291"/>
        <source>This payment is for less than one tyiyn.</source>
        <translation>Этот платёж меньше одного тыйына.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="292"/>
        <source>Name the offline payments to take back, or use --all.</source>
        <translation>Укажите, какие офлайн-платежи вернуть, или используйте --all.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="293"/>
        <source>The file {file} was exported for another network (chain {got}); this shop uses chain {want}.</source>
        <translation>Файл {file} сохранён для другой сети (сеть {got}); этот магазин работает в сети {want}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="294"/>
        <source>The file {file} was exported for another token contract ({got}); this shop uses {want}.</source>
        <translation>Файл {file} сохранён для другого контракта токена ({got}); этот магазин использует {want}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="295"/>
        <source>The file {file} was exported for another shop address ({got}); this shop is {want}.</source>
        <translation>Файл {file} сохранён для другого адреса магазина ({got}); адрес этого магазина: {want}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="296"/>
        <source>This entry&apos;s details do not match the payment it carries.</source>
        <translation>Данные этой записи не совпадают с платежом в ней.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="298"/>
        <source>The passphrase must have at least {n} characters.</source>
        <translation>Парольная фраза должна содержать не менее {n} символов.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="299"/>
        <source>A relay key already exists. It was not replaced.</source>
        <translation>Ключ отправителя уже есть. Он не был заменён.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="300"/>
        <source>This is not a valid private key or keystore file.</source>
        <translation>Это не приватный ключ и не файл хранилища ключей.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="301"/>
        <source>The keystore file could not be opened with the passphrase given.</source>
        <translation>Файл ключа не открылся с этой парольной фразой.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="302"/>
        <source>There is no relay key yet. Create or import one first.</source>
        <translation>Ключа отправителя ещё нет. Сначала создайте или импортируйте его.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="303"/>
        <source>The relay key file {path} is damaged or cannot be read.</source>
        <translation>Файл ключа отправителя {path} повреждён или не читается.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="304"/>
        <source>The file {path} could not be saved.</source>
        <translation>Не удалось сохранить файл {path}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="305"/>
        <source>Wrong passphrase. Attempts left before a {minutes}-minute lock: {left}.</source>
        <translation>Неверная парольная фраза. Осталось попыток до блокировки на {minutes} мин: {left}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="306"/>
        <source>Too many wrong passphrases. Try again in {minutes} min.</source>
        <translation>Слишком много неверных попыток. Повторите через {minutes} мин.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="308"/>
        <source>The relay key file {path} is damaged; put back a copy from a backup. This did not count as a wrong passphrase.</source>
        <translation>Файл ключа отправителя {path} повреждён; верните копию из резервной копии. Это не засчитано как неверная парольная фраза.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="309"/>
        <source>The relay key file {path} is protected too weakly to be safe. Move it out of the data folder and import it again; the import protects it properly.</source>
        <translation>Файл ключа отправителя {path} защищён слишком слабо. Уберите его из папки данных и импортируйте снова: при импорте он будет защищён как следует.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="310"/>
        <source>The relay key file {path} asks for so much work to open that it would stall this computer; it was not opened.</source>
        <translation>Чтобы открыть файл ключа отправителя {path}, нужно столько работы, что компьютер зависнет; он не открыт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="311"/>
        <source>This keystore file asks for so much work to open that it would stall this computer; it was not opened.</source>
        <translation>Чтобы открыть этот файл ключа, нужно столько работы, что компьютер зависнет; он не открыт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="313"/>
        <source>The token&apos;s issuer has paused it, so no payment can move now; take no payment offline until it is resumed.</source>
        <translation>Эмитент приостановил токен, поэтому сейчас платежи не проходят; не принимайте офлайн-платежи, пока его не возобновят.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="314"/>
        <source>This kind of payment (an authorization) is not checked yet for the shop&apos;s token: connect once to the network, or ask the customer for a signed transfer.</source>
        <translation>Этот вид платежа (авторизация) ещё не проверен для токена магазина: подключитесь к сети хотя бы раз или попросите у покупателя подписанный перевод.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="315"/>
        <source>The shop&apos;s token cannot settle this kind of payment (an authorization); ask the customer for a signed transfer instead.</source>
        <translation>Токен магазина не может провести этот вид платежа (авторизацию); попросите у покупателя подписанный перевод.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="316"/>
        <source>The token&apos;s issuer has blocked this customer&apos;s address, so the payment would never arrive; ask for another way to pay.</source>
        <translation>Эмитент токена заблокировал адрес этого покупателя, поэтому платёж не дойдёт; попросите заплатить иначе.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="318"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Что-то пошло не так; подробности в журнале.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="319"/>
        <source>This network needs the som token contract address (ask the issuer).</source>
        <translation>Для этой сети нужен адрес контракта токена сом (узнайте у эмитента).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="321"/>
        <source>{message} (see: {prog} --help)</source>
        <translation>{message} (см.: {prog} --help)</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="322"/>
        <source>The demo network lives only inside `sompos demo`; choose a real network with `sompos config network bsc` (or a profile file) to sync.</source>
        <translation>Демо-сеть работает только внутри `sompos demo`; для синхронизации выберите настоящую сеть: `sompos config network bsc` (или файл профиля).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="323"/>
        <source>The memo is too long (at most 200 characters).</source>
        <translation>Заметка слишком длинная (не больше 200 символов).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="324"/>
        <source>The reason is too long (at most 200 characters).</source>
        <translation>Причина слишком длинная (не больше 200 символов).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="325"/>
        <source>Write the limit with the digits 0-9.</source>
        <translation>Запишите лимит цифрами 0-9.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="326"/>
        <source>{file} is a folder; give a file name for the QR picture, e.g. invoice.png.</source>
        <translation>{file} — это папка; укажите имя файла для QR-картинки, например invoice.png.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="327"/>
        <source>The folder for {file} does not exist.</source>
        <translation>Папки для {file} не существует.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="328"/>
        <source>Cannot write the QR picture to {file} ({problem}).</source>
        <translation>Не удаётся записать QR-картинку в {file} ({problem}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="329"/>
        <source>{file} is not an ordinary file; give a file name for the QR picture.</source>
        <translation>{file} — не обычный файл; укажите имя файла для QR-картинки.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="330"/>
        <source>This till has not been online since the shop&apos;s token was set, so it does not know the token&apos;s details yet (decimals, signing name). Connect once to finish set-up: sompos sync --once</source>
        <translation>Эта касса не была в сети с тех пор, как задан токен магазина, и ещё не знает его данных (знаки после запятой, имя для подписи). Подключитесь один раз, чтобы завершить настройку: sompos sync --once</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="335"/>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="336"/>
        <source>merchant address</source>
        <translation>адрес магазина</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="337"/>
        <source>shop address</source>
        <translation>адрес магазина</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="338"/>
        <source>token contract address</source>
        <translation>адрес контракта токена</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="339"/>
        <source>exchange wallet address</source>
        <translation>адрес кошелька биржи</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="340"/>
        <source>RPC URL</source>
        <translation>адрес узла RPC</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="341"/>
        <source>explorer URL</source>
        <translation>адрес обозревателя блоков</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="343"/>
        <source>profile</source>
        <translation>профиль сети</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="344"/>
        <source>saved network profile</source>
        <translation>сохранённый профиль сети</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="345"/>
        <source>profile file {file}</source>
        <translation>файл профиля {file}</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="347"/>
        <source>payment</source>
        <translation>платёж</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="348"/>
        <source>network profile</source>
        <translation>профиль сети</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="349"/>
        <source>key file</source>
        <translation>файл ключа</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="350"/>
        <source>hand-over file</source>
        <translation>файл передачи</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="351"/>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="352"/>
        <source>standard input</source>
        <translation>стандартный ввод</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="354"/>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="355"/>
        <source>processing</source>
        <translation>в обработке</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="356"/>
        <source>settled</source>
        <translation>оплачен</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="357"/>
        <source>expired</source>
        <translation>просрочен</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="358"/>
        <source>invalid</source>
        <translation>недействителен</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="360"/>
        <source>received</source>
        <translation>получен</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="361"/>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="362"/>
        <source>submitted</source>
        <translation>отправлен</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="363"/>
        <source>included</source>
        <translation>в блоке</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="364"/>
        <source>final</source>
        <translation>окончательно подтверждён</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="365"/>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="366"/>
        <source>double_spent</source>
        <translation>потрачен дважды</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="367"/>
        <source>stuck</source>
        <translation>не прошёл</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="369"/>
        <source>report the latest block</source>
        <translation>сообщить последний блок</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="370"/>
        <source>list token transfers</source>
        <translation>выдать список переводов токена</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="371"/>
        <source>give a receipt</source>
        <translation>выдать квитанцию транзакции</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="372"/>
        <source>describe the token</source>
        <translation>выдать сведения о токене</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="373"/>
        <source>check what the token can do</source>
        <translation>проверка возможностей токена</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="374"/>
        <location filename="../../pos_app/ui/shell/main_window.py" line="437"/>
        <source>embedded demo chain</source>
        <translation>встроенная демо-сеть</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="376"/>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="377"/>
        <source>symbol</source>
        <translation>символ</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="378"/>
        <source>version</source>
        <translation>версия</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="379"/>
        <source>EIP-712 name</source>
        <translation>название EIP-712</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="380"/>
        <source>EIP-712 version</source>
        <translation>версия EIP-712</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="382"/>
        <source>token deployment</source>
        <translation>развёртывание токена</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="383"/>
        <source>transfer call</source>
        <translation>перевод (transfer)</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="384"/>
        <source>mint call</source>
        <translation>выпуск (mint)</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <location filename="../../pos_app/text/words.py" line="22"/>
        <source>the cashier</source>
        <translation>кассиром</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="23"/>
        <source>a command at the till</source>
        <translation>командой на кассе</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="24"/>
        <source>this till</source>
        <translation>этой кассой</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="vanished">Ожидает</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation type="vanished">Подтверждается</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="vanished">Оплачено</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="vanished">Срок истёк</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="vanished">Отменено</translation>
    </message>
    <message>
        <source>received</source>
        <translation type="vanished">получен</translation>
    </message>
    <message>
        <source>waiting for the network</source>
        <translation type="vanished">ждёт сети</translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="vanished">отправлен</translation>
    </message>
    <message>
        <source>confirming</source>
        <translation type="vanished">подтверждается</translation>
    </message>
    <message>
        <source>done</source>
        <translation type="vanished">завершён</translation>
    </message>
    <message>
        <source>refused by the network</source>
        <translation type="vanished">отклонён сетью</translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="vanished">срок истёк</translation>
    </message>
    <message>
        <source>spent elsewhere</source>
        <translation type="vanished">потрачен в другом месте</translation>
    </message>
    <message>
        <source>not enough money</source>
        <translation type="vanished">не хватило денег</translation>
    </message>
    <message>
        <source>refused by the som token</source>
        <translation type="vanished">отклонён токеном сом</translation>
    </message>
    <message>
        <source>cancelled by the customer</source>
        <translation type="vanished">отменён покупателем</translation>
    </message>
    <message>
        <source>never went through</source>
        <translation type="vanished">так и не прошёл</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation type="vanished">требует внимания</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="72"/>
        <source>Sale started</source>
        <translation>Продажа начата</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="73"/>
        <source>The time to pay ran out</source>
        <translation>Время на оплату истекло</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="74"/>
        <source>Checked again when the till started</source>
        <translation>Проверено заново при запуске кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="75"/>
        <source>A payment arrived</source>
        <translation>Пришёл платёж</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="76"/>
        <source>The payment is confirmed</source>
        <translation>Платёж подтверждён</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="77"/>
        <source>The network took a payment back; it is checked again</source>
        <translation>Сеть отменила платёж; он проверяется заново</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="78"/>
        <source>Marked by {actor}: {reason}</source>
        <translation>Отмечено {actor}: {reason}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="79"/>
        <source>Marked by {actor}</source>
        <translation>Отмечено {actor}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="80"/>
        <source>Charged again by {actor}</source>
        <translation>Выставлено снова {actor}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="81"/>
        <source>Accepted as paid though short, by {actor}</source>
        <translation>Принято {actor} как оплаченное, несмотря на недостачу</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="82"/>
        <source>The money of its offline payment arrived</source>
        <translation>Деньги офлайн-платежа поступили</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="83"/>
        <source>Payment {payment} assigned by {actor}</source>
        <translation>Платёж {payment} привязан {actor}</translation>
    </message>
    <message>
        <source>Paid offline; waiting for the network (offline payment {item})</source>
        <translation type="vanished">Оплачено офлайн; ждёт сети (офлайн-платёж {item})</translation>
    </message>
    <message>
        <source>Brought from another till; waiting for the network (offline payment {item})</source>
        <translation type="vanished">Перенесено с другой кассы; ждёт сети (офлайн-платёж {item})</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="84"/>
        <source>{note}; waiting for the network (offline payment {item})</source>
        <translation>{note}; ждёт сети (офлайн-платёж {item})</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="86"/>
        <source>Offline payment {item} failed ({state}); the customer was charged again</source>
        <translation>Офлайн-платёж {item} не прошёл ({state}); покупателю выставлено снова</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="87"/>
        <source>Paid offline</source>
        <translation>Оплачено офлайн</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="88"/>
        <source>Brought from another till</source>
        <translation>Перенесено с другой кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="89"/>
        <source>sale cancelled</source>
        <translation>продажа отменена</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="91"/>
        <source>Received from the customer</source>
        <translation>Получен от покупателя</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="92"/>
        <source>Checked offline, waiting for the network</source>
        <translation>Проверен офлайн, ждёт сети</translation>
    </message>
    <message>
        <source>Brought from another till (its sale {invoice}): {memo}</source>
        <translation type="vanished">Перенесена с другой кассы (там продажа {invoice}): {memo}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="93"/>
        <source>Brought from another till (its sale {invoice})</source>
        <translation>Перенесён с другой кассы (там продажа {invoice})</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="94"/>
        <source>To be sent from this till again: {reason}</source>
        <translation>Снова отправит эта касса: {reason}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="95"/>
        <source>taken back on this till</source>
        <translation>забран обратно на этой кассе</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="96"/>
        <source>taken back by hand</source>
        <translation>забран обратно вручную</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="97"/>
        <source>no other till had sent it in time</source>
        <translation>другая касса не отправила его вовремя</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="98"/>
        <source>they came back in a file from another till</source>
        <translation>они вернулись в файле с другой кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="99"/>
        <source>this till&apos;s own file {file} was loaded here again</source>
        <translation>собственный файл этой кассы {file} загружен сюда снова</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="100"/>
        <source>Closed by {actor}: the customer was charged again ({note})</source>
        <translation>Закрыто {actor}: покупателю выставлено снова ({note})</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="101"/>
        <source>Closed by {actor}: the customer was charged again</source>
        <translation>Закрыто {actor}: покупателю выставлено снова</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="102"/>
        <source>Closed by {actor}: settled another way ({note})</source>
        <translation>Закрыто {actor}: оплачено иначе ({note})</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="103"/>
        <source>Closed by {actor}: settled another way</source>
        <translation>Закрыто {actor}: оплачено иначе</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="105"/>
        <source>The som token cannot take this kind of payment</source>
        <translation>Токен сом не принимает такой вид оплаты</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="107"/>
        <source>The customer&apos;s payment permission ran out before it could be sent</source>
        <translation>Разрешение покупателя на оплату истекло до отправки</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="108"/>
        <source>The customer&apos;s account does not have enough money</source>
        <translation>На счёте покупателя не хватает денег</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="109"/>
        <source>The customer&apos;s account did not have enough money</source>
        <translation>На счёте покупателя не хватило денег</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="111"/>
        <source>This payment can only be sent by the shop&apos;s own account, not by the relay key</source>
        <translation>Этот платёж может отправить только собственный счёт магазина, а не ключ отправителя</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="113"/>
        <location filename="../../pos_app/text/words.py" line="116"/>
        <source>This payment permission was already used or cancelled; check the customer&apos;s payments</source>
        <translation>Это разрешение на оплату уже использовано или отменено; проверьте платежи покупателя</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="118"/>
        <source>Already sent by another till; waiting for confirmation</source>
        <translation>Уже отправлен другой кассой; ждёт подтверждения</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="119"/>
        <source>The customer cancelled the payment before it was sent</source>
        <translation>Покупатель отменил платёж до отправки</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="120"/>
        <location filename="../../pos_app/text/words.py" line="121"/>
        <location filename="../../pos_app/text/words.py" line="142"/>
        <source>Sent, waiting for confirmation</source>
        <translation>Отправлен, ждёт подтверждения</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="122"/>
        <source>Sent before; checking whether it arrived</source>
        <translation>Уже отправлялся; проверяем, дошёл ли</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="123"/>
        <source>The customer&apos;s account cannot pay the network fee</source>
        <translation>Со счёта покупателя нельзя оплатить комиссию сети</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="124"/>
        <source>The customer&apos;s network fee is too low now</source>
        <translation>Комиссия сети от покупателя сейчас слишком мала</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="125"/>
        <location filename="../../pos_app/text/words.py" line="126"/>
        <location filename="../../pos_app/text/words.py" line="127"/>
        <source>The som token refused the payment</source>
        <translation>Токен сом отклонил платёж</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="128"/>
        <source>The network refused this payment</source>
        <translation>Сеть отклонила этот платёж</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="129"/>
        <source>The network took its confirmation back; sending it again</source>
        <translation>Сеть отменила подтверждение; отправляем снова</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="130"/>
        <source>The network took its confirmation back; waiting again</source>
        <translation>Сеть отменила подтверждение; снова ждём</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="132"/>
        <source>Arrived after it was given up, and the customer was charged again: the customer has paid twice, refund one of the payments</source>
        <translation>Пришёл после того, как его сочли потерянным, а покупателю уже выставили снова: покупатель заплатил дважды, верните один из платежей</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="135"/>
        <source>Arrived after it was given up and marked settled another way: check whether the customer paid twice</source>
        <translation>Пришёл после того, как его сочли потерянным и отметили оплаченным иначе: проверьте, не заплатил ли покупатель дважды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="137"/>
        <source>Arrived after it was given up; confirming</source>
        <translation>Пришёл после того, как его сочли потерянным; подтверждается</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="138"/>
        <location filename="../../pos_app/text/words.py" line="141"/>
        <source>Arrived, confirming</source>
        <translation>Дошёл, подтверждается</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="139"/>
        <location filename="../../pos_app/text/words.py" line="140"/>
        <source>Confirmed</source>
        <translation>Подтверждён</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="143"/>
        <source>The network took its payment back; sending it again</source>
        <translation>Сеть отменила его платёж; отправляем снова</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="145"/>
        <source>The network said it went through, but no money arrived; sending it again</source>
        <translation>Сеть сообщила, что он прошёл, но деньги не пришли; отправляем снова</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="147"/>
        <source>The network keeps saying this payment went through, but the money never arrived</source>
        <translation>Сеть продолжает сообщать, что платёж прошёл, но деньги так и не пришли</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="150"/>
        <source>The customer&apos;s payment permission ran out before it went through</source>
        <translation>Разрешение покупателя на оплату истекло, прежде чем платёж прошёл</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="152"/>
        <source>The customer spent this money elsewhere first; this payment can never arrive</source>
        <translation>Покупатель раньше потратил эти деньги в другом месте; этот платёж уже не придёт</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="154"/>
        <source>Sent by someone else, but the network dropped it; sending it from this till</source>
        <translation>Отправлено кем-то другим, но сеть его отбросила; отправляем с этой кассы</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="155"/>
        <source>Sending it again with the relay key</source>
        <translation>Отправляем снова ключом отправителя</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="157"/>
        <source>Never went through: the customer&apos;s wallet has %n earlier payment(s) that did not reach the network, so the network held this one for {minutes} min</source>
        <translation>Так и не прошёл: в кошельке покупателя есть более ранние платежи, не дошедшие до сети (%n), поэтому сеть держала этот платёж {minutes} мин</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="159"/>
        <source>Never went through: the network did not take it in {minutes} min</source>
        <translation>Так и не прошёл: сеть не приняла его за {minutes} мин</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="160"/>
        <source>Sent again by {actor}</source>
        <translation>Отправлен снова ({actor})</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="162"/>
        <source>Waiting for {minutes} min: unlock the relay key in the queue screen and top it up, then it is sent</source>
        <translation>Ждёт уже {minutes} мин: разблокируйте ключ отправителя на экране очереди и пополните его, тогда платёж уйдёт</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="165"/>
        <source>The network has not taken it for {minutes} min: top up the relay key and keep the till online</source>
        <translation>Сеть не принимает его уже {minutes} мин: пополните ключ отправителя и держите кассу в сети</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Som POS</source>
        <translation type="vanished">Som POS</translation>
    </message>
</context>
<context>
    <name>states</name>
    <message>
        <location filename="../../pos_app/text/words.py" line="33"/>
        <source>Waiting</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="34"/>
        <location filename="../../pos_app/text/words.py" line="44"/>
        <source>Confirming</source>
        <translation>Подтверждается</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="35"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="36"/>
        <location filename="../../pos_app/text/words.py" line="47"/>
        <source>Expired</source>
        <translation>Срок истёк</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="37"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="41"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="42"/>
        <source>Waiting for network</source>
        <translation>Ждёт сети</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="43"/>
        <source>Sent</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="45"/>
        <source>Done</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="46"/>
        <source>Refused by network</source>
        <translation>Отклонён сетью</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="48"/>
        <source>Spent elsewhere</source>
        <translation>Потрачен в другом месте</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="49"/>
        <source>No funds</source>
        <translation>Нет средств</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="50"/>
        <source>Refused by the som token</source>
        <translation>Отклонён токеном сом</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="51"/>
        <source>Cancelled by payer</source>
        <translation>Отменён плательщиком</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="52"/>
        <source>Never went through</source>
        <translation>Так и не прошёл</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="53"/>
        <source>Needs attention</source>
        <translation>Требует внимания</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="58"/>
        <source>the customer spent this money elsewhere first</source>
        <translation>покупатель раньше потратил эти деньги в другом месте</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="59"/>
        <source>the customer&apos;s account did not have enough</source>
        <translation>на счёте покупателя не хватило средств</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="60"/>
        <source>the token refused the transfer</source>
        <translation>токен отклонил перевод</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="61"/>
        <source>the customer cancelled the payment</source>
        <translation>покупатель отменил платёж</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="62"/>
        <source>it could not be sent in time</source>
        <translation>его не удалось отправить вовремя</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="63"/>
        <source>the network refused it</source>
        <translation>сеть его отклонила</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="64"/>
        <source>it never went through: the network held it back</source>
        <translation>он так и не прошёл: сеть его задержала</translation>
    </message>
</context>
</TS>
