"""Start the real stack once per session: Rasa with the trained model, the
action server and service_api, each on a free port, with state in a temp dir."""

import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.utils.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
BOT_BIN = ROOT / ".venv-bot" / "bin"
API_BIN = ROOT / ".venv" / "bin"
STARTUP_S = 240


class Stack:
    def __init__(self, tmp: Path) -> None:
        self.ports = {name: free_port() for name in ("api", "rasa", "actions")}
        self.admin_token = secrets.token_urlsafe(16)
        self.base = f"http://127.0.0.1:{self.ports['api']}"
        self.rasa = f"http://127.0.0.1:{self.ports['rasa']}"
        api, actions = self.base, f"http://127.0.0.1:{self.ports['actions']}"
        self.env = os.environ | {
            "LOTSE_DATA_DIR": str(tmp),
            "LOTSE_PSEUDONYM_SECRET": secrets.token_urlsafe(16),
            "LOTSE_ADMIN_TOKEN": self.admin_token,
            "LOTSE_INGEST_TOKEN": secrets.token_urlsafe(16),
            "LOTSE_RASA_TOKEN": secrets.token_urlsafe(16),
            "LOTSE_RASA_URL": self.rasa,
            "LOTSE_ACTION_SERVER_URL": actions,
            "LOTSE_SERVICE_API_URL": api,
            "LOTSE_NLG_URL": f"{api}/nlg",
            "LOTSE_ACTION_URL": f"{actions}/webhook",
            "PYTHONWARNINGS": "ignore",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        }
        self.logs = tmp / "logs"
        self.logs.mkdir()
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, command: list[str], extra_env: dict[str, str] | None = None) -> None:
        log = (self.logs / f"{name}.log").open("wb")
        self.processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env | (extra_env or {}),
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def install_translation(self) -> None:
        """The tiny it<->en packages (make tiny-packages): Italian goes through translation."""
        packages = sorted((ROOT / "var" / "tiny-argos").glob("*.argosmodel"))
        if not packages:
            pytest.fail("no tiny translation packages: run `make tiny-packages` (make test does)")
        command = [str(API_BIN / "python"), "-m", "service_api.translation_packages", "install"]
        subprocess.run([*command, *map(str, packages)], cwd=ROOT, env=self.env, check=True)

    def start_rasa(self, name: str, port: int, endpoints: str = "bot/endpoints.yml") -> None:
        self.start(
            name,
            [
                str(BOT_BIN / "rasa"), "run", "--model", "models",
                "--endpoints", endpoints, "--credentials", "bot/credentials.yml",
                "--interface", "127.0.0.1", "--port", str(port), "--enable-api",
                # One argument: a token may start with "-", which argparse
                # would otherwise take for an option.
                f"--auth-token={self.env['LOTSE_RASA_TOKEN']}",
            ],
            {"PYTHONPATH": str(ROOT)},
        )  # fmt: skip

    def start_actions(self, name: str, port: int, extra_env: dict[str, str] | None = None) -> None:
        command = [str(BOT_BIN / "rasa"), "run", "actions", "--actions", "actions"]
        self.start(
            name, [*command, "--port", str(port)], {"PYTHONPATH": str(ROOT)} | (extra_env or {})
        )

    def start_api(self, name: str, port: int) -> None:
        command = [str(API_BIN / "uvicorn"), "service_api.app:create_app", "--factory"]
        self.start(name, [*command, "--host", "127.0.0.1", "--port", str(port), "--no-access-log"])

    def start_all(self) -> None:
        self.install_translation()
        self.start_rasa("rasa", self.ports["rasa"])
        self.start_actions("actions", self.ports["actions"])
        self.start_api("api", self.ports["api"])

    def wait_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_S
        while time.monotonic() < deadline:
            if self.exited():
                break
            try:
                if httpx.get(f"{self.base}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(1)
        raise self.not_ready()

    def exited(self) -> dict[str, int]:
        """The processes that have already stopped, with their exit codes."""
        return {name: code for name, p in self.processes.items() if (code := p.poll()) is not None}

    def not_ready(self) -> RuntimeError:
        """What went wrong at start-up: who exited first, then the end of every log."""
        exited = self.exited()
        names = sorted(self.processes, key=lambda name: name not in exited)
        tails = "\n".join(
            f"--- {name}.log ---\n{(self.logs / f'{name}.log').read_text(errors='replace')[-1500:]}"
            for name in names
        )
        return RuntimeError(f"not ready; exited: {exited or 'none'}\n{tails}")

    def stop(self) -> None:
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not any((ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in models/: run `make train` (make test does)")
    running = Stack(tmp_path_factory.mktemp("stack"))
    running.start_all()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def api(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.base, timeout=60) as client:
        yield client


def chat(api: httpx.Client, sender: str, text: str, **extra: Any) -> dict[str, Any]:
    response = api.post("/api/v1/chat", json={"sender": sender, "text": text, **extra})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body
