"""The YAML limits are the project's own: the same code, place and message whatever PyYAML does.

Each input is read twice, by the fast path (PyYAML's composer, then a walk of the tree) and by the
event walk that takes over when that composer fails; both must agree exactly. Then PyYAML releases
that behave differently are simulated: a composer that refuses deep nesting itself (libyaml since
PyYAML 6.0.4), one that runs out of stack, one without libyaml at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, cast

import pytest
import yaml

from dashboard.catalog import safe_yaml
from dashboard.catalog.load import load_text
from dashboard.catalog.model import Pos
from dashboard.catalog.problems import Code
from dashboard.catalog.safe_yaml import MAX_DEPTH, CatalogRefused, Composed, compose, compose_from_events
from tests.conftest import ROOT

DEEP = 10_000

CASES = {
    "flow-list": "version: 1\nthemes: " + "[" * DEEP + "]" * DEEP + "\n",
    "flow-map": "version: 1\nthemes: " + "{a: " * DEEP + "x" + "}" * DEEP + "\n",
    "block-list": "version: 1\nthemes:\n  " + "- " * DEEP + "x\n",
    "block-map": "version: 1\nthemes:\n" + "".join(" " * n + "a:\n" for n in range(1, 201)) + " " * 201 + "x\n",
    "just-deep-enough": "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n",
    "one-too-deep": "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
    "alias-as-value": "version: 1\na: &x [1, 2]\nb: *x\n",
    "alias-in-list": "version: 1\na: &x [1, 2]\nb:\n  - 3\n  - *x\n",
    "alias-as-key": "version: 1\n&k a: 1\n? *k\n: 2\n",
    "scalar-alias": "a: &s hello\nb: [*s]\n",
    "billion-laughs": "a: &a [lol, lol]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)),
    "python-tag": "version: 1\nvalue: !!python/object/apply:os.system [ls]\n",
    "local-tag": "a: !include other.yaml\n",
    "binary-tag": "a: !!binary aGVsbG8=\n",
    "set-tag": "a: !!set {x, y}\n",
    "non-specific-tag": "a: ! 12\nb: ! [1]\n",
    "core-tags": "a: !!str 12\nb: !!int '3'\nc: !!map {x: 1}\n",
    "list-key": "version: 1\n? [a, b]\n: 1\n",
    "map-key": "version: 1\n{a: 1}: 2\n",
    "duplicates": "version: 1\nthemes:\n  a: A\n  a: B\nversion: 2\n",
    "nested-duplicates": "x:\n  - {p: 1, p: 2}\n  - q: 1\n    q: 2\n",
    "second-document": "version: 1\n---\nversion: 2\n",
    "empty": "",
    "only-comments": "# nothing\n",
    "null-document": "---\n",
    "syntax-error": "version: 1\nthemes: [trade\n",
    "tab-indent": "a:\n\tb: 1\n",
    "bom": "\ufeffversion: 1\nthemes: {a: A}\n",
    "unicode": "title: «Nicolás» — 343 соглашения\nq: 'it''s'\nr: \"a\\tb\"\n",
    "block-scalars": "a: |\n  one\n  two\nb: >-\n  folded\n  text\n",
    "flow-in-block": "a:\n  - [1, {b: [2, 3]}]\n  - c: d\n",
}


Outcome = tuple[Literal["refused"], Code, Pos, str] | tuple[Literal["composed"], object, tuple[tuple[Pos, str], ...]]
"""A refusal (code, place, message), or a tree in comparable form and its duplicates."""


def outcome(read: Callable[[str], Composed], text: str) -> Outcome:
    """What a reader makes of the text, in comparable form: the refusal, or the tree and its duplicates."""
    try:
        composed = read(text)
    except CatalogRefused as refusal:
        return ("refused", refusal.code, refusal.pos, refusal.message)
    return ("composed", _shape(composed.root), composed.duplicates)


def _shape(node: yaml.Node) -> object:
    place = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):  # a plain scalar's style is "" from libyaml, None from PyYAML
        return (node.tag, node.value, node.style or "", place)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [_shape(item) for item in node.value], place)
    return (node.tag, [(_shape(k), _shape(v)) for k, v in node.value], place)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_event_walk_agrees_with_the_fast_path(name: str) -> None:
    text = CASES[name]
    fast = outcome(compose, text)
    walked = outcome(compose_from_events, text.removeprefix("\ufeff"))
    if fast[0] == "refused" and fast[1] == "yaml-syntax":
        assert walked[:2] == fast[:2]  # PyYAML words its syntax errors; the code and the place are what count
    else:
        assert walked == fast


@pytest.mark.parametrize(
    ("name", "code", "line", "words"),
    [
        ("flow-list", "schema", 2, f"deeper than {MAX_DEPTH} levels"),
        ("flow-map", "schema", 2, f"deeper than {MAX_DEPTH} levels"),
        ("block-list", "schema", 3, f"deeper than {MAX_DEPTH} levels"),
        ("block-map", "schema", 66, f"deeper than {MAX_DEPTH} levels"),
        ("one-too-deep", "schema", 1, f"deeper than {MAX_DEPTH} levels"),
        ("alias-as-value", "yaml-alias", 3, "alias"),
        ("alias-in-list", "yaml-alias", 4, "alias"),
        ("alias-as-key", "yaml-alias", 2, "alias"),
        ("billion-laughs", "yaml-alias", 2, "alias"),
        ("python-tag", "yaml-alias", 2, "!!python/object/apply:os.system"),
        ("local-tag", "yaml-alias", 1, "!include"),
        ("binary-tag", "yaml-alias", 1, "!!binary"),
        ("set-tag", "yaml-alias", 1, "!!set"),
        ("list-key", "schema", 2, "keys are plain names"),
        ("map-key", "schema", 2, "keys are plain names"),
        ("second-document", "yaml-syntax", 2, "second document"),
        ("empty", "schema", 1, "empty"),
        ("only-comments", "schema", 1, "empty"),
    ],
)
def test_each_refusal_has_its_code_place_and_words(name: str, code: str, line: int, words: str) -> None:
    refused = outcome(compose, CASES[name])
    assert refused[0] == "refused", refused
    assert refused[1] == code and refused[2].line == line and words in refused[3]


@pytest.mark.parametrize("name", ["just-deep-enough", "non-specific-tag", "core-tags", "bom", "unicode"])
def test_what_is_within_the_limits_is_read(name: str) -> None:
    assert outcome(compose, CASES[name])[0] == "composed"


def test_duplicates_are_listed_in_document_order() -> None:
    composed = outcome(compose, CASES["duplicates"])
    assert composed[0] == "composed"
    _, _, duplicates = composed
    assert [(pos.line, message[:18]) for pos, message in duplicates] == [
        (4, "the key `a` is rep"),
        (5, "the key `version` "),
    ]


def _refusing_composer(limit: int) -> Callable[..., yaml.Node | None]:
    """A PyYAML composer that refuses nesting past `limit` itself, as libyaml does past 1,000 levels."""
    real = yaml.compose

    def compose_with_a_limit(text: str, Loader: type = yaml.SafeLoader) -> yaml.Node | None:  # noqa: N803
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > limit:
                # the pure-Python parser's marks: the stubs' union also admits libyaml's
                mark = cast("yaml.error.Mark | None", event.start_mark)
                raise yaml.scanner.ScannerError(None, None, "exceeded maximum nesting depth", mark)
        return real(text, Loader=Loader)

    return compose_with_a_limit


def _exhausted_composer(text: str, Loader: type = yaml.SafeLoader) -> yaml.Node | None:  # noqa: N803
    raise RecursionError("maximum recursion depth exceeded")


@pytest.mark.parametrize(
    "composer",
    [_refusing_composer(MAX_DEPTH + 1), _refusing_composer(1000), _exhausted_composer],
    ids=["refuses-at-65", "refuses-at-1000", "runs-out-of-stack"],
)
@pytest.mark.parametrize(
    "name",
    ["flow-list", "flow-map", "block-list", "block-map", "billion-laughs", "python-tag", "list-key", "duplicates"],
)
def test_a_pyyaml_that_refuses_on_its_own_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, composer: Callable[..., yaml.Node | None], name: str
) -> None:
    expected = outcome(compose, CASES[name])
    monkeypatch.setattr(yaml, "compose", composer)  # the module safe_yaml reads (safe_yaml.yaml is yaml)
    assert outcome(compose, CASES[name]) == expected


def test_without_libyaml_the_limits_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = {name: outcome(compose, text) for name, text in CASES.items()}
    monkeypatch.setattr(safe_yaml, "_FAST_LOADER", yaml.SafeLoader)
    for name, text in CASES.items():
        got = outcome(compose, text)
        assert got[:2] == expected[name][:2], name
        if got[1] != "yaml-syntax":
            assert got == expected[name], name


def test_the_shipped_catalog_reads_the_same_either_way() -> None:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    assert outcome(compose_from_events, text) == outcome(compose, text)
    fast = load_text(text, path=ROOT / "indicators.yaml")
    assert fast.catalog is not None and not fast.problems


def test_a_refusal_reaches_the_validator_with_its_line(tmp_path: Path) -> None:
    loaded = load_text(CASES["flow-list"], path=tmp_path / "indicators.yaml")
    assert [(p.code, p.line) for p in loaded.problems] == [("schema", 2)]
