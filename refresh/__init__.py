"""`make refresh`: re-check every source in data/ and propose the changes as a data diff.

Machine-readable sources have a fetcher (refresh/fetchers/) that re-derives the values a row's
`refresh:` hint names; every other source page is fetched and its main text hashed; lychee checks the
built site's external links. Output: a Markdown and JSON report, the edited data files and their diff,
and data/freshness.json for the Sources page. Stands on the data model (handbook) only.
"""
