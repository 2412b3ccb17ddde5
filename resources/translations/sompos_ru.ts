<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="40"/>
        <source>Som POS: customer display</source>
        <translation>Som POS: экран покупателя</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="46"/>
        <source>Welcome!</source>
        <translation>Добро пожаловать!</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="60"/>
        <source>Scan with your wallet to pay</source>
        <translation>Отсканируйте кошельком, чтобы оплатить</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="66"/>
        <source>Thank you!</source>
        <translation>Спасибо!</translation>
    </message>
</context>
<context>
    <name>DemoPhone</name>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="48"/>
        <source>Customer&apos;s phone (demo)</source>
        <translation>Телефон покупателя (демо)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="49"/>
        <source>Pay exactly</source>
        <translation>Оплатить ровно</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="50"/>
        <source>Pay half</source>
        <translation>Оплатить половину</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="51"/>
        <source>Pay 10 som more</source>
        <translation>Оплатить на 10 сом больше</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="56"/>
        <source>No invoice on screen: charge a sale first.</source>
        <translation>На экране нет счёта: сначала оформите продажу.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="61"/>
        <source>Sending %1…</source>
        <translation>Отправка %1…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="63"/>
        <source>Sent: %1</source>
        <translation>Отправлено: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="47"/>
        <source>Welcome to Som POS. Try it first with play money, or set up your shop.</source>
        <translation>Добро пожаловать в Som POS. Сначала попробуйте на игровых деньгах или настройте свой магазин.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="48"/>
        <source>Try the demo</source>
        <translation>Попробовать демо</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="49"/>
        <source>Set up my shop</source>
        <translation>Настроить мой магазин</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="50"/>
        <source>Your shop&apos;s address: customers pay to it</source>
        <translation>Адрес кошелька вашего магазина: на него платят покупатели</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="51"/>
        <source>Som token contract 0x… (from the issuer)</source>
        <translation>Контракт токена сом 0x… (от эмитента)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="52"/>
        <source>Save and start selling</source>
        <translation>Сохранить и начать продажи</translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../../pos_app/ui/models.py" line="30"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="30"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="30"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="30"/>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="30"/>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="31"/>
        <source>Transaction</source>
        <translation>Транзакция</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="59"/>
        <source>Waiting</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="59"/>
        <source>Confirming</source>
        <translation>Подтверждается</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="59"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="60"/>
        <source>Expired</source>
        <translation>Срок истёк</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="60"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="61"/>
        <source>partly paid</source>
        <translation>оплачено частично</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="61"/>
        <source>overpaid</source>
        <translation>переплата</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="62"/>
        <source>paid late</source>
        <translation>оплачено после срока</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="122"/>
        <source>Som POS</source>
        <translation>Som POS</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="123"/>
        <source>Sale</source>
        <translation>Продажа</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="124"/>
        <source>Sales list</source>
        <translation>Список продаж</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="125"/>
        <source>Customer display</source>
        <translation>Экран покупателя</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="126"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="232"/>
        <source>Assigned: invoice %1 is now up to date.</source>
        <translation>Привязано: счёт %1 обновлён.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="250"/>
        <source>Syncing %1: block %2 of %3</source>
        <translation>Синхронизация %1: блок %2 из %3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="265"/>
        <source>Online: %1 (%2)</source>
        <translation>В сети: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="267"/>
        <source>Block %1, %2 s ago</source>
        <translation>Блок %1, %2 с назад</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="269"/>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="272"/>
        <source>Offline: %1</source>
        <translation>Нет связи: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="276"/>
        <source>No connection to the network. Payments will be checked when it returns.</source>
        <translation>Нет связи с сетью. Оплаты будут проверены, когда связь вернётся.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="100"/>
        <source>EIP-681 (most wallets)</source>
        <translation>EIP-681 (большинство кошельков)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="100"/>
        <source>MetaMask</source>
        <translation>MetaMask</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="101"/>
        <source>Trust Wallet</source>
        <translation>Trust Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="101"/>
        <source>Address only</source>
        <translation>Только адрес</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="108"/>
        <source>Customer&apos;s wallet:</source>
        <translation>Кошелёк покупателя:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="109"/>
        <source>Cancel sale</source>
        <translation>Отменить продажу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="110"/>
        <source>New sale</source>
        <translation>Новая продажа</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="126"/>
        <source>Exact amount on chain: %1</source>
        <translation>Точная сумма в блокчейне: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="153"/>
        <source>This wallet format is not available on this network; choose another.</source>
        <translation>Этот формат кошелька не работает в этой сети, выберите другой.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="165"/>
        <source>Expires in %1</source>
        <translation>Осталось %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="178"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="180"/>
        <source>The customer paid more than asked: give the difference back.</source>
        <translation>Покупатель заплатил больше: верните разницу.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="182"/>
        <source>Paid after the invoice expired; the money has arrived.</source>
        <translation>Оплачено после окончания срока счёта, деньги поступили.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="184"/>
        <source>Seen in a block: confirming…</source>
        <translation>Платёж в блоке: подтверждается…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="186"/>
        <source>Expired</source>
        <translation>Срок истёк</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="187"/>
        <source>Start a new sale if the customer still wants to pay.</source>
        <translation>Если покупатель ещё хочет заплатить, начните новую продажу.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="189"/>
        <source>Part was paid before expiry: collect the rest or refund it.</source>
        <translation>До окончания срока оплачена только часть: получите остаток или верните деньги.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="191"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="193"/>
        <source>Waiting for payment</source>
        <translation>Ожидание оплаты</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="195"/>
        <source>Partly paid</source>
        <translation>Оплачено частично</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="196"/>
        <source>The customer paid less than asked: ask them to pay the rest.</source>
        <translation>Покупатель заплатил меньше: попросите доплатить остаток.</translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../../pos_app/ui/models.py" line="137"/>
        <source>Block</source>
        <translation>Блок</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="137"/>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="137"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="137"/>
        <source>Transaction</source>
        <translation>Транзакция</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="60"/>
        <source>New sale: type the amount in som</source>
        <translation>Новая продажа: введите сумму в сомах</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="61"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="62"/>
        <source>Charge</source>
        <translation>Принять оплату</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="80"/>
        <source>Som have at most 2 decimals (tyiyn).</source>
        <translation>После запятой не больше 2 цифр (тыйыны).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="106"/>
        <source>Type an amount first.</source>
        <translation>Сначала введите сумму.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="109"/>
        <source>The amount must be more than zero.</source>
        <translation>Сумма должна быть больше нуля.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="111"/>
        <source>The amount is too large.</source>
        <translation>Слишком большая сумма.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="112"/>
        <source>This amount is not valid.</source>
        <translation>Неверная сумма.</translation>
    </message>
