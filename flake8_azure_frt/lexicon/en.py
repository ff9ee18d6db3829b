"""English phrases."""

from __future__ import annotations

from .table import NONE, Language

PERSON = (
    r"(?:person|persons|people|individuals?|m[ae]n|wom[ae]n|guys?|girls?|boys?|child(?:ren)?|kids?|"
    r"suspects?|subjects?|drivers?|passengers?|customers?|shoppers?|visitors?|employees?|workers?|staff|"
    r"students?|patients?|officers?|someone|somebody|anyone|anybody|everyone|everybody|him|her|them|"
    r"faces?|pedestrians?|attendees?|protesters?|offenders?|inmates?|detainees?|occupants?|applicants?|"
    r"candidates?|travell?ers?|intruders?|celebrit(?:y|ies)|players?|speakers?|he|she|they|users?|members?|"
    r"tenants?|residents?|guests?|crowd|audience|participants?|interviewees?|teenagers?|adults?|arrestees?|"
    r"prisoners?|defendants?|victims?|witnesses|witness|citizens?|voters?|worshippers?|players?|athletes?|"
    r"patrons?|clients?|viewers?|commuters?|protesters?|individual's|person's)"
)
DET = r"(?:the|this|that|these|those|each|every|all|any|a|an|our|his|her|their|its)"
VISUAL = (
    r"\b(?:faces?|facial|photos?|photographs?|images?|pictures?|pics?|frames?|footage|videos?|cameras?|cams?|"
    r"snapshots?|selfies?|portraits?|headshots?|mugshots?|stills?|cctv|shown|pictured|depicted|visible|"
    r"screenshot|webcam|feed|clip)\b"
)

