"""``--format=afr-github``: GitHub Actions workflow commands, one annotation per finding.

    ::error file=app/who.py,line=13,col=16,title=AFR106 face identification via Azure OpenAI::…

For repositories without code scanning: the Actions runner turns these lines into annotations on the pull
request's diff. AFR1xx are ``error``, AFR2xx and AFR901 ``warning``, AFR900 ``notice`` (other plugins' codes:
``warning``, E9xx ``error``). Values are escaped as the runner expects (``%``, CR and LF everywhere, and
``:`` and ``,`` inside properties). Suppressed findings are left out. Paths are relative to the folder flake8
runs in, so run it from the repository root.
"""

from __future__ import annotations

from .common import BufferedFormatter, Report

_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(report: Report) -> str:
    place = report.place
    title = f"{report.code} {report.title}" if report.rule else report.code
    if place.cell:
        title += f" ({place.label})"
    props = [f"file={escape_property(place.path)}"]
    if place.line:
        props.append(f"line={place.line}")
        if place.column and not place.cell:
            props.append(f"col={place.column}")
    props.append(f"title={escape_property(title)}")
    lines = [f"{report.code} {report.text}"]
    if report.request:
        kind = "wrapper call reaches request" if report.request.via_wrapper else "request"
        where = report.request.place
        lines.append(f"- {kind} {report.request.call} ({where.path} {where.label})")
    lines += [f"- {e.label} ({e.place.path} {e.place.label})" for e in report.evidence]
    return f"::{_COMMAND[report.level]} {','.join(props)}::{escape_data(chr(10).join(lines))}"


# GitHub shows 10 annotations of each kind per step: the prohibited uses go first.
_ORDER = {"error": 0, "warning": 1, "note": 2}


class GithubFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        shown = sorted((r for r in reports if not r.suppressed), key=lambda r: _ORDER[r.level])
        return "\n".join(command(r) for r in shown)
