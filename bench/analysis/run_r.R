# R `survey` engine of the analysis benchmark.
#
#   Rscript bench/analysis/run_r.R ROWS [ITEMS]
#
# Reads data/rows-ROWS.csv and data/margins.csv (written by synth.py), then times the task:
#   1. svydesign(ids = ~1, weights = ~w): one stage, no strata, with replacement;
#   2. rake() to the district, sex, age and edu margins, control = list(epsilon = 1e-6);
#   3. for each item q01..q20, svyby(~I(as.numeric(q %in% 4:5)), ~unit, answered, svymean),
#      where `answered` is the raked design with the rows q == 9 given zero weight (a subset of a
#      calibrated design keeps every row), so each unit is a domain of the whole design and the
#      linearization SE includes the raking adjustment.
# ITEMS (default 20) estimates only q01..qITEMS: at 1M rows the 20 items take R hours, so the
# runner times one and scales that part by 20 (run_all.py says so where it does).
# Writes the estimates to out/R-ROWS.csv and one JSON line with the load, rake and estimate times.
suppressPackageStartupMessages(library(survey))

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
here <- dirname(normalizePath(sub("^--file=", "", file_arg)))
cli <- as.integer(commandArgs(trailingOnly = TRUE))
rows <- cli[1]
items <- sprintf("q%02d", seq_len(if (length(cli) > 1) cli[2] else 20))
margin_vars <- c("district", "sex", "age", "edu")

read_survey <- function(rows) {
  classes <- c(rep("character", 5), rep("integer", 20), "numeric")
  read.csv(file.path(here, "data", sprintf("rows-%d.csv", rows)), colClasses = classes)
}

# One data frame per raking variable: its levels and a Freq column of population totals.
population_margins <- function() {
  m <- read.csv(file.path(here, "data", "margins.csv"),
                colClasses = c("character", "character", "numeric"))
  lapply(margin_vars, function(v) {
    part <- m[m$variable == v, ]
    setNames(data.frame(part$level, part$total), c(v, "Freq"))
  })
}

top_box <- function(design, item) {
  share <- as.formula(sprintf("~I(as.numeric(%s %%in%% 4:5))", item))
  answered <- design[design$variables[[item]] != 9, ]
  by_unit <- svyby(share, ~unit, answered, svymean)
  data.frame(item = item, unit = by_unit$unit, est = unname(coef(by_unit)),
             se = unname(SE(by_unit)))
}

raked_design <- function(frame, margins) {
  design <- svydesign(ids = ~1, weights = ~w, data = frame)
  sample_margins <- lapply(margin_vars, function(v) as.formula(paste0("~", v)))
  rake(design, sample_margins, margins, control = list(epsilon = 1e-6))
}

seconds_since <- function(start) (proc.time() - start)[["elapsed"]]

start <- proc.time()
frame <- read_survey(rows)
margins <- population_margins()
load_s <- seconds_since(start)
start <- proc.time()
raked <- raked_design(frame, margins)
rake_s <- seconds_since(start)
start <- proc.time()
estimates <- do.call(rbind, lapply(items, function(item) top_box(raked, item)))
estimate_s <- seconds_since(start)

dir.create(file.path(here, "out"), showWarnings = FALSE)
write.csv(estimates, file.path(here, "out", sprintf("R-%d.csv", rows)), row.names = FALSE)
cat(sprintf(paste0('{"engine": "R", "rows": %d, "items": %d, "load_s": %.4f, "rake_s": %.4f, ',
                   '"estimate_s": %.4f, "task_s": %.4f}\n'),
            rows, length(items), load_s, rake_s, estimate_s, rake_s + estimate_s))