IDENTIFY = [
    # who is this / who are the people in the photo
    (r"\bwho(?:'s| is| are| was| were) (?:this|that|these|those|shown|pictured|depicted|visible)\b", False),
    (r"\bwho(?:'s| is| are| was| were) (?:the|this|that|these|those) (?:\w+ ){0,2}?" + PERSON + r"\b", False),
    (
        r"\bwho(?:'s| is| are| was| were) (?:\w+ ){0,2}?(?:in|on) (?:the|this|that|these) (?:\w+ )?(?:photo|"
        r"photograph|image|picture|pic|frame|video|footage|shot|snapshot|selfie|still|clip|feed|camera)s?\b",
        False,
    ),
    (r"\bwho(?:'s| is| are) (?:standing|sitting|wearing|walking|holding|on the (?:left|right))\b", False),
    (r"\bwho (?:appears|is visible|is shown|is pictured|is in)\b", False),
    # identify / recognise a person (with a determiner, so "identify objects, people" is not identity)
    (
        r"(?<!re-)(?<!re)\b(?:identify|identifies|identifying|recogni[sz]e|recogni[sz]es|recogni[sz]ing)\s+"
        + DET
        + r"\s+(?:\w+\s+){0,2}?"
        + PERSON
        + r"\b(?!'s (?!face|identity|name))(?! (?:responsible|accountable|in charge|named|listed|mentioned|"
        r"who (?:signed|wrote|sent|issued|authored)))",
        False,
    ),
    (r"\b(?:identify|recogni[sz]e|name)\s+(?:him|her|them|someone|anyone|everyone|everybody|each one)\b", False),
    (r"\b(?:identify|recogni[sz]e|name|label|tag)\b.{0,50}\bby (?:their )?(?:name|face|facial features)\b", True),
    (r"\b(?:identity|identities) of (?:\w+ ){0,3}?" + PERSON + r"\b", False),
    (
        r"\b(?:determine|establish|reveal|figure out|find out|work out|tell me|say|guess|infer)\b (?:\w+ ){0,3}?"
        r"(?:who (?:this|that|he|she|they|the)|(?:his|her|their|the person's|the man's|the woman's) identity)\b",
        False,
    ),
    # names
    (r"\b(?:full |real |legal )?names? of (?:" + DET + r" )?(?:\w+ ){0,2}?" + PERSON + r"\b", False),
    (r"\bname (?:" + DET + r" )(?:\w+ ){0,2}?" + PERSON + r"\b", False),
    (
        r"\bwhat(?:'s| is| are) (?:his|her|their|this person's|the person's|the man's|the woman's|the suspect's|"
        r"the driver's) (?:full |real )?names?\b",
        False,
    ),
    # face recognition vocabulary
    (
        r"\b(?:face|facial) (?:recognition|identification|verification|matching|match|comparison|search|lookup|id)\b",
        True,
    ),
    (r"\brecogni[sz]\w* (?:the |their |his |her |any |all |each |known )?faces?\b", True),
    (r"\bfaceprints?\b|\bface ?embeddings?\b", True),
    # matching and comparing faces / photos of people
    (
        r"\b(?:match|matches|matching|compare|comparing|comparison of|cross-?reference|cross-?check)\b (?:\w+ ){0,6}?"
        r"(?:faces?|headshots?|mugshots?|selfies?|portraits?|id photos?|booking photos?|photos? of (?:the |a |this )?"
        r"(?:person|suspect|man|woman|individual)|person|individual|suspect)\b",
        True,
    ),
    (
        r"\b(?:faces?|selfies?|mugshots?|headshots?|portraits?)\b (?:\w+ ){0,4}?(?:matches|match|against|resembles?)\b",
        True,
    ),
    (
        r"\bagainst (?:our |the |a |your )?(?:\w+ ){0,3}?(?:database|gallery|watch ?list|mugshots?|records|roster|"
        r"photo ?book|line-?up|list of (?:known|wanted|suspects|offenders))\b",
        False,
    ),
    # verification
    (r"\b(?:same|different) (?:person|people|individual|man|woman|guy|subject|face|identity)\b", True),
    (
        r"\b(?:verify|confirm|check|validate|authenticate|determine)\b (?:\w+ ){0,5}?(?:identity|identities)\b"
        r"(?! (?:document|documents|card|cards|papers|number|form))",
        False,
    ),
    (
        r"\b(?:verify|confirm|check|validate|determine|decide)\b (?:whether |if |that )?(?:\w+ ){0,6}?"
        r"(?:is|are) (?:really |actually |indeed )?(?:the same|the account holder|the registered|the enrolled|"
        r"a registered|an enrolled|a known|the person on file|the person in (?:our|the) records|on file|"
        r"who (?:he|she|they) (?:claims?|says?))\b",
        True,
    ),
    (
        r"\bis (?:this|that|the) (?:\w+ ){0,2}?(?:person|man|woman|individual|guy|driver|suspect|customer|employee|"
        r"visitor) (?:\w+ ){0,3}?(?:known|registered|enrolled|wanted|on (?:our|the|any) (?:\w+ )?list)\b",
        False,
    ),
    (
        r"\b(?:which|what) (?:celebrity|actor|actress|politician|athlete|famous person|public figure|employee|"
        r"student|suspect|inmate|member of staff|staff member|resident|known offender)\b (?:is|are|does|do)\b",
        False,
    ),
    (r"\bwho (?:does|do) (?:this|the|he|she|they) (?:\w+ ){0,2}?(?:look like|resemble)\b|\blook-?alikes?\b", False),
    (
        r"\b(?:look up|find|locate|search for|search)\b (?:this|the|that|a) (?:\w+ ){0,2}?(?:person|face|suspect|"
        r"individual|man|woman) (?:in|on|among|across|within) (?:the|our|a|these|those|all) (?:\w+ ){0,2}?(?:database|records|"
        r"gallery|system|list|watch ?list|roster|files|mugshots|archive|photos|pictures|images|faces|staff|employees|"
        r"people)\b",
        True,
    ),
    (r"\bput (?:a )?names? to\b|\bwhose face\b", True),
    # "the employee ID of the person shown", "the badge number for this man"
    (
        r"\b(?:employee|staff|student|member|customer|badge|account|personnel|inmate|booking|patient) (?:id|ids|number|"
        r"numbers|name|names|record|records|profile)\b (?:\w+ ){0,2}?(?:of|for) (?:the|this|that|each|every) (?:\w+ )?"
        r"(?:person|people|man|woman|individual|face|visitor|employee|worker|guest|customer)\b",
        False,
    ),
    # "is the person in image A the same as the person in image B"
    (r"\bthe same as (?:the |this |that )?(?:\w+ )?(?:person|man|woman|individual|face|one in|guy|subject)\b", True),
    # "tell me if any of them appears in this frame"
    (
        r"\b(?:any|one|some|which|who) of (?:them|these people|those people|these persons|the people|the persons|the "
        r"suspects|the wanted|these individuals|those individuals)\b (?:\w+ ){0,2}?(?:appears?|is|are|shows? up|is "
        r"present|is visible|can be seen)\b (?:\w+ ){0,3}?(?:in|on) (?:the|this|that|these|any) (?:\w+ )?(?:photo|image|"
        r"picture|frame|footage|video|still|clip|feed|snapshot)s?\b",
        False,
    ),
    # "does this visitor appear in our list of banned visitors"
    (
        r"\b"
        + PERSON
        + r" (?:\w+ ){0,4}?(?:appears?|figures?|is listed|are listed|shows? up) (?:in|on) (?:our|the|any|a) "
        r"(?:\w+ ){0,3}?(?:list|database|gallery|records|registry|watch ?list|blacklist|roster)\b",
        False,
    ),
    # "comparing with the enrolment photo"
    (
        r"\b(?:compar\w*|match\w*|check\w*|verif\w*) (?:\w+ ){0,4}?(?:with|against|to) (?:the|their|his|her|our|an?) "
        r"(?:\w+ )?(?:enrol(?:l)?ment|reference|registration|registered|id|passport|badge|profile|file|account|booking|"
        r"onboarding|kyc|employee|member|license|licence) (?:photo|picture|image|selfie|portrait|headshot)s?\b",
        True,
    ),
    # "which of our employees is in this photo", "who among the staff is this"
    (
        r"\b(?:which|who) (?:one )?(?:of|among) (?:our|the|these|those|my|your|their|its) (?:\w+ ){0,2}?"
        r"(?:employees|staff|colleagues|co-?workers|members|students|pupils|people|persons|suspects|inmates|"
        r"customers|residents|workers|candidates|individuals|users|players|team members|tenants|guests|"
        r"visitors|patients|offenders|contacts|known faces)\b",
        False,
    ),
    # a pronoun pointing at a gallery sent in another part of the request: "Is he one of them?"
    (
        r"\b(?:is|are) (?:he|she|they|this person|the person|this man|the man|this woman|the woman|this individual|"
        r"the individual|the subject|the visitor|the suspect) (?:(?:\w+ ){0,4}?(?:one of|among|any of) (?:them|these|"
        r"those|the (?:\w+ )?(?:people|persons|photos|pictures|images|suspects|individuals|men|women))|in (?:them|these|"
        r"those|the list|the gallery))\b",
        False,
    ),
    # the live face against the photo printed on a document
    (
        r"\b(?:photo|picture|portrait|face|image) (?:printed |shown )?on (?:the|their|his|her|this|an?) "
        r"(?:id|id card|identity card|passport|driver'?s licen[cs]e|badge|document|license)\b.{0,60}"
        r"\b(?:match|matches|same|belongs?|compare|corresponds?)\b|"
        r"\b(?:match|matches|same|compare|corresponds?)\b.{0,60}\b(?:photo|picture|portrait|face|image) "
        r"(?:printed |shown )?on (?:the|their|his|her|this|an?) (?:id|id card|identity card|passport|"
        r"driver'?s licen[cs]e|badge|document|license)\b",
        True,
    ),
    (
        r"\b(?:which|what) (?:\w+ ){0,4}?(?:photos?|photographs?|images?|pictures?|mugshots?|records?|profiles?|"
        r"candidates?|entry|entries|one|headshots?) (?:\w+ ){0,4}?(?:shows?|depicts?|matches|is|contains) "
        r"(?:the |this )?"
        r"(?:same )?(?:person|individual|man|woman|suspect|face|subject|people)\b",
        True,
    ),
    (
        r"\b(?:one of|any of|anyone|anybody|someone|somebody|any person|any of the people)\b (?:\w+ ){0,3}?"
        r"(?:on|in|from) (?:the|our|a|this|that) (?:\w+ ){0,3}?(?:watch ?list|database|gallery|list|roster|records|"
        r"mugshots|photos|registry|ban list|blacklist|blocklist)\b",
        False,
    ),
    (
        r"\b(?:compare|comparing|match|matching)\b (?:the |this |these |each )?(?:\w+ ){0,2}?(?:people|persons|man|"
        r"woman|men|women|faces|individuals) (?:\w+ ){0,6}?(?:with|against|to) (?:the |our |a |these )?(?:\w+ ){0,3}?"
        r"(?:photos?|images?|pictures?|list|database|gallery|mugshots?|records)\b",
        True,
    ),
]

