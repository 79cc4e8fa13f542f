"""Extraction rules, one sentence at a time, through the real spaCy models.

Each row is (language, sentence, expected claims); a claim is (subject, relation, object,
modality) with entities named as in the gold standard (ISO3 for countries, else a name).
"""

from __future__ import annotations

from datetime import date

import pytest

from kg import Article
from kg.evaluation import _match_ref
from kg.nlp.guard import tokenizable
from kg.nlp.pipeline import get_nlp
from kg.pipeline import analyse
from kg.schema import schema

CASES = [
    ("en", "Rwanda will keep 5,000 troops in Mozambique, Rwandan President Paul Kagame said during a visit to Maputo on Thursday.",
     [("Paul Kagame", "visits", "MOZ", "Asserted")]),
    ("en", "Israel, which is widely believed to possess nuclear weapons, has never confirmed it.", [("ISR", "possesses", "nuclear weapons", "Hedged")]),
    ("en", "The Kremlin said it would seek clarification from Yerevan.", [("RUS", "demands", "ARM", "Asserted")]),
    ("en", "Moldova on Wednesday ordered Russia to cut its embassy staff in Chisinau.", [("MDA", "demands", "RUS", "Asserted")]),
    ("fr", "Washington craint que la Corée du Nord ne livre des obus d'artillerie à la Russie.", [("PRK", "suppliesArmsTo", "RUS", "Hedged")]),
    ("en", "The migrants will be held under a deal between Salvadoran President Nayib Bukele and the Trump administration.",
     [("Nayib Bukele", "agreesWith", "USA", "Asserted")]),
    # treaties, agreements and embargoes as written
    ("en", "Mexico accused Quito of violating the Vienna Convention on Diplomatic Relations.",
     [("ECU", "violates", "Vienna Convention on Diplomatic Relations", "Hedged")]),
    ("en", "Britain, France and Germany accuse Iran of breaching the 2015 nuclear deal.", [("IRN", "violates", "2015 nuclear deal", "Hedged")]),
    ("fr", "La Corée du Nord aurait fourni à la Russie des missiles, en violation de l'embargo sur les armes imposé par le Conseil de sécurité.",
     [("PRK", "violates", "embargo sur les armes", "Hedged")]),
    ("fr", "L'Italie a accusé Israël de violer la résolution 1701 du Conseil de sécurité.", [("ISR", "violates", "résolution 1701 du Conseil de sécurité", "Hedged")]),
    # a resolution as written, without determiner or quantity
    ("en", "North Korea launched a hypersonic missile on Sunday. Tokyo said the launch violated multiple U.N. Security Council resolutions.",
     [("PRK", "violates", "U.N. Security Council resolutions", "Asserted")]),
    ("fr", "La Corée du Nord a tiré un missile, en violation des résolutions du Conseil de sécurité de l'ONU.",
     [("PRK", "violates", "résolutions du Conseil de sécurité de l'ONU", "Asserted")]),
    ("en", "South Korean prosecutors indicted former President Yoon Suk Yeol on Sunday.", [("KOR", "investigates", "Yoon Suk Yeol", "Asserted")]),
    ("en", "Malian authorities arrested Yann Vezilier, accused of espionage.", [("MLI", "accuses", "Yann Vezilier", "Asserted")]),
    ("en", "The United States expelled South Africa's ambassador Ebrahim Rasool on Friday, with U.S. Secretary of State Marco Rubio accusing him of lying.",
     [("Marco Rubio", "accuses", "Ebrahim Rasool", "Asserted")]),
    # ", qu'il accuse de ...": the relative is the object, the pronoun the main clause's subject
    ("fr", "Le Soudan a rappelé mardi son ambassadeur aux Émirats arabes unis, qu'il accuse de fournir aux paramilitaires des drones.",
     [("SDN", "accuses", "ARE", "Asserted"), ("ARE", "suppliesArmsTo", "paramilitaires", "Hedged")]),
    ("fr", "Les États-Unis ont imposé des sanctions au juge Alexandre de Moraes, qu'ils accusent de persécuter l'ancien président Jair Bolsonaro.",
     [("USA", "accuses", "Alexandre de Moraes", "Asserted")]),
    ("fr", "La Pologne a prévenu qu'elle expulserait des diplomates russes.", [("POL", "coerces", "RUS", "Asserted")]),
    ("en", "Ukraine's SBU security service launched drones hidden in trucks against four Russian air bases on Sunday.", [("SBU", "attacks", "RUS", "Asserted")]),
    # a reaction to an event that names no doer answers the event the article leads with
    ("fr", "L'aviation pakistanaise a frappé mardi des positions du TTP dans l'est de l'Afghanistan. Kaboul a dénoncé une « violation de sa souveraineté ».",
     [("AFG", "condemns", "PAK", "Asserted")]),
    ("fr", "Bruxelles a dénoncé vendredi la répression menée par les autorités géorgiennes.", [("Union européenne", "condemns", "GEO", "Asserted")]),
    # the other half of a swap: whoever held the person released in exchange
    ("en", "Iran freed Swedish citizen Johan Floderus on Saturday in exchange for Hamid Nouri, a former Iranian official jailed in Sweden.",
     [("IRN", "concedesTo", "Johan Floderus", "Asserted"), ("SWE", "concedesTo", "Hamid Nouri", "Asserted")]),
    ("fr", "L'Iran a libéré Cécile Kohler en échange de Mahdieh Esfandiari, une Iranienne détenue en France.",
     [("FRA", "concedesTo", "Mahdieh Esfandiari", "Asserted")]),
    ("en", "Israeli forces are to withdraw from southern Lebanon within 60 days.", [("ISR", "withdrawsFrom", "southern Lebanon", "Asserted")]),
    ("fr", "L'armée israélienne s'est retirée mardi des villages du sud du Liban.", [("ISR", "withdrawsFrom", "sud du Liban", "Asserted")]),
    # "the two countries" after two office holders named with their demonyms
    ("fr", "Le président turc s'est entretenu avec le Premier ministre irakien. Les deux pays ont signé un accord-cadre de coopération stratégique.",
     [("IRQ", "agreesWith", "TUR", "Asserted")]),
    ("en", "Indian Prime Minister Narendra Modi met Chinese President Xi Jinping. The two countries agreed on Monday on patrolling arrangements.",
     [("CHN", "agreesWith", "IND", "Asserted")]),
    # forces put on alert against whoever acted against them
    ("en", "Iran launched missile strikes in Pakistan. Tehran condemned the strikes, while Islamabad placed its air force on high alert.",
     [("PAK", "mobilizesAgainst", "IRN", "Asserted")]),
    ("en", "A Chinese aircraft entered Japan's airspace. Japan scrambled fighter jets and lodged a strong protest with Beijing.",
     [("JPN", "mobilizesAgainst", "CHN", "Asserted")]),
    ("fr", "L'armée chinoise a lancé des manœuvres autour de Taïwan. Taipei a dénoncé une provocation et placé ses forces en état d'alerte.",
     [("TWN", "mobilizesAgainst", "CHN", "Asserted")]),
    ("en", "U.S. President Donald Trump's 25% tariffs on Canadian and Mexican imports took effect.",
     [("Donald Trump", "sanctions", "CAN", "Asserted"), ("Donald Trump", "sanctions", "MEX", "Asserted")]),
    ("fr", "Le président équatorien Daniel Noboa a imposé à la Colombie des droits de douane de 30 %.", [("Daniel Noboa", "sanctions", "COL", "Asserted")]),
    ("en", "The U.N. refugee agency UNHCR said it was deeply concerned by Bangkok's decision.", [("UNHCR", "expressesConcernAbout", "THA", "Asserted")]),
    ("en", "Thailand deported 40 Uyghur men to China on Thursday, a move condemned by the United States.", [("USA", "condemns", "THA", "Asserted")]),
    ("en", "Israeli commandos seized the aid yacht on Monday. Turkey and Iran condemned the interception.",
     [("TUR", "condemns", "ISR", "Asserted"), ("IRN", "condemns", "ISR", "Asserted")]),
    ("fr", "Le gouvernement malien du général Assimi Goïta a rejeté cette exigence.", [("Assimi Goïta", "leaderOf", "MLI", "Asserted")]),
    ("en", "Hezbollah drones hit an Israeli base.", [("Hezbollah", "attacks", "ISR", "Asserted")]),
    ("fr", "Des drones des Forces de soutien rapide ont frappé une base soudanaise.", [("Forces de soutien rapide", "attacks", "SDN", "Asserted")]),
    ("fr", "Pékin accuse Tokyo de traiter l'océan comme un égout.", [("CHN", "accuses", "JPN", "Asserted")]),
    ("en", "Vietnam said Chinese officers attacked Vietnamese fishermen near the Paracels.", [("CHN", "attacks", "Vietnamese fishermen", "Asserted")]),
    ("fr", "L'armée gabonaise a placé en résidence surveillée le président Ali Bongo Ondimba.",
     [("GAB", "coerces", "Ali Bongo Ondimba", "Asserted")]),
    # the dateline's place and agency are no actors, even when parsed as the subject
    ("en", "CANBERRA, Nov 18 (Reuters) - Australia on Saturday accused a Chinese navy destroyer of emitting sonar pulses.",
     [("AUS", "accuses", "CHN", "Asserted")]),
    ("en", "Kenyan President William Ruto said he would withdraw the bill. The United States said it was alarmed by the police crackdown.",
     [("USA", "expressesConcernAbout", "KEN", "Asserted")]),
    ("en", "Japan and South Korea condemned North Korea on Monday.",
     [("JPN", "condemns", "PRK", "Asserted"), ("KOR", "condemns", "PRK", "Asserted")]),
    ("en", "Iran, which backs the Houthis, said on Tuesday it was ready to talk.",
     [("IRN", "supports", "Houthis", "Asserted")]),
    ("en", "The European Union imposed sanctions on Iran over its drone program.",
     [("European Union", "sanctions", "IRN", "Asserted")]),
    ("en", "Turkey refused to sanction Russia.", [("TUR", "sanctions", "RUS", "Negated")]),
    ("en", "Russia reportedly delivered oil to North Korea.",
     [("RUS", "aids", "PRK", "Hedged"), ("oil", "suppliedTo", "PRK", "Hedged")]),
    ("en", "Moscow accused Kyiv of attacking the Kremlin with drones.",
     [("RUS", "accuses", "UKR", "Asserted"), ("UKR", "attacks", "RUS", "Hedged")]),
    ("en", "The United States fears that Russia may supply weapons to North Korea.",
     [("RUS", "suppliesArmsTo", "PRK", "Hedged")]),
    ("en", "North Korea did not attack Ukraine.", [("PRK", "attacks", "UKR", "Negated")]),
    ("en", "Beijing threatened Taiwan with military drills.", [("CHN", "threatens", "TWN", "Asserted")]),
    ("en", "Finland joined NATO in 2023.", [("FIN", "memberOf", "NATO", "Asserted")]),
    ("fr", "Le Japon et la Corée du Sud ont condamné la Corée du Nord lundi.",
     [("JPN", "condemns", "PRK", "Asserted"), ("KOR", "condemns", "PRK", "Asserted")]),
    ("fr", "L'Union européenne a imposé des sanctions à l'Iran.", [("Union européenne", "sanctions", "IRN", "Asserted")]),
    ("fr", "La Turquie a refusé de sanctionner la Russie.", [("TUR", "sanctions", "RUS", "Negated")]),
    ("fr", "Selon des sources diplomatiques, la Russie aurait livré du pétrole à la Corée du Nord.",
     [("RUS", "aids", "PRK", "Hedged")]),
    ("fr", "Moscou a accusé Kiev d'avoir attaqué le Kremlin avec des drones.",
     [("RUS", "accuses", "UKR", "Asserted"), ("UKR", "attacks", "RUS", "Hedged")]),
    ("fr", "Pékin a menacé Taïwan.", [("CHN", "threatens", "TWN", "Asserted")]),
    ("fr", "La Finlande a rejoint l'OTAN en 2023.", [("FIN", "memberOf", "OTAN", "Asserted")]),
    ("fr", "Si une coopération militaire entre la Russie et la Corée du Nord se concrétisait, cela constituerait une violation des résolutions du Conseil de sécurité.",
     [("RUS", "cooperatesMilitarilyWith", "PRK", "Conditional"), ("RUS", "violates", "résolutions du Conseil de sécurité", "Conditional")]),
    ("fr", "Les États-Unis craignent que la Russie ne fournisse des armes à la Corée du Nord.",
     [("RUS", "suppliesArmsTo", "PRK", "Hedged")]),
    ("en", "Germany and France said they were alarmed by Russia's military buildup.",
     [("DEU", "expressesConcernAbout", "RUS", "Asserted"), ("FRA", "expressesConcernAbout", "RUS", "Asserted")]),
    ("en", "Ethiopia said it was alarmed by Cairo's arms shipments.", [("ETH", "expressesConcernAbout", "EGY", "Asserted")]),
    ("en", "Indian and Chinese troops clashed last week.", [("IND", "fightsWith", "CHN", "Asserted")]),
    ("fr", "Des affrontements ont éclaté jeudi entre les armées thaïlandaise et cambodgienne.",
     [("THA", "fightsWith", "KHM", "Asserted")]),
    ("en", "Ecuadorean police raided Mexico's embassy in Quito on Friday. Brazil and Colombia condemned the raid.",
     [("BRA", "condemns", "ECU", "Asserted"), ("COL", "condemns", "ECU", "Asserted")]),
    ("fr", "L'armée gabonaise a pris le pouvoir mercredi à Libreville. La France a condamné le putsch.",
     [("FRA", "condemns", "GAB", "Asserted")]),
    ("en", "Mexico lodged a formal protest with Ecuador.", [("MEX", "protestsAgainst", "ECU", "Asserted")]),
    ("en", "China summoned the Japanese ambassador on Thursday.", [("CHN", "protestsAgainst", "JPN", "Asserted")]),
    ("fr", "Lisbonne a convoqué l'ambassadeur d'Iran.", [("PRT", "protestsAgainst", "IRN", "Asserted")]),
    ("fr", "La Somalie a rappelé mardi son ambassadeur en Éthiopie.", [("SOM", "protestsAgainst", "ETH", "Asserted")]),
    ("en", "Kenyan President William Ruto withdrew the bill, bowing to protesters who have rallied against his government.",
     [("William Ruto", "concedesTo", "protesters", "Asserted"), ("protesters", "protestsAgainst", "KEN", "Asserted")]),
    ("fr", "Le président kényan William Ruto a reculé mercredi face aux manifestants.",
     [("William Ruto", "concedesTo", "manifestants", "Asserted")]),
    ("en", "Bosnian prosecutors charged Milorad Dodik on Tuesday. Dodik, who is under U.S. and British sanctions, rejected the charges.",
     [("Milorad Dodik", "sanctionedBy", "USA", "Asserted"), ("Milorad Dodik", "sanctionedBy", "GBR", "Asserted")]),
    ("fr", "Le Mali exige le retrait des troupes russes. Le Sénégal a lui aussi demandé le départ des militaires français.",
     [("MLI", "demands", "RUS", "Asserted"), ("SEN", "demands", "FRA", "Asserted")]),
    ("en", "Poland demanded the withdrawal of Russian troops.", [("POL", "demands", "RUS", "Asserted")]),
    ("en", "India struck targets in Pakistan on Wednesday, and the two armies exchanged artillery fire.",
     [("IND", "attacks", "PAK", "Asserted"), ("IND", "fightsWith", "PAK", "Asserted")]),
    ("fr", "L'Inde a frappé le Pakistan mercredi. Les deux armées ont échangé des tirs d'artillerie.",
     [("IND", "attacks", "PAK", "Asserted"), ("IND", "fightsWith", "PAK", "Asserted")]),
    ("en", "Israeli jets reportedly struck Syrian army bases near Damascus.", [("ISR", "attacks", "SYR", "Hedged")]),
    ("fr", "Les autorités polonaises enquêtent sur un possible sabotage russe.", [("POL", "investigates", "RUS", "Asserted")]),
    ("fr", "L'Alliance des États du Sahel, qui regroupe le Mali, le Burkina Faso et le Niger, a rompu avec la Cédéao.",
     [("MLI", "memberOf", "Alliance des États du Sahel", "Asserted"), ("NER", "memberOf", "Alliance des États du Sahel", "Asserted")]),
    ("en", "The Alliance of Sahel States, which groups Mali, Burkina Faso and Niger, left ECOWAS.",
     [("BFA", "memberOf", "Alliance of Sahel States", "Asserted")]),
    ("en", "U.N. Secretary-General Antonio Guterres condemned the coup.", [("Antonio Guterres", "leaderOf", "U.N.", "Asserted")]),
    ("en", "Russian peacekeepers have begun pulling out of Azerbaijan's Karabakh region, the Kremlin confirmed on Wednesday.",
     [("RUS", "withdrawsFrom", "Karabakh", "Asserted")]),
    ("en", "Iran's army chief warned that Tehran would launch a much larger attack if Israel retaliated.",
     [("IRN", "threatens", "ISR", "Asserted")]),
    ("en", "Washington has warned that it could reimpose sanctions on Venezuela if Caracas refuses to negotiate.",
     [("USA", "threatens", "VEN", "Asserted")]),
    ("fr", "Les Gardiens de la révolution ont prévenu qu'ils frapperaient Israël si l'armée israélienne ripostait.",
     [("Gardiens de la révolution", "threatens", "ISR", "Asserted")]),
    ("en", "Wang Yi told him that Washington must stop suppressing China's development.", [("Wang Yi", "demands", "USA", "Asserted")]),
    ("fr", "Le ministre chinois a affirmé que Washington devait cesser ses provocations.", [("CHN", "demands", "USA", "Asserted")]),
    ("en", "Serbia has refused to join Western sanctions imposed over Russia's war in Ukraine.",
     [("RUS", "partyTo", "war in Ukraine", "Asserted")]),
    ("en", "Serbia already operates Chinese-made FK-3 air defence systems.",
     [("SRB", "possesses", "FK-3", "Asserted"), ("CHN", "produces", "FK-3", "Asserted")]),
    ("fr", "Bamako dispose d'une dizaine de drones Bayraktar TB2.", [("MLI", "possesses", "Bayraktar TB2", "Asserted")]),
    ("en", "The Houthis attacked a ship on Tuesday. The Iran-backed group has vowed to keep targeting ships.",
     [("IRN", "supports", "Houthis", "Asserted")]),
    ("en", "Iran launched drones at Israel in retaliation for a suspected Israeli strike on its embassy compound in Damascus.",
     [("IRN", "attacks", "ISR", "Asserted"), ("ISR", "attacks", "IRN", "Hedged")]),
    ("en", "Kenyan President William Ruto withdrew the bill. On Tuesday, police shot dead at least 22 demonstrators in Nairobi.",
     [("KEN", "attacks", "demonstrators", "Asserted")]),
    ("fr", "Le ministère chinois des Affaires étrangères a exigé qu'elle retire ses déclarations. Le gouvernement japonais a rejeté cette exigence.",
     [("JPN", "rejects", "ministère chinois des Affaires étrangères", "Asserted")]),
    ("en", "Bosnian authorities issued an arrest warrant for Milorad Dodik. Dodik rejected the warrant as a political attack.",
     [("Milorad Dodik", "rejects", "BIH", "Asserted")]),
    ("en", "Britain has allowed Ukraine to fire Storm Shadow cruise missiles.", [("GBR", "concedesTo", "UKR", "Asserted")]),
    ("fr", "Selon des médias iraniens, Téhéran aurait autorisé des diplomates indiens à rendre visite aux marins.",
     [("IRN", "concedesTo", "IND", "Hedged")]),
    ("en", "Poland will deploy an additional 10,000 troops along its border with Belarus, Polish Defence Minister Wladyslaw Kosiniak-Kamysz said.",
     [("POL", "mobilizesAgainst", "BLR", "Asserted")]),
    ("en", "Ethiopia has reportedly moved troops toward the Somali border.", [("ETH", "mobilizesAgainst", "SOM", "Hedged")]),
    ("fr", "Israël a massé des troupes à la frontière avec le Liban.", [("ISR", "mobilizesAgainst", "LBN", "Asserted")]),
    ("fr", "Le président vénézuélien Nicolás Maduro et son homologue guyanien Irfaan Ali se sont rencontrés jeudi.",
     [("Nicolás Maduro", "meets", "Irfaan Ali", "Asserted")]),
    ("fr", "La ministre allemande des Affaires étrangères Annalena Baerbock s'est entretenue avec le président brésilien Lula.",
     [("Annalena Baerbock", "representativeOf", "DEU", "Asserted"), ("Annalena Baerbock", "meets", "Lula", "Asserted")]),
    ("fr", "Le directeur général de l'Organisation mondiale de la santé (OMS), Tedros Adhanom Ghebreyesus, a rencontré le président kényan William Ruto.",
     [("Tedros Adhanom Ghebreyesus", "leaderOf", "Organisation mondiale de la santé", "Asserted"),
      ("Tedros Adhanom Ghebreyesus", "meets", "William Ruto", "Asserted")]),
    ("fr", "Le procureur de la Cour pénale internationale (CPI), Karim Khan, s'est rendu au Bangladesh.",
     [("Karim Khan", "representativeOf", "Cour pénale internationale", "Asserted")]),
    ("en", "IAEA Director General Rafael Grossi met Iranian President Masoud Pezeshkian in Tehran.",
     [("Rafael Grossi", "leaderOf", "International Atomic Energy Agency", "Asserted")]),
    ("en", "EU foreign policy chief Kaja Kallas met Chinese Foreign Minister Wang Yi.",
     [("Kaja Kallas", "representativeOf", "European Union", "Asserted"), ("Kaja Kallas", "meets", "Wang Yi", "Asserted")]),
    ("en", "Poland signed a contract on Monday to buy 96 Apache attack helicopters from the United States, its largest arms purchase.",
     [("USA", "suppliesArmsTo", "POL", "Asserted"), ("Apache", "suppliedTo", "POL", "Asserted")]),
    ("en", "India was sanctioned in 2019 after buying Russian-made S-400 air defence systems from Moscow.",
     [("RUS", "suppliesArmsTo", "IND", "Asserted"), ("RUS", "produces", "S-400", "Asserted")]),
    ("en", "The navy will retire its French-made Rafale fighters.", [("FRA", "produces", "Rafale", "Asserted")]),
    ("fr", "En 2021, l'Égypte a acheté des avions Rafale à la France.",
     [("FRA", "suppliesArmsTo", "EGY", "Asserted"), ("Rafale", "suppliedTo", "EGY", "Asserted")]),
    ("en", "Indian and Pakistani troops exchanged fire on the border. France and Germany urged both sides to show restraint.",
     [("FRA", "demands", "IND", "Asserted"), ("DEU", "demands", "PAK", "Asserted")]),
    ("fr", "L'Éthiopie a signé un accord avec le Somaliland. La Somalie accuse son voisin de violer sa souveraineté.",
     [("SOM", "accuses", "ETH", "Asserted")]),
    ("en", "Ethiopia signed a port deal with Somaliland. Somalia accuses its neighbour of backing separatist rebels.",
     [("SOM", "accuses", "ETH", "Asserted"), ("ETH", "supports", "separatist rebels", "Hedged")]),
    ("fr", "Téhéran, qui accuse Bagdad d'abriter des combattants kurdes, a frappé le nord de l'Irak.",
     [("IRN", "accuses", "IRQ", "Asserted"), ("IRQ", "supports", "combattants kurdes", "Hedged")]),
    ("en", "Ethiopian forces killed 20 Eritrean soldiers near the border.", [("ETH", "attacks", "ERI", "Asserted")]),
    ("fr", "L'armée malienne a tué une dizaine de soldats burkinabè.", [("MLI", "attacks", "BFA", "Asserted")]),
    ("en", "Russia said its troops had attacked Ukrainian positions.", [("RUS", "attacks", "UKR", "Asserted")]),
    ("fr", "La Russie a annoncé que ses troupes avaient attaqué des positions ukrainiennes.", [("RUS", "attacks", "UKR", "Asserted")]),
    ("en", "Niger's military seized power and placed President Mohamed Bazoum under house arrest.",
     [("NER", "coerces", "Mohamed Bazoum", "Asserted")]),
    ("en", "Russia has barred several observers of the Organization for Security and Co-operation in Europe from entering the region.",
     [("RUS", "coerces", "Organization for Security and Co-operation in Europe", "Asserted")]),
    ("en", "Poland closed its border with Belarus on Tuesday.", [("POL", "coerces", "BLR", "Asserted")]),
    ("fr", "La Finlande a fermé sa frontière avec la Russie.", [("FIN", "coerces", "RUS", "Asserted")]),
    ("en", "Russia banned all imports of fruit from Moldova.", [("RUS", "sanctions", "MDA", "Asserted")]),
    ("fr", "La Russie a suspendu mardi ses importations de vin en provenance de Géorgie.", [("RUS", "sanctions", "GEO", "Asserted")]),
    ("en", "CARACAS, May 2 (Reuters) - Venezuelan police arrested opposition leader Juan Perez inside Argentina's embassy in Caracas. "
           "Argentina lodged a protest with Venezuela and accused Caracas of violating the Vienna Convention, while Chile and Uruguay condemned the raid.",
     [("CHL", "condemns", "VEN", "Asserted"), ("URY", "condemns", "VEN", "Asserted")]),
    ("en", "Germany refused to lift its sanctions on Iran.",
     [("DEU", "sanctions", "IRN", "Asserted"), ("DEU", "concedesTo", "IRN", "Negated")]),
    ("fr", "L'Union européenne a levé mardi les sanctions visant la Syrie.",
     [("Union européenne", "sanctions", "SYR", "Asserted"), ("Union européenne", "concedesTo", "SYR", "Asserted")]),
    ("fr", "L'armée israélienne a bombardé le Hezbollah. Le mouvement chiite, allié de l'Iran, a riposté en tirant des roquettes sur le nord d'Israël.",
     [("Hezbollah", "attacks", "ISR", "Asserted"), ("Hezbollah", "cooperatesWith", "IRN", "Asserted")]),
    ("en", "Hezbollah fired rockets at the north of Israel.", [("Hezbollah", "attacks", "ISR", "Asserted")]),
    ("en", "Myanmar's army carried out an air strike on a ceremony. ASEAN said it strongly condemned the attack, as did the European Union.",
     [("ASEAN", "condemns", "MMR", "Asserted"), ("European Union", "condemns", "MMR", "Asserted")]),
    ("fr", "La Corée du Nord a tiré un missile. La France a condamné ce tir, comme l'ont fait l'Allemagne et le Japon.",
     [("FRA", "condemns", "PRK", "Asserted"), ("DEU", "condemns", "PRK", "Asserted"), ("JPN", "condemns", "PRK", "Asserted")]),
    ("en", "Russia ordered its troops on Wednesday to withdraw from the city of Kherson.", [("RUS", "withdrawsFrom", "Kherson", "Asserted")]),
    ("en", "Beijing criticised Tokyo and Manila, which accuse Chinese coast guards of ramming their ships.",
     [("PHL", "accuses", "CHN", "Asserted"), ("JPN", "accuses", "CHN", "Asserted")]),
    ("fr", "Le président ghanéen John Mahama et son homologue ivoirien Alassane Ouattara se sont rencontrés jeudi.",
     [("Alassane Ouattara", "leaderOf", "CIV", "Asserted")]),
    ("fr", "Le chef de la diplomatie chinoise, Wang Yi, a rencontré le chef de la diplomatie indienne, Subrahmanyam Jaishankar.",
     [("Wang Yi", "representativeOf", "CHN", "Asserted"), ("Subrahmanyam Jaishankar", "representativeOf", "IND", "Asserted")]),
    ("fr", "Hanoï, 20 juin 2024 — Le président russe Vladimir Poutine est arrivé jeudi au Vietnam, où il s'est entretenu avec le dirigeant vietnamien To Lam.",
     [("Vladimir Poutine", "leaderOf", "RUS", "Asserted"), ("Vladimir Poutine", "visits", "VNM", "Asserted")]),
    ("en", "Germany and Poland said they would not send soldiers to fight alongside the Ukrainian army.",
     [("DEU", "cooperatesMilitarilyWith", "UKR", "Negated"), ("POL", "cooperatesMilitarilyWith", "UKR", "Negated")]),
    ("fr", "L'Allemagne et la Pologne ont fait savoir qu'elles n'enverraient pas de soldats combattre aux côtés de l'armée ukrainienne.",
     [("POL", "cooperatesMilitarilyWith", "UKR", "Negated")]),
    ("fr", "Washington, qui ne reconnaît pas la compétence de la Cour pénale internationale, a dénoncé le mandat d'arrêt.",
     [("USA", "rejects", "Cour pénale internationale", "Asserted")]),
    ("en", "Israel has said it does not recognise the jurisdiction of the International Criminal Court.",
     [("ISR", "rejects", "International Criminal Court", "Asserted")]),
    ("fr", "Moscou s'est dit « préoccupé » par le rapprochement militaire entre Chisinau et Bucarest.",
     [("RUS", "expressesConcernAbout", "MDA", "Asserted"), ("RUS", "expressesConcernAbout", "ROU", "Asserted")]),
    ("fr", "L'armée russe utilise des Shahed iraniens contre l'Ukraine.", [("IRN", "possesses", "Shahed-136", "Asserted")]),
    ("en", "The International Criminal Court's prosecutor said that he was investigating alleged crimes by the Rapid Support Forces.",
     [("International Criminal Court", "investigates", "Rapid Support Forces", "Asserted")]),
    ("en", "Moldovan police accused Russia on Thursday of paying voters.", [("MDA", "accuses", "RUS", "Asserted")]),
    ("fr", "Des liens militaires renforcés entre la Chine et le Pakistan ?", [("CHN", "cooperatesMilitarilyWith", "PAK", "Hedged")]),
    ("fr", "Le sommet a suscité des interrogations sur la coopération militaire entre la Chine et le Pakistan.",
     [("CHN", "cooperatesMilitarilyWith", "PAK", "Hedged")]),
    ("en", "The summit fuelled speculation about military cooperation between China and Pakistan.",
     [("CHN", "cooperatesMilitarilyWith", "PAK", "Hedged")]),
    ("fr", "Le président russe Vladimir Poutine a rencontré le dirigeant nord-coréen Kim Jong-un.",
     [("Vladimir Poutine", "meets", "Kim Jong-un", "Asserted"), ("Vladimir Poutine", "leaderOf", "RUS", "Asserted"),
      ("Kim Jong-un", "leaderOf", "PRK", "Asserted")]),
    # an invasion named with its invader's demonym, and a target named by a possessive
    ("fr", "Les prix du blé ont flambé depuis l'invasion russe de l'Ukraine.", [("RUS", "attacks", "UKR", "Asserted")]),
    ("en", "Wheat prices soared after the Russian invasion of Ukraine.", [("RUS", "attacks", "UKR", "Asserted")]),
    ("fr", "Les rebelles du M23 ont accepté une trêve, au lendemain d'une offensive de l'armée congolaise contre leurs positions.",
     [("COD", "attacks", "M23", "Asserted")]),
    ("en", "The Tigrayan forces accepted a truce, a day after an Ethiopian offensive against their positions.",
     [("ETH", "attacks", "Tigray Defense Forces", "Asserted")]),
    # killing and destroying named as nouns, the target being what was destroyed or its owner
    ("fr", "Niamey a protesté après la destruction d'un drone de l'armée nigérienne par la défense aérienne béninoise.",
     [("BEN", "attacks", "NER", "Asserted")]),
    ("en", "Protests followed the assassination of Iranian general Qassem Soleimani by the United States.",
     [("USA", "attacks", "Qassem Soleimani", "Asserted")]),
    ("fr", "Des manifestations ont suivi l'assassinat par les États-Unis du général iranien Qassem Soleimani.",
     [("USA", "attacks", "Qassem Soleimani", "Asserted")]),
    ("fr", "Les soldats tchadiens ont combattu Boko Haram aux côtés de l'armée nigériane en 2015.",
     [("TCD", "cooperatesMilitarilyWith", "NGA", "Asserted")]),
    # the subject pronoun of an adverbial clause is the main clause's subject, not its object
    ("en", "Niger's junta has fought jihadists since it seized power in 2023 and detained President Mohamed Bazoum.",
     [("NER", "coerces", "Mohamed Bazoum", "Asserted")]),
    # taking a case to a court or a council asks it to act
    ("fr", "L'Ukraine a saisi la Cour internationale de justice.", [("UKR", "demands", "Cour internationale de justice", "Asserted")]),
    ("fr", "Le Guyana a porté plainte devant la Cour internationale de justice.",
     [("GUY", "demands", "Cour internationale de justice", "Asserted")]),
    ("en", "Australia filed a complaint with the World Trade Organization.", [("AUS", "demands", "World Trade Organization", "Asserted")]),
    ("en", "Gambia took the case to the International Court of Justice.", [("GMB", "demands", "International Court of Justice", "Asserted")]),
    # thanking someone, and praising what someone did
    ("en", "Kenyan President William Ruto thanked Qatar for its mediation. Brazil praised China's peace plan.",
     [("William Ruto", "supports", "QAT", "Asserted"), ("BRA", "supports", "CHN", "Asserted")]),
    ("fr", "Le Sénégal a remercié le Maroc pour sa médiation. Le Brésil a salué le plan de paix de la Chine.",
     [("SEN", "supports", "MAR", "Asserted"), ("BRA", "supports", "CHN", "Asserted")]),
    # membership said in a "whose" relative, and affiliation
    ("en", "They met at a summit of BRICS, of which India and China are founding members.",
     [("IND", "memberOf", "BRICS", "Asserted"), ("CHN", "memberOf", "BRICS", "Asserted")]),
    ("fr", "L'Asean, dont la Birmanie est membre, a condamné l'attaque.", [("MMR", "memberOf", "Asean", "Asserted")]),
    ("en", "Rwandan troops have fought insurgents affiliated with Islamic State since 2021.",
     [("insurgents", "memberOf", "Islamic State", "Asserted")]),
    ("fr", "Les combats opposent l'armée aux jihadistes du JNIM, affilié à Al-Qaïda.", [("JNIM", "memberOf", "Al-Qaïda", "Asserted")]),
    # a strategic weapon with a possessive is held by whoever the possessive takes up
    ("en", "Pakistan said the test was aimed at strengthening its nuclear weapons.", [("PAK", "possesses", "nuclear weapons", "Asserted")]),
    ("fr", "Téhéran a affirmé que ses missiles balistiques pouvaient atteindre Israël.",
     [("IRN", "possesses", "missiles balistiques", "Asserted")]),
    # a company named after a country is the company; a name described as a company is one
    ("en", "The European Union imposed sanctions on Iran's national airline Iran Air.",
     [("European Union", "sanctions", "Iran Air", "Asserted")]),
    ("fr", "Les États-Unis ont sanctionné la compagnie Air Algérie.", [("USA", "sanctions", "Air Algérie", "Asserted")]),
    ("fr", "Washington a levé les sanctions visant Belavia, la compagnie aérienne nationale.",
     [("USA", "sanctions", "Belavia", "Asserted"), ("USA", "concedesTo", "Belavia", "Asserted")]),
    # a vow of retaliation threatens whom the vower answers: named, blamed in the same
    # sentence, or who acted against it before
    ("en", "Hamas blamed Israel for the strike and vowed to punish it.", [("Hamas", "threatens", "ISR", "Asserted")]),
    ("fr", "La Chine a protesté auprès de l'Union européenne et menacé de prendre des mesures pour défendre ses entreprises.",
     [("CHN", "threatens", "Union européenne", "Asserted")]),
    ("en", "Turkish drones struck Kurdish positions in northern Iraq. Iraq said it would respond.", [("IRQ", "threatens", "TUR", "Asserted")]),
    # a description of a person named in apposition stands for the person
    ("fr", "La police russe a arrêté mardi le militant Ilia Iachine.", [("RUS", "coerces", "Ilia Iachine", "Asserted")]),
    ("en", "Russian police arrested the activist, Ilya Yashin, on Tuesday.", [("RUS", "coerces", "Ilya Yashin", "Asserted")]),
    # a country name whose generic first word running text writes in lower case
    ("fr", "Le Premier ministre des îles Cook, Mark Brown, s'est rendu à Pékin.", [("Mark Brown", "leaderOf", "COK", "Asserted")]),
    # places: a facility in a province, a category noun in apposition, "située en"
    ("en", "The prime minister inaugurated the Ream naval base in Cambodia's Sihanoukville province.",
     [("Ream", "locatedIn", "Sihanoukville", "Asserted"), ("Sihanoukville", "locatedIn", "KHM", "Asserted")]),
    ("fr", "Gazprom a cessé ses livraisons de gaz à la Transnistrie, région séparatiste de Moldavie.",
     [("Transnistrie", "locatedIn", "MDA", "Asserted")]),
    ("fr", "Les Gardiens ont frappé la ville d'Erbil, capitale de la région autonome du Kurdistan.",
     [("Erbil", "locatedIn", "Kurdistan Region", "Asserted")]),
    ("fr", "La centrale de Cuciurgan, située en Transnistrie, fonctionne au charbon.", [("Cuciurgan", "locatedIn", "Transnistrie", "Asserted")]),
    # "le parti au pouvoir" is no modal; an object pronoun the tagger read as an article
    ("fr", "Les États-Unis ont imposé des sanctions au milliardaire Bidzina Ivanichvili, fondateur du parti au pouvoir Rêve géorgien.",
     [("USA", "sanctions", "Bidzina Ivanichvili", "Asserted")]),
    ("fr", "L'Italie et la France ont condamné Israël, l'accusant de violer la résolution 1701 du Conseil de sécurité.",
     [("ITA", "accuses", "ISR", "Asserted"), ("FRA", "accuses", "ISR", "Asserted")]),
    # blaming an event on someone; a relative pronoun as the object stands for its antecedent
    ("en", "Washington blamed the attack on the Islamic Resistance in Iraq.", [("USA", "accuses", "Islamic Resistance in Iraq", "Asserted")]),
    ("en", "The Treasury imposed sanctions on the Sinaloa Cartel, which Washington blames for most of the fentanyl.",
     [("USA", "accuses", "Sinaloa Cartel", "Asserted")]),
    # a two-word demonym is read whole: "South Sudanese" is not "Sudanese"
    ("en", "South Sudanese security forces placed opposition leader Riek Machar under house arrest.",
     [("SSD", "coerces", "Riek Machar", "Asserted")]),
    # what someone is accused of: the accused did it, to whom the charge says or else to the accuser
    ("en", "Kyiv accused Moscow of strikes on Ukrainian cities.", [("RUS", "attacks", "UKR", "Hedged")]),
    ("en", "Estonian officials accused Minsk of a \"hybrid attack\".", [("BLR", "attacks", "EST", "Hedged")]),
    # a demonym the recognizer took for a place still names the country ("at Ukrainian cities")
    ("en", "Moscow has used its strategic bombers to fire cruise missiles at Ukrainian cities.", [("RUS", "attacks", "UKR", "Asserted")]),
    # a verb coordinated with the main verb but hung by the parser on a word in between
    ("fr", "Ankara affirme que le navire était entré « illégalement » dans ses eaux et a exhorté la Grèce à cesser ses « provocations ».",
     [("TUR", "demands", "GRC", "Asserted")]),
    # whoever holds the accused accuses them, past a name the parser took for the next verb's subject
    ("fr", "Les autorités nigériennes ont arrêté un ressortissant allemand, Karl Weber, accusé d'espionnage, a annoncé samedi la télévision publique.",
     [("NER", "accuses", "Karl Weber", "Asserted")]),
    # a present participle set off by a comma says what the subject did besides
    ("fr", "Washington a imposé jeudi des sanctions au magnat Vladimir Plahotniuc, propriétaire de plusieurs chaînes de télévision, l'accusant d'avoir acheté des votes.",
     [("USA", "accuses", "Vladimir Plahotniuc", "Asserted")]),
    # a sub-national state or sector is a place category; the category noun alone names no place
    ("en", "Protesters gathered on Sunday in the northern Indian state of Manipur.", [("Manipur", "locatedIn", "IND", "Asserted")]),
    ("fr", "Des manifestants se sont rassemblés dimanche dans l'État indien du Manipur.", [("Manipur", "locatedIn", "IND", "Asserted")]),
    # closing crossings or airspace to a neighbour shuts it out
    ("fr", "La Lituanie a fermé jeudi tous ses points de passage avec le Bélarus.", [("LTU", "coerces", "BLR", "Asserted")]),
    ("fr", "En représailles, le Niger a fermé son espace aérien aux avions français.", [("NER", "coerces", "FRA", "Asserted")]),
    ("en", "In retaliation, Niger closed its airspace to French aircraft.", [("NER", "coerces", "FRA", "Asserted")]),
    # an aside puts its holder at war, whatever the clause around it says
    ("en", "Israel, at war with Hamas since October, said it would expand its operations.", [("ISR", "fightsWith", "Hamas", "Asserted")]),
    ("fr", "Abou Dhabi a démenti tout soutien aux FSR, en guerre contre l'armée soudanaise depuis avril 2023.",
     [("Forces de soutien rapide", "fightsWith", "SDN", "Asserted")]),
    # a treatment condemned without its doer is what the article leads with
    ("fr", "Le Tadjikistan a commencé mercredi à expulser des milliers de migrants afghans. Les talibans ont dénoncé un traitement « cruel ».",
     [("Taliban", "condemns", "TJK", "Asserted")]),
    ("en", "Tajikistan began deporting thousands of Afghan migrants on Wednesday. The Taliban condemned the cruel treatment.",
     [("Taliban", "condemns", "TJK", "Asserted")]),
    # a quoted object the parser cut off into a sentence of its own
    ("fr", "Le président vénézuélien Nicolás Maduro a fustigé une « violation flagrante » de la souveraineté du Venezuela par Bogota.",
     [("Nicolás Maduro", "condemns", "COL", "Asserted")]),
    # guillemets reach the parser as plain double quotes, which the French model reads far better
    ("fr", "Le Premier ministre estonien Kristen Michal a demandé mercredi l'activation de l'article 4 du traité de l'OTAN et dénoncé une « provocation à grande échelle » de Moscou.",
     [("Kristen Michal", "condemns", "RUS", "Asserted")]),
    # "the border" alone is the one named earlier, with its neighbour on the verb
    ("en", "Lithuania closed its border with Belarus on Monday. Lithuania has also deployed troops along the border.",
     [("LTU", "mobilizesAgainst", "BLR", "Asserted")]),
    # praise of a decision that names no maker goes to whoever the article leads with
    ("fr", "La Cour internationale de justice a ordonné vendredi à Israël de suspendre son offensive à Rafah. L'Afrique du Sud a salué une décision « historique ».",
     [("ZAF", "supports", "Cour internationale de justice", "Asserted")]),
    ("en", "Hungary announced on Thursday that it would withdraw from the International Criminal Court. Israeli Prime Minister Benjamin Netanyahu praised the decision as bold.",
     [("Benjamin Netanyahu", "supports", "HUN", "Asserted")]),
    # meeting the host in the host's country is visiting it
    ("fr", "Le président kényan William Ruto s'est entretenu vendredi à Pékin avec son homologue chinois Xi Jinping.",
     [("William Ruto", "visits", "CHN", "Asserted"), ("William Ruto", "meets", "Xi Jinping", "Asserted")]),
    ("en", "Fiji Prime Minister Sitiveni Rabuka, who met Australian Prime Minister Anthony Albanese in Canberra, said his country would cooperate with China.",
     [("Sitiveni Rabuka", "visits", "AUS", "Asserted")]),
    # a passive verb's agent that the parser hung on a day or a place
    ("fr", "Le président turc Recep Tayyip Erdogan a été reçu jeudi à la Maison Blanche par Joe Biden.",
     [("Joe Biden", "meets", "Recep Tayyip Erdogan", "Asserted")]),
    ("fr", "Le général Juan Pérez a été arrêté mercredi soir par la police bolivienne.", [("BOL", "coerces", "Juan Pérez", "Asserted")]),
    # ... unless the clause of the word it was hung on has a subject of its own
    ("fr", "De plus, la Chine peut trouver des ressources utiles auprès de l'Iran, qui dispose d’un important arsenal d’armes soviétiques et produit en masse des armements conventionnels.",
     [("IRN", "produces", "armements", "Asserted")]),
    # asking for a body to meet takes the matter to it
    ("en", "Algeria requested a special session of the U.N. General Assembly on Friday.", [("DZA", "demands", "U.N. General Assembly", "Asserted")]),
    ("fr", "L'Algérie a demandé une session extraordinaire de l'Assemblée générale des Nations unies.", [("DZA", "demands", "Assemblée générale des Nations unies", "Asserted")]),
    ("fr", "Le Tchad accuse le Soudan d'« agression militaire ».", [("SDN", "attacks", "TCD", "Hedged")]),
    ("fr", "Le Niger accuse le Bénin de frappes contre ses villages.", [("BEN", "attacks", "NER", "Hedged")]),
    # the reporter's subject owns "its" in the subject of what it reports
    ("en", "Afghanistan's Taliban government said its forces had killed 20 Iranian border guards.", [("AFG", "attacks", "IRN", "Asserted")]),
    ("en", "Colombia said it had destroyed dozens of Venezuelan border posts.", [("COL", "attacks", "VEN", "Asserted")]),
    # unnamed groups keep their qualifiers as written; a plural pronoun takes up the group before it
    ("fr", "Téhéran, 1er novembre 2023 — L'Iran a commencé mercredi à expulser des centaines de milliers de migrants afghans, à l'expiration "
           "de l'ultimatum que leur avait fixé le gouvernement intérimaire pour quitter le pays.", [("IRN", "coerces", "migrants afghans", "Asserted")]),
    ("en", "Malaysia deported 30 Rohingya men to Myanmar after holding them in immigration detention for years.",
     [("MYS", "coerces", "Rohingya men", "Asserted")]),
    # "des hommes de la brigade" is the brigade named before, even one the gazetteer does not know
    ("fr", "La Brigade 301 a encerclé le quartier. Le chef de la milice, Ali Saleh, aurait été abattu par des hommes de la brigade.",
     [("Brigade 301", "attacks", "Ali Saleh", "Hedged")]),
    # turning to a power for security is military cooperation
    ("en", "Mali's military rulers turned to Russia for security assistance.", [("MLI", "cooperatesMilitarilyWith", "RUS", "Asserted")]),
    ("fr", "Le Burkina Faso s'est tourné vers la Russie pour assurer sa sécurité.", [("BFA", "cooperatesMilitarilyWith", "RUS", "Asserted")]),
    # "Congo" alone, in English news, is the Democratic Republic of the Congo
    ("en", "Burundian soldiers are fighting M23 rebels alongside Congo's army.", [("BDI", "cooperatesMilitarilyWith", "COD", "Asserted")]),
    # a place's name without its category noun
    ("fr", "L'aviation pakistanaise a frappé des positions dans la province de Paktika, dans l'est de l'Afghanistan.",
     [("Paktika", "locatedIn", "AFG", "Asserted")]),
    # an inquiry into an event is into whoever did it, even with the phrase hung on the verb
    ("en", "The United Nations has opened an inquiry into the killing of hundreds of civilians by Malian troops in Moura.",
     [("United Nations", "investigates", "MLI", "Asserted")]),
    # what is done at someone's request is asked of whoever does it
    ("en", "Chad expelled the diplomats at the request of the Malian government.", [("MLI", "demands", "TCD", "Asserted")]),
    ("fr", "Le Kenya a envoyé des policiers en Haïti à la demande des Nations unies.", [("Nations unies", "demands", "KEN", "Asserted")]),
    # freeing a crew or a national is asked of whoever seized them
    ("fr", "La marine iranienne a arraisonné jeudi un pétrolier grec. Athènes a exigé la libération immédiate de son équipage.",
     [("GRC", "demands", "IRN", "Asserted")]),
    ("en", "Venezuelan police arrested two Spanish citizens on Monday. Madrid demanded their release.", [("ESP", "demands", "VEN", "Asserted")]),
    # a verb coordinated with the main one and hung on its object shares the main subject
    ("fr", "Des miliciens libyens ont arraisonné le cargo Blue Star. Athènes a convoqué l'ambassadeur du Kenya et réclamé la libération de l'équipage.",
     [("GRC", "demands", "miliciens", "Asserted")]),
    # a named ship, whatever the recognizer took its name for; a country's navy is the country
    ("en", "Egypt's navy seized the tanker Sea Pearl on Thursday.", [("EGY", "coerces", "Sea Pearl", "Asserted")]),
    ("fr", "Les garde-côtes grecs ont arraisonné mardi le cargo Blue Star 12.", [("GRC", "coerces", "Blue Star 12", "Asserted")]),
    # a participle set off by a comma describes the system named before it
    ("fr", "L'Égypte a acheté à la Chine des systèmes de défense antiaérienne HQ-9, fabriqués par le groupe CASIC.",
     [("CASIC", "produces", "HQ-9", "Asserted")]),
    ("fr", "L'Inde a livré aux Philippines des batteries de missiles BrahMos, fabriqués par la coentreprise indo-russe BrahMos Aerospace.",
     [("BrahMos Aerospace", "produces", "BrahMos", "Asserted")]),
    # "the jets" takes up the system named before; a class of ships is a designation
    ("en", "Poland signed a deal to buy 32 F-35 stealth fighters from the United States. The jets are built by Lockheed Martin.",
     [("Lockheed Martin", "produces", "F-35", "Asserted")]),
    ("en", "Canada will buy up to twelve Astute-class submarines from Britain. The submarines are built by BAE Systems.",
     [("BAE Systems", "produces", "Astute-class", "Asserted")]),
    # rockets fired by someone, as the subject of "hit", stand for whoever fired them
    ("fr", "Des roquettes tirées par les forces érythréennes ont touché des villages éthiopiens.", [("ERI", "attacks", "ETH", "Asserted")]),
    ("en", "Rockets fired by Hezbollah hit Israeli towns on Monday.", [("Hezbollah", "attacks", "ISR", "Asserted")]),
    # ramming, storming, opening fire; a ship stands for its flag
    ("en", "Vietnamese coast guard vessels rammed a Malaysian fishing boat.", [("VNM", "attacks", "MYS", "Asserted")]),
    ("fr", "Des garde-côtes libyens ont éperonné un navire maltais.", [("LBY", "attacks", "MLT", "Asserted")]),
    ("fr", "Les Shebab s'en sont pris à l'armée kényane.", [("Shebab", "attacks", "KEN", "Asserted")]),
    ("fr", "L'armée tchadienne a pris d'assaut une base de Boko Haram.", [("TCD", "attacks", "Boko Haram", "Asserted")]),
    ("en", "Ugandan police opened fire on protesters in Kampala.", [("UGA", "attacks", "protesters", "Asserted")]),
    # water cannon coerces, whoever uses it, also as the content of an accusation
    ("en", "Malaysia's coast guard fired water cannon at a Vietnamese supply vessel on Saturday.", [("MYS", "coerces", "VNM", "Asserted")]),
    ("fr", "Hanoï a accusé samedi les garde-côtes malaisiens d'avoir fait usage de canons à eau contre un navire de pêche vietnamien.",
     [("MYS", "coerces", "VNM", "Hedged")]),
    # a government named after a person: its leader, of the country it is the government of
    ("fr", "Niamey, 3 mai 2024 (AFP) — Le régime du général Abdourahamane Tiani n'a pas réagi.", [("Abdourahamane Tiani", "leaderOf", "NER", "Asserted")]),
    ("en", "HARARE, May 3 (Reuters) - The government of President Emmerson Mnangagwa rejected the report.",
     [("Emmerson Mnangagwa", "leaderOf", "ZWE", "Asserted")]),
    # a target named by its country's adjective
    ("en", "Moscow accused Kyiv of shelling Russian civilian buildings.", [("UKR", "attacks", "RUS", "Hedged")]),
    ("fr", "Les forces rwandaises ont bombardé un village congolais près de la frontière.", [("RWA", "attacks", "COD", "Asserted")]),
    # a town struck stands for its country
    ("fr", "Le Hezbollah a frappé mardi la ville de Haïfa.", [("Hezbollah", "attacks", "ISR", "Asserted")]),
    ("en", "Hezbollah drones struck Haifa and Nazareth on Monday.", [("Hezbollah", "attacks", "ISR", "Asserted")]),
    # a target hung on an adjective, a participle or the agent of an attack noun
    ("fr", "Le Liban a dénoncé les frappes syriennes et turques contre ses villages.",
     [("SYR", "attacks", "LBN", "Asserted"), ("TUR", "attacks", "LBN", "Asserted")]),
    ("en", "Lebanon condemned the strikes carried out by Syrian jets on its villages.", [("SYR", "attacks", "LBN", "Asserted")]),
    ("fr", "L'offensive lancée lundi par les rebelles du M23 contre l'armée congolaise a fait 20 morts.", [("M23", "attacks", "COD", "Asserted")]),
    ("fr", "Les frappes de missiles menées dans la nuit par l'armée turque contre des villages syriens ont fait trois morts.",
     [("TUR", "attacks", "SYR", "Asserted")]),
    # a state's unnamed service is the state
    ("en", "Kenya's intelligence service launched drones hidden in trucks against four Somali air bases on Sunday.", [("KEN", "attacks", "SOM", "Asserted")]),
    # a quantity is no part of a group's name
    ("en", "Kenyan security services have detained several suspects, the interior ministry said.", [("KEN", "coerces", "suspects", "Asserted")]),
    # a person named between commas after the noun that describes them
    ("fr", "Les autorités iraniennes ont arrêté un ressortissant allemand, Karl Weber, accusé d'espionnage.", [("IRN", "coerces", "Karl Weber", "Asserted")]),
    # where someone is jailed, who holds them, what of theirs is banned or frozen
    ("en", "Ali Rezai, an Iranian official jailed in Belgium, was released on Monday.", [("BEL", "coerces", "Ali Rezai", "Asserted")]),
    ("en", "Iran freed Karl Weber, a German citizen it had held since 2022.", [("IRN", "coerces", "Karl Weber", "Asserted")]),
    ("fr", "La Tunisie a interdit mercredi toutes les activités du parti Ennahda.", [("TUN", "coerces", "Ennahda", "Asserted")]),
    ("en", "Judge Paulo de Souza froze the bank accounts of Starlink. Elon Musk accused De Souza of censorship.",
     [("Paulo de Souza", "coerces", "Starlink", "Asserted"), ("Elon Musk", "accuses", "Paulo de Souza", "Asserted")]),
    # what the parser took for the object of "..., qu'il accuse de" is the charge
    ("fr", "Le président colombien Gustavo Petro a suspendu les négociations avec l'ELN, qu'il accuse de « crimes de guerre ».",
     [("Gustavo Petro", "accuses", "ELN", "Asserted")]),
    # the subject of a clause the parser joined to the object before
    ("fr", "Le Sénégal a condamné le coup d'État et le Nigeria a convoqué l'ambassadeur du Niger.", [("NGA", "protestsAgainst", "NER", "Asserted")]),
    # an amount tagged as a numeral holds what it counts; units of a body are the body
    ("en", "Canada imposed retaliatory tariffs on C$30 billion of U.S. goods on Tuesday.", [("CAN", "sanctions", "USA", "Asserted")]),
    ("en", "Britain imposed sanctions on three units of Russia's GRU military intelligence agency.", [("GBR", "sanctions", "GRU", "Asserted")]),
    # an object clitic the tagger calls a pronoun
    ("fr", "Les États-Unis ont imposé des sanctions au milliardaire Bidzina Ivanichvili. L'Estonie et la Lituanie l'avaient déjà sanctionné ce mois-ci.",
     [("EST", "sanctions", "Bidzina Ivanichvili", "Asserted"), ("LTU", "sanctions", "Bidzina Ivanichvili", "Asserted")]),
    # a region named with its category noun, in a country's possession
    ("en", "Russian forces were fighting Ukrainian troops in Russia's Kursk region on Thursday.", [("Kursk Oblast", "locatedIn", "RUS", "Asserted")]),
    # one welcomes a decision, and so backs whoever took it
    ("en", "Ukraine welcomed Germany's decision to send tanks.", [("UKR", "supports", "DEU", "Asserted")]),
    # a group noun with two nationalities, whatever the tagger made of the second
    ("en", "Thai and Cambodian soldiers fought along the border on Thursday.", [("THA", "fightsWith", "KHM", "Asserted")]),
    ("fr", "Les forces soudanaises et tchadiennes se sont affrontées à la frontière.", [("SDN", "fightsWith", "TCD", "Asserted")]),
    # where a meeting took place, hung on its day, makes the guest a visitor
    ("fr", "Le directeur général de l'AIEA, Rafael Grossi, s'est entretenu jeudi à Téhéran avec le président iranien Massoud Pezeshkian.",
     [("Rafael Grossi", "visits", "IRN", "Asserted")]),
    # an aside that says what kind of member its holder is
    ("fr", "La Hongrie, État membre de l'Union européenne, avait retardé l'adoption du texte.", [("HUN", "memberOf", "Union européenne", "Asserted")]),
    # calling something by a word of blame condemns it
    ("fr", "Le Premier ministre polonais Donald Tusk a qualifié ces manœuvres russes de « très agressives ».", [("Donald Tusk", "condemns", "RUS", "Asserted")]),
    ("en", "Kyiv launched a cross-border incursion on Tuesday. Russian President Vladimir Putin called the attack a large-scale provocation.",
     [("Vladimir Putin", "condemns", "UKR", "Asserted")]),
    # a group keeps the nationality the tagger took for a name
    ("fr", "Islamabad accuse des ressortissants afghans d'être impliqués dans les attentats.", [("PAK", "accuses", "ressortissants afghans", "Asserted")]),
    # a relative clause with no relative word: its object is the noun it describes
    ("en", "Iran makes the Shahed drones the Russian army has used against Ukrainian cities.", [("RUS", "attacks", "UKR", "Asserted")]),
    # a day taken for the object, the partitive article after it for a preposition
    ("fr", "Le Hamas a attaqué samedi des soldats israéliens.", [("Hamas", "attacks", "ISR", "Asserted")]),
]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Philippine police arrested former President Rodrigo Duterte at Manila airport."),
        ("en", "Iran freed Johan Floderus in exchange for Hamid Nouri, a former Iranian official jailed in Sweden."),
        ("fr", "L'ancien président philippin Rodrigo Duterte a été arrêté mardi par la police philippine."),
    ],
)
def test_former_office_holders_get_no_role(lang, text):
    result = analyse(Article(text=text, lang=lang), get_nlp(lang)(tokenizable(text)))
    assert result.claims  # the event is still read
    assert not [c for c in result.claims if c.predicate in ("leaderOf", "representativeOf")]


