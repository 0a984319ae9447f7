from hypothesis import given, strategies as st

from socorg_nlp.normalize import normalize


def test_full_width_and_traditional_become_ascii_and_simplified():
    assert normalize("省慈善聯合總會３.４萬家，４３.５％") == "省慈善联合总会3.4万家,43.5%"


@given(st.text())
def test_offsets_never_move(text):
    assert len(normalize(text)) == len(text)


@given(st.text(alphabet=st.sampled_from("慈善總會捐款萬元，（）２０％ab 1\u3000٣𝟙😀")))
def test_simplified_fast_path_and_full_table_agree(text):
    from socorg_nlp.normalize import _table

    assert normalize(text) == text.translate(_table())


def test_simplified_text_with_full_width_punctuation():
    assert normalize("捐款１００万元（约）。") == "捐款100万元(约)。"


def test_every_decimal_digit_becomes_ascii():
    assert normalize("１٣𝟙०") == "1310"  # full-width, Arabic-Indic, mathematical, Devanagari


def test_other_scripts_digits_give_values_not_errors():
    import socorg_nlp

    doc = socorg_nlp.extract("截至1٣日，捐款١٠٠万元", reference_date="2020-02-20")
    assert [(s.text, s.label_) for s in doc.spans["socorg"]] == [("1٣日", "DATE"), ("١٠٠万元", "MONEY")]
    date, money = (span._.value for span in doc.spans["socorg"])
    assert str(date.start) == "2020-02-13" and str(money.amount) == "1000000"
