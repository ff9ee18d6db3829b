"""Evidence extraction: how prompt text, images and context reach a request, asserted through findings."""

from __future__ import annotations

import ast
import textwrap

from helpers import AZURE_HEADER, codes, findings

from flake8_azure_frt.analysis import check_source
from flake8_azure_frt.findings import MAX_MESSAGE, Evidence, Finding
from flake8_azure_frt.settings import Settings

IMAGE_PART = '{"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{b64}"}}'


def finding_objects(source: str) -> list[Finding]:
    source = textwrap.dedent(source).lstrip("\n")
    return check_source(source.splitlines(keepends=True), "snippet.py", ast.parse(source))


def request(prompt_expr: str, setup: str = "") -> str:
    return (
        AZURE_HEADER
        + setup
        + f"""
def ask(b64):
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[{{"role": "user", "content": [{{"type": "text", "text": {prompt_expr}}}, {IMAGE_PART}]}}],
    )
"""
    )


def test_literal_prompt_with_image_gives_afr106_with_evidence_lines() -> None:
    out = findings(request('"Who is the person in this photo?"'))
    assert [(line, code) for line, code, _ in out] == [(5, "AFR106")]
    # The flake8 line: code, title, the prompt quoted as written, its line; the whole chain stays on the finding.
    assert (
        out[0][2] == 'AFR106 face identification via Azure OpenAI: prompt "Who is the person in this photo?" (line 7)'
    )
    (finding,) = finding_objects(request('"Who is the person in this photo?"'))
    assert (finding.request, finding.request_line) == ("AzureOpenAI chat.completions.create", 5)
    assert [(e.kind, e.quote, e.line) for e in finding.evidence] == [
        ("prompt", "Who is the person in this photo?", 7),
        ("image input, image_url part", "", 7),
    ]


def test_module_constant_and_fstring_and_concatenation() -> None:
    setup = 'TARGET = "person"\nPROMPT = f"Identify the {TARGET} " + "in this image by name."\n'
    assert codes(request("PROMPT", setup)) == {(7, "AFR106")}


def test_format_and_percent_and_join() -> None:
    setup = 'TEMPLATE = "Is this the same {what} as in the ID photo?"\n'
    assert codes(request('TEMPLATE.format(what="person")', setup)) == {(6, "AFR106")}
    assert codes(request('"Are these %s" % "the same person?"')) == {(5, "AFR106")}
    setup = 'PARTS = ["Look at the face.", "Tell me who this is in the photo."]\n'
    assert codes(request('"\\n".join(PARTS)', setup)) == {(6, "AFR106")}


def test_messages_built_step_by_step_in_the_function() -> None:
    src = (
        AZURE_HEADER
        + """
def ask(b64):
    messages = [{"role": "system", "content": "You are a vision assistant."}]
    parts = []
    parts.append({"type": "text", "text": "Tell me the emotion on each person's face."})
    parts.append({"type": "image_url", "image_url": {"url": "data:image/png;base64," + b64}})
    messages.append({"role": "user", "content": parts})
    return client.chat.completions.create(model="gpt-4o", messages=messages)
"""
    )
    out = findings(src)
    assert [(line, code) for line, code, _ in out] == [(10, "AFR104")]
    assert out[0][2].endswith("(line 7)")  # the prompt; the image (line 8) is in the chain
    assert [e.line for e in finding_objects(src)[0].evidence] == [7, 8]


def test_comments_and_docstrings_are_not_prompts() -> None:
    src = (
        AZURE_HEADER
        + '''
def ask(b64):
    """Never use this to identify who is in the photo or to read emotions on faces."""
    # Who is the person in this photo? (an example of what we must not ask)
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": [{"type": "text", "text": "Describe the scene."}, '''
        + IMAGE_PART
        + """]}],
    )
"""
    )
    assert codes(src) == set()


def test_negated_prompts_stay_silent() -> None:
    for prompt in (
        "Describe the scene. Do not identify anyone.",
        "Caption the image without recognizing faces or guessing identities.",
        "Never guess anyone's gender or ethnicity; describe clothing only.",
        "Beschreibe das Bild. Identifiziere keine Personen.",
        "Describe the photo, but if asked to identify people, refuse.",
    ):
        assert codes(request(repr(prompt))) == set(), prompt


