"""ORG recogniser and the socorg_orgs component, on sentences written for these tests."""

import pytest
import spacy

from socorg_nlp.components.base import FindContext
from socorg_nlp.components.orgs import read_names_file
from socorg_nlp.normalize import normalize
from socorg_nlp.recognizers.orgs import OrgRecognizer
from socorg_nlp.types import Org


@pytest.fixture(scope="module")
def rec():
    return OrgRecognizer(OrgRecognizer.default_data())


def orgs(rec, text):
    """(surface, kind) of each ORG found in ``text``."""
    return [(text[m.start:m.end], m.value.kind) for m in rec.find(normalize(text), FindContext())]


def names(rec, text):
    return [surface for surface, _ in orgs(rec, text)]


# --- the left edge ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # stop words: verbs, prepositions, conjunctions
    ("昨天，江西省南昌市青山湖区晨曦社会工作服务中心向社区居民发放口罩。",
     ["江西省南昌市青山湖区晨曦社会工作服务中心"]),
    ("本次活动由广州市番禺区阳光志愿者协会主办，番禺区民政局指导。",
     ["广州市番禺区阳光志愿者协会", "番禺区民政局"]),
    ("据了解，宁海县慈善总会联合县红十字会共募集善款。", ["宁海县慈善总会", "县红十字会"]),
    ("中国青少年发展基金会和中国扶贫基金会分别启动了专项行动。",
     ["中国青少年发展基金会", "中国扶贫基金会"]),
    ("重庆市巴南区彩虹助残服务中心为残疾人送去生活物资。", ["重庆市巴南区彩虹助残服务中心"]),
    ("他们向武汉协和医院捐赠了一批防护服。", ["武汉协和医院"]),
    ("这次募捐活动得到了天津市滨海新区义工联合会的大力支持。", ["天津市滨海新区义工联合会"]),
    ("记者从成都市温江区青少年发展基金会获悉，该会已募集资金。", ["成都市温江区青少年发展基金会"]),
    ("为支持救灾，无锡市工商联号召商户捐款。", ["无锡市工商联"]),
    ("经过协商，武汉市江岸区民政局同意。", ["武汉市江岸区民政局"]),
    ("通过与北京师范大学合作，项目顺利推进。", ["北京师范大学"]),
    # punctuation, digits and dates
    ("1月25日北京市红十字会发布公告", ["北京市红十字会"]),
    ("2020年湖北省红十字会接收捐赠", ["湖北省红十字会"]),
    ("兰州大学第二医院、甘肃省人民医院派出医疗队。", ["兰州大学第二医院", "甘肃省人民医院"]),
    ("南京市鼓楼区民政局、南京市鼓楼区社会组织促进会联合发布倡议书。",
     ["南京市鼓楼区民政局", "南京市鼓楼区社会组织促进会"]),
    ("紧急调拨南都公益基金会的物资。", ["南都公益基金会"]),
    ("志愿者们来到阳光敬老院看望老人。", ["阳光敬老院"]),
    ("由于疫情严重，天使妈妈基金会暂停了线下活动。", ["天使妈妈基金会"]),
    # a region starts the name even after words the stop list does not know
    ("坚决执行自治区党委决定", ["自治区党委"]),
    ("紧急驰援吉林省红十字会", ["吉林省红十字会"]),
    # a conjunction inside a unit's name stays; between two names it separates them
    ("上海市静安区老年照料与康复服务中心成立", ["上海市静安区老年照料与康复服务中心"]),
    ("昆明市民政局与昆明市慈善总会召开会议", ["昆明市民政局", "昆明市慈善总会"]),
    # places inside the name: districts whose names hold stop characters
    ("海淀区和平里社区养老服务中心", ["海淀区和平里社区养老服务中心"]),
    ("省慈善联合总会发布倡议", ["省慈善联合总会"]),
    ("厦门爱心义工联合会和市工商联", ["厦门爱心义工联合会", "市工商联"]),
    # a place in brackets is inside the name; a bracket cannot start one
    ("腾讯科技（深圳）有限公司、阿里巴巴（中国）网络技术有限公司捐赠",
     ["腾讯科技（深圳）有限公司", "阿里巴巴（中国）网络技术有限公司"]),
    ("中国人寿保险（集团）公司向湖北捐款", ["中国人寿保险（集团）公司"]),
    ("（北京）协会", []),
    # two names in a row stay two names
    ("在市委市政府的领导下", ["市委", "市政府"]),
    ("山东省家庭服务业协会", ["山东省家庭服务业协会"]),
])
def test_left_edge(rec, text, expected):
    assert names(rec, text) == expected


