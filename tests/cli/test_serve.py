"""``serve`` without a browser: the page, its policy, the event stream, redrawing on save, errors."""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from constitution_rules.cli.serve import HOST, LiveServer
from tests.cli.conftest import invoke

DRAFT = """\
constitution "Testland"
institution President: executive, head-of-state
institution Parliament: legislature
article 1 {
  Parliament adopts laws.
  President vetoes laws.
}
"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[LiveServer, Path]]:
    path = tmp_path / "draft.constitution"
    path.write_text(DRAFT, encoding="utf-8")
    server = LiveServer(path, port=0, interval=0.05).start()
    yield server, path
    server.stop()


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for_version(server: LiveServer, version: int) -> None:
    deadline = time.monotonic() + 10
    while server.live.version < version:
        assert time.monotonic() < deadline, "the file was not redrawn"
        time.sleep(0.02)


def test_loopback_only_and_the_page_has_graph_findings_and_live_script(served: tuple[LiveServer, Path]):
    server, _ = served
    assert server.httpd.server_address[0] == HOST == "127.0.0.1"
    page = get(server.url)
    assert 'g class="node' in page and 'data-node="President"' in page
    assert '<aside id="panel"' in page and '"findings":[' in page
    assert "default-src 'none'; connect-src 'self';" in page  # may talk to itself, nothing else
    assert 'new EventSource("/events")' in page and '<html lang="en" data-version="1">' in page


def test_saving_redraws_and_the_event_stream_says_so(served: tuple[LiveServer, Path]):
    server, path = served
    with urllib.request.urlopen(server.url + "events", timeout=10) as stream:
        assert stream.readline() == b"data: 1\n"
        path.write_text(
            DRAFT.replace("President vetoes laws.", "President vetoes laws.\n  President dissolves Parliament."),
            "utf-8",
        )
        wait_for_version(server, 2)
        assert stream.readline() == b"\n"
        assert stream.readline() == b"data: 2\n"
    page = get(server.url)
    assert "dissolves" in page and 'data-version="2"' in page


def test_a_file_that_does_not_parse_shows_its_errors_and_recovers(served: tuple[LiveServer, Path]):
    server, path = served
    path.write_text(DRAFT.replace("executive,", "executiv,"), "utf-8")
    wait_for_version(server, 2)
    page = get(server.url)
    assert "cannot be drawn" in page and "unknown institution kind &#x27;executiv&#x27;" in page
    assert 'new EventSource("/events")' in page  # it keeps listening
    path.write_text(DRAFT, "utf-8")
    wait_for_version(server, 3)
    assert 'data-node="President"' in get(server.url)


def test_other_paths_are_not_found(served: tuple[LiveServer, Path]):
    server, _ = served
    with pytest.raises(urllib.error.HTTPError) as caught:
        get(server.url + "../etc/passwd")
    assert caught.value.code == 404


def test_serve_a_missing_file_is_a_located_error(tmp_path: Path):
    run = invoke("serve", str(tmp_path / "missing.constitution"), "--port", "0")
    assert run.code == 2 and "no such file" in run.stderr
