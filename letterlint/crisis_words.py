"""Word classes of the crisis rules (rules/self-harm.toml), as pattern macros.

Each class is one kind of word the rules combine, written once: `{selfobj}` in a pattern means
any word of the "the writer themself as object" class. Keep each class to one meaning, so
that a rule reads as a construction ("{intent} {endverb} {mylife}") rather than a sentence.
letterlint.patterns merges these into its macros; a literal space matches any whitespace.
"""

from __future__ import annotations

CRISIS_WORDS: dict[str, str] = {
    # The writer as the object of their own act: "hurt myself", "finish myself", "kill me".
    "selfobj": r"(?:myself|my\s*self|meself|mysef)",
    # The writer's own life: "my life", "my own life", "my wretched existence", "this life".
    "mylife": r"(?:my\s+(?:own\s+)?(?:\w+\s+)?(?:life|existence)|this\s+(?:\w+\s+)?(?:life|existence))",
    # Wanting, meaning or planning to: the frame that turns a death word into an intention.
    "intent": (
        r"(?:going\s+to|gonna|goin\s+to|about\s+to|ready\s+to|planning\s+(?:to|on)|plan\s+to|"
        r"want(?:ed)?\s+to|wanna|need\s+to|mean(?:t)?\s+to|intend(?:ed)?\s+to|decided\s+to|"
        r"determined\s+to|resolved\s+to|tr(?:y|ied|ying)\s+to|thinking\s+(?:of|about|to)|"
        r"thought\s+(?:of|about)|think\s+(?:of|about)|will|shall|['’]ll|would\s+like\s+to|wish\s+to|"
        r"cho(?:o)?se\s+to|nerve\s+to|courage\s+to|urges?\s+to|how\s+to|way\s+to|ways\s+to|"
        r"time\s+to|only\s+to|just\s+(?:going\s+to|gonna))"
    ),
    # Verbs that end or harm a life when their object is the writer.
    "endverb": (
        r"(?:kill|killing|killed|off|offing|end|ending|ended|finish|finishing|finished|take|taking|"
        r"took|harm|harming|harmed|hurt|hurting|top|topping|hang|hanging|hanged|drown|drowning|"
        r"shoot|shooting|poison|poisoning|destroy|destroying|do\s+away\s+with|murder|murdering|"
        r"slit|slitting|starve|starving)"
    ),
    # Injuries done to oneself (the self-injury class).
    "injureverb": (
        r"(?:cut|cutting|cuts|harm|harming|harmed|hurt|hurting|hurts|burn|burning|burned|burnt|burns|"
        r"hit|hitting|hits|punch|punching|punched|scratch|scratching|scratched|bruise|bruising|"
        r"bruised|carve|carving|carved|slice|slicing|sliced|stab|stabbing|stabbed|starve|starving|"
        r"starved|punish|punishing|punished|bang|banging|banged|bite|biting|bit|scald|scalding|"
        r"scalded|bleed|bleeding)"
    ),
    # Parts of the body that self-injury marks.
    "bodypart": (
        r"(?:arms?|wrists?|forearms?|legs?|thighs?|skin|stomach|belly|hips?|hands?|body|chest|"
        r"ankles?|shoulders?|knuckles|fingers|palms?|calf|calves)"
    ),
    # Medicines and poisons that can be hoarded or swallowed (means).
    "pills": (
        r"(?:pills?|tablets?|meds|medication|medicines?|painkillers?|paracetamol|tylenol|"
        r"sleeping\s+(?:pills|tablets)|sleepers|antidepressants?|insulin|codeine|co-?codamol|"
        r"aspirin|ibuprofen|oxy\w*|opioids?|benzos?|valium|xanax|prescriptions?|dose)"
    ),
    # High places one can fall from (means and places).
    "height": (
        r"(?:bridge|roof|rooftop|ledge|balcony|cliffs?|cliff\s+path|tower|multi-?storey|car\s+park|"
        r"building|overpass|flyover|top\s+floor|top\s+level|parapet|railings?|window\s+ledge|"
        r"edge|viaduct|quarry)"
    ),
    # Water one can walk into.
    "water": r"(?:river|sea|lake|canal|the\s+water|waves|ocean|reservoir|loch|thames|tide|current)",
    # Trains and tracks.
    "rail": r"(?:railway|train|rail|tracks?|the\s+line|level\s+crossing)",
    # Guns, ropes and blades.
    "weapon": r"(?:gun|shotgun|pistol|rifle|revolver|firearm|rope|noose|knife|knives|blade|blades|razors?)",
    # God and the hereafter, for the religious voice ("meet my maker", "go to Him").
    "god": (
        r"(?:god|the\s+lord|lord|jesus|christ|allah|my\s+maker|my\s+creator|him|heaven|"
        r"the\s+almighty|the\s+father|my\s+saviou?r|the\s+angels)"
    ),
    # Death and the grave as things one may seek or long for.
    "deathword": (
        r"(?:death|dying|the\s+grave|my\s+grave|the\s+tomb|a\s+tomb|oblivion|eternal\s+(?:sleep|rest|night)|"
        r"the\s+void|the\s+end\s+of\s+(?:me|it\s+all|all\s+things|my\s+days)|the\s+darkness|the\s+abyss|"
        r"(?:the\s+)?(?:long\s+|last\s+|cold\s+|eternal\s+|endless\s+)?quiet\s+of\s+the\s+(?:tomb|grave)|endless\s+sleep|the\s+long\s+sleep)"
    ),
    # "Much longer", "any more", "after tonight": the time after which the writer will be gone.
    "nolonger": (
        r"(?:much\s+longer|for\s+(?:much\s+)?longer|for\s+long|any\s*more|any\s+longer|no\s+more|"
        r"after\s+(?:tonight|tonite|2nite|today|this\s+week|this|sunday|\w+day)|to\s+(?:see|read|hear|"
        r"answer|care|know|watch|bother)|by\s+(?:then|tomorrow|morning|the\s+time)|in\s+this\s+world|"
        r"on\s+this\s+earth|when\s+(?:you|u)\s+(?:read|get|open|find))"
    ),
}


