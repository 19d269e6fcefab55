"""A new product from its first offer: name, brand, model, category, attributes, signature."""

from __future__ import annotations

import re
from typing import Any

from matching.attributes import UNIT_RE, Attributes
from matching.lexicon import COLOURS, FILLER
from matching.naming import display_brand, display_name
from matching.normalise import fold, tokens

# Checked in order: the first rule with a shared word wins (earbuds before smartphones:
# "Galaxy Buds3" is not a phone; laptops before GPUs: "ROG Strix G16 RTX 5070" is a laptop).
CATEGORY_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("earbuds", frozenset("airpods buds ecouteurs earbuds earphones intra wf".split())),
    (
        "gpu-datacenter",
        frozenset(
            "h100 h200 b200 b300 h20 h800 a100 a800 l40s l40 gb200 mi300x mi325x sxm nvl "
            "hbm3 hbm3e hbm2e datacenter accelerateur tensor".split()
        ),
    ),
    (
        "laptop",
        frozenset(
            "macbook laptop notebook ordinateur zenbook vivobook thinkpad ideapad xps yoga "
            "elitebook probook chromebook".split()
        ),
    ),
    ("gpu", frozenset("rtx gtx geforce radeon rx graphique graphics gddr6 gddr7 gddr6x".split())),
    ("smartphone", frozenset("iphone smartphone galaxy pixel telephone mobile".split())),
)
# Words that name the category, the packaging or a processor generation ("Kaby Lake"), not
# the model.
GENERIC = frozenset(
    """
    carte graphique graphics card gpu pour datacenter accelerateur acceleratrice tensor core
    smartphone telephone mobile portable pc laptop ordinateur notebook ecouteurs sans fil
    wireless true earbuds bluetooth intra auriculaires gddr5 gddr6 gddr6x gddr7 hbm2e hbm3
    hbm3e ram ssd go dualsim sim ds 5g 4g lte debloque unlocked wifi cellular cellulaire
    processeur processor prozessor cpu tv televiseur television console moniteur monitor
    ecran tablette tablet puce boitier body nu tesla casque headphones headphone
    kaby coffee comet alder raptor lake skylake haswell broadwell ivy sandy bridge
    """.split()
)
_DISPLAY_SPLIT = re.compile(r"[\s,;:/()\[\]|]+")
_GLUE_UNIT = re.compile(r"(\d)\s+(go|gb|to|tb|mo|mb|gib|tib)\b", re.I)
_TRAILING_DIGITS = re.compile(r"\d+$")


def category_of(attrs: Attributes, toks: list[str], shop_category: str | None = None) -> str | None:
    """One of the site's category slugs, "accessory", "bundle", or the shop's own category."""
    if attrs.accessory or attrs.fits:
        return "accessory"
    if attrs.bundle and sum(1 for _, words in CATEGORY_RULES if words & set(toks)) > 1:
        return "bundle"
    from_title = _rule(set(toks) | {_TRAILING_DIGITS.sub("", t) for t in toks})
    # The shop's own category is the better judge ("RTX 5070" in a laptop's title), except
    # that a title naming a datacenter part refines a shop's plain "graphics cards".
    shop_words = {t.removesuffix("s") for t in tokens(shop_category or "")}
    from_shop = _rule(shop_words | {t + "s" for t in shop_words}) if shop_words else None
    if from_shop and not (from_shop == "gpu" and from_title == "gpu-datacenter"):
        return from_shop
    if from_title:
        return from_title
    return (shop_category or None) and shop_category[:100]


def _rule(words: set[str]) -> str | None:
    for slug, rule_words in CATEGORY_RULES:
        if rule_words & words:
            return slug
    return None


def price_attributes(toks: list[str], category: str | None, attrs: Attributes) -> dict[str, Any]:
    """storage_gb / ram_gb / memory_gb / screen_in, network, condition, as the site expects."""
    out: dict[str, Any] = {}
    caps: list[tuple[int, bool]] = []  # (GB, followed by "ram")
    for i, tok in enumerate(toks):
        m = UNIT_RE.match(tok)
        if m and m.group(2) in ("gb", "tb"):
            value = float(m.group(1)) * (1024 if m.group(2) == "tb" else 1)
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            caps.append((int(value), nxt in {"ram", "memoire", "memory", "lpddr5", "lpddr5x"}))
    if caps:
        if category in ("gpu", "gpu-datacenter"):
            out["memory_gb"] = caps[0][0]
        else:
            ram = [gb for gb, is_ram in caps if is_ram]
            rest = sorted({gb for gb, is_ram in caps if not is_ram})
            if category == "laptop" and not ram and len(rest) >= 2:
                ram = [rest.pop(0)]
            if ram:
                out["ram_gb"] = ram[0]
            if rest:
                out["storage_gb"] = rest[-1]
                if category == "smartphone" and len(rest) >= 2 and "ram_gb" not in out:
                    out["ram_gb"] = rest[0]
    screens = attrs.units.get("in")
    if screens:
        out["screen_in"] = max(screens)
    if attrs.network:
        out["network"] = attrs.network
    if attrs.refurbished:
        out["condition"] = "refurbished"
    if attrs.pack > 1:
        out["pack"] = attrs.pack
    return out


def model_words(title: str, brand: str | None) -> list[str]:
    """The title's words that name the model (no brand, category, capacity or colour)."""
    brand_words = set(tokens(brand)) if brand else set()
    out: list[str] = []
    for word in _DISPLAY_SPLIT.split(_GLUE_UNIT.sub(r"\1\2", title)):
        parts = tokens(word)
        if not parts or word in {"-", "–"}:
            continue
        if all(
            p in GENERIC or p in COLOURS or p in FILLER or p in brand_words or UNIT_RE.match(p)
            for p in parts
        ):
            continue
        out.append(word.strip("-–"))
    return [w for w in out if w]


def _without_colours(title: str) -> str:
    """The title without its colour words: the product covers every colour."""
    kept = [w for w in title.split() if not (tokens(w) and all(t in COLOURS for t in tokens(w)))]
    return re.sub(r"[\s\-–,/]+$", "", " ".join(kept)).strip()


def describe(
    title: str, brand: str | None, attrs: Attributes, shop_category: str | None
) -> dict[str, Any]:
    """Name, brand, model, category, attributes and signature for a product built from an offer."""
    toks = tokens(title)
    category = category_of(attrs, toks, shop_category)
    shown_brand = display_brand(brand, attrs.brand)
    words = model_words(title, shown_brand or attrs.brand)
    model = " ".join(words)[:200] or None
    attributes = price_attributes(toks, category, attrs)
    key = " ".join(sorted(set(tokens(model or "")) - GENERIC))
    spec = ",".join(f"{k}={attributes[k]}" for k in sorted(attributes))
    signature = f"{fold(attrs.brand or shown_brand or '')}|{key}|{spec}"[:500]
    device = category not in ("accessory", "bundle")
    name = display_name(_without_colours(title), shown_brand, device=device)
    return {
        "name": name[:500] or "(sans titre)",
        "brand": shown_brand,
        "model": model,
        "category": category,
        "attributes": attributes,
        "signature": signature,
    }
