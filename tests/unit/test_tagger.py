"""The part-of-speech tagger, its tokenizer and lemmatizer (lintnews/read/tagger.py) on news sentences."""

from __future__ import annotations

import gzip
import importlib.util
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from lintnews.read import tagger
from lintnews.read.tagger import MODEL_PATH, Model, tag
from lintnews.read.tokenizer import tokenize

REPO = Path(__file__).resolve().parents[2]
TREEBANKS = REPO.parent / "shared" / "treebanks"


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]


def tags_of(text: str) -> dict[str, tuple[str, str, str]]:
    """``word -> (upos, xpos, lemma)`` (the last one where a word repeats)."""
    return {t.text: (t.upos, t.xpos, t.lemma) for t in tag(text)}


@pytest.mark.parametrize("text, expected", [
    ("“We don’t know,” she said.", ["“", "We", "do", "n’t", "know", ",", "”", "she", "said", "."]),
    ("The minister's aide can't and won't go.", ["The", "minister", "'s", "aide", "ca", "n't", "and", "wo", "n't",
                                                 "go", "."]),
    ("It cost $3.5bn, or 450,000 jobs (5%).", ["It", "cost", "$", "3.5", "bn", ",", "or", "450,000", "jobs", "(",
                                               "5", "%", ")", "."]),
    ("The U.S.-led co-founder's fault-finding", ["The", "U.S.", "-", "led", "co-founder", "'s", "fault", "-",
                                                 "finding"]),
    ("Mr. Smith met the ministers' aides at 10:30am.", ["Mr.", "Smith", "met", "the", "ministers", "'", "aides", "at",
                                                        "10:30", "am", "."]),
    ("See https://example.com/a-b. Wait... really?!", ["See", "https://example.com/a-b", ".", "Wait", "...",
                                                       "really", "?!"]),
    ("It won 3-2 in the '90s — cannot lose", ["It", "won", "3-2", "in", "the", "'90s", "—", "can", "not", "lose"]),
    ("the U.K.’s £1.2m deal", ["the", "U.K.", "’s", "£", "1.2", "m", "deal"]),
])
def test_tokens_split_as_ud_english_does(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("text", [
    "“We don’t know,” said the minister’s aide.",
    "  Prime Minister May may resign\u00a0on Tuesday.  ",
    "The £450,000 deal (3.5% of sales) fell through—again.",
])
def test_offsets_are_exact_slices_in_order(text):
    tokens = tag(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))
    assert "".join(t.text for t in tokens) == "".join(text.split())
    shifted = tag(text, offset=100)
    assert [(t.start - 100, t.end - 100) for t in shifted] == [(t.start, t.end) for t in tokens]


def test_empty_and_blank_text_have_no_tokens():
    assert tag("") == [] and tag(" \n\t") == []


def test_subject_of_a_plural_noun_phrase():
    got = tags_of("The ministers of the new government was criticised for the delay.")
    assert got["ministers"][:2] == ("NOUN", "NNS")
    assert got["government"][:2] == ("NOUN", "NN")
    assert got["was"][1] == "VBD" and got["was"][2] == "be"


def test_existential_there_with_a_plural_noun():
    got = tags_of("There was no formal ties between the two parties.")
    assert got["There"][:2] == ("PRON", "EX")
    assert got["was"][1] == "VBD"
    assert got["ties"][:2] == ("NOUN", "NNS")


def test_context_of_affect_for_effect():
    # "affect" keeps the class it almost always has in training (a verb), so a confusion rule reads
    # its context: an adjective or determiner before it, a preposition after.
    got = tags_of("He had little affect on the vote.")
    assert got["had"] == ("VERB", "VBD", "have")
    assert got["little"][:2] == ("ADJ", "JJ")
    assert got["on"][:2] == ("ADP", "IN")
    assert got["affect"][2] == "affect"


