"""Page furniture of the kinds news sites put inside articles, generated for training and for
the furniture-inside-articles benchmark (`scripts/furniture_bench.py`).

Every kind has many phrasings, written for presscut (not taken from any page). Each phrasing
belongs to one of two splits, `train` or `bench`, by its position in its list (every third one
is `bench`): the layout model learns from the `train` phrasings, and the benchmark inserts only
`bench` phrasings, so it measures recognition of furniture worded in ways the model never saw.
The fillers (names, agencies, headlines, times) are split the same way.

    from furniture import Generator
    g = Generator("train", seed=1)
    kind, lines = g.item()          # ("advertisement", ["Story continues below advertisement"])
    doc, labels = g.insert(paragraphs, n=6)
"""
import random

# Contract kinds: captions and player notices are `other` (the contract has no caption kind).
KIND_OF = {"advertisement": "advertisement", "related": "related", "share": "share",
           "newsletter": "newsletter", "caption": "other", "player": "other", "credit": "metadata",
           "timestamp": "metadata", "copyright": "footer", "comment": "comment_form"}

FIRST = ["Maria", "James", "Aisha", "Tomás", "Yuki", "Peter", "Olga", "Samuel", "Nadia", "Chris",
         "Elena", "David", "Fatima", "Lucas", "Grace", "Omar", "Hannah", "Ivan", "Sofia", "Kwame"]
LAST = ["Keller", "Okoro", "Lindqvist", "Moreau", "Tanaka", "Alvarez", "Novak", "Brennan",
        "Haddad", "Fischer", "Mensah", "Kowalski", "Rossi", "Petrov", "Nguyen", "Walsh",
        "Costa", "Berg", "Sato", "Murphy"]
AGENCY = ["Reuters", "AP", "AFP", "Getty Images", "EPA", "Shutterstock", "Bloomberg",
          "Alamy", "PA", "AAP", "Xinhua", "dpa", "Anadolu", "Sipa", "NurPhoto", "Zuma Press"]
SITE = ["The Daily Ledger", "Metro Post", "Northern Times", "City Herald", "The Courier",
        "Valley News", "Global Wire", "The Observer Online", "Harbour Gazette", "Daily Star"]
TOPIC = ["Politics", "Business", "Health", "Climate", "Sport", "Technology", "World",
         "Science", "Culture", "Money", "Travel", "Education"]
HEADLINE = [
    "Council approves plan for new bridge after years of delay",
    "Inflation eases for third month as fuel prices fall",
    "Police appeal for witnesses after late-night crash",
    "Scientists warn of record heat this summer",
    "Minister resigns over expenses row",
    "Star striker signs new four-year contract",
    "Hospital waiting lists reach new high",
    "Storm leaves thousands without power",
    "Tech giant unveils cheaper phone",
    "Schools to get funding boost in budget",
    "Rail strike called off after last-minute deal",
    "Wildfire forces evacuation of mountain villages",
    "Court rules against landlord in landmark case",
    "Airport expansion faces fresh legal challenge",
    "Central bank holds interest rates steady",
    "Farmers protest over new import rules",
    "Museum returns stolen artefacts",
    "Opposition leader calls for early election",
]
SCENE = [
    "Protesters gathered outside parliament on Tuesday",
    "Firefighters at the scene of the blaze in the city centre",
    "The minister speaking at a press conference in the capital",
    "Flood water covered the main road for two days",
    "Supporters celebrate after the final whistle",
    "A worker inspects damage to the roof of the station",
    "Shoppers on the high street ahead of the holidays",
    "Delegates arrive for the summit",
    "The new bridge under construction last year",
    "Rescue teams search the rubble after the earthquake",
    "Voters queue at a polling station in the north of the country",
    "The company's headquarters in the city",
]

