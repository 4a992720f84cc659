"""The candidate index on disk: written once per list version, mapped read-only by every process.

A folder of flat numpy arrays that `np.load(mmap_mode="r")` maps without
copying, so a process opens a million-entity index in milliseconds and every
worker on the machine shares the same pages of the operating system's cache:

    pks.npy            int64   list entity pk of each row
    schemas.npy        uint8   schema code of each row (names in meta.json)
    forms.bin          UTF-8   the prefilter name forms of every row, '|'-joined, run together
    form_offsets.npy   int64   row i's forms are forms.bin[form_offsets[i]:form_offsets[i+1]]
    key_hashes.npy, key_offsets.npy, keys.bin.npy, key_text_offsets.npy, postings.npy
                       index key -> rows holding it (keytable.py)
    symbols/           person-name phrase -> rigour symbols, read instead of rigour's tagger (tagging.py)
    meta.json          format, signature, counts, schema names

The key table maps as it is, with no per-process dictionary of millions of
strings to rebuild (that is what cost seconds and hundreds of MB per process).

The search itself is `CandidateIndex.search`, unchanged: this class offers the
same attributes (`postings`, `pks`, `forms`, `schema_names`) backed by the arrays.
"""

from __future__ import annotations

import json
import os
from array import array
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .index import FORM_SEP, CandidateIndex
from .keytable import KeyTable, map_array, save_array, save_bytes, write_key_table
from .names import entity_forms
from .tagging import FOLDER as SYMBOLS
from .tagging import SymbolTable, write_symbol_table

FORMAT = 1
EMPTY = np.zeros(0, dtype=np.int32)


class _Forms:
    """Row -> its '|'-joined forms, decoded from the mapped blob on demand."""

    def __init__(self, folder: Path) -> None:
        self.blob = map_array(folder / "forms.bin.npy")
        self.offsets = map_array(folder / "form_offsets.npy")

    def __getitem__(self, row: int) -> str:
        start, end = int(self.offsets[row]), int(self.offsets[row + 1])
        return self.blob[start:end].tobytes().decode("utf-8")

    def many(self, rows: list[int]) -> list[str]:
        """The forms of each of `rows`: their offsets read in one step, the bytes through a memoryview
        (a search reads a hundred rows' forms; one array access a row cost more than the decoding)."""
        at = np.asarray(rows, dtype=np.intp)
        starts, ends = self.offsets[at].tolist(), self.offsets[at + 1].tolist()
        blob = self.blob.data
        return [str(blob[start:end], "utf-8") for start, end in zip(starts, ends, strict=True)]

    def __len__(self) -> int:
        return len(self.offsets) - 1


class MappedIndex(CandidateIndex):
    """A candidate index read from a folder written by `write_index`; read-only."""

    def __init__(self, folder: Path) -> None:  # the arrays replace the in-memory constructor's fields
        folder = Path(folder)
        self.folder = folder
        self._init_buffers()
        self.meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if self.meta.get("format") != FORMAT:
            raise ValueError(f"{folder} holds an index of format {self.meta.get('format')}, not {FORMAT}")
        self.pks = map_array(folder / "pks.npy")  # type: ignore[assignment]
        self._schema_array = map_array(folder / "schemas.npy")
        self.schemas = self._schema_array  # type: ignore[assignment]
        self.schema_names = list(self.meta["schema_names"])
        self._schema_codes = {name: code for code, name in enumerate(self.schema_names)}
        self.forms = _Forms(folder)  # type: ignore[assignment]
        self._keys = KeyTable(folder)
        self._joint = lru_cache(maxsize=16384)(super().joint_frequency)
        self.postings = self._keys  # type: ignore[assignment]
        symbols = self.meta.get("symbols")
        # An index written before the symbol table existed: rigour's own tagger stands in.
        self.symbol_table = SymbolTable(folder / SYMBOLS, symbols["longest_phrase"]) if symbols else None

    def add(self, pk: int, schema: str, names: Iterable[str]) -> None:
        raise TypeError("A mapped index is read-only: write a new one with write_index")

    def freeze(self) -> None:
        return None

    def joint_frequency(self, keys: Iterable[str]) -> int:
        """How many entities hold every one of `keys`; the recent answers kept (bounded): the
        same listed given and family names are weighed screening after screening."""
        return self._joint(tuple(dict.fromkeys(keys)))

    def key_frequency(self, key: str) -> int:
        """How many entities hold `key` (a token, '~' + its metaphone, or '=' + the name run together)."""
        return self._keys.count(key)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_index(
    folder: Path,
    entities: Iterable[tuple[int, str, list[str]]],
    *,
    meta: dict[str, Any] | None = None,
    progress: Any = None,
) -> dict[str, Any]:
    """Write the index of `entities` (pk, schema, names) into the empty folder `folder`, every file fsynced.

    Memory stays near the size of the result: keys are numbered as they come and
    the (key, row) pairs kept in flat arrays, then sorted once into postings.
    `progress(rows_done)` is called every 50,000 entities.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=False)
    pks = array("q")
    schemas = array("B")
    schema_codes: dict[str, int] = {}
    forms_blob = bytearray()
    form_offsets = array("q", [0])
    key_ids: dict[str, int] = {}
    pair_keys = array("i")
    pair_rows = array("i")
    for pk, schema, names in entities:
        forms, keys = entity_forms(schema, names)
        if not forms:
            continue
        row = len(pks)
        pks.append(pk)
        schemas.append(schema_codes.setdefault(schema, len(schema_codes)))
        forms_blob += FORM_SEP.join(forms).encode("utf-8")
        form_offsets.append(len(forms_blob))
        for key in keys:
            key_id = key_ids.get(key)
            if key_id is None:
                key_id = key_ids[key] = len(key_ids)
            pair_keys.append(key_id)
            pair_rows.append(row)
        if progress is not None and row % 50000 == 0 and row:
            progress(row)
    keys_list = list(key_ids)
    del key_ids
    postings = write_key_table(folder, keys_list, np.frombuffer(pair_keys, dtype=np.int32), pair_rows)
    del pair_keys, pair_rows
    save_array(folder, "pks.npy", np.frombuffer(pks, dtype=np.int64))
    save_array(folder, "schemas.npy", np.frombuffer(schemas, dtype=np.uint8))
    save_array(folder, "forms.bin.npy", np.frombuffer(bytes(forms_blob), dtype=np.uint8))
    save_array(folder, "form_offsets.npy", np.frombuffer(form_offsets, dtype=np.int64))
    symbols = write_symbol_table(folder / SYMBOLS)
    info = {
        **(meta or {}),
        "format": FORMAT,
        "entities": len(pks),
        "keys": len(keys_list),
        "postings": postings,
        "symbols": symbols,
        "schema_names": sorted(schema_codes, key=schema_codes.__getitem__),
    }
    save_bytes(folder / "meta.json", json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"))
    _fsync_folder(folder)
    return info


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())
