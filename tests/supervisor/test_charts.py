"""The geometry of the progress charts: bars in percent of the width, stacked columns per day."""
from datetime import date

from survey.quality.progress import Day, Tally
from survey.supervisor.charts import COLUMN_HEIGHT, LONGEST, day_columns, progress_bars


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
    last = columns[-1]
    assert last.x == 93.75 and last.width == 6.25
    (paper, paper_top, paper_height), (web, web_top, web_height) = last.segments
    assert (paper, web) == ("paper", "web") and paper_top + paper_height == COLUMN_HEIGHT
    assert web_top == 0 and web_top + web_height == paper_top  # the busiest day is full height
    assert day_columns([Day(date(2027, 3, 1), {"web": 0})], ["web"])[0].segments == ()
    assert day_columns([Day(date(2027, 3, 1), {"web": 4})], ["web"])[0].width == 10  # one day: not a wall
