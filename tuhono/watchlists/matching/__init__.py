"""The name-matching engine: Latin forms of names in other scripts, a candidate
index with no search server, and scoring with nomenklatura's logic-v2 plus
Tūhono's own token alignment and qualifiers."""

from .light_import import install as _install_light_nomenklatura

_install_light_nomenklatura()
