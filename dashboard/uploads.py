"""The upload service: check → preview → confirm, with the upload log. No Dash in here: the
upload page's callbacks (and tests) call these plain functions with the logged-in user.

1. `preview(db_url, actor, file_name, data)`: the file goes through `loaders.file_safety` and
   then the SAME loader as the CLI (`loaders.status_sheet.read_status_sheet`), which writes
   nothing. A valid file for a region the actor may upload for gets a `Preview` — what would
   change against the region's previous data — and a random token; only the token's hash is
   stored, bound to the actor's user id, with the original bytes in the upload log row. A
   refused file gets a `Rejection` with every problem. Both are logged with their originals.
2. `confirm(db_url, actor, token)`: re-checks access, re-validates the stored bytes with the
   same loader and writes the new revision and the log update in ONE transaction.

Access: a region uploader may only send its own region's sheet; coordinators and admins any.
The region is taken from the file itself (never from the browser), so a hand-made request for
another region is refused and nothing but the log row of the refusal is written.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field

from sqlalchemy import select, update

from domain import db, queries
from domain.i18n import LocalName, TranslatableError, t
from domain.metrics import Measure
from domain.queries import Cell
from domain.schema import Region, Task, Upload, UploadFile, User, Workstream
from domain.store import load_task_rows, task_figures
from domain.vocabulary import Status
from loaders.common import Problem, ValidationFailed, _show, short_quote
from loaders.file_safety import UnsafeFile, check_upload

TOKEN_TTL = dt.timedelta(hours=2)


def _env_int(name: str, default: int) -> int:
    import os

    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


# The quarantine: a refused original is kept (for the programme office's support questions)
# only up to this size and for this many days, and it is never served back over the web.
QUARANTINE_MAX_BYTES = _env_int("TILANNEKUVA_QUARANTINE_MAX_BYTES", 2 * 1024 * 1024)
QUARANTINE_DAYS = _env_int("TILANNEKUVA_QUARANTINE_DAYS", 30)
MEASURES = (Measure.READINESS_ACTIVE, Measure.READINESS_DONE, Measure.PROGRESS)


class UploadRefused(TranslatableError):
    """The request itself is not allowed (wrong user, unknown token). Nothing was written."""


def _refused_when_read_only(function):
    """A read-only database refuses the write with a clear message instead of a crash."""
    from functools import wraps

    from sqlalchemy.exc import DBAPIError

    @wraps(function)
    def guarded(*args, **kwargs):
        from dashboard.security import is_read_only_error

        try:
            return function(*args, **kwargs)
        except DBAPIError as error:
            if is_read_only_error(error):
                raise UploadRefused("security.read_only") from None
            raise
    return guarded


@dataclass
class Rejection:
    upload_id: int
    file_name: str
    problems: list  # Problem | UnsafeFile | UploadRefused
    total: int | None = None  # the true number of problems when the list was cut short

    @property
    def error_count(self) -> int:
        return self.total if self.total is not None else len(self.problems)

    def rows(self, lang: str = "fi") -> list[dict]:
        """One dict per problem: sheet, row, column, value, message (the message says what
        is allowed)."""
        out = []
        for p in self.problems:
            if isinstance(p, Problem):
                out.append(dict(sheet=p.sheet or "", row=p.row or "", column=p.column or "",
                                value="" if p.value is None else short_quote(p.value),
                                message=t(p.message, lang, value=_show(p.value, lang),
                                          **p.params)))
            else:
                out.append(dict(sheet="", row="", column="", value="", message=p.render(lang)))
        return out


@dataclass
class WorkstreamChange:
    workstream: Workstream
    before: dict[str, Cell]  # measure value -> cell
    after: dict[str, Cell]
    counts_before: dict[Status, int]
    counts_after: dict[Status, int]


@dataclass
class TaskChange:
    code: str
    title: str
    before: Status | None
    after: Status


@dataclass
class Preview:
    token: str
    upload_id: int
    file_name: str
    region: Region
    period: str
    baseline_period: str | None
    current_revision: int | None  # the revision a confirmation would supersede
    workstreams: list[WorkstreamChange]
    changes: list[TaskChange] = field(default_factory=list)
    task_count: int = 0
    correction: str | None = None  # a coordinator's stated reason for changing a published month
    warnings: list = field(default_factory=list)  # Problem: columns not imported, formulas


@dataclass
class Confirmed:
    upload_id: int
    submission_id: int
    revision: int
    region: Region
    period: str


class _ParsedCache:
    """The preview's parse, kept until confirmation so the file is not parsed twice. Keyed by
    the token's hash and bound to the stored file's SHA-256; bounded and expiring with the
    token. A confirmation served by another process (or after a restart) parses again."""

    def __init__(self, size: int = 32):
        self.size = size
        self._items: OrderedDict[str, tuple[str, dt.datetime, object]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, key: str, sha256: str, parsed) -> None:
        with self._lock:
            self._items[key] = (sha256, _now(), parsed)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def take(self, key: str, sha256: str):
        with self._lock:
            item = self._items.pop(key, None)
        if item is None or item[0] != sha256 or item[1] < _now() - TOKEN_TTL:
            return None
        return item[2]


_PARSED = _ParsedCache()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def clean_file_name(name: str | None) -> str:
    """The base name only, no control characters, at most 200 characters (it is shown in the
    log and may be exported)."""
    name = re.split(r"[\\/]", name or "")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return (name or "tiedosto.xlsx")[-200:]


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _log(session, actor, *, file_name: str, data: bytes, result: str, error_count: int = 0,
         region_id: int | None = None, period: str | None = None,
         token_hash: str | None = None) -> Upload:
    upload = Upload(user_id=actor.id, username=actor.username, created_at=_now(),
                    region_id=region_id, period=period, file_name=file_name, size=len(data),
                    sha256=hashlib.sha256(data).hexdigest(), result=result,
                    error_count=error_count, token_hash=token_hash)
    session.add(upload)
    session.flush()
    if result != "rejected" or len(data) <= QUARANTINE_MAX_BYTES:
        session.add(UploadFile(upload_id=upload.id, content=data))
    if result == "rejected":
        purge_quarantine(session)
    return upload


def purge_quarantine(session, at: dt.datetime | None = None) -> int:
    """Delete refused originals older than QUARANTINE_DAYS (their log rows stay)."""
    from sqlalchemy import delete

    cutoff = (at or _now()) - dt.timedelta(days=QUARANTINE_DAYS)
    old = select(Upload.id).where(Upload.result == "rejected", Upload.created_at < cutoff)
    return session.execute(delete(UploadFile).where(UploadFile.upload_id.in_(old))).rowcount


def _require_uploader(actor) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False) or \
            actor.role not in ("region_uploader", "coordinator", "admin"):
        raise UploadRefused("upload.forbidden")


def _validate(session, actor, data: bytes, file_name: str, period: str | None,
              correction: str | None = None):
    """(parsed sheet, problems). Same checks as the CLI, plus the actor's region rule and the
    reporting round's (open round only; a published month by a coordinator with a reason)."""
    from domain import rounds
    from loaders.status_sheet import read_status_sheet

    try:
        check_upload(data, file_name)
    except UnsafeFile as refused:
        return None, [refused], None
    try:
        parsed = read_status_sheet(session, data, period=period)
    except ValidationFailed as failed:
        return None, failed.problems, failed.count
    except Exception:  # anything the reader did not foresee is the file's fault, never a crash
        return None, [UnsafeFile("upload.file.unreadable")], None
    problems: list = []
    if not actor.may_upload_for(parsed.region.id):
        own = session.get(Region, actor.region_id) if actor.region_id else None
        problems.append(UploadRefused("upload.wrong_region", region=LocalName.of(parsed.region),
                                      own=LocalName.of(own) or actor.region_name or "-"))
    problems += [p for p in rounds.submission_problems(
        session, parsed.period, parsed.region.id, role=actor.role,
        own_region_id=actor.region_id, correction=correction) if p.key != "round.wrong_region"]
    return parsed, problems, None