@pytest.mark.parametrize("text, expected", [
    # units join the name before them
    ("中国医药保健品进出口商会医疗器械分会秘书长", [("中国医药保健品进出口商会医疗器械分会", "association")]),
    ("中国饮料工业协会果汁分会", [("中国饮料工业协会果汁分会", "association")]),
    ("湖南省商务厅外资管理局局长介绍。", [("湖南省商务厅外资管理局", "government")]),
    ("近日，民政部社会组织管理局发布通知。", [("民政部社会组织管理局", "government")]),
    ("中国建设银行股份有限公司湖南省分行捐赠", [("中国建设银行股份有限公司湖南省分行", "company")]),
    ("厦门大学附属第一医院收到捐赠。", [("厦门大学附属第一医院", "hospital")]),
    ("上海市长宁区新华路街道社区党委开展工作。", [("上海市长宁区新华路街道社区党委", "party")]),
    ("中国电子学会专业委员会", [("中国电子学会专业委员会", "association")]),
    ("中共浙江省委宣传部", [("中共浙江省委宣传部", "government")]),
    ("浙江省青少年发展基金会专项基金管理委员会",
     [("浙江省青少年发展基金会专项基金管理委员会", "foundation")]),
])
def test_units_join_their_parent(rec, text, expected):
    assert orgs(rec, text) == expected


@pytest.mark.parametrize("text, expected", [
    # 与/和 between two words of a name that a region or national prefix opens
    ("沧州市仓储与物流协会发出倡议。", ["沧州市仓储与物流协会"]),
    ("嘉兴市文化和创意产业促进会捐款。", ["嘉兴市文化和创意产业促进会"]),
    ("中国物流与采购联合会发布通知。", ["中国物流与采购联合会"]),  # a verb as the second word
    ("天府新区社区治理和社会保障局牵头。", ["天府新区社区治理和社会保障局"]),
    # …but not where a name ends before it or a new one starts after it
    ("浙江省和江苏省红十字会联合行动", ["江苏省红十字会"]),
    ("杭州市教育局和杭州市慈善总会召开会议", ["杭州市教育局", "杭州市慈善总会"]),
    # after a word for people it is a conjunction, even before a team's name
    ("救援队员与飞燕救援队一起转移群众。", ["飞燕救援队"]),
    ("两位会长和晨星青年企业家协会的会员参加。", ["晨星青年企业家协会"]),
    # new areas and development zones open a name like a county
    ("两江新区慈善会、苏州工业园区志愿者协会", ["两江新区慈善会", "苏州工业园区志愿者协会"]),
    ("由市高新区管委会和武汉东湖新技术开发区管委会主办",
     ["市高新区管委会", "武汉东湖新技术开发区管委会"]),
    ("佛山市南海区行政审批局、成都市新都区公共服务局", ["佛山市南海区行政审批局", "成都市新都区公共服务局"]),
    # foreign countries and world regions open a name too
    ("捐款，加拿大湖北同乡会捐赠了药品。", ["加拿大湖北同乡会"]),
    ("日本华侨华人联合会、马来西亚中华总商会和欧洲温州商会",
     ["日本华侨华人联合会", "马来西亚中华总商会", "欧洲温州商会"]),
])
def test_name_bodies(rec, text, expected):
    assert names(rec, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a paper's publisher keeps its 社
    ("昆明日报社、春城晚报社和人民邮电出版社", [("昆明日报社", "media"), ("春城晚报社", "media"),
                                         ("人民邮电出版社", "media")]),
    # papers named without a region
    ("据海峡都市报报道", [("海峡都市报", "media")]),
    # one-character bodies: a discipline or a province, not a verb
    ("医学会、药学会和浙商会", [("医学会", "association"), ("药学会", "association"),
                          ("浙商会", "association")]),
    ("困难面前，借协会之力渡过难关。", []),
])
def test_short_bodies(rec, text, expected):
    assert orgs(rec, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a determiner makes the head word a back-reference
    ("本基金会于3月向灾区拨付善款。", []),
    ("今年本协会新发展会员40名。", []),
    ("感谢贵协会的支持，该慈善总会和此基金会也参与了。", []),
    ("本市红十字会接收捐赠。", ["市红十字会"]),
    # a distributive makes it a generic mention
    ("各区雄鹰救援队连夜出发，每个社区服务中心都设了捐赠点。", []),
    ("各县民政局、各地同乡会积极响应。", []),
    # listed names inside longer words, and heads inside longer words
    ("联合国际救援组织和新华社区卫生服务站", []),
    ("联合国儿童基金会、各地民政部门参与。", ["联合国儿童基金会"]),
    ("湖北省经济发展局面良好。", []),
])
def test_references_and_words_that_are_not_names(rec, text, expected):
    assert names(rec, text) == expected


