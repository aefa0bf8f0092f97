"""`tilannekuva show`: the heatmap's matrix as text, CSV or JSON, for scripts and checks."""
from __future__ import annotations

import csv
import io
import json

import click

from domain import db, queries
from domain.i18n import format_date, format_percent, format_period, localized, t
from domain.metrics import Measure, View, quarter_end, quarter_label
from domain.reference import TARGET_DATE


def column_label(column: queries.Column, lang: str) -> str:
    """'Hallinto, talous ja tukipalvelut | Käynnissä', 'ICT', 'Yhdyspinnat | C. Kyvykkyydet…'."""
    name = localized(column.workstream, lang)
    if column.sub_area is not None:
        return f"{name} | {column.sub_area.letter}. {localized(column.sub_area, lang)}"
    if column.measure is Measure.READINESS_ACTIVE:
        return f"{name} | {t('measure.active', lang)}"
    if column.measure is Measure.READINESS_DONE:
        return f"{name} | {t('measure.done', lang)}"
    return name


def matrix_document(hm: queries.Heatmap, lang: str) -> dict:
    """The JSON shape documented in the README (also the source of the CSV and table)."""
    snap = hm.snapshot
    columns = []
    for c in hm.columns:
        label = column_label(c, lang)
        if hm.view is View.SUBAREAS and c.sub_area is None:
            label = t("column.overall", lang)
        columns.append({
            "key": c.key, "label": label, "workstream": c.workstream_code,
            "sub_area": c.sub_area_letter, "measure": c.measure.value,
            "task_count": c.national_count,
        })
    rows = []
    for region in hm.regions:
        cells = []
        for c in hm.columns:
            cell = hm.cell(region.code, c.key)
            cells.append({"column": c.key, "percent": cell.percent, "band": cell.band,
                          "numerator": cell.numerator, "denominator": cell.denominator})
        rows.append({"region": region.code, "name": localized(region, lang), "cells": cells})
    return {
        "period": snap.period, "report_date": snap.report_date.isoformat(),
        "view": hm.view.value, "workstream": hm.workstream_code,
        "synthetic": snap.is_synthetic, "summary_only": hm.summary_only,
        "working_days_left": queries.working_days_left(snap, TARGET_DATE),
        "columns": columns, "rows": rows,
    }


def render_csv(doc: dict) -> str:
    """Long format: one line per region × column; empty fields for no data."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "view", "region", "region_name", "column", "column_label",
                     "workstream", "sub_area", "measure", "percent", "band", "numerator",
                     "denominator", "task_count"])
    labels = {c["key"]: c for c in doc["columns"]}
    for row in doc["rows"]:
        for cell in row["cells"]:
            col = labels[cell["column"]]
            writer.writerow([
                doc["period"], doc["view"], row["region"], row["name"], col["key"], col["label"],
                col["workstream"], col["sub_area"] or "", col["measure"],
                _blank(cell["percent"]), _blank(cell["band"]), _blank(cell["numerator"]),
                _blank(cell["denominator"]), _blank(col["task_count"])])
    return out.getvalue()


def _blank(value: object) -> object:
    return "" if value is None else value


def title_of(hm: queries.Heatmap, lang: str) -> str:
    period = format_period(hm.snapshot.period)
    if hm.view is View.READINESS:
        return t("view.readiness.title", lang, target=format_date(TARGET_DATE, lang), period=period)
    if hm.view is View.PROGRESS:
        return (t("view.progress.title", lang, period=period) + " – "
                + t("view.progress.subtitle", lang,
                    quarter=quarter_label(quarter_end(hm.snapshot.period))))
    workstream = localized(hm.columns[0].workstream, lang)
    return t("view.subareas.title", lang, period=period, workstream=workstream)


def render_table(hm: queries.Heatmap, doc: dict, lang: str) -> str:
    """Plain-text matrix: '36 % [2]' = shown percent and band; empty = no data."""
    header = [t("region", lang)] + [c["label"] for c in doc["columns"]]
    lines: list[list[str]] = [header]
    if any(c["task_count"] is not None for c in doc["columns"]):
        lines.append([t("row.task_count", lang)]
                     + ["" if c["task_count"] is None else str(c["task_count"])
                        for c in doc["columns"]])
    for row in doc["rows"]:
        lines.append([row["name"]] + [
            "" if cell["percent"] is None
            else f"{format_percent(cell['percent'], lang)} [{cell['band']}]".replace("\u00a0", " ")
            for cell in row["cells"]])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [title_of(hm, lang),
            f"{t('period', lang)}: {format_period(doc['period'])}, "
            f"{format_date(hm.snapshot.report_date, lang)}"
            + (f" ({t('snapshot.synthetic', lang)})" if doc["synthetic"] else ""),
            ""]
    for line in lines:
        text.append("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                              for i, cell in enumerate(line)).rstrip())
    return "\n".join(text) + "\n"


@click.command("show")
@click.option("--period", default=None, metavar="YYYY-MM",
              help="Snapshot, e.g. 2021-10 (default: the latest published round).")
@click.option("--measure", "view", type=click.Choice([v.value for v in View]), required=True,
              help="readiness = valmiusaste, progress = eteneminen, subareas = osa-alueet.")
@click.option("--workstream", metavar="CODE",
              help="Workstream code for --measure subareas (htt, jo, pj, yp, ict).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.pass_obj
def show(ctx, period: str | None, view: str, workstream: str | None, fmt: str) -> None:
    """Print the heatmap matrix exactly as the dashboard shows it: regions in the slides'
    order, whole percents, band numbers (1–4), task counts; empty for no data."""
    if view == View.SUBAREAS.value and not workstream:
        raise click.UsageError(t("cli.show.workstream_needed", ctx.lang))
    with db.session_factory(ctx.db_url)() as session:
        if period is None:
            latest = queries.latest_published(session)
            period = latest.period if latest is not None else "-"
        try:
            hm = queries.heatmap(session, period, view, workstream)
        except LookupError:
            known = ", ".join(s.period for s in queries.snapshots(session)) or "-"
            click.echo(t("cli.show.no_snapshot", ctx.lang, period=period, known=known), err=True)
            raise SystemExit(2)
        except ValueError:
            known = ", ".join(w.code for w in queries.workstreams(session))
            click.echo(t("cli.show.no_workstream", ctx.lang, workstream=workstream, known=known),
                       err=True)
            raise SystemExit(2)
        doc = matrix_document(hm, ctx.lang)
        if fmt == "json":
            click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        elif fmt == "csv":
            click.echo(render_csv(doc), nl=False)
        else:
            click.echo(render_table(hm, doc, ctx.lang), nl=False)


COMMANDS = [show]
