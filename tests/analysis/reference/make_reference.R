# Reference results from R's survey package for tests/analysis/test_against_r.py.
#
# Run from the repository root:  Rscript tests/analysis/reference/make_reference.R
# Reads strat.csv and clus.csv (written by make_data.py) and writes, beside this script,
#   results.csv  design, quantity, domain, category, estimate, se, ci_low, ci_high
#   weights.csv  design, id, weight
# with 17 significant digits. Intervals are confint(est, df = degf(design)).
# The designs and quantities must match DESIGNS and the quantities in the Python test.

suppressMessages(library(survey))
here <- "tests/analysis/reference"
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

read <- function(name) {
  d <- read.csv(file.path(here, name))
  d$q1f <- factor(ifelse(d$q1 == 9, NA, d$q1), levels = 1:5)
  d$tb <- ifelse(is.na(d$q1) | d$q1 == 9, NA, as.numeric(d$q1 %in% c(4, 5)))
  d
}
s <- read("strat.csv")
k <- read("clus.csv")

margin <- function(name, levels, counts) {
  m <- data.frame(levels, counts)
  names(m) <- c(name, "Freq")
  m
}
ages <- c("18-34", "35-49", "50-64", "65+")
regions <- c("urban", "rural", "mountain")
pop_s <- list(sex = margin("sex", c("F", "M"), c(9000, 7500)),
              agegrp = margin("agegrp", ages, c(6000, 5000, 3500, 2000)),
              region = margin("region", regions, c(7000, 6500, 3000)))
pop_k <- list(sex = margin("sex", c("F", "M"), c(12500, 11000)),
              agegrp = margin("agegrp", ages, c(8000, 7000, 5500, 3000)),
              region = margin("region", regions, c(9500, 9500, 4500)))
sexage <- expand.grid(sex = c("F", "M"), agegrp = ages, stringsAsFactors = FALSE)
sexage$Freq <- c(3300, 2700, 2700, 2300, 1900, 1600, 1100, 900)

tight <- list(maxit = 1000, epsilon = 1e-14)
rake_to <- function(des, pop, names) {
  rake(des, lapply(names, function(n) as.formula(paste0("~", n))), pop[names], control = tight)
}

designs <- list()
designs$strat_fpc_count <- svydesign(ids = ~1, strata = ~unit, weights = ~w, fpc = ~N_unit, data = s)
designs$strat_fpc_fraction <- svydesign(ids = ~1, strata = ~unit, weights = ~w, fpc = ~f_unit, data = s)
designs$strat_no_fpc <- svydesign(ids = ~1, strata = ~unit, weights = ~w, data = s)
designs$srs_equal <- suppressWarnings(svydesign(ids = ~1, data = s))
designs$strat_weights_from_fpc <- svydesign(ids = ~1, strata = ~unit, fpc = ~N_unit, data = s)
designs$cluster <- svydesign(ids = ~psu, weights = ~w, data = k)
designs$cluster_strat_fpc_count <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~N_psu, data = k)
designs$cluster_strat_fpc_fraction <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~f_psu, data = k)

base <- designs$strat_fpc_count
cbase <- designs$cluster_strat_fpc_count
designs$ps_sex <- postStratify(base, ~sex, pop_s$sex)
designs$ps_sex_age <- postStratify(base, ~sex + agegrp, sexage)
designs$cluster_ps_age <- postStratify(cbase, ~agegrp, pop_k$agegrp)
designs$rake_sex_age <- rake_to(base, pop_s, c("sex", "agegrp"))
designs$rake_three_no_fpc <- rake_to(designs$strat_no_fpc, pop_s, c("sex", "agegrp", "region"))
designs$cluster_rake_three <- rake_to(cbase, pop_k, c("sex", "agegrp", "region"))
designs$ps_then_rake <- rake_to(postStratify(base, ~region, pop_s$region), pop_s, c("sex", "agegrp"))
designs$rake_then_ps <- postStratify(designs$rake_sex_age, ~region, pop_s$region)
designs$trim <- trimWeights(base, lower = 8, upper = 100)
designs$rake_trim <- trimWeights(designs$rake_sex_age, lower = 8, upper = 100)
designs$rake_trim_strict <- trimWeights(designs$rake_sex_age, lower = 8, upper = 100, strict = TRUE)
designs$rake_trim_then_ps <- postStratify(designs$rake_trim, ~region, pop_s$region)
designs$trim_then_ps <- postStratify(trimWeights(base, upper = 100), ~sex, pop_s$sex)
designs$cluster_trim_then_rake <- rake_to(trimWeights(cbase, upper = 200), pop_k, c("sex", "agegrp"))

