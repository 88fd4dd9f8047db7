#!/usr/bin/env python3
"""Deterministic synthetic content for the sitegen-versus-Hugo benchmark.

Writes N events in five languages (en, el, uk, it, ar) twice, as the same content:

  OUT/content/   a sitegen Content/ folder (site.yml, i18n/, events/<slug>/event.yml and
                 <code>.md), in the format README.md describes
  OUT/hugo/      an equivalent Hugo multilingual site: config.toml, i18n/, data/events/
                 <slug>.yaml (the same bytes as event.yml), content/<code>/<slug>.md (the
                 same note bodies), and the layouts from Benchmarks/hugo/layouts

Two corpora, chosen with --corpus:

  synthetic  (the default) notes of 400-800 random words in each language's script, with
             every kind of Markdown sitegen handles; tags and currencies of their own
  real       the real notes of a sitegen Content/ folder (--content, default Content/),
             copied under new slugs and dates (event i is a copy of the i-th event in slug
             order, modulo their number), with that folder's site.yml and i18n files as
             they are

Every event is drawn from its own PRNG, seeded with the event's index, so the same N always
gives byte-identical files, and the first 100 events are the same whatever N is.

Usage: generate.py --events N --out DIR [--corpus synthetic|real] [--content DIR]
                   [--i18n DIR] [--assets DIR]
"""

from __future__ import annotations

import argparse
import calendar
import os
import random
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

LANGUAGES = [
    # code, name, direction, site title
    ("en", "English", "ltr", "A synthetic timeline"),
    ("el", "Ελληνικά", "ltr", "Ένα συνθετικό χρονολόγιο"),
    ("uk", "Українська", "ltr", "Синтетична хронологія"),
    ("it", "Italiano", "ltr", "Una cronologia sintetica"),
    ("ar", "العربية", "rtl", "خط زمني اصطناعي"),
]
CODES = [code for code, _, _, _ in LANGUAGES]

