# The README's commands. Everything a target needs is set up by the target itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export FLASK_APP := wsgi
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
AUDIT_STAMP := scripts/audit/node_modules/.installed
NPM_CI := npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

.PHONY: run dev test lint messages translations setup db system-deps node audit bench soak clean \
	audit-security audit-observatory audit-wapiti

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP) translations

## Compile the catalogs (.po -> .mo, never committed), print their counts, msgfmt --check them.
translations: $(STAMP)
	$(BIN)/flask translations compile

## Extract interface strings into messages.pot and merge them into every catalog
## (keywords and "Translators:" comments as babel.cfg says; changed entries become fuzzy).
messages: $(STAMP)
	$(BIN)/flask translations extract
	$(BIN)/flask translations update

## Apply the migrations and load the demo content into an empty database.
db: setup
	$(BIN)/flask db upgrade
	$(BIN)/flask demo load

run: db
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

## Debug server; a saved .po file is recompiled and shows on the next page load.
dev: db
	$(BIN)/flask run --debug --port $(PORT)

## Debian packages the tests drive (browser, nginx, PostgreSQL, Redis, gettext, Java, wrk).
system-deps:
	bash scripts/system-deps.sh

## npm packages the browser tests run (the Nu HTML Checker), reinstalled when the lock changes.
## Install scripts are skipped: vnu-jar's would fetch a Java, and the machine has one.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then $(NPM_CI) && touch $@; \
	else echo "npm is missing: the Nu HTML Checker test cannot run (install Node.js)" >&2; fi

node: $(NODE_STAMP)

## Lighthouse only for `make audit`, so that `make test` does not install it.
$(AUDIT_STAMP): scripts/audit/package.json scripts/audit/package-lock.json
	cd scripts/audit && $(NPM_CI)
	touch $@

## Lighthouse scores of the public pages (mobile and desktop); fails below 100.
audit: setup system-deps $(AUDIT_STAMP)
	$(BIN)/python scripts/audit.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check site tests scripts bench deploy wsgi.py gunicorn.conf.py

## The whole suite twice: on SQLite (the embedded default), then on a throwaway PostgreSQL.
test: system-deps setup node lint
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest --postgres

## Requests per second of the site against a hello-world app, through nginx too; writes BENCHMARKS.md.
bench: system-deps setup
	$(BIN)/python bench/run.py

## Security audits of the demo site behind nginx on loopback (reports in build/audit/):
## the MDN HTTP Observatory (fails below A+; needs Node.js 20+) and Wapiti (fails on any
## vulnerability or anomaly). Each installs its scanner on first use, outside the project's venv.
audit-security: audit-observatory audit-wapiti

audit-observatory: system-deps setup
	$(BIN)/python scripts/security/observatory.py

## WAPITI_ARGS=--plain scans the plain-HTTP configuration instead of HTTPS.
audit-wapiti: system-deps setup
	$(BIN)/python scripts/security/wapiti.py $(WAPITI_ARGS)

## About 60 s of public traffic from wrk while an admin makes 300 edits over HTTP; prints the
## figures and fails on a lost edit, a 5xx or a damaged database.
soak: system-deps setup
	$(BIN)/python scripts/soak.py

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache translations/*/LC_MESSAGES/*.mo scripts/security/node_modules
