"""Safe HTML for quotations: source text is always escaped; the only tags are our own <p> and <mark>.

Markdown is not safe for source text either (`$17bn … $5bn` turns into LaTeX, `![a](b)` into an
image), so `md_escape` backslash-escapes every character markdown or KaTeX gives meaning to.
"""

from __future__ import annotations

import html
import re

from dashboard.text.anchor import paragraph_bounds

QUOTE_STYLE = "background:#fef3c7;padding:0 .1em;border-radius:2px"
FIGURE_STYLE = "background:#fbbf24;font-weight:600;padding:0 .1em;border-radius:2px"
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


def source_html(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The whole text as paragraphs, every (start, end, title) span marked; overlapping spans merge."""
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [title for s, e, title in spans if s <= left and right <= e]
        chunk = html.escape(text[left:right])
        if covering:
            chunk = "\n".join(
                _mark(part, style=QUOTE_STYLE, title=" · ".join(covering)) if part else part
                for part in chunk.split("\n")
            )
        pieces.append(chunk)
    paragraphs = re.split(r"\n\s*\n|\n", "".join(pieces))
    return "".join(f'<p style="{PARAGRAPH_STYLE}">{p}</p>' for p in paragraphs if p.strip())


def safe_url(url: str | None) -> str | None:
    """The address when it is an http(s) link a page may offer, else None (never javascript: or data:)."""
    return url if url and url.lower().startswith(("https://", "http://")) else None
