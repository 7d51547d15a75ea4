"""Property-based requests from the OpenAPI schema: no input may cause a server error."""

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error

from service_api.app import create_app
from tests.api.conftest import ADMIN, auth
from tests.utils.fake_rasa import fake_rasa_server


@pytest.fixture
def api_schema(settings):
    with fake_rasa_server() as url:
        app = create_app(
            settings.model_copy(
                update={"rasa_url": url, "action_server_url": url, "chat_per_sender_per_minute": 0}
            )
        )
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_causes_a_server_error(case):
    case.call_and_validate(headers=auth(ADMIN), checks=[not_a_server_error])
