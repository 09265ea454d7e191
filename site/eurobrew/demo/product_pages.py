"""The demo's product pages in Slovak and English, under the Products page (pages.py)."""

PRODUCTS = [
    {
        "key": "brewhouses",
        "sk": {
            "title": "Varne",
            "slug": "varne",
            "body": """\
Naše varne sú určené pre pivovary, ktoré uvaria 5 až 50 hl mladiny na jednu várku. Dvojnádobové varne sa hodia do reštauračných pivovarov; troj- a štvornádobové, so samostatnou scedzovacou kaďou a vírivou kaďou, umožnia regionálnemu pivovaru uvariť až šesť várok za deň.

![](media:brewhouse)

## Čo obsahuje každá varňa

- vystieraciu kaď s miešadlom a plášťom vyhrievaným parou alebo elektricky,
- scedzovaciu kaď s falošným dnom zo štrbinových plechov a kypriacim zariadením,
- mladinovú panvu s vnútorným alebo vonkajším varákom, na želanie s medeným opláštením,
- vírivú kaď s tangenciálnym vstupom, chladič mladiny a prevzdušňovanie,
- potrubie, čerpadlá a armatúry z nehrdzavejúcej ocele a riadiaci systém, ktorý si pamätá rmutovací postup každého receptu.

Varňu navrhneme pre vašu budovu, dodáme ju zmontovanú na rámoch, pripojíme ju a prvé várky uvaríme spolu s vaším sládkom.
""",
        },
        "en": {
            "title": "Brewhouses",
            "slug": "brewhouses",
            "body": """\
Our brewhouses are built for breweries that brew 5 to 50 hl of wort a batch. Two-vessel brewhouses suit restaurant breweries; three- and four-vessel ones, with a separate lauter tun and whirlpool, let a regional brewery brew up to six batches a day.

![](media:brewhouse)

## What every brewhouse includes

- A mash tun with an agitator and a jacket heated by steam or electricity
- A lauter tun with a false bottom of slotted plates and a raking machine
- A wort kettle with an internal or external boiler, clad in copper if you wish
- A whirlpool with a tangential inlet, a wort cooler and aeration
- Stainless pipework, pumps and valves, and controls that remember the mashing programme of every recipe

We design the brewhouse for your building, deliver it assembled on frames, connect it and brew the first batches together with your brewer.
""",
        },
    },
    {
        "key": "tanks",
        "sk": {
            "title": "Fermentačné a ležiacke tanky",
            "slug": "fermentacne-a-leziacke-tanky",
            "body": """\
V cylindrokónickom tanku pivo kvasí aj dozrieva v jednej nádobe. Naše tanky vyrábame v objemoch od 10 do 300 hl na pracovný pretlak do 3 barov, s chladiacimi plášťami v niekoľkých zónach a s izoláciou z polyuretánu pod nerezovým opláštením.

![](media:tanks)

## Výbava tanku

- kónus s uhlom 60° na odber kvasníc a výpustným ventilom,
- odťahová rúrka na stáčanie piva nad usadenými kvasnicami,
- sprchovacia guľa na čistenie CIP, poistný a podtlakový ventil,
- vzorkovací kohút, teplomer a snímač tlaku napojené na riadenie.

Na dozrievanie a výčap dodávame aj ležiacke tanky a pretlakové tanky na hotové pivo, stojace alebo ležaté podľa priestoru vašej pivnice.
""",
        },
        "en": {
            "title": "Fermentation and storage tanks",
            "slug": "fermentation-and-storage-tanks",
            "body": """\
In a cylindro-conical tank beer ferments and matures in one vessel. We build our tanks from 10 to 300 hl for a working pressure of up to 3 bar, with cooling jackets in several zones and polyurethane insulation under stainless cladding.

![](media:tanks)

## What a tank comes with

- A 60° cone for harvesting yeast, with an outlet valve
- A racking arm that draws the beer off above the settled yeast
- A CIP spray ball, a safety valve and a vacuum valve
- A sampling valve, a thermometer and a pressure sensor connected to the controls

For maturing and serving we also supply lager tanks and bright beer tanks, upright or horizontal to fit your cellar.
""",
        },
    },
    {
        "key": "cip",
        "sk": {
            "title": "CIP stanice",
            "slug": "cip-stanice",
            "body": """\
Stanica CIP (cleaning in place) čistí tanky, varňu aj potrubie bez rozoberania. Čistiaci roztok pripraví v správnej koncentrácii a teplote, prečerpá ho sprchovacími guľami v nádobách a vráti späť do svojej nádrže, takže sa lúh aj kyselina použijú mnohokrát.

![](media:cip)

## Vyhotovenia

- mobilná stanica s jednou nádržou pre malé pivovary,
- stanica s nádržami na lúh, kyselinu a vodu na spoločnom ráme,
- plne automatická stanica, ktorá sama dávkuje chemikálie, stráži vodivosť a teplotu a zapisuje každé čistenie.

Súčasťou dodávky je doskový výmenník tepla, čerpadlá, ventily a návod na čistiace postupy pre každú nádobu vášho pivovaru.
""",
        },
        "en": {
            "title": "CIP stations",
            "slug": "cip-stations",
            "body": """\
A CIP (cleaning in place) station cleans tanks, the brewhouse and pipework without taking anything apart. It makes up the cleaning solution at the right strength and temperature, pumps it through the spray balls in the vessels and brings it back to its tank, so the caustic and the acid are used many times over.

![](media:cip)

## The versions

- A mobile single-tank station for small breweries
- A station with tanks for caustic, acid and water on a common skid
- A fully automatic station that doses its chemicals, watches conductivity and temperature and records every clean

Each station comes with a plate heat exchanger, pumps, valves and cleaning procedures written for every vessel of your brewery.
""",
        },
    },
    {
        "key": "keg-lines",
        "sk": {
            "title": "Linky na umývanie a plnenie sudov",
            "slug": "linky-na-sudy",
            "body": """\
Naše linky na sudy spracujú od 20 do 120 sudov za hodinu. Sud najprv vyprázdnia od zvyškov, umyjú lúhom a kyselinou, vysterilizujú parou, natlakujú oxidom uhličitým a naplnia pivom bez prístupu vzduchu.

![](media:kegs)

## Z čoho si vyberiete

- poloautomatická umývačka a plnička na jeden alebo dva sudy pre reštauračné pivovary,
- automatická linka s valčekovým dopravníkom, otáčačom sudov a váhou,
- príslušenstvo: kľúče na armatúry, paletizácia a evidencia sudov.

Linky pripravíme pre sudy so všetkými bežnými typmi armatúr a pred odovzdaním ich odskúšame na vašich sudoch.
""",
        },
        "en": {
            "title": "Keg washing and filling lines",
            "slug": "keg-lines",
            "body": """\
Our keg lines handle 20 to 120 kegs an hour. They empty a keg of what is left in it, wash it with caustic and acid, sterilise it with steam, pressurise it with carbon dioxide and fill it with beer without letting air in.

![](media:kegs)

## What you can choose from

- A semi-automatic washer and filler for one or two kegs, for restaurant breweries
- An automatic line with a roller conveyor, a keg turner and a scale
- Accessories: spear tools, palletising and keg tracking

We set the lines up for kegs with all the usual spear types and test them on your own kegs before handing them over.
""",
        },
    },
]
