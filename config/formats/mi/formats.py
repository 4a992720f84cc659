# Te reo Māori pages show dates and numbers as New Zealand English does (Django has no `mi` formats):
# the same module, so the two cannot drift apart.
from config.formats.en_NZ.formats import *  # noqa: F403
