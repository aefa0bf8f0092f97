"""URL state round trip, routing, and every page rendered by the router's plain function."""
from __future__ import annotations

import statistics

from hypothesis import given, strategies as st

from dashboard import routes, state as S
from dashboard.app import render_page
from dashboard.pages import overview, region, trends
from domain import db, queries
from domain.metrics import band_of_share

states = st.builds(
    S.State,
    period=st.none() | st.sampled_from(["2021-10", "2022-03", "2023-12"]),
    view=st.sampled_from(["readiness", "progress", "subareas"]),
    workstream=st.none() | st.sampled_from(["htt", "yp", "ict"]),
    measure=st.sampled_from(["readiness_active", "readiness_done", "progress"]),
    highlight=st.none() | st.sampled_from(["pirkanmaa", "hus", "lappi"]),
    lang=st.sampled_from(["fi", "sv", "en"]),
    sort=st.sampled_from(["slide", "value"]),
    deltas=st.booleans(), late=st.booleans())


@given(states)
def test_state_round_trips_through_the_url(state):
    assert S.parse(S.to_search(state)) == state


def test_bad_url_values_fall_back_to_defaults():
    s = S.parse("?period=2021-13&view=pie&lang=de&sort=x&deltas=maybe&workstream=<script>"
                "&measure=1;drop")
    assert s == S.State()
    assert S.parse(None) == S.State()
    assert S.parse("?period=2021-10&period=2022-01").period == "2022-01"


def test_page_links_carry_only_their_keys():
    st_ = S.State(period="2021-10", view="progress", lang="sv", highlight="lappi", late=True)
    assert S.overview_href(st_) == "/?period=2021-10&view=progress&lang=sv"
    assert S.region_href("pirkanmaa", st_) == "/alue/pirkanmaa?period=2021-10&late=1&lang=sv"
    assert S.trends_href(st_) == "/trendit?highlight=lappi&lang=sv"


def test_routing_table():
    assert routes.match("/")[0] is overview
    assert routes.match("/alue/pirkanmaa") == (region, "pirkanmaa")
    assert routes.match("/alue/") == (None, "")
    assert routes.match("/trendit/")[0] is trends
    assert routes.match("/nothing")[0] is None
    assert overview in routes.nav_pages() and region not in routes.nav_pages()


def _text(component) -> str:
    """All text of a rendered component tree (what a user would read)."""
    out = []

    def walk(node):
        if node is None:
            return
        if isinstance(node, (str, int, float)):
            out.append(str(node))
            return
        if isinstance(node, (list, tuple)):
            for n in node:
                walk(n)
            return
        walk(getattr(node, "children", None))
    walk(component)
    return " ".join(out)


def test_header_shows_period_report_date_working_days_and_kind(small_db):
    text = _text(render_page("/", "?period=2021-10", small_db))
    assert "Tilannekuva 10/2021" in text and "raportoitu 9.12.2021" in text
    assert "Järjestämisvastuun siirtoon 269 arkipäivää" in text
    assert "todellinen" in text
    text = _text(render_page("/", "?period=2021-12&lang=sv", small_db))
    assert "Lägesbild 12/2021" in text and "syntetiska exempeldata" in text


def test_every_page_renders(small_db):
    for path, search in [("/", ""), ("/", "?view=progress&deltas=1&sort=value"),
                         ("/", "?view=subareas&workstream=yp&lang=en"),
                         ("/alue/pirkanmaa", "?period=2021-12"),
                         ("/alue/pirkanmaa", "?period=2021-12&late=1&lang=sv"),
                         ("/trendit", "?measure=readiness_done&workstream=ict&highlight=lappi")]:
        assert _text(render_page(path, search, small_db))


def test_summary_only_region_page_says_so(small_db):
    text = _text(render_page("/alue/pirkanmaa", "?period=2021-10", small_db))
    assert "tehtäväkohtaisia tietoja ei ole" in text
    assert "ensimmäinen tilannekuva" in text  # nothing before 10/21


def test_unknown_pages_and_regions(small_db):
    assert "Sivua ei löydy" in _text(render_page("/nope", "", small_db))
    assert "Aluetta ei löydy" in _text(render_page("/alue/atlantis", "", small_db))


def test_late_flag_and_filter(small_db):
    with db.session_factory(small_db)() as s:
        snap = queries.snapshot(s, "2021-12")
        lines = queries.task_table(s, "2021-12", "pirkanmaa")
    assert lines
    for line in lines:
        assert line.late == (line.due_date < snap.report_date and line.status not in
                             ("done", "not_applicable"))
    rows = region.task_rows(lines, "fi", only_late=True)
    assert len(rows) == sum(1 for x in lines if x.late) and all(r["late"] == "Myöhässä" for r in rows)


