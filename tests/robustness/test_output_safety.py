"""Output safety: every string a spec supplies is escaped for the format it lands in.

One constitution and one amendment whose every user string (names, titles, header fields, grounds,
circumstances, waiver reasons, amendment title/proposer/source) is hostile: markup, XML, Markdown,
Mermaid and DOT syntax, quotes, backslashes, line breaks, bidi marks and a very long name. Every verb
runs in every format, and each output must be well-formed and the payload inert: it reaches the
reader as text, never as an element, attribute, link, statement or table cell of its own. Where the
format allows, the output is compared with the same spec under harmless names: hostile names must
not change the structure (the same tags, the same DOT and Mermaid statements).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from constitution_rules.language.printer import quote
from tests.robustness.pipeline import invoke

markdown_it = pytest.importorskip("markdown_it")

HOSTILE = {
    "html": '<script>alert(1)</script>"><img src=x onerror=alert(1)>',
    "xml": "]]><!-- &amp; &lt; \\ back\\slash 'single' \"double\" `tick` -->",
    "md": "# **bold** [x](javascript:alert(1)) | cell | `code` <b>b</b> ![i](x)",
    "mermaid": 'A --> B %%{init: {"theme":"dark"}}%% click n0 call alert(1) ; end\nsubgraph x["y"]',
    "dot": '"] ; node [label="pwned" shape=box]; x -> y [ \\',
    "bidi": "\u202eevil\u200f \u2028line\u2029para {}[]#;| \r\n",
    "long": "W" * 2000,
}
#: The same strings, harmless: the reference the structure of each output is compared with.
BENIGN = {key: f"Plain {key}" for key in HOSTILE}

CONSTITUTION = """constitution {html}
  version {md}
  adopted 2000-01-01
  as-of 2000-01-01
  source {dot}

institution People {mermaid}: electorate
institution President {html_p}: executive, head-of-state, term 5 years waive CB999 {xml}
institution Parliament {md_l}: legislature, seats 100
institution Court {dot_c}: judiciary, constitutional-review, seats 9
institution Gov {bidi}: executive, cabinet
institution Long {long}: ombudsman

article 1 {xml} {{
  People elects President.
  People elects Parliament.
}}
article 2 {html} {{
  President dismisses Court for cause {md}.
  President dissolves Parliament when {mermaid}.
  President issues decrees waive CB999 {dot}.
  President appoints Gov at will.
  President dismisses Gov at will.
  President appoints Court.
  Parliament adopts laws.
  President vetoes laws, overridable by Parliament.
  Long questions Gov.
}}
"""

AMENDMENT = """amendment {html_a}
  amends "base.constitution"
  date 2010-01-01
  status adopted
  proposer {md}
  source {dot}

