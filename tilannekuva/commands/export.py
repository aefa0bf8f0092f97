"""`tilannekuva export`: the briefing pack's files for scheduled or scripted use.

    tilannekuva export --period 2022-03 --out briefing/ [--lang sv] [--pptx] [--zip]
                       [--regions pirkanmaa,lappi]

Writes the same slide PNGs (and PowerPoint deck, zip) as the dashboard's "Tiedotepaketti".
Exit codes: 0 written; 2 invalid input (period, region, no such snapshot; nothing written);
3 the server cannot draw images (no Chromium, or it did not answer in time).
"""
from __future__ import annotations

import time
from pathlib import Path

import click

from domain.i18n import LANGS, t
from domain.metrics import period_of

EXIT_INVALID = 2
EXIT_UNAVAILABLE = 3


@click.command("export")
@click.option("--period", required=True, metavar="YYYY-MM", help="Snapshot, e.g. 2022-03.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              metavar="DIR", help="Folder for the files (created if missing).")
@click.option("--lang", "lang", type=click.Choice(LANGS), default=None,
              help="Language of the slides and messages (default: the global --lang).")
@click.option("--pptx", "with_pptx", is_flag=True, help="Also write the PowerPoint deck.")
@click.option("--zip", "with_zip", is_flag=True, help="Also write the whole pack as one zip.")
@click.option("--regions", metavar="CODE,CODE", default=None,
              help="Only these regions' slides (codes as in 'pirkanmaa,lappi'); default all.")
@click.option("--timeout", type=float, default=60.0, show_default=True,
              help="Seconds one image may take before the browser is declared stuck.")
@click.option("--browser", metavar="PATH", default=None,
              help="Chromium to use (default: TILANNEKUVA_CHROMIUM, else /usr/bin/chromium).")
@click.pass_obj
def export(ctx, period: str, out_dir: str, lang: str | None, with_pptx: bool, with_zip: bool,
           regions: str | None, timeout: float, browser: str | None) -> None:
    """Write the briefing pack's slide PNGs (and optionally PowerPoint and zip) of a snapshot."""
    # Imported here: every CLI start loads all command modules, and plotly, dash and
    # python-pptx would slow down the other commands.
    from dashboard.export.pack import build_pack
    from dashboard.export.renderer import ExportUnavailable, SlideRenderer
    from dashboard.export.slides import UnknownSlide

    lang = lang or ctx.lang
    try:
        period_of(period)
    except ValueError:
        click.echo(t("export.error.bad_period", lang, value=period), err=True)
        raise SystemExit(EXIT_INVALID) from None
    codes = [c for c in (regions or "").split(",") if c.strip()] or None
    began = time.perf_counter()
    # One kept browser for the whole run; closed (or killed) before we exit, whatever happens.
    with SlideRenderer(browser, timeout=timeout, start_timeout=max(60.0, timeout)) as renderer:
        try:
            pack = build_pack(ctx.db_url, period, lang, renderer, regions=codes,
                              with_pptx=with_pptx)
        except UnknownSlide as exc:
            click.echo(exc.message(lang), err=True)
            raise SystemExit(EXIT_INVALID) from None
        except ExportUnavailable as exc:
            click.echo(f"{t('export.error.title', lang)}: {exc.message(lang)}", err=True)
            raise SystemExit(EXIT_UNAVAILABLE) from None
    written = pack.write(out_dir)
    if with_zip:
        zip_path = Path(out_dir) / f"{pack.name}.zip"
        zip_path.write_bytes(pack.zip_bytes())
        written.append(zip_path)
    for path in written:
        click.echo(str(path))
    click.echo(t("export.cli.written", lang, n=len(written), out=out_dir,
                 seconds=f"{time.perf_counter() - began:.1f}"))


COMMANDS = [export]
