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
        r"(?:the\s+)?(?:long\s+|last\s+|cold\s+|eternal\s+|endless\s+)?quiet\s+of\s+the\s+(?:tomb|grave)|"
        r"endless\s+sleep|the\s+long\s+sleep)"
    ),
    # "Much longer", "any more", "after tonight": the time after which the writer will be gone.
    "nolonger": (
        r"(?:much\s+longer|for\s+(?:much\s+)?longer|for\s+long|any\s*more|any\s+longer|no\s+more|"
        r"after\s+(?:tonight|tonite|2nite|today|this\s+week|this|sunday|\w+day)|to\s+(?:see|read|hear|"
        r"answer|care|know|watch|bother)|by\s+(?:then|tomorrow|morning|the\s+time)|in\s+this\s+world|"
        r"on\s+this\s+earth|when\s+(?:you|u)\s+(?:read|get|open|find))"
    ),
}


# -- Cue classes: a second, looser net over sentences and their neighbours -----------------------
#
# Writers in danger rarely name the act. They speak of kinds of things: their own absence in the
# future, being a burden, the means and the place, putting affairs in order, a last goodbye, a
# passive wish that something would happen to them. No single kind is alarming alone ("I won't be
# around next week"), so each class carries a weight, and a sentence fires when the classes in it
# and in its neighbours (the sentence before and after, in the same paragraph) add up to
# CUE_THRESHOLD, with at least CORE_WEIGHT from the CORE classes, and the sentence itself holds a
# cue. Idioms (IDIOMS) are removed first, so "this job is killing me" counts nothing.

FIRST_PERSON = r"i|i['’]?m|im|i['’]?ve|ive|i['’]?d|i['’]?ll|me|my|myself|meself|mine|una"

# Helpers for the classes below: a future or irrealis frame, and the writer as subject.
_NOT_WILL = (
    r"(?:won['’]?t|wont|will\s+not|shan['’]?t|not\s+(?:going\s+to|gonna)|may\s+not|might\s+not|"
    r"(?:will|['’]ll)\s+no\s+longer|no\s+gonnae|nae\s+gonnae|willnae|winnae)"
)
# Places and things one may go towards: an edge, a height, water, a line, a road.
_PLACES = (
    r"(?:the |a |my |that |this )?(?:\w+ )?(?:edge|ledge|bridge|footbridge|overpass|flyover|roof|rooftop|"
    r"balcony|cliffs?|"
    r"parapet|railings?|platform|tracks|railway|line|traffic|motorway|highway|river|canal|lake|sea|water|"
    r"waves|car park|"
    r"ground|street|pavement|drop|"
    r"beam|rope|rifle|gun|shotgun|pills|tablets|razor|blades?)"
)

