"""Text -> :class:`Constitution`. Lark's exceptions become :class:`ConstitutionError`."""

from __future__ import annotations

import os
import re
import stat

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from constitution_rules.language.errors import ConstitutionError, Diagnostic, did_you_mean, line_of
from constitution_rules.language.grammar import CONSTITUTION_START, build_parser
from constitution_rules.language.semantics import Resolver
from constitution_rules.language.transformer import RawFile, ToRaw
from constitution_rules.model import Constitution
from constitution_rules.vocabulary import INSTRUMENTS, KINDS, VERBS

#: How a terminal is described in "expected ..." messages.
_TERMINAL_WORDS = {
    "NAME": "a name",
    "STRING": 'a quoted string ("...")',
    "INT": "a number",
    "DATE": "a date (YYYY-MM-DD)",
    "ARTNUM": "an article number",
    "FRACTION": "a fraction such as 2/3",
    "$END": "the end of the file",
}

_KEYWORDS_BY_CONTEXT = [*VERBS, *KINDS, *INSTRUMENTS]


#: The suffix of constitution files (amendments: AMENDMENT_SUFFIX in amendment_parser).
CONSTITUTION_SUFFIX = ".constitution"

#: Inputs larger than this are refused with a message rather than read into memory.
MAX_SOURCE_BYTES = 32 * 1024 * 1024


