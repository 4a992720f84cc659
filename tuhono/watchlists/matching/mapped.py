"""The candidate index on disk: written once per list version, mapped read-only by every process.

A folder of flat numpy arrays that `np.load(mmap_mode="r")` maps without
copying, so a process opens a million-entity index in milliseconds and every
worker on the machine shares the same pages of the operating system's cache:

    pks.npy            int64   list entity pk of each row
    schemas.npy        uint8   schema code of each row (names in meta.json)
    forms.bin          UTF-8   the prefilter name forms of every row, '|'-joined, run together
    form_offsets.npy   int64   row i's forms are forms.bin[form_offsets[i]:form_offsets[i+1]]
    key_hashes.npy     uint64  64-bit hash of every index key, sorted
    key_offsets.npy    int64   the key with the i-th hash holds postings[key_offsets[i]:key_offsets[i+1]]
    keys.bin, key_text_offsets.npy   the keys themselves, in hash order, to confirm a hash hit
    postings.npy       int32   rows holding each key, key after key
    meta.json          format, signature, counts, schema names

The key table is a sorted array of fixed-width hashes searched by bisection
(`np.searchsorted`): it maps as it is, with no per-process dictionary of
millions of strings to rebuild (that is what cost seconds and hundreds of MB
per process), and a lookup is one binary search in C plus a comparison with
the stored key, so a hash collision can never mix two keys.

The search itself is `CandidateIndex.search`, unchanged: this class offers the
same attributes (`postings`, `pks`, `forms`, `schema_names`) backed by the arrays.
"""

from __future__ import annotations

import hashlib
import json
import os
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from .index import FORM_SEP, CandidateIndex
from .names import PERSON_SCHEMAS, form_keys, name_forms

FORMAT = 1
EMPTY = np.zeros(0, dtype=np.int32)


def _map(path: Path) -> np.ndarray:
    """The array in `path`, mapped read-only; a plain ndarray view (np.memmap's own indexing costs
    microseconds a call, and the search indexes thousands of times a screening)."""
    return np.load(path, mmap_mode="r").view(np.ndarray)


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


class _Postings:
    """`key -> rows` over the mapped key table, with the dictionary methods the search uses."""

    def __init__(self, folder: Path) -> None:
        self.hashes = _map(folder / "key_hashes.npy")
        self.offsets = _map(folder / "key_offsets.npy")
        self.text = _map(folder / "keys.bin.npy")
        self.text_offsets = _map(folder / "key_text_offsets.npy")
        self.rows = _map(folder / "postings.npy")

    def _slot(self, key: str) -> int:
        target = np.uint64(key_hash(key))
        slot = int(np.searchsorted(self.hashes, target))
        encoded = key.encode("utf-8")
        while slot < len(self.hashes) and self.hashes[slot] == target:
            start, end = int(self.text_offsets[slot]), int(self.text_offsets[slot + 1])
            if self.text[start:end].tobytes() == encoded:
                return slot
            slot += 1
        return -1

    def get(self, key: str, default: Any = None) -> Any:
        slot = self._slot(key)
        if slot < 0:
            return default
        return self.rows[int(self.offsets[slot]) : int(self.offsets[slot + 1])]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._slot(key) >= 0

    def __getitem__(self, key: str) -> np.ndarray:
        rows = self.get(key)
        if rows is None:
            raise KeyError(key)
        return rows  # type: ignore[no-any-return]

    def __len__(self) -> int:
        return len(self.hashes)


class _Forms:
    """Row -> its '|'-joined forms, decoded from the mapped blob on demand."""

    def __init__(self, folder: Path) -> None:
        self.blob = _map(folder / "forms.bin.npy")
        self.offsets = _map(folder / "form_offsets.npy")

    def __getitem__(self, row: int) -> str:
        start, end = int(self.offsets[row]), int(self.offsets[row + 1])
        return self.blob[start:end].tobytes().decode("utf-8")

    def __len__(self) -> int:
        return len(self.offsets) - 1


