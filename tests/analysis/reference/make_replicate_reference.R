# Reference results of replicate-weight designs for tests/analysis/test_replicates_against_r.py.
#
# Run from the repository root:  Rscript tests/analysis/reference/make_replicate_reference.R
# Reads strat.csv and clus.csv (make_data.py) and R's api data, and writes beside this script
#   api_strat.csv, api_clus1.csv, api_clus2.csv   the columns of R's apistrat, apiclus1 and
#                                  apiclus2 used
#   api_clus1_boot.csv             apiclus1 with R's bootstrap replicate weights rw1..rw50
#                                  (combined), whose random draws Python cannot reproduce
#   api_clus1_subboot.csv          the same for R's Rao-Wu subbootstrap
#   replicates.csv                 design, quantity, domain, category, estimate, se, ci_low, ci_high
#   replicate_statistics.csv       svyratio and svyquantile: design, quantity, domain, term, field, value
#   replicate_tests.csv            deff, svyttest, svychisq, svyglm, svyciprop(method = "likelihood"),
#                                  in the same columns
# with 17 significant digits. Intervals are confint(est, df = degf(design)), but svyquantile's,
# which are its own (Woodruff's, interval.type = "mean", with the subset's degf).

suppressMessages(library(survey))
# svyciprop's logit interval fits svyglm on every replicate; glm's IRLS stops at a relative
# deviance change of 1e-8, leaving the coefficients about 1e-9 off. Iterating until a step no
# longer changes the deviance gives the fixed point the Python closed form computes.
default_control <- stats::glm.control
assignInNamespace("glm.control", function(epsilon = 1e-300, maxit = 60, trace = FALSE) {
  default_control(epsilon = epsilon, maxit = maxit, trace = trace)
}, "stats")
here <- "tests/analysis/reference"
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
data(api)

read <- function(name) {
  d <- read.csv(file.path(here, name))
  d$q1f <- factor(ifelse(d$q1 == 9, NA, d$q1), levels = 1:5)
  d$tb <- ifelse(is.na(d$q1) | d$q1 == 9, NA, as.numeric(d$q1 %in% c(4, 5)))
  d
}
api_columns <- c("cds", "stype", "sch.wide", "dnum", "pw", "fpc", "avg.ed", "awards", "api00", "api99")
api <- function(frame) {
  frame <- frame[, api_columns]
  frame$cds <- as.character(frame$cds)
  frame$tb <- as.numeric(frame$awards == "Yes")
  frame
}
astrat <- api(apistrat)
aclus <- api(apiclus1)
# The numbers as written (15 significant digits) are the ones Python reads: R's own pw and
# avg.ed carry more digits, enough to decide differently where a quantile's cumulative weight
# ties with p exactly (equal weights in a stratum).
as_written <- function(frame, file, columns) {
  write.csv(frame[, names(frame) != "tb"], file.path(here, file), row.names = FALSE)
  back <- read.csv(file.path(here, file))
  for (name in columns) frame[[name]] <- back[[name]]
  frame
}
numbers <- c("pw", "fpc", "avg.ed", "api00", "api99")
astrat <- as_written(astrat[, c(api_columns, "tb")], "api_strat.csv", numbers)
aclus <- as_written(aclus[, c(api_columns, "tb")], "api_clus1.csv", numbers)
aclus2 <- apiclus2[, c("snum", "stype", "sch.wide", "dnum", "fpc1", "fpc2", "avg.ed", "awards", "api00", "api99")]
aclus2$tb <- as.numeric(aclus2$awards == "Yes")
aclus2 <- as_written(aclus2, "api_clus2.csv", c("fpc1", "fpc2", "avg.ed", "api00", "api99"))
s <- read("strat.csv")
k <- read("clus.csv")

clus1 <- svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = aclus)
exported <- function(des, file) {
  rw <- weights(des, "analysis")
  colnames(rw) <- paste0("rw", seq_len(ncol(rw)))
  frame <- cbind(aclus[, api_columns], rw)
  write.csv(frame, file.path(here, file), row.names = FALSE)
  svrepdesign(data = cbind(aclus, rw), repweights = "^rw[0-9]", weights = ~pw, type = "bootstrap",
              combined.weights = TRUE)
}
set.seed(16)
boot <- as.svrepdesign(clus1, type = "bootstrap", replicates = 50)
set.seed(17)
subboot <- as.svrepdesign(clus1, type = "subbootstrap", replicates = 50)
boot_given <- exported(boot, "api_clus1_boot.csv")
boot_given$scale <- boot$scale
subboot_given <- exported(subboot, "api_clus1_subboot.csv")
rw <- weights(subboot, "analysis")
fay <- svrepdesign(data = aclus, repweights = rw, weights = aclus$pw, type = "Fay", rho = 0.3)
brr <- svrepdesign(data = aclus, repweights = rw, weights = aclus$pw, type = "BRR")