EMOTION = [
    # "emotional" alone describes scenes and music ("scene_theme": "Emotional"); the state of a person is asked
    (
        r"\bemotions?\b|\bemotional (?:state|states|reaction|response|expression|condition|tone of (?:the|this) (?:person|face))\b",
        True,
    ),
    (r"\bmoods?\b|\bfeelings?\b|\baffective state\b|\bmicro-?expressions?\b|\bbody language\b|\bdemeanou?r\b", True),
    (r"\bfacial expressions?\b|\bexpressions? on (?:his|her|their|the|each) (?:\w+ )?faces?\b", True),
    (r"\bhow (?:\w+ ){0,8}?(?:feels?|feeling|felt)\b", True),
    (
        r"\bwhat (?:\w+ ){0,8}?(?:feeling|feel)\b|\bwhat (?:does|do) (?:\w+ ){0,4}?(?:expression|face|faces) "
        r"(?:say|tell|reveal|show|suggest)\b",
        True,
    ),
    # a list of emotion labels to choose from: "answer with one word: happy, sad, angry or neutral"
    (
        r"\b(?:happy|sad|angry|afraid|scared|fearful|surprised|disgusted|neutral|anxious|calm|upset|nervous|"
        r"stressed|content|excited|bored|frustrated)\b,? (?:or |and )?(?:\w+, ){0,3}?(?:happy|sad|angry|afraid|"
        r"scared|fearful|surprised|disgusted|anxious|calm|upset|nervous|stressed|excited|bored|frustrated)\b",
        True,
    ),
    (
        r"\b(?:level|signs?|degree|indicators?) of (?:stress|anxiety|fear|anger|happiness|sadness|aggression|agitation|"
        r"distress|nervousness|frustration|deception|hostility|panic|fatigue)\b",
        True,
    ),
    (
        r"\b(?:stress|anxiety|anger|fear|happiness|sadness|aggression|agitation|distress|nervousness|frustration|"
        r"deception|hostility|affect) (?:level|score|detection|analysis|recognition|classification|estimate)\b",
        True,
    ),
    (
        r"\b(?:is|are|looks?|seems?|appears?|seem|appear)\b (?:\w+ ){0,6}?(?:angry|sad|scared|afraid|fearful|"
        r"nervous|anxious|stressed|upset|frustrated|depressed|agitated|aggressive|hostile|bored|disgusted|"
        r"surprised|lying(?! (?:down|on|in|flat|face|under|at|still))|deceptive|guilty|distressed|furious|"
        r"terrified|miserable|joyful|content)\b",
        True,
    ),
    (
        r"\b(?:detect|recogni[sz]e|classify|infer|analy[sz]e|assess|estimate|determine|read|gauge|measure|score|rate|"
        r"judge|label|identify|predict|tell|evaluate)\w* (?:\w+ ){0,5}?(?:anger|fear|stress|anxiety|happiness|"
        r"sadness|nervousness|aggression|agitation|deception|distress|frustration|sentiment)\b",
        True,
    ),
]

