"""A string -> int32 list table on disk, mapped read-only: the index's key table and its symbol table.

    key_hashes.npy       uint64  64-bit hash of every key, sorted
    key_offsets.npy      int64   the key with the i-th hash holds postings[key_offsets[i]:key_offsets[i+1]]
    keys.bin.npy, key_text_offsets.npy   the keys themselves, in hash order, to confirm a hash hit
    postings.npy         int32   the values of each key, key after key
    values.bin.npy, value_offsets.npy    (optional) strings the int32 values number

A sorted array of fixed-width hashes searched by bisection (`np.searchsorted`)
maps as it is, with no per-process dictionary of millions of strings to rebuild,
and a lookup is one binary search in C plus a comparison with the stored key,
so a hash collision can never mix two keys.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np


def map_array(path: Path) -> np.ndarray:
    """The array in `path`, mapped read-only; a plain ndarray view (np.memmap's own indexing costs
    microseconds a call, and the search indexes thousands of times a screening)."""
    return np.load(path, mmap_mode="r").view(np.ndarray)


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def save_array(folder: Path, name: str, values: np.ndarray) -> None:
    with (folder / name).open("wb") as handle:
        np.save(handle, values, allow_pickle=False)
        handle.flush()
        os.fsync(handle.fileno())


def save_bytes(path: Path, body: bytes) -> None:
    """Write `body` to `path`, on disk before it returns (an index file, like save_array's)."""
    with path.open("wb") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())


def _save_strings(folder: Path, blob_name: str, offsets_name: str, strings: Sequence[str]) -> None:
    text = bytearray()
    offsets = array("q", [0])
    for value in strings:
        text += value.encode("utf-8")
        offsets.append(len(text))
    save_array(folder, blob_name, np.frombuffer(bytes(text), dtype=np.uint8))
    save_array(folder, offsets_name, np.frombuffer(offsets, dtype=np.int64))


def write_key_table(
    folder: Path, keys: list[str], pair_keys: Any, pair_values: Any, *, values: Sequence[str] | None = None
) -> int:
    """Write `keys[pair_keys[i]] -> pair_values[i]` (int32; values ascending within a key as given) into `folder`.

    Returns the number of postings."""
    hashes = np.fromiter((key_hash(k) for k in keys), dtype=np.uint64, count=len(keys))
    by_hash = np.argsort(hashes, kind="stable")
    # Postings: pairs ordered by the rank of their key in hash order, the given order within a key.
    rank = np.empty(len(keys), dtype=np.int64)
    rank[by_hash] = np.arange(len(keys))
    pair_rank = rank[np.asarray(pair_keys, dtype=np.int32)]
    order = np.argsort(pair_rank, kind="stable")
    postings = np.asarray(pair_values, dtype=np.int32)[order]
    counts = np.bincount(pair_rank, minlength=len(keys))
    del order, pair_rank
    key_offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(counts, out=key_offsets[1:])
    save_array(folder, "key_hashes.npy", hashes[by_hash])
    save_array(folder, "key_offsets.npy", key_offsets)
    _save_strings(folder, "keys.bin.npy", "key_text_offsets.npy", [keys[i] for i in by_hash.tolist()])
    save_array(folder, "postings.npy", postings)
    if values is not None:
        _save_strings(folder, "values.bin.npy", "value_offsets.npy", values)
    return len(postings)


class KeyTable:
    """`key -> int32 values` over a mapped table, with the dictionary methods the search uses.

    A process remembers where the keys it looked up lately are (`cache` keys, a bounded LRU
    of key -> (start, end), a few MB at most): the same common name parts are looked up by
    every screening, for the candidates and again for how common each listed name part is.
    """

    def __init__(self, folder: Path, *, cache: int = 16384) -> None:
        self.hashes = map_array(folder / "key_hashes.npy")
        self.offsets = map_array(folder / "key_offsets.npy")
        self.text = map_array(folder / "keys.bin.npy")
        self.text_offsets = map_array(folder / "key_text_offsets.npy")
        self.rows = map_array(folder / "postings.npy")
        self._values: tuple[np.ndarray, np.ndarray] | None = None
        if (folder / "values.bin.npy").exists():
            self._values = (map_array(folder / "values.bin.npy"), map_array(folder / "value_offsets.npy"))
        self._span = lru_cache(maxsize=cache)(self._find)

    def _find(self, key: str) -> tuple[int, int] | None:
        slot = self._slot(key)
        return None if slot < 0 else (int(self.offsets[slot]), int(self.offsets[slot + 1]))

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
        span = self._span(key)
        if span is None:
            return default
        return self.rows[span[0] : span[1]]

    def count(self, key: str) -> int:
        """How many values `key` holds (0 for a key not in the table), without slicing them."""
        span = self._span(key)
        return 0 if span is None else span[1] - span[0]

    def value(self, number: int) -> str:
        """The string that the int32 value `number` stands for."""
        if self._values is None:
            raise LookupError("this table was written without value names")
        blob, offsets = self._values
        return blob[int(offsets[number]) : int(offsets[number + 1])].tobytes().decode("utf-8")

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._span(key) is not None

    def __getitem__(self, key: str) -> np.ndarray:
        rows = self.get(key)
        if rows is None:
            raise KeyError(key)
        return rows  # type: ignore[no-any-return]

    def __len__(self) -> int:
        return len(self.hashes)