CUE_CLASSES: dict[str, tuple[int, str]] = {
    # Death, dying and not living, said of oneself or in the abstract (strong).
    "death": (
        3,
        r"(?:finish|finishing) (?:with )?(?:everything|it all|this life|my life)|"
        r"(?:i|me|myself|i['’]?d|i['’]?ll|ill|im|i['’]?m) (?:\w+ ){0,3}(?:die|be dead|dying|dead)|"
        r"(?:want|wanna|wish|like|ready|deserve|rather) to (?:die|be dead)|(?:my|own) death|kill myself|"
        r"killing myself|kms|unaliv\w*|suicid(?!es)\w*|"
        r"(?:end|ending|take|taking|took) (?:my|this) (?:own |\w+ )?(?:life|existence)|"
        r"(?:not|never|don['’]?t|dont|no longer) (?:\w+ )?(?:alive|want to live)|reason to live|"
        r"(?:no|not|never) (?:intention|intend|plan|planning|expect|expecting|mean|meaning) "
        r"(?:\w+ ){0,2}(?:be )?alive|(?:done|finished|through) (?:with )?living|"
        r"to live any\s*more|"
        r"go on living(?! (?:in|with))|keep living(?! (?:in|with))|stop living|"
        r"(?:not|stops?|stopping|cease to|ceases to) exist\w*|my grave|"
        r"(?:end|finish)(?:ing)? (?:it|things|everything) (?:my (?:own )?way|on my (?:own )?terms|for good|"
        r"myself)|(?:done|finished|through) (?:with|wid|wit) (?:this|dis|my) life|"
        r"(?:don['’]?t|do not|dont) deserve to (?:live|be alive|be here|exist)|"
        r"overdose|noose|terminal|my time (?:is|has) come|race is run|meet my maker|self[- ]?destruct\w*|"
        r"(?:lay|laid|laying|put|raise|raised) (?:a |my )?hands? (?:up)?on myself|"
        r"(?:take|takes|taking|took|taken) (?:his|her|their|one['’]s|my) own life|"
        r"(?:mi|me|i) (?:a go|go|gonna|wan|waan|want|fi|haffi|go just|will) (?:just )?dead|"
        r"(?:try|tried) fi dead|"
        r"(?:i['’]?ll|i will|i['’]?d|me|i['’]?m|i am|be) (?:\w+ ){0,3}(?:in the ground|six feet under|"
        r"in (?:a|my) "
        r"(?:box|coffin|grave))|should(?:['’]ve| have) (?:been one of them|died(?! of| laughing))|"
        r"(?:dies?|died|go(?:es)?) (?:to the grave )?with me\b|"
        r"(?:go|going|gone|went|leave|leaving|out) (?:out )?(?:of|from) this world|relieve (?:it|the world|"
        r"everyone|"
        r"you|you all) of my (?:company|presence|existence)|"
        r"go(?:ing)? home to (?:him|god|the lord|jesus|heaven|my maker)|"
        r"(?:lie|lay) down and (?:never|not) (?:rise|get up|wake)|the end of me|end it all|"
        r"ending (?:anything|it|it all|everything|things)|do (?:anything|something) (?:stupid|silly|drastic|"
        r"dumb)",
    ),
    # Death as a topic: the writer's, or anyone's (weak alone; old letters speak of it often).
    "mortal": (
        1,
        r"die|dying|dead|death|grave|churchyard|cemetery|tomb|coffin",
    ),
    # The writer's own absence in the future: not around, gone, never waking, never back (strong).
    "gone": (
        2,
        r"(?:don['’]?t|do not|dont) think i['’]?ll be (?:around|here|there|alive)|(?:nothing|not much|no one|"
        r"nobody) (?:left )?keeping me here|"
        r"(?:reading|read|hear\w*) about me in the (?:paper|papers|news)|"
        r"(?:am|i['’]?m|be) not (?:more|any\s*more|any longer) (?:here|there|alive|able to live)|"
        r"(?:anyone|someone|somebody|they|you) (?:to |will |would |can )?find me|where i['’]?m going|"
        r"where i['’]?ve gone|where i (?:have )?gone|before my time|"
        r"(?:want|need|wish|like) (?:the |this |it all |everything |all )?(?:pain|hurt|hurting|noise|"
        r"thoughts) "
        r"to stop|"
        rf"{_NOT_WILL} (?:\w+ )?(?:be (?:at|there for|around for)|see|make it to|get to see) "
        r"(?:\w+['’]s |your |her |his |the |their |my )?(?:\w+ )?(?:graduation|wedding|birthday|christmas|"
        r"exams?|results|christening|baby|first day|birth|it)\b|"
        r"(?:can['’]?t|couldn['’]?t|cannot|won['’]?t) (?:face|survive|bear) another (?:winter|year|"
        r"christmas|day|night|week|month|summer)|(?:sooner|rather) be (?:lying |buried )?(?:beside|next to) "
        r"(?:her|him|them|mum|dad|\w+)|won['’]?t (?:wake|get up)|"
        r"(?:the )?(?:last|final) (?:letter|message|thing|words?|note|text|ting)s? (?:you['’]ll|you will|"
        r"you['’]re going to|i['’]ll|i will|i['’]m going to|i am going to|mi a go) (?:ever )?(?:get|hear|"
        r"read|"
        r"receive|write|send)"
        r"(?![^.!?;]{0,30}\b(?:from (?:this|here|the)|before|until|till|for now|for a while|this "
        r"(?:year|term|week|month))\b)|"
        r"(?:you|u)['’]?ll (?:all )?(?:know|understand|find out|see) why|"
        r"(?:won['’]?t|wont|will not) be needing (?:it|them|any)|"
        r"(?:don['’]?t|do not|please no|no) (?:come )?(?:look|seek|search)(?:ing)? (?:for )?me|seek me|"
        r"where i am going|"
        r"gone (?:for|fi) good|(?:not|never|won['’]?t|wont) (?:\w+ ){0,3}(?:see|seeing|"
        r"make it to) another (?:spring|summer|winter|autumn|christmas|birthday|year|day|morning)|"
        r"(?:not going to|not gonna|won['’]?t|wont) make it (?:to|till|until|through)|"
        r"my last words|the last thing i['’]ll (?:ever )?(?:write|say|send)|out of (?:everyone|"
        r"everybody)['’]?s? (?:life|lives)|"
        r"(?:sorry|forgive me) for what (?:comes next|happens next|i['’]?m (?:about to|going to|planning)|"
        r"i am (?:about to|going to|planning))|"
        r"(?:won['’]?t|wont|will not) need to (?:get|buy) me|in the ground|six feet under|"
        r"(?:talk|meet|see) (?:with )?(?:the lord|god|jesus|my maker|allah) (?:\w+ ){0,3}(?:soon|sooner|"
        r"tonight)|"
        rf"{_NOT_WILL} (?:\w+ )?be (?:around|here|there|alive|aboot|aroon|in (?:your|the|their) (?:way|life|"
        r"lives|hair))|"
        r"(?:will|['’]ll|shall|gonna|going to) (?:\w+ )?be (?:gone|long gone)|"
        r"not (?:be )?(?:around|here|there) (?:any\s*more|any longer|much longer|for long|by then|after)|"
        r"(?:not|no longer|never) (?:be )?(?:here|there|around) any\s*more|"
        r"(?:when|after|once|by the time) (?:i['’]?m|i am|im|i['’]?ve|i have) (?:gone|dead|not here)|"
        r"(?:will|['’]ll|shall) have gone|free of me|rid of me|never (?:see|hear from) me again|"
        r"(?:not|never|won['’]?t|wont) (?:\w+ )?(?:come|coming) back|"
        r"(?:never|not) (?:wake|waking|woke|woken|rise|rising|get up|getting up)(?: again| up)?|"
        r"sleep (?:forever|"
        r"for good)|"
        r"(?:i|i['’]?ll|ill|to|just|me|wanna|gonna) (?:\w+ )?(?:disappear|vanish)(?:ing)?\b|(?:stop|"
        r"stopped) (?:existing|being alive|being here)|not be(?=\s*(?:[.!;…]|$))|"
        r"be (?:in|on) the (?:paper|papers|news)|(?:hear|get|read) the news|when the time comes|"
        r"(?:gone|go) to rest|rest for good|lay(?:ing)? down (?:this|the|my) (?:\w+ )?(?:burden|load|cross)|"
        r"(?:pain|hurt|hurting|suffering|it all|everything) (?:to )?(?:stop|"
        r"end)\w* (?:[\w,]+ ){0,8}(?:for good|forever|permanently)|(?:they|you|u|someone|somebody|anyone|"
        r"anybody) (?:finds?|found) me|"
        r"(?:won['’]?t|will not|will be no|wont) (?:be )?(?:a |any )?(?:more )?me\b|(?:i['’]?ll be|ill be|"
        r"i will be) gone|out of the picture|"
        r"(?:won['’]?t|wont|will not|not) (?:b|be) (?:here|around|there)|(?:trouble|bother) you no (?:more|"
        r"further|longer)|"
        r"(?:go|going|goes) away from this|(?:leave|leaving|quit|quitting) this (?:\w+ )?(?:world|life|"
        r"earth)|"
        r"(?:never|not) (?:have to )?open (?:my eyes|them|my eyes) again|let the (?:\w+ )?(?:dark|darkness|"
        r"water|sea|river|cold|night) "
        r"(?:have|take) me|waste away|nothing (?:of me left|left of me)|"
        r"(?:the )?last (?:letter|message|thing|words?) (?:you['’]ll|you will|"
        r"you['’]re going to) (?:ever )?(?:get|hear|read|receive) from me",
    ),
    # Arrangements for after the writer's own death, and who should or should not find them: these
    # name the writer's death without naming the act, so one is enough, with or without an "I".
    "aftermath": (
        3,
        r"my (?:own )?funeral|(?:bother|need) with a (?:big |proper )?funeral|(?:cheapest|a plain|a cheap) "
        r"(?:box|coffin)|identify (?:me|my body)|(?:find|found|finds) my body|"
        r"(?:come and |to )?(?:fetch|collect) me|call(?:ing)? me (?:home|to (?:him|her|them|heaven))|"
        r"(?:no use|no good|nothing) to a dead (?:man|woman)|(?:don['’]?t|do not) (?:go|come) in(?:to)? the "
        r"(?:bathroom|garage|bedroom|shed|loft|attic|cellar|basement)|call someone first|"
        r"(?:the one|the first|first one|person) (?:to |who )?(?:finds? me|opens? the door|comes? in)|"
        r"sooner than (?:he|god|the lord|nature|planned|intended|expected)|"
        r"(?:fell|fall|falling|go|went) (?:to sleep|asleep) and (?:never|not|didn['’]?t) (?:wake|woke|woken)|"
        r"(?:identif\w+|collect\w*|pull\w*|see|find\w*) my (?:body|corpse)|only (?:a|my) (?:body|corpse)|"
        r"(?:my|own) (?:burial|headstone|gravestone|coffin|obituary|inquest|eulogy)|"
        r"read\w* (?:of|about) (?:me|my death) in the (?:\w+ )?(?:papers?|news)|"
        r"(?:when|after|before) it happens|"
        r"my (?:ashes|janaza|jenazah|remains|wake)|news of my (?:death|funeral|janaza|passing)|"
        r"(?:whoever|anyone who|the person who) (?:finds|find|comes? (?:in|round|after))(?: me)?|"
        r"(?:a )?(?:widow|widower|orphans?) (?:before|by)",
    ),
    # Means and places.
    "means": (
        1,
        r"pills?|tablets?|meds|medication|medicine|paracetamol|morphine|painkillers?|sleeping pills|"
        r"rope|beam|hose|exhaust|gun|shotgun|pistol|rifle|knife|knives|blades?|razors?|"
        r"bridge|footbridge|overpass|roof|rooftop|ledge|cliffs?|edge|balcony|window|top floor|"
        r"canal|river|sea|lake|water|waves|current|train|trains|tracks|railway|platform|"
        r"traffic|motorway|highway|lorry|truck|semi|bus|car park|multi-?storey|bottle|jar|"
        r"the means|drown\w*|jump|jumping|hang(?:ing)?(?! (?:around|out|up|on|in|about|with|over|onto))|"
        r"poison\w*|swallow\w*|flyover|crossing|pillar|wheel|cabinet|belt|cord|ligature|hemp|bullet|"
        r"fumes|gas (?:tap|oven|ring|fire)|oven|laudanum|opium|arsenic|stockpil\w*|stash|hoard\w*|"
        r"pesticide|weedkiller|rat poison|bleach|antifreeze|insecticide|sniper|gramoxone",
    ),
    # Going towards the means: standing at an edge, looking at it, practising, gathering.
    "approach": (
        2,
        r"(?:keep|kept) walking (?:till|until|into|out)|(?:pull|take|drag|pulling|taking|dragging) me under|"
        r"looked up how|"
        r"(?:sat|sitting|sit) with (?:it|the \w+) in my (?:lap|hand)|"
        r"took (?:a load|loads|a lot|all|a handful|the whole (?:box|packet|bottle)|"
        r"everything) (?:of )?(?:\w+ )?(?:pills|tablets|paracetamol|meds|painkillers)|"
        r"(?:take|taking|took|swallow\w*) everything in the|"
        rf"(?:stand\w*|stood|stopp\w* on|lean\w*|step\w*|climb\w*|jump\w*|perch\w*|(?:go\w*|went) up to|"
        rf"(?:star\w*|look\w*|gaz\w*) (?:\w+ )?down|check\w*|picture\w*|"
        rf"imagin\w*) (?:[\w'’-]+ ){{0,4}}{_PLACES}|"
        r"how (?:quick|easy|fast|simple) it (?:would|could|will) be|(?:there are|i have|i['’]ve got|"
        r"got) enough(?: now| of them)?|"
        r"(?:counted|counting) (?:them|the (?:pills|tablets))|(?:putting|put|setting|set) (?:my |"
        r"the )?(?:pills|tablets|meds|them) (?:aside|away|by)|(?:took|take|taking|swallow\w*) (?:a few |one |"
        r"way |a couple )?too many (?:of )?(?:my )?(?:\w+ )?(?:pills|tablets|meds)|(?:not|no longer|n['’]t) "
        r"(?:frightened|scared|afraid) of (?:it|dying|death|the \w+) (?:any\s*more|now)|(?:see to|"
        r"do) it myself|"
        r"(?:started|keep|kept|can['’]?t stop) thinking about (?:it|them|that|the (?:\w+ )?(?:bridge|edge|"
        r"river|"
        r"tracks|train|pills|rope|water|drop|roof|sea|cliff|car park))|(?:working|worked|figur\w*) out the "
        r"(?:timing|date|day|time|best way|how)|(?:picked|set|chosen|chose) (?:a|the) (?:date|day|night)|"
        r"think about (?:it|them|"
        r"that) (?:every|all the time|more than|constantly)|"
        r"let (?:it|them|the \w+) take me|swerve into me|(?:hit|run) me (?:over|down)|"
        r"step(?:ping)? out in front|"
        r"(?:let|letting) go of the wheel|walk (?:in|into the \w+) and not|practi[cs]e run|dry run|"
        r"rehears\w*|"
        r"(?:saving|saved|keeping|kept|collect\w*|buying|counting) (?:[\w'’-]+ ){0,3}(?:pills|tablets|meds|"
        r"them|paracetamol|painkillers|morphine)|"
        r"stash\w*|hoard\w*|stockpil\w*|how many (?:\w+ )?(?:it would take|would do it|pills|tablets)|"
        r"(?:would|could) be (?:so )?(?:quick|easy|simple)|a pull|the pull|calm about|take my weight|"
        r"know exactly where|(?:stopped|stopping|stop|quit) (?:taking )?my (?:\w+ )?(?:meds|medication|"
        r"tablets|"
        r"pills|insulin|treatment)",
    ),
    # Self-injury.
    "injury": (
        3,
        r"(?:punch|punching|punched|hit|hitting) (?:the )?(?:\w+ )?walls? (?:till|until)|knuckles (?:split|"
        r"bleed\w*|raw)|"
        r"arms? (?:r|are|is|was|were) (?:all )?(?:scratched|cut|marked|covered)|(?:stopped|stop|"
        r"not) eating (?:\w+ )?on purpose|starv\w* myself|"
        r"(?:cut|cutting|burn|burning|burned|burnt|scratch\w*|hit|hitting|punch\w*|starv\w*|hurt|hurting|"
        r"harm|harming|punish\w*) (?:myself|my (?:arms?|wrists?|legs?|thighs?|skin|stomach|body))|"
        r"self[- ]?harm\w*|razor blades|the blades?|i(?:['’]ve| have)? relapsed|"
        r"(?:the|my) (?:cutting|burning|scratching)(?:['’]s)?|(?:don['’]?t|do not|dont) deserve to (?:eat|"
        r"be fed)|"
        r"(?:cut|cutting|burned|burnt) (?:again|deeper)|deeper than|(?:hit|hitting|bang|banged|"
        r"banging) my head|burns? (?:from|with) (?:the|an?|my) (?:iron|lighter|cigarettes?|candle|cooker|"
        r"kettle)|(?:punch|punching|hit|hitting|bite|biting|scratch\w*) my own|"
        r"hid(?:e|ing) (?:the|my) (?:marks|cuts|scars|burns|bruises)|(?:started|start|back) (?:again )?"
        r"(?:with|on) the (?:razor|blade|cutting)|cutting (?:again|when|every)|making myself sick|"
        r"(?:skipping|skip|stopped) (?:meals|eating|food) (?:\w+ )?on purpose",
    ),
    # Being a burden; others better off without the writer (strong).
    "burden": (
        2,
        r"better for (?:everybody|everyone|all|you all|the family|all of you)|"
        r"(?:would|will) anyone (?:even )?(?:notice|care|miss)|"
        r"(?:i['’]?m|i am|im|i was|i['’]ve been|i have been|me|myself|being|become|becoming|be|feel like|"
        r"felt "
        r"like|such) (?:\w+ ){0,2}burden|burden (?:to|on|for) (?:everyone|everybody|all of you|you all|"
        r"my family|"
        r"the family)|burdening|"
        r"dead weight|(?:become|becoming|being|be|am|i['’]?m|im) (?:a |an |the |only a |just a |"
        r"such a )?(?:\w+ )?"
        r"(?:problem|trouble|bother|nuisance|drain|weight)|a drain|draining (?:you|everyone)|(?:a|the|only a|"
        r"just a) (?:problem|trouble|bother|nuisance) (?:to|for)|"
        r"better off|easier (?:for|without|on)|happier without|taking up space|waste of space|"
        r"put up with me|deal (?:with|w) me|in everyone['’]?s way|(?:nobody|no one|no-one|noone|won['’]?t|"
        r"wont)(?:['’]s)? (?:\w+ ){0,2}miss (?:me|a)|"
        r"(?:doesn['’]?t|don['’]?t|nobody|no one|no-one) needs? me|failed (?:everyone|you all|all of you|"
        r"my family|the family)|"
        r"(?:no more|bring) shame|(?:relieved|a relief) (?:for|to) (?:you|everyone|them|all|the)|"
        r"waste of (?:air|space|oxygen|skin|your time)|disappoint (?:anyone|everyone|you all)|"
        r"(?:not|no|no longer) (?:a |your )?problem (?:any\s*more|for|to)|what['’]?s the point of me|"
        r"what is the point of me|(?:have|has|had|having) to carry me(?! on| in| to| home| across| over| up|"
        r" down| through)|good for (?:nothing|nobody|no one)|no good to "
        r"(?:anyone|anybody|nobody)|weigh\w* (?:\w+ )?down|(?:fine|better|happier|easier|okay|ok) without me",
    ),
    # Finality: for good, after tonight, a decision, goodbye.
    "final": (
        1,
        r"much longer|any longer|any\s*more|for good|forever|permanent\w*|never again|ever again|"
        r"after (?:tonight|tonite|2nite|today|this)|tonight|tonite|2nite|soon|goodbye|good-bye|farewell|"
        r"bye forever|one last|for the last time|once and for all|no more|no longer|the end|"
        r"(?:will|['’]ll|gonna|going to|would|(?:it )?would (?:all )?(?:just )?) be (?:over|finished|done|"
        r"quiet)|"
        r"(?:\d+|two|three|four|few|couple(?: of)?) more (?:days|nights|weeks)(?: max)?|my (?:own )?choice|"
        r"(?:i['’]?ve|i have) decided|decision['’]?s made|(?:all|it['’]?s) (?:be )?over|"
        r"my decision|made up my mind|made my (?:mind|peace|choice)|decided|arrangements|the date|"
        r"by the time (?:you|u|anyone)|last (?:letter|message|text|note|time you)",
    ),
    # Putting affairs in order, and words left for those who stay.
    "affairs": (
        1,
        r"take care (?:of|about) (?:\w+ ){1,2}(?:for me|when i|after i)|"
        r"(?:settled|sorted|arranged|put in order|in order) (?:\w+ )?(?:accounts|affairs|things|everything|"
        r"papers)|"
        r"solicitor|my will|(?:made|making|make) (?:\w+ )?arrangements|bank details|passwords|spare key|"
        r"insurance|"
        r"look after (?:the|my|him|her) (?:\w+ )?(?:cat|dog|kids|children|plants)|(?:give|gave|giving|left|"
        r"leaving) (?:away|you|him|her) my|"
        r"no (?:use|need) for|(?:won['’]?t|wont|will not) need (?:it|them|any)|"
        r"(?:not|none of (?:it|this|that)|never|wasn['’]?t|isn['’]?t) (?:\w+ ){0,2}(?:your|her|his|their|"
        r"anyone['’]s) fault|(?:nothing|not) (?:\w+ ){0,3}could (?:have|['’]ve) done|(?:don['’]?t|"
        r"do not|dont|never) blame (?:yourself|urself|you)|(?:wasn['’]?t|isn['’]?t|is not|"
        r"was not) because of (?:you|them|u)|"
        r"forgive me|tell (?:the kids|the children|mum|mom|mummy|dad|her|him|them|everyone|"
        r"\w+) (?:that )?(?:i|"
        r"I) (?:love|loved|am sorry|went|was not|wasn['’]t|didn['’]t suffer|tried|was (?:so )?proud|"
        r"am (?:so )?proud)|sorry for (?:this|"
        r"all this|"
        r"everything|what)|"
        r"remember me|(?:don['’]?t|do not|please no|no) (?:\w+ )?(?:look|looking|come looking|search) for me|"
        r"(?:call|ring|phone) the police|cry for help|(?:don['’]?t|do not|no) (?:grieve|cry|mourn|be sad)|"
        r"cry for me|grieve (?:long|for me)|notes? for|letters? for (?:everyone|you all|each)|passwords?|"
        r"(?:won['’]?t|wont|will not|not) have (?:any )?(?:use|need) for|hear it from me|"
        r"if anything (?:happens|should happen) to me|"
        r"(?:left|leaving|given|giving) (?:the|my) (?:\w+ ){0,3}(?:with|to|on|in|under|for) (?:\w+)|"
        r"(?:taking|take|have|"
        r"keep) (?:the|my) (?:cat|dog|guitar|car|things)",
    ),
    # Marks that self-injury leaves, or a lapse back into it: weak alone (a tattoo on a wrist).
    "marks": (1, r"scars?|scarred|relaps\w*|wrists?|bandages?|plasters|long sleeves"),
    # Hopelessness and exhaustion with living.
    "hopeless": (
        1,
        r"pointless|no point|(?:not|n['’]?t) worth|no reason|no purpose|meaningless|hopeless|no hope|"
        r"no future|(?:can['’]?t|cant|cannot|no fit) (?:\w+ )?(?:take|go on|do this|cope|carry|keep|anymore|"
        r"any more|again)|"
        r"done with everything|tired of (?:the |my )?(?:life|living|everything|it all|being)|tire me|weary|"
        r"exhausted|given up|nothing left|no way out|way out|too much|numb|feel nothing|"
        r"(?:pain|it|everything|all of it) (?:to )?stop|make it stop|failed|failure|no longer (?:care|"
        r"matter)|"
        r"how much longer|can['’]?t see|(?:doesn['’]?t|doesnt|won['’]?t|wont) matter (?:anyway|any\s*more)",
    ),
    # Passive wishes: hoping something happens to the writer; relief at bad news about their health.
    "passive": (
        3,
        r"(?:half |secretly |kind of |sort of )?(?:hope|hoping|wish|wishing|pray|praying) (?:\w+ ){0,4}"
        r"(?:doesn['’]?t stop|hits me|runs me|crash\w*|swerve\w*|(?:don['’]?t|never|not) wake)|felt relieved|"
        r"(?:not going to|won['’]?t|wont|not gonna) (?:chase up|follow up|go to|take|start) (?:the |"
        r"my )?(?:\w+ )?"
        r"(?:treatment|appointment|results|meds|follow-up|chemo|scan)",
    ),
    # Wishing, planning and being drawn: the frame of an intention.
    "intent": (
        1,
        r"planning (?:it|this|everything|the|how)|planned (?:it|this|everything|the whole)|"
        r"made up my mind|wish\w*|(?:had|have|got|made) a plan|(?:made|making|make) sure of it|"
        r"(?:picked|chosen|chose|set|fixed) (?:a|the|my) (?:date|day|spot|place|time|hour)|"
        r"(?:picked|chosen|chose) the \d+\w*|by my own (?:design|hand)|"
        r"hop(?:e|ing) (?:a|that|something) |pray(?:ing)? (?:for|that) |keep thinking|started thinking|"
        r"part of me|tempt\w*|urge\w*|secret|nobody knows|no one knows|"
        r"(?:haven['’]?t|not) told anyone|so nobody asks|the means|mean it|not (?:being|bein) dramatic|"
        r"i know what that means|(?:don['’]?t|dont|do not|pls dont|pls don['’]?t) tell",
    ),
}
# Classes about the act or its object; their weights must add up to CORE_WEIGHT on their own.
CORE_CLASSES = ("death", "gone", "burden", "means", "approach", "injury", "affairs", "passive", "aftermath")
# Classes that speak of the writer by themselves ("my funeral", "identify me"): no "I" is needed nearby.
SELF_EVIDENT_CLASSES = ("aftermath",)
CORE_WEIGHT = 2
CUE_THRESHOLD = 3

