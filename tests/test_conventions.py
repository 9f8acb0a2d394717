"""Every quoting and structure convention of news text, each on a small text of our own,
checked by hand: quotes, speakers, reported speech, actors without a dictionary entry,
countries, datelines, credit lines and sentence ends."""

from __future__ import annotations

import pytest

from analysis import load_article
from analysis.framing import unnest_quotes
from analysis.framing.places import place_in, place_of
from analysis.framing.speakers import _organisation_in


def quotes_of(text: str, *, kinds: tuple[str, ...] = ("direct", "partial", "term", "indirect")):
    table = unnest_quotes(load_article("Talks end\n\n" + text))
    return [(row.kind, row.text, row.speaker) for row in table.itertuples() if row.kind in kinds]


def speakers_of(text: str) -> list[str | None]:
    return [speaker for kind, _, speaker in quotes_of(text) if kind != "indirect"]


# -- quotes ------------------------------------------------------------------------


def test_nested_quotes_of_the_same_and_other_marks_stay_inside():
    double = quotes_of('"They call it a "peace plan," but it is not," Lee said.')
    assert double == [("direct", 'They call it a "peace plan," but it is not,', "Lee")]
    curly = quotes_of("“They call it a ‘peace plan’ and a “deal,” but it is not,” Lee said.")
    assert curly[0][1] == "They call it a ‘peace plan’ and a “deal,” but it is not,"
    assert len(curly) == 1


def test_single_quoted_speech_without_taking_apostrophes():
    found = quotes_of("‘We don't back down,’ the minister said of the '90s. "
                      "The Koreans' view was different.")  # fmt: skip
    assert found == [("direct", "We don't back down,", "the minister")]
    straight = quotes_of("'It is over,' said Jane Roe, the Koreans' envoy.")
    assert straight == [("direct", "It is over,", "Jane Roe")]


def test_a_quote_continued_after_its_attribution_keeps_the_speaker():
    found = quotes_of("“We will not move,” said Jane Roe. “The line holds.”")
    assert [speaker for _, _, speaker in found] == ["Jane Roe", "Jane Roe"]


def test_a_quote_over_two_paragraphs_is_one_quote():
    found = quotes_of("Jane Roe said: “The first part.\n\n“The second part.”")
    assert len(found) == 1 and found[0][1].endswith("The second part.")
    assert found[0][2] == "Jane Roe"


# -- speakers ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "speaker"), [
    ("“We are ready,” said Jane Roe.", "Jane Roe"),
    ("“We are ready,” Jane Roe said.", "Jane Roe"),
    ("Jane Roe said, “We are ready.”", "Jane Roe"),
    ("Jane Roe told reporters: “We are ready.”", "Jane Roe"),
    ("According to Jane Roe, “we are ready.”", "Jane Roe"),
    ("Jane Roe criticised the plan: “It will fail.”", "Jane Roe"),
    ("“We are ready,” a local shopkeeper told reporters.", "a local shopkeeper"),
    ("Chief Cabinet Secretary Yoshi Tanaka said, “We are ready.”", "Yoshi Tanaka"),
    ("Foreign Ministry spokesperson Lin Wei said, “We are ready.”", "Lin Wei"),
    ("Nancy Bell, the Speaker of the House, said “We are ready.”", "Nancy Bell"),
    ("George Kimbrell of the Center for Food Safety said “We are ready.”", "George Kimbrell"),
    ("“We are ready,” the ministry said in a statement.", "the ministry"),
    ("Jane Roe met with Tom Poe on Monday, noting, “We are ready.”", "Jane Roe"),
    ("They released a statement which said, “We are ready.”", "They"),
    ("Xinhua quoted Lin Wei as saying “We are ready.”", "Lin Wei"),
])  # fmt: skip
def test_speaker_phrases(text, speaker):
    assert speakers_of(text) == [speaker]


