"""Every table model passes pytest-qt's model tester, on the Haarlem case and after edits."""

import pytest

from ombudscompare.ui.document import Document
from ombudscompare.ui.models.criteria import CriteriaModel
from ombudscompare.ui.models.results import ExplanationModel, RankingModel
from ombudscompare.ui.models.scores import ScoresModel
from ombudscompare.ui.models.tariffs import TariffModel
from tests.synthetic import generated_project

MODELS = (TariffModel, CriteriaModel, ScoresModel, RankingModel, ExplanationModel)


@pytest.mark.parametrize("model_type", MODELS)
def test_models_pass_the_model_tester(qtmodeltester, dutch, haarlem, model_type):
    document = Document(haarlem)
    model = model_type(document)
    if isinstance(model, ExplanationModel):
        model.show_option("goma")
    qtmodeltester.check(model)


@pytest.mark.parametrize("model_type", MODELS)
def test_models_on_a_large_project_after_replace(qtmodeltester, dutch, model_type):
    document = Document(generated_project(2, 3, seed=1))
    model = model_type(document)
    document.replace(generated_project(9, 12, seed=4), None)
    if isinstance(model, ExplanationModel):
        model.show_option("option3")
    qtmodeltester.check(model)
