"""Italian phrases."""

from __future__ import annotations

from .table import Language

PERSON = (
    r"(?:persona|persone|individu[oi]|uomo|uomini|donna|donne|bambin[oi]|sospettat[oi]|sospett[oi]|conducenti?|"
    r"client[ei]|dipendenti?|studenti?|pazienti?|qualcuno|volt[oi]|vis[oi]|detenuti?|visitatori?|lui|lei|loro)"
)
VISUAL = (
    r"\b(?:volt[oi]|vis[oi]|viso|facciale|faciale|foto|fotografie?|immagin[ei]|video|telecamer[ae]|selfie|ritratti?)\b"
)

LANGUAGE = Language(
    code="it",
    purposes={
        "identify": [
            (r"\bchi (?:è|sono) (?:questa|questo|queste|questi|la|il|le|i|nella|nel)\b", False),
            (
                r"\b(?:identifica|identificare|identifichi|riconosci|riconoscere)\b (?:\w+ ){0,3}?" + PERSON + r"\b",
                False,
            ),
            (r"\briconoscimento facciale\b|\bidentificazione facciale\b|\bverifica facciale\b", True),
            (r"\b(?:confronta|confrontare)\b (?:\w+ ){0,4}?(?:volti|visi|foto di)\b", True),
            (r"\bstessa persona\b", True),
            (r"\bnome (?:della|di questa) persona\b", False),
        ],
        "emotion": [
            (
                r"\bemozion[ei]\b|\bstato emotivo\b|\bumore\b|\bespression[ei] facciali?\b|"
                r"\bespression[ei] del (?:viso|volto)\b",
                True,
            ),
            (
                r"\b(?:è|sia|sembra|sono|siano|sembrano) (?:\w+ )?(?:arrabbiat[oaie]|felic[ei]|trist[ei]|"
                r"frustrat[oaie]|nervos[oaie]|spaventat[oaie]|ansios[oaie]|stressat[oaie])\b",
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
    },
    fields={},
    negation=r"\b(?:non|mai|senza|evita|evitare|né)\b",
    contrast=r"\b(?:ma|solo|soltanto|tranne|però)\b",
    post_negation=r"\b(?:è|sono) vietat[oaie]\b",
    person=r"\b" + PERSON + r"\b",
    visual=VISUAL,
    written=r"\b(?:recension[ei]|test[oi]|messaggi?|commenti?|e-mail|trascrizion[ei])\b",
    context={
        "police": r"\b(?:polizia|poliziotti?|carabinieri|questura|polizia di stato|polizia locale|"
        r"guardia di finanza|forze dell'ordine)\b",
        "police_weak": r"\b(?:sospettat[oi]|indagine|arresto|reato|reati|prove)\b",
        "non_us": r"\b(?:carabinieri|polizia di stato|questura|guardia di finanza|italia|roma|milano)\b",
        "gallery": r"\b(?:banca dati dei sospettati|ricercati|lista di sorveglianza|ex detenuti|foto segnaletiche|"
        r"cartellino segnaletico)\b",
        "mobile": r"\b(?:bodycam|telecamere indossabili|telecamera indossabile|dashcam|droni?)\b",
        "live": r"\b(?:in tempo reale|in diretta)\b",
        "blur": r"\b(?:sfocare|sfocatura|pixelare|anonimizzare|oscurare)\b",
    },
)
