"""Due diligence is not in Django's admin.

Its records are read and worked by the council's security officers and
approvers in the back office (/staff/vetting/), whose services check the
council, validate and audit. The admin, for administrators, shows none of it:
not the parties, matches and their explanations, assessments, advice or decisions.
"""
