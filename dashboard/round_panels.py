"""The reporting round on the region's upload page: the open round and its deadline, whether
the region has sent it (revision, time), and the region's own history (every stored revision
and every upload attempt). Reads through `domain.rounds` and `domain.queries`."""
from __future__ import annotations

from dash import html

from domain import queries, rounds
from domain.i18n import format_date, format_datetime, format_period, localized, t


def round_panel(session, region, lang: str):
    """Open round(s) with the region's state in each; or what to wait for when none is open."""
    opened = rounds.open_rounds(session)
    if not opened:
        return html.Div(t("round.upload.none_open", lang), className="notice notice-warning",
                        id="upload-round-none", role="status")
    lines = []
    for info in opened:
        lines.append(html.P(t("round.upload.open", lang, period=format_period(info.period),
                              deadline=format_date(info.deadline, lang) or "–"),
                            className="info-strong", id=f"upload-round-{info.period}"))
        if region is None:
            continue
        status = rounds.round_status(session, info.period)
        row = next((r for r in status.rows if r.region.id == region.id), None)
        name = localized(region, lang)
        if row is not None and row.submitted:
            lines.append(html.P(t("round.upload.sent", lang, region=name,
                                  period=format_period(info.period), revision=row.revision,
                                  when=format_datetime(row.submitted_at, lang)),
                                id=f"upload-round-sent-{info.period}",
                                className="upload-round-sent"))
        else:
            lines.append(html.P(t("round.upload.not_sent", lang, region=name,
                                  period=format_period(info.period)),
                                  id=f"upload-round-not-sent-{info.period}",
                                  className="upload-round-not-sent"))
    return html.Div(lines, className="notice", id="upload-round", role="status")


def _result(upload, lang: str) -> str:
    if upload.result == "rejected":
        return t("round.result.rejected", lang, n=upload.error_count)
    return t(f"round.result.{upload.result}", lang)


def history_panel(session, region, lang: str):
    if region is None:
        return None
    revisions = rounds.region_revisions(session, region.id)
    attempts = queries.upload_log(session, region.id, limit=100)
    rev_head = html.Tr([html.Th(t(f"round.col.{k}", lang)) for k in
                        ("period", "revision", "when", "by", "correction")])
    rev_rows = [html.Tr([html.Td(format_period(r.period)), html.Td(str(r.revision)),
                         html.Td(format_datetime(r.submitted_at, lang)), html.Td(r.submitted_by or ""),
                         html.Td(r.correction_reason or "")]) for r in revisions]
    att_head = html.Tr([html.Th(t(f"round.col.{k}", lang)) for k in
                        ("when", "by", "period", "file", "result")])
    att_rows = [html.Tr([html.Td(format_datetime(u.created_at, lang)), html.Td(u.username),
                         html.Td(format_period(u.period) if u.period else "–"),
                         html.Td(u.file_name), html.Td(_result(u, lang))]) for u in attempts]
    return html.Details([
        html.Summary(t("round.upload.history", lang) + f" – {localized(region, lang)}"),
        html.H3(t("round.upload.revisions", lang)),
        html.Div(html.Table([html.Thead(rev_head), html.Tbody(rev_rows)],
                            className="data-table", id="upload-history-revisions"),
                 className="table-scroll"),
        html.H3(t("round.upload.attempts", lang)),
        html.Div(html.Table([html.Thead(att_head), html.Tbody(att_rows)],
                            className="data-table", id="upload-history-attempts"),
                 className="table-scroll"),
    ], className="panel", id="upload-history", open=True)


def target_line(session, preview, lang: str):
    """'The file X goes into the reporting round 1/2023 (open, deadline 17.2.2023).'"""
    info = next((r for r in rounds.list_rounds(session) if r.period == preview.period), None)
    if info is None:
        return None
    return html.P(t("round.upload.target", lang, file=preview.file_name,
                    period=format_period(info.period), state=rounds.state_label(info.state, lang),
                    deadline=format_date(info.deadline, lang) or "–"), id="upload-preview-target",
                  className="info-strong")
