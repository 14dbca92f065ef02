# cla-pipeline: `make demo` sets everything up and publishes the latest quarter of demo data;
# `make test` runs the tests. Needs Python 3.11 and make; installs uv with pip if missing.
PYTHON ?= python3
UV := $(PYTHON) -m uv
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR ?= demo_extract
OUT ?= output

export UV_PYTHON_DOWNLOADS := never
export GX_ANALYTICS_ENABLED := False
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export TZ := UTC

.DEFAULT_GOAL := help
.PHONY: help setup demo test lint format bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# --compile-bytecode: every process imports GX, pandas, WeasyPrint…; compiled once here, not
# from source in each process where .pyc files are not written (PYTHONDONTWRITEBYTECODE, a
# read-only install): importing GX takes 2.7 s instead of 8
$(VENV)/.synced: pyproject.toml uv.lock Makefile
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode
	@touch $@

setup: $(VENV)/.synced ## install uv (if missing) and the locked dependencies into .venv

demo: setup ## generate demo data and publish the latest complete quarter to ./output
	$(BIN)/cla demo-data --out $(DEMO_DIR)
	$(BIN)/cla run $(DEMO_DIR) --period $$($(BIN)/python -c "import datetime as d; from core.periods import latest_complete_period as l; print(l(d.date.today()))") --out $(OUT)
	@echo "Report: $(abspath $(OUT))/$$($(BIN)/python -c "import datetime as d; from core.periods import latest_complete_period as l; print(l(d.date.today()))")/report.html"

test: setup ## run the test suite
	$(BIN)/pytest

lint: setup ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup ## format the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

BENCH ?= --sizes 1000,100000
bench: setup ## time floor, validate, run, backfill, pandas baseline; one table (BENCH="--with-1m")
	$(BIN)/python benchmarks/bench.py $(BENCH)

clean: ## remove the venv, demo data and outputs
	rm -rf $(VENV) $(DEMO_DIR) $(OUT)