def read_source(path: str | os.PathLike[str]) -> str:
    """Read a source file as UTF-8 (a byte-order mark is allowed); bad bytes are a clear error.

    Only regular files are read (a FIFO would block and a device such as /dev/zero never ends),
    and only up to MAX_SOURCE_BYTES."""
    name = str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise ConstitutionError([Diagnostic(name, 1, 1, "is not a regular file (a device, FIFO or socket)")])
        if info.st_size > MAX_SOURCE_BYTES:
            limit = MAX_SOURCE_BYTES // (1024 * 1024)
            raise ConstitutionError([Diagnostic(name, 1, 1, f"is larger than the {limit} MiB limit for a source file")])
        with open(path, "rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise ConstitutionError([Diagnostic(name, 1, 1, "no such file")]) from None
    except IsADirectoryError:
        raise ConstitutionError([Diagnostic(name, 1, 1, "is a directory, not a file")]) from None
    except OSError as exc:
        raise ConstitutionError([Diagnostic(name, 1, 1, f"cannot read: {exc.strerror}")]) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise ConstitutionError([Diagnostic(name, 1, 1, "grew past the size limit while being read")])
    return decode_source(data, name)


def decode_source(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ConstitutionError(
            [
                Diagnostic(
                    name,
                    line,
                    column,
                    f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                    help="save the file as UTF-8",
                )
            ]
        ) from None


def parse_file(path: str | os.PathLike[str]) -> Constitution:
    return parse_text(read_source(path), str(path))


def parse_text(text: str, filename: str = "<string>") -> Constitution:
    """Parse and check a constitution; raises :class:`ConstitutionError` with every problem found."""
    raw = parse_raw(text, filename)
    return Resolver(raw, text, filename).resolve()


def parse_raw(text: str, filename: str = "<string>") -> RawFile:
    # The tree is dropped as soon as the raw objects exist: only the model lives on.
    return ToRaw().transform(parse_tree(text, filename))


def parse_tree(text: str, filename: str = "<string>", start: str = CONSTITUTION_START) -> Tree[Token]:
    """Lark's parse tree of a constitution (or, with ``start``, an amendment), or every syntax
    error found as one :class:`ConstitutionError`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ConstitutionError([Diagnostic(filename, line, 1, "the file contains a NUL byte; is it a text file?")])
    parser = build_parser(start=start)
    recovery = _Recovery(text, filename, parser)
    try:
        tree = parser.parse(text, on_error=recovery)
    except UnexpectedInput as exc:
        recovery.record(exc)
        raise ConstitutionError(recovery.diagnostics) from None
    if recovery.diagnostics:
        raise ConstitutionError(recovery.diagnostics)
    _check_number_sizes(tree, text, filename)
    return tree


#: The longest number a file may write: more than any count a constitution needs, and far below
#: Python's int-string limit (4,300 digits), past which converting it would fail.
MAX_NUMBER_DIGITS = 12


def _check_number_sizes(tree: Tree[Token], text: str, filename: str) -> None:
    """Every number token fits MAX_NUMBER_DIGITS: a located error, not a failure in conversion."""
    numbers = tree.scan_values(lambda v: isinstance(v, Token) and v.type in ("INT", "FRACTION"))
    problems = [
        Diagnostic(
            filename,
            token.line or 1,
            token.column or 1,
            f"number too long ({len(token)} characters; a count or a fraction has at most {MAX_NUMBER_DIGITS} digits)",
            width=min(len(token), 40),
            source_line=line_of(text, token.line or 1),
        )
        for token in numbers
        if max(len(part) for part in str(token).split("/")) > MAX_NUMBER_DIGITS
    ]
    if problems:
        raise ConstitutionError(problems)


class _Recovery:
    """Lark ``on_error`` handler: a missing full stop is repaired (a full stop is inserted) and
    parsing goes on to find further errors; any other syntax error stops the parse, since guessing
    past it would report a cascade of errors that are not there."""

    MAX_ERRORS = 20

    def __init__(self, text: str, filename: str, parser: Lark):
        self.text = text
        self.filename = filename
        self.parser = parser
        self.diagnostics: list[Diagnostic] = []
        self._lines: set[int] = set()

    def record(self, exc: UnexpectedInput, diagnostic: Diagnostic | None = None) -> None:
        diagnostic = diagnostic or syntax_diagnostic(exc, self.text, self.filename, self.parser)
        if diagnostic.line not in self._lines and len(self.diagnostics) < self.MAX_ERRORS:
            self._lines.add(diagnostic.line)
            self.diagnostics.append(diagnostic)

    def __call__(self, exc: UnexpectedInput) -> bool:
        if len(self.diagnostics) >= self.MAX_ERRORS - 1 or not isinstance(exc, UnexpectedToken):
            return False
        interactive = exc.interactive_parser
        if "DOT" not in interactive.accepts():  # type: ignore[no-untyped-call]
            return False
        # Repair only where a full stop really is what is missing: after it, the token must fit.
        trial = interactive.copy()  # type: ignore[no-untyped-call]
        trial.feed_token(Token("DOT", "."))
        if exc.token.type not in trial.accepts():
            return False
        self.record(exc, article_word(self.text, exc.token, self.filename) or self._missing_full_stop(exc.token))
        interactive.feed_token(Token("DOT", "."))
        interactive.feed_token(exc.token)
        return True

    def _missing_full_stop(self, token: Token) -> Diagnostic:
        """Point just after the clause that lacks its full stop, not at the next line's first word."""
        end = (token.start_pos or 0) - 1
        while end >= 0 and self.text[end].isspace():
            end -= 1
        line_start = self.text.rfind("\n", 0, end + 1) + 1
        line_text = self.text[line_start : self.text.find("\n", line_start) % (len(self.text) + 1)]
        if "#" in line_text:  # the line ends in a comment: point at the next token instead
            line, column = token.line or 1, token.column or 1
        else:
            line, column = self.text.count("\n", 0, line_start) + 1, end - line_start + 2
        return Diagnostic(
            self.filename,
            line,
            column,
            "missing full stop at the end of the clause",
            help="a clause ends with '.'",
            source_line=line_of(self.text, line),
        )


def syntax_diagnostic(exc: UnexpectedInput, text: str, filename: str, parser: Lark | None = None) -> Diagnostic:
    line = exc.line if isinstance(exc.line, int) and exc.line > 0 else text.count("\n") + 1
    column = exc.column if isinstance(exc.column, int) and exc.column > 0 else 1
    expected = _expected_words(exc, parser or build_parser())
    hint = None
    width = 1
    if isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        token: Token = exc.token
        width = len(str(token))
        found = f"'{token}'"
        if isinstance(exc, UnexpectedEOF):
            found = "the end of the file"
        keyword_like = [w for w in expected if w.startswith("'")]
        hint = did_you_mean(str(token), [w.strip("'") for w in keyword_like] + _KEYWORDS_BY_CONTEXT)
        message = f"unexpected {found}"
    elif isinstance(exc, UnexpectedCharacters):
        position = exc.pos_in_stream or 0
        char = text[position] if 0 <= position < len(text) else ""
        message = f"unexpected character {char!r}"
        if char == '"':
            message = "unterminated string"
            hint = 'close the string with " on the same line'
    else:
        message = "unexpected end of the file"
        lines = text.splitlines()
        line = max(1, len(lines))
        column = len(lines[-1]) + 1 if lines else 1
    statements = _statements_expected(expected)
    if statements:
        message += "; expected a statement: " + ", ".join(statements)
    elif expected:
        message += "; expected " + _join_or(expected)
    if isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        article = article_word(text, exc.token, filename)
        if article is not None:
            return article
    if hint is None:
        hint = _misspelt_statement_keyword(text, exc)
    if hint is None and "'.'" in expected:
        hint = "a clause ends with a full stop"
    return Diagnostic(filename, line, column, message, width=width, help=hint, source_line=line_of(text, line))


#: What may start a statement of an amendment, in full (the parser expects only the first word).
AMENDMENT_STATEMENTS = (
    "insert article",
    "substitute article",
    "repeal article",
    "renumber article",
    "in article",
    "insert institution",
    "repeal institution",
    "rename institution",
    "change institution",
    "set version",
    "set as-of",
    "set adopted",
    "set source",
)
#: What may stand inside ``in article N { ... }``.
ARTICLE_OPERATIONS = (
    "insert STATEMENT.",
    "insert STATEMENT. after STATEMENT.",
    "insert STATEMENT. before STATEMENT.",
    "repeal STATEMENT.",
    "substitute STATEMENT. by STATEMENT.",
    "set title",
    "set text",
    "repeal text",
    "'}'",
)


def _statements_expected(expected: list[str]) -> tuple[str, ...]:
    """In an amendment, the statements that may start where the parser stopped, in full."""
    if "'renumber'" in expected:
        header = (
            ("a header field (amends, date, status, proposer, source, in-force)",) if "'amends'" in expected else ()
        )
        return header + AMENDMENT_STATEMENTS + (("the end of the file",) if "the end of the file" in expected else ())
    if "'insert'" in expected and "'}'" in expected:
        return ARTICLE_OPERATIONS
    return ()


_ARTICLES = frozenset({"the", "a", "an"})


def article_word(text: str, token: Token, filename: str) -> Diagnostic | None:
    """``People elects the President``: the English article before a name reads as the name; say so."""
    start = token.start_pos or 0
    before = text[:start].rstrip()
    match = re.search(r"([A-Za-z-]+)\s+([A-Za-z]+)$", before)
    if match is None or match.group(2).lower() not in _ARTICLES:
        return None
    word = match.group(2)
    position = start - (len(text[:start]) - len(before)) - len(word)
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return Diagnostic(
        filename,
        line,
        column,
        f"unexpected '{word}' before '{token}': names take no article",
        width=len(word),
        help=f"drop the article: '{match.group(1)} {token}'",
        source_line=line_of(text, line),
    )


_STATEMENT_KEYWORDS = (
    "article",
    "institution",
    "constitution",
    "amendment",
    "insert",
    "substitute",
    "repeal",
    "renumber",
    "rename",
    "change",
)


def _misspelt_statement_keyword(text: str, exc: UnexpectedInput) -> str | None:
    """A misspelt ``article`` after an institution reads as one more kind; say what was meant."""
    position = exc.pos_in_stream if isinstance(exc.pos_in_stream, int) else len(text)
    words = re.findall(r"[A-Za-z][A-Za-z-]*", text[max(0, position - 200) : position + 1])
    for word in reversed(words[-2:]):
        if word not in _STATEMENT_KEYWORDS and word not in KINDS:
            hint = did_you_mean(word, _STATEMENT_KEYWORDS)
            if hint:
                return hint
    return None


def _expected_words(exc: UnexpectedInput, parser: Lark) -> list[str]:
    names: set[str] = set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    patterns = {t.name: t.pattern for t in parser.terminals}
    words = set()
    for name in names:
        if name in _TERMINAL_WORDS:
            words.add(_TERMINAL_WORDS[name])
        elif name in patterns and patterns[name].type == "str":
            words.add(f"'{patterns[name].value}'")
        elif name in patterns:
            words.add(name.lower())
    return sorted(words, key=lambda w: (w.startswith("'"), w))


def _join_or(words: list[str]) -> str:
    # In full: a list cut off hides the very statement a drafter was looking for.
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
