"""Coreference: surface forms that name the same actor are merged into one entity. Rules, in order: an acronym
defined in brackets is its long form ("World Health Organization (WHO)"); gazetteer aliases ("US" = "United
States"); an acronym equal to the initials of a longer name in the article; two spellings of one name
("GitHub" / "Github"); an outlet's acronym and its news brand ("NBC" / "NBC News"); a shorter organisation
name inside a longer one ("Home Office" / "United Kingdom Home Office") or abridging it ("Emergencies
Ministry" / "Emergency Situations Ministry"); a surname or forename alone is the full name it ends or starts;
a surname that is also a common word is still the person next to their full name ("Doris Day … Day said"); a
birth name is an alias.
"""

from __future__ import annotations

from ..lexicon import Lexicon, rule_sequence, rule_words
from ..names import fold, formal_state_place, is_acronym, is_place_name, name_core
from ..state import DocState, Entity
from .person_evidence import name_shaped

JOINER_WORDS = rule_words("actors_name_joiners")


def merge(small: Entity, big: Entity) -> None:
    """Fold `small` into `big` (both taken at their roots): forms, votes and counts add up."""
    small, big = small.root(), big.root()
    if small is big:
        return
    small.merged_into = big
    big.forms |= small.forms
    big.person_votes += small.person_votes
    big.org_votes += small.org_votes
    big.place_votes += small.place_votes
    big.thing_votes += small.thing_votes
    big.cand_count += small.cand_count
    big.title_votes += small.title_votes
    big.gender = big.gender or small.gender
    big.hinted = big.hinted or small.hinted
    big.strong = big.strong or small.strong
    for f, k in small.counts.items():
        big.counts[f] = big.counts.get(f, 0) + k
    big.minor |= small.minor
    if small.hinted and not big.hinted:
        big.name, big.kind = small.name, small.kind


def bracketed_acronyms(state: DocState) -> None:
    """"World Health Organization (WHO)" / "WHO (World Health Organization)": one organisation."""
    for long_form, short in state.acronym_links:
        a, b = state.by_form.get(long_form), state.by_form.get(short)
        if a and b:
            if is_acronym(short) or len(short) < len(long_form):
                merge(b, a)
            else:
                merge(a, b)


def known_aliases(state: DocState) -> None:
    """Forms a word list names as one actor: "US" and "United States", "ISIL" and "ISIS"."""
    lex = state.lex
    for aliases, targets in ((lex.place_aliases, frozenset(lex.place_aliases.values())),
                             (lex.org_aliases, lex.org_alias_targets)):
        groups: dict[str, Entity] = {}
        for form, e in list(state.by_form.items()):
            target = aliases.get(form, form if form in targets else None)
            if target is None:
                continue
            if target in state.by_form and state.by_form[target].root() is not e.root():
                merge(e, state.by_form[target])
            elif target in groups:
                merge(e, groups[target])
            else:
                groups[target] = e


def formal_state_names(state: DocState) -> None:
    """"the Islamic Republic of Iran … Iran": a state's formal name and the place it names are one actor."""
    for form, e in list(state.by_form.items()):
        place = formal_state_place(form.split(), state.lex)
        if place is not None and place in state.by_form:
            merge(e, state.by_form[place])


def initialisms(state: DocState) -> None:
    """An acronym equal to the initials of a multi-word name of the same article is that name.

    (Only the acronyms' initials are looked for: a name whose first word is capitalised has initials that
    open with its first letter, so a name opening with no acronym's first letter is passed over.)"""
    acronyms = [(form, e) for form, e in state.by_form.items()
                if is_acronym(form) and form not in state.lex.place_aliases]
    firsts = {form.replace(".", "")[:1] for form, _ in acronyms}
    initials: dict[str, Entity] = {}
    for form, e in state.by_form.items() if acronyms else ():
        if form[:1] in firsts or not form[:1].isupper():
            ws = [w for w in form.split() if w[:1].isupper()]
            if len(ws) >= 2:
                initials.setdefault("".join(w[0] for w in ws), e)
    for form, e in acronyms:
        key = form.replace(".", "")
        if key in initials and initials[key].root() is not e.root():
            merge(e, initials[key])


