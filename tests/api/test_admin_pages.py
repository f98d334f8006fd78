"""The administrators' pages for API tokens and webhooks: the token and the secret shown once,
revoking audited, the delivery log readable."""
from sqlalchemy import select

from survey.accounts.models import AuditEntry
from survey.db import utcnow
from survey.tokens.models import ApiToken
from survey.webhooks.delivery import dispatch
from survey.webhooks.models import WebhookSubscription
from tests.api.conftest import Api


def test_issue_use_and_revoke_a_token(staff, make_user, make_unit, client, session):
    make_unit("AG-LX")
    make_user("quantri", "admin")
    staff.sign_in("quantri")
    assert staff.get("/quan-tri/khoa-api").status_code == 200 and "Khoá API" in staff.text()
    created = staff.post("/quan-tri/khoa-api", {"name": "mot-cua", "scope": ["invitations:write", "campaigns:read"],
                                                "unit": "AG-LX"})
    assert created.status_code == 200
    secret = next(word for word in staff.text().split() if word.startswith("sv_"))
    assert Api(client, secret).get("/units").status_code == 200
    listing = staff.get("/quan-tri/khoa-api")
    assert "mot-cua" in staff.text() and secret not in listing.get_data(as_text=True)  # shown once only
    token = session.scalar(select(ApiToken))
    assert staff.post(f"/quan-tri/khoa-api/{token.id}/thu-hoi").status_code == 302
    assert Api(client, secret).get("/units").status_code == 401
    assert staff.post(f"/quan-tri/khoa-api/{token.id + 1}/thu-hoi").status_code == 404
    audited = session.execute(select(AuditEntry.action, AuditEntry.subject, AuditEntry.actor_id)
                              .order_by(AuditEntry.id)).all()
    assert [(a, s) for a, s, _ in audited][-2:] == [("api_token_created", "token mot-cua"),
                                                    ("api_token_revoked", "token mot-cua")]
    assert all(actor is not None for _, _, actor in audited[-2:])


def test_a_refused_token_lists_every_problem(staff, make_user, session):
    make_user("quantri", "admin")
    staff.sign_in("quantri")
    refused = staff.post("/quan-tri/khoa-api", {"name": "", "scope": ["everything"], "unit": "AG-XX"})
    assert refused.status_code == 400 and "Không có đơn vị mã “AG-XX”" in staff.text()
    refused = staff.post("/quan-tri/khoa-api", {"name": "", "scope": ["everything"]})
    assert refused.status_code == 400
    assert "Tên khoá: từ 1 đến 100 ký tự" in staff.text() and "Quyền: không có quyền “everything”" in staff.text()
    staff.get("/quan-tri/khoa-api?lang=en")
    staff.post("/quan-tri/khoa-api", {"name": "", "scope": ["everything"]})
    assert "name: 1 to 100 characters" in staff.text() and "unknown scope 'everything'" in staff.text()
    assert session.scalars(select(ApiToken)).all() == []


def test_add_a_webhook_read_its_log_and_remove_it(staff, make_user, make_campaign, make_submission, session):
    from survey.responses.operations import record_response

    make_user("quantri", "admin")
    staff.sign_in("quantri")
    added = staff.post("/quan-tri/webhook", {"url": "https://mot-cua.example.vn/hook", "event": ["response.created"]})
    assert added.status_code == 200
    subscription = session.scalar(select(WebhookSubscription))
    assert subscription.secret in staff.text()
    campaign = make_campaign()
    record_response(session, make_submission(campaign), campaign.opens_on)
    dispatch(session, utcnow())
    session.commit()
    staff.get(f"/quan-tri/webhook/{subscription.id}")
    assert "Phiếu mới" in staff.text() and "Đang chờ gửi" in staff.text()
    assert staff.get("/quan-tri/webhook").status_code == 200 and subscription.secret not in staff.html
    assert staff.post(f"/quan-tri/webhook/{subscription.id}/xoa").status_code == 302
    assert session.scalars(select(WebhookSubscription)).all() == []
    assert staff.get(f"/quan-tri/webhook/{subscription.id}").status_code == 404
    audited = session.execute(select(AuditEntry.action, AuditEntry.subject, AuditEntry.actor_id)
                              .order_by(AuditEntry.id)).all()
    subject = f"webhook {subscription.id}"
    assert [(a, s) for a, s, _ in audited][-2:] == [("webhook_added", subject), ("webhook_removed", subject)]
    assert all(actor is not None for _, _, actor in audited[-2:])
    staff.get("/quan-tri/nhat-ky")
    assert "Thêm địa chỉ nhận webhook" in staff.text() and "Xoá địa chỉ nhận webhook" in staff.text()


def test_a_refused_webhook_lists_every_problem(staff, make_user, session):
    make_user("quantri", "admin")
    staff.sign_in("quantri")
    refused = staff.post("/quan-tri/webhook", {"url": "javascript:alert(1)"})
    assert refused.status_code == 400
    assert "Địa chỉ nhận (URL): cần một địa chỉ bắt đầu bằng http:// hoặc https://" in staff.text()
    assert "“javascript:alert(1)” không hợp lệ" in staff.text()
    assert "Sự kiện: chọn ít nhất một trong các sự kiện response.created" in staff.text()
    staff.get("/quan-tri/webhook?lang=en")
    staff.post("/quan-tri/webhook", {"url": "javascript:alert(1)"})
    assert "url: an http:// or https:// address" in staff.text() and "events: choose at least one" in staff.text()
    assert session.scalars(select(WebhookSubscription)).all() == []


def test_a_tokens_scopes_are_named_by_what_they_allow(staff, make_user, session):
    make_user("quantri", "admin")
    staff.sign_in("quantri")
    staff.post("/quan-tri/khoa-api", {"name": "mot-cua", "scope": ["results:read", "campaigns:read"]})
    named = ("Đọc đợt khảo sát, bảng hỏi, đơn vị (<code>campaigns:read</code>); "
             "Đọc kết quả chỉ số (<code>results:read</code>)")
    assert f"Quyền: {named}</p>" in staff.html
    staff.get("/quan-tri/khoa-api")
    assert f"<dd>{named}</dd>" in staff.html
