"""The site's content in gettext .po files: translators translate articles, pages, the
contact data and the image library's texts in the tools they use for the interface.

``export`` writes one language's file, ``check`` and ``plan`` read one back and say what it
would change, ``apply`` writes it with a revision per item; ``blocks`` splits long texts
into what a translation tool shows, ``memory`` suggests translations the site already has,
``status`` counts what is left and ``cli`` is ``flask translations export-content`` and
``import-content``.

The source of an item's texts is the site's default language (Slovak) when the item has it
and it is not the language being translated; otherwise the first other language it has.
"""
