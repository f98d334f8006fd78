"""A CSV export split between two processes writes exactly what one process writes, or nothing."""
import pytest

from survey.exports import halves
from survey.exports.operations import ExportRequest, export
from survey.exports.reading import Filters


@pytest.fixture
def many(session, answered, respond):
    """The answered campaign with eleven responses in all, committed (the second process reads them)."""
    campaign, _ = answered
    for number in range(7):
        respond(campaign, ("AG-LX", "AG-CD", "AG-SNV")[number % 3], {"overall": str(number % 2 + 1),
                                                                  "why": f'=lý do {number}, "x"\nhai dòng'})
    session.commit()
    return campaign


@pytest.fixture
def forks(monkeypatch):
    """Counts the exports written in halves."""
    seen = []
    real = halves.write_halves

    def counted(*args):
        seen.append(args[3:5])
        return real(*args)

    monkeypatch.setattr(halves, "write_halves", counted)
    return seen


@pytest.mark.parametrize("layout", ["wide", "long"])
def test_two_processes_write_the_same_file_as_one(session, many, forks, tmp_path, layout):
    request = ExportRequest("xuat-thu", "csv", layout, bom=True)
    _, alone = export(session, request, tmp_path / "one.csv")
    _, split = export(session, request, tmp_path / "two.csv", halves_from=2)
    assert len(forks) == 1 and split == alone and alone >= 11
    assert (tmp_path / "two.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.csv", "two.csv"]


def test_small_exports_and_other_formats_stay_in_one_process(session, many, forks, tmp_path):
    export(session, ExportRequest("xuat-thu", "csv"), tmp_path / "x.csv", halves_from=12)
    export(session, ExportRequest("xuat-thu", "parquet"), tmp_path / "x.parquet", halves_from=2)
    one_unit = ExportRequest("xuat-thu", "csv", filters=Filters(unit_codes=("AG-SNV",), statuses=("verified",)))
    export(session, one_unit, tmp_path / "none.csv", halves_from=1)
    assert forks == []


def test_a_failed_second_half_fails_the_export_and_leaves_nothing(session, many, tmp_path, monkeypatch, capfd):
    def broken(url):
        raise OSError("the database went away")

    monkeypatch.setattr(halves, "make_engine", broken)  # the forked child inherits the patch
    out = tmp_path / "x.csv"
    with pytest.raises(RuntimeError, match="second half"):
        export(session, ExportRequest("xuat-thu", "csv"), out, halves_from=2)
    assert list(tmp_path.iterdir()) == []
    assert "the database went away" in capfd.readouterr().err