set version {mermaid}
set as-of 2010-01-01
in article 2 {{
  repeal President issues decrees waive CB999 {dot}.
  insert Parliament dismisses Gov for cause {xml}.
  set title {bidi}
}}
insert article 3 {md} {{
  Court reviews laws.
  President declares emergency when {html}.
}}
"""


def _fields(strings: dict[str, str]) -> dict[str, str]:
    fields = {key: quote(value) for key, value in strings.items()}
    suffixed = {"html_p": ("html", " P"), "md_l": ("md", " L"), "dot_c": ("dot", " C"), "html_a": ("html", " A")}
    fields.update({name: quote(strings[key] + tail) for name, (key, tail) in suffixed.items()})
    return fields


def _write_specs(folder: Path, strings: dict[str, str]) -> Path:
    folder.mkdir()
    fields = _fields(strings)
    (folder / "base.constitution").write_text(CONSTITUTION.format(**fields), encoding="utf-8")
    (folder / "reform.amendment").write_text(AMENDMENT.format(**fields), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def specs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("output-safety")
    return {"hostile": _write_specs(root / "hostile", HOSTILE), "benign": _write_specs(root / "benign", BENIGN)}


def run(folder: Path, *args: str) -> str:
    """A verb over the specs in ``folder`` ({base}, {amendment} and {folder} are filled in)."""
    filled = [
        a.format(base=folder / "base.constitution", amendment=folder / "reform.amendment", folder=folder) for a in args
    ]
    result = invoke(filled)
    assert result.exit_code in (0, 1), f"{filled}: exit {result.exit_code}\n{result.stderr}"
    assert not result.stderr.strip() or result.exit_code == 1, result.stderr
    return result.stdout


# ---- the checks, one per family of formats -----------------------------------------------------


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (_strings(k) + _strings(v))]
    if isinstance(data, list):
        return [s for item in data for s in _strings(item)]
    return []


def assert_round_trips(strings: list[str], *payloads: str) -> None:
    """Each payload comes back, character for character, inside one of the decoded strings."""
    for payload in payloads:
        assert any(payload in s for s in strings), f"{payload!r} does not round-trip"


def check_json(text: str, *payloads: str) -> Any:
    data = json.loads(text)
    assert_round_trips(_strings(data), *payloads)
    return data


ACTIVE_XML = {"script", "foreignObject", "iframe", "img", "object", "embed", "use", "image"}


def check_xml(text: str, *payloads: str) -> ET.Element:
    """Well-formed XML, no element or handler the spec could have injected; payloads as text."""
    root = ET.fromstring(text.encode("utf-8"))
    values: list[str] = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in ACTIVE_XML, f"<{tag}> in the output"
        for name, value in element.attrib.items():
            assert not name.rsplit("}", 1)[-1].lower().startswith("on"), f"event handler {name}={value!r}"
            if name.rsplit("}", 1)[-1] == "href":  # Graphviz wraps tooltips in <a>; never a link from a spec
                assert not value.strip().lower().startswith("javascript:"), f"link {value!r}"
            values.append(value)
        values.extend([element.text or "", element.tail or ""])
    assert_round_trips(values, *payloads)
    return root


class Tags(HTMLParser):
    """Every start tag with its attributes, and the raw text inside each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse_html(text: str) -> Tags:
    parser = Tags()
    parser.feed(text)
    parser.close()
    return parser


def check_html(text: str, reference: str, *payloads: str) -> Tags:
    """No injected element or attribute: the same tags as the page under harmless names."""
    page, plain = parse_html(text), parse_html(reference)
    for tag, attrs in page.tags:
        assert tag not in ("img", "iframe", "object", "embed"), f"<{tag}> injected"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name}={value!r} on <{tag}>"
            assert not (value or "").strip().lower().startswith("javascript:"), f"{name}={value!r}"
    # Long names wrap onto more lines of <text>; every other element must be the same.
    shape = Counter((tag, tuple(sorted(attrs))) for tag, attrs in page.tags if tag not in ("text", "tspan"))
    reference_shape = Counter((tag, tuple(sorted(attrs))) for tag, attrs in plain.tags if tag not in ("text", "tspan"))
    assert shape == reference_shape, f"hostile names changed the page's elements: {shape - reference_shape}"
    assert [attrs for tag, attrs in page.tags if tag == "script"] == [
        attrs for tag, attrs in plain.tags if tag == "script"
    ]
    for script in page.scripts:
        assert "</script" not in script.lower() and "<!--" not in script
    assert_round_trips(page.text + [v or "" for _, attrs in page.tags for v in attrs.values()], *payloads)
    return page


DOT_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<arrow>->)|(?P<punct>[{}\[\];,=])|(?P<id>[A-Za-z_]\w*))'
)


def dot_tokens(text: str) -> list[str]:
    """DOT as tokens, every quoted string as its kind only; fails on anything a tokenizer would not take."""
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = DOT_TOKEN.match(text, position)
        assert match and match.end() > position, f"DOT does not tokenize at {text[position : position + 60]!r}"
        kind = match.lastgroup
        assert kind is not None
        tokens.append("STRING" if kind == "string" else match.group(kind))
        position = match.end()
    return tokens


def dot_strings(text: str) -> list[str]:
    raw = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
    return [re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), s, flags=re.S) for s in raw]