def _found(result, s, p, o):
    both_ways = schema().relations[p].symmetric
    return [
        c for c in result.claims
        if c.predicate == p
        and (
            _match_ref(s, c.subject, result.entities) and _match_ref(o, c.object, result.entities)
            or both_ways and _match_ref(o, c.subject, result.entities) and _match_ref(s, c.object, result.entities)
        )
    ]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_sentence(lang, text, expected):
    article = Article(text=text, lang=lang)
    result = analyse(article, get_nlp(lang)(tokenizable(text)))
    for s, p, o, modality in expected:
        found = _found(result, s, p, o)
        assert found, f"missing {s} {p} {o}; got {[(c.subject, c.predicate, c.object) for c in result.claims]}"
        assert modality in {c.modality for c in found}


def test_attribution_and_dates():
    text = "WASHINGTON, Oct 4 (Reuters) - Russian President Vladimir Putin met North Korean leader Kim Jong Un in Moscow on Wednesday, the Kremlin said."
    article = Article(text=text, lang="en", published=date(2023, 10, 4))
    result = analyse(article, get_nlp("en")(tokenizable(text)))
    (meeting,) = _found(result, "Vladimir Putin", "meets", "Kim Jong-un") or _found(result, "Kim Jong-un", "meets", "Vladimir Putin")
    assert meeting.modality == "Asserted"
    assert meeting.attributed_to == "country/RUS"
    assert meeting.event_date == date(2023, 10, 4)
    assert meeting.location is not None and "moscow" in meeting.location


