"""Problems with a PAR index definition file or stored definition (Vietnamese, English). The
definition's own problems carry analysis.par_index's code under the key `par_<code>`; a problem
found at a cell is wrapped in `par_at_cell` naming its sheet, row and column."""
from survey.text import Catalogue

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "par_at_cell": ("Trang “{sheet}”, dòng {row}, cột “{column}”: {problem}",
                    "Sheet '{sheet}', row {row}, column '{column}': {problem}"),
    "par_at_key": ("Trang “{sheet}”, mục “{key}”: {problem}", "Sheet '{sheet}', entry '{key}': {problem}"),
    # The file
    "par_not_xlsx": ("Tệp không phải bảng tính XLSX đọc được.", "The file is not a readable XLSX workbook."),
    "par_not_yaml": ("Tệp YAML không đọc được hoặc không đúng cấu trúc (name, year, note, rows).",
                     "The YAML file cannot be read or lacks its structure (name, year, note, rows)."),
    "par_unknown_file": ("Chỉ nhận tệp .xlsx hoặc .yaml.", "Only .xlsx or .yaml files are accepted."),
    "par_sheet_missing": ("Thiếu trang “{sheet}”.", "The sheet '{sheet}' is missing."),
    "par_column_missing": ("Trang “{sheet}” thiếu cột “{column}”.", "The sheet '{sheet}' lacks the column '{column}'."),
    "par_unknown_column": ("Trang “{sheet}” có cột lạ “{column}” (các cột: {known}).",
                           "The sheet '{sheet}' has an unknown column '{column}' (columns: {known})."),
    "par_about_missing": ("Cần có giá trị.", "A value is required."),
    "par_name_too_long": ("Tên quá dài: tối đa {limit} ký tự.", "The name is too long: at most {limit} characters."),
    "par_bad_year": ("Năm “{value}” không hợp lệ: cần một năm từ 2000 đến 2100.",
                     "The year '{value}' is not valid: give a year from 2000 to 2100."),
    # The rows (analysis.par_index codes)
    "par_invalid_id": ("Mã “{value}” không hợp lệ: chữ thường không dấu, chữ số hoặc “_”, bắt đầu bằng chữ cái.",
                       "The id '{value}' is not valid: lower-case letters, digits or '_', starting with a letter."),
    "par_duplicate_id": ("Mã “{value}” đã dùng ở dòng trước.", "The id '{value}' is used on an earlier row."),
    "par_label_missing": ("Cần có nhãn.", "A label is required."),
    "par_unknown_level": ("Cấp “{value}” không có (các cấp: {known}).", "No level '{value}' (levels: {known})."),
    "par_bad_points": ("Điểm tối đa “{value}” phải là một số dương.",
                       "The maximum points '{value}' must be a positive number."),
    "par_source_not_allowed": ("Chỉ tiêu chí thành phần mới có nguồn điểm (dòng này thuộc cấp {level}).",
                               "Only a sub-criterion has a source of points (this row is a {level})."),
    "par_unknown_source": ("Nguồn điểm “{value}” không có (các nguồn: {known}).",
                           "No source '{value}' (sources: {known})."),
    "par_unknown_rule": ("Cách tính “{value}” không dùng được với nguồn này (dùng được: {known}).",
                         "The rule '{value}' does not fit this source (rules: {known})."),
    "par_bad_table": ("Bảng “{value}” không đọc được: cần các cặp khóa=số cách nhau bởi “;”, mỗi khóa một lần.",
                      "The table '{value}' cannot be read: give key=number pairs separated by ';', each key once."),
    "par_level_over_max": ("Mức “{level}” cho {points} điểm, ngoài khoảng từ 0 đến điểm tối đa {max}.",
                           "The level '{level}' gives {points} points, outside 0 to the maximum {max}."),
    "par_threshold_out_of_range": ("Ngưỡng phải từ 0 đến 100 (%) và phần điểm từ 0 đến 1.",
                                   "Thresholds must lie within 0-100 (%) and their shares within 0-1."),
    "par_thresholds_unordered": ("Các ngưỡng phải xếp từ cao xuống thấp, phần điểm cũng giảm dần.",
                                 "Thresholds must go from highest to lowest, their shares decreasing too."),
    "par_value_required": ("Cần có giá trị.", "A value is required."),
    "par_bad_scale": ("Thang đo tối đa “{value}” phải là một số lớn hơn 1.",
                      "The scale maximum '{value}' must be a number above 1."),
    "par_bad_formula": ("Công thức “{value}” không đọc được: chỉ dùng mã, số, + - * /, ngoặc, min và max.",
                        "The formula '{value}' cannot be read: use only ids, numbers, + - * /, brackets, min and max."),
    "par_unknown_parent": ("Không có mục cha “{value}”.", "No parent '{value}'."),
    "par_wrong_parent": ("Mục cha “{value}” không đúng cấp cho một {level} (lĩnh vực không có mục cha, tiêu chí "
                         "thuộc lĩnh vực, tiêu chí thành phần thuộc tiêu chí).",
                         "The parent '{value}' is not of the right level for a {level} (a field has none, a "
                         "criterion's is a field, a sub-criterion's a criterion)."),
    "par_no_children": ("“{value}” chưa có mục con nào.", "'{value}' has no children."),
    "par_no_fields": ("Bộ chỉ số chưa có lĩnh vực nào.", "The definition has no field."),
    "par_points_do_not_add_up": ("Điểm tối đa {value} khác tổng điểm tối đa của các mục con ({children}).",
                                 "The maximum points {value} differ from the sum of its children's ({children})."),
    "par_unknown_recipe": ("Không có công thức chỉ số “{value}” (có: {known}).",
                           "No recipe '{value}' (known: {known})."),
    "par_unknown_node": ("Công thức chỉ số “{recipe}” không có mục “{value}”.",
                         "The recipe '{recipe}' has no node '{value}'."),
    "par_unknown_reference": ("Công thức nhắc tới “{value}”, không phải một tiêu chí thành phần.",
                              "The formula refers to '{value}', which is not a sub-criterion."),
    "par_formula_cycle": ("Công thức của “{value}” phụ thuộc vào chính nó.",
                          "The formula of '{value}' depends on itself."),
    "par_unknown_input": ("“{value}” không phải tiêu chí thành phần tự đánh giá.",
                          "'{value}' is not a self-assessed sub-criterion."),
    "par_bad_value": ("Giá trị “{value}” không hợp với cách tính của tiêu chí này.",
                      "The value '{value}' does not fit this sub-criterion's rule."),
    # Stored definitions
    "par_definition_unknown": ("Không có bộ chỉ số số {id}.", "No PAR index definition {id}."),
    "par_definition_published": ("Bộ chỉ số “{name}” năm {year} đã công bố, không sửa được; hãy đặt tên khác.",
                                 "The definition '{name}' of {year} is published and cannot change; "
                                 "give another name."),
    # Self-assessed values (survey.par_index.values)
    "par_level_unknown": ("Mức “{value}” không có trong danh sách ({known}).",
                          "The level '{value}' is not in the list ({known})."),
    "par_percent_out_of_range": ("“{value}” không hợp lệ: cần một tỷ lệ phần trăm từ 0 đến 100.",
                                 "'{value}' is not valid: give a percentage from 0 to 100."),
    "par_yes_no_required": ("Hãy chọn Có hoặc Không.", "Choose Yes or No."),
}


CATALOGUE = Catalogue(MESSAGES)
