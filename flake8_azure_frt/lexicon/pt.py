"""Portuguese phrases."""

from __future__ import annotations

from .table import Language

PERSON = (
    r"(?:pessoas?|indivíduos?|homens?|mulher(?:es)?|crianças?|suspeit[oa]s?|motoristas?|clientes?|funcionári[oa]s?|"
    r"alunos?|pacientes?|alguém|rostos?|caras?|presos?|detent[oa]s?|visitantes?|ele|ela|eles|elas)"
)
VISUAL = (
    r"\b(?:rostos?|faciais|facial|fotos?|fotografias?|imagens?|imagem|vídeos?|câmeras?|câmaras?|selfies?|retratos?)\b"
)

LANGUAGE = Language(
    code="pt",
    purposes={
        "identify": [
            (r"\bquem (?:é|são|aparece|está)\b", False),
            (r"\b(?:identifique|identificar|identifica|reconheça|reconhecer)\b (?:\w+ ){0,3}?" + PERSON + r"\b", False),
            (r"\breconhecimento facial\b|\bidentificação facial\b|\bverificação facial\b", True),
            (r"\b(?:compare|comparar)\b (?:\w+ ){0,4}?(?:rostos?|fotos? de)\b", True),
            (r"\bmesma pessoa\b", True),
            (r"\bnome d[ao] (?:pessoa|homem|mulher|suspeito)\b", False),
        ],
        "emotion": [
            (
                r"\bemoç(?:ão|ões)\b|\bestado emocional\b|\bhumor\b|\bexpress(?:ão|ões) facia(?:l|is)\b|"
                r"\bexpress(?:ão|ões) d[oa] (?:rosto|cara)\b|\bcomo se sente\b",
                True,
            ),
            (
                r"\b(?:está|estão|parece|parecem|esteja) (?:\w+ )?(?:irritad[oa]s?|zangad[oa]s?|triste|tristes|feliz|"
                r"felizes|nervos[oa]s?|estressad[oa]s?|assustad[oa]s?|frustrad[oa]s?)\b",
                True,
            ),
        ],
        "sensitive": [
            (
                r"\bgênero\b|\bgénero\b|\bsexo\b|\braça\b|\betnia\b|\breligião\b|\borientação sexual\b|"
                r"\bnacionalidade\b|\bidade exata\b|\bquantos anos\b",
                True,
            ),
        ],
        "track": [
            (r"\b(?:rastrear|rastreie|seguir|siga|vigiar|monitorar)\b (?:\w+ ){0,3}?" + PERSON + r"\b", True),
            (r"\bseguir (?:\w+ ){0,2}?(?:percurso|trajeto|movimentos)\b|\batribu\w* (?:\w+ ){0,2}?mesmo id\b", True),
        ],
    },
    fields={},
    negation=r"\b(?:não|nunca|jamais|sem|evite|evitar|nem)\b",
    contrast=r"\b(?:mas|apenas|somente|exceto|porém)\b",
    post_negation=r"\b(?:é|são) proibid[oa]s?\b",
    person=r"\b" + PERSON + r"\b",
    visual=VISUAL,
    written=r"\b(?:avaliaç(?:ão|ões)|textos?|mensagens?|comentários?|e-mails?|transcriç(?:ão|ões))\b",
    context={
        "police": r"\b(?:polícia|policia|policial|policiais|delegacia|guarda municipal|polícia militar|"
        r"polícia civil|polícia federal|psp|gnr)\b",
        "police_weak": r"\b(?:suspeit[oa]s?|investigação|prisão|crime|crimes|provas)\b",
        "non_us": r"\b(?:polícia militar|polícia civil|polícia federal|psp|gnr|brasil|portugal|são paulo|"
        r"rio de janeiro|lisboa)\b",
        "gallery": r"\b(?:banco (?:de dados )?de suspeitos|procurados|lista de vigilância|ex-detentos|presos|"
        r"fotos de fichamento|fichas? criminais|fichas? policiais|antecedentes criminais)\b",
        "mobile": r"\b(?:câmeras? corporais?|câmaras? corporais?|câmeras? veiculares?|drones?)\b",
        "live": r"\b(?:em tempo real|ao vivo)\b",
        "blur": r"\b(?:desfocar|borrar|pixelizar|anonimizar)\b",
    },
)
