"""Processors and graphics cards that the learned score may take for one: one chip number with
two suffixes, two processor numbers or families, two board lines of one graphics chip, two
datacenter accelerators."""

from __future__ import annotations

import re
from functools import lru_cache

from matching.record import Record

# A processor's number and its suffix: "14900k", "14900kf", "7800x3d", "285k", "9654p" (an
# EPYC for one socket).
_CPU = re.compile(r"^(\d{3,5})(k|kf|ks|f|t|x|x3d|xt|g|ge|gt|te|s|p|px)?$")
_CPU_WORDS = frozenset("core ryzen xeon threadripper pentium celeron athlon epyc".split())
# A graphics chip's number and its suffix glued to it: "4060ti", "5090d" (China's cut-down
# card), "7900xtx"; a glued "S" is read as "Super" by `normalise`.
_GPU = re.compile(r"^(?:rtx|gtx|rx)?(\d{4})(d|ti|xt|xtx|gre)?$")
_GPU_WORDS = frozenset("rtx gtx geforce radeon rx arc".split())
# NVIDIA's workstation cards put the architecture's letter before the number: "A6000"
# (Ampere), "T1000" (Turing), "P4000" (Pascal); "RTX 6000" alone is another card.
_WORKSTATION = re.compile(r"^[aptkm](\d{3,4})$")
_WORKSTATION_WORDS = frozenset(("rtx", "quadro"))
# The architecture a workstation card's title names: "Quadro RTX 6000" is Turing's.
_ARCHITECTURES = {"ada": "ada", "blackwell": "blackwell", "quadro": "turing", "turing": "turing"}


def chip_clash(a: Record, b: Record) -> bool:
    """Two processors or two graphics cards (each rule below)."""
    return (
        cpu_suffix_clash(a, b)
        or cpu_number_clash(a, b)
        or cpu_family_clash(a, b)
        or accelerator_clash(a, b)
        or gpu_suffix_clash(a, b)
        or gpu_number_clash(a, b)
        or board_clash(a, b)
        or asus_oc_clash(a, b)
        or apple_chip_clash(a, b)
        or workstation_clash(a, b)
    )


def cpu_suffix_clash(a: Record, b: Record) -> bool:
    """Two processors of one number with different suffixes ("i9-14900K" / "14900KF": the F
    has no graphics; "Ryzen 7 7800X3D" / "7800X"), each suffix named by one title only."""
    if _CPU_WORDS.isdisjoint(a.tokset) or _CPU_WORDS.isdisjoint(b.tokset):
        return False
    return _suffix_clash(a, b, _CPU)


def gpu_suffix_clash(a: Record, b: Record) -> bool:
    """Two graphics cards of one chip number with different suffixes typed glued to it ("RTX
    5090" / "RTX 5090 D", "RTX 4060" / "4060Ti"; "4060 Ti" spaced is `clash.qualifier_clash`)."""
    if _GPU_WORDS.isdisjoint(a.tokset) or _GPU_WORDS.isdisjoint(b.tokset):
        return False
    return _suffix_clash(a, b, _GPU)


def workstation_clash(a: Record, b: Record) -> bool:
    """ "RTX A6000" / "RTX 6000 Ada", "Quadro P4000" / "Quadro RTX 4000": one number with and
    without the architecture's letter is two cards (`clash.number_clash` reads a dropped
    one-letter prefix as the same number, as "Ryzen R5" is "Ryzen 5"); so are two
    architectures named ("RTX 6000 Ada" / "Quadro RTX 6000"), and a card with and without
    "SFF", the small form factor ("RTX 4000 SFF Ada" / "RTX 4000 Ada")."""
    if _WORKSTATION_WORDS.isdisjoint(a.tokset) or _WORKSTATION_WORDS.isdisjoint(b.tokset):
        return False
    arch_a = {_ARCHITECTURES[t] for t in a.tokset & _ARCHITECTURES.keys()}
    arch_b = {_ARCHITECTURES[t] for t in b.tokset & _ARCHITECTURES.keys()}
    if arch_a and arch_b and arch_a.isdisjoint(arch_b):
        return True  # "RTX 6000 Ada" / "Quadro RTX 6000"
    if arch_a and arch_b and ("sff" in a.tokset) != ("sff" in b.tokset):
        return True  # "RTX 4000 SFF Ada", the small card, / "RTX 4000 Ada"
    ea, eb = _card_edition(a), _card_edition(b)
    if ea and eb and ea.isdisjoint(eb):
        return True  # "RTX PRO 6000 Blackwell Max-Q" / "Workstation Edition"
    return _lettered(a, b) or _lettered(b, a)


