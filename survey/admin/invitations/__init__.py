"""A campaign's single-use invitations on the administration pages: the tally, bulk creation from
dossier codes and the CSV of links (`views`), and the random draw of dossiers (`draws`). Their
endpoints start with "admin.invitations": `survey.admin.scope` reads their `slug` as a campaign's."""
