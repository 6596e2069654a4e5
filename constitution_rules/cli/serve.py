"""The ``serve`` verb: the interactive graph page of one file, live, on 127.0.0.1 only.

The page is the one ``graph --format html`` writes, with a small script added: it listens to
``/events`` (server-sent events) and, when the file has been saved and drawn again, reloads itself,
keeping the scroll of the page, the graph and the panel, the selected institution or line, and the
search text (in sessionStorage). While the file does not parse, the page shows the errors and keeps
listening. Nothing is fetched from elsewhere: the page's policy allows connecting to itself only.
"""

from __future__ import annotations

import html
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import click

HOST = "127.0.0.1"
KEEP_ALIVE_S = 15.0

LIVE_SCRIPT = r"""
(function () {
  "use strict";
  var KEY = "constitution-rules-serve:" + location.pathname;
  var version = document.documentElement.getAttribute("data-version");
  function boxes() { return ["graph", "panel"].map(function (id) { return document.getElementById(id); }); }
  function save() {
    var panel = document.getElementById("panel");
    var search = document.getElementById("search");
    var state = {
      x: window.scrollX, y: window.scrollY,
      boxes: boxes().map(function (b) { return b ? [b.scrollLeft, b.scrollTop] : null; }),
      showing: panel ? panel.getAttribute("data-showing") : null,
      search: search ? search.value : ""
    };
    sessionStorage.setItem(KEY, JSON.stringify(state));
  }
  function restore() {
    var raw = sessionStorage.getItem(KEY);
    if (!raw) { return; }
    var state = JSON.parse(raw);
    var showing = state.showing || "";
    var kind = showing.split(":")[0], id = showing.slice(kind.length + 1);
    var target = null;
    if (kind === "node") { target = document.querySelector('g.node[data-node="' + CSS.escape(id) + '"]'); }
    if (kind === "chip") { target = document.querySelector('g.chip[data-chip="' + CSS.escape(id) + '"]'); }
    if (kind === "edge") {
      target = Array.prototype.filter.call(document.querySelectorAll("g.edge[data-edge]"), function (e) {
        return (e.getAttribute("data-edge") || "").split(" ").indexOf(id) >= 0;
      })[0] || null;
    }
    if (target) { target.dispatchEvent(new MouseEvent("click", {bubbles: true})); }
    var search = document.getElementById("search");
    if (search && state.search) { search.value = state.search; search.dispatchEvent(new Event("input")); }
    boxes().forEach(function (b, i) {
      if (b && state.boxes[i]) { b.scrollLeft = state.boxes[i][0]; b.scrollTop = state.boxes[i][1]; }
    });
    window.scrollTo(state.x, state.y);
  }
  restore();
  window.addEventListener("beforeunload", save);
  var source = new EventSource("/events");
  source.onmessage = function (event) {
    if (event.data !== version) { save(); location.reload(); }
  };
  document.documentElement.setAttribute("data-live", "true");
})();
"""


class Live:
    """The newest drawing of a file, redrawn when its modification time or size changes."""

    def __init__(self, path: Path, interval: float) -> None:
        self.path = path
        self.interval = interval
        self.version = 0
        self.page = ""
        self.changed = threading.Condition()
        self._stamp: tuple[int, int] | None = None
        self._stop = threading.Event()
        self.refresh()

    def stamp(self) -> tuple[int, int] | None:
        try:
            info = self.path.stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    def refresh(self) -> bool:
        stamp = self.stamp()
        if self.page and (stamp == self._stamp or stamp is None):
            return False  # unchanged, or gone for a moment (an editor saving by rename)
        self._stamp = stamp
        page = live_page(render_page(self.path), self.version + 1)
        with self.changed:
            self.version += 1
            self.page = page
            self.changed.notify_all()
        return True

    def poll(self) -> None:
        while not self._stop.wait(self.interval):
            self.refresh()

    def stop(self) -> None:
        self._stop.set()
        with self.changed:
            self.changed.notify_all()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()


