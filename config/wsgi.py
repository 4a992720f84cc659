import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

if os.environ.get("TUHONO_WARM_UP", "").lower() in ("1", "true", "yes"):
    # With gunicorn --preload this runs once in the master: the workers it forks share the
    # screening reference data and the mapped list index instead of each loading its own.
    from django.db import connections

    from tuhono.watchlists.services.screening import warm_up_process

    warm_up_process()
    # The warm-up read the database: a connection left open here would be inherited by every
    # forked worker, all talking over one socket. Each worker opens its own on its first query.
    connections.close_all()
