"""German phrases."""

from __future__ import annotations

from .table import Language

PERSON = (
    r"(?:person|personen|menschen?|mann|männer|frau|frauen|kind|kinder|verdächtige[rn]?|fahrer(?:in)?|kunden?|"
    r"mitarbeiter(?:in)?|schüler|patienten?|jemand|jemanden|gesicht|gesichter|häftlinge?|besucher|ihn|sie)"
)
VISUAL = r"\b(?:gesichts?|gesichter|fotos?|bild|bilder|bildern|aufnahmen?|videos?|kameras?|selfies?|porträts?)\b"

LANGUAGE = Language(
    code="de",
    purposes={
        "identify": [
            (r"\bwer (?:ist|sind) (?:diese|dieser|dieses|die|der|das|auf|im)\b", False),
            (r"\b(?:identifiziere|identifizieren|erkenne|erkennen)\b (?:\w+ ){0,3}?" + PERSON + r"\b", False),
            (r"\b(?:\w+ )?" + PERSON + r" (?:\w+ ){0,3}?(?:identifizieren|erkennen)\b", False),
            (r"\bgesichtserkennung\b|\bgesichtsabgleich\b|\bgesichtsvergleich\b|\bgesichtsidentifikation\b", True),
            (r"\bdieselbe person\b|\bdie gleiche person\b|\bselbe person\b", True),
            (r"\bname (?:der|dieser) person\b|\bidentität (?:der|dieser) person\b", False),
            (r"\b(?:vergleiche|vergleichen|abgleichen|gleiche)\b (?:\w+ ){0,4}?(?:gesichter|gesicht|fotos?)\b", True),
        ],
        "emotion": [
            (
                r"\bemotion(?:en)?\b|\bgefühlslage\b|\bgemütszustand\b|\bstimmung\b|\bgesichtsausdr(?:uck|ücke)\b|"
                r"\bemotionale[rn]? zustand\b|\bwie (?:\w+ ){0,2}?fühlt\b|"
                r"\b(?:ist|sind|wirkt|wirken|scheint|scheinen) (?:\w+ ){0,2}?(?:wütend|verärgert|traurig|glücklich|"
                r"nervös|gestresst|ängstlich|frustriert|aggressiv)\b",
                True,
            ),
        ],
        "sensitive": [
            (
                r"\bgeschlecht\b|\bethnie\b|\bethnische herkunft\b|\brasse\b|\breligion\b|\bsexuelle orientierung\b|"
                r"\bnationalität\b|\bgenaue[sn]? alter\b|\bwie alt\b",
                True,
            ),
        ],
        "track": [
            (r"\b(?:verfolge|verfolgen|überwache|überwachen|beschatten)\b (?:\w+ ){0,3}?" + PERSON + r"\b", True),
            (r"\b" + PERSON + r" (?:\w+ ){0,3}?(?:verfolgen|überwachen)\b", True),
            (r"\bre-?identifi(?:zieren|kation)\b|\bwiedererkennung\b", True),
        ],
    },
    fields={},
    negation=r"\b(?:nicht|kein|keine|keinen|keinesfalls|niemals|nie|ohne|vermeide|vermeiden)\b",
    contrast=r"\b(?:aber|sondern|nur|jedoch|außer)\b",
    post_negation=r"\b(?:ist|sind) (?:verboten|untersagt|nicht erlaubt)\b",
    person=r"\b" + PERSON + r"\b",
    visual=VISUAL,
    written=r"\b(?:bewertungen?|texte?s?|nachrichten?|kommentare?|e-mails?|rezensionen?|transkripte?)\b",
    context={
        "police": r"\b(?:polizei|polizeilich|polizisten?|polizeibeamte[rn]?|bundespolizei|landespolizei|"
        r"kriminalpolizei|strafverfolgung|polizeidienststelle|streife|streifenwagen)\b",
        "police_weak": r"\b(?:verdächtige[rn]?|ermittlung(?:en)?|festnahme|straftat|beweise?)\b",
        "non_us": r"\b(?:bundespolizei|landespolizei|bka|lka|deutschland|österreich|schweiz|bayern|berlin)\b",
        "gallery": r"\b(?:verdächtigendatenbank|fahndungsliste|fahndungsfotos?|erkennungsdienst|häftlingsdatenbank|"
        r"ehemalige häftlinge|gesuchte personen|beobachtungsliste)\b",
        "mobile": r"\b(?:bodycams?|körperkameras?|dashcams?|drohnen?)\b",
        "live": r"\b(?:echtzeit|live-?bild|live-?stream)\b",
        "blur": r"\b(?:verpixeln|unkenntlich|anonymisieren|weichzeichnen)\b",
    },
)
