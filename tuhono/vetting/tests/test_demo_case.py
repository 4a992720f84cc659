"""The demonstration holds a whole, decided due-diligence case, and loading it again changes nothing."""

from django.core.management import call_command

from tuhono.partnerships.models import Partnership
from tuhono.vetting.models import Advice, ArrangementNotice, Decision
from tuhono.vetting.selectors import case_outcome
from tuhono.visits.models import Visit


def test_the_demo_has_a_partnership_cleared_with_conditions_and_a_visit_declined(demo):
    shenzhen = Partnership.objects.get(council__slug="auckland", partner__name="Shenzhen")
    delegation = Visit.objects.get(organisation__startswith="Guangdong Overseas Friendship Association")
    assert shenzhen.status == "active"
    assert delegation.state == "declined"
    cleared, declined = case_outcome(shenzhen), case_outcome(delegation)
    assert cleared is not None and cleared.outcome == "proceed_with_conditions" and cleared.traveller_conditions
    assert declined is not None and declined.label == "Declined after due diligence"
    assert Advice.objects.exclude(answer="").count() == 2
    assert ArrangementNotice.objects.filter(arrangement__partnership=shenzhen).exists()

    decisions = Decision.objects.count()
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Decision.objects.count() == decisions == 2
