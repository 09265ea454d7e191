"""Demo news: the beer industry in Slovakia and Europe (market, hops, barley, packaging)."""

from datetime import date

EUROPE_NEWS = [
    {
        "published_on": date(2026, 10, 27),
        "source_url": "https://www.tasr.sk/",
        "translations": {
            "en": {
                "title": "Slovak breweries: more exports, less beer drunk at home",
                "slug": "slovak-breweries-more-exports-less-beer-drunk-at-home",
                "place": "Bratislava",
                "body": """\
Slovak breweries produced slightly more beer in the first nine months of 2026 than a year earlier, but the growth came mainly from exports. Consumption at home continues its slow decline, according to figures the brewers presented at an industry meeting in Bratislava.

Slovaks drink around 70 litres of beer a year on average, well below the Czech Republic, Austria or Germany. Non-alcoholic beer is the fastest-growing segment and now accounts for almost one in ten bottles and cans sold in shops. Small and craft breweries, of which Slovakia now has more than a hundred, also continue to win customers.

Brewers point out that their costs remain high: energy, malt and packaging are dearer than before 2022, and the deposit on cans and PET bottles has changed the way beer is sold. Most breweries expect prices to rise moderately again at the start of next year.
""",
                "note": "",
            },
            "sk": {
                "title": "Slovenské pivovary: viac vývozu, doma sa pije menej",
                "slug": "slovenske-pivovary-viac-vyvozu-doma-sa-pije-menej",
                "place": "Bratislava",
                "body": """\
Slovenské pivovary vyrobili za prvých deväť mesiacov roka 2026 o niečo viac piva ako pred rokom, rast však pochádza najmä z vývozu. Domáca spotreba naďalej pomaly klesá, vyplýva z údajov, ktoré pivovarníci predstavili na odvetvovom stretnutí v Bratislave.

Slováci vypijú v priemere približne 70 litrov piva ročne, čo je výrazne menej ako v Česku, Rakúsku či Nemecku. Najrýchlejšie rastie nealkoholické pivo, ktoré dnes tvorí takmer každú desiatu fľašu a plechovku predanú v obchodoch. Zákazníkov naďalej získavajú aj malé a remeselné pivovary, ktorých je na Slovensku už viac ako sto.

Pivovarníci upozorňujú, že ich náklady zostávajú vysoké: energie, slad aj obaly sú drahšie ako pred rokom 2022 a zálohovanie plechoviek a PET fliaš zmenilo spôsob predaja piva. Väčšina pivovarov očakáva, že ceny začiatkom budúceho roka opäť mierne stúpnu.
""",
                "note": "",
            },
        },
    },
    {
        "published_on": date(2026, 10, 8),
        "source_url": "",
        "translations": {
            "en": {
                "title": "Czech hop growers bring in a smaller harvest",
                "slug": "czech-hop-growers-bring-in-a-smaller-harvest",
                "place": "Žatec",
                "body": """\
Czech hop growers have finished this year's harvest with a lower yield than last year. A dry, hot summer in the Žatec, Úštěk and Tršice regions reduced the yield per hectare, while the content of alpha acids, which give beer its bitterness, stayed close to the long-term average.

Saaz hops (Žatecký poloraný červeňák), the most widely grown Czech variety, make up the bulk of the harvest. Growers sell most of their crop under long-term contracts, so the smaller harvest will show first in spot prices. Breweries that buy hops without a contract must expect to pay more.

Slovak breweries buy most of their hops in the Czech Republic. Hops are grown in Slovakia too, on a much smaller area; Slovak growers report a similar fall in yields.
""",
                "note": "",
            },
            "sk": {
                "title": "Českí chmeliari zozbierali menšiu úrodu",
                "slug": "ceski-chmeliari-zozbierali-mensiu-urodu",
                "place": "Žatec",
                "body": """\
Českí pestovatelia chmeľu ukončili tohtoročný zber s nižšou úrodou ako vlani. Suché a horúce leto v oblastiach Žatec, Úštěk a Tršice znížilo výnos z hektára, obsah alfa-horkých kyselín, ktoré dávajú pivu horkosť, sa však držal blízko dlhodobého priemeru.

Väčšinu úrody tvorí Žatecký poloraný červeňák, najrozšírenejšia česká odroda. Pestovatelia predávajú väčšinu chmeľu na základe dlhodobých zmlúv, preto sa menšia úroda prejaví najskôr v cenách na voľnom trhu. Pivovary, ktoré nakupujú chmeľ bez zmluvy, musia počítať s vyššími cenami.

Slovenské pivovary nakupujú väčšinu chmeľu v Česku. Chmeľ sa pestuje aj na Slovensku, no na oveľa menšej ploche; slovenskí pestovatelia hlásia podobný pokles výnosov.
""",
                "note": "",
            },
        },
    },
    {
        "published_on": date(2026, 9, 20),
        "source_url": "https://www.oktoberfest.de/",
        "translations": {
            "en": {
                "title": "Oktoberfest opens with a litre of beer at up to 16 euros",
                "slug": "oktoberfest-opens-with-a-litre-of-beer-at-up-to-16-euros",
                "place": "Munich",
                "body": """\
This year's Oktoberfest opened in Munich on Saturday, 19 September, when the city's mayor tapped the first barrel. A one-litre mug of beer (a Maß) costs between 15 and 16 euros in most tents, about 3 per cent more than last year.

Only the six Munich breweries – Augustiner, Hacker-Pschorr, Hofbräu, Löwenbräu, Paulaner and Spaten – may serve beer at the festival. The organisers expect around six million visitors over its sixteen days, many of them from abroad.

For Central European brewers the festival is above all a shop window: Bavarian breweries use it to promote exports of their festival beers, which reach shops in Slovakia, Japan and elsewhere in the autumn.
""",
                "note": "",
            },
            "sk": {
                "title": "Oktoberfest sa začal, liter piva stojí až 16 eur",
                "slug": "oktoberfest-sa-zacal-liter-piva-stoji-az-16-eur",
                "place": "Mníchov",
                "body": """\
V sobotu 19. septembra sa v Mníchove začal tohtoročný Oktoberfest. Prvý sud tradične narazil primátor mesta. Litrový krčah piva (Maß) stojí vo väčšine stanov od 15 do 16 eur, teda približne o 3 percentá viac ako vlani.

Na slávnosti smie pivo čapovať len šesť mníchovských pivovarov – Augustiner, Hacker-Pschorr, Hofbräu, Löwenbräu, Paulaner a Spaten. Organizátori očakávajú počas šestnástich dní približne šesť miliónov návštevníkov, mnohých z nich zo zahraničia.

Pre stredoeurópskych pivovarníkov je slávnosť predovšetkým výkladom: bavorské pivovary ju využívajú na podporu vývozu svojich slávnostných pív, ktoré sa na jeseň dostávajú do obchodov na Slovensku, v Japonsku aj inde.
""",
                "note": "",
            },
        },
    },
    {
        "published_on": date(2026, 9, 2),
        "source_url": "https://environment.ec.europa.eu/",
        "translations": {
            "en": {
                "title": "New EU packaging rules: what they mean for brewers",
                "slug": "new-eu-packaging-rules-what-they-mean-for-brewers",
                "place": "Brussels",
                "body": """\
The European Union's new regulation on packaging and packaging waste has applied since 12 August 2026. It replaces national rules with a single set of requirements for how packaging is designed, labelled and collected, and will gradually affect the whole beverage industry.

By 2029 every member state must run a deposit system for single-use plastic bottles and metal drink cans, unless it already collects at least 90 per cent of them by other means. Slovakia has had such a system since 2022, so for Slovak breweries this part changes little. The regulation also sets targets for reusable packaging: from 2030, a share of the beer and soft drinks sold in each country is to come in refillable bottles, kegs or other reusable containers.

Brewers in Central Europe are well placed, as the returnable glass bottle never disappeared from Slovak and Czech shops. Smaller producers of canned craft beer, however, will have to prepare for stricter labelling and recycling requirements.
""",
                "note": "",
            },
            "sk": {
                "title": "Nové pravidlá EÚ pre obaly: čo prinášajú pivovarom",
                "slug": "nove-pravidla-eu-pre-obaly-co-prinasaju-pivovarom",
                "place": "Brusel",
                "body": """\
Od 12. augusta 2026 sa uplatňuje nové nariadenie Európskej únie o obaloch a odpadoch z obalov. Vnútroštátne pravidlá nahrádza jednotnými požiadavkami na to, ako sa obaly navrhujú, označujú a zbierajú, a postupne sa dotkne celého nápojového priemyslu.

Do roku 2029 musí každý členský štát prevádzkovať zálohový systém pre jednorazové plastové fľaše a kovové plechovky na nápoje, ak ich už inými spôsobmi nezbiera aspoň 90 percent. Slovensko takýto systém má od roku 2022, preto sa pre slovenské pivovary v tomto smere zmení len málo. Nariadenie stanovuje aj ciele pre opakovane použiteľné obaly: od roku 2030 sa má určitý podiel piva a nealkoholických nápojov v každej krajine predávať vo vratných fľašiach, sudoch alebo iných opakovane použiteľných obaloch.

Pivovary v strednej Európe sú v dobrej pozícii, pretože vratná sklenená fľaša z obchodov na Slovensku a v Česku nikdy nezmizla. Menší výrobcovia remeselného piva v plechovkách sa však budú musieť pripraviť na prísnejšie požiadavky na označovanie a recykláciu.
""",
                "note": "",
            },
        },
    },
    {
        "published_on": date(2026, 7, 29),
        "source_url": "",
        "translations": {
            "en": {
                "title": "A good malting barley harvest in western Slovakia",
                "slug": "a-good-malting-barley-harvest-in-western-slovakia",
                "place": "Nitra",
                "body": """\
Farmers in western Slovakia have finished harvesting spring barley, the raw material for malt. Yields in the Nitra and Trnava regions were higher than last year, and most of the grain meets the maltings' quality requirements, according to the first reports from agricultural cooperatives.

Spring barley is grown on roughly 100,000 hectares in Slovakia. Slovak maltings process a large part of the harvest and export a significant share of their malt, mainly to the Czech Republic, Germany and Poland. The price of malting barley has fallen since its peak in 2022 but remains above the level of the years before.

A good harvest brings relief to breweries after several difficult years. Maltsters warn, however, that the quality of barley depends more and more on the weather in May and June, and are testing varieties that cope better with drought.
""",
                "note": "",
            },
            "sk": {
                "title": "Dobrá úroda sladovníckeho jačmeňa na západnom Slovensku",
                "slug": "dobra-uroda-sladovnickeho-jacmena-na-zapadnom-slovensku",
                "place": "Nitra",
                "body": """\
Poľnohospodári na západnom Slovensku ukončili zber jarného jačmeňa, suroviny na výrobu sladu. Výnosy v Nitrianskom a Trnavskom kraji boli podľa prvých správ poľnohospodárskych družstiev vyššie ako vlani a väčšina zrna spĺňa kvalitatívne požiadavky sladovní.

Jarný jačmeň sa na Slovensku pestuje približne na 100 000 hektároch. Slovenské sladovne spracúvajú veľkú časť úrody a značnú časť sladu vyvážajú, najmä do Česka, Nemecka a Poľska. Cena sladovníckeho jačmeňa od vrcholu v roku 2022 klesla, stále sa však drží nad úrovňou spred tohto obdobia.

Dobrá úroda prináša pivovarom úľavu po niekoľkých náročných rokoch. Sladovníci však upozorňujú, že kvalita jačmeňa čoraz viac závisí od počasia v máji a júni, a skúšajú odrody, ktoré lepšie znášajú sucho.
""",
                "note": "",
            },
        },
    },
    {
        "published_on": date(2026, 6, 15),
        "source_url": "",
        "translations": {
            "en": {
                "title": "Central European brewers pay more for cans",
                "slug": "central-european-brewers-pay-more-for-cans",
                "place": "Vienna",
                "body": """\
Breweries in Central Europe are paying more for aluminium cans again this year. Packaging suppliers at a brewing conference in Vienna put it down to the price of aluminium, which has traded at around 2,600 US dollars (2,230 euros) a tonne, and to the cost of energy, a large part of the cost of making cans.

Cans have been the fastest-growing form of beer packaging in the region in recent years, especially for exports and for craft breweries. Brewers who sell most of their beer in returnable glass bottles or kegs are less affected.

Several Austrian and Czech breweries said they would pass the higher costs on to customers only in part and look for savings elsewhere, for example in lighter cans and shorter transport routes.
""",
                "note": "1 EUR = 1.1650 USD",
            },
            "sk": {
                "title": "Pivovary v strednej Európe platia za plechovky viac",
                "slug": "pivovary-v-strednej-europe-platia-za-plechovky-viac",
                "place": "Viedeň",
                "body": """\
Pivovary v strednej Európe tento rok opäť platia za hliníkové plechovky viac. Dodávatelia obalov to na odbornej konferencii pivovarníkov vo Viedni zdôvodnili cenou hliníka, ktorá sa pohybuje okolo 2 600 amerických dolárov (2 230 eur) za tonu, a nákladmi na energiu, ktoré tvoria veľkú časť nákladov na výrobu plechoviek.

Plechovky boli v posledných rokoch najrýchlejšie rastúcim druhom obalu na pivo v regióne, najmä pri vývoze a v remeselných pivovaroch. Pivovarov, ktoré väčšinu piva predávajú vo vratných sklenených fľašiach alebo v sudoch, sa zdraženie dotýka menej.

Viaceré rakúske a české pivovary uviedli, že vyššie náklady prenesú na zákazníkov len čiastočne a úspory budú hľadať inde, napríklad v ľahších plechovkách a na kratších prepravných trasách.
""",
                "note": "1 EUR = 1,1650 USD",
            },
        },
    },
]