def check_dot(text: str, reference: str, *payloads: str) -> None:
    assert dot_tokens(text) == dot_tokens(reference), "hostile names changed the DOT statements"
    assert_round_trips(dot_strings(text), *payloads)
    if shutil.which("dot"):
        result = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        check_xml(result.stdout[result.stdout.index("<svg") :])


MERMAID_LABEL = re.compile(r'"([^"]*)"')


def check_mermaid(text: str, reference: str) -> None:
    """Every label quoted, with the characters Mermaid reads written as entity codes."""
    lines, plain = text.splitlines(), reference.splitlines()
    assert len(lines) == len(plain), "hostile names added or removed Mermaid lines"
    for line, reference_line in zip(lines, plain, strict=True):
        skeleton = MERMAID_LABEL.sub('""', line)
        if line.startswith("%%"):
            assert "%%{" not in line[2:] and "\n" not in line
            continue
        assert skeleton == MERMAID_LABEL.sub('""', reference_line), f"statement changed: {line[:120]!r}"
        for label in MERMAID_LABEL.findall(line):
            for bad in ("<", ">", "`", "%%", "\u2028", "\u2029", "\r"):
                assert bad not in label, f"{bad!r} unescaped in Mermaid label {label[:80]!r}"
            assert not re.search(r"#(?!\w+;)", label), f"a bare # in {label[:80]!r}"


def render_markdown(text: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable("table").render(text)


def mermaid_blocks(text: str) -> list[str]:
    return re.findall(r"```mermaid\n(.*?)```", text, flags=re.S)


def check_markdown(text: str, reference: str) -> None:
    """Rendered as GitHub would (CommonMark + tables): the same elements as under harmless names,
    no raw HTML, no link or image from spec text, and every table row as wide as its header."""
    page, plain = parse_html(render_markdown(text)), parse_html(render_markdown(reference))
    tags = Counter(tag for tag, _ in page.tags)
    assert tags == Counter(tag for tag, _ in plain.tags), f"structure changed: {tags}"
    assert not {"a", "img", "script", "b"} & set(tags)
    html = render_markdown(text)
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in re.findall(r"<tr>.*?</tr>", table, flags=re.S)}
        assert len(widths) == 1, f"table rows of different widths {widths}"
    for block, reference_block in zip(mermaid_blocks(text), mermaid_blocks(reference), strict=True):
        check_mermaid(block, reference_block)


# ---- every verb in every format ----------------------------------------------------------------

PAYLOADS = (HOSTILE["html"], HOSTILE["dot"], HOSTILE["mermaid"], HOSTILE["bidi"].strip())


def both(specs: dict[str, Path], *args: str) -> tuple[str, str]:
    return run(specs["hostile"], *args), run(specs["benign"], *args)


def test_hostile_specs_parse_and_mean_what_they_say(specs: dict[str, Path]) -> None:
    data = check_json(
        run(specs["hostile"], "parse", "--format", "json", "{base}"), *PAYLOADS, HOSTILE["long"], HOSTILE["xml"]
    )
    assert data["name"] == HOSTILE["html"]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_check_json_and_sarif_round_trip(specs: dict[str, Path], fmt: str) -> None:
    check_json(run(specs["hostile"], "check", "--show-waived", "--format", fmt, "{base}"), HOSTILE["html"] + " P")


def test_check_markdown(specs: dict[str, Path]) -> None:
    check_markdown(*both(specs, "check", "--show-waived", "--format", "markdown", "{base}"))


def test_check_text_keeps_one_finding_per_line(specs: dict[str, Path]) -> None:
    hostile, benign = both(specs, "check", "--format", "text", "{base}")
    assert hostile.count("\n") == benign.count("\n")


@pytest.mark.parametrize("fmt", ["svg", "graphml", "gexf"])
def test_graph_xml_formats(specs: dict[str, Path], fmt: str) -> None:
    check_xml(run(specs["hostile"], "graph", "--format", fmt, "{base}"), HOSTILE["html"] + " P")


def test_graph_svg_with_dot_layout(specs: dict[str, Path]) -> None:
    if not shutil.which("dot"):
        pytest.skip("Graphviz's dot is not installed")
    check_xml(run(specs["hostile"], "graph", "--layout", "dot", "--format", "svg", "{base}"))


