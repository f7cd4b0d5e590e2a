"""Pages glued into one line: the blocks a long line is split into, and what is cut.

Texts are written for these tests (no bench data).
"""

from __future__ import annotations

import pytest
from support import DREDGING, DREDGING_HEADLINE

import cleantext
from cleantext.segment import LONG_LINE_CHARS, segment

STORY = DREDGING
# What follows the story on a page, glued after it: a related section, a comment form, a
# newsletter box (sentences of their own, that read like prose).
TAIL = (
    "Related content Fishermen fear for their moorings in the old port Port traffic doubled in ten years "
    "Leave a Reply Cancel reply Your email address will not be published. Required fields are marked. "
    "By submitting this form you agree to Harbour News using your data for the purposes of publishing "
    "your comment. Your personal data will only be disclosed to third parties for spam filtering. "
    "Keep up to date Harbour News offers daily updates of the latest port news."
)


def _blocks(text: str) -> list[str]:
    return [b.text for b in segment(text)]


def _long(*parts: str) -> str:
    text = " ".join(parts)
    assert len(text) > LONG_LINE_CHARS
    return text


@pytest.mark.parametrize("header", [
    "Related content", "Related Articles", "You may also like", "Read Next", "Leave a Reply Cancel reply",
    "Share this:", "Tags:", "You may also like:", "Related links:", "Artigos relacionados", "Ähnliche Artikel",
    "6 thoughts on “How the harbour was saved”", "34 responses to “ Ruiz: “We needed this plan” ”",
    "関連記事", "相关文章", "Top stories", "Most Popular", "MOST READ", "Latest News", "Editor's Picks",
    "Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
])
def test_a_section_header_in_a_glued_line_is_a_block(header: str) -> None:
    blocks = _blocks(_long(*STORY, *STORY, header, "Fishermen fear for their moorings"))
    assert header in blocks
    assert "Fishermen fear for their moorings" in blocks


@pytest.mark.parametrize("sentence", [
    "Related articles in the journal questioned the method of the survey.",
    "You may also like the sequel, the author joked to the crowd.",
    "Read next to nothing about the plan, the mayor said at the meeting.",
    "Share this with the council before Monday, the engineers were told.",
    "It was the most popular British band of the decade, the mayor recalled.",
    "Top stories of the year included the floods in March and the harbour fire.",
    "Advertisement revenue of the harbour office fell by a third last year, the mayor said.",
])
def test_near_miss_the_header_words_inside_a_sentence_are_not_split(sentence: str) -> None:
    assert sentence in _blocks(_long(*STORY, sentence, *STORY))


def test_a_short_line_is_never_split_at_a_header() -> None:
    assert _blocks("Harbour plan approved. Related content Fishermen fear") == [
        "Harbour plan approved. Related content Fishermen fear"]


def test_the_section_after_a_glued_story_is_cut() -> None:
    result = cleantext.clean_document(_long(*STORY, TAIL) + "\n")
    for paragraph in STORY:
        assert paragraph in result.text
    assert "By submitting this form" not in result.text
    assert "Your personal data" not in result.text
    assert any(r.rule == "related.header" and r.text.startswith("Related content") for r in result.removals)


# An author's bio and a comment form after the related header: in one line they split
# into sentences that read as prose and share the story's words, as a story resuming
# after an inline box would.
BIO_AND_FORM = (
    "You may also like: Sharing is caring! Ana Lopez has covered the harbour, the old port and the city "
    "council for Harbour News since 2009, after ten years on the fishing boats of the north coast. "
    "She lives by the old port with her husband and two sons, and writes about the harbour every week. "
    "Your email address will not be published, and the council of editors reads every comment first. "
    "By submitting this form you agree to Harbour News using your data to publish your comment."
)


def test_a_bio_after_a_glued_related_header_is_not_a_resumed_story() -> None:
    result = cleantext.clean_document(_long(*STORY, *STORY[::-1], BIO_AND_FORM) + "\n")
    for paragraph in STORY:
        assert paragraph in result.text
    assert "Ana Lopez has covered" not in result.text
    assert "By submitting this form" not in result.text


# The head of a glued page: a menu, the headline and the byline with its date stamps, run
# into the story's first sentence with no full stop between them.
HEAD = ("Home News Sport Business Weather Login Subscribe Newsletters Podcasts Video Council approves "
        "harbour dredging plan after long debate By Laura Mowat Published Nov. 19, 2019 10:48 am ET "
        "Updated Nov. 19, 2019 11:05 am ET")
FIRST = ("The city council approved the harbour dredging plan on Monday evening after a long and heated "
         "debate in the old town hall.")


