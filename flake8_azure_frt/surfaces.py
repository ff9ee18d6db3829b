"""Every Python surface that reaches Azure OpenAI, as data (see shared reference sdk-surface.md).

``SURFACES`` holds one entry per surface; ``CLIENT_CLASSES`` and ``REQUEST_STEMS`` are derived from it. A client
*kind* names a family of request methods (``REQUEST_METHODS``); a class maps to a kind and says whether it is
Azure by itself (``always``) or only with an Azure endpoint (``endpoint``).

Adding a surface:
1. add its ``Surface`` entry (a new kind also needs its ``REQUEST_METHODS`` pattern);
2. add ``fixtures/conformance/<id>/positive.py`` (person images, a prohibited purpose, ``# expect:`` on the
   finding's line) and ``allowed.py`` (the same program with an allowed purpose), the request's line marked
   ``# request`` in both;
3. run ``pytest tests/test_conformance.py``: it fails for an entry without a pair, or a pair that does not hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Surface:
    """One way Python code reaches Azure OpenAI: who starts it, which call sends, how prompt and images go in.

    ``entry`` names the constructors or functions that start the surface. For ``role == "client"`` they are
    client classes of request-method family ``kind`` (see REQUEST_METHODS), Azure by themselves
    (``azure="always"``), only with an Azure endpoint (``"endpoint"``), or by the endpoint's path
    (``"inference"``). ``images`` is empty for a text-only surface. ``static`` says what the linter cannot see
    on this surface; the docs and the inventory read it. Every entry has a conformance pair under
    ``fixtures/conformance/<id>/`` (tests/test_conformance.py).
    """

    id: str
    package: str
    entry: tuple[str, ...]
    chain: str
    prompt: str
    images: str
    role: str = "client"  # client | agent | function | http | wrapper
    kind: str = ""
    azure: str = "always"  # always | endpoint | inference | components (a pipeline of Azure components)
    static: str = ""
    stems: tuple[str, ...] = ()


_AOAI = (
    "openai.AzureOpenAI",
    "openai.AsyncAzureOpenAI",
    "openai.lib.azure.AzureOpenAI",
    "openai.lib.azure.AsyncAzureOpenAI",
    "llama_index.llms.azure_openai.SyncAzureOpenAI",  # re-exports of the openai classes
    "llama_index.llms.azure_openai.AsyncAzureOpenAI",
)
# Raw HTTP names no SDK: the Azure path or the auth/version markers are what such a file contains.
_HTTP_STEMS = ("/openai/", "api-key", "api-version")
_CHAT_PARTS = '{"type": "image_url", "image_url": {"url": ...}} parts in a user message'
_RESP_PARTS = '{"type": "input_image", "image_url": ...} parts in input= items'

# fmt: off
SURFACES: tuple[Surface, ...] = (
    Surface("openai-chat", "openai", _AOAI, "client.chat.completions.create(messages=[...])",
            "text parts, system/developer messages", _CHAT_PARTS, kind="openai"),
    Surface("openai-chat-async", "openai", ("openai.AsyncAzureOpenAI",),
            "await client.with_options(...).chat.completions.create(...)", "system message", _CHAT_PARTS,
            kind="openai"),
    Surface("openai-chat-parse", "openai", _AOAI, "client.beta.chat.completions.parse(response_format=Model)",
            "messages; the response schema's field names", _CHAT_PARTS, kind="openai"),
    Surface("openai-chat-stream", "openai", _AOAI, "with client.chat.completions.stream(...) as s",
            "text parts", _CHAT_PARTS, kind="openai"),
    Surface("openai-responses", "openai", _AOAI, "client.responses.create(input=[...], instructions=...)",
            "input_text parts, instructions=, or input= as a string", _RESP_PARTS, kind="openai"),
    Surface("openai-v1-base-url", "openai",
            ("openai.OpenAI", "openai.AsyncOpenAI"),
            'OpenAI(base_url="https://{res}.openai.azure.com/openai/v1/").chat.completions.create(...)',
            "as on AzureOpenAI", _CHAT_PARTS + " or " + _RESP_PARTS, kind="openai", azure="endpoint",
            static="Azure only when base_url names an Azure host in the code or in the project's .env "
            "(OPENAI_BASE_URL); an endpoint known only at run time needs --azure-frt-all-openai."),
    Surface("openai-module-client", "openai", ("openai.chat.completions.create", "openai.responses.create"),
            'openai.api_type = "azure"; openai.chat.completions.create(...)', "as on AzureOpenAI", _CHAT_PARTS,
            role="function",
            static="Azure when the module sets openai.api_type or names OPENAI_API_TYPE; an api_type set only "
            "in the process environment is not seen."),
    Surface("openai-legacy-v0", "openai<1.0",
            ("openai.ChatCompletion.create", "openai.Completion.create", "openai.Image.create_edit"),
            'openai.ChatCompletion.create(engine=..., messages=[...]) with openai.api_type = "azure"',
            "messages, prompt=", _CHAT_PARTS, role="function"),
    Surface("openai-assistants", "openai", _AOAI,
            "client.beta.threads.messages.create(thread_id, content=[...]) then runs.create_and_poll(...)",
            "text parts; assistants.create(instructions=)", "image_file / image_url parts in content=",
            kind="openai",
            static="Reported at the message that carries the image; the run that sends it is a separate call."),
    Surface("openai-assistants-create-and-run", "openai", _AOAI,
            'client.beta.threads.create_and_run_poll(assistant_id=..., thread={"messages": [...]})',
            "text parts of the thread's messages; instructions=", "image_url / image_file parts in thread messages",
            kind="openai"),
    Surface("openai-realtime", "openai", _AOAI,
            'with client.realtime.connect(model=...) as conn: conn.conversation.item.create(item={...})',
            "input_text parts; session.update(session={'instructions': ...})", "input_image parts in item=",
            kind="openai",
            static="Images streamed later over the open connection from code the linter cannot follow are not seen."),
    Surface("openai-images-edit", "openai", _AOAI, "client.images.edit(image=..., prompt=...)", "prompt=",
            "the request's own image= keyword (and mask=)", kind="openai"),
    Surface("openai-videos", "openai 3.x", _AOAI, "client.videos.create(prompt=..., input_reference=...)", "prompt=",
            "the request's own input_reference= keyword", kind="openai",
            static="Azure routing for videos is unverified (sdk-surface.md marks it (U))."),
    Surface("openai-conversations", "openai", _AOAI, "client.conversations.create(items=[...])",
            "input_text parts of items", _RESP_PARTS.replace("input= items", "items="), kind="openai"),
    Surface("openai-completions-text", "openai", _AOAI, "client.completions.create(prompt=...)", "prompt=", "",
            kind="openai"),
    Surface("openai-embeddings-text", "openai", _AOAI, "client.embeddings.create(input=...)", "input=", "",
            kind="openai"),
    Surface("openai-batch-jsonl", "openai", _AOAI,
            'client.files.create(file=open("batch.jsonl", "rb"), purpose="batch"); client.batches.create(...)',
            "the body of each JSONL line (messages / input)", "image parts inside the JSONL lines' bodies",
            kind="openai",
            static="Read only when the JSONL file is in the project and named by a literal or __file__-relative "
            "path; lines generated at run time are not seen. Reported at the upload (files.create)."),
    Surface("langchain-azure-chat", "langchain-openai",
            ("langchain_openai.AzureChatOpenAI", "langchain_openai.chat_models.AzureChatOpenAI",
             "langchain_openai.chat_models.azure.AzureChatOpenAI"),
            "llm.invoke([...]) / ainvoke / stream / batch", "SystemMessage, text blocks, prompt templates",
            "image_url / image blocks in HumanMessage(content=[...])", kind="langchain"),
    Surface("langchain-chatopenai-azure-base", "langchain-openai",
            ("langchain_openai.ChatOpenAI", "langchain_openai.chat_models.ChatOpenAI"),
            'ChatOpenAI(base_url="https://{res}.openai.azure.com/openai/v1/").invoke(...)', "as AzureChatOpenAI",
            "as AzureChatOpenAI; also ('user', [...]) tuples", kind="langchain", azure="endpoint"),
    Surface("langchain-init-chat-model", "langchain", ("langchain.chat_models.init_chat_model",),
            'init_chat_model("azure_openai:<deployment>").invoke(...)', "messages", "standard image blocks",
            role="function"),
    Surface("langchain-create-agent", "langchain", ("langchain.agents.create_agent",),
            'create_agent(model="azure_openai:<deployment>", system_prompt=...).invoke({"messages": [...]})',
            "system_prompt=, messages", "image blocks in the messages", role="function"),
    Surface("langchain-lcel", "langchain-core", ("langchain_openai.AzureChatOpenAI",),
            "(ChatPromptTemplate.from_messages([...]) | AzureChatOpenAI(...)).invoke({...})",
            "the template's messages", "image_url parts in the template", kind="langchain"),
    Surface("langchain-community-azure-chat", "langchain-community 0.3",
            ("langchain_community.chat_models.AzureChatOpenAI",
             "langchain_community.chat_models.azure_openai.AzureChatOpenAI", "langchain.chat_models.AzureChatOpenAI"),
            "llm.invoke([HumanMessage(...)])", "messages", "image_url parts", kind="langchain"),
    Surface("langchain-azure-ai", "langchain-azure-ai",
            ("langchain_azure_ai.chat_models.AzureAIOpenAIApiChatModel",
             "langchain_azure_ai.chat_models.AzureAIChatCompletionsModel"),
            "model.invoke([...])", "messages", "image_url parts", kind="langchain"),
    Surface("langchain-azure-openai-llm-text", "langchain-openai",
            ("langchain_openai.AzureOpenAI", "langchain_openai.llms.AzureOpenAI",
             "langchain_community.llms.AzureOpenAI", "langchain.llms.AzureOpenAI"),
            'llm.invoke("prompt")', "the prompt string", "", kind="langchain"),
    Surface("llamaindex-azure-openai", "llama-index-llms-azure-openai", ("llama_index.llms.azure_openai.AzureOpenAI",),
            "llm.chat([ChatMessage(...)]) / complete / achat / stream_chat", "TextBlock, system_prompt=",
            "ImageBlock(url= | path= | image=) in ChatMessage(blocks=[...])", kind="llamaindex"),
    Surface("llamaindex-responses", "llama-index-llms-azure-openai",
            ("llama_index.llms.azure_openai.AzureOpenAIResponses",), "await llm.achat([...])", "TextBlock",
            "ImageBlock (sent as input_image)", kind="llamaindex"),
    Surface("llamaindex-multimodal", "llama-index-multi-modal-llms-azure-openai",
            ("llama_index.multi_modal_llms.azure_openai.AzureOpenAIMultiModal",),
            "mm.complete(prompt=..., image_documents=[...])", "prompt=",
            "image_documents= (ImageDocument, load_image_urls)", kind="llamaindex"),
    Surface("sk-chat-completion", "semantic-kernel",
            ("semantic_kernel.connectors.ai.open_ai.AzureChatCompletion",
             "semantic_kernel.connectors.ai.open_ai.services.azure_chat_completion.AzureChatCompletion",
             "semantic_kernel.connectors.ai.open_ai.AzureTextCompletion"),
            "await service.get_chat_message_content(history, settings)",
            "ChatHistory system message, TextContent", "ImageContent items in ChatMessageContent", kind="sk"),
    Surface("sk-chat-agent", "semantic-kernel", ("semantic_kernel.agents.ChatCompletionAgent",),
            "await ChatCompletionAgent(service=AzureChatCompletion(), instructions=...).get_response(messages=...)",
            "instructions=, messages", "ImageContent items", role="agent"),
    Surface("sk-responses-agent", "semantic-kernel", ("semantic_kernel.agents.AzureResponsesAgent",),
            "AzureResponsesAgent(client=AzureResponsesAgent.create_client(...)).get_response(messages=...)",
            "instructions=, messages", "ImageContent items (sent as input_image)", role="agent"),
    Surface("sk-kernel-invoke-prompt", "semantic-kernel", ("semantic_kernel.Kernel",),
            "kernel.add_service(AzureChatCompletion(...)); await kernel.invoke_prompt(template, arguments=...)",
            "the prompt template and its arguments (a ChatHistory)", "ImageContent items in the arguments",
            role="agent"),
    Surface("sk-azure-ai-agent", "semantic-kernel", ("semantic_kernel.agents.AzureAIAgent",),
            "await AzureAIAgent(client=AzureAIAgent.create_client(...), definition=...).get_response(messages=...)",
            "the agent definition's instructions, messages", "ImageContent items", kind="agent",
            static="The Foundry Agent Service runs the project's deployment; the model behind it is named in the "
            "agent definition or the environment (AzureAIAgentSettings)."),
    Surface("autogen-model-client", "autogen-ext", ("autogen_ext.models.openai.AzureOpenAIChatCompletionClient",),
            "await client.create([UserMessage(content=[str, Image], source=...)])", "SystemMessage, str parts",
            "autogen_core.Image in UserMessage content", kind="autogen"),
    Surface("autogen-openai-client-base-url", "autogen-ext", ("autogen_ext.models.openai.OpenAIChatCompletionClient",),
            'OpenAIChatCompletionClient(base_url="https://{res}.openai.azure.com/openai/v1/").create([...])',
            "SystemMessage, str parts", "autogen_core.Image in UserMessage content", kind="autogen", azure="endpoint"),
    Surface("autogen-azure-ai-client", "autogen-ext", ("autogen_ext.models.azure.AzureAIChatCompletionClient",),
            "await AzureAIChatCompletionClient(endpoint=..., credential=...).create([...])", "SystemMessage, str parts",
            "autogen_core.Image (sent as ImageContentItem)", kind="autogen", azure="inference",
            static="A GitHub Models endpoint (models.inference.ai.azure.com) is not Azure OpenAI."),
    Surface("autogen-agentchat", "autogen-agentchat", ("autogen_agentchat.agents.AssistantAgent",),
            "await AssistantAgent(model_client=...).run(task=...)", "system_message=, task",
            "MultiModalMessage(content=[str, Image])", role="agent"),
    Surface("autogen-legacy-config", "pyautogen 0.2 / autogen 0.14",
            ("autogen.agentchat.contrib.multimodal_conversable_agent.MultimodalConversableAgent",
             "autogen.AssistantAgent", "autogen.ConversableAgent"),
            'user.initiate_chat(agent, message=...) with llm_config={"config_list": [{"api_type": "azure", ...}]}',
            "message=, system_message=", "<img path> tags inside the message string", role="agent",
            static="A config_list loaded at run time (config_list_from_json) is Azure only when its file is in "
            "the project."),
    Surface("azure-ai-inference", "azure-ai-inference",
            ("azure.ai.inference.ChatCompletionsClient", "azure.ai.inference.aio.ChatCompletionsClient"),
            "client.complete(messages=[...])", "SystemMessage, TextContentItem",
            "ImageContentItem(image_url=ImageUrl(...))", kind="inference", azure="inference",
            static="A GitHub Models endpoint (models.inference.ai.azure.com) is not Azure OpenAI."),
    Surface("azure-ai-inference-prompty", "azure-ai-inference", ("azure.ai.inference.prompts.PromptTemplate",),
            "client.complete(messages=PromptTemplate.from_prompty(path).create_messages(...) + [...])",
            "the .prompty template's system:/user: sections", "ImageContentItem messages added to them",
            role="function",
            static="The .prompty file must be in the project and named by a literal or __file__-relative path."),
    Surface("azure-ai-projects", "azure-ai-projects 2.x", ("azure.ai.projects.AIProjectClient.get_openai_client",),
            "with project.get_openai_client() as oai: oai.responses.create(...)", "as on openai", _RESP_PARTS,
            role="function"),
    Surface("azure-ai-projects-inference-legacy", "azure-ai-projects 1.0.0b10",
            ("azure.ai.projects.AIProjectClient.inference.get_azure_openai_client",),
            "project_client.inference.get_azure_openai_client(...).chat.completions.create(...)", "as on openai",
            _CHAT_PARTS, role="function"),
    Surface("azure-ai-agents", "azure-ai-agents", ("azure.ai.agents.AgentsClient",),
            "agents.messages.create(thread_id, content=[...]); agents.runs.create_and_process(thread_id=, agent_id=)",
            "MessageInputTextBlock, create_agent(instructions=)",
            "MessageInputImageUrlBlock / MessageInputImageFileBlock in content=", kind="foundry_agents",
            static="The run is reported; the thread's messages are read from the same module (threads filled in "
            "other modules or at run time are not seen)."),
    Surface("openai-agents-sdk", "openai-agents",
            ("agents.Agent", "agents.OpenAIChatCompletionsModel", "agents.OpenAIResponsesModel"),
            "await Runner.run(Agent(model=OpenAIChatCompletionsModel(openai_client=AsyncAzureOpenAI(...))), input)",
            "instructions=, input", "input_image items in input", role="agent", stems=("openai",)),
    Surface("openai-agents-default-client", "openai-agents", ("agents.set_default_openai_client",),
            "set_default_openai_client(AsyncAzureOpenAI(...)); Runner.run_sync(Agent(...), input)",
            "instructions=, input", "input_image items in input", role="function", stems=("openai",)),
    Surface("pydantic-ai-provider", "pydantic-ai",
            ("pydantic_ai.providers.azure.AzureProvider", "pydantic_ai.models.openai.OpenAIChatModel"),
            "Agent(OpenAIChatModel(..., provider=AzureProvider(...))).run_sync([...])", "instructions=, str parts",
            "BinaryContent / ImageUrl in the user prompt list", role="agent"),
    Surface("pydantic-ai-model-string", "pydantic-ai", ("pydantic_ai.Agent",),
            'await Agent("azure:<deployment>").run([...])', "str parts", "ImageUrl / BinaryContent", role="agent"),
    Surface("haystack-chat-generator", "haystack-ai",
            ("haystack.components.generators.chat.AzureOpenAIChatGenerator",
             "haystack.components.generators.chat.AzureOpenAIResponsesChatGenerator"),
            "generator.run(messages=[ChatMessage...])", "ChatMessage.from_system, str content parts",
            "ImageContent in ChatMessage.from_user(content_parts=[...])", kind="haystack"),
    Surface("haystack-pipeline", "haystack-ai", ("haystack.Pipeline", "haystack.AsyncPipeline"),
            'pipe.add_component("llm", AzureOpenAIChatGenerator(...)); pipe.run({"llm": {"messages": [...]}})',
            "ChatMessage texts in the run data", "ImageContent in the run data", kind="haystack_pipeline",
            azure="components",
            static="Components added in another module, or connected through a prompt builder whose template "
            "is only known at run time, are not followed."),
    Surface("haystack-generator-text", "haystack-ai 2.x", ("haystack.components.generators.AzureOpenAIGenerator",),
            "generator.run(prompt=..., system_prompt=...)", "prompt=, system_prompt=", "", kind="haystack"),
    Surface("litellm-completion", "litellm", ("litellm.completion", "litellm.acompletion"),
            'litellm.completion(model="azure/<deployment>", messages=[...])', "messages",
            'image_url parts (also the "image_url": "<str>" shorthand)', role="function"),
    Surface("litellm-responses", "litellm", ("litellm.responses", "litellm.aresponses"),
            'await litellm.aresponses(model="azure/<deployment>", input=[...])', "input_text parts, instructions=",
            _RESP_PARTS, role="function"),
    Surface("litellm-image-edit", "litellm", ("litellm.image_edit",),
            'litellm.image_edit(model="azure/<deployment>", image=..., prompt=...)', "prompt=",
            "the request's own image= keyword", role="function"),
    Surface("litellm-router", "litellm", ("litellm.Router",),
            'Router(model_list=[{"litellm_params": {"model": "azure/..."}}]).acompletion(...)', "messages",
            _CHAT_PARTS, role="agent"),
    Surface("dspy", "dspy", ("dspy.LM", "dspy.Predict", "dspy.ChainOfThought"),
            'dspy.configure(lm=dspy.LM("azure/...")); dspy.Predict(signature)(image=dspy.Image...)',
            "the signature (docstring, field names, descriptions) and the question inputs",
            "dspy.Image inputs, the request's own image= keyword", role="function"),
    Surface("instructor-from-openai", "instructor", ("instructor.from_openai",),
            "instructor.from_openai(AzureOpenAI(...)).chat.completions.create(response_model=..., messages=[...])",
            "messages; the response model's fields", "instructor.Image in the content list", role="agent"),
    Surface("instructor-from-provider", "instructor", ("instructor.from_provider",),
            'instructor.from_provider("azure_openai/<deployment>").chat.completions.create(...)', "messages",
            "instructor.Image in the content list", role="function"),
    Surface("promptflow-aoai-vision", "promptflow-tools",
            ("promptflow.tools.aoai_gpt4v.AzureOpenAI", "promptflow.tools.aoai.AzureOpenAI"),
            "AzureOpenAI(connection).chat(prompt=template, deployment_name=..., image=Image(...))",
            "the Jinja prompt template (# system: / # user:)", "the request's own image= keyword (and template "
            "inputs)", kind="promptflow"),
    Surface("promptflow-llm-tool", "promptflow-tools",
            ("promptflow.tools.aoai.chat", "promptflow.tools.aoai.completion", "promptflow.tools.llm.llm"),
            "chat(connection=AzureOpenAIConnection(...), prompt=template, deployment_name=..., **inputs)",
            "the Jinja prompt template", "promptflow Image inputs rendered into the template", role="function"),
    Surface("promptflow-prompty", "promptflow-core",
            ("promptflow.core.Prompty.load", "promptflow.core.AsyncPrompty.load"),
            'flow = Prompty.load(source="x.prompty"); flow(image=...)', "the .prompty template's system:/user: "
            "sections", "image inputs of the flow call", role="function",
            static="The .prompty file must be in the project and named by a literal or __file__-relative path."),
    Surface("agent-framework", "agent-framework-openai",
            ("agent_framework.openai.OpenAIChatCompletionClient", "agent_framework.openai.OpenAIChatClient",
             "agent_framework_openai.OpenAIChatCompletionClient", "agent_framework_openai.OpenAIChatClient"),
            "await client.as_agent(instructions=...).run(Message(role='user', contents=[...]))",
            "instructions=, Content.from_text", "Content.from_data / Content.from_uri with an image media type",
            kind="agent_framework", azure="endpoint",
            static="Azure when azure_endpoint=, endpoint= or credential= is given, or an Azure endpoint is in "
            "the project's .env; a client configured only by the process environment is not seen."),
    Surface("agent-framework-agent", "agent-framework-core", ("agent_framework.Agent",),
            "await Agent(client=OpenAIChatClient(azure_endpoint=...), instructions=...).run(message)",
            "instructions=, Content.from_text", "Content.from_uri / Content.from_data", role="agent"),
    Surface("http-requests", "requests", ("requests.post", "requests.request", "requests.Session.post"),
            'requests.post("https://{res}.openai.azure.com/openai/deployments/{d}/chat/completions?api-version=...")',
            "the JSON body's messages / input", "image parts in the JSON body", role="http", stems=_HTTP_STEMS,
            static="Azure when the URL names an Azure host with /openai/ or an Azure path, or the headers/params "
            "carry api-key / api-version."),
    Surface("http-httpx-sync", "httpx", ("httpx.post", "httpx.Client.post"),
            'httpx.Client().post(f"{endpoint}/openai/v1/responses", json=...)', "the JSON body",
            "image parts in the JSON body", role="http", stems=_HTTP_STEMS),
    Surface("http-httpx-async", "httpx", ("httpx.AsyncClient.post",),
            "await httpx.AsyncClient().post(url, params={'api-version': ...}, json=...)", "the JSON body",
            "image parts in the JSON body", role="http", stems=_HTTP_STEMS),
    Surface("http-aiohttp", "aiohttp", ("aiohttp.ClientSession.post",),
            "async with aiohttp.ClientSession().post(url, headers={'api-key': ...}, json=...)", "the JSON body",
            "image parts in the JSON body", role="http", stems=_HTTP_STEMS),
    Surface("project-wrapper-class", "(the project's own code)", ("openai.AzureOpenAI",),
            "a project class wrapping an Azure client, defined in one module, its method called from another",
            "a parameter of the wrapper method: reported at the call that passes the prohibited prompt",
            "a parameter of the wrapper method", role="wrapper",
            static="The called method must make the request itself (a helper function may build its messages); "
            "a wrapper chosen at run time (a registry, getattr) is not followed."),
)
# fmt: on


def _client_classes() -> dict[str, tuple[str, str]]:
    """Qualified client class -> (kind, azure), from the client surfaces; one class means one thing."""
    out: dict[str, tuple[str, str]] = {}
    for surface in SURFACES:
        if surface.role != "client":
            continue
        for qn in surface.entry:
            if out.setdefault(qn, (surface.kind, surface.azure)) != (surface.kind, surface.azure):
                raise ValueError(f"surface {surface.id} gives {qn} another kind or Azure mode")
    return out


CLIENT_CLASSES: dict[str, tuple[str, str]] = _client_classes()


# A file that uses a surface imports its package (``REQUEST_PACKAGES``, the entries' top-level modules) or, for a
# surface whose package name is too common a word, contains one of its ``stems`` (``REQUEST_MARKERS``). The text
# prefilter looks for either as a substring (``REQUEST_STEMS``); the project screen, which has the ast, asks for
# the package as an import (a word like "autogen" or "haystack" in a comment or a name is not one).
REQUEST_PACKAGES: frozenset[str] = frozenset(
    qn.split(".")[0] for surface in SURFACES if not surface.stems for qn in surface.entry
)
REQUEST_MARKERS: tuple[str, ...] = tuple(sorted({stem for surface in SURFACES for stem in surface.stems}))
REQUEST_STEMS: tuple[str, ...] = tuple(sorted({p.lower() for p in REQUEST_PACKAGES} | set(REQUEST_MARKERS)))

# Agent/wrapper constructors whose requests go through a model client given in one of these keywords.
AGENT_CLASSES: dict[str, tuple[str, ...]] = {
    "autogen_agentchat.agents.AssistantAgent": ("model_client",),
    "semantic_kernel.agents.ChatCompletionAgent": ("service", "kernel"),
    "semantic_kernel.agents.AzureResponsesAgent": ("client",),
    "semantic_kernel.agents.AzureAssistantAgent": ("client",),
    "agents.Agent": ("model",),
    "agents.OpenAIChatCompletionsModel": ("openai_client",),
    "agents.OpenAIResponsesModel": ("openai_client",),
    "pydantic_ai.Agent": ("model",),
    "pydantic_ai.models.openai.OpenAIChatModel": ("provider",),
    "pydantic_ai.models.openai.OpenAIResponsesModel": ("provider",),
    "pydantic_ai.models.openai.OpenAIModel": ("provider",),
    "semantic_kernel.Kernel": ("services",),
    "autogen_ext.agents.openai.OpenAIAgent": ("client",),
    "autogen_ext.agents.openai.OpenAIAssistantAgent": ("client",),
    "autogen.AssistantAgent": ("llm_config",),
    "autogen.ConversableAgent": ("llm_config",),
    "autogen.agentchat.contrib.multimodal_conversable_agent.MultimodalConversableAgent": ("llm_config",),
    "autogen.OpenAIWrapper": ("config_list",),
    "litellm.Router": ("model_list",),
    "instructor.from_openai": ("client",),
    "agent_framework.Agent": ("client", "chat_client"),
    "instructor.patch": ("client",),
    "instructor.apatch": ("client",),
}

# Always-Azure constructors that are not clients themselves (providers).
AZURE_PROVIDERS = frozenset({"pydantic_ai.providers.azure.AzureProvider", "autogen_ext.auth.azure.AzureTokenProvider"})

# Request method chains per kind: the attribute names after the client, as a regex on "a.b.c".
_OPENAI_METHODS = (
    r"(?:beta\.)?chat\.completions\.(?:create|parse|stream)|(?:beta\.)?responses\.(?:create|parse|stream)|"
    r"completions\.create|images\.(?:generate|edit|create_variation)|beta\.threads\.messages\.create|"
    r"beta\.threads\.create|beta\.threads\.runs\.(?:create|create_and_poll|stream|create_and_stream)|"
    r"beta\.threads\.create_and_run(?:_poll|_stream)?|beta\.assistants\.create|videos\.create|"
    r"conversations\.(?:create|items\.create)|chat\.completions\.create_(?:partial|iterable|with_completion)|"
    r"create|create_partial|create_iterable|create_with_completion|messages\.create|embeddings\.create|"
    r"files\.create"  # files.create is a request only for a Batch input file (purpose="batch")
)
_LANGCHAIN_METHODS = r"invoke|ainvoke|stream|astream|batch|abatch|predict|predict_messages|generate|agenerate"
REQUEST_METHODS: dict[str, re.Pattern[str]] = {
    kind: re.compile(rf"(?:{pattern})")
    for kind, pattern in {
        "openai": _OPENAI_METHODS,
        "realtime": r"conversation\.item\.create|session\.update|response\.create|send",
        "langchain": _LANGCHAIN_METHODS,
        "llamaindex": r"a?chat|a?stream_chat|a?complete|a?stream_complete|a?structured_predict|predict|"
        + _LANGCHAIN_METHODS,
        "sk": r"get_(?:streaming_)?chat_message_contents?|invoke_prompt|invoke|invoke_stream|get_response",
        "autogen": r"create|create_stream",
        "haystack": r"run|run_async",
        "inference": r"complete",
        "haystack_pipeline": r"run|run_async",
        # azure-ai-agents: the run sends the thread (its messages are gathered from the module)
        "foundry_agents": r"runs\.(?:create_and_process|create|stream)|create_thread_and_process_run|"
        r"create_thread_and_run",
        "agent_framework": r"run|run_stream|get_response|get_streaming_response",
        "prompty": r"__call__|invoke",
        "promptflow": r"chat|completion",
        "agent": r"run|run_sync|run_stream|arun|get_response|invoke|invoke_stream|on_messages|initiate_chat|"
        r"generate_reply|a_generate_reply|a_initiate_chat|create|acompletion|completion|aresponses|responses|"
        r"chat\.completions\.create|" + _LANGCHAIN_METHODS,
    }.items()
}

# How a request looks in source when its client arrived from elsewhere (a parameter, another module): the text
# screens look for these shapes. Each is a request method of REQUEST_METHODS as written in a call, chosen among the
# distinctive ones: generic methods (``.run(``, ``.create(``, ``.send(``) would let almost every file through.
# tests/test_surfaces.py proves each against REQUEST_METHODS; "aoai" is the one exception, a name (the usual
# variable for an Azure OpenAI client), not a method.
REQUEST_CALL_SHAPES = (
    ".chat.completions", ".responses.", ".invoke(", ".ainvoke(", ".complete(", ".get_chat_message_content",
    ".run_sync(",
)  # fmt: skip
CLIENT_NAMES = ("aoai",)

# Wrapper calls between a client and its resource that keep the client (``client.with_options(...).chat``).
PASS_THROUGH = frozenset(
    {
        "with_options",
        "copy",
        "with_raw_response",
        "with_streaming_response",
        "with_structured_output",
        "bind_tools",
        "bind",
        "with_retry",
        "with_config",
        "with_fallbacks",
        "as_structured_llm",
        "as_agent",
    }
)

# Any call of these shapes sends a prompt to *some* model: its arguments are never the prompt of another request.
LLM_CALL_TAIL = re.compile(
    r"(?:^|\.)(?:chat\.completions\.(?:create|parse|stream)|responses\.(?:create|parse|stream)|invoke|ainvoke|"
    r"complete|acomplete|chat|achat|generate_content|messages\.create|completion|acompletion|"
    r"conversations\.(?:create|items\.create))$"
)

# Module-level functions that are requests when their model/endpoint is Azure.
SURFACE_BY_ID: dict[str, Surface] = {surface.id: surface for surface in SURFACES}

# promptflow's built-in tool functions: requests when their connection is an AzureOpenAIConnection.
PROMPTFLOW_FUNCS = frozenset(SURFACE_BY_ID["promptflow-llm-tool"].entry)

LITELLM_FUNCS = frozenset(
    {
        "litellm.completion",
        "litellm.acompletion",
        "litellm.responses",
        "litellm.aresponses",
        "litellm.image_generation",
        "litellm.aimage_generation",
        "litellm.image_edit",
        "litellm.text_completion",
    }
)
LEGACY_OPENAI_FUNCS = frozenset(
    {
        "openai.ChatCompletion.create",
        "openai.ChatCompletion.acreate",
        "openai.Completion.create",
        "openai.Completion.acreate",
        "openai.Image.create",
        "openai.Image.create_edit",
        "openai.Image.create_variation",
        "openai.Image.acreate_edit",
    }
)
HTTP_FUNCS = frozenset(
    {
        "requests.post",
        "requests.request",
        "requests.put",
        "httpx.post",
        "httpx.request",
        "urllib.request.Request",
        "urllib.request.urlopen",
    }
)
HTTP_METHODS = frozenset({"post", "request", "put", "stream", "send"})
# Methods the request finder reads by their name alone (requests.py): autogen's ``initiate_chat`` sends to the
# recipient's model, openai-agents' ``Runner.run*`` to the agent's, and a client handed in as a parameter is
# asked to ``run``/``complete``/``chat`` by frameworks of every kind.
CHAT_INITIATORS = frozenset({"initiate_chat", "a_initiate_chat"})
RUNNER_METHODS = frozenset({"run", "run_sync", "run_streamed"})
PARAM_CLIENT_METHODS = frozenset({"run", "complete", "chat"})
# Constructors the finder matches by the tail of their name, wherever they are imported from (requests.py): agent
# classes, LangChain's model factories, promptflow's Prompty. Their clients may be called directly (``lm("…")``, a
# chain over a model), so request_sites.py reads them as the words of such clients, beside their packages.
AGENT_CLASS_NAMES = ("AssistantAgent", "ChatCompletionAgent")
LANGCHAIN_FACTORIES = ("init_chat_model", "create_agent")
PROMPTY_LOADERS = ("Prompty.load", "AsyncPrompty.load")
# Factories the finder matches by the tail of their name: they return a client of this kind, shown with this label
# (an Azure one when their model names Azure): instructor's patched AzureOpenAI, a dspy LM called like a model.
CLIENT_FACTORIES: dict[str, tuple[str, str]] = {
    "instructor.from_provider": ("openai", "instructor.from_provider"),
    "dspy.LM": ("langchain", "LM"),
}
# Methods of a project client (azure-ai-projects) that return an Azure OpenAI client.
CLIENT_GETTERS = frozenset({"get_openai_client", "get_azure_openai_client"})
DSPY_MODULES = (
    "dspy.Predict",
    "dspy.ChainOfThought",
    "dspy.ReAct",
    "dspy.ProgramOfThought",
    "dspy.MultiChainComparison",
)
# Client kinds a program calls by name (``lm("…")``); a chain over a model of these or of an agent is one too.
CALLED_CLIENT_KINDS = frozenset({"langchain", "prompty", "dspy"})

AZURE_HOST = re.compile(
    r"(?:[\w.-]+\.)?(?:openai\.azure\.(?:com|us|cn)|cognitiveservices\.azure\.com|services\.ai\.azure\.com|"
    r"models\.ai\.azure\.com|azure-api\.net|openai\.azure)",
    re.IGNORECASE,
)
AZURE_PATH = re.compile(r"/openai/(?:deployments|v1|responses|realtime|threads|assistants|batches)|api-version=")
NOT_AOAI_HOST = re.compile(r"models\.inference\.ai\.azure\.com", re.IGNORECASE)
AZURE_MODEL_PREFIX = re.compile(r"^(?:azure|azure_openai|azure-responses|litellm/azure)[/:]", re.IGNORECASE)
# Calls that read a file's text: the path is the first argument, ``source=``/``file=``/``dotenv_path=``, or the
# receiver of ``Path(...).read_text()``. Prompt files, settings files and .env files arrive through these.
FILE_READS = frozenset(
    {"open", "read_text", "read", "read_file", "safe_load", "load", "from_prompty", "get_template", "load_dotenv",
     "dotenv_values"}
)  # fmt: skip
# Calls that read the environment (values that may come from the project's .env files).
ENV_READS = frozenset({"getenv", "dotenv_values", "load_dotenv"})
# The mapping that holds the environment (``os.environ["KEY"]``, ``environ.get("KEY")``), read as an attribute.
ENV_MAPPING = "environ"
# Files the code may read its prompts or settings from.
TEXT_FILE_SUFFIXES = (".txt", ".md", ".j2", ".jinja", ".jinja2", ".prompty", ".yaml", ".yml", ".json", ".toml",
                      ".ini", ".cfg", ".env", ".jsonl")  # fmt: skip

# Environment variables that give an OpenAI-compatible client its endpoint when the code passes none
# (read from the project's .env files; openai reads OPENAI_BASE_URL, the pre-1.0 SDK and LangChain OPENAI_API_BASE).
ENDPOINT_ENV: tuple[str, ...] = ("OPENAI_BASE_URL", "OPENAI_API_BASE")
AZURE_ENV = re.compile(r"^(?:AZURE_OPENAI_\w+|AZURE_API_(?:BASE|KEY|VERSION)|AZURE_AD_TOKEN|OPENAI_API_TYPE)$")
AZURE_KWARGS = frozenset(
    {"azure_endpoint", "azure_deployment", "azure_ad_token", "azure_ad_token_provider", "api_version", "deployment_id"}
)

# Keyword arguments that never carry a prompt or image.
NON_PROMPT_KWARGS = frozenset(
    {
        "model",
        "temperature",
        "max_tokens",
        "max_completion_tokens",
        "max_output_tokens",
        "top_p",
        "n",
        "seed",
        "stream",
        "timeout",
        "api_version",
        "api_key",
        "api_base",
        "engine",
        "deployment_id",
        "deployment_name",
        "azure_deployment",
        "user",
        "store",
        "extra_headers",
        "headers",
        "params",
        "verify",
        "presence_penalty",
        "frequency_penalty",
        "logprobs",
        "stop",
        "reasoning_effort",
        "parallel_tool_calls",
        "service_tier",
        "metadata",
        "auth",
        "cookies",
        "proxies",
        "url",
        "method",
        "detail",
    }
)

# Keywords whose value is a response schema: its field names are purpose text.
SCHEMA_KWARGS = frozenset({"response_format", "response_model", "text_format", "output_type", "result_type"})

# Classes and functions that carry an image into a request.
IMAGE_CONSTRUCTORS = re.compile(
    r"(?:^|\.)(?:ImageContent|ImageContentItem|ImageUrl|ImageBlock|ImageDocument|ImageNode|BinaryContent|"
    r"BinaryImage|ImageUrlContent|MessageInputImageUrlBlock|MessageInputImageFileBlock|MessageImageUrlParam|"
    r"create_image_block|load_image_urls|ImagePromptTemplate)(?:\.\w+)?$|"
    r"(?:^|\.)(?:autogen_core|dspy|instructor|promptflow\.contracts\.multimedia)\.Image(?:\.\w+)?$|"
    r"(?:^|\.)ImageContent\.from_\w+$|(?:^|\.)Image\.from_(?:pil|uri|base64|file|url|path|raw_base64|PIL)$|"
    r"^agent_framework\.Content\.from_(?:data|uri)$"  # media_type not read: audio or PDF content counts too
)
IMAGE_KWARGS = frozenset({"image", "images", "image_documents", "image_url", "input_reference", "image_file"})
# Keys of a message part or body dict whose value is an image (``{"image_url": {...}}``, ``{"image": b64}``).
IMAGE_DICT_KEYS = frozenset({"image_url", "input_image", "image_file", "image", "images", "image_base64"})
IMAGE_PART_TYPES = frozenset({"image_url", "input_image", "image", "image_file", "file"})

# Local face pipelines.
FACE_DETECTORS = re.compile(
    r"(?:face_recognition\.face_locations|face_recognition\.face_landmarks|dlib\.get_frontal_face_detector|"
    r"dlib\.cnn_face_detection_model_v1|mediapipe\.solutions\.face_detection|mediapipe\.solutions\.face_mesh|"
    r"\.FaceDetection|\.face_detection\.FaceDetection|DeepFace\.extract_faces|DeepFace\.detectFace|"
    r"mtcnn\.MTCNN|MTCNN|RetinaFace\.detect_faces|insightface\.app\.FaceAnalysis|FaceDetectorYN|"
    r"\.detect_with_stream|\.detect_with_url|FaceClient|\.detect_faces|\.detectMultiScale|get_frontal_face_detector)$"
)
FACE_MATCHERS = re.compile(
    r"(?:face_recognition\.compare_faces|face_recognition\.face_distance|face_recognition\.face_encodings|"
    r"DeepFace\.verify|DeepFace\.find|DeepFace\.represent|\.identify_from_person_group|\.identify_from_large_person_group|"
    r"\.verify_face_to_face|\.verify_from_person_group|\.find_similar|\.face\.identify|\.face\.verify_face_to_face|"
    r"insightface\.model_zoo\.get_model|\.compute_face_descriptor|compare_faces|face_distance)$"
)
BLUR_CALLS = re.compile(
    r"(?:cv2\.GaussianBlur|cv2\.blur|cv2\.medianBlur|cv2\.boxFilter|cv2\.stackBlur|cv2\.bilateralFilter|"
    r"ImageFilter\.GaussianBlur|ImageFilter\.BoxBlur|ImageFilter\.BLUR|\.pixelate|\.blur_faces|\.anonymi[sz]e\w*)$"
)
VIDEO_SOURCES = re.compile(
    r"(?:cv2\.VideoCapture|imutils\.video\.VideoStream|imutils\.video\.WebcamVideoStream|VideoStream|"
    r"picamera2\.Picamera2|picamera\.PiCamera|av\.open|vidgear\.gears\.CamGear)$"
)
LIVE_SOURCE = re.compile(r"^(?:rtsp|rtmp|rtp|udp|srt|webrtc)://|/dev/video|\.m3u8|mjpe?g|/stream|/live|:\d{4}/", re.I)
