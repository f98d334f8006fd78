"""Bad multistage and lonely-PSU input raises ValueError naming the column, stratum or unit."""

import pandas as pd
import pytest

from analysis import Design
from tests.analysis.conftest import read_reference

TWO = read_reference("twostage.csv")


def _two(data: pd.DataFrame = TWO, **kwargs) -> Design:
    options = {"weights": "w", "strata": "district", "cluster": ["commune", None], "fpc": ["N_communes", "N_pop"]}
    return Design(data, **(options | kwargs))


def test_more_clusters_than_fpc_names_the_cluster_without_one():
    with pytest.raises(ValueError, match=r"'snum'.*no fpc"):
        _two(cluster=["commune", "snum"], fpc=["N_communes"])


def test_more_fpc_than_clusters_names_the_fpc():
    with pytest.raises(ValueError, match="'N_pop' has no stage"):
        _two(cluster=["commune"], fpc=["N_communes", "N_pop"])


def test_second_stage_fpc_varying_within_a_commune_names_column_and_commune():
    data = TWO.assign(N_pop=TWO["N_pop"] + (TWO.index == 3))
    with pytest.raises(ValueError, match="fpc column 'N_pop' varies within stratum 'D1-c1'"):
        _two(data)


def test_second_stage_fpc_below_the_sample_names_column_and_commune():
    data = TWO.assign(N_pop=TWO["N_pop"].where(TWO["commune"] != "D2-c1", 5))
    with pytest.raises(ValueError, match="fpc column 'N_pop' gives a population of 5 in stratum 'D2-c1'"):
        _two(data)


def test_population_sizes_and_fractions_mixed_across_stages_are_refused():
    with pytest.raises(ValueError, match="'f2' holds sampling fractions but 'N_communes'"):
        _two(fpc=["N_communes", "f2"])


def test_lonely_psu_under_fail_names_the_stratum():
    with pytest.raises(ValueError, match="stratum 'Z1x' of column 'zone' has only one PSU"):
        Design(TWO, weights="w", strata="zone", cluster="commune", lonely_psu="fail")


def test_lonely_unit_at_the_second_stage_names_its_commune():
    data = TWO[(TWO["commune"] != "D4-c2") | (TWO.index == TWO.index[TWO["commune"] == "D4-c2"][0])]
    with pytest.raises(ValueError, match="stage 2: unit 'D4-c2' of column 'commune' has only one PSU"):
        _two(data)
    assert _two(data, lonely_psu="certainty").mean("score")["se"].iloc[0] > 0


def test_unknown_lonely_psu_option_is_refused():
    with pytest.raises(ValueError, match="lonely_psu must be one of fail, remove, adjust, average, certainty"):
        Design(TWO, weights="w", strata="zone", cluster="commune", lonely_psu="drop")


def test_only_the_last_stage_may_go_without_a_cluster_column():
    with pytest.raises(ValueError, match="only the last stage"):
        _two(cluster=[None, "commune"])


def test_a_single_column_keeps_the_one_stage_design():
    one = Design(TWO, weights="w", strata="district", cluster="commune", fpc="N_communes")
    listed = Design(TWO, weights="w", strata=["district"], cluster=["commune"], fpc=["N_communes"])
    pd.testing.assert_frame_equal(one.mean("score", by="sex"), listed.mean("score", by="sex"))