SENSITIVE = [
    (
        r"\b(?:gender|sex)\b"
        r"(?!ual| offender| offence| crime|-neutral| neutral|-inclusive| inclusive|-balanced| balance)",
        True,
    ),
    (r"\bmale or female\b|\bfemale or male\b|\b(?:a )?man or (?:a )?woman\b|\b(?:a )?boy or (?:a )?girl\b", True),
    (
        r"\b(?:race|racial (?:group|background|origin|identity|category|appearance)|ethnicity|ethnicities|ethnic "
        r"(?:origin|background|group|makeup|identity|appearance)|ancestry)\b(?! (?:car|track|condition|day|results?|"
        r"against|to the)\b)",
        True,
    ),
    (
        r"\breligio(?:n|ns|us (?:affiliation|belief|beliefs|identity|group|background|denomination))\b|"
        r"\b(?:muslim|christian|jewish|hindu|buddhist|sikh)\b",
        True,
    ),
    (r"\bsexual(?:ity| orientation| preference)\b|\b(?:gay|lesbian|homosexual|heterosexual|bisexual)\b", True),
    (
        r"\bnationality\b|\bnational origin\b|\b(?:which|what) country (?:\w+ ){0,3}?(?:from|born)\b|"
        r"\bwhere (?:is|are) (?:he|she|they|the person|this person|the man|the woman) from\b",
        True,
    ),
    (r"\b(?:exact|precise|specific|actual|real) age\b|\bhow old\b|\bage in years\b", True),
    (
        r"\b(?:estimate|guess|predict|determine|infer|give|state|approximate|tell|report|return|output)\w* "
        r"(?:\w+ ){0,3}?(?:age|ages)\b(?! (?:range|ranges|bracket|brackets|group|groups|band|bands|category|"
        r"categories|class|interval|span))",
        True,
    ),
    (r"\bpolitical (?:opinions?|views|affiliation|leanings?|party|orientation|beliefs)\b", True),
    (r"\b(?:trade |labou?r )?union (?:member|membership|affiliation)\b", True),
]

TRACK = [
    (
        r"\b(?:track|tracking|tracks|follow|following|follows|trace|tracing|tail|tailing|monitor|monitoring|"
        r"keep tabs on|shadow)\b (?:\w+ ){0,3}?(?:" + PERSON + r"|target|same (?:person|individual))\b"
        r"(?!'s (?:vehicle|car|package|order|parcel))",
        True,
    ),
    (
        r"\bfollow (?:his|her|their|the person's|the shopper's|the customer's) (?:path|route|movements?|trail)\b|"
        r"\b(?:assign|keep|give)\w* (?:\w+ ){0,3}?(?:same|consistent|persistent) (?:customer |shopper |person |"
        r"visitor |track )?id (?:to|for|across)\b",
        True,
    ),
    (
        r"\bre-?identif(?:y|ication|ies|ying)\b (?:\w+ ){0,3}?" + PERSON + r"\b|\bperson re-?id(?:entification)?\b|"
        r"\b" + PERSON + r" re-?identification\b",
        True,
    ),
    (
        r"\b(?:where|wherever) (?:did|does|do) (?:he|she|they|the person|the suspect|the man|the woman|this person) "
        r"(?:go|went|goes|head)\b|\bwhere (?:the|this|that) (?:\w+ )?"
        + PERSON
        + r" (?:\w+ ){0,4}?(?:goes|went|heads|headed|"
        r"is going|walks|walked|moves|moved)\b|\bwhere (?:he|she|they) (?:goes|went|heads|headed|is going|are going)\b"
        r"|\bmovements of\b (?:\w+ ){0,2}?" + PERSON + r"\b|\bwhereabouts\b",
        True,
    ),
    (
        r"\b(?:assign|give|keep) (?:a |each |every )?(?:persistent|consistent|stable|unique) (?:\w+ ){0,2}?"
        r"(?:id|ids|identifier|identity|label) (?:to|for) (?:each |every )?(?:person|individual|pedestrian|face)\b",
        True,
    ),
    (
        r"\b(?:across|between|from one|in subsequent|over multiple|through(?:out)?)\b (?:\w+ ){0,2}?"
        r"(?:frames|cameras|camera feeds|feeds|videos|days|visits|locations)\b.{0,40}\b(?:same (?:person|individual)|"
        r"him|her|them|the person|the suspect|each person|individuals)\b",
        True,
    ),
]

