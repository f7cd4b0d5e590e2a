"""Dask helpers: clean a dask.bag or a dask.dataframe column, and learn site rules as a
map-reduce, on whatever cluster the current `distributed.Client` points at.

Install with ``pip install 'cleantext-story[dask]'``. This is the only module that imports
dask; ``import cleantext`` never does.

    >>> import dask.bag as db                                         # doctest: +SKIP
    >>> from cleantext.dask import clean_bag, clean_column, learn  # doctest: +SKIP
    >>> stories = clean_bag(db.read_text("pages/*.txt", linedelimiter="\\0"))  # doctest: +SKIP
    >>> df = clean_column(df, "text", url_column="url")              # a dask.dataframe  # doctest: +SKIP
    >>> open("site-rules.toml", "w").write(learn(records_bag, min_docs=3))  # doctest: +SKIP

Only the Config travels to the workers; each worker process compiles one Cleaner per
distinct Config and reuses it for every partition it cleans.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from .api import Cleaner
from .batch import View, clean_record
from .config import Config
from .learn import MAX_WORDS, MIN_DOCS, LineCounts, collect_texts, render_rules, site_of


@functools.lru_cache(maxsize=8)
def _cleaner(config: Config) -> Cleaner:
    """One compiled Cleaner per Config in each worker process (configs are frozen)."""
    return Cleaner(config)


def _config(config: Config | None) -> Config:
    return config if config is not None else Config()


def clean_bag(texts: db.Bag, config: Config | None = None) -> db.Bag:
    """A bag of stories from a bag of page texts (str or bytes, text or HTML).

    >>> clean_bag(db.from_sequence(pages), Config(mode="precision")).compute()  # doctest: +SKIP
    """
    cfg = _config(config)
    return texts.map_partitions(_clean_texts, cfg)


def _clean_texts(texts: Iterable[str | bytes], config: Config) -> list[str]:
    cleaner = _cleaner(config)
    return [cleaner.clean(t) for t in texts]


def clean_records(records: db.Bag, config: Config | None = None, *, field: str = "text",
                  url_field: str = "url", summary_field: str = "cleantext") -> db.Bag:
    """A bag of dict records with `field` cleaned, like ``cleantext --jsonl``: the other
    fields pass through, `summary_field` receives the removals summary, `url_field` is
    passed as the page URL (site rules apply). Records without the text are kept as they are.
    """
    view = View(kind="jsonl", field=field, url_field=url_field, summary_field=summary_field)
    return records.map_partitions(_clean_records, _config(config), view)


def _clean_records(records: Iterable[dict[str, Any]], config: Config, view: View) -> list[dict[str, Any]]:
    cleaner = _cleaner(config)
    out = []
    for record in records:
        record = dict(record)  # never mutate the caller's (possibly cached) objects
        clean_record(cleaner, record, view)
        out.append(record)
    return out


def clean_column(df: dd.DataFrame, column: str = "text", config: Config | None = None, *,
                 url_column: str | None = None, output: str | None = None) -> dd.DataFrame:
    """The dataframe with `column` cleaned (or written to a new column `output`).

    With `url_column`, each row's URL is passed to the cleaner, so site rules apply.
    Missing values stay missing.
    """
    cfg = _config(config)
    target = output or column
    meta = df._meta.assign(**{target: pd.Series(dtype=object)})
    return df.map_partitions(_clean_frame, column, url_column, target, cfg, meta=meta)


def _clean_frame(part: pd.DataFrame, column: str, url_column: str | None, target: str, config: Config) -> pd.DataFrame:
    cleaner = _cleaner(config)
    urls = part[url_column] if url_column else [None] * len(part)
    cleaned = [
        cleaner.clean(text, url=url if isinstance(url, str) else None) if isinstance(text, (str, bytes)) else text
        for text, url in zip(part[column], urls)
    ]
    return part.assign(**{target: pd.Series(cleaned, index=part.index, dtype=object)})


def learn(records: db.Bag, *, min_docs: int = MIN_DOCS, field: str = "text", url_field: str = "url",
          site_field: str | None = None, max_words: int = MAX_WORDS, split_every: int = 8) -> str:
    """`cleantext learn` as a map-reduce over a bag of dict records: the rule file's text.

    Pass 1 counts line hashes per partition and merges the counts in a tree; pass 2 reads
    the bag again for the text of the lines that reached `min_docs`. The result is the same
    file `cleantext learn` writes for the same documents (exact duplicate pages that fall in
    different partitions are the exception: each partition only dedupes its own).
    """
    pairs = records.map(_site_and_text, field, url_field, site_field)
    counts: LineCounts = pairs.reduction(
        functools.partial(_count, max_words=max_words), _merge, split_every=split_every
    ).compute()
    wanted = counts.frequent(min_docs)
    if wanted:
        texts = pairs.reduction(
            functools.partial(_texts, wanted=wanted, max_words=max_words), _merge_texts, split_every=split_every
        ).compute()
        for key, (site, line) in texts.items():
            counts._keep_text(key, site, line)
    return render_rules(counts, min_docs)


def _site_and_text(record: dict[str, Any], field: str, url_field: str,
                   site_field: str | None) -> tuple[str | None, str]:
    text = record.get(field)
    site = record.get(site_field) if site_field else site_of(record.get(url_field))
    return (str(site).lower() if site else None), text if isinstance(text, str) else ""


def _count(pairs: Iterable[tuple[str | None, str]], max_words: int) -> LineCounts:
    counts = LineCounts(max_words=max_words, keep_text=False)
    for site, text in pairs:
        counts.add(site, text)
    return counts


def _merge(parts: Iterator[LineCounts]) -> LineCounts:
    merged = LineCounts(keep_text=False)
    for part in parts:
        merged.merge(part)
    return merged


def _texts(pairs: Iterable[tuple[str | None, str]], wanted: set[int], max_words: int) -> dict[int, tuple[str, str]]:
    return collect_texts(pairs, wanted, max_words)


def _merge_texts(parts: Iterator[dict[int, tuple[str, str]]]) -> dict[int, tuple[str, str]]:
    merged: dict[int, tuple[str, str]] = {}
    for part in parts:
        for key, value in part.items():
            if key not in merged or value[1] < merged[key][1]:
                merged[key] = value
    return merged