LETTER_FOLDS = str.maketrans(dict(pair.split("=", 1) for pair in rule_sequence("coreference_letter_folds")))
# (a plain ASCII form has none of the letters folded, so it is spared the per-character translation)
_FOLDS_ASCII = any(k < 128 for k in LETTER_FOLDS)


def spellings(state: DocState) -> None:
    """Spellings of one name: "GitHub" / "Github", "MarineTraffic" / "Marine Traffic", "Jarosław Kaczyński" /
    "Jaroslaw Kaczynski". The spelling with the name's own letters (accents, "ł") is its name, the plain
    one a typing of it; of two that differ only in case the one with more capitals (`_lower_case_minor`);
    otherwise the form met more often wins."""
    spelled: dict[str, Entity] = {}
    for form, e in list(state.by_form.items()):
        plain = form.isascii() and not _FOLDS_ASCII
        key = fold(form if plain else form.translate(LETTER_FOLDS)).replace(" ", "").replace("-", "")
        if len(key) < 4 or e.hinted:
            continue
        other = spelled.get(key)
        if other is None:
            spelled[key] = e
        elif other.root() is not e.root():
            a, b = sorted((e, other), key=lambda x: (_accented(x.root().name), x.root().cand_count))
            if _accented(b.root().name) > _accented(a.root().name):
                b.root().minor.add(a.root().name)  # the plain typing never becomes the name
            merge(a, b)
            _lower_case_minor(b.root(), form, other.root().name)


def _lower_case_minor(e: Entity, one: str, two: str) -> None:
    """"the Democratic Party" / "the Democratic party": of two spellings that differ only in case, the one
    with fewer capitals is the name written as common words, never the name."""
    if one != two and one.lower() == two.lower():
        e.minor.add(min((one, two), key=lambda f: sum(map(str.isupper, f))))


def _accented(name: str) -> int:
    """How many letters of `name` are not plain ASCII."""
    return sum(1 for c in name if ord(c) > 127 and c.isalpha())


def outlet_brands(state: DocState) -> None:
    """An outlet's acronym and its news brand: "NBC" / "NBC News"."""
    lex, by_form = state.lex, state.by_form
    for form, e in list(by_form.items()):
        ws = form.split()
        if len(ws) == 2 and is_acronym(ws[0]) and ws[1] in lex.media_heads and ws[0] in by_form \
                and not is_place_name(ws[0], lex):
            merge(by_form[ws[0]], e)


def nested_organisations(state: DocState) -> None:
    """A shorter organisation name inside a longer one is the same body ("Home Office" / "United Kingdom
    Home Office", "Scientology" / "Church of Scientology"), when only one longer name holds it."""
    lex = state.lex
    orgs = [e for e in state.entities if e.merged_into is None and not e.hinted and e.place_votes == 0
            and (e.org_votes > 0 and e.org_votes >= e.person_votes or len(e.name.split()) == 1 and not e.person_votes)]
    org_words = [(e, e.name.split()) for e in orgs]
    # a host holds every word of the shorter name, so only the names sharing its first word are tried
    by_word: dict[str, list[tuple[Entity, list[str]]]] = {}
    for b, bws in org_words:
        for w in dict.fromkeys(bws):
            by_word.setdefault(w, []).append((b, bws))
    for e, ws in org_words:
        if e.merged_into is not None or is_place_name(e.name, lex) or (
                e.name in lex.known_orgs and not (len(ws) >= 2 and ws[-1] in lex.org_heads)
                and not any(_country_body(bws, ws, lex) for _, bws in by_word.get(ws[0], ()))):
            # (a generic known institution such as "Supreme Court" may still belong to a longer name, and
            # a known body to its country's full name: "United States House of Representatives"; not to an
            # adjective: "English Wikipedia", "American YouTube" are a brand's edition or a description)
            continue
        hosts = {id(b.root()): b.root() for b, bws in (by_word.get(ws[0], ()) if ws else org_words)
                 if b is not e and _holds(bws, ws, lex)}
        if len(hosts) == 1:
            merge(e, next(iter(hosts.values())))