# --- kinds ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("广东省南粤医学基金会", "foundation"),
    ("昆明市五华区爱心企业家联谊会", "association"),
    ("深圳市龙华区关爱留守儿童促进会", "association"),
    ("北京市朝阳区妇联", "association"),
    ("上海市浦东新区残联", "association"),
    ("新疆维吾尔自治区红十字会", "red_cross"),
    ("中国红十字会总会", "red_cross"),
    ("青岛市市北区同心社工服务中心", "service"),
    ("合肥市蜀山区益心公益发展中心", "service"),
    ("苏州市吴中区雄鹰救援队", "service"),
    ("国家卫生健康委员会", "government"),
    ("湖南省湘潭市雨湖区人民法院", "government"),
    ("市发改委", "government"),
    ("中国疾病预防控制中心", "government"),
    ("共青团湖南省委", "party"),
    ("杭州市临平区鸿运纺织有限公司", "company"),
    ("武汉大学人民医院", "hospital"),
    ("大连理工大学", "school"),
    ("中央电视台", "media"),
    ("长沙市岳麓区儿童福利院", "other"),
])
def test_kind_by_head_word(rec, text, kind):
    assert orgs(rec, text) == [(text, kind)]


# --- traditional characters -------------------------------------------------------------------

def test_traditional_text_gives_simplified_names(rec):
    text = "臺灣省慈善總會，廣州市越秀區義工聯合會捐贈物資。"
    found = rec.find(normalize(text), FindContext())
    assert [(text[m.start:m.end], m.value.name, m.value.kind) for m in found] == [
        ("臺灣省慈善總會", "台湾省慈善总会", "association"),
        ("廣州市越秀區義工聯合會", "广州市越秀区义工联合会", "association"),
    ]


# --- what is not a name -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "各级红十字会、慈善总会纷纷响应，商会协会等社会团体积极参加。",
    "该基金会秘书长表示，基金会已拨付资金。",
    "该协会是全国性行业协会。",
    "全市共有640余家社会团体报名，其中基金会37家。",
    "共有3家基金会、12个协会参与。",
    "用户可以在腾讯公益、支付宝公益、慈善中国等平台上捐款，也可以用闽政通查询。",
    "这家公司叫森德，另一家叫周大福。",
    "定点医院和方舱医院收治了大批患者。",
    "织牢心理防疫网，让互联网成为宣传阵地。",
    "他及时报道了疫情，学会了如何防护。",
    "芜湖市民政部门把名单转给各区民政服务站。",
])
def test_generic_mentions_are_not_names(rec, text):
    assert names(rec, text) == []


def test_titles_are_excluded_but_publishers_keep_theirs(rec):
    assert names(rec, "他在《浙江省慈善联合总会章程》中提到。") == []
    assert orgs(rec, "《中国慈善家》杂志社记者采访了有关负责人。") == [
        ("《中国慈善家》杂志社", "media")]


# --- listed names -----------------------------------------------------------------------------