@_refused_when_read_only
def preview(db_url: str | None, actor, file_name: str | None, data: bytes,
            period: str | None = None, correction: str | None = None) -> Preview | Rejection:
    from dashboard.security import UploadsBusy, audit_actor, upload_slot

    _require_uploader(actor)
    file_name = clean_file_name(file_name)
    correction = (correction or "").strip()[:500] or None if actor.sees_everything else None
    with db.session_factory(db_url)() as session:
        try:
            with upload_slot():  # a bounded number of files checked and parsed at once
                parsed, problems, total = _validate(session, actor, data, file_name, period,
                                                    correction)
        except UploadsBusy:
            raise UploadRefused("security.uploads_busy") from None
        if problems:
            # a region uploader can only ever send its own region: log it there when the
            # file was too broken to tell
            refused_region = parsed.region.id if parsed is not None else (
                actor.region_id if actor.role == "region_uploader" else None)
            with db.transaction(db_url) as write:
                upload = _log(write, actor, file_name=file_name, data=data, result="rejected",
                              error_count=total or len(problems), region_id=refused_region,
                              period=parsed.period if parsed is not None else None)
            audit_actor("upload.reject", actor, file=file_name, size=len(data),
                        problems=total or len(problems), upload_id=upload.id)
            return Rejection(upload.id, file_name, problems, total)
        diff = _diff(session, parsed)
    token = secrets.token_urlsafe(32)
    with db.transaction(db_url) as write:
        upload = _log(write, actor, file_name=file_name, data=data, result="previewed",
                      region_id=parsed.region.id, period=parsed.period,
                      token_hash=_hash_token(token))
    _PARSED.put(_hash_token(token), upload.sha256, parsed)
    audit_actor("upload.preview", actor, file=file_name, size=len(data), upload_id=upload.id,
                for_region=parsed.region.code, period=parsed.period)
    return Preview(token=token, upload_id=upload.id, file_name=file_name, region=parsed.region,
                   period=parsed.period, correction=correction, warnings=list(parsed.warnings),
                   **diff)