designs <- list(
  api_strat_jkn = as.svrepdesign(svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = astrat),
                                 type = "JKn"),
  api_clus1_jk1 = as.svrepdesign(clus1, type = "JK1"),
  # two stages: R keeps the first stage's clusters and fpc (and warns that it drops the second's)
  api_clus2_jk1 = suppressWarnings(as.svrepdesign(svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, data = aclus2),
                                                  type = "JK1")),
  api_clus1_jk1_mse = as.svrepdesign(clus1, type = "JK1", mse = TRUE),
  api_clus1_boot = boot_given,
  api_clus1_subboot = subboot_given,
  api_clus1_fay = fay,
  api_clus1_brr = brr,
  strat_jkn = as.svrepdesign(svydesign(ids = ~1, strata = ~unit, weights = ~w, fpc = ~N_unit, data = s)),
  strat_no_fpc_jkn_mse = as.svrepdesign(svydesign(ids = ~1, strata = ~unit, weights = ~w, data = s), mse = TRUE),
  cluster_jkn = as.svrepdesign(svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~N_psu, data = k)),
  cluster_jk1 = as.svrepdesign(svydesign(ids = ~psu, weights = ~w, data = k))
)
# Calibrated replicate designs: R post-stratifies (rakes) every replicate's weights too.
margin <- function(name, levels, counts) {
  m <- data.frame(levels, counts)
  names(m) <- c(name, "Freq")
  m
}
ages <- c("18-34", "35-49", "50-64", "65+")
tight <- list(maxit = 1000, epsilon = 1e-14)
designs$strat_jkn_ps_sex <- postStratify(designs$strat_jkn, ~sex, margin("sex", c("F", "M"), c(9000, 7500)))
designs$strat_jkn_rake <- rake(designs$strat_jkn, list(~sex, ~agegrp),
                               list(margin("sex", c("F", "M"), c(9000, 7500)),
                                    margin("agegrp", ages, c(6000, 5000, 3500, 2000))), control = tight)
designs$cluster_jkn_rake <- rake(designs$cluster_jkn, list(~sex, ~agegrp, ~region),
                                 list(margin("sex", c("F", "M"), c(12500, 11000)),
                                      margin("agegrp", ages, c(8000, 7000, 5500, 3000)),
                                      margin("region", c("urban", "rural", "mountain"), c(9500, 9500, 4500))),
                                 control = tight)
designs$api_clus1_boot_ps <- postStratify(boot_given, ~stype, margin("stype", c("E", "H", "M"), c(4421, 755, 1018)))

variables <- function(name) {
  if (startsWith(name, "api")) list(num = "avg.ed", fac = "awards", by = "stype", by2 = "sch.wide")
  else if (startsWith(name, "cluster")) list(num = "score", fac = "q1f", by = "sex", by2 = "stratum")
  else list(num = "score", fac = "q1f", by = "unit", by2 = "sex")
}

rows <- list()
emit <- function(dname, quantity, est, des, by = FALSE, prefix = NULL) {
  nm <- names(coef(est))
  ci <- confint(est, df = degf(des))
  se <- as.vector(as.matrix(SE(est)))
  domain <- if (!by) rep("", length(nm)) else if (is.null(prefix)) nm else sub(":.*", "", nm)
  category <- if (is.null(prefix)) rep("", length(nm)) else sub(paste0(".*", prefix), "", nm)
  rows[[length(rows) + 1]] <<- data.frame(design = dname, quantity = quantity, domain = domain,
    category = category, estimate = fmt(coef(est)), se = fmt(se),
    ci_low = fmt(ci[, 1]), ci_high = fmt(ci[, 2]))
}
plain <- function(dname, quantity, values) {
  rows[[length(rows) + 1]] <<- data.frame(design = dname, quantity = quantity, domain = "",
    category = "", estimate = fmt(values), se = "NA", ci_low = "NA", ci_high = "NA")
}
f <- function(...) as.formula(paste0("~", paste(c(...), collapse = "+")))

