"""Word lists for speaker resolution: honorifics, titles, pronouns, role and group nouns, first-name genders.

All entries are lower-case. The first-name lists are small on purpose: the article's own he/she usage after a
name decides most genders (see ``quoth.speakers.entities.infer_genders``); the lists only break ties and cover
one-off names.
"""

from __future__ import annotations

HONORIFIC_GENDER: dict[str, str] = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "lady": "f", "dame": "f",
}
HONORIFICS = frozenset(HONORIFIC_GENDER) | {"dr", "dr.", "prof", "prof.", "rev", "rev.", "hon", "hon."}

# Words that open a person's name as a title: stripped from ``name``, kept in ``roles``.
TITLES = frozenset("""
president vice-president vp senator sen sen. rep rep. representative congressman congresswoman governor gov gov.
secretary minister premier chancellor mayor judge justice chief general gen gen. colonel col col. captain capt
capt. lieutenant lt lt. sergeant sgt sgt. admiral adm adm. commissioner ambassador attorney director chairman
chairwoman chair speaker leader king queen prince princess pope bishop father sister pastor rabbi imam sheikh
nominee candidate ceo founder spokesman spokeswoman spokesperson treasurer inspector prosecutor sheriff officer
agent deputy pres pres. state u.s. us former then-president then-candidate rival candidate coach professor
councillor councilor constable detective superintendent mla mpp
""".split())

PERSONAL_PRONOUNS: dict[str, tuple[str | None, bool]] = {
    # word: (gender, plural)
    "he": ("m", False), "him": ("m", False), "his": ("m", False), "himself": ("m", False),
    "she": ("f", False), "her": ("f", False), "hers": ("f", False), "herself": ("f", False),
    "they": (None, True), "them": (None, True), "their": (None, True), "themselves": (None, True),
    "it": ("n", False), "its": ("n", False), "itself": ("n", False),
}
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "myself", "ourselves"})
SECOND_PERSON = frozenset({"you", "your"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})

# Nouns that describe a person; a definite one ("the official") refers back to a salient person.
PERSON_NOUNS = frozenset("""
president secretary senator governor nominee candidate leader official chairman chairwoman chair spokesman
spokeswoman spokesperson minister mayor congressman congresswoman lawmaker representative director chief
commissioner ambassador judge justice attorney lawyer adviser advisor aide strategist man woman guerrilla
businessman businesswoman billionaire mogul host anchor moderator reporter author father mother wife husband son
daughter veteran founder executive ceo head democrat republican politician diplomat general prosecutor
economist analyst expert professor scientist doctor physician activist organizer manager owner candidate
incumbent challenger contender hopeful legislator mp
""".split())
MALE_NOUNS = frozenset({"man", "businessman", "congressman", "chairman", "spokesman", "father", "husband", "son"})
FEMALE_NOUNS = frozenset({"woman", "businesswoman", "congresswoman", "chairwoman", "spokeswoman", "mother", "wife",
                          "daughter"})
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "spokespeople"})

# Nouns that name an organisation when made definite or given an owner ("the Colombian government").
ORG_NOUNS = frozenset("""
government ministry administration campaign company committee department agency court party office council
commission bureau board union firm corporation group organization organisation foundation institute center
centre network newspaper paper magazine station team embassy white house congress senate house cabinet
parliament army police military bank university school operator
""".split())

# A person's or organisation's own words: "her statement", "Kowalski's tweet" are spoken by the possessor.
OWN_WORDS_NOUNS = frozenset("""
statement statements tweet tweets post remarks comments comment testimony letter email release announcement
""".split())

# Sources that are documents rather than people: kind "other".
DOCUMENT_NOUNS = frozenset("""
poll polls survey report study studies research analysis memo letter statement tweet tweets ad ads video article
document documents data record records book film law bill filing complaint lawsuit email emails website post
release transcript projection estimate figures numbers paper
""".split())

# Sources naming a group or an unnamed person: never glued to a named entity unless definite and anaphoric.
GROUP_NOUNS = frozenset("""
source sources official officials critic critics expert experts analyst analysts observer observers people
resident residents supporter supporters opponent opponents voter voters democrats republicans member members
economist economists lawmaker lawmakers leader leaders activist activists advocate advocates insider insiders
aide aides adviser advisers advisors person someone witness witnesses investigator investigators researcher
researchers scientist scientists environmentalist environmentalists many some others
""".split())

