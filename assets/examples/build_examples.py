"""Build the three example atlases shipped in this folder, with the public model API.

Run it from anywhere (``python assets/examples/build_examples.py``); it writes next to itself.
Every id is a uuid5 of a readable name, so running it again writes byte-identical files, and a
test can compare `build_all()` with the committed files.

- netwerkintake-sanne: a netwerkintake drawing with scored bollen, links, and a plan: three
  goals with actions in all three groups; the intake and two follow-ups three months apart,
  each with its evaluations, and between them scores up and down, a bol added and one let go
  of, and her mother closer in the netwerkcirkel; her signaleringsplan (plan B), agreed with
  Fleur and her mother after the intake; after the second follow-up her steungroep plan with
  her mother and Fleur, and its first meeting on the three goals; and the basisposter she took
  to the meedenkbijeenkomst, with her three questions for the plan;
- genogram-familie-de-boer: four generations of one family (after the seed's genogram example);
- ecogram-freek: Freek (16) and his contacts per leefgebied (after the seed's ecogram example).

Each has life events with a date (a year, a month, an age, uncertain or a span) and the people
involved, for the gebeurteniskaart; Sanne's come up at the intake and the follow-ups.

All people are invented.
"""

from __future__ import annotations

import math
import uuid
from pathlib import Path
from typing import Any, NamedTuple

from netwerkatlas import io
from netwerkatlas.model import Atlas, Point
from netwerkatlas.model.plan_bodies import (
    AgendaItem,
    BasisPosterBody,
    PersonAction,
    PersonRef,
    SignalPhase,
    SignalPlanBody,
    SupportGroupBody,
    SupportMeeting,
)
from netwerkatlas.model.records import (
    Action,
    Actor,
    AtlasMeta,
    ClientNode,
    Direction,
    EmotionalKind,
    EmotionalRelation,
    Evaluation,
    EventNode,
    Gender,
    Goal,
    Horizon,
    InfluenceLink,
    InvolvedRelation,
    NodeBase,
    ParentChildKind,
    ParentChildRelation,
    PartnerRelation,
    PartnerStatus,
    PersonNode,
    Plan,
    Session,
    SupportKind,
    SupportRelation,
    SupportStrength,
    ThemeNode,
)
from netwerkatlas.tools.netwerkintake.layout import MIN_GAP, arrange_around_client, place_unplaced
from netwerkatlas.tools.sessions.edits import start_follow_up

HERE = Path(__file__).resolve().parent
NAMESPACE = uuid.UUID("5b0c7a2e-6f1d-4c3e-9a8b-0d2e4f6a8c10")

F, M, U = Gender.FEMALE, Gender.MALE, Gender.UNKNOWN


def make_id(stem: str, name: str) -> str:
    """A stable id for the thing called `name` in the example `stem`."""
    return str(uuid.uuid5(NAMESPACE, f"{stem}/{name}"))


# --- netwerkintake: Sanne, 24 ------------------------------------------------------------------

SANNE = "netwerkintake-sanne"
SANNE_DATE = "2026-02-10"

# (key, record class, label, score, note, extra fields), in clockwise order from the top.
SANNE_BOLLEN: tuple[tuple[str, type[NodeBase], str, int, str, dict[str, Any]], ...] = (
    ("slapen", ThemeNode, "Slapen", -2,
     "Ik lig vaak tot drie uur wakker te piekeren. Overdag ben ik kapot.", {"emphasis": True}),
    ("pesten", ThemeNode, "Pesten op werk", -2,
     "Twee collega's sluiten me buiten en praten over me. Ik zie op tegen elke dienst.",
     {"emphasis": True}),
    ("werk", ThemeNode, "Werk kinderopvang", 1,
     "Met de kinderen werken geeft me energie. Dat wil ik niet kwijt.", {}),
    ("voetbal", ThemeNode, "Voetbal", 2,
     "Twee keer per week training en op zaterdag een wedstrijd. Daar ben ik even alles kwijt.", {}),
    ("fleur", PersonNode, "Fleur", 2,
     "Mijn beste vriendin sinds de middelbare school. Bij haar kan ik alles kwijt.",
     {"name": "Fleur", "gender": F, "relation": "beste vriendin", "emphasis": True}),
    ("trainer", PersonNode, "Trainer Kim", 1,
     "Merkt het als het niet goed met me gaat en vraagt er dan naar.",
     {"name": "Kim", "gender": F, "relation": "voetbaltrainer"}),
    ("vriendschappen", ThemeNode, "Vriendschappen", 1,
     "Een kleine groep, maar ze zijn er als het erop aankomt.", {}),
    ("moeder", PersonNode, "Moeder", 1,
     "Ik bel haar bijna elke dag. Ze maakt zich snel zorgen, dus ik vertel niet alles.",
     {"name": "Anita", "gender": F, "relation": "moeder"}),
    ("opa", EventNode, "Overlijden opa", -2,
     "Opa was mijn maatje. Ik heb er eigenlijk nooit met iemand over gepraat.", {"year": 2022}),
    ("schulden", ThemeNode, "Schulden", -1,
     "Achterstand bij de zorgverzekeraar. Mijn moeder weet het niet en zo wil ik het houden.",
     {"private": True}),
    ("hulpverlening", ThemeNode, "Eerdere hulpverlening", -1,
     "Op mijn zestiende bij de jeugd-ggz. Ik voelde me toen niet gehoord.", {}),
    ("huisarts", PersonNode, "Huisarts", 1,
     "Nam me serieus en verwees me naar de POH-ggz.", {"relation": "huisarts"}),
    ("medicatie", ThemeNode, "Medicatie (bijwerkingen)", -1,
     "Minder paniek sinds de medicijnen, maar overdag suf en zes kilo aangekomen.", {}),
    ("verhuizing", EventNode, "Verhuizing naar Utrecht", 0,
     "Op mezelf wonen voelt als vrijheid, maar ik ken hier nog weinig mensen.", {"year": 2023}),
    ("wonen", ThemeNode, "Wonen", -1,
     "Een kamer boven een café. Tot twee uur 's nachts lawaai.", {}),
    ("socialmedia", ThemeNode, "Social media", -1,
     "'s Avonds eindeloos scrollen, en dan vergelijk ik mezelf met iedereen.", {}),
)  # fmt: skip