def test_surnames_titles_and_pronouns_resolve_to_the_full_name():
    text = ("Defense Minister Jane Roe arrived on Monday. “We are ready,” Roe said.\n\n"
            "“Nothing has changed,” Ms. Roe added. She said, “We will stay.”")  # fmt: skip
    assert speakers_of(text) == ["Jane Roe"] * 3


def test_a_role_resolves_to_the_person_introduced_with_it():
    text = ("AU trade commissioner Albert Muchanga spoke first. The commissioner said, "
            "“We are ready.”")  # fmt: skip
    assert speakers_of(text) == ["Albert Muchanga"]


def test_interview_answers_after_a_speaker_label():
    text = ("Wikinews spoke with biologist Natasha Gownaris.\n\n"
            "((WN)) What prompted the study?\n\nNG: We wanted to know why.")  # fmt: skip
    found = quotes_of(text)
    assert found[-1] == ("direct", "We wanted to know why.", "Natasha Gownaris")


def test_an_organisation_after_at_is_the_speakers_not_the_speaker():
    table = unnest_quotes(load_article(
        "Talks end\n\nAnalysts at Example Capital Markets wrote that prices would rise.\n"))
    row = table.iloc[0]
    assert (row["kind"], row["speaker"], row["actor"]) == (
        "indirect", "Analysts", "Example Capital Markets")


def test_an_organisation_is_read_from_one_description_not_across_two():
    # Introduced as "Lake expert Ann Dahl from the Northwind Institute" and quoted later: the
    # role before the name and the organisation after it are two descriptions, and "Northwind
    # Institute Lake" is no organisation.
    table = unnest_quotes(load_article(
        "Talks end\n\nLake expert Ann Dahl from the Northwind Institute told reporters the water "
        "was clean.\n\n“It is safe to swim,” Dahl said.\n"))  # fmt: skip
    assert set(table["actor"]) == {"Northwind Institute"}
    # A description that ends on a joiner ("President of the") gives no name ending in "the".
    table = unnest_quotes(load_article(
        "Talks end\n\nFormer Mayor Jan Kowal, the current President of the Harbour Council, "
        "wrote “We are with you.”\n"))  # fmt: skip
    assert list(table["actor"]) == ["Harbour Council"]


def test_a_one_word_speaker_who_is_nobody_named_is_its_own_actor():
    # An outlet or agency named by one word is its own actor; an organisation named in full,
    # then by its first word, is the full name; a surname stays the person's.
    table = unnest_quotes(load_article(
        "Talks end\n\nOn Friday Harbour Motor Company announced a recall. Harbour said the "
        "fault was rare. KTV9 reported that two plants would close. Jane Roe, a union leader, "
        "said the plants were safe. Roe said workers would be paid.\n"))  # fmt: skip
    actors = dict(zip(table["speaker"], table["actor"], strict=True))
    assert actors["Harbour"] == "Harbour Motor Company"
    assert actors["KTV9"] == "KTV9"
    assert "Roe" not in actors and "Jane Roe" in actors  # the surname is resolved, not an actor


