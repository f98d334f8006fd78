"""Survey-design estimation (weights, calibration, standard errors) on pandas: no Flask, no SQL.

    from analysis import Design, rake, poststratify, trim
    design = Design(frame, weights="w", strata="unit", fpc="N_unit")
    raked = rake(design, {"sex": {"F": 980_000, "M": 920_000}, "age": {...}})
    raked.top_box("q1", by="unit")      # estimate, se, ci_low, ci_high, n per unit

See README.md in this folder for what is matched against R's survey package.
"""

from analysis._chisq import ChisqTest, chisq
from analysis._combination import Ratio
from analysis._glm import glm
from analysis._padjust import adjust_p
from analysis._ttest import TTest, ttest
from analysis.adjust import poststratify, rake, trim
from analysis.compare import Comparison, compare, compare_designs
from analysis.design import Design
from analysis.greg import calibrate
from analysis.replicates import ReplicateDesign
from analysis.weights import design_weights

__all__ = ["ChisqTest", "Comparison", "Design", "Ratio", "ReplicateDesign", "TTest", "adjust_p", "calibrate", "chisq",
           "compare", "compare_designs", "design_weights", "glm", "poststratify", "rake", "trim", "ttest"]
