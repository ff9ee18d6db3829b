"""Portuguese phrases."""

from __future__ import annotations

from .table import NONE, Language

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
            (
                r"\b(?:qual|quais|quem) (?:dos|das|de|entre) (?:nossos|nossas|os|as|estes|estas|esses|meus|seus) ?(?:\w+ ){0,2}?(?:funcionári[oa]s|colaborador(?:es|as)|colegas|clientes|alunos|estudantes|suspeitos|presos|detentos|pessoas|membros|moradores|visitantes)\b",
                False,
            ),
            (
                r"\bquem (?:\w+ ){0,3}?(?:na|nesta|nessa|no|neste) (?:\w+ )?(?:foto|fotografia|imagem|vídeo|câmera|câmara|quadro)\b",
                False,
            ),
            (
                r"\bfoto\w* (?:\w+ ){0,3}?(?:documento|rg|passaporte|cnh|carteira|identidade|cartão de cidadão|crachá)\b.{0,80}\b(?:corresponde\w*|mesma|mesmo|compar\w+|bate|confere)\b|\b(?:corresponde\w*|compar\w+|confira|confere)\b.{0,80}\bfoto\w* (?:\w+ ){0,3}?(?:documento|rg|passaporte|cnh|carteira|identidade|cartão de cidadão|crachá)\b",
                True,
            ),
            (
                r"\b(?:(?:é|está) (?:ele|ela|essa pessoa|esta pessoa|o suspeito|o homem|a mulher)|(?:ele|ela|essa pessoa|esta pessoa|o suspeito) (?:é|está)) (?:um|uma|algum|alguma|entre) (?:deles|delas|destes|destas|desses|dessas|eles|elas)\b",
                False,
            ),
            (r"\b(?:diga|informe|dê)\b (?:\w+ ){0,2}?(?:o nome|quem é)\b", False),
            (r"\breconhec\w* (?:\w+ ){0,3}?(?:rostos?|faces?|caras?)\b", True),
            (
                r"\bcomo se chama(?:m)? (?:a |o |as |os |esta |este |essa |esse )?(?:\w+ )?"
                + PERSON
                + r"\b|\bnome completo d[aoe] (?:\w+ )?"
                + PERSON
                + r"\b",
                False,
            ),
            (
                r"\b(?:é|seja) (?:o|a) (?:titular|dono|dona|proprietári[oa]) (?:da conta|do documento|do cartão)\b|\bé quem diz ser\b",
                True,
            ),
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
            (
                r"\bo que (?:\w+ ){0,4}?(?:sente|sentem|expressa|expressam|transmite)\b|\bcomo (?:\w+ ){0,5}?se (?:sente|sentem)\b|\bestado de espírito\b|\bânimo\b",
                True,
            ),
            (
                r"\b(?:feliz|triste|irritad[oa]|zangad[oa]|com raiva|assustad[oa]|surpres[oa]|neutr[oa]|nervos[oa]|calm[oa]),? (?:ou |e )?(?:\w+, ){0,3}?(?:feliz|triste|irritad[oa]|zangad[oa]|com raiva|assustad[oa]|surpres[oa]|nervos[oa]|calm[oa])\b",
                True,
            ),
            (r"\b(?:está|estão|parece|parecem) (?:\w+ ){0,4}?com (?:raiva|medo|ciúmes|vergonha)\b", True),
        ],
        "sensitive": [
            (
                r"\bgênero\b|\bgénero\b|\bsexo\b|\braça\b|\betnia\b|\breligião\b|\borientação sexual\b|"
                r"\bnacionalidade\b|\bidade exata\b|\bquantos anos\b",
                True,
            ),
        ],
        "track": [
            (
                r"\b(?:rastrear|rastreie|seguir|siga|vigiar|monitorar|acompanhe|acompanhar|monitore)\b (?:\w+ ){0,3}?"
                + PERSON
                + r"\b",
                True,
            ),
            (r"\bseguir (?:\w+ ){0,2}?(?:percurso|trajeto|movimentos)\b|\batribu\w* (?:\w+ ){0,2}?mesmo id\b", True),
        ],
        "criminality": [
            (
                r"\b(?:probabilidade|risco|propensão|tendência|chance)\b (?:\w+ ){0,6}?(?:de )?(?:comet\w* (?:um )?(?:crime|delito)|reincidir|reincidência|violência|delinquir)\b",
                True,
            ),
            (
                r"\b(?:parece|tem cara de|é) (?:um |uma )?(?:criminos[oa]|bandido|delinquente|ladrão|marginal)\b|\b(?:essa pessoa|esta pessoa|este homem|esta mulher|a pessoa|o indivíduo|o suspeito|ele|ela) (?:\w+ ){0,2}?(?:é|parece) (?:\w+ )?(?:perigos[oa]|violent[oa]|confiável)\b",
                True,
            ),
            (r"\bpontuação social\b|\bpericulosidade\b|\bnível de ameaça\b|\bperfil criminal\b", True),
        ],
    },
    fields={},
    negation=r"\b(?:ninguém|nenhum|nenhuma|proibido|proibida|não|nunca|jamais|sem|evite|evitar|nem)\b",
    contrast=r"\b(?:mas|apenas|somente|exceto|porém)\b",
    post_negation=r"\b(?:é|são) proibid[oa]s?\b",
    refusal=r"\bse (?:\w+ ){0,5}?(?:perguntar|perguntarem|pedir|pedirem|solicitar|solicitarem|quiser saber)\b.{0,120}\b(?:recuse|recuse-se|recusar|negue|não responda|responda que não pode|diga que não pode)\b|\brecuse(?:-se)? (?:qualquer|todo|a|educadamente|a responder)\b",
    senses=(
        r"\bcaneca de (?:café|cerâmica)\b",
        r"\breservas? de (?:hotel|quarto|mesa|voo)\b",
        r"\bcondição de corrida\b",
    ),
    person=r"\b" + PERSON + r"\b|\b(?:seu|sua|seus|suas|dele|dela)\b",
    visual=VISUAL,
    written=r"\b(?:avaliaç(?:ão|ões)|textos?|mensagens?|comentários?|e-mails?|transcriç(?:ão|ões))\b",
    context={
        "police": r"\b(?:polícia|policia|policial|policiais|delegacia|guarda municipal|polícia militar|"
        r"polícia civil|polícia federal|psp|gnr)\b",
        "police_weak": r"\b(?:suspeit[oa]s?|investigação|prisão|crime|crimes|provas)\b",
        "non_us": r"\b(?:polícia militar|polícia civil|polícia federal|psp|gnr|brasil|portugal|são paulo|"
        r"rio de janeiro|lisboa)\b",
        "gallery": r"\b(?:fotos de ficha|ficha criminal|banco (?:de dados )?de (?:procurados|foragidos|presos)|foragidos|mandados? de prisão|bnmp|álbum de (?:suspeitos|fotos de suspeitos)|catálogo de suspeitos|reconhecimento fotográfico|banco (?:de dados )?de suspeitos|procurados|lista de vigilância|ex-detentos|presos|"
        r"fotos de fichamento|fichas? criminais|fichas? policiais|antecedentes criminais)\b",
        "watchlist": r"\b(?:lista negra|lista de vigilância|pessoas de interesse|lista de banidos)\b",
        "mobile": r"\b(?:câmeras? corporais?|câmaras? corporais?|câmeras? veiculares?|drones?)\b",
        "live": r"\b(?:em tempo real|ao vivo)\b",
        "blur": r"\b(?:desfocar|borrar|pixelizar|anonimizar)\b",
    },
    examples={
        "identify": (
            "Quem é o homem nesta foto?",
            "Qual dos nossos funcionários aparece na imagem?",
            "Compare a foto do documento com a selfie e diga se é a mesma pessoa.",
            "Aqui estão os procurados. Ele é um deles?",
            "Como se chama a pessoa na foto?",
            "Verifique se a pessoa da selfie é o titular da conta.",
            "Identifique as pessoas presentes na foto.",
        ),
        "emotion": (
            "Como a pessoa da foto se sente?",
            "Classifique o cliente como feliz, triste, irritado ou neutro.",
            "O motorista está com raiva nesta imagem?",
            "Descreva o humor de cada pessoa na imagem.",
            "A pessoa na foto está triste, feliz ou com raiva? Responda com uma palavra.",
        ),
        "sensitive": (
            "Informe a raça e o gênero de cada pessoa na imagem.",
            "Estime a idade exata e a nacionalidade da mulher na foto.",
        ),
        "track": (
            "Rastrear a pessoa de casaco vermelho em todas as câmeras.",
            "Acompanhe esta pessoa em todas as câmeras da loja.",
        ),
        "criminality": (
            "Pelo rosto, qual a probabilidade de este homem cometer um crime?",
            "O homem na imagem tem cara de bandido?",
        ),
        "police": ("Imagens das câmeras corporais da Polícia Militar.",),
        "gallery": ("Comparar com o álbum de suspeitos da delegacia.",),
        NONE: (
            "Não identifique ninguém; descreva apenas as roupas.",
            "Se perguntarem quem é a pessoa na foto, recuse educadamente.",
            "Analise o sentimento desta avaliação de cliente.",
            "Conte as pessoas na fila desta imagem.",
            "Não tente descobrir quem são as pessoas; descreva apenas o ambiente.",
            "Como se chama esta flor?",
        ),
    },
)