def test_graph_html(specs: dict[str, Path]) -> None:
    hostile, benign = both(specs, "graph", "--format", "html", "{base}")
    page = check_html(hostile, benign, HOSTILE["html"] + " P")
    embedded = [s for (tag, attrs), s in zip([t for t in page.tags if t[0] == "script"], page.scripts, strict=True)]
    data = [
        json.loads(s)
        for s, (_, attrs) in zip(embedded, [t for t in page.tags if t[0] == "script"], strict=True)
        if attrs.get("type") == "application/json"
    ]
    assert data, "no embedded graph data"
    assert_round_trips(_strings(data), *PAYLOADS, HOSTILE["long"])


def test_graph_json(specs: dict[str, Path]) -> None:
    check_json(run(specs["hostile"], "graph", "--format", "json", "{base}"), *PAYLOADS)


def test_graph_dot(specs: dict[str, Path]) -> None:
    check_dot(*both(specs, "graph", "--format", "dot", "{base}"), HOSTILE["html"] + " P", HOSTILE["dot"] + " C")


def test_graph_mermaid(specs: dict[str, Path]) -> None:
    check_mermaid(*both(specs, "graph", "--format", "mermaid", "{base}"))


def test_apply_round_trips_the_strings(specs: dict[str, Path]) -> None:
    amended = run(specs["hostile"], "apply", "{base}", "{amendment}")
    path = specs["hostile"] / "amended.constitution"
    path.write_text(amended, encoding="utf-8")
    data = check_json(
        run(specs["hostile"], "parse", "--format", "json", str(path)), HOSTILE["html"], HOSTILE["mermaid"]
    )
    assert data["version"] == HOSTILE["mermaid"]


def test_diff_text(specs: dict[str, Path]) -> None:
    hostile, benign = both(specs, "diff", "--format", "text", "{base}", "{amendment}")
    assert hostile.count("\n") == benign.count("\n")


def test_diff_json(specs: dict[str, Path]) -> None:
    check_json(run(specs["hostile"], "diff", "--format", "json", "{base}", "{amendment}"), HOSTILE["html"] + " A")


def test_diff_markdown(specs: dict[str, Path]) -> None:
    check_markdown(*both(specs, "diff", "--format", "markdown", "{base}", "{amendment}"))


def test_diff_html(specs: dict[str, Path]) -> None:
    hostile, benign = both(specs, "diff", "--format", "html", "{base}", "{amendment}")
    check_html(hostile, benign, HOSTILE["html"] + " A")


def test_history_formats_and_chart(specs: dict[str, Path], tmp_path: Path) -> None:
    for fmt in ("text", "markdown"):
        hostile, benign = both(specs, "history", "--format", fmt, "{folder}")
        assert hostile.count("\n") == benign.count("\n")
        if fmt == "markdown":
            check_markdown(hostile, benign)
    check_json(run(specs["hostile"], "history", "--format", "json", "{folder}"), HOSTILE["md"], HOSTILE["html"] + " A")
    chart = tmp_path / "chart.svg"
    run(specs["hostile"], "history", "--chart", str(chart), "{folder}")
    check_xml(chart.read_text(encoding="utf-8"))


def test_compare_formats(specs: dict[str, Path]) -> None:
    hostile, benign = both(specs, "compare", "--format", "text", "{base}", "{amendment}")
    assert hostile.count("\n") == benign.count("\n")
    check_markdown(*both(specs, "compare", "--format", "markdown", "{base}", "{amendment}"))
    compared = run(specs["hostile"], "compare", "--format", "json", "{base}", "{amendment}")
    check_json(compared, quote(HOSTILE["dot"])[1:-1])  # clauses are quoted as the language quotes them


def test_metrics_formats(specs: dict[str, Path]) -> None:
    hostile, benign = both(specs, "metrics", "--format", "text", "{base}")
    assert hostile.count("\n") == benign.count("\n")
    check_json(run(specs["hostile"], "metrics", "--format", "json", "{base}"))
