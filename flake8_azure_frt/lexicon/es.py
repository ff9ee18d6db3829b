"""Spanish phrases."""

from __future__ import annotations

from .table import Language

PERSON = (
    r"(?:persona|personas|individuos?|hombres?|mujer(?:es)?|chic[oa]s?|niñ[oa]s?|sospechos[oa]s?|conductor(?:es)?|"
    r"clientes?|emplead[oa]s?|estudiantes?|pacientes?|alguien|nadie|rostros?|caras?|sujetos?|detenid[oa]s?|"
    r"visitantes?|gente|él|ella|ellos|ellas)"
)
VISUAL = (
    r"\b(?:rostros?|caras?|faciale?s?|fotos?|fotografías?|imágen(?:es)?|imagen|fotogramas?|vídeos?|videos?|"
    r"cámaras?|selfies?|retratos?)\b"
)

LANGUAGE = Language(
    code="es",
    purposes={
        "identify": [
            (r"\bquién(?:es)? (?:es|son|aparece|aparecen|está|están)\b", False),
            (
                r"\b(?:identifica|identificar|identifique|identifiquen|reconoce|reconocer|reconozca)\b (?:\w+ ){0,3}?"
                + PERSON
                + r"\b",
                False,
            ),
            (r"\breconocimiento facial\b|\bidentificación facial\b|\bverificación facial\b", True),
            (r"\b(?:compara|comparar|compare|coteja|cotejar)\b (?:\w+ ){0,4}?(?:rostros?|caras?|fotos? de)\b", True),
            (r"\b(?:misma|distinta) persona\b", True),
            (r"\bnombre (?:de|del) (?:la |el |esta |este )?(?:persona|hombre|mujer|sospechoso|individuo)\b", False),
            (r"\bverifica(?:r)? (?:la )?identidad\b", False),
        ],
        "emotion": [
            (r"\bemoci(?:ón|ones)\b|\bestado (?:emocional|de ánimo)\b|\bexpresi(?:ón|ones) facial(?:es)?\b", True),
            (r"\bexpresi(?:ón|ones) de(?:l| la) (?:cara|rostro)\b|\bcómo se siente\b", True),
            (
                r"\b(?:está|están|parece|parecen|esté) (?:\w+ )?(?:enfadad[oa]s?|enojad[oa]s?|triste|tristes|feliz|"
                r"felices|asustad[oa]s?|nervios[oa]s?|estresad[oa]s?|agresiv[oa]s?|frustrad[oa]s?)\b",
                True,
            ),
        ],
        "sensitive": [
            (
                r"\bgénero\b|\bsexo\b|\braza\b|\betnia\b|\borigen étnico\b|\breligión\b|\borientación sexual\b|"
                r"\bnacionalidad\b|\bedad exacta\b|\bqué edad\b|\bcuántos años\b",
                True,
            ),
        ],
        "track": [
            (
                r"\b(?:rastrea|rastrear|sigue|seguir|seguimiento de|vigila|vigilar)\b (?:\w+ ){0,3}?" + PERSON + r"\b",
                True,
            ),
            (r"\breidentifica(?:r|ción)\b", True),
            (
                r"\bseguir (?:\w+ ){0,2}?(?:recorrido|movimientos|desplazamientos)\b"
                r"|\basign\w* (?:\w+ ){0,2}?mismo id\b",
                True,
            ),
        ],
    },
    fields={},
    negation=r"\b(?:no|nunca|jamás|sin|evita|evitar|ni)\b",
    contrast=r"\b(?:pero|sino|solo|sólo|solamente|aunque|excepto)\b",
    post_negation=r"\b(?:está|están) prohibid[oa]s?\b",
    person=r"\b" + PERSON + r"\b",
    visual=VISUAL,
    written=r"\b(?:reseñas?|textos?|mensajes?|comentarios?|correos?|opiniones?|tuits?|transcripci(?:ón|ones))\b",
    context={
        "police": r"\b(?:policía|policia|policial|agentes? de policía|fuerzas de seguridad|guardia civil|"
        r"comisaría|detenid[oa]s?|sheriff|cuerpo de policía|ertzaintza|mossos)\b",
        "police_weak": r"\b(?:agentes?|sospechos[oa]s?|delito|delitos|arresto|detención|investigación|pruebas)\b",
        "non_us": r"\b(?:policía nacional|guardia civil|mossos d'esquadra|ertzaintza|españa|méxico|colombia|"
        r"argentina|chile|perú|carabineros)\b",
        "gallery": r"\b(?:fichas? policiales?|fichas? criminales|banco de sospechosos|antecedentes penales|"
        r"base de datos de sospechosos|sospechosos buscados|lista de vigilancia|"
        r"reclusos|presos|fotos de detenidos|más buscados)\b",
        "mobile": r"\b(?:cámaras? corporales?|cámara de tablero|cámaras? de solapa|dron(?:es)?)\b",
        "live": r"\b(?:en tiempo real|en directo|en vivo)\b",
        "blur": r"\b(?:difuminar|desenfocar|pixelar|anonimizar)\b",
    },
)
