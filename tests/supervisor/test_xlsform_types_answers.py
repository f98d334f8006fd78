"""A rank's answer read by a supervisor: every choice's label, in the ranked order (issue 17)."""
import forms
from survey.supervisor.answers import answer_text
from tests.surveyor.test_xlsform_types_entry import EXTRAS


def test_a_rank_is_shown_as_its_labels_in_order(app):
    definition = forms.load_definition(EXTRAS)
    with app.test_request_context("/"):
        assert answer_text(definition.question("order"), "c a b") == "Cam, Táo, Chuối"
        assert answer_text(definition.question("ok"), "OK") == "Tôi xác nhận"
        assert answer_text(definition.question("place"), "10.38 105.43") == "10.38 105.43"
