"""Writes and the screening engine of the watch-list domain.

- `imports.watchlist_import`: read a published file into a new list version.
- `screening.screen_name` / `screening.screen_entity`: score a subject against the lists in force.
- `batch.screen_csv`: screen a CSV of people and write the best match for each.
"""