@pytest.mark.parametrize("stamp", [
    "Nov. 19, 2019 10:48 am ET", "November 19, 2019", "19 November 2019", "2019-11-19T12:48:14Z",
    "November 18, 2019, 11:00 AM EST", "Nov 19, 2019 at 6:21 p.m.",
])
def test_a_glued_line_is_split_after_a_date_stamp(stamp: str) -> None:
    blocks = _blocks(_long(*STORY, *STORY, f"By Laura Mowat Published {stamp}", FIRST))
    assert f"By Laura Mowat Published {stamp}" in blocks
    assert FIRST in blocks


@pytest.mark.parametrize("sentence", [
    # A lower-case word after the date: the sentence goes on.
    "The council met on November 19, 2019 in the old town hall to vote on the plan.",
    # An embedded tweet's signature: its date belongs to the tweet, the story resumes after.
    "Great day for the port! pic.twitter.com/abc — Ana Ruiz (@anaruiz) November 15, 2019 The council",
])
def test_near_miss_no_split_after_these_dates(sentence: str) -> None:
    blocks = _blocks(_long(*STORY, *STORY, sentence + " voted."))
    assert any(sentence in b for b in blocks)


def test_a_long_run_is_not_chunked_inside_a_date_stamp() -> None:
    run = " ".join(["Home News Sport Business Weather Login"] * 12)
    blocks = _blocks(_long(*STORY, *STORY, run + " Posted by Ana Ruiz on November 19, 2019, 6:21 AM EST " + FIRST))
    assert any(b.endswith("November 19, 2019, 6:21 AM EST") for b in blocks)
    assert not any(b.startswith("AM EST") for b in blocks)


def test_the_byline_glued_to_the_first_sentence_is_cut_and_the_story_kept() -> None:
    result = cleantext.clean_document(" ".join([HEAD, FIRST, *STORY, *STORY[::-1]]) + "\n")
    assert result.text.startswith(FIRST)
    assert "Laura Mowat" not in result.text


def test_a_glued_comment_thread_is_cut_at_its_header() -> None:
    thread = ("12 thoughts on “Harbour plan approved” portfan says: November 19, 2019 at 6:34 am It is about "
              "time the council did something for the old port and its fishermen. harbourlad says: November 19, "
              "2019 at 6:44 am The dredging will ruin the moorings of the fishing boats, mark my words, and the "
              "council knows it very well.")
    result = cleantext.clean_document(_long(*STORY, *STORY[::-1], thread) + "\n")
    for paragraph in STORY:
        assert paragraph in result.text
    assert "portfan" not in result.text
    assert "mark my words" not in result.text
    assert any(r.rule == "comments.thread-header" for r in result.removals)


def test_a_header_does_not_change_how_the_words_around_it_are_chunked() -> None:
    # Six share buttons (48 words), a thread header and the first comment: more than
    # MAX_SENTENCE_WORDS in all, so chunked into the buttons; split at the header first,
    # the 48 words before it would have stayed one block that no share rule knows.
    button = "Click to share on Facebook (Opens in new window)"
    comment = "portfan says: it is about time the council did something for the old port and its boats"
    header = "6 thoughts on “How the harbour was saved”"
    blocks = _blocks(_long(*STORY, *STORY, " ".join([button] * 6), header, comment))
    assert blocks.count(button) == 6
    assert header in blocks


def test_a_chunk_does_not_end_between_a_preposition_and_a_name() -> None:
    # A story sentence without its full stops, more than MAX_SENTENCE_WORDS long: chunked,
    # but a capital after "the", "to", "across" is a name inside the sentence.
    run_on = ("Chelsea have this morning paid the record fee to the Spanish league this morning to secure the "
              "signing of the goalkeeper from Athletic Bilbao and the club hope that the move will free the way "
              "for the sale of their Belgian keeper to Real Madrid across Europe before the transfer window "
              "closes on Thursday evening at midnight in a deal that the club has been working on for several weeks")
    blocks = _blocks(_long(*STORY, *STORY, run_on))
    assert not any(b.startswith(("Spanish", "Athletic", "Real Madrid", "Europe")) for b in blocks)


def test_near_miss_a_menu_run_is_still_chunked() -> None:
    menu = " ".join(["Home News Sport Business Weather Travel Culture Login Subscribe Podcasts"] * 8)
    blocks = _blocks(_long(*STORY, *STORY, menu))
    assert max(len(b.split()) for b in blocks if b.startswith(("Home", "News", "Sport", "Travel"))) <= 20