def _diff(session, parsed) -> dict:
    region, period = parsed.region, parsed.period
    streams = queries.workstreams(session)
    baseline = queries.region_baseline_period(session, region.id, period)
    before_cells: dict[tuple[str, str], Cell] = {}
    if baseline is not None:
        figures = queries.region_figures(session, baseline, region.code)
        before_cells = {(w.code, m.value): figures.cell(w.code, None, m)
                        for w in streams for m in MEASURES}
    tasks = load_task_rows(session)
    after_rows = task_figures(tasks, {tid: s for tid, (s, _) in parsed.statuses.items()}, period)
    ws_code = {w.id: w.code for w in streams}
    after_cells = {(ws_code[r["workstream_id"]], r["measure"]):
                   Cell(r["share"], r["numerator"], r["denominator"])
                   for r in after_rows if r["sub_area_id"] is None}
    _snap, previous = queries.latest_task_statuses(session, region.id, period)
    task_ws = {task.id: task.workstream_id for task in tasks}
    changes: list[TaskChange] = []
    counts_before = {w.id: {s: 0 for s in Status} for w in streams}
    counts_after = {w.id: {s: 0 for s in Status} for w in streams}
    for task_id, (status, _note) in previous.items():
        if task_id in task_ws:
            counts_before[task_ws[task_id]][Status(status)] += 1
    titles = dict(session.execute(select(Task.id, Task.title_fi)).all())
    for task_id, (status, _note) in parsed.statuses.items():
        counts_after[task_ws[task_id]][status] += 1
        old = previous.get(task_id)
        old_status = Status(old[0]) if old else None
        if old_status is not status:
            changes.append(TaskChange(parsed.task_codes.get(task_id, str(task_id)),
                                      titles.get(task_id, ""), old_status, status))
    per_ws = [WorkstreamChange(
        w, {m.value: before_cells.get((w.code, m.value), Cell()) for m in MEASURES},
        {m.value: after_cells.get((w.code, m.value), Cell()) for m in MEASURES},
        counts_before[w.id], counts_after[w.id]) for w in streams]
    changes.sort(key=lambda c: c.code)
    return dict(baseline_period=baseline,
                current_revision=queries.current_task_revision(session, region.id, period),
                workstreams=per_ws, changes=changes if previous else [],
                task_count=len(parsed.statuses))


