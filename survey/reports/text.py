"""The words of a report, shared by the XLSX and HTML renderings."""
from survey.reports.compose import Report
from survey.reports.messages import say
from survey.reports.numbers import whole
from survey.reports.words import say as say_more


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
    """The flags, data-quality rules named in words ('thời gian trả lời quá ngắn: 29')."""
    return [say(key, language, **(_rules_in_words(params, language) if key == "flag_quality" else params))
            for key, params in report.flags]


def _rules_in_words(params: dict, language: str) -> dict:
    words = [say_more("rule_count", language, rule=say_more(f"rule_{rule}", language), count=whole(n, language))
             for rule, n in sorted(params["counts"].items())]
    return {"rules": "; ".join(words)}


def significance(value: object, language: str) -> str:
    """Whether a change is significant: a table cell, True or False (bool or numpy.bool_) when the
    change was tested, None when it was not."""
    if value is None:
        return say("not_tested", language)
    return say("significant_yes" if value else "significant_no", language)


def channel_label(column: str, language: str) -> str:
    if column in ("web", "paper", "interviewer"):
        return say(f"channel_{column}", language)
    return {"total": say("total", language), "unit": say("code", language)}.get(column, column)