# -- Cue classes: a second, looser net over whole sentences ------------------------------------
#
# A sentence in the writer's own voice (FIRST_PERSON) that combines cues of several classes is
# flagged even when no pattern of the rule describes it, e.g. "My family would be relieved if
# I was gone" (a burden cue and an absence cue). Each class has a weight; a sentence fires at
# CUE_THRESHOLD or more, of which CORE_WEIGHT from the CORE classes. Idioms (IDIOMS) are removed
# before counting, so "this job is killing me" counts nothing.

FIRST_PERSON = r"i|i['’]?m|im|i['’]?ve|ive|i['’]?d|i['’]?ll|me|my|myself|meself"

CUE_CLASSES: dict[str, tuple[int, str]] = {
    # Death, dying and not living (strong).
    "death": (
        2,
        r"die|dying|dead|death|kill myself|killing myself|suicid\w*|kms|alive|want to live|"
        r"reason to live|to live any\s*more|go on living|keep living|stop living|not exist|"
        r"stop existing|grave|churchyard|cemetery|tomb|"
        r"overdose|noose",
    ),
    # Being gone, not waking, ending things (weaker on their own).
    "absence": (
        1,
        r"wake up|waking up|sleep forever|not be here|not here any\s*more|wasn['’]?t here|"
        r"weren['’]?t here|(?:was|were|be|am|i['’]?m|i['’]?ll be) gone|disappear\w*|vanish\w*|"
        r"end (?:it|it all|everything|things)|finish (?:it|everything)|let (?:it|myself) go|"
        r"another sunrise|another day|no longer here|not around",
    ),
    # Means and places.
    "means": (
        1,
        r"pills?|tablets?|meds|medication|rope|hose|gun|shotgun|pistol|knife|knives|blades?|razors?|"
        r"bridge|roof|rooftop|ledge|cliffs?|edge|canal|river|sea|lake|train|trains|tracks|platform|"
        r"traffic|motorway|car park|multi-?storey|balcony|exhaust|bottle|the means|drown\w*|"
        r"jump|jumping|hang|hanging|poison",
    ),
    # Injury to oneself.
    "injury": (
        1,
        r"cutting|cuts|burns|burning|scars?|bleed\w*|wrists?|bruises|marks|hurt myself|"
        r"hurting myself|harm myself|harming myself|punish\w*",
    ),
    # Being a burden; others better off.
    "burden": (
        2,
        r"(?:i['’]?m|i\s+am|i\s+feel\s+like|i['’]?ve\s+become|me\s+being|i['’]?d\s+be)\s+(?:\w+\s+){0,2}"
        r"(?:a\s+|such\s+a\s+)?burden|taking up space|waste of space|put up with me|in everyone['’]?s way|"
        r"(?:doesn['’]?t|don['’]?t|nobody|no one|no-one) needs? me|"
        r"if i (?:was|were|wasn['’]?t|weren['’]?t) (?:gone|here|around|dead)",
    ),
    # Finality: for good, after tonight, goodbye.
    "final": (
        1,
        r"much longer|any longer|for good|forever|never again|after tonight|tonight|tonite|2nite|"
        r"goodbye|good-bye|farewell|won['’]?t matter|one last|for the last time|permanently|no more|"
        r"by the time you",
    ),
    # Hopelessness.
    "hopeless": (
        1,
        r"pointless|no point|(?:not|n['’]?t) worth|no reason|no purpose|meaningless|hopeless|no hope|"
        r"no future|can['’]?t (?:take|go on|do this|cope|carry on|keep going)|"
        r"cant (?:take|go on|do this|cope|carry on|keep going)|done with everything|tired of|"
        r"exhausted|given up|nothing left|no way out|way out|too much|numb|don['’]?t care",
    ),
    # Intent, planning and secrecy.
    "intent": (
        1,
        r"plan|planned|planning|decided|ready|want to|wanna|thinking about|thought about|"
        r"keep thinking|how (?:many|much|cold|high|far|fast|easy)|fastest|quickest|enough|"
        r"hiding|hidden|secret|nobody knows|no one knows|the means",
    ),
}
# Classes about the act or its object; their weights must add up to CORE_WEIGHT on their own.
CORE_CLASSES = ("death", "burden", "means", "injury", "absence")
CORE_WEIGHT = 2
CUE_THRESHOLD = 3

# Turns of phrase that use a death or harm word without meaning it.
IDIOMS = (
    r"(?:die|died|dying) (?:of|from) (?:embarrassment|shame|laughing|laughter|boredom|cringe)|"
    r"dying (?:to|for|of)|killing (?:me|time|it)|kill(?:ed|s)? it|kill (?:for|to)|"
    r"(?:could|would|['’]d) (?:\w+\s+)?die for|"
    r"(?:kill|killed|murder) (?:me|you|him|her) (?:with|for)|"
    r"dead (?:tired|on my feet|serious|set|easy|end|good|funny|cute|jealous)|"
    r"bored to death|sick to death|scared to death|to death of|death trap|death of me|"
    r"over my dead body|passed away|jump(?:ed|ing)? at the chance|killer|"
    r"(?:phone|battery|laptop|car|plant|basil)[^.!?]{0,20}(?:died|dead)"
)