def test_an_agency_credit_stays_with_its_caption_in_a_glued_line() -> None:
    gallery = ("1 of 3 A shopper looks at extension cords at a hardware store in Grass Valley, Calif., on "
               "Tuesday. (Elias Funez/The Union via AP) 2 of 3 Extension cords of all lengths stock the shelves "
               "at a hardware store on Tuesday. (AP Photo/Jane Doe) 3 of 3 The harbour at dawn.")
    blocks = _blocks(_long(*STORY, *STORY, gallery))
    assert ("1 of 3 A shopper looks at extension cords at a hardware store in Grass Valley, Calif., on Tuesday. "
            "(Elias Funez/The Union via AP)") in blocks
    assert ("2 of 3 Extension cords of all lengths stock the shelves at a hardware store on Tuesday. "
            "(AP Photo/Jane Doe)") in blocks
    result = cleantext.clean_document(_long(*STORY, gallery, *STORY[::-1]) + "\n")
    assert "A shopper looks" not in result.text
    assert "Extension cords" not in result.text


def test_a_japanese_page_dump_loses_its_related_section() -> None:
    story = ("先日、不正に改造したスマートフォンを販売したとして、"
             "商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。"
             "報道によると、今回販売されたのは、機能制限を解除したスマートフォンです。" * 12)
    related = ("関連記事 こちらの記事も合わせてどうぞ 2013年04月09日 「あずきバー」事件 －商標の判決シリーズ "
               "2016年08月03日 フランク三浦 －商標の判決シリーズ 検索 カテゴリー 商標 (32) 判例事例 (10)")
    result = cleantext.clean_document(story + " " + related + "\n")
    assert "あずきバー" not in result.text
    assert result.text.startswith("先日、不正に改造した")


_JA_STORY = ("先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されたという"
             "ニュースを耳にしました。報道によると、今回販売されたのは、機能制限を解除したスマートフォンです。")


def test_a_glued_cjk_line_is_split_where_a_space_joins_two_cjk_elements() -> None:
    # The menu and the headlines of a related box were lines of their own; get_text(" ")
    # joined them with a space, which CJK prose never puts between its characters.
    menu = "ノート100YEN.com サイトマップ プライバシーポリシー 免責事項 お問い合わせ"
    related = "関連記事 スマホの修理は違法なのか 商標の判決シリーズ 特許の基礎知識"
    blocks = _blocks(menu + " " + _JA_STORY * 16 + " " + related)
    for item in ("プライバシーポリシー", "免責事項", "お問い合わせ", "スマホの修理は違法なのか", "商標の判決シリーズ"):
        assert item in blocks
    result = cleantext.clean_document(menu + " " + _JA_STORY * 16 + " " + related + "\n")
    assert "スマホの修理は違法なのか" not in result.text
    assert "免責事項" not in result.text


def test_near_miss_a_space_beside_a_latin_word_in_cjk_prose_is_no_break() -> None:
    sentence = "今回はそのKindleデスクトップアプリ Kindle for PC に関する話。"
    assert sentence in _blocks(_JA_STORY * 12 + " " + sentence + " " + _JA_STORY * 4)


@pytest.mark.parametrize(("byline", "dateline"), [
    ("By Ana Ruiz, Harbour News", "CLEVELAND, Ohio –"), ("By Ana Ruiz, Harbour News", "WASHINGTON (AP) —"),
    ("By Ana Ruiz, Harbour News", "SIOUX FALLS, S.D. –"), ("By Ana Ruiz, Harbour News", "WASHINGTON (Reuters) -"),
    ("By Ana Ruiz, Harbour News", "SAN FRANCISCO —"),
    # A place in title case: the split is before the first of up to three capitalised words
    # ("Harbour News Dekalb, Ill." would open the block), so here after a credit.
    ("Photo: Ana Ruiz/AP", "Dekalb, Ill. —"), ("Photo: Ana Ruiz/AP", "New York, NY –"),
])
def test_a_glued_line_is_split_before_a_dateline(byline: str, dateline: str) -> None:
    # The byline (or the photo credit) before the dateline ran into the first sentence.
    first = f"{dateline} The harbour council approved the dredging plan on Monday after a long debate."
    text = _long(*STORY, byline, first, *STORY[::-1])
    assert first in _blocks(text)


@pytest.mark.parametrize("sentence", [
    "The plan – approved on Monday – will cost the city about four million euros, the mayor said.",
    "The harbour - the oldest in the region - needs dredging, the engineers said on Monday.",
])
def test_near_miss_a_dash_inside_a_sentence_is_no_dateline(sentence: str) -> None:
    assert sentence in _blocks(_long(*STORY, sentence, *STORY))


