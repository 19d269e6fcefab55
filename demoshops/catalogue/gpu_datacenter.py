"""Datacenter accelerators: NVIDIA Hopper and Blackwell, a few Ampere/Ada and AMD Instinct."""

from __future__ import annotations

from demoshops.catalogue.model import Model, family


def accel(
    brand: str, name: str, memory_gb: int, memory_type: str, form: str, price: str, code: str
) -> list[Model]:
    chip = name.split()[0]
    return family(
        brand,
        name,
        "gpu-datacenter",
        ("argent",) if brand == "NVIDIA" else ("noir",),
        [({"memory_gb": memory_gb}, price)],
        code,
        chip=chip,
        memory_type=memory_type,
        form_factor=form,
    )


MODELS: list[Model] = [
    *accel("NVIDIA", "H200 SXM", 141, "HBM3e", "SXM5", "35900", "935-24287-0001-000"),
    *accel("NVIDIA", "H200 NVL", 141, "HBM3e", "PCIe", "32500", "900-21010-0040-000"),
    *accel("NVIDIA", "H100 SXM", 80, "HBM3", "SXM5", "31000", "935-24287-0000-000"),
    *accel("NVIDIA", "H100 PCIe", 80, "HBM2e", "PCIe", "27500", "900-21010-0000-000"),
    *accel("NVIDIA", "H100 NVL", 94, "HBM3", "PCIe", "29900", "900-21010-0020-000"),
    *accel("NVIDIA", "B200 SXM", 192, "HBM3e", "SXM6", "46000", "935-26287-0000-000"),
    *accel("NVIDIA", "H20", 96, "HBM3", "SXM5", "13500", "935-24287-0020-000"),
    *accel("NVIDIA", "H20", 141, "HBM3e", "SXM5", "15500", "935-24287-0021-000"),
    *accel("NVIDIA", "A100 PCIe", 80, "HBM2e", "PCIe", "17500", "900-21001-0020-000"),
    *accel("NVIDIA", "A100 PCIe", 40, "HBM2", "PCIe", "9800", "900-21001-0000-000"),
    *accel("NVIDIA", "L40S", 48, "GDDR6", "PCIe", "8900", "900-2G133-0080-000"),
    *accel("NVIDIA", "L4", 24, "GDDR6", "PCIe", "2790", "900-2G193-0000-000"),
    *accel("NVIDIA", "RTX 6000 Ada Generation", 48, "GDDR6", "PCIe", "7490", "VCNRTX6000ADA-PB"),
    *accel(
        "NVIDIA",
        "RTX PRO 6000 Blackwell Workstation Edition",
        96,
        "GDDR7",
        "PCIe",
        "9490",
        "VCNRTXPRO6000-PB",
    ),
    *accel(
        "NVIDIA", "RTX PRO 6000 Blackwell Max-Q", 96, "GDDR7", "PCIe", "9390", "VCNRTXPRO6000Q-PB"
    ),
    *accel("AMD", "Instinct MI300X", 192, "HBM3", "OAM", "17900", "100-300000071"),
    *accel("AMD", "Instinct MI325X", 256, "HBM3e", "OAM", "22900", "100-300000097"),
]
