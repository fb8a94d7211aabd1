"""Network meetings (issue 9): DataFrames, each audit rule firing and near miss, messages, the
minutes template (md, html, docx), the 'minutes' and 'meetings' commands, catalogue keys."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import maillage
from maillage.meetings import audit, decisions, history
from maillage.messages import LANGUAGES, catalogue, message
from maillage.minutes import minutes, write_minutes

COMMAND = [str(Path(sys.executable).with_name("maillage"))]
EXAMPLE = maillage.example_path("suivi_entretiens")

ACTORS = [
    {"id": "usr", "kind": "person", "role": "user", "label": "Y. B."},
    {"id": "mere", "kind": "person", "role": "family", "label": "Mère"},
    {"id": "orgA", "kind": "organisation", "label": "Service social"},
    {"id": "orgB", "kind": "organisation", "label": "Foyer"},
    {"id": "proA", "kind": "professional", "organisation": "orgA", "label": "L. P."},
    {"id": "proB", "kind": "professional", "organisation": "orgB", "label": "F. Q."},
]


def meeting(id: str = "m1", date: str = "2026-03-10", **changes: Any) -> dict[str, Any]:
    """A well-run meeting; each test changes one thing."""
    record: dict[str, Any] = {
        "id": id, "date": date, "about": "usr", "facilitator": "orgA", "minute_taker": "orgB",
        "participants": ["usr", "proA", "proB"], "minutes_sent_to": ["usr", "proA", "proB"],
        "decisions": [{"id": f"d-{id}", "who": "proA", "what": "demande d'aide", "due": "2026-04-30"}],
    }
    record.update(changes)
    return record


def net_of(*meetings: dict[str, Any]) -> maillage.Network:
    return maillage.Network.from_dict({"actors": ACTORS, "ties": [], "meetings": list(meetings)})


def codes(net: maillage.Network, **options: Any) -> list[str]:
    return [f.code for f in audit(net, **options).findings]


def only(net: maillage.Network, code: str, **options: Any) -> maillage.Finding:
    found = [f for f in audit(net, **options).findings if f.code == code]
    assert len(found) == 1, found
    return found[0]


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, text=True, cwd=cwd)


# -- DataFrames ---------------------------------------------------------------------------

def test_meetings_dataframes_of_the_example() -> None:
    net = maillage.example("suivi_entretiens")
    m = maillage.meetings(net, as_of="2026-10-20")
    assert m.as_of == "2026-10-20"
    assert m.meetings.index.tolist() == ["er1", "er2", "er3"]
    assert not m.meetings.loc["er2", "user_present"]
    assert m.meetings.loc["er2", "new_decisions"] == 2
    assert m.meetings.loc["er3", "facilitator_organisation"] == "addictions"
    p = m.participations
    er2 = p.loc[p["meeting"] == "er2"].set_index("actor")
    assert er2["minutes_received"].to_dict() == {"as_ssr": True, "educ": True, "cons_add": False, "maitre": False}
    assert er2.loc["educ", "organisation"] == "passerelle"
    d = m.decisions
    assert list(d.columns) == ["meeting", "date", "id", "who", "what", "due", "status", "follow_up_of",
                               "followed_up_in", "new", "current", "open", "overdue", "days_late"]
    assert len(d) == 10
    assert d["overdue"].dtype == bool
    assert d.loc[d["overdue"], ["meeting", "id", "days_late"]].values.tolist() == [["er3", "d1", 5]]
    assert d.at[4, "who"] is None  # d4 had no owner in er2
    assert m.loads.loc["educ", "open_decisions"] == 1
    assert m.loads.loc["ssr", "meetings_facilitated"] == 2


def test_decisions_carried_across_meetings() -> None:
    net = maillage.example("suivi_entretiens")
    d1 = history(net, "d1", as_of="2026-10-01")
    assert d1["meeting"].tolist() == ["er1", "er2", "er3"]
    assert d1["follow_up_of"].tolist() == [None, "er1", "er2"]
    assert d1["followed_up_in"].tolist() == ["er2", "er3", None]
    assert d1["current"].tolist() == [False, False, True]
    # As of 2026-05-15, only er1 had taken place: its d1 (due 2026-04-30, in progress) was late.
    early = decisions(net, "2026-05-15")
    assert early.loc[early["current"], "meeting"].unique().tolist() == ["er1"]
    assert early.loc[early["overdue"], ["id", "days_late"]].values.tolist() == [["d1", 15]]
    # Done decisions are never overdue; only current records are.
    late = decisions(net, "2027-01-01", current=True)
    assert sorted(late.loc[late["overdue"], "id"]) == ["d1", "d5", "d6"]
    assert decisions(net, "2026-10-01", owner="as_ssr", current=True)["id"].tolist() == ["d3", "d4"]
    assert decisions(net, "2026-10-01", meeting="er2")["id"].tolist() == ["d1", "d4", "d5"]
    with pytest.raises(maillage.UnknownIdError, match="unknown actor 'nobody'"):
        decisions(net, owner="nobody")
    with pytest.raises(maillage.UnknownIdError, match="unknown meeting 'er9'"):
        decisions(net, meeting="er9")
    with pytest.raises(maillage.UnknownIdError):
        history(net, "d99")
    with pytest.raises(maillage.InvalidArgumentError, match="malformed date '2026-02-30'"):
        decisions(net, "2026-02-30")


def test_as_of_defaults_to_today() -> None:
    import datetime

    assert maillage.meetings(maillage.example("suivi_entretiens")).as_of == datetime.date.today().isoformat()
    assert audit(net_of(meeting()), as_of=datetime.date(2026, 5, 2)).as_of == "2026-05-02"


# -- The audit rules: each fires, and a near miss does not ---------------------------------

def test_a_well_run_meeting_has_no_finding() -> None:
    assert codes(net_of(meeting()), as_of="2026-04-01") == []


def test_same_facilitator_and_minute_taker() -> None:
    f = only(net_of(meeting(facilitator="proA", minute_taker="orgA")), "same_facilitator_and_minute_taker")
    assert (f.severity, f.subjects, f.evidence) == ("info", ["m1"], {"organisation": "orgA", "date": "2026-03-10"})
    assert "same_facilitator_and_minute_taker" not in codes(net_of(meeting(facilitator="proA", minute_taker="proB")))


def test_user_absent() -> None:
    f = only(net_of(meeting(participants=["proA", "proB", "mere"])), "user_absent")
    assert (f.severity, f.evidence) == ("warning", {"user": "usr", "date": "2026-03-10"})
    assert "user_absent" not in codes(net_of(meeting(participants=["usr", "proA"])))


def test_decision_without_owner() -> None:
    f = only(net_of(meeting(decisions=[{"what": "plan de paiement", "due": "2026-06-30"}])), "decision_without_owner")
    assert (f.severity, f.evidence) == ("warning", {"decision": "plan de paiement", "date": "2026-03-10"})
    near = meeting(decisions=[{"who": "orgB", "what": "plan", "due": "2026-06-30"}, {"what": "fait", "status": "done"}])
    assert "decision_without_owner" not in codes(net_of(near))


def test_decision_without_deadline() -> None:
    f = only(net_of(meeting(decisions=[{"who": "proB", "what": "stage d'essai"}])), "decision_without_deadline")
    assert (f.severity, f.evidence) == ("info", {"decision": "stage d'essai", "who": "proB", "date": "2026-03-10"})
    near = meeting(decisions=[{"who": "proB", "what": "stage", "due": "2026-03-31"},
                              {"who": "proB", "what": "autre", "status": "cancelled"}])
    assert "decision_without_deadline" not in codes(net_of(near))


def test_overdue_decision() -> None:
    net = net_of(meeting())
    f = only(net, "overdue_decision", as_of="2026-05-02")
    assert f.severity == "warning"
    assert f.evidence == {"decision": "demande d'aide", "who": "proA", "due": "2026-04-30", "as_of": "2026-05-02",
                          "days_late": 2, "date": "2026-03-10"}
    assert "overdue_decision" not in codes(net, as_of="2026-04-30")  # due that day: not late yet
    # Followed up as done in a later meeting: no longer overdue once that meeting has taken place.
    done = meeting("m2", "2026-05-20", decisions=[{"id": "d-m1", "who": "proA", "what": "demande d'aide",
                                                    "due": "2026-04-30", "status": "done"}])
    assert "overdue_decision" not in codes(net_of(meeting(), done), as_of="2026-06-01")
    assert only(net_of(meeting(), done), "overdue_decision", as_of="2026-05-10").evidence["days_late"] == 10


def test_minutes_not_sent() -> None:
    f = only(net_of(meeting(participants=["usr", "mere", "proA", "proB"], minutes_sent_to=["usr"])), "minutes_not_sent")
    assert (f.severity, f.evidence) == ("warning", {"missing": ["mere", "proA"], "date": "2026-03-10"})
    # proA's organisation received them; proB belongs to the organisation that wrote them.
    assert "minutes_not_sent" not in codes(net_of(meeting(minutes_sent_to=["usr", "orgA"])))


def test_meeting_overload() -> None:
    one = [{"who": "proB", "what": "stage", "due": "2026-05-31"}]
    series = [meeting("m1", "2026-03-01"), meeting("m2", "2026-03-31", decisions=[]),
              meeting("m3", "2026-04-30", decisions=[])]
    result = audit(net_of(*series))
    found = [f for f in result.findings if f.code == "meeting_overload"]
    assert len(found) == 1
    assert found[0].subjects == ["m1", "m2", "m3"]
    assert found[0].evidence == {"meetings": 3, "decisions": 1, "window_days": 90, "ratio": 3.0, "threshold": 2.0}
    assert found[0].severity == "warning"
    assert [w["overloaded"] for w in result.figures["windows"]] == [False, True, True]
    # Near miss: one more new decision (in m2) makes 1.5 meetings per decision.
    series[1] = meeting("m2", "2026-03-31", decisions=one)
    near = audit(net_of(*series))
    assert "meeting_overload" not in [f.code for f in near.findings]
    assert near.figures["max_overload_ratio"] == 1.5
    assert "meeting_overload" in codes(net_of(*series), threshold=1.5)
    # Near miss: a shorter window never holds two of these meetings.
    series[1] = meeting("m2", "2026-03-31", decisions=[])
    assert "meeting_overload" not in codes(net_of(*series), window_days=29)
    with pytest.raises(maillage.InvalidArgumentError, match="overload_window_days"):
        audit(net_of(*series), window_days=0)


def test_audit_of_the_example() -> None:
    net = maillage.example("suivi_entretiens")
    result = audit(net, as_of="2026-10-01")
    assert [(f.code, f.subjects) for f in result.findings] == [
        ("same_facilitator_and_minute_taker", ["er2"]), ("user_absent", ["er2"]),
        ("decision_without_owner", ["er2"]), ("decision_without_deadline", ["er2"]), ("minutes_not_sent", ["er2"])]
    fig = result.figures
    assert fig["decisions"] == 6
    assert fig["decisions_per_meeting"] == 2.0
    assert fig["done_on_time_share"] == 1.0
    assert fig["user_participation"] == pytest.approx(2 / 3)
    assert fig["facilitators"][0] == ("ssr", 2)
    assert len(result.to_frame()) == 5


# -- Messages -------------------------------------------------------------------------------

def test_messages_show_labels_and_join_lists() -> None:
    net = maillage.example("suivi_entretiens")
    result = audit(net, as_of="2026-10-20")
    texts = {f.code: f.message(net, "fr") for f in result.findings}
    # A professional is named with the organisation they work for.
    assert texts["minutes_not_sent"] == ("Séance du 2 juin 2026 : le procès-verbal n'a pas été envoyé à "
                                         "D. E. (Fondation Contact Addictions), K. O. (Atelier d'insertion Le Tremplin).")
    assert "Service social régional de Valmont" in texts["same_facilitator_and_minute_taker"]
    assert "(5 jours de retard)" in texts["overdue_decision"]
    for lang in LANGUAGES:
        for f in result.findings:
            assert "{" not in f.message(net, lang)
            assert f.message(net, lang, "suggestion")
    ratio = message("meeting_overload", {"meetings": 3, "decisions": 2, "window_days": 90, "ratio": 1.5,
                                         "threshold": 2.0}, lang="fr")
    assert "1,5" in ratio and "90" in ratio
    with pytest.raises(maillage.InvalidArgumentError, match="needs evidence 'date'"):
        message("user_absent", {"user": "usr"}, net=net, lang="en")
    with pytest.raises(maillage.InvalidArgumentError):
        message("user_absent", {"user": "usr", "date": "x"}, lang="it")


def test_catalogues_have_every_minutes_and_meetings_key() -> None:
    def keys(d: dict[str, Any], prefix: str = "") -> set[str]:
        out = set()
        for k, v in d.items():
            out |= keys(v, f"{prefix}{k}.") if isinstance(v, dict) else {f"{prefix}{k}"}
        return out

    for section in ("minutes", "meetings"):
        reference = keys(catalogue("fr")[section])
        assert reference
        for lang in LANGUAGES:
            part = catalogue(lang)[section]
            assert keys(part) == reference, (lang, section)
            assert all(isinstance(v, str) and v.strip() for v in _leaves(part)), (lang, section)
    for lang in LANGUAGES:
        assert set(catalogue(lang)["meetings"]["statuses"]) == {"open", "in_progress", "done", "cancelled"}
        for code in ("same_facilitator_and_minute_taker", "user_absent", "decision_without_owner",
                     "decision_without_deadline", "overdue_decision", "minutes_not_sent", "meeting_overload"):
            assert {"message", "suggestion"} <= set(catalogue(lang)["gaps"][code])


def _leaves(d: dict[str, Any]) -> list[Any]:
    return [x for v in d.values() for x in (_leaves(v) if isinstance(v, dict) else [v])]


# -- The minutes template ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_minutes_markdown_and_html(lang: str) -> None:
    net = maillage.example("suivi_entretiens")
    t = catalogue(lang)["minutes"]
    md = minutes(net, "er3", "md", lang)
    assert isinstance(md, str)
    assert md.startswith(f"# {t['title']}")
    meeting_date = {"fr": "15 septembre 2026", "en": "15 September 2026", "de": "15. September 2026"}[lang]
    for text in (meeting_date, "Fondation Contact Addictions", "Atelier d'insertion Le Tremplin", "K. O.",
                 "poursuivre la recherche de studio", "dette envers la caisse maladie", t["situation"],
                 t["objectives"], t["decisions"], t["pending"]):
        assert text in md, text
    # Carried over: er2's open decisions (d1, d4, d5), not er3's own nor er1's done ones.
    assert "accompagner Y. B. à la signature du bail" not in md
    assert "déposer la demande d'aide sociale" not in md
    html = minutes(net, "er3", "html", lang)
    assert isinstance(html, str)
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    assert "d&#39;insertion Le Tremplin" in html  # escaped
    assert html.count("<tr>") >= 5 + 6 + 1 + 3 + 1 + 5 + 2
    first = minutes(net, "er1", "md", lang)
    assert catalogue(lang)["minutes"]["carried_over_none"] in first


def test_minutes_docx_has_real_tables(tmp_path: Path) -> None:
    import docx

    net = maillage.example("suivi_entretiens")
    path = write_minutes(net, "er2", tmp_path / "pv.docx", lang="fr")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Procès-verbal — entretien en réseau"
    assert "Nouvelles décisions : qui fait quoi jusqu'à quand" in headings
    tables = document.tables
    assert len(tables) >= 6
    participants = next(t for t in tables if t.rows[0].cells[0].text == "Nom")
    assert [r.cells[0].text for r in participants.rows[1:-1]] == ["L. P.", "F. Q.", "D. E.", "K. O."]
    carried = next(t for t in tables if t.rows[0].cells[0].text == "Décidé le")
    assert len(carried.rows) == 2  # er1's d1, in progress
    assert "chercher un studio" in carried.rows[1].cells[2].text
    assert "(en retard)" in carried.rows[1].cells[3].text
    new = next(t for t in tables if [c.text for c in t.rows[0].cells] == ["Qui", "Quoi", "Jusqu'à quand"])
    assert len(new.rows) == 6 and all(c.text == "" for r in new.rows[1:] for c in r.cells)


def test_minutes_errors() -> None:
    net = maillage.example("suivi_entretiens")
    with pytest.raises(maillage.UnknownIdError, match="unknown meeting 'er9'"):
        minutes(net, "er9")
    with pytest.raises(maillage.InvalidArgumentError):
        minutes(net, "er1", "pdf")
    with pytest.raises(maillage.InvalidArgumentError):
        minutes(net, "er1", "md", "it")


# -- Commands ---------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["minutes", "meetings"])
def test_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert f"Usage: maillage {command}" in result.stdout


def test_minutes_command(tmp_path: Path) -> None:
    result = run("minutes", EXAMPLE, "--meeting", "er2", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Minutes — network meeting")
    for fmt in ("html", "docx", "md"):
        out = tmp_path / f"pv.{fmt}"
        result = run("minutes", EXAMPLE, "--meeting", "er3", "-o", out)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0
    assert (tmp_path / "pv.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "pv.docx").read_bytes()[:2] == b"PK"
    result = run("minutes", EXAMPLE, "--meeting", "er3", "--format", "docx")
    assert result.returncode == 2
    result = run("minutes", EXAMPLE, "--meeting", "nope")
    assert result.returncode == 2
    assert "unknown meeting 'nope'" in result.stderr
    result = run("minutes", tmp_path / "missing.maillage.json", "--meeting", "er1")
    assert result.returncode == 1


def test_meetings_command_table_and_csv() -> None:
    result = run("meetings", EXAMPLE, "--as-of", "2026-10-20", "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Decisions as of 20 October 2026"
    assert lines[1].split() == ["Meeting", "Who", "What", "By", "when", "Status", "Overdue"]
    assert len(lines) == 3 + 10
    overdue = [line for line in lines if "days late" in line]
    assert len(overdue) == 1 and overdue[0].startswith("er3 2026-09-15  F. Q.") and "5 days late" in overdue[0]
    assert any("in progress → er2" in line for line in lines)
    assert any("(nobody)" in line for line in lines)

    result = run("meetings", EXAMPLE, "--as-of", "2026-10-20", "--csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 10
    assert list(rows[0]) == ["meeting", "date", "id", "who", "what", "due", "status", "follow_up_of",
                             "followed_up_in", "current", "overdue", "days_late"]
    late = [r for r in rows if r["overdue"] == "true"]
    assert [(r["meeting"], r["id"], r["who"], r["days_late"]) for r in late] == [("er3", "d1", "educ", "5")]
    assert rows[4]["who"] == "" and rows[4]["followed_up_in"] == "er3"
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert frame["current"].sum() == 6

    result = run("meetings", EXAMPLE, "--as-of", "2026-10-20", "--owner", "educ", "--current", "--csv")
    assert [r["id"] for r in csv.DictReader(io.StringIO(result.stdout))] == ["d1"]
    result = run("meetings", EXAMPLE, "--as-of", "2026-10-20", "--lang", "fr")
    assert "5 j de retard" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--as-of", "2026-13-01"], "malformed date '2026-13-01'"),
    (["--as-of", "20.10.2026"], "malformed date '20.10.2026'"),
    (["--owner", "nobody"], "unknown actor 'nobody'"),
    (["--meeting", "er9"], "unknown meeting 'er9'"),
])
def test_meetings_command_errors(args: list[str], message: str) -> None:
    result = run("meetings", EXAMPLE, *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_meetings_command_empty_map(tmp_path: Path) -> None:
    path = tmp_path / "empty.maillage.json"
    path.write_text(json.dumps({"maillage": 1, "actors": ACTORS, "ties": []}), encoding="utf-8")
    result = run("meetings", path, "--lang", "en")
    assert result.returncode == 0
    assert "No decision." in result.stdout
