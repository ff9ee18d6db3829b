"""German phrases."""

from __future__ import annotations

from .table import NONE, Language

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
            (
                r"\bwelche[rsn]? (?:\w+ ){0,2}?(?:unserer|der|dieser|meiner|ihrer) (?:\w+ )?(?:mitarbeiter(?:innen)?|mitarbeitenden|kollegen|kolleginnen|kunden|schüler|studenten|verdächtigen|häftlinge|personen|mitglieder|bewohner|besucher)\b|\bwelche[rs]? (?:mitarbeiter|kollege|verdächtige)\b",
                False,
            ),
            (
                r"\bwer (?:\w+ ){0,3}?(?:auf|in) (?:dem|diesem|dem|der|diesen?) (?:\w+ )?(?:foto|bild|video|aufnahme|kamerabild|frame|standbild)\b",
                False,
            ),
            (
                r"\b(?:foto|bild|lichtbild)\w* (?:\w+ ){0,3}?(?:ausweis|personalausweis|reisepass|pass|führerschein|dokument|ausweisdokument)\w*\b.{0,80}\b(?:überein\w*|dieselbe|dieselben|gleich\w*|vergleich\w*|passt)\b|\b(?:überein\w*|vergleich\w*|abgleich\w*)\b.{0,80}\b(?:foto|bild|lichtbild)\w* (?:\w+ ){0,3}?(?:ausweis|personalausweis|reisepass|pass|führerschein|dokument)\w*\b",
                True,
            ),
            (
                r"\bist (?:er|sie|diese person|der mann|die frau|der verdächtige) (?:einer|eine|eines) (?:von ihnen|davon|von diesen|der gesuchten)\b|\bist (?:er|sie) (?:unter|dabei)\b",
                False,
            ),
            (
                r"\b(?:benenne|benennen|nenne|nennen)\b (?:\w+ ){0,2}?(?:namen|name) (?:der|dieser|des|von) (?:\w+ )?(?:person|personen|mann|frau|verdächtigen)\b",
                False,
            ),
            (
                r"\bwie hei(?:ß|ss)(?:t|en) (?:der|die|diese[rs]?|dieser) (?:\w+ )?"
                + PERSON
                + r"\b|\bwie (?:ist )?(?:sein|ihr) name\b|\bvollständigen namen (?:der|des|dieser|dieses) (?:\w+ )?"
                + PERSON
                + r"\b",
                False,
            ),
            (r"\berkennst du\b|\berkennen sie (?:diese|diesen|dieses|den|die)\b", False),
            (
                r"\b(?:der|die) (?:kontoinhaber(?:in)?|inhaber(?:in)?|karteninhaber(?:in)?|ausweisinhaber(?:in)?) (?:ist|sind)\b|\bist,? wer (?:er|sie) vorgibt\b",
                True,
            ),
        ],
        "emotion": [
            (
                r"\bemotion(?:en)?\b|\bgefühlslage\b|\bgemütszustand\b|\bstimmung\b|\bgesichtsausdr(?:uck|ücke)\b|"
                r"\bemotionale[rn]? zustand\b|\bwie (?:\w+ ){0,2}?fühlt\b|"
                r"\b(?:ist|sind|wirkt|wirken|scheint|scheinen) (?:\w+ ){0,6}?(?:wütend|verärgert|traurig|glücklich|"
                r"nervös|gestresst|ängstlich|frustriert|aggressiv)\b",
                True,
            ),
            (
                r"\bwas (?:\w+ ){0,4}?(?:fühlt|fühlen|empfindet|empfinden)\b|\bwie fühl(?:t|en) sich\b|\bgemütslage\b|\bbefinden\b|\bwas (?:sagt|verrät|zeigt) (?:sein|ihr|der|dessen) (?:gesichtsausdruck|gesicht|mimik)\b|\bmimik\b",
                True,
            ),
            (
                r"\b(?:glücklich|fröhlich|traurig|wütend|verärgert|ängstlich|überrascht|neutral|nervös|ruhig|gestresst),? (?:oder |und )?(?:\w+, ){0,3}?(?:glücklich|fröhlich|traurig|wütend|verärgert|ängstlich|überrascht|nervös|ruhig|gestresst)\b",
                True,
            ),
            (r"\bwelche[sn]? (?:gefühl|gefühle|emotion|emotionen|stimmung)\b", True),
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
        "criminality": [
            (
                r"\b(?:wahrscheinlichkeit|risiko|neigung|hang|tendenz)\b[\s,]+(?:\w+[\s,]+){0,6}?(?:eine )?(?:straftat|verbrechen|rückfall|rückfällig|gewalt|kriminell)\w*\b",
                True,
            ),
            (
                r"\b(?:wirkt|sieht|aussieht|scheint|ist) (?:\w+ ){0,6}?(?:wie )?(?:ein |eine )?(?:krimineller|kriminelle|verbrecher(?:in)?)\b|\b(?:diese person|dieser mann|diese frau|der mann|die frau|die person|er|sie) (?:\w+ ){0,2}?(?:ist|wirkt|scheint) (?:\w+ ){0,1}?(?:gefährlich|gewalttätig|bedrohlich|vertrauenswürdig)\b",
                True,
            ),
            (
                r"\bsozialpunkte\b|\bsozial(?:er)? score\b|\bgefährlichkeit\b|\bbedrohungsstufe\b|\bkriminalprognose\b",
                True,
            ),
            (
                r"\bist (?:der|die|diese[rs]?|dieser) (?:\w+ )?"
                + PERSON
                + r" (?:\w+ ){0,4}?(?:gefährlich|gewalttätig|kriminell|vertrauenswürdig)\b",
                True,
            ),
        ],
    },
    fields={},
    negation=r"\b(?:niemand|niemanden|verboten|untersagt|weder|nicht|kein|keine|keinen|keinesfalls|niemals|nie|ohne|vermeide|vermeiden)\b",
    contrast=r"\b(?:aber|sondern|nur|jedoch|außer)\b",
    post_negation=r"\b(?:ist|sind) (?:verboten|untersagt|nicht erlaubt)\b",
    refusal=r"\bwenn (?:\w+ ){0,6}?(?:gefragt|fragt|fragen|bittet|wissen will)\b.{0,120}\b(?:ablehnen|lehne|lehnen|verweigere|verweigern|nicht beantworten|antworte nicht)\b|\blehne (?:\w+ ){0,4}?(?:ab|höflich ab)\b",
    senses=(
        r"\bkaffeebecher\b|\btasse\b",
        r"\bhotelbuchung\b|\bzimmerbuchung\b",
        r"\bwettlaufsituation\b|\brace condition\b",
    ),
    person=r"\b" + PERSON + r"\b|\b(?:sein|seine|seinem|seinen|seiner|ihr|ihre|ihrem|ihren|ihrer)\b",
    visual=VISUAL,
    written=r"\b(?:bewertungen?|texte?s?|nachrichten?|kommentare?|e-mails?|rezensionen?|transkripte?)\b",
    context={
        "police": r"\b(?:polizei|polizeilich|polizisten?|polizeibeamte[rn]?|bundespolizei|landespolizei|"
        r"kriminalpolizei|strafverfolgung|polizeidienststelle|streife|streifenwagen)\b",
        "police_weak": r"\b(?:verdächtige[rn]?|ermittlung(?:en)?|festnahme|straftat|beweise?)\b",
        "non_us": r"\b(?:bundespolizei|landespolizei|bka|lka|deutschland|österreich|schweiz|bayern|berlin)\b",
        "gallery": r"\b(?:erkennungsdienstliche(?:n)? (?:fotos|bilder|behandlung)|ed-fotos|lichtbildkartei|lichtbildvorlage|verbrecherkartei|fahndungsfotos|fahndungsausschreibung|inpol|zur fahndung ausgeschrieben\w*|gesuchten personen|straftäterdatei|verdächtigendatenbank|fahndungsliste|fahndungsfotos?|erkennungsdienst|häftlingsdatenbank|"
        r"ehemalige häftlinge|gesuchte personen|beobachtungsliste)\b",
        "watchlist": r"\b(?:sperrliste|schwarze liste|beobachtungsliste|hausverbotsliste)\b",
        "mobile": r"\b(?:bodycams?|körperkameras?|dashcams?|drohnen?)\b",
        "live": r"\b(?:echtzeit|live-?bild|live-?stream)\b",
        "blur": r"\b(?:verpixeln|unkenntlich|anonymisieren|weichzeichnen)\b",
    },
    examples={
        "identify": (
            "Wer ist der Mann auf diesem Foto?",
            "Welcher unserer Mitarbeiter ist auf dem Bild zu sehen?",
            "Vergleiche das Selfie mit dem Foto im Personalausweis: ist es dieselbe Person?",
            "Wie heißt die Person auf dem Bild?",
            "Erkennst du diesen Mann?",
            "Prüfe, ob die Person auf dem Selfie der Kontoinhaber ist.",
            "Identifiziere die Personen auf dem Foto.",
        ),
        "emotion": (
            "Wie fühlt sich die Person auf dem Foto?",
            "Was verrät ihr Gesichtsausdruck über ihre Stimmung?",
            "Ist der Fahrer auf diesem Bild wütend?",
            "Beschreibe die Stimmung jeder Person auf dem Bild.",
            "Ist die Person auf dem Foto traurig, glücklich oder wütend? Antworte mit einem Wort.",
            "Welches Gefühl zeigt die Frau auf dem Foto?",
        ),
        "sensitive": (
            "Bestimme Geschlecht und ethnische Herkunft der Person auf dem Bild.",
            "Welche Religion hat die Frau auf dem Foto?",
            "Schätze das genaue Alter und die Nationalität der Frau auf dem Foto.",
        ),
        "track": (
            "Verfolge die Person mit der roten Jacke über alle Kameras.",
            "Verfolge diese Person über alle Kameras im Laden.",
        ),
        "criminality": (
            "Wie hoch ist anhand des Gesichts die Wahrscheinlichkeit, dass dieser Mann eine Straftat begeht?",
            "Sieht der Mann auf dem Bild wie ein Krimineller aus?",
            "Ist der Mann auf dem Foto gefährlich?",
        ),
        "police": ("Bodycam-Aufnahmen der Landespolizei.",),
        "gallery": ("Mit der Lichtbildkartei abgleichen.",),
        NONE: (
            "Identifiziere niemanden; beschreibe nur die Kleidung.",
            "Wenn du gefragt wirst, wer die Person ist, lehne höflich ab.",
            "Analysiere die Stimmung dieser Kundenbewertung.",
            "Beschreibe die Szene auf dem Foto für blinde Nutzer.",
            "Versuche nicht, Personen zu identifizieren; beschreibe nur den Raum.",
            "Beschreibe die Kleidung der Personen auf dem Foto.",
            "Wie heißt diese Blume?",
        ),
    },
)
