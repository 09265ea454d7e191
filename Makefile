# The README's commands. Everything a target needs is set up by the target itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export FLASK_APP := wsgi
RUN_LOCK := requirements/requirements-run.txt
TEST_LOCK := requirements/requirements-test.txt
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
NODE_STAMP := node_modules/.installed
AUDIT_STAMP := scripts/audit/node_modules/.installed
NPM_CI := npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
PIP_LOCKED := $(BIN)/python -m pip install --quiet --require-hashes -r
# The project itself, without touching what the lock installed (its builder is in the lock).
PIP_PROJECT := $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
LOCK := $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 \
	--custom-compile-command "make lock"

.PHONY: bench-compare run dev test test-sqlite test-postgres lint messages translations setup setup-run db system-deps node audit bench \
	soak clean lock audit-security audit-observatory audit-wapiti

## Serving needs only the run lock: no test tools in a production environment.
$(RUN_STAMP): $(RUN_LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_LOCKED) $(RUN_LOCK)
	$(PIP_PROJECT)
	touch $@

## The tests and tools: the run lock's pins plus the test set, all from one lock.
$(TEST_STAMP): $(TEST_LOCK) $(RUN_STAMP)
	$(PIP_LOCKED) $(TEST_LOCK)
	$(PIP_PROJECT)
	touch $@

## Re-resolve every lock to the newest versions pyproject.toml allows; then run make test.
## UPGRADE="--upgrade-package babel" upgrades one package; UPGRADE= keeps every pin it can.
UPGRADE ?= --upgrade
lock: $(TEST_STAMP)
	$(LOCK) $(UPGRADE) pyproject.toml requirements/build.in -o $(RUN_LOCK)
	$(LOCK) $(UPGRADE) pyproject.toml requirements/build.in --extra test \
		--constraint $(RUN_LOCK) -o $(TEST_LOCK)
	$(LOCK) $(UPGRADE) scripts/security/requirements-wapiti.in \
		-o scripts/security/requirements-wapiti.txt

## What serving needs (make run, make dev); setup adds the test set.
setup-run: $(RUN_STAMP) translations

setup: $(TEST_STAMP) translations

## Compile the catalogs (.po -> .mo, never committed) after their checks and msgfmt --check,
## print their counts; fails on a broken catalog.
translations: $(RUN_STAMP)
	$(BIN)/flask translations compile

## Extract interface strings into messages.pot and merge them into every catalog
## (keywords and "Translators:" comments as babel.cfg says; changed entries become fuzzy).
messages: $(RUN_STAMP)
	$(BIN)/flask translations extract
	$(BIN)/flask translations update

## Apply the migrations and load the demo content into an empty database.
LOAD_DB := $(BIN)/flask db upgrade && $(BIN)/flask demo load
db: setup-run
	$(LOAD_DB)

run: db
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

## Debug server; a saved .po file is recompiled and shows on the next page load. A broken
## catalog does not stop it: its problems are printed as file:line: problem and the site keeps
## the last good .mo (or shows the English source texts) until it is fixed.
dev: $(RUN_STAMP)
	$(BIN)/flask translations compile --keep-going
	$(LOAD_DB)
	$(BIN)/flask run --debug --port $(PORT)

## Debian packages the tests drive (browser, nginx, PostgreSQL, gettext, Java, wrk).
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

lint: $(TEST_STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check site tests scripts bench deploy wsgi.py gunicorn.conf.py

## The whole suite twice, side by side (one per core): on SQLite (the embedded default) and on
## a throwaway PostgreSQL; each one's output is printed whole when it ends.
test: system-deps setup node lint
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

test-sqlite:
	$(BIN)/python -m pytest

## Its servers take ports 1000 above the SQLite suite's, so that the two never pick the same.
test-postgres:
	TEST_PORT_OFFSET=1000 $(BIN)/python -m pytest --postgres

## Requests per second and latency of the site against hello-world and Fortunes apps, through
## nginx too, and with the front cache off on SQLite and PostgreSQL, at 1,000 and 100,000
## articles; writes BENCHMARKS.md (about 20 minutes). A short run (about 5) that keeps it:
## make bench BENCH_ARGS="--seconds 2 --articles 5000 --output /tmp/bench.md"
bench: system-deps setup
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## The cold pages of the code at BASE (a commit or tag) and of the code checked out now, in
## one run, interleaved: a "Before and after" section in BENCHMARKS.md (about 6 minutes),
## which make bench keeps. make bench-compare BASE=bcca633 [DATABASE=postgresql]
DATABASE ?= sqlite
bench-compare: system-deps setup
	$(BIN)/python bench/compare.py $(BASE) --database $(DATABASE)

## Security audits of the demo site behind nginx on loopback (reports in build/audit/):
## the MDN HTTP Observatory (fails below A+; needs Node.js 20+) and Wapiti (fails on any
## vulnerability or anomaly). Each installs its scanner on first use, outside the project's venv.
audit-security: audit-observatory audit-wapiti

audit-observatory: system-deps setup
	$(BIN)/python scripts/security/observatory.py

## WAPITI_ARGS=--plain scans the plain-HTTP configuration instead of HTTPS.
audit-wapiti: system-deps setup
	$(BIN)/python scripts/security/wapiti.py $(WAPITI_ARGS)

## About 60 s of public traffic from wrk while two admins make 150 edits each over HTTP, often of
## the same article at once; prints the figures and fails on a lost edit, a 5xx or a damaged database.
soak: system-deps setup
	$(BIN)/python scripts/soak.py

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache translations/*/LC_MESSAGES/*.mo scripts/security/node_modules