def _holds(bws: list[str], ws: list[str], lex: Lexicon) -> bool:
    if len(bws) <= len(ws):
        return False
    if bws[0] in lex.nationalities and len(bws) > len(ws) + 1 and bws[1:len(ws) + 1] == ws:
        bws = bws[1:]  # "Italian Supreme Court of Cassation" holds "Supreme Court"
    if _national_body(bws, ws, lex):
        return True
    if len(ws) == 1:  # "Church of Scientology", "Summer Institute of Linguistics": the word after "<head> of"
        return len(bws) >= 3 and bws[-2] == "of" and bws[-1] == ws[0] and bws[-3] in lex.org_heads
    # "United States Air Force" / "Supreme Court of Cassation" (but not the sub-unit "Boston University
    # School of …" or the "… Centre of the Coast Guard")
    return ws[-1] in lex.org_heads and (
        bws[-len(ws):] == ws and bws[-len(ws) - 1] not in JOINER_WORDS
        or bws[:len(ws)] == ws and bws[len(ws)] == "of")


def _country_body(bws: list[str], ws: list[str], lex: Lexicon) -> bool:
    """The longer name is the shorter one after the name of a place ("United States House of …")."""
    n = len(ws)
    return len(bws) > n and bws[-n:] == ws and is_place_name(" ".join(bws[:-n]), lex)


def _national_body(bws: list[str], ws: list[str], lex: Lexicon) -> bool:
    """"Indian Railways" … "the Railways", "United States House of Representatives" … "the House of
    Representatives": a country's body is called by its own words once the country is known; the longer
    name is those words after a nationality or a place."""
    n = len(ws)
    if len(bws) <= n or bws[-n:] != ws:
        return False
    prefix = bws[:-n]
    return all(w in lex.nationalities or is_place_name(w, lex) for w in prefix) \
        or is_place_name(" ".join(prefix), lex)


def abridged_organisations(state: DocState) -> None:
    """"the Emergency Situations Ministry … the Emergencies Ministry": a shorter organisation name that ends
    in the same head noun (an organisation head) as a longer one, and whose other words each match a word of
    the longer name's, in order, by stem ("Emergencies" / "Emergency"), names the same body, when only one
    longer name fits. A longer name with "of" is no host: the body after "of" is the parent of the one it
    names ("Centre of the Coast Guard"), and so is a coordination ending in the shorter name (two bodies:
    "South West Railway and Mysore Division"). The contiguous case ("Home Office" / "UK Home Office") is
    `nested_organisations`'."""
    lex = state.lex
    orgs = [(e, _stems(e.name.split())) for e in state.entities
            if e.root() is e and not e.hinted and e.org_votes > 0 and e.org_votes >= e.person_votes + e.place_votes
            and len(e.name.split()) >= 2 and e.name.split()[-1] in lex.org_heads]
    hosts_ok = [(b, bws) for b, bws in orgs if "of" not in b.name.split()]
    for e, ws in orgs:
        if e.root() is not e or e.name in lex.known_orgs:
            continue
        hosts = {id(b.root()): b.root() for b, bws in hosts_ok
                 if b.root() is not e and len(bws) > len(ws) and bws[-1] == ws[-1] and _in_order(ws[:-1], bws[:-1])
                 and not _coordinated_tail(b.name.split(), e.name.split())}
        if len(hosts) == 1:
            merge(e, next(iter(hosts.values())))


MAX_SECTOR_WORDS = 2  # "Ford Motor Company", "Acme Steel Works Ltd": words between the short name and its legal form


