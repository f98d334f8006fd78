"""The shared reading of what people type: a whole number."""
from survey.forms_common import whole


def test_a_whole_number_of_more_digits_than_int_reads_is_none_not_an_error():
    assert whole("9" * 5000, 8) == (None, False)  # a page's _count or a draw's size, posted by hand
    assert whole("0" * 5000 + "7", 8) == (7, True)