@pytest.mark.parametrize(("text", "speaker", "actor"), [
    # a person joined to an organisation by "of": the person speaks, for the organisation
    ("Dr. Ann Dahl of Northwind College said the lake was clean.", "Ann Dahl",
     "Northwind College"),
    ("Ann Dahl of Milltech Marine said the signal was lost.", "Ann Dahl", "Milltech Marine"),
    # an organisation before the role, with modifiers between: the speaker's organisation
    ("Lakeside University political scholar Kim Berg said the vote was close.", "Kim Berg",
     "Lakeside University"),
    # an organisation named after "of" wins over the city in its name
    ("Ann Dahl of University College Dublin said the lake was clean.", "Ann Dahl",
     "University College Dublin"),
    # a name of one body stays whole
    ("The University of Northwind said the lake was clean.", "University of Northwind",
     "University of Northwind"),
    # a title after the organisation is the speaker's office: the organisation is without it
    # (and without the title's article), a name that holds a role word stays whole
    ("The Senate Majority Leader, Kim Berg, said the vote was close.", "Kim Berg", "Senate"),
    ("Ann Dahl, Northwind Research Center Director, said the launch was safe.", "Ann Dahl",
     "Northwind Research Center"),
    ("Ann Dahl, a scholar at the Lakeside Center for Health Security, said the risk was low.",
     "Ann Dahl", "Lakeside Center for Health Security"),
    # a name coordinated with another's description: that description is not the speaker's
    ("Senate Minority Whip Kim Berg and incoming chair of the House Energy Committee "
     "Representative Ann Dahl both questioned the plan. Berg said the plan would fail.",
     "Kim Berg", "Senate"),
])  # fmt: skip
def test_a_speakers_organisation_from_of_or_a_name_before_the_role(text, speaker, actor):
    table = unnest_quotes(load_article("Talks end\n\n" + text + "\n"))
    assert (table.iloc[0]["speaker"], table.iloc[0]["actor"]) == (speaker, actor)


def test_quote_shares_count_each_kind():
    from analysis.framing import quote_share

    article = load_article("Talks end\n\n“We are ready,” said Jane Roe. Roe said the talks "
                           "would resume. She called it a “fresh start” for both.\n")  # fmt: skip
    row = quote_share(article).set_index("speaker").loc["Jane Roe"]
    assert (row["quotes"], row["direct"], row["partial"], row["indirect"]) == (3, 1, 1, 1)


# -- reported speech ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "speaker", "actor"), [
    # "in" and "on" join the words of an organisation's name, not a person to a place, a day
    # or a platform
    ("“We are sad,” said Jane Roe on Monday.", "Jane Roe", None),
    ("“We are sad,” wrote Jane Roe on Twitter.", "Jane Roe", None),
    ("Jane Roe on Twitter said the talks had failed.", "Jane Roe", None),
    ("Jane Roe in Lakeside said the talks had failed.", "Jane Roe", None),
    ("Jane Roe died. “We are sad,” writes Roe's longtime partner Kim Berg on Instagram.",
     "Kim Berg", None),
    ("The Committee on Armed Services said the talks had failed.", "Committee on Armed Services",
     "Committee on Armed Services"),
    ("Ecologist Kim Berg of the University of Northwind in Lakeside also said the talks had "
     "failed.", "Kim Berg", "University of Northwind"),
    # organisations whose name holds "on" stay whole
    ("“We act,” the Intergovernmental Panel on Climate Change said.",
     "Intergovernmental Panel on Climate Change", "Intergovernmental Panel on Climate Change"),
    ("“We act,” the Forum on China-Africa Cooperation said.", "Forum on China-Africa Cooperation",
     "Forum on China-Africa Cooperation"),
    # but not with a place after "in": the place is where it is
    ("“We act,” the UN Mission in South Sudan said.", "UN Mission", "UN Mission"),
])  # fmt: skip
def test_in_and_on_join_an_organisations_name_only(text, speaker, actor):
    table = unnest_quotes(load_article("Talks end\n\n" + text + "\n"))
    assert (table.iloc[-1]["speaker"], table.iloc[-1]["actor"]) == (speaker, actor)


@pytest.mark.parametrize("opening", [
    "Meanwhile,", "Shortly thereafter,", "Afterwards,", "However,", "By 5:00 pm EDT",
    "At 2100 UTC",
])  # fmt: skip
def test_an_opening_adverb_or_a_time_zone_is_never_the_speaker(opening):
    found = quotes_of(f"{opening} the city issued a statement saying the pipe was fixed.",
                      kinds=("indirect",))  # fmt: skip
    assert found == [("indirect", "the pipe was fixed", "the city")]
    found = quotes_of(f"{opening} Jane Roe said the pipe was fixed.", kinds=("indirect",))
    assert found == [("indirect", "the pipe was fixed", "Jane Roe")]
    # The subject follows the adverb, even with a name later in the sentence.
    found = quotes_of(f"{opening} the mayor thanked Jane Roe on Monday, saying: “She was great.”")
    assert found == [("direct", "She was great.", "the mayor")]


