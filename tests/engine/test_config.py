"""Configuration: discovery upward, validation with file:line and did-you-mean, CLI layering."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_rules.config import Config, ConfigError, config_for, find_config, load_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_found_upward_and_nearest_wins(tmp_path, fake_rules):
    write(tmp_path / "pyproject.toml", '[tool.constitution-rules]\nselect = ["TS1"]\n')
    checked = write(tmp_path / "a" / "b" / "x.constitution", "")
    assert find_config(checked) == (tmp_path / "pyproject.toml").resolve()
    assert config_for(checked).select == ("TS1",)
    # a nearer pyproject without our table is passed over; a nearer constitution-rules.toml wins
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(checked) == (tmp_path / "pyproject.toml").resolve()
    write(tmp_path / "a" / "constitution-rules.toml", 'select = ["TS2"]\nfail-on = "warning"\n')
    config = config_for(checked)
    assert config.select == ("TS2",) and config.fail_on == "warning"
    assert config.source is not None and config.source.endswith("constitution-rules.toml")


def test_own_file_wins_over_pyproject_in_the_same_folder(tmp_path, fake_rules):
    write(tmp_path / "pyproject.toml", '[tool.constitution-rules]\nselect = ["TS1"]\n')
    write(tmp_path / "constitution-rules.toml", 'select = ["TS2"]\n')
    assert config_for(tmp_path / "x.constitution").select == ("TS2",)


def test_no_config_means_defaults(tmp_path):
    assert config_for(write(tmp_path / "x.constitution", "")) == Config()


def test_all_settings_load(tmp_path, fake_rules):
    path = write(
        tmp_path / "constitution-rules.toml",
        """
select = ["TS", "CB9"]
extend-select = ["TS201"]
ignore = ["powerless-institution"]
fail-on = "info"
independent-kinds = ["judiciary", "audit"]

[severity]
TS101 = "warning"

[thresholds.many-powers]
limit = 5

[weights]
dissolution = 3.0
""",
    )
    config = load_config(path)
    assert config.severity == {"TS101": "warning"}
    assert config.thresholds == {"many-powers": {"limit": 5}}
    assert config.independent_kinds == ("judiciary", "audit")
    assert config.weights == {"dissolution": 3.0}
    settings = config.rule_settings(config.selected(fake_rules))
    assert settings["TS201"] == {"limit": 5}
    assert settings["independent_kinds"] == ("judiciary", "audit")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'select = ["TS1"]\nfailon = "error"\n',
            ["x.toml:2:1: error: unknown setting 'failon'", "did you mean 'fail-on'?"],
        ),
        ('fail-on = "fatal"\n', ["x.toml:1:1: error: fail-on:", "(got 'fatal')", "one of error, warning, info, never"]),
        ('ignore = ["TS1O1"]\n', ["x.toml:1:12: error: ignore: no rule matches 'TS1O1'", "did you mean 'TS101'?"]),
        ('[severity]\nTS101 = "fatal"\n', ["x.toml:2:1: error: severity.TS101:"]),
        ('[severity]\nat-will = "info"\n', ["x.toml:2:1: error: severity: no rule matches 'at-will'"]),
        (
            "[thresholds.TS201]\nlimt = 3\n",
            ["x.toml:2:1: error: thresholds.TS201: rule TS201 has no parameter 'limt'", "did you mean 'limit'?"],
        ),
        ('[thresholds.TS201]\nlimit = "many"\n', ["x.toml:2:1: error: thresholds.TS201.limit: expected a int"]),
        ("[thresholds.many-power]\nlimit = 3\n", ["no rule 'many-power'", "did you mean 'many-powers'?"]),
        ('independent-kinds = ["judiciery"]\n', ["unknown institution kind 'judiciery'", "did you mean 'judiciary'?"]),
        ("[weights]\ndisolution = 2\n", ["x.toml:2:1: error: weights: unknown category 'disolution'", "'dissolution'"]),
        ('select = ["TS1"]\nfail-on = error\n', ["x.toml:2:11: error: invalid TOML: Invalid value", "   2 | fail-on"]),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path, fake_rules, text, expected):
    path = write(tmp_path / "x.toml", text)
    path = path.rename(tmp_path / "constitution-rules.toml")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value).replace(str(path), "x.toml")
    for part in expected:
        assert part in message


def test_error_shows_the_line_with_a_caret(tmp_path, fake_rules):
    path = write(tmp_path / "constitution-rules.toml", 'select = ["TS1"]\nignore = ["TS1O1"]\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert '   2 | ignore = ["TS1O1"]' in message
    assert "     |            ^^^^^" in message


def test_pyproject_errors_name_the_tool_table(tmp_path, fake_rules):
    path = write(tmp_path / "pyproject.toml", "[tool.constitution-rules]\nselect = ['TS1']\nshow = 1\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "pyproject.toml:3:1: error: unknown setting 'tool.constitution-rules.show'" in message