def company_short_names(state: DocState) -> None:
    """"Ford Motor Company … Ford said": a company is called by its name without its legal form ("Company",
    "Inc.", "Group") and the sector words before it ("Motor"). A name that opens exactly one company name
    of the article, the rest of which is at most two capitalised common words and a legal form, is that
    company. Not a place ("Texas … Texas Instruments Inc."), not the surname of a person of the article
    ("Henry Ford … Ford"), not another organisation the lists know, and not a person with a title."""
    lex = state.lex
    hosts: dict[str, list[Entity]] = {}
    for e in state.entities:
        ws = e.name.split()
        if e.root() is e and len(ws) >= 2 and ws[-1] in lex.legal_forms and e.org_votes >= e.person_votes:
            for k in range(1, len(ws) - 1):
                if len(ws) - 1 - k <= MAX_SECTOR_WORDS and _sector_words(ws[k:-1], lex):
                    hosts.setdefault(" ".join(ws[:k]), []).append(e)
    if not hosts:
        return  # (most articles name no company with its legal form)
    surnames = {fold(e.name.split()[-1]) for e in state.entities if e.root() is e and is_personish(e)}
    for form, owners in hosts.items():
        short = state.by_form.get(form)
        if short is None or len({id(o.root()) for o in owners}) != 1 or short.root() is owners[0].root() \
                or short.hinted or short.title_votes or is_place_name(form, lex) or form in lex.known_orgs \
                or fold(form) in surnames:
            continue
        merge(short, owners[0])


def _sector_words(ws: list[str], lex: Lexicon) -> bool:
    """Capitalised common words that say what a company does ("Motor", "Steel Works"), not names."""
    return all(w[:1].isupper() and w.lower() in lex.common_words and not lex.is_forename(w)
               and w not in lex.function_words for w in ws)


def _coordinated_tail(bws: list[str], ws: list[str]) -> bool:
    """"South West Railway and Mysore Division": the shorter name is the second of two coordinated bodies."""
    return len(bws) > len(ws) and bws[-len(ws):] == ws and bws[-len(ws) - 1] in JOINER_WORDS


def _stems(ws: list[str]) -> list[str]:
    """The capitalised words of a name, each cut to a rough stem: "Emergencies" and "Emergency" meet."""
    out = []
    for w in ws:
        if w[:1].isupper():
            lw = w.lower()
            lw = lw[:-3] + "y" if lw.endswith("ies") else lw[:-1] if lw.endswith("s") else lw
            out.append(lw)
    return out


def _in_order(short: list[str], long: list[str]) -> bool:
    """Every word of `short` is a word of `long`, in the same order (`short` not empty)."""
    it = iter(long)
    return bool(short) and all(w in it for w in short)


def is_personish(e: Entity) -> bool:
    return e.person_votes > 0 and e.person_votes >= e.org_votes + e.place_votes or e.kind == "person"


def person_names(state: DocState) -> None:
    """Surname-only and forename-only mentions join the full name; shorter full names join longer ones."""
    lex = state.lex
    persons = [e for e in state.entities if e.merged_into is None and is_personish(e) and len(e.name.split()) >= 2]
    last_index: dict[str, list[Entity]] = {}
    first_index: dict[str, list[Entity]] = {}
    by_ends: dict[tuple[str, str], list[Entity]] = {}
    cores = {p.name: name_core(p.name.split()) for p in persons}  # (each name's core, taken once for every use)
    for p in persons:
        ws = cores[p.name]
        last_index.setdefault(fold(ws[-1]), []).append(p)
        first_index.setdefault(fold(ws[0]), []).append(p)
        by_ends.setdefault((ws[0], ws[-1]), []).append(p)
    for group in by_ends.values():
        if len(group) > 1:
            group.sort(key=lambda x: -len(x.name.split()))
            for p in group[1:]:
                merge(p, group[0])
    _compound_surnames(persons, cores)
    titled_names(state, persons)
    for e in state.entities:
        if e.merged_into is not None or len(e.name.split()) != 1 or e.hinted:
            continue
        w, fw = e.name, fold(e.name)
        if w in lex.places and fw not in last_index:
            continue
        cands_last = {x.root().name: x.root() for x in last_index.get(fw, [])}
        if cands_last:
            # prefer the most mentioned full name when surnames collide
            target = max(cands_last.values(), key=lambda x: len(x.forms))
            if _forename_led(target.name, lex):
                e.place_votes = 0  # "John Bolton … Bolton said": the town's gazetteer votes are no person's
            merge(e, target)
            continue
        cands_first = {x.root().name: x.root() for x in first_index.get(fw, [])}
        if len(cands_first) == 1 and w not in lex.places and w not in lex.known_orgs and forename_shaped(w):
            merge(e, next(iter(cands_first.values())))


