"""--weighting raked: the design weights of the responses in scope raked to a margins file, read
back from the files and compared with the analysis library's own rake of the same responses."""
import csv

import pandas as pd
import pyreadstat
import pytest

from analysis import Design, rake

AGE = {"18-34": 2500.0, "35-up": 1500.0}
UNITS = {"AG-LX": 1200.0, "AG-CD": 2800.0}


@pytest.fixture
def sample(campaign, respond):
    """25 responses about AG-LX and 15 about AG-CD, ages unevenly mixed; response uuid -> (unit, age)."""
    made = {}
    for i in range(40):
        unit, age = ("AG-LX", "18-34" if i % 3 else "35-up") if i < 25 else ("AG-CD", "35-up" if i % 4 else "18-34")
        made[str(respond(campaign, unit, {"overall": str(1 + i % 5), "age": age}).uuid)] = (unit, age)
    return made


def margins_file(tmp_path, name="margins.csv", **variables) -> str:
    path = tmp_path / name
    lines = ["variable,level,population"] + [f"{v},{level},{n}" for v, levels in variables.items()
                                             for level, n in levels.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def library_weights(sample: dict, margins: dict, transactions=None) -> dict[str, float]:
    """analysis.rake of w_h = N_h / n_h over these responses (N_h as in the campaign fixture)."""
    transactions = transactions or {"AG-LX": 1000, "AG-CD": 3000}
    frame = pd.DataFrame([(key, unit, age) for key, (unit, age) in sample.items()], columns=["id", "unit", "age"])
    frame["w"] = frame["unit"].map(lambda u: transactions[u] / (frame["unit"] == u).sum())
    raked = rake(Design(frame, weights="w"), margins)
    return dict(zip(frame["id"], raked.weights, strict=True))


def read_weights(out) -> dict[str, float]:
    if out.suffix == ".sav":
        frame, _ = pyreadstat.read_sav(str(out))
        return dict(zip(frame["response_id"], frame["weight"], strict=True))
    with open(out, encoding="utf-8") as handle:
        return {row["response_id"]: float(row["weight"]) for row in csv.DictReader(handle)}


@pytest.mark.parametrize("suffix", [".csv", ".sav"])
def test_raked_weights_read_back_equal_the_library(cli, sample, tmp_path, suffix):
    out = tmp_path / f"x{suffix}"
    margins = margins_file(tmp_path, age=AGE, unit=UNITS)
    result = cli("export", "xuat-thu", "--format", suffix[1:], "--out", str(out), "--weighting", "raked",
                 "--margins", margins)
    assert result.exit_code == 0, result.output
    got, want = read_weights(out), library_weights(sample, {"age": AGE, "unit": UNITS})
    assert got.keys() == want.keys()
    assert [got[k] for k in want] == pytest.approx([want[k] for k in want], rel=1e-9)
    young = sum(w for k, w in got.items() if sample[k][1] == "18-34")
    assert young == pytest.approx(2500.0, rel=1e-9)


def test_a_unit_filter_chooses_rows_not_the_weights(cli, sample, tmp_path):
    """The weights are the analysis' (the campaign raked): a unit's rows keep their own."""
    out = tmp_path / "x.csv"
    margins = margins_file(tmp_path, age=AGE)
    result = cli("export", "xuat-thu", "--format", "csv", "--out", str(out), "--weighting", "raked",
                 "--margins", margins, "--unit", "AG-LX")
    assert result.exit_code == 0, result.output
    every = library_weights(sample, {"age": AGE})
    want = {k: w for k, w in every.items() if sample[k][0] == "AG-LX"}
    got = read_weights(out)
    assert [got[k] for k in want] == pytest.approx([want[k] for k in want], rel=1e-9) and got.keys() == want.keys()


def test_the_codebook_names_the_margins(cli, sample, tmp_path):
    margins = margins_file(tmp_path, age=AGE)
    result = cli("codebook", "xuat-thu", "--out", str(tmp_path / "book.html"), "--weighting", "raked",
                 "--margins", margins)
    assert result.exit_code == 0, result.output
    html = (tmp_path / "book.html").read_text()
    assert "raked to the population margins" in html and "age = 18-34: 2500" in html


@pytest.mark.parametrize("options, message", [
    (["--weighting", "raked"], "raked needs --margins FILE"),
    (["--weighting", "design", "--margins", "{margins}"], "--margins is only for --weighting raked"),
    (["--weighting", "raked", "--margins", "{unknown}"], "'sex' is not a question of questionnaire"),
    (["--weighting", "raked", "--margins", "{absent_level}"], "80+"),
    (["--weighting", "raked", "--margins", "{missing}"], "No such file"),
])
def test_bad_margins_are_a_message_and_no_file(cli, sample, tmp_path, options, message):
    files = {"margins": margins_file(tmp_path, age=AGE),
             "unknown": margins_file(tmp_path, "sex.csv", sex={"nam": 10.0}),
             "missing": str(tmp_path / "none.csv")}
    files["absent_level"] = margins_file(tmp_path, "absent.csv", age={**AGE, "80+": 5.0})
    out = tmp_path / "out" / "x.csv"
    out.parent.mkdir()
    result = cli("export", "xuat-thu", "--format", "csv", "--out", str(out),
                 *[o.format(**files) for o in options])
    assert result.exit_code == 1 and message in result.output, result.output
    assert list(out.parent.iterdir()) == []
