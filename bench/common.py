"""What the benchmarks share: the checkout, `manage.py` and gunicorn run as they are in production (in
subprocesses), and a scratch test database for the benchmarks that call the services in-process.

The scripts run as `python bench/<name>.py`, so this folder is on the import path: `from common import ...`.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
GUNICORN = [sys.executable, "-m", "gunicorn", "config.wsgi"]


def timed_ms(call: Any, repeat: int) -> list[float]:
    """Milliseconds each of `repeat` calls took."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def manage(*args: str, env: dict[str, str]) -> str:
    """Run `manage.py` with these arguments in `env`; its output, or exit with what it said."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class GunicornServer:
    """gunicorn on a free loopback port with `options` (workers, timeouts), once it answers /hello."""

    def __init__(self, env: dict[str, str], options: Sequence[str]) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(  # noqa: S603
            [*GUNICORN, "--bind", f"127.0.0.1:{self.port}", *options],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/hello", timeout=2)  # noqa: S310
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("gunicorn did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()  # workers still busy with queued requests
            self.process.wait(timeout=10)


@contextmanager
def scratch_database() -> Iterator[Any]:
    """Django set up on a new test database, dropped afterwards; yields the connection."""
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def signed_in_client(user: Any) -> Any:
    """A test client signed in as `user`, its two-step sign-in passed (as staff are in production)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
