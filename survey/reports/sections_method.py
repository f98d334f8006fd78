"""The methodology box: survey window, channels, each unit's sample against its quota and N_h
(quota attainment, share screened out, margin of error against the plan, design effect), the
weighting, the method of the estimates."""
from datetime import date

from survey.reports.compose import Report
from survey.reports.document import Section, Table
from survey.reports.fieldwork import Fieldwork
from survey.reports.numbers import decimal, percent, whole
from survey.reports.text import channel_label
from survey.reports.words import say
from survey.results.records import records
from survey.sampling.achieved import achieved


def day(value: date | None, language: str) -> str:
    """A campaign's day in the reader's way ("–" for a campaign without dates, which reports no responses)."""
    if value is None:
        return "–"
    return value.strftime("%d/%m/%Y") if language == "vi" else value.isoformat()


def method(report: Report, work: Fieldwork, language: str) -> Section:
    windows = [say("window_of", language, name=c.name, opens=day(c.opens_on, language),
                   closes=day(c.closes_on, language)) for c in work.campaigns]
    channels = sorted({ch.channel for c in work.campaigns for ch in c.channels})
    lines = [f"{say('window', language)}: " + "; ".join(windows),
             f"{say('channels', language)}: " + ", ".join(channel_label(ch, language) for ch in channels),
             f"{say('weighting', language)}: " + say(f"weighting_text_{report.weighting}", language)]
    table, total = sample_table(report, work, language)
    deff = report.indices["deff"].iloc[0] if "deff" in report.indices else None
    notes = [total, say("margin_note", language, deff=decimal(deff, 2, language)),
             say("method_note", language), say("period_note", language)]
    return Section("method", say("method_box", language), [*lines, table, *notes])


def sample_table(report: Report, work: Fieldwork, language: str) -> tuple[Table, str]:
    sample = work.sample if report.unit is None else work.sample[work.sample["unit"] == report.unit]
    deffs = report.current.table[report.current.table["level"] == "overall"].set_index("domain")["deff"]
    headers = [say(k, language) for k in ("code", "unit_name", "level", "transactions", "quota", "responses",
                                            "eligible", "attainment", "screened", "margin", "planned_margin",
                                            "deff")]
    rows = [_sample_row(row, report.current.units.get(row.unit, row.unit), deffs.get(row.unit), language)
            for row in records(sample)]
    return Table(say("sample_table", language), headers, rows), _total(sample, language)


def _sample_row(row, name: str, deff, language: str) -> list[str]:
    quota = None if row.quota != row.quota else int(row.quota)
    population = None if row.transactions != row.transactions else int(row.transactions)
    reached = achieved(row.unit, name, population, quota, int(row.eligible))
    plan = say("plan_none", language) if reached.planned is None else (
        percent(reached.planned, language) + " · " + say("plan_missed" if reached.misses else "plan_met", language))
    return [row.unit, name, say(f"level_{row.level}", language), whole(population, language), whole(quota, language),
            whole(row.responses, language), whole(row.eligible, language),
            percent(row.eligible / quota if quota else None, language),
            percent(1 - row.eligible / row.responses if row.responses else None, language),
            percent(reached.margin, language), plan, decimal(deff, 2, language)]


def _total(sample, language: str) -> str:
    responses, eligible = int(sample["responses"].sum()), int(sample["eligible"].sum())
    quota = sample["quota"].sum(min_count=1)
    return say("sample_total", language, responses=whole(responses, language),
               screened=whole(responses - eligible, language),
               share=percent((responses - eligible) / responses if responses else None, language),
               eligible=whole(eligible, language),
               attainment=percent(eligible / quota if quota == quota and quota else None, language))
