"""A 1 GB upload against the running app: refused before its body is read, while other clients keep being served.

    .venv/bin/python bench/bench_upload_limits.py          # or: make bench (bench/run_all.py)

gunicorn (2 sync workers) on loopback, a fresh SQLite database, a signed-in security officer (password and
two-factor sign-in, as in production). One client posts a 1 GiB multipart body to the watch-list upload page
(/staff/vetting/lists/upload/); meanwhile another client asks for a page every 50 ms. Side by side in one run:
- limit on: the site as shipped (TUHONO_UPLOAD_MAX_BYTES = 100 MB): time to the refusal, bytes sent by then;
- limit off (baseline): the same server with the limit raised above the body, so the whole body is read
  (the site before this limit): time to the answer.
For each: the other client's answers (count, failures, p50 / p95 / max latency) during the upload.
"""

from __future__ import annotations

import os
import socket
import statistics
import threading
import time
import urllib.request

from common import OUT, GunicornServer, manage

BODY_BYTES = int(os.environ.get("UPLOAD_BENCH_BYTES", str(1 << 30)))
CHUNK = 1 << 20
SETUP = """
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from tuhono.accounts.enums import Role
from tuhono.accounts.models import User
from tuhono.accounts.roles import roles_ensure
from tuhono.councils.models import Council
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
roles_ensure()
council, _ = Council.objects.get_or_create(slug="bench", defaults={"name": "Bench Council"})
user = User.objects.filter(username="bench-security").first()
if user is None:
    user = User.objects.create_user(
        username="bench-security", password="bench-only-4711", council=council, is_staff=True
    )
    user.groups.set(Group.objects.filter(name=Role.SECURITY_OFFICER))
device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session[DEVICE_ID_SESSION_KEY] = device.persistent_id
session.create()
print(session.session_key)
"""


def prepare() -> tuple[dict[str, str], str]:
    OUT.mkdir(parents=True, exist_ok=True)
    database = OUT / "upload-limits.sqlite3"
    if database.exists():
        database.unlink()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "TUHONO_UPLOAD_DIR": str(OUT / "upload-limits-files"),
    }
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    session_key = manage("shell", "-c", SETUP, env=env).strip().splitlines()[-1]
    return env, session_key


def server_with_limit(env: dict[str, str], *, limit: int) -> GunicornServer:
    return GunicornServer(
        {**env, "DJANGO_DEBUG": "false", "TUHONO_UPLOAD_MAX_BYTES": str(limit)}, ["--workers", "2", "--timeout", "300"]
    )


class Neighbour(threading.Thread):
    """Another client: a page every 50 ms until told to stop (at most 10 minutes)."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.url = base + "/hello"
        self.latencies: list[float] = []
        self.failures = 0
        self.done = threading.Event()

    def run(self) -> None:
        deadline = time.monotonic() + 600
        while not self.done.is_set() and time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                urllib.request.urlopen(self.url, timeout=30).read()  # noqa: S310
                self.latencies.append(time.perf_counter() - started)
            except OSError:
                self.failures += 1
            time.sleep(0.05)


def post_large(port: int, session_key: str) -> tuple[float, int, str]:
    """Post BODY_BYTES as one file; (seconds to the status line, bytes sent by then, status line)."""
    boundary = "----tuhonobench"
    csrf = "benchbenchbenchbenchbenchbench12"  # a CSRF secret (32 characters) sent as cookie and field
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{csrf}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nBench list\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    length = len(head) + BODY_BYTES + len(tail)
    request = (
        "POST /staff/vetting/lists/upload/ HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {length}\r\n"
        f"Cookie: sessionid={session_key}; csrftoken={csrf}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 16)
    sent = 0
    answer = bytearray()
    answered = threading.Event()
    answered_at = [0.0]

    def read() -> None:
        while True:
            try:
                data = sock.recv(65536)
            except OSError:
                break
            if not data:
                break
            answer.extend(data)
            if b"\r\n" in answer and not answered.is_set():
                answered_at[0] = time.perf_counter()
                answered.set()
        answered.set()

    reader = threading.Thread(target=read, daemon=True)
    started = time.perf_counter()
    sock.sendall(request + head)
    reader.start()
    chunk = b"x" * CHUNK
    try:
        while sent < BODY_BYTES and not answered.is_set():
            piece = chunk[: min(CHUNK, BODY_BYTES - sent)]
            sock.sendall(piece)
            sent += len(piece)
        if not answered.is_set():
            sock.sendall(tail)
    except OSError:
        pass  # the server closed the connection after answering
    answered.wait(timeout=600)
    seconds = (answered_at[0] or time.perf_counter()) - started
    sock.close()
    reader.join(timeout=5)
    status = bytes(answer).split(b"\r\n", 1)[0].decode("latin-1")
    return seconds, sent, status


def _summary(neighbour: Neighbour) -> str:
    values = sorted(neighbour.latencies)
    if not values:
        return f"0 answered, {neighbour.failures} failed"
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return (
        f"{len(values)} answered, {neighbour.failures} failed, p50 {statistics.median(values) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {values[-1] * 1000:.0f} ms"
    )


def run(env: dict[str, str], session_key: str, *, limit: int, label: str) -> None:
    server = server_with_limit(env, limit=limit)
    try:
        neighbour = Neighbour(server.base)
        neighbour.start()
        time.sleep(0.5)
        seconds, sent, status = post_large(server.port, session_key)
        time.sleep(0.5)
        neighbour.done.set()
        neighbour.join(timeout=35)
        print(
            f"{label:<34}{seconds:>9.3f} s  {sent / (1 << 20):>7.0f} MiB sent  {status:<34}  other client: "
            f"{_summary(neighbour)}",
            flush=True,
        )
    finally:
        server.stop()


def main() -> None:
    env, session_key = prepare()
    print(
        f"POST of a {BODY_BYTES / (1 << 30):.2f} GiB file to /staff/vetting/lists/upload/ as a security officer; "
        "gunicorn 2 sync workers, loopback; another client asks for a page every 50 ms",
        flush=True,
    )
    run(env, session_key, limit=100 * 1024 * 1024, label="limit 100 MB (as shipped)")
    run(env, session_key, limit=BODY_BYTES * 2, label="limit above the body (baseline)")


if __name__ == "__main__":
    main()
