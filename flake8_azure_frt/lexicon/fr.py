"""French phrases."""

from __future__ import annotations

from .table import Language

PERSON = (
    r"(?:personnes?|individus?|hommes?|femmes?|enfants?|suspects?|suspecte?s?|conducteurs?|clients?|employés?|"
    r"étudiants?|patients?|quelqu'un|visages?|sujets?|détenus?|visiteurs?|gens|lui|elle|eux|elles)"
)
VISUAL = r"\b(?:visages?|faciale?s?|photos?|photographies?|images?|vidéos?|caméras?|selfies?|portraits?)\b"

LANGUAGE = Language(
    code="fr",
    purposes={
        "identify": [
            (r"\bqui (?:est|sont) (?:cette|cet|ce|ces|la|le|les|sur)\b", False),
            (
                r"\b(?:identifie|identifier|identifiez|reconnais|reconnaître|reconnaissez)\b (?:\w+ ){0,3}?"
                + PERSON
                + r"\b",
                False,
            ),
            (r"\breconnaissance faciale\b|\bidentification faciale\b|\bvérification faciale\b", True),
            (r"\b(?:compare|comparer|comparez)\b (?:\w+ ){0,4}?(?:visages?|photos? de)\b", True),
            (r"\bmême personne\b", True),
            (r"\bnom de (?:la |cette )?(?:personne|suspect|homme|femme)\b", False),
            (r"\bvérifier l'identité\b", False),
        ],
        "emotion": [
            (
                r"\bémotions?\b|\bétat émotionnel\b|\bhumeur\b|\bexpressions? faciales?\b|"
                r"\bexpressions? du visage\b|\bcomment se sent\b",
                True,
            ),
            (
                r"\b(?:est|sont|semble|semblent|soit) (?:\w+ )?(?:en colère|triste|tristes|heureu(?:x|se|ses)|"
                r"nerveu(?:x|se|ses)|stressée?s?|effrayée?s?|frustrée?s?|anxieu(?:x|se|ses))\b",
                True,
            ),
        ],
        "sensitive": [
            (
                r"\bgenre\b|\bsexe\b|\brace\b|\bethnie\b|\borigine ethnique\b|\breligion\b|\borientation sexuelle\b|"
                r"\bnationalité\b|\bâge exact\b|\bquel âge\b",
                True,
            ),
        ],
        "track": [
            (r"\b(?:suivre|suis|suivez|pister|traquer|surveiller)\b (?:\w+ ){0,3}?" + PERSON + r"\b", True),
            (r"\bré-?identifi(?:er|cation)\b", True),
            (
                r"\bsuivre (?:\w+ ){0,2}?(?:parcours|déplacements|trajet)\b"
                r"|\battribu\w* (?:\w+ ){0,2}?même identifiant\b",
                True,
            ),
        ],
    },
    fields={},
    negation=r"\b(?:ne|n'|pas|jamais|sans|évite[rz]?|ni)\b",
    contrast=r"\b(?:mais|seulement|uniquement|sauf|cependant)\b",
    post_negation=r"\b(?:est|sont) interdit(?:e|s|es)?\b",
    person=r"\b" + PERSON + r"\b",
    visual=VISUAL,
    written=r"\b(?:avis|textes?|messages?|commentaires?|courriels?|e-mails?|transcriptions?)\b",
    context={
        "police": r"\b(?:police|policiers?|gendarmerie|gendarmes?|commissariat|forces de l'ordre|garde à vue)\b",
        "police_weak": r"\b(?:suspects?|enquête|interpellation|délit|crime|preuves)\b",
        "non_us": r"\b(?:police nationale|gendarmerie nationale|police municipale|préfecture de police|france|"
        r"belgique|suisse|québec|sûreté du québec)\b",
        "gallery": r"\b(?:fichier des suspects|fichiers? de police|taj|personnes recherchées|liste de surveillance|"
        r"anciens détenus|photos d'identité judiciaire)\b",
        "mobile": r"\b(?:caméras? piétons?|caméras? embarquées?|drones?)\b",
        "live": r"\b(?:en temps réel|en direct)\b",
        "blur": r"\b(?:flouter|floutage|anonymiser|pixelliser)\b",
    },
)
