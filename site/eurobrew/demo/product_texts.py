"""The demo's Products section in Slovak and English: the section's text, its product pages
and the texts of their pictures.

``![](media:NAME)`` names a picture of ``illustrations.PICTURES``; the loader puts in the
library's number for it.
"""

# ruff: noqa: E501 - Markdown paragraphs, a line each, as an editor would type them

CREDIT = "Euro-Brew s.r.o."

# What the Products page shows after its introduction (pages.py).
SECTION = {
    "sk": """\
![](media:brewery)

## Varne

Dvoj-, troj- a štvornádobové varne na 5 až 50 hl mladiny na várku, s riadením, ktoré si pamätá každý recept. [Viac o varniach](/sk/varne)

![](media:brewhouse)

## Fermentačné a ležiacke tanky

Cylindrokónické tanky od 10 do 300 hl s chladiacimi plášťami a izoláciou, ležiacke a pretlakové tanky. [Viac o tankoch](/sk/fermentacne-a-leziacke-tanky)

![](media:tanks)

## CIP stanice

Stanice na čistenie nádob a potrubia lúhom, kyselinou a horúcou vodou, ručné aj plne automatické. [Viac o CIP staniciach](/sk/cip-stanice)

![](media:cip)

## Linky na umývanie a plnenie sudov

Poloautomatické a automatické linky, ktoré sud vyprázdnia, umyjú, vysterilizujú a naplnia. [Viac o linkách na sudy](/sk/linky-na-sudy)

![](media:kegs)
""",
    "en": """\
![](media:brewery)

## Brewhouses

Two-, three- and four-vessel brewhouses for 5 to 50 hl of wort a brew, with controls that remember every recipe. [More about brewhouses](/en/brewhouses)

![](media:brewhouse)

## Fermentation and storage tanks

Cylindro-conical tanks from 10 to 300 hl with cooling jackets and insulation, lager and bright beer tanks. [More about tanks](/en/fermentation-and-storage-tanks)

![](media:tanks)

## CIP stations

Stations that clean vessels and pipework with caustic, acid and hot water, manual or fully automatic. [More about CIP stations](/en/cip-stations)

![](media:cip)

## Keg washing and filling lines

Semi-automatic and automatic lines that empty, wash, sterilise and fill a keg. [More about keg lines](/en/keg-lines)

![](media:kegs)
""",
}

# name -> language -> (alt text, caption)
PICTURE_TEXTS = {
    "brewery": {
        "sk": (
            "Pivovarská hala: vľavo na plošine varňa s medenou mladinovou panvou, vpravo štyri "
            "cylindrokónické tanky, vpredu sudy",
            "Od varne po sud: kompletný pivovar od spoločnosti Euro-Brew.",
        ),
        "en": (
            "A brewery hall: a brewhouse with a copper wort kettle on a platform on the left, "
            "four cylindro-conical tanks on the right and kegs in front",
            "From the brewhouse to the keg: a complete brewery from Euro-Brew.",
        ),
    },
    "brewhouse": {
        "sk": (
            "Trojnádobová varňa: dve nerezové nádoby po stranách mladinovej panvy s medeným "
            "opláštením a komínom, prepojené potrubím s čerpadlom a ventilmi, vpravo rozvádzač",
            "Trojnádobová varňa: vystieracia a scedzovacia kaď, mladinová panva a vírivá kaď.",
        ),
        "en": (
            "A three-vessel brewhouse: two stainless vessels either side of a copper-clad wort "
            "kettle with its vapour stack, joined by pipes with a pump and valves, and a control "
            "cabinet on the right",
            "A three-vessel brewhouse: mash-lauter tun, wort kettle and whirlpool.",
        ),
    },
    "tanks": {
        "sk": (
            "Dva rady vysokých nerezových cylindrokónických tankov s chladiacimi plášťami na "
            "nohách, ich kónusy napojené ventilmi na spoločné potrubie pri podlahe",
            "Cylindrokónické tanky na kvasenie a dozrievanie piva.",
        ),
        "en": (
            "Two rows of tall stainless cylindro-conical tanks with cooling jackets, standing on "
            "legs, their cones joined through valves to a common pipe along the floor",
            "Cylindro-conical tanks for fermenting and maturing beer.",
        ),
    },
    "cip": {
        "sk": (
            "CIP stanica: tri nerezové nádrže na spoločnom ráme, čerpadlo, doskový výmenník tepla "
            "a riadiaci rozvádzač, spojené prívodným a vratným potrubím",
            "CIP stanica s nádržami na lúh, kyselinu a vodu.",
        ),
        "en": (
            "A CIP station: three stainless tanks on a common skid, a pump, a plate heat "
            "exchanger and a control cabinet, joined by supply and return pipes",
            "A CIP station with tanks for caustic, acid and water.",
        ),
    },
    "kegs": {
        "sk": (
            "Linka na sudy: nerezové sudy na valčekovom dopravníku prechádzajú strojom s plniacimi "
            "hlavami, vedľa stojí rozvádzač a paleta s plnými sudmi",
            "Linka na umývanie a plnenie sudov.",
        ),
        "en": (
            "A keg line: stainless kegs on a roller conveyor pass through a machine with filling "
            "heads, next to a control cabinet and a pallet of full kegs",
            "A keg washing and filling line.",
        ),
    },
}