# svyciprop: the top-box share (logit by default) and every method but likelihood, overall and
# by domain (each domain a subset design with its own degf).
ciprop <- function(dname, quantity, des, method, by = NULL) {
  if (is.null(by)) {
    r <- suppressWarnings(svyciprop(~tb, des, method = method, na.rm = TRUE))
    ci <- confint(r)
    rows[[length(rows) + 1]] <<- data.frame(design = dname, quantity = quantity, domain = "", category = "",
      estimate = fmt(coef(r)), se = fmt(SE(r)), ci_low = fmt(ci[1]), ci_high = fmt(ci[2]))
    return(invisible())
  }
  r <- suppressWarnings(svyby(~tb, by, des, svyciprop, method = method, vartype = c("se", "ci"), na.rm = TRUE))
  rows[[length(rows) + 1]] <<- data.frame(design = dname, quantity = quantity, domain = rownames(r),
    category = "", estimate = fmt(r$tb), se = fmt(SE(r)), ci_low = fmt(r$ci_l), ci_high = fmt(r$ci_u))
}
shares <- function(dname, des, by) {
  ciprop(dname, "top_box", des, "logit")
  ciprop(dname, "top_box_by_mean", des, "mean", by)
  for (m in c("beta", "asin", "mean")) ciprop(dname, paste0("prop_", m), des, m)
  for (m in c("beta", "asin")) ciprop(dname, paste0("prop_", m, "_by"), des, m, by)
  if (!degenerate(des, by)) ciprop(dname, "prop_logit_by", des, "logit", by)
}
# A replicate whose domain share is 0 or 1 has an infinite logit: svyglm returns whatever
# coefficient its iteration stops at (Python gives the interval [0, 1]); not compared.
degenerate <- function(des, by) {
  r <- suppressWarnings(svyby(~tb, by, des, svymean, na.rm = TRUE, return.replicates = TRUE))
  reps <- attr(r, "replicates")
  any(reps == 0 | reps == 1, na.rm = TRUE)
}

for (dname in names(designs)) {
  des <- designs[[dname]]
  v <- variables(dname)
  by <- f(v$by)
  emit(dname, "mean_num", svymean(f(v$num), des, na.rm = TRUE), des)
  emit(dname, "mean_num_by", svyby(f(v$num), by, des, svymean, na.rm = TRUE), des, by = TRUE)
  emit(dname, "mean_num_by2", svyby(f(v$num), f(v$by, v$by2), des, svymean, na.rm = TRUE), des, by = TRUE)
  emit(dname, "total_num", svytotal(f(v$num), des, na.rm = TRUE), des)
  emit(dname, "total_num_by", svyby(f(v$num), by, des, svytotal, na.rm = TRUE), des, by = TRUE)
  emit(dname, "prop_fac", svymean(f(v$fac), des, na.rm = TRUE), des, prefix = v$fac)
  emit(dname, "prop_fac_by", svyby(f(v$fac), by, des, svymean, na.rm = TRUE), des, by = TRUE, prefix = v$fac)
  emit(dname, "total_fac", svytotal(f(v$fac), des, na.rm = TRUE), des, prefix = v$fac)
  shares(dname, des, by)
  plain(dname, "degf", degf(des))
  plain(dname, "scale", des$scale)
}

# Linear combinations of two ratios with their own missing values (a top-box share and a mean),
# overall and by domain: svycontrast on the replicates of four totals.
combinations <- function(dname, des, by) {
  v <- des$variables
  for (dom in if (is.null(by)) "" else sort(unique(v[[by]]))) {
    inside <- if (dom == "") rep(TRUE, nrow(v)) else v[[by]] == dom
    d <- des
    d$variables$y1 <- ifelse(inside & !is.na(v$tb), v$tb, 0)
    d$variables$n1 <- as.numeric(inside & !is.na(v$tb))
    d$variables$y2 <- ifelse(inside & !is.na(v$score), v$score, 0)
    d$variables$n2 <- as.numeric(inside & !is.na(v$score))
    tot <- svytotal(~y1 + n1 + y2 + n2, d, return.replicates = TRUE)
    est <- svycontrast(tot, list(mean = quote(0.5 * y1 / n1 + 0.5 * y2 / n2), diff = quote(10 + y1 / n1 - y2 / n2)))
    emit(dname, if (is.null(by)) "combination" else "combination_by", est, des)
    rows[[length(rows)]]$category <<- names(coef(est))
    rows[[length(rows)]]$domain <<- dom
  }
}
for (dname in c("strat_jkn", "strat_jkn_rake", "cluster_jkn", "cluster_jkn_rake")) {
  combinations(dname, designs[[dname]], NULL)
  combinations(dname, designs[[dname]], variables(dname)$by)
}