# Turns of phrase that use a death or harm word without meaning it.
IDIOMS = (
    r"(?:die|died|dying) (?:of|from) (?:embarrassment|shame|laughing|laughter|boredom|cringe|agony|grief|"
    r"love|jealousy|longing)|"
    r"dying (?:to|for|of)|until (?:i|the day i) die|till (?:i|the day i) die|killing (?:me|time|it)|"
    r"kill(?:ed|s)? it|kill (?:for|to)|"
    r"(?:could|would|i['’]d|['’]d) (?:\w+\s+)?die for|(?:you|u|ur|you['’]re|youre) gonna die|"
    r"(?:lmao+|lol|haha+)[^.!?]{0,12}(?:i['’]?m|im) (?:so |literally )?dead|(?:i['’]?m|im) (?:so |"
    r"literally )?dead (?:lol|lmao|haha)|"
    r"(?:kill|killed|murder) (?:me|you|him|her) (?:with|for)|"
    r"dead (?:tired|on my feet|serious|set|easy|end|good|funny|cute|jealous)|"
    r"bored to death|sick to death|scared to death|to death of|death trap|death of me|"
    r"over my dead body|passed away|jump(?:ed|ing)? at the chance|killer|"
    r"(?:phone|battery|laptop|car|plant|basil)[^.!?]{0,20}(?:died|dead)|"
    # Ordinary uses of the absence, injury and death words: cutting off contact, an absence for a
    # stated short while, the last letter before some ordinary event, an injury got on a thing,
    # sleeping long after hard work, suicide as someone else's loss or a topic.
    r"cut(?:ting)? (?:myself|me|him|her|them|you) off|"
    r"(?:be|been) (?:around|here|there|in|home|about|back|away|gone|off)(?: \w+)? (?:next|this|on|until|till|"
    r"for (?:a|the|two|three|few|couple)|over the) (?:\w+ )?(?:week|weekend|days?|month|fortnight|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday|holidays?|summer|\d+\w*)|"
    r"last (?:letter|message|email|note|post|text) (?:before|from|until|till|of the (?:year|term|trip))|"
    r"(?:cut|burn\w*|scratch\w*|hit|bang\w*|bump\w*|hurt) (?:myself|my \w+) (?:\w+ )?(?:on|at|in|during|"
    r"playing|doing|while|when) (?:the|a|an|some|that|this|my|his|her|\w+ing) (?!wall|floor|mirror)\w+|"
    r"(?:disappear|vanish)\w* [^.!?]{0,40}(?:from|out of|with) (?:embarrassment|shame)|"
    r"ending (?:things|it) (?:between|with|by|over)|(?:sorry|apologi[sz]e|hate|not want) to burden (?:you|u)|"
    r"(?:pain|ache|cough|rash|symptoms?|fever|migraine)\w* (?:in my \w+ )?(?:is|has|was|are|"
    r"have) (?:\w+ )?gone|"
    r"sleep\w* (?:for|till|until|in) (?:a|the|two|three|\d+|\w+day|noon|midday|lunch\w*|morning|late)|"
    r"(?:sleep|slept|sleeping|sleeps) like (?:a |the )?dead|die (?:a )?happy(?: \w+)?|"
    r"(?:as if|as though|like) (?:i|you|he|she|we|they|u) (?:was|were|did|do|does)(?:n['’]?t|"
    r" not) (?:even )?exist\w*|"
    r"(?:pain|vex|sweet|tire|hungry|shame|fear) (?:me|am|us|dem|una) die|"
    r"(?:so|too) \w+ (?:that )?(?:i|you) (?:could|would|will|might) (?:just |literally )?die|"
    r"(?:cat|dog|kitten|puppy|it|he|she|they|bird|horse) (?:\w+ )?(?:scratched|bit|burned|cut|hit) (?:me|"
    r"my)|not wake(?: up)? (?:until|till|before)|"
    r"(?:lost|lose|losing) (?:\w+ ){0,3}to suicide|suicide (?:among|prevention|awareness|rates?|hotline|"
    r"line|squad|doors?|mission|watch|bomb\w*)|documentary (?:on|about) \w+|"
    # Hyperbole and slang: dying of a thing less than death, a death faked to escape a chore,
    # laughter, a feeling "inside", dye, Pidgin's "die" for "very much".
    r"(?:rather|sooner) (?:die|be dead) than(?! (?:live|living|go on|going on|keep|carry on|wake|face|spend|"
    r"be without|feel|another)\b)|literally (?:die|died|dying|dead|deceased)|"
    r"fak(?:e|ed|ing) (?:my|his|her|our) (?:own )?death|(?:had|has|have) (?:me|us) (?:dead|dying|deceased)|"
    r"(?:die|died|dying|dead) inside|dy(?:e|ed|ing) (?:my|her|his|your|our|their) hair|"
    # Laughter told as a killing, and a death said to happen again and again, which no death can.
    r"(?:kill|kills|killed|killing) (?:myself|meself|mesel|ourselves|themselves|himself|herself) "
    r"(?:laughing|with laughter|laffing)|used to (?:nearly |almost |practically |just )?die\b|"
    r"(?:miss|love|like|want|fear|vex) (?:you|u|am|her|him|dem) die|"
    r"(?:thought|felt like|thought that) (?:i|i['’]d|id) (?:would |will |was going to |gonna )?(?:die|dying) "
    r"(?:when|after|the day|the night|without) (?:you|u) (?:left|went|walked|said|told|moved|ended)|"
    # In trouble, not in danger: "I'm so dead if Mum sees my grade", "Dad will kill me".
    r"(?:i['’]?m|im|i am|i['’]?ll be|ill be|i will be|we['’]re|we are) (?:so |literally |actually |totally )?"
    r"dead (?:if|when|after|once|because|cos|coz)|"
    r"(?:mum|mom|mummy|mommy|mam|ma|dad|daddy|papa|abba|ammi|boss|teacher|coach|wife|husband|he|she|they) "
    r"(?:will|would|['’]ll|is going to|is gonna|gonna) (?:literally |actually )?kill (?:me|us)|"
    # A feeling told by its size: "so nervous I thought I would die".
    r"(?:so|very|too|that) (?:nervous|scared|hungry|tired|embarrassed|bored|full|happy|excited|sore)"
    r"[^.!?]{0,20}(?:thought|think|felt|feel) (?:that )?i "
    r"(?:will|would|['’]d|was going to|am going to|gonna) die|"
    # The "one more" frame of a joke: "If I have to hear one more pun I'll throw myself in the sea".
    r"if i (?:have|had|['’]ve got) to (?:\w+ ){1,6}(?:one more|another|again)[^.!?]{0,70}|"
    # Everyday figures of speech around death and life: a secret kept to the grave, the last
    # thing one wanted, the best thing done with one's life, a hill to die on, the film.
    r"(?:take|taking|took|carry|carrying) (?:it|that|this|that secret|this secret|them|those secrets)"
    r"(?: with me)? to (?:my|the) grave|"
    r"the last thing (?:i|we) (?:ever |would ever |could ever )?(?:want|wanted|need|needed|meant|expected)|"
    r"(?:best|worst|only|greatest|hardest|bravest|proudest) thing (?:i|i['’]ve|ive|i have) "
    r"(?:\w+ ){0,2}done with my life|die on (?:that|this|the) hill|die hard\b|"
    # A plot told: "the film where the soldier jumps off the cliff".
    r"(?:film|movie|novel|book|story|show|episode|series|play|opera|song|game|documentary|podcast)s? "
    r"(?:[\w'’]+,? ){0,4}(?:where|wherein|in which|about (?:a|the|this|that))\b[^.!?,;]{0,80}"
)
