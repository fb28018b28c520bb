#!/usr/bin/env python3
"""Generate the benchmark corpus: N realistic documents of the three kinds.

    gen.py --count N [--out DIR] [--seed S] [--invalid-rate R]

writes, in DIR (default bench/out):

    docs-N.yaml           the documents as one YAML multi-document stream
    docs-N.jsonl          the same documents as JSON lines (one per line)
    docs-N.expected.json  the injected invalid documents (index, kind,
                          defect) and the as_of date the checks assume

Document i depends only on the seed and i, so the corpus of N documents is
the first N documents of any larger one, and document 0 (the one-document
corpus) is always a valid AnnualProgramme. Kinds rotate AnnualProgramme,
MultiAnnualProgramme, ProgrammeReport, so each kind is a third of the stream.

Valid documents are complete, adopted on time, consulted in order, with the
council's opinion attached: they give no error (nor warning) in ngojst with
the built-in rule set and pass bench/schema/<kind>.json. Each invalid
document carries exactly one defect that both ngojst (an error-level finding,
or a load error for a wrong type or a negative amount) and the JSON Schema
detect. Only the standard library is used.
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import random
import sys

AS_OF = "2027-01-15"
SEED = 20260115

KINDS = ("AnnualProgramme", "MultiAnnualProgramme", "ProgrammeReport")

DEFECTS = {
    "AnnualProgramme": ["missing_scope", "missing_commissions", "consultation_unfinished",
                        "opinion_not_attached", "negative_amount", "year_as_string"],
    "MultiAnnualProgramme": ["consultation_not_started", "opinion_not_attached", "negative_funds"],
    "ProgrammeReport": ["not_submitted", "not_published", "negative_spent"],
}


class Date(str):
    """A date: a plain scalar in YAML, a string in JSON."""


class Folded(str):
    """A long text written as a folded block scalar in YAML."""


PLACES = [
    "Nowa Wieś", "Stara Wola", "Przykładowo", "Zielona Łąka", "Brzozów Mały", "Dębnica",
    "Jabłonka", "Kamienna Góra", "Lipowiec", "Łęczyca Wielka", "Mszana", "Niemcza",
    "Olszyna", "Pieńsk", "Radomyśl", "Sośnicowice", "Świerczów", "Trzebnica Dolna",
    "Wąwolnica", "Żabno", "Ożarów", "Bełżec", "Chełmiec", "Gródek", "Kłodawa", "Międzylesie",
    "Nowogród", "Pruszcz", "Rzgów", "Szczytna", "Tuchów", "Wiązów", "Zbąszyń", "Źródła",
]

OBJ_MAIN = [
    "Budowanie partnerstwa między samorządem a organizacjami pozarządowymi w celu lepszego zaspokajania potrzeb mieszkańców.",
    "Wzmacnianie społeczeństwa obywatelskiego i partnerstwa jednostki z organizacjami.",
    "Rozwój współpracy z organizacjami pozarządowymi w realizacji zadań publicznych na rzecz wspólnoty lokalnej.",
    "Zwiększenie skuteczności i efektywności realizacji zadań publicznych przez włączenie organizacji w ich wykonywanie.",
]

OBJ_SPECIFIC = [
    "Wzmocnienie potencjału organizacji działających na terenie jednostki.",
    "Zwiększenie udziału mieszkańców w rozwiązywaniu lokalnych problemów.",
    "Poprawa jakości usług publicznych przez zlecanie zadań organizacjom.",
    "Wspieranie inicjatyw lokalnych i aktywności obywatelskiej.",
    "Rozwój wolontariatu, zwłaszcza wśród młodzieży i seniorów.",
    "Integracja podmiotów realizujących zadania publiczne.",
    "Otwarcie na innowacyjność i konkurencyjność w wykonywaniu zadań publicznych.",
    "Umacnianie lokalnych działań i stwarzanie warunków dla powstania inicjatyw.",
]

PRINCIPLES = ["pomocniczość", "suwerenność stron", "partnerstwo", "efektywność", "uczciwa konkurencja", "jawność"]

FORMS = ["zlecanie", "informowanie", "konsultowanie_aktow", "konsultowanie_z_rada", "zespoly",
         "zlecanie realizacji zadań publicznych", "wzajemne informowanie"]
EXTRA_FORMS = ["użyczenie lokali", "pomoc w pozyskiwaniu środków z innych źródeł", "patronat"]

TASKS = [
    ("Upowszechnianie kultury fizycznej wśród dzieci i młodzieży", "17"),
    ("Szkolenie dzieci i młodzieży w piłce nożnej", "17"),
    ("Działania na rzecz seniorów i wspólnoty lokalnej", "13"),
    ("Ochrona dziedzictwa kulturowego i imprezy gminne", "16"),
    ("Organizacja wydarzeń kulturalnych i edukacja artystyczna", "16"),
    ("Promocja i organizacja wolontariatu", "27"),
    ("Turystyka i krajoznawstwo: szlaki rowerowe i rajdy", "19"),
    ("Edukacja ekologiczna i ochrona zwierząt", "18"),
    ("Pomoc społeczna i działalność charytatywna", "3"),
    ("Podtrzymywanie tradycji narodowej i rozwój świadomości obywatelskiej", "4"),
    ("Zajęcia pozalekcyjne i wyrównywanie szans edukacyjnych", "14"),
    ("Bezpieczeństwo publiczne i ratownictwo", "20"),
    ("Rewitalizacja centrum miejscowości", "32a"),
    ("Działalność na rzecz mniejszości narodowych i języka regionalnego", "5"),
    ("Przeciwdziałanie uzależnieniom i patologiom społecznym", "pkt 13"),
]

IMPLEMENTATION = [
    "Zadania zleca się w otwartych konkursach ofert oraz w trybie art. 19a ustawy.",
    "Otwarte konkursy ofert ogłaszane co roku, umowy wieloletnie oraz tryb art. 19a ustawy.",
    "Program realizuje urząd we współpracy z organizacjami, przede wszystkim przez zlecanie zadań w otwartych konkursach ofert.",
]

EVALUATION = [
    "Ocena na podstawie sprawozdania; wskaźniki: liczba ofert, liczba umów, liczba odbiorców, kwota dotacji.",
    "Sprawozdanie i wskaźniki liczby ofert, umów i beneficjentów.",
    "Coroczne sprawozdanie oraz ankieta skierowana do organizacji; mierniki: liczba zadań, wysokość środków, liczba wolontariuszy.",
]

CREATION = [
    "Projekt opracował urząd na podstawie propozycji organizacji; konsultacje przeprowadzono w formie opinii pisemnych i spotkania, zgłoszono {n} uwag, uwzględniono część z nich.",
    "Projekt przygotował zespół złożony z przedstawicieli urzędu i organizacji; konsultacje trwały dwa tygodnie, wpłynęło {n} opinii.",
    "Projekt zamieszczono w Biuletynie Informacji Publicznej i na tablicy ogłoszeń; w konsultacjach zgłoszono {n} uwag, które rozpatrzono i opisano w raporcie z konsultacji.",
]

COMMISSIONS = [
    "Komisję konkursową powołuje organ wykonawczy zarządzeniem; w jej skład wchodzą pracownicy urzędu i osoby wskazane przez organizacje, z wyłączeniem osób z organizacji biorących udział w konkursie.",
    "Komisje powołuje wójt; w skład wchodzą przedstawiciele organizacji.",
    "Komisje konkursowe powołuje zarząd; co najmniej połowa członków to osoby wskazane przez organizacje, a komisja działa na podstawie regulaminu przyjętego zarządzeniem.",
]

CONSULT_FORMS = ["opinie pisemne", "spotkanie konsultacyjne", "formularz elektroniczny", "spotkanie"]

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXX", "XXXV", "XL", "XLII", "XLV", "L"]


def d(y, m, day):
    return dt.date(y, m, day)


def iso(x):
    return Date(x.isoformat())


def money(rng, grosze):
    """An amount in one of the ways people write it."""
    zl, gr = divmod(grosze, 100)
    style = rng.random()
    if style < 0.45 and gr == 0:
        return zl
    if style < 0.7:
        return float("%d.%02d" % (zl, gr))
    text = "{:,}".format(zl).replace(",", " ")
    return "%s,%02d zł" % (text, gr)


def act(rng, year):
    return "%s/%d/%d" % (rng.choice(ROMAN), rng.randint(10, 450), year)


def text(rng, pool, **kw):
    s = rng.choice(pool).format(**kw)
    return Folded(s) if rng.random() < 0.15 else s


def genitive(name):
    return name.replace("Gmina ", "Gminy ", 1).replace("Powiat ", "Powiatu ", 1)


def jst(rng, kind):
    place = rng.choice(PLACES)
    if kind == "MultiAnnualProgramme" and rng.random() < 0.5:
        j = {"name": "Powiat " + place, "type": "powiat"}
    else:
        j = {"name": "Gmina " + place, "type": "gmina"}
    if rng.random() < 0.6:
        j["teryt"] = "%07d" % rng.randint(0, 3299999)
    return j


def programme(rng, kind, defect):
    j = jst(rng, kind)
    if kind == "AnnualProgramme":
        year = rng.randint(2017, 2027)
        first, last = d(year, 1, 1), d(year, 12, 31)
    else:
        year = rng.randint(2017, 2026)
        first, last = d(year, 1, 1), d(year + rng.randint(2, 4), 12, 31)
    prev = year - 1
    started = d(prev, rng.randint(9, 10), rng.randint(1, 20))
    ended = started + dt.timedelta(days=rng.choice([14, 14, 21, 30]))
    if kind == "AnnualProgramme":
        latest = d(prev, 11, 30)
    else:
        latest = d(prev, 12, 28)
    adopted = ended + dt.timedelta(days=rng.randint(1, max(1, (latest - ended).days)))
    ntasks = rng.randint(3, 7)
    tasks = []
    total = 0
    for t in rng.sample(TASKS, ntasks):
        amount = rng.randint(5, 150) * 100000 + (rng.choice([0, 0, 0, 50, 2550]))
        total += amount
        task = {"name": t[0], "area": t[1], "amount": money(rng, amount)}
        if rng.random() < 0.1:
            del task["amount"]
            total -= amount
        tasks.append(task)
    funds = total + rng.randint(0, 20) * 100000
    doc = {"kind": kind, "jst": j}
    if kind == "AnnualProgramme":
        doc["year"] = year
        title = "Roczny program współpracy %s z organizacjami pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy na rok %d" % (genitive(j["name"]), year)
    else:
        title = "Wieloletni program współpracy %s z organizacjami pozarządowymi na lata %d-%d" % (genitive(j["name"]), first.year, last.year)
    doc["title"] = title
    res = {"number": act(rng, prev), "adopted_on": iso(adopted)}
    if rng.random() < 0.5:
        res["title"] = "w sprawie przyjęcia programu współpracy na rok %d" % year
    doc["resolution"] = res
    doc["objectives"] = {"main": rng.choice(OBJ_MAIN), "specific": rng.sample(OBJ_SPECIFIC, rng.randint(2, 5))}
    principles = list(PRINCIPLES)
    if rng.random() < 0.2:
        principles.append("legalność")  # a note, not an error: the act does not forbid more
    doc["principles"] = principles
    doc["scope"] = "Współpraca obejmuje zadania publiczne, o których mowa w art. 4 ust. 1 ustawy, realizowane na rzecz mieszkańców."
    forms = rng.sample(FORMS[:5], rng.randint(2, 5))
    if rng.random() < 0.2:
        forms.append(rng.choice(EXTRA_FORMS))
    doc["forms"] = forms
    doc["priority_tasks"] = tasks
    doc["period"] = {"from": iso(first), "to": iso(last)}
    doc["implementation"] = text(rng, IMPLEMENTATION)
    doc["funds"] = money(rng, funds)
    doc["evaluation"] = text(rng, EVALUATION)
    doc["creation"] = text(rng, CREATION, n=rng.randint(0, 12))
    doc["commissions"] = text(rng, COMMISSIONS)
    consultation = {
        "basis": {"number": act(rng, rng.randint(2010, 2012)), "adopted_on": iso(d(rng.randint(2010, 2012), rng.randint(1, 12), rng.randint(1, 28)))},
        "started_on": iso(started),
        "ended_on": iso(ended),
        "forms": rng.sample(CONSULT_FORMS, rng.randint(1, 3)),
    }
    doc["consultation"] = consultation
    if rng.random() < 0.8:
        delivered = started
        given = delivered + dt.timedelta(days=rng.randint(3, 10))
        doc["council_opinion"] = {"council_exists": True, "delivered_on": iso(delivered), "given_on": iso(given), "attached": True}
    else:
        doc["council_opinion"] = {"council_exists": False}

    if defect == "missing_scope":
        del doc["scope"]
    elif defect == "missing_commissions":
        del doc["commissions"]
    elif defect == "consultation_unfinished":
        del consultation["ended_on"]
    elif defect == "consultation_not_started":
        del consultation["started_on"]
    elif defect == "opinion_not_attached":
        doc["council_opinion"] = {"council_exists": True, "delivered_on": iso(started),
                                  "given_on": iso(started + dt.timedelta(days=7)), "attached": False}
    elif defect == "negative_amount":
        tasks[0]["amount"] = -rng.randint(1, 50) * 1000
    elif defect == "negative_funds":
        doc["funds"] = -rng.randint(1, 50) * 10000
    elif defect == "year_as_string":
        doc["year"] = str(year)
    return doc


def report(rng, defect):
    year = rng.randint(2016, 2025)
    nxt = year + 1
    submitted = d(nxt, rng.randint(3, 5), rng.randint(1, 28))
    published = submitted + dt.timedelta(days=rng.randint(0, 3))
    planned = rng.randint(50, 3000) * 10000
    spent = planned - rng.randint(0, planned // 10)
    doc = {"kind": "ProgrammeReport", "jst": jst(rng, "ProgrammeReport"), "year": year}
    prog = {"number": act(rng, year - 1), "adopted_on": iso(d(year - 1, 11, rng.randint(1, 30)))}
    if rng.random() < 0.5:
        prog["title"] = "w sprawie przyjęcia Rocznego programu współpracy na rok %d" % year
    doc["programme"] = prog
    doc["submitted_on"] = iso(submitted)
    doc["published_on"] = iso(published)
    doc["bip_url"] = "https://bip.%s.example/sprawozdanie-z-realizacji-programu-%d" % (
        rng.choice(["gmina", "powiat", "um", "ug"]) + str(rng.randint(1, 999)), year)
    doc["funds_planned"] = money(rng, planned)
    doc["funds_spent"] = money(rng, spent)
    if defect == "not_submitted":
        del doc["submitted_on"]
    elif defect == "not_published":
        del doc["published_on"]
    elif defect == "negative_spent":
        doc["funds_spent"] = -rng.randint(1, 50) * 1000
    return doc


def document(seed, index, rate):
    """Document `index`: (doc, defect or None)."""
    rng = random.Random(seed * 1_000_003 + index)
    kind = KINDS[index % 3]
    defect = None
    if index > 0 and rng.random() < rate:
        defect = rng.choice(DEFECTS[kind])
    if kind == "ProgrammeReport":
        return report(rng, defect), defect
    return programme(rng, kind, defect), defect


# ---- YAML emission --------------------------------------------------------

def plain_ok(s, flow):
    if not s or s != s.strip() or "\n" in s:
        return False
    if not (s[0].isalpha()):
        return False
    bad = ":#'\"\t\\" + (",[]{}" if flow else "")
    if any(c in bad for c in s):
        return False
    if s.lower() in ("yes", "no", "on", "off", "y", "n", "true", "false", "null"):
        return False
    return True


def scalar(v, flow=False):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "%.2f" % v
    if isinstance(v, Date):
        return str(v)
    if plain_ok(v, flow):
        return v
    return json.dumps(v, ensure_ascii=False)


def fold(s, width=78):
    words = s.split(" ")
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    lines.append(cur)
    return lines


def flow_map(m):
    return "{" + ", ".join("%s: %s" % (k, scalar(v, True)) for k, v in m.items()) + "}"


def flow_seq(xs):
    return "[" + ", ".join(scalar(x, True) for x in xs) + "]"


def emit_value(out, key, v, indent, rng):
    pad = " " * indent
    if isinstance(v, dict):
        if all(not isinstance(x, (dict, list)) for x in v.values()) and rng.random() < 0.4:
            out.append("%s%s: %s" % (pad, key, flow_map(v)))
            return
        out.append("%s%s:" % (pad, key))
        for k, x in v.items():
            emit_value(out, k, x, indent + 2, rng)
    elif isinstance(v, list):
        if v and all(isinstance(x, dict) for x in v):
            out.append("%s%s:" % (pad, key))
            for x in v:
                out.append("%s  - %s" % (pad, flow_map(x)))
        elif all(len(x) < 40 for x in v) and rng.random() < 0.8:
            out.append("%s%s: %s" % (pad, key, flow_seq(v)))
        else:
            out.append("%s%s:" % (pad, key))
            for x in v:
                out.append("%s  - %s" % (pad, scalar(x)))
    elif isinstance(v, Folded):
        out.append("%s%s: >-" % (pad, key))
        for line in fold(str(v)):
            out.append("%s  %s" % (pad, line))
    else:
        out.append("%s%s: %s" % (pad, key, scalar(v)))


COMMENTS = {
    "objectives": "# pkt 1", "principles": "# pkt 2 (art. 5 ust. 3)", "scope": "# pkt 3",
    "forms": "# pkt 4 (art. 5 ust. 2)", "priority_tasks": "# pkt 5", "period": "# pkt 6",
    "implementation": "# pkt 7", "funds": "# pkt 8", "evaluation": "# pkt 9",
    "creation": "# pkt 10", "commissions": "# pkt 11",
}


def to_yaml(doc, index, rng):
    out = ["--- # document %d" % index]
    comments = rng.random() < 0.3
    for k, v in doc.items():
        if comments and k in COMMENTS:
            out.append(COMMENTS[k])
        emit_value(out, k, v, 0, rng)
    return "\n".join(out) + "\n"


def to_json(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def generator_id():
    """Identifies the generator's code: a corpus made by another version differs."""
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def generate(count, out_dir, seed=SEED, rate=0.05):
    os.makedirs(out_dir, exist_ok=True)
    base = os.path.join(out_dir, "docs-%d" % count)
    invalid = []
    with open(base + ".yaml", "w", encoding="utf-8", newline="\n") as fy, \
            open(base + ".jsonl", "w", encoding="utf-8", newline="\n") as fj:
        for i in range(count):
            doc, defect = document(seed, i, rate)
            if defect:
                invalid.append({"index": i, "kind": doc["kind"], "defect": defect})
            fy.write(to_yaml(doc, i, random.Random(seed ^ (i * 7919))))
            fj.write(to_json(doc) + "\n")
    expected = {
        "count": count, "seed": seed, "invalid_rate": rate, "as_of": AS_OF, "generator": generator_id(),
        "yaml": os.path.basename(base + ".yaml"), "jsonl": os.path.basename(base + ".jsonl"),
        "yaml_bytes": os.path.getsize(base + ".yaml"), "jsonl_bytes": os.path.getsize(base + ".jsonl"),
        "invalid": invalid,
    }
    with open(base + ".expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    return expected


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, action="append", required=True, help="documents (repeatable)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--invalid-rate", type=float, default=0.05)
    a = ap.parse_args()
    for n in a.count:
        e = generate(n, a.out, a.seed, a.invalid_rate)
        print("%s: %d documents, %d invalid, %d bytes YAML, %d bytes JSON lines" % (
            os.path.join(a.out, e["yaml"]), n, len(e["invalid"]), e["yaml_bytes"], e["jsonl_bytes"]))


if __name__ == "__main__":
    sys.exit(main())
