"""Django's database cache with an atomic increment, so that a count kept in it holds across workers.

Django's DatabaseCache increments by reading the value and writing it back, so two workers counting at
once can both write the same number. Here the row is locked first (a no-op UPDATE takes the row lock
on PostgreSQL and the write lock on SQLite), then read and written in the same transaction. SQLite
refuses a lock outright when two writers would otherwise wait for each other; the count is then tried
again, a few times, after a short pause.
"""

from __future__ import annotations

import base64
import pickle
import time
from typing import Any

from django.core.cache.backends.db import DatabaseCache
from django.db import OperationalError, connections, models, router, transaction
from django.utils.timezone import now

ATTEMPTS = 5


class AtomicDatabaseCache(DatabaseCache):
    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        key = self.make_and_validate_key(key, version=version)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return self._incr(key, delta)
            except OperationalError:
                if attempt == ATTEMPTS:
                    raise
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    def _incr(self, key: str, delta: int) -> int:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, key_column, value_column, expires_column = (
            quote(self._table),  # type: ignore[attr-defined]
            quote("cache_key"),
            quote("value"),
            quote("expires"),
        )
        expression = models.Expression(output_field=models.DateTimeField())
        converters = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {expires_column} = {expires_column} WHERE {key_column} = %s",  # noqa: S608  # nosec B608
                [key],
            )
            if cursor.rowcount == 0:
                raise ValueError(f"Key '{key}' not found")
            cursor.execute(
                f"SELECT {value_column}, {expires_column} FROM {table} WHERE {key_column} = %s",  # noqa: S608  # nosec B608
                [key],
            )
            value, expires = cursor.fetchone()
            for converter in converters:
                expires = converter(expires, expression, connection)
            if expires < now():
                raise ValueError(f"Key '{key}' not found")
            stored = connection.ops.process_clob(value)
            new_value = pickle.loads(base64.b64decode(stored.encode())) + delta  # noqa: S301 - written by this cache
            pickled = base64.b64encode(pickle.dumps(new_value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s",  # noqa: S608  # nosec B608
                [pickled, key],
            )
        return int(new_value)
