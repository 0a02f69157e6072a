"""Two curators' commands writing one catalog at once: both changes land, nothing is left behind.

Each writer (pin, fix --write, suggest --write, add-source) holds an advisory lock on the catalog
from its reading to its write. One test makes the order certain (the first writer is held inside
its lock while the second starts); the others start several writers at the same instant.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.catalog.load import load_catalog
from tests.conftest import ROOT, TRADE, base_catalog, sha256

AT_ONCE = r"""
import sys, time
from pathlib import Path

from dashboard.cli.main import main

go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.001)
sys.exit(main(sys.argv[2:]))
"""

HELD_INSIDE_THE_LOCK = r"""
import sys, time
from pathlib import Path

from dashboard.catalog import atomic
from dashboard.cli.main import main

inside, release = Path(sys.argv[1]), Path(sys.argv[2])
real_write = atomic.write_together


def held_write(*args, **kwargs):
    inside.write_text("inside")
    while not release.exists():
        time.sleep(0.01)
    return real_write(*args, **kwargs)


def held_single(path, text, backup=False):
    if path.name.endswith(".yaml"):
        return held_write([(path, text)], backup=path if backup else None)
    return real_write([(path, text)])


# before the command's module imports them by name
atomic.write_together, atomic.write_atomic = held_write, held_single
sys.exit(main(sys.argv[3:]))
"""


def add_source(folder: Path, catalog: Path, name: str) -> list[str | Path]:
    """The arguments of `add-source` for a new news text called `name`."""
    file = folder / "incoming" / f"{name}.md"
    file.parent.mkdir(exist_ok=True)
    file.write_text(
        f"# {name.title()} signs a pact\n\nPublished 12 June 2025\n\nIt signed 14 agreements.\n", encoding="utf-8"
    )
    return ["add-source", file, "--catalog", catalog, "--publisher", "Wire"]


def project(folder: Path, *, stale_pin: bool = False) -> Path:
    catalog: dict[str, Any] = base_catalog()
    if stale_pin:
        catalog["sources"][0]["sha256"] = "0" * 64
    (folder / "seeds").mkdir(parents=True)
    shutil.copyfile(TRADE, folder / "seeds" / "trade.txt")
    path = folder / "indicators.yaml"
    path.write_text("# curated by hand\n" + yaml.safe_dump(catalog, sort_keys=False), encoding="utf-8")
    return path


def start(script: str, *args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[str]) -> None:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, (out, err)


def sources_of(path: Path) -> list[str]:
    catalog = load_catalog(path).catalog
    assert catalog is not None
    return [s.id for s in catalog.sources]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_second_writer_waits_for_the_first_and_keeps_its_change(tmp_path: Path) -> None:
    path = project(tmp_path)
    inside, release = tmp_path / "inside", tmp_path / "release"
    first = start(HELD_INSIDE_THE_LOCK, inside, release, *add_source(tmp_path, path, "alpha"))
    deadline = time.monotonic() + 60
    while not inside.exists():
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.01)
    second = start(AT_ONCE, tmp_path / "go", *add_source(tmp_path, path, "beta"))
    (tmp_path / "go").touch()
    time.sleep(1.5)
    assert second.poll() is None, "the second writer ran while the first held the catalog"
    release.touch()
    finish(first)
    finish(second)
    assert sources_of(path) == ["trade", "alpha", "beta"]
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("round_", range(3))
def test_four_writers_at_once_lose_nothing(tmp_path: Path, round_: int) -> None:
    path = project(tmp_path)
    go = tmp_path / "go"
    names = ["alpha", "beta", "gamma", "delta"]
    writers = [start(AT_ONCE, go, *add_source(tmp_path, path, name)) for name in names]
    time.sleep(0.5)  # let every interpreter start and wait at the line
    go.touch()
    for writer in writers:
        finish(writer)
    assert sorted(sources_of(path)) == sorted(["trade", *names])
    assert len(sources_of(path)) == 5
    assert leftovers(tmp_path) == []


def test_pin_suggest_and_add_source_at_once_all_land(tmp_path: Path) -> None:
    path = project(tmp_path, stale_pin=True)
    go = tmp_path / "go"
    writers = [
        start(AT_ONCE, go, "pin", path),
        start(AT_ONCE, go, "suggest", path, "trade", "--write"),
        start(AT_ONCE, go, *add_source(tmp_path, path, "alpha")),
    ]
    time.sleep(0.5)
    go.touch()
    for writer in writers:
        finish(writer)
    text = path.read_text(encoding="utf-8")
    catalog = load_catalog(path).catalog
    assert catalog is not None
    assert [s.id for s in catalog.sources] == ["trade", "alpha"]
    assert catalog.sources[0].sha256 == sha256(TRADE)  # pinned
    assert "# TODO" in text or "TODO" in text  # the stubs suggest appended
    assert path.with_name("indicators.lock.json").exists()
    assert leftovers(tmp_path) == []
    assert not any(p.suffix == ".tmp" for p in tmp_path.rglob("*"))


def test_a_writer_never_blocks_on_a_fifo_catalog(tmp_path: Path) -> None:
    fifo = tmp_path / "indicators.yaml"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "pin", str(fifo)], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 2 and "FIFO" in done.stderr, done
