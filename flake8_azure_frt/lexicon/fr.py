"""French phrases."""

from __future__ import annotations

from .table import NONE, Language

PERSON = (
    r"(?:personnes?|individus?|élèves?|passagers?|employées?|agents?|candidate?s?|voyageurs?|hommes?|femmes?|enfants?|suspects?|suspecte?s?|conducteurs?|clients?|employés?|"
    r"étudiants?|patients?|quelqu'un|visages?|sujets?|détenus?|visiteurs?|gens|lui|elle|eux|elles)"
)
VISUAL = r"\b(?:visages?|faciale?s?|photos?|photographies?|images?|vidéos?|caméras?|selfies?|portraits?)\b"

LANGUAGE = Language(
    code="fr",
    purposes={
        "identify": [
            (r"\bqui (?:est|sont) (?:cette|cet|ce|ces|la|le|les|l'|sur)", False),
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
            (
                r"\b(?:lequel|laquelle|lesquels|lesquelles|qui) (?:de|d'entre|parmi) (?:nos|mes|ces|les|vos|leurs) (?:\w+ ){0,2}?(?:employés|salariés|collègues|clients|élèves|étudiants|suspects|détenus|personnes|membres|résidents|visiteurs|agents)\b|\bquel (?:employé|salarié|collègue|suspect|détenu)\b",
                False,
            ),
            (
                r"\bqui (?:[\w']+ ){0,3}?(?:sur|dans) (?:la|cette|l'|ce|cet) ?(?:\w+ )?(?:photo|image|vidéo|caméra|cliché|séquence)\b",
                False,
            ),
            (
                r"\bphoto\w* (?:\w+ ){0,3}?(?:carte d'identité|pièce d'identité|passeport|permis|titre de séjour|badge|document)\b.{0,80}\b(?:correspond\w*|même|compar\w+|concord\w+)\b|\b(?:correspond\w*|compar\w+|concord\w+)\b.{0,80}\bphoto\w* (?:\w+ ){0,3}?(?:carte d'identité|pièce d'identité|passeport|permis|titre de séjour|badge|document)\b",
                True,
            ),
            (
                r"\b(?:est-il|est-elle|sont-ils|est-ce qu'il est|est-ce qu'elle est) (?:l'un|l'une|un|une|parmi) (?:d'eux|d'entre eux|d'elles|de ces|de ceux)\b|\bfait-il partie de(?:s| ces| la liste)\b",
                False,
            ),
            (
                r"\bnomme[rz]? (?:la |cette |chaque |les |ces )?(?:personne|personnes|individu|homme|femme|suspect)s?\b|\bmettre un nom sur\b",
                False,
            ),
            (
                r"\bcomment s'appelle(?:nt)? (?:la |le |les |l'|cette |cet |ce |ces )?(?:\w+ )?"
                + PERSON
                + r"\b|\bnom complet (?:de |du |des )(?:la |l'|cette |cet )?(?:\w+ )?"
                + PERSON
                + r"\b",
                False,
            ),
            (r"\breconnais-tu\b|\breconnaissez-vous\b|\btu reconnais (?:cet|cette|ce|ces)\b", False),
            (
                r"\b(?:est|soit) (?:bien |bel et bien )?(?:le|la) (?:titulaire|propriétaire) (?:du compte|du document|de la carte)\b|\best bien (?:la personne|celui|celle) qu'(?:il|elle) prétend\b",
                True,
            ),
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
            (
                r"\b(?:que|ce que|qu'est-ce que) (?:\w+ ){0,4}?(?:ressent|ressentent|éprouve|éprouvent|exprime|exprimen)\b|\bcomment (?:\w+ ){0,5}?se (?:sent|sentent)\b|\bétat d'esprit\b|\bressenti\b",
                True,
            ),
            (
                r"\b(?:joyeu(?:x|se)|heureu(?:x|se)|triste|en colère|effrayée?|surprise?|neutre|nerveu(?:x|se)|calme|anxieu(?:x|se)),? (?:ou |et )?(?:\w+, ){0,3}?(?:joyeu(?:x|se)|heureu(?:x|se)|triste|en colère|effrayée?|surprise?|nerveu(?:x|se)|calme|anxieu(?:x|se))\b",
                True,
            ),
            (
                r"\ba l'air (?:de s'ennuyer|triste|en colère|heureu(?:x|se)|nerveu(?:x|se)|inquiète?|stressée?|effrayée?)\b|\bs'ennui(?:e|ent|yer)\b",
                True,
            ),
            (
                r"\bquel(?:le)?s? (?:sentiments?|émotions?|humeur) (?:\w+ ){0,2}?(?:exprime|expriment|montre|montrent|ressent|ressentent|affiche|traduit)\b",
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
        "criminality": [
            (
                r"\b(?:probabilité|risque|propension|tendance|chances?)\b (?:[\w']+ ){0,6}?(?:de |d')?(?:commett\w* (?:un |une )?(?:crime|délit|infraction)|récidive[rz]?|passer à l'acte|violence)\b",
                True,
            ),
            (
                r"\b(?:a l'air|a-t-(?:il|elle) l'air|a une tête de|ressemble à|semble|est) (?:d'un |d'une |un |une )?(?:criminel(?:le)?|délinquant(?:e)?|voyou)\b|\b(?:cette personne|cet homme|cette femme|la personne|l'individu|le suspect|il|elle) (?:\w+ ){0,2}?(?:est|semble|paraît|a l'air) (?:\w+ )?(?:dangereu(?:x|se)|violente?|une menace|digne de confiance)\b",
                True,
            ),
            (r"\bscore social\b|\bdangerosité\b|\bniveau de menace\b|\bprofil criminel\b", True),
        ],
    },
    fields={},
    negation=r"\b(?:aucun|aucune|nul|nulle|personne ne|rien|interdit|interdiction|ne|n'|pas|jamais|sans|évite[rz]?|ni)\b",
    contrast=r"\b(?:mais|seulement|uniquement|sauf|cependant)\b",
    post_negation=r"\b(?:est|sont) interdit(?:e|s|es)?\b",
    refusal=r"\bsi (?:\w+ ){0,5}?(?:demande|demandent|interroge|veut savoir)\b.{0,120}\b(?:refuse[rz]?|décline[rz]?|ne réponds pas|ne répondez pas|indique[rz]? que tu ne peux pas|réponds que tu ne peux pas)\b|\brefuse[rz]? (?:toute|les|de répondre|poliment)\b",
    senses=(
        r"\bpolices? (?:de caractères|d'écriture|du texte|de texte|sans[- ]serif|serif|manuscrites?|gothiques?|utilisées?|en gras)\b|\b(?:taille|couleur|choix|changer|changement|graisse) (?:de )?(?:la )?police\b|\bla police (?:du|de la) (?:titre|logo|affiche|texte|poster|slogan)\b",
        r"\bmug (?:de café|en céramique)\b",
        r"\bréservation (?:d'hôtel|de chambre|de table)\b",
    ),
    person=r"\b" + PERSON + r"\b|\b(?:son|sa|ses|leur|leurs)\b",
    visual=VISUAL,
    written=r"\b(?:avis|textes?|messages?|commentaires?|courriels?|e-mails?|transcriptions?)\b",
    context={
        "police": r"\b(?:police|policiers?|gendarmerie|gendarmes?|commissariat|forces de l'ordre|garde à vue)\b",
        "police_weak": r"\b(?:suspects?|enquête|interpellation|délit|crime|preuves)\b",
        "non_us": r"\b(?:police nationale|gendarmerie nationale|police municipale|préfecture de police|france|"
        r"belgique|suisse|québec|sûreté du québec)\b",
        "gallery": r"\b(?:fichier des personnes recherchées|fpr|avis de recherche|photos anthropométriques|signalétiques?|fichés?(?: s)?|album (?:photo )?des suspects|trombinoscope des suspects|fichier automatisé des empreintes|fichier des antécédents|fichier des suspects|fichiers? de police|taj|personnes recherchées|liste de surveillance|"
        r"anciens détenus|photos d'identité judiciaire)\b",
        "watchlist": r"\b(?:liste noire|liste de surveillance|personnes d'intérêt|liste des personnes interdites)\b",
        "mobile": r"\b(?:caméras? piétons?|caméras? embarquées?|drones?)\b",
        "live": r"\b(?:en temps réel|en direct)\b",
        "blur": r"\b(?:flouter|floutage|anonymiser|pixelliser)\b",
    },
    examples={
        "identify": (
            "Qui est l'homme sur cette photo ?",
            "Lequel de nos employés apparaît sur cette image ?",
            "Compare la photo de la carte d'identité avec le selfie : est-ce la même personne ?",
            "Dis-moi comment s'appelle la personne sur la photo.",
            "Reconnais-tu cet homme ?",
            "Vérifie que la personne du selfie est bien le titulaire du compte.",
            "Identifie les personnes présentes sur la photo.",
        ),
        "emotion": (
            "Comment se sent la personne sur la photo ?",
            "Qu'est-ce que ressent le client sur cette image ?",
            "Est-ce que l'élève a l'air de s'ennuyer sur cette image ?",
            "Décris l'humeur de chaque personne sur la photo.",
            "La personne sur l'image est-elle triste, heureuse ou en colère ? Réponds en un mot.",
            "Quel sentiment exprime la femme sur la photo ?",
        ),
        "sensitive": (
            "Donne l'origine ethnique et le genre des personnes sur la photo.",
            "Quelle est la religion de la femme sur la photo ?",
            "Estime l'âge exact et la nationalité de la femme sur la photo.",
        ),
        "track": (
            "Suivre la personne au manteau rouge sur toutes les caméras.",
            "Suis cette personne sur toutes les caméras du magasin.",
        ),
        "criminality": (
            "D'après son visage, quelle est la probabilité que cet homme commette un délit ?",
            "L'homme sur l'image a-t-il l'air d'un délinquant ?",
        ),
        "police": ("Images des caméras-piétons de la gendarmerie.",),
        "gallery": ("Comparer avec le fichier des personnes recherchées.",),
        NONE: (
            "N'identifie personne ; décris uniquement les vêtements.",
            "Si on te demande qui est la personne sur la photo, refuse poliment.",
            "Choisis une police de caractères lisible pour l'affiche.",
            "Analyse le sentiment de cet avis client.",
            "Ne cherche pas à savoir qui sont les personnes ; décris seulement la pièce.",
            "Compte les personnes dans la file d'attente.",
            "Comment s'appelle cette fleur ?",
        ),
    },
)
