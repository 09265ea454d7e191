"""Whatever visitors send stays text: markup in any field is inert in the form and the inbox."""

from sqlalchemy import select

from eurobrew.extensions import db
from eurobrew.models import ContactMessage
from support.hostile import IMG, PAYLOAD, SCRIPT, assert_inert
from support.mailserver import contact_form

# What the form accepts in each field (e-mail and phone have a strict shape).
FORM_FIELDS = {
    "name": PAYLOAD,
    "company": PAYLOAD,
    "message": f"{PAYLOAD}\n</textarea>{SCRIPT}",
    "email": "x@example.sk",
    "phone": "+421",
}


def test_a_refused_form_gives_markup_back_as_text(client, demo_app):
    data = contact_form(client, demo_app, "/en/contact", **FORM_FIELDS, consent=None)
    data["email"] = f'"><script>alert(1)</script>@x.sk{IMG}'
    data["phone"] = PAYLOAD
    response = client.post("/en/contact", data=data)
    assert response.status_code == 400
    assert_inert(response.text, "refused form")
    assert SCRIPT not in response.text and IMG not in response.text
    assert "&lt;script&gt;alert(" in response.text


def test_visitor_markup_is_inert_in_the_inbox_and_the_csv(client, admin_client, demo_app):
    response = client.post(
        "/en/contact", data=contact_form(client, demo_app, "/en/contact", **FORM_FIELDS)
    )
    assert response.status_code == 302
    with demo_app.app_context():
        # Fields the form would refuse, as if stored by an older version or by hand.
        hostile = ContactMessage(
            name=PAYLOAD,
            email=f'"><script>alert(2)</script>@x.sk{IMG}',
            company=PAYLOAD,
            phone=IMG,  # the column holds 50 characters
            text=PAYLOAD,
            language="en",
            mail_error=PAYLOAD,
        )
        db.session.add(hostile)
        db.session.commit()
        ids = list(db.session.scalars(select(ContactMessage.id)))
    pages = {"list": admin_client.get("/admin/messages/?status=all").text}
    for message_id in ids:
        pages[f"view {message_id}"] = admin_client.get(f"/admin/messages/{message_id}").text
        pages[f"delete {message_id}"] = admin_client.get(
            f"/admin/messages/{message_id}/delete"
        ).text
    pages["list, read"] = admin_client.get("/admin/messages/?status=all&q=script").text
    for where, page in pages.items():
        assert_inert(page, where)
        assert SCRIPT not in page and IMG not in page, where
        assert "&lt;script&gt;" in page, where
    assert 'href="mailto:x@example.sk"' in pages[f"view {ids[0]}"]
    export = admin_client.get("/admin/messages/export.csv?status=all")
    assert export.mimetype == "text/csv"
    assert export.headers["Content-Disposition"].startswith("attachment;")
    assert export.headers["X-Content-Type-Options"] == "nosniff"