def test_sentence_without_events_gives_no_event_claims():
    text = "Les prix du blé ont reculé de 3 % sur le marché de Chicago, selon les analystes."
    result = analyse(Article(text=text, lang="fr"), get_nlp("fr")(tokenizable(text)))
    assert result.claims == []


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        ("en", "NATO Secretary General Mark Rutte said the alliance was deeply concerned.", ("Mark Rutte", "representativeOf", "NATO")),
        ("en", "Malaysia deported 30 Rohingya men to Myanmar after holding them in immigration detention for years.", ("MYS", "coerces", "MMR")),
        ("en", "The United Nations has opened an inquiry into the killing of hundreds of civilians by Malian troops in Moura.",
         ("United Nations", "attacks", "civilians")),
        # a person welcomed is a guest, not someone backed
        ("en", "Hungarian Prime Minister Viktor Orban welcomed Israeli Prime Minister Benjamin Netanyahu to Budapest on Thursday.",
         ("Viktor Orban", "supports", "Benjamin Netanyahu")),
        # the systems an article names supplied to someone take over the bare word "arms"
        ("fr", "Pékin a annoncé des sanctions en représailles à une vente d'armes de Washington à Taïwan. "
               "Le département d'État avait approuvé la vente de missiles Javelin à l'île.", ("armes", "suppliedTo", "TWN")),
        # people taken in are no meeting
        ("fr", "La Colombie a accepté de recevoir les migrants colombiens expulsés par les États-Unis.", ("COL", "meets", "migrants colombiens")),
        # what one is asked to do is the content of a demand, no claim of its own
        ("fr", "Kiev a demandé à Varsovie de fermer sa frontière avec le Bélarus.", ("POL", "coerces", "BLR")),
        ("en", "France called on Iran to release the two hostages.", ("FRA", "concedesTo", "hostages")),
        # calling something a name demands nothing of it
        ("en", "The move comes as Kinshasa, which Washington calls a key partner in Africa, negotiates a deal with the United States.", ("USA", "demands", "COD")),
        # one meets the people received, not whoever made what is welcomed
        ("en", "Ukraine welcomed Germany's decision to send tanks.", ("UKR", "meets", "DEU")),
        # generic aid supplies nothing by name
        ("en", "Japan will provide Ukraine with an additional $4.5 billion in financial aid.", ("financial aid", "suppliedTo", "UKR")),
        ("fr", "Le Qatar a envoyé de l'aide humanitaire au Liban.", ("aide humanitaire", "suppliedTo", "LBN")),
        # the subject of the next clause is nothing the first one acts on
        ("fr", "Le Sénégal a condamné le coup d'État et le Nigeria a convoqué l'ambassadeur du Niger.", ("SEN", "condemns", "NGA")),
        # one judges a measure, and tries only people
        ("fr", "Washington a jugé la mesure iranienne « inacceptable ».", ("USA", "investigates", "IRN")),
        # war crimes are no war
        ("fr", "Le président colombien Gustavo Petro a suspendu les négociations avec l'ELN, qu'il accuse de « crimes de guerre ».",
         ("ELN", "fightsWith", "Gustavo Petro")),
        # where an envoy is posted is not whose envoy he is
        ("fr", "Paris a rappelé son ambassadeur au Mali, Jean Dupont.", ("Jean Dupont", "representativeOf", "MLI")),
        # an air strike is no protest
        ("en", "Chadian forces carried out air strikes against Boko Haram militants.", ("TCD", "protestsAgainst", "Boko Haram")),
        # civilians are no actor: "Malian troops attacked civilians" codes nothing against them
        ("en", "The United Nations condemned Mali after Malian troops killed dozens of civilians in Moura.", ("MLI", "attacks", "civilians")),
        ("fr", "Des jihadistes ont attaqué des soldats burkinabè et des civils près de Barsalogho.", ("jihadistes", "attacks", "civils")),
        ("fr", "Le Hamas a accepté la proposition de l'Égypte. Une trêve pourrait être conclue si les deux parties s'entendent sur l'échange d'otages et de prisonniers.",
         ("otages", "meets", "prisonniers")),
        ("en", "Israeli police arrested protesters demanding a deal to bring home the hostages held in Gaza. "
               "The Hostages and Missing Families Forum accused Netanyahu of sabotaging the negotiations.", ("hostages", "accuses", "Netanyahu")),
        ("en", "Poland signed a contract on Monday to buy 96 Apache attack helicopters from the United States, its largest arms purchase.",
         ("arms", "suppliedTo", "POL")),
        ("en", "Indian and Pakistani troops exchanged fire on the border. France and Germany urged both sides to show restraint.",
         ("FRA", "demands", "DEU")),
        ("en", "Kosovo accused Serbia on Monday of training the gunmen. EU foreign policy chief Kaja Kallas condemned the attack.",
         ("Kaja Kallas", "condemns", "XKX")),
        ("en", "Beijing criticised Tokyo and Manila, which accuses Chinese coast guards of ramming its ships.", ("JPN", "accuses", "CHN")),
        ("fr", "Le président ghanéen John Mahama et son homologue ivoirien Alassane Ouattara se sont rencontrés jeudi.",
         ("Alassane Ouattara", "representativeOf", "CIV")),
        ("en", "Germany and Poland said they would not send soldiers to fight alongside the Ukrainian army.", ("DEU", "fightsWith", "POL")),
        ("en", "Ukraine, which recognises the jurisdiction of the International Criminal Court, condemned Russia.", ("UKR", "rejects", "International Criminal Court")),
        ("en", "Egypt condemned the incursion as a violation of the 1974 disengagement agreement between Israel and Syria.", ("EGY", "condemns", "SYR")),
        ("en", "Ukrainian drones struck three oil refineries deep inside Russia.", ("UKR", "possesses", "drone")),
        ("en", "EU foreign policy chief Kaja Kallas met Chinese Foreign Minister Wang Yi.", ("Kaja Kallas", "leaderOf", "European Union")),
        ("fr", "La ministre allemande des Affaires étrangères Annalena Baerbock s'est entretenue avec le président brésilien Lula.",
         ("ministre allemande des Affaires étrangères", "meets", "Lula")),
        ("en", "Russian peacekeepers have begun pulling out of Azerbaijan's Karabakh region, the Kremlin confirmed on Wednesday.",
         ("RUS", "withdrawsFrom", "Kremlin")),
        ("en", "Poland will deploy an additional 10,000 troops along its border with Belarus, Polish Defence Minister Wladyslaw Kosiniak-Kamysz said.",
         ("POL", "mobilizesAgainst", "Wladyslaw Kosiniak-Kamysz")),
        ("en", "Britain sent troops to its border with Ireland.", ("GBR", "cooperatesMilitarilyWith", "IRL")),
        ("fr", "Un accord a été signé entre le Premier ministre éthiopien Abiy Ahmed et le dirigeant du Somaliland, Muse Bihi Abdi.",
         ("Abiy Ahmed", "agreesWith", "Somaliland")),
        ("fr", "L'Ukraine a saisi la Cour internationale de justice.", ("UKR", "coerces", "Cour internationale de justice")),
        ("en", "The Kremlin warned that Britain would become a party to the war if its missiles were used.", ("GBR", "possesses", "missiles")),
        ("en", "The European Union imposed sanctions on Iran's national airline Iran Air.", ("European Union", "sanctions", "IRN")),
        ("en", "Turkish drones struck Kurdish positions in northern Iraq. Iraq said it would respond to the letter.", ("IRQ", "threatens", "TUR")),
        ("en", "South Sudanese security forces placed opposition leader Riek Machar under house arrest.", ("SDN", "coerces", "Riek Machar")),
        ("fr", "Les rebelles nient avoir reçu des armes des Émirats arabes unis.", ("rebelles", "meets", "ARE")),
        ("en", "Russian drones struck Polish villages. Poland said it would not put its forces on alert.", ("POL", "mobilizesAgainst", "RUS")),
        ("en", "Moscow could help Pyongyang modernise its air force in exchange for artillery shells.", ("PRK", "concedesTo", "RUS")),
        ("fr", "L'armée polonaise a abattu des drones. Le Premier ministre polonais Donald Tusk a dénoncé une « provocation ».", ("Donald Tusk", "condemns", "POL")),
        ("en", "Iran launched missile and drone attacks on Tuesday against the militant group Jaish al-Adl in Pakistan's Balochistan province.",
         ("IRN", "attacks", "PAK")),
        ("en", "Maldives ordered some 80 Indian military personnel to leave, and New Delhi has agreed to withdraw them.", ("IND", "withdrawsFrom", "MDV")),
        ("fr", "Le président vénézuélien Nicolás Maduro a rencontré Irfaan Ali. Le Guyana a toutefois refusé de retirer la plainte qu'il a déposée contre le Venezuela.",
         ("GUY", "withdrawsFrom", "VEN")),
        ("en", "Egypt condemned the incursion as a violation of the 1974 disengagement agreement between Israel and Syria.",
         ("EGY", "violates", "1974 disengagement agreement")),
        ("en", "The migrants will be held under a deal between Salvadoran President Nayib Bukele and the Trump administration.",
         ("Nayib Bukele", "agreesWith", "Donald Trump")),
        ("en", "JUBA, March 27 (Reuters) - South Sudanese security forces placed opposition leader Riek Machar under house arrest.",
         ("Juba", "coerces", "Riek Machar")),
        ("en", "UNITED NATIONS, July 11 (Reuters) - Russia on Tuesday vetoed a resolution drafted by Switzerland.", ("United Nations", "rejects", "CHE")),
        ("fr", "Des manifestants se sont rassemblés dimanche dans l'État indien du Manipur.", ("État", "locatedIn", "IND")),
        ("fr", "De plus, la Chine peut trouver des ressources utiles auprès de l'Iran, qui dispose d’un important arsenal d’armes soviétiques et produit en masse des armements conventionnels.",
         ("CHN", "produces", "armements")),
        # (at home, a meeting is no visit)
        ("fr", "Le président français Emmanuel Macron s'est entretenu lundi à Paris avec le Premier ministre français François Bayrou.",
         ("Emmanuel Macron", "visits", "FRA")),
        # a participle set off by a comma describes the name before it; the charge is not the accused
        ("fr", "La Cour pénale internationale (CPI) a émis mardi un mandat d'arrêt contre le chef de guerre Joseph Kony, accusé de l'enlèvement d'enfants ougandais.",
         ("Cour pénale internationale", "accuses", "enfants")),
        # (water cannon is no armed attack)
        ("en", "Malaysia's coast guard fired water cannon at a Vietnamese supply vessel on Saturday.", ("MYS", "attacks", "VNM")),
        # (the subject of a coordinated verb is the main verb's, not the name nearest before it)
        ("fr", "Des miliciens libyens ont arraisonné le cargo Blue Star. Athènes a convoqué l'ambassadeur du Kenya et réclamé la libération de l'équipage.",
         ("KEN", "demands", "miliciens")),
    ],
)
def test_claims_not_made(lang, text, absent):
    """A two-word title is one role; a speaker after a comma is no item of the list before it."""
    result = analyse(Article(text=text, lang=lang), get_nlp(lang)(tokenizable(text)))
    assert result.claims
    assert not _found(result, *absent)