def test_name_then_modal():
    got = tags_of("Prime Minister May may resign next week.")
    assert got["May"][0] == "PROPN"
    assert got["may"][:2] == ("AUX", "MD")
    assert got["resign"][:2] == ("VERB", "VB")


def test_word_after_a_modal_is_a_base_form():
    got = tags_of("She might loose the seat at the next election.")
    assert got["might"][:2] == ("AUX", "MD")
    assert got["loose"][1] == "VB"
    assert got["seat"][:2] == ("NOUN", "NN")


def test_inverted_attribution():
    got = tags_of("“We will not back down,” said the minister.")
    assert got["said"] == ("VERB", "VBD", "say")
    assert got["minister"][:2] == ("NOUN", "NN")
    assert got["“"][0] == got["”"][0] == got[","][0] == "PUNCT"
    assert got["will"][:2] == ("AUX", "MD")
    assert got["not"][0] == "PART"


def test_numbers_possessives_and_clitics():
    got = tags_of("The council's 450,000 residents pay 3.5 percent more, and it's rising.")
    assert got["450,000"][:2] == ("NUM", "CD")
    assert got["3.5"][:2] == ("NUM", "CD")
    tokens = tag("The council's 450,000 residents pay 3.5 percent more, and it's rising.")
    possessive, clitic = [t for t in tokens if t.text == "'s"]
    assert (possessive.upos, possessive.xpos) == ("PART", "POS")
    assert (clitic.upos, clitic.xpos, clitic.lemma) == ("AUX", "VBZ", "be")


def test_curly_apostrophes_tag_like_straight_ones():
    straight = [(t.upos, t.xpos, t.lemma) for t in tag("The minister's aide didn't say it's over.")]
    curly = [(t.upos, t.xpos, t.lemma) for t in tag("The minister’s aide didn’t say it’s over.")]
    assert curly == straight


@pytest.mark.parametrize("text, word, lemma", [
    ("The children went home.", "went", "go"),
    ("The children went home.", "children", "child"),
    ("Officials were running late.", "were", "be"),
    ("Officials were running late.", "running", "run"),
    ("Officials were running late.", "Officials", "official"),
    ("She has taken the bribes.", "taken", "take"),
    ("She has taken the bribes.", "has", "have"),
    ("She has taken the bribes.", "bribes", "bribe"),
    ("The companies said prices rose.", "companies", "company"),
    ("The companies said prices rose.", "rose", "rise"),
])
def test_lemmas_of_common_verbs_and_nouns(text, word, lemma):
    assert tags_of(text)[word][2] == lemma


def test_output_is_deterministic():
    text = "Prime Minister May may resign, said the ministers of the new government on Tuesday."
    first = tag(text)
    assert tag(text) == first
    assert Model.load().tag(text) == first


def test_the_weights_file_is_json_and_loads_without_pickle(monkeypatch):
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as f:
        data = json.load(f)
    assert data["format"] == tagger.FORMAT
    assert MODEL_PATH.stat().st_size < 5_000_000

    def refuse(*args, **kwargs):
        raise AssertionError("the tagger must not unpickle")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    model = Model.load(MODEL_PATH)
    assert [t.upos for t in model.tag("The vote was close.")] == ["DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    assert "pickle" not in Path(tagger.__file__).read_text(encoding="utf-8")


def test_importing_lintnews_does_not_load_the_model():
    code = "import lintnews, lintnews.read.tagger as t; print(t._MODEL is None)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_the_model_is_loaded_once():
    assert tagger.model() is tagger.model()


@pytest.mark.skipif(not TREEBANKS.is_dir(), reason="the UD treebanks (../shared/treebanks) are not here")
def test_accuracy_on_a_slice_of_ewt_test():
    spec = importlib.util.spec_from_file_location("treebank", REPO / "scripts" / "treebank.py")
    treebank = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("treebank", treebank)
    spec.loader.exec_module(treebank)
    sents = treebank.load(TREEBANKS, "ewt-test")[:600]
    model = tagger.model()
    right = total = lemmas = 0
    for sent in sents:
        for (upos, _, lemma), gold, gold_lemma in zip(model.analyse(sent.forms), sent.upos, sent.lemmas):
            total += 1
            right += upos == gold
            lemmas += lemma == gold_lemma
    assert total > 5000
    assert right / total > 0.93
    assert lemmas / total > 0.95


def test_the_frozen_model_tags_as_the_json_model_and_is_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(tmp_path))
    text = ("Prime Minister May may resign, said the ministers of the new government on Tuesday. "
            "The companies' shares rose 4.5% after the U.S. regulator's ruling.")
    built = Model.frozen()  # first use: built from the JSON file and written to the cache
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["tagger"]
    opened = []
    monkeypatch.setattr(gzip, "open", lambda *a, **k: opened.append(a) or pytest.fail("read the JSON again"))
    again = Model.frozen()
    assert not opened
    assert again.tag(text) == built.tag(text)
    monkeypatch.undo()
    assert again.tag(text) == Model.load(MODEL_PATH).tag(text)