# The editions of one workstation card: its cooling and power, and its price.
_CARD_EDITIONS = frozenset({"maxq", "server", "workstation"})


def _card_edition(rec: Record) -> set[str]:
    # NVIDIA names the Max-Q "Max-Q Workstation Edition": Max-Q says which.
    found = _CARD_EDITIONS & rec.joins
    return {"maxq"} if "maxq" in found else set(found)


def _lettered(x: Record, y: Record) -> bool:
    for token in x.tokset:
        m = _WORKSTATION.match(token)
        if m and m.group(1) in y.tokset and token not in y.tokset:
            return True
    return False


def _suffix_clash(a: Record, b: Record, pattern: re.Pattern[str]) -> bool:
    na, nb = _numbers(a, pattern), _numbers(b, pattern)
    for number, suffix in na.items():
        theirs = nb.get(number)
        if theirs is not None and theirs != suffix:
            if number + theirs not in a.joins and number + suffix not in b.joins:
                return True
    return False


def _numbers(rec: Record, pattern: re.Pattern[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for tok in rec.toks:
        m = pattern.match(tok)
        if m:
            out.setdefault(m.group(1), m.group(2) or "")
    return out


# Apple's chips ("M2", "M4"): named after the machine's size in Apple's titles ("MacBook Air 13
# M3"), where `clash.number_clash` wants a word; read only beside a Mac or an iPad, since "M2"
# is an SSD's slot elsewhere.
_APPLE_CHIP = re.compile(r"^m[1-9]$")
_MACS = frozenset("macbook imac mac ipad vision".split())


def apple_chip_clash(a: Record, b: Record) -> bool:
    """Two Apple chips ("MacBook Air 13 M2" / "MacBook Air 13 M3")."""
    if _MACS.isdisjoint(a.tokset) or _MACS.isdisjoint(b.tokset):
        return False
    ca = {t for t in a.toks if _APPLE_CHIP.match(t)}
    cb = {t for t in b.toks if _APPLE_CHIP.match(t)}
    return bool(ca and cb) and ca.isdisjoint(cb)


def cpu_number_clash(a: Record, b: Record) -> bool:
    """Two processors with different numbers ("i9-14900K" / "i9-13900K", "Ryzen 7 9800X3D" /
    "7800X3D"): each title names a processor number as a model word, and no number of one
    title is found anywhere in the other, part numbers included ("BX80684I58400" is a
    Core i5-8400). Of the 152,442 training pairs it reads 3,744, 99.8% two products."""
    if _CPU_WORDS.isdisjoint(a.tokset) or _CPU_WORDS.isdisjoint(b.tokset):
        return False
    na, nb = _model_numbers(a), _model_numbers(b)
    if not na or not nb or not na.isdisjoint(nb):
        return False
    return not (_written_in(na, b) or _written_in(nb, a))


# Datacenter accelerators: NVIDIA's letter and number with a prefix or suffix of its own
# ("GH200" is Grace Hopper, not the H200; "L40S", "V100S"), AMD's Instinct ("MI300X" / "MI300A").
_ACCELERATOR = re.compile(r"^(?:gh|gb|[abhlvt]|mi)\d{1,3}[a-z]?$")
_ACCELERATOR_WORDS = frozenset(("nvidia", "tesla", "instinct"))


def accelerator_clash(a: Record, b: Record) -> bool:
    """Two datacenter accelerators ("GH200" / "H200", "GB200" / "B200", "L40S" / "L40"): each
    title names one beside an NVIDIA or Instinct word, and they share none."""
    if _ACCELERATOR_WORDS.isdisjoint(a.tokset) or _ACCELERATOR_WORDS.isdisjoint(b.tokset):
        return False
    ca = {t for t in a.attrs.model_tokens if _ACCELERATOR.match(t)}
    cb = {t for t in b.attrs.model_tokens if _ACCELERATOR.match(t)}
    return bool(ca and cb) and ca.isdisjoint(cb)


# Processor families: "FX 8350" and "Opteron 8350" share a number and nothing else.
_FAMILIES = frozenset(
    "fx opteron xeon pentium celeron athlon ryzen epyc threadripper phenom sempron turion".split()
)


def cpu_family_clash(a: Record, b: Record) -> bool:
    """Two processor families ("AMD FX 8350" / "AMD Opteron 8350", "Xeon" / "Pentium"): of
    the training pairs it reads 1,623, none one product. Core i3/i5/i7 are left out: LSPM
    labels an iMac with an i5 and with an i7 one product (one model code)."""
    fa, fb = _FAMILIES & a.tokset, _FAMILIES & b.tokset
    return bool(fa and fb) and fa.isdisjoint(fb)


def _model_numbers(rec: Record) -> set[str]:
    out = set()
    for tok in rec.attrs.model_tokens:
        m = _CPU.match(tok)
        if m:
            out.add(m.group(1))
    return out


def _written_in(numbers: set[str], rec: Record) -> bool:
    text = "".join(rec.toks) + " " + " ".join(rec.attrs.part_models)
    return any(n in text for n in numbers)


# Graphics card makers' board lines: one chip, several boards, several prices ("ASUS TUF" /
# "Dual", "Gigabyte Eagle" / "Windforce", "Sapphire Pulse" / "Nitro+").
BOARD_LINES = frozenset(
    """
    tuf strix astral dual prime proart ventus suprim inspire eagle windforce aorus aero elite
    master vision pulse nitro pure hellhound devil fighter reaper speedster merc qick swft
    phantom challenger legend taichi trinity amp solid twin founders xlr8 verto jetstream
    gamerock ghost ichill shadow gaming slim xtreme waterforce phoenix gamingpro
    """.split()
)


def board_clash(a: Record, b: Record) -> bool:
    """Two boards of one graphics chip: each title names a board line the other lacks."""
    la, lb = a.tokset & BOARD_LINES, b.tokset & BOARD_LINES
    if not la or not lb or la == lb:
        return False
    if not (_graphics(a) and _graphics(b)):
        return False
    return bool(la - lb) and bool(lb - la)


def _graphics(rec: Record) -> bool:
    # A maker's part writes the chip glued: "PRIME-RTX5070TI-O16G".
    return not _GPU_WORDS.isdisjoint(rec.tokset) or any(map(_GLUED_GPU.match, rec.tokset))


_GLUED_GPU = re.compile(r"^(?:rtx|gtx|rx)\d{4}")


# ASUS writes a card's factory overclock into its part: "TUF-RTX4070TIS-O16G-GAMING" is the OC
# edition, "TUF-RTX4070TIS-16G-GAMING" the plain one.
_ASUS_PART = re.compile(r"\b(?:rtx|gtx|rx)\d{4}[a-z]*-(o?)\d{1,2}g\b")


def asus_oc_clash(a: Record, b: Record) -> bool:
    """An ASUS card whose part says it is not overclocked, against the OC edition."""
    oa, ob = _overclocked(a), _overclocked(b)
    return oa is not None and ob is not None and oa[0] != ob[0] and "part" in (oa[1], ob[1])


def _overclocked(rec: Record) -> tuple[bool, str] | None:
    m = _ASUS_PART.search(rec.title.lower())
    if m:
        return bool(m.group(1)), "part"
    return (True, "word") if "oc" in rec.tokset else None


_GPU_NUMBER = re.compile(r"\b(?:rtx|gtx|rx)\s*(\d{4})\b")


def gpu_number_clash(a: Record, b: Record) -> bool:
    """Two graphics chips, one named in each title ("Legion Pro 5 16IRX9 RTX 4070" / "RTX
    4060": one laptop code, two configurations): 106 training pairs, all two products."""
    ga, gb = _gpu_numbers(a.title), _gpu_numbers(b.title)
    return len(ga) == 1 and len(gb) == 1 and ga != gb


@lru_cache(maxsize=50_000)
def _gpu_numbers(title: str) -> frozenset[str]:
    return frozenset(_GPU_NUMBER.findall(title.lower()))