def test_status_changes_match_the_two_revisions(small_db):
    with db.session_factory(small_db)() as s:
        now = {x.code: x.status for x in queries.task_table(s, "2021-12", "keski-suomi")}
        before = {x.code: x.status for x in queries.task_table(s, "2021-11", "keski-suomi")}
        changes = queries.status_changes(s, "2021-12", "keski-suomi")
    assert {c.code for c in changes} == {k for k in now if now[k] != before.get(k)}
    assert all(c.before == before[c.code] and c.after == now[c.code] for c in changes)


def test_trend_national_median_and_band_counts(small_db):
    with db.session_factory(small_db)() as s:
        series = queries.trend_series(s, "readiness_active", "yp")
    for i, point in enumerate(series.national):
        shares = [series.values[r.code][i] for r in series.regions]
        present = [x for x in shares if x is not None]
        assert point.median == statistics.median(present)
        assert sum(point.band_counts) == 23
        assert point.band_counts[0] == shares.count(None)
        assert point.band_counts[2] == sum(1 for x in present if band_of_share(x) == 2)


def test_callback_functions(small_db):
    search = "?period=2021-12&lang=sv"
    assert overview.controls_search("2021-11", "progress", None, "value", ["on"], search) == \
        "?period=2021-11&view=progress&sort=value&deltas=1&lang=sv"
    click = {"points": [{"customdata": "lappi"}]}
    assert overview.click_href(click, search) == "/alue/lappi?period=2021-12&lang=sv"
    assert overview.click_href({"points": []}, search) is None
    assert region.controls_href("/alue/lappi", "2021-11", "readiness_done", "ict", search) == \
        "/alue/lappi?period=2021-11&measure=readiness_done&workstream=ict&lang=sv"
    assert trends.click_search(click, "?lang=en") == "?highlight=lappi&lang=en"


def _graphs(component):
    from dash import dcc

    found = []

    def walk(node):
        if isinstance(node, dcc.Graph):
            found.append(node)
        if isinstance(node, (list, tuple)):
            for n in node:
                walk(n)
        elif hasattr(node, "children"):
            walk(node.children)
    walk(component)
    return found


def test_every_chart_downloads_a_named_1920x1080_png(small_db):
    # The heatmaps are HTML tables now (their slide PNG is the export link "Vie diaksi");
    # the charts keep Plotly's camera button, and nothing else on the toolbar.
    expected = {
        ("/", "?period=2021-10"): set(),
        ("/alue/pirkanmaa", "?period=2021-12"): {"alue_pirkanmaa_trendi_progress_htt_fi"},
        ("/trendit", "?workstream=yp&highlight=lappi"): {
            "trendit_progress_yp_lappi_fi", "trendit_luokat_progress_yp_fi"},
    }
    for (path, search), names in expected.items():
        graphs = _graphs(render_page(path, search, small_db))
        options = [g.config["toImageButtonOptions"] for g in graphs]
        assert {o["filename"] for o in options} == names
        assert all((o["format"], o["width"], o["height"]) == ("png", 1920, 1080) for o in options)
        for g in graphs:
            assert g.config["modeBarButtons"] == [["toImage"]]
            assert g.config["showSendToCloud"] is False and g.config["displaylogo"] is False
            assert g.config["locale"] == "fi" and "Lataa kuvio PNG-muodossa" in \
                g.config["locales"]["fi"]["dictionary"].values()


def test_empty_and_single_snapshot_databases(tmp_path):
    """A fresh database (no snapshot) and one with only a summary-only snapshot render calmly."""
    from tests.dashboard.seed import record_summary_month, seed_reference

    empty = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    db.get_engine(empty)
    for path in ("/", "/alue/lappi", "/trendit"):
        assert "Tietokannassa ei ole vielä yhtään tilannekuvaa." in _text(
            render_page(path, "", empty))
    one = f"sqlite:///{tmp_path / 'one.sqlite'}"
    with db.transaction(one) as session:
        seed_reference(session)
        record_summary_month(session, "2021-10")
    assert "Tilannekuva 10/2021" in _text(render_page("/", "?view=progress&deltas=1", one))
    text = _text(render_page("/alue/lappi", "", one))
    assert "tehtäväkohtaisia tietoja ei ole" in text and "ensimmäinen tilannekuva" in text
    assert _text(render_page("/trendit", "?highlight=lappi", one))
