"""docker-compose.yml, checked by the Docker Compose binary itself (no engine needed)."""

import json
import re
import subprocess
from typing import Any

import pytest
import yaml

from tests.conversation.conftest import ROOT

COMPOSE = ROOT / "var" / "tools" / "docker-compose"
REPLICATED = {"rasa", "actions", "api"}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The resolved file, with an env file holding a placeholder for every secret."""
    if not COMPOSE.exists():
        pytest.fail("no docker-compose binary: run scripts/deploy_deps.sh (make test does)")
    folder = tmp_path_factory.mktemp("compose")
    for name in ("docker-compose.yml", ".env.example"):
        (folder / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "deploy").mkdir()
    (folder / ".env").write_text(
        re.sub(r"=$", "=placeholder", (ROOT / ".env.example").read_text(), flags=re.M)
    )
    result = subprocess.run(
        [str(COMPOSE), "--profile", "telegram", "config", "--format", "json"],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def test_every_service_is_there_with_a_health_check(config):
    services = config["services"]

    assert set(services) == {"postgres", "redis", "rasa", "actions", "api", "lb", "telegram"}
    assert all("healthcheck" in service for service in services.values())


def test_services_wait_for_what_they_need_to_be_healthy(config):
    services = config["services"]

    assert set(services["rasa"]["depends_on"]) == {"postgres", "redis", "actions"}
    assert set(services["api"]["depends_on"]) == {"postgres", "redis"}
    for service in services.values():
        for needed in service.get("depends_on", {}).values():
            assert needed["condition"] == "service_healthy"


def test_rasa_actions_and_api_run_two_replicas_behind_the_load_balancer(config):
    services = config["services"]

    assert {
        name for name, s in services.items() if (s.get("deploy") or {}).get("replicas") == 2
    } == REPLICATED
    assert [port["published"] for port in services["lb"]["ports"]] == ["8000"]
    haproxy = (ROOT / "deploy" / "haproxy.cfg").read_text()
    for name in REPLICATED:
        assert re.search(rf"server-template {name} \d+ {name}:\d+ check", haproxy)


def test_the_public_door_refuses_nlg_and_metrics_which_stay_inside(config):
    services = config["services"]
    haproxy = (ROOT / "deploy" / "haproxy.cfg").read_text()
    public = haproxy.split("frontend public_in")[1].split("frontend ")[0]

    assert "bind :8000" in public
    assert "deny deny_status 404 if { path_beg /nlg } || { path_beg /metrics }" in public
    assert services["rasa"]["environment"]["LOTSE_NLG_URL"] == "http://lb:8001/nlg"
    assert services["actions"]["environment"]["LOTSE_SERVICE_API_URL"] == "http://lb:8001"
    check = subprocess.run(
        ["haproxy", "-c", "-f", str(ROOT / "deploy" / "haproxy.cfg")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_rasa_keeps_conversations_in_postgresql_with_a_redis_lock_store():
    endpoints = yaml.safe_load((ROOT / "bot" / "endpoints.production.yml").read_text())

    assert endpoints["tracker_store"]["type"] == "SQL"
    assert endpoints["tracker_store"]["dialect"] == "postgresql"
    assert endpoints["lock_store"]["type"] == "redis"


def test_no_secret_is_written_in_the_compose_file():
    text = (ROOT / "docker-compose.yml").read_text()
    secret_keys = re.compile(r"(PASSWORD|TOKEN|SECRET|DATABASE_URL)[A-Z_]*\s*:\s*\S+")

    assert not [line for line in text.splitlines() if secret_keys.search(line)]
    assert all(
        name in (ROOT / ".env.example").read_text()
        for name in ("POSTGRES_PASSWORD", "DATABASE_URL")
    )
