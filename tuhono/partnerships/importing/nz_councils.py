"""New Zealand's territorial authorities, so that a list's 'Hutt' or 'Waipa – Cambridge' becomes a council.

Public lists name the New Zealand side by town, by council or by both. Each
council here carries its official name, its seat (where it is drawn on the
map) and the other names lists use for it. Where a town is named that is not
a seat, the council it belongs to is found through the town's own entry in
TOWNS. Source: the Local Government Commission's list of territorial
authorities (67, as constituted since 2010).
"""

from __future__ import annotations

from typing import NamedTuple


class NzCouncil(NamedTuple):
    name: str
    slug: str
    seat: str
    region: str
    aliases: tuple[str, ...] = ()


NZ_COUNCILS: tuple[NzCouncil, ...] = (
    NzCouncil("Far North District Council", "far-north", "Kaikohe", "Northland", ("Far North",)),
    NzCouncil("Whangārei District Council", "whangarei", "Whangārei", "Northland", ("Whangarei",)),
    NzCouncil("Kaipara District Council", "kaipara", "Dargaville", "Northland", ("Kaipara",)),
    NzCouncil("Auckland Council", "auckland", "Auckland", "Auckland", ("Auckland", "Tāmaki Makaurau")),
    NzCouncil("Thames-Coromandel District Council", "thames-coromandel", "Thames", "Waikato", ("Thames-Coromandel",)),
    NzCouncil("Hauraki District Council", "hauraki", "Paeroa", "Waikato", ("Hauraki",)),
    NzCouncil("Waikato District Council", "waikato", "Ngāruawāhia", "Waikato", ("Waikato",)),
    NzCouncil("Matamata-Piako District Council", "matamata-piako", "Te Aroha", "Waikato", ("Matamata-Piako",)),
    NzCouncil("Hamilton City Council", "hamilton", "Hamilton", "Waikato", ("Hamilton", "Kirikiriroa")),
    NzCouncil("Waipā District Council", "waipa", "Te Awamutu", "Waikato", ("Waipa", "Waipā")),
    NzCouncil("Ōtorohanga District Council", "otorohanga", "Ōtorohanga", "Waikato", ("Otorohanga",)),
    NzCouncil("South Waikato District Council", "south-waikato", "Tokoroa", "Waikato", ("South Waikato",)),
    NzCouncil("Waitomo District Council", "waitomo", "Te Kūiti", "Waikato", ("Waitomo",)),
    NzCouncil("Taupō District Council", "taupo", "Taupō", "Waikato", ("Taupo", "Taupō")),
    NzCouncil(
        "Western Bay of Plenty District Council",
        "western-bay-of-plenty",
        "Te Puke",
        "Bay of Plenty",
        ("Western Bay of Plenty",),
    ),
    NzCouncil("Tauranga City Council", "tauranga", "Tauranga", "Bay of Plenty", ("Tauranga",)),
    NzCouncil("Rotorua Lakes Council", "rotorua", "Rotorua", "Bay of Plenty", ("Rotorua", "Rotorua Lakes")),
    NzCouncil("Whakatāne District Council", "whakatane", "Whakatāne", "Bay of Plenty", ("Whakatane",)),
    NzCouncil("Kawerau District Council", "kawerau", "Kawerau", "Bay of Plenty", ("Kawerau",)),
    NzCouncil("Ōpōtiki District Council", "opotiki", "Ōpōtiki", "Bay of Plenty", ("Opotiki",)),
    NzCouncil("Gisborne District Council", "gisborne", "Gisborne", "Gisborne", ("Gisborne", "Tairāwhiti")),
    NzCouncil("Wairoa District Council", "wairoa", "Wairoa", "Hawke's Bay", ("Wairoa",)),
    NzCouncil("Hastings District Council", "hastings", "Hastings", "Hawke's Bay", ("Hastings",)),
    NzCouncil("Napier City Council", "napier", "Napier", "Hawke's Bay", ("Napier",)),
    NzCouncil(
        "Central Hawke's Bay District Council",
        "central-hawkes-bay",
        "Waipukurau",
        "Hawke's Bay",
        ("Central Hawke's Bay",),
    ),
    NzCouncil("New Plymouth District Council", "new-plymouth", "New Plymouth", "Taranaki", ("New Plymouth",)),
    NzCouncil("Stratford District Council", "stratford", "Stratford", "Taranaki", ("Stratford",)),
    NzCouncil("South Taranaki District Council", "south-taranaki", "Hāwera", "Taranaki", ("South Taranaki",)),
    NzCouncil("Ruapehu District Council", "ruapehu", "Taumarunui", "Manawatū-Whanganui", ("Ruapehu",)),
    NzCouncil("Whanganui District Council", "whanganui", "Whanganui", "Manawatū-Whanganui", ("Whanganui", "Wanganui")),
    NzCouncil("Rangitīkei District Council", "rangitikei", "Marton", "Manawatū-Whanganui", ("Rangitikei",)),
    NzCouncil("Manawatū District Council", "manawatu", "Feilding", "Manawatū-Whanganui", ("Manawatu",)),
    NzCouncil(
        "Palmerston North City Council",
        "palmerston-north",
        "Palmerston North",
        "Manawatū-Whanganui",
        ("Palmerston North",),
    ),
    NzCouncil("Tararua District Council", "tararua", "Dannevirke", "Manawatū-Whanganui", ("Tararua",)),
    NzCouncil("Horowhenua District Council", "horowhenua", "Levin", "Manawatū-Whanganui", ("Horowhenua",)),
    NzCouncil("Kāpiti Coast District Council", "kapiti-coast", "Paraparaumu", "Wellington", ("Kapiti Coast", "Kapiti")),
    NzCouncil("Porirua City Council", "porirua", "Porirua", "Wellington", ("Porirua",)),
    NzCouncil("Upper Hutt City Council", "upper-hutt", "Upper Hutt", "Wellington", ("Upper Hutt",)),
    NzCouncil("Hutt City Council", "hutt-city", "Lower Hutt", "Wellington", ("Hutt", "Hutt City", "Lower Hutt")),
    NzCouncil("Wellington City Council", "wellington", "Wellington", "Wellington", ("Wellington", "Pōneke")),
    NzCouncil("Masterton District Council", "masterton", "Masterton", "Wellington", ("Masterton",)),
    NzCouncil("Carterton District Council", "carterton", "Carterton", "Wellington", ("Carterton",)),
    NzCouncil(
        "South Wairarapa District Council", "south-wairarapa", "Martinborough", "Wellington", ("South Wairarapa",)
    ),
    NzCouncil("Tasman District Council", "tasman", "Richmond", "Tasman", ("Tasman",)),
    NzCouncil("Nelson City Council", "nelson", "Nelson", "Nelson", ("Nelson", "Whakatū")),
    NzCouncil("Marlborough District Council", "marlborough", "Blenheim", "Marlborough", ("Marlborough",)),
    NzCouncil("Kaikōura District Council", "kaikoura", "Kaikōura", "Canterbury", ("Kaikoura",)),
    NzCouncil("Buller District Council", "buller", "Westport", "West Coast", ("Buller",)),
    NzCouncil("Grey District Council", "grey", "Greymouth", "West Coast", ("Grey",)),
    NzCouncil("Westland District Council", "westland", "Hokitika", "West Coast", ("Westland",)),
    NzCouncil("Hurunui District Council", "hurunui", "Amberley", "Canterbury", ("Hurunui",)),
    NzCouncil("Waimakariri District Council", "waimakariri", "Rangiora", "Canterbury", ("Waimakariri",)),
    NzCouncil("Christchurch City Council", "christchurch", "Christchurch", "Canterbury", ("Christchurch", "Ōtautahi")),
    NzCouncil("Selwyn District Council", "selwyn", "Rolleston", "Canterbury", ("Selwyn",)),
    NzCouncil("Ashburton District Council", "ashburton", "Ashburton", "Canterbury", ("Ashburton",)),
    NzCouncil("Timaru District Council", "timaru", "Timaru", "Canterbury", ("Timaru",)),
    NzCouncil("Mackenzie District Council", "mackenzie", "Fairlie", "Canterbury", ("Mackenzie",)),
    NzCouncil("Waimate District Council", "waimate", "Waimate", "Canterbury", ("Waimate",)),
    NzCouncil("Waitaki District Council", "waitaki", "Oamaru", "Otago", ("Waitaki", "Oamaru")),
    NzCouncil("Central Otago District Council", "central-otago", "Alexandra", "Otago", ("Central Otago",)),
    NzCouncil(
        "Queenstown-Lakes District Council",
        "queenstown-lakes",
        "Queenstown",
        "Otago",
        ("Queenstown-Lakes", "Queenstown Lakes", "Queenstown"),
    ),
    NzCouncil("Dunedin City Council", "dunedin", "Dunedin", "Otago", ("Dunedin", "Ōtepoti")),
    NzCouncil("Clutha District Council", "clutha", "Balclutha", "Otago", ("Clutha",)),
    NzCouncil("Southland District Council", "southland", "Invercargill", "Southland", ("Southland",)),
    NzCouncil("Gore District Council", "gore", "Gore", "Southland", ("Gore",)),
    NzCouncil("Invercargill City Council", "invercargill", "Invercargill", "Southland", ("Invercargill",)),
    NzCouncil("Chatham Islands Council", "chatham-islands", "Waitangi", "Chatham Islands", ("Chatham Islands",)),
)

