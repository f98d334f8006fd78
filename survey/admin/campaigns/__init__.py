"""Campaigns on the administration pages: the list, the form (`form`), opening, closing and cloning
(`views`), the sample plan (`sample_plan`) and the move to the newest questionnaire version
(`versions`). Their endpoints start with "admin.campaign": `survey.admin.scope` reads the `slug` of
such an endpoint as a campaign's."""
