"""SPSS and Stata files read back with pyreadstat: names, labels, codes, missing values, weights."""
from pathlib import Path

import pyreadstat
import pytest

from survey.exports.variables import statistical_names
from tests.exports.conftest import LONG_LABEL, LONG_NAME


def export(cli, out, *options):
    result = cli("export", "xuat-thu", "--format", out.suffix[1:], "--out", str(out), *options)
    assert result.exit_code == 0, result.output


def test_spss_has_labels_codes_and_dont_know_as_missing(cli, answered, tmp_path):
    _, made = answered
    out = tmp_path / "x.sav"
    export(cli, out, "--weighting", "design")
    frame, meta = pyreadstat.read_sav(str(out), user_missing=True)
    labels = meta.column_names_to_labels
    assert labels["overall"] == "Hài lòng chung" and labels[LONG_NAME] == LONG_LABEL
    assert meta.variable_value_labels["overall"][9.0] == "Không biết / không áp dụng"
    assert meta.variable_value_labels["age"] == {1.0: "18–34 tuổi", 2.0: "Từ 35 tuổi"}
    assert meta.missing_ranges["overall"] == [{"lo": 9.0, "hi": 9.0}]
    assert frame["overall"].tolist() == [1.0, 5.0, 9.0, 2.0]
    assert frame["age"].tolist()[:2] == [1.0, 2.0]
    assert frame["sources__web_portal"].tolist()[:2] == [0.0, 1.0] and frame["sources__tv"].isna()[2]
    assert frame["response_id"].tolist() == [str(r.uuid) for r in made]
    assert frame["weight"].tolist() == pytest.approx([500.0, 500.0, float("nan"), 3000.0], nan_ok=True)
    assert frame["weight_note"].tolist() == [1.0, 1.0, 2.0, 1.0]  # the third rated nothing: out of scope
    assert meta.variable_value_labels["weight_note"][2.0].startswith("Ngoài phạm vi: không đánh giá")
    assert meta.readstat_variable_types["visits"] == "double"


def test_spss_without_user_missing_reads_dont_know_as_missing(cli, answered, tmp_path):
    out = tmp_path / "x.sav"
    export(cli, out)
    frame, _ = pyreadstat.read_sav(str(out))
    assert frame["overall"].isna().tolist() == [False, False, True, False]


def test_stata_names_and_labels_fit_its_limits(cli, answered, tmp_path):
    out = tmp_path / "x.dta"
    export(cli, out, "--language", "en")
    frame, meta = pyreadstat.read_dta(str(out))
    short = LONG_NAME[:28]
    assert short in frame.columns and all(len(name) <= 28 for name in frame.columns)
    assert meta.column_names_to_labels[short] == "Waiting time"
    assert meta.column_names_to_labels["overall"] == "Overall"
    assert meta.variable_value_labels["online"] == {1.0: "Yes", 2.0: "No"}
    assert frame["why"].tolist()[1:3] == ["", ""]
    assert frame[short].tolist()[:2] == [9.0, 4.0]


def test_stata_labels_longer_than_80_characters_are_cut(cli, answered, tmp_path):
    out = tmp_path / "x.dta"
    export(cli, out)
    _, meta = pyreadstat.read_dta(str(out))
    label = meta.column_names_to_labels[LONG_NAME[:28]]
    assert len(label) == 80 and label.endswith("…") and LONG_LABEL.startswith(label[:-1])


def test_long_text_in_stata(cli, campaign, respond, tmp_path):
    respond(campaign, "AG-CD", {"overall": "1", "why": ("Chờ đợi quá lâu. " * 300).strip()})
    respond(campaign, "AG-CD", {"overall": "3"})
    out = tmp_path / "x.dta"
    export(cli, out)
    frame, _ = pyreadstat.read_dta(str(out))
    assert frame["why"].tolist() == [("Chờ đợi quá lâu. " * 300).strip(), ""]


@pytest.mark.parametrize("names, limit, expected", [
    (["a" * 40, "a" * 40 + "b"], 32, ["a" * 32, "a" * 30 + "_2"]),
    (["q__web.portal", "q__web-portal"], 32, ["q__web_portal", "q__web_portal_2"]),
    (["_x", "9y"], 32, ["v_x", "v9y"]),
])
def test_statistical_names(names, limit, expected):
    assert list(statistical_names(names, limit).values()) == expected


def test_the_shipped_sipas_questionnaire_fits_spss_and_stata(cli, make_version, make_campaign, tmp_path):
    import forms

    text = (Path(__file__).parents[2] / "forms" / "sipas.yaml").read_text(encoding="utf-8")
    make_campaign(slug="sipas", version=make_version(text))
    keys = [q.name for q in forms.load_definition(text).questions if q.kind.has_answer]
    for suffix, read in ((".sav", pyreadstat.read_sav), (".dta", pyreadstat.read_dta)):
        out = tmp_path / f"sipas{suffix}"
        assert cli("export", "sipas", "--format", suffix[1:], "--out", str(out)).exit_code == 0
        frame, meta = read(str(out))
        assert set(keys) <= set(frame.columns) and all(meta.column_names_to_labels[k] for k in keys)
        if suffix == ".dta":
            assert all(len(label) <= 80 for label in meta.column_names_to_labels.values())


def test_repeated_texts_are_gathered_as_one_object_while_a_column_has_few(tmp_path, monkeypatch):
    from survey.exports import statistical
    from survey.exports.variables import RESPONSE_VARIABLES

    monkeypatch.setattr(statistical, "SHARED_TEXTS", 3)
    channel, response_id = RESPONSE_VARIABLES[5], RESPONSE_VARIABLES[0]
    writer = statistical.StatisticalWriter(tmp_path / "x.sav", [response_id, channel], 8, "sav", "vi")
    for start in (0, 4):
        ids = [f"id-{n}" for n in range(start, start + 4)]
        writer.write({"response_id": ids, "channel": ["".join("web") for _ in range(3)] + [None]})
    channels = writer.arrays["channel"]
    assert all(cell is channels[0] for cell in channels[[0, 1, 2, 4, 5, 6]]) and channels[3] is None
    assert writer.shared["response_id"] is None  # more than 3 distinct: kept as they come
    writer.close()
    frame, _ = pyreadstat.read_sav(str(tmp_path / "x.sav"))
    assert frame["response_id"].tolist() == [f"id-{n}" for n in range(8)]
    assert frame["channel"].tolist() == ["web", "web", "web", "", "web", "web", "web", ""]
