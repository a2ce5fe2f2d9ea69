# DraftDesk: `make run` and `make test` are the whole set-up (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck clean installer

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[gui,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m draftdesk.main_job out

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench packaging
	$(BIN)/ruff format --check src tests scripts bench packaging

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out build dist src/*.egg-info

# Windows installer (NSIS + Windows wheels, see packaging/README.md):
# dist/DraftDesk-<version>-win64-setup.exe; downloads are cached in build/installer-cache.
installer: $(STAMP)
	$(BIN)/python packaging/build_installer.py
