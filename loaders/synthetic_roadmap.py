"""The SYNTHETIC task list shipped with the roadmap workbook.

The real roadmap's task list is not public. This one is made up, deterministically, so that the
demo and the templates have something plausible to work with; it is labelled synthetic
everywhere (workbook note, `Roadmap.is_synthetic`). What it does match are the public counts:
tasks due by Q4/2021 per workstream (69, 30, 17, 20, 55) and, for Yhdyspinnat, per sub-area
(5, 1, 7, 2, 5). After that it continues with tasks due every quarter through Q4/2022.

Titles are "<subject>: <stage>", the subjects typical of each sub-area and the stages in the
order work goes (survey → plan → decision → implementation → ready), so a sub-area's early tasks
are surveys and its late ones implementation.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.reference import WORKSTREAMS, YHDYSPINNAT_DUE_BY_Q4_2021, WorkstreamDef

from .sheet_cells import quarter_last_day

# Quarters of the roadmap; everything due by Q4/2021 counts on the 10/21 progress slide.
QUARTERS_2021 = ((2021, 3), (2021, 4))
QUARTERS_2022 = ((2022, 1), (2022, 2), (2022, 3), (2022, 4))
SHARE_DUE_Q3_2021 = 0.45  # of each sub-area's tasks due by Q4/2021
SHARE_PER_QUARTER_2022 = 0.2  # of the workstream's 2021 count, per quarter of 2022

STAGES = (
    "nykytila kartoitettu",
    "suunnitelma laadittu",
    "linjaukset hyväksytty",
    "toimeenpano käynnistetty",
    "valmis järjestämisvastuun siirtoon",
)

SUBJECTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("htt", "A"): ("Hallintosääntö", "Aluevaltuuston ja toimielinten rakenne",
                   "Organisaatiorakenne ja toimivaltasuhteet", "Vaikuttamistoimielimet",
                   "Hyvinvointialueen strategiatyön valmistelu"),
    ("htt", "B"): ("Talousarvio ja taloussuunnitelma 2023", "Kirjanpidon ja tilikartan rakenne",
                   "Maksuliikenne ja pankkipalvelut", "Investointisuunnitelma",
                   "Sisäinen valvonta ja riskienhallinta"),
    ("htt", "C"): ("Henkilöstösiirtojen yt-menettelyt", "Henkilöstön siirtoluettelot",
                   "Palkkaharmonisointi", "Työehtosopimusten soveltaminen",
                   "Henkilöstöhallinnon prosessit"),
    ("htt", "D"): ("Siirtyvien sopimusten inventaario", "Sopimusten siirtoilmoitukset",
                   "Ostopalvelusopimukset", "Vuokrasopimukset", "Sopimushallinta"),
    ("htt", "E"): ("Talous- ja henkilöstöhallinnon palvelukeskus", "Hankintapalvelut",
                   "Logistiikka ja välinehuolto", "Ruoka- ja puhtauspalvelut",
                   "Tukipalveluyhtiöiden omistusjärjestelyt"),
    ("htt", "F"): ("Siirtyvän irtaimen omaisuuden luettelo", "Toimitilojen vuokrasopimukset",
                   "Kiinteistöjen kunto- ja käyttöselvitys", "Toimitilastrategia",
                   "Kiinteistöyhtiöiden osakkeiden siirrot"),
    ("htt", "G"): ("Asianhallinnan prosessit", "Tiedonohjaussuunnitelma",
                   "Arkistointi ja siirtyvät asiakirjat", "Kirjaamon käytännöt",
                   "Sähköinen päätöksenteko"),
    ("htt", "H"): ("Tietohallinnon organisaatio", "Tietohallinnon palvelumalli",
                   "Tietoturva- ja tietosuojaorganisaatio", "ICT-toimittajasuhteet",
                   "Tietohallinnon resurssit"),
    ("jo", "A"): ("Osaamiskartoitus", "Johdon valmennusohjelma", "Muutosjohtamisen tuki",
                  "Strategisen johtamisen kyvykkyydet", "Kehittämis- ja innovaatiotoiminta"),
    ("jo", "B"): ("Johtamisjärjestelmä", "Hyvinvointialuestrategia", "Johtoryhmätyöskentely",
                  "Omistajaohjauksen periaatteet", "Tulos- ja sopimusohjaus"),
    ("jo", "C"): ("Palvelutuotannon organisointimalli", "Palvelualueiden johtamisrakenne",
                  "Lähijohtamisen malli", "Yhteistyö yksityisten palveluntuottajien kanssa",
                  "Valmiussuunnittelu ja varautuminen"),
    ("jo", "D"): ("Tietojohtamisen malli", "Tietovarasto ja raportointi",
                  "Mittaristo ja tunnusluvut", "Kustannus- ja vaikuttavuustieto",
                  "Tietopohjien yhtenäistäminen"),
    ("jo", "E"): ("Viestintäsuunnitelma", "Asukasosallisuuden malli", "Henkilöstöviestintä",
                  "Verkkosivut ja sähköiset kanavat", "Kriisiviestinnän valmius"),
    ("pj", "A"): ("Palvelutarpeen arviointi", "Palvelutarpeen ennakointi",
                  "Hyvinvointikertomus", "Erityisryhmien palvelutarve",
                  "Kielellisten oikeuksien toteutuminen"),
    ("pj", "B"): ("Toimintaympäristön analyysi", "Turvallisuus- ja riskiarvio",
                  "Pelastustoimen palvelutasopäätös", "Valmius- ja jatkuvuussuunnitelma",
                  "Yhteistyö viranomaisten kanssa"),
    ("pj", "C"): ("Palvelustrategia", "Palvelulupaus", "Palveluverkkosuunnitelma",
                  "Asiakasmaksujen harmonisointi", "Omavalvontaohjelma"),
    ("pj", "D"): ("Palvelukuvaukset", "Palvelujen myöntämisperusteet", "Hoito- ja palveluketjut",
                  "Palvelujen yhdenmukaistamissuunnitelma", "Digitaaliset palvelut"),
    ("pj", "E"): ("Hankintastrategia", "Siirtyvät hankintasopimukset", "Palvelusetelijärjestelmä",
                  "Hankintaohjeet ja -prosessit", "Ostopalvelujen kilpailutussuunnitelma"),
    ("pj", "F"): ("Tuotannon ohjausmalli", "Palveluntuottajien valvonta", "Oman tuotannon ohjaus",
                  "Laadun ja saatavuuden seuranta", "Tuotantosopimukset"),
    ("pj", "G"): ("Sosiaali- ja terveyspalvelujen integraatio", "Yhteistyöalueen yhteistyösopimus",
                  "Koordinaatio erikoissairaanhoidon kanssa", "Yhteistyö järjestöjen kanssa",
                  "Yhteistyö Kelan ja TE-palvelujen kanssa"),
    ("yp", "A"): ("Kuntien ja hyvinvointialueen yhteistyörakenteet",
                  "Hyvinvoinnin ja terveyden edistämisen yhteistyömalli",
                  "Neuvottelumenettely kuntien kanssa", "Yhdyspintapalvelujen tuotantotapa",
                  "Yhteiset toimielimet ja työryhmät"),
    ("yp", "B"): ("Yhdyspintojen johtamismalli", "Verkostojohtamisen käytännöt",
                  "Yhteistyöverkostot järjestöjen kanssa", "Seudullinen yhteistyö",
                  "Kumppanuusfoorumit"),
    ("yp", "C"): ("Yhdyspintatyön osaamistarpeet", "Yhdyspintatehtävien resursointi",
                  "Hyte-koordinaattoreiden tehtävät", "Yhteiset koulutukset",
                  "Yhdyspintatyön rahoitus"),
    ("yp", "D"): ("Sidosryhmäkartoitus", "Henkilöstön osallistaminen yhdyspintatyöhön",
                  "Sidosryhmien kuulemismalli", "Järjestöyhteistyön sopimukset",
                  "Asukasosallisuus yhdyspinnoilla"),
    ("yp", "E"): ("Yhdyspintojen tietotarpeet", "Tiedonvaihto kuntien kanssa",
                  "Hyvinvointitiedon yhteinen tietopohja", "Tietojärjestelmien rajapinnat kuntiin",
                  "Yhteiset indikaattorit"),
    ("ict", "A"): ("ICT-palvelujen siirtosuunnitelma", "ICT-sopimusten siirrot", "ICT-hankinnat",
                   "Tietosuojaselosteet", "ICT-kustannusten budjetointi"),
    ("ict", "B"): ("Talousjärjestelmä", "Henkilöstö- ja palkkajärjestelmä",
                   "Asianhallintajärjestelmä", "Sähköposti ja yhteistyöalustat",
                   "Käyttäjä- ja identiteetinhallinta"),
    ("ict", "C"): ("Potilastietojärjestelmät", "Sosiaalihuollon asiakastietojärjestelmät",
                   "Pelastustoimen järjestelmät", "Kanta-palveluihin liittyminen",
                   "Ajanvaraus- ja asiointipalvelut"),
    ("ict", "D"): ("Tietoliikenneverkot", "Konesali- ja pilvipalvelut",
                   "Työasemat ja päätelaitteet", "Tietoturvavalvonta",
                   "Varmuuskopiointi ja jatkuvuus"),
    ("ict", "E"): ("Hakemistopalvelut", "Integraatioalusta", "Tulostus- ja tiedostopalvelut",
                   "Valvonta- ja hallintajärjestelmät", "Tunnistautumisratkaisut"),
}

STAGES_SV = (
    "nuläget kartlagt",
    "plan utarbetad",
    "riktlinjer godkända",
    "genomförandet inlett",
    "klart för överföringen av organiseringsansvaret",
)

# Swedish titles, for the regions that report in Swedish: same keys and order as SUBJECTS.
SUBJECTS_SV: dict[tuple[str, str], tuple[str, ...]] = {
    ("htt", "A"): ("Förvaltningsstadga", "Områdesfullmäktiges och organens struktur",
                   "Organisationsstruktur och behörighetsförhållanden", "Påverkansorgan",
                   "Beredning av välfärdsområdets strategiarbete"),
    ("htt", "B"): ("Budget och ekonomiplan 2023", "Bokföringens och kontoplanens struktur",
                   "Betalningsrörelse och banktjänster", "Investeringsplan",
                   "Intern kontroll och riskhantering"),
    ("htt", "C"): ("Samarbetsförfaranden vid personalöverföringar",
                   "Förteckningar över personal som överförs", "Löneharmonisering",
                   "Tillämpning av kollektivavtal", "Personaladministrationens processer"),
    ("htt", "D"): ("Inventering av avtal som överförs", "Meddelanden om överföring av avtal",
                   "Köpavtal för tjänster", "Hyresavtal", "Avtalshantering"),
    ("htt", "E"): ("Servicecenter för ekonomi- och personalförvaltning", "Upphandlingstjänster",
                   "Logistik och instrumentvård", "Kost- och städtjänster",
                   "Ägararrangemang för stödtjänstbolag"),
    ("htt", "F"): ("Förteckning över lös egendom som överförs", "Hyresavtal för lokaler",
                   "Utredning av fastigheternas skick och användning", "Lokalstrategi",
                   "Överföring av aktier i fastighetsbolag"),
    ("htt", "G"): ("Ärendehanteringens processer", "Informationsstyrningsplan",
                   "Arkivering och handlingar som överförs", "Registratorskontorets rutiner",
                   "Elektroniskt beslutsfattande"),
    ("htt", "H"): ("Informationsförvaltningens organisation", "Informationsförvaltningens servicemodell",
                   "Organisation för informationssäkerhet och dataskydd", "Relationer med IKT-leverantörer",
                   "Informationsförvaltningens resurser"),
    ("jo", "A"): ("Kompetenskartläggning", "Ledningens träningsprogram", "Stöd för förändringsledning",
                  "Förmågor för strategisk ledning", "Utvecklings- och innovationsverksamhet"),
    ("jo", "B"): ("Ledningssystem", "Välfärdsområdets strategi", "Ledningsgruppens arbete",
                  "Principer för ägarstyrning", "Resultat- och avtalsstyrning"),
    ("jo", "C"): ("Organisationsmodell för serviceproduktionen", "Serviceområdenas ledningsstruktur",
                  "Modell för närledarskap", "Samarbete med privata serviceproducenter",
                  "Beredskapsplanering och förberedelser"),
    ("jo", "D"): ("Modell för kunskapsbaserad ledning", "Datalager och rapportering",
                  "Mätare och nyckeltal", "Kostnads- och effektivitetsdata",
                  "Harmonisering av kunskapsunderlag"),
    ("jo", "E"): ("Kommunikationsplan", "Modell för invånardelaktighet", "Personalkommunikation",
                  "Webbplats och elektroniska kanaler", "Beredskap för kriskommunikation"),
    ("pj", "A"): ("Bedömning av servicebehovet", "Prognos för servicebehovet", "Välfärdsberättelse",
                  "Specialgruppers servicebehov", "Tillgodoseende av språkliga rättigheter"),
    ("pj", "B"): ("Analys av verksamhetsmiljön", "Säkerhets- och riskbedömning",
                  "Räddningsväsendets servicenivåbeslut", "Beredskaps- och kontinuitetsplan",
                  "Samarbete med myndigheter"),
    ("pj", "C"): ("Servicestrategi", "Servicelöfte", "Plan för servicenätet",
                  "Harmonisering av klientavgifter", "Program för egenkontroll"),
    ("pj", "D"): ("Tjänstebeskrivningar", "Grunder för beviljande av tjänster", "Vård- och servicekedjor",
                  "Plan för harmonisering av tjänsterna", "Digitala tjänster"),
    ("pj", "E"): ("Upphandlingsstrategi", "Upphandlingsavtal som överförs", "Systemet med servicesedlar",
                  "Upphandlingsanvisningar och -processer",
                  "Plan för konkurrensutsättning av köpta tjänster"),
    ("pj", "F"): ("Modell för produktionsstyrning", "Tillsyn över serviceproducenter",
                  "Styrning av den egna produktionen", "Uppföljning av kvalitet och tillgång",
                  "Produktionsavtal"),
    ("pj", "G"): ("Integration av social- och hälsovårdstjänster",
                  "Samarbetsavtal inom samarbetsområdet",
                  "Koordinering med den specialiserade sjukvården", "Samarbete med organisationer",
                  "Samarbete med FPA och arbets- och näringstjänsterna"),
    ("yp", "A"): ("Samarbetsstrukturer mellan kommunerna och välfärdsområdet",
                  "Samarbetsmodell för främjande av välfärd och hälsa",
                  "Förhandlingsförfarande med kommunerna", "Produktionssätt för gränsytetjänster",
                  "Gemensamma organ och arbetsgrupper"),
    ("yp", "B"): ("Ledningsmodell för gränsytorna", "Praxis för nätverksledning",
                  "Samarbetsnätverk med organisationer", "Regionalt samarbete", "Partnerskapsforum"),
    ("yp", "C"): ("Kompetensbehov i gränsytearbetet", "Resurser för gränsyteuppgifterna",
                  "Uppgifter för koordinatorer för välfärd och hälsa", "Gemensamma utbildningar",
                  "Finansiering av gränsytearbetet"),
    ("yp", "D"): ("Kartläggning av intressenter", "Personalens delaktighet i gränsytearbetet",
                  "Modell för hörande av intressenter", "Avtal om samarbete med organisationer",
                  "Invånardelaktighet i gränsytorna"),
    ("yp", "E"): ("Informationsbehov i gränsytorna", "Informationsutbyte med kommunerna",
                  "Gemensamt kunskapsunderlag om välfärd",
                  "Informationssystemens gränssnitt mot kommunerna", "Gemensamma indikatorer"),
    ("ict", "A"): ("Plan för överföring av IKT-tjänster", "Överföring av IKT-avtal", "IKT-upphandlingar",
                   "Dataskyddsbeskrivningar", "Budgetering av IKT-kostnader"),
    ("ict", "B"): ("Ekonomisystem", "Personal- och lönesystem", "Ärendehanteringssystem",
                   "E-post och samarbetsplattformar", "Användar- och identitetshantering"),
    ("ict", "C"): ("Patientdatasystem", "Klientdatasystem inom socialvården", "Räddningsväsendets system",
                   "Anslutning till Kanta-tjänsterna", "Tidsbokning och e-tjänster"),
    ("ict", "D"): ("Datakommunikationsnät", "Datacenter- och molntjänster",
                   "Arbetsstationer och terminaler", "Övervakning av informationssäkerheten",
                   "Säkerhetskopiering och kontinuitet"),
    ("ict", "E"): ("Katalogtjänster", "Integrationsplattform", "Utskrifts- och filtjänster",
                   "Övervaknings- och administrationssystem", "Autentiseringslösningar"),
}

# A few milestones with an exact date instead of a quarter (all in 2022).
MILESTONES: tuple[tuple[str, str, str, str, dt.date], ...] = (
    ("htt", "A", "Aluevaltuustovaalit järjestetty", "Områdesvalet genomfört", dt.date(2022, 1, 23)),
    ("htt", "A", "Aluevaltuuston ensimmäinen kokous pidetty",
     "Områdesfullmäktiges första möte hållet", dt.date(2022, 3, 1)),
    ("htt", "B", "Talousarvio 2023 hyväksytty aluevaltuustossa",
     "Budgeten för 2023 godkänd av områdesfullmäktige", dt.date(2022, 12, 15)),
    ("htt", "C", "Siirtyvä henkilöstö vahvistettu", "Personalen som överförs fastställd",
     dt.date(2022, 10, 31)),
)


@dataclass(frozen=True)
class SyntheticTask:
    code: str  # stable id, e.g. "HTT-C-012"
    workstream: str
    letter: str
    title_fi: str
    title_sv: str
    due: dt.date
    due_label: str  # "Q4/2021" or "15.12.2022"


def _spread(total: int, letters: list[str], start: int = 0) -> dict[str, int]:
    """`total` tasks spread evenly over sub-areas, the remainder going round-robin from `start`."""
    counts = {letter: total // len(letters) for letter in letters}
    for i in range(total % len(letters)):
        counts[letters[(start + i) % len(letters)]] += 1
    return counts


def _due_counts_2021(ws: WorkstreamDef) -> dict[str, int]:
    letters = [sa.letter for sa in ws.sub_areas]
    if ws.code == "yp":
        return dict(YHDYSPINNAT_DUE_BY_Q4_2021)
    return _spread(ws.due_by_q4_2021, letters)


def synthetic_tasks() -> list[SyntheticTask]:
    """The whole synthetic list, in workstream and sub-area order, by due date within each."""
    tasks: list[SyntheticTask] = []
    for ws in WORKSTREAMS:
        letters = [sa.letter for sa in ws.sub_areas]
        # per sub-area: (due, label, (fi, sv) title of a milestone or None)
        planned: dict[str, list[tuple[dt.date, str, tuple[str, str] | None]]] = {
            letter: [] for letter in letters}
        for letter, count in _due_counts_2021(ws).items():
            early = round(count * SHARE_DUE_Q3_2021)
            for i in range(count):
                year, quarter = QUARTERS_2021[0] if i < early else QUARTERS_2021[1]
                planned[letter].append((quarter_last_day(year, quarter), f"Q{quarter}/{year}", None))
        per_quarter = max(2, round(ws.due_by_q4_2021 * SHARE_PER_QUARTER_2022))
        cursor = 0
        for year, quarter in QUARTERS_2022:
            for letter, count in _spread(per_quarter, letters, cursor).items():
                planned[letter] += [(quarter_last_day(year, quarter), f"Q{quarter}/{year}", None)] * count
            cursor += per_quarter
        for code, letter, title_fi, title_sv, date in MILESTONES:
            if code == ws.code:
                planned[letter].append((date, f"{date.day}.{date.month}.{date.year}",
                                        (title_fi, title_sv)))
        for letter in letters:
            subjects, subjects_sv = SUBJECTS[(ws.code, letter)], SUBJECTS_SV[(ws.code, letter)]
            # stable order: by due date, quarter tasks before an exact date on the same day
            items = sorted(planned[letter], key=lambda item: (item[0], item[2] is not None))
            generated = 0
            for seq, (due, label, title) in enumerate(items, start=1):
                if title is None:
                    which = generated % len(subjects)
                    stage = min(generated // len(subjects), len(STAGES) - 1)
                    title = (f"{subjects[which]}: {STAGES[stage]}",
                             f"{subjects_sv[which]}: {STAGES_SV[stage]}")
                    generated += 1
                tasks.append(SyntheticTask(f"{ws.code.upper()}-{letter}-{seq:03d}", ws.code,
                                           letter, title[0], title[1], due, label))
    return tasks
