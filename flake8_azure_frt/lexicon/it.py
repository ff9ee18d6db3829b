"""Italian phrases."""

from __future__ import annotations

from .table import NONE, Language

PERSON = (
    r"(?:persona|persone|individu[oi]|uomo|uomini|donna|donne|bambin[oi]|sospettat[oi]|sospett[oi]|conducent[ei]|"
    r"client[ei]|dipendent[ei]|student[ei]|studentess[ae]|pazient[ei]|qualcuno|volt[oi]|vis[oi]|detenut[oiae]|visitator[ei]|lui|lei|loro)"
)
VISUAL = (
    r"\b(?:volt[oi]|vis[oi]|viso|facciale|faciale|foto|fotografie?|immagin[ei]|video|telecamer[ae]|selfie|ritratti?)\b"
)

LANGUAGE = Language(
    code="it",
    purposes={
        "identify": [
            (
                r"\bchi (?:è|sono) (?:questa|questo|queste|questi|quest'|la|il|le|i|lo|gli|l'|quel|quella|quell'|nella|nel)",
                False,
            ),
            (
                r"\b(?:identifica|identificare|identifichi|riconosci|riconoscere)\b (?:\w+ ){0,3}?" + PERSON + r"\b",
                False,
            ),
            (r"\briconoscimento facciale\b|\bidentificazione facciale\b|\bverifica facciale\b", True),
            (r"\b(?:confronta|confrontare)\b (?:\w+ ){0,4}?(?:volti|visi|foto di)\b", True),
            (r"\bstessa persona\b", True),
            (r"\bnome (?:della|di questa) persona\b", False),
            (
                r"\b(?:quale|quali|chi) (?:dei|delle|degli|tra|fra) (?:nostri|nostre|questi|queste|i|le|gli|miei|suoi)? ?(?:\w+ ){0,2}?(?:dipendenti|colleghi|clienti|studenti|alunni|sospettati|detenuti|persone|membri|residenti|visitatori)\b",
                False,
            ),
            (
                r"\bchi (?:\w+ ){0,3}?(?:nella|in questa|nel|in questo|sulla) (?:\w+ )?(?:foto|fotografia|immagine|video|telecamera|fotogramma)\b",
                False,
            ),
            (
                r"\bfoto\w* (?:\w+ ){0,3}?(?:documento|carta d'identità|passaporto|patente|tesserino|badge)\b.{0,80}\b(?:corrispond\w+|stessa|stesso|confront\w+|combacia)\b|\b(?:corrispond\w+|confront\w+|verifica)\b.{0,80}\bfoto\w* (?:\w+ ){0,3}?(?:documento|carta d'identità|passaporto|patente|tesserino|badge)\b",
                True,
            ),
            (
                r"\b(?:(?:è|sta) (?:lui|lei|questa persona|il sospettato|l'uomo|la donna)|(?:lui|lei|questa persona|il sospettato) (?:è|sta)) (?:uno|una|tra|fra) (?:di loro|di questi|di queste|loro)\b|\bè uno di loro\b",
                False,
            ),
            (r"\b(?:dimmi|indica|dai|dammi)\b (?:\w+ ){0,2}?(?:il nome|chi è)\b", False),
            (r"\b(?:confronta|confrontare|confronti|confrontate)\b (?:\w+ ){0,4}?(?:volti|visi|volto|viso)\b", True),
            (
                r"\bcome si chiama(?:no)? (?:la |il |lo |l'|le |gli |i |questa |questo |quest')?(?:\w+ )?"
                + PERSON
                + r"\b|\bnome completo (?:della|del|dello|di questa|di questo) (?:\w+ )?"
                + PERSON
                + r"\b",
                False,
            ),
            (
                r"\b(?:è|sia) (?:il|la) (?:titolare|proprietari[oa]) (?:del conto|del documento|della carta)\b|\bè chi dice di essere\b",
                True,
            ),
        ],
        "emotion": [
            (
                r"\bemozion[ei]\b|\bstato emotivo\b|\bumore\b|\bespression[ei] facciali?\b|"
                r"\bespression[ei] del (?:viso|volto)\b",
                True,
            ),
            (
                r"\b(?:è|sia|sembra|sono|siano|sembrano) (?:\w+ ){0,4}?(?:arrabbiat[oaie]|felic[ei]|trist[ei]|"
                r"frustrat[oaie]|nervos[oaie]|spaventat[oaie]|ansios[oaie]|stressat[oaie])\b",
                True,
            ),
            (
                r"\bcosa (?:\w+ ){0,4}?(?:prova|provano|sente|sentono|esprime|esprimono)\b|\bcome si (?:sente|sentono)\b|\bstato d'animo\b",
                True,
            ),
            (
                r"\b(?:felice|triste|arrabbiat[oa]|spaventat[oa]|sorpres[oa]|neutr[oa]|nervos[oa]|calm[oa]),? (?:o |e )?(?:\w+, ){0,3}?(?:felice|triste|arrabbiat[oa]|spaventat[oa]|sorpres[oa]|nervos[oa]|calm[oa])\b",
                True,
            ),
        ],
        "sensitive": [
            (
                r"\bgenere\b|\bsesso\b|\brazza\b|\betnia\b|\breligione\b|\borientamento sessuale\b|"
                r"\bnazionalità\b|\betà esatta\b|\bquanti anni\b",
                True,
            ),
        ],
        "track": [
            (r"\b(?:traccia|tracciare|segui|seguire|pedinare|sorvegliare)\b (?:\w+ ){0,3}?" + PERSON + r"\b", True),
            (
                r"\bsegui(?:re)? (?:\w+ ){0,2}?(?:percorso|spostamenti|movimenti)\b"
                r"|\bassegn\w* (?:\w+ ){0,2}?stesso id\b",
                True,
            ),
        ],
        "criminality": [
            (
                r"\b(?:probabilità|rischio|propensione|tendenza)\b (?:[\w']+ ){0,6}?(?:di )?(?:commett\w* (?:un )?(?:reato|crimine)|delinquere|recidiva|violenza)\b",
                True,
            ),
            (
                r"\b(?:sembra|ha l'aria da|ha la faccia da|è) (?:un |una )?(?:criminale|delinquente|ladro|malvivente)\b|\b(?:questa persona|quest'uomo|questa donna|la persona|l'individuo|il sospettato|lui|lei) (?:\w+ ){0,2}?(?:è|sembra|pare) (?:\w+ )?(?:pericolos[oa]|violent[oa]|affidabile)\b",
                True,
            ),
            (r"\bpunteggio sociale\b|\bpericolosità\b|\blivello di minaccia\b|\bprofilo criminale\b", True),
            (
                r"\bè probabile che (?:[\w']+ ){0,6}?(?:commett\w*|delinqu\w*|sia (?:un |una )?(?:criminale|delinquente|pericolos[oa]))",
                True,
            ),
        ],
    },
    fields={},
    negation=r"\b(?:nessuno|nessuna|alcun|alcuna|vietato|vietata|non|mai|senza|evita|evitare|né)\b",
    contrast=r"\b(?:ma|solo|soltanto|tranne|però)\b",
    post_negation=r"\b(?:è|sono) vietat[oaie]\b",
    refusal=r"\bse (?:\w+ ){0,5}?(?:chiede|chiedono|domanda|domandano|vuole sapere)\b.{0,120}\b(?:rifiuta|rifiutati|rifiutare|non rispondere|rispondi che non puoi|declina)\b|\brifiuta(?:ti)? (?:qualsiasi|ogni|la|gentilmente|di rispondere)\b",
    senses=(
        r"\btazza (?:da caffè|in ceramica)\b",
        r"\bprenotazion[ei] (?:d'albergo|dell'hotel|della camera|del tavolo)\b",
        r"\bcorsa critica\b",
    ),
    person=r"\b" + PERSON + r"\b|\b(?:suo|sua|suoi|sue)\b",
    visual=VISUAL,
    written=r"\b(?:recension[ei]|test[oi]|messaggi?|commenti?|e-mail|trascrizion[ei])\b",
    context={
        "police": r"\b(?:polizia|poliziotti?|carabinieri|questura|polizia di stato|polizia locale|"
        r"guardia di finanza|forze dell'ordine)\b",
        "police_weak": r"\b(?:sospettat[oi]|indagine|arresto|reato|reati|prove)\b",
        "non_us": r"\b(?:carabinieri|polizia di stato|questura|guardia di finanza|italia|roma|milano)\b",
        "gallery": r"\b(?:fotosegnalament\w+|foto segnaletica|casellario|schedario|latitanti|ricercato|archivio (?:dei )?(?:pregiudicati|sospettati)|sdi|afis|pregiudicati|album fotografico dei sospettati|banca dati dei sospettati|ricercati|lista di sorveglianza|ex detenuti|foto segnaletiche|"
        r"cartellino segnaletico)\b",
        "watchlist": r"\b(?:lista nera|lista di sorveglianza|persone di interesse|lista degli interdetti)\b",
        "mobile": r"\b(?:bodycam|telecamere indossabili|telecamera indossabile|dashcam|droni?)\b",
        "live": r"\b(?:in tempo reale|in diretta)\b",
        "blur": r"\b(?:sfocare|sfocatura|pixelare|anonimizzare|oscurare)\b",
    },
    examples={
        "identify": (
            "Chi è l'uomo in questa foto?",
            "Quale dei nostri dipendenti compare nell'immagine?",
            "Confronta la foto della carta d'identità con il selfie: è la stessa persona?",
            "Ecco i latitanti. È uno di loro?",
            "Come si chiama la persona nella foto?",
            "Verifica che la persona nel selfie sia il titolare del conto.",
            "Identifica le persone presenti nella foto.",
        ),
        "emotion": (
            "Come si sente la persona nella foto?",
            "Classifica il cliente come felice, triste, arrabbiato o neutro.",
            "Il conducente è arrabbiato in questa immagine?",
            "Descrivi l'umore di ogni persona nell'immagine.",
            "La persona nella foto è triste, felice o arrabbiata? Rispondi con una parola.",
        ),
        "sensitive": (
            "Indica l'etnia e il genere di ogni persona nell'immagine.",
            "Stima l'età esatta e la nazionalità della donna nella foto.",
        ),
        "track": (
            "Segui la persona con la giacca rossa su tutte le telecamere.",
            "Segui questa persona su tutte le telecamere del negozio.",
        ),
        "criminality": (
            "Dal volto, quale è la probabilità che quest'uomo commetta un reato?",
            "L'uomo nell'immagine ha la faccia da delinquente?",
            "È probabile che l'uomo nella foto commetta un reato?",
        ),
        "police": ("Riprese delle bodycam dei carabinieri.",),
        "gallery": ("Confronta con le foto segnaletiche dell'archivio.",),
        NONE: (
            "Non identificare nessuno; descrivi solo i vestiti.",
            "Se ti chiedono chi è la persona nella foto, rifiuta gentilmente.",
            "Analizza il sentiment di questa recensione.",
            "Descrivi la scena della foto per un utente cieco.",
            "Non cercare di capire chi sono le persone; descrivi solo la stanza.",
            "Descrivi l'abbigliamento delle persone nella foto.",
            "Come si chiama questo fiore?",
        ),
    },
)
