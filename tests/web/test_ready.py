"""dashboard.web.ready without a server: it writes nothing, names what does not compile, and answers
"not ready" (exit 2, one line) even when a check itself breaks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.web import ready


def test_the_code_check_writes_nothing_into_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check runs as a service user who may not write the checkout: no __pycache__ may appear."""
    pages = tmp_path / "pages"
    shutil.copytree(ready.PAGES, pages, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(ready, "PAGES", pages)
    assert ready.check_code() == []
    assert not list(tmp_path.rglob("__pycache__")) and not list(tmp_path.rglob("*.pyc"))


def test_a_page_that_does_not_compile_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken.py").write_text("def render(:\n", encoding="utf-8")
    monkeypatch.setattr(ready, "PAGES", tmp_path)
    [failure] = ready.check_code()
    assert failure.startswith("broken.py does not compile (SyntaxError")


def test_a_check_that_breaks_answers_not_ready(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: Path) -> tuple[list[str], str]:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(ready, "check_catalog", broken)
    assert ready.main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("not ready: the check itself failed (PermissionError") and "Traceback" not in err
