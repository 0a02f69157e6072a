"""Render a Report as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json
from typing import Any

from dashboard.catalog.problems import problem_line
from dashboard.validation.report import Report


def summary(report: Report, *, strict: bool) -> str:
    counts = report.counts
    covered, total = report.total_coverage
    percent = report.coverage_percent
    verdict = "valid" if report.ok(strict=strict) else "INVALID"
    mode = " (strict: warnings fail)" if strict else ""
    tally = f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    if report.catalog is None:
        return f"{report.catalog_path}: {verdict}{mode} — {tally}; the catalog could not be read, fix it first"
    return f"{report.catalog_path}: {verdict}{mode} — {tally}; coverage {percent:.1f}% ({covered}/{total} mentions)"


def render_text(report: Report, *, strict: bool = False) -> str:
    lines = [problem_line(p) for p in report.problems]
    lines.append(summary(report, strict=strict))
    return "\n".join(lines) + "\n"


def report_dict(report: Report, *, strict: bool = False) -> dict[str, Any]:
    covered, total = report.total_coverage
    return {
        "ok": report.ok(strict=strict),
        "catalog": str(report.catalog_path),
        "counts": report.counts,
        "problems": [p.as_dict() for p in report.problems],
        "coverage": {
            "covered": covered,
            "mentions": total,
            "sources": [
                {
                    "source": c.source,
                    "file": c.file,
                    "covered": c.covered,
                    "mentions": c.mentions,
                    "percent": round(c.percent, 2),
                }
                for c in report.coverage
            ],
        },
    }


def render_json(report: Report, *, strict: bool = False) -> str:
    return json.dumps(report_dict(report, strict=strict), ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, *, strict: bool = False) -> str:
    """Workflow commands (`::error file=…,line=…::message`) that GitHub shows on the diff."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for p in report.problems:
        props = [f"file={_escape_property(p.file)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_escape_property(p.code)}")
        ident = f"[{p.id}] " if p.id else ""
        lines.append(f"::{level[p.severity]} {','.join(props)}::{_escape_data(ident + p.message)}")
    lines.append(summary(report, strict=strict))
    return "\n".join(lines) + "\n"


def render_coverage(report: Report) -> str:
    lines = []
    for c in report.coverage:
        lines.append(f"{c.source:<28} {c.file:<40} {c.covered:>5}/{c.mentions:<5} {c.percent:6.1f}%")
        for u in c.uncovered:
            lines.append(f"  {c.file}:{u.line}:{u.column}: {u.mention.text!r} ({u.mention.kind}) …{u.context}…")
    covered, total = report.total_coverage
    percent = report.coverage_percent
    lines.append(f"{'total':<28} {'':<40} {covered:>5}/{total:<5} {percent:6.1f}%")
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "github": render_github}
