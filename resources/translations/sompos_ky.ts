<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ky_KG">
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="40"/>
        <source>Som POS: customer display</source>
        <translation>Som POS: кардардын экраны</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="46"/>
        <source>Welcome!</source>
        <translation>Кош келиңиз!</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="60"/>
        <source>Scan with your wallet to pay</source>
        <translation>Төлөө үчүн капчыгыңыз менен сканерлеңиз</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="66"/>
        <source>Thank you!</source>
        <translation>Рахмат!</translation>
    </message>
</context>
<context>
    <name>DemoPhone</name>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="48"/>
        <source>Customer&apos;s phone (demo)</source>
        <translation>Кардардын телефону (демо)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="49"/>
        <source>Pay exactly</source>
        <translation>Так төлөө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="50"/>
        <source>Pay half</source>
        <translation>Жарымын төлөө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="51"/>
        <source>Pay 10 som more</source>
        <translation>10 сом ашык төлөө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="56"/>
        <source>No invoice on screen: charge a sale first.</source>
        <translation>Экранда эсеп жок: адегенде сатууну түзүңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="61"/>
        <source>Sending %1…</source>
        <translation>%1 жөнөтүлүүдө…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/demo_phone.py" line="63"/>
        <source>Sent: %1</source>
        <translation>Жөнөтүлдү: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="47"/>
        <source>Welcome to Som POS. Try it first with play money, or set up your shop.</source>
        <translation>Som POS программасына кош келиңиз. Адегенде оюн акчасы менен сынап көрүңүз же дүкөнүңүздү жөндөңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="48"/>
        <source>Try the demo</source>
        <translation>Демону сынап көрүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="49"/>
        <source>Set up my shop</source>
        <translation>Дүкөнүмдү жөндөө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="50"/>
        <source>Your shop&apos;s address: customers pay to it</source>
        <translation>Дүкөнүңүздүн капчык дареги: кардарлар ушуга төлөйт</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="51"/>
        <source>Som token contract 0x… (from the issuer)</source>
        <translation>Сом токенинин контракты 0x… (эмитенттен)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/first_run.py" line="52"/>
        <source>Save and start selling</source>
        <translation>Сактап, сатууну баштоо</translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../../pos_app/ui/models.py" line="30"/>
        <source>Time</source>
        <translation>Убакыт</translation>
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
        <translation>Абалы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="30"/>
        <source>Payer</source>
        <translation>Төлөөчү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="31"/>
        <source>Transaction</source>
        <translation>Транзакция</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="59"/>
        <source>Waiting</source>
        <translation>Күтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="59"/>
        <source>Confirming</source>
        <translation>Ырасталууда</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="59"/>
        <source>Paid</source>
        <translation>Төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="60"/>
        <source>Expired</source>
        <translation>Мөөнөтү бүттү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="60"/>
        <source>Cancelled</source>
        <translation>Жокко чыгарылды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="61"/>
        <source>partly paid</source>
        <translation>жарым-жартылай төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="61"/>
        <source>overpaid</source>
        <translation>ашык төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models.py" line="62"/>
        <source>paid late</source>
        <translation>мөөнөтүнөн кийин төлөндү</translation>
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
        <translation>Сатуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="124"/>
        <source>Sales list</source>
        <translation>Сатуулар тизмеси</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="125"/>
        <source>Customer display</source>
        <translation>Кардардын экраны</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="126"/>
        <source>Settings</source>
        <translation>Жөндөөлөр</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="232"/>
        <source>Assigned: invoice %1 is now up to date.</source>
        <translation>Байланыштырылды: %1-эсеп жаңыланды.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="250"/>
        <source>Syncing %1: block %2 of %3</source>
        <translation>Шайкештирүү %1: %3 блоктун %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="265"/>
        <source>Online: %1 (%2)</source>
        <translation>Байланышта: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="267"/>
        <source>Block %1, %2 s ago</source>
        <translation>Блок %1, %2 сек мурун</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="269"/>
        <source>Connecting to %1…</source>
        <translation>%1 менен туташууда…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="272"/>
        <source>Offline: %1</source>
        <translation>Байланыш жок: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="276"/>
        <source>No connection to the network. Payments will be checked when it returns.</source>
        <translation>Тармак менен байланыш жок. Төлөмдөр байланыш калыбына келгенде текшерилет.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="100"/>
        <source>EIP-681 (most wallets)</source>
        <translation>EIP-681 (көпчүлүк капчыктар)</translation>
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
        <translation>Дарек гана</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="108"/>
        <source>Customer&apos;s wallet:</source>
        <translation>Кардардын капчыгы:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="109"/>
        <source>Cancel sale</source>
        <translation>Сатууну жокко чыгаруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="110"/>
        <source>New sale</source>
        <translation>Жаңы сатуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="126"/>
        <source>Exact amount on chain: %1</source>
        <translation>Блокчейндеги так сумма: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="153"/>
        <source>This wallet format is not available on this network; choose another.</source>
        <translation>Бул капчык форматы бул тармакта иштебейт, башкасын тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="165"/>
        <source>Expires in %1</source>
        <translation>%1 калды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="178"/>
        <source>Paid</source>
        <translation>Төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="180"/>
        <source>The customer paid more than asked: give the difference back.</source>
        <translation>Кардар ашык төлөдү: айырмасын кайтарып бериңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="182"/>
        <source>Paid after the invoice expired; the money has arrived.</source>
        <translation>Эсептин мөөнөтү бүткөндөн кийин төлөндү, акча келди.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="184"/>
        <source>Seen in a block: confirming…</source>
        <translation>Төлөм блокто: ырасталууда…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="186"/>
        <source>Expired</source>
        <translation>Мөөнөтү бүттү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="187"/>
        <source>Start a new sale if the customer still wants to pay.</source>
        <translation>Кардар дагы эле төлөгүсү келсе, жаңы сатууну баштаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="189"/>
        <source>Part was paid before expiry: collect the rest or refund it.</source>
        <translation>Мөөнөтү бүткөнгө чейин бир бөлүгү гана төлөндү: калганын алыңыз же акчаны кайтарыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="191"/>
        <source>Cancelled</source>
        <translation>Жокко чыгарылды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="193"/>
        <source>Waiting for payment</source>
        <translation>Төлөм күтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="195"/>
        <source>Partly paid</source>
        <translation>Жарым-жартылай төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment_screen.py" line="196"/>
        <source>The customer paid less than asked: ask them to pay the rest.</source>
        <translation>Кардар аз төлөдү: калганын төлөп берүүсүн сураныңыз.</translation>
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
        <translation>Төлөөчү</translation>
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
        <translation>Жаңы сатуу: сумманы сом менен териңиз</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="61"/>
        <source>Clear</source>
        <translation>Тазалоо</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="62"/>
        <source>Charge</source>
        <translation>Төлөм алуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="80"/>
        <source>Som have at most 2 decimals (tyiyn).</source>
        <translation>Үтүрдөн кийин 2 гана сан болот (тыйын).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="106"/>
        <source>Type an amount first.</source>
        <translation>Адегенде сумманы териңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="109"/>
        <source>The amount must be more than zero.</source>
        <translation>Сумма нөлдөн чоң болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="111"/>
        <source>The amount is too large.</source>
        <translation>Сумма өтө чоң.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="112"/>
        <source>This amount is not valid.</source>
        <translation>Сумма туура эмес.</translation>
    </message>
