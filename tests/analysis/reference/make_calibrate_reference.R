# Reference results of R's calibrate() for tests/analysis/test_calibrate_against_r.py.
#
# Run from the repository root:  Rscript tests/analysis/reference/make_calibrate_reference.R
# Reads strat.csv and clus.csv (make_data.py), writes R's apistrat and apiclus1 (data(api))
# as calibrate_apistrat.csv and calibrate_apiclus1.csv, and writes beside this script, with 17 significant digits,
#   calibrate.csv          design, quantity, domain, estimate, se
#   calibrate_weights.csv  design, row, weight
#   calibrate_totals.csv   name, total (population totals of api99 and the api margins)
# The designs must match DESIGNS in the Python test.

suppressMessages(library(survey))
here <- "tests/analysis/reference"
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
tight <- list(epsilon = 1e-13, maxit = 200)

read <- function(name) {
  d <- read.csv(file.path(here, name))
  d$tb <- ifelse(is.na(d$q1) | d$q1 == 9, NA, as.numeric(d$q1 %in% c(4, 5)))
  d
}
s <- read("strat.csv")
k <- read("clus.csv")
data(api)
apistrat$tb <- as.numeric(apistrat$awards == "Yes")
apiclus1$tb <- as.numeric(apiclus1$awards == "Yes")
write.csv(apistrat[, c("stype", "sch.wide", "dnum", "api00", "api99", "enroll", "awards", "pw", "fpc")],
          file.path(here, "calibrate_apistrat.csv"), row.names = FALSE)
write.csv(apiclus1[, c("stype", "sch.wide", "dnum", "api00", "api99", "enroll", "awards", "pw", "fpc")],
          file.path(here, "calibrate_apiclus1.csv"), row.names = FALSE)

api99 <- sum(apipop$api99)
stype <- table(apipop$stype)
wide <- table(apipop$sch.wide)
write.csv(data.frame(name = c("api99", paste0("stype_", names(stype)), paste0("sch.wide_", names(wide))),
                     total = fmt(c(api99, stype, wide))),
          file.path(here, "calibrate_totals.csv"), row.names = FALSE, quote = FALSE)

pop_s <- c(`(Intercept)` = 16500, sexM = 7500, `agegrp35-49` = 5000, `agegrp50-64` = 3500, `agegrp65+` = 2000)
pop_k <- c(`(Intercept)` = 23500, sexM = 11000, `agegrp35-49` = 7000, `agegrp50-64` = 5500, `agegrp65+` = 3000,
           regionrural = 9500, regionurban = 9500)
pop_api <- c(`(Intercept)` = sum(stype), stypeH = stype[["H"]], stypeM = stype[["M"]], api99 = api99)
pop_wide <- c(`(Intercept)` = sum(wide), sch.wideYes = wide[["Yes"]], api99 = api99)

cal <- function(des, formula, pop, ...) do.call(calibrate, c(list(des, formula, pop, ...), tight))
sdes <- svydesign(ids = ~1, strata = ~unit, weights = ~w, fpc = ~N_unit, data = s)
kdes <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~N_psu, data = k)
adst <- svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat)
adcl <- svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)

designs <- list(
  strat_linear = cal(sdes, ~sex + agegrp, pop_s),
  strat_raking = cal(sdes, ~sex + agegrp, pop_s, calfun = "raking"),
  strat_logit = cal(sdes, ~sex + agegrp, pop_s, calfun = "logit", bounds = c(0.5, 2)),
  strat_linear_bounded = cal(sdes, ~sex + agegrp, pop_s, bounds = c(0.7, 1.6)),
  clus_raking = cal(kdes, ~sex + agegrp + region, pop_k, calfun = "raking"),
  clus_linear = cal(kdes, ~sex + agegrp + region, pop_k),
  apistrat_raking = cal(adst, ~sch.wide + api99, pop_wide, calfun = "raking"),
  apistrat_logit = cal(adst, ~sch.wide + api99, pop_wide, calfun = "logit", bounds = c(0.6, 1.7)),
  apiclus1_linear = cal(adcl, ~stype + api99, pop_api),
  apiclus1_raking = cal(adcl, ~stype + api99, pop_api, calfun = "raking"),
  apiclus1_total_only = cal(adcl, ~api99 - 1, c(api99 = api99))
)

rows <- list()
add <- function(design, quantity, domain, est, se) {
  rows[[length(rows) + 1]] <<- data.frame(design = design, quantity = quantity, domain = domain,
                                          estimate = unname(fmt(est)), se = unname(fmt(se)),
                                          row.names = NULL)
}
one <- function(name, des, formula, quantity, fun) {
  e <- fun(formula, des, na.rm = TRUE)
  add(name, quantity, "", coef(e), SE(e))
}
by_domain <- function(name, des, formula, by, quantity, fun) {
  e <- svyby(formula, by, des, fun, na.rm = TRUE)
  add(name, quantity, as.character(e[[1]]), coef(e), SE(e))
}
for (name in names(designs)) {
  des <- designs[[name]]
  api <- startsWith(name, "api")
  y <- if (api) ~api00 else ~score
  by <- if (api) ~stype else if (startsWith(name, "clus")) ~sex else ~unit
  one(name, des, y, "mean", svymean)
  one(name, des, y, "total", svytotal)
  one(name, des, ~tb, "top_box", svymean)
  by_domain(name, des, y, by, "mean_by", svymean)
  by_domain(name, des, y, by, "total_by", svytotal)
  by_domain(name, des, ~tb, by, "top_box_by", svymean)
}
write.csv(do.call(rbind, rows), file.path(here, "calibrate.csv"), row.names = FALSE)
weights <- do.call(rbind, lapply(names(designs), function(name) {
  data.frame(design = name, row = seq_along(weights(designs[[name]])) - 1, weight = fmt(weights(designs[[name]])))
}))
write.csv(weights, file.path(here, "calibrate_weights.csv"), row.names = FALSE)