# Real words in each language's script; notes are random sentences drawn from them.
WORDS = {
    "en": """the company market investment data model deal board talks billion growth revenue
        report source investors shares startup founder contract defense valuation round funding
        partner platform training labels engineers customers analysts quarter sales strategy
        rivals computing cloud chips research team offer employees stake agreement regulators
        public private capital fund expansion technology intelligence artificial annual record
        expected reported said according people familiar matter plans new large early later
        second first during after before while with from into about more than its their which
        that also would could might remains grows signs raises agrees announces expands builds
        moves sells buys and for the the of of to in on a an as by""".split(),
    "el": """η το της των εταιρεία αγορά επένδυση δεδομένα μοντέλο συμφωνία συνομιλίες
        δισεκατομμύρια ανάπτυξη έσοδα έκθεση πηγή επενδυτές μετοχές νεοφυής ιδρυτής σύμβαση
        άμυνα αποτίμηση γύρος χρηματοδότηση συνεργάτης πλατφόρμα εκπαίδευση ετικέτες μηχανικοί
        πελάτες αναλυτές τρίμηνο πωλήσεις στρατηγική ανταγωνιστές υπολογιστική νέφος τσιπ έρευνα
        ομάδα προσφορά εργαζόμενοι μερίδιο ρυθμιστικές αρχές δημόσια ιδιωτική κεφάλαιο ταμείο
        επέκταση τεχνολογία νοημοσύνη τεχνητή ετήσια ρεκόρ αναμένεται σύμφωνα με στοιχεία σχέδια
        νέα μεγάλη αργότερα δεύτερη πρώτη κατά μετά πριν ενώ από για σε και ότι επίσης θα
        μπορούσε παραμένει αυξάνεται υπογράφει συγκεντρώνει συμφωνεί ανακοινώνει επεκτείνεται
        χτίζει πουλά αγοράζει και και η το στην στο""".split(),
    "uk": """компанія ринок інвестиція дані модель угода переговори мільярдів зростання дохід
        звіт джерело інвестори акції стартап засновник контракт оборона оцінка раунд
        фінансування партнер платформа навчання розмітка інженери клієнти аналітики квартал
        продажі стратегія конкуренти обчислення хмара чипи дослідження команда пропозиція
        працівники частка регулятори публічний приватний капітал фонд розширення технологія
        інтелект штучний річний рекорд очікується повідомляє за даними джерел плани новий
        великий пізніше другий перший під час після до поки з від у про більше ніж її їхній
        який що також може залишається зростає підписує залучає погоджується оголошує
        розширюється будує продає купує і та на в у з""".split(),
    "it": """la il della delle società mercato investimento dati modello accordo trattative
        miliardi crescita ricavi rapporto fonte investitori azioni startup fondatore contratto
        difesa valutazione round finanziamento partner piattaforma addestramento etichette
        ingegneri clienti analisti trimestre vendite strategia rivali calcolo cloud chip ricerca
        squadra offerta dipendenti quota autorità pubblico privato capitale fondo espansione
        tecnologia intelligenza artificiale annuale record previsto secondo persone vicine
        dossier piani nuovo grande presto dopo prima durante mentre con da in su più che suoi
        loro quale anche potrebbe resta cresce firma raccoglie annuncia espande costruisce
        vende compra e per una un di di il la""".split(),
    "ar": """الشركة السوق استثمار البيانات النموذج صفقة محادثات مليار نمو إيرادات تقرير مصدر
        المستثمرين أسهم ناشئة مؤسس عقد الدفاع تقييم جولة تمويل شريك منصة تدريب توسيم مهندسين
        عملاء محللين الربع مبيعات استراتيجية المنافسين الحوسبة السحابة رقائق أبحاث فريق عرض
        موظفين حصة اتفاق الجهات التنظيمية عام خاص رأس المال صندوق توسع التكنولوجيا الذكاء
        الاصطناعي سنوي قياسي متوقع أفادت وفق مصادر مطلعة خطط جديد كبير لاحقا الثاني الأول خلال
        بعد قبل بينما مع من إلى في على عن أكثر التي الذي أن أيضا قد يظل ينمو يوقع يجمع يوافق
        يعلن يتوسع يبني يبيع يشتري و في من على""".split(),
}

# Phrases that exercise typography: straight quotes, apostrophes, dashes and ellipses.
APOSTROPHES = {
    "en": ["the company's", "the board's", "it's", "investors'"],
    "el": ["απ' το", "σ' αυτό"],
    "uk": ["м'який", "об'єднання", "пам'ять", "з'явився"],
    "it": ["l'azienda", "dell'accordo", "un'offerta", "all'inizio"],
    "ar": ["'الشركة'", "'الصفقة'"],
}
LIST_WORD = {"en": "Note", "el": "Σημείωση", "uk": "Примітка", "it": "Nota", "ar": "ملاحظة"}
TAGS = """ai data defense investment revenue valuation funding partnership cloud chips
    regulation talent research hardware software europe asia""".split()
ROLES = ["investment", "valuation", "revenue", "revenue_forecast", "spending_pledge"]
CURRENCIES = ["USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY", "CHF", "UAH"]
PUBLISHERS = ["Bloomberg", "Reuters", "Financial Times", "Kathimerini", "Ekonomichna Pravda",
              "Il Sole 24 Ore", "Al Arabiya", "The Information", "Associated Press"]

# Interface strings Hugo needs on top of the copied i18n files: the units of a short amount.
HUGO_UNITS = {
    "en": ("billion", "million"),
    "el": ("δισ.", "εκ."),
    "uk": ("млрд", "млн"),
    "it": ("Mrd", "Mln"),
    "ar": ("مليار", "مليون"),
}


def cap(code: str, text: str) -> str:
    return text[:1].upper() + text[1:] if code != "ar" else text


