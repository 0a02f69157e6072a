"""Safe HTML for quotations: source text is always escaped; the only tags are our own <p> and <mark>.

Markdown is not safe for source text either (`$17bn … $5bn` turns into LaTeX, `![a](b)` into an
image), so `md_escape` backslash-escapes every character markdown or KaTeX gives meaning to.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from dashboard.text.anchor import paragraph_bounds

QUOTE_STYLE = "background:#fef3c7;padding:0 .1em;border-radius:2px"
FIGURE_STYLE = "background:#fbbf24;font-weight:600;padding:0 .1em;border-radius:2px"
PASSAGE_STYLE = "background:#fbbf24;outline:2px solid #92400e;padding:0 .1em;border-radius:2px"
PARAGRAPH_STYLE = "line-height:1.6;margin:0 0 .8em 0;overflow-wrap:anywhere"

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:=^])")


def md_escape(text: str) -> str:
    """Text that st.markdown, st.caption and widget labels show literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _mark(text: str, *, style: str, title: str | None = None) -> str:
    tip = f' title="{html.escape(title, quote=True)}"' if title else ""
    return f'<mark style="{style}"{tip}>{text}</mark>'


def quote_in_paragraph_html(
    text: str, *, start: int, end: int, figure_start: int | None = None, figure_end: int | None = None
) -> str:
    """The paragraph holding text[start:end], escaped, with the quote marked and its figure marked inside."""
    first, last = paragraph_bounds(text, start=start, end=end)
    if figure_start is not None and figure_end is not None and start <= figure_start < figure_end <= end:
        inner = (
            html.escape(text[start:figure_start])
            + _mark(html.escape(text[figure_start:figure_end]), style=FIGURE_STYLE)
            + html.escape(text[figure_end:end])
        )
    else:
        inner = html.escape(text[start:end])
    body = html.escape(text[first:start]) + _mark(inner, style=QUOTE_STYLE) + html.escape(text[end:last])
    return f'<p style="{PARAGRAPH_STYLE}">{_lines(body)}</p>'


def _lines(escaped: str) -> str:
    return escaped.replace("\n", "<br>")


@dataclass(frozen=True)
class Span:
    """A cited passage of a source: where it is, what cites it, and the app-relative link to that."""

    start: int
    end: int
    title: str
    href: str = ""


def source_html(
    text: str,
    spans: list[Span],
    *,
    emphasis: tuple[int, int] | None = None,
    label: str = "Source text",
    language: str = "en",
) -> str:
    """The whole text as paragraphs in a scroll box a keyboard can reach (tabindex, a label), every span
    marked and linked to what cites it (overlapping spans merge; the first link wins), and the `emphasis`
    passage, the one the reader came for, marked apart with the id `passage`. `language` is the text's BCP 47
    tag, for screen readers to speak it in its own language."""
    bounds = [(s.start, s.end) for s in spans] + ([emphasis] if emphasis else [])
    cuts = sorted({0, len(text), *(a for a, _ in bounds), *(b for _, b in bounds)})
    pieces = []
    opened = False
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s.start <= left and right <= s.end]
        chunk = html.escape(text[left:right])
        emphasised = emphasis is not None and emphasis[0] <= left and right <= emphasis[1]
        if covering or emphasised:
            style = PASSAGE_STYLE if emphasised else QUOTE_STYLE
            tip = " · ".join(s.title for s in covering) or None
            href = next((s.href for s in covering if s.href), "")
            parts: list[str] = []
            for part in chunk.split("\n"):
                if not part:
                    parts.append(part)
                    continue
                marked = _mark(part, style=style, title=tip)
                if href:
                    marked = f'<a class="cited" href="{html.escape(href, quote=True)}" target="_self">{marked}</a>'
                parts.append(marked)
            chunk = "\n".join(parts)
        if emphasised and not opened:
            chunk = '<span id="passage"></span>' + chunk
            opened = True
        pieces.append(chunk)
    paragraphs = re.split(r"\n\s*\n|\n", "".join(pieces))
    body = "".join(f'<p style="{PARAGRAPH_STYLE}">{p}</p>' for p in paragraphs if p.strip())
    return (f'<div class="passage-box" tabindex="0" role="region" aria-label="{html.escape(label, quote=True)}" '
            f'lang="{html.escape(language, quote=True)}">{body}</div>')  # fmt: skip


def safe_url(url: str | None) -> str | None:
    """The address when it is an http(s) link a page may offer, else None (never javascript: or data:)."""
    return url if url and url.lower().startswith(("https://", "http://")) else None
