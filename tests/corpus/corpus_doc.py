"""Write docs/corpus.md from the specs (versions, dates, counts) and the review summaries below:
``python -m tests.corpus.corpus_doc`` from the top of a checkout, after a spec changes."""

from __future__ import annotations

from pathlib import Path

from constitution_rules.amendments import load_amendment
from constitution_rules.language.parser import parse_file

REVIEWS = {
    "brazil": (
        "Official Portuguese text (planalto.gov.br) rebuilt amendment by amendment, GitHub `abjur/constituicao` @ a27de9c (EC 56 of 20 December 2007)",
        "every clause re-read against the text; seven fixes",
        "seat totals, how some majorities are counted, the Central Bank head and military commanders serving at will",
    ),
    "france": (
        "Official English translation (Conseil constitutionnel / Assemblée nationale), Constitute copy in `Chasen-Jeffries/Constitutions_NLP`; the 2007 wording rebuilt by undoing the law of 23 July 2008",
        "every clause re-read; six fixes",
        "the 2007 paragraphs the 2008 law later changed are [K] (no 2007 text retrieved)",
    ),
    "georgia": (
        "Venice Commission English text of the Constitution as amended in February 2004 (CDL(2004)041): only its front matter was retrievable",
        "second read against secondary sources quoting the text (civil.ge, geowel.org), not the text itself",
        "most clauses are [K] or [N]: **unverified until checked against CDL(2004)041**",
    ),
    "germany": (
        "Official German text: gesetze-im-internet.de as of 2 July 2012 (`bundestag/gesetze` @ 8e9e7a1) and the amendment history of `c3e/grundgesetz-dev` (patches 1-52 = text of 1 September 2006), cross-checked article by article",
        "every clause re-read against the German text; five fixes",
        "six clauses rest partly on statute, tagged [K] (e.g. the two-thirds majorities for Constitutional Court judges, BVerfGG)",
    ),
    "kazakhstan": (
        "Official Russian text (adilet.zan.kz, as in force 2023-25, with its amendment footnotes); the adopted 2026 text; the 1995 text and each amendment law",
        "2022 read clause by clause against the official Russian text; 1995 and the chain checked against the footnotes; errors listed in REVIEW.md fixed, missing powers encoded",
        "provisions whose date of entry could not be fixed are placed at the first version a source shows (REVIEW.md)",
    ),
    "mexico": (
        "Cámara de Diputados consolidated text with its reform history (`ceyusa/constitucion-mexicana` @ 0611b83) and the decree-by-decree reconstruction at DOF 13-11-2007",
        "all clauses re-read; two fixes",
        "paragraphs reformed after 2007 whose 2007 wording had to be rebuilt are [K]",
    ),
    "russia": (
        "Official English translation of 1993 (constitution.ru) and the official consolidated Russian text (pravo.gov.ru, GitHub copy) naming the law behind each provision; amendment laws of 2008, 2014 and 2020",
        "all clauses and every amendment operation re-read; fixes listed in REVIEW.md",
        "1993 wording changed in 2008/2014 that could not be seen is [K]",
    ),
    "ukraine": (
        "Official text (zakon.rada.gov.ua), a 2019 consolidation; the 2004 wording rebuilt from the 2014 law that restored it",
        "all clauses re-read; fixes listed in REVIEW.md",
        "wording replaced by the 2016 judicial reform (Arts. 126-131, 148-151) and the pre-2019 immunity clause are [K]",
    ),
    "united-states": (
        "Constitute Project text in `Chasen-Jeffries/Constitutions_NLP` @ cefbdbb (the National Archives transcription); no amendment between 1992 and 2007",
        "all clauses re-read; three fixes",
        "implied powers from case law (judicial review, investigation, removal) are [K]; Federal Reserve, GAO and FEC are statutory",
    ),
}


INTRO = [
    "# The corpus: specs, sources and reviews",
    "",
    "Every spec encodes one version of a constitution, cited article by article. Each clause carries a",
    "tag: **[T]** read in the text named in the spec's header, **[N]** from a secondary source that quotes",
    "or describes the text, **[K]** background knowledge (statute, case law or a reconstruction) not",
    "confirmed in a retrieved text. Each country's `REVIEW.md` is its fidelity record: the sources and",
    "version dates, the second read clause by clause, what was wrong and how it was fixed, and which",
    "Parliamentary Powers Index items the text decides.",
    "",
    "`constitution-rules corpus specs/` measures them side by side (`--format html` draws each one).",
    "",
    "## Specs",
    "",
    "| file | version | as of | clauses | articles |",
    "|---|---|---|---:|---:|",
]
OUTRO = [
    "## What the language still cannot say",
    "",
    "Facts no form of the language can state are kept as comments under their article, with the reason",
    "(succession and acting office-holders, policy direction, the admission of new states, the effect of",
    "court decisions); each REVIEW.md lists them.",
]


def rows() -> list[str]:
    out = []
    for folder in sorted(p for p in Path("specs").iterdir() if p.is_dir()):
        for spec in sorted(folder.glob("*.constitution")):
            c = parse_file(spec)
            when = c.as_of or c.adopted or ""
            out.append(f"| `{spec}` | {c.version or ''} | {when} | {len(c.clauses)} | {len(c.provisions)} |")
        for path in sorted(folder.glob("amendments/*.amendment")):
            header = load_amendment(path).header
            out.append(f"| `{path}` | amendment: {header.title} ({header.status}) | {header.date or ''} | | |")
    return out


def main() -> None:
    out = [*INTRO, *rows(), ""]
    out += [
        "The counts are those of the files as they are; `tests/corpus/test_corpus_doc.py` keeps this table",
        "in step with them (`python -m tests.corpus.corpus_doc` rewrites this page).",
        "",
        "## Sources and reviews",
        "",
    ]
    for name, (source, review, limits) in sorted(REVIEWS.items()):
        out += [
            f"### {name.replace('-', ' ').title()}",
            "",
            f"- **Source:** {source}.",
            f"- **Review:** {review} ([REVIEW.md](../specs/{name}/REVIEW.md)).",
            f"- **What rests on less than the text:** {limits}.",
            "",
        ]
    Path("docs/corpus.md").write_text("\n".join([*out, *OUTRO]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
