"""The PAR index API's work: the definition's tree is read once per request, not once per item, and
the year's published definition is looked up once per year the results read (this one and the year
before), not first by the endpoint and again by the results."""
from survey.par_index.results import published_definition
from tests.api.test_par_index import scored  # noqa: F401 (fixture)
from tests.public.test_send_work import statements


class CountedTree(list):
    """A definition's tree that counts how often it is walked."""

    walks = 0

    def __iter__(self):
        CountedTree.walks += 1
        return super().__iter__()


def test_the_tree_is_walked_once_per_request_not_once_per_item(api, scored, session):
    stored = published_definition(session, 2026)
    stored.document["tree"] = CountedTree(stored.document["tree"])  # the request reads this session's row
    for path in ("/par-index/definitions/2026", "/par-index/results/2026/units/AG-STC"):
        CountedTree.walks = 0
        assert api.get(path).status_code == 200
        assert CountedTree.walks == 1, path


def test_the_results_look_the_definition_up_once_per_year(api, scored):
    with statements() as sent:
        assert api.get("/par-index/results/2026").status_code == 200
    looked_up = [sql for sql in sent if sql.startswith("SELECT par_index_definitions.")]
    assert len(looked_up) == 2, looked_up
    assert api.get("/par-index/results/2031").status_code == 404
