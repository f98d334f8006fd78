# Reference values from R's survey package for tests/analysis/test_indices_combination.py:
# affine combinations of two ratio estimators with different missing values, overall and by
# domain, by the delta method on totals (svycontrast), R's own joint linearisation.
#
# Run from the repository root:  Rscript tests/analysis/reference/make_combination_reference.R
# Reads strat.csv and clus.csv (make_data.py) and writes combinations.csv beside this script:
#   design, combination, domain, estimate, se, ci_low, ci_high   (17 significant digits)
#
# Items: t = top-two-box of q1 (valid: 1-5; 9 and NA are missing) and s = score, valid only
# within [1, 9]. Combinations (as the Python test builds them):
#   mean_scores = 50 t + 50 (s - 1) / 8     (the mean of two 0-100 scores)
#   contrast    = 5 + 100 t - 10 s

suppressMessages(library(survey))
here <- "tests/analysis/reference"
fmt <- function(x) sprintf("%.17g", x)

read <- function(name) {
  d <- read.csv(file.path(here, name))
  d$t_ok <- as.numeric(!is.na(d$q1) & d$q1 != 9)
  d$t_y <- ifelse(d$t_ok == 1, as.numeric(d$q1 %in% c(4, 5)), 0)
  d$s_ok <- as.numeric(!is.na(d$score) & d$score >= 1 & d$score <= 9)
  d$s_y <- ifelse(d$s_ok == 1, d$score, 0)
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
pop_s <- list(sex = margin("sex", c("F", "M"), c(9000, 7500)),
              agegrp = margin("agegrp", ages, c(6000, 5000, 3500, 2000)),
              region = margin("region", c("urban", "rural", "mountain"), c(7000, 6500, 3000)))
pop_k <- list(sex = margin("sex", c("F", "M"), c(12500, 11000)),
              agegrp = margin("agegrp", ages, c(8000, 7000, 5500, 3000)),
              region = margin("region", c("urban", "rural", "mountain"), c(9500, 9500, 4500)))
tight <- list(maxit = 1000, epsilon = 1e-14)

base <- svydesign(ids = ~1, strata = ~unit, weights = ~w, fpc = ~N_unit, data = s)
cbase <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~N_psu, data = k)
raked <- rake(base, list(~sex, ~agegrp), pop_s[c("sex", "agegrp")], control = tight)
designs <- list(
  strat_fpc_count = base,
  cluster_strat_fpc_count = cbase,
  rake_sex_age = raked,
  rake_trim_then_ps = postStratify(trimWeights(raked, lower = 8, upper = 100), ~region, pop_s$region),
  cluster_rake_three = rake(cbase, list(~sex, ~agegrp, ~region), pop_k, control = tight)
)
by_of <- function(name) if (startsWith(name, "cluster")) "sex" else "unit"

combos <- list(mean_scores = quote(50 * ty / tn + 50 * (sy / sn - 1) / 8),
               contrast = quote(5 + 100 * ty / tn - 10 * sy / sn))

rows <- list()
estimate <- function(dname, des, domain, inside) {
  v <- des$variables
  v$ty <- v$t_y * inside; v$tn <- v$t_ok * inside
  v$sy <- v$s_y * inside; v$sn <- v$s_ok * inside
  des$variables <- v
  tot <- svytotal(~ty + tn + sy + sn, des)
  for (cname in names(combos)) {
    est <- svycontrast(tot, combos[[cname]])
    ci <- confint(est, df = degf(des))
    rows[[length(rows) + 1]] <<- data.frame(design = dname, combination = cname, domain = domain,
      estimate = fmt(coef(est)), se = fmt(SE(est)), ci_low = fmt(ci[1, 1]), ci_high = fmt(ci[1, 2]))
  }
}

for (dname in names(designs)) {
  des <- designs[[dname]]
  estimate(dname, des, "", 1)
  dom <- des$variables[[by_of(dname)]]
  for (level in sort(unique(dom))) estimate(dname, des, level, as.numeric(dom == level))
}

write.csv(do.call(rbind, rows), file.path(here, "combinations.csv"), row.names = FALSE)
