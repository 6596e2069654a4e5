"""The ``constitution-rules`` command: verbs wired to the pipeline stages, loaded lazily.

Each verb lives in its own module and is imported only when it runs, so ``fmt`` never pays for
networkx and ``--help`` pays for nothing. Exit codes: 0 clean, 1 findings or changes, 2 bad input
or usage.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from constitution_rules import __version__

#: verb -> "module:attribute" of its click command; add a verb by adding a line here.
COMMANDS: dict[str, str] = {
    "parse": "constitution_rules.cli.language:parse_command",
    "fmt": "constitution_rules.cli.language:fmt_command",
    "schema": "constitution_rules.cli.language:schema_command",
    "coverage": "constitution_rules.cli.language:coverage_command",
    "graph": "constitution_rules.cli.graph:graph_command",
    "apply": "constitution_rules.cli.amend:apply_command",
    "diff": "constitution_rules.cli.amend:diff_command",
    "history": "constitution_rules.cli.amend:history_command",
    "compare": "constitution_rules.cli.amend:compare_command",
    "check": "constitution_rules.cli.check:check_command",
    "rules": "constitution_rules.cli.check:rules_command",
    "explain": "constitution_rules.cli.check:explain_command",
    "metrics": "constitution_rules.cli.metrics:metrics_command",
    "indices": "constitution_rules.cli.indices:indices_command",
    "corpus": "constitution_rules.cli.corpus:corpus_command",
    "lsp": "constitution_rules.cli.lsp:lsp_command",
    "watch": "constitution_rules.cli.watch:watch_command",
    "serve": "constitution_rules.cli.serve:serve_command",
}

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use (click's documented pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            import difflib

            close = difflib.get_close_matches(name, list(COMMANDS), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise click.UsageError(f"No such command '{name}'.{hint}", ctx)
        return super().resolve_command(ctx, args)


EPILOG = """\b
Examples:
  constitution-rules parse specs/kazakhstan/2022.constitution
  constitution-rules fmt --check specs/
  constitution-rules graph specs/kazakhstan/2022.constitution --format dot -o kz.dot
"""


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="constitution-rules")
def cli() -> None:
    """Check the balance of power in a constitution.

    Constitutions are written in a small, sentence-like language (.constitution files; see
    docs/language.md), turned into a graph of institutional powers, and checked by rules.
    """


def main(argv: list[str] | None = None) -> Any:
    """Entry point: user errors exit 2 with a message, never a traceback."""
    from constitution_rules.language.errors import ConstitutionError

    try:
        return cli.main(args=argv, prog_name="constitution-rules", standalone_mode=False)
    except ConstitutionError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_BAD_INPUT)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        sys.exit(130)
    except RecursionError:
        click.echo("error: the input is nested too deeply to process", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except OSError as exc:  # an unwritable output (missing folder, a directory, disk full) is not a bug
        where = exc.filename2 if isinstance(exc.filename2, str) else exc.filename
        click.echo(f"error: {where or 'output'}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, not a traceback
        click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("this is a bug in constitution-rules; please report it with the input file", err=True)
        sys.exit(EXIT_BAD_INPUT)
