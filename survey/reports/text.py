"""The words of a report, shared by the XLSX and HTML renderings."""
from survey.reports.compose import Report
from survey.reports.messages import say


def facts(report: Report, language: str) -> list[tuple[str, str]]:
    """(label, value) lines heading the report: period, unit, campaigns, recipe, weighting, rank."""
    previous = report.previous
    lines = [(say("period", language), report.period.name(language)),
             (say("unit_name", language), f"{report.unit_name} ({report.unit})" if report.unit
              else say("province", language)),
             (say("campaigns", language), ", ".join(report.current.campaigns)),
             (say("previous_period", language), report.previous_period.name(language) + ": "
              + (", ".join(previous.campaigns) if previous else say("none", language))),
             (say("recipe_used", language), report.recipe),
             (say("weighting", language), say(f"weighting_{report.weighting}", language))]
    if report.unit is not None:
        lines.append((say("rank", language), rank_text(report, language)))
    return lines


def rank_text(report: Report, language: str) -> str:
    row = report.ranking.iloc[0] if len(report.ranking) else None
    if row is None or row["rank"] is None:
        return say("not_ranked", language)
    return say("rank_of", language, rank=int(row["rank"]), total=report.ranked_units)


def flag_texts(report: Report, language: str) -> list[str]:
    return [say(key, language, **params) for key, params in report.flags]


def significance(value: bool | None, language: str) -> str:
    if value is None:
        return say("not_tested", language)
    return say("significant_yes" if value else "significant_no", language)


def channel_label(column: str, language: str) -> str:
    if column in ("web", "paper", "interviewer"):
        return say(f"channel_{column}", language)
    return {"total": say("total", language), "unit": say("code", language)}.get(column, column)
