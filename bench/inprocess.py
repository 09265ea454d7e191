"""The site in the bench's own process: SQL statements per page, and where a page's time goes."""

from __future__ import annotations

import os


def uncached_app(env: dict[str, str]):
    """The site in this process, on ``env``'s instance and database, with the front cache off."""
    os.environ["INSTANCE_PATH"] = env["INSTANCE_PATH"]
    if env.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = env["DATABASE_URL"]
    else:
        os.environ.pop("DATABASE_URL", None)
    from eurobrew import create_app

    return create_app({"PAGE_CACHE_MB": 0})


def queries_per_page(env: dict[str, str], paths: list[str]) -> dict[str, int]:
    """SQL statements each path runs, counted in-process on the same database."""
    from sqlalchemy import event

    from eurobrew.extensions import db

    app = uncached_app(env)
    client = app.test_client()
    counts = {}
    with app.app_context():
        engine = db.engine
    for path in paths:
        client.get(path)
        seen: list[str] = []

        def listener(conn, cursor, statement, *args, seen=seen):
            seen.append(statement)

        event.listen(engine, "before_cursor_execute", listener)
        assert client.get(path).status_code == 200
        event.remove(engine, "before_cursor_execute", listener)
        counts[path] = len(seen)
    with app.app_context():
        db.engine.dispose()
    return counts


def package_of(filename: str, function: str) -> str:
    """Who owns a profiled function: a library, the site's code, its templates or Python."""
    if filename == "~":
        return "sqlite3 driver (C)" if "sqlite3" in function else "Python built-ins (C)"
    if filename.endswith(".html"):
        return "site templates (compiled Jinja)"
    if "/site-packages/" in filename:
        return filename.split("/site-packages/")[1].split("/")[0].removesuffix(".py")
    if "/eurobrew/" in filename:
        return "eurobrew (the site's code)"
    return "Python standard library"


def where_time_goes(env: dict[str, str], paths: dict[str, str], requests: int = 300):
    """Each page's time with the front cache off, by owner of the code, from cProfile.

    Own time only, so the shares add up to 100%. Profiling slows every call alike, so the
    shares hold, not the absolute times.
    """
    import cProfile
    import pstats

    client = uncached_app(env).test_client()
    shares: dict[str, dict[str, float]] = {}
    for name, path in paths.items():
        client.get(path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(requests):
            client.get(path)
        profiler.disable()
        owners: dict[str, float] = {}
        for (filename, _, function), row in pstats.Stats(profiler).stats.items():
            owner = package_of(filename, function)
            owners[owner] = owners.get(owner, 0.0) + row[2]
        total = sum(owners.values())
        shares[name] = {owner: t / total for owner, t in owners.items()}
    return shares


def shares_table(shares: dict[str, dict[str, float]]) -> str:
    """Owners as rows, pages as columns, largest first."""
    names = list(shares)
    owners = sorted(
        {o for s in shares.values() for o in s},
        key=lambda o: -sum(s.get(o, 0) for s in shares.values()),
    )
    lines = [
        "| code | " + " | ".join(names) + " |",
        "| --- |" + " ---: |" * len(names),
    ]
    for owner in owners:
        if max(s.get(owner, 0) for s in shares.values()) < 0.01:
            continue
        cells = " | ".join(f"{shares[n].get(owner, 0):.0%}" for n in names)
        lines.append(f"| {owner} | {cells} |")
    return "\n".join(lines)