# (source, target, direction, note, private): themes that influence each other.
SANNE_LINKS: tuple[tuple[str, str, Direction, str, bool], ...] = (
    ("pesten", "slapen", Direction.FORWARD, "Ik lig wakker van wat er op het werk gebeurt.", False),
    ("wonen", "slapen", Direction.FORWARD, "Het lawaai van het café houdt me wakker.", False),
    ("socialmedia", "slapen", Direction.FORWARD, "Scrollen in bed tot laat.", False),
    ("medicatie", "slapen", Direction.NONE,
     "Ik weet niet of de moeheid van de medicijnen komt of van het slechte slapen.", False),
    ("pesten", "werk", Direction.FORWARD, "Het plezier in het werk raakt ondergesneeuwd.", False),
    ("voetbal", "fleur", Direction.NONE, "Fleur speelt in hetzelfde team.", False),
    ("opa", "moeder", Direction.FORWARD,
     "Mama is sinds opa er niet meer is vaak verdrietig; ik wil haar niet belasten.", False),
    ("schulden", "moeder", Direction.FORWARD, "Ik durf het haar niet te vertellen.", True),
)  # fmt: skip

# (key, horizon, text in Sanne's words, themes it is about), in the order Sanne chose.
SANNE_GOALS: tuple[tuple[str, Horizon, str, tuple[str, ...]], ...] = (
    ("slapen", Horizon.SHORT, "Ik wil weer minstens zes uur per nacht slapen.",
     ("slapen", "socialmedia", "medicatie", "wonen")),
    ("werk", Horizon.LONG, "Ik wil weer met plezier naar mijn werk, zonder buikpijn vooraf.",
     ("pesten", "werk")),
    ("opa", Horizon.SHORT, "Ik wil met iemand over opa kunnen praten zonder dat ik dichtklap.",
     ("opa", "moeder")),
)  # fmt: skip

# (goal, actor, who, node of who or None, what, when), in the method's order per goal.
# A name without a node is typed in: a person Sanne has not put in her atlas (yet).
SANNE_ACTIONS: tuple[tuple[str, Actor, str, str | None, str, str], ...] = (
    ("slapen", Actor.SELF, "Sanne", None,
     "Telefoon om elf uur 's avonds in de keuken leggen.", "elke avond"),
    ("slapen", Actor.SELF, "Sanne", None,
     "Oordopjes kopen en uitproberen tegen het lawaai van het café.", "deze week"),
    ("slapen", Actor.CLOSE_ONES, "Fleur", "fleur",
     "Stuurt om elf uur een berichtje: telefoon al weg?", "doordeweeks"),
    ("slapen", Actor.PROFESSIONALS, "Huisarts", "huisarts",
     "Medicatie bespreken: suf overdag en aankomen in gewicht.", "2026-02-24"),
    ("slapen", Actor.PROFESSIONALS, "POH-ggz", None,
     "Slaapcursus, vier bijeenkomsten.", "maart en april"),
    ("werk", Actor.SELF, "Sanne", None,
     "Opschrijven wat er met de collega's gebeurd is, voor het gesprek met de leidinggevende.",
     "binnen twee weken"),
    ("werk", Actor.CLOSE_ONES, "Fleur", "fleur",
     "Gaat mee naar het gesprek met de leidinggevende.", "voor eind maart"),
    ("werk", Actor.CLOSE_ONES, "Trainer Kim", "trainer",
     "Vraagt na de training hoe het op het werk gaat.", "elke donderdag"),
    ("werk", Actor.PROFESSIONALS, "Vertrouwenspersoon", None,
     "Gesprek over het buitensluiten door de collega's.", "2026-03-05"),
    ("opa", Actor.SELF, "Sanne", None,
     "Een foto van opa uitzoeken en vertellen waarom die me raakt.", "voor het volgende gesprek"),
    ("opa", Actor.CLOSE_ONES, "Moeder", "moeder",
     "Samen naar het graf van opa en daarna koffie drinken.", "2026-03-01"),
    ("opa", Actor.PROFESSIONALS, "POH-ggz", None,
     "Het verlies van opa een plek geven in de gesprekken.", "om de twee weken"),
)  # fmt: skip

# Two follow-ups, three months apart: (session key, date, {goal: (score 1-5, note)}).
SANNE_EVALUATIONS: tuple[tuple[str, str, dict[str, tuple[int, str]]], ...] = (
    ("vervolg-1", "2026-05-12", {
        "slapen": (3, "De telefoon in de keuken lukt meestal; het café blijft lawaai maken."),
        "werk": (2, "Het gesprek met de leidinggevende is uitgesteld; de buikpijn is erger."),
        "opa": (3, "Een keer met Fleur over opa gepraat. Dat was moeilijk, maar het lucht op."),
    }),
    ("vervolg-2", "2026-08-11", {
        "slapen": (4, "Vijf tot zes uur per nacht. Oordopjes en de slaapcursus hielpen; "
                      "de medicatie is verlaagd."),
        "werk": (4, "Gesprek gevoerd met Fleur erbij; een van de collega's werkt nu op een "
                    "andere groep."),
        "opa": (4, "Met mama naar het graf geweest. Dat was goed voor ons allebei."),
    }),
)  # fmt: skip
SANNE_NEXT_EVALUATION = "2026-11-10"

