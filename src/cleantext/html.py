"""HTML -> Document through trafilatura (placeholder settings; tuned in issue 5)."""

from __future__ import annotations

from .ingest import Document


def extract(html: str, url: str | None = None) -> Document:
    """Extract the main text of an HTML page with trafilatura, keeping paragraph breaks."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, url=url) or ""
    return Document(text=text, input_format="html", offsets="extracted", url=url)
