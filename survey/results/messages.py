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
    "question_not_tabulated": ("Câu hỏi: {key!r} không lập bảng tần suất được", "question: {key!r}"),
    "breakdown_unknown": ("Chia theo: {by!r} không dùng được", "by: {by!r}"),
}

CATALOGUE = Catalogue(MESSAGES)
