"""Demo news: the company's own announcements (a seminar, a market report, a glossary)."""

from datetime import date

COMPANY_NEWS = [
    {
        "published_on": date(2026, 11, 24),
        "source_url": "",
        "translations": {
            "en": {
                "title": "Euro-Brew invites brewers to a seminar on exporting to Japan",
                "slug": "euro-brew-invites-brewers-to-a-seminar-on-exporting-to-japan",
                "place": "Trnava",
                "body": """\
Euro-Brew Ltd. will hold a half-day seminar on exporting beer and malt to Japan at its offices in Trnava on 21 January 2027. The seminar is intended for Slovak and Czech breweries, maltings and their suppliers who are considering the Japanese market or already sell there.

The programme covers Japanese import rules for alcoholic beverages, labelling requirements, the liquor tax after the reform of October 2026 and the ways imported beer reaches Japanese shops, restaurants and online retailers. Participants will also receive a summary of our latest market report on imported and craft beer in Japan.

The seminar is limited to 30 participants. Please register by e-mail at info@eurobrew.sk or by telephone by 14 January 2027. The seminar will be held in Slovak; the materials are available in Slovak and English.
""",
                "note": "",
            },
            "sk": {
                "title": "Euro-Brew pozýva pivovarníkov na seminár o vývoze do Japonska",
                "slug": "euro-brew-pozyva-pivovarnikov-na-seminar-o-vyvoze-do-japonska",
                "place": "Trnava",
                "body": """\
Spoločnosť Euro-Brew s.r.o. usporiada 21. januára 2027 vo svojich priestoroch v Trnave poldenný seminár o vývoze piva a sladu do Japonska. Seminár je určený slovenským a českým pivovarom, sladovniam a ich dodávateľom, ktorí uvažujú o vstupe na japonský trh alebo tam už predávajú.

Program zahŕňa japonské dovozné predpisy pre alkoholické nápoje, požiadavky na označovanie, daň z alkoholických nápojov po reforme z októbra 2026 a cesty, ktorými sa dovážané pivo dostáva do japonských obchodov, reštaurácií a k internetovým predajcom. Účastníci dostanú aj zhrnutie našej najnovšej správy o trhu s dovážaným a remeselným pivom v Japonsku.

Kapacita seminára je obmedzená na 30 účastníkov. Prihlásiť sa môžete e-mailom na adrese info@eurobrew.sk alebo telefonicky do 14. januára 2027. Seminár sa uskutoční v slovenčine, podklady sú k dispozícii v slovenčine a angličtine.
""",
                "note": "",
            },
        },
    },
    {
        "published_on": date(2026, 8, 17),
        "source_url": "",
        "translations": {
            "en": {
                "title": "New Euro-Brew report: imported and craft beer in Japan",
                "slug": "new-euro-brew-report-imported-and-craft-beer-in-japan",
                "place": "Trnava",
                "body": """\
Euro-Brew Ltd. has published a new market report on imported and craft beer in Japan. On 48 pages it describes the size and structure of the market, the main importers and distribution channels, prices in shops and restaurants, and the effect of the liquor tax reform that takes full effect in October 2026.

The report draws on Japanese statistics, trade publications and interviews with importers in Tokyo and Osaka. It pays particular attention to beer from Central Europe: Czech lagers are well established in Japan, while Slovak and Austrian breweries are only beginning to find importers.

The report is available in Slovak and English, in print and as a PDF. Companies interested in the report or in a presentation of its findings can contact us by telephone or e-mail.
""",
                "note": "",
            },
            "sk": {
                "title": "Nová správa Euro-Brew: dovážané a remeselné pivo v Japonsku",
                "slug": "nova-sprava-euro-brew-dovazane-a-remeselne-pivo-v-japonsku",
                "place": "Trnava",
                "body": """\
Spoločnosť Euro-Brew s.r.o. vydala novú správu o trhu s dovážaným a remeselným pivom v Japonsku. Na 48 stranách opisuje veľkosť a štruktúru trhu, hlavných dovozcov a distribučné cesty, ceny v obchodoch a reštauráciách, ako aj vplyv reformy dane z alkoholických nápojov, ktorá naplno nadobudne účinnosť v októbri 2026.

Správa vychádza z japonských štatistík, odborných publikácií a rozhovorov s dovozcami v Tokiu a Osake. Osobitnú pozornosť venuje pivu zo strednej Európy: české ležiaky sú v Japonsku dobre etablované, slovenské a rakúske pivovary si dovozcov len začínajú hľadať.

Správa je k dispozícii v slovenčine a angličtine, v tlačenej podobe aj vo formáte PDF. Firmy, ktoré majú záujem o správu alebo o prezentáciu jej zistení, nás môžu kontaktovať telefonicky alebo e-mailom.
""",
                "note": "",
            },
        },
    },
    {
        "published_on": date(2026, 6, 1),
        "source_url": "",
        "translations": {
            "en": {
                "title": "Euro-Brew publishes a Slovak–English–Japanese brewing glossary",
                "slug": "euro-brew-publishes-a-slovak-english-japanese-brewing-glossary",
                "place": "Trnava",
                "body": """\
Euro-Brew Ltd. has completed a glossary of brewing and malting terms in Slovak, English and Japanese. It contains more than 1,200 terms, from raw materials and brewing processes to packaging, excise duty and food safety, and is intended for translators, exporters and brewery staff who deal with foreign partners.

The glossary grew out of our translation work for Slovak and Czech breweries and maltings over the past years. Each term comes with a short definition, and the Japanese terms are given both in Japanese script and in Latin transcription.

Our clients receive the glossary free of charge with their translation orders; others can order it in print or as a PDF. We will gladly send a sample on request.
""",
                "note": "",
            },
            "sk": {
                "title": "Euro-Brew vydáva slovensko-anglicko-japonský pivovarnícky slovník",
                "slug": "euro-brew-vydava-slovensko-anglicko-japonsky-pivovarnicky-slovnik",
                "place": "Trnava",
                "body": """\
Spoločnosť Euro-Brew s.r.o. dokončila slovník pivovarníckych a sladovníckych pojmov v slovenčine, angličtine a japončine. Obsahuje viac ako 1 200 pojmov – od surovín a výrobných postupov cez obaly a spotrebnú daň až po bezpečnosť potravín – a je určený prekladateľom, vývozcom a zamestnancom pivovarov, ktorí komunikujú so zahraničnými partnermi.

Slovník vznikol z našej prekladateľskej práce pre slovenské a české pivovary a sladovne v posledných rokoch. Každý pojem má krátku definíciu, japonské výrazy sú uvedené v japonskom písme aj v latinkovom prepise.

Naši klienti dostanú slovník bezplatne k objednávke prekladov, ostatní si ho môžu objednať v tlačenej podobe alebo vo formáte PDF. Na požiadanie vám radi pošleme ukážku.
""",
                "note": "",
            },
        },
    },
]
