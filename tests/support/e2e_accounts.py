"""The live site's admin account, made with ``flask users create --password-stdin``."""

ADMIN = ("editor", "a browser-test passphrase")