def test_well_known_names_outside_the_grammar(rec):
    assert orgs(rec, "团中央和全国妇联发出倡议，新华社报道。") == [
        ("团中央", "party"), ("全国妇联", "association"), ("新华社", "media")]
    assert orgs(rec, "壹基金紧急驰援") == [("壹基金", "foundation")]
    assert orgs(rec, "国务院办公厅转发了应急管理部的意见，乐施会和世界银行也表示关注。") == [
        ("国务院办公厅", "government"), ("应急管理部", "government"), ("乐施会", "other"),
        ("世界银行", "other")]


# --- canonical names --------------------------------------------------------------------------

def test_canonical_restores_the_documents_region(rec):
    text = "广东省民政厅发出通知。广东省慈善总会开展募捐。省红十字会、市慈善会也积极行动。"
    found = {m.value.name: m.value for m in rec.find(text, FindContext())}
    assert found["省红十字会"] == Org("省红十字会", "red_cross", "广东省红十字会")
    assert found["广东省慈善总会"].canonical is None
    assert found["市慈善会"].canonical is None  # no city is named in the document


def test_canonical_is_none_when_the_region_is_unclear(rec):
    text = "四川省民政厅、贵州省民政厅和云南省民政厅联合发文，省红十字会参与。"
    found = {m.value.name: m.value for m in rec.find(text, FindContext())}
    assert found["省红十字会"].canonical is None


def test_canonical_for_an_autonomous_region(rec):
    text = "广西壮族自治区财政厅发出通知，执行自治区党委要求。"
    found = {m.value.name: m.value for m in rec.find(text, FindContext())}
    assert found["自治区党委"].canonical == "广西壮族自治区党委"


# --- robustness and speed ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", " ", "😀" * 5, "\x00协会", "》", "《", "协", "会", "省", "网",
                                  "自治区", "（北京）", "《协会", "省市区县" * 10])
def test_junk_never_crashes(rec, text):
    assert isinstance(rec.find(text, FindContext()), list)


