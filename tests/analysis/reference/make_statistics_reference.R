# Reference results from R's survey package for tests/analysis/test_statistics_against_r.py:
# svyratio, svyquantile, svyttest, svychisq, svyglm and p.adjust (issue 16, part D).
#
# Run from the repository root:  Rscript tests/analysis/reference/make_statistics_reference.R
# Reads strat.csv and clus.csv (make_data.py), writes R's apistrat and apiclus1 (data(api)) as
# statistics_apistrat.csv and statistics_apiclus1.csv, and the results as statistics.csv:
#   design, quantity, domain, term, field, value   (17 significant digits)

suppressMessages(library(survey))
here <- "tests/analysis/reference"
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

data(api)
keep <- c("snum", "dnum", "stype", "pw", "fpc", "api00", "api99", "ell", "meals", "awards", "sch.wide")
apistrat <- apistrat[, keep]
apiclus1 <- apiclus1[, keep]
for (name in c("apistrat", "apiclus1")) {
  d <- get(name)
  d$award <- as.numeric(d$awards == "Yes")
  d$stype <- as.character(d$stype)
  d$awards <- as.character(d$awards)
  d$sch.wide <- as.character(d$sch.wide)
  write.csv(d, file.path(here, paste0("statistics_", name, ".csv")), row.names = FALSE)
  assign(name, read.csv(file.path(here, paste0("statistics_", name, ".csv"))))
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

strat <- svydesign(ids = ~1, strata = ~unit, weights = ~w, fpc = ~N_unit, data = s)
designs <- list(
  apistrat = svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat),
  apiclus1 = svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1),
  strat = strat,
  clus = svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~N_psu, data = k),
  strat_raked = rake(strat, list(~sex, ~agegrp), list(pop_sex, pop_age),
                     control = list(maxit = 1000, epsilon = 1e-14)))

# What is estimated on each design (the Python test holds the same table).
api <- list(y = "api00", x = "api99", by = "stype", group = "sch.wide",
            tables = list(c("stype", "awards"), c("sch.wide", "awards")),
            gaussian = api00 ~ ell + meals + stype, binomial = award ~ ell + meals + stype)
survey_items <- function(by, tables) {
  list(y = "score", x = "q1", by = by, group = "sex", tables = tables,
       gaussian = score ~ agegrp + sex + q1, binomial = tb ~ agegrp + score)
}
plans <- list(apistrat = api, apiclus1 = api,
              strat = survey_items("unit", list(c("q1f", "sex"), c("unit", "agegrp"))),
              clus = survey_items("sex", list(c("q1f", "agegrp"), c("region", "sex"))),
              strat_raked = survey_items("unit", list(c("q1f", "sex"), c("unit", "agegrp"))))
probs <- c(0.1, 0.25, 0.5, 0.9)

rows <- list()
emit <- function(design, quantity, domain, term, field, value) {
  rows[[length(rows) + 1]] <<- data.frame(design = design, quantity = quantity, domain = domain,
                                          term = term, field = field, value = fmt(value))
}
f <- function(text) as.formula(paste0("~", text))

domains_of <- function(des, by) c("", sort(unique(as.character(des$variables[[by]]))))
in_domain <- function(des, by, level) {
  if (level == "") des else des[!is.na(des$variables[[by]]) & des$variables[[by]] == level, ]
}

ratio <- function(name, des, p) {
  df <- degf(des)
  for (level in domains_of(des, p$by)) {
    r <- svyratio(f(p$y), f(p$x), in_domain(des, p$by, level), na.rm = TRUE)
    est <- as.vector(coef(r)); se <- as.vector(SE(r))
    half <- qt(0.975, df) * se
    for (field in c("estimate", "se", "ci_low", "ci_high"))
      emit(name, "ratio", level, "", field, switch(field, estimate = est, se = se,
                                                    ci_low = est - half, ci_high = est + half))
  }
}

quantiles <- function(name, des, p) {
  for (level in domains_of(des, p$by)) {
    q <- svyquantile(f(p$y), in_domain(des, p$by, level), probs, na.rm = TRUE)[[1]]
    for (i in seq_along(probs)) {
      term <- sprintf("%g", probs[i])
      emit(name, "quantile", level, term, "estimate", q[i, 1])
      emit(name, "quantile", level, term, "ci_low", q[i, 2])
      emit(name, "quantile", level, term, "ci_high", q[i, 3])
      emit(name, "quantile", level, term, "se", q[i, 4])
    }
  }
}

ttest <- function(name, des, p) {
  t <- svyttest(as.formula(paste(p$y, "~", p$group)), des)
  values <- c(difference = unname(t$estimate), se = unname(t$estimate / t$statistic), t = unname(t$statistic),
              df = unname(t$parameter), p_value = unname(t$p.value), ci_low = t$conf.int[1], ci_high = t$conf.int[2])
  for (field in names(values)) emit(name, "ttest", "", "", field, values[[field]])
}

chisq <- function(name, des, p) {
  for (pair in p$tables) {
    term <- paste(pair, collapse = "*")
    test <- svychisq(f(paste(pair, collapse = " + ")), des)
    emit(name, "chisq_F", "", term, "statistic", test$statistic)
    emit(name, "chisq_F", "", term, "ndf", test$parameter[["ndf"]])
    emit(name, "chisq_F", "", term, "ddf", test$parameter[["ddf"]])
    emit(name, "chisq_F", "", term, "p_value", test$p.value)
    test <- svychisq(f(paste(pair, collapse = " + ")), des, statistic = "Chisq")
    emit(name, "chisq_Chisq", "", term, "statistic", test$statistic)
    emit(name, "chisq_Chisq", "", term, "ndf", test$parameter[["df"]])
    emit(name, "chisq_Chisq", "", term, "p_value", test$p.value)
  }
}

regression <- function(name, des, p) {
  fits <- list(glm_gaussian = svyglm(p$gaussian, des, family = gaussian()),
               glm_quasibinomial = svyglm(p$binomial, des, family = quasibinomial(),
                                             control = glm.control(epsilon = 1e-15, maxit = 200)))
  for (quantity in names(fits)) {
    m <- fits[[quantity]]
    table <- summary(m)$coefficients
    ci <- confint(m)
    for (term in rownames(table)) {
      values <- c(estimate = table[term, 1], se = table[term, 2], t = table[term, 3], p_value = table[term, 4],
                  ci_low = ci[term, 1], ci_high = ci[term, 2], df = m$df.residual)
      for (field in names(values)) emit(name, quantity, "", term, field, values[[field]])
    }
  }
}

for (name in names(designs)) {
  for (step in list(ratio, quantiles, ttest, chisq, regression)) step(name, designs[[name]], plans[[name]])
}

pvalues <- c(0.01, 0.04, 0.03, 0.005, 0.5, 0.04, NA, 0.2, 0.0001, 0.04)
for (method in c("holm", "BH", "bonferroni")) {
  adjusted <- p.adjust(pvalues, method = method)
  for (i in seq_along(pvalues)) emit("pvalues", paste0("adjust_", method), "", as.character(i - 1), "value", adjusted[i])
}

out <- do.call(rbind, rows)
write.csv(out, file.path(here, "statistics.csv"), row.names = FALSE)
