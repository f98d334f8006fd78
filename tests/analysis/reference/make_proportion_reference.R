# Reference results for tests/analysis/test_proportion_against_r.py: svyciprop (every method,
# overall and by domain) and the design effects of svymean / svytotal (deff = TRUE).
#
# Run from the repository root:  Rscript tests/analysis/reference/make_proportion_reference.R
# Writes proportion_apistrat.csv, proportion_apiclus1.csv (R's data(api)) and proportions.csv here
# (design, quantity, method, domain, category, estimate, ci_low, ci_high, deff; 17 digits).
#
# svyciprop's logit and likelihood intervals come from svyglm, whose IRLS stops when the deviance
# changes by less than 1e-8 (relative): the intercept is then off by about 1e-9, and the model
# variance (from the working weights of the step before) by up to 1e-7. glm.control is set to
# iterate until a step leaves the deviance unchanged (at most 60 steps): the fixed point, so the
# reference is the fit, not the stopping noise ("did not converge" warnings are silenced).
# A domain with every answer in (or out of) the level makes method = "likelihood" fail in R:
# its rows are written as NA.

suppressMessages(library(survey))
here <- "tests/analysis/reference"
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
loose <- stats::glm.control
assignInNamespace("glm.control", function(epsilon = 1e-300, maxit = 60, trace = FALSE) {
  loose(epsilon = epsilon, maxit = maxit, trace = trace)
}, "stats")

data(api)
write.csv(apistrat, file.path(here, "proportion_apistrat.csv"), row.names = FALSE)
write.csv(apiclus1, file.path(here, "proportion_apiclus1.csv"), row.names = FALSE)
prep <- function(d) {
  d$yes <- as.numeric(d$sch.wide == "Yes")
  d$elementary <- as.numeric(d$stype == "E")
  d
}
read <- function(name) {
  d <- read.csv(file.path(here, name))
  d$q1f <- factor(ifelse(d$q1 == 9, NA, d$q1), levels = 1:5)
  d$tb <- ifelse(is.na(d$q1) | d$q1 == 9, NA, as.numeric(d$q1 %in% c(4, 5)))
  d
}
s <- read("strat.csv")
k <- read("clus.csv")
ages <- c("18-34", "35-49", "50-64", "65+")
pop_sex <- data.frame(sex = c("F", "M"), Freq = c(9000, 7500))
pop_age <- data.frame(agegrp = ages, Freq = c(6000, 5000, 3500, 2000))

designs <- list(
  apistrat = svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = prep(apistrat)),
  apiclus1 = svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = prep(apiclus1)),
  strat = svydesign(ids = ~1, strata = ~unit, weights = ~w, fpc = ~N_unit, data = s),
  clus = svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~N_psu, data = k))
designs$strat_raked <- rake(designs$strat, list(~sex, ~agegrp), list(pop_sex, pop_age),
                            control = list(maxit = 1000, epsilon = 1e-14))
# (share variable, domain column, numeric variable) per design
spec <- list(apistrat = c("yes", "stype", "api00"), apiclus1 = c("yes", "stype", "api00"),
             strat = c("tb", "unit", "score"), clus = c("tb", "sex", "score"),
             strat_raked = c("tb", "unit", "score"))

rows <- list()
out <- function(design, quantity, method, domain, estimate, low = NA, high = NA, deff = NA, category = "") {
  rows[[length(rows) + 1]] <<- data.frame(design = design, quantity = quantity, method = method,
    domain = domain, category = category, estimate = fmt(estimate), ci_low = fmt(low),
    ci_high = fmt(high), deff = fmt(deff))
}
shares <- function(dname, des, var, by, quantity) {
  f <- as.formula(paste0("~", var))
  for (m in c("logit", "likelihood", "beta", "asin", "mean")) {
    if (is.null(by)) {
      r <- suppressWarnings(svyciprop(f, des, method = m, na.rm = TRUE))
      out(dname, quantity, m, "", coef(r), confint(r)[1], confint(r)[2])
    } else {
      r <- tryCatch(suppressWarnings(svyby(f, as.formula(paste0("~", by)), des, svyciprop, method = m,
                                           vartype = "ci", na.rm = TRUE)), error = function(e) NULL)
      doms <- sort(unique(as.character(des$variables[[by]])))
      if (is.null(r)) out(dname, quantity, m, doms, NA, NA, NA)
      else out(dname, quantity, m, as.character(r[[by]]), r[[var]], r$ci_l, r$ci_u)
    }
  }
}
effects <- function(dname, des, var, by) {
  f <- as.formula(paste0("~", var))
  for (stat in c("mean", "total")) {
    fun <- if (stat == "mean") svymean else svytotal
    r <- fun(f, des, na.rm = TRUE, deff = TRUE)
    out(dname, paste0(stat, "_deff"), "", "", coef(r), deff = deff(r))
    r <- svyby(f, as.formula(paste0("~", by)), des, fun, na.rm = TRUE, deff = TRUE)
    out(dname, paste0(stat, "_deff_by"), "", as.character(r[[by]]), coef(r), deff = deff(r))
  }
}

for (dname in names(designs)) {
  des <- designs[[dname]]
  v <- spec[[dname]]
  shares(dname, des, v[1], NULL, "share")
  shares(dname, des, v[1], v[2], "share_by")
  effects(dname, des, v[3], v[2])
}
shares("apistrat", designs$apistrat, "elementary", "stype", "share_all_or_none")
r <- svymean(~q1f, designs$strat, na.rm = TRUE, deff = TRUE)
out("strat", "mean_deff_categorical", "", "", coef(r), deff = deff(r), category = sub("q1f", "", names(coef(r))))

write.csv(do.call(rbind, rows), file.path(here, "proportions.csv"), row.names = FALSE)
