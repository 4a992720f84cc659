# Tūhono: the two commands a new user needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: restart-drill load soak fuzz audit lock run test install migrate demo lint typecheck bench check-migrations clean

$(VENV)/.installed: requirements.txt requirements.lock package.json
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.lock -r requirements.txt
	npm ci --no-audit --no-fund --silent || npm install --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py demo_two_factor

run: demo
	@echo ""
	@echo "  Tūhono is serving on http://$(HOST):$(PORT)/"
	@echo "  Public site:  http://$(HOST):$(PORT)/partnerships/"
	@echo "  Back office:  http://$(HOST):$(PORT)/staff/  (demo staff: officer / tuhono-demo-2026;"
	@echo "                also approver, security, national, dunedin, admin with the same password)"
	@echo "  Admin (administrators only, who enrol an authenticator at first sign-in): http://$(HOST):$(PORT)/admin/"
	@echo "  Two-step sign-in (approver, security): authenticator key JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP,"
	@echo "                or print the current code with: $(PY) manage.py totp_code approver"
	@echo ""
	@echo "  Background worker (screening index builds, re-screening) runs beside it: manage.py db_worker"
	@echo ""
	$(PY) manage.py db_worker --no-reload --interval 2 & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy tuhono config

check-migrations: install
	$(PY) manage.py makemigrations --check --dry-run

bench: install
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3

# Production readiness (docs/operations.md, docs/benchmarks/load.md)
load: install
	$(PY) bench/bench_load.py

soak: install
	$(PY) bench/bench_load.py --soak 600

# Restarts the machine's PostgreSQL server while gunicorn serves under load (never run by CI).
restart-drill: install
	$(PY) bench/drill_pg_restart.py

fuzz: install
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-200} $(VENV)/bin/pytest tests/fuzz -q

audit: install
	$(VENV)/bin/pip-audit --disable-pip --no-deps -r requirements.lock
	$(VENV)/bin/bandit -q -c config/bandit.yaml -r config tuhono

# Re-pin every installed package (after adding one to requirements.txt).
lock:
	$(PIP) freeze --exclude-editable | grep -v ' @ ' > requirements.lock
