"""The demo's content pages in Slovak and English: home, Products (its introduction; the
section's product pages are in product_pages.py), activities, links and about."""

# ruff: noqa: E501 - Markdown paragraphs, a line each, as an editor would type them

PAGES = [
    {
        "key": "home",
        "menu_order": 10,
        "translations": {
            "sk": {
                "title": "Úvod",
                "slug": "",
                "body": """\
Vitajte na stránkach spoločnosti Euro-Brew s.r.o. z Trnavy. Od roku 1997 sledujeme hospodárske a obchodné dianie doma aj v zahraničí a uverejňujeme stručné a prehľadné správy o ekonomike, obchode a investíciách. Osobitnú pozornosť venujeme Japonsku a ďalším ázijským krajinám, ako aj vzťahom medzi Európou a Áziou.

Naše služby sú určené slovenským aj zahraničným firmám, ktoré pri obchodnom rozhodovaní potrebujú spoľahlivé informácie. Okrem spravodajstva ponúkame preklady, prehľady trhov a pomoc pri nadväzovaní obchodných kontaktov.

Najnovšie správy nájdete nižšie. Ak máte záujem o naše služby, neváhajte nás kontaktovať.
""",
            },
            "en": {
                "title": "Home",
                "slug": "",
                "body": """\
Welcome to the website of Euro-Brew Ltd. of Trnava, Slovakia. Since 1997 we have been following economic and business developments at home and abroad and publishing concise, clear news on the economy, trade and investment. We pay particular attention to Japan and other Asian countries, as well as to relations between Europe and Asia.

Our services are intended for Slovak and foreign companies that need reliable information for their business decisions. In addition to news, we offer translations, market reports and help with establishing business contacts.

You will find the latest news below. If you are interested in our services, please do not hesitate to contact us.
""",
            },
        },
    },
    {
        "key": "products",
        "menu_order": 20,
        # Its pictures and product pages come after this text (products.py).
        "translations": {
            "sk": {
                "title": "Produkty",
                "slug": "produkty",
                "body": """\
Spoločnosť Euro-Brew s.r.o. navrhuje, dodáva a montuje zariadenia na výrobu piva pre reštauračné, remeselné aj regionálne prevádzky – od varne až po sud. Dodávame celé prevádzky s výstavom od 500 do 50 000 hl ročne aj jednotlivé zariadenia na rozšírenie existujúcich a staráme sa o ne servisom, náhradnými dielmi a školením obsluhy.
""",
            },
            "en": {
                "title": "Products",
                "slug": "products",
                "body": """\
Euro-Brew Ltd. designs, supplies and installs equipment for making beer, at restaurant, craft or regional scale – from the brewhouse to the keg. We deliver complete plants with an output of 500 to 50,000 hl a year as well as single pieces of equipment to extend existing ones, and we look after them with service, spare parts and training for your staff.
""",
            },
        },
    },
    {
        "key": "activities",
        "menu_order": 30,
        "translations": {
            "sk": {
                "title": "Aktivity",
                "slug": "aktivity",
                "body": """\
Jadrom našej činnosti je sústavné sledovanie hospodárskeho a obchodného diania. Venujeme sa najmä Japonsku a ďalším ázijským ekonomikám, ako aj vývoju v Európskej únii a na Slovensku.

## Čomu sa venujeme

- sledovanie a spracovanie ekonomických správ z Japonska, Ázie a Európy,
- poradenstvo pre firmy, ktoré chcú obchodovať s Japonskom alebo už s japonskými partnermi spolupracujú,
- sprostredkovanie obchodných kontaktov a pomoc pri príprave rokovaní,
- organizovanie seminárov a stretnutí na ekonomické a obchodné témy.

Pri práci využívame verejne dostupné zdroje, ako sú tlačové agentúry, štatistiky a publikácie verejných inštitúcií. Snažíme sa, aby naše informácie boli presné, aktuálne a zrozumiteľné aj pre čitateľov, ktorí sa ekonomike nevenujú profesionálne.
""",
            },
            "en": {
                "title": "Activities",
                "slug": "activities",
                "body": """\
At the heart of our work is the continuous monitoring of economic and business developments. We focus mainly on Japan and other Asian economies, as well as on developments in the European Union and in Slovakia.

## What we do

- Monitoring and processing economic news from Japan, Asia and Europe
- Consultancy for companies that want to trade with Japan or already work with Japanese partners
- Arranging business contacts and helping to prepare negotiations
- Organising seminars and meetings on economic and business topics

In our work we use publicly available sources such as news agencies, statistics and publications of public institutions. We aim to make our information accurate, up to date and easy to understand, even for readers who do not work in economics professionally.
""",
            },
        },
    },
    {
        "key": "links",
        "menu_order": 40,
        "translations": {
            "sk": {
                "title": "Odkazy",
                "slug": "odkazy",
                "body": """\
Vybrané webové stránky verejných inštitúcií a organizácií, ktoré využívame ako zdroj informácií alebo ktoré môžu byť užitočné pre našich klientov:

- [TASR – Tlačová agentúra Slovenskej republiky](https://www.tasr.sk/) – národná tlačová agentúra a zdroj aktuálneho spravodajstva.
- [SARIO](https://www.sario.sk/) – Slovenská agentúra pre rozvoj investícií a obchodu.
- [JETRO](https://www.jetro.go.jp/) – Japonská organizácia pre zahraničný obchod (Japan External Trade Organization).
- [Európska centrálna banka](https://www.ecb.europa.eu/) – menová politika eurozóny a referenčné výmenné kurzy eura.
- [Národná banka Slovenska](https://www.nbs.sk/) – centrálna banka Slovenska, výmenné kurzy a ekonomické analýzy.
- [Ministerstvo zahraničných vecí a európskych záležitostí SR](https://www.mzv.sk/) – zahraničné vzťahy a ekonomická diplomacia.
- [Mesto Trnava](https://www.trnava.sk/) – oficiálna stránka mesta, v ktorom sídlime.

Za obsah externých webových stránok nezodpovedáme.
""",
            },
            "en": {
                "title": "Links",
                "slug": "links",
                "body": """\
Selected websites of public institutions and organisations that we use as sources of information or that may be useful to our clients:

- [TASR – News Agency of the Slovak Republic](https://www.tasr.sk/) – the national news agency and a source of up-to-date news.
- [SARIO](https://www.sario.sk/) – the Slovak Investment and Trade Development Agency.
- [JETRO](https://www.jetro.go.jp/) – the Japan External Trade Organization.
- [European Central Bank](https://www.ecb.europa.eu/) – monetary policy of the euro area and euro reference exchange rates.
- [National Bank of Slovakia](https://www.nbs.sk/) – the central bank of Slovakia, with exchange rates and economic analyses.
- [Ministry of Foreign and European Affairs of the Slovak Republic](https://www.mzv.sk/) – foreign relations and economic diplomacy.
- [City of Trnava](https://www.trnava.sk/) – the official website of the city where we are based.

We are not responsible for the content of external websites.
""",
            },
        },
    },
    {
        "key": "about",
        "menu_order": 50,
        "translations": {
            "sk": {
                "title": "O nás",
                "slug": "o-nas",
                "body": """\
Spoločnosť Euro-Brew s.r.o. vznikla v roku 1997 v Trnave. Od začiatku sa zameriava na sledovanie a spracovanie hospodárskych a obchodných informácií, predovšetkým o Japonsku, ďalších ázijských krajinách a Európe, a na ich sprostredkovanie slovenským aj zahraničným firmám.

Postupne sme k spravodajstvu pridali preklady, prehľady trhov, poradenstvo pre obchod s Japonskom a organizovanie obchodných stretnutí a seminárov. Sme malá firma a s klientmi komunikujeme priamo a osobne.

## Kontakt

{contact:address}

- Telefón: {contact:phone}
- Fax: {contact:fax}
- E-mail: {contact:email}

Tešíme sa na spoluprácu.
""",
            },
            "en": {
                "title": "About us",
                "slug": "about-us",
                "body": """\
Euro-Brew Ltd. (Euro-Brew s.r.o.) was founded in Trnava in 1997. From the outset, the company has focused on monitoring and processing economic and business information, above all about Japan, other Asian countries and Europe, and on making it available to Slovak and foreign companies.

Over the years we have added translations, market reports, consultancy for trade with Japan and the organisation of business meetings and seminars to our news service. We are a small company and deal with our clients directly and personally.

## Contact

{contact:address}

- Telephone: {contact:phone}
- Fax: {contact:fax}
- E-mail: {contact:email}

We look forward to working with you.
""",
            },
        },
    },
]
