"""The public page types the browser checks visit, in both languages."""

SEED_SK = "/sk/novinky/japonsko-navrhuje-nakup-americkych-polovodicovych-produktov"
SEED_EN = "/en/news/japan-proposes-us-purchase-of-semiconductor-products"

# page type -> (Slovak path, English path)
PAGE_TYPES = {
    "home": ("/sk/", "/en/"),
    "news-list": ("/sk/novinky/", "/en/news/"),
    "article": (SEED_SK, SEED_EN),
    "content-page": ("/sk/o-nas", "/en/about-us"),
    "products": ("/sk/produkty", "/en/products"),  # a parent page with five pictures
    "product-page": ("/sk/varne", "/en/brewhouses"),  # a sub-page with a picture
    "contact": ("/sk/kontakt", "/en/contact"),
    "privacy": ("/sk/ochrana-osobnych-udajov", "/en/privacy"),
    "not-found": ("/sk/neexistuje", "/en/missing"),
    "search": ("/sk/hladat?q=%C4%8Dipy", "/en/search?q=chips"),
}

# (id, path) for every page type in both languages, for parametrized tests.
ALL_PAGES = [
    (f"{name}-{lang}", path)
    for name, paths in PAGE_TYPES.items()
    for lang, path in zip(("sk", "en"), paths, strict=True)
]