@pytest.mark.parametrize("name", ["Overall Pharmaceuticals", "Michael Overall", "Jane Est"])
def test_a_name_that_holds_an_adverb_or_a_time_zone_keeps_it(name):
    # "overall" is not taken for an opening adverb (it names companies); a time zone or an
    # opening adverb is skipped only before a name (a company named "EST Group" loses "EST").
    table = unnest_quotes(load_article(f"Talks end\n\n{name} said the talks had failed.\n"))
    assert table.iloc[0]["speaker"] == name


@pytest.mark.parametrize(("text", "clause", "speaker"), [
    ("Jane Roe said the talks would resume in May.", "the talks would resume in May", "Jane Roe"),
    ("Jane Roe warned that prices had risen.", "prices had risen", "Jane Roe"),
    ("According to Jane Roe, prices had risen.", "prices had risen", "Jane Roe"),
    ("Prices had risen sharply, officials said.", "Prices had risen sharply", "officials"),
    ("Jane Roe told reporters the talks were over.", "the talks were over", "Jane Roe"),
])  # fmt: skip
def test_reported_speech(text, clause, speaker):
    found = quotes_of(text, kinds=("indirect",))
    assert found == [("indirect", clause, speaker)]


@pytest.mark.parametrize("text", [
    "Jane Roe suggested a possible solution.",  # a noun object, not a clause
    "The mayor was reported to have left.",  # passive
    "They agreed to upgrade the command.",  # an infinitive
    "The United States has sanctions on the airline.",  # "States" is not a verb
])  # fmt: skip
def test_not_reported_speech(text):
    assert quotes_of(text, kinds=("indirect",)) == []


# -- actors without a dictionary entry, and countries -------------------------------


def test_a_speakers_country_comes_from_the_article():
    table = unnest_quotes(load_article(
        "Talks end\n\nIn Rome, Italian Foreign Minister Marco Bellini said, “We are ready.” "
        "“So are we,” said Tomasz Nowak of the Polish defence ministry.\n"))  # fmt: skip
    assert table["speaker"].tolist() == ["Marco Bellini", "Tomasz Nowak"]
    assert table["actor"].tolist() == ["Italy", "Poland"]


@pytest.mark.parametrize(("speaker_text", "speaker", "actor"), [
    ("said Delfin Cruz, the Defence Secretary.", "Delfin Cruz", "Philippines"),
    ("the government said.", "the government", "Philippines"),
    ("said union general secretary Ana Reyes.", "Ana Reyes", None),  # a union's, not the state's
    ("said Ana Reyes, secretary general of the party.", "Ana Reyes", None),
    ("said Defence Secretary Ana Reyes, a retired general.", "Ana Reyes", "Philippines"),
    ("said health secretary Ana Reyes.", "Ana Reyes", "Philippines"),  # after a portfolio
    ("said the club secretary Ana Reyes.", "Ana Reyes", None),  # the club's
    ("the Government said.", "Government", "Philippines"),
    ("said Ana Reyes, a critic of the government.", "Ana Reyes", None),  # not the government
])  # fmt: skip
def test_a_secretary_or_the_government_belongs_to_the_country_of_the_story(
        speaker_text, speaker, actor):  # fmt: skip
    table = unnest_quotes(load_article(
        f"Blasts hit Jolo\n\nMANILA, Philippines — “We will act,” {speaker_text}\n"))
    assert table["speaker"].tolist() == [speaker]
    assert table["actor"].tolist() == [actor]