# How the intake differed from what the follow-ups made of it: scores then, a bol mentioned
# only at the first follow-up, one let go of there, and the netwerkcirkel then and later.
SANNE_INTAKE_SCORES = {"werk": 2, "socialmedia": -2, "moeder": 0}
SANNE_LATER_BOL = "verhuizing"  # Sanne brought up the move at the first follow-up
SANNE_DROPPED = ("sportschool", "Sportschool", "Een abonnement, maar ik ga er nooit heen.")
SANNE_CIRCLE = {"moeder": ("bekenden", "familie")}  # the others are placed in the tutorial
SANNE_CIRCLE_LATER = {"moeder": ("vrienden", "familie")}  # closer since the first follow-up
# The actions done by each follow-up (numbers in SANNE_ACTIONS, from 1).
SANNE_DONE = {"vervolg-1": (1, 4), "vervolg-2": (7, 11)}
SANNE_FOLLOW_UPS = {
    "vervolg-1": ("Vervolggesprek", ("Sanne", "Fleur")),
    "vervolg-2": ("Tweede vervolggesprek", ("Sanne",)),
}

# Life events beside the two bollen of the drawing, for the gebeurteniskaart: (key, label,
# score, note, time fields, (person key, role) involved, when told: "intake" or a follow-up).
# Each is a bol of the netwerkintake too, which holds 20 on one ring around the client.
SANNE_EVENTS: tuple[tuple[Any, ...], ...] = (
    ("gepest", "Gepest op de basisschool", -2,
     "In groep 7 en 8 lachten ze me elke dag uit. Thuis heb ik het nooit verteld.",
     {"age": 10, "end_age": 12, "approximate": True}, (), "intake"),
    ("scheiding", "Scheiding ouders", -1,
     "Papa ging weg toen ik negen was. Daarna woonde ik met mama alleen.",
     {"year": 2011}, (("moeder", "bleef bij haar wonen"),), "intake"),
    ("diploma", "Diploma mbo pedagogisch werk", 2,
     "Als eerste in de familie een diploma. Opa was er nog bij.",
     {"date": "2022-07"}, (("moeder", ""), ("fleur", "")), "intake"),
    ("rustiger", "Verhuizen naar een rustiger woning", 1,
     "Ingeschreven voor een studio zonder café eronder; de wachttijd is ongeveer een jaar.",
     {"year": 2027, "approximate": True}, (("moeder", "helpt zoeken"),), "vervolg-2"),
)  # fmt: skip
# Who was involved in the events of the drawing, and when that was told.
SANNE_INVOLVED = (("opa", "moeder", "haar vader", "intake"),
                  ("verhuizing", "fleur", "hielp met verhuizen", "vervolg-1"))  # fmt: skip
SANNE_OPA_DATE = "2022-11"  # at the second follow-up Sanne knew the month again


def _involve(atlas: Atlas, stem: str, event_id: str, person_id: str, role: str = "") -> None:
    edge_id = make_id(stem, f"involved/{event_id}-{person_id}")
    atlas.add("edges", InvolvedRelation(id=edge_id, source=event_id, target=person_id, role=role))


def _sanne_events(atlas: Atlas, ids: dict[str, str], stage: str, places: dict[str, Point]) -> None:
    """The events and involvements Sanne told at `stage`, each event at its netwerkintake place."""
    for key, label, score, note, when, involved, told in SANNE_EVENTS:
        if told == stage:
            event = EventNode(id=ids[key], label=label, score=score, note=note, **when)
            atlas.add("nodes", event, {"netwerkintake": places[key]})
            for person, role in involved:
                _involve(atlas, SANNE, ids[key], ids[person], role)
    for event_key, person, role, told in SANNE_INVOLVED:
        if told == stage:
            _involve(atlas, SANNE, ids[event_key], ids[person], role)


def _final_score(key: str) -> int:
    return next(score for k, _cls, _label, score, *_ in SANNE_BOLLEN if k == key)


def ring_positions(keys: list[str], inner: float = 240.0, outer: float = 310.0) -> dict[str, Point]:
    """Clockwise from the top, alternately on an inner and an outer ring (y grows downwards)."""
    step = 2 * math.pi / len(keys)
    positions: dict[str, Point] = {}
    for index, key in enumerate(keys):
        radius = inner if index % 2 == 0 else outer
        angle = index * step
        positions[key] = (radius * math.sin(angle), -radius * math.cos(angle))
    return positions


def sanne_places() -> dict[str, Point]:
    """Where Sanne's bollen stand: as she put them (her themes and people in a ring, the events
    outside it, each between two of the ring), tidied by "Rangschikken" into the honeycomb."""
    drawn = ring_positions([key for key, *_ in SANNE_BOLLEN])
    for index, (key, *_) in enumerate(SANNE_EVENTS):
        angle = math.radians(33.75 + 90 * index)
        drawn[key] = (430 * math.sin(angle), -430 * math.cos(angle))
    places = arrange_around_client(drawn, "client", [(a, b) for a, b, *_ in SANNE_LINKS])
    places |= place_unplaced([SANNE_DROPPED[0]], places, "client")  # let go of later
    points = list(places.values())
    closest = min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1 :])
    assert closest >= MIN_GAP - 0.01, f"bollen overlap: {closest:.0f} pt apart"
    return places


