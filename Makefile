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
.PHONY: help install report test lint lab execute lock benchmark evaluate clean

help: ## Show this list of targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# Build matplotlib's font cache and the NLTK data now, so no notebook prints it.
	$(BIN)/python -c "import matplotlib.pyplot, analysis"
	@touch $@

install: $(STAMP) ## Create .venv and install the locked dependencies

# ARTICLE is never put in the environment of a recipe: make would expand it to do so, and
# run any $$(shell ...) in it.
unexport ARTICLE
report: install ## Run every notebook on ARTICLE (default: the seed) and write HTML to reports/
	@# ARTICLE reaches the shell as data, never as code: its raw value (make does not expand it)
	@# in single quotes, each quote in it written '\''. The pages are written to a temporary
	@# folder and moved into reports/ only when every notebook has run.
	@article='$(subst ','\'',$(if $(filter file default,$(origin ARTICLE)),$(SEED),$(value ARTICLE)))'; \
	case "$$article" in /*) ;; *) article="$$PWD/$$article" ;; esac; \
	if [ ! -f "$$article" ]; then echo "error: $$article: no such file" >&2; exit 2; fi; \
	mkdir -p reports && tmp=$$(mktemp -d reports/.partial.XXXXXX) || exit 1; \
	trap 'rm -rf "$$tmp"' EXIT; \
	for nb in $(NOTEBOOKS); do \
	  name=$$(basename "$$nb" .ipynb); \
	  $(BIN)/papermill --no-progress-bar --log-level WARNING --cwd notebooks -k python3 \
	    "$$nb" "$$tmp/$$name.ipynb" -r article_path "$$article" || exit 1; \
	  $(BIN)/jupyter nbconvert --log-level WARN --to html --output-dir "$$tmp" \
	    "$$tmp/$$name.ipynb" || exit 1; \
	done; \
	for nb in $(NOTEBOOKS); do \
	  name=$$(basename "$$nb" .ipynb); mv -f "$$tmp/$$name.html" "reports/$$name.html" || exit 1; \
	done; \
	echo "reports written to reports/"

test: install ## Run the library tests, ruff, and the notebooks against their committed outputs
	$(BIN)/ruff check analysis tests benchmarks
	$(BIN)/python -m pytest $(NBVAL) tests notebooks

lint: install ## Check the code with ruff
	$(BIN)/ruff check analysis tests benchmarks

lab: install ## Open JupyterLab with the project's environment
	$(BIN)/jupyter lab notebooks

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
