"""The single source of truth for every code: the checker, formatters, docs and tests read it.

Codes and slugs are a public contract (see docs/): never renumber or reuse one, deprecate instead.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

CODE_OF_CONDUCT_URL = "https://learn.microsoft.com/legal/ai-code-of-conduct"
AOAI_CODE_OF_CONDUCT_URL = "https://learn.microsoft.com/legal/cognitive-services/openai/code-of-conduct"
FACE_LIMITED_ACCESS_URL = "https://learn.microsoft.com/legal/cognitive-services/computer-vision/limited-access-identity"
# The project has no canonical web home: rule pages are named by their path in the repository (and in the
# sdist), and a team that publishes the docs points people at its own copy (docs/release.md).
DOCS_RULES_DIR = "docs/rules/"
EU_AI_ACT = "Regulation (EU) 2024/1689 (EU AI Act)"
EU_AI_ACT_TAXONOMY = "EU AI Act Article 5(1)"
EU_POINTER = "a pointer for the reader, not a legal conclusion; the code's meaning stays the Azure clause"


class Tier(enum.Enum):
    """How serious a finding is; drives SARIF levels and reviewdog severities."""

    PROHIBITED = "prohibited"
    REVIEW = "review"
    META = "meta"
    INVENTORY = "inventory"  # AFR001: not a finding, a request the analysis saw (only with the option)


@dataclass(frozen=True)
class Clause:
    slug: str
    banned: str
    scope: str
    quote: str
    exceptions: str
    sources: str
    url: str


@dataclass(frozen=True)
class EuPoint:
    """A point of Article 5(1) of the EU AI Act (prohibited practices, applicable since 2 February 2025)."""

    letter: str
    practice: str

    @property
    def ident(self) -> str:
        return f"5(1)({self.letter})"

    @property
    def label(self) -> str:
        return f"Article 5(1)({self.letter})"


EU_POINTS: dict[str, EuPoint] = {
    p.letter: p
    for p in (
        EuPoint("c", "social scoring"),
        EuPoint("d", "assessing the risk that a person commits a crime from profiling or personality traits"),
        EuPoint("f", "emotion recognition in workplaces and education"),
        EuPoint(
            "g",
            "biometric categorisation inferring race, political opinions, union membership, religion or beliefs, "
            "sex life or orientation",
        ),
        EuPoint("h", "real-time remote biometric identification in public spaces for law enforcement"),
    )
}


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    clauses: tuple[str, ...]
    title: str
    tier: Tier
    summary: str
    instead: str
    known_limits: str
    options: tuple[str, ...] = ()
    # Related EU AI Act Article 5(1) points (letters) and when they relate; see tos-clauses.md.
    eu_points: tuple[str, ...] = ()
    eu_note: str = ""

    @property
    def eu(self) -> tuple[EuPoint, ...]:
        return tuple(EU_POINTS[p] for p in self.eu_points)

    @property
    def eu_text(self) -> str:
        """One sentence naming the related Article 5(1) points, worded as a pointer."""
        if not self.eu_points:
            if not self.eu_note:
                return ""
            return f"Related {EU_AI_ACT}: {self.eu_note} ({EU_POINTER})."
        points = "; ".join(f"{p.label}, {p.practice}" for p in self.eu)
        note = f" ({self.eu_note})" if self.eu_note else ""
        return f"Related {EU_AI_ACT} point: {points}{note}. This is {EU_POINTER}."

    @property
    def clause_label(self) -> str:
        return ", ".join(self.clauses)

    @property
    def level(self) -> str:
        """SARIF level (also used for rdjson severity)."""
        if self.tier is Tier.PROHIBITED:
            return "error"
        if self.tier is Tier.REVIEW or self.code == "AFR901":
            return "warning"
        return "note"

    @property
    def docs_page(self) -> str:
        """The rule page's path in the repository and the sdist."""
        return f"{DOCS_RULES_DIR}{self.code}.md"


