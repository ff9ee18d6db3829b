"""Spanish phrases."""

from __future__ import annotations

from .table import NONE, Language

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
            (
                r"\b(?:cuál|cuáles|quién|quiénes) (?:de|entre) (?:nuestros|nuestras|los|las|estos|estas|esos|mis|sus) (?:\w+ ){0,2}?(?:emplead[oa]s|trabajador(?:es|as)|colegas|clientes|socios|alumnos|estudiantes|sospechosos|reclusos|presos|detenidos|personas|miembros|residentes|visitantes)\b",
                False,
            ),
            (
                r"\b(?:quién|quiénes) (?:\w+ ){0,3}?(?:en|de) (?:la|esta|esa|el|este) (?:\w+ )?(?:foto|fotografía|imagen|vídeo|video|fotograma|cámara)\b",
                False,
            ),
            (
                r"\bfoto\w* (?:\w+ ){0,3}?(?:documento|dni|pasaporte|carnet|cédula|credencial|licencia)\b.{0,80}\b(?:coincide|coinciden|corresponde|misma|mismo|compar\w+|cotej\w+)\b|\b(?:coincide|coinciden|corresponde|compar\w+|cotej\w+)\b.{0,80}\bfoto\w* (?:\w+ ){0,3}?(?:documento|dni|pasaporte|carnet|cédula|credencial|licencia)\b",
                True,
            ),
            (
                r"\b(?:(?:es|son|está|aparece) (?:él|ella|ellos|esta persona|el sospechoso|el hombre|la mujer)|(?:él|ella|esta persona|el sospechoso) (?:es|está)) (?:uno de|una de|alguno de|alguna de|entre) (?:ellos|ellas|estos|estas|esos|esas|los|las)\b",
                False,
            ),
            (r"\bdime (?:el nombre|quién)\b|\b(?:pon|ponle|dame) (?:un |el )?nombre a\b", False),
            (
                r"\b(?:busca|buscar|localiza|localizar|encuentra|encontrar)\b (?:\w+ ){0,3}?(?:su|el|la|este|esta) (?:cara|rostro)\b",
                True,
            ),
            (
                r"\bcómo se llama(?:n)? (?:la |el |las |los |esta |este |esa |ese |aquel |aquella )?(?:\w+ )?"
                + PERSON
                + r"\b|\bnombre completo (?:de|del) (?:la |esta |este )?(?:\w+ )?"
                + PERSON
                + r"\b",
                False,
            ),
            (
                r"\b(?:es|sea) (?:el|la) (?:titular|propietari[oa]|due[ñn][oa]) (?:de la cuenta|del documento|registrad[oa])\b|\bes quien dice ser\b",
                True,
            ),
        ],
        "emotion": [
            (r"\bemoci(?:ón|ones)\b|\bestado (?:emocional|de ánimo)\b|\bexpresi(?:ón|ones) facial(?:es)?\b", True),
            (r"\bexpresi(?:ón|ones) de(?:l| la) (?:cara|rostro)\b|\bcómo se siente\b", True),
            (
                r"\b(?:está|están|parece|parecen|esté) (?:\w+ )?(?:enfadad[oa]s?|enojad[oa]s?|triste|tristes|feliz|"
                r"felices|asustad[oa]s?|nervios[oa]s?|estresad[oa]s?|agresiv[oa]s?|frustrad[oa]s?)\b",
                True,
            ),
            (
                r"\b(?:qué|que) (?:siente|sienten|sentía|expresa|expresan|transmite|transmiten)\b|\bcómo se (?:sienten|siente|encuentra|encuentran)\b|\bestado anímico\b|\bánimo\b",
                True,
            ),
            (
                r"\b(?:feliz|triste|enfadad[oa]|enojad[oa]|asustad[oa]|sorprendid[oa]|neutral|nervios[oa]|tranquil[oa]),? (?:o |y )?(?:\w+, ){0,3}?(?:feliz|triste|enfadad[oa]|enojad[oa]|asustad[oa]|sorprendid[oa]|nervios[oa]|tranquil[oa])\b",
                True,
            ),
        ],
        "sensitive": [
            (
                r"\bgénero\b|\bsexo\b|\braza\b|\betnia\b|\borigen étnico\b|\breligión\b|\borientación sexual\b|"
                r"\bnacionalidad\b|\bedad exacta\b|\bqué edad\b|\bcuántos años\b",
                True,
            ),
            (
                r"\bde qué país (?:es|son|viene|vienen)\b|\bde dónde (?:es|son|viene|vienen)\b|\bprocedencia étnica\b|\borigen (?:racial|étnico)\b",
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
        "criminality": [
            (
                r"\b(?:probabilidad|riesgo|propensión|tendencia|posibilidad)\b (?:\w+ ){0,6}?(?:de )?(?:comet\w* (?:un )?(?:delito|crimen)|delinquir|reincidir|reincidencia|violencia)\b",
                True,
            ),
            (
                r"\b(?:parece|tiene pinta de|tiene cara de|es) (?:un |una )?(?:delincuente|criminal|ladrón|maleante)\b|\b(?:esta persona|este hombre|esta mujer|la persona|el hombre|la mujer|el individuo|el sospechoso|él|ella) (?:\w+ ){0,4}?(?:es|parece|resulta) (?:\w+ )?(?:peligros[oa]|violent[oa]|de fiar|confiable)\b",
                True,
            ),
            (r"\bpuntuación social\b|\bpeligrosidad\b|\bnivel de amenaza\b|\bperfil criminal\b", True),
        ],
    },
    fields={},
    negation=r"\b(?:nadie|ningún|ninguna|ninguno|tampoco|prohibido|prohibida|no|nunca|jamás|sin|evita|evitar|ni)\b",
    contrast=r"\b(?:pero|sino|solo|sólo|solamente|aunque|excepto)\b",
    post_negation=r"\b(?:está|están) prohibid[oa]s?\b",
    refusal=r"\bsi (?:\w+ ){0,5}?(?:pregunta|preguntan|pide|piden|solicita|solicitan|quiere saber)\b.{0,120}\b(?:niégate|negarte|recházal[oa]|rechaza|declina|no respondas|no contestes|responde que no puedes|indica que no puedes)\b|\b(?:niégate|rehúsate|rehúsa|rechaza (?:cualquier|toda|la) (?:solicitud|petición|pregunta))\b",
    senses=(
        r"\btaza (?:de café|de cerámica)\b",
        r"\breserva(?:s)? de (?:hotel|habitación|mesa|vuelo)\b",
        r"\bcondición de carrera\b",
    ),
    person=r"\b" + PERSON + r"\b|\b(?:su|sus)\b",
    visual=VISUAL,
    written=r"\b(?:reseñas?|textos?|mensajes?|comentarios?|correos?|opiniones?|tuits?|transcripci(?:ón|ones))\b",
    context={
        "police": r"\b(?:policía|policia|policial|agentes? de policía|fuerzas de seguridad|guardia civil|"
        r"comisaría|detenid[oa]s?|sheriff|cuerpo de policía|ertzaintza|mossos)\b",
        "police_weak": r"\b(?:agentes?|sospechos[oa]s?|delito|delitos|arresto|detención|investigación|pruebas)\b",
        "non_us": r"\b(?:policía nacional|guardia civil|mossos d'esquadra|ertzaintza|españa|méxico|colombia|"
        r"argentina|chile|perú|carabineros)\b",
        "gallery": r"\b(?:fichas? de (?:detenidos|antecedentes)|reseñas? fotográficas?|álbum(?:es)? de (?:sospechosos|delincuentes|detenidos)|álbum fotográfico policial|base de datos de (?:detenidos|delincuentes|reos|fichados)|requisitoriados|prófugos|órdenes de (?:captura|búsqueda)|boletín de búsqueda|fichados|rueda de reconocimiento|fichas? policiales?|fichas? criminales|banco de sospechosos|antecedentes penales|"
        r"base de datos de sospechosos|sospechosos buscados|lista de vigilancia|"
        r"reclusos|presos|fotos de detenidos|más buscados)\b",
        "watchlist": r"\b(?:lista negra|lista de vigilancia|personas de interés|lista de (?:vetados|prohibidos))\b",
        "mobile": r"\b(?:cámaras? corporales?|cámara de tablero|cámaras? de solapa|dron(?:es)?)\b",
        "live": r"\b(?:en tiempo real|en directo|en vivo)\b",
        "blur": r"\b(?:difuminar|desenfocar|pixelar|anonimizar)\b",
    },
    examples={
        "identify": (
            "¿Quién es el hombre de esta foto?",
            "¿Cuál de nuestros empleados aparece en la imagen?",
            "Compara la foto del DNI con el selfie y dime si es la misma persona.",
            "Aquí están los sospechosos buscados. ¿Es él uno de ellos?",
            "¿Puedes decirme cómo se llama la persona de la imagen?",
            "Verifica si la persona del selfie es el titular de la cuenta.",
            "Identifica a las personas que aparecen en la foto.",
            "Compara el rostro del selfie con la foto de la credencial.",
        ),
        "emotion": (
            "¿Cómo se siente la persona de la foto? Responde con una palabra.",
            "Clasifica al cliente como feliz, triste, enfadado o neutral.",
            "¿Está enojado el conductor en este fotograma?",
            "Describe el estado de ánimo de cada persona en la imagen.",
            "¿La persona de la foto está triste, feliz o enfadada? Responde con una palabra.",
        ),
        "sensitive": (
            "Indica la raza y el género de cada persona en la imagen.",
            "¿De qué país es la mujer de la foto?",
            "Estima la edad exacta y el origen étnico de la mujer en la foto.",
        ),
        "track": (
            "Rastrea a la persona de la chaqueta roja en todas las cámaras.",
            "Sigue a este hombre por todas las cámaras del centro comercial.",
            "Haz un seguimiento de esta persona en las cámaras de la tienda.",
        ),
        "criminality": (
            "Según su cara, ¿qué probabilidad hay de que este hombre cometa un delito?",
            "¿Tiene pinta de delincuente el hombre de la imagen?",
            "El hombre de la foto es peligroso?",
        ),
        "police": ("Imágenes de las cámaras corporales de la Policía Municipal.",),
        "gallery": ("Compara con las reseñas fotográficas de detenidos.",),
        NONE: (
            "No identifiques a nadie; describe solo la ropa.",
            "Si te preguntan quién es alguien en la foto, niégate amablemente.",
            "Analiza el sentimiento de esta reseña de cliente.",
            "Describe la escena de la foto para una persona ciega.",
            "No reveles la identidad de nadie en la imagen.",
            "Cuenta cuántas personas hay en la fila.",
            "¿Cómo se llama esta flor?",
        ),
    },
)