write.csv(do.call(rbind, rows), file.path(here, "replicates.csv"), row.names = FALSE)

# svyratio and svyquantile (default interval.type = "mean": Woodruff's interval from the
# replicates' SE of the share below the quantile, with the degf of the rows that have a value),
# overall and on each domain's subset, as make_statistics_reference.R does for Design.
statistics <- list()
stat <- function(dname, quantity, domain, term, field, value) {
  statistics[[length(statistics) + 1]] <<- data.frame(design = dname, quantity = quantity, domain = domain,
                                                      term = term, field = field, value = fmt(value))
}
domains_of <- function(des, by) c("", sort(unique(as.character(des$variables[[by]]))))
in_domain <- function(des, by, level) {
  if (level == "") des else des[!is.na(des$variables[[by]]) & des$variables[[by]] == level, ]
}
probs <- c(0.1, 0.25, 0.5, 0.9)
for (dname in names(designs)) {
  des <- designs[[dname]]
  api_design <- startsWith(dname, "api")
  by <- variables(dname)$by
  ratio_of <- if (api_design) c("api00", "api99") else c("score", "q1")
  quantile_of <- if (api_design) "avg.ed" else "score"
  df <- degf(des)
  for (level in domains_of(des, by)) {
    part <- in_domain(des, by, level)
    r <- svyratio(f(ratio_of[1]), f(ratio_of[2]), part, na.rm = TRUE)
    est <- as.vector(coef(r)); se <- as.vector(SE(r)); half <- qt(0.975, df) * se
    for (field in c("estimate", "se", "ci_low", "ci_high"))
      stat(dname, "ratio", level, "", field, switch(field, estimate = est, se = se,
                                                    ci_low = est - half, ci_high = est + half))
    q <- svyquantile(f(quantile_of), part, probs, na.rm = TRUE)[[1]]
    for (i in seq_along(probs)) {
      term <- sprintf("%g", probs[i])
      for (k in 1:4) stat(dname, "quantile", level, term, c("estimate", "ci_low", "ci_high", "se")[k], q[i, k])
    }
  }
}
write.csv(do.call(rbind, statistics), file.path(here, "replicate_statistics.csv"), row.names = FALSE)