CLAUSES: dict[str, Clause] = {
    c.slug: c
    for c in (
        Clause(
            "us-police-frt",
            "facial recognition by, or on behalf of, a police department in the United States",
            "US police",
            "facial recognition purposes by or for a police department in the United States",
            "none; the ban is on facial recognition, not on police use of the service for other work",
            "Azure OpenAI code of conduct (May 2024); Enterprise AI Services Code of Conduct",
            AOAI_CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "le-realtime-mobile-frt",
            "real-time facial recognition on mobile cameras used by any law enforcement, anywhere",
            "law enforcement worldwide",
            "real-time facial recognition technology on mobile cameras used by any law enforcement globally",
            "fixed cameras in controlled settings are not named",
            "Azure OpenAI code of conduct (May 2024); Enterprise AI Services Code of Conduct",
            AOAI_CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "le-suspect-db-match",
            "identifying people against a database of suspects or prior inmates",
            "law enforcement worldwide",
            "attempt to identify individuals that may be present in a database of suspects or prior inmates",
            "none",
            "Azure OpenAI code of conduct (May 2024); Enterprise AI Services Code of Conduct",
            AOAI_CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "identify-verify-faces",
            "identifying or verifying who someone is from their face or other physical traits",
            "everyone",
            "identify or verify individual identities based on media containing people's faces",
            "some uses only with Microsoft's Limited Access approval",
            "Azure OpenAI code of conduct; Enterprise AI Services Code of Conduct; Face Limited Access",
            CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "emotion-inference",
            "inferring a person's emotional state from face, movements, physiology or behaviour",
            "everyone",
            "infer people's emotional states based on their facial expressions or facial movements",
            "not about the sentiment of written text",
            "Azure OpenAI code of conduct (May 2024); Enterprise AI Services Code of Conduct",
            CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "sensitive-attributes",
            "inferring gender, race, nationality, religion or a specific age from images of people",
            "everyone",
            "infer sensitive attributes such as gender, race, or specific age from images or videos of people",
            "age range, mouth position (smile or frown) and hair colour are allowed",
            "Azure OpenAI code of conduct (May 2024); Enterprise AI Services Code of Conduct",
            CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "biometric-categorization",
            "categorising people by biometric data to infer race, opinions, beliefs or sexual orientation",
            "everyone",
            "categorize people based on their biometric data to infer characteristics or affiliations",
            "none",
            "Azure OpenAI code of conduct (May 2024); Enterprise AI Services Code of Conduct",
            CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "surveillance-tracking",
            "ongoing surveillance or persistent tracking of an individual with personal or biometric data",
            "everyone",
            "persistent tracking of an individual using their personal information, including biometric data",
            "the person's valid consent",
            "Azure OpenAI code of conduct (May 2024); Enterprise AI Services Code of Conduct",
            CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "criminality-profiling",
            "predicting that a person will commit a crime, or scoring people socially, from face or personal traits",
            "everyone",
            "predict the likelihood that a person will commit a crime based on profiling or personality traits",
            "none",
            "Enterprise AI Services Code of Conduct",
            CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "review",
            "not banned as such: a use that a person should confirm against the terms",
            "everyone",
            "",
            "",
            "flake8-azure-frt review policy",
            CODE_OF_CONDUCT_URL,
        ),
        Clause(
            "inventory",
            "not a clause: a request to Azure OpenAI that the analysis found, listed whether or not a code applies",
            "",
            "",
            "",
            "flake8-azure-frt",
            "",
        ),
        Clause(
            "meta",
            "not a clause: about the analysis or its suppressions",
            "",
            "",
            "",
            "flake8-azure-frt",
            "",
        ),
    )
}

RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "AFR001",
            "azure-openai-request",
            ("inventory",),
            "Azure OpenAI request",
            Tier.INVENTORY,
            "Only with `--azure-frt-inventory`: one entry per Azure OpenAI request the analysis found, on the line "
            "where the request call starts, whether or not a finding was raised. The message names the surface, "
            "the deployment or model and the endpoint host when the code shows them (values from the environment "
            "by their variable name only, never a key or token), the media sent and where it comes from, the "
            "purposes and context found, and the codes raised or why none.",
            "Nothing to fix: it answers 'did the linter see this request?'. Run it once on a project to see what "
            "the analysis sees, and feed it to the AI-BOM (`--format=afr-cyclonedx`).",
            "A request the analysis does not recognise is not listed (see the limits page and "
            "`azure-frt-extra-clients`); a request reached only through a plain OpenAI or other provider's client "
            "is listed only with `azure-frt-all-openai`. Never baselined; a `# noqa: AFR001` needs no reason.",
            ("azure-frt-inventory",),
        ),
        Rule(
            "AFR101",
            "us-police-facial-recognition",
            ("us-police-frt",),
            "US police facial recognition via Azure OpenAI",
            Tier.PROHIBITED,
            "A request asks to identify or verify people by face, in code built by or for police in the "
            "United States (or police whose country the code does not show).",
            "Remove the identification step; police work on text, audio or scene descriptions is allowed.",
            "Police context is read from the whole module; a police word in an unrelated string still counts.",
            ("azure-frt-jurisdiction", "azure-frt-law-enforcement"),
            eu_points=("h",),
            eu_note="when the use is real-time and in public spaces",
        ),
        Rule(
            "AFR102",
            "law-enforcement-realtime-mobile-facial-recognition",
            ("le-realtime-mobile-frt",),
            "real-time facial recognition on a law-enforcement mobile camera",
            Tier.PROHIBITED,
            "Frames from a live body-worn, dash-mounted, handheld or drone camera reach a request that asks "
            "to identify people, in law-enforcement code.",
            "Do not identify people from live mobile cameras; describe scenes without identity instead.",
            "Live frames are recognised from cv2.VideoCapture on a device or stream read in a loop, or from "
            "words such as live/real-time; mobile cameras from words such as bodycam or dashcam.",
            ("azure-frt-law-enforcement",),
            eu_points=("h",),
        ),
        Rule(
            "AFR103",
            "law-enforcement-suspect-database-match",
            ("le-suspect-db-match",),
            "face match against a suspect or inmate gallery",
            Tier.PROHIBITED,
            "A request asks to identify people while the code works with a gallery of suspects, prior "
            "inmates, mugshots, booking photos, wanted people, BOLO or watch lists.",
            "Do not match faces against such galleries with Azure OpenAI.",
            "The gallery is read from the whole module (names, strings, paths).",
            eu_points=("h",),
            eu_note="when the use is real-time and in public spaces",
        ),
        Rule(
            "AFR104",
            "emotion-inference",
            ("emotion-inference",),
            "emotion inference via Azure OpenAI",
            Tier.PROHIBITED,
            "A request with an image of a person asks for their emotional state from face, expression, body "
            "or behaviour.",
            "Describe visible facts (smiling, frowning) or analyse the sentiment of written text instead.",
            "Mouth position (smile or frown) is allowed and not flagged.",
            eu_points=("f",),
            eu_note="outside workplaces and education it is Annex III high-risk rather than prohibited",
        ),
        Rule(
            "AFR105",
            "sensitive-attribute-inference",
            ("sensitive-attributes", "biometric-categorization"),
            "sensitive attribute inference from images of people",
            Tier.PROHIBITED,
            "A request with an image of a person asks for gender or sex, race or ethnicity, nationality, "
            "religion, exact age, sexual orientation, political opinion or union membership.",
            "Ask for an age range, mouth position or hair colour only, or nothing about the person.",
            "Age ranges are allowed; 'exact age', 'how old' and 'estimate the age' without a range are flagged.",
            eu_points=("g",),
            eu_note="gender and age are not in (g)",
        ),
        Rule(
            "AFR106",
            "face-identification-verification",
            ("identify-verify-faces",),
            "face identification via Azure OpenAI",
            Tier.PROHIBITED,
            "A request with an image asks who someone is, to name them, to recognise, match or compare faces, "
            "or to verify that two images show the same person.",
            "Describe the scene without naming anyone; use Azure AI Face under Limited Access for approved "
            "verification.",
            "Identification is recognised from phrases plus an image or a visual word (face, photo, frame).",
            eu_note="no Article 5 point of its own; remote biometric identification is Annex III point 1(a)",
        ),
        Rule(
            "AFR107",
            "biometric-tracking-surveillance",
            ("surveillance-tracking",),
            "biometric tracking of individuals via Azure OpenAI",
            Tier.PROHIBITED,
            "A request with images asks to track, follow, monitor or re-identify an individual across frames, "
            "cameras or time.",
            "Count people or track objects and vehicles; do not follow individuals.",
            "Tracking of vehicles, parcels and objects is not flagged.",
            eu_points=("h",),
            eu_note="where real-time identification is part of the tracking",
        ),
        Rule(
            "AFR108",
            "criminality-profiling",
            ("criminality-profiling",),
            "criminality or social-score inference from images of people",
            Tier.PROHIBITED,
            "A request with an image of a person asks to predict criminality, dangerousness, likelihood to "
            "offend or a social score from their face, body or appearance.",
            "Describe visible actions (someone climbing a fence) without judging the person's character or risk.",
            "Describing visible behaviour is not flagged; only predictions about the person are.",
            eu_points=("d", "c"),
        ),
        Rule(
            "AFR201",
            "law-enforcement-image-review",
            ("review",),
            "law-enforcement image analysis needs review",
            Tier.REVIEW,
            "Law-enforcement code sends person or scene images to Azure OpenAI; no prohibited purpose was found, "
            "so a person should confirm the use.",
            "Record the review (for example with a noqa reason) once the use is confirmed.",
            "Fires on any image request in law-enforcement code.",
            ("azure-frt-law-enforcement",),
        ),
        Rule(
            "AFR202",
            "law-enforcement-live-camera-review",
            ("review",),
            "law-enforcement live camera analysis needs review",
            Tier.REVIEW,
            "Frames from a live or mobile camera reach Azure OpenAI in law-enforcement code; no prohibited purpose "
            "was found.",
            "Confirm that no identification happens, and record the review.",
            "Live and mobile cameras are recognised as for AFR102.",
            ("azure-frt-law-enforcement",),
        ),
        Rule(
            "AFR203",
            "face-crop-review",
            ("review",),
            "face crops reach Azure OpenAI",
            Tier.REVIEW,
            "Face crops cut out by a face detector (OpenCV, face_recognition, dlib, mediapipe, deepface, "
            "Azure Face …) are sent un-blurred to Azure OpenAI; no prohibited purpose was found.",
            "Blur or redact faces before upload, or send the whole scene.",
            "A blur or redaction step anywhere in the module silences this code.",
        ),
        Rule(
            "AFR900",
            "analysis-incomplete",
            ("meta",),
            "analysis incomplete",
            Tier.META,
            "The file parses as Python but could not be analysed (libcst could not parse it, a limit was hit, "
            "or an internal error); the reason is in the message.",
            "Split the file or raise the limit; report internal errors to the maintainers.",
            "A file that Python itself cannot parse gets flake8's E999 instead.",
        ),
        Rule(
            "AFR901",
            "suppression-without-reason",
            ("meta",),
            "suppression without a reason",
            Tier.META,
            "A `# noqa` comment names an AFR code but gives no reason after ` -- `.",
            "Write the reason: `# noqa: AFR106 -- Limited Access approval LA-2291`.",
            "A blanket `# noqa` or `# noqa: AFR` also hides AFR901 on its line; audit with --disable-noqa.",
        ),
    )
}

PROHIBITED_CODES: tuple[str, ...] = tuple(c for c, r in RULES.items() if r.tier is Tier.PROHIBITED)
REVIEW_CODES: tuple[str, ...] = tuple(c for c, r in RULES.items() if r.tier is Tier.REVIEW)
# Codes that list what the analysis saw rather than report a use: never baselined, no noqa reason needed.
INVENTORY_CODES: tuple[str, ...] = tuple(c for c, r in RULES.items() if r.tier is Tier.INVENTORY)
INVENTORY_CODE = "AFR001"
# The code each purpose of the lexicon (``lexicon.table.PURPOSES``) raises on its own, with person media: the
# one map from purpose to code (rules.py builds those predicates from it; the vocabulary page and tests read it).
PURPOSE_CODES: dict[str, str] = {
    "identify": "AFR106",
    "emotion": "AFR104",
    "sensitive": "AFR105",
    "track": "AFR107",
    "criminality": "AFR108",
}


def rule(code: str) -> Rule:
    return RULES[code]
