from __future__ import annotations

from constitution_rules.language.grammar import build_parser, grammar_path


def test_grammar_builds_strict():
    """strict=True refuses shift/reduce conflicts and terminal collisions."""
    parser = build_parser(strict=True)
    assert parser.options.parser == "lalr"
    assert parser.options.lexer == "contextual"
    assert parser.options.propagate_positions


def test_grammar_file_is_the_one_in_grammar_dir():
    assert grammar_path().name == "constitution.lark"
