"""Realistic synthetic regional maps, for tests, benchmarks and training: services of a region's
territories by sector and domain, their professionals, service users with multiple needs and the
people around them, care teams that cover most needs, coordination and partnerships (some without
an agreement), referrals, funding, information exchanges (some without consent) and network
meetings with decisions — with the flaws real maps have, in proportions stated below.

Everything is drawn from one seeded generator: the same arguments give the same map.
"""

from __future__ import annotations

import random
from typing import Any

from .network import Network

PLACES = ["Valmont", "Port-Lac", "Les Combes", "Orval", "Saint-Aubin", "Belprahon", "Courtelary", "La Neuveville",
          "Tramelan", "Bévilard", "Reconvilier", "Sonceboz", "Corgémont", "Péry", "Plagne", "Nods", "Diesse",
          "Lamboing", "Prêles", "Orvin", "Romont", "Vauffelin", "Frinvillier", "Champoz"]

# What each sector's services answer (need domains of the default vocabulary).
SECTOR_DOMAINS = {
    "social": ["income", "administration", "housing", "family", "debt", "food"],
    "health": ["health", "elderly_care", "mobility"],
    "mental_health": ["mental_health", "addiction"],
    "housing": ["housing"],
    "employment": ["employment", "training", "income"],
    "justice": ["legal", "debt"],
    "education": ["training", "child_protection"],
    "youth": ["child_protection", "family", "social_ties"],
    "disability": ["disability", "mobility", "employment"],
    "elderly": ["elderly_care", "social_ties", "mobility"],
    "migration": ["migration", "administration", "training"],
    "culture": ["social_ties"],
}
SERVICE_NAMES = {
    "social": "Service social", "health": "Centre médico-social", "mental_health": "Centre de santé mentale",
    "housing": "Office du logement", "employment": "Office de l'emploi", "justice": "Permanence juridique",
    "education": "École", "youth": "Service jeunesse", "disability": "Fondation pour personnes handicapées",
    "elderly": "Pro Senectute", "migration": "Centre d'intégration", "culture": "Centre d'animation",
}
PROFESSIONS = {
    "social": "assistant·e social·e", "health": "infirmier·ère", "mental_health": "psychologue",
    "housing": "conseiller·ère en logement", "employment": "conseiller·ère en insertion", "justice": "juriste",
    "education": "enseignant·e", "youth": "éducateur·rice", "disability": "éducateur·rice spécialisé·e",
    "elderly": "animateur·rice", "migration": "médiateur·rice interculturel·le", "culture": "animateur·rice",
}

# Proportions of the actors; the rest are the people around the users.
ORGANISATIONS, PROFESSIONALS, USERS = 0.12, 0.18, 0.15
MEMBER_SHARE = 0.6             # organisations in the network under analysis
NEED_COVERED = 0.8             # a user's need with a service of the matching domain in the team
CONSENT_GIVEN = 0.85           # information exchanges about a user with recorded consent
CONFLICTUAL = 0.08             # primary ties that are conflictual
FULL_AGREEMENT, PARTIAL_AGREEMENT = 0.35, 0.35  # partnerships; the rest have none
MEETING_USERS = 0.1            # users followed in network meetings


