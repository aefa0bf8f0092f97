"""Read side: the one data-access layer for pages, exports and the CLI (`from domain import
queries`). Split by what reads: the shared look-ups (`_common`), the heatmap (`heatmaps`), the
region page (`region_page`), the trends (`trends`) and the monthly upload (`uploads`); every
name is importable from here, as before the split. Pages read stored figures, never task rows
re-aggregated into percentages, so they stay fast at any size."""
from __future__ import annotations

from ._common import (  # noqa: F401
    READ_MEMO, latest_published, latest_task_statuses, open_periods, previous_snapshot,
    region_rows, regions, remember_reads, roadmap, snapshot, snapshots, working_days_left,
    workstreams, _figures_version, _published, _remembered,
)
from .heatmaps import (  # noqa: F401
    Cell, Column, Heatmap, NO_DATA, columns_for, heatmap, heatmap_with_previous,
    _HEATMAP_CACHE, _HEATMAP_LOCK, _heatmap, _with_national_counts,
)
from .region_page import (  # noqa: F401
    RegionFigures, StatusChange, TaskLine, region, region_figures, status_changes, task_table,
    _current_task_submission, _has_tasks,
)
from .trends import (  # noqa: F401
    NationalPoint, TrendSeries, national_point, trend_series, _TREND_CACHE, _TREND_LOCK,
    _quantile, _trend_values,
)
from .uploads import (  # noqa: F401
    current_task_revision, region_baseline_period, upload_log, upload_original,
)
