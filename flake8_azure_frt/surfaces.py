"""Every Python surface that reaches Azure OpenAI, as data (see shared reference sdk-surface.md).

A client *kind* names a family of request methods; a class maps to a kind and says whether it is Azure by
itself (``always``) or only with an Azure endpoint (``endpoint``).
"""

from __future__ import annotations

import re

# qualified class name -> (kind, azure: "always" | "endpoint" | "inference")
CLIENT_CLASSES: dict[str, tuple[str, str]] = {
    "openai.AzureOpenAI": ("openai", "always"),
    "openai.AsyncAzureOpenAI": ("openai", "always"),
    "openai.lib.azure.AzureOpenAI": ("openai", "always"),
    "openai.lib.azure.AsyncAzureOpenAI": ("openai", "always"),
    "llama_index.llms.azure_openai.SyncAzureOpenAI": ("openai", "always"),
    "llama_index.llms.azure_openai.AsyncAzureOpenAI": ("openai", "always"),
    "openai.OpenAI": ("openai", "endpoint"),
    "openai.AsyncOpenAI": ("openai", "endpoint"),
    "langchain_openai.AzureChatOpenAI": ("langchain", "always"),
    "langchain_openai.chat_models.AzureChatOpenAI": ("langchain", "always"),
    "langchain_openai.chat_models.azure.AzureChatOpenAI": ("langchain", "always"),
    "langchain_openai.AzureOpenAI": ("langchain", "always"),
    "langchain_openai.llms.AzureOpenAI": ("langchain", "always"),
    "langchain_community.chat_models.AzureChatOpenAI": ("langchain", "always"),
    "langchain_community.chat_models.azure_openai.AzureChatOpenAI": ("langchain", "always"),
    "langchain_community.llms.AzureOpenAI": ("langchain", "always"),
    "langchain.chat_models.AzureChatOpenAI": ("langchain", "always"),
    "langchain.llms.AzureOpenAI": ("langchain", "always"),
    "langchain_azure_ai.chat_models.AzureAIOpenAIApiChatModel": ("langchain", "always"),
    "langchain_azure_ai.chat_models.AzureAIChatCompletionsModel": ("langchain", "always"),
    "langchain_openai.ChatOpenAI": ("langchain", "endpoint"),
    "langchain_openai.chat_models.ChatOpenAI": ("langchain", "endpoint"),
    "llama_index.llms.azure_openai.AzureOpenAI": ("llamaindex", "always"),
    "llama_index.llms.azure_openai.AzureOpenAIResponses": ("llamaindex", "always"),
    "llama_index.multi_modal_llms.azure_openai.AzureOpenAIMultiModal": ("llamaindex", "always"),
    "semantic_kernel.connectors.ai.open_ai.AzureChatCompletion": ("sk", "always"),
    "semantic_kernel.connectors.ai.open_ai.AzureTextCompletion": ("sk", "always"),
    "semantic_kernel.connectors.ai.open_ai.services.azure_chat_completion.AzureChatCompletion": ("sk", "always"),
    "autogen_ext.models.openai.AzureOpenAIChatCompletionClient": ("autogen", "always"),
    "autogen_ext.models.openai.OpenAIChatCompletionClient": ("autogen", "endpoint"),
    "haystack.components.generators.chat.AzureOpenAIChatGenerator": ("haystack", "always"),
    "haystack.components.generators.chat.AzureOpenAIResponsesChatGenerator": ("haystack", "always"),
    "haystack.components.generators.AzureOpenAIGenerator": ("haystack", "always"),
    "azure.ai.inference.ChatCompletionsClient": ("inference", "inference"),
    "azure.ai.inference.aio.ChatCompletionsClient": ("inference", "inference"),
    "promptflow.tools.aoai.AzureOpenAI": ("promptflow", "always"),
    "promptflow.tools.aoai_gpt4v.AzureOpenAI": ("promptflow", "always"),
}

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
    r"create|create_partial|create_iterable|create_with_completion|messages\.create"
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
        "prompty": r"__call__|invoke",
        "promptflow": r"chat|completion",
        "agent": r"run|run_sync|run_stream|arun|get_response|invoke|invoke_stream|on_messages|initiate_chat|"
        r"generate_reply|a_generate_reply|a_initiate_chat|create|acompletion|completion|aresponses|responses|"
        r"chat\.completions\.create|" + _LANGCHAIN_METHODS,
    }.items()
}

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
    r"complete|acomplete|chat|achat|generate_content|messages\.create|completion|acompletion)$"
)

# Module-level functions that are requests when their model/endpoint is Azure.
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

AZURE_HOST = re.compile(
    r"(?:[\w.-]+\.)?(?:openai\.azure\.(?:com|us|cn)|cognitiveservices\.azure\.com|services\.ai\.azure\.com|"
    r"models\.ai\.azure\.com|azure-api\.net|openai\.azure)",
    re.IGNORECASE,
)
AZURE_PATH = re.compile(r"/openai/(?:deployments|v1|responses|realtime|threads|assistants|batches)|api-version=")
NOT_AOAI_HOST = re.compile(r"models\.inference\.ai\.azure\.com", re.IGNORECASE)
AZURE_MODEL_PREFIX = re.compile(r"^(?:azure|azure_openai|azure-responses|litellm/azure)[/:]", re.IGNORECASE)
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
    r"(?:^|\.)ImageContent\.from_\w+$|(?:^|\.)Image\.from_(?:pil|uri|base64|file|url|path|raw_base64|PIL)$"
)
IMAGE_KWARGS = frozenset({"image", "images", "image_documents", "image_url", "input_reference", "image_file"})
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