def _forename_led(name: str, lex: Lexicon) -> bool:
    """The name opens with a forename that is no place's name ("John Bolton", unlike "London Waterloo")."""
    first = name.split()[0]
    return lex.is_forename(first) and not is_place_name(first, lex)


def forename_shaped(word: str) -> bool:
    """A forename is written in letters, a capital and then lower case ("Ken", "Jean-Luc", "D'Arcy"): an
    acronym or a word with digits ("G7 … the G7 Summit", "NASA") is nobody's forename."""
    return word[:1].isupper() and any(map(str.islower, word)) and not any(map(str.isdigit, word))


def titled_names(state: DocState, persons: list[Entity]) -> None:
    """"Speaker Pelosi … Nancy Pelosi", "IM Dorsa Derakhshani … Dorsa Derakhshani", "Administrator Jim
    Bridenstine", "Fifteen-year-old Robert": words glued before a name that are no part of it leave the name
    they precede. The titled form joins the person the rest names exactly (the glued words: titles, role
    words, short acronyms, modifiers, or words the article also writes in lower case), or, after a title, the
    one full name a lone surname ends; a person titled with known titles or modifiers only, with no such
    other person, takes the rest as name. The titled form stays a form (its mentions are found) but never
    becomes the canonical name."""
    full: dict[str, Entity] = {fold(p.name): p for p in persons}
    for e in state.entities:
        if e.merged_into is not None or e.hinted or len(e.name.split()) < 2:
            continue
        ws = e.name.split()
        k = _title_prefix(state, ws, lower_ok=True)
        if k == 0:
            continue  # (most names: no glued word of any kind, so none of the stricter kind either)
        target = full.get(fold(" ".join(ws[k:]))) if 0 < k <= len(ws) - 2 and _name_rest(state, ws[k:]) else None
        if target is None:
            k = _title_prefix(state, ws, lower_ok=False)
            if k == len(ws) - 1 and all(_known_title(state, w) for w in ws[:k]):
                target = _one_full_name(state, persons, ws[-1], e)
        if target is not None and target.root() is not e:
            e.minor.add(e.name)
            merge(e, target)  # (a full name's kind wins: "IM Dorsa Derakhshani" was taken for a body)
        elif k and is_personish(e) and ws[k][:1].isupper() and all(
                _known_title(state, w) or _modifiers([w]) for w in ws[:k]) and (k <= len(ws) - 2 or _modifiers(ws[:k])):
            e.minor.add(e.name)
            e.forms.add(" ".join(ws[k:]))
            state.by_form.setdefault(" ".join(ws[k:]), e)


MAX_TITLE_ACRONYM = 3  # "IM", "GM", "MP" before a name


def _title_prefix(state: DocState, ws: list[str], lower_ok: bool) -> int:
    """How many leading words of a name are glued-on titles, role words, short acronyms or modifiers (with
    `lower_ok`, also words the article writes in lower case: "Assemblywoman"); a forename never is one."""
    lower = state.stats.lower_seen if lower_ok else frozenset()
    k = 0
    while k < len(ws) - 1 and not state.lex.is_forename(ws[k]) and (
            _known_title(state, ws[k]) or _modifiers(ws[k:k + 1]) or ws[k].lower() in lower
            or (is_acronym(ws[k]) and len(ws[k]) <= MAX_TITLE_ACRONYM)):
        k += 1
    return k


def _name_rest(state: DocState, ws: list[str]) -> bool:
    """What is left is a name, not more titles ("Woman Grand Master" is no titled "Grand Master")."""
    return ws[0].lower() not in state.stats.lower_seen and not any(_known_title(state, w) for w in ws)


