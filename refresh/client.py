"""The one HTTP client of `make refresh`: cached, polite and bounded, with one-line errors.

- Cache: requests-cache on disk; every cached response is revalidated (ETag / Last-Modified), so a
  weekly run downloads only what changed. Within one run each URL is fetched once.
- Politeness: at least `interval_s` between two requests to the same host; 429 and 502-504 are retried,
  waiting as long as Retry-After says (seconds or an HTTP date), else backing off exponentially.
- Bounds: a timeout per request and a total budget for the run; a wait that would not fit is an error.
- A host that cannot be reached (DNS, refused, connect timeout, TLS) is marked down and every later
  request to it fails at once, so a machine without network fails fast with one line per host.
- Redirects are followed by hand; one that leaves the site means the source moved away: an error.
"""

from __future__ import annotations

import email.utils
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import requests_cache

USER_AGENT = "deploy-handbook-refresh/1 (re-checks the sources the Deploy Handbook cites; weekly)"
RETRY_STATUSES = frozenset({429, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A request that gave no usable response. str() is one line: what, and why."""

    def __init__(self, url: str, kind: str, reason: str):
        self.url, self.kind, self.reason = url, kind, reason
        super().__init__(f"{url}: {reason}")


class HostDown(FetchError):
    def __init__(self, url: str, host: str, reason: str):
        super().__init__(url, "unreachable", f"host {host} unreachable: {reason}")
        self.host = host


@dataclass(frozen=True)
class Response:
    url: str  # after same-site redirects
    status: int
    headers: dict[str, str]
    content: bytes
    from_cache: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def text(self) -> str:
        return self.content.decode(_charset(self.headers.get("content-type", "")), errors="replace")

    def json(self) -> Any:
        return json.loads(self.content)


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"')
    return "utf-8"


def site(url: str) -> str:
    """The site a URL belongs to: its host without a leading www."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


def _connection_reason(exc: BaseException) -> str:
    """A short reason for a failed connection, from the innermost cause requests wraps."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror):
            return "DNS lookup failed"
        if isinstance(seen, ConnectionRefusedError):
            return "connection refused"
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    if "NameResolution" in text or "Name or service not known" in text or "resolve" in text:
        return "DNS lookup failed"
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return "connect timed out"
    if isinstance(exc, requests.exceptions.SSLError):
        return "TLS handshake failed"
    if "refused" in text:
        return "connection refused"
    return type(exc).__name__


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or an HTTP date), None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


@dataclass
class Clock:
    """Time as the client sees it; tests pass a fake one so no test sleeps."""

    monotonic: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    wall: Callable[[], float] = time.time


@dataclass
class HttpClient:
    cache_dir: Path | None = None
    budget_s: float = 1200.0
    timeout_s: float = 30.0
    interval_s: float = 1.0
    retries: int = 3
    max_wait_s: float = 120.0
    clock: Clock = field(default_factory=Clock)
    hosts_down: dict[str, str] = field(default_factory=dict)  # host -> reason
    hosts_up: set[str] = field(default_factory=set)
    requests_sent: int = 0

    def __post_init__(self) -> None:
        self._started = self.clock.monotonic()
        self._last_request: dict[str, float] = {}
        self._seen: dict[str, Response | FetchError] = {}
        self._plain = requests.Session()
        self._plain.headers["User-Agent"] = USER_AGENT
        if self.cache_dir is None:
            self._session: requests.Session = self._plain
        else:
            self._session = requests_cache.CachedSession(
                str(self.cache_dir / "http"),
                backend="filesystem",
                expire_after=requests_cache.EXPIRE_IMMEDIATELY,  # store, but revalidate before each use
                allowable_codes=(200,),
                stale_if_error=False,
            )
            self._session.headers["User-Agent"] = USER_AGENT

    # -- bounds ------------------------------------------------------------------------------------
    def remaining(self) -> float:
        return self.budget_s - (self.clock.monotonic() - self._started)

    def elapsed(self) -> float:
        return self.clock.monotonic() - self._started

    def _wait(self, url: str, seconds: float, why: str) -> None:
        if seconds > min(self.max_wait_s, self.remaining()):
            raise FetchError(url, "rate-limited", f"{why} asks to wait {seconds:.0f} s, more than the run can afford")
        self.clock.sleep(seconds)

    def _polite(self, url: str) -> None:
        if self.remaining() <= 0:
            raise FetchError(url, "budget", f"the run's budget of {self.budget_s:.0f} s is spent")
        host = host_of(url)
        if host in self.hosts_down:
            raise HostDown(url, host, self.hosts_down[host])
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.interval_s - self.clock.monotonic()
            if wait > 0:
                self._wait(url, wait, "the per-host rate limit")
        self._last_request[host] = self.clock.monotonic()

    def _timeout(self) -> float:
        return max(0.1, min(self.timeout_s, self.remaining()))

    # -- requests ----------------------------------------------------------------------------------
    def _send(self, session: requests.Session, url: str, *, stream: bool = False) -> requests.Response:
        """One request with the rate limit, retries on 429/5xx and the connection rules."""
        for attempt in range(self.retries + 1):
            self._polite(url)
            self.requests_sent += 1
            host = host_of(url)
            timeout = self._timeout()
            try:
                response = session.get(url, timeout=timeout, allow_redirects=False, stream=stream)
            except requests.exceptions.ReadTimeout:
                raise FetchError(url, "timeout", f"no response within {timeout:g} s") from None
            except requests.exceptions.ConnectionError as exc:
                reason = _connection_reason(exc)
                self.hosts_down.setdefault(host, reason)
                raise HostDown(url, host, reason) from None
            self.hosts_up.add(host)
            if response.status_code not in RETRY_STATUSES or attempt == self.retries:
                return response
            wait = retry_after(response.headers.get("Retry-After"), self.clock.wall())
            response.close()
            why = f"HTTP {response.status_code} with Retry-After" if wait is not None else "backoff"
            self._wait(url, wait if wait is not None else 2.0**attempt, why)
        raise AssertionError("unreachable: the loop returns on its last attempt")

    def _follow(self, session: requests.Session, url: str, *, stream: bool = False) -> requests.Response:
        current = url
        for _ in range(6):
            response = self._send(session, current, stream=stream)
            if response.status_code not in REDIRECT_STATUSES or "Location" not in response.headers:
                return response
            target = urljoin(current, response.headers["Location"])
            response.close()
            if site(target) != site(url):
                raise FetchError(url, "redirect", f"redirects to another site: {target}")
            current = target
        raise FetchError(url, "redirect", "more than five redirects")

    def get(self, url: str) -> Response:
        """GET with every rule above; HTTP errors raise FetchError. Each URL is fetched once per run."""
        seen = self._seen.get(url)
        if isinstance(seen, FetchError):
            raise seen
        if seen is not None:
            return seen
        try:
            raw = self._follow(self._session, url)
            if raw.status_code >= 400:
                raise FetchError(url, "http", f"HTTP {raw.status_code}")
            headers = {k.lower(): v for k, v in raw.headers.items()}
            result = Response(raw.url or url, raw.status_code, headers, raw.content, getattr(raw, "from_cache", False))
        except FetchError as exc:
            self._seen[url] = exc
            raise
        self._seen[url] = result
        return result

    def download(self, url: str, dest: Path, *, max_bytes: int) -> Path:
        """Stream a large, immutable file (a versioned URL) to dest; an existing dest is reused as is."""
        if dest.exists():
            return dest
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = dest.with_name(dest.name + ".part")
        raw = self._follow(self._plain, url, stream=True)
        with raw:
            if raw.status_code >= 400:
                raise FetchError(url, "http", f"HTTP {raw.status_code}")
            size = 0
            try:
                with partial.open("wb") as out:
                    for chunk in raw.iter_content(chunk_size=1 << 20):
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(url, "too-large", f"larger than {max_bytes >> 20} MiB")
                        if self.remaining() <= 0:
                            raise FetchError(url, "budget", f"the run's budget of {self.budget_s:.0f} s is spent")
                        out.write(chunk)
            except requests.exceptions.RequestException as exc:
                partial.unlink(missing_ok=True)
                raise FetchError(url, "timeout", f"download broke off: {type(exc).__name__}") from None
            except FetchError:
                partial.unlink(missing_ok=True)
                raise
        partial.replace(dest)
        return dest
