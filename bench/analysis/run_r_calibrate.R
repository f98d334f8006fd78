# R `survey` side of run_calibrate.py: calibrate(calfun = "raking") + top-two-box by unit.
#
#   Rscript bench/analysis/run_r_calibrate.R ROWS [ITEMS]
#
# svydesign(ids = ~1, weights = ~w), calibrate() to the district, sex, age and edu totals
# (calfun = "raking", epsilon = 1e-6), then per item svyby(~I(q %in% 4:5), ~unit, subset with
# q != 9, svymean) as run_r.R does. ITEMS (default 20) items only: the runner scales to 20.
# Prints one JSON line with the calibration and estimate times (file load excluded).
suppressPackageStartupMessages(library(survey))
file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
here <- dirname(normalizePath(sub("^--file=", "", file_arg)))
cli <- as.integer(commandArgs(trailingOnly = TRUE))
rows <- cli[1]
items <- sprintf("q%02d", seq_len(if (length(cli) > 1) cli[2] else 20))
vars <- c("district", "sex", "age", "edu")
classes <- c(rep("character", 5), rep("integer", 20), "numeric")
frame <- read.csv(file.path(here, "data", sprintf("rows-%d.csv", rows)), colClasses = classes)
m <- read.csv(file.path(here, "data", "margins.csv"), colClasses = c("character", "character", "numeric"))
for (v in vars) frame[[v]] <- factor(frame[[v]], levels = m$level[m$variable == v])
population <- c(`(Intercept)` = sum(m$total[m$variable == vars[1]]),
                unlist(lapply(vars, function(v) {
                  part <- m[m$variable == v, ][-1, ]
                  setNames(part$total, paste0(v, part$level))
                })))
start <- proc.time()
design <- calibrate(svydesign(ids = ~1, weights = ~w, data = frame), ~district + sex + age + edu,
                    population, calfun = "raking", epsilon = 1e-6)
calibrate_s <- (proc.time() - start)[["elapsed"]]
start <- proc.time()
for (item in items) {
  share <- as.formula(sprintf("~I(as.numeric(%s %%in%% 4:5))", item))
  by_unit <- svyby(share, ~unit, design[design$variables[[item]] != 9, ], svymean)
}
estimate_s <- (proc.time() - start)[["elapsed"]]
cat(sprintf('{"engine": "R calibrate", "rows": %d, "items": %d, "calibrate_s": %.4f, "estimate_s": %.4f}\n',
            rows, length(items), calibrate_s, estimate_s))
