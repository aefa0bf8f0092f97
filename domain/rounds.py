"""Reporting rounds (raportointikierros): the monthly cycle the programme office runs.

A coordinator or admin *opens* a month (deadline, report date); regions send their sheets into
it, only for their own region; the office then *publishes* it, and from then on it is the
national picture everyone sees. Published months are read-only for uploaders; a coordinator
may correct one only with a stated reason (kept on the new revision).

Every rule of the cycle lives here once: which periods are allowed, who may send what into which
round (`submission_problems`, used by the CLI and the web upload alike), opening, publishing,
and the round's status (who has sent, when, late or not, rejected attempts).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .i18n import LOCAL_TIME, LocalName, format_period, t
from .metrics import period_of
from .schema import Region, Round, Snapshot, Submission, Upload
from .store import default_report_date

OPEN, PUBLISHED = "open", "published"
# The programme's months: from the founding phase (07/2021) to a year after the transfer of
# responsibility on 1.1.2023. A round outside them is a typo (2100-12), not a real month.
PROGRAMME_FIRST, PROGRAMME_LAST = "2021-07", "2023-12"
# Who acts from the command line: the operator of the database, with a coordinator's rights.
OPERATOR = "operator"


@dataclass(frozen=True)
class Refusal:
    """One reason a round action or a submission is refused (catalogue key + parameters)."""

    key: str
    params: dict

    def render(self, lang: str | None = "fi") -> str:
        return t(self.key, lang, **self.params)


class RoundRefused(Exception):
    """Every reason at once; nothing was written."""

    def __init__(self, refusals: list[Refusal]):
        self.refusals = refusals
        super().__init__("; ".join(r.key for r in refusals))

    def render(self, lang: str | None = "fi") -> list[str]:
        return [r.render(lang) for r in self.refusals]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def parse_date(value: str | None) -> dt.date | None:
    """'17.2.2023' (or 2023-02-17) -> date; None when it is not one."""
    text = (value or "").strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def round_of(session: Session, period: str) -> Round | None:
    return session.scalar(select(Round).join(Snapshot, Snapshot.id == Round.snapshot_id)
                          .where(Snapshot.period == period))


def period_problem(period: str | None) -> Refusal | None:
    """A period must be a month of the programme (see PROGRAMME_FIRST/LAST)."""
    try:
        period_of(period or "")
    except (ValueError, TypeError):
        return Refusal("round.bad_period", {"value": period or ""})
    if not PROGRAMME_FIRST <= period <= PROGRAMME_LAST:
        return Refusal("round.period_out_of_range", {
            "period": format_period(period), "first": format_period(PROGRAMME_FIRST),
            "last": format_period(PROGRAMME_LAST)})
    return None


def open_round(session: Session, period: str, deadline: dt.date,
               report_date: dt.date | None = None, *, by: str | None = None) -> Round:
    """Open the month for sending. Refused (all reasons at once) if the round exists, the
    period is outside the programme or the deadline is before the report date."""
    from .store import ensure_snapshot

    problems: list[Refusal] = []
    bad_period = period_problem(period)
    if bad_period is not None:
        problems.append(bad_period)
    elif (existing := round_of(session, period)) is not None:
        problems.append(Refusal(f"round.exists.{existing.state}",
                                {"period": format_period(period)}))
    if report_date is None and bad_period is None:
        report_date = min(default_report_date(period), deadline)
    if report_date is not None and deadline < report_date:
        problems.append(Refusal("round.deadline_before_report", {
            "deadline": deadline, "report_date": report_date}))  # shown in the reader's language
    if problems:
        raise RoundRefused(problems)
    snap = ensure_snapshot(session, period, report_date, round_state=OPEN)
    rnd = round_of(session, period)
    rnd.deadline, rnd.opened_at, rnd.opened_by = deadline, _now(), by
    if snap.report_date != report_date:
        snap.report_date = report_date
    session.flush()
    return rnd


def publish_round(session: Session, period: str, *, by: str | None = None) -> Round:
    rnd = round_of(session, period) if isinstance(period, str) else None
    if rnd is None:
        raise RoundRefused([Refusal("round.unknown", {"period": period or ""})])
    if rnd.state == PUBLISHED:
        raise RoundRefused([Refusal("round.already_published",
                                    {"period": format_period(period)})])
    rnd.state, rnd.published_at, rnd.published_by = PUBLISHED, _now(), by
    session.flush()
    return rnd


def submission_problems(session: Session, period: str, region_id: int, *, role: str,
                        own_region_id: int | None = None,
                        correction: str | None = None) -> list[Refusal]:
    """Why this actor may not send this region's sheet for this month ([] = may).

    - a region uploader only for its own region;
    - into an open round; a published month only by a coordinator/admin/operator with a reason;
    - no round for the month: refused, the programme office opens it first."""
    problems: list[Refusal] = []
    region = session.get(Region, region_id)
    if role == "region_uploader" and own_region_id != region_id:
        own = session.get(Region, own_region_id) if own_region_id else None
        problems.append(Refusal("round.wrong_region", {
            "region": LocalName.of(region) or "-", "own": LocalName.of(own) or "-"}))
    rnd = round_of(session, period)
    shown = format_period(period)
    if rnd is None:
        problems.append(Refusal("round.not_open", {"period": shown}))
    elif rnd.state == PUBLISHED:
        if role == "region_uploader":
            problems.append(Refusal("round.published_read_only", {"period": shown}))
        elif not (correction or "").strip():
            problems.append(Refusal("round.correction_needed", {"period": shown}))
    return problems


def check_submission(session: Session, period: str, region_id: int, **kwargs) -> None:
    problems = submission_problems(session, period, region_id, **kwargs)
    if problems:
        raise RoundRefused(problems)


# --- reads ------------------------------------------------------------------------------------

def state_label(state: str, lang: str | None = "fi") -> str:
    return t(f"round.state.{state}", lang)


@dataclass(frozen=True)
class RoundInfo:
    period: str
    state: str
    deadline: dt.date | None
    report_date: dt.date
    submitted: int
    regions: int

    @property
    def missing(self) -> int:
        return self.regions - self.submitted


def list_rounds(session: Session) -> list[RoundInfo]:
    """Every round, oldest first, with how many regions have sent."""
    sent = dict(session.execute(
        select(Submission.snapshot_id, func.count(func.distinct(Submission.region_id)))
        .where(Submission.is_current.is_(True)).group_by(Submission.snapshot_id)).all())
    total = session.scalar(select(func.count()).select_from(Region))
    rows = session.execute(select(Round, Snapshot).join(Snapshot, Snapshot.id == Round.snapshot_id)
                           .order_by(Snapshot.period))
    return [RoundInfo(s.period, r.state, r.deadline, s.report_date, sent.get(s.id, 0), total)
            for r, s in rows]


def open_rounds(session: Session) -> list[RoundInfo]:
    return [r for r in list_rounds(session) if r.state == OPEN]


def deadline_passed(deadline: dt.date | None, at: dt.datetime | None) -> bool:
    """Sent after the deadline day ended in Finnish time (`at` is a stored UTC time)."""
    if deadline is None or at is None:
        return False
    end = dt.datetime.combine(deadline + dt.timedelta(days=1), dt.time(),
                              tzinfo=ZoneInfo(LOCAL_TIME))
    return at.replace(tzinfo=dt.timezone.utc) >= end


@dataclass(frozen=True)
class RegionRow:
    region: Region
    submitted: bool
    revision: int | None
    submitted_at: dt.datetime | None  # UTC
    submitted_by: str | None
    late: bool
    rejected: int  # refused attempts for this round
    problems: int  # problems found in them


@dataclass(frozen=True)
class RoundStatus:
    period: str
    state: str
    deadline: dt.date | None
    report_date: dt.date
    rows: list[RegionRow]  # missing regions first, then in the slides' order

    @property
    def submitted(self) -> int:
        return sum(r.submitted for r in self.rows)

    @property
    def missing(self) -> int:
        return len(self.rows) - self.submitted

    def to_json(self) -> dict:
        return {"period": self.period, "state": self.state,
                "deadline": self.deadline.isoformat() if self.deadline else None,
                "report_date": self.report_date.isoformat(),
                "submitted": self.submitted, "missing": self.missing,
                "regions": [{"region": r.region.code, "name": r.region.name_fi,
                             "submitted": r.submitted, "revision": r.revision,
                             "submitted_at": r.submitted_at.replace(
                                 tzinfo=dt.timezone.utc).isoformat() if r.submitted_at else None,
                             "late": r.late} for r in self.rows]}


def round_status(session: Session, period: str) -> RoundStatus:
    """For every region: sent or not, revision, when, by whom, late, refused attempts."""
    found = session.execute(select(Round, Snapshot).join(Snapshot, Snapshot.id == Round.snapshot_id)
                            .where(Snapshot.period == period)).first()
    if found is None:
        raise RoundRefused([Refusal("round.unknown", {"period": period})])
    rnd, snap = found
    latest: dict[int, Submission] = {}
    for sub in session.scalars(select(Submission).where(
            Submission.snapshot_id == snap.id, Submission.is_current.is_(True))
            .order_by(Submission.imported_at, Submission.id)):
        if sub.region_id not in latest or sub.scope == "tasks":
            latest[sub.region_id] = sub
    refused = {rid: (n, p) for rid, n, p in session.execute(
        select(Upload.region_id, func.count(), func.coalesce(func.sum(Upload.error_count), 0))
        .where(Upload.period == period, Upload.result == "rejected")
        .group_by(Upload.region_id))}
    rows = []
    for region in session.scalars(select(Region).order_by(Region.position)):
        sub = latest.get(region.id)
        n, p = refused.get(region.id, (0, 0))
        rows.append(RegionRow(region, sub is not None, sub.revision if sub else None,
                              sub.imported_at if sub else None, sub.imported_by if sub else None,
                              deadline_passed(rnd.deadline, sub.imported_at if sub else None),
                              n, int(p)))
    rows.sort(key=lambda r: r.submitted)  # stable: missing first, slides' order kept
    return RoundStatus(period, rnd.state, rnd.deadline, snap.report_date, rows)


def incomplete_label(session: Session, period: str, lang: str | None = "fi") -> str | None:
    """'kesken – 7/23 raportoinut' for an open round; None for a published one."""
    info = next((r for r in list_rounds(session) if r.period == period), None)
    if info is None or info.state != OPEN:
        return None
    return t("round.incomplete", lang, submitted=info.submitted, total=info.regions)


def corrections(session: Session, period: str, region_id: int) -> list[tuple[dt.datetime, str]]:
    """(when, reason) of every stated correction of a region's month, oldest first."""
    return list(session.execute(
        select(Submission.imported_at, Submission.correction_reason)
        .join(Snapshot, Snapshot.id == Submission.snapshot_id)
        .where(Snapshot.period == period, Submission.region_id == region_id,
               Submission.correction_reason.is_not(None))
        .order_by(Submission.imported_at, Submission.id)).all())


def local_date(at: dt.datetime) -> dt.date:
    return at.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(LOCAL_TIME)).date()


@dataclass(frozen=True)
class Revision:
    period: str
    revision: int
    submitted_at: dt.datetime
    submitted_by: str | None
    is_current: bool
    correction_reason: str | None


def region_revisions(session: Session, region_id: int, limit: int = 200) -> list[Revision]:
    """A region's stored sheets (every revision), newest first."""
    rows = session.execute(
        select(Snapshot.period, Submission.revision, Submission.imported_at,
               Submission.imported_by, Submission.is_current, Submission.correction_reason)
        .join(Snapshot, Snapshot.id == Submission.snapshot_id)
        .where(Submission.region_id == region_id, Submission.scope == "tasks")
        .order_by(Snapshot.period.desc(), Submission.revision.desc()).limit(limit))
    return [Revision(*row) for row in rows]
