"""`indicators add-source FILE`: copy a new UTF-8 text into seeds/, register it in the catalog with
its sha256 and the metadata the text states (title = first line, the date of its first lines), then
report its uncovered mentions. Refuses (exit 1) a directory, a file over the size limit, a file that
is not UTF-8, and a name that seeds/ already holds with other bytes; the catalog keeps every other
byte, and both writes are atomic."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.catalog.atomic import exclusive, write_atomic
from dashboard.catalog.edit import append_to_section, apply_edits, render_entry, section_indent
from dashboard.catalog.errors import Refused
from dashboard.catalog.fields import ID_PATTERN, LANGUAGE_PATTERN, URL_PATTERN, is_real_date, slug
from dashboard.catalog.load import read_catalog_text
from dashboard.catalog.sources import CORPUS_DIR, MAX_SOURCE_BYTES, NotText, corpus_root, decode_text
from dashboard.catalog.yamlmap import map_catalog
from dashboard.curation.suggest import TODO, plain_dates
from dashboard.text.mentions import LANGUAGES, read_mentions, reader_for

HEAD_LINES = 12
"""How many non-empty lines at the top of a text may state its publication date."""


@dataclass(frozen=True)
class Added:
    source_id: str
    file: str
    """The path as written in the catalog (`seeds/NAME`)."""
    sha256: str
    copied: bool
    """False when seeds/ already held these very bytes."""
    line: int
    """Line of the new entry in the catalog."""
    published_note: str | None


def read_new_text(path: Path) -> bytes:
    """The bytes of a text that may become a source; Refused when it cannot."""
    if path.is_dir():
        raise Refused(f"{path} is a directory; give the path of one text file.")
    if not path.is_file():
        raise Refused(f"{path} is not a regular file; give the path of one text file.")
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise Refused(f"{path} is {size:,} bytes, over the limit of {MAX_SOURCE_BYTES:,}; add an excerpt instead.")
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise Refused(
            f"{path} is not valid UTF-8 (byte {err.start}, line {line}); convert it first "
            f"(e.g. `iconv -f latin1 -t utf-8 {path.name} > {path.stem}.utf8{path.suffix}`)."
        ) from err
    try:
        decode_text(data, name=path.name)
    except NotText as err:
        raise Refused(err.message) from err
    return data


def title_of(text: str) -> str | None:
    """The first non-empty line, without markdown heading marks."""
    for line in text.splitlines():
        title = line.strip().lstrip("#").strip().rstrip("#").strip()
        if title:
            return title
    return None


def published_of(text: str, language: str = "en") -> tuple[str, str] | None:
    """The first full date or year-month stated in the first lines, and the text it was read from."""
    head_lines = [line for line in text.splitlines() if line.strip()][:HEAD_LINES]
    for mention in read_mentions("\n".join(head_lines), language):
        date = mention.date
        if mention.kind == "date" and date is not None and date.year and date.month and not date.relative:
            parts = [f"{date.year:04d}", f"{date.month:02d}", *([f"{date.day:02d}"] if date.day else [])]
            iso = "-".join(parts)
            if is_real_date(iso):
                return iso, mention.text
    return None


def add_source(
    catalog: Path,
    file: Path,
    *,
    ident: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
    language: str = "en",
) -> Added:
    """Copy `file` into the catalog's seeds/ and append its `sources` entry (both atomically), holding
    the catalog's lock from the reading to the write."""
    with exclusive(catalog):
        return _add_source(
            catalog, file, ident=ident, publisher=publisher, published=published, url=url, language=language
        )


def _add_source(
    catalog: Path,
    file: Path,
    *,
    ident: str | None,
    publisher: str | None,
    published: str | None,
    url: str | None,
    language: str,
) -> Added:
    if not re.fullmatch(LANGUAGE_PATTERN, language) or reader_for(language) is None:
        raise Refused(f"--language {language!r} has no reader; give one of: {', '.join(sorted(LANGUAGES))} "
                      "(a BCP 47 tag such as es or ru-RU).")  # fmt: skip
    data = read_new_text(file)
    text = decode_text(data, name=file.name)
    old = read_catalog_text(catalog)
    spans = map_catalog(old)
    entries = spans.items("sources")
    ids = {spans.values[(*e, "id")].value for e in entries if (*e, "id") in spans.values}
    files = {
        spans.values[(*e, "file")].value: spans.values.get((*e, "id")) for e in entries if (*e, "file") in spans.values
    }
    dest = corpus_root(catalog) / file.name
    written = f"{CORPUS_DIR}/{file.name}"
    copy = _check_destination(dest, data, written=written)
    for known, owner in files.items():
        if known and (catalog.parent / known).resolve() == dest.resolve():
            raise Refused(f"{written} is already registered as source `{owner.value if owner else '?'}`.")
    source_id = _source_id(ident, stem=file.stem, taken=ids)
    if url is not None and not re.fullmatch(URL_PATTERN, url):
        raise Refused(f"--url {url!r} is not an http(s) address.")
    if published is not None and not is_real_date(published):
        raise Refused(f"--published {published!r} is not a real date written YYYY, YYYY-MM or YYYY-MM-DD.")
    digest = hashlib.sha256(data).hexdigest()
    fields: dict[str, str] = {"id": source_id, "file": written, "sha256": digest, "title": title_of(text) or TODO}
    comments: dict[str, str] = {} if fields["title"] != TODO else {"title": "TODO: the document's headline"}
    fields["publisher"] = publisher or TODO
    if not publisher:
        comments["publisher"] = "TODO: who published it"
    note = None
    inferred = None if published else published_of(text, language)
    if published:
        fields["published"] = published
    elif inferred:
        fields["published"], note = inferred[0], f'Inferred from "{inferred[1]}" in the first lines of the text.'
        fields["published_note"] = note
    else:
        fields["published"] = TODO
        comments["published"] = "TODO: YYYY, YYYY-MM or YYYY-MM-DD (and a published_note saying how you know)"
    if url:
        fields["url"] = url
    if reader_for(language) is not reader_for("en"):
        fields["language"] = language
    entry = plain_dates(render_entry(fields, indent=section_indent(spans, section="sources"), comments=comments))
    new = apply_edits(old, [append_to_section(old, spans, section="sources", entries=[entry])])
    if copy:
        dest.parent.mkdir(exist_ok=True)
        write_atomic(dest, text)
    try:
        write_atomic(catalog, new, backup=True)
    except BaseException:
        if copy:
            dest.unlink(missing_ok=True)
        raise
    line = map_catalog(new).values[map_catalog(new).items("sources")[-1]].line
    return Added(source_id, written, digest, copy, line, note)


def _check_destination(dest: Path, data: bytes, *, written: str) -> bool:
    """True when the text must be copied; Refused when seeds/ holds other bytes under its name."""
    if not dest.exists() and not dest.is_symlink():
        return True
    if dest.is_file() and dest.read_bytes() == data:
        return False
    raise Refused(
        f"{written} already exists with other bytes; sources are never overwritten — give the new text "
        "another file name (or, for a deliberate change, replace it yourself and run `indicators pin`)."
    )


def _source_id(ident: str | None, *, stem: str, taken: set[str | None]) -> str:
    if ident is not None:
        if not re.fullmatch(ID_PATTERN, ident):
            raise Refused(f"--id {ident!r} must be kebab-case: lower-case letters, digits and single hyphens.")
        if ident in taken:
            raise Refused(f"--id {ident!r} is already a source id; choose another.")
        return ident
    base = slug(stem, limit=60) or "source"
    found, number = base, 2
    while found in taken:
        found, number = f"{base}-{number}", number + 1
    return found
