"""Database tables (SQLAlchemy 2.x). Alembic migrations in `domain/migrations/` create them.

Revisions: every import of a region's sheet (or of a national summary table) is a `Submission`.
A later import for the same region, snapshot and scope becomes the current one; earlier ones
stay for audit. `Figure` rows hold the aggregated percentages per region × snapshot × workstream
(× sub-area) so that pages never recompute them from task rows; `Figure.active` marks the rows
the dashboards show.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text,
    UniqueConstraint, func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Roadmap(Base):
    __tablename__ = "roadmap"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    target_date: Mapped[dt.date] = mapped_column(Date)
    is_synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())


class Workstream(Base):
    """Valmisteluryhmä."""

    __tablename__ = "workstream"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    name_fi: Mapped[str] = mapped_column(String(200))
    name_sv: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    sub_areas: Mapped[list[SubArea]] = relationship(
        back_populates="workstream", order_by="SubArea.letter")


class SubArea(Base):
    """Osa-alue, lettered A–H within its workstream."""

    __tablename__ = "sub_area"
    __table_args__ = (UniqueConstraint("workstream_id", "letter"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workstream_id: Mapped[int] = mapped_column(ForeignKey("workstream.id"))
    letter: Mapped[str] = mapped_column(String(2))
    name_fi: Mapped[str] = mapped_column(String(200))
    name_sv: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    workstream: Mapped[Workstream] = relationship(back_populates="sub_areas")


class Task(Base):
    __tablename__ = "task"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # stable id, e.g. "HTT-C-012"
    workstream_id: Mapped[int] = mapped_column(ForeignKey("workstream.id"), index=True)
    sub_area_id: Mapped[int] = mapped_column(ForeignKey("sub_area.id"), index=True)
    title_fi: Mapped[str] = mapped_column(Text)
    title_sv: Mapped[str | None] = mapped_column(Text)
    due_date: Mapped[dt.date] = mapped_column(Date)  # a quarter's last day, or an exact date
    due_label: Mapped[str] = mapped_column(String(20))  # "Q4/2021" or "31.3.2022", as given
    position: Mapped[int] = mapped_column(Integer)
    workstream: Mapped[Workstream] = relationship()
    sub_area: Mapped[SubArea] = relationship()


class Region(Base):
    __tablename__ = "region"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    position: Mapped[int] = mapped_column(Integer)  # the slides' row order
    name_fi: Mapped[str] = mapped_column(String(100))
    name_sv: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    reports_in_swedish: Mapped[bool] = mapped_column(Boolean, default=False)
    aliases: Mapped[list[RegionAlias]] = relationship(cascade="all, delete-orphan")


class RegionAlias(Base):
    __tablename__ = "region_alias"
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"))
    alias: Mapped[str] = mapped_column(String(200))


class Snapshot(Base):
    """One monthly status picture ('2021-10')."""

    __tablename__ = "snapshot"
    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(7), unique=True)
    report_date: Mapped[dt.date] = mapped_column(Date)
    is_synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)


class Round(Base):
    """A reporting round (raportointikierros) of one month: *open* (regions may send) or
    *published* (the national picture everyone sees). One per snapshot (migration 0004)."""

    __tablename__ = "reporting_round"
    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"), unique=True)
    state: Mapped[str] = mapped_column(String(12))  # domain.rounds.OPEN | PUBLISHED
    deadline: Mapped[dt.date | None] = mapped_column(Date)  # None: rounds made by the migration
    opened_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    opened_by: Mapped[str | None] = mapped_column(String(100))
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    published_by: Mapped[str | None] = mapped_column(String(100))
    snapshot: Mapped[Snapshot] = relationship()


class Submission(Base):
    """One import (revision) of a region's data for a snapshot, from one file."""

    __tablename__ = "submission"
    __table_args__ = (
        Index("ix_submission_current", "snapshot_id", "region_id", "scope", "is_current"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"))
    # "tasks" for a regional status sheet; "summary:<view>[:<workstream>]" for national tables
    scope: Mapped[str] = mapped_column(String(60))
    revision: Mapped[int] = mapped_column(Integer)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    is_summary: Mapped[bool] = mapped_column(Boolean, default=False)
    is_synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    source_name: Mapped[str | None] = mapped_column(String(300))
    source_sha256: Mapped[str | None] = mapped_column(String(64))
    imported_by: Mapped[str | None] = mapped_column(String(100))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    # a coordinator's change to a published month must state why (migration 0004)
    correction_reason: Mapped[str | None] = mapped_column(Text)
    snapshot: Mapped[Snapshot] = relationship()
    region: Mapped[Region] = relationship()


class TaskStatus(Base):
    __tablename__ = "task_status"
    __table_args__ = (UniqueConstraint("submission_id", "task_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"))
    status: Mapped[str] = mapped_column(String(20))  # domain.vocabulary.Status value
    note: Mapped[str | None] = mapped_column(Text)


class Figure(Base):
    """An aggregated cell: one measure for region × snapshot × workstream (× sub-area)."""

    __tablename__ = "figure"
    __table_args__ = (
        Index("ix_figure_view", "snapshot_id", "measure", "active"),
        Index("ix_figure_region", "region_id", "measure", "active"),
        Index("ix_figure_snapshot_region", "snapshot_id", "region_id", "active"),
        # trends: one measure of one workstream (or sub-area) across every snapshot
        Index("ix_figure_trend", "workstream_id", "measure", "active", "sub_area_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshot.id"))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"))
    measure: Mapped[str] = mapped_column(String(30))  # domain.metrics.Measure value
    workstream_id: Mapped[int] = mapped_column(ForeignKey("workstream.id"))
    sub_area_id: Mapped[int | None] = mapped_column(ForeignKey("sub_area.id"))  # None: whole workstream
    share: Mapped[float | None] = mapped_column(Float)  # exact percent 0–100; None: no data
    numerator: Mapped[int | None] = mapped_column(Integer)
    denominator: Mapped[int | None] = mapped_column(Integer)  # tasks behind the share
    # Summary tables give the national task count, not the region's own: say so.
    denominator_is_national: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)



# --- users and the upload log (migration 0002) ------------------------------------------------

class User(Base):
    """A person who logs in. Region uploaders belong to one region; coordinators and admins
    to none. Only an argon2 hash of the password is stored."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # region_uploader | coordinator | admin
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # bumped on password reset and disable: sessions made before it stop working
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    region: Mapped[Region | None] = relationship()


class Upload(Base):
    """One file sent through the upload page, accepted or not (the upload log).

    `result`: "previewed" (valid, waiting for confirmation), "accepted" (confirmed: a
    submission was written) or "rejected" (refused; `error_count` problems). The original
    bytes are kept in `UploadFile` whatever the result, so any snapshot can be rebuilt."""

    __tablename__ = "upload"
    __table_args__ = (Index("ix_upload_created", "created_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))
    period: Mapped[str | None] = mapped_column(String(7))
    file_name: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(String(20))
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    # sha256 of the random preview token handed to the uploader (never the token itself)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"))
    user: Mapped[User | None] = relationship()
    region: Mapped[Region | None] = relationship()
    submission: Mapped[Submission | None] = relationship()


class UploadFile(Base):
    """The original bytes of an upload, apart from the log rows so that listing stays light."""

    __tablename__ = "upload_file"
    upload_id: Mapped[int] = mapped_column(ForeignKey("upload.id"), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class AppSetting(Base):
    """Facts about the database itself. `kind` is "demo" only in a database built by
    `tilannekuva demo` (or `make run`'s own demo database): only such a database holds demo
    users and may be read without logging in."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class AuthSession(Base):
    """A log-in session on the server. The cookie holds a random token; only its sha256 is
    stored here. Log-out deletes the row, so a copied cookie stops working; `expires_at` is
    fixed at log-in (an absolute lifetime, never extended by use)."""

    __tablename__ = "auth_session"
    __table_args__ = (Index("ix_auth_session_user", "user_id"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    client: Mapped[str | None] = mapped_column(String(64))


class RateLimit(Base):
    """A fixed-window attempt counter shared by every worker process (key e.g.
    "login-user:kainuu" or "login-addr:10.0.0.7")."""

    __tablename__ = "rate_limit"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime)
    count: Mapped[int] = mapped_column(Integer)