def render_page(path: Path) -> str:
    """The graph page of ``path``, or a page listing why it cannot be drawn."""
    from constitution_rules.config import config_for
    from constitution_rules.graph import build_graph
    from constitution_rules.language.errors import ConstitutionError
    from constitution_rules.language.parser import parse_text, read_source
    from constitution_rules.render.html import render_html
    from constitution_rules.render.layout import layered_layout
    from constitution_rules.render.view import build_view
    from constitution_rules.rules.engine import RuleFailure, run_rules

    try:
        constitution = parse_text(read_source(path), str(path))
        graph = build_graph(constitution)
        findings = list(run_rules(constitution, graph=graph, config=config_for(path)).findings)
        view = build_view(graph, constitution, findings)
        return render_html(view, layered_layout(view))
    except ConstitutionError as exc:
        return error_page(str(path), str(exc))
    except RuleFailure as exc:
        return error_page(str(path), str(exc))


def error_page(name: str, message: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        f"<title>{html.escape(name)}: cannot be drawn</title>\n"
        "<style>body{font:14px/1.4 sans-serif;margin:16px}pre{background:#fbeaea;padding:12px;overflow:auto}</style>\n"
        f'</head>\n<body data-ready="true">\n<h1>{html.escape(name)} cannot be drawn</h1>\n'
        f'<pre id="errors">{html.escape(message)}</pre>\n<p>Fix the file and save it: this page updates itself.</p>\n'
        "</body>\n</html>\n"
    )


def live_page(page: str, version: int) -> str:
    """The page with the live script added and its policy opened to its own server (only)."""
    page = page.replace("default-src 'none';", "default-src 'none'; connect-src 'self';", 1)
    page = page.replace('<html lang="en">', f'<html lang="en" data-version="{version}">', 1)
    return page.replace("</body>", f"<script>{LIVE_SCRIPT}</script>\n</body>", 1)


def make_handler(live: Live) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "constitution-rules-serve"

        def log_message(self, format: str, *args: Any) -> None:  # quiet: the terminal is the user's
            return

        def do_GET(self) -> None:
            if self.path.split("?")[0] == "/events":
                self._events()
                return
            if self.path.split("?")[0] not in ("/", "/index.html"):
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            with live.changed:
                body = live.page.encode("utf-8")
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = -1
            try:
                while not live.stopped:
                    with live.changed:
                        if live.version == seen:
                            live.changed.wait(KEEP_ALIVE_S)
                        current = live.version
                    message = f"data: {current}\n\n" if current != seen else ": keep-alive\n\n"
                    seen = current
                    self.wfile.write(message.encode("ascii"))
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


class LiveServer:
    """The HTTP server and the polling thread; ``start`` returns at once, ``stop`` ends both."""

    def __init__(self, path: Path, port: int = 0, interval: float = 0.5) -> None:
        self.live = Live(path, interval)
        self.httpd = ThreadingHTTPServer((HOST, port), make_handler(self.live))
        self.httpd.daemon_threads = True
        self._threads = [
            threading.Thread(target=self.live.poll, daemon=True),
            threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True),
        ]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.httpd.server_address[1]}/"

    def start(self) -> LiveServer:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self.live.stop()
        self.httpd.shutdown()
        self.httpd.server_close()


@click.command("serve")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="0: any free port.")
@click.option(
    "--interval",
    default=0.5,
    show_default=True,
    type=click.FloatRange(min=0.05),
    help="Seconds between looks at the file.",
)
def serve_command(file: str, port: int, interval: float) -> None:
    """Serve the interactive graph and findings of FILE on http://127.0.0.1:PORT/, redrawn on save.

    The page reloads itself when the file is saved and keeps its scroll, selection and search.
    It is served on the loopback address only, and fetches nothing from anywhere else.

    \b
    Examples:
      constitution-rules serve drafts/reform.constitution
      constitution-rules serve specs/kazakhstan/2026.constitution --port 8765
    """
    from constitution_rules.language.parser import read_source

    read_source(file)  # a missing or unreadable file is a located error before anything is served
    server = LiveServer(Path(file), port, interval).start()
    click.echo(f"serving {file} at {server.url} (Ctrl-C to stop)", err=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.stop()
