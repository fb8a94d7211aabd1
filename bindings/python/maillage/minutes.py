"""The minutes template of a network meeting (procès-verbal entretien en réseau), prefilled
from the map: date, place, facilitator, minute taker, participants, the open decisions carried
over from earlier meetings and their pending matters; empty places for the current situation,
the objectives, the new decisions (who does what by when), the pending matters and the next
meeting.

Formats: Markdown (``md``), self-contained HTML (``html``, Jinja2, printable on A4) and Word
(``docx``, python-docx, with real tables that LibreOffice and Word open and edit).
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InvalidArgumentError
from .meetings import decisions, meeting_record
from .messages import LANGUAGES, catalogue, date_text

if TYPE_CHECKING:
    from .network import Network

FORMATS = ("md", "html", "docx")
BLANK_DECISION_ROWS = 5
_PLACE_KEYS = ("place", "lieu", "ort", "location")


@dataclass
class _Person:
    name: str
    role: str


@dataclass
class _Carried:
    decided: str
    who: str
    what: str
    due: str
    status: str
    overdue: bool


@dataclass
class _Minutes:
    lang: str
    t: dict[str, Any]
    statuses: dict[str, str]
    meeting_id: str
    date: str
    place: str
    about: str
    facilitator: str
    minute_taker: str
    participants: list[_Person]
    carried: list[_Carried]
    pending_date: str
    pending: list[str]
    blank_rows: int = BLANK_DECISION_ROWS
    late_word: dict[str, str] = field(default_factory=dict)
    t_who: str = ""
    t_what: str = ""
    t_due: str = ""
    t_status: str = ""


def _content(net: Network, meeting_id: str, lang: str) -> _Minutes:
    if lang not in LANGUAGES:
        raise InvalidArgumentError(f"minutes: lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    m = meeting_record(net, meeting_id)
    cat = catalogue(lang)
    t = cat["minutes"]
    actors = net.actors

    def label(actor_id: str | None) -> str:
        if not actor_id:
            return ""
        if actor_id not in actors.index:
            return actor_id
        return actors.at[actor_id, "label"] or actor_id

    def described(actor_id: str | None) -> str:
        """A professional as "name (organisation)", anyone else by label."""
        if not actor_id:
            return ""
        if actor_id in actors.index and actors.at[actor_id, "kind"] == "professional" and actors.at[actor_id, "organisation"]:
            return f"{label(actor_id)} ({label(actors.at[actor_id, 'organisation'])})"
        return label(actor_id)

    def role_of(actor_id: str) -> str:
        if actor_id not in actors.index:
            return ""
        row = actors.loc[actor_id]
        if row["kind"] == "professional":
            parts = [p for p in (row["profession"], label(row["organisation"])) if p]
            return ", ".join(parts)
        if row["kind"] == "person" and row["role"]:
            return t["roles"].get(row["role"], row["role"])
        return ""

    def shown(value: str | None) -> str:
        """A date as a person of ``lang`` writes it ("4 mai 2026"); nothing for no date."""
        return date_text(value, lang) if value else ""

    date = m.get("date") or ""
    # Open decisions carried over: current records, as of the eve of this meeting, of earlier meetings.
    if date:
        eve = (_dt.date.fromisoformat(date) - _dt.timedelta(days=1)).isoformat()
    else:
        eve = _dt.date.today().isoformat()
    table = decisions(net, eve)
    table = table.loc[table["open"] & (table["meeting"] != meeting_id)]
    carried = [
        _Carried(decided=shown(row.date), who=described(row.who) or cat["meetings"]["nobody"], what=row.what,
                 due=shown(row.due), status=cat["meetings"]["statuses"].get(row.status, row.status),
                 overdue=bool(row.due and date and row.due < date))
        for row in table.itertuples()
    ]
    # Pending matters of the previous meeting (the latest one dated before this one).
    earlier = [x for x in net.meetings if x.get("date") and date and x["date"] < date]
    previous = max(earlier, key=lambda x: x["date"]) if earlier else None
    attributes = m.get("attributes", {}) or {}
    place = next((str(attributes[k]) for k in _PLACE_KEYS if attributes.get(k)), "")
    participants = [_Person(label(p), role_of(p)) for p in m.get("participants", [])]
    return _Minutes(
        lang=lang, t=t, statuses=cat["meetings"]["statuses"], meeting_id=meeting_id, date=shown(date), place=place,
        about=label(m.get("about")), facilitator=described(m.get("facilitator")),
        minute_taker=described(m.get("minute_taker")), participants=participants, carried=carried,
        pending_date=shown(previous["date"]) if previous else "", pending=list(previous.get("pending", [])) if previous else [],
        late_word={"late": cat["meetings"]["overdue"].lower()},
        t_who=cat["meetings"]["who"], t_what=cat["meetings"]["what"], t_due=cat["meetings"]["due"],
        t_status=cat["meetings"]["status"],
    )


# -- Markdown -----------------------------------------------------------------------------

def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(c: _Minutes) -> str:
    t = c.t
    out = [f"# {t['title']}", ""]
    if c.about:
        out += [f"**{t['about']}** {c.about}", ""]
    out += [f"| {t['meeting']} | {_cell(c.meeting_id)} |", "|---|---|",
            f"| {t['date']} | {c.date} |", f"| {t['place']} | {_cell(c.place)} |",
            f"| {t['facilitator']} | {_cell(c.facilitator)} |", f"| {t['minute_taker']} | {_cell(c.minute_taker)} |", ""]
    out += [f"## {t['participants']}", "", f"| {t['name']} | {t['organisation']} | {t['present']} | {t['minutes_sent']} |",
            "|---|---|---|---|"]
    out += [f"| {_cell(p.name)} | {_cell(p.role)} | ☐ | ☐ |" for p in c.participants]
    out += ["|  |  | ☐ | ☐ |", ""]
    out += [f"## {t['carried_over']}", ""]
    if c.carried:
        out += [f"| {t['from_meeting']} | {c.t_who} | {c.t_what} | {c.t_due} | {c.t_status} |", "|---|---|---|---|---|"]
        for d in c.carried:
            due = f"**{d.due}** ({c.late_word['late']})" if d.overdue else d.due
            out.append(f"| {d.decided} | {_cell(d.who)} | {_cell(d.what)} | {due} | {_cell(d.status)} |")
    else:
        out.append(t["carried_over_none"])
    out += ["", f"## {t['situation']}", "", f"*{t['situation_hint']}*", "", "", "",
            f"## {t['objectives']}", "", f"*{t['objectives_hint']}*", "", "", "",
            f"## {t['decisions']}", "", f"| {c.t_who} | {c.t_what} | {c.t_due} |", "|---|---|---|"]
    out += ["|  |  |  |"] * c.blank_rows
    out += ["", f"## {t['pending']}", ""]
    if c.pending:
        out += [t["pending_carried"].format(date=c.pending_date), ""] + [f"- {_cell(p)}" for p in c.pending] + [""]
    out += ["- ", "- ", "", f"## {t['next_meeting']}", "", f"{t['date']} :" if c.lang == "fr" else f"{t['date']}:",
            "", "---", "", f"*{t['distribution']}*", "", f"<small>{t['generated']}</small>", ""]
    return "\n".join(out)


# -- HTML ---------------------------------------------------------------------------------

_HTML = """<!DOCTYPE html>
<html lang="{{ c.lang }}">
<head>
<meta charset="utf-8">
<title>{{ t.title }}{% if c.date %} — {{ c.date }}{% endif %}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1b1b1b;
         max-width: 180mm; margin: 1.5em auto; line-height: 1.35; }
  h1 { font-size: 17pt; margin: 0 0 .2em; border-bottom: 2px solid #2c5d7c; padding-bottom: .2em; }
  h2 { font-size: 12pt; margin: 1.3em 0 .4em; color: #2c5d7c; }
  .about { margin: .2em 0 1em; font-size: 11.5pt; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #8a8a8a; padding: .3em .45em; vertical-align: top; text-align: left; }
  th { background: #e8eff4; font-weight: 600; }
  table.meta th { width: 30%; }
  td.box { text-align: center; width: 12%; }
  .nowrap { white-space: nowrap; }
  td.blank { height: 2.2em; }
  .hint { color: #555; font-style: italic; margin: 0 0 .3em; }
  .write { border: 1px dashed #9aa; min-height: 6em; }
  .late { color: #a01c1c; font-weight: 600; }
  ul.blank li { height: 1.6em; }
  footer { margin-top: 2em; font-size: 9pt; color: #555; border-top: 1px solid #ccc; padding-top: .4em; }
</style>
</head>
<body>
<h1>{{ t.title }}</h1>
{% if c.about %}<p class="about"><strong>{{ t.about }}</strong> {{ c.about }}</p>{% endif %}
<table class="meta">
  <tr><th>{{ t.meeting }}</th><td>{{ c.meeting_id }}</td></tr>
  <tr><th>{{ t.date }}</th><td>{{ c.date }}</td></tr>
  <tr><th>{{ t.place }}</th><td>{{ c.place }}</td></tr>
  <tr><th>{{ t.facilitator }}</th><td>{{ c.facilitator }}</td></tr>
  <tr><th>{{ t.minute_taker }}</th><td>{{ c.minute_taker }}</td></tr>
</table>

<h2>{{ t.participants }}</h2>
<table>
  <tr><th>{{ t.name }}</th><th>{{ t.organisation }}</th><th>{{ t.present }}</th><th>{{ t.minutes_sent }}</th></tr>
  {% for p in c.participants %}<tr><td>{{ p.name }}</td><td>{{ p.role }}</td><td class="box">☐</td><td class="box">☐</td></tr>
  {% endfor %}<tr><td class="blank"></td><td></td><td class="box">☐</td><td class="box">☐</td></tr>
</table>

<h2>{{ t.carried_over }}</h2>
{% if c.carried %}
<table>
  <tr><th>{{ t.from_meeting }}</th><th>{{ m.who }}</th><th>{{ m.what }}</th><th>{{ m.due }}</th><th>{{ m.status }}</th></tr>
  {% for d in c.carried %}<tr><td class="nowrap">{{ d.decided }}</td><td>{{ d.who }}</td><td>{{ d.what }}</td>
    <td class="nowrap{% if d.overdue %} late{% endif %}">{{ d.due }}{% if d.overdue %}<br>({{ c.late_word.late }}){% endif %}</td><td>{{ d.status }}</td></tr>
  {% endfor %}
</table>
{% else %}<p>{{ t.carried_over_none }}</p>{% endif %}

<h2>{{ t.situation }}</h2>
<p class="hint">{{ t.situation_hint }}</p>
<div class="write"></div>

<h2>{{ t.objectives }}</h2>
<p class="hint">{{ t.objectives_hint }}</p>
<div class="write"></div>

<h2>{{ t.decisions }}</h2>
<table>
  <tr><th style="width:28%">{{ m.who }}</th><th>{{ m.what }}</th><th style="width:18%">{{ m.due }}</th></tr>
  {% for _ in range(c.blank_rows) %}<tr><td class="blank"></td><td></td><td></td></tr>
  {% endfor %}
</table>

<h2>{{ t.pending }}</h2>
{% if c.pending %}<p>{{ t.pending_carried.format(date=c.pending_date) }}</p>
<ul>{% for p in c.pending %}<li>{{ p }}</li>{% endfor %}</ul>{% endif %}
<ul class="blank"><li></li><li></li></ul>

<h2>{{ t.next_meeting }}</h2>
<table class="meta"><tr><th>{{ t.date }}</th><td class="blank"></td></tr><tr><th>{{ t.place }}</th><td class="blank"></td></tr></table>

<footer>{{ t.distribution }}<br>{{ t.generated }}</footer>
</body>
</html>
"""


def _html(c: _Minutes, headers: dict[str, str]) -> str:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(_HTML).render(c=c, t=c.t, m=headers)


# -- Word ---------------------------------------------------------------------------------

def _docx(c: _Minutes, headers: dict[str, str]) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(16)
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10.5)
    document.core_properties.title = f"{c.t['title']} {c.date}".strip()
    document.core_properties.language = c.lang

    def header_row(table: Any, texts: list[str]) -> None:
        cells = table.rows[0].cells
        for cell, text in zip(cells, texts, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:fill"), "E8EFF4")
            cell._tc.get_or_add_tcPr().append(shading)
        # Repeat the header row on every page.
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)

    def grid(columns: list[str], rows: list[list[str]], widths: list[float] | None = None) -> Any:
        table = document.add_table(rows=1 + len(rows), cols=len(columns))
        table.style = "Table Grid"
        header_row(table, columns)
        for r, values in enumerate(rows, start=1):
            for cell, value in zip(table.rows[r].cells, values, strict=True):
                cell.text = value
        if widths:
            # Word reads the cell widths, LibreOffice the grid columns: set both.
            table.autofit = False
            for column, width in zip(table.columns, widths, strict=True):
                column.width = Mm(width)
            for row in table.rows:
                for cell, width in zip(row.cells, widths, strict=True):
                    cell.width = Mm(width)
        return table

    def blank_height(table: Any, first: int) -> None:
        for row in table.rows[first:]:
            row.height = Mm(9)

    def hint(text: str) -> None:
        p = document.add_paragraph()
        run = p.add_run(text)
        run.italic = True
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    def writing_box() -> None:
        box = document.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        box.rows[0].height = Mm(35)

    t = c.t
    document.add_heading(t["title"], level=0)
    if c.about:
        p = document.add_paragraph()
        p.add_run(f"{t['about']} ").bold = True
        p.add_run(c.about)
    meta = document.add_table(rows=5, cols=2)
    meta.style = "Table Grid"
    for row, (key, value) in zip(meta.rows, [(t["meeting"], c.meeting_id), (t["date"], c.date), (t["place"], c.place),
                                             (t["facilitator"], c.facilitator), (t["minute_taker"], c.minute_taker)],
                                 strict=True):
        row.cells[0].text = ""
        row.cells[0].paragraphs[0].add_run(key).bold = True
        row.cells[1].text = value

    document.add_heading(t["participants"], level=1)
    people = grid([t["name"], t["organisation"], t["present"], t["minutes_sent"]],
                  [[p.name, p.role, "☐", "☐"] for p in c.participants] + [["", "", "☐", "☐"]], [50, 80, 22, 22])
    for row in people.rows[1:]:
        for cell in row.cells[2:]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    document.add_heading(t["carried_over"], level=1)
    if c.carried:
        carried = grid([t["from_meeting"], headers["who"], headers["what"], headers["due"], headers["status"]],
                       [[d.decided, d.who, d.what, d.due + (f" ({c.late_word['late']})" if d.overdue else ""), d.status]
                        for d in c.carried], [24, 38, 70, 24, 18])
        for d, row in zip(c.carried, carried.rows[1:], strict=True):
            if d.overdue:
                for run in row.cells[3].paragraphs[0].runs:
                    run.bold = True
                    run.font.color.rgb = RGBColor(0xA0, 0x1C, 0x1C)
    else:
        document.add_paragraph(t["carried_over_none"])

    document.add_heading(t["situation"], level=1)
    hint(t["situation_hint"])
    writing_box()
    document.add_heading(t["objectives"], level=1)
    hint(t["objectives_hint"])
    writing_box()

    document.add_heading(t["decisions"], level=1)
    new = grid([headers["who"], headers["what"], headers["due"]], [["", "", ""]] * c.blank_rows, [45, 100, 29])
    blank_height(new, 1)

    document.add_heading(t["pending"], level=1)
    if c.pending:
        document.add_paragraph(t["pending_carried"].format(date=c.pending_date))
        for item in c.pending:
            document.add_paragraph(item, style="List Bullet")
    for _ in range(2):
        document.add_paragraph("", style="List Bullet")

    document.add_heading(t["next_meeting"], level=1)
    nxt = document.add_table(rows=2, cols=2)
    nxt.style = "Table Grid"
    blank_height(nxt, 0)
    for row, key in zip(nxt.rows, [t["date"], t["place"]], strict=True):
        row.cells[0].text = ""
        row.cells[0].paragraphs[0].add_run(key).bold = True
    p = document.add_paragraph()
    p.paragraph_format.space_before = Pt(14)
    run = p.add_run(f"{t['distribution']} {t['generated']}")
    run.italic = True
    run.font.size = Pt(8.5)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- API ----------------------------------------------------------------------------------

def minutes(net: Network, meeting_id: str, format: str = "md", lang: str = "fr") -> str | bytes:
    """The minutes template of meeting ``meeting_id``: Markdown or HTML text, or the bytes of a
    .docx file.

    Raises:
        UnknownIdError: the map has no such meeting.
        InvalidArgumentError: unknown format or language.
    """
    if format not in FORMATS:
        raise InvalidArgumentError(f"minutes: format must be one of {', '.join(FORMATS)}, got {format!r}")
    content = _content(net, meeting_id, lang)
    headers = catalogue(lang)["meetings"]
    if format == "md":
        return _markdown(content)
    if format == "html":
        return _html(content, headers)
    return _docx(content, headers)


def write_minutes(net: Network, meeting_id: str, path: str | os.PathLike[str], format: str | None = None,
                  lang: str = "fr") -> Path:
    """Writes the minutes template to ``path``; the format comes from its suffix (.md, .html,
    .docx) unless given. Returns the path."""
    path = Path(path)
    if format is None:
        format = path.suffix.lstrip(".").lower() or "md"
        if format == "htm":
            format = "html"
    result = minutes(net, meeting_id, format, lang)
    from . import _core

    _core.write_file_atomically(path, result if isinstance(result, bytes) else result.encode("utf-8"))
    return path


__all__ = ["FORMATS", "minutes", "write_minutes"]
