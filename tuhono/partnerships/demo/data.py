"""The demonstration register: what the seed pages say of Auckland's partnerships,
and the other councils' partnerships named in the news report on sister-city risk.

Years, legacy councils, focus areas and history are as the pages give them.
"""

from typing import Any

COUNCILS: list[dict[str, Any]] = [
    {
        "slug": "auckland",
        "name": "Auckland Council",
        "maori_name": "Te Kaunihera o Tāmaki Makaurau",
        "region": "Auckland",
        "website": "https://www.aucklandcouncil.govt.nz",
        "seat": ("Auckland", "NZ"),
    },
    {
        "slug": "north-shore-city",
        "name": "North Shore City Council",
        "region": "Auckland",
        "successor": "auckland",
        "ceased_on": "2010-11-01",
        "seat": ("North Shore", "NZ"),
    },
    {
        "slug": "waitakere-city",
        "name": "Waitakere City Council",
        "region": "Auckland",
        "successor": "auckland",
        "ceased_on": "2010-11-01",
        "seat": ("Waitakere", "NZ"),
    },
    {
        "slug": "mt-roskill-borough",
        "name": "Mt Roskill Borough Council",
        "region": "Auckland",
        "successor": "auckland",
        "ceased_on": "1989-11-01",
        "seat": ("Mount Roskill", "NZ"),
    },
    {
        "slug": "one-tree-hill-borough",
        "name": "One Tree Hill Borough Council",
        "region": "Auckland",
        "successor": "auckland",
        "ceased_on": "1989-11-01",
        "seat": ("One Tree Hill", "NZ"),
    },
    {
        "slug": "dunedin",
        "name": "Dunedin City Council",
        "maori_name": "Kaunihera-a-rohe o Ōtepoti",
        "region": "Otago",
        "website": "https://www.dunedin.govt.nz",
        "seat": ("Dunedin", "NZ"),
    },
    {
        "slug": "invercargill",
        "name": "Invercargill City Council",
        "region": "Southland",
        "website": "https://icc.govt.nz",
        "seat": ("Invercargill", "NZ"),
    },
    {
        "slug": "tauranga",
        "name": "Tauranga City Council",
        "region": "Bay of Plenty",
        "website": "https://www.tauranga.govt.nz",
        "seat": ("Tauranga", "NZ"),
    },
    {
        "slug": "hamilton",
        "name": "Hamilton City Council",
        "maori_name": "Te Kaunihera o Kirikiriroa",
        "region": "Waikato",
        "website": "https://hamilton.govt.nz",
        "seat": ("Hamilton", "NZ"),
    },
]

AUCKLAND_PAGE = "Auckland Council, Our international partnerships"
# A record's source begins with this when the seeds lack the fact and the demo shows an example instead.
EXAMPLE_DATA = "Example data: "
hamilton_summary_text = (
    "Hamilton's ties span China, Japan, Belgium and the United States, from education and student "
    "recruitment to historical connections."
)

