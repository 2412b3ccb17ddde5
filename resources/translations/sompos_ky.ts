<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ky_KG">
<context>
    <name></name>
    <message>
        <source>the customer spent this money elsewhere first</source>
        <translation type="vanished">кардар бул акчаны мурун башка жерде сарптап койгон</translation>
    </message>
    <message>
        <source>the customer&apos;s account did not have enough</source>
        <translation type="vanished">кардардын эсебинде каражат жетишкен жок</translation>
    </message>
    <message>
        <source>the token refused the transfer</source>
        <translation type="vanished">токен которууну четке какты</translation>
    </message>
    <message>
        <source>the customer cancelled the payment</source>
        <translation type="vanished">кардар төлөмдү жокко чыгарды</translation>
    </message>
    <message>
        <source>it could not be sent in time</source>
        <translation type="vanished">аны өз убагында жөнөтүү мүмкүн болгон жок</translation>
    </message>
    <message>
        <source>the network refused it</source>
        <translation type="vanished">тармак аны четке какты</translation>
    </message>
</context>
<context>
    <name>CheckoutController</name>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="120"/>
        <source>This sale is still waiting for %1.</source>
        <translation>Бул сатуу дагы эле төлөмдү күтүүдө: %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="123"/>
        <source>%1 has been received on it.</source>
        <translation>Ага %1 келип түштү.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="125"/>
        <source>A sale kept open is still paid if the customer pays; find it under Sales.</source>
        <translation>Ачык калтырылган сатуу кардар төлөсө төлөнөт; аны сатуулар тизмесинен табасыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="134"/>
        <source>Keep it open, new sale</source>
        <translation>Ачык калтыруу, жаңы сатуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="135"/>
        <source>Cancel this sale</source>
        <translation>Бул сатууну жокко чыгаруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="136"/>
        <source>Back to this sale</source>
        <translation>Бул сатууга кайтуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="140"/>
        <source>Cancel this sale? A payment that arrives later is kept for you to give back.</source>
        <translation>Бул сатууну жокко чыгарасызбы? Кийин келген төлөм кайтарып берүү үчүн сакталат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="143"/>
        <source>%1 has been received on it: give it back.</source>
        <translation>Ага %1 келип түштү: аны кайтарып бериңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="147"/>
        <source>Cancel the sale</source>
        <translation>Сатууну жокко чыгаруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="148"/>
        <source>Keep the sale</source>
        <translation>Сатууну калтыруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="157"/>
        <source>Accept sale %1 as paid although %2 is missing? The customer&apos;s exchange may have kept a fee. The shortfall is written in the sale&apos;s history.</source>
        <translation>%1-сатууну %2 жетпесе да төлөндү деп кабыл аласызбы? Кардардын биржасы комиссия кармап калышы мүмкүн. Жетпеген сумма сатуунун тарыхына жазылат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="162"/>
        <source>Accept as paid</source>
        <translation>Төлөндү деп кабыл алуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/checkout.py" line="163"/>
        <source>Keep waiting for the rest</source>
        <translation>Калганын күтүү</translation>
    </message>
</context>
<context>
    <name>ClockWords</name>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="39"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n мүнөт</numerusform>
            <numerusform>%n мүнөт</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="42"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n саат</numerusform>
            <numerusform>%n саат</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="45"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n күн</numerusform>
            <numerusform>%n күн</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="47"/>
        <source>The computer&apos;s clock is %1 ahead of the network&apos;s: set the date and time.</source>
        <translation>Компьютердин сааты тармактын убактысынан %1 алдыда: датаны жана убакытты тууралаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/clock_warning.py" line="49"/>
        <source>The computer&apos;s clock is %1 behind the network&apos;s: set the date and time.</source>
        <translation>Компьютердин сааты тармактын убактысынан %1 артта: датаны жана убакытты тууралаңыз.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="48"/>
        <source>Som POS: customer display</source>
        <translation>Som POS: кардардын экраны</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="55"/>
        <source>Welcome!</source>
        <translation>Кош келиңиз!</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="67"/>
        <source>Your change: %1</source>
        <translation>Сиздин кайтарымыңыз: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="69"/>
        <source>Paid %1. Left to pay: %2</source>
        <translation>Төлөндү %1. Дагы төлөнүшү керек: %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="77"/>
        <source>Scan with your wallet to pay</source>
        <translation>Төлөө үчүн капчыгыңыз менен сканерлеңиз</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/customer_display.py" line="84"/>
        <source>Thank you!</source>
        <translation>Рахмат!</translation>
    </message>
</context>
<context>
    <name>DemoPhone</name>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="110"/>
        <source>Customer&apos;s phone (demo)</source>
        <translation>Кардардын телефону (демо)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="111"/>
        <source>Pay exactly</source>
        <translation>Так төлөө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="112"/>
        <source>Pay half</source>
        <translation>Жарымын төлөө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="113"/>
        <source>Pay 10 som more</source>
        <translation>10 сом ашык төлөө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="114"/>
        <source>Pay without the shop&apos;s network</source>
        <translation>Дүкөндө тармак жок кезде төлөө</translation>
    </message>
    <message>
        <source>Authorization (EIP-3009)</source>
        <translation type="vanished">Авторизация (EIP-3009)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="117"/>
        <source>Payment permission (no network fee)</source>
        <translation>Төлөмгө уруксат (тармак комиссиясыз)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="118"/>
        <source>Signed transfer</source>
        <translation>Кол коюлган которуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="120"/>
        <source>Sign offline payment</source>
        <translation>Офлайн төлөмгө кол коюу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="121"/>
        <source>Hand over (scan)</source>
        <translation>Кассирге берүү (сканерлөө)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="122"/>
        <source>Shop network: ON</source>
        <translation>Дүкөндүн тармагы: күйгүзүлгөн</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="123"/>
        <source>Shop network: OFF</source>
        <translation>Дүкөндүн тармагы: өчүрүлгөн</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="128"/>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="163"/>
        <source>No invoice on screen: charge a sale first.</source>
        <translation>Экранда эсеп жок: адегенде сатууну түзүңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="139"/>
        <source>Sending %1…</source>
        <translation>%1 жөнөтүлүүдө…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="141"/>
        <source>Sent: %1</source>
        <translation>Жөнөтүлдү: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/demo_phone.py" line="173"/>
        <source>Signed. Show this QR to the cashier.</source>
        <translation>Кол коюлду. Бул QR кодду кассирге көрсөтүңүз.</translation>
    </message>
</context>
<context>
    <name>FailureBar</name>
    <message>
        <location filename="../../pos_app/ui/screens/offline/failure_bar.py" line="37"/>
        <source>Collect again</source>
        <translation>Төлөмдү кайра алуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/failure_bar.py" line="38"/>
        <source>Mark resolved</source>
        <translation>Чечилди деп белгилөө</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="195"/>
        <source>Welcome to Som POS. Try it first with play money, or set up your shop.</source>
        <translation>Som POS программасына кош келиңиз. Адегенде оюн акчасы менен сынап көрүңүз же дүкөнүңүздү жөндөңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="196"/>
        <source>Try the demo</source>
        <translation>Демону сынап көрүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="197"/>
        <source>Set up my shop</source>
        <translation>Дүкөнүмдү жөндөө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="198"/>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="199"/>
        <source>Your shop&apos;s address: customers pay to it</source>
        <translation>Дүкөнүңүздүн капчык дареги: кардарлар ушуга төлөйт</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="200"/>
        <source>Network</source>
        <translation>Тармак</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="201"/>
        <source>Som token contract (from the issuer)</source>
        <translation>Сом токенинин контракты (эмитенттен)</translation>
    </message>
    <message>
        <source>Som token contract 0x… (from the issuer)</source>
        <translation type="vanished">Сом токенинин контракты 0x… (эмитенттен)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="203"/>
        <source>Offline payments: signed transfers only, until the till has checked at its first connection whether the token also takes authorizations.</source>
        <translation>Офлайн төлөмдөр: касса биринчи туташканда токен авторизацияларды да кабыл аларын текшергенге чейин кол коюлган которуулар гана.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="205"/>
        <source>Next</source>
        <translation>Кийинки</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="206"/>
        <source>Is this the shop&apos;s only till that takes som payments?</source>
        <translation>Бул касса дүкөндө сом менен төлөм кабыл алган жалгыз кассабы?</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="207"/>
        <source>Tills of one shop share its address, so each must know its own number: two tills with the same number could both count one payment.</source>
        <translation>Бир дүкөндүн кассалары бир дарекке төлөм кабыл алат, ошондуктан ар биринин өз номери болушу керек: номери бирдей эки касса бир эле төлөмдү экөө тең эсептеп алышы мүмкүн.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="209"/>
        <source>Yes, it is the only till</source>
        <translation>Ооба, жалгыз касса</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="210"/>
        <source>No, the shop has more tills</source>
        <translation>Жок, дүкөндө башка кассалар да бар</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="211"/>
        <source>How many tills take som payments, and which one is this?</source>
        <translation>Канча касса сом менен төлөм кабыл алат, бул касса алардын канчанчысы?</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="212"/>
        <source>Tills that take som payments</source>
        <translation>Сом менен төлөм алган кассалардын саны</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="213"/>
        <source>This is till number</source>
        <translation>Бул кассанын номери</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/first_run.py" line="214"/>
        <source>Save and start selling</source>
        <translation>Сактап, сатууну баштоо</translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="34"/>
        <source>Time</source>
        <translation>Убакыт</translation>
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
        <translation>Абалы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="35"/>
        <source>Payer</source>
        <translation>Төлөөчү</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation type="vanished">Транзакция</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="34"/>
        <source>Price</source>
        <translation>Баасы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="34"/>
        <source>Received</source>
        <translation>Келип түштү</translation>
    </message>
    <message>
        <source>Still due / change</source>
        <translation type="vanished">Калды / кайтарым</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="34"/>
        <source>Still due</source>
        <translation>Калды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="35"/>
        <source>Give back</source>
        <translation>Кайтаруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="87"/>
        <location filename="../../pos_app/ui/models/tables.py" line="89"/>
        <source>give back %1</source>
        <translation>%1 кайтарып берүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="91"/>
        <source>%1 due</source>
        <translation>%1 калды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="116"/>
        <source>Sent for another till (sale %1 there)</source>
        <translation>Башка касса үчүн жөнөтүлдү (ал жактагы %1-сатуу)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="vanished">Күтүлүүдө</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation type="vanished">Ырасталууда</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="vanished">Төлөндү</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="vanished">Мөөнөтү бүттү</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="vanished">Жокко чыгарылды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="117"/>
        <source>partly paid</source>
        <translation>жарым-жартылай төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="117"/>
        <source>overpaid</source>
        <translation>ашык төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="118"/>
        <source>paid late</source>
        <translation>мөөнөтүнөн кийин төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="121"/>
        <source>accepted short by %1</source>
        <translation>%1 кем болсо да кабыл алынды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="123"/>
        <source>its payment left the network</source>
        <translation>төлөмү тармактан чыгып кетти</translation>
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
        <translation>Сатуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="255"/>
        <source>Sales list</source>
        <translation>Сатуулар тизмеси</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="256"/>
        <source>Customer display</source>
        <translation>Кардардын экраны</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="257"/>
        <source>Settings</source>
        <translation>Жөндөөлөр</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="258"/>
        <source>Offline queue</source>
        <translation>Офлайн кезек</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/shell/main_window.py" line="404"/>
        <source>Catching up with payments made while offline (%n step(s) left)…</source>
        <translation>
            <numerusform>Тармаксыз жасалган төлөмдөр текшерилүүдө (%n кадам калды)…</numerusform>
            <numerusform>Тармаксыз жасалган төлөмдөр текшерилүүдө (%n кадам калды)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Catching up with payments made while offline (%1 steps left)…</source>
        <translation type="vanished">Тармаксыз жасалган төлөмдөр текшерилүүдө (калган кадамдар: %1)…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="448"/>
        <source>Network checked %1 s ago</source>
        <translation>Тармак %1 сек мурун текшерилди</translation>
    </message>
    <message>
        <source>Collect again</source>
        <translation type="vanished">Төлөмдү кайра алуу</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation type="vanished">Чечилди деп белгилөө</translation>
    </message>
    <message>
        <source>Assigned: invoice %1 is now up to date.</source>
        <translation type="vanished">Байланыштырылды: %1-эсеп жаңыланды.</translation>
    </message>
    <message>
        <source>Syncing %1: block %2 of %3</source>
        <translation type="vanished">Шайкештирүү %1: %3 блоктун %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="432"/>
        <source>Records changed outside the app: tell the manager</source>
        <translation>Жазуулар программадан тышкары өзгөртүлгөн: башкаруучуга кабарлаңыз</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="445"/>
        <source>Online: %1</source>
        <translation>Байланышта: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="447"/>
        <source>Online: %1 (%2)</source>
        <translation>Байланышта: %1 (%2)</translation>
    </message>
    <message>
        <source>Block %1, %2 s ago</source>
        <translation type="vanished">Блок %1, %2 сек мурун</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="450"/>
        <source>Connecting to %1…</source>
        <translation>%1 менен туташууда…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="453"/>
        <source>Offline: %1</source>
        <translation>Байланыш жок: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="456"/>
        <source>Last contact %1 min ago</source>
        <translation>Акыркы байланыш %1 мүн мурун</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="463"/>
        <source>Connect this till to the internet once to finish setting up: it must read the som token&apos;s details before it can ask for exact amounts. Until then it cannot take payments.</source>
        <translation>Орнотууну бүтүрүү үчүн бул кассаны интернетке бир жолу туташтырыңыз: так сумманы сураардан мурун ал сом токенинин маалыматын окушу керек. Ага чейин касса төлөм ала албайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shell/main_window.py" line="468"/>
        <source>No connection to the network. Payments will be checked when it returns.</source>
        <translation>Тармак менен байланыш жок. Төлөмдөр байланыш калыбына келгенде текшерилет.</translation>
    </message>
</context>
<context>
    <name>OfflineAcceptScreen</name>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="75"/>
        <source>Scan the QR code on the customer&apos;s phone, or paste it, or open a file or a picture of it. The payment is checked here, without the network.</source>
        <translation>Кардардын телефонундагы QR кодду сканерлеңиз, чаптаңыз же анын файлын же сүрөтүн ачыңыз. Төлөм ушул жерде, тармаксыз текшерилет.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="77"/>
        <source>Scan or paste the payment here</source>
        <translation>Төлөмдү ушул жерге сканерлеңиз же чаптаңыз</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="78"/>
        <source>Paste</source>
        <translation>Чаптоо</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="79"/>
        <source>Open file…</source>
        <translation>Файлды ачуу…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="80"/>
        <source>Check</source>
        <translation>Текшерүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="81"/>
        <source>Accept payment</source>
        <translation>Төлөмдү кабыл алуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="82"/>
        <source>Back to the QR</source>
        <translation>QR кодго кайтуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="87"/>
        <source>Offline payment for sale %1: %2</source>
        <translation>%1-сатуу үчүн офлайн төлөм: %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="117"/>
        <source>Open a payment file or QR picture</source>
        <translation>Төлөм файлын же QR сүрөтүн ачыңыз</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="118"/>
        <source>Payments and pictures (*.txt *.json *.png *.jpg *.jpeg *.bmp *.gif);;All files (*)</source>
        <translation>Төлөмдөр жана сүрөттөр (*.txt *.json *.png *.jpg *.jpeg *.bmp *.gif);;Бардык файлдар (*)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="126"/>
        <source>Reading the file…</source>
        <translation>Файл окулууда…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="136"/>
        <source>Nothing was scanned.</source>
        <translation>Эч нерсе сканерленген жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="139"/>
        <source>Checking…</source>
        <translation>Текшерилүүдө…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="145"/>
        <source>Saving…</source>
        <translation>Сакталууда…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="156"/>
        <source>Valid payment of %1 from %2.</source>
        <translation>Төлөм туура: %1, төлөөчү %2.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="158"/>
        <source>Offline payments have waited over 12 hours: connect soon.</source>
        <translation>Офлайн төлөмдөр 12 сааттан ашык күтүп жатат: тезирээк тармакка туташыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="160"/>
        <source>Careful: a payment from this customer failed before.</source>
        <translation>Этият болуңуз: бул кардардын төлөмү мурун өтпөй калган.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_accept.py" line="170"/>
        <source>Do not accept: %1</source>
        <translation>Кабыл албаңыз: %1</translation>
    </message>