@pytest.mark.parametrize(("context", "organisation"), [
    ("The Senate Minority Leader", "Senate"),  # the title's "The" goes with it
    ("White House Press Secretary", "White House"),
    ("Press Secretary", None),  # a title alone
    ("Northwind Research Center Director", "Northwind Research Center"),
    ("The Washington Post Editor", "The Washington Post"),  # a name keeps its own "The"
    ("Associated Press Editor", "Associated Press"),
    ("of the Ministry of Health", "Ministry of Health"),  # a role word after "of" is the name's
    ("at the International Court of Justice", "International Court of Justice"),
    ("a doctor at Lakeside Health", "Lakeside Health"),  # "Lakeside" alone is no organisation
])  # fmt: skip
def test_a_title_after_an_organisation_is_not_part_of_it(context, organisation):
    assert _organisation_in(context) == organisation


def test_countries_from_a_complete_list_and_places_that_only_contain_one():
    assert place_of("Chinese") == "China" and place_of("Kenyan") == "Kenya"
    assert place_of("U.S.") == "United States" and place_of("Jordan") is None  # a given name
    assert place_in("in the East and South China Seas") is None
    assert place_in("in the South and East China Seas") is None
    assert place_in("across North America") is None
    assert place_in("a Chinese foreign ministry spokesperson") == "China"


# -- structure ---------------------------------------------------------------------


@pytest.mark.parametrize(("first", "dateline"), [
    ("TOKYO. Talks ended on Monday.", "TOKYO."),
    ("WASHINGTON (AP) — Talks ended on Monday.", "WASHINGTON (AP) —"),
    ("Beijing, July 31 (Xinhua)--Talks ended on Monday.", "Beijing, July 31 (Xinhua)--"),
    ("SEOUL, Jan 5 (Reuters) - Talks ended on Monday.", "SEOUL, Jan 5 (Reuters) -"),
    ("LONDON, March 3 - Reuters. Talks ended on Monday.", "LONDON, March 3 - Reuters."),
    ("BEIJING (Xinhua) -Talks ended on Monday.", "BEIJING (Xinhua) -"),
])  # fmt: skip
def test_datelines(first, dateline):
    article = load_article(f"Talks end\n\n{first}\n")
    assert article.dateline is not None and article.dateline.text == dateline
    assert len(article.body_sentences) == 1


def test_credit_lines_are_a_section_apart_from_the_body():
    article = load_article("Talks end\n\nTalks ended on Monday.\n\n"
                           "(Reporting by Jane Roe; Editing by Tom Poe)\n")  # fmt: skip
    assert len(article.paragraphs) == 1
    assert [(s.heading, s.included) for s in article.sections] == [("credits", False)]
    voa = load_article("Talks end\n\nTalks ended on Monday.\n\nI’m Mario Ritter.\n\n"
                       "Jane Roe reported on this story for VOANews.com.\n")  # fmt: skip
    assert len(voa.paragraphs) == 1


@pytest.mark.parametrize(("body", "n_sentences"), [
    ("The court ruled in Smith v. Jones that the law stands. It was final.", 2),
    ("He paused... Then he spoke again.", 2),
    ("Vote today. #Election2024 is trending.", 2),
    ("She said, “We agreed. We will act.” Then she left.", 3),
    ("The U.S. team won. U.S. officials cheered.", 2),
    ("Prices rose 7.2% in May.", 1),
    ("He wrote 選挙制度がだめだ。若者が関心を持たない。 Then he stopped.", 3),
])  # fmt: skip
def test_sentence_ends(body, n_sentences):
    assert len(load_article(f"Talks end\n\n{body}\n").body_sentences) == n_sentences


def test_a_headline_may_end_with_an_acronym():
    article = load_article("FBI fugitive returned to U.S.\n\nHe arrived on Monday.\n")
    assert article.headline == "FBI fugitive returned to U.S."
    assert len(article.body_sentences) == 1


def test_an_empty_pair_of_quotation_marks_is_not_a_quotation():
    found = quotes_of('He drew "" on the board and wrote “.” after it. '
                      '"We agree with it," she said.')
    assert [(kind, text) for kind, text, _ in found] == [("direct", "We agree with it,")]
