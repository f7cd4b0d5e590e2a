"""Posts embedded in a story (tweets, Instagram posts) are kept with it; chrome around them is not.

Texts are written for these tests (no bench data).
"""

from __future__ import annotations

import cleantext
from cleantext.rules import embeds

MENU = ["Home", "News", "Sport", "Business", "Weather", "Login"]
STORY = [
    "The city council approved the harbour dredging plan on Monday after a three-hour debate, with nine "
    "members voting in favour and two against the proposal to deepen the old port.",
    "Mayor Ana Ruiz said the dredging of the harbour would begin in spring and cost the city about four "
    "million euros, most of it covered by a regional grant for ports and waterways.",
]
# Link and hashtag lines the classifier drops on their own, in context too.
TWEET = [
    "@harbournews #dredging #mud https://t.co/Nc0nKoXGBP",
    "⬇️⬇️⬇️ https://t.co/hopPjqa95w",
    "pic.twitter.com/HrS9mt3ak6",
    "— Jo Smith 🎄 (@josmith) November 18, 2019",
]
REST = [
    "Opponents of the harbour plan said the council had not studied the effect of dredging on the fishing "
    "boats that still use the old port every morning, and asked for an independent report.",
    "Ruiz said the council would publish the engineers' report on the harbour before the dredging starts, "
    "and promised that the fishing boats could keep their moorings in the old port.",
]
FOOTER = ["Privacy Policy", "Terms of Use", "© 2024 Harbour News"]


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def test_a_tweet_inside_the_story_is_kept() -> None:
    result = cleantext.clean_document(_page(MENU, STORY, TWEET, REST, FOOTER))
    for line in TWEET:
        assert line in result.text
    assert "Privacy Policy" not in result.text


def test_an_instagram_post_keeps_its_text_but_not_the_chrome_above_it() -> None:
    post = ["Zum Shop", "View this post on Instagram", "#harbour #spring #oldport ⚓️ 📷 @harbourlife",
            "A post shared by Harbour Life (@harbourlife) on Apr 21, 2019 at 4:40am PDT"]
    result = cleantext.clean_document(_page(MENU, STORY, post, REST, FOOTER))
    assert post[2] in result.text
    assert post[3] in result.text
    assert "Zum Shop" not in result.text  # above the embed's first line: not the post


def test_near_miss_a_signature_outside_the_story_stays_cut() -> None:
    # After the footer, far from any kept paragraph: a feed widget, not a quoted post.
    feed = ["Latest from our feed", "Harbour News wins award https://t.co/xyz", "more links", "and more",
            "and still more", "— Harbour News (@harbournews) November 18, 2019"]
    result = cleantext.clean_document(_page(MENU, STORY, REST, FOOTER, feed))
    assert feed[-1] not in result.text


def test_signature_shapes() -> None:
    assert embeds.is_signature("— Mike Beauvais (@MikeBeauvais) November 18, 2019")
    assert embeds.is_signature("A post shared by Kira (@kira.b) on Apr 21, 2019 at 4:40am PDT")
    assert not embeds.is_signature("Follow us on Twitter (@harbournews) for updates")
    assert not embeds.is_signature("— Mike Beauvais (@MikeBeauvais)")