@_refused_when_read_only
def confirm(db_url: str | None, actor, token: str | None,
            correction: str | None = None) -> Confirmed:
    """Write the previewed file as the region's new revision, in one transaction. The round is
    checked again inside it (it may have been published since the preview)."""
    from domain import rounds
    from loaders.status_sheet import read_status_sheet, store_status_sheet

    _require_uploader(actor)
    correction = (correction or "").strip()[:500] or None if actor.sees_everything else None
    if not token or not isinstance(token, str):
        raise UploadRefused("upload.token_unknown")
    token_hash = _hash_token(token)
    # Validate again outside the write transaction (same loader), so the write lock is held
    # only for the short write itself.
    with db.session_factory(db_url)() as session:
        upload = session.scalar(select(Upload).where(Upload.token_hash == token_hash))
        # the token is bound to the user who previewed; anything else looks like "unknown"
        if upload is None or upload.user_id != actor.id or upload.result != "previewed" or \
                upload.created_at < _now() - TOKEN_TTL:
            raise UploadRefused("upload.token_unknown")
        user = session.get(User, actor.id)
        if user is None or not user.active:
            raise UploadRefused("upload.forbidden")
        # the preview's parse when this process made it; else the same loader once more
        parsed = _PARSED.take(token_hash, upload.sha256)
        if parsed is None:
            data = session.get(UploadFile, upload.id).content
            parsed = read_status_sheet(session, data, period=upload.period)
        if not actor.may_upload_for(parsed.region.id) or parsed.region.id != upload.region_id:
            raise UploadRefused("upload.forbidden")
        upload_id, file_name, sha = upload.id, upload.file_name, upload.sha256
    with db.transaction(db_url) as session:
        # Claim the token first: this takes the write lock at the start of the transaction
        # (revision numbers are then computed under it) and makes a second confirmation of
        # the same token find nothing to claim.
        claimed = session.execute(
            update(Upload).where(Upload.id == upload_id, Upload.token_hash == token_hash,
                                 Upload.result == "previewed")
            .values(result="accepted", confirmed_at=_now(), token_hash=None)).rowcount
        if claimed != 1:
            raise UploadRefused("upload.token_unknown")
        refusals = rounds.submission_problems(session, parsed.period, parsed.region.id,
                                              role=actor.role, own_region_id=actor.region_id,
                                              correction=correction)
        if refusals:  # raising rolls the claim back: nothing is written
            raise UploadRefused(refusals[0].key, **refusals[0].params)
        submission = store_status_sheet(session, parsed, source_name=file_name,
                                        source_sha256=sha, imported_by=actor.username,
                                        correction=correction)
        session.execute(update(Upload).where(Upload.id == upload_id)
                        .values(submission_id=submission.id))
        from dashboard.security import audit_actor

        audit_actor("upload.confirm", actor, upload_id=upload_id, for_region=parsed.region.code,
                    period=parsed.period, revision=submission.revision)
        return Confirmed(upload_id, submission.id, submission.revision, parsed.region,
                         parsed.period)


def original(db_url: str | None, actor, upload_id: int) -> tuple[str, bytes]:
    """(file name, bytes) of an upload's original, for coordinators and admins only."""
    if actor is None or not actor.sees_everything:
        raise UploadRefused("upload.forbidden")
    with db.session_factory(db_url)() as session:
        upload, data = queries.upload_original(session, upload_id)
        if upload is None or data is None:
            raise UploadRefused("upload.token_unknown")
        if upload.result == "rejected":  # quarantined: active content is never served back
            raise UploadRefused("security.quarantined")
        return upload.file_name, data


# --- admin imports: roadmap definition and national summary tables --------------------------

@dataclass
class AdminImported:
    upload_id: int
    kind: str  # "roadmap" | "summary"
    counts: dict
    period: str | None


@_refused_when_read_only
def admin_import(db_url: str | None, actor, kind: str, file_name: str | None, data: bytes, *,
                 period: str | None = None, measure: str | None = None,
                 workstream: str | None = None) -> AdminImported | Rejection:
    """Import a roadmap workbook or a national summary table (admins only) through the same
    loaders as the CLI, after the same file checks; logged with the original either way."""
    import tempfile
    from pathlib import Path

    from loaders.common import parse_period

    if actor is None or not getattr(actor, "is_admin", False):
        raise UploadRefused("upload.forbidden")
    if kind not in ("roadmap", "summary"):
        raise UploadRefused("upload.forbidden")
    file_name = clean_file_name(file_name)
    problems: list = []
    result = None
    wanted_period = parse_period(period) if period else None
    from dashboard.security import audit_actor

    try:
        check_upload(data, file_name)
    except UnsafeFile as refused:
        problems = [refused]
    if not problems and kind == "summary" and wanted_period is None:
        problems = [Problem("upload.admin.period_needed", value=period)]
    if not problems:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "upload.xlsx"
            path.write_bytes(data)
            try:
                if kind == "roadmap":
                    from loaders.roadmap_workbook import import_roadmap
                    result = import_roadmap(db_url, path)
                else:
                    from loaders.summary_tables import import_summary
                    result = import_summary(db_url, path, wanted_period, measure=measure or None,
                                            workstream=workstream or None,
                                            imported_by=actor.username, source_name=file_name)
            except ValidationFailed as failed:
                problems = failed.problems
            except Exception:  # an unforeseen reader error is the file's, never a crash
                problems = [UnsafeFile("upload.file.unreadable")]
    with db.transaction(db_url) as write:
        upload = _log(write, actor, file_name=file_name, data=data,
                      result="rejected" if problems else "accepted", error_count=len(problems),
                      period=wanted_period)
        if not problems:
            upload.confirmed_at = _now()
    audit_actor(f"upload.admin_{kind}", actor, outcome="rejected" if problems else "accepted",
                file=file_name, size=len(data), upload_id=upload.id)
    if problems:
        return Rejection(upload.id, file_name, problems)
    return AdminImported(upload.id, kind, dict(result.counts), wanted_period)
