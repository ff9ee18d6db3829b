"""Dutch phrases."""

from __future__ import annotations

from .table import NONE, Language

PERSON = (
    r"(?:persoon|personen|mens|mensen|individu(?:en)?|man|mannen|vrouw(?:en)?|kind(?:eren)?|jongen|meisje|"
    r"verdachten?|bestuurders?|chauffeurs?|klant(?:en)?|medewerkers?|werknemers?|collega'?s?|student(?:en)?|leerling(?:en)?|"
    r"patiënt(?:en)?|iemand|gezichten|gezicht|gedetineerden?|bezoekers?|reizigers?|hem|haar|hen|zij|hij|ze)"
)
VISUAL = (
    r"\b(?:gezicht(?:en)?|gezichts\w*|foto'?s?|afbeelding(?:en)?|beeld(?:en)?|plaatjes?|video'?s?|camera'?s?|"
    r"selfies?|portretten?|pasfoto'?s?|frames?)\b"
)

LANGUAGE = Language(
    code="nl",
    purposes={
        "identify": [
            (r"\bwie (?:is|zijn|staat|staan|zit|zitten) (?:dit|dat|deze|die|de|het|er|op|in)\b", False),
            (
                r"\b(?:identificeer|identificeren|herken|herkennen|benoem|benoemen)\b (?:\w+ ){0,3}?" + PERSON + r"\b",
                False,
            ),
            (r"\b" + PERSON + r" (?:\w+ ){0,4}?(?:identificeren|herkennen)\b", False),
            (
                r"\bgezichtsherkenning\b|\bgezichtsvergelijking\b|\bgezichtsverificatie\b|\bgezichtsidentificatie\b",
                True,
            ),
            (r"\bdezelfde persoon\b|\bhetzelfde persoon\b|\béén en dezelfde\b", True),
            (r"\b(?:naam|identiteit) van (?:deze|die|de) (?:\w+ )?" + PERSON + r"\b", False),
            (
                r"\b(?:vergelijk|vergelijken|matchen|match)\b (?:\w+ ){0,5}?(?:gezicht(?:en)?|pasfoto'?s?|"
                r"selfies?|foto'?s? van (?:de |deze )?(?:persoon|verdachte))\b",
                True,
            ),
            (
                r"\bwelke (?:van (?:onze|de|deze) )?(?:\w+ )?(?:medewerkers?|werknemers?|collega'?s?|verdachten?|"
                r"student(?:en)?|klant(?:en)?|personen) (?:is|zijn|staat|staan|zie)\b",
                False,
            ),
            (r"\b(?:controleer|verifieer|bevestig) (?:\w+ ){0,4}?identiteit\b", False),
            (
                r"\bhoe heet (?:de|het|deze|die|dit) (?:\w+ )?"
                + PERSON
                + r"\b|\bwat is (?:zijn|haar) naam\b|\bvolledige naam van (?:de|deze|die) (?:\w+ )?"
                + PERSON
                + r"\b",
                False,
            ),
            (
                r"\b(?:de )?(?:rekeninghouder|kaarthouder|houder van (?:de|het) (?:rekening|document|pas))\b (?:is|zijn)\b|\b(?:is|zijn) (?:\w+ ){0,3}?(?:de )?(?:rekeninghouder|kaarthouder)\b",
                True,
            ),
            (
                r"\bis (?:hij|zij|ze|deze persoon|deze man|deze vrouw|de man|de vrouw) (?:een|één) van (?:hen|hun|deze|die|de gezochte \w+)\b",
                False,
            ),
        ],
        "emotion": [
            (
                r"\bemoties?\b|\bemotionele (?:toestand|staat)\b|\bgemoedstoestand\b|\bstemming\b|"
                r"\bgezichtsuitdrukkingen?\b|\bhoe (?:\w+ ){0,6}?(?:voelt|voelen)\b",
                True,
            ),
            (
                r"\b(?:is|zijn|lijkt|lijken|oogt|kijkt) (?:\w+ ){0,6}?(?:boos|kwaad|verdrietig|blij|bang|angstig|"
                r"nerveus|gestrest|gefrustreerd|agressief|zenuwachtig)\b",
                True,
            ),
        ],
        "sensitive": [
            (
                r"\bgeslacht\b|\bgender\b|\betniciteit\b|\betnische afkomst\b|\bras\b|\bgeloof\b|\breligie\b|"
                r"\bseksuele (?:geaardheid|voorkeur|oriëntatie)\b|\bnationaliteit\b|\bexacte leeftijd\b|\bhoe oud\b",
                True,
            ),
            (r"\bafkomst\b|\bherkomst\b|\bwaar komt (?:\w+ ){0,3}?vandaan\b", True),
        ],
        "track": [
            (r"\b(?:volg|volgen|traceer|traceren|schaduw|schaduwen)\b (?:\w+ ){0,3}?" + PERSON + r"\b", True),
            (r"\bher-?identific(?:eren|atie)\b|\bverplaatsingen van\b", True),
        ],
        "criminality": [
            (
                r"\b(?:is|lijkt|oogt|ziet) (?:\w+ ){0,6}?(?:eruit als )?(?:een )?(?:crimineel|misdadiger)\b|"
                r"\b(?:deze persoon|deze man|deze vrouw|de persoon|hij|zij) (?:\w+ ){0,2}?(?:is|lijkt|oogt) (?:\w+ )?(?:gevaarlijk|gewelddadig|(?:on)?betrouwbaar)\b|"
                r"\bstrafbaar feit (?:zal )?plegen\b|"
                r"\bkans (?:\w+ ){0,4}?(?:misdaad|misdrijf|recidive)\b|\bsociale score\b",
                True,
            ),
        ],
    },
    fields={},
    negation=r"\b(?:niet|geen|nooit|niemand|zonder|vermijd|vermijden|noch)\b",
    contrast=r"\b(?:maar|alleen|enkel|behalve|echter)\b",
    post_negation=r"\b(?:is|zijn) (?:niet toegestaan|verboden)\b",
    refusal=r"\bweiger\w*\b|\bals (?:\w+ ){0,4}?(?:gevraagd|vraagt)\b.{0,60}\b(?:niet|weiger)",
    person=r"\b" + PERSON + r"\b",
    visual=VISUAL,
    written=r"\b(?:recensies?|reviews?|teksten?|berichten?|opmerkingen?|e-?mails?|transcripties?)\b",
    context={
        "police": r"\b(?:politie|politieagenten?|agenten|marechaussee|opsporing|recherche|politiebureau|"
        r"nationale politie|wijkagent)\b",
        "police_weak": r"\b(?:verdachten?|arrestatie|aanhouding|misdrijf|onderzoek|bewijs)\b",
        "non_us": r"\b(?:nationale politie|marechaussee|nederland|belgië|amsterdam|rotterdam|den haag|"
        r"antwerpen|brussel|politie vlaanderen)\b",
        "gallery": r"\b(?:opsporingslijst|gezochte personen|verdachtendatabase|politiefoto'?s?|"
        r"voormalige gedetineerden|signalementen|volglijst|fotoboek van verdachten)\b",
        "watchlist": r"\b(?:zwarte lijst|volglijst|watchlist|personen van belang|lijst met verboden (?:klanten|personen))\b",
        "mobile": r"\b(?:bodycams?|dashcams?|drones?)\b",
        "live": r"\b(?:realtime|real-time|live ?beelden|livestream)\b",
        "blur": r"\b(?:vervagen|blurren|anonimiseren|onherkenbaar maken)\b",
    },
    examples={
        "identify": (
            "Wie is de man op deze foto?",
            "Welke van onze medewerkers staat op deze camerabeeld(?:en)?",
            "Vergelijk het gezicht op de selfie met de pasfoto en zeg of het dezelfde persoon is.",
            "Herken de persoon in het beeld en geef zijn naam.",
            "Hoe heet de persoon op de foto?",
            "Herken je deze man?",
            "Controleer of de persoon op de selfie de rekeninghouder is.",
            "Identificeer de personen op de foto.",
            "Dit zijn de gezochte personen. Is hij een van hen?",
        ),
        "emotion": (
            "Hoe voelt de persoon op deze foto zich?",
            "Kijkt de klant boos of blij op dit beeld?",
            "Is de bestuurder boos op dit beeld?",
            "Beschrijf de stemming van iedere persoon op de afbeelding.",
            "Is de persoon op de foto verdrietig, blij of boos? Antwoord met één woord.",
        ),
        "sensitive": (
            "Bepaal het geslacht en de etniciteit van de persoon op de foto.",
            "Wat is de afkomst van de vrouw op de foto?",
            "Schat de exacte leeftijd en de nationaliteit van de vrouw op de foto.",
        ),
        "track": (
            "Volg de verdachte over alle camerabeelden.",
            "Volg deze man via alle camera's in het winkelcentrum.",
            "Volg deze persoon op alle camera's in de winkel.",
        ),
        "criminality": (
            "Hoe groot is de kans dat deze man een misdrijf pleegt, gezien zijn gezicht?",
            "Ziet de man op de afbeelding eruit als een crimineel?",
        ),
        "police": ("Bodycam-beelden van de Nationale Politie.",),
        NONE: (
            "Identificeer niemand op de foto; beschrijf alleen de kleding.",
            "Als iemand vraagt wie er op de foto staat, weiger dan beleefd.",
            "Beschrijf de scène op deze foto voor een blinde gebruiker.",
            "Analyseer het sentiment van deze klantrecensie.",
            "Probeer niet te achterhalen wie de personen zijn; beschrijf alleen de ruimte.",
            "Tel het aantal mensen in de rij.",
            "Beschrijf de kleding van de personen op de foto.",
            "Hoe heet deze bloem?",
        ),
    },
)
