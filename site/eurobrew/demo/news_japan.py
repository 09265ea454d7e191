"""Demo news: Japan's beer and beverage industry (the liquor tax, brewers abroad, sake)."""

from datetime import date

JAPAN_NEWS = [
    {
        "published_on": date(2026, 11, 10),
        "source_url": "https://www.mof.go.jp/",
        "translations": {
            "en": {
                "title": "Japan taxes beer and beer-like drinks at one rate",
                "slug": "japan-taxes-beer-and-beer-like-drinks-at-one-rate",
                "place": "Tokyo",
                "body": """\
Since 1 October 2026, Japan has taxed beer, happoshu and the so-called new-genre beer-like drinks at the same rate of 54.25 yen (about 30 euro cents) per 350 ml can. This completes a reform of the liquor tax that began in 2020 and was carried out in three steps.

For beer the tax has fallen from 63.35 yen, while for the cheaper drinks with little or no malt it has risen from 46.99 yen. Japanese brewers expect the price gap between the two groups to narrow and customers to return to full-malt beer; for several years they have been cutting their range of beer-like drinks.

For European exporters the change is good news: imported beer, mostly full-malt, loses part of its price disadvantage on the shelves of Japanese shops. Czech and German lagers hold the strongest position among imported beers in Japan; Slovak breweries are so far found only in specialised shops.
""",
                "note": "1 EUR = 179.20 JPY",
            },
            "sk": {
                "title": "Japonsko zdaňuje pivo a pivné nápoje jednou sadzbou",
                "slug": "japonsko-zdanuje-pivo-a-pivne-napoje-jednou-sadzbou",
                "place": "Tokio",
                "body": """\
Od 1. októbra 2026 Japonsko zdaňuje pivo, nápoj happoshu a takzvané pivné nápoje novej kategórie rovnakou sadzbou 54,25 jenu (približne 30 eurocentov) za plechovku s objemom 350 ml. Tým sa zavŕšila reforma dane z alkoholických nápojov, ktorá sa začala v roku 2020 a prebiehala v troch krokoch.

Pri pive daň klesla z 63,35 jenu, pri lacnejších nápojoch s nízkym obsahom sladu alebo bez sladu naopak stúpla zo 46,99 jenu. Japonskí pivovarníci očakávajú, že sa cenový rozdiel medzi oboma skupinami zmenší a zákazníci sa vrátia k plnosladovému pivu. Ponuku pivných nápojov preto už niekoľko rokov zužujú.

Pre európskych vývozcov je zmena dobrou správou: dovážané pivo, väčšinou plnosladové, stráca na regáloch japonských obchodov časť cenovej nevýhody. Spomedzi dovážaných pív majú v Japonsku najsilnejšie postavenie české a nemecké ležiaky, slovenské pivovary sú zatiaľ zastúpené len v špecializovaných obchodoch.
""",
                "note": "1 EUR = 179,20 JPY",
            },
        },
    },
    {
        "published_on": date(2026, 7, 7),
        "source_url": "https://www.asahigroup-holdings.com/",
        "translations": {
            "en": {
                "title": "Japanese brewers look to Europe for growth",
                "slug": "japanese-brewers-look-to-europe-for-growth",
                "place": "Tokyo",
                "body": """\
Japan's largest brewers are earning a growing share of their profits abroad. With an ageing population and young people drinking less alcohol, beer sales in Japan have been falling for more than two decades, and the brewers are looking for growth in Europe, Australia and South-East Asia.

Central Europe has a special place in this strategy. Since 2017 Asahi has owned the region's former SABMiller breweries, among them Plzeňský Prazdroj in the Czech Republic and Topvar in Slovakia. Czech lager brands have become part of its international portfolio and are sold in Japan as well as in other markets.

Analysts expect further acquisitions, particularly in premium and non-alcoholic beer. For Slovak suppliers of malt, packaging and brewing technology, the Japanese owners' interest in the region means stable customers with long-term plans.
""",
                "note": "",
            },
            "sk": {
                "title": "Japonskí pivovarníci hľadajú rast v Európe",
                "slug": "japonski-pivovarnici-hladaju-rast-v-europe",
                "place": "Tokio",
                "body": """\
Najväčšie japonské pivovary získavajú čoraz väčšiu časť zisku v zahraničí. Populácia starne a mladí ľudia pijú menej alkoholu, preto predaj piva v Japonsku klesá už viac ako dve desaťročia a pivovary hľadajú rast v Európe, Austrálii a juhovýchodnej Ázii.

Stredná Európa má v tejto stratégii osobitné miesto. Spoločnosť Asahi od roku 2017 vlastní bývalé pivovary skupiny SABMiller v regióne, medzi nimi Plzeňský Prazdroj v Česku a Topvar na Slovensku. České značky ležiakov sa stali súčasťou jej medzinárodného portfólia a predávajú sa v Japonsku aj na ďalších trhoch.

Analytici očakávajú ďalšie akvizície, najmä v segmente prémiového a nealkoholického piva. Pre slovenských dodávateľov sladu, obalov a pivovarníckych technológií znamená záujem japonských vlastníkov o región stabilných odberateľov s dlhodobými plánmi.
""",
                "note": "",
            },
        },
    },
    {
        "published_on": date(2026, 5, 20),
        "source_url": "https://www.jetro.go.jp/",
        "translations": {
            "en": {
                "title": "Japanese sake finds more customers in Europe",
                "slug": "japanese-sake-finds-more-customers-in-europe",
                "place": "Tokyo",
                "body": """\
Exports of Japanese sake to Europe continue to grow. The United States and China remain the largest markets, but European importers report rising demand from restaurants and specialised shops, helped by the popularity of Japanese cuisine and by the inscription of traditional sake brewing on UNESCO's list of intangible cultural heritage in December 2024.

Sake is made from rice, water, kōji mould and yeast in a process that resembles brewing beer more than making wine. Several small sake breweries have opened in Europe in recent years, for example in France and Norway, and other European producers are experimenting with local rice varieties.

In Slovakia, sake is so far sold mainly by Asian food shops and sushi restaurants. Importers see room for growth, but point out that the drink is still little known and that excise duty makes it more expensive than wine of similar quality.
""",
                "note": "",
            },
            "sk": {
                "title": "Japonské saké si v Európe nachádza viac zákazníkov",
                "slug": "japonske-sake-si-v-europe-nachadza-viac-zakaznikov",
                "place": "Tokio",
                "body": """\
Vývoz japonského saké do Európy naďalej rastie. Najväčšími trhmi zostávajú Spojené štáty a Čína, európski dovozcovia však hlásia rastúci dopyt reštaurácií a špecializovaných obchodov. Pomáha mu obľuba japonskej kuchyne aj zápis tradičného varenia saké do zoznamu nehmotného kultúrneho dedičstva UNESCO v decembri 2024.

Saké sa vyrába z ryže, vody, plesne kódži a kvasiniek postupom, ktorý sa viac než výrobe vína podobá vareniu piva. V posledných rokoch vzniklo niekoľko malých výrobní saké aj v Európe, napríklad vo Francúzsku a v Nórsku, a s miestnymi odrodami ryže experimentujú aj ďalší európski výrobcovia.

Na Slovensku saké zatiaľ predávajú najmä obchody s ázijskými potravinami a reštaurácie so sushi. Dovozcovia vidia priestor na rast, upozorňujú však, že nápoj je stále málo známy a spotrebná daň ho robí drahším ako porovnateľne kvalitné víno.
""",
                "note": "",
            },
        },
    },
]
