"""``flask backup PATH`` and ``flask restore PATH``: the database and the photos, consistent.

A backup is a folder: the database (SQLite's online backup, or pg_dump's custom format),
the upload folder as a tar file, and a manifest saying which is which. Both commands work
while the site runs.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import click
from flask.cli import AppGroup

from ..extensions import db
from ..media import upload_folder
from ..media.storage import ensure_folder
from ..models import bump_content_version
from .client_programs import BackupError, libpq_target, postgres_tool, run

MANIFEST = "manifest.json"
UPLOADS = "uploads.tar"


def backup_database(folder: Path) -> str:
    """Write a consistent copy of the database into ``folder``; return its file name."""
    engine = db.engine
    if engine.dialect.name == "sqlite":
        target = folder / "database.sqlite3"
        source = engine.raw_connection()
        try:
            with sqlite3.connect(target) as copy:
                source.driver_connection.backup(copy)  # consistent while others write
            copy.close()
        finally:
            source.close()
        return target.name
    if engine.dialect.name == "postgresql":
        target = folder / "database.pgdump"
        dsn, env = libpq_target()
        run(
            [
                postgres_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                f"--file={target}",
                f"--dbname={dsn}",
            ],
            env,
        )
        return target.name
    raise BackupError(f"no backup method for {engine.dialect.name}")


def restore_database(folder: Path, name: str) -> None:
    """Replace the database's content with the copy in ``folder``, in one go."""
    engine = db.engine
    source = folder / name
    if engine.dialect.name == "sqlite" and name.endswith(".sqlite3"):
        target = engine.raw_connection()
        try:
            with sqlite3.connect(source) as copy:
                copy.backup(target.driver_connection)  # replaces every page at once
            copy.close()
        finally:
            target.close()
    elif engine.dialect.name == "postgresql" and name.endswith(".pgdump"):
        dsn, env = libpq_target()
        run(
            [
                postgres_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={dsn}",
                str(source),
            ],
            env,
        )
    else:
        raise BackupError(f"{name} cannot be restored into {engine.dialect.name}")
    engine.dispose()  # no pooled connection keeps reading the old pages
    bump_content_version(db.session)
    db.session.commit()


def archive_uploads(archive: tarfile.TarFile, photos: Path) -> None:
    """Add the upload folder to ``archive`` as ``uploads/``, as it stands while photos change.

    Half-written files (``.NAME.part``, renamed into place when complete) are left out, and a
    file that goes away between the listing and the copy (``flask media gc``) is skipped: the
    database copy, taken first, names only photos that were complete and kept.
    """
    if not photos.is_dir():
        return
    archive.add(photos, arcname="uploads", recursive=False)
    for folder, subfolders, names in os.walk(photos):
        subfolders.sort()
        relative = Path(folder).relative_to(photos)
        for name in sorted(subfolders) + sorted(names):
            if name.startswith(".") and name.endswith(".part"):
                continue
            try:
                archive.add(
                    Path(folder) / name, arcname=f"uploads/{relative / name}", recursive=False
                )
            except FileNotFoundError:
                continue


# Top-level commands (flask backup, flask restore), made by an AppGroup for its app context.
backup_cli = AppGroup("backup-and-restore")


@backup_cli.command("backup")
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
def backup_command(path: Path) -> None:
    """Write a backup of the database and the photos into the new folder PATH."""
    if path.exists() and any(path.iterdir()):
        raise BackupError(f"{path} exists and is not empty; choose a new folder")
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)  # the copy holds password hashes and visitors' messages
    database = backup_database(path)
    photos = upload_folder()
    with tarfile.open(path / UPLOADS, "w") as archive:
        archive_uploads(archive, photos)
    manifest = {
        "database": database,
        "uploads": UPLOADS,
        "dialect": db.engine.dialect.name,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    (path / MANIFEST).write_text(json.dumps(manifest, indent=2))
    click.echo(f"Backup written to {path} ({database}, {UPLOADS}).")


@backup_cli.command("restore")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="do not ask for confirmation")
def restore_command(path: Path, yes: bool) -> None:
    """Replace the database and the photos with the backup in PATH."""
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{path} is not a backup folder: {error}") from error
    if not yes:
        click.confirm("This replaces all content and photos. Go on?", abort=True)
    photos = upload_folder()
    with tarfile.open(path / manifest["uploads"]) as archive:
        staging = photos.with_name(photos.name + ".restoring")
        shutil.rmtree(staging, ignore_errors=True)
        archive.extractall(staging, filter="data")  # no links or paths out of the folder
    restore_database(path, manifest["database"])
    restored = staging / "uploads"
    old = photos.with_name(photos.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if photos.exists():
        photos.rename(old)
    if restored.exists():
        restored.rename(photos)
    else:
        ensure_folder(photos)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    click.echo(f"Restored from {path} (made {manifest.get('created', '?')}).")