class Note:
    """One note in one language: words counted as they are written."""

    def __init__(self, rng: random.Random, code: str):
        self.rng = rng
        self.code = code
        self.words = WORDS[code]
        self.count = 0

    def w(self, n: int) -> str:
        self.count += n
        return " ".join(self.rng.choices(self.words, k=n))

    def sentence(self, lo: int = 6, hi: int = 16) -> str:
        return cap(self.code, self.w(self.rng.randint(lo, hi))) + "."

    def paragraph(self, slug: str, index: int, target: int) -> str:
        rng = self.rng
        parts = []
        while True:
            s = self.sentence()
            r = rng.random()
            if r < 0.12:
                s = s[:-1] + f' **{self.w(2)}**.'
            elif r < 0.24:
                s = s[:-1] + f' *{self.w(1)}*.'
            elif r < 0.32:
                s = s[:-1] + f' "{self.w(3)}".'
            elif r < 0.40:
                s = s[:-1] + f" {rng.choice(APOSTROPHES[self.code])} {self.w(2)}."
                self.count += 1
            elif r < 0.46:
                s = s[:-1] + f" -- {self.w(3)}..."
            elif r < 0.54:
                k = rng.randint(1, 9)
                s = s[:-1] + f" [{self.w(2)}](https://example.com/{slug}/{self.code}/{index}-{k})."
            elif r < 0.57:
                s = s[:-1] + f" ~~{self.w(2)}~~ {self.w(1)}."
            elif r < 0.60:
                s = s[:-1] + f" www.example.org/{slug}/{index}."
                self.count += 1
            parts.append(s)
            if self.count >= target or len(parts) >= rng.randint(3, 7):
                return " ".join(parts)

    def table(self) -> str:
        rng = self.rng
        head = "| " + " | ".join(cap(self.code, self.w(1)) for _ in range(3)) + " |"
        rows = [head, "| :-- | :-: | --: |"]
        for _ in range(rng.randint(3, 5)):
            value = f"{rng.randint(1, 999)},{rng.randint(0, 9)}"
            rows.append(f"| {self.w(2)} | {self.w(1)} | {value} |")
            self.count += 1
        return "\n".join(rows)

    def bullet_list(self) -> str:
        rng = self.rng
        items = []
        tasks = rng.random() < 0.3
        for _ in range(rng.randint(3, 6)):
            mark = rng.choice(["[x] ", "[ ] "]) if tasks else ""
            items.append(f"- {mark}{cap(self.code, self.w(rng.randint(3, 8)))}")
        return "\n".join(items)

    def body(self, slug: str) -> str:
        rng = self.rng
        target = rng.randint(400, 800)
        blocks = []
        # Every note has at least one link and one strong emphasis, whatever the draw.
        link = f"[{self.w(2)}](https://example.com/{slug}/{self.code}/0)"
        intro = f"{self.sentence()[:-1]} **{self.w(2)}** {link}. {self.paragraph(slug, 0, target)}"
        blocks.append(intro + "[^1]")
        blocks.append("## " + cap(self.code, self.w(rng.randint(2, 4))))
        footnote = f"[^1]: {self.sentence(8, 14)}"
        extras = [self.table(), self.bullet_list()]
        i = 1
        while self.count < target - 10:
            blocks.append(self.paragraph(slug, i, target - 10))
            if extras and (i % 2 == 0 or self.count >= target - 60):
                blocks.append(extras.pop(0))
            if i == 3:
                blocks.append("## " + cap(self.code, self.w(rng.randint(2, 4))))
            i += 1
        blocks.extend(extras)
        blocks.append(footnote)
        return "\n\n".join(blocks) + "\n"