# Towns that lists name instead of their council (not seats, so not found above).
TOWNS: dict[str, str] = {
    "Cambridge": "waipa",
    "Te Awamutu": "waipa",
    "Oamaru": "waitaki",
    "Foxton": "horowhenua",
    "Levin": "horowhenua",
    "Whitianga": "thames-coromandel",
    "Thames": "thames-coromandel",
    "Blenheim": "marlborough",
    "Picton": "marlborough",
    "Rangiora": "waimakariri",
    "Kaiapoi": "waimakariri",
    "Rolleston": "selwyn",
    "Wanaka": "queenstown-lakes",
    "Wānaka": "queenstown-lakes",
    "Feilding": "manawatu",
    "Hawera": "south-taranaki",
    "Hāwera": "south-taranaki",
    "Richmond": "tasman",
    "Motueka": "tasman",
    "Balclutha": "clutha",
    "Alexandra": "central-otago",
    "Cromwell": "central-otago",
    "Paraparaumu": "kapiti-coast",
    "Tokoroa": "south-waikato",
    "Te Puke": "western-bay-of-plenty",
    "Katikati": "western-bay-of-plenty",
    "Dargaville": "kaipara",
    "Kerikeri": "far-north",
    "Kaikohe": "far-north",
    "Paeroa": "hauraki",
    "Waihi": "hauraki",
    "Morrinsville": "matamata-piako",
    "Matamata": "matamata-piako",
    "Te Aroha": "matamata-piako",
    "Westport": "buller",
    "Greymouth": "grey",
    "Hokitika": "westland",
    "Martinborough": "south-wairarapa",
    "Greytown": "south-wairarapa",
    "Featherston": "south-wairarapa",
    "Dannevirke": "tararua",
    "Marton": "rangitikei",
    "Taumarunui": "ruapehu",
    "Waipukurau": "central-hawkes-bay",
    "Fairlie": "mackenzie",
    "Amberley": "hurunui",
    "Kaikoura": "kaikoura",
    "Huntly": "waikato",
    "Ngaruawahia": "waikato",
    "Te Kuiti": "waitomo",
    "Otorohanga": "otorohanga",
    "Havelock North": "hastings",
    "Petone": "hutt-city",
    "Eastbourne": "hutt-city",
}
