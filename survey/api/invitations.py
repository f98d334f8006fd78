"""Invitations in bulk: the one-stop-shop software sends the dossier codes it has just returned and
gets one single-use link per dossier (scope invitations:write)."""
from survey import db
from survey.accounts.operations import audit
from survey.api import schemas
from survey.api.auth import current_token
from survey.api.catalogue import visible_campaign
from survey.api.errors import ApiError
from survey.api.responses import target_unit
from survey.api.routing import endpoint
from survey.clock import aware
from survey.db import utcnow
from survey.invitations.models import Invitation
from survey.invitations.operations import create_invitations, link_expiry
from survey.links import public_url


@endpoint("POST", "/invitations", summary="Invitations for dossiers", tag="invitations", scope="invitations:write",
          ok=schemas.InvitationList, body=schemas.InvitationsIn)
def invite(body: schemas.InvitationsIn):
    """One single-use invitation per dossier code, all or none: a code listed twice, or one that
    already has an invitation in the campaign, refuses the whole request (400, every code named)."""
    expires_at, past = link_expiry(body.expires_on, "expires_on")
    if past:
        raise ApiError(400, "invalid", f"expires_on {body.expires_on} is already past", "expires_on")
    with db.transaction() as session:
        campaign = visible_campaign(body.campaign, 400, "campaign")
        unit = target_unit(body.unit)
        created = create_invitations(session, campaign, unit, body.dossier_codes, expires_at, utcnow())
        audit(session, None, "invitations_created", subject=f"campaign {campaign.slug}", unit=unit.code,
              count=len(created), api_token=current_token().name)
    return schemas.InvitationList(campaign=campaign.slug, unit=unit.code,
                                  invitations=[invitation(code, made)
                                               for code, made in zip(body.dossier_codes, created, strict=True)])


def invitation(dossier_code: str, found: Invitation) -> schemas.InvitationOut:
    """The document of `found`, made for `dossier_code` (create_invitations makes one invitation per
    code, in their order; an invitation made without a code is none of the API's)."""
    return schemas.InvitationOut(dossier_code=dossier_code, token=found.token, link=link(found.token),
                                 expires_at=aware(found.expires_at) if found.expires_at else None)


def link(token: str) -> str:
    """On PUBLIC_BASE_URL (outside production, when not set, the address the API was called at)."""
    return public_url("questionnaire.invitation", token=token)