def random_date(rng: random.Random, lo: int = 2000, hi: int = 2025,
                weights=(20, 35, 45)) -> tuple[str, tuple[int, int, int], int]:
    """An ISO date of a random precision, its earliest day, and its precision (0, 1, 2)."""
    year = rng.randint(lo, hi)
    precision = rng.choices([0, 1, 2], weights=weights)[0]
    if precision == 0:
        return f"{year}", (year, 1, 1), 0
    month = rng.randint(1, 12)
    if precision == 1:
        return f"{year}-{month:02d}", (year, month, 1), 1
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    return f"{year}-{month:02d}-{day:02d}", (year, month, day), 2


def earliest(day: tuple[int, int, int], precision: int, qualifier: str | None):
    """The earliest day an event's date can mean, as README.md's "Order" describes."""
    y, m, d = day
    if qualifier in ("early", "mid", "late"):
        step = ["early", "mid", "late"].index(qualifier)
        if precision == 0:
            m = 1 + 4 * step
        elif precision == 1:
            d = 1 + 10 * step
    return (y, m, d)


def timeline_key(day: tuple[int, int, int], precision: int, qualifier: str | None,
                 order: int | None, slug: str) -> tuple:
    """sitegen's timeline order (README.md, "Order"): the earliest day, then `order` (events
    with one first), then coarser precision first, then the slug."""
    return (earliest(day, precision, qualifier), order if order is not None else 10**9,
            precision, slug)


def round_value(rng: random.Random) -> int:
    digits = rng.randint(5, 11)
    lead = rng.randint(1, 99)
    return lead * 10 ** (digits - 2)


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Event:
    def __init__(self, index: int, seed: str):
        rng = random.Random(f"{seed}:{index}")
        self.index = index
        words = rng.sample([w for w in WORDS["en"] if len(w) > 3], 2)
        self.slug = f"e{index:05d}-{words[0]}-{words[1]}"
        self.date, day, self.precision = random_date(rng)
        self.qualifier = None
        r = rng.random()
        if r < 0.12 and self.precision < 2:
            self.qualifier = rng.choice(["early", "mid", "late"])
        elif r < 0.16:
            self.qualifier = "about"
        self.order = rng.randint(1, 3) if rng.random() < 0.1 else None
        self.key = timeline_key(day, self.precision, self.qualifier, self.order, self.slug)
        self.year = day[0]
        self.tags = rng.sample(TAGS, rng.randint(1, 3))
        self.amounts = []
        for _ in range(rng.choices([0, 1, 2, 3], weights=[20, 45, 25, 10])[0]):
            self.amounts.append((rng.choice(ROLES), round_value(rng), rng.choice(CURRENCIES),
                                 rng.choice(["more_than", "up_to", "about"])
                                 if rng.random() < 0.25 else None))
        self.sources = []
        for _ in range(rng.randint(1, 5)):
            lang = rng.choice(CODES)
            sdate = random_date(rng, self.year, min(self.year + 1, 2025))[0]
            title = cap(lang, " ".join(rng.choices(WORDS[lang], k=rng.randint(5, 10))))
            url = (f"https://news.example.com/{sdate[:4]}/{self.slug}-{rng.randint(1, 999)}"
                   if rng.random() < 0.7 else None)
            self.sources.append((rng.choice(PUBLISHERS), title, sdate, lang, url))
        self.notes = {}
        for code in CODES:
            note = Note(rng, code)
            title = cap(code, note.w(rng.randint(4, 9)))
            summary = note.sentence(12, 22)
            self.notes[code] = (title, summary, note.body(self.slug))

    def record(self) -> str:
        lines = [f"date: {self.date}"]
        if self.qualifier:
            lines.append(f"qualifier: {self.qualifier}")
        if self.order is not None:
            lines.append(f"order: {self.order}")
        lines.append(f"tags: [{', '.join(self.tags)}]")
        if self.amounts:
            lines.append("amounts:")
            for role, value, currency, qualifier in self.amounts:
                lines += [f"  - role: {role}", f"    value: {value}", f"    currency: {currency}"]
                if qualifier:
                    lines.append(f"    qualifier: {qualifier}")
        lines.append("sources:")
        for publisher, title, sdate, lang, url in self.sources:
            lines += [f"  - publisher: {publisher}", f"    title: {quoted(title)}",
                      f"    date: {sdate}", f"    language: {lang}"]
            if url:
                lines.append(f"    url: {url}")
        return "\n".join(lines) + "\n"