</context>
<context>
    <name>SalesList</name>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="95"/>
        <source>Invoice %1</source>
        <translation>Эсеп %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="103"/>
        <source>Payment %1 from %2: %3</source>
        <translation>Төлөм %1, төлөөчү %2: %3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="114"/>
        <source>Select an unmatched payment and the invoice it pays.</source>
        <translation>Таанылбаган төлөмдү жана ал төлөгөн эсепти тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="119"/>
        <source>Today&apos;s sales</source>
        <translation>Бүгүнкү сатуулар</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="120"/>
        <source>Search: amount, state, payer, transaction…</source>
        <translation>Издөө: сумма, абалы, төлөөчү, транзакция…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="121"/>
        <source>Unmatched payments (no invoice found)</source>
        <translation>Таанылбаган төлөмдөр (эсеп табылган жок)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sales_list.py" line="122"/>
        <source>Assign to selected invoice</source>
        <translation>Тандалган эсепке байланыштыруу</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="89"/>
        <source>Settings</source>
        <translation>Жөндөөлөр</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="90"/>
        <source>Shop address (receives payments)</source>
        <translation>Дүкөндүн капчык дареги (төлөмдөр ушуга келет)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="90"/>
        <source>Network</source>
        <translation>Тармак</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="91"/>
        <source>Som token contract</source>
        <translation>Сом токенинин контракты</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="91"/>
        <source>Invoice expiry, minutes</source>
        <translation>Эсептин мөөнөтү, мүнөт</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="92"/>
        <source>Default QR format</source>
        <translation>Демейки QR форматы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="92"/>
        <source>Language</source>
        <translation>Тил</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="94"/>
        <source>Profile file…</source>
        <translation>Профиль файлы…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="95"/>
        <source>Save settings</source>
        <translation>Жөндөөлөрдү сактоо</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="97"/>
        <source>0x… (leave empty to keep the network&apos;s token)</source>
        <translation>0x… (бош калса, тармактын токени колдонулат)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="111"/>
        <source>Network profile</source>
        <translation>Тармак профили</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="133"/>
        <source>Saved.</source>
        <translation>Сакталды.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/settings_screen.py" line="136"/>
        <source>Nothing was saved: correct the fields in red.</source>
        <translation>Эч нерсе сакталган жок: кызыл менен белгиленген талааларды оңдоңуз.</translation>
    </message>
</context>
</TS>
