"""Demo content for the Euro-Brew website: contact details and a seed news article (the
pages are in pages.py)."""

from datetime import date

CONTACT = {
    "name_sk": "Euro-Brew s.r.o.",
    "name_en": "Euro-Brew Ltd.",
    "street": "Hlboká 22",
    "postcode": "917 01",
    "city": "Trnava",
    "country_sk": "Slovensko",
    "country_en": "Slovakia",
    "phone": "+421 33 53 418 53",
    "fax": "+421 33 53 418 52",
    "email": "info@eurobrew.sk",
    "design_credit": "Rastislav Laco",
}

SEED_ARTICLE = {
    "published_on": date(2025, 5, 29),
    "photo_credit": "Jen",
    "source_url": "https://www.tasr.sk/",
    "translations": {
        "en": {
            "title": "Japan proposes US purchase of semiconductor products",
            "slug": "japan-proposes-us-purchase-of-semiconductor-products",
            "place": "Tokyo",
            "body": """\
Japan has proposed buying up to 1 trillion yen (6.11 billion euros) worth of American semiconductor products during ongoing trade talks with the United States. TASR reports this based on reports from Reuters and Bloomberg.

The move will help address the large US trade deficit with Japan, which amounts to 10 trillion JPY. Tokyo's chief negotiator Ryosei Akazawa will arrive in the US on May 30, 2025, for the fourth round of talks.

The US-Japan trade imbalance has persisted for decades, often leading to protectionist measures, including tariffs. The administration of President Bill Clinton (1993-2001) prioritized opening up Japanese markets, concluding more trade agreements with Japan than any previous administration. This helped increase US exports to Japan in the targeted sectors by more than 85% during that period.

The current focus on semiconductors represents an evolution of an approach that is shifting toward high-tech components rather than consumer goods, but uses the same mechanism of government-sponsored purchases to address trade imbalances. Japan’s proposal to subsidize domestic companies when they buy chips from the U.S. echoes past agreements, but now targets the strategically critical semiconductor industry.

The proposal reflects Japan’s dual strategy of revitalizing its domestic semiconductor industry while strengthening its alliances with the U.S. at a time of rising geopolitical tensions. Japan’s share of the semiconductor market has fallen dramatically from 50.3% in 1988 to around 10% today. The Japanese government has allocated significant resources and plans to invest around $25.7 billion (€22.63 billion) in semiconductors to rebuild domestic capacity.

At the same time, Japan is pursuing “friendshoring” with trusted allies such as the U.S. It offers financial support to companies willing to shift production and purchasing to allied countries to reduce dependence on geopolitical rivals. The proposed chip purchase is in line with Japan’s strategy of diversifying strategic risks through technology partnerships with the US while continuing to develop domestic manufacturing capabilities.
""",
            "note": "1 EUR = 163.72 JPY; 1 EUR = 1.1356 USD",
            "photo_alt": "Semiconductor wafers and microchips",
        },
        "sk": {
            "title": "Japonsko navrhuje nákup amerických polovodičových produktov",
            "slug": "japonsko-navrhuje-nakup-americkych-polovodicovych-produktov",
            "place": "Tokio",
            "body": """\
Japonsko počas prebiehajúcich obchodných rokovaní so Spojenými štátmi navrhlo nákup amerických polovodičových produktov v hodnote až 1 bilión jenov (6,11 miliardy eur). TASR o tom informuje na základe správ agentúr Reuters a Bloomberg.

Tento krok má pomôcť riešiť vysoký obchodný deficit USA voči Japonsku, ktorý dosahuje 10 biliónov JPY. Hlavný vyjednávač Tokia Rjosei Akazawa pricestuje do USA 30. mája 2025 na štvrté kolo rokovaní.

Obchodná nerovnováha medzi USA a Japonskom pretrváva už desaťročia a často viedla k protekcionistickým opatreniam vrátane ciel. Administratíva prezidenta Billa Clintona (1993 – 2001) považovala otvorenie japonských trhov za prioritu a uzavrela s Japonskom viac obchodných dohôd než ktorákoľvek predchádzajúca administratíva. Vývoz USA do Japonska sa vďaka tomu v tomto období v cielených odvetviach zvýšil o viac než 85 %.

Súčasné zameranie na polovodiče predstavuje vývoj prístupu, ktorý sa namiesto spotrebného tovaru presúva k špičkovým technologickým komponentom, no na riešenie obchodnej nerovnováhy využíva rovnaký mechanizmus nákupov podporovaných vládou. Návrh Japonska dotovať domáce firmy pri nákupe čipov z USA pripomína dohody z minulosti, teraz sa však zameriava na strategicky kľúčový polovodičový priemysel.

Návrh odráža dvojakú stratégiu Japonska – oživiť domáci polovodičový priemysel a zároveň v čase rastúceho geopolitického napätia posilniť spojenectvo s USA. Podiel Japonska na trhu s polovodičmi dramaticky klesol z 50,3 % v roku 1988 na súčasných približne 10 %. Japonská vláda vyčlenila značné prostriedky a na obnovu domácich kapacít plánuje do polovodičov investovať približne 25,7 miliardy USD (22,63 miliardy eur).

Japonsko zároveň presadzuje takzvaný „friendshoring“ s dôveryhodnými spojencami, ako sú USA. Firmám, ktoré sú ochotné presunúť výrobu a nákupy do spojeneckých krajín, ponúka finančnú podporu, aby sa znížila závislosť od geopolitických rivalov. Navrhovaný nákup čipov je v súlade so stratégiou Japonska diverzifikovať strategické riziká prostredníctvom technologických partnerstiev s USA a zároveň naďalej rozvíjať domáce výrobné kapacity.
""",
            "note": "1 EUR = 163,72 JPY; 1 EUR = 1,1356 USD",
            "photo_alt": "Polovodičové doštičky a mikročipy",
        },
    },
}