# Sanne's contacts' numbers (invented), for the signaleringsplan's naasten and crisis contacts.
SANNE_PHONES = {
    "fleur": "06-41278390",
    "moeder": "06-18552047",
    "trainer": "06-73019864",
    "huisarts": "030-2314567",
}
# Her signaleringsplan (plan B, seed 000 step 4), made after the intake and agreed with Fleur and
# her mother: per phase (title, colour, signals, what I do, (naaste key, what), (professional
# key or typed name, what)); a key names a person of her atlas, any other name is typed in.
SANNE_PLAN_B: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...],
                          tuple[tuple[str, str], ...]], ...] = (
    ("Zo gaat het goed", "green",
     ("Ik slaap zes uur of meer.", "Ik ga met plezier naar de kinderopvang.",
      "Ik train twee keer per week en speel op zaterdag.", "Ik app met Fleur en bel mama."),
     ("Telefoon om elf uur in de keuken.", "Naar elke training, ook als ik moe ben."),
     (("fleur", "Stuurt om elf uur een berichtje: telefoon al weg?"),),
     (("huisarts", "Medicatiecontrole elke drie maanden."),)),
    ("Het gaat minder goed", "orange",
     ("Ik lig na twee uur nog wakker te piekeren.", "Ik sla een training over.",
      "Ik scrol 's avonds uren op mijn telefoon.", "Aan de telefoon vertel ik mama bijna niets."),
     ("Ik vertel Fleur dat het minder gaat.", "Ik ga toch naar de training.",
      "Ik zet mijn wekker op dezelfde tijd, ook in het weekend."),
     (("fleur", "Vraagt door en komt een avond langs."),
      ("trainer", "Vraagt na de training hoe het gaat.")),
     (("POH-ggz", "Plant binnen een week een extra gesprek."),)),
    ("Het gaat niet goed", "orange",
     ("Ik meld me ziek bij het werk.", "Ik kom de deur bijna niet meer uit.",
      "Ik eet onregelmatig.", "Ik reageer niet meer op berichtjes."),
     ("Ik bel de POH-ggz of de huisarts.", "Ik laat Fleur bij me langskomen."),
     (("fleur", "Belt mama als ze mij twee dagen niet spreekt."),
      ("moeder", "Komt naar Utrecht en blijft een nacht.")),
     (("huisarts", "Ziet me dezelfde week op het spreekuur."),)),
    ("Crisis", "red",
     ("Ik slaap een paar nachten bijna niet.", "Ik heb paniekaanvallen.",
      "Ik denk dat het nooit meer goed komt."),
     ("Ik bel de huisarts, 's avonds en in het weekend de huisartsenpost.",
      "Ik ga naar mama."),
     (("moeder", "Haalt me op en belt met mij de huisartsenpost."),
      ("fleur", "Blijft bij me tot er hulp is.")),
     (("Huisartsenpost Utrecht", "Beoordeelt of de crisisdienst erbij moet."),
      ("Crisisdienst ggz", "Komt langs of ziet me dezelfde dag."))),
)  # fmt: skip
# (person key or typed name, role)
SANNE_CRISIS_CONTACTS = (
    ("moeder", "moeder"),
    ("fleur", "beste vriendin"),
    ("huisarts", "huisarts, overdag"),
    ("Huisartsenpost Utrecht", "'s avonds en in het weekend"),
)
SANNE_PLAN_B_AGREED = ("2026-02-24", ("client", "fleur", "moeder"))


def _sanne_plan_b(atlas: Atlas, ids: dict[str, str]) -> None:
    """Her signaleringsplan as one Plan record, the people in it picked from her atlas."""

    def ref(key: str, role: str = "") -> PersonRef:
        if key in ids:
            return PersonRef(person_id=ids[key], role=role)
        return PersonRef(name=key, role=role)

    def actions(pairs: tuple[tuple[str, str], ...]) -> list[PersonAction]:
        return [PersonAction(who=ref(key), what=what) for key, what in pairs]

    phases = [
        SignalPhase(
            title=title,
            colour=colour,
            signals=list(signals),
            i_do=list(i_do),
            close_ones_do=actions(close),
            professionals_do=actions(pros),
        )
        for title, colour, signals, i_do, close, pros in SANNE_PLAN_B
    ]
    date, agreed = SANNE_PLAN_B_AGREED
    body = SignalPlanBody(
        phases=phases,
        crisis_contacts=[ref(key, role) for key, role in SANNE_CRISIS_CONTACTS],
        agreed_by=[ref(key) for key in agreed],
        agreed_on=date,
    )
    plan = Plan(
        id=make_id(SANNE, "plan/signaleringsplan"),
        kind="signaleringsplan",
        title="Signaleringsplan",
        body=body.model_dump(mode="json"),
    )
    atlas.add("plans", plan)


# Her steungroep after the second follow-up (seed 000 steps 5-9): her mother and Fleur, Sanne
# chairs, Fleur takes the minutes; the first meeting went over the three goals.
SANNE_STEUNGROEP_MEETING = "2026-09-01"


def _sanne_steungroep(ids: dict[str, str], client_id: str) -> Plan:
    meeting = SupportMeeting(
        id=make_id(SANNE, "steungroep/meeting-1"),
        date=SANNE_STEUNGROEP_MEETING,
        how_are_members="Moeder is moe van de verbouwing bij de buren. Fleur heeft er een baan "
        "bij en minder tijd doordeweeks.",
        goal_ids=[make_id(SANNE, f"goal/{key}") for key, *_ in SANNE_GOALS],
        minutes="Sanne slaapt vijf tot zes uur per nacht. Het gesprek op het werk is gevoerd en "
        "dat lucht op. Over opa praten lukt met Fleur, met moeder nog niet.",
        decisions=[
            "Fleur blijft om elf uur een berichtje sturen, ook in het weekend.",
            "Moeder en Sanne gaan in oktober samen naar het graf van opa.",
            "Volgende bijeenkomst op dinsdag 13 oktober, bij Fleur.",
        ],
    )
    body = SupportGroupBody(
        members=[
            PersonRef(person_id=ids["moeder"], role="steunt thuis, denkt mee over rust"),
            PersonRef(person_id=ids["fleur"], role="beste vriendin, gaat mee naar gesprekken"),
        ],
        chair=PersonRef(person_id=client_id),
        minute_taker=PersonRef(person_id=ids["fleur"]),
        frequency="elke zes weken, en eerder als Sanne erom vraagt",
        time_and_place="dinsdagavond 19.30, bij moeder thuis",
        channels=["whatsapp", "phone", "in_person"],
        confidentiality="Wat in de steungroep besproken wordt, blijft in de groep. Sanne beslist "
        "wat er met de huisarts, de POH-ggz en haar werk gedeeld wordt.",
        meetings=[meeting],
    )
    return Plan(
        id=make_id(SANNE, "plan/steungroep"),
        kind="steungroep",
        body=body.model_dump(mode="json"),
    )