def test_a_damaged_frozen_model_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(tmp_path))
    Model.frozen()
    (frozen,) = tmp_path.iterdir()
    frozen.write_bytes(frozen.read_bytes()[:-100])  # cut short
    text = "The vote was close."
    assert [t.upos for t in Model.frozen().tag(text)] == ["DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    assert [t.upos for t in Model.frozen().tag(text)] == ["DET", "NOUN", "AUX", "ADJ", "PUNCT"]


def test_a_chunk_splits_the_same_each_time_and_by_its_place_in_the_sentence():
    # Chunks that are not plain words are split once and remembered by their text and whether they end
    # the sentence: "U.S." keeps its period inside a sentence and loses it at the end, every time.
    for _ in range(2):
        assert words("The U.S. said it's over, the U.S.") == ["The", "U.S.", "said", "it", "'s", "over", ",",
                                                             "the", "U.S", "."]
        assert words("Officials in the U.S. declined.") == ["Officials", "in", "the", "U.S.", "declined", "."]
    text = "  “We don’t know,”  said   the minister’s aide.\n"
    assert [text[s:e] for s, e in tokenize(text)] == ["“", "We", "do", "n’t", "know", ",", "”", "said", "the",
                                                      "minister", "’s", "aide", "."]


def reference_predict(m: Model, words: list[str]) -> list[int]:
    """The perceptron written out plainly: every feature's weights added tag by tag (and the rule for a
    verb after an article, test_a_base_form_after_an_article_is_a_noun)."""
    norm, low, amb = tagger.context(words, m.lexicon)
    prev, prev2, out = "-S1-", "-S2-", []
    for i in range(len(words)):
        guess = m.tagdict.get(norm[i + 2])
        if guess is None:
            scores = [0] * len(m.tags)
            for feat in tagger.word_features(norm, low, amb, i) + tagger.tag_features(prev, prev2, low, amb, i):
                k = m._index.get(feat)
                if k is not None:
                    for j in range(m._offsets[k], m._offsets[k + 1]):
                        scores[m._classes[j]] += m._values[j]
            guess = scores.index(max(scores))
            if low[i + 1] in ("a", "an", "the") and m._noun is not None and m._as_noun(guess, words, i):
                guess = m._noun  # a verb's base form after an article: a noun
        out.append(guess)
        prev2, prev = prev, m.tags[guess]
    return out


@pytest.mark.parametrize("text", [
    "The minister's aides, who had warned of cuts, were told on Tuesday that 4,000 jobs would go.",
    "Prices have risen faster then wages since the well-known U.S.-led deal was signed in 2019.",
    "“We don’t know,” said Ms. Okafor, 42, adding that the co-founders' shares had been sold.",
    "EFFECTING CHANGE: Protesters marched through the capital's streets, chanting slogans.",
])
def test_the_packed_scores_pick_the_tags_the_plain_sum_picks(text):
    m = tagger.model()
    tokens = words(text)
    for _ in range(2):  # the second time from the words' kept scores
        assert m.predict(tokens) == reference_predict(m, tokens)


def test_stretches_tagged_apart_or_together_get_the_whole_sentences_tags():
    # tagged_around tags each stretch with four words before it and two after (the tagger reads two
    # words ahead); stretches whose windows would overlap are tagged as one. Either way every tagged
    # token has the tags the whole sentence gives it.
    from lintnews.read import tagged
    from lintnews.read.document import Document

    text = ("The committee said on Tuesday that the growth in new jobs across the northern regions were "
            "slower than expected, and that its own forecasts for the coming year was being revised.\n")
    doc = Document(text)
    sentence = doc.sentence_at(0)
    whole = [(w.upos, w.xpos, w.lemma) for w in tagged.tagged(Document(text), Document(text).sentence_at(0))]
    n = len(tagged.words(doc, sentence))
    for stretches in ([(3, 4)], [(3, 4), (8, 9)], [(10, 12), (2, 3), (n - 2, n - 1)], [(0, 0), (n - 1, n - 1)]):
        got = tagged.tagged_around(Document(text), Document(text).sentence_at(0), stretches)
        assert len(got) == n
        for first, last in stretches:
            for i in range(max(0, first - 1), min(n, last + 2)):
                assert (got[i].upos, got[i].xpos, got[i].lemma) == whole[i]
        assert sum(w.upos is None for w in got) > 0


@pytest.mark.parametrize("text, word, xpos", [
    ("Residents will join a meet up in the village hall on Sunday.", "meet", "NN"),
    ("The mayor went for a walk along the flooded river.", "walk", "NN"),
    ("Police found a set of keys near the car.", "set", "NN"),
    ("Councillors will meet up with residents on Friday.", "meet", "VB"),
    ("The dial-up service ends next month.", "dial", "VB"),
    ("The proposed plan was rejected by the council.", "proposed", "VBN"),
])
def test_a_base_form_after_an_article_is_a_noun(text, word, xpos):
    """A verb's base form right after an article is read as a noun, unless a hyphen follows (a compound)
    or the word is a participle that is not the base form."""
    assert {t.text: t.xpos for t in tag(text)}[word] == xpos


NEWS = [
    "The ministers of the new government was criticised on Tuesday for the delay.",
    "There was no formal ties between the two parties, the report said.",
    "Shares in Acme Corp. jumped 76% to $1.13bn after the U.K. regulator's ruling.",
    "“It’s a disgrace,” said Ms. O’Neill, 54, who has lead the campaign since 2019.",
    "Police said 464,000 people had been evacuated from the flood-hit north-east region.",
    "PRIME MINISTER May may resign if the vote fails, sources close to No 10 said.",
    "The well-known co-founders' start-up, which employs 1,200 staff, was sold last year.",
    "He could of won the seat, but lost by 3-2 in a re-run at 10:30am on 12 June.",
    "Their is little evidence that the new rules had any affect on prices, analysts said.",
    "Follow us on Twitter @BBCNews — click here to read more…",
]


def _news_and_treebank_sentences() -> list[list[str]]:
    sents = [words(s) for s in NEWS]
    if TREEBANKS.is_dir():
        spec = importlib.util.spec_from_file_location("treebank", REPO / "scripts" / "treebank.py")
        treebank = importlib.util.module_from_spec(spec)
        sys.modules.setdefault("treebank", treebank)
        spec.loader.exec_module(treebank)
        sents += [s.forms for s in treebank.load(TREEBANKS, "ewt-dev")[:400]]
    return sents


@pytest.mark.parametrize("words_kept, rows_kept", [(25_000, 150_000), (40, 200)])
def test_the_kept_sums_tag_as_the_plain_features_do(monkeypatch, words_kept, rows_kept):
    """The scorer keeps each word's, group's and feature's weights summed (read/tag_scores.py); whether
    those sums are new, kept from an earlier sentence, or forgotten and made again half-way through a
    sentence (the small limits), every tag is the one the plain sum of the features' weights picks."""
    from lintnews.read import tag_scores

    monkeypatch.setattr(tag_scores, "WORDS_KEPT", words_kept)
    monkeypatch.setattr(tag_scores, "ROWS_KEPT", rows_kept)
    m = Model.load()  # its own scorer, nothing kept yet
    sents = _news_and_treebank_sentences()
    for _ in range(2):  # the second time from what was kept (or made again)
        for tokens in sents:
            assert m.predict(tokens) == reference_predict(m, tokens), tokens


def test_the_groups_hold_the_features_of_the_plain_path():
    """The features grouped by what they read (read/tag_features.py) are, word by word, exactly the
    features ``word_features`` and ``tag_features`` give, so sums of groups are sums of the same weights."""
    from collections import Counter

    from lintnews.read import tag_features as f

    lexicon = tagger.model().lexicon
    for text in NEWS:
        tokens = words(text)
        norm, low, amb = tagger.context(tokens, lexicon)
        last = len(tokens) - 1
        for i, prev, prev2 in ((0, "-S1-", "-S2-"), (1, "PROPN NNP", "-S1-"), (last, "DET DT", "ADJ JJ")):
            j = i + 2
            w, lw, a, s3, sh = norm[j], low[j], amb[j], low[j][-3:], tagger.shape(norm[j])
            groups = (f.own_word(w, lw) + f.suffix_group(lw[-4:]) + f.prefix_group(lw[:3])
                      + f.form_group(sh, a, "-" in w[1:-1])
                      + [f.neighbour_word("w-1", low[j - 1])]
                      + f.left1_group(low[j - 1][-3:], tagger.shape(norm[j - 1]))
                      + [f.neighbour_word("w-2", low[j - 2])]
                      + [f.neighbour_word("w+1", low[j + 1])]
                      + f.right1_group(low[j + 1][-3:], tagger.shape(norm[j + 1]), amb[j + 1])
                      + [f.neighbour_word("w+2", low[j + 2])] + f.right2_group(amb[j + 2])
                      + list(f.pair_features(lw, low[j + 1])[:1]) + list(f.pair_features(low[j - 1], lw)[1:])
                      + f.class_pair_group(a, amb[j + 1]) + (["first-cap"] if i == 0 and w != lw else [])
                      + f.tags_group(prev2, prev) + [f.tag_word(prev, lw)] + f.tag_word_group(prev, s3)
                      + [f.tag_next(prev, low[j + 1])] + f.tag_next_group(prev, amb[j + 1]))
            plain = tagger.word_features(norm, low, amb, i) + tagger.tag_features(prev, prev2, low, amb, i)
            assert Counter(groups) == Counter(plain)


def test_the_vocabulary_marks_every_word_a_feature_can_name():
    """A word's bits say under which features to look it up; a name with a word that holds a space is
    marked every way it can be read, so no feature is missed."""
    from lintnews.read.tag_scores import vocabulary

    bits = vocabulary(["w-1 new york", "W Paris", "w,w+1 a b c", "t-1,w NOUN NN of", "t-1,w+1 -S1- x y", "s3 ork"],
                      ["NOUN NN"])
    assert bits["new york"] == 4 and bits["paris"] == 2
    assert bits["a"] == bits["a b"] == 256 and bits["b c"] == bits["c"] == 512
    assert bits["of"] == 64 and bits["x y"] == 128
    assert "ork" not in bits


def test_tokens_split_at_every_unicode_space_as_the_chunk_regex_does():
    # tokenize splits the text with str.split(), quicker than the regex \S+ it stands for: the same
    # spaces, no-break and ideographic ones and the information separators included.
    import re

    text = "Prime\u00a0Minister\u2009May\u3000said\x1cit\u0085was\u200bover\tand\ndone\u2028today."
    assert words(text) == re.findall(r"\S+", text[:-1]) + ["."]
    assert "was\u200bover" in words(text)  # a zero-width space is no space
