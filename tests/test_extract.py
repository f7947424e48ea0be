"""Extraction, specified as a table: passage -> the statements expected in it.

Each row is a short passage written for one construction. An expected
statement is ``(speaker, stance, targets)``; ``targets`` lists labels that must
all be among the statement's targets (an empty tuple asserts nothing about
them). Statements are matched in any order; ``exact`` rows also assert that
nothing else was found.

The table specifies what the rules read, so the learned second opinion on
neutral claims (``kg.extract.learned``, specified in ``test_learned.py``) is
switched off here.
"""

from __future__ import annotations

import pytest

from kg.extract import learned
from kg.pipeline import extract
from kg.records import Kind

HEAD = "Headline of the story\n\n"

CASES = [
    # --- direct quotes
    ("quote, speaker after", "“We will not back down,” Prime Minister Jane Holloway said on Monday.",
     [("Jane Holloway", "claim", ())], True),
    ("quote, speaker inside", "“We reject this plan,” he said after Mark Duval spoke. “It is a trap.”",
     [], False),
    ("quote, speaker before with colon", "Mark Duval said: “The sanctions are an outrageous measure.”",
     [("Mark Duval", "criticize", ())], True),
    ("straight quotes", 'Mark Duval said "the risk of war is growing" in Paris.',
     [("Mark Duval", "warn", ())], True),
    ("pronoun speaker", "Senator Ann Rourke arrived late. “This is a dangerous moment,” she said.",
     [("Ann Rourke", "warn", ())], True),
    ("follow-on quote paragraph",
     "Ann Rourke warned of “very dangerous trends.”\n\n“We have to stop this vicious practice now. Nobody listens.”",
     [("Ann Rourke", "warn", ()), ("Ann Rourke", "criticize", ())], True),
    ("dash attribution", "“Nobody wanted this war, and nobody can win it.” — Ann Rourke",
     [("Ann Rourke", "claim", ())], False),
    ("dash attribution typed as a hyphen", "\"So far the markets have held, but it is a long game.\" - Ann Rourke",
     [("Ann Rourke", "claim", ())], False),
    # --- reported speech
    ("said that", "Ann Rourke said that the talks had been useful.", [("Ann Rourke", "claim", ())], True),
    ("told", "Ann Rourke told reporters the deal was dead.", [("Ann Rourke", "claim", ())], True),
    ("according to", "According to Ann Rourke, the army has left the city.", [("Ann Rourke", "claim", ())], True),
    ("mixed quote", "Ann Rourke said there were “no grounds” to continue the talks.",
     [("Ann Rourke", "oppose", ("talks",))], True),
    # --- speech acts
    ("accuse of", "Ann Rourke accused Russia of escalating the conflict.",
     [("Ann Rourke", "accuse", ("Russia",))], True),
    ("condemn", "Ann Rourke condemned China over the arrests.", [("Ann Rourke", "criticize", ("China",))], True),
    ("demand from", "Ann Rourke demanded guarantees from the United States and NATO.",
     [("Ann Rourke", "demand", ("United States", "NATO"))], True),
    ("deny", "Ann Rourke denied plans to attack Ukraine.", [("Ann Rourke", "deny", ("Ukraine",))], True),
    ("warn", "Ann Rourke warned that Iran could build a bomb within months.",
     [("Ann Rourke", "warn", ("Iran",))], True),
    ("reject", "Ann Rourke rejected the proposal from Germany.", [("Ann Rourke", "oppose", ("Germany",))], True),
    ("praise", "Ann Rourke praised Canada for its help.", [("Ann Rourke", "support", ("Canada",))], True),
    ("refused to rule out", "Ann Rourke refused to rule out sending troops to Cuba.",
     [("Ann Rourke", "threaten", ("Cuba",))], True),
    ("did not reject", "Ann Rourke did not reject the offer from France.", [("Ann Rourke", "claim", ())], True),
    ("would not accept", "Ann Rourke said Moscow would not accept the terms.",
     [("Ann Rourke", "claim", ())], True),
    ("described as", "Ann Rourke described the Western position as “arrogant and uncompromising.”",
     [("Ann Rourke", "criticize", ("the West",))], True),
    ("called it", "Ann Rourke called the decision “extremely negative.”", [("Ann Rourke", "criticize", ())], True),
    # --- speakers
    ("surname after first mention",
     "Foreign Minister Sergio Almeida arrived in Rome. Almeida said the talks had failed.",
     [("Sergio Almeida", "claim", ())], True),
    ("coordinated speakers", "Ann Rourke, Mark Duval and Li Wen all condemned the decision of Japan.",
     [("Ann Rourke", "criticize", ("Japan",)), ("Mark Duval", "criticize", ("Japan",)),
      ("Li Wen", "criticize", ("Japan",))], True),
    ("relative clause gives two statements",
     "Lavrov, who described the plan as “arrogant,” said that Putin would decide next week.",
     [("Lavrov", "criticize", ()), ("Lavrov", "claim", ())], True),
    ("apposition", "“The risk of war is greater than ever,” the council’s chairman, Zbigniew Rau of Poland, said.",
     [("Zbigniew Rau", "warn", ())], True),
    ("metonym speaker", "Moscow rejected the proposal from Washington.",
     [("Russia", "oppose", ("United States",))], True),
    ("group of officials speaks for the country", "Russian officials denied plans to attack Ukraine.",
     [("Russia", "deny", ("Ukraine",))], True),
    ("group speaker", "Democratic senators demanded new sanctions against Iran.",
     [("Democratic senators", "demand", ("Iran",))], True),
    ("title descriptor resolved to the named person",
     "Kremlin spokesman Dmitry Peskov spoke on Monday. Later, the Kremlin spokesman said the talks had failed.",
     [("Dmitry Peskov", "claim", ())], True),
    ("speaker after the verb", "“The vote was rigged from the start,” said Mark Duval.",
     [("Mark Duval", "claim", ())], True),
    ("parenthetical attribution", "The new rules, said Mark Duval, are unfair to small farms.",
     [("Mark Duval", "criticize", ())], True),
    ("as X told Y", "As Ann Rourke told the BBC, the bridge was closed for safety reasons.",
     [("Ann Rourke", "claim", ())], True),
    ("first person inside a quote", "“I think the plan will fail,” Mark Duval said.",
     [("Mark Duval", "claim", ()), ("Mark Duval", "claim", ())], True),
    ("title before the name", "Malaysia’s Prime Minister, Najib Razak said the talks would go on.",
     [("Najib Razak", "claim", ())], True),
    ("acronym the article spells out",
     "The Korean Central News Agency (KCNA) reported the launch. KCNA said the test had succeeded.",
     [("Korean Central News Agency", "claim", ())], False),
    ("she skips a man", "Ms Lydia Holt met Tom Burns, who shook his head. She said the offer was too low.",
     [("Lydia Holt", "claim", ())], False),
    ("place-like surname after a given name",
     "Valeska Paris, an Australian woman, met Albert Jaquier. Paris claims that the ship was a prison.",
     [("Valeska Paris", "claim", ())], False),
    ("name the parser hung elsewhere",
     "Speaking in the parents' defence, Tom Molomby, SC, said that they should be declared not guilty.",
     [("Tom Molomby", "claim", ())], True),
    ("they skips things that cannot speak",
     "The authors say the results confirm the trend. They call for mandatory testing.",
     [("authors", "claim", ()), ("authors", "demand", ())], True),
    ("the owner of the subject",
     "Allegedly, Thomas Sam's sister pleaded with him to see a doctor, but he replied “I am not able to do that”.",
     [("Thomas Sam", "claim", ())], False),
    ("the city named before", "Residents of Chicago voted on the tax in June. The city reasoned that the fee was legal.",
     [("Chicago", "claim", ())], False),
    ("the Church for the organisation named before",
     "The Church of Scientology runs the ship. The Church denied these allegations.",
     [("Church of Scientology", "deny", ())], True),
    ("a surname tagged as a noun",
     "Kristen Wilkins curated the show. Wilkins observed that the program began in 2007.",
     [("Kristen Wilkins", "claim", ())], True),
    ("a title kept out of the name", "NASA Administrator Charles Bolden announced the four winning museums.",
     [("Charles Bolden", "claim", ())], True),
    ("a statement speaks for its author", "A statement from the White House said the talks would resume.",
     [("United States", "claim", ())], True),
    ("officials in a capital", "Officials in Beijing said the sanctions were illegal.",
     [("China", "criticize", ())], True),
    ("one unnamed official is a person, not the body", "A senior EU official said the talks would resume.",
     [("senior EU official", "claim", ())], True),
    ("the foreign minister is not the prime minister",
     "The Iranian foreign minister dismissed the claims. Prime Minister Rishi Sunak called on Iran to act.",
     [("Rishi Sunak", "demand", ("Iran",))], False),
    ("she refers to a name the tagger missed",
     "“Competition has to be fair,” Commission spokesperson Ilse Vandenbroucke told a news briefing.\n\n"
     "She said the duties were “proportionate and fully in line with WTO rules”.",
     [("Ilse Vandenbroucke", "support", ())], False),
    ("a quotation of two sentences is read whole",
     "Claire Mourat welcomed the vote.\n\n“This is not protectionism. This is Europe defending its industry,” she said.",
     [("Claire Mourat", "deny", ())], False),
    ("a pronoun is not the person its quote names",
     'For Kevin Allton, a teacher of English, Warhol was a legend. He said, "Andy Warhol was the center of the '
     'Zeitgeist."',
     [("Kevin Allton", "claim", ())], True),
    ("coordinated titles before one name",
     'American academic and professor Marc Lamont Hill commented, "The movement must become a national debate."',
     [("Marc Lamont Hill", "claim", ())], True),
    # --- more speech acts
    ("hit back at", "Beijing hit back at Canberra over the report.", [("China", "criticize", ("Australia",))], True),
    ("expressed concern over", "Volodymyr Zelensky expressed concern over Hungary's stance.",
     [("Volodymyr Zelensky", "criticize", ("Hungary",))], True),
    ("a that-less complement split by the parser",
     "The scientists found reduction of crop yields by 2050 exceeded 10% of 2000 levels.",
     [("scientists", "claim", ())], True),
    ("joint statement: co-speakers are not targets",
     "France and Germany said in a joint statement that they opposed the tariffs.",
     [("France", "oppose", ()), ("Germany", "oppose", ())], True),
    ("quote before the cue, a coordinated predicate after it",
     "Europe faces “a grave threat to peace,” Ann Rourke added, and must keep to principles that states are equal.",
     [("Ann Rourke", "warn", ())], True),
    ("passive with an agent", "The proposal from Germany was rejected by Russia.",
     [("Russia", "oppose", ("Germany",))], True),
    ("a participle with an agent inside a noun phrase",
     "Ann Rourke demanded a halt to the expansion of the alliance, a condition long ruled out by NATO officials.",
     [("Ann Rourke", "demand", ()), ("NATO", "oppose", ())], True),
    ("a speech verb governing a speech act: one statement",
     "The European Union vowed to hit back against the new tariffs from the United States.",
     [("European Union", "criticize", ("United States",))], True),
    ("a second act the parser hung on the reported clause",
     "Ann Rourke said the response was “predictable” and accused Germany of unfair practices.",
     [("Ann Rourke", "claim", ()), ("Ann Rourke", "accuse", ("Germany",))], True),
    ("a second act after a subjunctive clause",
     "Mark Duval demanded that the Commission prepare countermeasures and criticised the blackmail of Germany.",
     [("Mark Duval", "demand", ()), ("Mark Duval", "criticize", ("Germany",))], True),
    ("someone speaking inside the content is not a target",
     "The European Union vowed to hit back against the tariffs, with trade chief Ann Rourke calling them unjustified.",
     [("European Union", "criticize", ())], False),
    ("a person named by role as target", "Judge Maria Lopez blocked the law. Democrats praised the judge.",
     [("Democrats", "support", ("Maria Lopez",))], True),
    ("according to a statement from", "According to a statement from the Indian army, troops had pulled back.",
     [("Indian army", "claim", ())], True),
    ("a spokesperson for a leader", "“We are ready for dialogue,” said a spokesperson for the Pakistani prime minister.",
     [("Pakistan", "claim", ())], True),
    ("quoted as saying", "Ali Khan met the envoys. Khan was quoted as saying that India had violated the ceasefire.",
     [("Ali Khan", "accuse", ("India",))], True),
    ("claims called false", "Ali Khan said the claims were false.", [("Ali Khan", "deny", ())], True),
    ("the government of the country in the story",
     "Protests spread across Iran on Sunday. The government said the protesters were foreign agents.",
     [("Iran", "claim", ())], True),
    ("a ministry is a body of its own, named as the article names it with its country",
     "Saudi Arabia's energy ministry said the cut was a precautionary measure.",
     [("Saudi Arabia's Energy Ministry", "claim", ())], True),
    ("negation raised from a verb of thinking",
     "“We don't think cuts are advisable at this moment,” Ann Rourke said.",
     [("Ann Rourke", "oppose", ())], False),
    ("an abuse reported is an accusation", "Margrethe Vestager said Apple had abused its position for a decade.",
     [("Margrethe Vestager", "accuse", ("Apple",))], True),
    ("according to X, quoting Y: both speak",
     "According to Yonhap news agency, quoting the state news agency KCNA, the army has been put on high alert.",
     [("Yonhap news agency", "claim", ()), ("KCNA", "claim", ())], True),
    ("an attitude with a clause of its own", "Ann Rourke was confident that the talks would resume.",
     [("Ann Rourke", "claim", ("talks",))], True),
    ("an attitude the parser read as a passive verb",
     "Opposition parties are concerned the government will cut the budget.",
     [("Opposition parties", "criticize", ())], True),
    ("a negated attitude", "Ann Rourke was not happy that Russia had left the talks.",
     [("Ann Rourke", "criticize", ("Russia",))], True),
    ("a surname misspelt after the full name",
     "Kathryn Waters opened the show on Monday.\n\n\"It is a fine day for art,\" Water said.",
     [("Kathryn Waters", "claim", ())], True),
    ("a refusal named by a noun: its owners refuse",
     "Ann Rourke condemned the refusal of the United States and NATO to accept the demands of Russia.",
     [("Ann Rourke", "criticize", ("United States", "NATO")), ("United States", "oppose", ()),
      ("NATO", "oppose", ())], True),
    ("a speech verb the tagger read as a plural noun",
     'The U.S. Department of Agriculture notes, "Ground-level ozone causes more damage to plants than all other '
     'air pollutants combined", highlighting the importance of air quality.',
     [("U.S. Department of Agriculture", "claim", ())], True),
    ("in the words of", 'In the words of the prosecutor, Mark Duval, "the parents knew what they were doing."',
     [("Mark Duval", "claim", ())], True),
    ("a document reads, and speaks for the body named in it",
     'The Home Office letter reads "we may extend the use of the questionnaire to other claimants".',
     [("Home Office", "claim", ())], True),
    ("a court rules that", "A Greek court ruled that worship of ancient Greek deities is legal.",
     [("Greek court", "claim", ())], True),
    ("a name hung on the last noun of a title",
     "The head of the German car industry association, Hildegard Kranz, said the vote was a mistake.",
     [("Hildegard Kranz", "criticize", ())], True),
    ("a second act hung deep inside the first one's content",
     "General Zoran Milosavic told state television that units had moved only to “protect our people” and called "
     "Western concerns about the deployment “hysteria”.",
     [("Zoran Milosavic", "criticize", ("the West",))], False),
    ("the reporter's own act in a relative clause",
     "Greg Lindqvist said he would not put the plan to a vote, which he described as “a reckless giveaway.”",
     [("Greg Lindqvist", "oppose", ()), ("Greg Lindqvist", "criticize", ())], True),
    ("harm foreseen is a warning", "Tom Westbrook said a long strike would do real damage to the company.",
     [("Tom Westbrook", "warn", ())], True),
    ("their union: the one union the article names",
     "Workers will walk out on Monday, their union said. The Amalgamated Vehicle Workers Union represents 9,000 staff.",
     [("Amalgamated Vehicle Workers Union", "threaten", ())], True),
    # --- stance from the shape of what is said
    ("a promise to sign supports", "The White House said the president would sign the bill.",
     [("United States", "support", ("bill",))], True),
    ("a refusal in the first person opposes", "“We are not going to vote for that bill,” Ann Rourke said.",
     [("Ann Rourke", "oppose", ())], True),
    ("refusing to support opposes", "“We will not support this bill,” Ann Rourke said.",
     [("Ann Rourke", "oppose", ("bill",))], True),
    ("a promise of retaliation threatens", "China said it would take all necessary measures.",
     [("China", "threaten", ())], True),
    ("a hostile act said not to have happened is denied", "Ann Rourke said Serbia had never threatened anyone.",
     [("Ann Rourke", "deny", ())], True),
    ("an order demands", "“Fund the government first,” Ann Rourke said.", [("Ann Rourke", "demand", ())], True),
    ("rejecting an accusation denies it", "Russia dismissed the accusation on Monday.",
     [("Russia", "deny", ())], True),
    ("calling something a threat criticises it", "Union leaders called the plan a threat.",
     [("Union leaders", "criticize", ())], True),
    ("this is not X: a denial", "“This is not protectionism,” Ann Rourke said.", [("Ann Rourke", "deny", ())], True),
    ("readiness for talks supports", "Ann Rourke said the union was ready to return to talks.",
     [("Ann Rourke", "support", ())], True),
    ("the company is the one the story is about",
     "Halden Motors cut jobs on Monday. Halden Motors also closed a plant. Marlow Partners advised the board. "
     "The company said the cuts were needed.",
     [("Halden Motors", "claim", ())], True),
    ("an organisation by its first word", "Halden Motors cut jobs on Monday. Halden said the cuts were needed.",
     [("Halden Motors", "claim", ())], True),
    ("what helps is supported", "Marcus Bell said the subsidies help millions of families.",
     [("Marcus Bell", "support", ("subsidies",))], True),
    ("doing nothing to is criticism", "Ann Rourke said the bill did nothing to lower prices.",
     [("Ann Rourke", "criticize", ())], True),
    ("so-called", "“The so-called inquiry was a political decision,” Zhou Wei said.",
     [("Zhou Wei", "criticize", ())], True),
    ("a hostile act tried by them", "“They are trying to frighten people,” Karen Doyle said of Halden Motors.",
     [("Karen Doyle", "accuse", ())], False),
    ("what we should not do is opposed", "“We should not be punishing ourselves,” Lukas Brenner said.",
     [("Lukas Brenner", "oppose", ())], True),
    ("a refusal until something is done demands it",
     "“I will not sign off a single foundation until that money is in the bank,” Mayor Joanne Pryce said.",
     [("Joanne Pryce", "demand", ())], True),
    ("'let me be clear' is no order",
     "“Let me be absolutely clear: this government will take all necessary measures,” Daniel Okafor said.",
     [("Daniel Okafor", "threaten", ())], True),
    ("'it is not' a harmless thing is no denial",
     "“It is not a lifestyle product,” Harriet Mould said of insulin.",
     [("Harriet Mould", "claim", ())], True),
    ("'against their will' opposes nothing",
     "Harriet Mould said nobody should be moved off the insulin against their will.",
     [("Harriet Mould", "claim", ())], True),
    ("a vote forced if they refuse is a threat",
     "Naomi Threlfall said her party will force a Commons vote if ministers refuse.",
     [("Naomi Threlfall", "threaten", ())], True),
    ("reporting another's opposition criticises them",
     "Dev Malhotra said the Independents had opposed every housing scheme in the city.",
     [("Dev Malhotra", "criticize", ())], True),
    ("a body that has to act is told to",
     "Amira Haddad said the council has to keep the rents within reach of families on its waiting list.",
     [("Amira Haddad", "demand", ())], True),
    ("harm foreseen by a thing is a warning, not a threat",
     "The Federation of British Enterprise said the rise would hit investment.",
     [("Federation of British Enterprise", "warn", ())], True),
    ("a promise to fight opposes", "“I will fight this until my name is cleared,” Adaora Nwankwo said.",
     [("Adaora Nwankwo", "oppose", ())], True),
    ("a promise not to abandon supports", "“We will not abandon her,” federation president Emmanuel Cole said.",
     [("Emmanuel Cole", "support", ())], True),
    ("rejecting criticism denies it", "The agency rejected the criticism.",
     [("agency", "deny", ())], True),
    ("a question after a clause leaves the clause alone",
     "“We will retaliate, and who could blame us?” Mark Duval said.",
     [("Mark Duval", "threaten", ())], True),
    ("a question orders nothing",
     "“How many more Sudanese must die before Russia decides that enough is enough?” Eleanor Whitby said.",
     [("Eleanor Whitby", "claim", ())], True),
    ("a question before the attribution is still said",
     "“Why should families pay for this?” Eleanor Whitby said.",
     [("Eleanor Whitby", "claim", ())], True),
    # --- not statements
    ("'what he called' belongs to the statement around it",
     "Kamal Osman Haroun thanked Russia for what he called a principled stand.",
     [("Kamal Osman Haroun", "support", ("Russia",))], True),
    ("learning a lesson", "The organisers had learned an important lesson from the exhibit.", [], True),
    ("an act that says why is one statement",
     "Arben Dushku blamed Belgrade for the violence, saying the gunmen had been trained in Serbia.",
     [("Arben Dushku", "accuse", ("Serbia",))], True),
    ("asking not to be named", "A developer, who asked not to be named, said the rules were unworkable.",
     [("developer", "criticize", ())], True),
    ("a question put by someone else",
     "Asked by one analyst whether the firm would leave Europe, Ann Rourke said it would not.",
     [("Ann Rourke", "claim", ())], True),
    ("agreeing to keep talking", "Ann Rourke and Mark Duval agreed to keep talking over the weekend.", [], True),
    ("reading and ruling without a clause", "She read the book on the train. The king ruled the country for years.",
     [], True),
    ("an attitude without a clause is a feeling", "Ann Rourke was worried about the budget.", [], True),
    ("a bare participle with what was requested as its subject",
     "The taxes requested in arrears are under the old system.", [], True),
    ("the one asked is not asking", "Asked whether talks would resume, Ali Khan said it was too early to tell.",
     [("Ali Khan", "claim", ())], True),
    ("acts prevented or wanted of others",
     "Laws ban migrants from claiming asylum. The group encouraged citizens to ask for help.",
     [], True),
    ("a promise to speak inside a quote", "“We will respond,” said Ana Lopez.",
     [("Ana Lopez", "claim", ())], True),
    ("an infinitive after a verb of hoping", "Jane Holt hoped to win the race.", [], True),
    # --- nominal cues
    ("nominal call", "Russia rebuffed NATO calls to de-escalate.",
     [("Russia", "oppose", ("NATO",)), ("NATO", "demand", ("Russia",))], True),
    # --- targets
    ("what an adjective judges", "Ann Rourke said the situation in the region remained “very perilous.”",
     [("Ann Rourke", "warn", ("situation",))], True),
    ("a gerund clause judged", "Sanctioning a head of state “is an outrageous measure,” Mark Duval said.",
     [("Mark Duval", "criticize", ("sanctioning a head of state",))], True),
    ("the thing called so", "Hildegard Kranz called the vote “a serious mistake” that would invite retaliation "
     "against German exporters.",
     [("Hildegard Kranz", "criticize", ("vote",))], True),
    ("'that' answered through whoever said it",
     "Halden Motors warned that a long stoppage could force it to close a plant. Union leaders called that a threat.",
     [("Union leaders", "criticize", ("Halden Motors",))], False),
    ("what is denied to be", "“This is not protectionism. This is Europe defending its workers,” Claire Mourat said.",
     [("Claire Mourat", "deny", ("protectionism",))], True),
    ("a denied dependence, not the speaker's own industry", "Beijing denies that its industry depends on subsidies.",
     [("China", "deny", ("subsidies",))], True),
    ("the owner named inside the act", "Workers at Halden Motors' two British plants will walk out for 48 hours, "
     "the union said.",
     [("union", "threaten", ("Halden Motors",))], True),
    ("a nationality stays in a topic", "A U.S. trade official said Washington “welcomes steps by our European "
     "partners” to curb overcapacity.",
     [("U.S. trade official", "support", ("european partners",))], True),
    ("the speaker's own country is not a target",
     "Dutch Infrastructure Minister Ingrid Vermeulen met the union. “The Netherlands earns its living through "
     "this port,” she said.",
     [("Ingrid Vermeulen", "claim", ("port",))], True),
    ("the issue the article keeps returning to",
     "The dockworkers' strike entered its third day. The strike has closed two terminals. Marleen de Graaf said "
     "every day of the strike sends cargo along another route.",
     [("Marleen de Graaf", "claim", ("strike",))], True),
    ("a place after 'in' is where, not whom",
     "The law took effect two years ago. Renata Ocampo said the law had frightened families in Oklahoma.",
     [("Renata Ocampo", "claim", ("law",))], True),
    ("a hyphenated compound stays whole", "Ann Rourke said a minimum-price deal was close.",
     [("Ann Rourke", "claim", ("minimum-price deal",))], True),
    # --- speakers: organisations and unnamed people
    ("a lone word of an organisation's name is not a person",
     "Corvell Therapeutics raised the price of its insulin pen. Health Secretary Daniel Ashworth met patients. "
     "“Corvell will find that we take a different view,” he said.",
     [("Daniel Ashworth", "claim", ("Corvell Therapeutics",))], False),
    ("another body's spokesman is not the named one",
     "State Department spokesman Mark Delaney was in Washington. In Niamey, the junta's spokesman said the "
     "ambassador had ignored an invitation.",
     [("junta's spokesman", "claim", ())], True),
    ("'the spokesman' after an unnamed one, and 'he' after him",
     "In Niamey, the junta's spokesman said the ambassador had ignored an invitation. Kofi Amankwah, the ECOWAS "
     "president, met envoys on Monday. “He must leave within 48 hours,” the spokesman said.\n\n"
     "The junta's spokesman accused ECOWAS of serving a foreign power. He said the armed forces were on alert.",
     [("junta's spokesman", "claim", ("invitation",)), ("junta's spokesman", "claim", ("hours",)),
      ("junta's spokesman", "accuse", ()), ("junta's spokesman", "claim", ("armed forces",))], True),
    ("a name speaks before a common word the parser also made a subject",
     "“We have supplied insulin at the same price for 11 years, while the cost of raw materials has risen by "
     "more than 60%,” Varga says.",
     [("Varga", "claim", ())], False),
    ("governed by is not a ruling",
     "Neighbouring Mali and Burkina Faso, both also ruled by the military, have said they would treat any "
     "intervention as a declaration of war.",
     [("Mali", "claim", ()), ("Burkina Faso", "claim", ())], True),
    ("an acronym before a place names a body", "NHS England says patients should not stop taking their insulin.",
     [("NHS England", "claim", ())], True),
    ("'it' for a named body", "Halden Motors posted a loss on Monday. It said demand for electric cars had fallen.",
     [("Halden Motors", "claim", ())], True),
    ("a clause before a colon hands over to its subject",
     "Harriet Mould runs the charity. Mould puts it more bluntly: “Insulin was discovered a century ago, and "
     "its inventors sold the patent for a dollar.”",
     [("Harriet Mould", "claim", ())], True),
    ("words named before a colon are their owner's",
     "Richard Lowe is the planning director. Lowe's message to residents was simple: “Come and talk to us. "
     "The door is open.”",
     [("Richard Lowe", "demand", ())], True),
    ("'he' after an unnamed person in subject position",
     "Corvell Therapeutics raised its prices. Health Secretary Daniel Ashworth met patients. A senior executive "
     "at a rival manufacturer says several "
     "firms are watching. “If Corvell gets away with this, you will see others follow,” he said.",
     [("senior executive at a rival manufacturer", "claim", ("firms",)),
      ("senior executive at a rival manufacturer", "claim", ("Corvell Therapeutics",))], True),
    ("a name left verbless by the parser still speaks",
     "Victorian Premier Tom Vukovic, whose state has borne the brunt of the fires, called on both leaders to "
     "“put the point-scoring aside for a fortnight”.",
     [("Tom Vukovic", "demand", ("both leaders",))], True),
    ("'frames X as' characterises X", "Marcus Hale frames the job cuts as a financial necessity.",
     [("Marcus Hale", "claim", ("job cuts",))], True),
    ("'and he rejected': the reporter's narration again",
     "Ashcombe said pay growth was “simply not consistent” with the target, and he rejected suggestions that "
     "the Bank had been caught out.",
     [("Ashcombe", "claim", ()), ("Ashcombe", "deny", ("suggestions",))], True),
    ("'and she would act' is still what was said", "Ann Rourke said inflation was high and she would act.",
     [("Ann Rourke", "claim", ())], True),
    ("a title names a person, whatever the tagger thought",
     "Loopline is cutting 3,000 jobs, CEO Marcus Hale says in a memo. “This is the hardest decision I have made,” "
     "Hale wrote.",
     [("Marcus Hale", "claim", ()), ("Marcus Hale", "claim", ())], True),
    ("the charge is not part of who is charged", "Konstantin Belyaev accused Western members of hypocrisy.",
     [("Konstantin Belyaev", "accuse", ("Western members",))], True),
    ("a title as target is the person who holds it",
     "Prime Minister Daniel Ashworth visited the town. Opposition leader Fiona Brackley accused the Prime "
     "Minister of “playing politics”.",
     [("Fiona Brackley", "accuse", ("Daniel Ashworth",))], True),
    ("a person named in a subject's phrase is the next 'he'",
     "Geng Xiaoming abstained. Sudan's ambassador to the UN, Kamal Osman Haroun, thanked Russia. He said the "
     "draft treated a lawful army and a rebel militia as equals.",
     [("Kamal Osman Haroun", "claim", ())], False),
    ("a title with a name in apposition introduces the quote after a colon",
     "The Federation of British Enterprise said the increase would hit investment. Its director general, Graham "
     "Pilkington, put it bluntly: “The Bank has made the wrong call. Orders are falling.”",
     [("Graham Pilkington", "criticize", ("wrong call",))], False),
    ("'the Italian' after a person is that person",
     "Head coach Luca Benedetti refused to be drawn on the row.\n\n“My job is to win football matches,” the "
     "Italian said.",
     [("Luca Benedetti", "oppose", ()), ("Luca Benedetti", "claim", ())], True),
    # --- round three: second acts, pronouns and given names
    ("'adding that' is a second statement of the same speaker",
     "Finance minister Lucia Ferrante defended the budget, adding that the cuts would be reversed next year.",
     [("Lucia Ferrante", "support", ()), ("Lucia Ferrante", "claim", ())], True),
    ("'saying' tells how the act was done: one statement",
     "Finance minister Lucia Ferrante rejected the plan, saying it would cost too much.",
     [("Lucia Ferrante", "oppose", ())], True),
    ("'calling it' tells how the act was done: one statement",
     "Finance minister Lucia Ferrante rejected the plan, calling it a gimmick.",
     [("Lucia Ferrante", "oppose", ())], True),
    ("'arguing' gives the grounds of the act: one statement",
     "The regulator rejected the offer of new routes, arguing that such promises were hard to police.",
     [("regulator", "oppose", ())], True),
    ("a given name tells who 'she' can be when the article does not",
     "Ana Ruiz, a lawyer for the families, filed the appeal. Peter Berger, an analyst at Vell Capital, "
     "estimated the cost at $2 billion.\n\n“This ruling will not stand,” she said.",
     [("Ana Ruiz", "claim", ())], False),
    ("a title before the given name does not hide it",
     "The vice-chancellor, Prof Helen Okafor, defended the decision on Monday. Dr Peter Lund, who chairs the "
     "senate, disagreed with it.\n\n“We had no responsible alternative,” she said.",
     [("Helen Okafor", "claim", ())], False),
    ("a surname alone in subject position is the next 'he'",
     "Columnist Douglas Mercer was due to speak on Friday. The vice-chancellor, Prof Miriam Achterberg, "
     "cancelled the talk. Mercer, who has written three books, said the decision was cowardly.\n\n"
     "“They have run up the white flag,” he told reporters.",
     [("Douglas Mercer", "criticize", ()), ("Douglas Mercer", "claim", ("white flag",))], False),
    ("a hyphenated surname the tagger calls an organisation is still a person for 'she'",
     "The novelist Margaret Okonjo-Hale joined the suit. Senator Ruth Calloway backed a new law.\n\n"
     "Okonjo-Hale said the deals changed nothing. “They want credit for paying after the fact,” she said.",
     [("Margaret Okonjo-Hale", "claim", ("credit",))], False),
    ("an organisation named in apposition to a descriptor is the speaker",
     "The Geneva-based monitoring group Open Borders Watch said the arrests were unlawful.",
     [("Open Borders Watch", "criticize", ())], True),
    ("an anonymous source keeps what makes them a source",
     "The regulator will publish its decision next week, according to a person familiar with the matter.",
     [("person familiar with the matter", "claim", ())], True),
    ("a name with a patronymic is shortened to the given name",
     "Energy Minister Prince Faisal bin Nayef defended the cut. Prince Faisal said the market was stable.",
     [("Faisal bin Nayef", "support", ()), ("Faisal bin Nayef", "claim", ())], True),
    ("'its ministry' after a country is that country's ministry",
     "Morocco condemned the raid. Its Foreign Ministry said the raid was a violation of international law.",
     [("Morocco", "criticize", ()), ("Moroccan Foreign Ministry", "accuse", ())], True),
    ("'in what X called' under the narrator's report of an act is X's statement",
     "The army shelled the border town on Sunday in what Defence Minister Karl Brandt called “a warning to "
     "the separatists”.",
     [("Karl Brandt", "criticize", ())], True),
    ("a claim someone disputes is denied",
     "The regulator said fares would rise by 20%, a claim the airlines dispute.",
     [("regulator", "claim", ()), ("airlines", "deny", ())], True),
    ("an order to do something is a demand",
     "Judge Eleanor Whitcombe ordered the company to preserve all its training data.",
     [("Eleanor Whitcombe", "demand", ())], True),
    ("an order for goods is no statement",
     "Aero Lines ordered 40 aircraft from Airbus on Tuesday.",
     [], True),
    ("'calling for' after another act is a demand of its own",
     "MP Andrew Pennock has written to the Health Secretary, calling for an independent review of the plan.",
     [("Andrew Pennock", "demand", ("independent review",))], True),
    ("promising to vote against something opposes it",
     "The Labour group said it would vote against the budget.",
     [("Labour group", "oppose", ("budget",))], True),
    ("a country said to support an effort is no accusation",
     "Foreign Minister Anne Dupuis said Canada fully supports the mediation efforts of the African Union.",
     [("Anne Dupuis", "support", ())], True),
    ("responsibility laid on another accuses them",
     "The Egyptian Foreign Ministry said Israel bore full responsibility for the deaths.",
     [("Egyptian Foreign Ministry", "accuse", ("Israel",))], True),
    ("options kept on the table threaten",
     "Defence Minister Karl Brandt said every option remained on the table.",
     [("Karl Brandt", "threaten", ())], True),
    ("a promise not to hesitate threatens",
     "Commissioner Ilse Vandenbroucke said Brussels would not hesitate to impose fines.",
     [("Ilse Vandenbroucke", "threaten", ())], True),
    ("the word that heads the content decides a tie",
     "Union leader Priya Shah said it was insulting that the board had portrayed nurses as a security risk.",
     [("Priya Shah", "criticize", ())], True),
    ("'the two airlines' are the two named before",
     "The competition authority blocked the merger of Lufthansa and Ryanair on Tuesday. The two airlines said "
     "in a joint statement that they were reviewing all options.",
     [("Lufthansa", "claim", ()), ("Ryanair", "claim", ())], False),
    ("a source vouching for someone's statement does not make a second one",
     "The agency's deputy director general, Annika Lindqvist, told member states that the situation was "
     "\"not sustainable\", according to two diplomats who attended.",
     [("Annika Lindqvist", "claim", ())], True),
    ("people counted as two are no pair of organisations",
     "The European Commission fined Google and Meta on Monday. Two senior officials said the fines were fair.",
     [("Two senior officials", "support", ())], True),
    ("a promise not to hesitate to help is no threat",
     "Chancellor Olaf Brandt said Germany would not hesitate to provide further aid to Ukraine.",
     [("Olaf Brandt", "claim", ())], True),
    ("a responsibility that is a duty accuses no one",
     "Chancellor Olaf Brandt said Germany bears a special responsibility for the security of Israel.",
     [("Olaf Brandt", "claim", ())], True),
    ("a claim which someone disputes is denied",
     "The regulator said fares would rise by 20%, a claim which the airlines dispute.",
     [("regulator", "claim", ()), ("airlines", "deny", ())], True),
    ("promising not to vote against something lets it pass",
     "Party leader Ruth Calloway said her party would not vote against the budget.",
     [("Ruth Calloway", "support", ("budget",))], True),
    ("only the first given name tells who 'he' can be",
     "The conductor, Carlo Maria Bianchi, resigned on Monday. The soprano, Paola Rossi, stayed.\n\n"
     "“I could not work in these conditions,” he said.",
     [("Carlo Maria Bianchi", "claim", ())], False),
    ("a date is no owner of a topic",
     "Union leader Priya Shah condemned last week's decision.",
     [("Priya Shah", "criticize", ("decision",))], True),
    # --- topic labels
    ("a topic keeps the modifiers that say which one",
     "The sprinter, Grace Adeyemi, blamed contaminated beef for the positive test.",
     [("Grace Adeyemi", "accuse", ("contaminated beef",))], True),
    ("a topic drops words that only judge or count",
     "Senator Ruth Calloway said the tough new sanctions bill would pass.",
     [("Ruth Calloway", "claim", ("sanctions bill",))], True),
    ("a topic keeps the body it belongs to",
     "ECOWAS chief Omar Touray rejected the junta's proposal.",
     [("Omar Touray", "oppose", ("junta's proposal",))], False),
    ("a relational head keeps what it is of",
     "Rights lawyer Ana Ruiz condemned the use of force against the marchers.",
     [("Ana Ruiz", "criticize", ("use of force",))], False),
    # --- stance from pejoratives
    ("a pejorative of political argument", "Greg Lindqvist said the subsidies were “a bailout for insurance "
     "companies.”",
     [("Greg Lindqvist", "criticize", ())], True),
    # --- acts the speaker reports of their own side
    ("a speech act the speaker's side makes in the quote is the statement's",
     "“China urges the Philippine side to stop its provocations,” Chinese foreign ministry spokeswoman "
     "Liu Fang said.",
     [("Liu Fang", "demand", ())], True),
    ("a country's opposition voiced by its minister",
     "Japanese Chief Cabinet Secretary Kenji Mori said Japan “strongly opposes” any attempt to change "
     "the status quo by force.",
     [("Kenji Mori", "oppose", ())], True),
    ("the speaker's side rejecting accusations denies them",
     "“Russia rejects these accusations,” said Kremlin spokesman Ivan Sorokin.",
     [("Ivan Sorokin", "deny", ())], True),
    ("a reported act of backing supports", "Carol Whitfield said she backed the mayor's decision.",
     [("Carol Whitfield", "support", ("mayor's decision",))], True),
    ("'could not support' refuses", "Denise Harmon told commissioners she could not support the subsidy.",
     [("Denise Harmon", "oppose", ("subsidy",))], True),
    ("being asked is no act of one's own",
     "“We have been asked to be patient for months,” said Dr Lina Haddad.",
     [("Lina Haddad", "claim", ())], True),
    ("standing with someone supports them",
     "“The United States stands with our ally the Philippines,” said U.S. State Department spokesman "
     "Matthew Carver.",
     [("Matthew Carver", "support", ("Philippines",))], True),
    ("solidarity supports", "CARICOM said its member states “stand in full solidarity” with Guyana.",
     [("CARICOM", "support", ("Guyana",))], True),
    ("another's acts the speaker reports are not the speaker's",
     "Mark Duval met Ann Rourke on Monday. She said he condemned the attacks.",
     [("Ann Rourke", "claim", ())], True),
    ("a dissident does not speak for the state",
     "Iranian dissident Maryam Karimi said Iran urged its proxies to attack shipping.",
     [("Maryam Karimi", "accuse", ())], True),
    ("a third party standing behind an attack is no support",
     "Ukrainian officials said Russia stands behind the cyberattack.",
     [("Ukraine", "claim", ("Russia",))], True),
    ("a possible act is no act", "Ann Rourke said she might back the plan.",
     [("Ann Rourke", "claim", ())], True),
    ("a warning of what one's opponents will do stays a warning",
     "Ann Rourke warned that her opponents would cut pensions.",
     [("Ann Rourke", "warn", ())], True),
    ("a warning of what we cannot do stays a warning", "Ann Rourke warned that we can't win this war alone.",
     [("Ann Rourke", "warn", ())], True),
    ("a warning of one's own action threatens",
     "Claire Vasseur warned that her party would table a motion of no confidence.",
     [("Claire Vasseur", "threaten", ())], True),
    ("a country warning what it will do threatens",
     "Egypt warned that it will not “stand idly by” if its water supply is cut.",
     [("Egypt", "threaten", ())], True),
    ("a warning of what others may do stays a warning", "Ann Rourke warned that Iran would build a bomb.",
     [("Ann Rourke", "warn", ("Iran",))], True),
    ("a warning of how long it will take stays a warning",
     "The IMF warned that it would take years for the economy to recover.",
     [("International Monetary Fund", "warn", ())], True),
    ("an act after 'and' that the parser hung on a description is the speaker's",
     "Derek Whitcombe said patients were “collateral damage in a fight they didn't start” and urged both "
     "sides to agree to binding arbitration.",
     [("Derek Whitcombe", "claim", ()), ("Derek Whitcombe", "demand", ("both sides",))], True),
    ("'and refused to rule out' after a warning is a second statement",
     "Yuko Arakawa warned that the ruling could undermine the foundation on which relations had been built "
     "and refused to rule out taking the dispute to the International Court of Justice.",
     [("Yuko Arakawa", "warn", ()), ("Yuko Arakawa", "threaten", ("International Court of Justice",))], True),
    ("declining to comment says nothing", "A company spokesman declined to comment.", [], True),
    ("a refusal to elaborate adds nothing to what was said",
     "Hisham Rahman said the talks had failed but declined to elaborate.",
     [("Hisham Rahman", "claim", ())], True),
    ("'declined to say …, saying only that …' says what follows",
     "Prince Faisal Khalid declined to say whether further cuts were on the table, saying only that the "
     "alliance would act as needed.",
     [("Faisal Khalid", "claim", ())], True),
    ("a country's ministry named with the country's possessive is that country's",
     "Turkey's Foreign Ministry dismissed the statement. South Korea's Foreign Ministry said it "
     "respected the judgment.",
     [("Turkey's Foreign Ministry", "oppose", ()), ("South Korea's Foreign Ministry", "claim", ())], True),
    ("a name in apposition to a title speaks, even when the tagger calls it a place",
     "Norway was more effusive. Its ambassador in Brasília, Kari Vestby, called the figures "
     "“a vindication of the partnership”.",
     [("Kari Vestby", "support", ("figures",))], True),
    ("a formal protest criticises",
     "The Greek Foreign Ministry said it had lodged a formal protest with the Turkish ambassador.",
     [("Greek Foreign Ministry", "criticize", ())], True),
    ("summoning an ambassador criticises",
     "Philippine foreign ministry spokeswoman Ana Ocampo said Manila would summon China's ambassador.",
     [("Ana Ocampo", "criticize", ("China",))], True),
    ("rejecting another's description of something denies it",
     "Lim Ji-won rejected Japan's description of the ruling as a violation of international law.",
     [("Lim Ji-won", "deny", ("Japan",))], True),
    ("a country refusing under 'it'", "Spain said it would not commit to a new spending target.",
     [("Spain", "oppose", ())], True),
    ("'it' that is not the country refuses nothing", "Spain said it would not work.",
     [("Spain", "claim", ())], True),
    ("a minister's 'the government' is the minister's side",
     "Brazilian Environment Minister Renata Albuquerque said the government would not accept the proposal.",
     [("Renata Albuquerque", "oppose", ("proposal",))], True),
    ("a union negotiator's 'the government' is not",
     "Union chief negotiator Sam Reiter said the government would not accept the proposal.",
     [("Sam Reiter", "claim", ())], True),
    ("a promise to respond firmly threatens",
     "“If the board adopts the resolution, Iran will respond firmly,” said Iranian Foreign Ministry spokesman "
     "Nasser Ghaffari.",
     [("Nasser Ghaffari", "threaten", ())], True),
    ("being ready to walk out threatens",
     "Leanne Carrick said nurses in regional hospitals were “more than ready” to walk out again.",
     [("Leanne Carrick", "threaten", ())], True),
    ("having no plans to act refuses", "Kanemura Heavy Industries said it had no plans to make any payment.",
     [("Kanemura Heavy Industries", "oppose", ("payment",))], True),
    ("a cost that could be steep is a warning", "Economists say the cost could be steep.",
     [("Economists", "warn", ("cost",))], True),
    ("a spokesperson speaks for the country the sentence before names",
     "China's foreign ministry gave a different account. Spokesperson Zhou Lihong said the vessels had "
     "intruded. “China urges the Philippine side to stop its provocations,” Zhou told a briefing.",
     [("Zhou Lihong", "demand", ("Philippines",))], False),
    ("the country a minister speaks for is no target of theirs",
     "Japan also voiced concern. Chief Cabinet Secretary Kenji Morimoto told reporters that Japan "
     "“strongly opposes” any attempt to change the status quo by force.",
     [("Kenji Morimoto", "oppose", ())], False),
    ("'the ministry' is the ministry named before, not the body named most",
     "The Senate voted on Tuesday. Saudi Arabia's foreign ministry hit back on Wednesday. The decision "
     "reflected “purely economic considerations,” the ministry said.",
     [("Saudi Arabia's Foreign Ministry", "claim", ())], False),
    ("those who issue a statement speak through it",
     "Estonia, Latvia and Lithuania issued a joint statement welcoming the proposal.",
     [("Estonia", "support", ("proposal",)), ("Latvia", "support", ("proposal",)),
      ("Lithuania", "support", ("proposal",))], True),
    ("a group's name leaves out how many spoke",
     "More than 200 showrunners signed an open letter backing the guild.",
     [("showrunners", "support", ("guild",))], True),
    ("an unnamed spokesperson of one body is no named spokesperson of another",
     "A State Department spokesperson said the talks were useful. Ministry spokesperson Lim Ji-won said "
     "Seoul was calm.",
     [("State Department", "claim", ()), ("Lim Ji-won", "claim", ())], True),
    ("an act after what a subject is said to have is the speaker's",
     "Spokeswoman Lin Mei said the United States and Japan had “no standing” to comment on China's "
     "internal affairs, and accused Tokyo of “stirring up trouble” in the region.",
     [("Lin Mei", "oppose", ()), ("Lin Mei", "accuse", ("Japan",))], True),
    ("'no right to' opposes", "“The United States has no right to interfere,” said Zhou Lihong.",
     [("Zhou Lihong", "oppose", ("United States",))], True),
    ("calling an offer fair supports it", "Health Minister Megan Thorsby said the government's offer was "
     "“fair and responsible”.",
     [("Megan Thorsby", "support", ("government's offer",))], True),
    ("'encourage them to' asks them to act", "“We encourage them to resolve their differences,” said Ann Rourke.",
     [("Ann Rourke", "demand", ())], True),
    ("calling an incident aggression accuses",
     "Security adviser Eduardo Villareal called the incident “an act of aggression”.",
     [("Eduardo Villareal", "accuse", ("incident",))], True),
    ("calling an act deliberate accuses", "“This was not an accident. It was deliberate,” said Jose Alcaraz.",
     [("Jose Alcaraz", "accuse", ())], True),
    ("'we have broken no rule' denies", "“We have broken no rule,” said league president Tom Hale.",
     [("Tom Hale", "deny", ())], True),
    ("'nothing has been decided' denies",
     "Government spokeswoman Anne Chevallier insisted that “no decision has been made”.",
     [("Anne Chevallier", "deny", ())], True),
    ("'nothing to do with' denies",
     "The university said the cancellation had “nothing whatsoever to do with” Douglas Rennard's views.",
     [("university", "deny", ())], False),
    ("a vow to fight opposes", "Opposition leader Marc Dubois has vowed to fight the text line by line.",
     [("Marc Dubois", "oppose", ())], True),
    ("a refusal 'unless' another acts demands it of them",
     "Commissioner Beth Kowalski said she would not back it unless the team agreed to share revenue.",
     [("Beth Kowalski", "demand", ("team",))], True),
    ("'the government should' demands of the government",
     "“The government should stop blaming teachers,” said union leader Bernadette Quigley.",
     [("Bernadette Quigley", "demand", ("government",))], False),
    ("a promise to use every tool threatens",
     "“This government will use every tool it has to stop it,” said Home Secretary Ann Rourke.",
     [("Ann Rourke", "threaten", ())], True),
    ("ready to sit down with someone supports talks",
     "Farm minister Piotr Nowak said he was ready to sit down with union leaders this week.",
     [("Piotr Nowak", "support", ("union leaders",))], True),
    ("'long overdue' welcomes what came", "The consumer group BEUC said the charges were “long overdue”.",
     [("BEUC", "support", ("charges",))], True),
    ("harm foreseen under 'would' warns",
     "French farmers say the deal would flood the market with cheaper beef.",
     [("French farmers", "warn", ())], False),
    # --- robustness
    ("unbalanced quote does not crash", "“This is unfair, Ann Rourke said. Then she left.",
     [], False),
]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cases")
    for i, (_, text, _, _) in enumerate(CASES):
        (folder / f"{i:03d}.txt").write_text(HEAD + text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(learned, "model", lambda: None)
        result = extract([folder])
    assert not result.errors
    by_doc: dict[str, list] = {}
    for st in result.statements:
        by_doc.setdefault(st.doc, []).append(st)
    return by_doc


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_passage(extracted, i):
    case, text, expected, exact = CASES[i]
    got = extracted.get(f"{i:03d}.txt", [])
    found = [(s.speaker.label, s.stance.value, {t.label for t in s.targets}) for s in got]
    for speaker, stance, targets in expected:
        assert any(sp == speaker and st == stance and set(targets) <= tg for sp, st, tg in found), (
            f"{case}: expected {speaker} {stance} {targets} in {found}"
        )
    if exact:
        assert len(got) == len(expected), f"{case}: extra statements in {found}"


def test_kinds(extracted):
    kinds = {s.kind for sts in extracted.values() for s in sts}
    assert {Kind.DIRECT, Kind.MIXED, Kind.INDIRECT} <= kinds


def test_evidence_and_offsets_agree(extracted, tmp_path):
    for sts in extracted.values():
        for s in sts:
            assert 0 <= s.start < s.end
            assert s.evidence and s.content_start <= s.content_end


def test_a_spokeswoman_for_the_coalition_does_not_target_her_coalition(tmp_path, monkeypatch):
    """"Lotte Claessens, a spokeswoman for the coalition" speaks for Red Line, named
    before as "a coalition of climate groups": Red Line is her own side, not a target."""
    monkeypatch.setattr(learned, "model", lambda: None)
    (tmp_path / "a.txt").write_text(
        HEAD + "Thousands marched on Sunday with Red Line, a coalition of climate groups.\n\n"
        "“This was punishment,” said Lotte Claessens, a spokeswoman for the coalition. She said Red Line "
        "“will not condone violence.”\n",
        encoding="utf-8",
    )
    result = extract([tmp_path])
    by_her = [s for s in result.statements if s.speaker.label == "Lotte Claessens"]
    assert len(by_her) == 2
    assert "Red Line" in by_her[0].speaker.affiliation
    assert all("Red Line" not in {t.label for t in s.targets} for s in by_her)


def test_the_country_a_minister_speaks_for_is_no_target_of_theirs(tmp_path, monkeypatch):
    monkeypatch.setattr(learned, "_OFF", [True])
    (tmp_path / "a.txt").write_text(
        HEAD + "Japan also voiced concern. Chief Cabinet Secretary Kenji Morimoto told reporters that Japan "
        "“strongly opposes” any attempt to change the status quo by force.\n", encoding="utf-8")
    (st,) = [s for s in extract([tmp_path]).statements if s.speaker.label == "Kenji Morimoto"]
    assert "Japan" not in {t.label for t in st.targets}


def test_a_place_someone_travelled_from_is_no_target(tmp_path, monkeypatch):
    monkeypatch.setattr(learned, "model", lambda: None)
    (tmp_path / "a.txt").write_text(
        HEAD + "Police chief Marc Verhulst said a small number of organised troublemakers, some of whom had "
        "travelled from the Netherlands, had attacked officers.\n",
        encoding="utf-8",
    )
    (st,) = extract([tmp_path]).statements
    assert st.speaker.label == "Marc Verhulst"
    assert "Netherlands" not in {t.label for t in st.targets}
