"""Survey-design estimation (weights, calibration, standard errors) on pandas: no Flask, no SQL."""
