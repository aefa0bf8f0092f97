"""The real structure of the 2021–2022 roadmap, as published on the VM/STM slides of 9.12.2021.

This is the *shipped definition* used to write the roadmap workbook and the demo; at run time
the database (filled by the roadmap loader) is the source of truth.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ROADMAP_NAME = "Alueellisen toimeenpanon tiekartta"
TARGET_DATE = dt.date(2023, 1, 1)  # järjestämisvastuu siirtyy hyvinvointialueille


@dataclass(frozen=True)
class SubAreaDef:
    letter: str
    fi: str
    sv: str
    en: str


@dataclass(frozen=True)
class WorkstreamDef:
    code: str
    fi: str
    sv: str
    en: str
    sub_areas: tuple[SubAreaDef, ...]
    due_by_q4_2021: int  # public task count on the 10/21 progress slide


@dataclass(frozen=True)
class RegionDef:
    code: str
    fi: str
    sv: str
    en: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    reports_in_swedish: bool = False


def _sa(letter: str, fi: str, sv: str, en: str) -> SubAreaDef:
    return SubAreaDef(letter, fi, sv, en)


WORKSTREAMS: tuple[WorkstreamDef, ...] = (
    WorkstreamDef(
        "htt", "Hallinto, talous ja tukipalvelut", "Förvaltning, ekonomi och stödtjänster",
        "Administration, finance and support services",
        (
            _sa("A", "Hallinnon rakenteet, toiminnan järjestäminen ja demokratia",
                "Förvaltningsstrukturer, organisering av verksamheten och demokrati",
                "Administrative structures, organisation and democracy"),
            _sa("B", "Konsernitalous", "Koncernekonomi", "Group finances"),
            _sa("C", "Henkilöstön asiat ml. siirrot", "Personalfrågor inkl. överföringar",
                "Personnel matters incl. transfers"),
            _sa("D", "Sopimukset", "Avtal", "Contracts"),
            _sa("E", "Hallinnolliset tukipalvelut", "Administrativa stödtjänster",
                "Administrative support services"),
            _sa("F", "Omaisuus ja toimitilat", "Egendom och lokaler", "Assets and premises"),
            _sa("G", "Asianhallinta", "Ärendehantering", "Case management"),
            _sa("H", "Tietohallinnon organisointi", "Organisering av informationsförvaltningen",
                "Organisation of information management"),
        ),
        69,
    ),
    WorkstreamDef(
        "jo", "Johtaminen ja osaaminen", "Ledning och kompetens", "Leadership and competence",
        (
            _sa("A", "Kyvykkyydet", "Förmågor", "Capabilities"),
            _sa("B", "Johtamisrakenteet ja johtamisen välineet",
                "Ledningsstrukturer och ledningsverktyg", "Leadership structures and tools"),
            _sa("C", "Palvelutuotannon organisointi ja johtaminen",
                "Organisering och ledning av serviceproduktionen",
                "Organising and leading service production"),
            _sa("D", "Tiedolla johtaminen ja tietopohjat", "Kunskapsbaserad ledning och kunskapsunderlag",
                "Knowledge-based management and data"),
            _sa("E", "Viestintä, osallisuus ja demokratia", "Kommunikation, delaktighet och demokrati",
                "Communication, participation and democracy"),
        ),
        30,
    ),
    WorkstreamDef(
        "pj", "Palveluiden järjestäminen", "Organisering av tjänster", "Organising services",
        (
            _sa("A", "Väestön palvelutarve", "Befolkningens servicebehov", "Population's service needs"),
            _sa("B", "Toimintaympäristö ja sen turvallisuus", "Verksamhetsmiljön och dess säkerhet",
                "Operating environment and its security"),
            _sa("C", "Järjestämisen reunaehdot", "Ramvillkor för organiseringen",
                "Conditions for organising"),
            _sa("D", "Järjestettävät palvelut ja palveluiden yhdenmukaistaminen",
                "Tjänster som ordnas och harmonisering av tjänsterna",
                "Services to organise and their harmonisation"),
            _sa("E", "Hankinnat", "Upphandlingar", "Procurement"),
            _sa("F", "Tuotannon ohjaus", "Styrning av produktionen", "Steering of production"),
            _sa("G", "Integraatio, koordinaatio ja yhteistyö", "Integration, koordinering och samarbete",
                "Integration, coordination and cooperation"),
        ),
        17,
    ),
    WorkstreamDef(
        "yp", "Yhdyspinnat", "Gränsytor", "Interfaces",
        (
            _sa("A", "Järjestäminen, tuotannon ohjaus ja hallintorakenteet",
                "Organisering, produktionsstyrning och förvaltningsstrukturer",
                "Organising, steering of production and administrative structures"),
            _sa("B", "Johtaminen ja verkostotyö", "Ledning och nätverksarbete", "Leadership and networking"),
            _sa("C", "Kyvykkyydet ja resursointi", "Förmågor och resurser", "Capabilities and resourcing"),
            _sa("D", "Henkilöstö ja sidosryhmäosallisuus", "Personal och intressentdelaktighet",
                "Personnel and stakeholder participation"),
            _sa("E", "Tiedolla johtaminen ja tietojärjestelmät",
                "Kunskapsbaserad ledning och informationssystem",
                "Knowledge-based management and information systems"),
        ),
        20,
    ),
    WorkstreamDef(
        "ict", "ICT", "IKT", "ICT",
        (
            _sa("A", "Hallinnolliset tehtävät", "Administrativa uppgifter", "Administrative tasks"),
            _sa("B", "Toimialariippumattomat järjestelmät", "Sektoroberoende system",
                "Cross-sector systems"),
            _sa("C", "Toimialasidonnaiset järjestelmät", "Sektorspecifika system", "Sector-specific systems"),
            _sa("D", "ICT-infra", "IKT-infrastruktur", "ICT infrastructure"),
            _sa("E", "ICT-infran järjestelmät", "IKT-infrastrukturens system",
                "ICT infrastructure systems"),
        ),
        55,
    ),
)

# Yhdyspinnat tasks due by Q4/2021 per sub-area (10/21 slide "Lokakuun tilannekuva").
YHDYSPINNAT_DUE_BY_Q4_2021 = {"A": 5, "B": 1, "C": 7, "D": 2, "E": 5}

# 23 rows in the slides' order (alphabetical in Finnish, HUS after Helsinki).
REGIONS: tuple[RegionDef, ...] = (
    RegionDef("etela-karjala", "Etelä-Karjala", "Södra Karelen", "South Karelia"),
    RegionDef("etela-pohjanmaa", "Etelä-Pohjanmaa", "Södra Österbotten", "South Ostrobothnia"),
    RegionDef("etela-savo", "Etelä-Savo", "Södra Savolax", "South Savo"),
    RegionDef("helsinki", "Helsinki", "Helsingfors", "Helsinki",
              ("Helsingin kaupunki", "Helsingfors stad", "City of Helsinki"), True),
    RegionDef("hus", "HUS", "HUS", "HUS",
              ("HUS-yhtymä", "HUS-sammanslutningen", "Helsingin ja Uudenmaan sairaanhoitopiiri")),
    RegionDef("ita-uusimaa", "Itä-Uusimaa", "Östra Nyland", "East Uusimaa", (), True),
    RegionDef("kainuu", "Kainuu", "Kajanaland", "Kainuu"),
    RegionDef("kanta-hame", "Kanta-Häme", "Egentliga Tavastland", "Kanta-Häme"),
    RegionDef("keski-pohjanmaa", "Keski-Pohjanmaa", "Mellersta Österbotten", "Central Ostrobothnia"),
    RegionDef("keski-suomi", "Keski-Suomi", "Mellersta Finland", "Central Finland"),
    RegionDef("keski-uusimaa", "Keski-Uusimaa", "Mellersta Nyland", "Central Uusimaa"),
    RegionDef("kymenlaakso", "Kymenlaakso", "Kymmenedalen", "Kymenlaakso"),
    RegionDef("lappi", "Lappi", "Lappland", "Lapland"),
    RegionDef("lansi-uusimaa", "Länsi-Uusimaa", "Västra Nyland", "West Uusimaa", (), True),
    RegionDef("pirkanmaa", "Pirkanmaa", "Birkaland", "Pirkanmaa"),
    RegionDef("pohjanmaa", "Pohjanmaa", "Österbotten", "Ostrobothnia", (), True),
    RegionDef("pohjois-karjala", "Pohjois-Karjala", "Norra Karelen", "North Karelia"),
    RegionDef("pohjois-pohjanmaa", "Pohjois-Pohjanmaa", "Norra Österbotten", "North Ostrobothnia"),
    RegionDef("pohjois-savo", "Pohjois-Savo", "Norra Savolax", "North Savo"),
    RegionDef("paijat-hame", "Päijät-Häme", "Päijänne-Tavastland", "Päijät-Häme"),
    RegionDef("satakunta", "Satakunta", "Satakunta", "Satakunta"),
    RegionDef("vantaa-kerava", "Vantaa-Kerava", "Vanda och Kervo", "Vantaa and Kerava",
              ("Vantaa ja Kerava", "Vanda-Kervo")),
    RegionDef("varsinais-suomi", "Varsinais-Suomi", "Egentliga Finland", "Southwest Finland"),
)

# The organisations' official names (Finnish, Swedish), as people also write them in the
# 'Alue' cell: the county's "hyvinvointialue" / "välfärdsområde", the city, the joint authority.
# English "Wellbeing services county of X" is derived from the English name.
OFFICIAL_NAMES: dict[str, tuple[str, ...]] = {
    "etela-karjala": ("Etelä-Karjalan hyvinvointialue", "Södra Karelens välfärdsområde"),
    "etela-pohjanmaa": ("Etelä-Pohjanmaan hyvinvointialue", "Södra Österbottens välfärdsområde"),
    "etela-savo": ("Etelä-Savon hyvinvointialue", "Södra Savolax välfärdsområde"),
    "helsinki": ("Helsingin kaupunki", "Helsingfors stad", "City of Helsinki"),
    "hus": ("HUS-yhtymä", "HUS-sammanslutningen", "HUS Group",
            "Helsingin ja Uudenmaan sairaanhoitopiiri"),
    "ita-uusimaa": ("Itä-Uudenmaan hyvinvointialue", "Östra Nylands välfärdsområde"),
    "kainuu": ("Kainuun hyvinvointialue", "Kajanalands välfärdsområde"),
    "kanta-hame": ("Kanta-Hämeen hyvinvointialue", "Egentliga Tavastlands välfärdsområde"),
    "keski-pohjanmaa": ("Keski-Pohjanmaan hyvinvointialue",
                        "Mellersta Österbottens välfärdsområde"),
    "keski-suomi": ("Keski-Suomen hyvinvointialue", "Mellersta Finlands välfärdsområde"),
    "keski-uusimaa": ("Keski-Uudenmaan hyvinvointialue", "Mellersta Nylands välfärdsområde"),
    "kymenlaakso": ("Kymenlaakson hyvinvointialue", "Kymmenedalens välfärdsområde"),
    "lappi": ("Lapin hyvinvointialue", "Lapplands välfärdsområde"),
    "lansi-uusimaa": ("Länsi-Uudenmaan hyvinvointialue", "Västra Nylands välfärdsområde"),
    "pirkanmaa": ("Pirkanmaan hyvinvointialue", "Birkalands välfärdsområde"),
    "pohjanmaa": ("Pohjanmaan hyvinvointialue", "Österbottens välfärdsområde"),
    "pohjois-karjala": ("Pohjois-Karjalan hyvinvointialue", "Norra Karelens välfärdsområde"),
    "pohjois-pohjanmaa": ("Pohjois-Pohjanmaan hyvinvointialue",
                          "Norra Österbottens välfärdsområde"),
    "pohjois-savo": ("Pohjois-Savon hyvinvointialue", "Norra Savolax välfärdsområde"),
    "paijat-hame": ("Päijät-Hämeen hyvinvointialue", "Päijänne-Tavastlands välfärdsområde"),
    "satakunta": ("Satakunnan hyvinvointialue", "Satakunta välfärdsområde"),
    "vantaa-kerava": ("Vantaan ja Keravan hyvinvointialue", "Vanda och Kervo välfärdsområde"),
    "varsinais-suomi": ("Varsinais-Suomen hyvinvointialue", "Egentliga Finlands välfärdsområde"),
}


def official_names(code: str, name_en: str | None = None) -> tuple[str, ...]:
    """Every official name of a region (Finnish, Swedish, English)."""
    names = OFFICIAL_NAMES.get(code, ())
    if name_en and code not in ("helsinki", "hus"):
        names += (f"Wellbeing services county of {name_en}",
                  f"{name_en} wellbeing services county")
    return names


def workstream_def(code: str) -> WorkstreamDef:
    return next(w for w in WORKSTREAMS if w.code == code)