# Her basisposter for the meedenkbijeenkomst after the second follow-up, where the steungroep
# was formed: her questions for the plan in her own words, and whom she invites.
SANNE_QUESTIONS = (
    "Hoe kom ik ’s avonds tot rust, zodat ik weer kan slapen? Wie wil me daarbij helpen?",
    "Wat doe ik als collega’s me buitensluiten, en wie gaat er mee naar mijn leidinggevende?",
    "Met wie kan ik over opa praten, zonder dat mama zich meteen zorgen maakt?",
)
SANNE_INVITED = (("fleur", "beste vriendin"), ("moeder", "moeder"), ("trainer", "voetbaltrainer"))
SANNE_AGENDA = (
    "Opening en welkom",
    "Voorstellen en verwachtingen",
    "Vragen voor het plan",
    "Informatieronde",
    "Privétijd",
    "Presentatie van het plan",
    "Samenstellen basisteam",
)


def _sanne_basisposter(ids: dict[str, str]) -> Plan:
    invited = [PersonRef(person_id=ids[key], role=role) for key, role in SANNE_INVITED]
    invited.append(PersonRef(name="Jeroen", role="POH-ggz, bij de informatieronde"))
    body = BasisPosterBody(
        questions=list(SANNE_QUESTIONS),
        drawing="netwerkintake",
        invited=invited,
        agenda=[AgendaItem(text=text) for text in SANNE_AGENDA],
        meeting_date="2026-08-22",
        place="Bij Fleur thuis",
    )
    return Plan(
        id=make_id(SANNE, "plan/basisposter"),
        kind="basisposter",
        body=body.model_dump(mode="json"),
    )


def build_sanne() -> Atlas:
    """A netwerkintake drawing: themes, people and events around Sanne, scored and linked."""
    ids = {key: make_id(SANNE, f"node/{key}") for key, *_ in SANNE_BOLLEN}
    ids |= {key: make_id(SANNE, f"node/{key}") for key, *_ in SANNE_EVENTS}
    client = ClientNode(
        id=make_id(SANNE, "node/client"),
        label="Sanne",
        name="Sanne",
        gender=F,
        birth_year=2002,
        note="24 jaar, pedagogisch medewerker in de kinderopvang. Via de huisarts aangemeld "
        "met slaapproblemen en somberheid.",
    )
    meta = AtlasMeta(
        id=make_id(SANNE, "meta"),
        title="Netwerkintake Sanne",
        created=SANNE_DATE,
        client_term="cliënt",
        note="Voorbeeld: eerste netwerkgesprek, samen op de laptop getekend.",
    )
    atlas = Atlas(client=client, meta=meta)
    later: dict[str, NodeBase] = {}
    for key, cls, label, score, note, extra in SANNE_BOLLEN:
        node = cls(id=ids[key], label=label, score=score, note=note, **extra)
        if key == SANNE_LATER_BOL:
            later[key] = node
            continue
        atlas.add("nodes", node.model_copy(update={"score": SANNE_INTAKE_SCORES.get(key, score)}))
    dropped_key, dropped_label, dropped_note = SANNE_DROPPED
    dropped = ThemeNode(
        id=make_id(SANNE, f"node/{dropped_key}"), label=dropped_label, score=0, note=dropped_note
    )
    places = sanne_places()
    atlas.add("nodes", dropped, {"netwerkintake": places[dropped_key]})
    for source, target, direction, note, private in SANNE_LINKS:
        link = InfluenceLink(
            id=make_id(SANNE, f"link/{source}-{target}"),
            source=ids[source],
            target=ids[target],
            direction=direction,
            note=note,
            private=private,
        )
        atlas.add("edges", link)
    atlas.set_positions(
        "netwerkintake",
        {client.id: (0.0, 0.0)} | {ids[k]: places[k] for k, *_ in SANNE_BOLLEN if k not in later},
    )
    event_places = {key: places[key] for key, *_ in SANNE_EVENTS}
    _sanne_events(atlas, ids, "intake", event_places)
    cells = {ids[k]: list(cell) for k, cell in SANNE_CIRCLE.items()}
    atlas.set_view_setting("netwerkcirkel", "cells", cells)

    for order, (key, horizon, text, about) in enumerate(SANNE_GOALS):
        goal = Goal(
            id=make_id(SANNE, f"goal/{key}"),
            text=text,
            horizon=horizon,
            node_ids=tuple(ids[k] for k in about),
            created=SANNE_DATE,
            order=order,
        )
        atlas.add("goals", goal)
    in_group: dict[tuple[str, Actor], int] = {}
    for number, (goal, actor, who, who_key, what, when) in enumerate(SANNE_ACTIONS, 1):
        order = in_group.get((goal, actor), 0)
        in_group[(goal, actor)] = order + 1
        who_id = ids[who_key] if who_key else client.id if actor == Actor.SELF else None
        action = Action(
            id=make_id(SANNE, f"action/{number}"),
            goal_id=make_id(SANNE, f"goal/{goal}"),
            actor=actor,
            who=who,
            who_id=who_id,
            what=what,
            when=when,
            order=order,
        )
        atlas.add("actions", action)
    session = Session(
        id=make_id(SANNE, "session/intake"),
        date=SANNE_DATE,
        label="Netwerkintake",
        kind="intake",
        present=("Sanne",),
        note="Bij Sanne thuis, ruim twee uur. Sanne hield zelf de pen. Vervolggesprek over drie "
        "maanden; Fleur wil dan graag aansluiten.",
    )
    atlas.add("sessions", session)
    for key, phone in SANNE_PHONES.items():
        atlas.update("nodes", ids[key], {"phone": phone})
    _sanne_plan_b(atlas, ids | {"client": client.id})
    for key, date, scores in SANNE_EVALUATIONS:
        session_id = make_id(SANNE, f"session/{key}")
        label, present = SANNE_FOLLOW_UPS[key]
        start_follow_up(atlas, date, label, present, session_id).redo(atlas)
        if key == "vervolg-1":
            for bol in SANNE_INTAKE_SCORES:
                if bol != "moeder":
                    atlas.update("nodes", ids[bol], {"score": _final_score(bol)})
            atlas.add("nodes", later[SANNE_LATER_BOL], {"netwerkintake": places[SANNE_LATER_BOL]})
            atlas.remove("nodes", dropped.id)
            moved = {ids[k]: list(cell) for k, cell in SANNE_CIRCLE_LATER.items()}
            atlas.set_view_setting("netwerkcirkel", "cells", cells | moved)
        else:
            atlas.update("nodes", ids["moeder"], {"score": _final_score("moeder")})
            atlas.update("nodes", ids["opa"], {"year": None, "date": SANNE_OPA_DATE})
        _sanne_events(atlas, ids, key, event_places)
        for number in SANNE_DONE[key]:
            atlas.update("actions", make_id(SANNE, f"action/{number}"), {"done": True})
        for goal, (score, note) in scores.items():
            evaluation = Evaluation(
                id=make_id(SANNE, f"evaluation/{key}/{goal}"),
                goal_id=make_id(SANNE, f"goal/{goal}"),
                session_id=session_id,
                date=date,
                score=score,
                note=note,
            )
            atlas.add("evaluations", evaluation)
    atlas.update_meta({"next_evaluation": SANNE_NEXT_EVALUATION})
    atlas.add("plans", _sanne_steungroep(ids, client.id))
    atlas.add("plans", _sanne_basisposter(ids))
    return atlas


