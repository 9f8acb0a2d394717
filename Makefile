# news-framing: `make report` and `make test` set everything up on a fresh machine.
# Run `make help` for the list of targets.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SEED    := seeds/us_japan_2plus2_security_talks_2024.txt
ARTICLE ?= $(SEED)
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
NBVAL   := --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

.DEFAULT_GOAL := help
.PHONY: help install report reports-eval screenshots test lint lab execute lock benchmark evaluate clean

help: ## Show this list of targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# Build matplotlib's font cache and the NLTK data now, so no notebook prints it.
	$(BIN)/python -c "import matplotlib.pyplot, analysis"
	@# A kernel named for the project, inside .venv, for JupyterLab (make lab).
	$(BIN)/python -m ipykernel install --sys-prefix --name news-framing \
	  --display-name "news-framing" >/dev/null
	@touch $@

install: $(STAMP) ## Create .venv and install the locked dependencies

# ARTICLE is never put in the environment of a recipe: make would expand it to do so, and
# run any $$(shell ...) in it.
unexport ARTICLE
report: install ## Run every notebook on ARTICLE (default: the seed); HTML in reports/ (index.html)
	@# ARTICLE reaches the shell as data, never as code: its raw value (make does not expand it)
	@# in single quotes, each quote in it written '\''; after --, so a name starting with - is
	@# not read as an option. analysis/report.py writes the pages to a temporary folder and moves
	@# them into reports/ only when every notebook has run.
	@article='$(subst ','\'',$(if $(filter file default,$(origin ARTICLE)),$(SEED),$(value ARTICLE)))'; \
	$(BIN)/python -m analysis.report --out reports -- "$$article"

reports-eval: install ## Run every notebook on every evaluation article (reports/eval/NAME/)
	@failed=0; for article in eval/articles/*.txt; do \
	  name=$$(basename "$$article" .txt); echo "== $$name"; \
	  $(BIN)/python -m analysis.report --out "reports/eval/$$name" -- "$$article" || failed=$$((failed + 1)); \
	done; \
	echo "$$failed article(s) failed"; test $$failed -eq 0

CHROMIUM ?= chromium
screenshots: ## Screenshots of the reader edition in reports/screenshots/ (needs make report, Chromium)
	@mkdir -p reports/screenshots; \
	for page in reports/reader/*.html; do \
	  name=$$(basename "$$page" .html); \
	  $(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$$(mktemp -d)" --hide-scrollbars --window-size=1200,2400 \
	    --screenshot="reports/screenshots/$$name.png" "file://$$PWD/$$page" >/dev/null 2>&1 \
	    || { echo "error: $(CHROMIUM) could not render $$page" >&2; exit 1; }; \
	  echo "reports/screenshots/$$name.png"; \
	done

test: install ## Run the library tests, ruff, and the notebooks against their committed outputs
	$(BIN)/ruff check analysis tests benchmarks
	$(BIN)/python -m pytest $(NBVAL) tests notebooks

lint: install ## Check the code with ruff
	$(BIN)/ruff check analysis tests benchmarks

lab: install ## Open JupyterLab on the notebooks, trusted, with the news-framing kernel
	@# Trusted, the notebooks' HTML outputs keep their styles (the marked article's colours).
	@$(BIN)/jupyter trust notebooks/*.ipynb >/dev/null
	$(BIN)/jupyter lab --KernelManager.transport_encryption=auto notebooks

execute: install ## Re-execute the notebooks in place on the seed (after changing analysis/)
	@for nb in $(NOTEBOOKS); do \
	  $(BIN)/papermill --no-progress-bar --log-level WARNING --cwd notebooks -k python3 $$nb $$nb || exit 1; \
	done

lock: ## Re-resolve pyproject.toml's dependencies into requirements.lock (needs the registry)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev,dask]'
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^news-framing' > requirements.lock
	rm -rf .lock-venv

SIZES ?= 100 1000

benchmark: install ## Time readability on the seed, and many articles (SIZES="100 1000 10000")
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/corpus.py $(SIZES)

evaluate: install ## Score quotes, speakers and structure on the evaluation set in eval/
	@$(BIN)/python -m analysis.evaluation eval

clean: ## Remove the environment, reports and caches
	rm -rf $(VENV) reports .pytest_cache
