# Reference results for tests/analysis/test_stages_against_r.py: multistage designs with an
# fpc at each stage, and every survey.lonely.psu option.
#
# Run from the repository root:  Rscript tests/analysis/reference/make_stages_reference.R
# Reads twostage.csv (make_data.py), writes apiclus2.csv (R's data(api)) and stages.csv:
#   design, quantity, domain, estimate, se, degf  (17 significant digits)

suppressMessages(library(survey))
here <- "tests/analysis/reference"
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

data(api)
write.csv(apiclus2[, c("cname", "snum", "dnum", "stype", "api00", "api99", "sch.wide", "fpc1", "fpc2", "pw")],
          file.path(here, "apiclus2.csv"), row.names = FALSE)
a <- read.csv(file.path(here, "apiclus2.csv"))
a$good <- as.numeric(a$api00 >= 700)
t <- read.csv(file.path(here, "twostage.csv"))
t$tb <- ifelse(is.na(t$q1) | t$q1 == 9, NA, as.numeric(t$q1 %in% c(4, 5)))

designs <- list(
  api_two_stage = list(svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, data = a), "stype", "good", "fail"),
  api_two_stage_weights = list(svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = a),
                               "stype", "good", "fail"),
  api_ultimate = list(svydesign(ids = ~dnum + snum, weights = ~pw, data = a), "stype", "good", "fail"),
  two_stage = list(svydesign(ids = ~commune + id, strata = ~district, fpc = ~N_communes + N_pop,
                             weights = ~w, data = t), "sex", "tb", "fail"),
  two_stage_derived = list(svydesign(ids = ~commune + id, strata = ~district, fpc = ~N_communes + N_pop,
                                     data = t), "sex", "tb", "fail"),
  two_stage_fractions = list(svydesign(ids = ~commune + id, strata = ~district, fpc = ~f1 + f2,
                                       weights = ~w, data = t), "region", "tb", "fail")
)
for (option in c("remove", "certainty", "adjust", "average")) {
  designs[[paste0("lonely_", option)]] <- list(svydesign(ids = ~commune, strata = ~zone, weights = ~w, data = t),
                                              "sex", "tb", option)
  designs[[paste0("lonely_region_", option)]] <- list(svydesign(ids = ~commune, strata = ~zone, weights = ~w,
                                                                data = t), "region", "tb", option)
}
designs$two_stage_rake <- list(rake(designs$two_stage[[1]], list(~sex, ~region),
  list(data.frame(sex = c("F", "M"), Freq = c(200000, 180000)),
       data.frame(region = c("mountain", "rural", "urban"), Freq = c(80000, 150000, 150000))),
  control = list(maxit = 1000, epsilon = 1e-14)), "sex", "tb", "fail")
designs$api_two_stage_ps <- list(postStratify(designs$api_two_stage[[1]], ~stype,
  data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))), "stype", "good", "fail")

score_of <- function(dname) if (startsWith(dname, "api")) "api00" else "score"

rows <- list()
emit <- function(dname, quantity, est, des, domain = "") {
  rows[[length(rows) + 1]] <<- data.frame(design = dname, quantity = quantity, domain = domain,
    estimate = fmt(coef(est)), se = fmt(as.vector(SE(est))), degf = degf(des))
}
for (dname in names(designs)) {
  des <- designs[[dname]][[1]]
  by <- as.formula(paste0("~", designs[[dname]][[2]]))
  share <- as.formula(paste0("~", designs[[dname]][[3]]))
  score <- as.formula(paste0("~", score_of(dname)))
  options(survey.lonely.psu = designs[[dname]][[4]])
  emit(dname, "mean", svymean(score, des, na.rm = TRUE), des)
  emit(dname, "total", svytotal(score, des, na.rm = TRUE), des)
  emit(dname, "top_box", svymean(share, des, na.rm = TRUE), des)
  m <- svyby(score, by, des, svymean, na.rm = TRUE)
  emit(dname, "mean_by", m, des, rownames(m))
  tt <- svyby(score, by, des, svytotal, na.rm = TRUE)
  emit(dname, "total_by", tt, des, rownames(tt))
  b <- svyby(share, by, des, svymean, na.rm = TRUE)
  emit(dname, "top_box_by", b, des, rownames(b))
  w <- data.frame(design = dname, quantity = "weight", domain = seq_along(weights(des)) - 1,
                  estimate = fmt(weights(des)), se = "NA", degf = degf(des))
  rows[[length(rows) + 1]] <- w
}
write.csv(do.call(rbind, rows), file.path(here, "stages.csv"), row.names = FALSE)