INDEFINITE_DETERMINERS = frozenset({"a", "an", "some", "several", "many", "few", "one", "two", "three", "most",
                                    "other", "another", "various", "numerous", "multiple", "any"})

MALE_NAMES = frozenset("""
aaron adam alan albert alex alexander andrew anthony antonio barack ben benjamin bernie bill bob brad brian bruce
carl carlos charles chris christopher chuck dan daniel david dennis don donald doug douglas ed edward eric evan
frank fred gary george gerald greg gregory gustavo harry henry ian jack jacob james jared jason jeb jeff jeffrey
jerry jim jimmy joe john johnny jon jonathan jorge jose joseph josh juan justin keith ken kevin kurt larry lindsey
luis marco mark martin matt matthew max michael mike mitch mitt nayib nathan newt nicolas nick patrick paul peter
phil rand reince richard rick rob robert roger ron ronald rudy ryan sam scott sean stephen steve steven ted terry
thomas tim timothy todd tom tony vladimir walter wayne william xi
abdul ahmed ali andre andres angelo arthur austin barry benny bernard billy bobby brandon brett bryan callum
calvin cameron charlie clarence clark cliff colin craig curtis dale darren dean derek dick dominic duncan
dylan earl eddie edgar eduardo elijah elliot emmanuel enrique ernest eugene felix fernando francis francisco
gabriel gavin gene glenn gordon graham grant guy hank harold harvey hector herbert howard hugh hugo ivan jake
javier jay jeremy jesse jesus joel juan julian karl kenneth kyle lance lawrence leon leonard leroy lloyd
louis lucas luke malcolm manuel marcus mario marvin maurice miguel mohammed muhammad neil nelson noah norman
oliver omar oscar owen pablo pedro perry philip pierre rafael ralph ramon randy raul ray raymond reggie ricardo
roberto rodney roy russell salvador samuel sergio seth simon stanley stuart tyler vernon victor vincent wade
warren wesley willie zachary henrik tomas
""".split())
FEMALE_NAMES = frozenset("""
alice amanda amy andrea angela ann anna anne barbara betsy betty carly carol caroline catherine chelsea claire
cynthia debbie deborah diane donna elizabeth ellen ellie emily emma hillary huma ivanka jane janet jennifer jill
joan julia julie karen kate katherine kathleen kathy kellyanne kristi laura linda lisa liz maria marie mary megan
melania melanie michelle monica nancy nicole nikki patricia rachel rebecca ruth sandra sarah sharon stephanie
susan susana tammy teresa theresa tulsi valerie
abigail agnes alexandra alicia alison allison amber amelia ana angelina anita annie april ashley audrey beatrice
beth beverly bonnie brenda bridget brittany camila candice carla carmen cassandra charlotte cheryl christina
christine cindy clara colleen connie courtney crystal daisy dana danielle dawn denise diana dolores doris dorothy
edith eileen elaine eleanor elena elise eliza ella eloise esther eva evelyn fatima fiona florence frances gabriela
gail gina gloria grace gwen hannah harriet hazel heather helen holly irene isabel isabella jacqueline jasmine
jean jeanne jenny jessica jo joanna jocelyn josephine joy joyce judith judy june kamala katie kayla kelly
kimberly kristen kristin lauren leah leslie lillian lily lois loretta lori lucy lydia lynn madeline madison
margaret margo marilyn marion marsha martha maxine meredith mia mildred miriam molly naomi natalie nina nora
norma olivia paige pamela paula pauline peggy penny phyllis priscilla rita roberta robin rosa rose rosemary
roxanne sally samantha sara selena shirley sofia sonia sophia sophie stacy sue suzanne sylvia tanya tara tina
tracy ursula vanessa vera veronica victoria vivian wanda wendy yolanda yvonne zoe amira
""".split())

# Words that never start or end a name after stripping ("the Trump campaign" keeps "the" out of the key).
NAME_STOP = frozenset({"the", "a", "an", "'s", "’s", "'", "’", ",", "(", ")", "\"", "“", "”"})
