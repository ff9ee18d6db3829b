"""Short examples for the rule pages (docs/rules/AFRnnn.md), one flagged and one compliant program per code.

Each is a whole file, so tests can run flake8 on it: ``bad`` must report exactly the codes in ``fires``
and ``good`` exactly those in ``good_fires``, so the pages never claim what the checker does not do.
Kept here rather than in the fixtures so that the pages stay short.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    bad: str
    good: str
    fires: tuple[str, ...]
    note: str = ""
    good_fires: tuple[str, ...] = ()  # review codes the compliant version still reports
    see_also: tuple[str, ...] = ()
    language: str = "python"  # anything else is shown but not run by the tests

    @property
    def runnable(self) -> bool:
        return self.language == "python"


def _module(line: str) -> str:
    return line.split()[1]


def _client(stdlib: str = "", third_party: str = "") -> str:
    imports = sorted(["import os", *(f"import {m}" for m in stdlib.split())])
    others = sorted([*(f"import {m}" for m in third_party.split()), "from openai import AzureOpenAI"], key=_module)
    return (
        "\n".join(imports)
        + "\n\n"
        + "\n".join(others)
        + """

client = AzureOpenAI(
    azure_endpoint="https://contoso.openai.azure.com",
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-06-01",
)
"""
    )


_CLIENT = _client()


_RETURN = "return response.choices[0].message.content"
_PRINT = "print(response.choices[0].message.content)"
_APPEND = "answers.append(response.choices[0].message.content)"


def _image_request(
    prompt: str, system: str = "", indent: str = "    ", url: str = "photo_url", tail: str = _RETURN
) -> str:
    system_line = f'{indent}        {{"role": "system", "content": "{system}"}},\n' if system else ""
    return (
        f"{indent}response = client.chat.completions.create(\n"
        f'{indent}    model="gpt-4o",\n'
        f"{indent}    messages=[\n"
        f"{system_line}"
        f'{indent}        {{"role": "user", "content": [\n'
        f'{indent}            {{"type": "text", "text": "{prompt}"}},\n'
        f'{indent}            {{"type": "image_url", "image_url": {{"url": {url}}}}},\n'
        f"{indent}        ]}},\n"
        f"{indent}    ],\n"
        f"{indent})\n"
        f"{indent}{tail}\n"
    )


def _text_request(prompt_expr: str, system: str = "") -> str:
    system_line = f'            {{"role": "system", "content": "{system}"}},\n' if system else ""
    return (
        "    response = client.chat.completions.create(\n"
        '        model="gpt-4o",\n'
        "        messages=[\n"
        f"{system_line}"
        f'            {{"role": "user", "content": {prompt_expr}}},\n'
        "        ],\n"
        "    )\n"
        "    return response.choices[0].message.content\n"
    )


_US_POLICE = "You assist detectives of the Austin Police Department in Texas."
_PATROL = "You support patrol officers of the state police on the road."

_CV = _client("base64", "cv2")
_CAMERA_LOOP = """
camera = cv2.VideoCapture("rtsp://bodycam-17.patrol.internal/live")


def watch_bodycam() -> None:
    while True:
        ok, frame = camera.read()
        if not ok:
            break
        photo_url = "data:image/jpeg;base64," + base64.b64encode(cv2.imencode(".jpg", frame)[1]).decode()
"""

_FACE_DETECTOR = """
detector = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")


def describe_people(path: str) -> list[str]:
    image = cv2.imread(path)
    answers = []
    for x, y, w, h in detector.detectMultiScale(image):
"""

_GALLERY = """\
BOOKING_PHOTOS = "/srv/records/booking_photos"


def match_mugshots(probe_url: str, mugshot_urls: list[str]) -> str:
    content = [{"type": "text", "text": "Which of these booking photos shows the same person as the first image?"}]
    for url in [probe_url, *mugshot_urls]:
        content.append({"type": "image_url", "image_url": {"url": url}})
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": content}],
    )
    return response.choices[0].message.content
