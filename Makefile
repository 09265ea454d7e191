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

.PHONY: run dev test lint messages translations setup db system-deps node audit clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP) translations

## Compile the catalogs (.po -> .mo); the .mo files are built, never committed.
translations: $(STAMP)
	$(BIN)/pybabel compile --statistics -d translations
	@if command -v msgfmt >/dev/null; then \
	  for po in translations/*/LC_MESSAGES/messages.po; do msgfmt --check -o /dev/null $$po || exit 1; done; \
	fi

## Extract interface strings into messages.pot and merge them into every catalog.
messages: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output -F babel.cfg -k _l -k lazy_gettext \
	  --add-comments=Translators: --project=eurobrew --copyright-holder="Euro-Brew s.r.o." \
	  -o translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -i translations/messages.pot -d translations

## Apply the migrations and load the demo content into an empty database.
db: setup
	$(BIN)/flask db upgrade
	$(BIN)/flask demo load

run: db
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

dev: db
	$(BIN)/flask run --debug --port $(PORT) --extra-files "$$(ls translations/*/LC_MESSAGES/messages.po | tr '\n' ':')"

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
	$(BIN)/ruff format --check site tests scripts wsgi.py gunicorn.conf.py

test: system-deps setup node lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache translations/*/LC_MESSAGES/*.mo