# --- genogram: familie De Boer ----------------------------------------------------------------

DE_BOER = "genogram-familie-de-boer"


class Relative(NamedTuple):
    """A person in the genogram; `relation` is seen from the client (Thijs)."""

    key: str
    name: str
    gender: Gender
    born: int
    died: int | None
    relation: str
    note: str = ""


DE_BOER_PEOPLE: tuple[Relative, ...] = (
    Relative("sjaak", "Sjaak de Boer", M, 1950, 2019, "opa", "Overleden na een hartinfarct."),
    Relative("betsy", "Betsy de Boer", F, 1954, None, "oma", "Woont nog in het ouderlijk huis."),
    Relative("wim", "Wim Visser", M, 1948, 2011, "opa"),
    Relative("truus", "Truus Visser", F, 1951, None, "oma"),
    Relative("henk", "Henk", M, 1949, None, "stiefopa", "Tweede man van oma Truus."),
    Relative("klaas", "Klaas de Boer", M, 1974, None, "oom", "Woont in Groningen."),
    Relative("jan", "Jan de Boer", M, 1976, None, "vader"),
    Relative("marie", "Marie de Boer-Visser", F, 1978, None, "moeder"),
    Relative("liesbeth", "Liesbeth de Boer", F, 1981, None, "tante",
             "Geadopteerd in 1983, toen ze twee was."),
    Relative("greet", "Greet de Boer", F, 2001, None, "zus"),
    Relative("daan", "Daan", M, 2000, None, "zwager"),
    Relative("noor", "Noor", F, 2025, None, "nichtje"),
)  # fmt: skip

# (man or first partner, other partner, status, from, until)
DE_BOER_COUPLES: tuple[tuple[str, str, PartnerStatus, int, int | None], ...] = (
    ("sjaak", "betsy", PartnerStatus.MARRIED, 1973, None),
    ("wim", "truus", PartnerStatus.DIVORCED, 1971, 1997),
    ("henk", "truus", PartnerStatus.MARRIED, 2005, None),
    ("jan", "marie", PartnerStatus.MARRIED, 2000, None),
    ("daan", "greet", PartnerStatus.COHABITING, 2022, None),
)

# (parents, child, kind); children in order of birth.
DE_BOER_CHILDREN: tuple[tuple[tuple[str, ...], str, ParentChildKind], ...] = (
    (("sjaak", "betsy"), "klaas", ParentChildKind.BIOLOGICAL),
    (("sjaak", "betsy"), "jan", ParentChildKind.BIOLOGICAL),
    (("sjaak", "betsy"), "liesbeth", ParentChildKind.ADOPTED),
    (("wim", "truus"), "marie", ParentChildKind.BIOLOGICAL),
    (("jan", "marie"), "greet", ParentChildKind.BIOLOGICAL),
    (("jan", "marie"), "client", ParentChildKind.BIOLOGICAL),
    (("daan", "greet"), "noor", ParentChildKind.BIOLOGICAL),
)

# (one, other, quality, note)
DE_BOER_EMOTIONS: tuple[tuple[str, str, EmotionalKind, str], ...] = (
    ("jan", "klaas", EmotionalKind.CONFLICT,
     "Ruzie over de verkoop van het ouderlijk huis na de dood van opa Sjaak."),
    ("client", "betsy", EmotionalKind.CLOSE,
     "Oma Betsy is zijn vertrouwenspersoon; hij eet elke zondag bij haar."),
)  # fmt: skip