@pytest.mark.parametrize("credit", [
    "Photograph by Robyn Beck/AFP/Getty Images", "Getty Images", "Photo: Ana Ruiz/Shutterstock",
])
def test_a_glued_line_is_split_after_a_photo_credit(credit: str) -> None:
    first = "Harbour shares fell sharply on Monday after the council cut the dredging budget for the old port."
    text = _long(*STORY, "Posted 6:21 AM EST", credit, first, *STORY[::-1])
    assert first in _blocks(text)
    assert first in cleantext.clean(text + "\n")


def test_near_miss_an_agency_name_inside_a_sentence_is_no_credit() -> None:
    sentence = "The photographer sold the picture to Getty Images last year, the harbour office said."
    assert sentence in _blocks(_long(*STORY, sentence, *STORY))


def test_an_ad_label_between_glued_paragraphs_is_cut_and_both_kept() -> None:
    text = _long(*STORY[:3], "Advertisement", *STORY[3:], *STORY) + "\n"
    out = cleantext.clean(text)
    assert "Advertisement" not in out
    assert STORY[2] in out and STORY[3] in out


@pytest.mark.parametrize("credit", ["(Image: GETTY )", "(Image credit: Harbour Office)", "(Photo: Ana Ruiz)"])
def test_a_labelled_credit_ends_its_caption_in_a_glued_line(credit: str) -> None:
    caption = f"Fishing boats moored in the old port at dawn {credit}"
    result = cleantext.clean_document(_long(*STORY[:3], caption, *STORY[3:], *STORY) + "\n")
    assert caption in [b.text for b in result.blocks]
    assert "Fishing boats moored" not in result.text
    assert STORY[3] in result.text


def test_a_title_case_promo_glued_to_a_paragraph_is_cut_without_the_paragraph() -> None:
    promo = "Related: The 15 Oldest Harbours in Our Country"
    resumed = "As the dredgers work through the winter, the fishermen will moor their boats in the new basin."
    text = _long(*STORY[:3], promo, resumed, *STORY[3:], *STORY)
    assert promo in _blocks(text)
    out = cleantext.clean(text + "\n")
    assert "Oldest Harbours" not in out
    assert resumed in out


def test_near_miss_a_sentence_case_promo_headline_is_not_split() -> None:
    # No end to tell: "Related: Nelson's OT goal lifts Isles Fans ..." stays one sentence.
    promo = "Related: Harbour fees rise again as dredging starts Fishermen say they will protest."
    assert promo in _blocks(_long(*STORY, promo, *STORY))


# A menu glued to the page's title and to the headline above the story (get_text(" ")).
_MENU = ("Home News Sport Business Opinion Culture Weather Travel Money Podcasts Video Newsletters "
         "Subscribe Sign In Search Menu Contact Us About Us Advertise Careers Archive ")


def test_a_glued_headline_is_not_kept_with_the_menu_words_before_it() -> None:
    # The sentence split cuts the menu into chunks; the last one holds its last words and
    # the headline, and on lines find_headline would keep it above the story.
    text = _long(DREDGING_HEADLINE, "- Harbour News", _MENU * 3, "Share", DREDGING_HEADLINE, *STORY)
    out = cleantext.clean(text + "\n")
    assert out.startswith(STORY[0][:60])
    assert "Archive" not in out


_DECK = ("Fishermen had asked for an independent report for years, and the council has agreed. "
         "But the dredging will start before it is published, the mayor said.")


def test_a_deck_glued_between_the_menu_and_the_byline_is_cut() -> None:
    text = _long(_MENU * 3, "Harbour plan approved?", _DECK, "By Ann Lee Nov. 18, 2019 7:04 pm ET", *STORY)
    result = cleantext.clean_document(text + "\n")
    assert "Fishermen had asked" not in result.text
    assert result.text.startswith(STORY[0][:60])
    assert any(r.rule == "boilerplate.glued-island" and "Fishermen had asked" in r.text for r in result.removals)


@pytest.mark.parametrize("between", ["Advertisement", "READ MORE: New Ferry Timetable Starts in May"])
def test_near_miss_sentences_after_an_ad_label_or_a_promo_are_the_story_s(between: str) -> None:
    # An ad slot's label and a promo line sit inside stories: the sentences past them are
    # the story resumed, however few.
    text = _long(_MENU * 3, *STORY, between, _DECK, _MENU * 2)
    assert "Fishermen had asked" in cleantext.clean(text + "\n")