def regional_map_dict(actors: int = 2000, seed: int = 0, name: str | None = None) -> dict[str, Any]:
    """The map as a dict of the JSON format (see :func:`regional_map`)."""
    if actors < 20:
        raise ValueError(f"a regional map needs at least 20 actors, got {actors}")
    rng = random.Random(seed)
    n_territories = max(3, min(len(PLACES), actors // 120))
    territories = PLACES[:n_territories] if n_territories <= len(PLACES) else PLACES
    n_org = max(6, int(actors * ORGANISATIONS))
    n_pro = int(actors * PROFESSIONALS)
    n_users = max(2, int(actors * USERS))
    n_people = actors - n_org - n_pro - n_users
    records: list[dict[str, Any]] = []
    ties: list[dict[str, Any]] = []
    sectors = list(SECTOR_DOMAINS)

    orgs = []
    for i in range(n_org):
        sector = sectors[i % len(sectors)] if i < len(sectors) else rng.choice(sectors)
        territory = rng.choice(territories)
        kind = "network" if i % 45 == 44 else "organisation"
        org = {"id": f"org{i}", "kind": kind, "label": f"{SERVICE_NAMES[sector]} {territory} ({i})", "sector": sector,
               "status": rng.choices(["public", "associative", "private"], [5, 4, 1])[0], "territory": territory,
               "domains": rng.sample(SECTOR_DOMAINS[sector], rng.randint(1, min(3, len(SECTOR_DOMAINS[sector])))),
               "member": rng.random() < MEMBER_SHARE}
        if rng.random() < 0.3:
            org["service_area"] = sorted({territory, *rng.sample(territories, min(2, len(territories)))})
        orgs.append(org)
    records.extend(orgs)
    by_domain: dict[str, list[dict[str, Any]]] = {}
    for org in orgs:
        for d in org["domains"]:
            by_domain.setdefault(d, []).append(org)

    staff: dict[str, list[str]] = {o["id"]: [] for o in orgs}
    employers = [o for o in orgs if o["kind"] == "organisation"]
    for i in range(n_pro):
        org = rng.choice(employers)
        pid = f"pro{i}"
        records.append({"id": pid, "kind": "professional", "label": f"Intervenant·e {i}", "organisation": org["id"],
                        "profession": PROFESSIONS[org["sector"]]})
        staff[org["id"]].append(pid)
        ties.append({"source": pid, "target": org["id"], "relation": "membership"})

    users = []
    all_domains = sorted(by_domain)
    for i in range(n_users):
        needs = rng.sample(all_domains, rng.choices([1, 2, 3, 4], [2, 4, 3, 1])[0])
        user = {"id": f"usr{i}", "kind": "person", "role": "user", "label": f"Usager·ère {i}", "needs": needs,
                "territory": rng.choice(territories)}
        users.append(user)
    records.extend(users)

    for i in range(n_people):
        user = users[i % n_users]
        role = rng.choices(["family", "friend", "neighbour", "colleague"], [5, 3, 1, 1])[0]
        pid = f"per{i}"
        records.append({"id": pid, "kind": "person", "role": role, "label": f"Proche {i}"})
        relation = {"family": "family", "friend": "friendship", "neighbour": "neighbourhood", "colleague": "work"}[role]
        valence = "conflictual" if rng.random() < CONFLICTUAL else rng.choice(["supportive", "supportive", "ambivalent"])
        ties.append({"source": user["id"], "target": pid, "relation": relation, "valence": valence})

    # Care teams: for most needs, a service of that domain (its professional when it has staff).
    for user in users:
        team: list[str] = []
        for need in user["needs"]:
            if rng.random() > NEED_COVERED or need not in by_domain:
                continue
            near = [o for o in by_domain[need] if o["territory"] == user["territory"]] or by_domain[need]
            org = rng.choice(near)
            who = rng.choice(staff[org["id"]]) if staff[org["id"]] and rng.random() < 0.7 else org["id"]
            if who not in team:
                team.append(who)
                ties.append({"source": user["id"], "target": who, "relation": "accompaniment", "formality": "formal"})
        for a, b in zip(team, team[1:]):
            if rng.random() < 0.5:
                exchange = {"source": a, "target": b, "relation": "information", "about": user["id"]}
                if rng.random() < CONSENT_GIVEN:
                    exchange["consent"] = True
                ties.append(exchange)
            elif rng.random() < 0.4:
                ties.append({"source": a, "target": b, "relation": "referral", "about": user["id"]})

    # Organisations: coordination within a territory, partnerships, referrals, funding.
    public = [o for o in orgs if o["status"] == "public"] or orgs
    for org in orgs:
        same = [o for o in orgs if o["territory"] == org["territory"] and o is not org]
        for other in rng.sample(same, min(len(same), rng.randint(0, 3))):
            ties.append({"source": org["id"], "target": other["id"], "relation": "coordination"})
        if rng.random() < 0.35:
            other = rng.choice(orgs)
            if other is not org:
                partnership: dict[str, Any] = {"source": org["id"], "target": other["id"], "relation": "partnership",
                                               "since": str(rng.randint(2005, 2024))}
                draw = rng.random()
                if draw < FULL_AGREEMENT:
                    partnership["convention"] = {"signed": True, "tasks": ["permanence commune"], "means": ["0,1 EPT"],
                                                 "contributions": ["locaux"], "responsibilities": ["coordination"],
                                                 "expected_results": ["délai de prise en charge réduit"]}
                    partnership["last_activity"] = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-15"
                elif draw < FULL_AGREEMENT + PARTIAL_AGREEMENT:
                    partnership["convention"] = {"signed": rng.random() < 0.5, "tasks": ["échanges de situations"]}
                ties.append(partnership)
        if rng.random() < 0.3:
            other = rng.choice(orgs)
            if other is not org:
                ties.append({"source": org["id"], "target": other["id"], "relation": "referral"})
        funders = [o for o in public if o is not org]
        if org["status"] == "associative" and funders and rng.random() < 0.5:
            ties.append({"source": rng.choice(funders)["id"], "target": org["id"], "relation": "funding"})

    meetings = []
    for k, user in enumerate(rng.sample(users, max(1, int(n_users * MEETING_USERS)))):
        team = [t["target"] for t in ties if t["source"] == user["id"] and t["relation"] == "accompaniment"]
        organisations = [o["id"] for o in orgs]
        for m in range(rng.randint(1, 3)):
            facilitator = rng.choice(organisations)
            participants = sorted(set(team) | ({user["id"]} if rng.random() < 0.7 else set()))
            decisions = []
            for d in range(rng.randint(0, 3)):
                decision: dict[str, Any] = {"id": f"d{k}-{m}-{d}", "what": "Prendre contact et faire le point",
                                            "status": rng.choice(["open", "done", "in_progress"])}
                if team and rng.random() < 0.85:
                    decision["who"] = rng.choice(team)
                if rng.random() < 0.8:
                    decision["due"] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                decisions.append(decision)
            meetings.append({"id": f"m{k}-{m}", "date": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                             "about": user["id"], "facilitator": facilitator,
                             "minute_taker": facilitator if rng.random() < 0.2 else rng.choice(organisations),
                             "participants": participants, "minutes_sent_to": participants[: max(0, len(participants) - 1)],
                             "decisions": decisions})
    # Inhabitants of each territory, some hundreds per user followed there (their own generator, so
    # that the rest of the map is the same as before territories had a population).
    people = random.Random(f"{seed}/population")
    users_in = {t: sum(1 for r in records if r.get("role") == "user" and r.get("territory") == t) for t in territories}
    places = [{"name": t, "population": max(500, int(round(users_in[t] * people.uniform(150, 400), -1)))}
              for t in territories]
    network = {"name": name or f"Réseau régional synthétique ({actors} acteurs, graine {seed})",
               "legal_status": "association", "genesis": "Carte générée pour les essais.",
               "objectives": ["coordonner l'accompagnement des personnes aux besoins multiples"],
               "domains": all_domains, "territory": places,
               "coordination": {"coordinators": [orgs[0]["id"]], "how": "séances mensuelles"},
               "financing": [{"funder": public[0]["id"], "kind": "direct", "nature": "subvention"}],
               "users": {"description": "personnes aux besoins multiples", "role": "participent aux séances"}}
    return {"maillage": 1, "network": network, "actors": records, "ties": ties, "meetings": meetings}


def regional_map(actors: int = 2000, seed: int = 0, name: str | None = None) -> Network:
    """A realistic synthetic regional map of about ``actors`` actors (12% organisations and
    networks, 18% professionals, 15% service users, the rest people around the users), seeded."""
    return Network.from_dict(regional_map_dict(actors, seed, name), name=f"<generated {actors}/{seed}>")
