# Lotse: `make run` sets everything up and starts it; `make test` runs every test.
SHELL := /bin/bash
BOT_ENV := .venv-bot
API_ENV := .venv

.DEFAULT_GOAL := help

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BOT_ENV)/.installed: requirements/bot.lock scripts/make_env.sh
	@scripts/make_env.sh $(BOT_ENV) 3.10 requirements/bot.lock

$(API_ENV)/.installed: requirements/api.lock scripts/make_env.sh
	@scripts/make_env.sh $(API_ENV) current requirements/api.lock

node_modules/.installed: package-lock.json scripts/browser_deps.sh
	@scripts/browser_deps.sh

var/tools/.installed: requirements/compose.txt scripts/deploy_deps.sh $(API_ENV)/.installed
	@scripts/deploy_deps.sh

var/tiny-argos/.built: tests/tiny_argos/*.py requirements/tiny-argos-build.txt scripts/build_tiny_argos.sh | $(API_ENV)/.installed
	@scripts/build_tiny_argos.sh

tiny-packages: var/tiny-argos/.built  ## Train the tiny it<->en translation packages the tests use (~2 min)

setup: $(BOT_ENV)/.installed $(API_ENV)/.installed  ## Create both Python environments
	@scripts/secrets.sh

train: $(BOT_ENV)/.installed  ## Train the Rasa model if the training data changed
	@scripts/train.sh

run: setup train  ## Set up on first use, then start Lotse on localhost:8000 (DEMO=1: with demo data)
	@LOTSE_DEMO_DATA=$(if $(DEMO),true,$${LOTSE_DEMO_DATA:-false}) scripts/run.sh

test: setup train lint node_modules/.installed var/tiny-argos/.built var/tools/.installed  ## Run the whole test suite (lint included)
	$(BOT_ENV)/bin/python -m pytest tests/actions tests/bot
	$(API_ENV)/bin/python -m pytest tests/api tests/screens tests/translation tests/telegram tests/conversation tests/deploy

eval: setup  ## Train Lotse and both baselines on the same data; write docs/eval.md (about an hour)
	PYTHONPATH=. $(BOT_ENV)/bin/python -m evaluation.run --out docs/eval.md

screenshots: setup train node_modules/.installed  ## Renew docs/screenshots/ from the browser tests
	LOTSE_SCREENSHOTS=docs/screenshots $(API_ENV)/bin/python -m pytest tests/conversation/test_widget.py tests/screens/test_browser.py

eval-language-id: setup  ## Measure language identification on 16 languages; write docs/language-id.md
	$(API_ENV)/bin/python -m evaluation.language_id --out docs/language-id.md

eval-grouping: setup  ## Measure grouping of similar needs on evaluation/grouping/; write docs/grouping.md
	$(API_ENV)/bin/python -m evaluation.grouping --out docs/grouping.md

lint: $(API_ENV)/.installed  ## ruff and mypy
	$(API_ENV)/bin/ruff check .
	$(API_ENV)/bin/ruff format --check .
	$(API_ENV)/bin/mypy service_api telegram_bridge

lock:  ## Re-resolve the pinned dependencies (needs uv)
	uv pip compile --python-version 3.10 --generate-hashes requirements/bot.in -o requirements/bot.lock
	uv pip compile --python-version 3.11 --generate-hashes --override requirements/api-overrides.txt requirements/api.in -o requirements/api.lock

clean:  ## Remove environments, models and local state
	rm -rf $(BOT_ENV) $(API_ENV) models/*.tar.gz var

.PHONY: help setup train run test tiny-packages screenshots eval eval-language-id eval-grouping lint lock clean