def site_yml() -> str:
    lines = ["# Synthetic content for Benchmarks/; made by Benchmarks/generate.py.", "title:"]
    lines += [f"  {code}: {quoted(title)}" for code, _, _, title in LANGUAGES]
    lines += ["default_language: en", "languages:"]
    for code, name, direction, _ in LANGUAGES:
        lines += [f"  - code: {code}", f"    name: {name}", f"    direction: {direction}"]
    return "\n".join(lines) + "\n"


def hugo_config(template: str, titles: dict[str, str] | None = None) -> str:
    lines = [template.rstrip("\n"), ""]
    for weight, (code, name, direction, title) in enumerate(LANGUAGES, 1):
        title = (titles or {}).get(code, title)
        lines += [f"[languages.{code}]", f"  weight = {weight}", f"  locale = \"{code}\"",
                  f"  label = {quoted(name)}", f"  direction = \"{direction}\"",
                  f"  title = {quoted(title)}", f"  contentDir = \"content/{code}\"", ""]
    return "\n".join(lines)


# The CLDR plural categories each language's amount patterns need (see PluralRules.swift).
PLURAL_CATEGORIES = {
    "en": ["one", "other"], "el": ["one", "other"], "it": ["one", "many", "other"],
    "uk": ["one", "few", "many", "other"], "ar": ["zero", "one", "two", "few", "many", "other"],
}
NESTED_SECTIONS = ("dates:", "amounts:", "event_count:", "language_names:", "tag_labels:",
                   "publisher_names:")


def sitegen_i18n(code: str, text: str) -> str:
    """The copied i18n file with labels for the synthetic tags it lacks and words for the
    synthetic currencies other than USD (the figure, the scale and the ISO code)."""
    billion, million = HUGO_UNITS[code]
    currencies = ""
    for currency in sorted(set(CURRENCIES) - {"USD"}):
        currencies += f"  {currency}:\n"
        for scale, unit in [("units", ""), ("millions", million), ("billions", billion),
                            ("short_millions", million), ("short_billions", billion)]:
            currencies += f"    {scale}:\n"
            for category in PLURAL_CATEGORIES[code]:
                words = " ".join(w for w in ["{number}", unit, currency] if w)
                currencies += f"      {category}: {quoted(words)}\n"
    text = text.replace("\namounts:\n", "\namounts:\n" + currencies, 1)
    labels = "".join(f"  {tag}: {quoted(cap(code, tag))}\n" for tag in TAGS
                     if f"\n  {tag}: " not in text)
    return text.replace("\ntag_labels:\n", "\ntag_labels:\n" + labels, 1)


def hugo_i18n(text: str) -> str:
    """The flat strings of an i18n file, as Hugo reads them, with the date qualifiers of a
    year (`early {year}`) as `date_early` and the like, `{date}` standing for the date."""
    kept, skipping, qualifiers = [], False, {}
    for line in text.splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            skipping = line.startswith(NESTED_SECTIONS)
        for qualifier in ["early", "mid", "late", "about"]:
            prefix = f"  {qualifier}_year: "
            if line.startswith(prefix):
                qualifiers[qualifier] = line[len(prefix):].replace("{year}", "{date}")
        if not skipping:
            kept.append(line)
    kept += [f"date_{qualifier}: {pattern}" for qualifier, pattern in qualifiers.items()]
    return "\n".join(kept) + "\n"