"""

EXAMPLES: dict[str, Example] = {
    "AFR101": Example(
        bad=_CLIENT
        + "\n\ndef identify_suspect(photo_url: str) -> str:\n"
        + _image_request("Identify the person in this photo and tell us their name.", _US_POLICE),
        good=_CLIENT
        + "\n\ndef summarize_report(report_text: str) -> str:\n"
        + _text_request('"Summarize this incident report in five bullet points:\\n" + report_text', _US_POLICE),
        fires=("AFR101", "AFR106"),
        note="The same request also breaks the general identification clause, so AFR106 is reported as well.",
        see_also=("AFR106", "AFR103", "AFR201"),
    ),
    "AFR102": Example(
        bad=_CV
        + _CAMERA_LOOP
        + _image_request(
            "Who is the person in front of the officer? Match their face.", _PATROL, indent="        ", tail=_PRINT
        ),
        good=_CV
        + _CAMERA_LOOP
        + _image_request("List the vehicles and road hazards in this frame.", _PATROL, indent="        ", tail=_PRINT),
        fires=("AFR102", "AFR101", "AFR106"),
        note="Frames read from a live body-worn camera in a loop are sent as they arrive. The code does not show "
        "the police's country, so AFR101 is reported too; `azure-frt-jurisdiction` settles it.",
        good_fires=("AFR201", "AFR202"),
        see_also=("AFR202", "AFR101", "AFR106"),
    ),
    "AFR103": Example(
        bad=_CLIENT + "\n\n" + _GALLERY,
        good=_CLIENT
        + "\n\ndef summarize_booking(record_text: str) -> str:\n"
        + _text_request('"Summarize the charges listed in this booking record:\\n" + record_text'),
        fires=("AFR103", "AFR101", "AFR106"),
        see_also=("AFR101", "AFR106"),
    ),
    "AFR104": Example(
        bad=_CLIENT
        + "\n\ndef classroom_mood(photo_url: str) -> str:\n"
        + _image_request(
            "Look at each student's facial expression and tell me how they feel: bored, anxious or happy."
        ),
        good=_CLIENT
        + "\n\ndef feedback_sentiment(feedback: str) -> str:\n"
        + _text_request(
            '"Classify the sentiment of this written course feedback as positive, neutral or negative:\\n" + feedback'
        ),
        fires=("AFR104",),
        note="Sentiment of written text is allowed; the emotional state of a pictured person is not.",
        see_also=("AFR105",),
    ),
    "AFR105": Example(
        bad=_CLIENT
        + "\n\ndef audience_profile(photo_url: str) -> str:\n"
        + _image_request("For each person in this photo, state their race, gender and religion."),
        good=_CLIENT
        + "\n\ndef audience_profile(photo_url: str) -> str:\n"
        + _image_request("For each person in this photo, describe their clothing and hair colour."),
        fires=("AFR105",),
        see_also=("AFR104",),
    ),
    "AFR106": Example(
        bad=_CLIENT
        + "\n\ndef who_is_this(photo_url: str) -> str:\n"
        + _image_request("Identify the person in this photo and give their full name."),
        good=_CLIENT
        + "\n\ndef alt_text(photo_url: str) -> str:\n"
        + _image_request("Write alt text for a screen reader that describes the scene in this photo."),
        fires=("AFR106",),
        see_also=("AFR101", "AFR103", "AFR901"),
    ),
    "AFR107": Example(
        bad=_CLIENT
        + "\n\ndef follow(photo_url: str) -> str:\n"
        + _image_request("Track the man in the red jacket across these camera frames and report where he goes."),
        good=_CLIENT
        + "\n\ndef footfall(photo_url: str) -> str:\n"
        + _image_request("Count the people in this camera frame."),
        fires=("AFR107",),
        see_also=("AFR106",),
    ),
    "AFR108": Example(
        bad=_CLIENT
        + "\n\ndef risk_screen(photo_url: str) -> str:\n"
        + _image_request("Based on his face, how likely is the man in this photo to commit a crime?"),
        good=_CLIENT
        + "\n\ndef perimeter(photo_url: str) -> str:\n"
        + _image_request("Is anyone in this camera frame climbing the fence? Answer yes or no."),
        fires=("AFR108",),
        see_also=("AFR105",),
    ),
    "AFR201": Example(
        bad=_CLIENT
        + "\n\ndef damage_report(photo_url: str) -> str:\n"
        + _image_request("Describe the damage to the vehicle in this evidence photo.", _US_POLICE),
        good=_CLIENT
        + "\n\ndef damage_report(photo_url: str) -> str:\n"
        + _image_request("Describe the damage to the vehicle in this evidence photo.", _US_POLICE).replace(
            "response = client.chat.completions.create(",
            "response = client.chat.completions.create(  # noqa: AFR201 -- vehicle damage only, review LEG-2024-17",
        ),
        fires=("AFR201",),
        note="Nothing prohibited is asked; a person should confirm that and record it.",
        see_also=("AFR101", "AFR202"),
    ),
    "AFR202": Example(
        bad=_CV
        + _CAMERA_LOOP
        + _image_request("List the vehicles and road hazards in this frame.", _PATROL, indent="        ", tail=_PRINT),
        good=_CV
        + _CAMERA_LOOP
        + _image_request(
            "List the vehicles and road hazards in this frame.", _PATROL, indent="        ", tail=_PRINT
        ).replace(
            "response = client.chat.completions.create(",
            "response = client.chat.completions.create(  # noqa: AFR201,AFR202 -- hazards only, review LEG-2024-18",
        ),
        fires=("AFR202", "AFR201"),
        see_also=("AFR102", "AFR201"),
    ),
    "AFR203": Example(
        bad=_CV
        + _FACE_DETECTOR
        + "        crop = image[y : y + h, x : x + w]\n"
        + '        photo_url = "data:image/jpeg;base64," + base64.b64encode(cv2.imencode(".jpg", crop)[1]).decode()\n'
        + _image_request("Describe the hairstyle and accessories in this picture.", indent=" " * 8, tail=_APPEND)
        + "    return answers\n",
        good=_CV
        + _FACE_DETECTOR
        + "        image[y : y + h, x : x + w] = cv2.GaussianBlur(image[y : y + h, x : x + w], (51, 51), 0)\n"
        + '    photo_url = "data:image/jpeg;base64," + base64.b64encode(cv2.imencode(".jpg", image)[1]).decode()\n'
        + _image_request("Describe the hairstyle and accessories of the people in this picture.", tail=_APPEND)
        + "    return answers\n",
        fires=("AFR203",),
        note="Faces found by a detector are cut out and sent one by one, unblurred.",
        see_also=("AFR106",),
    ),
    "AFR001": Example(
        bad="$ flake8 --azure-frt-inventory=true --select=AFR describe.py\n"
        "describe.py:13:16: AFR001 Azure OpenAI request: chat.completions.create (deployment gpt-4o, host "
        "contoso.openai.azure.com); no code: images, no purpose found; media: images via image_url part (line 20), "
        "from parameter photo_url; purposes: none",
        good="[flake8]\n# list every Azure OpenAI request the analysis sees, with or without a finding\n"
        "azure-frt-inventory = true",
        fires=("AFR001",),
        note="The request sends an image but asks for no prohibited purpose: it is listed, and nothing else is "
        "reported. Without the option the same run prints nothing.",
        see_also=("AFR106", "AFR900"),
        language="text",
    ),
    "AFR900": Example(
        bad="$ flake8 --select=AFR --azure-frt-max-file-bytes=200000 generated_client.py\n"
        "generated_client.py:1:1: AFR900 analysis incomplete [meta]: "
        "file larger than the limit of 200000 bytes (azure-frt-max-file-bytes)",
        good="[flake8]\n# generated_client.py is 450 kB\nazure-frt-max-file-bytes = 1000000",
        fires=("AFR900",),
        note="A file that was not analysed is reported, never silently passed.",
        see_also=("AFR901",),
        language="text",
    ),
    "AFR901": Example(
        bad=_CLIENT
        + "\n\ndef verify(photo_url: str) -> str:\n"
        + _image_request("Describe the scene in this photo.").replace(
            "response = client.chat.completions.create(", "response = client.chat.completions.create(  # noqa: AFR106"
        ),
        good=_CLIENT
        + "\n\ndef verify(photo_url: str) -> str:\n"
        + _image_request("Describe the scene in this photo.").replace(
            "response = client.chat.completions.create(",
            "response = client.chat.completions.create(  # noqa: AFR106 -- Limited Access approval LA-2291",
        ),
        fires=("AFR901",),
        note="The reason follows ` -- ` after the codes.",
        see_also=("AFR900",),
    ),
}
