"""cleantext.dask on a real distributed.LocalCluster: two worker processes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import pytest

pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from cleantext import Cleaner, Config  # noqa: E402
from cleantext.dask import clean_bag, clean_column, clean_records, learn  # noqa: E402
from cleantext.learn import LineCounts, collect_texts, render_rules, site_of  # noqa: E402

FOOTER = "Harbour Daily is printed by the Quayside Press Cooperative of Port Ellen"


def page(n: int) -> str:
    return (
        f"Council repairs the pier after report number {n}\n"
        f"The council said on Monday that the pier will close for {n + 2} weeks of repairs, after engineers "
        f"found cracks in {n + 1} of its supports during an inspection in spring {2000 + n}.\n"
        "Share this article\n"
        + (FOOTER + "\n" if n % 2 == 0 else "")
    )


RECORDS = [{"id": n, "url": f"https://harbourdaily.example/{n}" if n < 8 else None, "text": page(n)} for n in range(12)]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as c:
            yield c


def test_dask_is_imported_only_by_cleantext_dask() -> None:
    import subprocess

    code = "import sys, cleantext, cleantext.cli, cleantext.batch, cleantext.learn; print('dask' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_clean_bag_on_two_workers(client: Client) -> None:
    texts = [r["text"] for r in RECORDS]
    got = clean_bag(db.from_sequence(texts, npartitions=4)).compute()
    assert got == [Cleaner().clean(t) for t in texts]
    assert len(client.scheduler_info()["workers"]) == 2


def test_clean_records_like_the_jsonl_command(client: Client) -> None:
    got = clean_records(db.from_sequence(RECORDS, npartitions=3), Config(mode="precision")).compute()
    assert [r["id"] for r in got] == list(range(12))
    assert got[0]["text"] == Cleaner(Config(mode="precision")).clean(RECORDS[0]["text"])
    assert got[0]["cleantext"]["by_category"]["share"] == 1
    assert RECORDS[0]["text"] == page(0)  # the input records are not changed


def test_clean_column_of_a_dataframe(client: Client) -> None:
    frame = pd.DataFrame(RECORDS + [{"id": 12, "url": None, "text": None}])
    df = dd.from_pandas(frame, npartitions=3)
    out = clean_column(df, "text", url_column="url", output="story").compute()
    assert list(out.columns) == ["id", "url", "text", "story"]
    assert out["story"].iloc[1] == Cleaner().clean(page(1))
    assert pd.isna(out["story"].iloc[12])  # missing stays missing
    inplace = clean_column(df, "text").compute()
    assert inplace["text"].iloc[2] == Cleaner().clean(page(2))


def test_learn_as_map_reduce_gives_the_command_line_file(client: Client) -> None:
    text = learn(db.from_sequence(RECORDS, npartitions=4), min_docs=3)
    # the same two passes in one process, as `cleantext learn --jsonl` does
    counts = LineCounts(keep_text=False)
    pairs = [(site_of(r["url"]), r["text"]) for r in RECORDS]
    for site, doc in pairs:
        counts.add(site, doc)
    for key, (site, line) in collect_texts(pairs, counts.frequent(3)).items():
        counts._keep_text(key, site, line)
    assert text == render_rules(counts, 3)
    assert FOOTER in text and 'sites = ["harbourdaily.example"]' in text and "count = 4" in text
    assert "Share this article" in text  # on every page of the site
    assert "4 without a site" in json.dumps(text)