</context>
<context>
    <name>OfflineController</name>
    <message>
        <source>%1 offline payments (%2) waiting to be sent.</source>
        <translation type="vanished">Жөнөтүлүүнү күтүп жаткан офлайн төлөмдөр: %1 (%2).</translation>
    </message>
    <message>
        <source>Offline payment %1 (%2) reached the chain and is final.</source>
        <translation type="vanished">%1 офлайн төлөмү (%2) блокчейнге кирди жана акыркы жолу ырасталды.</translation>
    </message>
    <message>
        <source>Sending to the network: %1 payments still to finish.</source>
        <translation type="vanished">Тармакка жөнөтүлүүдө: дагы %1 төлөм бүтө элек.</translation>
    </message>
    <message>
        <source>Everything accepted offline has been sent and is final or closed.</source>
        <translation type="vanished">Офлайн кабыл алынгандардын баары жөнөтүлдү жана акыркы жолу ырасталды же жабылды.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="214"/>
        <source>%n offline payment(s) (%1) waiting to be sent.</source>
        <translation>
            <numerusform>%n офлайн төлөм (%1) жөнөтүлүүнү күтүүдө.</numerusform>
            <numerusform>%n офлайн төлөм (%1) жөнөтүлүүнү күтүүдө.</numerusform>
        </translation>
    </message>
    <message>
        <source>The relay key needs more BNB to pay the network fee for the waiting authorizations.</source>
        <translation type="vanished">Күтүп жаткан авторизациялар үчүн тармактын комиссиясын төлөөгө жөнөтүүчү ачкычта BNB жетишпейт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="260"/>
        <source>Offline payment %1 (%2) has arrived and is confirmed.</source>
        <translation>Офлайн төлөм %1 (%2) келип түштү жана толук ырасталды.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="273"/>
        <source>The relay key needs more BNB to pay the network fee for the waiting payment permissions.</source>
        <translation>Күтүп жаткан төлөмгө уруксаттар үчүн тармак комиссиясын төлөөгө жөнөтүүчү ачкычта BNB жетишпейт.</translation>
    </message>
    <message>
        <source>the customer spent this money elsewhere first</source>
        <translation type="vanished">кардар бул акчаны мурун башка жерде сарптап койгон</translation>
    </message>
    <message>
        <source>the customer&apos;s account did not have enough</source>
        <translation type="vanished">кардардын эсебинде каражат жетишкен жок</translation>
    </message>
    <message>
        <source>the token refused the transfer</source>
        <translation type="vanished">токен которууну четке какты</translation>
    </message>
    <message>
        <source>the customer cancelled the payment</source>
        <translation type="vanished">кардар төлөмдү жокко чыгарды</translation>
    </message>
    <message>
        <source>it could not be sent in time</source>
        <translation type="vanished">аны өз убагында жөнөтүү мүмкүн болгон жок</translation>
    </message>
    <message>
        <source>the network refused it</source>
        <translation type="vanished">тармак аны четке какты</translation>
    </message>
    <message>
        <source>it never went through: the network held it back</source>
        <translation type="vanished">ал эч өткөн жок: тармак аны кармап калды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="285"/>
        <source>Offline payment failed: %1 from %2 for sale %3: %4. Charge the customer again, or mark it resolved if it was settled another way.</source>
        <translation>Офлайн төлөм өтпөй калды: %1, төлөөчү %2, %3-сатуу: %4. Кардардан төлөмдү кайра алыңыз же башка жол менен эсептешкен болсо, чечилди деп белгилеңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="291"/>
        <source>(%1 more)</source>
        <translation>(дагы %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="330"/>
        <source>Saved %n payment(s) to %1. This till will not send them; take the file to a connected till.</source>
        <translation>
            <numerusform>%n төлөм %1 файлына сакталды. Бул касса аларды жөнөтпөйт; файлды тармакка туташкан кассага алып барыңыз.</numerusform>
            <numerusform>%n төлөм %1 файлына сакталды. Бул касса аларды жөнөтпөйт; файлды тармакка туташкан кассага алып барыңыз.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="350"/>
        <source>This till&apos;s own file: %n payment(s) will be sent from this till again.</source>
        <translation>
            <numerusform>Бул ушул кассанын өз файлы: %n төлөмдү кайрадан ушул касса жөнөтөт.</numerusform>
            <numerusform>Бул ушул кассанын өз файлы: %n төлөмдү кайрадан ушул касса жөнөтөт.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="352"/>
        <source>Loaded %n payment(s) (%1 already here); they are sent with this till&apos;s queue.</source>
        <translation>
            <numerusform>%n төлөм жүктөлдү (мурунтан бар болгону: %1); алар ушул кассанын кезеги менен жөнөтүлөт.</numerusform>
            <numerusform>%n төлөм жүктөлдү (мурунтан бар болгону: %1); алар ушул кассанын кезеги менен жөнөтүлөт.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="373"/>
        <source>%n saved payment(s) will be sent from this till again.</source>
        <translation>
            <numerusform>Сакталган %n төлөмдү кайрадан ушул касса жөнөтөт.</numerusform>
            <numerusform>Сакталган %n төлөмдү кайрадан ушул касса жөнөтөт.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="384"/>
        <source>Payment %1 is back in line; it is sent at the next connection.</source>
        <translation>%1-төлөм кайра кезекте; ал кийинки туташууда жөнөтүлөт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="427"/>
        <source>Relay key created. Top it up with BNB for network fees (its account is under Details).</source>
        <translation>Жөнөтүүчү ачкыч түзүлдү. Тармак комиссиясы үчүн ага BNB салыңыз (анын эсеби «Толугураак» бөлүмүндө).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="440"/>
        <source>Relay key imported and unlocked.</source>
        <translation>Жөнөтүүчү ачкыч импорттолду жана кулпусу ачылды.</translation>
    </message>
    <message>
        <source>Saved %1 payments to %2. This till will not send them; take the file to a connected till.</source>
        <translation type="vanished">%1 төлөм сакталды, файл: %2. Бул касса аларды жөнөтпөйт; файлды тармакка туташкан кассага алып барыңыз.</translation>
    </message>
    <message>
        <source>This till&apos;s own file: %1 payments are sent from this till again.</source>
        <translation type="vanished">Бул ушул кассанын өз файлы: %1 төлөмдү кайрадан ушул касса жөнөтөт.</translation>
    </message>
    <message>
        <source>Loaded %1 payments (%2 were already here); they are sent with this till&apos;s queue.</source>
        <translation type="vanished">%1 төлөм жүктөлдү (%2 төлөм мурунтан эле бар болчу); алар ушул кассанын кезеги менен жөнөтүлөт.</translation>
    </message>
    <message>
        <source>%1 saved payments are sent from this till again.</source>
        <translation type="vanished">Сакталган төлөмдөрдү (%1) кайрадан ушул касса жөнөтөт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/offline_controller.py" line="414"/>
        <source>Relay key unlocked.</source>
        <translation>Жөнөтүүчү ачкычтын кулпусу ачылды.</translation>
    </message>
    <message>
        <source>Relay key %1 created; send it some BNB for network fees.</source>
        <translation type="vanished">Жөнөтүүчү ачкыч %1 түзүлдү; тармактын комиссиясы үчүн ага бир аз BNB жөнөтүңүз.</translation>
    </message>
    <message>
        <source>Relay key %1 imported and unlocked.</source>
        <translation type="vanished">Жөнөтүүчү ачкыч %1 импорттолду жана кулпусу ачылды.</translation>
    </message>
</context>
<context>
    <name>PayerNameDialog</name>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="83"/>
        <source>Name this payer</source>
        <translation>Төлөөчүгө ат берүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="84"/>
        <source>Wallet %1</source>
        <translation>Капчык %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="86"/>
        <source>Reading the name…</source>
        <translation>Аты окулууда…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="88"/>
        <source>Exchange (%1): many customers pay from this wallet, so it carries no person&apos;s name.</source>
        <translation>Биржа (%1): бул капчыктан көп кардарлар төлөйт, ошондуктан анда адамдын аты жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="91"/>
        <source>Shared wallet: several customers pay from it (an exchange&apos;s or a shared one), so it carries no person&apos;s name.</source>
        <translation>Жалпы капчык: андан ар түрдүү кардарлар төлөйт (биржа же жалпы капчык), ошондуктан анда адамдын аты жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="94"/>
        <source>Now: %1</source>
        <translation>Азыр: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="96"/>
        <source>No name yet</source>
        <translation>Азырынча аты жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="97"/>
        <source>Name, e.g. Aibek</source>
        <translation>Аты, мисалы Айбек</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="98"/>
        <source>Leave it empty to forget the name. The name is only the shop&apos;s note, not proof of who paid.</source>
        <translation>Атын унутуу үчүн бош калтырыңыз. Ат — дүкөндүн эскертмеси гана, ким төлөгөнүнүн далили эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="100"/>
        <source>Save</source>
        <translation>Сактоо</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/payer_name.py" line="101"/>
        <source>Cancel</source>
        <translation>Жокко чыгаруу</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <source>EIP-681 (most wallets)</source>
        <translation type="vanished">EIP-681 (көпчүлүк капчыктар)</translation>
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
        <translation type="vanished">Дарек гана</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="196"/>
        <source>Customer&apos;s wallet:</source>
        <translation>Кардардын капчыгы:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="197"/>
        <source>Cancel sale</source>
        <translation>Сатууну жокко чыгаруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="198"/>
        <source>Customer pays offline (scan)</source>
        <translation>Кардар офлайн төлөйт (скан)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="199"/>
        <source>New sale</source>
        <translation>Жаңы сатуу</translation>
    </message>
    <message>
        <source>Exact amount on chain: %1</source>
        <translation type="vanished">Блокчейндеги так сумма: %1</translation>
    </message>
    <message>
        <source>Exact amount the wallet sends: %1 som</source>
        <translation type="vanished">Капчык жөнөтө турган так сумма: %1 сом</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="278"/>
        <source>This wallet format is not available on this network; choose another.</source>
        <translation>Бул капчык форматы бул тармакта иштебейт, башкасын тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="290"/>
        <source>Expires in %1</source>
        <translation>%1 калды</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="vanished">Төлөндү</translation>
    </message>
    <message>
        <source>The customer paid more than asked: give the difference back.</source>
        <translation type="vanished">Кардар ашык төлөдү: айырмасын кайтарып бериңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="329"/>
        <source>Paid after the invoice expired; the money has arrived.</source>
        <translation>Эсептин мөөнөтү бүткөндөн кийин төлөндү, акча келди.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="331"/>
        <source>Payment arrived: confirming…</source>
        <translation>Төлөм келди: ырасталууда…</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="vanished">Мөөнөтү бүттү</translation>
    </message>
    <message>
        <source>Start a new sale if the customer still wants to pay.</source>
        <translation type="vanished">Кардар дагы эле төлөгүсү келсе, жаңы сатууну баштаңыз.</translation>
    </message>
    <message>
        <source>Part was paid before expiry: collect the rest or refund it.</source>
        <translation type="vanished">Мөөнөтү бүткөнгө чейин бир бөлүгү гана төлөндү: калганын алыңыз же акчаны кайтарыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="200"/>
        <source>Charge again</source>
        <translation>Кайра эсеп коюу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="201"/>
        <source>Details</source>
        <translation>Толугураак</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="229"/>
        <source>Exact amount the wallet sends: %1 som. The last digits tell this sale apart from others; a wallet that rounds them away still pays in full.</source>
        <translation>Капчык жөнөтө турган так сумма: %1 сом. Акыркы сандар бул сатууну башкалардан айырмалайт; капчык аларды тегеректесе да төлөм толук болот.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="319"/>
        <source>Sent for another till (sale %1 there)</source>
        <translation>Башка касса үчүн жөнөтүлдү (ал жактагы %1-сатуу)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="321"/>
        <source>Not this till&apos;s sale: it is not counted in this till&apos;s money.</source>
        <translation>Бул башка кассанын сатуусу: ал бул кассанын акчасына кошулбайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="325"/>
        <source>Paid (accepted short by %1)</source>
        <translation>Төлөндү (%1 кем болсо да кабыл алынды)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="327"/>
        <source>The customer paid more than asked: give the change back.</source>
        <translation>Кардар керегинен көп төлөдү: кайтарымды бериңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="333"/>
        <source>Accepted as paid, short by %1.</source>
        <translation>Төлөндү деп кабыл алынды, жетпеген сумма: %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="336"/>
        <source>Tap &quot;Charge again&quot; if the customer still wants to pay.</source>
        <translation>Кардар дагы эле төлөгүсү келсе, «Кайра эсеп коюу» баскычын басыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="338"/>
        <source>Part was paid before it expired: charge again for the rest, or give the part back.</source>
        <translation>Мөөнөтү бүткөнгө чейин бир бөлүгү төлөндү: калганына кайра эсеп коюңуз же төлөнгөн бөлүгүн кайтарыңыз.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="vanished">Жокко чыгарылды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="343"/>
        <source>Accepted offline</source>
        <translation>Офлайн кабыл алынды</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="344"/>
        <source>Pending network: it is sent when a connection appears. The sale is done; start a new one.</source>
        <translation>Тармак күтүлүүдө: байланыш пайда болгондо төлөм жөнөтүлөт. Сатуу бүттү, жаңысын баштаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="347"/>
        <source>Waiting for payment</source>
        <translation>Төлөм күтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="349"/>
        <source>Partly paid</source>
        <translation>Жарым-жартылай төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="350"/>
        <source>Ask the customer to scan again: the code now asks only for the rest.</source>
        <translation>Кардардан кайра сканерлөөнү сураныңыз: эми код калган сумманы гана сурайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="352"/>
        <source>No connection: the customer can still pay from their phone without the network. Tap &quot;Customer pays offline (scan)&quot;.</source>
        <translation>Байланыш жок: кардар тармаксыз эле телефонунан төлөй алат. «Кардар офлайн төлөйт (скан)» баскычын басыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="356"/>
        <source>This sale was paid, but its payment has left the network: ask the customer, or charge again.</source>
        <translation>Бул сатуу төлөнгөн, бирок анын төлөмү тармактан чыгып кетти: кардардан сураңыз же кайра эсеп коюңуз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="366"/>
        <source>Accept as paid (short %1)</source>
        <translation>Төлөндү деп кабыл алуу (%1 кем)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="394"/>
        <source>Received: %1</source>
        <translation>Келип түштү: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="397"/>
        <source>Still due: %1</source>
        <translation>Дагы төлөнүшү керек: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="399"/>
        <location filename="../../pos_app/ui/screens/sale/payment_screen.py" line="402"/>
        <source>Give back: %1</source>
        <translation>Кайтарып берүү: %1</translation>
    </message>
    <message>
        <source>The customer paid less than asked: ask them to pay the rest.</source>
        <translation type="vanished">Кардар аз төлөдү: калганын төлөп берүүсүн сураныңыз.</translation>
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
        <translation>ушул кассанын номерин колдонгон башка кассага төлөнгөн</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="221"/>
        <source>matches an earlier request of sale %1</source>
        <translation>%1-сатуунун мурунку суроосуна дал келет</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="251"/>
        <source>Payer</source>
        <translation>Төлөөчү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="251"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="251"/>
        <source>Time</source>
        <translation>Убакыт</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/models/tables.py" line="251"/>
        <source>Note</source>
        <translation>Эскертүү</translation>
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
        <translation>Убакыт</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="63"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="63"/>
        <source>Payer</source>
        <translation>Төлөөчү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="63"/>
        <source>Sale</source>
        <translation>Сатуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="64"/>
        <source>Kind</source>
        <translation>Түрү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="64"/>
        <source>State</source>
        <translation>Абалы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="64"/>
        <source>Reason</source>
        <translation>Себеби</translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="vanished">Кабыл алынган</translation>
    </message>
    <message>
        <source>Waiting for network</source>
        <translation type="vanished">Тармак күтүлүүдө</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="vanished">Жөнөтүлгөн</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="86"/>
        <source>Payment permission</source>
        <translation>Төлөмгө уруксат</translation>
    </message>
    <message>
        <source>In a block</source>
        <translation type="vanished">Блокко кирген</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="vanished">Аткарылган</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation type="vanished">Ырасталууда</translation>
    </message>
    <message>
        <source>Refused by network</source>
        <translation type="vanished">Тармак четке какты</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="vanished">Мөөнөтү бүттү</translation>
    </message>
    <message>
        <source>Spent elsewhere</source>
        <translation type="vanished">Башка жерде сарпталган</translation>
    </message>
    <message>
        <source>No funds</source>
        <translation type="vanished">Каражат жок</translation>
    </message>
    <message>
        <source>Failed on chain</source>
        <translation type="vanished">Блокчейнде өтпөй калды</translation>
    </message>
    <message>
        <source>Cancelled by payer</source>
        <translation type="vanished">Төлөөчү жокко чыгарды</translation>
    </message>
    <message>
        <source>Refused by the som token</source>
        <translation type="vanished">Сом токени четке какты</translation>
    </message>
    <message>
        <source>Never went through</source>
        <translation type="vanished">Эч өткөн жок</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="vanished">Көңүл буруу керек</translation>
    </message>
    <message>
        <source>Checked offline, waiting for the network</source>
        <translation type="vanished">Офлайн текшерилди, тармакты күтүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="86"/>
        <source>Signed transfer</source>
        <translation>Кол коюлган которуу</translation>
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
        <translation>Жөнөтүлө элек төлөмдөрдү башка касса үчүн сактоо</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="247"/>
        <source>Load payments from another till</source>
        <translation>Башка кассадан төлөмдөрдү жүктөө</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="255"/>
        <source>Another till&apos;s file</source>
        <translation>Башка кассанын файлы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="256"/>
        <source>This file comes from the till numbered

%1

Is this the number shown on that till&apos;s Offline payments screen? Accept only if it is exactly the same.</source>
        <translation>Бул файл төмөнкү номердеги кассада түзүлгөн:

%1

Ошол кассанын «Офлайн төлөмдөр» экранында ушул номер көрсөтүлгөнбү? Толугу менен дал келсе гана кабыл алыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="262"/>
        <source>Nothing was loaded: the till was not accepted.</source>
        <translation>Эч нерсе жүктөлгөн жок: касса кабыл алынган жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="266"/>
        <source>Take back</source>
        <translation>Кайтарып алуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="267"/>
        <source>Send the payments saved for another till from this till? Do this when the file was lost or not loaded there. A payment already sent by the other till is not paid twice.</source>
        <translation>Башка касса үчүн сакталган төлөмдөрдү ушул кассадан жөнөтөсүзбү? Файл жоголсо же ал жакка жүктөлбөсө ушундай кылыңыз. Башка касса мурун жөнөткөн төлөм эки жолу төлөнбөйт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="275"/>
        <source>This till&apos;s number: %1</source>
        <translation>Бул кассанын номери: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="278"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="302"/>
        <source>Relay key</source>
        <translation>Жөнөтүүчү ачкыч</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="278"/>
        <source>Passphrase of the relay key:</source>
        <translation>Жөнөтүүчү ачкычтын сырсөз айкашы:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="284"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="289"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="312"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="317"/>
        <source>New relay key</source>
        <translation>Жаңы жөнөтүүчү ачкыч</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="285"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="313"/>
        <source>Choose a passphrase (at least 10 characters):</source>
        <translation>Сырсөз айкашын ойлоп табыңыз (кеминде 10 белги):</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="289"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="317"/>
        <source>Type the passphrase again:</source>
        <translation>Сырсөз айкашын кайра териңиз:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="294"/>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="322"/>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>Эки сырсөз айкашы дал келбейт; эч нерсе өзгөргөн жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="299"/>
        <source>Import a relay key (keystore file or private key)</source>
        <translation>Жөнөтүүчү ачкычты импорттоо (ачкыч сактагыч файлы же жеке ачкыч)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="303"/>
        <source>Passphrase of that keystore file (leave empty for a plain key):</source>
        <translation>Ошол ачкыч файлынын сырсөз айкашы (жөнөкөй ачкыч үчүн бош калтырыңыз):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="348"/>
        <source>Sending to the network: %n payment(s) still to finish.</source>
        <translation>
            <numerusform>Тармакка жөнөтүлүүдө: дагы %n төлөм бүтө элек.</numerusform>
            <numerusform>Тармакка жөнөтүлүүдө: дагы %n төлөм бүтө элек.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="351"/>
        <source>Everything accepted offline has been sent and is final or closed.</source>
        <translation>Офлайн кабыл алынгандын баары жөнөтүлдү жана биротоло ырасталды же жабылды.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="356"/>
        <source>No relay key: customers&apos; payment permissions wait until one is created (it pays the network fee).</source>
        <translation>Жөнөтүүчү ачкыч жок: кардарлардын төлөмгө уруксаттары ал түзүлгөнгө чейин күтөт (ал тармак комиссиясын төлөйт).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="360"/>
        <source>The relay key is unlocked: payment permissions are sent.</source>
        <translation>Жөнөтүүчү ачкычтын кулпусу ачык: төлөмгө уруксаттар жөнөтүлүүдө.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="362"/>
        <source>The relay key is locked: unlock it to send payment permissions.</source>
        <translation>Жөнөтүүчү ачкыч кулпуланган: төлөмгө уруксаттарды жөнөтүү үчүн анын кулпусун ачыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="230"/>
        <source>Relay key account (top it up with BNB for network fees): %1</source>
        <translation>Жөнөтүүчү ачкычтын эсеби (тармак комиссиясы үчүн ага BNB салыңыз): %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="222"/>
        <source>Payment %1: transaction %2, payer %3.</source>
        <translation>%1-төлөм: транзакция %2, төлөөчү %3.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="225"/>
        <source>Last answer from the network: %1</source>
        <translation>Тармактын акыркы жообу: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="227"/>
        <source>Choose a payment in the list to see its transaction.</source>
        <translation>Транзакциясын көрүү үчүн тизмеден төлөмдү тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="370"/>
        <source>Another till can send these payments: save them to a USB stick there, or load a stick from another till here.</source>
        <translation>Бул төлөмдөрдү башка касса жөнөтө алат: аларды ал үчүн флешкага сактаңыз же башка кассанын флешкасын бул жерге жүктөңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="372"/>
        <source>Save to stick…</source>
        <translation>Флешкага…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="373"/>
        <source>Load from stick…</source>
        <translation>Флешкадан…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="374"/>
        <source>Take back…</source>
        <translation>Кайра алуу…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="375"/>
        <source>Send this payment again</source>
        <translation>Бул төлөмдү кайра жөнөтүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="378"/>
        <source>Unlock…</source>
        <translation>Кулпуну ачуу…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="379"/>
        <source>Create key…</source>
        <translation>Ачкыч түзүү…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="380"/>
        <source>Import key…</source>
        <translation>Ачкыч импорттоо…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="381"/>
        <source>Details</source>
        <translation>Толугураак</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="401"/>
        <source>Waiting: %n payment(s), %1: %2 to send, %3 sent and confirming.</source>
        <translation>
            <numerusform>Күтүүдө: %n төлөм, %1: жөнөтүлө турган %2, жөнөтүлүп ырасталып жаткан %3.</numerusform>
            <numerusform>Күтүүдө: %n төлөм, %1: жөнөтүлө турган %2, жөнөтүлүп ырасталып жаткан %3.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="405"/>
        <source>Nothing accepted offline is waiting.</source>
        <translation>Офлайн кабыл алынгандан эч нерсе күтүп турган жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="406"/>
        <source>Limits used: %1 of %2, %3 of %4 payments.</source>
        <translation>Колдонулган лимиттер: %2 ичинен %1, %4 төлөмдүн ичинен %3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="411"/>
        <source>Failed: %n payment(s).</source>
        <translation>
            <numerusform>Өтпөй калды: %n төлөм.</numerusform>
            <numerusform>Өтпөй калды: %n төлөм.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="424"/>
        <source>Everything is sent; the network is confirming it.</source>
        <translation>Баары жөнөтүлдү; тармак төлөмдөрдү ырастап жатат.</translation>
    </message>
    <message>
        <source>No relay key: customer authorizations wait until one is created (it pays the network fee with BNB).</source>
        <translation type="vanished">Жөнөтүүчү ачкыч жок: ал түзүлгөнчө кардарлардын авторизациялары күтөт (ал тармактын комиссиясын BNB менен төлөйт).</translation>
    </message>
    <message>
        <source>Relay key %1 is unlocked: authorizations are sent.</source>
        <translation type="vanished">Жөнөтүүчү ачкычтын (%1) кулпусу ачык: авторизациялар жөнөтүлүүдө.</translation>
    </message>
    <message>
        <source>Relay key %1 is locked: unlock it to send authorizations.</source>
        <translation type="vanished">Жөнөтүүчү ачкыч (%1) кулпуланган: авторизацияларды жөнөтүү үчүн анын кулпусун ачыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="369"/>
        <source>Offline payments</source>
        <translation>Офлайн төлөмдөр</translation>
    </message>
    <message>
        <source>Save for another till…</source>
        <translation type="vanished">Башка касса үчүн сактоо…</translation>
    </message>
    <message>
        <source>Load from another till…</source>
        <translation type="vanished">Башка кассадан жүктөө…</translation>
    </message>
    <message>
        <source>Take back saved payments…</source>
        <translation type="vanished">Сакталган төлөмдөрдү кайтарып алуу…</translation>
    </message>
    <message>
        <source>Unlock relay key…</source>
        <translation type="vanished">Жөнөтүүчү ачкычтын кулпусун ачуу…</translation>
    </message>
    <message>
        <source>Create relay key…</source>
        <translation type="vanished">Жөнөтүүчү ачкычты түзүү…</translation>
    </message>
    <message>
        <source>Import relay key…</source>
        <translation type="vanished">Жөнөтүүчү ачкычты импорттоо…</translation>
    </message>
    <message>
        <source>Waiting: %1 payments, %2. Limits used: %3 of %4, %5 of %6 payments. Failed: %7.</source>
        <translation type="vanished">Күтүп жатат: %1 төлөм, %2. Колдонулган лимиттер: сумма %4 ичинен %3, төлөм %6 ичинен %5. Өтпөй калганы: %7.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="425"/>
        <source>Nothing waits to be sent.</source>
        <translation>Жөнөтүлүүнү күткөн эч нерсе жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="430"/>
        <source>The sending deadline has passed: connect to the network now. New offline payments are refused.</source>
        <translation>Жөнөтүү мөөнөтү өтүп кетти: азыр эле тармакка туташыңыз. Жаңы офлайн төлөмдөр кабыл алынбайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/offline/queue_view.py" line="435"/>
        <source>Send within %1 h %2 min (connect to the network before then).</source>
        <translation>%1 саат %2 мүнөттүн ичинде жөнөтүңүз (ага чейин тармакка туташыңыз).</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="61"/>
        <source>New sale: type the amount in som</source>
        <translation>Жаңы сатуу: сумманы сом менен териңиз</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="62"/>
        <source>Clear</source>
        <translation>Тазалоо</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="63"/>
        <source>Charge</source>
        <translation>Төлөм алуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="81"/>
        <source>Som have at most 2 decimals (tyiyn).</source>
        <translation>Үтүрдөн кийин 2 гана сан болот (тыйын).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sale/sale_screen.py" line="107"/>
        <source>Type an amount first.</source>
        <translation>Адегенде сумманы териңиз.</translation>
    </message>
</context>
<context>
    <name>SalesController</name>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_controller.py" line="108"/>
        <source>Sale %1 is cancelled.</source>
        <translation>%1-сатуу жокко чыгарылды.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_controller.py" line="120"/>
        <source>Added: sale %1 is up to date.</source>
        <translation>Кошулду: %1-сатуу жаңыртылды.</translation>
    </message>
    <message>
        <source>Assigned: invoice %1 is now up to date.</source>
        <translation type="vanished">Байланыштырылды: %1-эсеп жаңыланды.</translation>
    </message>
</context>
<context>
    <name>SalesList</name>
    <message>
        <source>Invoice %1</source>
        <translation type="vanished">Эсеп %1</translation>
    </message>
    <message>
        <source>Payment %1 from %2: %3</source>
        <translation type="vanished">Төлөм %1, төлөөчү %2: %3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="165"/>
        <source>Sale %1</source>
        <translation>%1-сатуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="167"/>
        <source>Received: %1</source>
        <translation>Келип түштү: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="179"/>
        <source>%1 from %2 at %3</source>
        <translation>%1, %2 төлөдү, саат %3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="182"/>
        <source>(dropped, not counted)</source>
        <translation>(тармак жокко чыгарды, эсепке алынган жок)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="185"/>
        <source>receipt online</source>
        <translation>интернеттеги чек</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="172"/>
        <source>Another till&apos;s sale: this till only sent its customer&apos;s payment to the network. It is not counted in this till&apos;s money.</source>
        <translation>Башка кассанын сатуусу: бул касса анын кардарынын төлөмүн тармакка гана жөнөттү. Ал бул кассанын акчасына кошулбайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="210"/>
        <source>Cancel sale %1? A payment that arrives later is kept for you to give back.</source>
        <translation>%1-сатууну жокко чыгарасызбы? Кийин келген төлөм кайтарып берүү үчүн сакталат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="213"/>
        <source>%1 has been received on it: give it back.</source>
        <translation>Ага %1 келип түштү: аны кайтарып бериңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="217"/>
        <source>Cancel the sale</source>
        <translation>Сатууну жокко чыгаруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="218"/>
        <source>Keep the sale</source>
        <translation>Сатууну калтыруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="225"/>
        <source>Select the payment and the sale it pays.</source>
        <translation>Төлөмдү жана ал төлөгөн сатууну тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="239"/>
        <source>Add to sale %1</source>
        <translation>%1-сатууга кошуу</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="249"/>
        <source>%n sale(s) paid, %1 taken</source>
        <translation>
            <numerusform>%n сатуу төлөндү, алынды: %1</numerusform>
            <numerusform>%n сатуу төлөндү, алынды: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="257"/>
        <source>Payments that matched no sale</source>
        <translation>Эч бир сатууга дал келбеген төлөмдөр</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="258"/>
        <source>Add to the selected sale</source>
        <translation>Тандалган сатууга кошуу</translation>
    </message>
    <message>
        <source>Select an unmatched payment and the invoice it pays.</source>
        <translation type="vanished">Таанылбаган төлөмдү жана ал төлөгөн эсепти тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="253"/>
        <source>Today&apos;s sales</source>
        <translation>Бүгүнкү сатуулар</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="256"/>
        <source>Search: amount, state, payer, transaction…</source>
        <translation>Издөө: сумма, абалы, төлөөчү, транзакция…</translation>
    </message>
    <message>
        <source>Unmatched payments (no invoice found)</source>
        <translation type="vanished">Таанылбаган төлөмдөр (эсеп табылган жок)</translation>
    </message>
    <message>
        <source>Assign to selected invoice</source>
        <translation type="vanished">Тандалган эсепке байланыштыруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="259"/>
        <source>Open for payment</source>
        <translation>Төлөм үчүн ачуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="260"/>
        <source>Cancel sale</source>
        <translation>Сатууну жокко чыгаруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/sales_list.py" line="261"/>
        <source>Name this payer</source>
        <translation>Төлөөчүгө ат берүү</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="35"/>
        <source>Most wallets (standard payment link)</source>
        <translation>Көпчүлүк капчыктар (кадимки төлөм шилтемеси)</translation>
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
        <translation>Дарек гана</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="141"/>
        <source>Settings</source>
        <translation>Жөндөөлөр</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="142"/>
        <source>Shop address (receives payments)</source>
        <translation>Дүкөндүн капчык дареги (төлөмдөр ушуга келет)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="142"/>
        <source>Network</source>
        <translation>Тармак</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="143"/>
        <source>Som token contract</source>
        <translation>Сом токенинин контракты</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="143"/>
        <source>Invoice expiry, minutes</source>
        <translation>Эсептин мөөнөтү, мүнөт</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="144"/>
        <source>This till (several tills in one shop)</source>
        <translation>Бул касса (дүкөндө бир нече касса болсо)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="145"/>
        <source>Accept a payment short by up to (som)</source>
        <translation>Ушунчага чейин кем төлөмдү кабыл алуу (сом)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="146"/>
        <source>Default QR format</source>
        <translation>Демейки QR форматы</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="146"/>
        <source>Language</source>
        <translation>Тил</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="148"/>
        <source>of</source>
        <translation>ичинен</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="151"/>
        <source>Profile file…</source>
        <translation>Профиль файлы…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="152"/>
        <source>Save settings</source>
        <translation>Жөндөөлөрдү сактоо</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="153"/>
        <source>Relay key (pays the network fee for payment permissions)…</source>
        <translation>Жөнөтүүчү ачкыч (төлөмгө уруксаттар үчүн тармак комиссиясын төлөйт)…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="160"/>
        <source>0 = never</source>
        <translation>0 = эч качан</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="161"/>
        <source>A customer paying from an exchange may arrive short by the exchange&apos;s fee. Up to this much the cashier may accept the sale as paid; 0 turns it off.</source>
        <translation>Биржадан төлөгөн кардардын төлөмү биржанын комиссиясынча кем келиши мүмкүн. Ушул суммага чейин кассир сатууну төлөндү деп кабыл ала алат; 0 муну өчүрөт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="194"/>
        <source>Offline payments: signed transfers only (payment permissions are checked at the first connection)</source>
        <translation>Офлайн төлөмдөр: кол коюлган которуулар гана (төлөмгө уруксаттар биринчи туташууда текшерилет)</translation>
    </message>
    <message>
        <source>Relay key (pays fees for offline authorizations)…</source>
        <translation type="vanished">Жөнөтүүчү ачкыч (офлайн уруксаттар үчүн комиссия төлөйт)…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="159"/>
        <source>0x… (leave empty to keep the network&apos;s token)</source>
        <translation>0x… (бош калса, тармактын токени колдонулат)</translation>
    </message>
    <message>
        <source>Offline payments: signed transfers only (authorizations are checked at the first connection)</source>
        <translation type="vanished">Офлайн төлөмдөр: кол коюлган которуулар гана (авторизациялар биринчи туташканда текшерилет)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="197"/>
        <source>Offline payments: none, the token is paused by its issuer</source>
        <translation>Офлайн төлөмдөр: эч бири, эмитент токенди токтотуп койгон</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="199"/>
        <source>Offline payments: signed transfers and authorizations</source>
        <translation>Офлайн төлөмдөр: кол коюлган которуулар жана авторизациялар</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="201"/>
        <source>Offline payments: signed transfers only</source>
        <translation>Офлайн төлөмдөр: кол коюлган которуулар гана</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="204"/>
        <source>Network profile</source>
        <translation>Тармак профили</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="225"/>
        <source>Saved.</source>
        <translation>Сакталды.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/settings/settings_screen.py" line="238"/>
        <source>Nothing was saved: correct the fields in red.</source>
        <translation>Эч нерсе сакталган жок: кызыл менен белгиленген талааларды оңдоңуз.</translation>
    </message>
</context>
<context>
    <name>TwinBarController</name>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="111"/>
        <source>Each till has its own number now</source>
        <translation>Эми ар бир кассанын өз номери бар</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="115"/>
        <source>Another till uses this till&apos;s number: payments are not matched to sales automatically until each till has its own number. Settings → This till.</source>
        <translation>Башка касса ушул кассанын номерин колдонуп жатат: ар бир кассанын өз номери болмоюнча төлөмдөр сатууларга автоматтык түрдө байланбайт. Жөндөөлөр → Бул касса.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="118"/>
        <source>This till is set as till %1 of %2.</source>
        <translation>Бул касса %2 кассанын ичинен %1-касса болуп жөндөлгөн.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="136"/>
        <source>Match payments to sales automatically again? Do this only after every till of the shop was given its own number under Settings (for example 1 of 2 and 2 of 2).</source>
        <translation>Төлөмдөр сатууларга кайра автоматтык түрдө байлансынбы? Муну дүкөндүн ар бир кассасына Жөндөөлөрдөн өз номери берилгенден кийин гана жасаңыз (мисалы, 2 кассанын 1-си жана 2-си).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="141"/>
        <source>Yes, each till has its own number</source>
        <translation>Ооба, ар бир кассанын өз номери бар</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/till/twin_bar.py" line="142"/>
        <source>Not yet</source>
        <translation>Азырынча жок</translation>
    </message>
</context>
<context>
    <name>UnmatchedAlertController</name>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="193"/>
        <source>Add to the sale on screen</source>
        <translation>Экрандагы сатууга кошуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="194"/>
        <source>Show</source>
        <translation>Көрсөтүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="200"/>
        <source>It was paid to another till that uses this till&apos;s number.</source>
        <translation>Ал ушул кассанын номерин колдонгон башка кассага төлөнгөн.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="202"/>
        <source>It matches an earlier request of sale %1.</source>
        <translation>Ал %1-сатуунун мурунку суроосуна дал келет.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="209"/>
        <source>A payment from %1 matched no sale</source>
        <translation>%1 жасаган төлөм эч бир сатууга дал келген жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="210"/>
        <source>A payment of %1 from %2 matched no sale</source>
        <translation>%2 жасаган %1 төлөм эч бир сатууга дал келген жок</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="212"/>
        <source>%n payments matched no sale.</source>
        <translation>
            <numerusform>%n төлөм эч бир сатууга дал келген жок.</numerusform>
            <numerusform>%n төлөм эч бир сатууга дал келген жок.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="214"/>
        <source>The last one is from %1.</source>
        <translation>Акыркысы — %1 жасаган.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="216"/>
        <source>The last one: %1 from %2.</source>
        <translation>Акыркысы: %2 жасаган %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="225"/>
        <source>Sale %1 was paid, but its payment has left the network: ask the customer, or charge again.</source>
        <translation>%1-сатуу төлөнгөн, бирок анын төлөмү тармактан чыгып кетти: кардардан сураңыз же кайра эсеп коюңуз.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="228"/>
        <source>%n paid sale(s) lost their payment from the network: ask the customers, or charge again. The last one is sale %1.</source>
        <translation>
            <numerusform>%n төлөнгөн сатуунун төлөмү тармактан чыгып кетти: кардарлардан сураңыз же кайра эсеп коюңуз. Акыркысы — %1-сатуу.</numerusform>
            <numerusform>%n төлөнгөн сатуунун төлөмү тармактан чыгып кетти: кардарлардан сураңыз же кайра эсеп коюңуз. Акыркысы — %1-сатуу.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="253"/>
        <source>Add to sale %1</source>
        <translation>%1-сатууга кошуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="260"/>
        <source>Open sale %1</source>
        <translation>%1-сатууну ачуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="273"/>
        <source>Sale %1</source>
        <translation>%1-сатуу</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/screens/sales/unmatched_alert.py" line="274"/>
        <source>Open the sale this payment belongs to first</source>
        <translation>Адегенде бул төлөм тиешелүү сатууну ачыңыз</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../pos_app/core/messages.py" line="58"/>
        <source>Enter the amount as a number, for example 150 or 150,50.</source>
        <translation>Сумманы сан менен териңиз, мисалы 150 же 150,50.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="59"/>
        <source>Enter an amount.</source>
        <translation>Сумманы териңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="60"/>
        <source>That amount is too long to be real.</source>
        <translation>Сумма үчүн сан өтө узун.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="61"/>
        <source>The amount cannot be negative.</source>
        <translation>Сумма терс сан болушу мүмкүн эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="62"/>
        <source>Write the amount as digits with one decimal separator, for example 1250,50.</source>
        <translation>Сумманы цифралар менен, бир гана ондук бөлгүч менен жазыңыз, мисалы 1250,50.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="63"/>
        <source>Use only one decimal separator: 1250,50 or 1250.50.</source>
        <translation>Бир гана ондук бөлгүч колдонуңуз: 1250,50 же 1250.50.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="64"/>
        <source>Write the amount as digits, for example 150 or 150,50.</source>
        <translation>Сумманы цифралар менен жазыңыз, мисалы 150 же 150,50.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="65"/>
        <source>Som have at most 2 decimals (tyiyn): write 150,50, not 150,505.</source>
        <translation>Үтүрдөн кийин 2 гана сан болот (тыйын): 150,505 эмес, 150,50 деп жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="66"/>
        <source>The amount must be more than zero.</source>
        <translation>Сумма нөлдөн чоң болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="67"/>
        <source>The amount is too large (the maximum is {maximum:,} som).</source>
        <translation>Сумма өтө чоң (эң көбү {maximum} сом).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="68"/>
        <source>The token reports {decimals} decimals, which this app cannot use.</source>
        <translation>Токен үтүрдөн кийин {decimals} белги бар деп билдирет: программа мындай токен менен иштей албайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="69"/>
        <source>This token has {decimals} decimals and cannot carry tyiyn: round the amount.</source>
        <translation>Бул токенде үтүрдөн кийин {decimals} гана белги бар, тыйынды өткөрө албайт: сумманы тегеректеңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="70"/>
        <source>Negative on-chain amount.</source>
        <translation>Блокчейндеги сумма терс.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="71"/>
        <source>&apos;{amount}&apos; is not a token amount.</source>
        <translation>«{amount}» токен суммасы эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="72"/>
        <source>&apos;{amount}&apos; has more decimals than the token ({decimals}).</source>
        <translation>«{amount}» ичинде үтүрдөн кийинки белгилер токендикинен ({decimals}) көп.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="74"/>
        <source>Nothing was saved: correct the settings that were refused.</source>
        <translation>Эч нерсе сакталган жок: четке кагылган жөндөөлөрдү оңдоңуз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="75"/>
        <source>Invoice expiry must be a whole number of minutes.</source>
        <translation>Эсептин мөөнөтү бүтүн мүнөт менен жазылышы керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="76"/>
        <source>Invoice expiry must be between 1 minute and 7 days.</source>
        <translation>Эсептин мөөнөтү 1 мүнөттөн 7 күнгө чейин болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="77"/>
        <source>QR format must be one of {choices}.</source>
        <translation>QR форматы булардын бири болушу керек: {choices}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="78"/>
        <source>Language must be one of {choices}.</source>
        <translation>Тил булардын бири болушу керек: {choices}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="81"/>
        <source>No merchant address is set; set it with: sompos config merchant 0x...</source>
        <translation>Дүкөндүн дареги коюлган эмес; аны мындай коюңуз: sompos config merchant 0x...</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="83"/>
        <source>The network &apos;{network}&apos; has no som token contract set; set it with: sompos config token 0x... (check the address with the issuer).</source>
        <translation>«{network}» тармагы үчүн сом токенинин контракты коюлган эмес; аны мындай коюңуз: sompos config token 0x... (даректи эмитенттен тактаңыз).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="84"/>
        <source>Each {what} must be text such as https://rpc.example.org.</source>
        <translation>Ар бир {what} https://rpc.example.org сыяктуу текст болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="85"/>
        <source>&apos;{url}&apos; is not an http(s) {what}.</source>
        <translation>«{url}» {what} катары жарабайт: http(s) дарек керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="86"/>
        <source>The {what} is not a valid 0x address (0x and 40 hex digits).</source>
        <translation>Дарек туура эмес ({what}): 0x жана андан кийин 40 он алтылык цифра болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="87"/>
        <source>The {what} has a wrong checksum (a typo?); copy it again.</source>
        <translation>Текшерүү суммасы туура эмес ({what}), ката кеткен окшойт: даректи кайра көчүрүңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="88"/>
        <source>The {what} cannot be the zero address.</source>
        <translation>Нөлдүк даректи колдонууга болбойт ({what}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="89"/>
        <source>{setting} must be true or false.</source>
        <translation>{setting} true же false болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="90"/>
        <source>The {source} is not a table of settings.</source>
        <translation>Бул жөндөөлөр таблицасы эмес: {source}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="91"/>
        <source>The {source} has unknown setting(s): {settings}.</source>
        <translation>Белгисиз жөндөөлөр ({source}): {settings}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="92"/>
        <source>The {source} needs a short &apos;name&apos;.</source>
        <translation>Кыска &apos;name&apos; (аталыш) керек ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="93"/>
        <source>The {source} needs a positive whole &apos;chain_id&apos; (56 for BSC).</source>
        <translation>&apos;chain_id&apos; керек: оң бүтүн сан, BSC үчүн 56 ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="94"/>
        <source>The {source} needs &apos;rpc_urls&apos;: a list of at least one URL.</source>
        <translation>&apos;rpc_urls&apos; керек: жок дегенде бир даректен турган тизме ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="95"/>
        <source>&apos;finality&apos; in the {source} must be a table.</source>
        <translation>&apos;finality&apos; таблица болушу керек ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="96"/>
        <source>[finality] in the {source} has unknown setting(s): {settings}.</source>
        <translation>[finality] ичинде белгисиз жөндөөлөр бар ({source}): {settings}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="97"/>
        <source>finality.rule must be &apos;finalized&apos; or &apos;confirmations&apos;.</source>
        <translation>finality.rule &apos;finalized&apos; же &apos;confirmations&apos; болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="98"/>
        <source>finality.confirmations must be a whole number from 0 to 10000.</source>
        <translation>finality.confirmations 0дөн 10000ге чейинки бүтүн сан болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="99"/>
        <source>finality.confirmations must be at least 1.</source>
        <translation>finality.confirmations жок дегенде 1 болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="100"/>
        <source>&apos;logs&apos; in the {source} must be a table.</source>
        <translation>&apos;logs&apos; таблица болушу керек ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="101"/>
        <source>[logs] in the {source} has unknown setting(s): {settings}.</source>
        <translation>[logs] ичинде белгисиз жөндөөлөр бар ({source}): {settings}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="102"/>
        <source>logs.max_range must be a whole number from 1 to 100000.</source>
        <translation>logs.max_range 1ден 100000ге чейинки бүтүн сан болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="103"/>
        <source>logs.poll_seconds must be between 0.05 and 3600.</source>
        <translation>logs.poll_seconds 0.05тен 3600гө чейин болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="104"/>
        <source>trust_coin must be Trust Wallet&apos;s whole-number coin id (BSC: 20000714).</source>
        <translation>trust_coin Trust Wallet&apos;теги монетанын бүтүн номери болушу керек (BSC үчүн: 20000714).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="105"/>
        <source>&apos;exchange_wallets&apos; in the {source} must be a list of tables, each with an &apos;address&apos; and a &apos;label&apos;.</source>
        <translation>&apos;exchange_wallets&apos; ({source}) таблицалардын тизмеси болушу керек, ар биринде &apos;address&apos; жана &apos;label&apos;.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="106"/>
        <source>Each exchange wallet in the {source} needs a &apos;label&apos; of 1 to {maximum} characters (the exchange&apos;s name).</source>
        <translation>Биржанын ар бир капчыгында ({source}) 1ден {maximum} белгиге чейинки &apos;label&apos; болушу керек (биржанын аталышы).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="107"/>
        <source>The exchange wallet {address} is listed twice in the {source}.</source>
        <translation>Биржанын {address} капчыгы эки жолу көрсөтүлгөн ({source}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="108"/>
        <source>Cannot read the network profile file {file}.</source>
        <translation>{file} тармак профили файлын окуу мүмкүн эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="109"/>
        <source>{file} is too large to be a network profile.</source>
        <translation>{file} файлы тармак профили үчүн өтө чоң.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="110"/>
        <source>{file} is nested too deeply to be a network profile.</source>
        <translation>{file} өтө терең салынган, бул тармак профили эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="111"/>
        <source>{file} is not a valid TOML network profile: {problem}.</source>
        <translation>{file} файлы туура TOML тармак профили эмес: {problem}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="112"/>
        <source>Unknown network &apos;{network}&apos;. Use one of {choices} or a .toml profile file.</source>
        <translation>«{network}» деген тармак белгисиз. Булардын бирин тандаңыз: {choices}, же .toml профиль файлын.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="114"/>
        <source>Unknown QR format &apos;{format}&apos;; choose one of {choices}.</source>
        <translation>«{format}» деген QR форматы белгисиз; булардын бирин тандаңыз: {choices}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="115"/>
        <source>A payment request needs an amount.</source>
        <translation>Төлөм суроосунда сумма болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="116"/>
        <source>Trust Wallet links are not available on this network; choose EIP-681 or address.</source>
        <translation>Trust Wallet шилтемелери бул тармакта иштебейт; EIP-681 же даректи тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="117"/>
        <source>The payment link has no single &apos;{key}&apos;.</source>
        <translation>Төлөм шилтемесинде &apos;{key}&apos; параметри жок же бир нече жолу кайталанат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="118"/>
        <source>The payment link&apos;s parameters are malformed.</source>
        <translation>Төлөм шилтемесинин параметрлери бузук.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="119"/>
        <source>That code is too long to be a payment request.</source>
        <translation>Бул код төлөм суроосу үчүн өтө узун.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="120"/>
        <source>The payment link&apos;s amount is not a whole number of base units.</source>
        <translation>Төлөм шилтемесиндеги сумма базалык бирдиктердин бүтүн саны эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="121"/>
        <source>The payment link&apos;s address is not valid.</source>
        <translation>Төлөм шилтемесиндеги дарек туура эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="122"/>
        <source>The Trust Wallet link names no token.</source>
        <translation>Trust Wallet шилтемесинде токен көрсөтүлгөн эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="123"/>
        <source>This is not a payment request this app understands.</source>
        <translation>Программа бул төлөм суроосун түшүнбөйт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="124"/>
        <source>Cannot write the QR picture to {path}.</source>
        <translation>QR сүрөтүн сактоо мүмкүн эмес: {path}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="126"/>
        <source>An invoice that is {current} cannot become {target}.</source>
        <translation>«{current}» абалындагы эсепти «{target}» абалына өткөрүүгө болбойт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="128"/>
        <source>The till number must be between 1 and the number of tills ({maximum} at most).</source>
        <translation>Кассанын номери 1ден кассалардын санына чейин болушу керек ({maximum} ашпайт).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="129"/>
        <source>This token has no room below one tyiyn to tell tills apart: give each till its own shop address, or use one till.</source>
        <translation>Бул токендин кассаларды айырмалоо үчүн тыйындан кичине үлүштөрү жок: ар бир кассага дүкөндүн өз дарегин бериңиз же бир касса менен иштеңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="130"/>
        <source>Write the till as number/count, for example 2/3 for till 2 of 3.</source>
        <translation>Кассаны номер/саны түрүндө жазыңыз, мисалы 3 кассанын 2-си үчүн 2/3.</translation>
    </message>
    <message>
        <source>Finish or cancel the open sales before changing the till number.</source>
        <translation type="vanished">Кассанын номерин өзгөртүүдөн мурун ачык сатууларды бүтүрүңүз же жокко чыгарыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="133"/>
        <source>Too many open invoices for this same amount; wait for some to finish or expire.</source>
        <translation>Ушул эле суммага ачык эсептер өтө көп; алардын айрымдары төлөнгөнчө же мөөнөтү бүткөнчө күтүңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="134"/>
        <source>The note is too long (200 characters at most).</source>
        <translation>Эскертме өтө узун (эң көбү 200 белги).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="135"/>
        <source>There is no invoice number {invoice}.</source>
        <translation>{invoice} номерлүү эсеп жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="136"/>
        <source>There is no payment number {payment}.</source>
        <translation>{payment} номерлүү төлөм жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="137"/>
        <source>Payment {payment} already belongs to invoice {invoice}.</source>
        <translation>{payment}-төлөм буга чейин эле {invoice}-эсепке байланыштырылган.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="138"/>
        <source>That payment was dropped from the chain and cannot be assigned.</source>
        <translation>Бул төлөм блокчейнден түшүп калган, аны эсепке байланыштырууга болбойт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="139"/>
        <source>That payment was made on another network, token or address than the invoice.</source>
        <translation>Бул төлөм эсепте көрсөтүлгөндөн башка тармакта, башка токен менен же башка дарекке жасалган.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="140"/>
        <source>A cashier can only mark an invoice settled or invalid.</source>
        <translation>Кассир эсепти төлөнгөн же жараксыз деп гана белгилей алат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="142"/>
        <source>Cannot open the shop database at {path}.</source>
        <translation>Дүкөндүн маалымат базасын ачуу мүмкүн эмес: {path}.</translation>
    </message>
    <message>
        <source>The shop database cannot be configured.</source>
        <translation type="vanished">Дүкөндүн маалымат базасын жөндөө мүмкүн эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="143"/>
        <source>The shop database cannot be made crash-safe here (WAL + synchronous=FULL); put the data folder on a local disk.</source>
        <translation>Бул жерде дүкөндүн маалымат базасын бузулуудан коргоо мүмкүн эмес (WAL + synchronous=FULL); маалымат папкасын жергиликтүү дискке жылдырыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="144"/>
        <source>The shop database is damaged and cannot be read; restore a backup.</source>
        <translation>Дүкөндүн маалымат базасы бузулган, окулбайт; камдык көчүрмөнү калыбына келтириңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="146"/>
        <source>The shop database {path} cannot be read (no permission, or a disk error).</source>
        <translation>Дүкөндүн маалымат базасын {path} окуу мүмкүн эмес (уруксат жок же дисктин катасы).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="147"/>
        <source>The shop database {path} is empty: it was cut short or replaced. Restore it from a backup, or start a new shop on purpose with: sompos --new-shop.</source>
        <translation>Дүкөндүн маалымат базасы {path} бош: ал кыскартылган же алмаштырылган. Аны камдык көчүрмөдөн калыбына келтириңиз же атайын жаңы дүкөн баштаңыз: sompos --new-shop.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="148"/>
        <source>The file {path} is not a Som POS database (it is not a database at all); restore the shop database from a backup.</source>
        <translation>{path} файлы Som POS маалымат базасы эмес (жалпы эле маалымат базасы эмес); дүкөндүн базасын камдык көчүрмөдөн калыбына келтириңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="149"/>
        <source>The disk holding the shop database is full; free some space, then start again.</source>
        <translation>Дүкөндүн маалымат базасы турган диск толгон; орун бошотуп, кайра иштетиңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="152"/>
        <source>The shop database {path} cannot be written (read-only folder or no permission).</source>
        <translation>Дүкөндүн маалымат базасына {path} жазуу мүмкүн эмес (папка окуу үчүн гана же уруксат жок).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="153"/>
        <source>The file {path} is another program&apos;s database, not a Som POS shop; choose the shop&apos;s data folder.</source>
        <translation>{path} файлы — Som POS дүкөнүнүн эмес, башка программанын маалымат базасы; дүкөндүн маалымат папкасын тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="154"/>
        <source>The shop database is damaged (its version mark makes no sense); restore a backup.</source>
        <translation>Дүкөндүн маалымат базасы бузулган (версия белгиси маанисиз); камдык көчүрмөнү калыбына келтириңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="155"/>
        <source>The shop database is damaged; restore a backup before taking payments.</source>
        <translation>Дүкөндүн маалымат базасы бузулган; төлөм кабыл алуудан мурун камдык көчүрмөнү калыбына келтириңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="156"/>
        <source>This shop database was written by a newer Som POS; update the app.</source>
        <translation>Бул маалымат базасы Som POS&apos;тун жаңыраак версиясы менен жазылган; программаны жаңыртыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="157"/>
        <source>The shop database could not be upgraded for this version of Som POS.</source>
        <translation>Дүкөндүн маалымат базасын Som POS&apos;тун бул версиясына ылайыкташтырып жаңыртуу мүмкүн болбоду.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="158"/>
        <source>The shop database is busy or read-only.</source>
        <translation>Дүкөндүн маалымат базасы бош эмес же окуу үчүн гана ачык.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="159"/>
        <source>Saving to the shop database failed.</source>
        <translation>Дүкөндүн маалымат базасына сактоо ишке ашкан жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="161"/>
        <source>The token contract refused the {what}: {reason}</source>
        <translation>Токен контракты «{what}» операциясын четке какты: {reason}</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="162"/>
        <source>The token contract refused the {what}.</source>
        <translation>Токен контракты «{what}» операциясын четке какты.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="163"/>
        <source>The private key is not valid.</source>
        <translation>Жеке ачкыч туура эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="164"/>
        <source>Token decimals must be a whole number from 0 to 255.</source>
        <translation>Токендин үтүрдөн кийинки белгилеринин саны 0дөн 255ке чейинки бүтүн сан болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="165"/>
        <source>The token {field} must not be empty.</source>
        <translation>Токендин «{field}» талаасы бош болбошу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="166"/>
        <source>The token deployment did not create a contract.</source>
        <translation>Токенди жайгаштыруу контракт түзгөн жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="167"/>
        <source>&apos;{address}&apos; is not a valid token contract address.</source>
        <translation>«{address}» токен контрактынын туура дареги эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="168"/>
        <source>The demo network only runs inside `sompos demo`.</source>
        <translation>Демо тармак `sompos demo` ичинде гана иштейт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="169"/>
        <source>The node {node} is on chain {chain}, not {expected} ({network}); it will not be used.</source>
        <translation>{node} түйүнү {expected} ({network}) эмес, {chain} тармагында иштейт; ал колдонулбайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="170"/>
        <source>The node refused to {what}: {message}</source>
        <translation>Түйүн баш тартты ({what}): {message}</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="239"/>
        <source>Cannot read standard input.</source>
        <translation>Стандарттык киргизүүнү окуу мүмкүн эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="241"/>
        <source>There is no file {file}.</source>
        <translation>{file} файлы жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="242"/>
        <source>This app is not allowed to read {file}.</source>
        <translation>Программанын {file} окууга уруксаты жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="243"/>
        <source>{file} is a folder, not a file.</source>
        <translation>{file} — файл эмес, папка.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="244"/>
        <source>Cannot read the file {file}.</source>
        <translation>{file} файлын окуу мүмкүн эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="245"/>
        <source>{file} is not an ordinary file (a device or a pipe); save it to a file first.</source>
        <translation>{file} — кадимки файл эмес (түзмөк же канал); адегенде аны файлга сактаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="246"/>
        <source>{file} is too large to be a {what}.</source>
        <translation>{file} өтө чоң, {what} боло албайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="247"/>
        <source>{file} is not a text file.</source>
        <translation>{file} — текст файлы эмес.</translation>
    </message>
    <message>
        <source>The node gave an unexpected answer to {what}.</source>
        <translation type="vanished">Түйүн «{what}» суроосуна күтүлбөгөн жооп берди.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="171"/>
        <source>No blockchain node answered (tried {tried}); payments will be checked when the connection returns.</source>
        <translation>Блокчейндин бир да түйүнү жооп берген жок (суралды: {tried}); төлөмдөр байланыш калыбына келгенде текшерилет.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="173"/>
        <source>The node sent an answer that makes no sense ({what}); it is not used for now and payments will be checked with another node.</source>
        <translation>Тармактын түйүнү маанисиз жооп жөнөттү ({what}); азырынча ал колдонулбайт, төлөмдөр башка түйүн аркылуу текшерилет.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="174"/>
        <source>No blockchain node was asked: the time allowed has run out.</source>
        <translation>Эч бир тармак түйүнүнө кайрылган жок: берилген убакыт бүттү.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="175"/>
        <source>Unexpected error while checking payments ({kind}); see the log.</source>
        <translation>Төлөмдөрдү текшерүүдө күтүлбөгөн ката ({kind}); чоо-жайы журналда.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="176"/>
        <source>The token contract returned an unusable {what}.</source>
        <translation>Токен контракты жараксыз маани кайтарды: {what}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="177"/>
        <source>There is no contract at {address} on {network}; check the token address.</source>
        <translation>{network} тармагында {address} дарегинде контракт жок; токендин дарегин текшериңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="178"/>
        <source>The token contract does not answer like an ERC-20 token.</source>
        <translation>Токен контракты ERC-20 токени сыяктуу жооп бербейт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="179"/>
        <source>The token&apos;s decimals changed from {old} to {new}; stop and check the network profile.</source>
        <translation>Токендин үтүрдөн кийинки белгилеринин саны {old} эмес, {new} болуп өзгөрдү; ишти токтотуп, тармак профилин текшериңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="180"/>
        <source>The node refuses to give blocks and receipts.</source>
        <translation>Түйүн блокторду жана транзакция квитанцияларын берүүдөн баш тартат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="182"/>
        <source>The demo network needs the demo extra: pip install &apos;sompos[demo]&apos;.</source>
        <translation>Демо тармак үчүн demo кошумча пакети керек: pip install &apos;sompos[demo]&apos;.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="183"/>
        <source>The demo token did not deploy at its fixed address.</source>
        <translation>Демо токен өзүнүн туруктуу дарегине жайгашкан жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="184"/>
        <source>There is no demo customer called {customer}.</source>
        <translation>{customer} деген демо кардар жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="186"/>
        <source>An offline payment that is {current} cannot become {target}.</source>
        <translation>«{current}» абалындагы офлайн төлөмдү «{target}» абалына өткөрүүгө болбойт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="188"/>
        <source>This is not a payment this app can read.</source>
        <translation>Программа муну төлөм катары окуй албайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="189"/>
        <source>The scanned transaction is cut short or damaged; scan it again.</source>
        <translation>Сканерленген транзакция кесилип калган же бузулган; кайра сканерлеңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="190"/>
        <source>This is far too long to be a payment.</source>
        <translation>Бул төлөм үчүн өтө эле узун.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="191"/>
        <source>Nothing was scanned.</source>
        <translation>Эч нерсе сканерленген жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="192"/>
        <source>The scanned transaction is empty or cut short; scan it again.</source>
        <translation>Сканерленген транзакция бош же кесилип калган; кайра сканерлеңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="193"/>
        <source>The payment&apos;s signature is not valid.</source>
        <translation>Төлөмдүн колтамгасы жараксыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="194"/>
        <source>The payment&apos;s signature is in a form the network refuses (high s); ask the customer to sign again with an up-to-date wallet.</source>
        <translation>Төлөмдүн колтамгасы тармак кабыл албаган түрдө (high s); кардардан жаңыртылган капчык менен кайра кол коюусун сураныңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="195"/>
        <source>This transaction creates a contract; it is not a payment.</source>
        <translation>Бул транзакция контракт түзөт; бул төлөм эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="196"/>
        <source>This transaction also sends coins to the token contract; it is not a plain token payment.</source>
        <translation>Бул транзакция токен контрактына монета да жөнөтөт; бул жөнөкөй токен төлөмү эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="197"/>
        <source>The scanned transaction is not encoded the standard way.</source>
        <translation>Сканерленген транзакция стандарттуу эмес жол менен коддолгон.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="198"/>
        <source>The payment was signed without a network id (pre-EIP-155); it could be replayed on another network, so it is refused.</source>
        <translation>Төлөмгө тармактын номери жок кол коюлган (EIP-155ке чейинки); аны башка тармакта кайталап жиберсе болот, ошондуктан ал четке кагылды.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="199"/>
        <source>The scanned transaction has extra bytes at the end; it was changed or scanned badly.</source>
        <translation>Сканерленген транзакциянын аягында ашык байттар бар: ал өзгөртүлгөн же начар сканерленген.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="200"/>
        <source>This transaction does something other than a token transfer.</source>
        <translation>Бул транзакция токен которуудан башка нерсе кылат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="201"/>
        <source>The transfer&apos;s details are the wrong length; it was changed or cut short.</source>
        <translation>Которуунун маалыматтарынын узундугу туура эмес: ал өзгөртүлгөн же кесилген.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="202"/>
        <source>The transfer&apos;s details are not encoded the standard way.</source>
        <translation>Которуунун маалыматтары стандарттуу эмес жол менен коддолгон.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="203"/>
        <source>The authorization is malformed: {field}.</source>
        <translation>Авторизация туура эмес түзүлгөн: {field}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="204"/>
        <source>The scanned transaction is not valid hex (0x and pairs of 0-9, a-f).</source>
        <translation>Сканерленген транзакция туура hex эмес (0x жана 0-9, a-f белгилеринин жуптары).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="205"/>
        <source>The scanned transaction has missing or extra parts; scan it again.</source>
        <translation>Сканерленген транзакцияда бөлүктөр жетишпейт же ашык; кайра сканерлеңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="206"/>
        <source>The authorization is not valid JSON; scan it again.</source>
        <translation>Авторизация туура JSON эмес; кайра сканерлеңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="207"/>
        <source>The {field} address in the authorization has a wrong checksum.</source>
        <translation>Авторизациядагы {field} дарегинин текшерүү суммасы туура эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="208"/>
        <source>This transaction type ({type}) is not accepted for payments.</source>
        <translation>Бул транзакция түрү ({type}) төлөм үчүн кабыл алынбайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="210"/>
        <source>This payment was already accepted (offline payment {item}, invoice {invoice}).</source>
        <translation>Бул төлөм мурун эле кабыл алынган ({item}-офлайн төлөм, {invoice}-эсеп).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="211"/>
        <source>Invoice {invoice} is no longer waiting for payment.</source>
        <translation>{invoice}-эсеп мындан ары төлөм күтпөйт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="212"/>
        <source>Invoice {invoice} was made for another network or shop address.</source>
        <translation>{invoice}-эсеп башка тармак же дүкөндүн башка дареги үчүн түзүлгөн.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="213"/>
        <source>There is no offline payment number {item}.</source>
        <translation>{item} номерлүү офлайн төлөм жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="214"/>
        <source>This customer already gave a payment with the same transaction number; only one of them can ever arrive.</source>
        <translation>Бул кардар ушул эле транзакция номери менен төлөм берген; алардын бирөө гана келе алат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="215"/>
        <source>Invoice {invoice} already has an offline payment waiting to be sent.</source>
        <translation>{invoice}-эсептин жөнөтүлүүнү күтүп жаткан офлайн төлөмү бар.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="218"/>
        <source>This till has never been online; connect once before taking payments offline.</source>
        <translation>Бул касса эч качан тармакка туташкан эмес; офлайн төлөм кабыл алуудан мурун бир жолу туташыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="219"/>
        <source>This till has been offline for {days} days; connect before taking more offline payments.</source>
        <translation>Касса {days} күндөн бери тармакта жок; дагы офлайн төлөм кабыл алуудан мурун туташыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="220"/>
        <source>This payment is over the offline limit per payment.</source>
        <translation>Бул төлөм бир офлайн төлөмдүн лимитинен ашат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="221"/>
        <source>The till holds the most offline payments allowed; connect and send them first.</source>
        <translation>Кассада уруксат берилген офлайн төлөмдөрдүн эң көп саны турат; адегенде туташып, аларды жөнөтүңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="222"/>
        <source>This payment would take the offline total over the limit; connect and send the queue first.</source>
        <translation>Бул төлөм менен офлайн төлөмдөрдүн жалпы суммасы лимиттен ашып кетет; адегенде туташып, кезекти жөнөтүңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="223"/>
        <source>This customer&apos;s known balance does not cover this payment offline.</source>
        <translation>Кардардын белгилүү балансы бул офлайн төлөмгө жетпейт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="224"/>
        <source>The offline warning must come before the offline deadline.</source>
        <translation>Офлайн эскертүүсү акыркы мөөнөттөн мурун болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="225"/>
        <source>Offline payments have waited {hours} hours; connect and send them before taking more.</source>
        <translation>Офлайн төлөмдөр {hours} сааттан бери күтүп жатат; жаңыларын алуудан мурун туташып, аларды жөнөтүңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="226"/>
        <source>This customer already has an unsent offline payment; only one at a time is safe.</source>
        <translation>Бул кардардын жөнөтүлө элек офлайн төлөмү бар; бир убакта бирөөнү гана алуу коопсуз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="227"/>
        <source>This payment reuses a transaction number the customer has already spent; it would never arrive.</source>
        <translation>Бул төлөмдө кардар мурун колдонгон транзакция номери кайра колдонулган; ал эч качан келбейт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="228"/>
        <source>The offline limit {name} must be a whole number, zero or more.</source>
        <translation>{name} офлайн лимити нөл же андан чоң бүтүн сан болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="229"/>
        <source>The offline limit {name} must be a whole number.</source>
        <translation>{name} офлайн чеги бүтүн сан болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="230"/>
        <source>Unknown offline limit &apos;{name}&apos;; use one of {names}.</source>
        <translation>«{name}» деген офлайн чек жок; булардын бирин колдонуңуз: {names}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="232"/>
        <source>This payment cannot go through: the customer&apos;s wallet must first send {count} earlier payment(s) to the network. Ask the customer to send them first, or to pay another way.</source>
        <translation>Бул төлөм өтпөйт: кардардын капчыгы адегенде мурунку төлөмдөрдү ({count}) тармакка жөнөтүшү керек. Кардардан адегенде аларды жөнөтүүнү же башка жол менен төлөөнү сураңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="233"/>
        <source>Give a payment at least {minutes} minutes on the network before it counts as never gone through.</source>
        <translation>Төлөмдү өткөн жок деп эсептөөдөн мурун ага тармакта жок дегенде {minutes} мүнөт бериңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="235"/>
        <source>No QR code was found in that picture.</source>
        <translation>Бул сүрөттөн QR код табылган жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="236"/>
        <source>That picture holds more than one QR code; use one with a single code.</source>
        <translation>Бул сүрөттө бирден ашык QR код бар; бир гана коду бар сүрөттү колдонуңуз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="237"/>
        <source>QR pictures cannot be read on this installation.</source>
        <translation>Бул орнотууда QR сүрөттөрүн окуу мүмкүн эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="238"/>
        <source>That picture cannot be opened.</source>
        <translation>Бул сүрөттү ачуу мүмкүн эмес.</translation>
    </message>
    <message>
        <source>Cannot read the file {path}.</source>
        <translation type="vanished">{path} файлын окуу мүмкүн эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="250"/>
        <source>This payment was made for another network (chain {got}, this shop uses {want}).</source>
        <translation>Бул төлөм башка тармак үчүн жасалган ({got} тармагы, дүкөн болсо {want} тармагында иштейт).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="251"/>
        <source>This payment is in another token, not the shop&apos;s som.</source>
        <translation>Бул төлөм дүкөндүн сому менен эмес, башка токен менен.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="252"/>
        <source>This payment goes to another address, not to this shop.</source>
        <translation>Бул төлөм бул дүкөнгө эмес, башка дарекке барат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="253"/>
        <source>This payment is for less than the sale; ask for the full amount.</source>
        <translation>Бул төлөм сатуунун суммасынан аз; толук сумманы сураңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="255"/>
        <source>The customer&apos;s wallet set too little gas ({gas}); the transfer could fail. Ask them to sign again.</source>
        <translation>Кардардын капчыгы өтө аз газ койгон ({gas}); которуу ишке ашпай калышы мүмкүн. Кайра кол коюусун сураныңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="256"/>
        <source>The network fee is not known yet; connect once before taking payments offline.</source>
        <translation>Тармактын комиссиясы азырынча белгисиз; офлайн төлөм кабыл алуудан мурун бир жолу туташыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="257"/>
        <source>The fee the customer&apos;s wallet offered is below the network&apos;s minimum; the payment would never be sent. Ask them to sign again.</source>
        <translation>Кардардын капчыгы сунуштаган комиссия тармактын минимумунан төмөн; төлөм эч качан жөнөтүлбөйт. Кайра кол коюусун сураныңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="258"/>
        <source>The authorization was not signed by the payer it names (or not for this token).</source>
        <translation>Авторизацияга анда көрсөтүлгөн төлөөчү кол койгон эмес (же бул токен үчүн эмес).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="259"/>
        <source>This authorization has expired; ask the customer for a new one.</source>
        <translation>Бул авторизациянын мөөнөтү бүттү; кардардан жаңысын сураңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="260"/>
        <source>This authorization is not valid yet; check the clock or ask for a new one.</source>
        <translation>Бул авторизация азырынча күчүнө кире элек; саатты текшериңиз же жаңысын сураңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="261"/>
        <source>This authorization expires before the shop must send its payments; ask for one valid longer.</source>
        <translation>Бул авторизациянын мөөнөтү дүкөн төлөмдөрүн жөнөтүшү керек болгон убакыттан мурун бүтөт; мөөнөтү узунураак авторизацияны сураңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="263"/>
        <source>Unexpected error while sending payments; see the log.</source>
        <translation>Төлөмдөрдү жөнөтүүдө күтүлбөгөн ката; чоо-жайы журналда.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="264"/>
        <source>Choose what happened: collect again or mark resolved.</source>
        <translation>Эмне болгонун тандаңыз: төлөмдү кайра алуу же чечилди деп белгилөө.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="265"/>
        <source>Offline payment {item} has not failed; there is nothing to resolve.</source>
        <translation>{item} офлайн төлөмү ийгиликсиз болгон жок; чечүүчү эч нерсе жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="266"/>
        <source>Offline payment {item} was already resolved.</source>
        <translation>{item} офлайн төлөмү мурунтан эле чечилген.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="267"/>
        <source>Give the relay key&apos;s passphrase in SOMPOS_RELAY_PASSPHRASE or type it at a terminal.</source>
        <translation>Жөнөтүүчү ачкычтын сырсөз айкашын SOMPOS_RELAY_PASSPHRASE аркылуу бериңиз же терминалда териңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="268"/>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>Эки сырсөз айкашы дал келбейт; эч нерсе өзгөргөн жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="270"/>
        <source>The device key {file} could not be created.</source>
        <translation>{file} түзмөк ачкычын түзүү мүмкүн болгон жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="271"/>
        <source>The device key {file} is damaged or unreadable; restore it from a backup, or move it away to make a new one.</source>
        <translation>{file} түзмөк ачкычы бузулган же окулбайт; аны камдык көчүрмөдөн калыбына келтириңиз же жаңысын түзүү үчүн башка жерге жылдырыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="272"/>
        <source>The file {file} already exists; choose another name so an earlier export is not overwritten.</source>
        <translation>{file} файлы мурунтан эле бар; мурда сакталган файлдын үстүнө жазылбашы үчүн башка ат тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="273"/>
        <source>There are no unsent offline payments to hand over; no file was written.</source>
        <translation>Башка кассага берүү үчүн жөнөтүлө элек офлайн төлөмдөр жок; файл жазылган жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="274"/>
        <source>The file {file} could not be written; check that the stick is inserted, writable and not full.</source>
        <translation>{file} файлын жазуу мүмкүн болгон жок; флешка сайылганын, ага жазууга болорун жана анда орун бар экенин текшериңиз.</translation>
    </message>
    <message>
        <source>The file {file} cannot be read.</source>
        <translation type="vanished">{file} файлын окуу мүмкүн эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="34"/>
        <source>This sale was paid offline; it is sent when a connection appears.</source>
        <translation>Бул сатуу офлайн төлөнгөн; байланыш пайда болгондо төлөм жөнөтүлөт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="35"/>
        <source>Only a sale still waiting for money can be charged again.</source>
        <translation>Акча күтүп турган сатууга гана кайра эсеп коюуга болот.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="36"/>
        <source>This sale is more than a day old: start a new sale for it.</source>
        <translation>Бул сатууга бир күндөн ашты: ал үчүн жаңы сатуу баштаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="37"/>
        <source>This sale changed meanwhile; look at it again.</source>
        <translation>Бул сатуу ошол убакта өзгөрдү; аны кайра карап чыгыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="38"/>
        <source>Only a sale still waiting for money can be cancelled.</source>
        <translation>Төлөмдү дагы эле күтүп жаткан сатууну гана жокко чыгарууга болот.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="39"/>
        <source>Only an offline payment that needs attention can be sent again.</source>
        <translation>Көңүл бурууну талап кылган офлайн төлөмдү гана кайра жөнөтүүгө болот.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="41"/>
        <source>There is no warning about another till to clear.</source>
        <translation>Башка касса тууралуу алып сала турган эскертүү жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="42"/>
        <source>The owner has not allowed accepting a short payment (Settings).</source>
        <translation>Ээси кем төлөмдү кабыл алууга уруксат берген эмес (Жөндөөлөр).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="43"/>
        <source>Only a sale paid on the network can be accepted short.</source>
        <translation>Тармак аркылуу төлөнгөн сатууну гана кем төлөм менен кабыл алууга болот.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="44"/>
        <source>Only a sale partly paid and still waiting for the rest can be accepted short.</source>
        <translation>Жарым-жартылай төлөнүп, калганын күтүп турган сатууну гана кем төлөм менен кабыл алууга болот.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="45"/>
        <source>This sale is short by more than the owner allows to accept ({limit} tyiyn).</source>
        <translation>Бул сатуунун жетпеген суммасы ээси уруксат бергенден көп ({limit} тыйын).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="47"/>
        <source>The network has not answered for {seconds} seconds.</source>
        <translation>Тармак {seconds} секунддан бери жооп бербей жатат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="49"/>
        <source>That is not a wallet address.</source>
        <translation>Бул капчыктын дареги эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="50"/>
        <source>A name can be {maximum} characters at most.</source>
        <translation>Аты {maximum} белгиден ашпашы керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="52"/>
        <source>This is a wallet of the exchange {exchange}: many customers pay from it, so it cannot carry one person&apos;s name.</source>
        <translation>Бул {exchange} биржасынын капчыгы: андан көп кардарлар төлөйт, ошондуктан ага бир адамдын атын берүүгө болбойт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="53"/>
        <source>Many customers pay from this wallet (an exchange&apos;s or a shared one), so it cannot carry one person&apos;s name.</source>
        <translation>Бул капчыктан көп кардарлар төлөйт (биржанын же жалпы капчык), ошондуктан ага бир адамдын атын берүүгө болбойт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="54"/>
        <source>This wallet was called {name} and has since paid for another sale: several customers pay from it (an exchange&apos;s or a shared wallet), so it keeps no person&apos;s name.</source>
        <translation>Бул капчыктын аты «{name}» болчу, андан кийин ал башка сатууну төлөдү: андан ар түрдүү кардарлар төлөйт (биржанын же жалпы капчык), ошондуктан анда адамдын аты сакталбайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="56"/>
        <source>Connect this till to the internet once to finish setting up: it must read the som token&apos;s details from the network before it can ask for exact amounts. After that it takes payments offline too.</source>
        <translation>Орнотууну бүтүрүү үчүн бул кассаны интернетке бир жолу туташтырыңыз: так сумманы сураардан мурун ал сом токенинин маалыматын тармактан алышы керек. Андан кийин ал офлайн төлөмдөрдү да кабыл алат.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="79"/>
        <source>A shortfall accepted as paid can be {maximum} som at most.</source>
        <translation>Төлөм катары кабыл алынган жетпеген сумма эң көп {maximum} сом болушу мүмкүн.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="131"/>
        <source>Finish or cancel the open sales before changing the till number; a sale that ended keeps its amount for 24 hours after it expired.</source>
        <translation>Кассанын номерин өзгөртүүдөн мурун ачык сатууларды бүтүрүңүз же жокко чыгарыңыз; бүткөн сатуу мөөнөтү бүткөндөн кийин дагы 24 саат өз суммасын сактайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="132"/>
        <source>The file {file} was written with this till&apos;s own device key, but none of its payments were taken here: another till uses a copy of this till&apos;s key. Move device-key.pem out of one till&apos;s data folder (a new key is made) and export again.</source>
        <translation>{file} файлы ушул кассанын түзмөк ачкычы менен кол коюлган, бирок анын бир да төлөмү бул жерде кабыл алынган эмес: башка касса бул кассанын ачкычынын көчүрмөсүн колдонот. device-key.pem файлын бир кассанын маалымат папкасынан чыгарып салыңыз (жаңы ачкыч түзүлөт) жана кайра сактаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="150"/>
        <source>The shop database {path} is missing, but this folder held a shop. Restore it from a backup, or start a new shop on purpose with: sompos --new-shop.</source>
        <translation>Дүкөндүн маалымат базасы {path} жок, бирок бул папкада дүкөн болгон. Аны камдык көчүрмөдөн калыбына келтириңиз же атайын жаңы дүкөн баштаңыз: sompos --new-shop.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="151"/>
        <source>The disk holding the shop database refused to read or write it (it may be full or failing); free some space or check the disk, then start again.</source>
        <translation>Дүкөндүн маалымат базасы турган диск аны окуудан же жазуудан баш тартты (ал толгон же бузулуп жаткан болушу мүмкүн); орун бошотуңуз же дискти текшериңиз, анан кайра иштетиңиз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="216"/>
        <source>Invoice {invoice} is another till&apos;s sale; this till only sends its payment.</source>
        <translation>{invoice}-эсеп башка кассанын сатуусу; бул касса анын төлөмүн гана жөнөтөт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="248"/>
        <source>The file name {file} is too long for this computer; choose a shorter name.</source>
        <translation>{file} файлынын аты бул компьютер үчүн өтө узун; кыскараак ат тандаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="254"/>
        <source>This payment is not for this sale&apos;s exact amount: the customer must scan this sale&apos;s code and sign again.</source>
        <translation>Бул төлөм ушул сатуунун так суммасына эмес: кардар ушул сатуунун кодун сканерлеп, кайра кол коюшу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="275"/>
        <source>The file {file} is too large to be a Som POS queue export.</source>
        <translation>{file} файлы өтө чоң: бул Som POS кезегинин файлы эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="276"/>
        <source>The file {file} is not a Som POS queue export.</source>
        <translation>{file} файлы Som POS кезегинин файлы эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="277"/>
        <source>The file {file} was made by a newer version of Som POS (format {version}); update this app to import it.</source>
        <translation>{file} файлы Som POS&apos;тун жаңыраак версиясы менен түзүлгөн ({version} форматы); аны жүктөө үчүн программаны жаңыртыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="278"/>
        <source>The file {file} is incomplete: it ends before the device signature.</source>
        <translation>{file} файлы толук эмес: ал түзмөктүн колтамгасына жетпей бүтөт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="279"/>
        <source>Line {line} of the file {file} is not a valid queue entry.</source>
        <translation>{file} файлынын {line}-сабы кезектин туура жазуусу эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="280"/>
        <source>The file {file} was changed or damaged after it was exported (its device signature does not match); ask for a new export.</source>
        <translation>{file} файлы сакталгандан кийин өзгөртүлгөн же бузулган (түзмөктүн колтамгасы дал келбейт); аны кайра сактап берүүнү сураныңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="281"/>
        <source>The file {file} says it holds {expected} payments but has {found}.</source>
        <translation>{file} файлында {expected} төлөм бар деп жазылган, бирок анда {found} төлөм бар.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="282"/>
        <source>The file {file} comes from device {got}, not from the expected device {want}.</source>
        <translation>{file} файлы күтүлгөн {want} түзмөгүнөн эмес, {got} түзмөгүнөн келген.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="284"/>
        <source>The file {file} comes from till {device}, which is not paired with this till. Compare this number with the one on that till&apos;s Offline queue screen and accept it only if they are the same.</source>
        <translation>{file} файлы {device} кассасында түзүлгөн, ал бул касса менен байланыштырылган эмес. Бул номерди ошол кассанын «Офлайн кезек» экранындагы номер менен салыштырып, дал келсе гана кабыл алыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="285"/>
        <source>A till&apos;s number has 16 letters and digits (0-9, a-f), as shown on its Offline queue screen.</source>
        <translation>Кассанын номери — 16 тамга жана сан (0-9, a-f), анын «Офлайн кезек» экранындагыдай.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="286"/>
        <source>The file {file} comes from a till set as till {theirs}, while this till is set as till {mine}: set the same number of tills on every till of the shop (Settings).</source>
        <translation>{file} файлы {theirs} деп жөндөлгөн кассада түзүлгөн, ал эми бул касса {mine} деп жөндөлгөн: дүкөндүн бардык кассаларында кассалардын бирдей санын көрсөтүңүз (Жөндөөлөр).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="287"/>
        <source>The file {file} comes from another till that is also till {theirs}: give each till its own number (Settings), or their sales can be mixed up.</source>
        <translation>{file} файлы дагы {theirs} деп жөндөлгөн башка кассада түзүлгөн: ар бир кассага өз номерин бериңиз (Жөндөөлөр), антпесе алардын сатуулары аралашып кетиши мүмкүн.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="288"/>
        <source>The file {file} comes from another till that is also set as the shop&apos;s only till: both would ask the same amounts and one payment could settle a sale on each. Set every till of the shop as till 1, 2, ... of the number of tills (Settings), then export again.</source>
        <translation>{file} файлы дүкөндүн жалгыз кассасы деп жөндөлгөн башка кассада түзүлгөн: экөө тең бирдей сумманы сурайт жана бир төлөм ар бириндеги сатууну жаап коюшу мүмкүн. Дүкөндүн бардык кассаларын жалпы сандан 1-, 2-, … касса деп жөндөңүз (Жөндөөлөр), андан кийин кайра сактаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="289"/>
        <source>Another till with the same number is already paired; forget it first.</source>
        <translation>Ушундай эле номердеги башка касса мурунтан байланыштырылган; адегенде аны өчүрүңүз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="290"/>
        <source>No till with the number {device} is paired with this one.</source>
        <translation>{device} номериндеги касса бул касса менен байланыштырылган эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="291"/>
        <source>This payment is for less than one tyiyn.</source>
        <translation>Бул төлөм бир тыйындан аз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="292"/>
        <source>Name the offline payments to take back, or use --all.</source>
        <translation>Кайсы офлайн төлөмдөрдү кайтарып алууну көрсөтүңүз же --all колдонуңуз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="293"/>
        <source>The file {file} was exported for another network (chain {got}); this shop uses chain {want}.</source>
        <translation>{file} файлы башка тармак үчүн сакталган ({got} тармагы); бул дүкөн {want} тармагында иштейт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="294"/>
        <source>The file {file} was exported for another token contract ({got}); this shop uses {want}.</source>
        <translation>{file} файлы башка токен контракты үчүн сакталган ({got}); бул дүкөн {want} контрактын колдонот.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="295"/>
        <source>The file {file} was exported for another shop address ({got}); this shop is {want}.</source>
        <translation>{file} файлы дүкөндүн башка дареги үчүн сакталган ({got}); бул дүкөндүн дареги: {want}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="296"/>
        <source>This entry&apos;s details do not match the payment it carries.</source>
        <translation>Бул жазуунун маалыматтары андагы төлөмгө дал келбейт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="298"/>
        <source>The passphrase must have at least {n} characters.</source>
        <translation>Сырсөз айкашында кеминде {n} белги болушу керек.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="299"/>
        <source>A relay key already exists. It was not replaced.</source>
        <translation>Жөнөтүүчү ачкыч мурунтан эле бар. Ал алмаштырылган жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="300"/>
        <source>This is not a valid private key or keystore file.</source>
        <translation>Бул жеке ачкыч да, ачкыч сактагыч файлы да эмес.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="301"/>
        <source>The keystore file could not be opened with the passphrase given.</source>
        <translation>Ачкыч файлы бул сырсөз айкашы менен ачылган жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="302"/>
        <source>There is no relay key yet. Create or import one first.</source>
        <translation>Жөнөтүүчү ачкыч азырынча жок. Адегенде аны түзүңүз же импорттоңуз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="303"/>
        <source>The relay key file {path} is damaged or cannot be read.</source>
        <translation>Жөнөтүүчү ачкыч файлы {path} бузулган же окулбайт.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="304"/>
        <source>The file {path} could not be saved.</source>
        <translation>{path} файлын сактоо мүмкүн болгон жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="305"/>
        <source>Wrong passphrase. Attempts left before a {minutes}-minute lock: {left}.</source>
        <translation>Сырсөз айкашы туура эмес. {minutes} мүнөткө бөгөттөөгө чейин калган аракеттер: {left}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="306"/>
        <source>Too many wrong passphrases. Try again in {minutes} min.</source>
        <translation>Туура эмес аракеттер өтө көп. {minutes} мүнөттөн кийин кайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="308"/>
        <source>The relay key file {path} is damaged; put back a copy from a backup. This did not count as a wrong passphrase.</source>
        <translation>Жөнөтүүчү ачкыч файлы {path} бузулган; камдык көчүрмөдөн калыбына келтириңиз. Бул туура эмес сырсөз катары эсептелген жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="309"/>
        <source>The relay key file {path} is protected too weakly to be safe. Move it out of the data folder and import it again; the import protects it properly.</source>
        <translation>Жөнөтүүчү ачкыч файлы {path} өтө алсыз корголгон. Аны маалымат папкасынан чыгарып, кайра импорттоңуз: импорттоодо ал талаптагыдай корголот.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="310"/>
        <source>The relay key file {path} asks for so much work to open that it would stall this computer; it was not opened.</source>
        <translation>Жөнөтүүчү ачкыч файлы {path} ачуу үчүн ушунчалык көп иш талап кылат, компьютер катып калмак; ал ачылган жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="311"/>
        <source>This keystore file asks for so much work to open that it would stall this computer; it was not opened.</source>
        <translation>Бул ачкыч файлын ачуу үчүн ушунчалык көп иш талап кылат, компьютер катып калмак; ал ачылган жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="313"/>
        <source>The token&apos;s issuer has paused it, so no payment can move now; take no payment offline until it is resumed.</source>
        <translation>Эмитент токенди токтотуп койгон, ошондуктан азыр төлөмдөр өтпөйт; ал кайра иштегенге чейин офлайн төлөм кабыл албаңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="314"/>
        <source>This kind of payment (an authorization) is not checked yet for the shop&apos;s token: connect once to the network, or ask the customer for a signed transfer.</source>
        <translation>Төлөмдүн бул түрү (авторизация) дүкөндүн токени үчүн азырынча текшериле элек: тармакка бир жолу туташыңыз же кардардан кол коюлган которууну сураңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="315"/>
        <source>The shop&apos;s token cannot settle this kind of payment (an authorization); ask the customer for a signed transfer instead.</source>
        <translation>Дүкөндүн токени төлөмдүн бул түрүн (авторизацияны) өткөрө албайт; кардардан кол коюлган которууну сураңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="316"/>
        <source>The token&apos;s issuer has blocked this customer&apos;s address, so the payment would never arrive; ask for another way to pay.</source>
        <translation>Токендин эмитенти бул кардардын дарегин бөгөттөгөн, ошондуктан төлөм келбейт; башка жол менен төлөөнү сураңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="318"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Бир нерсе туура эмес болду; чоо-жайы журналда.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="319"/>
        <source>This network needs the som token contract address (ask the issuer).</source>
        <translation>Бул тармак үчүн сом токенинин контрактынын дареги керек (эмитенттен сураңыз).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="321"/>
        <source>{message} (see: {prog} --help)</source>
        <translation>{message} (караңыз: {prog} --help)</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="322"/>
        <source>The demo network lives only inside `sompos demo`; choose a real network with `sompos config network bsc` (or a profile file) to sync.</source>
        <translation>Демо тармак `sompos demo` ичинде гана иштейт; шайкештирүү үчүн чыныгы тармакты тандаңыз: `sompos config network bsc` (же профиль файлы).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="323"/>
        <source>The memo is too long (at most 200 characters).</source>
        <translation>Эскертме өтө узун (200 белгиден ашпашы керек).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="324"/>
        <source>The reason is too long (at most 200 characters).</source>
        <translation>Себеби өтө узун (200 белгиден ашпашы керек).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="325"/>
        <source>Write the limit with the digits 0-9.</source>
        <translation>Лимитти 0-9 сандары менен жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="326"/>
        <source>{file} is a folder; give a file name for the QR picture, e.g. invoice.png.</source>
        <translation>{file} — папка; QR сүрөтү үчүн файлдын атын жазыңыз, мисалы invoice.png.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="327"/>
        <source>The folder for {file} does not exist.</source>
        <translation>{file} үчүн папка жок.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="328"/>
        <source>Cannot write the QR picture to {file} ({problem}).</source>
        <translation>QR сүрөтүн {file} файлына жазуу мүмкүн эмес ({problem}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="329"/>
        <source>{file} is not an ordinary file; give a file name for the QR picture.</source>
        <translation>{file} — кадимки файл эмес; QR сүрөтү үчүн файлдын атын жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="330"/>
        <source>This till has not been online since the shop&apos;s token was set, so it does not know the token&apos;s details yet (decimals, signing name). Connect once to finish set-up: sompos sync --once</source>
        <translation>Бул касса дүкөндүн токени коюлгандан бери тармакка кошула элек, ошондуктан анын маалыматтарын (үтүрдөн кийинки белгилер, кол коюу аты) билбейт. Жөндөөнү бүтүрүү үчүн бир жолу кошулуңуз: sompos sync --once</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="335"/>
        <source>address</source>
        <translation>дарек</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="336"/>
        <source>merchant address</source>
        <translation>дүкөндүн дареги</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="337"/>
        <source>shop address</source>
        <translation>дүкөндүн дареги</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="338"/>
        <source>token contract address</source>
        <translation>токен контрактынын дареги</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="339"/>
        <source>exchange wallet address</source>
        <translation>биржа капчыгынын дареги</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="340"/>
        <source>RPC URL</source>
        <translation>RPC түйүнүнүн дареги</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="341"/>
        <source>explorer URL</source>
        <translation>блок браузеринин дареги</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="343"/>
        <source>profile</source>
        <translation>тармак профили</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="344"/>
        <source>saved network profile</source>
        <translation>сакталган тармак профили</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="345"/>
        <source>profile file {file}</source>
        <translation>{file} профиль файлы</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="347"/>
        <source>payment</source>
        <translation>төлөм</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="348"/>
        <source>network profile</source>
        <translation>тармак профили</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="349"/>
        <source>key file</source>
        <translation>ачкыч файлы</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="350"/>
        <source>hand-over file</source>
        <translation>өткөрүп берүү файлы</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="351"/>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="352"/>
        <source>standard input</source>
        <translation>стандарттык киргизүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="354"/>
        <source>new</source>
        <translation>жаңы</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="355"/>
        <source>processing</source>
        <translation>иштетилүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="356"/>
        <source>settled</source>
        <translation>төлөнгөн</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="357"/>
        <source>expired</source>
        <translation>мөөнөтү бүткөн</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="358"/>
        <source>invalid</source>
        <translation>жараксыз</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="360"/>
        <source>received</source>
        <translation>кабыл алынган</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="361"/>
        <source>queued</source>
        <translation>кезекте</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="362"/>
        <source>submitted</source>
        <translation>жөнөтүлгөн</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="363"/>
        <source>included</source>
        <translation>блокко кирген</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="364"/>
        <source>final</source>
        <translation>акыркы жолу ырасталган</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="365"/>
        <source>rejected</source>
        <translation>четке кагылган</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="366"/>
        <source>double_spent</source>
        <translation>эки жолу сарпталган</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="367"/>
        <source>stuck</source>
        <translation>өткөн жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="369"/>
        <source>report the latest block</source>
        <translation>акыркы блокту билдирүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="370"/>
        <source>list token transfers</source>
        <translation>токен которууларынын тизмесин берүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="371"/>
        <source>give a receipt</source>
        <translation>транзакциянын квитанциясын берүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="372"/>
        <source>describe the token</source>
        <translation>токен тууралуу маалымат берүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="373"/>
        <source>check what the token can do</source>
        <translation>токендин мүмкүнчүлүктөрүн текшерүү</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="374"/>
        <location filename="../../pos_app/ui/shell/main_window.py" line="437"/>
        <source>embedded demo chain</source>
        <translation>программанын ичиндеги демо тармак</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="376"/>
        <source>name</source>
        <translation>аталышы</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="377"/>
        <source>symbol</source>
        <translation>символу</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="378"/>
        <source>version</source>
        <translation>версиясы</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="379"/>
        <source>EIP-712 name</source>
        <translation>EIP-712 аталышы</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="380"/>
        <source>EIP-712 version</source>
        <translation>EIP-712 версиясы</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="382"/>
        <source>token deployment</source>
        <translation>токенди жайгаштыруу</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="383"/>
        <source>transfer call</source>
        <translation>которуу (transfer)</translation>
    </message>
    <message>
        <location filename="../../pos_app/core/messages.py" line="384"/>
        <source>mint call</source>
        <translation>чыгаруу (mint)</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <location filename="../../pos_app/text/words.py" line="22"/>
        <source>the cashier</source>
        <translation>кассир</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="23"/>
        <source>a command at the till</source>
        <translation>кассадагы буйрук</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="24"/>
        <source>this till</source>
        <translation>бул касса</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="vanished">Күтүүдө</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation type="vanished">Ырасталууда</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="vanished">Төлөндү</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="vanished">Мөөнөтү бүттү</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="vanished">Жокко чыгарылды</translation>
    </message>
    <message>
        <source>received</source>
        <translation type="vanished">кабыл алынды</translation>
    </message>
    <message>
        <source>waiting for the network</source>
        <translation type="vanished">тармакты күтүүдө</translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="vanished">жөнөтүлдү</translation>
    </message>
    <message>
        <source>confirming</source>
        <translation type="vanished">ырасталууда</translation>
    </message>
    <message>
        <source>done</source>
        <translation type="vanished">аткарылды</translation>
    </message>
    <message>
        <source>refused by the network</source>
        <translation type="vanished">тармак четке какты</translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="vanished">мөөнөтү бүттү</translation>
    </message>
    <message>
        <source>spent elsewhere</source>
        <translation type="vanished">башка жерде сарпталды</translation>
    </message>
    <message>
        <source>not enough money</source>
        <translation type="vanished">акча жетишкен жок</translation>
    </message>
    <message>
        <source>refused by the som token</source>
        <translation type="vanished">сом токени четке какты</translation>
    </message>
    <message>
        <source>cancelled by the customer</source>
        <translation type="vanished">кардар жокко чыгарды</translation>
    </message>
    <message>
        <source>never went through</source>
        <translation type="vanished">эч өткөн жок</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation type="vanished">көңүл бурууну талап кылат</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="72"/>
        <source>Sale started</source>
        <translation>Сатуу башталды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="73"/>
        <source>The time to pay ran out</source>
        <translation>Төлөө убактысы бүттү</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="74"/>
        <source>Checked again when the till started</source>
        <translation>Касса күйгүзүлгөндө кайра текшерилди</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="75"/>
        <source>A payment arrived</source>
        <translation>Төлөм келди</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="76"/>
        <source>The payment is confirmed</source>
        <translation>Төлөм ырасталды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="77"/>
        <source>The network took a payment back; it is checked again</source>
        <translation>Тармак төлөмдү артка кайтарды; ал кайра текшерилүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="78"/>
        <source>Marked by {actor}: {reason}</source>
        <translation>Белгилеген: {actor}: {reason}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="79"/>
        <source>Marked by {actor}</source>
        <translation>Белгилеген: {actor}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="80"/>
        <source>Charged again by {actor}</source>
        <translation>Кайра эсеп койгон: {actor}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="81"/>
        <source>Accepted as paid though short, by {actor}</source>
        <translation>Кем болсо да төлөндү деп кабыл алган: {actor}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="82"/>
        <source>The money of its offline payment arrived</source>
        <translation>Офлайн төлөмүнүн акчасы келди</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="83"/>
        <source>Payment {payment} assigned by {actor}</source>
        <translation>{payment}-төлөмдү байлаган: {actor}</translation>
    </message>
    <message>
        <source>Paid offline; waiting for the network (offline payment {item})</source>
        <translation type="vanished">Офлайн төлөндү; тармакты күтүүдө ({item}-офлайн төлөм)</translation>
    </message>
    <message>
        <source>Brought from another till; waiting for the network (offline payment {item})</source>
        <translation type="vanished">Башка кассадан алынып келди; тармакты күтүүдө ({item}-офлайн төлөм)</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="84"/>
        <source>{note}; waiting for the network (offline payment {item})</source>
        <translation>{note}; тармакты күтүүдө ({item}-офлайн төлөм)</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="86"/>
        <source>Offline payment {item} failed ({state}); the customer was charged again</source>
        <translation>{item}-офлайн төлөм өтпөй калды ({state}); кардарга кайра эсеп коюлду</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="87"/>
        <source>Paid offline</source>
        <translation>Офлайн төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="88"/>
        <source>Brought from another till</source>
        <translation>Башка кассадан алынып келди</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="89"/>
        <source>sale cancelled</source>
        <translation>сатуу жокко чыгарылды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="91"/>
        <source>Received from the customer</source>
        <translation>Кардардан кабыл алынды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="92"/>
        <source>Checked offline, waiting for the network</source>
        <translation>Офлайн текшерилди, тармакты күтүүдө</translation>
    </message>
    <message>
        <source>Brought from another till (its sale {invoice}): {memo}</source>
        <translation type="vanished">Башка кассадан алынып келди (ал жактагы {invoice}-сатуу): {memo}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="93"/>
        <source>Brought from another till (its sale {invoice})</source>
        <translation>Башка кассадан алынып келди (ал жактагы {invoice}-сатуу)</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="94"/>
        <source>To be sent from this till again: {reason}</source>
        <translation>Кайрадан ушул касса жөнөтөт: {reason}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="95"/>
        <source>taken back on this till</source>
        <translation>ушул кассада кайра алынды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="96"/>
        <source>taken back by hand</source>
        <translation>кол менен кайра алынды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="97"/>
        <source>no other till had sent it in time</source>
        <translation>башка касса аны убагында жөнөткөн жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="98"/>
        <source>they came back in a file from another till</source>
        <translation>алар башка кассадан файл менен кайтып келди</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="99"/>
        <source>this till&apos;s own file {file} was loaded here again</source>
        <translation>ушул кассанын өз файлы {file} бул жерге кайра жүктөлдү</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="100"/>
        <source>Closed by {actor}: the customer was charged again ({note})</source>
        <translation>Жапкан: {actor}: кардарга кайра эсеп коюлду ({note})</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="101"/>
        <source>Closed by {actor}: the customer was charged again</source>
        <translation>Жапкан: {actor}: кардарга кайра эсеп коюлду</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="102"/>
        <source>Closed by {actor}: settled another way ({note})</source>
        <translation>Жапкан: {actor}: башка жол менен төлөндү ({note})</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="103"/>
        <source>Closed by {actor}: settled another way</source>
        <translation>Жапкан: {actor}: башка жол менен төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="105"/>
        <source>The som token cannot take this kind of payment</source>
        <translation>Сом токени мындай төлөмдү кабыл ала албайт</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="107"/>
        <source>The customer&apos;s payment permission ran out before it could be sent</source>
        <translation>Кардардын төлөмгө уруксатынын мөөнөтү жөнөтүлгөнгө чейин бүттү</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="108"/>
        <source>The customer&apos;s account does not have enough money</source>
        <translation>Кардардын эсебинде акча жетишпейт</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="109"/>
        <source>The customer&apos;s account did not have enough money</source>
        <translation>Кардардын эсебинде акча жетишкен жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="111"/>
        <source>This payment can only be sent by the shop&apos;s own account, not by the relay key</source>
        <translation>Бул төлөмдү жөнөтүүчү ачкыч эмес, дүкөндүн өз эсеби гана жөнөтө алат</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="113"/>
        <location filename="../../pos_app/text/words.py" line="116"/>
        <source>This payment permission was already used or cancelled; check the customer&apos;s payments</source>
        <translation>Бул төлөмгө уруксат колдонулуп же жокко чыгарылып бүткөн; кардардын төлөмдөрүн текшериңиз</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="118"/>
        <source>Already sent by another till; waiting for confirmation</source>
        <translation>Башка касса жөнөтүп койгон; ырастоону күтүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="119"/>
        <source>The customer cancelled the payment before it was sent</source>
        <translation>Кардар төлөмдү жөнөтүлгөнгө чейин жокко чыгарды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="120"/>
        <location filename="../../pos_app/text/words.py" line="121"/>
        <location filename="../../pos_app/text/words.py" line="142"/>
        <source>Sent, waiting for confirmation</source>
        <translation>Жөнөтүлдү, ырастоону күтүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="122"/>
        <source>Sent before; checking whether it arrived</source>
        <translation>Мурда жөнөтүлгөн; жеткени текшерилүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="123"/>
        <source>The customer&apos;s account cannot pay the network fee</source>
        <translation>Кардардын эсебинен тармак комиссиясын төлөөгө болбойт</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="124"/>
        <source>The customer&apos;s network fee is too low now</source>
        <translation>Кардардын тармак комиссиясы азыр өтө аз</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="125"/>
        <location filename="../../pos_app/text/words.py" line="126"/>
        <location filename="../../pos_app/text/words.py" line="127"/>
        <source>The som token refused the payment</source>
        <translation>Сом токени төлөмдү четке какты</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="128"/>
        <source>The network refused this payment</source>
        <translation>Тармак бул төлөмдү четке какты</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="129"/>
        <source>The network took its confirmation back; sending it again</source>
        <translation>Тармак ырастоону артка кайтарды; кайра жөнөтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="130"/>
        <source>The network took its confirmation back; waiting again</source>
        <translation>Тармак ырастоону артка кайтарды; кайра күтүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="132"/>
        <source>Arrived after it was given up, and the customer was charged again: the customer has paid twice, refund one of the payments</source>
        <translation>Жоголду деп эсептелгенден кийин келди, ал эми кардарга кайра эсеп коюлган: кардар эки жолу төлөдү, төлөмдөрдүн бирин кайтарыңыз</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="135"/>
        <source>Arrived after it was given up and marked settled another way: check whether the customer paid twice</source>
        <translation>Жоголду деп эсептелип, башка жол менен төлөндү деп белгиленгенден кийин келди: кардар эки жолу төлөгөн жокпу, текшериңиз</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="137"/>
        <source>Arrived after it was given up; confirming</source>
        <translation>Жоголду деп эсептелгенден кийин келди; ырасталууда</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="138"/>
        <location filename="../../pos_app/text/words.py" line="141"/>
        <source>Arrived, confirming</source>
        <translation>Жетти, ырасталууда</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="139"/>
        <location filename="../../pos_app/text/words.py" line="140"/>
        <source>Confirmed</source>
        <translation>Ырасталды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="143"/>
        <source>The network took its payment back; sending it again</source>
        <translation>Тармак анын төлөмүн артка кайтарды; кайра жөнөтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="145"/>
        <source>The network said it went through, but no money arrived; sending it again</source>
        <translation>Тармак өттү деди, бирок акча келген жок; кайра жөнөтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="147"/>
        <source>The network keeps saying this payment went through, but the money never arrived</source>
        <translation>Тармак бул төлөм өттү деп кайталап жатат, бирок акча эч келген жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="150"/>
        <source>The customer&apos;s payment permission ran out before it went through</source>
        <translation>Кардардын төлөмгө уруксатынын мөөнөтү төлөм өткөнгө чейин бүттү</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="152"/>
        <source>The customer spent this money elsewhere first; this payment can never arrive</source>
        <translation>Кардар бул акчаны мурда башка жерге сарптаган; бул төлөм эч качан келбейт</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="154"/>
        <source>Sent by someone else, but the network dropped it; sending it from this till</source>
        <translation>Башка бирөө жөнөткөн, бирок тармак аны таштады; бул кассадан жөнөтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="155"/>
        <source>Sending it again with the relay key</source>
        <translation>Жөнөтүүчү ачкыч менен кайра жөнөтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="157"/>
        <source>Never went through: the customer&apos;s wallet has %n earlier payment(s) that did not reach the network, so the network held this one for {minutes} min</source>
        <translation>Эч өткөн жок: кардардын капчыгында тармакка жетпеген мурунку төлөмдөр бар (%n), ошондуктан тармак бул төлөмдү {minutes} мүнөт кармап турду</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="159"/>
        <source>Never went through: the network did not take it in {minutes} min</source>
        <translation>Эч өткөн жок: тармак аны {minutes} мүнөттө кабыл алган жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="160"/>
        <source>Sent again by {actor}</source>
        <translation>Кайра жөнөткөн: {actor}</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="162"/>
        <source>Waiting for {minutes} min: unlock the relay key in the queue screen and top it up, then it is sent</source>
        <translation>{minutes} мүнөттөн бери күтүүдө: кезек экранында жөнөтүүчү ачкычты ачып, аны толуктаңыз, ошондо төлөм жөнөтүлөт</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="165"/>
        <source>The network has not taken it for {minutes} min: top up the relay key and keep the till online</source>
        <translation>Тармак аны {minutes} мүнөттөн бери кабыл алган жок: жөнөтүүчү ачкычты толуктап, кассаны тармакта кармаңыз</translation>
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
        <translation>Күтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="34"/>
        <location filename="../../pos_app/text/words.py" line="44"/>
        <source>Confirming</source>
        <translation>Ырасталууда</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="35"/>
        <source>Paid</source>
        <translation>Төлөндү</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="36"/>
        <location filename="../../pos_app/text/words.py" line="47"/>
        <source>Expired</source>
        <translation>Мөөнөтү бүттү</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="37"/>
        <source>Cancelled</source>
        <translation>Жокко чыгарылды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="41"/>
        <source>Received</source>
        <translation>Келип түштү</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="42"/>
        <source>Waiting for network</source>
        <translation>Тармак күтүлүүдө</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="43"/>
        <source>Sent</source>
        <translation>Жөнөтүлгөн</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="45"/>
        <source>Done</source>
        <translation>Аткарылган</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="46"/>
        <source>Refused by network</source>
        <translation>Тармак четке какты</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="48"/>
        <source>Spent elsewhere</source>
        <translation>Башка жерде сарпталган</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="49"/>
        <source>No funds</source>
        <translation>Каражат жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="50"/>
        <source>Refused by the som token</source>
        <translation>Сом токени четке какты</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="51"/>
        <source>Cancelled by payer</source>
        <translation>Төлөөчү жокко чыгарды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="52"/>
        <source>Never went through</source>
        <translation>Эч өткөн жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="53"/>
        <source>Needs attention</source>
        <translation>Көңүл буруу керек</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="58"/>
        <source>the customer spent this money elsewhere first</source>
        <translation>кардар бул акчаны мурун башка жерде сарптап койгон</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="59"/>
        <source>the customer&apos;s account did not have enough</source>
        <translation>кардардын эсебинде каражат жетишкен жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="60"/>
        <source>the token refused the transfer</source>
        <translation>токен которууну четке какты</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="61"/>
        <source>the customer cancelled the payment</source>
        <translation>кардар төлөмдү жокко чыгарды</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="62"/>
        <source>it could not be sent in time</source>
        <translation>аны өз убагында жөнөтүү мүмкүн болгон жок</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="63"/>
        <source>the network refused it</source>
        <translation>тармак аны четке какты</translation>
    </message>
    <message>
        <location filename="../../pos_app/text/words.py" line="64"/>
        <source>it never went through: the network held it back</source>
        <translation>ал эч өткөн жок: тармак аны кармап калды</translation>
    </message>
</context>
</TS>
