from hypothesis import given, strategies as st

from socorg_nlp.normalize import normalize


def test_full_width_and_traditional_become_ascii_and_simplified():
    assert normalize("省慈善聯合總會３.４萬家，４３.５％") == "省慈善联合总会3.4万家,43.5%"


@given(st.text())
def test_offsets_never_move(text):
    assert len(normalize(text)) == len(text)
