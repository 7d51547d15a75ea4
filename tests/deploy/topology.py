"""The production topology on loopback, without containers.

Two Rasa servers (SQL tracker store on PostgreSQL, Redis lock store), two
action servers and two service_api processes (on PostgreSQL), each pair
behind HAProxy, as docker-compose.yml runs them.
"""

import secrets
import sqlite3
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from sqlalchemy import make_url

from tests.conversation.conftest import Stack
from tests.utils.ports import free_port
from tests.utils.postgres import throwaway_database

REPLICAS = 2
STARTUP_S = 420
HAPROXY = """global
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 120s
  timeout server 120s
  retries 3
  option redispatch
{sections}
frontend public_in
  bind 127.0.0.1:{public}
  http-request deny deny_status 404 if {{ path_beg /nlg }} || {{ path_beg /metrics }}
  default_backend api
"""
SECTION = """frontend {name}_in
  bind 127.0.0.1:{port}
  default_backend {name}
backend {name}
  balance roundrobin
{servers}
"""


class Topology(Stack):
    """2 + 2 + 2 processes, their load balancers, and their own databases."""

    def __init__(self, tmp: Path, postgres_url: str, redis_url: str) -> None:
        super().__init__(tmp)
        self.tmp = tmp
        self.lb = {name: free_port() for name in ("api", "rasa", "actions")}
        self.replicas = {
            name: [free_port() for _ in range(REPLICAS)] for name in ("api", "rasa", "actions")
        }
        self.public = free_port()  # the front door; lb["api"] is the internal one
        self.base = f"http://127.0.0.1:{self.public}"
        suffix = secrets.token_hex(4)
        self.server = make_url(postgres_url)
        self.api_db = f"lotse_scale_{suffix}"
        self.tracker_db = f"lotse_scale_rasa_{suffix}"
        self.databases = ExitStack()
        store = urlsplit(redis_url)
        lb = {name: f"http://127.0.0.1:{port}" for name, port in self.lb.items()}
        self.env |= {
            "DATABASE_URL": self.server.set(database=self.api_db).render_as_string(
                hide_password=False
            ),
            "LOTSE_RASA_URL": lb["rasa"],
            "LOTSE_ACTION_SERVER_URL": lb["actions"],
            "LOTSE_SERVICE_API_URL": lb["api"],
            "LOTSE_NLG_URL": f"{lb['api']}/nlg",
            "LOTSE_ACTION_URL": f"{lb['actions']}/webhook",
            "LOTSE_TRACKER_DB_HOST": self.server.host or "127.0.0.1",
            "LOTSE_TRACKER_DB_PORT": str(self.server.port or 5432),
            "LOTSE_TRACKER_DB": self.tracker_db,
            "LOTSE_TRACKER_DB_USER": self.server.username or "postgres",
            "LOTSE_TRACKER_DB_PASSWORD": self.server.password or "",
            "LOTSE_REDIS_HOST": store.hostname or "127.0.0.1",
            "LOTSE_REDIS_PORT": str(store.port or 6379),
            "LOTSE_REDIS_DB": store.path.strip("/") or "0",
            "LOTSE_REDIS_URL": redis_url,  # the chat rate limit, shared
            "LOTSE_ENRICH_INTERVAL_S": "0",
            "LOTSE_LOG_FORMAT": "json",
        }

    def drop_databases(self) -> None:
        self.databases.close()

    def start_all(self) -> None:
        server = self.server.render_as_string(hide_password=False)
        for name in (self.api_db, self.tracker_db):
            self.databases.enter_context(throwaway_database(server, name))
        sections = []
        for name, ports in self.replicas.items():
            servers = "\n".join(
                f"  server {name}{i} 127.0.0.1:{port} check inter 2s"
                for i, port in enumerate(ports, start=1)
            )
            sections.append(SECTION.format(name=name, port=self.lb[name], servers=servers))
        config = self.tmp / "haproxy.cfg"
        config.write_text(
            HAPROXY.format(sections="".join(sections), public=self.public), encoding="utf-8"
        )
        self.start("haproxy", ["haproxy", "-db", "-f", str(config)])
        for i, port in enumerate(self.replicas["rasa"], start=1):
            self.start_rasa(f"rasa{i}", port, "bot/endpoints.production.yml")
        for i, port in enumerate(self.replicas["actions"], start=1):
            outbox = self.tmp / f"actions{i}"
            outbox.mkdir()
            self.start_actions(f"actions{i}", port, {"LOTSE_DATA_DIR": str(outbox)})
        for i, port in enumerate(self.replicas["api"], start=1):
            self.start_api(f"api{i}", port)

    def wait_ready(self) -> None:
        """Every service_api replica healthy: its database, Rasa and the action server behind it."""
        deadline = time.monotonic() + STARTUP_S
        pending = set(self.replicas["api"])
        while pending and time.monotonic() < deadline:
            if self.exited():
                break
            for port in list(pending):
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                        pending.discard(port)
                except httpx.HTTPError:
                    pass
            time.sleep(1)
        if pending or not self._both_rasa_ready():
            raise self.not_ready()

    def _both_rasa_ready(self) -> bool:
        deadline = time.monotonic() + STARTUP_S
        for port in self.replicas["rasa"]:
            while time.monotonic() < deadline:
                try:
                    status = httpx.get(
                        f"http://127.0.0.1:{port}/status",
                        timeout=2,
                        params={"token": self.env["LOTSE_RASA_TOKEN"]},
                    )
                    if status.status_code == 200 and status.json().get("model_file"):
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(1)
            else:
                return False
        return True

    def outbox_waiting(self) -> int:
        waiting = 0
        for i in range(1, REPLICAS + 1):
            path = self.tmp / f"actions{i}" / "outbox.db"
            if path.exists():
                with sqlite3.connect(path) as db:
                    waiting += int(db.execute("SELECT count(*) FROM outbox").fetchone()[0])
        return waiting
