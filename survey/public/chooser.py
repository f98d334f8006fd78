"""The unit chooser of the landing page: a campaign's units by level, in Vietnamese order, searchable."""
from dataclasses import dataclass

from survey.campaigns.models import Campaign
from survey.public.collation import matches, sort_key
from survey.text import unit_name
from survey.units.models import Unit

LEVEL_ORDER = ("department", "commune", "district", "province")
"""Departments first (most procedures are theirs), then the communes and wards citizens live in."""
LEVEL_LABELS = {"department": "level_department", "commune": "level_commune", "district": "level_district",
                "province": "level_province"}
"""Each level's heading in the catalogue."""
MAX_QUERY = 100


@dataclass(frozen=True)
class UnitGroup:
    level: str
    units: list[Unit]

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]


def unit_groups(campaign: Campaign, query: str = "") -> list[UnitGroup]:
    """The campaign's units matching `query` (all when empty), grouped by level, each group sorted."""
    units = [target.unit for target in campaign.units if not query or found(target.unit, query)]
    return [UnitGroup(level, sorted((u for u in units if u.level == level), key=lambda u: sort_key(unit_name(u))))
            for level in LEVEL_ORDER if any(u.level == level for u in units)]


def found(unit: Unit, query: str) -> bool:
    """Whether the unit's name (in either language) or code matches, accents ignored."""
    return any(matches(query, text) for text in (unit.name, unit.name_en or "", unit.code))


def search_query(raw: str | None) -> str:
    return " ".join((raw or "")[:MAX_QUERY].split())
