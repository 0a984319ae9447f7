"""The char tokenizer: spaCy's char segmentation, built fast from string ids."""
import spacy
from hypothesis import given, strategies as st
from spacy.tokens import Doc

import socorg_nlp
from socorg_nlp.tokenizer import char_words

NLP = socorg_nlp.load(records=False)


@given(st.text(alphabet=st.sampled_from("慈善捐款 \n\t\u3000ab1😀")))
def test_docs_match_a_doc_built_from_the_strings(text):
    doc = NLP.make_doc(text)
    words, spaces = char_words(text)
    expected = Doc(NLP.vocab, words=words, spaces=spaces)
    assert doc.text == text
    assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in expected]


def test_one_token_per_character_and_one_space_as_whitespace():
    doc = NLP.make_doc("捐款 100元\n\n谢谢")
    assert [t.text for t in doc] == ["捐", "款", "1", "0", "0", "元", "\n\n", "谢", "谢"]
    assert doc[1].whitespace_ == " "


def test_tokenizing_after_the_string_store_was_loaded():
    nlp = socorg_nlp.load(records=False)
    nlp.make_doc("罕见字甴曱")  # these characters' ids are now remembered
    nlp.vocab.strings.from_bytes(spacy.blank("zh").vocab.strings.to_bytes())  # keeps its strings
    assert nlp.make_doc("罕见字甴曱").text == "罕见字甴曱"


def test_tokenizing_after_loading_a_saved_pipeline(tmp_path):
    nlp = socorg_nlp.load(records=False)
    nlp.make_doc("甴曱")
    nlp.to_disk(tmp_path / "saved")
    nlp.from_disk(tmp_path / "saved")
    doc = nlp("市慈善总会捐款甴曱100万元")
    assert doc.text == "市慈善总会捐款甴曱100万元"
    assert [s.text for s in doc.spans["socorg"]] == ["市慈善总会", "100万元"]


def test_characters_first_seen_in_a_memory_zone_stay_readable_after_it():
    nlp = socorg_nlp.load(records=False)
    with nlp.memory_zone():
        assert nlp("甴曱捐款 \n 100万元").text == "甴曱捐款 \n 100万元"
    doc = nlp("甴曱捐款 \n 100万元")
    assert doc.text == "甴曱捐款 \n 100万元"
    assert [t.text for t in doc][:2] == ["甴", "曱"]