# Life events beside the family's births, deaths and marriages: (key, label, score, note,
# time fields, (person key, role) involved).
DE_BOER_EVENTS: tuple[tuple[Any, ...], ...] = (
    ("huis", "Ruzie over het ouderlijk huis", -1,
     "Na de dood van opa Sjaak wilden vader en oom Klaas het huis niet op dezelfde manier "
     "verdelen. Sindsdien praten ze nauwelijks met elkaar.",
     {"year": 2020, "end_year": 2021}, (("jan", ""), ("klaas", ""))),
    ("zelfstandig", "Op zichzelf wonen", 1,
     "Hij heeft een kamer in Zwolle op het oog.", {"date": "2026-09", "approximate": True},
     (("betsy", "helpt met inrichten"),)),
)  # fmt: skip


def build_de_boer() -> Atlas:
    """A genogram of four generations around Thijs; the genogram view lays it out itself."""
    client = ClientNode(
        id=make_id(DE_BOER, "node/client"),
        label="Thijs",
        name="Thijs de Boer",
        gender=M,
        birth_year=2003,
        note="Gaat binnenkort op zichzelf wonen en wil weten op wie in de familie hij kan "
        "terugvallen.",
    )
    meta = AtlasMeta(
        id=make_id(DE_BOER, "meta"),
        title="Genogram familie De Boer",
        created="2026-03-04",
        client_term="cliënt",
    )
    atlas = Atlas(client=client, meta=meta)
    ids = {"client": client.id}
    for person in DE_BOER_PEOPLE:
        ids[person.key] = make_id(DE_BOER, f"node/{person.key}")
        node = PersonNode(
            id=ids[person.key],
            label=person.name.split()[0],
            name=person.name,
            gender=person.gender,
            birth_year=person.born,
            death_year=person.died,
            relation=person.relation,
            note=person.note,
        )
        atlas.add("nodes", node)
    for one, other, status, start, end in DE_BOER_COUPLES:
        couple = PartnerRelation(
            id=make_id(DE_BOER, f"partner/{one}-{other}"),
            source=ids[one],
            target=ids[other],
            status=status,
            start_year=start,
            end_year=end,
        )
        atlas.add("edges", couple)
    for parents, child, kind in DE_BOER_CHILDREN:
        for parent in parents:
            edge = ParentChildRelation(
                id=make_id(DE_BOER, f"parent/{parent}-{child}"),
                source=ids[parent],
                target=ids[child],
                relation=kind,
            )
            atlas.add("edges", edge)
    for one, other, quality, note in DE_BOER_EMOTIONS:
        edge = EmotionalRelation(
            id=make_id(DE_BOER, f"emotional/{one}-{other}"),
            source=ids[one],
            target=ids[other],
            quality=quality,
            note=note,
        )
        atlas.add("edges", edge)
    for key, label, score, note, when, involved in DE_BOER_EVENTS:
        event_id = make_id(DE_BOER, f"node/{key}")
        atlas.add("nodes", EventNode(id=event_id, label=label, score=score, note=note, **when))
        for person, role in involved:
            _involve(atlas, DE_BOER, event_id, ids[person], role)
    return atlas


# --- ecogram: Freek, 16 ------------------------------------------------------------------------

FREEK = "ecogram-freek"


class Contact(NamedTuple):
    """One contact on Freek's ecogram and the line between him and Freek."""

    key: str
    label: str
    name: str
    gender: Gender
    relation: str
    domain: str
    frequency: str
    note: str
    strength: SupportStrength
    direction: Direction  # forward: Freek gives; backward: Freek receives; both: reciprocal
    support: tuple[SupportKind, ...]


P, G, A, E = SupportKind.PRACTICAL, SupportKind.COMPANY, SupportKind.ADVICE, SupportKind.EMOTIONAL
STRONG, TENUOUS = SupportStrength.STRONG, SupportStrength.TENUOUS
STRESSFUL = SupportStrength.STRESSFUL
GIVES, GETS, MUTUAL = Direction.FORWARD, Direction.BACKWARD, Direction.BOTH