def _known_title(state: DocState, w: str) -> bool:
    return (w,) in state.lex.titles or w.lower() in state.lex.role_words


def _modifiers(ws: list[str]) -> bool:
    """Hyphenated modifiers that no name is made of: an age ("Fifteen-year-old": three parts or more, all
    lower case after the first) or a prefixed role ("Co-author", "Ex-president")."""
    def modifier(w: str) -> bool:
        parts = w.split("-")
        return len(parts) >= 2 and all(p[:1].islower() for p in parts[1:] if p) and (
            len(parts) >= 3 or parts[0].lower() in MODIFIER_PREFIXES)
    return bool(ws) and all(modifier(w) for w in ws)


MODIFIER_PREFIXES = rule_words("coreference_modifier_prefixes")


def _one_full_name(state: DocState, persons: list[Entity], last: str, e: Entity) -> Entity | None:
    """The one person (other than `e`) whose full name, opening with a forename (listed, or unknown in a
    name-shaped pair: `name_shaped`), ends in `last`."""
    owners = {id(p.root()): p.root() for p in persons
              if p.root() is not e and len(p.name.split()) >= 2 and fold(p.name.split()[-1]) == fold(last)
              and (state.lex.is_forename(p.name.split()[0]) or name_shaped(p.name.split(), state.lex))}
    return next(iter(owners.values())) if len(owners) == 1 else None


def _compound_surnames(persons: list[Entity], cores: dict[str, list[str]]) -> None:
    """"Pasquale "Pat" Di Cicco … Di Cicco", "Eddie Van Halen … Van Halen": a two-word name met alone
    joins the one longer name (three words or more) that ends in it: a compound surname. (`cores`: the
    cores of the names already taken, by name: a merge may rename a person after a hinted form.)"""
    tails: dict[tuple[str, ...], list[Entity]] = {}
    for p in persons:
        ws = cores.get(p.name) or name_core(p.name.split())
        if len(ws) >= 3:
            tails.setdefault(tuple(ws[-2:]), []).append(p)
    for p in persons:
        ws = cores.get(p.name) or name_core(p.name.split())
        owners = {x.root().name: x.root() for x in tails.get(tuple(ws), [])} if len(ws) == 2 else {}
        if len(owners) == 1 and p.merged_into is None:
            owner = next(iter(owners.values()))
            if owner is not p:
                merge(p, owner)


def common_word_surnames(state: DocState) -> None:
    """"Doris Day … Day said": the filters dropped the bare common word, but next to a known full name
    (and no other name ending in it) it is that person."""
    lex = state.lex
    tok_texts = state.stats.cap_seen
    last_words: dict[str, int] = {}
    for x in state.entities:
        if x.merged_into is None:
            for lw in {f.split()[-1] for f in x.forms if f.split()}:
                last_words[lw] = last_words.get(lw, 0) + 1
    for e in state.entities:
        if e.merged_into is not None or not e.strong or not is_personish(e) or e.hinted:
            continue
        full_forms = [f for f in e.forms if len(f.split()) >= 2]
        if not full_forms:
            continue
        last = name_core(max(full_forms, key=lambda f: (len(f), f)).split())[-1]
        if last in state.by_form or last not in tok_texts or last_words.get(last, 0) > 1 \
                or not _bare_surname_ok(last, lex):
            continue
        e.forms.add(last)
        state.by_form[last] = e


def _bare_surname_ok(last: str, lex: Lexicon) -> bool:
    return last.isalpha() and last[:1].isupper() and last not in lex.time_words \
        and last not in lex.function_words and last not in lex.nationalities and last not in lex.caps_stop \
        and last not in lex.places and not is_acronym(last)


def birth_names(state: DocState) -> None:
    """"Ginger Baker was born Peter Edward Baker": the birth name is a minor alias of the person."""
    for subject, birth in state.born_links:
        a, b = state.by_form.get(birth), state.by_form.get(subject)
        if a is not None and b is not None and a.root() is not b.root() and not a.root().hinted:
            a.root().minor |= set(a.root().forms)
            merge(a, b)
