# Two commands on a fresh Debian/Ubuntu machine with Python 3.11+:  make build  ·  make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NODE := node_modules/.installed

.PHONY: build test check serve schema lint golden clean system-deps

build: $(VENV)/.installed $(NODE)
	@scripts/system-deps build
	$(BIN)/polmas build

# One runner's share of the PDFs, then the site from every share (README.md, "Sharing a build over machines"):
#   make shard SHARD=2/4 [SHARD_DIR=folder]   ·   make merge SHARDS="folder…"
.PHONY: shard merge shard-arguments merge-arguments
shard: shard-arguments $(VENV)/.installed
	@scripts/system-deps build
	$(BIN)/polmas build --shard $(SHARD)$(if $(SHARD_DIR), --shard-dir $(SHARD_DIR))

merge: merge-arguments $(VENV)/.installed $(NODE)
	@scripts/system-deps build
	$(BIN)/polmas build --merge $(SHARDS)

shard-arguments:
	@test -n "$(SHARD)" || { echo "Say which shard: make shard SHARD=i/n (e.g. SHARD=2/4)"; exit 2; }

merge-arguments:
	@test -n "$(SHARDS)" || { echo "Say where the shards are: make merge SHARDS=\"folder…\""; exit 2; }

test: $(VENV)/.installed-test $(NODE) system-deps
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -n auto --durations=20

check: $(VENV)/.installed
	$(BIN)/polmas check

serve: $(VENV)/.installed
	$(BIN)/polmas serve

schema: $(VENV)/.installed
	$(BIN)/polmas schema

.PHONY: search-benchmark
search-benchmark: $(VENV)/.installed-test system-deps
	$(BIN)/python -m benchmarks.search

golden: $(VENV)/.installed-test
	$(BIN)/pytest tests/render/test_golden.py --update-golden

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: install python3.11 and run make PYTHON=python3.11 build")'
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): install the venv module (Debian/Ubuntu: sudo apt-get install python3-venv)"; exit 1; }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

# Front-end tools (axe-core, Workbox; Decap CMS and decap-server for `polmas edit`) from the lock file;
# Debian's nodejs and npm if the machine has none.
$(NODE): package.json package-lock.json
	@scripts/system-deps node
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

system-deps:
	@scripts/system-deps

clean:
	rm -rf site site-internal dist .polmas .pytest_cache .mypy_cache .ruff_cache

# After adding or changing a message in generator/: re-extract the catalog template, merge it into the Indonesian
# catalog, then translate every new or emptied entry in generator/locale/id/LC_MESSAGES/messages.po.
.PHONY: messages
messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --no-wrap \
	  --project "Pustaka Polmas" --version 0.1.0 -o generator/locale/messages.pot generator
	$(BIN)/pybabel update -i generator/locale/messages.pot -d generator/locale -l id \
	  --init-missing --no-fuzzy-matching --ignore-obsolete --no-wrap

# The coordinators' guide (docs/panduan-koordinator.md): retake its pictures in the editor's browser test.
.PHONY: guide-pictures
guide-pictures: $(VENV)/.installed-test $(NODE) system-deps
	$(BIN)/pytest tests/editor/test_editor_browser.py --update-guide-pictures
