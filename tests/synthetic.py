"""Made-up news articles for the batch, table and distributed tests.

Every article is built here from short word lists (invented people, places and outlets), so the
tests need no data files and can make as many articles as they like; each has direct and
reported quotes, named people and organisations, and dates.
"""

import random

FIRST = ["Anna", "Marek", "Lucia", "Tomas", "Ines", "Pavel", "Greta", "Oskar", "Nadia", "Felix",
         "Irene", "Viktor", "Sofia", "Jonas", "Clara", "Emil"]
LAST = ["Berg", "Halvorsen", "Novak", "Ferreira", "Lindqvist", "Moreau", "Kowalski", "Esposito",
        "Dalton", "Okafor", "Brandt", "Varga", "Sorensen", "Quinn", "Keller", "Marsh"]
ROLE = ["Foreign Minister", "Finance Minister", "Mayor", "Senator", "Health Minister",
        "Governor", "Trade Commissioner", "Defence Secretary"]
PLACE = ["Geneva", "Lisbon", "Warsaw", "Oslo", "Nairobi", "Toronto", "Vienna", "Brisbane"]
ORG = ["the Northern Rail Authority", "the Coastal Energy Board", "the World Grain Council",
       "the City Water Company", "the National Audit Office"]
OUTLET = ["the Daily Courier", "Radio Meridian", "the Harbour Times", "Press Agency North"]
TOPIC = ["the new budget", "the rail strike", "the water tariffs", "the trade agreement",
         "the flood defences", "the hospital reforms"]
DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTH = ["January", "March", "May", "July", "September", "November"]
DIRECT = ["We will not accept a deal that leaves families worse off",
          "The numbers speak for themselves, and they are not good",
          "This is the most important decision of the decade",
          "Nobody in this building wants another winter like the last one",
          "We have done our part and now it is their turn",
          "I am confident that the work will be finished on time"]
REPORTED = ["the plan would be delayed until the autumn",
            "the government had underestimated the costs",
            "talks with the unions would resume next week",
            "the committee was ready to publish its findings",
            "more money would be needed to finish the project"]


def article(rng: random.Random, i: int) -> str:
    a, b = rng.sample(range(len(LAST)), 2)
    p1 = f"{rng.choice(FIRST)} {LAST[a]}"
    p2 = f"{rng.choice(FIRST)} {LAST[b]}"
    topic, place, org = rng.choice(TOPIC), rng.choice(PLACE), rng.choice(ORG)
    day, month = rng.choice(DAY), rng.choice(MONTH)
    paragraphs = [
        f"{place} officials clash over {topic} (report {i})",
        f"{place.upper()} — {rng.choice(ROLE)} {p1} said on {day} that {rng.choice(REPORTED)}.",
        f"\u201c{rng.choice(DIRECT)},\u201d {LAST[a]} told reporters after a meeting with "
        f"representatives of {org}.",
        f"{p2}, a spokesperson for {org}, said the board would respond by {month} {rng.randint(1, 28)}. "
        f"\u201c{rng.choice(DIRECT)},\u201d {LAST[b]} said.",
        f"According to {rng.choice(OUTLET)}, the dispute over {topic} began in {rng.randint(2015, 2025)} "
        f"and has cost the city more than {rng.randint(2, 90)} million.",
    ]
    for _ in range(rng.randint(0, 3)):
        paragraphs.append(f"{LAST[rng.choice((a, b))]} added that {rng.choice(REPORTED)}.")
    return "\n\n".join(paragraphs) + "\n"


def records(n: int, seed: int = 13) -> list[dict]:
    """``n`` batch records ``{"id", "text"}`` with ids ``a0``, ``a1``, …"""
    rng = random.Random(seed)
    return [{"id": f"a{i}", "text": article(rng, i)} for i in range(n)]