class MappedIndex(CandidateIndex):
    """A candidate index read from a folder written by `write_index`; read-only."""

    def __init__(self, folder: Path) -> None:  # the arrays replace the in-memory constructor's fields
        folder = Path(folder)
        self.folder = folder
        self.meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if self.meta.get("format") != FORMAT:
            raise ValueError(f"{folder} holds an index of format {self.meta.get('format')}, not {FORMAT}")
        self.pks = _map(folder / "pks.npy")  # type: ignore[assignment]
        self._schema_array = _map(folder / "schemas.npy")
        self.schemas = self._schema_array  # type: ignore[assignment]
        self.schema_names = list(self.meta["schema_names"])
        self._schema_codes = {name: code for code, name in enumerate(self.schema_names)}
        self.forms = _Forms(folder)  # type: ignore[assignment]
        self.postings = _Postings(folder)  # type: ignore[assignment]

    def add(self, pk: int, schema: str, names: Iterable[str]) -> None:
        raise TypeError("A mapped index is read-only: write a new one with write_index")

    def freeze(self) -> None:
        return None

    def key_frequency(self, key: str) -> int:
        """How many entities hold `key` (a token, '~' + its metaphone, or '=' + the name run together)."""
        rows = self.postings.get(key)
        return 0 if rows is None else len(rows)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _save(folder: Path, name: str, values: np.ndarray) -> None:
    with (folder / name).open("wb") as handle:
        np.save(handle, values, allow_pickle=False)
        handle.flush()
        os.fsync(handle.fileno())


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
        person = schema in PERSON_SCHEMAS
        forms: list[str] = []
        keys: set[str] = set()
        for name in names:
            for form, _method in name_forms(name, person):
                if form not in forms:
                    forms.append(form)
                    keys |= form_keys(form)
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
    hashes = np.fromiter((key_hash(k) for k in keys_list), dtype=np.uint64, count=len(keys_list))
    by_hash = np.argsort(hashes, kind="stable")
    # Postings: pairs ordered by the rank of their key in hash order, rows ascending within a key.
    rank = np.empty(len(keys_list), dtype=np.int64)
    rank[by_hash] = np.arange(len(keys_list))
    pair_rank = rank[np.frombuffer(pair_keys, dtype=np.int32)]
    del pair_keys
    order = np.argsort(pair_rank, kind="stable")
    postings = np.frombuffer(pair_rows, dtype=np.int32)[order]
    counts = np.bincount(pair_rank, minlength=len(keys_list))
    del order, pair_rank, pair_rows
    key_offsets = np.zeros(len(keys_list) + 1, dtype=np.int64)
    np.cumsum(counts, out=key_offsets[1:])
    text = bytearray()
    text_offsets = array("q", [0])
    for i in by_hash.tolist():
        text += keys_list[i].encode("utf-8")
        text_offsets.append(len(text))
    _save(folder, "pks.npy", np.frombuffer(pks, dtype=np.int64))
    _save(folder, "schemas.npy", np.frombuffer(schemas, dtype=np.uint8))
    _save(folder, "forms.bin.npy", np.frombuffer(bytes(forms_blob), dtype=np.uint8))
    _save(folder, "form_offsets.npy", np.frombuffer(form_offsets, dtype=np.int64))
    _save(folder, "key_hashes.npy", hashes[by_hash])
    _save(folder, "key_offsets.npy", key_offsets)
    _save(folder, "keys.bin.npy", np.frombuffer(bytes(text), dtype=np.uint8))
    _save(folder, "key_text_offsets.npy", np.frombuffer(text_offsets, dtype=np.int64))
    _save(folder, "postings.npy", postings)
    info = {
        **(meta or {}),
        "format": FORMAT,
        "entities": len(pks),
        "keys": len(keys_list),
        "postings": len(postings),
        "schema_names": sorted(schema_codes, key=schema_codes.__getitem__),
    }
    body = json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8")
    with (folder / "meta.json").open("wb") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())
    _fsync_folder(folder)
    return info


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in Path(folder).iterdir() if path.is_file())