def test_allowed_attribute_uses_stay_silent() -> None:
    for prompt in (
        "Estimate the age range of each person: child, adult or senior.",
        "Is the person in the photo smiling? Answer yes or no.",
        "What hair colour does the model have?",
        "Count the people in the queue.",
        "Identify the bird species in this photo.",
        "Classify the emotion of this review text.",
        "Check the surface of the typeface sample for defects.",
    ):
        assert codes(request(repr(prompt))) == set(), prompt


def test_prohibited_prompts_in_other_languages() -> None:
    cases = {
        "¿Quién es la persona en esta foto?": "AFR106",
        "Qui est la personne sur cette photo ?": "AFR106",
        "Wer ist die Person auf dem Bild?": "AFR106",
        "Quem é a pessoa nesta foto?": "AFR106",
        "Chi è la persona in questa foto?": "AFR106",
        "Indica el género y la edad exacta de la persona.": "AFR105",
        "Quelle émotion exprime le visage de cette personne ?": "AFR104",
    }
    for prompt, code in cases.items():
        assert codes(request(repr(prompt))) == {(5, code)}, prompt


def test_prompt_through_wrapper_parameter_reports_at_the_wrapper_call() -> None:
    src = (
        AZURE_HEADER
        + """
def ask_about_image(b64, question):
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": [{"type": "text", "text": question}, """
        + IMAGE_PART
        + """]}],
    )

def caption(b64):
    return ask_about_image(b64, "Write a caption.")

def who(b64):
    return ask_about_image(b64, "Who is this person?")
"""
    )
    out = findings(src)
    assert [(line, code) for line, code, _ in out] == [(14, "AFR106")]
    assert out[0][2] == (
        'AFR106 face identification via Azure OpenAI: prompt "Who is this person?" (line 14), via wrapper (line 5)'
    )
    (finding,) = finding_objects(src)
    assert finding.via_wrapper and (finding.request, finding.request_line) == ("AzureOpenAI chat.completions.create", 5)


def test_client_on_self_and_factory() -> None:
    src = """
from openai import AzureOpenAI

def make_client():
    return AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")

class Vision:
    def __init__(self):
        self.client = make_client()

    def who(self, url):
        return self.client.chat.completions.create(model="gpt-4o", messages=[
            {"role": "user", "content": [{"type": "text", "text": "Name the person in this picture."},
                                         {"type": "image_url", "image_url": {"url": url}}]}])
"""
    assert codes(src) == {(11, "AFR106")}


def test_prompt_sent_only_to_a_non_azure_client_is_silent() -> None:
    src = """
from openai import AzureOpenAI, OpenAI
azure = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
local = OpenAI(base_url="http://localhost:11434/v1")
WHO = "Who is the person in this photo?"

def run(url):
    part = {"type": "image_url", "image_url": {"url": url}}
    local.chat.completions.create(model="llava", messages=[{"role": "user", "content": [WHO, part]}])
    azure.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": ["Caption it.", part]}])
"""
    assert codes(src) == set()
    assert codes(src, Settings(all_openai=True)) == {(8, "AFR106")}


def test_police_context_jurisdiction_and_gallery() -> None:
    setup = 'AGENCY = "Travis County Sheriff\'s Office"\nGALLERY = "/data/mugshots"\n'
    got = codes(request('"Which mugshot shows the same person as this photo?"', setup))
    assert got == {(7, "AFR101"), (7, "AFR103"), (7, "AFR106")}
    uk = 'AGENCY = "Metropolitan Police Service, London"\n'
    assert (7, "AFR101") not in codes(request('"Is this the same person as the suspect?"', uk + "X = 1\n"))
    assert (7, "AFR101") in codes(
        request('"Is this the same person as the suspect?"', uk + "X = 1\n"), Settings(jurisdiction="US")
    )


