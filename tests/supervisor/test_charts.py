"""The geometry of the progress charts: bars in percent of the width, stacked columns per day."""
from datetime import date

from survey.quality.progress import Day, Tally
from survey.supervisor.charts import COLUMN_HEIGHT, GUTTER, LONGEST, Tick, day_axis, day_columns, progress_bars


def test_bars_are_scaled_to_the_largest_target_or_count():
    bars = progress_bars([Tally("Long Xuyên", 10, {"submitted": 2, "verified": 3}, "AG-LX"),
                          Tally("Châu Đốc", 4, {"submitted": 20}), Tally("lan", None, {"verified": 1})])
    assert [(b.label, b.count, b.target, b.collected, b.verified) for b in bars] == [
        ("Long Xuyên · AG-LX", "5/10", LONGEST * 10 / 20, LONGEST * 5 / 20, LONGEST * 3 / 20),
        ("Châu Đốc", "20/4", LONGEST * 4 / 20, LONGEST, 0),
        ("lan", "1", 0, LONGEST / 20, LONGEST / 20),
    ]
    assert progress_bars([Tally("x", 0, {})])[0].target == 0  # nothing to scale by: no division by zero


def test_columns_stack_the_channels_and_label_a_few_days():
    days = [Day(date(2027, 3, n), {"web": n, "paper": 1}) for n in range(1, 17)]
    columns = day_columns(days, ["paper", "web"])
    assert [c.label for c in columns if c.label] == ["01/03", "03/03", "05/03", "07/03", "09/03", "11/03", "13/03",
                                                    "15/03"]
    first, last = columns[0], columns[-1]
    assert first.x == GUTTER and abs(last.x + last.width - 100) < 0.01  # the axis labels left of the columns
    (paper, paper_top, paper_height), (web, web_top, web_height) = last.segments
    assert (paper, web) == ("paper", "web") and paper_top + paper_height == COLUMN_HEIGHT
    assert web_top == 24 and web_top + web_height == paper_top  # 17 of the axis's 20
    assert day_columns([Day(date(2027, 3, 1), {"web": 0})], ["web"])[0].segments == ()
    assert day_columns([Day(date(2027, 3, 1), {"web": 4})], ["web"])[0].width == (100 - GUTTER) / 10  # not a wall


def test_the_vertical_axis_counts_in_round_steps_over_the_busiest_day():
    days = [Day(date(2027, 3, 1), {"web": 17}), Day(date(2027, 3, 2), {"web": 3, "paper": 1})]
    ticks = [(160, "0"), (120, "5"), (80, "10"), (40, "15"), (0, "20")]
    assert day_axis(days) == (20, [Tick(y, label) for y, label in ticks])
    assert [tick.label for tick in day_axis([Day(date(2027, 3, 1), {"web": 1})])[1]] == ["0", "1"]
    assert [tick.label for tick in day_axis([Day(date(2027, 3, 1), {"web": 230})])[1]] == [
        "0", "100", "200", "300"]


def test_bars_mark_what_an_even_pace_would_have_collected_by_today():
    bars = progress_bars([Tally("Long Xuyên", 10, {"submitted": 2}), Tally("lan", None, {"verified": 1})], 0.41)
    assert (bars[0].expected, bars[0].expected_count) == (round(LONGEST * 0.41, 2), 4)
    assert (bars[1].expected, bars[1].expected_count) == (None, None)  # no target, no mark
    assert progress_bars([Tally("Long Xuyên", 10, {})])[0].expected is None  # a campaign without dates