CRIMINALITY = [
    (
        r"\b(?:likely|likelihood|probability|chance|odds|risk|propensity|tendency|predisposition|prone)\b "
        r"(?:\w+ ){0,8}?(?:to |of |for )?(?:commit(?:ting)? (?:a )?crimes?|offend(?:ing)?|re-?offend(?:ing)?|"
        r"criminal (?:behaviou?r|activity|acts?)|violence|violent (?:behaviou?r|acts?)|break(?:ing)? the law)\b",
        True,
    ),
    (
        # a person is the subject: "the man looks dangerous", "does this applicant look like a criminal" (not
        # "this behaviour is dangerous")
        r"\b(?:he|she|they|(?:this|that|the|each|every|any) (?:\w+ )?(?:person|people|man|men|woman|women|individual|"
        r"guy|applicant|visitor|customer|tenant|candidate|passenger|driver|employee|student|suspect|stranger|subject)s?)"
        r" (?:\w+ ){0,5}?(?:(?:looks?|appears?|seems?|is|are) )(?:\w+ ){0,2}?(?:like )?(?:a |an )?(?:criminal|crook|"
        r"thug|delinquent|dangerous|violent|a threat|untrustworthy|trustworthy|suspicious-looking|shady)\b"
        r"(?! (?:object|objects|item|items|goods|substance|substances|weapon|area|situation|road|driving))",
        True,
    ),
    (
        r"\b(?:criminality|recidivism|criminal (?:propensity|tendenc(?:y|ies)|profile|potential|intent)|"
        r"dangerousness|threat (?:level|score|rating)|risk score|trustworthiness|social (?:credit )?score|"
        r"citizen score)\b",
        True,
    ),
    (
        r"\b(?:is|are|does|do) (?:he|she|they|(?:this|that|the|each|any) (?:\w+ )?(?:person|man|woman|individual|guy|"
        r"applicant|visitor|customer|tenant|candidate|passenger|driver|employee|student|suspect|stranger)s?) "
        r"(?:\w+ ){0,4}?(?:(?:look|appear|seem)s? )?(?:like )?(?:a |an )?(?:criminal|crook|thug|delinquent|dangerous|"
        r"violent|a threat|untrustworthy|trustworthy|shady)\b",
        True,
    ),
    (
        r"\bhow (?:trustworthy|untrustworthy|dangerous|criminal|honest|reliable|suspicious|violent|threatening) "
        r"(?:\w+ ){0,4}?(?:looks?|seems?|appears?|is|are)\b",
        True,
    ),
    (r"\bpredict\w* (?:\w+ ){0,8}?(?:will|would|might|could) (?:commit|offend|re-?offend|break the law)\b", True),
    (
        r"\b(?:likely|probably|could|might|may) (?:to )?be (?:a |an )?(?:shoplifter|thief|offender|criminal|terrorist|"
        r"drug dealer|gang member|fraudster|troublemaker|delinquent|pickpocket|burglar|threat|danger)s?\b",
        True,
    ),
]

FIELDS = {
    "identify": r"(?:identity|identities|identified (?:person|name|as|individual|people)|person (?:name|identity|id)|"
    r"(?:suspect|subject|offender|inmate|matched person) (?:full |real )?name|matched \w+ (?:number|id|record|name)|"
    r"face match(?: confidence| score| probability)?|match(?:ed)? (?:booking|suspect|inmate|mugshot|record) \w+|"
    r"matched (?:person|name|suspect|inmate|record|identity|id|individual)|match (?:id|name)|same person|"
    r"is same person|face match|face id|recogni[sz]ed (?:person|name|as|people)|suspect (?:name|id|identity)|"
    r"inmate (?:id|name)|who|who is|person identity|celebrity name)",
    "emotion": r"(?:(?:\w+ )?(?:emotions?|emotional state|moods?|feelings?|affect|facial expression|expression)"
    r"(?: (?:label|labels|score|scores|level|category|class|type|name|estimate))?|(?:anger|joy|sadness|fear|disgust|"
    r"surprise|happiness|stress|anxiety|nervousness|contempt) (?:score|level|probability|likelihood|estimate))",
    "sensitive": r"(?:(?:apparent|perceived|estimated|predicted|likely|inferred|exact) )?(?:gender|sex|race|ethnicity|"
    r"religion|nationality|sexual orientation|age|political affiliation|skin colou?r)(?: (?:label|guess|estimate))?",
    "track": r"(?:track id|tracking id|person track|reid|trajectory)",
}

