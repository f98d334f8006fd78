"""The problems computing results reports, in Vietnamese and English: each a `survey.errors.Problem`
naming the API's (and the analyst pages') field: `recipe`, `by`, `language`, `status`, `question`."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "by_unknown": ("Không có cách chia “{by}” (chỉ có {known})", "unknown --by '{by}' (one of {known})"),
    "language_unknown": ("Không có ngôn ngữ “{language}” (vi hoặc en)", "unknown language '{language}' (vi or en)"),
    "recipe_unfit": ("Công thức {recipe}: {problem}", "recipe {recipe}: {problem}"),
    "status_unknown": ("Không có trạng thái “{status}” (chỉ có {known})", "unknown status '{status}' (one of {known})"),
    "statuses_none": ("Chọn ít nhất một trạng thái phiếu", "choose at least one status"),
    "key_not_a_question": ("“{key}” không phải câu hỏi của bảng hỏi “{questionnaire}”",
                           "'{key}' is not a question of questionnaire '{questionnaire}'"),
    "key_in_repeat": ("“{key}” được hỏi một lần cho mỗi mục của phần lặp “{repeat}”: phân tích theo phiếu không đọc "
                      "câu này (dùng bảng “{repeat}” của tệp xuất dữ liệu)",
                      "'{key}' is asked once per entry of the repeat '{repeat}': an analysis by response does not "
                      "read it (use the '{repeat}' table of a data export)"),
    "question_not_tabulated": ("Câu hỏi: {key!r} không lập bảng tần suất được", "question: {key!r}"),
    "breakdown_unknown": ("Chia theo: {by!r} không dùng được", "by: {by!r}"),
    "weighting_unknown": ("Không có cách gia quyền “{method}” (chỉ có {known})",
                          "unknown weighting '{method}' (one of {known})"),
    "margins_mismatch": ("Tổng thể biên cần cho, và chỉ cho, gia quyền poststratify, rake hoặc calibrate",
                         "margins are needed by, and only by, --weighting poststratify, rake or calibrate"),
    "too_few_responses": ("{responses} phiếu trong phạm vi: cần ít nhất hai phiếu để tính sai số chuẩn",
                          "{responses} response(s) in scope: standard errors need at least two"),
    "design_transactions_missing": ("Trọng số thiết kế cần số giao dịch N_h (> 0) của đơn vị {units}: nhập trong "
                                    "chỉ tiêu của đợt khảo sát, hoặc không gia quyền",
                                    "design weights need the transaction count N_h (> 0) of unit(s) {units}: set it "
                                    "in the campaign's targets, or use --weighting none"),
    "design_refused": ("Không tính được trọng số: {message}", "{message}"),
    "margins_columns": ("{source}: các cột phải là variable, level, population (tệp có: {got})",
                        "{source}: the columns must be variable, level, population (got {got})"),
    "margins_empty": ("{source}: không có dòng tổng thể biên nào", "{source}: no margin rows"),
    "margin_blank": ("{source}, dòng {row}: variable và level không được để trống",
                     "{source}, row {row}: variable and level must not be empty"),
    "margin_not_number": ("{source}, dòng {row}: population {value!r} không phải là số",
                          "{source}, row {row}: population {value!r} is not a number"),
    "margin_not_positive": ("{source}, dòng {row}: population của {variable} = {level} phải dương",
                            "{source}, row {row}: population of {variable} = {level} must be positive"),
    "margin_twice": ("{source}, dòng {row}: {variable} = {level} có hai lần",
                     "{source}, row {row}: {variable} = {level} is given twice"),
    "margins_variable_unknown": ("Biến “{variable}” của tổng thể biên không phải câu hỏi của bảng hỏi, cũng không "
                                 "thuộc {known}",
                                 "variable '{variable}' of the margins is neither a question of the form nor one of "
                                 "{known}"),
    "poststratify_one_variable": ("Hậu phân tầng dùng tổng thể biên của một biến, {source} có {count}",
                                  "poststratify takes the margins of one variable, {source} has {count}"),
    "margins_unanswered": ("{count} phiếu không trả lời “{column}”: không hiệu chỉnh được",
                           "{count} response(s) have no answer to '{column}': they cannot be calibrated"),
    "results_format_unknown": ("Không có định dạng “{format}” (xlsx hoặc csv)",
                               "unknown --format '{format}' (xlsx or csv)"),
    "results_out_suffix": ("--out {out}: tên tệp phải có đuôi .{format}",
                           "--out {out}: the file must end in .{format}"),
    "results_out_directory": ("--out {out}: không có thư mục {directory}", "--out {out}: no directory {directory}"),
    "results_margins_unreadable": ("--margins {path}: {reason}", "--margins {path}: {reason}"),
    "results_margins_not_text": ("--margins {path}: không phải văn bản UTF-8", "--margins {path}: not UTF-8 text"),
}

CATALOGUE = Catalogue(MESSAGES)
