import httpx


def mock_client(handler):
    return httpx.AsyncClient(base_url="http://rasa.test", transport=httpx.MockTransport(handler))


def test_not_ready_names_what_is_missing(client):
    runtime = client.app.state.runtime
    runtime.rasa = mock_client(lambda r: httpx.Response(200, json={"model_file": ""}))
    runtime.probe = mock_client(lambda r: httpx.Response(503))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "missing": ["rasa", "action_server"]}


def test_ready_when_database_rasa_and_actions_are(client):
    runtime = client.app.state.runtime
    runtime.rasa = mock_client(lambda r: httpx.Response(200, json={"model_file": "m.tar.gz"}))
    runtime.probe = mock_client(lambda r: httpx.Response(200, json={"status": "ok"}))

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_demo_page_widget_and_api_docs_are_served(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'src="/static/widget.js"' in page.text
    assert client.get("/static/widget.js").status_code == 200
    assert client.get("/static/widget.css").status_code == 200
    assert "/api/v1/chat" in client.get("/openapi.json").json()["paths"]
    assert client.get("/docs").status_code == 200