TEMPLATES = {
    "advertisement": [
        "Advertisement", "Story continues below advertisement", "ADVERTISEMENT",
        "Article continues below this ad", "Sponsored content", "- Advertisement -",
        "Continue reading the main story", "Scroll to continue with content", "AD",
        "Advertisement - scroll to continue", "The story continues after the advertisement",
        "Paid content", "Promoted stories", "Sponsored", "Ad Feedback",
        "Content continues below", "Partner content", "Article continues after advertisement",
    ],
    "related": [
        "READ MORE: {headline}", "Related: {headline}", "WATCH: {headline}",
        "See also: {headline}", "MORE: {headline}", "Read more: {headline}",
        "RELATED: {headline}", "Also read: {headline}", "Recommended: {headline}",
        "Related coverage", "You may also like", "READ MORE", "More on this story",
        "{headline} - read more", "Read next: {headline}", "LISTEN: {headline}",
        "Related stories", "Most read", "Click here to read more: {headline}",
        "Don't miss: {headline}", "Read the full story: {headline}",
    ],
    "share": [
        "Share", "Share this article", "Share on Facebook", "Tweet", "Copy link",
        "Share this story", "Share via email", "WhatsApp", "Share on X", "Email this article",
        "Share page", "Link copied", "Share on LinkedIn", "Print this page", "Share this",
        "Facebook Twitter Email", "Save article", "Gift this article",
    ],
    "newsletter": [
        "Sign up for our daily newsletter", "Get the latest headlines delivered to your inbox",
        "Subscribe to our newsletter", "Enter your email address",
        "Thank you for signing up!", "Sign up to {site}'s {topic} newsletter",
        "Get our free morning briefing", "Subscribe now", "Never miss a story: sign up today",
        "Sign up for breaking news alerts", "Want more? Subscribe to {site}",
        "The best of {topic}, straight to your inbox", "Subscribe for unlimited access",
        "Join our mailing list", "Invalid email address", "You're subscribed!",
        "Get {topic} news delivered to your inbox every week",
        "By signing up you agree to our privacy policy",
    ],
    "caption": [
        "Image caption {scene}", "Caption: {scene}", "{scene}. (Photo: {name}/{agency})",
        "Image: {scene}", "{scene}. Photograph: {name}/{agency}", "Pictured: {scene}",
        "{scene} (AP Photo/{name})", "Photo: {scene}", "{scene}. Picture: {agency}",
        "Image caption, {scene}", "{scene}. Credit: {name} for {site}",
        "{scene} | Photo: {agency}", "FILE PHOTO: {scene}", "{scene}. Image: {agency}",
        "{scene} (Image credit: {agency})",
    ],
    "credit": [
        "{name} / {agency}", "{name}/{agency}", "Photo: {name}/{agency}", "{agency}",
        "{name} via {agency}", "Photograph: {name}/{agency}", "(Photo by {name}/{agency})",
        "Credit: {name}", "Image credit: {agency}", "{name} | {agency}",
        "Photo by {name} on {agency}", "© {agency}", "Image source, {agency}",
        "Photo courtesy of {name}", "{agency} / {name}",
    ],
    "player": [
        "Media playback is unsupported on your device",
        "Your browser does not support the video tag.", "This video can not be played",
        "Please enable JavaScript to view this video", "Watch: {headline}",
        "Video unavailable", "Press play to listen to this article",
        "Media caption, {scene}", "Listen to this article", "Click to play video",
        "Loading video...", "Video: {headline}", "Skip Ad", "Replay video",
        "Audio version of this article", "Play video",
    ],
    "timestamp": [
        "{hh}:{mm} BST", "Updated {n} minutes ago", "{n}h ago", "{hh}:{mm}",
        "Posted at {h}:{mm}am", "{hh}:{mm} GMT", "Published {n} hours ago",
        "{n} min read", "Updated at {h}:{mm} p.m. ET", "{d} {month} {yyyy}, {hh}:{mm}",
        "Last updated {hh}:{mm}", "{n} mins ago", "Posted {h}:{mm} PM",
        "{month} {d}, {yyyy} {h}:{mm} a.m.", "{hh}.{mm} CET",
    ],
    "copyright": [
        "© {yyyy} {site}. All rights reserved.",
        "Copyright {yyyy} {agency}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "© {site} {yyyy}", "Copyright © {yyyy} {site}",
        "All rights reserved.", "(c) {yyyy} {site}",
        "© {yyyy} {site}, all rights reserved. Reproduction without permission is prohibited.",
        "This article is © {site} {yyyy}",
        "Copyright {yyyy} {site}. All Rights Reserved.",
    ],
    "comment": [
        "Comments", "Leave a comment", "{n} comments", "Join the conversation",
        "Show comments", "Add your comment", "Comments are closed.", "View comments",
        "Be the first to comment", "Post a comment", "Read {n} comments",
        "Commenting has been disabled for this article",
    ],
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def _split(items, split):
    """Every third item (0, 3, 6, …) belongs to `bench`, the others to `train`."""
    return [x for i, x in enumerate(items) if (i % 3 == 0) == (split == "bench")]


class Generator:
    def __init__(self, split, seed=0):
        assert split in ("train", "bench")
        self.rng = random.Random(seed)
        self.templates = {k: _split(v, split) for k, v in TEMPLATES.items()}
        self.first, self.last = _split(FIRST, split), _split(LAST, split)
        self.agency, self.site = _split(AGENCY, split), _split(SITE, split)
        self.topic, self.headline = _split(TOPIC, split), _split(HEADLINE, split)
        self.scene = _split(SCENE, split)

    def fill(self, template):
        r = self.rng
        values = {
            "name": f"{r.choice(self.first)} {r.choice(self.last)}",
            "agency": r.choice(self.agency), "site": r.choice(self.site),
            "topic": r.choice(self.topic), "headline": r.choice(self.headline),
            "scene": r.choice(self.scene), "n": r.randint(2, 59), "h": r.randint(1, 12),
            "hh": f"{r.randint(0, 23):02d}", "mm": f"{r.randint(0, 59):02d}",
            "d": r.randint(1, 28), "month": r.choice(MONTHS), "yyyy": r.randint(2015, 2026),
        }
        return template.format(**values)

    def item(self):
        """One piece of furniture: its internal kind and its lines (a share bar may be three)."""
        r = self.rng
        kind = r.choice(sorted(self.templates))
        if kind == "share" and r.random() < 0.3:
            return kind, [self.fill(t) for t in r.sample(self.templates["share"], 3)]
        if kind == "related" and r.random() < 0.25:
            head = r.choice(["Related", "More on this", "Read more", "Related articles", "Also on {site}"])
            return kind, [self.fill(head)] + [self.fill("{headline}") for _ in range(r.randint(2, 3))]
        line = self.fill(r.choice(self.templates[kind]))
        if r.random() < 0.15:
            line = line.upper()
        return kind, [line]

    def insert(self, paragraphs, n):
        """The paragraphs with `n` pieces of furniture at random places between them (never
        before the first: that is the headline). Returns the text (blocks separated by a blank
        line, the lines of one piece of furniture by a newline) and its lines as (text, kind),
        kind None for the article's own lines."""
        r = self.rng
        slots = sorted(r.randint(1, len(paragraphs)) for _ in range(n))
        blocks, lines, k = [], [], 0
        for i, p in enumerate(paragraphs + [None]):
            while k < len(slots) and slots[k] == i:
                kind, item = self.item()
                blocks.append("\n".join(item))
                lines.extend((l, kind) for l in item)
                k += 1
            if p is not None:
                blocks.append(p)
                lines.extend((l, None) for l in p.split("\n"))
        return "\n\n".join(blocks), lines
