"""Network meetings (entretiens en réseau): who does what by when, and the meeting audit.

One organisation facilitates, *another* writes the minutes and sends them to every
participant; the user takes part; each decision names who does what by when. The definitions
(follow-up of a decision by its ``id``, open, overdue, the seven rules, their severities and
thresholds) are those of the C++ header ``maillage/analysis/meetings.hpp``; in short:

========================================  ========  ==============================================
code                                      severity  fires when
========================================  ========  ==============================================
``same_facilitator_and_minute_taker``     info      the same organisation facilitates and writes
                                                    (a professional stands for its organisation)
``user_absent``                           warning   the user the meeting is about is not there
``decision_without_owner``                warning   a decision (not done/cancelled) has no ``who``
``decision_without_deadline``             info      a decision (not done/cancelled) has no ``due``
``overdue_decision``                      warning   the latest record of a decision, as of
                                                    ``as_of``, is open and past its due date
``minutes_not_sent``                      warning   a participant (or their organisation) did not
                                                    receive the minutes; the writing organisation
                                                    is exempt
``meeting_overload``                      warning   within ``window_days`` (90) days, at least 2
                                                    meetings and meetings / max(new decisions, 1)
                                                    >= ``threshold`` (2.0)
========================================  ========  ==============================================

A decision whose ``id`` appears again in a later meeting is followed up there: only its latest
record (as of ``as_of``) counts as open, done or overdue. ``as_of`` defaults to today.

>>> import maillage
>>> net = maillage.example("suivi_entretiens")
>>> m = maillage.meetings(net, as_of="2026-10-20")
>>> m.decisions.loc[m.decisions["overdue"], ["meeting", "id", "who", "days_late"]].values.tolist()
[['er3', 'd1', 'educ', 5]]
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _core
from .errors import InvalidArgumentError, UnknownIdError
from .analysis import Finding

if TYPE_CHECKING:
    from .network import Network

DECISION_COLUMNS = ["meeting", "date", "id", "who", "what", "due", "status", "follow_up_of", "followed_up_in",
                    "new", "current", "open", "overdue", "days_late"]
STATUSES = ("open", "in_progress", "done", "cancelled")
# Evidence values that count things: integers in Python.
_COUNT_KEYS = frozenset({"meetings", "decisions", "window_days", "days_late"})


def as_of_text(as_of: str | _dt.date | None) -> str:
    """``as_of`` as an ISO date (today when None).

    Raises:
        InvalidArgumentError: a string that is not a valid YYYY-MM-DD date.
    """
    if as_of is None:
        return _dt.date.today().isoformat()
    if isinstance(as_of, _dt.datetime):
        return as_of.date().isoformat()
    if isinstance(as_of, _dt.date):
        return as_of.isoformat()
    text = str(as_of)
    try:
        if len(text) != 10:
            raise ValueError
        _dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidArgumentError(f"as_of: malformed date {text!r}; expected YYYY-MM-DD") from None
    return text


@dataclass(frozen=True)
class MeetingsAudit:
    """The audit of a series of meetings: findings and figures.

    ``figures`` holds ``meetings``, ``decisions`` (distinct decisions), ``decision_records``,
    ``decisions_per_meeting`` (new decisions per meeting), ``done_on_time``,
    ``deadline_reached`` and ``done_on_time_share`` (a lower bound: work is recorded at the next
    meeting), ``open_decisions``, ``overdue_decisions``, ``user_participation`` (share of the
    meetings about a user that they attended), ``facilitators`` and ``minute_takers``
    (organisation id, count; most first), ``per_meeting`` and the overload ``windows``
    (each: last_meeting, from, to, meetings, new_decisions, ratio, overloaded) with
    ``max_overload_ratio``.
    """

    findings: list[Finding]
    figures: dict[str, Any]
    as_of: str
    window_days: int = 90
    threshold: float = 2.0

    def to_frame(self) -> pd.DataFrame:
        """One row per finding: code, severity, subjects, evidence."""
        return pd.DataFrame([f.to_dict() for f in self.findings], columns=["code", "severity", "subjects", "evidence"])


@dataclass(frozen=True)
class Meetings:
    """The meetings of a map as DataFrames.

    - ``meetings``: one row per meeting (index: meeting id) in date order — date, about,
      facilitator, minute_taker (as the map names them) and the organisations they stand for,
      participants, minutes_sent_to, pending (lists), decisions and new_decisions (counts),
      user_present.
    - ``participations``: one row per meeting and actor named as participant or recipient of
      the minutes — meeting, date, actor, label, kind, organisation, participant,
      minutes_received (they, their organisation or the writing organisation hold them).
    - ``decisions``: one row per decision record, in date order — meeting, date, id, who, what,
      due, status, follow_up_of / followed_up_in (meeting ids), new (first record of the
      decision), current (its latest record as of ``as_of``), open, overdue, days_late.
    - ``loads``: one row per actor (index: actor id) — open, overdue and done decisions it owns,
      meetings attended, facilitated, minutes written.
    """

    meetings: pd.DataFrame
    participations: pd.DataFrame
    decisions: pd.DataFrame
    loads: pd.DataFrame
    as_of: str = field(default="")


def _decisions_frame(columns: dict[str, list[Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(columns, columns=DECISION_COLUMNS)
    # Missing ids, owners and dates are None (object columns), not empty strings.
    for column in ("id", "who", "due", "follow_up_of", "followed_up_in"):
        frame[column] = pd.Series([v or None for v in columns[column]], dtype=object, index=frame.index)
    frame["days_late"] = pd.array(columns["days_late"], dtype="Int64")
    for column in ("new", "current", "open", "overdue"):
        frame[column] = frame[column].astype(bool)
    frame.index = pd.RangeIndex(len(frame), name="row")
    return frame


def decisions(net: Network, as_of: str | _dt.date | None = None, *, owner: str | None = None,
              meeting: str | None = None, status: str | None = None, current: bool = False) -> pd.DataFrame:
    """The decisions table (see :class:`Meetings`), optionally only those of one ``owner`` (an
    actor id), one ``meeting`` (a meeting id), one ``status``, or only current records.

    Raises:
        UnknownIdError: ``owner`` is not an actor of the map, or ``meeting`` not one of its meetings.
        InvalidArgumentError: a malformed ``as_of`` or an unknown ``status``.
    """
    when = as_of_text(as_of)
    if owner is not None and owner not in net:
        raise UnknownIdError(f"decisions: unknown actor {owner!r}")
    if meeting is not None and meeting not in {m["id"] for m in net.meetings}:
        raise UnknownIdError(f"decisions: unknown meeting {meeting!r}")
    if status is not None and status not in STATUSES:
        raise InvalidArgumentError(f"decisions: status must be one of {', '.join(STATUSES)}, got {status!r}")
    frame = _decisions_frame(_core.decisions_table(net._core, when))
    keep = pd.Series(True, index=frame.index)
    if owner is not None:
        keep &= frame["who"] == owner
    if meeting is not None:
        keep &= frame["meeting"] == meeting
    if status is not None:
        keep &= frame["status"] == status
    if current:
        keep &= frame["current"]
    return frame.loc[keep]


def history(net: Network, decision_id: str, as_of: str | _dt.date | None = None) -> pd.DataFrame:
    """The records of one decision across the meetings that followed it up, oldest first.

    Raises:
        UnknownIdError: no meeting records a decision with that id.
    """
    frame = decisions(net, as_of)
    rows = frame.loc[frame["id"] == decision_id]
    if rows.empty:
        raise UnknownIdError(f"history: unknown decision {decision_id!r}")
    return rows


def audit(net: Network, as_of: str | _dt.date | None = None, *, window_days: int = 90,
          threshold: float = 2.0) -> MeetingsAudit:
    """The audit of each meeting and of the series: findings for the seven meeting codes (table
    in this module's docstring) and figures. ``as_of`` (default: today) judges overdue
    decisions; ``window_days`` and ``threshold`` tune meeting overload."""
    when = as_of_text(as_of)
    raw_findings, figures = _core.audit_meetings(net._core, when, int(window_days), float(threshold))
    findings = []
    for code, severity, subjects, evidence in raw_findings:
        evidence = {k: int(v) if k in _COUNT_KEYS and isinstance(v, float) else v for k, v in evidence.items()}
        findings.append(Finding(code, severity, list(subjects), evidence))
    return MeetingsAudit(findings, figures, when, int(window_days), float(threshold))


def meetings(net: Network, as_of: str | _dt.date | None = None) -> Meetings:
    """The meetings, participations, decisions and actors' load of a map as DataFrames (see
    :class:`Meetings`); ``as_of`` (default: today) decides which records are current and overdue."""
    when = as_of_text(as_of)
    records = {m["id"]: m for m in net.meetings}
    figures = _core.audit_meetings(net._core, when)[1]
    actors = net.actors
    organisation = {actor_id: (org if kind == "professional" and org else actor_id)
                    for actor_id, kind, org in zip(actors.index, actors["kind"], actors["organisation"], strict=True)}

    meeting_rows = []
    participation_rows = []
    for figure in figures["per_meeting"]:
        m = records[figure["meeting"]]
        participants = list(m.get("participants", []))
        sent_to = list(m.get("minutes_sent_to", []))
        meeting_rows.append({
            "id": m["id"], "date": m.get("date"), "about": m.get("about"),
            "facilitator": m.get("facilitator"), "minute_taker": m.get("minute_taker"),
            "facilitator_organisation": figure["facilitator_organisation"] or None,
            "minute_taker_organisation": figure["minute_taker_organisation"] or None,
            "participants": participants, "minutes_sent_to": sent_to,
            "decisions": figure["decisions"], "new_decisions": figure["new_decisions"],
            "pending": list(m.get("pending", [])), "user_present": figure["user_present"],
        })
        writer = figure["minute_taker_organisation"]
        for actor_id in dict.fromkeys(participants + sent_to):
            org = organisation.get(actor_id, actor_id)
            participation_rows.append({
                "meeting": m["id"], "date": m.get("date"), "actor": actor_id,
                "label": actors.at[actor_id, "label"] or None, "kind": actors.at[actor_id, "kind"],
                "organisation": actors.at[actor_id, "organisation"] or None,
                "participant": actor_id in participants,
                "minutes_received": actor_id in sent_to or org in sent_to or (bool(writer) and org == writer),
            })
    meeting_frame = pd.DataFrame(meeting_rows, columns=[
        "id", "date", "about", "facilitator", "minute_taker", "facilitator_organisation",
        "minute_taker_organisation", "participants", "minutes_sent_to", "decisions", "new_decisions",
        "pending", "user_present"]).set_index("id")
    participation_frame = pd.DataFrame(participation_rows, columns=[
        "meeting", "date", "actor", "label", "kind", "organisation", "participant", "minutes_received"])
    loads = pd.DataFrame(_core.actor_loads(net._core, when)).set_index("actor")
    loads.index.name = "id"
    return Meetings(meeting_frame, participation_frame, decisions(net, when), loads, when)


def meeting_record(net: Network, meeting_id: str) -> dict[str, Any]:
    """The record of one meeting, shaped like the JSON map.

    Raises:
        UnknownIdError: the map has no meeting with that id.
    """
    for m in net.meetings:
        if m["id"] == meeting_id:
            return m
    known = ", ".join(m["id"] for m in net.meetings) or "none"
    raise UnknownIdError(f"unknown meeting {meeting_id!r}; the map's meetings are: {known}")
