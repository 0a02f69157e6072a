"""`indicators suggest` and `indicators add-source`: stub shapes, exact quotes, unique ids, stubs that
validate clean once their TODOs are filled, in-place atomic writes, refusals and exit codes."""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.catalog.fields import ID_PATTERN
from dashboard.cli.main import main
from dashboard.curation.stubs import append_stubs, render_stubs
from dashboard.curation.suggest import Stub, suggest
from dashboard.text.anchor import locate
from dashboard.text.mentions import read_mentions
from dashboard.text.sentences import count_noun, sentence_bounds
from dashboard.validation.validate import validate_path
from tests.conftest import ROOT, TRADE, Build, sha256

NEWS = """# Harbour deal lifts Zembla's trade

Published 12 June 2025

Zembla signed 14 agreements with Ostrava on June 10, 2025, the ministry said.
Exports rose by more than 12% to €3.4bn in 2024.
The new terminal will handle about 250,000 containers a year.
The harbour was first built in the 1950s.
The port handled 40 ships last week.
The port handled 40 ships last week.
Officials expect 1,200 new jobs within 3 years, and 30 head of cattle arrive each month.
Last March, two cranes and three tugs were delivered.
"""

COMMENTED = """# A hand-written catalog: these comments and this layout must survive --write.
version: 1
themes:
  trade: Trade          # the only theme
  diplomacy: Diplomacy
sources:
  - id: trade
    file: seeds/trade.txt
    sha256: {sha}
    title: Ruritania and Freedonia deepen ties
    publisher: Test Wire
    published: 2024-03-05   # from the byline
indicators:
  # Agreements first
  - id: agreements
    title: Agreements
    theme: diplomacy
    value: 120
    unit: agreements
    citations:
      - source: trade
        quote: Ruritania and Freedonia have signed 120 agreements.

# events come last
events:
  - id: signing
    date: 2024-03-03
    title: Agreements signed
    theme: diplomacy
    citations:
      - source: trade
        quote: Officials said on March 3, 2024
# trailing comment
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fill(text: str, *, theme: str = "trade") -> str:
    """What a curator does: a declared theme, and words for every other TODO."""
    text = re.sub(r"theme: TODO  # TODO[^\n]*", f"theme: {theme}", text)
    return re.sub(r"(title|entity|reason|unit|publisher): TODO  # TODO[^\n]*", r"\1: Filled in", text)


def with_news(build: Build, catalog: dict[str, Any]) -> Path:
    """The trade catalog plus a second, never seen source (seeds/news.md)."""
    path = build(catalog)
    news = path.parent / "seeds" / "news.md"
    news.write_text(NEWS, encoding="utf-8")
    catalog["sources"].append(
        {
            "id": "news",
            "file": "seeds/news.md",
            "sha256": sha256(news),
            "title": "Harbour deal",
            "publisher": "Zembla Post",
            "published": "2025-06-12",
        }
    )
    return build(catalog)


def loud(path: Path) -> list[str]:
    return [f"{p.code}: {p.message}" for p in validate_path(path).problems if p.severity in ("error", "warning")]


def coverage(path: Path, source: str) -> tuple[int, int]:
    found = next(c for c in validate_path(path).coverage if c.source == source)
    return found.covered, found.mentions


def by_id(stubs: list[Stub]) -> dict[str | None, Stub]:
    return {s.id: s for s in stubs}


# --------------------------------------------------------------------------------------------
# Stubs


def test_trade_stubs_shape(build: Build) -> None:
    path = build()
    stubs = suggest(validate_path(path))
    text = TRADE.read_text(encoding="utf-8")
    ids = [s.id for s in stubs if s.id]
    assert len(ids) == len(set(ids)) and all(re.match(ID_PATTERN, i) for i in ids)
    assert not set(ids) & {"agreements", "exports", "export-share", "emigrants", "signing"}
    assert [s.section for s in stubs] == sorted((s.section for s in stubs), key=("indicators", "events").index)
    stubs_by_id = by_id(stubs)
    share = stubs_by_id["trade-70-percent"].fields
    assert share["value"] == 70 and share["unit"] == "percent" and share["title"] == "TODO"
    assert share["citations"] == [
        {"source": "trade", "quote": "Ruritania buys 70% of its arms from Freedonia.", "figure": "70%"}
    ]
    assert stubs_by_id["trade-125-agreements"].fields["unit"] == "agreements"
    assert stubs_by_id["trade-5-years"].fields["unit"] == "years"
    assert stubs_by_id["trade-last-november"].fields["date"] == "2023-11"
    for stub in stubs:
        citation = stub.fields["citations"][0] if "citations" in stub.fields else stub.fields
        quote = citation["quote"]
        assert quote in text and "\n" not in quote and quote == quote.strip()
        assert stub.mention.text in quote and citation["figure"] == stub.mention.text
        found = locate(text, quote, prefix=citation.get("prefix"), suffix=citation.get("suffix"))
        assert found.status == "found" and found.start is not None
        assert found.start <= stub.mention.start < stub.mention.end <= found.start + len(quote)


def test_repeated_sentence_gets_the_shortest_context(build: Build) -> None:
    stubs = [s for s in suggest(validate_path(build())) if s.mention.text == "May 7"]
    assert len(stubs) == 2
    first, second = (s.fields["citations"][0] for s in stubs)
    assert first["quote"] == second["quote"] == "The summit was held in Zenda on May 7."
    assert first == {**first, "suffix": "\nThe"} and second == {**second, "prefix": "7.\n"}


def test_equal_numbers_in_one_sentence_get_narrowed_quotes(build: Build) -> None:
    stubs = [s for s in suggest(validate_path(build())) if s.mention.text == "30"]
    quotes = [s.fields["citations"][0]["quote"] for s in stubs]
    assert quotes == ["About 30 ships and", "ships and 30 boats docked."]
    assert [s.fields.get("qualifier") for s in stubs] == ["about", None]
    assert [s.fields["unit"] for s in stubs] == ["ships", "boats"]


def test_new_text_stubs(build: Build, catalog: dict[str, Any]) -> None:
    stubs = by_id(suggest(validate_path(with_news(build, catalog)), sources={"news"}))
    assert all(s.source == "news" for s in stubs.values())
    agreements = stubs["news-14-agreements"].fields
    assert agreements["period"] == "2025-06-10" and agreements["unit"] == "agreements"
    euros = stubs["news-3-4bn-eur"].fields
    assert (euros["value"], euros["unit"], euros["period"]) == (3_400_000_000, "EUR", "2024")
    assert stubs["news-12-percent"].fields["qualifier"] == "more than"
    assert stubs["news-250-000-containers"].fields["qualifier"] == "about"
    assert stubs["news-30-head-of-cattle"].fields["unit"] == "head of cattle"
    assert stubs["news-1-200-new-jobs"].fields["unit"] == "new jobs"
    ships = [s for s in stubs.values() if s.mention.text == "40"]
    assert len(ships) == 2 and {"prefix", "suffix"} & set(ships[0].fields["citations"][0])
    assert stubs["news-last-march"].fields["date"] == "2025-03"
    decade = stubs[None]
    assert decade.section == "exclusions" and decade.fields["figure"] == "1950s" and decade.fields["reason"] == "TODO"
    assert "# TODO" in decade.render()
    # the week the port handled 40 ships is the period of nothing: an event stub, read against `published`
    assert any(s.section == "events" and s.mention.text == "last week" for s in stubs.values())


@pytest.mark.parametrize("source", ["trade", "news"])
def test_filled_stubs_validate_clean_and_cover_the_source(build: Build, catalog: dict[str, Any], source: str) -> None:
    path = with_news(build, catalog)
    stubs = suggest(validate_path(path), sources={source})
    path.write_text(fill(append_stubs(path.read_text(encoding="utf-8"), stubs)), encoding="utf-8")
    assert loud(path) == []
    covered, total = coverage(path, source)
    assert covered == total and total > 10


def test_unfilled_theme_does_not_validate(build: Build) -> None:
    path = build()
    path.write_text(append_stubs(path.read_text(encoding="utf-8"), suggest(validate_path(path))), encoding="utf-8")
    assert any("theme" in problem for problem in loud(path))


def test_render_groups_by_section_and_parses(build: Build) -> None:
    stubs = suggest(validate_path(build()))
    text = render_stubs(stubs, indent=2)
    blocks = re.split(r"^# (indicators|events|exclusions): .*\n", text, flags=re.M)[1:]
    sections = dict(zip(blocks[::2], blocks[1::2], strict=True))
    assert set(sections) == {"indicators", "events"}
    for section, block in sections.items():
        parsed = yaml.safe_load(f"{section}:\n{block}")[section]
        assert len(parsed) == sum(s.section == section for s in stubs)
    assert "title: TODO  # TODO: what the figure measures" in text
    assert "theme: TODO  # TODO: one of: trade, diplomacy" in text


def test_sentence_bounds_and_count_nouns() -> None:
    text = "Sept. 11 was a Tuesday. It cost $2.5bn! Then 40 tanks left.\nNext line."
    mentions = read_mentions(text)
    for figure, sentence in (
        ("Sept. 11", "Sept. 11 was a Tuesday."),
        ("$2.5bn", "It cost $2.5bn!"),
        ("40", "Then 40 tanks left."),
    ):
        start = text.index(figure)
        bounds = sentence_bounds(text, start=start, end=start + len(figure), mentions=mentions)
        assert text[bounds[0] : bounds[1]] == sentence
    cases = {
        "120 agreements with X": "agreements",
        "3 million people have left": "people",
        "7 armed men attacked": "armed men",
        "30 head of cattle a month": "head of cattle",
        "5 boats a day": "boats",
        "4 countries’ trade": "countries",
        "6 people displaced": "people",
        "9, the minister said": None,
        "2 years": None,
        "8 in total": None,
    }
    for phrase, noun in cases.items():
        assert count_noun(phrase, end=read_mentions(phrase)[0].end, limit=len(phrase)) == noun, phrase


# --------------------------------------------------------------------------------------------
# The command


def test_write_only_adds_lines(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    path = build(COMMENTED.format(sha=sha256(TRADE)))
    old = path.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "suggest", str(path), "--write")
    new = path.read_text(encoding="utf-8")
    assert code == 0 and "appended 10 indicators, 5 events, 0 exclusions" in out
    matcher = difflib.SequenceMatcher(a=old.splitlines(True), b=new.splitlines(True), autojunk=False)
    assert {op for op, *_ in matcher.get_opcodes()} == {"equal", "insert"}
    assert new.startswith(old.split("\n# events come last")[0])
    assert "\n    - id: trade-70-percent\n" not in new and "\n  - id: trade-70-percent\n" in new
    assert re.search(rf"{path}:\d+: indicator trade-70-percent \(trade line 7\)", out)
    line = int(re.search(rf"{path}:(\d+): indicator trade-70-percent", out)[1])  # type: ignore[index]
    assert new.splitlines()[line - 1] == "  - id: trade-70-percent"
    path.write_text(fill(new), encoding="utf-8")
    assert run(capsys, "validate", "--strict", str(path))[0] == 0
    assert coverage(path, "trade") == (18, 18)


def test_write_into_an_empty_flow_section(
    build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = with_news(build, catalog)
    old = path.read_text(encoding="utf-8")
    assert "\nexclusions: []\n" in old
    assert run(capsys, "suggest", str(path), "news", "--write")[0] == 0
    new = path.read_text(encoding="utf-8")
    matcher = difflib.SequenceMatcher(a=old.splitlines(True), b=new.splitlines(True), autojunk=False)
    changed = [(op, old.splitlines(True)[i1:i2]) for op, i1, i2, *_ in matcher.get_opcodes() if op != "insert"]
    assert [op for op, _ in changed if op != "equal"] == ["replace"]
    assert dict(changed)["replace"] == ["exclusions: []\n"] and "\nexclusions:\n  - source: news\n" in new
    assert len(yaml.safe_load(new)["exclusions"]) == 1


def test_text_output_and_exit_codes(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    path = build()
    before = path.read_bytes()
    code, out, err = run(capsys, "suggest", str(path))
    assert code == 0 and out.startswith("# indicators: paste under `indicators:`") and "7 indicators" in err
    assert path.read_bytes() == before
    assert run(capsys, "suggest", str(path), "nowhere")[0] == 2
    code, _, err = run(capsys, "suggest", str(path.with_name("missing.yaml")))
    assert code == 2 and err.startswith("indicators: ")
    code, out, err = run(capsys, "suggest", str(ROOT / "indicators.yaml"))
    assert code == 0 and out == "" and "nothing to suggest" in err
    path.write_text("version: 1\nthemes: {a: A\n", encoding="utf-8")
    assert run(capsys, "suggest", str(path))[0] == 1


def test_json_output(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "suggest", str(build()), "--source", "trade", "--format", "json")
    data = json.loads(out)
    assert code == 0 and set(data) == {"catalog", "written", "stubs"} and data["written"] is False
    stub = data["stubs"][0]
    assert set(stub) == {"section", "id", "source", "line", "column", "mention", "yaml"}
    assert stub["mention"] == {"text": "5 years", "kind": "duration", "value": "5"}


def test_interrupted_write_leaves_the_catalog_intact(
    build: Build, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build()
    before = path.read_bytes()

    def crash(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    assert main(["suggest", str(path), "--write"]) == 2
    assert "could not write (disk full); the file is as it was." in capsys.readouterr().err
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["indicators.yaml", "seeds"]


# --------------------------------------------------------------------------------------------
# add-source


def incoming(tmp_path: Path, name: str = "harbour-news.md", data: bytes | None = None) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(NEWS.encode("utf-8") if data is None else data)
    return path


def test_add_source_then_suggest_then_fill_validates(
    build: Build, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build()
    old = path.read_text(encoding="utf-8")
    new_text = incoming(tmp_path)
    code, out, _ = run(capsys, "add-source", str(new_text), "--catalog", str(path), "--publisher", "Zembla Post")
    assert code == 0, out
    copy = path.parent / "seeds" / "harbour-news.md"
    assert copy.read_bytes() == new_text.read_bytes()
    catalog = path.read_text(encoding="utf-8")
    assert catalog.startswith(old.split("\nindicators:")[0])
    source = yaml.load(catalog, Loader=yaml.BaseLoader)["sources"][1]
    assert source == {
        "id": "harbour-news",
        "file": "seeds/harbour-news.md",
        "sha256": sha256(copy),
        "title": "Harbour deal lifts Zembla's trade",
        "publisher": "Zembla Post",
        "published": "2025-06-12",
        "published_note": 'Inferred from "12 June 2025" in the first lines of the text.',
    }
    assert re.search(r"^harbour-news +seeds/harbour-news.md +0/\d+ +0.0%$", out, re.M)
    assert "seeds/harbour-news.md:5:15: '14' (count)" in out
    assert run(capsys, "suggest", str(path), "harbour-news", "--write")[0] == 0
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--strict", str(path))
    assert code == 0, out
    covered, total = coverage(path, "harbour-news")
    assert covered == total


def test_add_source_without_metadata_leaves_todos(
    build: Build, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build()
    text = incoming(tmp_path, "Plain Notes.txt", b"\n\n## Notes on 3 ports\nNo date here.\n")
    code, out, _ = run(capsys, "add-source", str(text), "--catalog", str(path), "--url", "https://example.org/n")
    assert code == 0
    catalog = path.read_text(encoding="utf-8")
    assert "- id: plain-notes\n" in catalog and "title: Notes on 3 ports\n" in catalog
    assert "publisher: TODO  # TODO: who published it\n" in catalog and "published: TODO  # TODO" in catalog
    assert 'url: "https://example.org/n"\n' in catalog and "fill the entry's TODOs" in out


def test_add_source_refusals(build: Build, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = build()
    before = path.read_bytes()
    seeds_before = sorted(p.name for p in (path.parent / "seeds").iterdir())
    latin1 = incoming(tmp_path, "latin.txt", "Caf\u00e9 prices rose 5%.\n".encode("latin-1"))
    clash = incoming(tmp_path, "trade.txt", b"Other bytes under a taken name.\n")
    cases = {
        str(latin1): "not valid UTF-8",
        str(clash): "already exists with other bytes",
        str(tmp_path / "incoming"): "is a directory",
    }
    for file, reason in cases.items():
        code, _, err = run(capsys, "add-source", file, "--catalog", str(path))
        assert code == 1 and reason in err, err
    code, _, err = run(capsys, "add-source", str(TRADE), "--catalog", str(path))
    assert code == 1 and "already registered as source `trade`" in err
    code, _, err = run(capsys, "add-source", str(incoming(tmp_path)), "--catalog", str(path), "--id", "trade")
    assert code == 1 and "already a source id" in err
    assert run(capsys, "add-source", str(tmp_path / "nope.txt"), "--catalog", str(path))[0] == 2
    assert path.read_bytes() == before
    assert sorted(p.name for p in (path.parent / "seeds").iterdir()) == seeds_before


def test_add_source_registers_a_text_already_in_seeds(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    path = build()
    text = path.parent / "seeds" / "news.md"
    text.write_text(NEWS, encoding="utf-8")
    code, out, _ = run(capsys, "add-source", str(text), "--catalog", str(path), "--published", "2025-06")
    assert code == 0 and "already in seeds/news.md" in out
    assert "published: 2025-06\n" in path.read_text(encoding="utf-8")


def test_add_source_interrupted_write_copies_nothing(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build()
    before = path.read_bytes()
    real_replace = os.replace

    def crash_on_catalog(src: str, dst: str) -> None:
        if Path(dst).name == "indicators.yaml":
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_on_catalog)
    assert main(["add-source", str(incoming(tmp_path)), "--catalog", str(path)]) == 2
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["incoming", "indicators.yaml", "seeds"]
    assert sorted(p.name for p in (path.parent / "seeds").iterdir()) == ["trade.txt"]


def test_period_is_the_date_nearest_the_figure(tmp_path: Path) -> None:
    text = (
        "Port handled 1.2 million containers in 2024, up from about 600,000 in 2019, officials said.\n"
        "More than 3,000 people work at the port, which opened a second terminal in October 2023.\n"
    )
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "port.txt").write_text(text, encoding="utf-8")
    sha = hashlib.sha256(text.encode()).hexdigest()
    (tmp_path / "indicators.yaml").write_text(
        "version: 1\nthemes: {trade: Trade}\nsources:\n  - id: port\n    file: seeds/port.txt\n"
        f"    sha256: {sha}\n    title: Port\n    publisher: P\n    published: 2025-01-01\n",
        encoding="utf-8",
    )
    periods = {
        s.fields["value"]: s.fields.get("period")
        for s in suggest(validate_path(tmp_path / "indicators.yaml"))
        if s.section == "indicators"
    }
    assert periods[Decimal(1_200_000)] == "2024" and periods[Decimal(600_000)] == "2019"
    assert periods[Decimal(3000)] is None