def write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def prepare(out: Path) -> tuple[Path, Path]:
    """Empties OUT/content and OUT/hugo and makes their folders."""
    content, hugo = out / "content", out / "hugo"
    for folder in (content, hugo):
        if folder.exists():
            shutil.rmtree(folder)
    (content / "i18n").mkdir(parents=True)
    (content / "events").mkdir()
    for sub in ["i18n", "data/events", "static"] + [f"content/{c}" for c in CODES]:
        (hugo / sub).mkdir(parents=True)
    return content, hugo


def write_hugo_site(hugo: Path, i18n: Path, assets: Path,
                    titles: dict[str, str] | None = None) -> None:
    """The Hugo site's configuration, interface strings, layouts and assets."""
    for code in CODES:
        text = (i18n / f"{code}.yml").read_text(encoding="utf-8")
        billion, million = HUGO_UNITS[code]
        extra = f"\n# Hugo only: units of a short amount.\nunit_billion: {quoted(billion)}\n" \
                f"unit_million: {quoted(million)}\n"
        write(hugo / "i18n" / f"{code}.yaml", hugo_i18n(text) + extra)
    config = (HERE / "hugo" / "config.toml").read_text("utf-8")
    write(hugo / "config.toml", hugo_config(config, titles))
    shutil.copytree(HERE / "hugo" / "layouts", hugo / "layouts")
    shutil.copytree(assets, hugo / "static" / "assets")


def write_synthetic(n: int, out: Path, seed: str, i18n: Path, assets: Path) -> None:
    content, hugo = prepare(out)
    write(content / "site.yml", site_yml())
    for code in CODES:
        text = (i18n / f"{code}.yml").read_text(encoding="utf-8")
        write(content / "i18n" / f"{code}.yml", sitegen_i18n(code, text))
    write_hugo_site(hugo, i18n, assets)

    events = [Event(i, seed) for i in range(1, n + 1)]
    # Hugo gets sitegen's order as each page's weight, and the year to group by.
    for weight, event in enumerate(sorted(events, key=lambda e: e.key), 1):
        event.weight = weight
    for event in events:
        folder = content / "events" / event.slug
        folder.mkdir()
        record = event.record()
        write(folder / "event.yml", record)
        write(hugo / "data" / "events" / f"{event.slug}.yaml", record)
        for code, (title, summary, body) in event.notes.items():
            write(folder / f"{code}.md",
                  f"---\ntitle: {quoted(title)}\nsummary: {quoted(summary)}\n---\n\n{body}")
            write(hugo / "content" / code / f"{event.slug}.md",
                  f"---\ntitle: {quoted(title)}\nsummary: {quoted(summary)}\n"
                  f"weight: {event.weight}\nyear: {event.year}\n---\n\n{body}")


# MARK: The real corpus

DATE_LINE = re.compile(r"^date:[ \t]*(\S+)[ \t]*(#.*)?$", re.M)
QUALIFIER_LINE = re.compile(r"^qualifier:[ \t]*(\w+)", re.M)
ORDER_LINE = re.compile(r"^order:[ \t]*(\d+)", re.M)
EVENT_LINK = re.compile(r"event:([a-z0-9][a-z0-9_-]*)")


def site_titles(site: str) -> dict[str, str]:
    """The `title:` block of a site.yml (`  en: "..."` lines), for Hugo's configuration."""
    titles, inside = {}, False
    for line in site.splitlines():
        if line.startswith("title:"):
            inside = True
        elif inside and re.match(r"^  [a-z]{2,3}: ", line):
            code, value = line.strip().split(": ", 1)
            titles[code] = value.strip().strip('"')
        elif inside and line.strip() and not line.startswith("#"):
            inside = False
    return titles


