"""The ``lsp`` verb: the language server over standard input and output (needs the ``lsp`` extra)."""

from __future__ import annotations

import click

MISSING = (
    "the language server needs pygls, which is not installed; install the extra:\n"
    "  pip install 'constitution-rules[lsp]'"
)


@click.command("lsp")
def lsp_command() -> None:
    """Run the language server over standard input and output (for editors).

    Diagnostics as you type (syntax and meaning errors, rule findings), hover, go to definition,
    references, outline, completion, formatting and quick fixes, for .constitution and .amendment
    files. See docs/editors.md. Needs the extra: pip install 'constitution-rules[lsp]'.

    \b
    Examples:
      constitution-rules lsp
    """
    try:
        import pygls  # noqa: F401
    except ImportError:
        raise click.ClickException(MISSING) from None
    from constitution_rules.lsp.server import serve_stdio

    serve_stdio()