PARTNERSHIPS: list[dict[str, Any]] = [
    {
        "council": "auckland",
        "partner": ("Brisbane", "AU"),
        "kind": "sister_city",
        "signed": "1988",
        "signed_basis": "2021 marked 33 years of partnership",
        "authority": "Brisbane City Council",
        "website": "https://www.brisbane.qld.gov.au",
        "focus": ["Trade", "Investment", "Housing", "Urban development", "Infrastructure", "Growth management"],
        "summary": "The largest local governing bodies in Australasia, collaborating on trade, investment, "
        "housing, urban development and infrastructure.",
        "story": "Brisbane and Auckland councils are the largest local governing bodies in Australasia. "
        "2021 marks 33 years of partnership between the two cities. Our relationship has a strong emphasis "
        "on economic activity and growth management, including active collaboration on trade, investment, "
        "housing, urban development and infrastructure.",
        "milestones": [("2021", "anniversary", "33 years of partnership", "")],
    },
    {
        "council": "auckland",
        "partner": ("Guangzhou", "CN"),
        "kind": "partner_city",
        "signed": "1989",
        "signed_basis": "30th anniversary celebrated in 2019",
        "authority": "Government of Guangzhou",
        "website": "https://www.gz.gov.cn",
        "focus": ["Trade", "Investment", "Culture", "Climate change", "Emergency preparedness"],
        "summary": "Auckland's longest-standing and most successful sub-national partnership in China, "
        "strengthened by the Tripartite Economic Alliance.",
        "story": "Guangzhou is a leading commercial city and a major South China sea port. In 2019, Auckland "
        "and Guangzhou celebrated the 30th anniversary of the partner city relationship – Auckland's "
        "longest-standing and most successful sub-national partnership in China. The Tripartite Economic "
        "Alliance has strengthened our relationship. This alliance has resulted in increased trilateral "
        "business, more cultural engagement, and dialogues around climate change and emergency preparedness.",
        "milestones": [
            ("2014", "event", "Tripartite Economic Alliance launched with Los Angeles", ""),
            ("2019", "anniversary", "30th anniversary of the partner city relationship", ""),
        ],
    },
    {
        "council": "auckland",
        "partner": ("Ningbo", "CN"),
        "kind": "partner_city",
        "signed": "1998",
        "signed_basis": "Partnership forged",
        "authority": "Government of Ningbo",
        "website": "http://www.ningbo.gov.cn",
        "focus": ["Education", "Civic exchange", "Port development", "Culture"],
        "summary": "An important trade city for 2000 years; education cooperation is a key feature.",
        "story": "Ningbo has been an important trade city for at least 2000 years. The port of Ningbo is the "
        "second largest in China and the sixth largest in the world. Our partnership was forged in 1998 and "
        "re-confirmed in 2012. Education cooperation has been a key feature of the partner city relationship. "
        "The Ningbo-Auckland Educational Association was established in 2013 and holds annual conferences "
        "for students and educators from the two cities. Our partnership also promotes best practice exchange "
        "in civic, port development and cultural engagement.",
        "milestones": [
            ("2012", "reconfirmed", "Partnership re-confirmed", ""),
            (
                "2013",
                "exchange",
                "Ningbo-Auckland Educational Association established",
                "Holds annual conferences for students and educators from the two cities.",
            ),
        ],
    },
    {
        "council": "auckland",
        "partner": ("Qingdao", "CN"),
        "kind": "partner_city",
        "signed": "2008",
        "signed_basis": "Partner city relationship signed",
        "authority": "Government of Qingdao",
        "website": "http://www.qingdao.gov.cn",
        "focus": ["Film", "Sailing", "Sport", "Tourism", "Education"],
        "summary": "The Chinese Sailing City; film is the key focus of the partnership.",
        "story": "Qingdao is a major coastal city of eastern China and is known as the Chinese Sailing City. "
        "The city shares its keen interest in sailing, sports and tourism with Auckland. The partner city "
        "relationship between Qingdao and Auckland was signed in 2008. The film industry is the key focus of "
        "our partnership with Qingdao. More recently, there has been growing interest and cooperation in "
        "education with annual New Zealand-China Youth Leadership Summits, partly sponsored by Qingdao "
        "Education Bureau, and Qingdao Foreign Affairs Office.",
        "milestones": [],
    },
    {
        "council": "auckland",
        "partner": ("Shanghai", "CN"),
        "kind": "letter_of_intent",
        "signed": "2012",
        "signed_basis": "Letter of Intent of Friendly Cooperation, signed during an Auckland mayoral mission to China",
        "authority": "Shanghai Municipal Government",
        "website": "https://www.shanghai.gov.cn",
        "focus": ["Civic exchange", "Environment", "Urban planning"],
        "summary": "China's largest cosmopolitan city: high-level governmental visits, environment protection "
        "and city development.",
        "story": "Shanghai is China's largest cosmopolitan and most international city. Auckland and Shanghai "
        "signed a Letter of Intent of Friendly Cooperation in 2012, during an Auckland mayoral mission to "
        "China. The two cities have agreed to cooperate in high-level governmental visits, environment "
        "protection and city development. Shanghai and Dunedin have been enjoying a formal and strong "
        "sister-city relationship since 1994.",
        "milestones": [],
    },
    {
        "council": "auckland",
        "partner": ("Cook Islands", "CK"),
        "place_kind": "country",
        "kind": "memorandum_of_cooperation",
        # The page gives the year it was re-signed, not the year it was first signed.
        "authority": "Government of the Cook Islands",
        "focus": ["Governance", "Infrastructure", "Culture"],
        "summary": "Technical advice on governance and infrastructure, and an exchange of knowledge, "
        "experience and cultural understanding.",
        "story": "The Cook Islands' Memorandum of Cooperation with Auckland was re-signed in 2012 during the "
        "Auckland mayoral-led trade mission to the Pacific. We made a commitment to provide technical advice "
        "around governance and infrastructure. We will also share and exchange knowledge, experience, and "
        "cultural understanding with the Cook Islands.",
        "milestones": [
            (
                "2012",
                "resigned",
                "Memorandum of Cooperation re-signed",
                "Re-signed during the Auckland mayoral-led trade mission to the Pacific.",
            )
        ],
    },
    {
        "council": "auckland",
        "partner": ("Nadi", "FJ"),
        "kind": "partner_city",
        "signed": "2006",
        "signed_basis": "Agreement signed by the legacy North Shore City Council",
        "legacy": "north-shore-city",
        "authority": "Nadi Town Council",
        "focus": ["Governance", "Infrastructure", "Urban development"],
        "summary": "Cooperation on human resources, infrastructure equipment, seminars and public amenities.",
        "story": "In 2006, the legacy North Shore Council signed an agreement with Nadi Town Council. Our "
        "relationship focuses on cooperation around human resources, help with infrastructure equipment and "
        "machinery, participation in seminars, and the development of public amenities.",
        "milestones": [],
    },
    {
        "council": "auckland",
        "partner": ("Samoa", "WS"),
        "place_kind": "country",
        "kind": "memorandum_of_cooperation",
        # The page gives the year it was re-signed, not the year it was first signed.
        "authority": "Government of Samoa",
        "focus": ["Urban planning", "Governance"],
        "summary": "Technical assistance for the Apia waterfront and a dog control management programme.",
        "story": "Samoa's Memorandum of Cooperation with Auckland was re-signed during the Auckland "
        "mayoral-led trade mission in 2012. Recent activity includes technical assistance funded under the "
        "PacificTA for the planning development of the Apia waterfront and a dog control management programme.",
        "milestones": [
            (
                "2012",
                "resigned",
                "Memorandum of Cooperation re-signed",
                "Re-signed during the Auckland mayoral-led trade mission.",
            ),
        ],
    },
    {
        "council": "auckland",
        "partner": ("Tonga", "TO"),
        "place_kind": "country",
        "kind": "memorandum_of_cooperation",
        "signed": "2012",
        "signed_basis": "Memorandum of Cooperation established",
        "authority": "Government of the Kingdom of Tonga",
        "website": "https://www.gov.to",
        "focus": ["Governance", "Infrastructure", "Urban planning", "Major events"],
        "summary": "Technical advice in governance and infrastructure development; urban planning and "
        "major-event planning.",
        "story": "Auckland's relationship with the Kingdom of Tonga was established with a Memorandum of "
        "Cooperation in 2012. The bilateral relationship includes a commitment from Auckland to provide "
        "technical advice in governance and infrastructure development. Tonga and Auckland exchange "
        "knowledge, experience, and cultural understanding. Activities to date have focused on urban "
        "planning, governance and major-event planning and implementation.",
        "milestones": [],
    },
    {
        "council": "auckland",
        "partner": ("Fukuoka", "JP"),
        "kind": "sister_city",
        "signed": "1986",
        "signed_basis": "Sister city agreement signed",
        "authority": "City of Fukuoka",
        "website": "https://www.city.fukuoka.lg.jp",
        "focus": ["Education", "Culture", "Tourism", "Trade", "Innovation"],
        "summary": "Cultural understanding and connectivity in education, culture, tourism and trade; now "
        "collaboration on innovative business.",
        "story": "The Auckland-Fukuoka sister city agreement was signed in 1986 to encourage cultural "
        "understanding and to promote connectivity in education, culture, tourism and trade. The current "
        "focus of the relationship is on collaboration on innovative business. Due to our partner city "
        "relationship with Fukuoka, Auckland is annually invited to attend the Asian Pacific Children's "
        "Convention (APCC) in Fukuoka. Each year, six 11-year olds are selected to represent Auckland, "
        "joining over 200 'Junior Ambassadors' from over 33 nations. The convention aims to nurture "
        "understanding and respect, thereby equipping our future community leaders. The re-established "
        "Fukuoka Friendship Garden in Western Springs Lakeside Park opened in July 2017.",
        "milestones": [
            (
                "2017-07",
                "gift",
                "Fukuoka Friendship Garden re-established",
                "The re-established Fukuoka Friendship Garden in Western Springs Lakeside Park opened.",
            ),
        ],
    },
    {
        "council": "auckland",
        "partner": ("Kakogawa", "JP"),
        "kind": "sister_city",
        "signed": "1992",
        "signed_basis": "Sister city relationship formalised",
        "focus": ["Education", "Civic exchange"],
        "summary": "Home of the award-winning Kakogawa students with special needs programme.",
        "story": "The Auckland-Kakogawa sister city relationship was formalised in 1992, and both cities "
        "celebrated the 25th anniversary of the partnership in 2017. Our engagement with Kakogawa City "
        "includes the award-winning Kakogawa students with special needs programme, which Auckland has been "
        "facilitating since 1993.",
        "milestones": [
            (
                "1993",
                "exchange",
                "Kakogawa students with special needs programme begins",
                "An award-winning programme Auckland has facilitated every year since.",
            ),
            ("2017", "anniversary", "25th anniversary of the partnership", ""),
        ],
    },
    {
        "council": "auckland",
        "partner": ("Shinagawa", "JP"),
        "kind": "friendship_city",
        "geonames_id": 1852140,
        "coordinates": (35.60902, 139.73017),
        "signed": "1993",
        "signed_basis": "Friendship city agreement with Shinagawa Ward in Tokyo signed",
        "legacy": "mt-roskill-borough",
        "focus": ["Education"],
        "summary": "Teacher and student exchanges between Shinagawa's public high schools and Lynfield College.",
        "story": "Our friendship city agreement with Shinagawa Ward in Tokyo was signed in 1993. Our "
        "relationship began in 1989, when Mt Roskill Borough Council and Shinagawa established a friendship "
        "communiqué. Our connection is still strong, with ongoing teacher and student exchanges between "
        "Shinagawa's public high schools and Lynfield College.",
        "milestones": [
            (
                "1989",
                "first_contact",
                "Relationship begins: Mt Roskill Borough Council and Shinagawa establish a friendship communiqué",
                "",
            ),
        ],
    },
    {
        "council": "auckland",
        "partner": ("Tomioka", "JP"),
        "kind": "friendship_city",
        "geonames_id": 2110749,
        "signed": "1983",
        "signed_basis": "Friendship established by One Tree Hill Borough Council",
        "legacy": "one-tree-hill-borough",
        "focus": ["Civic exchange", "Culture"],
        "summary": "A friendship begun by One Tree Hill Borough Council; Tomioka reopened in 2017 after the "
        "2011 earthquake and tsunami.",
        "story": "The Auckland-Tomioka friendship was originally established in 1983 between One Tree Hill "
        "Borough Council and Tomioka. Tomioka was severely affected by the Tohoku earthquake and tsunami in "
        "2011 and the town evacuated due to its proximity to the Fukushima power plant. Tomioka officially "
        "reopened in April 2017.",
        "milestones": [
            ("2011", "event", "Tohoku earthquake and tsunami; the town is evacuated", ""),
            ("2017-04", "event", "Tomioka officially reopens", ""),
        ],
    },
    {
        "council": "auckland",
        "partner": ("Utsunomiya", "JP"),
        "kind": "sister_city",
        "signed": "1982",
        "signed_basis": "Sister city relationship forged",
        "focus": ["Civic exchange", "Education", "Culture"],
        "summary": "One of the longest-running sister city relationships in New Zealand.",
        "story": "Forged in 1982, Auckland's sister city relationship with Utsunomiya is one of the "
        "longest-running in New Zealand. The friendship has been strengthened through numerous civic and "
        "education exchanges, allowing residents of both cities to share and appreciate each other's culture.",
        "milestones": [],
    },
    {
        "council": "auckland",
        "partner": ("Busan", "KR"),
        "kind": "sister_city",
        "signed": "1996",
        "signed_basis": "Sister city relationship signed",
        "focus": ["Film", "Trade", "Marine industry", "Culture", "Tourism"],
        "summary": "Cooperation and best practice exchange in film, trade, marine industry, culture and tourism.",
        "story": "Busan, South Korea's second most populous city, has a thriving film sector, and annually "
        "hosts the Busan International Film Festival which attracts over 200,000 spectators and industry "
        "representatives. Our sister city relationship, signed in 1996, encourages cooperation and best "
        "practice exchange in film, trade, marine industry, culture and tourism. 2021 marks the 25th "
        "anniversary of the sister city relationship.",
        "milestones": [("2021", "anniversary", "25th anniversary of the sister city relationship", "")],
    },
    {
        "council": "auckland",
        "partner": ("Pohang", "KR"),
        "kind": "friendship_city",
        "signed": "2008",
        "signed_basis": "Friendship City agreement signed",
        "focus": ["Science and technology", "Trade", "Environment"],
        "summary": "Exchange and co-operation in science, technology, economy, trade and environment.",
        "story": "The Pohang-Auckland Friendship City agreement, signed in 2008, aims to facilitate exchange "
        "and co-operation in science, technology, economy, trade and environment. Pohang is home of the "
        "headquarters of POSCO, the world's fourth-largest steelmaker.",
        "milestones": [],
    },
    {
        "council": "auckland",
        "partner": ("Taichung", "TW"),
        "kind": "sister_city",
        "signed": "1996",
        "signed_basis": "Sister City agreement signed",
        "focus": [
            "Culture",
            "Education",
            "Trade",
            "Science and technology",
            "Urban planning",
            "Indigenous cooperation",
        ],
        "summary": "Cooperation in culture, education, trade, science and technology, city planning and "
        "indigenous cooperation.",
        "story": "The Auckland-Taichung Sister City agreement was signed in 1996. 2021 marks the 25th "
        "anniversary of this partnership. The relationship focuses on cooperation in culture, education, "
        "trade and science and technology. We also work with Taichung in city planning and enhancing "
        "indigenous cooperation.",
        "milestones": [("2021", "anniversary", "25th anniversary of the partnership", "")],
    },
    {
        "council": "auckland",
        "partner": ("Los Angeles", "US"),
        "kind": "sister_city",
        "signed": "1972",
        "signed_basis": "Sister city relationship officially signed",
        "authority": "City of Los Angeles",
        "website": "https://lacity.gov",
        "focus": [
            "Tourism",
            "Investment",
            "Trade",
            "Education",
            "Sport",
            "Culture",
            "Climate change",
            "Emergency preparedness",
        ],
        "summary": "Partners since 1972 in tourism, investment, trade, education, sport, culture and "
        "community initiatives.",
        "story": "Following informal engagement in 1971 coinciding with Air New Zealand's inaugural service "
        "to Los Angeles, the Auckland-Los Angeles sister city relationship was officially signed in 1972. "
        "Since then we have partnered to drive tourism and investment, trade, education, sport, culture and "
        "community initiatives. The relationship was strengthened in 2014 with the launch of the Tripartite "
        "Economic Alliance. This alliance has resulted in increased trilateral business activity and, more "
        "recently, conversations around climate change and emergency preparedness.",
        "milestones": [
            (
                "1971",
                "first_contact",
                "Informal engagement begins",
                "Coinciding with Air New Zealand's inaugural service to Los Angeles.",
            ),
            ("2014", "event", "Tripartite Economic Alliance launched with Guangzhou", ""),
        ],
    },
    {
        "council": "auckland",
        "partner": ("Galway", "IE"),
        "kind": "friendship_agreement",
        "signed": "2002",
        "signed_basis": "Friendship Agreement signed by Galway City Council and the legacy Waitakere City Council",
        "legacy": "waitakere-city",
        "authority": "Galway City Council",
        "website": "https://www.galwaycity.ie",
        "focus": ["Sailing", "Culture"],
        "summary": "Coastal cities sharing a keen interest in sailing, both regular hosts of the Volvo Ocean Race.",
        "story": "Galway City Council and the legacy Waitakere City Council (now part of Auckland Council) "
        "signed a Friendship Agreement in 2002. Both are coastal cities that share a keen interest in "
        "sailing and are regular hosts of the Volvo Ocean Race. Galway had the honour of being the finishing "
        "port and closing ceremony location for the race in 2008-2009 and 2011-2012. Galway was named the "
        "European Capital of Culture in 2020.",
        "milestones": [
            ("2009", "event", "Galway hosts the finish of the Volvo Ocean Race 2008-2009", ""),
            ("2012", "event", "Galway hosts the finish of the Volvo Ocean Race 2011-2012", ""),
            ("2020", "event", "Galway is European Capital of Culture", ""),
        ],
    },
    # Other councils, as the news report on sister-city risk names them.
    {
        "council": "dunedin",
        "partner": ("Shanghai", "CN"),
        "kind": "sister_city",
        "signed": "1994",
        "signed_basis": "Sister city relationship since 1994",
        "focus": ["Culture", "Education"],
        "summary": "A formal and strong sister-city relationship since 1994.",
        "source": AUCKLAND_PAGE,
        "milestones": [],
    },
    {
        "council": "invercargill",
        "partner": ("Kumagaya", "JP"),
        "kind": "sister_city",
        "signed": "1993",
        "signed_basis": "Sister-city link since 1993",
        "focus": ["Culture", "Education"],
        "summary": "Student exchanges and a Japanese garden in Invercargill.",
        "source": "RNZ, 2025",
        "milestones": [],
    },
    {
        "council": "invercargill",
        "partner": ("Suqian", "CN"),
        "kind": "sister_city",
        "signed": "2010",
        "signed_basis": "Sister-city link since 2010",
        "focus": ["Culture", "Education"],
        "summary": "Student exchanges and a Chinese garden in Invercargill.",
        "source": "RNZ, 2025",
        "milestones": [],
    },
    {
        "council": "tauranga",
        "partner": ("Yantai", "CN"),
        "kind": "sister_city",
        "signed": "1986",
        "signed_basis": "40 years of partnership marked in 2026",
        "focus": ["Education", "Culture", "Trade"],
        "summary": "Forty years of partnership in 2026, vital for attracting talent and enriching the community.",
        "source": "RNZ, 2025",
        "milestones": [],
    },
    {
        "council": "hamilton",
        "partner": ("Chengdu", "CN"),
        "kind": "sister_city",
        "focus": [],
        "summary": "Hamilton's ties span China, Japan, Belgium and the United States, from education and student "
        "recruitment to historical connections.",
        "source": "Wikipedia list of twin towns",
        "milestones": [],
    },
    {
        "council": "hamilton",
        "partner": ("Wuxi", "CN"),
        "kind": "sister_city",
        "focus": [],
        "summary": "Hamilton's ties span China, Japan, Belgium and the United States, from education and student "
        "recruitment to historical connections.",
        "source": "Wikipedia list of twin towns",
        "milestones": [],
    },
    {
        "council": "hamilton",
        "partner": ("Saitama", "JP"),
        "kind": "sister_city",
        "focus": [],
        "summary": "Hamilton's ties span China, Japan, Belgium and the United States, from education and student "
        "recruitment to historical connections.",
        "source": "Wikipedia list of twin towns",
        "milestones": [],
    },
    {
        "council": "hamilton",
        "partner": ("Sacramento", "US"),
        "kind": "sister_city",
        "focus": [],
        "summary": "Hamilton's ties span China, Japan, Belgium and the United States, from education and student "
        "recruitment to historical connections.",
        "source": "Wikipedia list of twin towns",
        "milestones": [],
    },
    {
        # The news report says Hamilton has a tie in Belgium but names no city, and the public list of
        # twin towns names none: this record shows the shape of such a tie and says so on its page.
        "council": "hamilton",
        "partner": ("Ypres", "BE"),
        "kind": "sister_city",
        "focus": [],
        "summary": hamilton_summary_text,
        "source": EXAMPLE_DATA + "the report names Belgium but not the city.",
        "milestones": [],
    },
]

ALLIANCES: list[dict[str, Any]] = [
    {
        "slug": "tripartite-economic-alliance",
        "name": "Tripartite Economic Alliance",
        "kind": "alliance",
        "started": "2014",
        "summary": "An agreement between Auckland, Guangzhou and Los Angeles that focuses on trade, "
        "investment and civic participation.",
        "focus": ["Trade", "Investment", "Civic exchange"],
        "councils": ["auckland"],
        "places": [("Guangzhou", "CN"), ("Los Angeles", "US")],
    },
    {
        "slug": "c40-cities",
        "name": "C40 Cities Climate Leadership Group",
        "kind": "network",
        "summary": "A network of 97 global cities committed to fighting climate change and creating a "
        "healthier, more sustainable future.",
        "website": "https://www.c40.org",
        "member_count": 97,
        "focus": ["Climate change"],
        "councils": ["auckland"],
        "places": [],
    },
]
