"""Any str input gives a Doc, never an exception."""
import random

from hypothesis import HealthCheck, given, settings, strategies as st


def test_empty_and_blank_texts(nlp):
    for text in ("", " ", "\n\n\t", "\u3000"):
        assert nlp(text).text == text


def test_binary_junk_decoded_as_latin1(nlp):
    junk = bytes(random.Random(7).getrandbits(8) for _ in range(20000)).decode("latin-1")
    assert len(nlp(junk).text) == len(junk)


def test_five_megabytes(nlp):
    block = "截至3月5日，市慈善总会累计接收捐款1250万元、口罩3万只。\n"
    text = block * (5_000_000 // len(block.encode("utf-8")))
    doc = nlp(text)
    assert len(doc.spans["socorg"]) > len(text) // len(block)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_random_unicode(nlp, text):
    doc = nlp(text)
    for span in doc.spans["socorg"]:
        assert span._.value is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="0123456789零一二三四五六七八九十百千万亿余多约近超过年月日号时至到、，。.%元个家协会基金《》", max_size=120))
def test_random_texts_over_the_number_and_date_alphabet(nlp, text):
    nlp(text)