</context>
<context>
    <name>SalesList</name>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="95"/>
        <source>Invoice %1</source>
        <translation>Счёт %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="103"/>
        <source>Payment %1 from %2: %3</source>
        <translation>Платёж %1 от %2: %3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="114"/>
        <source>Select an unmatched payment and the invoice it pays.</source>
        <translation>Выберите нераспознанный платёж и счёт, который он оплачивает.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="119"/>
        <source>Today&apos;s sales</source>
        <translation>Продажи за сегодня</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="120"/>
        <source>Search: amount, state, payer, transaction…</source>
        <translation>Поиск: сумма, статус, плательщик, транзакция…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="121"/>
        <source>Unmatched payments (no invoice found)</source>
        <translation>Нераспознанные платежи (счёт не найден)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="122"/>
        <source>Assign to selected invoice</source>
        <translation>Привязать к выбранному счёту</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="89"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="90"/>
        <source>Shop address (receives payments)</source>
        <translation>Адрес кошелька магазина (сюда приходят оплаты)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="90"/>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="91"/>
        <source>Som token contract</source>
        <translation>Контракт токена сом</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="91"/>
        <source>Invoice expiry, minutes</source>
        <translation>Срок действия счёта, минут</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="92"/>
        <source>Default QR format</source>
        <translation>Формат QR по умолчанию</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="92"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="94"/>
        <source>Profile file…</source>
        <translation>Файл профиля…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="95"/>
        <source>Save settings</source>
        <translation>Сохранить настройки</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="97"/>
        <source>0x… (leave empty to keep the network&apos;s token)</source>
        <translation>0x… (если пусто, используется токен сети)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="111"/>
        <source>Network profile</source>
        <translation>Профиль сети</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="133"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="136"/>
        <source>Nothing was saved: correct the fields in red.</source>
        <translation>Ничего не сохранено: исправьте поля, выделенные красным.</translation>
    </message>
</context>
</TS>