# deff of svymean/svytotal, svyttest, svychisq, svyglm and svyciprop(method = "likelihood") on every
# design: overall, and on each domain (deff through svyby; the others on R's subset() of the design,
# the domain's rows with their own degf): replicate_tests.csv, as replicate_statistics.csv.
# The tight glm.control set above also shrinks glm.fit's QR tolerance (epsilon / 1000): R would then
# fit a replicate whose terms are collinear (a level without weight there) instead of giving NA. The
# identity link needs one exact step: svyttest and gaussian svyglm run with R's default control.
assignInNamespace("glm.control", default_control, "stats")
tight_control <- default_control(epsilon = 1e-300, maxit = 60)
tests <- list()
put <- function(dname, quantity, domain, term, field, value) {
  tests[[length(tests) + 1]] <<- data.frame(design = dname, quantity = quantity, domain = domain,
                                            term = term, field = field, value = fmt(value))
}
# The columns of each kind of data: t test (response, group), two tables, two models, the domain.
analyses <- function(name) {
  if (startsWith(name, "api"))
    list(t = c("api00", "sch.wide"), tables = list(c("sch.wide", "awards"), c("stype", "awards")),
         gaussian = api00 ~ avg.ed + sch.wide, logistic = tb ~ api99 + avg.ed, domain = "stype")
  else list(t = c("score", "sex"), tables = list(c("sex", "agegrp"), c("region", "q1f")),
            gaussian = score ~ sex + agegrp, logistic = tb ~ score + sex,
            domain = if (startsWith(name, "cluster")) "stratum" else "unit")
}
deffs <- function(dname, des) {
  v <- variables(dname)
  for (kind in c("mean", "total")) for (x in c(v$num, v$fac)) {
    FUN <- if (kind == "mean") svymean else svytotal
    quantity <- paste0(kind, if (x == v$num) "_num" else "_fac")
    overall <- deff(FUN(f(x), des, na.rm = TRUE, deff = TRUE))
    categories <- if (x == v$num) "" else sub(x, "", names(overall))
    for (i in seq_along(overall)) put(dname, quantity, "", categories[i], "deff", overall[i])
    for (by in list(v$by, c(v$by, v$by2))) {
      r <- svyby(f(x), f(by), des, FUN, na.rm = TRUE, deff = TRUE)
      values <- matrix(as.matrix(deff(r)), nrow = nrow(r))
      for (i in seq_len(nrow(r))) for (j in seq_along(categories))
        put(dname, quantity, rownames(r)[i], categories[j], "deff", values[i, j])
    }
  }
}
ttests <- function(dname, part, level, a) {
  r <- svyttest(as.formula(paste(a$t[1], "~", a$t[2])), part)
  values <- c(estimate = r$estimate, se = r$estimate / r$statistic, t = r$statistic, df = r$parameter,
              p_value = r$p.value, ci_low = r$conf.int[1], ci_high = r$conf.int[2])
  for (field in c("estimate", "se", "t", "df", "p_value", "ci_low", "ci_high"))
    put(dname, "ttest", level, "", field, values[[grep(paste0("^", field), names(values))[1]]])
}
chisqs <- function(dname, part, level, a) {
  for (table in a$tables) {
    if (level != "" && a$domain %in% table) next
    term <- paste(table, collapse = ":")
    for (statistic in c("F", "Chisq")) {
      r <- svychisq(f(table), part, statistic = statistic)
      ndf <- if (statistic == "F") r$parameter[["ndf"]] else r$parameter[["df"]]
      ddf <- if (statistic == "F") r$parameter[["ddf"]] else NA
      for (field in c("statistic", "ndf", "ddf", "p_value"))
        put(dname, paste0("chisq_", statistic), level, term, field,
            switch(field, statistic = r$statistic, ndf = ndf, ddf = ddf, p_value = r$p.value))
    }
  }
}
glms <- function(dname, part, level, a) {
  for (family in c("gaussian", "quasibinomial")) {
    # apiclus1's schools of a type are 14 to 25: some replicates there separate the outcomes
    if (family == "quasibinomial" && level != "" && startsWith(dname, "api")) next
    formula <- if (family == "gaussian") a$gaussian else a$logistic
    m <- if (family == "gaussian") eval(bquote(svyglm(.(formula), part)))
         else eval(bquote(svyglm(.(formula), part, family = quasibinomial(), control = .(tight_control))))
    # summary() has no t or p (and an infinite SE) when df.residual <= 0: read them off coef and vcov
    est <- coef(m); se <- sqrt(diag(vcov(m))); df <- m$df.residual
    p <- if (df > 0) 2 * pt(-abs(est / se), df) else rep(NA, length(est))
    ci <- confint(m)
    for (term in names(est)) {
      values <- c(estimate = est[[term]], se = se[[term]], t = est[[term]] / se[[term]], p_value = p[[match(term, names(est))]],
                  ci_low = ci[term, 1], ci_high = ci[term, 2], df = df)
      for (field in names(values)) put(dname, paste0("glm_", family), level, term, field, values[[field]])
    }
  }
}
# svyciprop(method = "likelihood") on a replicate design: summary.svrepglm's dispersion is about the
# number of rows, so the scaled profile never reaches its cut-off and R gives NA (or fails in spline()
# when a replicate's fit diverges): recorded as NA, with the domains where R gives an error as "error".
likelihood <- function(dname, des, by) {
  bounds <- function(part) tryCatch(suppressWarnings(as.vector(confint(
    svyciprop(~tb, part, method = "likelihood", na.rm = TRUE)))), error = function(e) "error")
  for (level in domains_of(des, by)) {
    ci <- bounds(in_domain(des, by, level))
    if (identical(ci, "error")) put(dname, "prop_likelihood", level, "", "error", 1)
    else for (k in 1:2) put(dname, "prop_likelihood", level, "", c("ci_low", "ci_high")[k], ci[k])
  }
}
for (dname in names(designs)) {
  des <- designs[[dname]]
  a <- analyses(dname)
  deffs(dname, des)
  likelihood(dname, des, variables(dname)$by)
  for (level in domains_of(des, a$domain)) {
    part <- in_domain(des, a$domain, level)
    ttests(dname, part, level, a)
    chisqs(dname, part, level, a)
    glms(dname, part, level, a)
  }
}
write.csv(do.call(rbind, tests), file.path(here, "replicate_tests.csv"), row.names = FALSE)
