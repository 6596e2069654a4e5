"""A small LSP client: JSON-RPC with Content-Length framing over a subprocess's stdin and stdout.

It speaks to ``constitution-rules lsp`` exactly as an editor does, and is used by the tests and by
benchmarks/lsp.py. Messages from the server are read on a thread; ``request`` waits for its
response, ``wait_diagnostics`` for a ``publishDiagnostics`` of a given document version.
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60.0


class ServerDied(AssertionError):
    pass


class LspClient:
    def __init__(self, command: list[str] | None = None, cwd: Path = ROOT) -> None:
        self.process = subprocess.Popen(
            command or [sys.executable, str(ROOT / "cli.py"), "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
        )
        self._ids = itertools.count(1)
        self._responses: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.notifications: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[tuple[int | None, list[dict[str, Any]], float]]] = {}
        self._seen = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # ---- framing
    def _send(self, message: dict[str, Any]) -> float:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        sent = time.perf_counter()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return sent

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    with self._seen:
                        self._seen.notify_all()
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None
            message = json.loads(stream.read(length))
            received = time.perf_counter()
            if "id" in message and "method" not in message:
                with self._lock:
                    box = self._responses.setdefault(message["id"], queue.Queue())
                box.put(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                with self._seen:
                    self.diagnostics.setdefault(params["uri"], []).append(
                        (params.get("version"), params["diagnostics"], received)
                    )
                    self._seen.notify_all()
            elif "id" in message:  # a request from the server (window/workDoneProgress/create, ...)
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            else:
                self.notifications.put(message)

    # ---- messages
    def notify(self, method: str, params: Any) -> float:
        return self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        number = next(self._ids)
        with self._lock:
            box = self._responses.setdefault(number, queue.Queue())
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        try:
            message = box.get(timeout=timeout)
        except queue.Empty:
            self._check_alive()
            raise TimeoutError(f"no response to {method} in {timeout} s") from None
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message.get("result")

    def _check_alive(self) -> None:
        if self.process.poll() is not None:
            stderr = self.process.stderr.read().decode() if self.process.stderr else ""
            raise ServerDied(f"the server exited with {self.process.returncode}: {stderr}")

    def wait_diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT) -> list[dict[str, Any]]:
        """The diagnostics published for ``uri`` (for ``version``, when given)."""
        return self.wait_published(uri, version, timeout)[0]

    def wait_published(
        self, uri: str, version: int | None = None, timeout: float = TIMEOUT
    ) -> tuple[list[dict[str, Any]], float]:
        """The diagnostics of ``uri`` (at ``version``) and when they arrived (``perf_counter``)."""
        deadline = time.monotonic() + timeout
        with self._seen:
            while True:
                for got_version, diagnostics, received in reversed(self.diagnostics.get(uri, [])):
                    if version is None or got_version == version:
                        return diagnostics, received
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.process.poll() is not None:
                    self._check_alive()
                    raise TimeoutError(f"no diagnostics for {uri} version {version} in {timeout} s")
                self._seen.wait(min(remaining, 0.5))

    def wait_until(
        self, uri: str, predicate: Callable[[list[dict[str, Any]]], bool], timeout: float = TIMEOUT
    ) -> list[dict[str, Any]]:
        """The first diagnostics published for ``uri`` that satisfy ``predicate``."""
        deadline = time.monotonic() + timeout
        with self._seen:
            while True:
                for _version, diagnostics, _received in self.diagnostics.get(uri, []):
                    if predicate(diagnostics):
                        return diagnostics
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.process.poll() is not None:
                    self._check_alive()
                    raise TimeoutError(f"no matching diagnostics for {uri} in {timeout} s")
                self._seen.wait(min(remaining, 0.5))

    # ---- the conversation
    def initialize(
        self, root: Path = ROOT, options: dict[str, Any] | None = None, encodings: list[str] | None = None
    ) -> dict[str, Any]:
        result = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "capabilities": {
                    "general": {"positionEncodings": encodings or ["utf-16"]},
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
                    },
                },
                "initializationOptions": options or {},
            },
        )
        self.notify("initialized", {})
        return dict(result)

    def open(self, uri: str, text: str, version: int = 1, language: str = "constitution") -> None:
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}},
        )

    def change(self, uri: str, version: int, changes: list[dict[str, Any]]) -> float:
        return self.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}
        )

    def shutdown(self) -> int:
        """``shutdown`` then ``exit``; the server's exit code."""
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.process.wait(timeout=15)
        finally:
            self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def edit(line: int, character: int, end_line: int, end_character: int, text: str) -> dict[str, Any]:
    """An incremental change: replace the range with ``text``."""
    return {
        "range": {
            "start": {"line": line, "character": character},
            "end": {"line": end_line, "character": end_character},
        },
        "text": text,
    }