by_of <- function(name) if (startsWith(name, "cluster")) "sex" else "unit"
pair_of <- function(name) if (startsWith(name, "cluster")) c("F", "M") else c("A", "B")
second_by <- function(name) if (startsWith(name, "cluster")) "stratum" else "sex"

rows <- list()
emit <- function(dname, quantity, est, des, by = FALSE, prefix = NULL) {
  nm <- names(coef(est))
  ci <- confint(est, df = degf(des))
  se <- as.vector(as.matrix(SE(est)))  # svyby of a factor gives a domain x category frame
  domain <- if (!by) rep("", length(nm)) else if (is.null(prefix)) nm else sub(":.*", "", nm)
  category <- if (is.null(prefix)) rep("", length(nm)) else sub(paste0(".*", prefix), "", nm)
  rows[[length(rows) + 1]] <<- data.frame(design = dname, quantity = quantity, domain = domain,
    category = category, estimate = fmt(coef(est)), se = fmt(se),
    ci_low = fmt(ci[, 1]), ci_high = fmt(ci[, 2]))
}
plain <- function(dname, quantity, domain, values) {
  rows[[length(rows) + 1]] <<- data.frame(design = dname, quantity = quantity, domain = domain,
    category = "", estimate = fmt(values), se = "NA", ci_low = "NA", ci_high = "NA")
}

# A difference of domain means by the delta method on four totals: R's own joint
# linearisation, independent of svyby (whose covmat = TRUE refuses missing values).
contrast <- function(dname, des) {
  by <- by_of(dname); ab <- pair_of(dname)
  v <- des$variables
  ok <- !is.na(v$score)
  for (i in 1:2) {
    inside <- ok & v[[by]] == ab[i]
    v[[paste0("y", i)]] <- ifelse(inside, v$score, 0)
    v[[paste0("n", i)]] <- as.numeric(inside)
  }
  des$variables <- v
  tot <- svytotal(~y1 + n1 + y2 + n2, des)
  est <- svycontrast(tot, quote(y1 / n1 - y2 / n2))
  emit(dname, "compare_score", est, des)
  plain(dname, "compare_p", "", 2 * pt(-abs(coef(est) / SE(est)), degf(des)))
}

for (dname in names(designs)) {
  des <- designs[[dname]]
  by <- as.formula(paste0("~", by_of(dname)))
  by2 <- as.formula(paste0("~", by_of(dname), "+", second_by(dname)))
  emit(dname, "mean_score", svymean(~score, des, na.rm = TRUE), des)
  emit(dname, "mean_score_by", svyby(~score, by, des, svymean, na.rm = TRUE), des, by = TRUE)
  emit(dname, "mean_score_by2", svyby(~score, by2, des, svymean, na.rm = TRUE), des, by = TRUE)
  emit(dname, "total_score", svytotal(~score, des, na.rm = TRUE), des)
  emit(dname, "total_score_by", svyby(~score, by, des, svytotal, na.rm = TRUE), des, by = TRUE)
  emit(dname, "prop_q1", svymean(~q1f, des, na.rm = TRUE), des, prefix = "q1f")
  emit(dname, "prop_q1_by", svyby(~q1f, by, des, svymean, na.rm = TRUE), des, by = TRUE, prefix = "q1f")
  emit(dname, "total_q1", svytotal(~q1f, des, na.rm = TRUE), des, prefix = "q1f")
  emit(dname, "top_box", svymean(~tb, des, na.rm = TRUE), des)
  emit(dname, "top_box_by", svyby(~tb, by, des, svymean, na.rm = TRUE), des, by = TRUE)
  contrast(dname, des)
  w <- weights(des)
  dom <- des$variables[[by_of(dname)]]
  plain(dname, "effective_n", "", sum(w)^2 / sum(w^2))
  plain(dname, "effective_n_by", sort(unique(dom)), sapply(sort(unique(dom)), function(l) sum(w[dom == l])^2 / sum(w[dom == l]^2)))
  plain(dname, "degf", "", degf(des))
}

write.csv(do.call(rbind, rows), file.path(here, "results.csv"), row.names = FALSE)
weights <- do.call(rbind, lapply(names(designs), function(dname) {
  data.frame(design = dname, id = designs[[dname]]$variables$id, weight = fmt(weights(designs[[dname]])))
}))
write.csv(weights, file.path(here, "weights.csv"), row.names = FALSE)
