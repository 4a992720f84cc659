"""The deployment files under deploy/ are valid and start the application as docs/operations.md says.

The units name the production paths (/srv/tuhono/app, /etc/tuhono/tuhono.env, /srv/tuhono/var); each
test lays them over this checkout and a scratch folder, then asks the real tools: `systemd-analyze
verify` for the units, gunicorn started by the web unit's own command line for /healthz, and
`nginx -t` for the reverse-proxy configuration.
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("tuhono-*.*"))


def _laid_over(text: str, scratch: Path) -> str:
    return (
        text.replace("/srv/tuhono/app", str(ROOT))
        .replace("/etc/tuhono/tuhono.env", str(scratch / "tuhono.env"))
        .replace("/srv/tuhono/var", str(scratch / "var"))
    )


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text())
    return parser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _production_env(scratch: Path) -> dict[str, str]:
    return {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "deploy-test-" + "k" * 60,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{scratch / 'var' / 'deploy.sqlite3'}",
    }


def test_every_unit_the_guide_names_is_shipped() -> None:
    names = {path.name for path in UNITS}
    guide = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    named = set(re.findall(r"tuhono-[a-z-]+\.(?:service|timer)", guide))
    named |= {f"{unit}.timer" for unit in re.findall(r"(tuhono-[a-z-]+)\.service` \+ `\.timer`", guide)}
    assert {"tuhono-web.service", "tuhono-worker.service", "tuhono-backup.timer"} <= named
    assert named <= names, f"named in docs/operations.md but not in deploy/systemd: {sorted(named - names)}"
    for timer in (p for p in UNITS if p.suffix == ".timer"):
        assert timer.with_suffix(".service").exists(), f"{timer.name} starts a service that is not shipped"


def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is needed (Debian package systemd; .ci/run installs it)"
    (tmp_path / "var").mkdir()
    (tmp_path / "tuhono.env").write_text("DJANGO_ENV=production\n")
    units = tmp_path / "units"
    units.mkdir()
    for path in UNITS:
        # The service user exists only on the server; verification here runs as this user.
        text = _laid_over(path.read_text(), tmp_path).replace("User=tuhono\n", "").replace("Group=tuhono\n", "")
        (units / path.name).write_text(text)
    result = subprocess.run(  # noqa: S603
        [analyze, "verify", *sorted(str(p) for p in units.iterdir())],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"},
    )
    complaints = [
        line for line in (result.stderr + result.stdout).splitlines() if str(units) in line or "tuhono" in line
    ]
    assert result.returncode == 0 and not complaints, result.stderr + result.stdout


@pytest.mark.slow
def test_the_web_unit_starts_the_application_and_answers_healthz(tmp_path: Path) -> None:
    (tmp_path / "var").mkdir()
    env = {**os.environ, **_production_env(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    service = _unit(DEPLOY / "systemd" / "tuhono-web.service")["Service"]
    # The unit's own environment, laid over the scratch folder: the master warms up before forking.
    for line in (DEPLOY / "systemd" / "tuhono-web.service").read_text().splitlines():
        if line.startswith("Environment="):
            key, _, value = _laid_over(line.removeprefix("Environment="), tmp_path).partition("=")
            env[key] = value
    command = shlex.split(_laid_over(service["ExecStart"], tmp_path))
    port = _free_port()
    command[command.index("--bind") + 1] = f"127.0.0.1:{port}"
    command[command.index("--workers") + 1] = "2"
    assert Path(service["WorkingDirectory"].replace("/srv/tuhono/app", str(ROOT))) == ROOT
    process = subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
                    status, body = response.status, response.read()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
                assert time.monotonic() < deadline, "gunicorn did not answer /healthz within 60 s"
                time.sleep(0.5)
        assert status == 200
        assert b"ok" in body
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_web_workers_are_forked_from_a_warmed_up_master() -> None:
    # Without --preload each worker loads its own ~190 MB of Django, rigour and transliteration
    # tables; with it and the warm-up they share the master's (docs/operations.md, "Memory").
    unit = (DEPLOY / "systemd" / "tuhono-web.service").read_text()
    assert "--preload" in shlex.split(_unit(DEPLOY / "systemd" / "tuhono-web.service")["Service"]["ExecStart"])
    assert "Environment=TUHONO_WARM_UP=1" in unit.splitlines()


def test_nginx_accepts_the_site_configuration(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    assert nginx, "nginx is needed (Debian package nginx; .ci/run installs it)"
    certs = tmp_path / "ssl"
    certs.mkdir()
    subprocess.run(  # noqa: S603
        [  # noqa: S607
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", str(certs / "privkey.pem"), "-out", str(certs / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx" / "tuhono.conf").read_text().replace("/etc/ssl/tuhono", str(certs))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n client_body_temp_path {tmp_path};\n include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(  # noqa: S603
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_folders_the_application_writes_are_writable_under_the_units(tmp_path: Path) -> None:
    # ProtectSystem=strict makes everything read-only but ReadWritePaths: a screening index or an
    # upload folder set outside them fails only on the server, at the first index build or upload.
    folders = {
        line.split("=", 1)[1].strip()
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line.startswith(("TUHONO_SCREENING_INDEX_DIR=", "TUHONO_UPLOAD_DIR=", "TUHONO_CACHE_DIR="))
    }
    assert len(folders) == 3
    for name in ("tuhono-web.service", "tuhono-worker.service"):
        service = (DEPLOY / "systemd" / name).read_text().splitlines()
        writable = [line.split("=", 1)[1].strip() for line in service if line.startswith("ReadWritePaths=")]
        set_here = {
            line.split("=", 2)[1]: line.split("=", 2)[2].strip()
            for line in service
            if line.startswith("Environment=TUHONO_") and line.split("=", 2)[1].endswith("_DIR")
        }
        assert "TUHONO_SCREENING_INDEX_DIR" in set_here, f"{name} does not say where the screening index lives"
        for folder in {*folders, *set_here.values()}:
            assert any(Path(folder).is_relative_to(root) for root in writable), f"{name}: {folder} is read-only"