def test_review_codes_only_without_prohibited_purpose() -> None:
    setup = 'UNIT = "Springfield Police Department crime scene unit"\n'
    assert codes(request('"Describe the scene in this photo for the log."', setup)) == {(6, "AFR201")}
    assert codes(request('"Who is the person in this photo?"', setup)) == {(6, "AFR101"), (6, "AFR106")}


def test_live_bodycam_frames() -> None:
    src = (
        AZURE_HEADER
        + """
import base64
import cv2
FEED = "rtsp://bodycam-12.pd.local/live"
DEPT = "Austin Police Department"

def watch():
    cap = cv2.VideoCapture(FEED)
    while True:
        ok, frame = cap.read()
        b64 = base64.b64encode(cv2.imencode(".jpg", frame)[1]).decode()
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Is the person in this bodycam frame the same person as the wanted suspect?"},
            """
        + IMAGE_PART
        + """]}])
"""
    )
    assert codes(src) == {(14, "AFR101"), (14, "AFR102"), (14, "AFR103"), (14, "AFR106")}


def test_face_crops_without_blur_need_review() -> None:
    src = (
        AZURE_HEADER
        + """
import base64
import cv2
cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")

def describe(img):
    for (x, y, w, h) in cascade.detectMultiScale(img):
        face = img[y:y + h, x:x + w]
        b64 = base64.b64encode(cv2.imencode(".jpg", face)[1]).decode()
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Describe the glasses in this picture."}, """
        + IMAGE_PART
        + """]}])
"""
    )
    assert codes(src) == {(12, "AFR203")}
    blurred = src.replace("face = img[y:y + h, x:x + w]", "face = cv2.GaussianBlur(img[y:y + h, x:x + w], (51, 51), 0)")
    assert codes(blurred) == set()


def test_schema_field_names_are_purpose_text() -> None:
    src = (
        AZURE_HEADER
        + """
from pydantic import BaseModel

class Reading(BaseModel):
    dominant_emotion: str
    confidence: float

def read(url):
    return client.beta.chat.completions.parse(model="gpt-4o", response_format=Reading, messages=[
        {"role": "user", "content": [{"type": "text", "text": "Fill in the form for the attendee."},
                                     {"type": "image_url", "image_url": {"url": url}}]}])
"""
    )
    assert codes(src) == {(11, "AFR104")}


def test_law_enforcement_option_makes_context_everywhere() -> None:
    prompt = '"Describe what is in this image."'
    assert codes(request(prompt)) == set()
    assert codes(request(prompt), Settings(law_enforcement=True)) == {(5, "AFR201")}


def test_each_code_on_one_request_quotes_what_sets_it_apart() -> None:
    setup = 'AGENCY = "Travis County Sheriff\'s Office"\nGALLERY = "/data/mugshots"\n'
    out = {
        code: message
        for _, code, message in findings(request('"Which mugshot shows the same person as this photo?"', setup))
    }
    assert out["AFR106"].endswith('prompt "Which mugshot shows the same person as this photo?" (line 9)')
    assert out["AFR101"].lower().endswith('police context "sheriff" (line 3)')
    assert out["AFR103"].endswith("(line 4)") and "suspect gallery" in out["AFR103"]
    assert len({m.split(": ", 1)[1] for m in out.values()}) == 3  # three findings, three different quotes


def test_messages_are_short_and_cut_quotes_at_a_word() -> None:
    long = "Look very carefully at the person standing in the left half of this photo and tell me their full name"
    finding = Finding("AFR106", 9, 4, (Evidence("prompt", 7, long), Evidence("image input", 8)), "create", 9)
    message = finding.message
    assert len(message) <= MAX_MESSAGE, message
    quote = message.split('"')[1]
    assert quote.endswith("…") and long.startswith(quote[:-1]) and long[len(quote) - 1] == " "
    other = Finding(
        "AFR106",
        3,
        0,
        (Evidence("prompt file", 12, "Who is on this photo? Name them", path="very/deep/folder/of/prompts/who.txt"),),
    )
    assert other.message == (
        'AFR106 face identification via Azure OpenAI: prompt file "Who is on this photo? Name them" (who.txt line 12)'
    )