@pytest.mark.parametrize("unit", ["协会", "1", "万", "余", "年"])
def test_a_megabyte_of_repetition_finds_no_names(rec, unit):
    # Speed on such inputs is measured in benchmarks/; here only that nothing is invented.
    text = unit * (1_000_000 // len(unit.encode()))
    assert rec.find(text, FindContext()) == []


def test_offsets_are_those_of_the_original(rec):
    text = "ＡＢ，廣東省紅十字會"
    (match,) = rec.find(normalize(text), FindContext())
    assert text[match.start:match.end] == "廣東省紅十字會"


# --- the spaCy component ----------------------------------------------------------------------

@pytest.fixture()
def nlp():
    nlp = spacy.blank("zh")
    nlp.add_pipe("socorg_orgs")
    return nlp


def spans(doc):
    return [(s.text, s._.value.kind) for s in doc.spans["socorg"]]


def test_component_writes_spans_and_ents(nlp):
    doc = nlp("省红十字会与杭州市慈善总会开展活动。")
    assert spans(doc) == [("省红十字会", "red_cross"), ("杭州市慈善总会", "association")]
    assert [e.label_ for e in doc.ents] == ["ORG", "ORG"]


def test_add_names_then_save_and_load(nlp, tmp_path):
    pipe = nlp.get_pipe("socorg_orgs")
    pipe.add_names(["森德慈善基金会", ("周大福", "company"), {"name": "闽善社", "kind": "service"}])
    text = "森德慈善基金会、周大福和閩善社捐赠物资。"
    expected = [("森德慈善基金会", "foundation"), ("周大福", "company"), ("閩善社", "service")]
    assert spans(nlp(text)) == expected
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert spans(loaded(text)) == expected
    assert ["周大福", "company"] in loaded.get_pipe("socorg_orgs").data["user_names"]


def test_add_names_rejects_bad_entries(nlp):
    pipe = nlp.get_pipe("socorg_orgs")
    with pytest.raises(ValueError, match="unknown ORG kind"):
        pipe.add_names([("森德", "charity")])
    with pytest.raises(ValueError, match="non-empty"):
        pipe.add_names([""])
    assert pipe.data["user_names"] == []


def test_names_file_in_the_config(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("# our partners\n森德\tcompany\n晨光读书会\n", encoding="utf-8")
    assert read_names_file(path) == [("森德", "company"), ("晨光读书会", None)]
    nlp = spacy.blank("zh")
    nlp.add_pipe("socorg_orgs", config={"names_file": str(path)})
    assert spans(nlp("森德与晨光读书会联合捐赠")) == [("森德", "company"), ("晨光读书会", "other")]


def test_missing_names_file_is_named(tmp_path):
    nlp = spacy.blank("zh")
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        nlp.add_pipe("socorg_orgs", config={"names_file": str(tmp_path / "nope.txt")})


def test_canonical_for_a_district_and_its_city(rec):
    text = "衢州市柯城区民政局联合区慈善总会、市红十字会发起活动。"
    found = {m.value.name: m.value.canonical for m in rec.find(text, FindContext())}
    assert found == {"衢州市柯城区民政局": None, "区慈善总会": "柯城区慈善总会",
                     "市红十字会": "衢州市红十字会"}


# --- Taiwan, Hong Kong, overseas, offices ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a legal form before the name is part of it, with or without a region after it
    ("感謝財團法人高雄市晨光公益慈善基金會捐助物資。",
     [("財團法人高雄市晨光公益慈善基金會", "foundation")]),
    ("社團法人新北市友愛協會發起募款。", [("社團法人新北市友愛協會", "association")]),
    ("由财团法人慈心慈善事业基金会主办。", [("财团法人慈心慈善事业基金会", "foundation")]),
    # Taiwan counties and Hong Kong districts are regions
    ("宜蘭縣政府社會處與台東縣政府共同辦理。",
     [("宜蘭縣政府社會處", "government"), ("台東縣政府", "government")]),
    ("沙田区青年协会派员慰问。", [("沙田区青年协会", "association")]),
    # 旅 + a place opens an overseas association's name
    ("旅港福清同乡会、旅美华侨总会和旅加拿大福建同乡联谊会纷纷捐款。",
     [("旅港福清同乡会", "association"), ("旅美华侨总会", "association"),
      ("旅加拿大福建同乡联谊会", "association")]),
    ("旅沪宁波同乡会捐赠十万元。", [("旅沪宁波同乡会", "association")]),
    # an office's one-character unit joins it; elsewhere 处/科 are plain characters
    ("县民政局社会救助科负责登记。", [("县民政局社会救助科", "government")]),
    ("平阳县人民政府办公室和市政府新闻办发布通知。",
     [("平阳县人民政府办公室", "government"), ("市政府新闻办", "government")]),
    ("市慈善总会秘书处发布公告。", [("市慈善总会", "association")]),
    ("市政府处于关键时期。", [("市政府", "government")]),
    ("北京市阳光社会矛盾调处与研究中心成立。", [("北京市阳光社会矛盾调处与研究中心", "service")]),
    ("花蓮報導，南投縣政府表示。", [("南投縣政府", "government")]),
    # 校友会 and 同学会 are associations
    ("厦门大学上海校友会、江南大学北京校友总会和南开中学同学会捐款。",
     [("厦门大学上海校友会", "association"), ("江南大学北京校友总会", "association"),
      ("南开中学同学会", "association")]),
])
def test_taiwan_overseas_and_offices(rec, text, expected):
    assert orgs(rec, text) == expected


@pytest.mark.parametrize("text, expected", [
    # needy/remote + head word is a kind of place, and 大学生 are students
    ("该校为贫困大学新生发放补助，优秀大学生代表发言。", []),
    ("偏远学校和困难学校获得资助。", []),
    ("北京大学新生入学。", ["北京大学"]),
    ("南京大学生命科学学院", ["南京大学生命科学学院"]),
    # a verb of transfer ends the left edge
    ("善款已汇入市红十字会账户，物资送往区慈善总会。", ["市红十字会", "区慈善总会"]),
    ("善款转给县侨联。", ["县侨联"]),
])
def test_generic_words_and_transfer_verbs(rec, text, expected):
    assert names(rec, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("善款200万澳门元经中央人民政府转交灾区。", ["中央人民政府"]),  # 澳门元 is a currency
    ("共筹得澳门币80万元。", []),
    ("香港元朗区妇女协会发起募捐。", ["香港元朗区妇女协会"]),  # 元朗 is a district
])
def test_a_place_followed_by_yuan_is_a_currency_unless_a_place_follows(rec, text, expected):
    assert names(rec, text) == expected
