"""Backup and restore round trip, on whichever database the suite runs on."""

from pathlib import Path

from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.media import upload_folder
from eurobrew.models import Article, ArticleTranslation
from support.builders import add_article


def test_backup_and_restore_round_trip(demo_app, tmp_path):
    runner = demo_app.test_cli_runner()
    with demo_app.app_context():
        add_article(1)
        photos = sorted(p.name for p in upload_folder().iterdir())
        # A photo being written at that moment: its half is not part of the backup.
        (upload_folder() / ".next.jpg.x1y2.part").write_bytes(b"\xff\xd8 half")
    target = tmp_path / "backup-1"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / "manifest.json").exists()

    # Things go wrong after the backup: an article deleted, a title changed, a photo lost.
    with demo_app.app_context():
        db.session.delete(db.session.scalars(select(Article).order_by(Article.id)).first())
        translation = db.session.scalars(
            select(ArticleTranslation).where(ArticleTranslation.slug == "article-1")
        ).one()
        translation.title = "Overwritten"
        db.session.commit()
        for photo in upload_folder().iterdir():
            photo.unlink()
        (upload_folder() / "new-since-the-backup.jpg").write_bytes(b"\xff\xd8")
    client = demo_app.test_client()
    assert (
        client.get("/en/news/japan-proposes-us-purchase-of-semiconductor-products").status_code
        == 404
    )

    result = runner.invoke(args=["restore", str(target), "--yes"])
    assert result.exit_code == 0, result.output
    seed = client.get("/en/news/japan-proposes-us-purchase-of-semiconductor-products")
    assert seed.status_code == 200
    assert "Article 1" in client.get("/en/news/article-1").get_data(as_text=True)
    with demo_app.app_context():
        assert sorted(p.name for p in upload_folder().iterdir()) == photos
        assert db.session.scalar(select(db.func.count()).select_from(Article)) == 2


def test_backup_refuses_a_folder_with_files(demo_app, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    result = demo_app.test_cli_runner().invoke(args=["backup", str(tmp_path / "full")])
    assert result.exit_code != 0
    assert "not empty" in result.output
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"


def test_restore_refuses_what_is_not_a_backup(demo_app, tmp_path):
    result = demo_app.test_cli_runner().invoke(args=["restore", str(tmp_path), "--yes"])
    assert result.exit_code != 0
    assert "not a backup folder" in result.output
    assert Path(tmp_path).exists()
