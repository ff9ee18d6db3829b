"""The surface data and the edges of the newer surfaces: what must be recognised, and what must not."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from fixture_runner import ROOT

from flake8_azure_frt import surfaces
from flake8_azure_frt.analysis import check_source
from flake8_azure_frt.settings import Settings

WHO = "Identify the person in this photo and give their full name."


def run(folder: Path, files: dict[str, str], target: str) -> set[tuple[int, str]]:
    """Write a small project and check one of its files (by absolute path: the test's cwd is elsewhere)."""
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    path = folder / target
    source = path.read_text(encoding="utf-8")
    settings = Settings(project_root=str(folder))
    found = check_source(source.splitlines(keepends=True), str(path), ast.parse(source), settings)
    return {(f.line, f.code) for f in found}


# ---------------------------------------------------------------------------------------------- the data
def test_client_classes_come_from_the_surfaces() -> None:
    clients = {qn for s in surfaces.SURFACES if s.role == "client" for qn in s.entry}
    assert set(surfaces.CLIENT_CLASSES) == clients
    assert surfaces.CLIENT_CLASSES["openai.OpenAI"] == ("openai", "endpoint")
    assert surfaces.CLIENT_CLASSES["azure.ai.agents.AgentsClient"] == ("foundry_agents", "always")


def test_a_class_cannot_mean_two_things() -> None:
    twin = surfaces.Surface("x", "p", ("openai.AzureOpenAI",), "c", "p", "", kind="langchain")
    saved = surfaces.SURFACES
    try:
        surfaces.SURFACES = (*saved, twin)
        with pytest.raises(ValueError, match=r"openai\.AzureOpenAI"):
            surfaces._client_classes()
    finally:
        surfaces.SURFACES = saved


def test_text_only_surfaces_are_marked() -> None:
    text_only = {s.id for s in surfaces.SURFACES if not s.images}
    assert text_only == {
        "openai-completions-text",
        "openai-embeddings-text",
        "langchain-azure-openai-llm-text",
        "haystack-generator-text",
    }


def test_every_conformance_program_contains_a_request_stem_of_its_surface() -> None:
    """The prefilter reads REQUEST_STEMS: a program of a surface that names none of them would be skipped."""
    assert all(stem == stem.lower() for stem in surfaces.REQUEST_STEMS)
    for s in surfaces.SURFACES:
        stems = s.stems or {qn.split(".")[0].lower() for qn in s.entry}
        assert set(stems) <= set(surfaces.REQUEST_STEMS)
        for twin in ("positive", "allowed"):
            low = (ROOT / "fixtures" / "conformance" / s.id / f"{twin}.py").read_text(encoding="utf-8").lower()
            assert any(stem in low for stem in stems), (s.id, twin)


# ---------------------------------------------------------------------------------------------- wrappers
WRAPPER = """
import base64


class Describer:
    def __init__(self, client, deployment):
        self.client = client
        self.deployment = deployment

    def ask(self, jpeg, question):
        url = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()
        return self.client.chat.completions.create(
            model=self.deployment,
            messages=[{"role": "user", "content": [{"type": "text", "text": question},
                                                    {"type": "image_url", "image_url": {"url": url}}]}],
        )

    def fixed(self, jpeg):
        return self.ask(jpeg, "Describe the weather in this photo.")
"""


def test_wrapper_class_without_annotations_takes_its_client_from_the_constructor(tmp_path: Path) -> None:
    app = f'''
    from openai import AzureOpenAI
    from describer import Describer

    d = Describer(AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21"), "gpt-4o")
    d.fixed(b"...")
    d.ask(open("p.jpg", "rb").read(), "{WHO}")
    '''
    assert run(tmp_path, {"describer.py": WRAPPER, "app.py": app}, "app.py") == {(6, "AFR106")}
    assert run(tmp_path, {}, "describer.py") == set()


def test_wrapper_class_on_a_client_that_is_not_azure_stays_silent(tmp_path: Path) -> None:
    app = f'''
    from openai import OpenAI
    from describer import Describer

    d = Describer(OpenAI(), "gpt-4o")
    d.ask(open("p.jpg", "rb").read(), "{WHO}")
    '''
    assert run(tmp_path, {"describer.py": WRAPPER, "app.py": app}, "app.py") == set()


def test_wrapper_method_with_its_own_prompt_is_reported_in_its_module_only(tmp_path: Path) -> None:
    inner = f'''
    from openai import AzureOpenAI


    class Namer:
        def __init__(self, client: AzureOpenAI):
            self.client = client

        def name(self):
            return self.client.chat.completions.create(model="gpt-4o", messages=[{{"role": "user", "content": [
                {{"type": "text", "text": "{WHO}"}}, {{"type": "image_url", "image_url": {{"url": "https://x/p.jpg"}}}}]}}])
    '''
    app = """
    from openai import AzureOpenAI
    from namer import Namer

    n = Namer(AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21"))
    print(n.name())
    """
    assert run(tmp_path, {"namer.py": inner, "app.py": app}, "app.py") == set()
    assert run(tmp_path, {}, "namer.py") == {(9, "AFR106")}


# ---------------------------------------------------------------------------------------------- batch
BATCH_APP = """
from pathlib import Path
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2025-03-01-preview")
f = client.files.create(file=open(Path(__file__).parent / "jobs.jsonl", "rb"), purpose="{purpose}")
client.batches.create(input_file_id=f.id, endpoint="/chat/completions", completion_window="24h")
"""
LINE = (
    '{"custom_id": "1", "method": "POST", "url": "/chat/completions", "body": {"model": "m", "messages": '
    '[{"role": "user", "content": [{"type": "text", "text": "%s"}%s]}]}}\n'
)
IMAGE_PART = ', {"type": "image_url", "image_url": {"url": "https://x/p.jpg"}}'


@pytest.mark.parametrize(
    ("purpose", "jsonl", "want"),
    [
        ("batch", LINE % (WHO, IMAGE_PART), {(5, "AFR106")}),
        ("batch", LINE % (WHO, ""), set()),  # no image part in any line: no person media
        ("vision", LINE % (WHO, IMAGE_PART), set()),  # not a batch upload
        ("batch", "not json\n" + LINE % ("Describe the clothing colours.", IMAGE_PART), set()),
    ],
)
def test_batch_jsonl(tmp_path: Path, purpose: str, jsonl: str, want: set[tuple[int, str]]) -> None:
    files = {"jobs.jsonl": jsonl, "app.py": BATCH_APP.replace("{purpose}", purpose)}
    assert run(tmp_path, files, "app.py") == want


def test_batch_file_outside_the_project_is_not_read(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "jobs.jsonl").write_text(LINE % (WHO, IMAGE_PART), encoding="utf-8")
    app = BATCH_APP.replace("{purpose}", "batch").replace('Path(__file__).parent / "jobs.jsonl"', '"../jobs.jsonl"')
    assert run(project, {"app.py": app}, "app.py") == set()


# ---------------------------------------------------------------------------------------------- agents, pipelines
AGENTS = f"""
from azure.ai.agents import AgentsClient
from azure.ai.agents.models import MessageImageUrlParam, MessageInputImageUrlBlock, MessageInputTextBlock
from azure.identity import DefaultAzureCredential

agents = AgentsClient(endpoint="https://x.services.ai.azure.com/api/projects/p", credential=DefaultAzureCredential())
agent = agents.create_agent(model="gpt-4o", name="a", instructions="Be brief.")
seen = agents.threads.create()
other = agents.threads.create()
agents.messages.create(thread_id=seen.id, role="user", content=[
    MessageInputTextBlock(text="{WHO}"), MessageInputImageUrlBlock(image_url=MessageImageUrlParam(url="https://x/p.jpg"))])
agents.runs.create_and_process(thread_id=other.id, agent_id=agent.id)
agents.runs.create_and_process(thread_id=seen.id, agent_id=agent.id)
"""


def test_foundry_agent_run_reads_its_own_thread_only(tmp_path: Path) -> None:
    assert run(tmp_path, {"app.py": AGENTS}, "app.py") == {(12, "AFR106")}


PIPELINE = f"""
from haystack import Pipeline
from haystack.components.generators.chat import GENERATOR
from haystack.dataclasses import ChatMessage, ImageContent

pipe = Pipeline()
pipe.add_component("llm", GENERATOR(ARGS))
msg = ChatMessage.from_user(content_parts=["{WHO}", ImageContent.from_file_path("p.jpg")])
pipe.run({{"llm": {{"messages": [msg]}}}})
"""


@pytest.mark.parametrize(
    ("generator", "args", "want"),
    [
        ("AzureOpenAIChatGenerator", 'azure_endpoint="https://x.openai.azure.com/"', {(8, "AFR106")}),
        ("OpenAIChatGenerator", 'model="gpt-4o"', set()),  # a pipeline of non-Azure components
    ],
)
def test_haystack_pipeline_is_azure_by_its_components(
    tmp_path: Path, generator: str, args: str, want: set[tuple[int, str]]
) -> None:
    source = PIPELINE.replace("GENERATOR", generator).replace("ARGS", args)
    assert run(tmp_path, {"app.py": source}, "app.py") == want


@pytest.mark.parametrize(
    ("kwargs", "want"),
    [
        ('azure_endpoint="https://x.openai.azure.com/"', {(5, "AFR106")}),
        ("credential=AzureCliCredential()", {(5, "AFR106")}),
        ('endpoint="https://x.openai.azure.com/"', {(5, "AFR106")}),
        ('api_key="sk-..."', set()),  # the OpenAI service itself
    ],
)
def test_agent_framework_client_is_azure_by_endpoint_or_credential(
    tmp_path: Path, kwargs: str, want: set[tuple[int, str]]
) -> None:
    source = f"""
    from agent_framework import Content, Message
    from agent_framework.openai import OpenAIChatCompletionClient
    from azure.identity import AzureCliCredential
    agent = OpenAIChatCompletionClient(model="gpt-4o", {kwargs}).as_agent(instructions="{WHO}")
    agent.run(Message(role="user", contents=[Content.from_data(open("p.png", "rb").read(), media_type="image/png")]))
    """
    assert run(tmp_path, {"app.py": source}, "app.py") == want


def test_the_requests_own_image_keyword_is_person_media(tmp_path: Path) -> None:
    source = f"""
    from openai import AzureOpenAI
    client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2025-04-01-preview")
    client.images.edit(model="gpt-image-1", image=open("group.png", "rb"), prompt="{WHO}")
    client.images.generate(model="gpt-image-1", prompt="{WHO}")
    """
    assert run(tmp_path, {"app.py": source}, "app.py") == {(3, "AFR106")}


def test_conversation_items_are_reported_where_they_are_created_not_again_at_the_response(tmp_path: Path) -> None:
    source = f"""
    from openai import AzureOpenAI
    client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2025-04-01-preview")
    conv = client.conversations.create(items=[{{"type": "message", "role": "user", "content": [
        {{"type": "input_text", "text": "{WHO}"}}, {{"type": "input_image", "image_url": "https://x/p.jpg"}}]}}])
    client.responses.create(model="gpt-4.1", conversation=conv.id, input="Please answer.")
    """
    assert run(tmp_path, {"app.py": source}, "app.py") == {(3, "AFR106")}


def test_wrappers_whose_client_lives_in_a_third_module(tmp_path: Path) -> None:
    """clients.py builds the client, service.py wraps it (a class and a function), app.py passes the prompt."""
    service = """
    import base64
    from clients import client


    def _messages(jpeg, question):
        url = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()
        return [{"role": "user", "content": [{"type": "text", "text": question},
                                             {"type": "image_url", "image_url": {"url": url}}]}]


    class Describer:
        def ask(self, jpeg, question):
            return client.chat.completions.create(model="gpt-4o", messages=_messages(jpeg, question))


    def describe(jpeg, question):
        return client.chat.completions.create(model="gpt-4o", messages=_messages(jpeg, question))
    """
    files = {
        "clients.py": """
        from openai import AzureOpenAI
        client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
        """,
        "service.py": service,
        "app.py": f"""
        from service import Describer, describe

        photo = open("p.jpg", "rb").read()
        Describer().ask(photo, "{WHO}")
        describe(photo, "{WHO}")
        describe(photo, "Describe the clothing colours in this photo.")
        """,
    }
    assert run(tmp_path, files, "app.py") == {(4, "AFR106"), (5, "AFR106")}
    assert run(tmp_path, {}, "service.py") == set()


def test_foundry_agent_run_ignores_messages_of_other_clients(tmp_path: Path) -> None:
    source = AGENTS.replace("agents.messages.create(thread_id=seen.id", "chat.messages.create(thread_id=seen.id")
    source = source.replace("seen = agents.threads.create()", "seen = agents.threads.create()\nchat = object()")
    assert run(tmp_path, {"app.py": source}, "app.py") == set()


def test_each_call_shape_of_the_screens_is_a_request_method() -> None:
    """The screens' call shapes (surfaces.REQUEST_CALL_SHAPES) are request methods of REQUEST_METHODS as written in
    a call, not a hand list that can drift from them."""
    from flake8_azure_frt.surfaces import REQUEST_CALL_SHAPES, REQUEST_METHODS

    for shape in REQUEST_CALL_SHAPES:
        core = shape.strip(".(")
        assert any(
            pattern.fullmatch(core) or pattern.fullmatch(f"{core}.create") for pattern in REQUEST_METHODS.values()
        ), shape