FREEK_CONTACTS: tuple[Contact, ...] = (
    Contact("vader", "Vader", "Ruud", M, "vader", "gezin of huishouden", "dagelijks",
            "Ernstig ziek, regelmatig in het ziekenhuis. Door zijn ziekte op een vervelende "
            "manier bij zijn werk weggegaan.", STRESSFUL, GIVES, (P, G)),
    Contact("moeder", "Moeder", "Ingrid", F, "moeder", "gezin of huishouden", "dagelijks",
            "Werkt parttime bij een bloemenwinkel en draait thuis bijna alles alleen.",
            STRONG, MUTUAL, (P, E)),
    Contact("zus", "Lieke", "Lieke", F, "zus", "gezin of huishouden", "dagelijks",
            "Twaalf jaar. Freek past op haar als moeder moet werken.", STRONG, GIVES, (P, G)),
    Contact("oma", "Oma Riet", "Riet", F, "oma", "familie", "wekelijks",
            "Kookt twee keer per week sinds vader ziek is.", STRONG, GETS, (P,)),
    Contact("oom", "Oom Marco", "Marco", M, "oom", "familie", "een paar keer per jaar",
            "Nam hem vroeger mee naar het stadion; sinds zijn verhuizing weinig contact.",
            TENUOUS, GETS, (G,)),
    Contact("jesse", "Jesse", "Jesse", M, "beste vriend", "vrienden", "dagelijks",
            "Met twee beste vrienden trekt hij dagelijks op.", STRONG, MUTUAL, (G, E)),
    Contact("mo", "Mo", "Mo", M, "beste vriend", "vrienden", "dagelijks",
            "Kent hij van het voetbal; de enige die weet hoe het thuis gaat.",
            STRONG, MUTUAL, (G, E)),
    Contact("mentor", "Mentor", "mevrouw Smit", F, "mentor", "school of studie", "wekelijks",
            "Hekel aan school, veel ruzie, spijbelen. De mentor belt moeder bij elke "
            "afwezigheid.", STRESSFUL, MUTUAL, (A,)),
    Contact("leerplicht", "Leerplicht", "", U, "leerplichtambtenaar", "school of studie",
            "eenmalig", "Gesprek na herhaald ongeoorloofd verzuim.", TENUOUS, GETS, (A,)),
    Contact("supermarkt", "Bijbaan supermarkt", "", M, "teamleider", "werk", "elke zaterdag",
            "Vakkenvullen op zaterdag; eigen geld vindt hij belangrijk.", TENUOUS, MUTUAL, ()),
    Contact("trainer", "Trainer Bas", "Bas", M, "voetbaltrainer", "vrije tijd",
            "drie keer per week",
            "Drie keer per week voetballen. Bas rekent op hem als vaste kracht.",
            STRONG, MUTUAL, (G, A)),
    Contact("wijkteam", "Jeugdconsulent", "", F, "jeugdconsulent wijkteam", "zorg",
            "om de twee weken",
            "Begeleidt het gezin sinds vader ziek is. Freek vindt de gesprekken wel oké.",
            TENUOUS, GETS, (A, E)),
    Contact("mantelzorg", "Steunpunt Mantelzorg", "", U, "consulent jonge mantelzorgers", "zorg",
            "nog niet", "Kan meedoen met een groep jonge mantelzorgers; wil hij nog niet.",
            TENUOUS, GETS, (G, A)),
    Contact("buurman", "Buurman Gerrit", "Gerrit", M, "buurman", "buren", "wekelijks",
            "Brengt hem naar uitwedstrijden als moeder moet werken.", STRONG, GETS, (P,)),
)  # fmt: skip


# (key, label, score, note, time fields, (contact key, role) involved)
FREEK_EVENTS: tuple[tuple[Any, ...], ...] = (
    ("verhuizing-oom", "Oom Marco naar Spanje verhuisd", -1,
     "Geen stadionbezoekjes meer.", {"year": 2022, "approximate": True}, (("oom", ""),)),
    ("ziek", "Vader ernstig ziek", -2,
     "Sindsdien helpt Freek veel thuis en past hij op Lieke.", {"year": 2024},
     (("vader", ""), ("moeder", ""), ("zus", ""))),
    ("weg-werk", "Vader weg bij zijn werk", -1,
     "Op een vervelende manier; er is thuis minder geld.", {"date": "2025-03"},
     (("vader", ""),)),
)  # fmt: skip


def build_freek() -> Atlas:
    """An ecogram: Freek's contacts grouped by leefgebied, each with a support line."""
    client = ClientNode(
        id=make_id(FREEK, "node/client"),
        label="Freek",
        name="Freek",
        gender=M,
        birth_year=2010,
        note="Zestien jaar, woont met zijn ouders en zusje. Vader is ernstig ziek; Freek helpt "
        "veel thuis.",
    )
    meta = AtlasMeta(
        id=make_id(FREEK, "meta"),
        title="Ecogram Freek",
        created="2026-01-20",
        client_term="cliënt",
    )
    atlas = Atlas(client=client, meta=meta)
    for contact in FREEK_CONTACTS:
        node = PersonNode(
            id=make_id(FREEK, f"node/{contact.key}"),
            label=contact.label,
            name=contact.name,
            gender=contact.gender,
            relation=contact.relation,
            life_domain=contact.domain,
            contact_frequency=contact.frequency,
            note=contact.note,
        )
        atlas.add("nodes", node)
        line = SupportRelation(
            id=make_id(FREEK, f"support/{contact.key}"),
            source=client.id,
            target=node.id,
            strength=contact.strength,
            direction=contact.direction,
            support=contact.support,
        )
        atlas.add("edges", line)
    # The same people in Lensink's netwerkcirkel, as Freek placed them: ring, then sector.
    circle = {
        "vader": ("intimi", "familie"),
        "moeder": ("intimi", "familie"),
        "zus": ("intimi", "familie"),
        "oma": ("vrienden", "familie"),
        "oom": ("bekenden", "familie"),
        "jesse": ("intimi", "samenleving"),
        "mo": ("vrienden", "samenleving"),
        "trainer": ("bekenden", "samenleving"),
        "buurman": ("bekenden", "samenleving"),
        "supermarkt": ("bekenden", "samenleving"),
        "mentor": ("vrienden", "professionals"),
        "leerplicht": ("diensten", "professionals"),
        "wijkteam": ("diensten", "professionals"),
        "mantelzorg": ("diensten", "professionals"),
    }
    cells = {make_id(FREEK, f"node/{key}"): list(cell) for key, cell in circle.items()}
    atlas.set_view_setting("netwerkcirkel", "cells", cells)
    atlas.set_view_setting("netwerkcirkel", "show_counts", True)
    for key, label, score, note, when, involved in FREEK_EVENTS:
        event_id = make_id(FREEK, f"node/{key}")
        atlas.add("nodes", EventNode(id=event_id, label=label, score=score, note=note, **when))
        for person, role in involved:
            _involve(atlas, FREEK, event_id, make_id(FREEK, f"node/{person}"), role)
    return atlas


# --- building and saving -----------------------------------------------------------------------


def build_all() -> dict[str, Atlas]:
    """Every example atlas by file stem."""
    return {SANNE: build_sanne(), DE_BOER: build_de_boer(), FREEK: build_freek()}


def main() -> None:
    """Write every example next to this script, without backups."""
    for stem, atlas in build_all().items():
        path = io.save(atlas, HERE / f"{stem}{io.EXTENSION}", keep_backup=False)
        print(path)


if __name__ == "__main__":
    main()
