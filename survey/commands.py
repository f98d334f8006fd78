"""The `flask` command line, grouped by noun; each command is one unit of work (`survey.cli`)."""
from flask import Flask


def register_commands(app: Flask) -> None:
    from survey.accounts.cli import users
    from survey.campaigns.cli import campaign
    from survey.demo.cli import demo
    from survey.draws.cli import draw_command
    from survey.exports.cli import codebook_command, export_command, exports
    from survey.invitations.cli import invitations
    from survey.migrate import database
    from survey.officials.cli import officials
    from survey.par_index.cli import par_index
    from survey.questionnaires.cli import questionnaire
    from survey.reports.cli import report
    from survey.reports.comments import comments_command
    from survey.responses.cli import drafts
    from survey.results.cli import analysis
    from survey.sampling.cli import sample
    from survey.tokens.cli import api_tokens
    from survey.units.cli import units
    from survey.webhooks.cli import webhooks

    for group in (database, units, questionnaire, campaign, users, demo, invitations, drafts, export_command,
                  codebook_command, exports, analysis, report, api_tokens, webhooks, sample, par_index,
                  officials):
        app.cli.add_command(group)
    sample.add_command(draw_command)
    report.add_command(comments_command)
