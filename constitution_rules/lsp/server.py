"""The pygls wiring: documents in, diagnostics and answers out. The only module that imports pygls.

Analysis runs on one worker thread, newest version first: while a document is being checked,
further edits only replace what is waiting, so a burst of typing costs one more check, not one per
keystroke, and a stale result is never published over a newer one. Every handler answers from the
text it has now and the newest analysis; none of them can stop the server on bad input.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from constitution_rules import __version__
from constitution_rules.lsp import actions, completion, navigation
from constitution_rules.lsp import hover as hovering
from constitution_rules.lsp.analysis import Analysis, analyse, kind_of, read_file
from constitution_rules.lsp.diagnostics import default_rule_docs, diagnostics
from constitution_rules.lsp.incremental import StatementCache
from constitution_rules.lsp.positions import Encoding, LineIndex

LOG = logging.getLogger("constitution_rules.lsp")
#: How long the worker waits for diagnostics to be written before it collects garbage anyway.
COLLECT_AFTER_S = 5.0


def path_of(uri: str) -> str:
    """The file a ``file:`` URI names; any other URI (``untitled:``) stands for itself."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return uri


class Documents:
    """The open documents' texts and their newest analyses, shared by the handlers and the worker."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.texts: dict[str, tuple[str, int]] = {}  # uri -> (text, version)
        self.analyses: dict[str, Analysis] = {}
        self.last_model: dict[str, Analysis] = {}  # the newest analysis that had a model
        self.statements: dict[str, StatementCache] = {}  # per document, used by the worker only

    def text(self, uri: str) -> str | None:
        found = self.texts.get(uri)
        return found[0] if found else None

    def read(self, path: str) -> str:
        """A file's text: its open buffer if there is one (unsaved edits count), else the disk's."""
        text = self.text(Path(path).resolve().as_uri())
        return text if text is not None else read_file(path)


class ConstitutionServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("constitution-rules", __version__)
        self.documents = Documents()
        self.rule_docs: str | None = default_rule_docs()
        self.loop: asyncio.AbstractEventLoop | None = None
        self._pending: dict[str, tuple[str, int]] = {}
        self._wake = threading.Condition()
        self._worker = threading.Thread(target=self._work, name="constitution-rules-analysis", daemon=True)
        self._worker.start()

    @property
    def encoding(self) -> Encoding:
        negotiated = getattr(self.workspace, "position_encoding", None)
        value = str(getattr(negotiated, "value", negotiated) or "utf-16")  # an enum of lsprotocol, or a string
        return value if value in ("utf-8", "utf-32") else "utf-16"  # type: ignore[return-value]

    # ---- the analysis worker
    def schedule(self, uri: str) -> None:
        found = self.documents.texts.get(uri)
        if found is None:
            return
        with self._wake:
            self._pending[uri] = found
            self._wake.notify()

    def _work(self) -> None:
        while True:
            with self._wake:
                while not self._pending:
                    self._wake.wait()
                uri = next(iter(self._pending))
                text, version = self._pending.pop(uri)
            # The cyclic collector is paused while a document is analysed: a check allocates
            # hundreds of thousands of objects, and each collection they set off would walk every
            # model in memory (more than half the time of a 10,000-clause check). It runs when the
            # diagnostics are out and nothing waits; reference counting frees the rest as usual.
            gc.disable()
            sent: threading.Event | None = None
            try:
                sent = self._analyse(uri, text, version)
            except Exception:
                LOG.exception("analysis of %s failed", uri)
            finally:
                gc.enable()
            if sent is not None:
                sent.wait(COLLECT_AFTER_S)
            with self._wake:
                idle = not self._pending
            if idle:
                gc.collect()

    def _analyse(self, uri: str, text: str, version: int) -> threading.Event | None:
        """Analyse one version and hand its diagnostics to the event loop; the event is set once
        they have been written (None: nothing to publish)."""
        statements = self.documents.statements.setdefault(uri, StatementCache())
        analysis = analyse(text, path_of(uri), reader=self.documents.read, statements=statements)
        published = diagnostics(analysis, uri, self.encoding, self.rule_docs)
        with self._wake:
            newer = uri in self._pending
        current = self.documents.texts.get(uri)
        if newer or current is None or current[1] != version:
            return None  # a newer version is on its way, or the document was closed
        self.documents.analyses[uri] = analysis
        if analysis.constitution is not None:
            self.documents.last_model[uri] = analysis
        params = types.PublishDiagnosticsParams(uri=uri, diagnostics=published, version=version)
        if self.loop is None:
            return None
        sent = threading.Event()

        def publish() -> None:
            try:
                self.text_document_publish_diagnostics(params)
            finally:
                sent.set()

        self.loop.call_soon_threadsafe(publish)
        return sent

    def opened(self, uri: str, text: str, version: int) -> None:
        self.documents.texts[uri] = (text, version)
        self.schedule(uri)
        if kind_of(path_of(uri)) == "constitution":  # amendments of this base see its unsaved text
            for other in list(self.documents.texts):
                if other != uri and kind_of(path_of(other)) == "amendment":
                    self.schedule(other)

    def closed(self, uri: str) -> None:
        self.documents.texts.pop(uri, None)
        self.documents.analyses.pop(uri, None)
        self.documents.last_model.pop(uri, None)
        self.documents.statements.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def state(self, uri: str) -> tuple[str, Analysis, Analysis | None, LineIndex] | None:
        """The text, the newest analysis, the newest one with a model, and a line index, for a request.

        The analysis may be of an older version while the worker catches up: requests read words
        from the current text and only meanings from the analysis, so they need not wait for it."""
        text = self.documents.text(uri)
        if text is None:
            return None
        analysis = self.documents.analyses.get(uri)
        if analysis is None:
            analysis = analyse(text, path_of(uri), reader=self.documents.read)
        return text, analysis, self.documents.last_model.get(uri), LineIndex(text, self.encoding)


def create_server() -> ConstitutionServer:
    server = ConstitutionServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ConstitutionServer, params: types.InitializeParams) -> None:
        ls.loop = asyncio.get_running_loop()
        options: Any = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("ruleDocsUrl"), str):
            ls.rule_docs = options["ruleDocsUrl"] or None

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ConstitutionServer, params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        ls.opened(doc.uri, doc.text, doc.version)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ConstitutionServer, params: types.DidChangeTextDocumentParams) -> None:
        document = ls.workspace.get_text_document(params.text_document.uri)  # pygls applied the edits
        ls.opened(document.uri, document.source, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ConstitutionServer, params: types.DidSaveTextDocumentParams) -> None:
        for uri in list(ls.documents.texts):  # a saved config or base may change any document's result
            ls.schedule(uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: ConstitutionServer, params: types.DidChangeWatchedFilesParams) -> None:
        for uri in list(ls.documents.texts):  # a changed config or base, saved outside the editor
            ls.schedule(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ConstitutionServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ConstitutionServer, params: types.HoverParams) -> types.Hover | None:
        state = ls.state(params.text_document.uri)
        if state is None:
            return None
        text, analysis, model, index = state
        return hovering.hover(analysis, model, text, index.offset(params.position), index)

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: ConstitutionServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        uri = params.text_document.uri
        text = ls.documents.text(uri)
        if text is None:
            return None
        return actions.format_edits(text, path_of(uri), kind_of(path_of(uri)), LineIndex(text, ls.encoding))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: ConstitutionServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        state = ls.state(params.text_document.uri)
        if state is None:
            return None
        text, analysis, _model, index = state
        if analysis.text != text:
            return []  # offsets of an older version; the client asks again when the new diagnostics arrive
        return actions.code_actions(analysis, params.text_document.uri, list(params.context.diagnostics), index)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ConstitutionServer, params: types.DefinitionParams) -> list[types.Location] | None:
        state = ls.state(params.text_document.uri)
        if state is None:
            return None
        text, analysis, model, index = state
        return navigation.definition(
            analysis, model, params.text_document.uri, text, index.offset(params.position), index
        )

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ConstitutionServer, params: types.ReferenceParams) -> list[types.Location] | None:
        state = ls.state(params.text_document.uri)
        if state is None:
            return None
        text, analysis, model, index = state
        include = params.context.include_declaration
        return navigation.references(
            analysis, model, params.text_document.uri, text, index.offset(params.position), index, include
        )

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: ConstitutionServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        state = ls.state(params.text_document.uri)
        if state is None:
            return []
        text, analysis, _model, index = state
        return navigation.document_symbols(analysis, text, index)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=[" ", "("]),
    )
    def complete(ls: ConstitutionServer, params: types.CompletionParams) -> types.CompletionList | None:
        state = ls.state(params.text_document.uri)
        if state is None:
            return None
        text, analysis, model, index = state
        items = completion.complete(analysis, model, text, index.offset(params.position))
        return types.CompletionList(is_incomplete=False, items=items)

    return server


def serve_stdio() -> None:
    from constitution_rules.language.grammar import build_parser
    from constitution_rules.rules.registry import all_rules

    logging.basicConfig(level=logging.WARNING, format="constitution-rules lsp: %(levelname)s: %(message)s")
    server = create_server()
    build_parser()  # the grammar and the rule catalogue load once, before the first document
    all_rules()
    gc.freeze()  # what is loaded now lives as long as the server: no collection need walk it again
    server.start_io()