CONTEXT = {
    "police": (
        r"\b(?:police|policing|policeman|policemen|sheriff|sheriffs|sheriff's|law enforcement|law-enforcement|"
        r"state troopers?|highway patrol|state patrol|patrol (?:officers?|units?|cars?|division|sergeant)|"
        r"squad cars?|police precincts?|constabulary|marshals service|police detectives?|cjis|ncic|nibrs|fbi|"
        r"homeland security|border patrol|customs and border protection|interpol|europol|gendarmerie|carabinieri|"
        r"bodycams?|body-worn cameras?|body worn cameras?|booking (?:photos?|desk|officers?)|"
        r"arrest (?:records?|reports?|warrants?)|mugshots?|mug shots?|jails?|correctional|corrections officers?|"
        r"inmates?|parole officers?|probation officers?|warrants? (?:check|search|database)|crime lab|"
        r"criminal investigations?|police department|department of public safety|dispatch cent(?:er|re)|"
        r"cad dispatch|911 dispatch|ori code|ori number|use of force|field interview|suspect lineup|"
        r"photo lineup|rcmp|garda|scotland yard)\b"
    ),
    "police_weak": (
        r"\b(?:suspects?|arrest|arrested|arrests|custody|crimes?|criminal|criminals|investigations?|"
        r"investigators?|evidence|incident reports?|patrol|patrols|deputy|deputies|case files?|detectives?|"
        r"troopers?|precincts?|constables?|interrogation|offenders?|perpetrators?|felony|misdemeanou?r|"
        r"traffic stop|wanted|bolo)\b"
    ),
    "us": (
        r"\b(?:united states|u\.s\.a?\.?|usa|us-based|american|sheriff|sheriffs|sheriff's|county|parish|"
        r"police department|state troopers?|highway patrol|fbi|cjis|ncic|nibrs|dhs|homeland security|"
        r"department of public safety|miranda|[a-z]{2,3}pd|nypd|lapd|"
        r"alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|illinois|"
        r"indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|"
        r"missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|"
        r"north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|"
        r"utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|los angeles|chicago|houston|phoenix|"
        r"philadelphia|san antonio|san diego|dallas|austin|seattle|denver|boston|atlanta|miami|detroit|baltimore|"
        r"las vegas|nashville|memphis|oakland|minneapolis|st\. louis|new orleans|cleveland|pittsburgh|"
        r"springfield)\b"
    ),
    "non_us": (
        r"\b(?:metropolitan police service|met police|scotland yard|constabulary|police scotland|psni|home office|"
        r"united kingdom|england|scotland|wales|london|manchester|birmingham uk|gendarmerie|police nationale|"
        r"france|paris|lyon|bundespolizei|landespolizei|bka|germany|deutschland|berlin|munich|münchen|"
        r"guardia civil|policía nacional|mossos|spain|españa|madrid|barcelona|carabinieri|polizia di stato|"
        r"italy|italia|rome|roma|milan|milano|polícia federal|polícia militar|brazil|brasil|são paulo|"
        r"rio de janeiro|portugal|lisbon|lisboa|garda|ireland|dublin|rcmp|canada|ontario|toronto|vancouver|"
        r"australian federal police|australia|sydney|melbourne|new zealand|india|kenya|nigeria|mexico|méxico|"
        r"singapore|netherlands|politie|belgium|sweden|norway|denmark|japan|korea|south africa|saps|"
        r"european union)\b"
    ),
    "gallery": (
        r"\b(?:mugshots?|mug shots?|booking (?:photos?|images?|pictures?|records?)|arrest photos?|"
        r"suspects? (?:database|db|gallery|list|photos?|images?|records?|index)|database of (?:\w+ )?suspects|"
        r"(?:prior|former|past|released) inmates?|inmates? (?:database|db|photos?|records?|roster|gallery|"
        r"registry)|offenders? (?:database|db|registry|gallery|photos?)|sex offender registry|"
        r"wanted (?:list|persons?|people|posters?|notices?|suspects?|individuals?|fugitives?)|most wanted|"
        r"bolo|be on the lookout|hot ?lists?|red notices?|known offenders?|rogues'? gallery|rogue's gallery|perp (?:photos|book)|"
        r"wanted (?:board|bulletins?)|fugitives?|custody (?:photos?|images?|records?)|jail roster|inmate roster|"
        r"gang database|criminal records? (?:photos?|database|db)|photo lineups?|photo arrays?|suspect lineups?|"
        r"(?:prior|previous) (?:arrests?|bookings?|offenders?)|arrestees?)\b"
    ),
    # a watch list or ban list counts as a law-enforcement gallery only in law-enforcement code (AFR103)
    "watchlist": r"\b(?:watch ?lists?|persons? of interest|ban ?lists?|banned (?:customers|persons|people|patrons)|"
    r"blacklist(?:ed)?|block ?list|do-not-admit list|trespass list)\b",
    "live": (
        r"\b(?:live (?:feed|stream|video|camera|footage|view)|real-?time(?! crime)|real time(?! crime)|"
        r"as (?:they|frames) arrive|"
        r"frame by frame|streaming video|video stream|camera stream|rtsp|webrtc|in the field)\b"
    ),
    "mobile": (
        r"\b(?:body-?worn|body worn|body ?cams?|body-cams?|body cameras?|dash ?cams?|dash-?mounted|dash mounted|"
        r"dash(?:board)?[- ]?cameras?|cruiser|squad car cameras?|"
        r"in-car (?:camera|video)|in car video|cruiser cams?|patrol car cameras?|vehicle-mounted cameras?|drones?|"
        r"uavs?|handheld|hand-held|wearable cameras?|smartphone cameras?|phone cameras?|mobile cameras?|"
        r"helmet cams?|axon)\b"
    ),
    "blur": r"\b(?:blur|blurs|blurred|blurring|redact|redacts|redacted|redaction|anonymi[sz]e|anonymi[sz]ed|"
    r"anonymi[sz]ation|pixelate|pixelated|pixelation|obfuscate|mask faces|mosaic)\b",
}

