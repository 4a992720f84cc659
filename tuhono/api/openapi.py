"""The OpenAPI 3.1 description of the public API, kept beside the views it describes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tuhono.partnerships.enums import PartnershipKind, PartnershipStatus
from tuhono.places.enums import PlaceKind

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


FILTER_PARAMETERS = [
    _query("q", "Words to find in the partner, council, summary or focus areas.", {"type": "string"}),
    _query("country", "The partner's country as an ISO 3166-1 alpha-2 code.", {"type": "string"}),
    _query("kind", "Kind of partnership.", {"type": "string", "enum": PartnershipKind.values}),
    _query("focus", "A focus area's slug, e.g. 'climate-change'.", {"type": "string"}),
    _query("status", "Status.", {"type": "string", "enum": PartnershipStatus.values}),
    _query("decade", "Decade signed, e.g. 1990.", {"type": "string", "pattern": "^[0-9]{4}s?$"}),
    _query("council", "A council's slug, e.g. 'auckland'.", {"type": "string"}),
]

MAP_PARAMETERS = [
    _query(
        "properties",
        "'brief': only what a map draws (the rest from /partnerships/{id}); the labels are given once.",
        {"type": "string", "enum": ["brief"]},
    ),
    _query(
        "zoom",
        "With properties=brief, the map's zoom level: a register too large to send whole comes grouped in "
        "cells of 11.25 degrees halved at each level, as features with 'group', 'count' and 'names'.",
        {"type": "integer", "minimum": 0, "maximum": 10},
    ),
    _query(
        "bbox",
        "With a zoom level: only the area west,south,east,north (degrees; west > east across 180°).",
        {"type": "string"},
    ),
]

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {"type": "string"},
            "details": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
    "Place": {
        "type": "object",
        "required": ["name", "kind", "country_code", "country"],
        "properties": {
            "name": {"type": "string"},
            "kind": {"type": "string", "enum": PlaceKind.values},
            "country_code": {"type": "string", "pattern": "^[A-Z]{2}$"},
            "country": {"type": "string"},
            "latitude": NULLABLE_NUMBER,
            "longitude": NULLABLE_NUMBER,
            "geonames_id": {"type": ["integer", "null"]},
            "alternate_names": {"type": "array", "items": {"type": "string"}},
        },
    },
    "CouncilRef": {
        "type": "object",
        "required": ["id", "slug", "name"],
        "properties": {"id": {"type": "integer"}, "slug": {"type": "string"}, "name": {"type": "string"}},
    },
    "Council": {
        "type": "object",
        "required": ["id", "slug", "name", "country_code"],
        "properties": {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "maori_name": NULLABLE_STRING,
            "region": NULLABLE_STRING,
            "country_code": {"type": "string"},
            "website": NULLABLE_STRING,
            "latitude": NULLABLE_NUMBER,
            "longitude": NULLABLE_NUMBER,
            "partnership_count": {"type": "integer"},
        },
    },
    "Partnership": {
        "type": "object",
        "required": ["id", "slug", "url", "council", "partner", "kind", "status", "focus_areas"],
        "properties": {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "council": {"$ref": "#/components/schemas/CouncilRef"},
            "partner": {"$ref": "#/components/schemas/Place"},
            "partner_authority": NULLABLE_STRING,
            "partner_website": NULLABLE_STRING,
            "kind": {"type": "string", "enum": PartnershipKind.values},
            "kind_label": {"type": "string"},
            "status": {"type": "string", "enum": PartnershipStatus.values},
            "signed": {**NULLABLE_STRING, "description": "YYYY, YYYY-MM or YYYY-MM-DD: as precisely as known"},
            "signed_basis": NULLABLE_STRING,
            "resigned": {**NULLABLE_STRING, "description": "YYYY: when last re-signed, where recorded"},
            "ended": NULLABLE_STRING,
            "legacy_council": NULLABLE_STRING,
            "owner": {"type": "string"},
            "focus_areas": {"type": "array", "items": {"type": "string"}},
            "summary": {"type": "string"},
        },
    },
    "PartnershipList": {
        "type": "object",
        "required": ["count", "limit", "offset", "results"],
        "properties": {
            "count": {"type": "integer"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
            "next_offset": {"type": ["integer", "null"]},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Partnership"}},
        },
    },
    "CouncilList": {
        "type": "object",
        "required": ["count", "results"],
        "properties": {
            "count": {"type": "integer"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Council"}},
        },
    },
}


def _json(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


def openapi_document(request: HttpRequest | None = None) -> dict[str, Any]:
    server = request.build_absolute_uri("/api") if request is not None else "/api"
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tūhono public API",
            "version": "1.0.0",
            "description": "Published international partnerships of New Zealand councils. Read-only.",
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        },
        "servers": [{"url": server}],
        "paths": {
            "/partnerships": {
                "get": {
                    "operationId": "listPartnerships",
                    "summary": "Published partnerships, filtered and paged",
                    "parameters": [
                        *FILTER_PARAMETERS,
                        _query("limit", "Page size (1 to 1000).", {"type": "integer", "minimum": 1, "maximum": 1000}),
                        _query("offset", "Records to skip.", {"type": "integer", "minimum": 0}),
                    ],
                    "responses": {
                        "200": {"description": "A page of partnerships", "content": _json("PartnershipList")},
                        "400": {"description": "A filter or parameter is not valid", "content": _json("Error")},
                    },
                }
            },
            "/partnerships/{id}": {
                "get": {
                    "operationId": "getPartnership",
                    "summary": "One published partnership",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
                    ],
                    "responses": {
                        "200": {"description": "The partnership", "content": _json("Partnership")},
                        "404": {"description": "No published partnership with this id", "content": _json("Error")},
                    },
                }
            },
            "/map.geojson": {
                "get": {
                    "operationId": "mapGeoJSON",
                    "summary": "Published partnerships as GeoJSON (RFC 7946) Point features, filtered as the list",
                    "parameters": [*FILTER_PARAMETERS, *MAP_PARAMETERS],
                    "responses": {
                        "200": {
                            "description": "A FeatureCollection; the foreign member 'councils' gives their seats",
                            "content": {"application/geo+json": {"schema": {"type": "object"}}},
                        },
                        "400": {"description": "A filter is not valid", "content": _json("Error")},
                    },
                }
            },
            "/councils": {
                "get": {
                    "operationId": "listCouncils",
                    "summary": "Current councils with their count of published partnerships",
                    "responses": {"200": {"description": "The councils", "content": _json("CouncilList")}},
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