class RealEvent:
    """A copy of one real event under a new slug and a new date of the same precision,
    with its qualifier, order, amounts, sources, tags and notes as they are."""

    def __init__(self, index: int, source: Path, seed: str):
        rng = random.Random(f"{seed}:real:{index}")
        self.index, self.source = index, source
        self.slug = f"r{index:05d}-{source.name}"
        record = (source / "event.yml").read_text(encoding="utf-8")
        match = DATE_LINE.search(record)
        if not match:
            raise SystemExit(f"generate.py: {source}/event.yml: no date line to replace")
        precision = match.group(1).count("-")
        weights = [(100, 0, 0), (0, 100, 0), (0, 0, 100)][min(precision, 2)]
        self.date, day, self.precision = random_date(rng, weights=weights)
        self.record = record[:match.start(1)] + self.date + record[match.end(1):]
        qualifier = QUALIFIER_LINE.search(record)
        order = ORDER_LINE.search(record)
        self.key = timeline_key(day, self.precision, qualifier and qualifier.group(1),
                                int(order.group(1)) if order else None, self.slug)
        self.year = day[0]

    def notes(self, slug_of) -> dict[str, str]:
        """Each language's note, its `event:` links pointing at copies in this site."""
        notes = {}
        for code in CODES:
            path = self.source / f"{code}.md"
            if path.exists():
                text = path.read_text(encoding="utf-8")
                notes[code] = EVENT_LINK.sub(lambda m: "event:" + slug_of(m.group(1), self.index),
                                             text)
        return notes


def with_hugo_fields(note: str, weight: int, year: int) -> str:
    """A note with `weight` and `year` added to its front matter, for Hugo."""
    if not note.startswith("---\n") or "\n---\n" not in note[3:]:
        raise SystemExit("generate.py: a real note without front matter")
    end = note.index("\n---\n", 3) + 1
    return note[:end] + f"weight: {weight}\nyear: {year}\n" + note[end:]


def write_real(n: int, out: Path, seed: str, source: Path, assets: Path) -> None:
    sources = sorted(p for p in (source / "events").iterdir() if (p / "event.yml").is_file())
    if not sources:
        raise SystemExit(f"generate.py: no events in {source / 'events'}")
    content, hugo = prepare(out)
    site = (source / "site.yml").read_text(encoding="utf-8")
    write(content / "site.yml", site)
    for code in CODES:
        shutil.copyfile(source / "i18n" / f"{code}.yml", content / "i18n" / f"{code}.yml")
    write_hugo_site(hugo, source / "i18n", assets, site_titles(site))

    events = [RealEvent(i, sources[(i - 1) % len(sources)], seed) for i in range(1, n + 1)]
    position = {p.name: k for k, p in enumerate(sources)}

    def slug_of(original: str, index: int) -> str:
        """The copy of `original` made in the same round as event `index`, or in the first."""
        if original not in position:
            return original
        for start in ((index - 1) // len(sources) * len(sources), 0):
            copy = start + position[original] + 1
            if copy <= n:
                return events[copy - 1].slug
        return original

    for weight, event in enumerate(sorted(events, key=lambda e: e.key), 1):
        event.weight = weight
    for event in events:
        folder = content / "events" / event.slug
        folder.mkdir()
        write(folder / "event.yml", event.record)
        write(hugo / "data" / "events" / f"{event.slug}.yaml", event.record)
        for code, note in event.notes(slug_of).items():
            write(folder / f"{code}.md", note)
            write(hugo / "content" / code / f"{event.slug}.md",
                  with_hugo_fields(note, event.weight, event.year))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", "-n", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", choices=["synthetic", "real"], default="synthetic")
    parser.add_argument("--seed", default="sitegen-benchmark-1")
    parser.add_argument("--content", type=Path, default=REPO / "Content",
                        help="the real corpus's source: a sitegen Content/ folder")
    parser.add_argument("--i18n", type=Path, default=REPO / "Content" / "i18n")
    parser.add_argument("--assets", type=Path, default=REPO / "Templates" / "assets")
    args = parser.parse_args()
    if args.corpus == "real":
        write_real(args.events, args.out, args.seed, args.content, args.assets)
    else:
        write_synthetic(args.events, args.out, args.seed, args.i18n, args.assets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