NON_PERSON = (
    r"\b(?:birds?|dogs?|cats?|pets?|animals?|species|breeds?|plants?|flowers?|trees?|insects?|fish|cars?|vehicles?|"
    r"logos?|brands?|products?|buildings?|landmarks?|typefaces?|fonts?|cracks?|parcels?|packages?|objects?|items?|"
    r"fellow|critters?|creatures?|wildlife|paintings?|artworks?|statues?)\b"
)

LANGUAGE = Language(
    code="en",
    non_person=NON_PERSON,
    person_strict=r"\b(?:person|persons|people|individuals?|m[ae]n|wom[ae]n|guys?|girls?|boys?|child(?:ren)?|kids?|"
    r"suspects?|drivers?|customers?|employees?|students?|patients?|faces?|celebrit(?:y|ies)|someone|anyone)\b",
    purposes={
        "identify": IDENTIFY,
        "emotion": EMOTION,
        "sensitive": SENSITIVE,
        "track": TRACK,
        "criminality": CRIMINALITY,
    },
    fields=FIELDS,
    negation=(
        r"\b(?:do not|don't|does not|doesn't|did not|never|must not|mustn't|should not|shouldn't|cannot|can't|"
        r"won't|will not|without|no need to|avoid|avoiding|refrain from|rather than|instead of|not to|not|no|"
        r"refuse to|decline to|if (?:asked|requested|prompted) to|under no circumstances|nor|regardless of|"
        r"irrespective of|ignore|ignoring|omit|exclude|excluding|skip|disregard)\b"
    ),
    contrast=r"\b(?:but|however|instead|just|only|rather|yet|although|though|except|while|then|and then|also)\b",
    post_negation=(
        r"\b(?:is|are|was) (?:strictly )?(?:not allowed|not permitted|prohibited|forbidden|off-limits|out of scope|"
        r"not supported)\b|\bis not (?:the|your) (?:task|goal|job)\b"
    ),
    refusal=(
        r"\b(?:if|when|whenever) (?:you are |you're |the user |someone |anyone |they )?(?:asked|asks?|requests?|"
        r"requested|prompted|wants? you) [^.;!?]{0,80}?(?:refuse|decline|reply that you cannot|say (?:that )?you "
        r"(?:cannot|can't|are unable|won't)|do not answer|don't answer|politely|can't help|cannot help)\b|\b(?:refuse|decline) (?:any |all |every )?"
        r"(?:requests?|questions?|attempts?) (?:to |about |that )"
    ),
    senses=(
        r"\b(?:coffee|tea|ceramic|travel|beer|enamel|camping|insulated|souvenir|branded|printed|novelty) mugs?"
        r"(?: shots?| photos?)?\b",
        r"\bmug shots? (?:of|for) (?:the|our|this|a) (?:\w+ )?(?:mug|cup|product|merchandise)\b",
        r"\b(?:hotel|room|flight|travel|restaurant|table|appointment|reservation|calendar|venue|salon|spa) "
        r"bookings?\b",
        r"\bsuspect (?:code|function|line|lines|commit|package|dependency|transaction|transactions|query|entry|"
        r"entries|value|values|file|files|pixel|pixels|region)\b",
        r"\brace conditions?\b|\bface value\b|\bclock face\b|\btype ?face\b|\bpolice (?:font|typeface)\b",
        r"\b(?:in|on) (?:the )?face of\b|\bfacing\b",
    ),
    person=r"\b" + PERSON + r"\b|\b(?:their|his|her)\b",
    visual=VISUAL,
    written=(
        r"\b(?:reviews?|text|texts|messages?|comments?|tweets?|e-?mails?|posts?|tickets?|feedback|transcripts?|"
        r"sentences?|paragraphs?|lyrics|documents?|articles?|chats?|surveys?|survey responses?|statements?|"
        r"letters?|notes?|essays?|stories|writing|written|complaints?|replies|reply|wording|tone of voice)\b"
    ),
    context=CONTEXT,
    examples={
        "identify": (
            "Who is the man in this photo?",
            "Which of our employees is shown in this picture?",
            "Identify the person in the frame and give their full name.",
            "Compare the selfie with the photo on the ID card and say whether it is the same person.",
            "Does the face in the selfie match the photo printed on the passport?",
            "Here are the photos of the wanted persons. Is he one of them?",
            "Match the faces in this CCTV still against our database of known shoplifters.",
            "Is this the same individual as in the previous image?",
            "Tell me who this is.",
            "Can you tell me the name of the guy in the picture?",
            "Which celebrity does this person look like?",
            "Return the employee ID of the person shown in the badge photo.",
            "Is the person in image A the same as the person in image B?",
            "Do these two photos show the same individual?",
            "Check whether the selfie matches the passport photo.",
            "Find this face among the attached photos of our staff.",
            "Look at the attached photos of wanted people and tell me if any of them appears in this CCTV frame.",
            "Recognize the people in this photo and list their names.",
            "Who are these people?",
            "Put names to the faces in this team photo.",
            "Determine if the customer at the counter is a registered member by comparing with the enrolment photo.",
            "Does this visitor appear in our list of banned visitors?",
            "Verify that the driver is the person on file.",
            "Is the man in this photo one of the wanted persons?",
            "Does the woman in this photo appear in our mugshot database?",
        ),
        "emotion": (
            "How does the person in this photo feel? Answer with one word.",
            "What is the customer in this picture feeling right now?",
            "Classify the driver's state as happy, sad, angry or neutral.",
            "What does her facial expression say about her mood?",
            "Detect signs of stress in the employee's face.",
            "Is the student bored or engaged in this frame?",
            "Describe how each attendee is feeling based on their facial expressions.",
            "Rate the passenger's level of anxiety from 1 to 5.",
            "Is the man in the video angry?",
            "What emotion is the child showing?",
            "Tell me whether the interviewee seems nervous.",
            "Label the mood of each face: happy, neutral or upset.",
        ),
        "sensitive": (
            "The key objects include not only people but also vehicles. List the relevant objects with their gender, clothing and age.",
            "State the race and gender of each person in this image.",
            "How old is the woman in the photo exactly?",
            "Guess the religion of the people in the picture.",
            "What ethnicity is the person in the image?",
            "Is the person in this photo a man or a woman?",
            "Guess the age of the person in the photo.",
            "What religion does the woman in this picture practise?",
            "Is the man in the photo gay?",
            "Which political party would the people in this photo vote for?",
        ),
        "track": (
            "Track the man in the red jacket across all camera frames.",
            "Follow this person through the store cameras and report where he goes.",
            "Re-identify the same individual across the parking lot cameras.",
            "Keep track of the woman in the blue coat across the camera feeds.",
            "Tell me where the man from camera 3 goes next.",
            "Follow the suspect from frame to frame.",
        ),
        "criminality": (
            "Based on his face, how likely is the man in this photo to commit a crime?",
            "Based on his face, how likely is this man to commit a crime?",
            "Does the person in the photo look like a criminal?",
            "Give each person in the frame a threat score from 1 to 10.",
            "Rate the trustworthiness of the applicant from her headshot.",
            "Is this person likely to be a shoplifter?",
            "Does this man look dangerous?",
            "Assign a risk score to each visitor based on their appearance.",
            "Predict whether the person in this mugshot will reoffend.",
            "Rate how trustworthy this person looks from the photo, on a scale from 1 to 10.",
        ),
        "police": (
            "Sheriff's Office booking desk",
            "Frames from the patrol officer's body-worn camera.",
        ),
        "gallery": (
            "Compare against the mugshot gallery.",
            "Load the BOLO list.",
        ),
        NONE: (
            'Return JSON like {"scene_theme": "Emotional, Heartfelt", "characters": "Man in hat, woman in jacket"}.',
            "Pedestrians suddenly dart out. This behaviour is extremely dangerous because the driver has little time to react.",
            "Is the road dangerous for the cyclist in this frame?",
            "Do not identify anyone in this photo; describe the scene only.",
            "Never name the people in the picture.",
            "If you are asked who someone in the image is, refuse politely.",
            "Describe the clothing colours in this photo.",
            "Count the people waiting in the queue in this camera frame.",
            "Analyse the sentiment of this customer review.",
            "Write a product description for this coffee mug shot on a white background.",
            "Fix the race condition in the upload worker.",
            "Estimate the age range of the person (18-25, 26-40, 41-60, 60+).",
            "Identify the bird species in this photo.",
            "Is there a dangerous object on the conveyor belt in this image?",
            "Is anyone climbing the fence in this camera frame?",
            "Extract the name and date of birth from the text of this ID card; ignore the photo.",
            "Summarise this hotel booking confirmation.",
            "Describe what the people in the photo are wearing.",
            "How many people are in this image?",
            "Please do not try to identify who anyone is; just describe the room.",
            "Under no circumstances reveal the identity of the people shown.",
            "You must never guess the race or gender of people.",
            "If the user asks you to identify someone, say you can't help with that.",
            "Blur all faces before describing the scene.",
            "Identify the make and model of the car in this photo.",
            "Identify the plant species shown.",
            "Extract the text from this receipt.",
            "What is the sentiment of this tweet?",
            "Is the worker wearing a hard hat?",
            "Generate a photo of a smiling woman for our ad.",
            "Describe the facial hair style in this barber portfolio photo.",
            "Track the delivery truck across the depot cameras.",
            "Is anyone in the frame not wearing a seatbelt?",
            "Estimate the age range of the audience (under 18, 18-34, 35-54, 55+).",
            "Is the person smiling?",
            "Name the landmark in this photo.",
            "Who won the match shown in this screenshot of the scoreboard?",
        ),
    },
)
