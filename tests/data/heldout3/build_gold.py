"""Hand annotations of the third held-out set (articles written for it, not from any corpus).

Run from anywhere: rewrites heldout3.jsonl and heldout3-records.jsonl beside this file.
The helpers (fragments located in the text, checked offsets) are in ../annotation.py.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from annotation import D, M, O, P, Q, R, build  # noqa: E402

HERE = Path(__file__).resolve().parent

DOCS = {}

DOCS["m01-heat-bulletin"] = dict(reference_date="2025-08-12", published="2025-08-12", spans=[
    # 渝民〔2025〕14号 (document number), 各区县民政局 (no single named body), 社会组织 and
    # 部分基金会 (generic) and the phone number are not annotated.
    D("今年7月", "2025-07-01", "2025-07-31", relation="since"),
    O("市民政局", "government", occ=0),
    D("7月22日", "2025-07-22"),
    D("8月10日", "2025-08-10", relation="as_of"),
    Q("136家", "136", "家", "社会组织"),
    M("1462.8万元", "14628000"),
    M("978.5万元", "9785000"),
    M("484.3万元", "4843000"),
    O("市慈善总会", "association"),
    M("623万元", "6230000"),
    M("412万元", "4120000"),
    O("市红十字会", "red_cross"),
    Q("8600箱", "8600", "箱", "瓶装水"),
    Q("2.4万盒", "24000", "盒", "藿香正气水"),
    O("黔江区餐饮行业协会", "association"),
    Q("1200桶", "1200", "桶", "饮用水"),
    Q("15吨", "15", "吨", "大米"),
    M("约9.6万元", "96000", approx="about"),
    O("市光彩事业促进会", "association"),
    Q("37台次", "37", "台次", "送水车"),
    Q("4100余吨", "4100", "吨", "水", "over", "4100", "4200"),
    O("市民政局", "government", occ=1),
    D("2025年8月12日", "2025-08-12"),
], records=[
    # One 累计捐赠…合计/其中 clause: total and parts in one record (spec's 9.79亿元 example).
    R("donate", "捐赠", "全市136家社会组织",
      [("1462.8万元", "total"), ("978.5万元", "part"), ("484.3万元", "part")], as_of="8月10日"),
    R("raise", "募集", "市慈善总会", [("623万元", None)], as_of="8月10日"),
    R("disburse", "拨付", "市慈善总会", [("412万元", None)], as_of="8月10日",
      recipient="受灾乡镇"),
    R("receive", "接收", "市红十字会", goods=["8600箱", "2.4万盒"], as_of="8月10日"),
    # New paragraph without a date: the 截至 of the previous paragraph does not govern it.
    R("donate", "捐赠", "黔江区餐饮行业协会", [("约9.6万元", "value_of_goods")],
      goods=["1200桶", "15吨"], recipient="受灾村组"),
    # 送水 = water the actor gives (提供 of goods -> donate); the dispatched trucks are not goods.
    R("donate", "送水", "市光彩事业促进会", goods=["4100余吨"], recipient="山区群众"),
])

DOCS["m02-snow-news"] = dict(reference_date="2024-02-06", published="2024-02-06", spans=[
    # ICP number, 一线, 一方有难八方支援, 连日来 are not annotated.
    D("2024-02-06 10:25:17", "2024-02-06", time="10:25"),
    O("荆州日报", "media"),
    D("2月1日", "2024-02-01", relation="since"),
    D("2月3日20时", "2024-02-03", time="20:00"),
    O("荆州市慈善总会", "association"),
    D("2月5日", "2024-02-05", relation="as_of"),
    O("市慈善总会", "association", ctx="，市慈善总会共募集"),
    M("326万元", "3260000"),
    O("荆州市温州商会", "association"),
    M("50万元", "500000"),
    Q("2000箱", "2000", "箱", "方便面"),
    Q("1500箱", "1500", "箱", "矿泉水"),
    O("荆州市湖南商会", "association"),
    Q("800件", "800", "件", "棉衣"),
    Q("600床", "600", "床", "棉被"),
    M("约31万元", "310000", approx="about"),
    O("市慈善总会", "association", ctx="市慈善总会当天"),
    D("当天", "2024-02-05"),
    M("80万元", "800000"),
    Q("3车", "3", "车", "融雪剂"),
    Q("45吨", "45", "吨", "融雪剂"),
    O("荆州市蓝天救援队", "service"),
    Q("60余名", "60", "名", "队员", "over", "60", "70"),
    Q("12台", "12", "台", "车辆"),
    Q("40多个小时", "40", "小时", None, "over", "40", "50"),
    Q("300多人", "300", "人", "滞留群众", "over", "300", "400"),
    O("荆州新闻网", "media"),
], records=[
    R("raise", "募集", ("市慈善总会", {"ctx": "，市慈善总会共募集"}), [("326万元", None)],
      as_of="2月5日"),
    R("donate", "捐款", "荆州市温州商会", [("50万元", None)], as_of="2月5日"),
    R("donate", "送来", "荆州市温州商会", goods=["2000箱", "1500箱"], as_of="2月5日"),
    R("donate", "捐赠", "荆州市湖南商会", [("约31万元", "value_of_goods")],
      goods=["800件", "600床"], as_of="2月5日"),
    R("disburse", "拨付", ("市慈善总会", {"ctx": "市慈善总会当天"}), [("80万元", None)],
      as_of="当天", recipient="沙市区、荆州区"),
    # 调运…支援: goods the actor sends (发运 -> donate).
    R("donate", "调运", ("市慈善总会", {"ctx": "市慈善总会当天"}), goods=["3车", "45吨"],
      as_of="当天", recipient="除冰人员"),
])

STAR = "浙江省星辰儿童健康基金会"
DOCS["m03-child-health"] = dict(reference_date="2025-06-10", published=None, spans=[
    # 第二批/第三批 (ordinals), the 《…（2024）》 title and the generic 基金会 are not annotated.
    O(STAR, "foundation", occ=0),
    D("6月9日", "2025-06-09"),
    Q("三十二所", "32", "所", "乡村小学"),
    D("2023年9月", "2023-09-01", "2023-09-30"),
    D("今年5月底", "2025-05-21", "2025-05-31", relation="as_of"),
    M("近1800万元", "18000000", approx="under", upper="18000000"),
    Q("超过2.6万名", "26000", "名", "儿童", "over", "26000"),
    P("百分之九十五左右", "0.95", "about"),
    P("18.4%", "0.184"),
    P("6.1%", "0.061"),
    D("端午节", "2025-05-31", relation="during", calendar="lunar"),
    O("杭州市营养学会", "association"),
    Q("一万二千余份", "12000", "份", "营养包", "over", "12000", "13000"),
    Q("数百名", "100", "名", "留守儿童", "vague", "100", "1000"),
    O("浙江康泽医药有限公司", "company"),
    D("当天", "2025-05-31", calendar="lunar"),
    M("三百万元", "3000000"),
    M("36万多元", "360000", approx="over", lower="360000", upper="370000"),
    D("九月份", "2025-09-01", "2025-09-30"),
    M("约500万元", "5000000", approx="about"),
    Q("5000人左右", "5000", "人", "儿童", "about"),
    O(STAR, "foundation", occ=1),
], records=[
    R("disburse", "投入", ("基金会", {"ctx": "，基金会已累计投入"}), [("近1800万元", None)],
      as_of="今年5月底"),
    R("disburse", "发放", ("基金会", {"ctx": "，基金会联合杭州"}), goods=["一万二千余份"],
      as_of="端午节", recipient="山区学校"),
    R("donate", "认捐", "浙江康泽医药有限公司", [("三百万元", None)], as_of="当天"),
    # 另有…: a separate clause after the semicolon; 当天 belongs to the company's clause.
    R("donate", "捐款", "个人捐赠者", [("36万多元", None)]),
    # 计划…约500万元 is a plan: no record.
])

JIEFANG = "澳門街坊會聯合總會"
DOCS["m04-macau-typhoon"] = dict(reference_date="2024-10-15", published=None, spans=[
    # 澳門元 is a currency word (inside the span) with code MOP (ISO 4217); the spec's list
    # has no entry for it. 首筆 is not a numeral; the phone number is not annotated.
    O(JIEFANG, "association", occ=0),
    O(JIEFANG, "association", occ=1),
    D("１０月１４日", "2024-10-14", relation="as_of", occ=0),
    M("澳門元２８６萬餘元", "2860000", "MOP", "over", "2860000", "2870000"),
    M("港元３２萬元", "320000", "HKD"),
    D("昨日", "2024-10-14"),
    D("１０月１４日", "2024-10-14", occ=1),
    M("２００萬澳門元", "2000000", "MOP"),
    O("中央人民政府駐澳門聯絡辦公室", "government"),
    O("海南省慈善總會", "association"),
    O("澳門中華總商會", "association"),
    O("澳門工會聯合總會", "association"),
    Q("約５０人", "50", "人", "团体代表", "about"),
    Q("逾８０個", "80", "个", "社团及商号", "over", "80"),
    O("澳門建築置業商會", "association"),
    M("５０萬澳門元", "500000", "MOP"),
    O("澳門福建同鄉總會", "association"),
    M("３０萬澳門元", "300000", "MOP"),
    Q("約１２０箱", "120", "箱", "物资", "about"),
    O("澳門紅十字會", "red_cross"),
    D("９月中旬", "2024-09-11", "2024-09-20"),
    O("海南省紅十字會", "red_cross"),
    M("港元１００萬元", "1000000", "HKD"),
    D("本月底", "2024-10-21", "2024-10-31"),
    Q("約３０家", "30", "家", "商户", "about"),
], records=[
    R("raise", "籌得", ("該會", {"ctx": "，該會共籌得"}), [("澳門元２８６萬餘元", None)],
      as_of=("１０月１４日", {"occ": 0})),
    R("receive", "收到", ("該會", {"ctx": "，該會共籌得"}), [("港元３２萬元", None)],
      as_of=("１０月１４日", {"occ": 0})),
    R("disburse", "轉交", ("該會", {"ctx": "該會昨日"}), [("２００萬澳門元", None)],
      as_of="昨日", recipient="海南省慈善總會"),
    R("donate", "捐出", "澳門建築置業商會", [("５０萬澳門元", None)]),
    R("donate", "捐出", "澳門福建同鄉總會", [("３０萬澳門元", None)]),
    R("donate", "捐贈", "市民", goods=["約１２０箱"]),
    R("donate", "捐贈", "澳門紅十字會", [("港元１００萬元", None)], as_of="９月中旬",
      recipient="海南省紅十字會"),
    # 承諾捐出部分營業額: a pledge with no amount, no record.
])

STATION = "草市街街道社工站"
DOCS["m05-socialwork-summary"] = dict(reference_date="2025-03-20", published=None, spans=[
    # 社工站 (社会工作服务站) is not among the spec's head words: kind `other` by the letter.
    # 一老一小, the address (68号) and the phone number are not annotated.
    O(STATION, "other", occ=0),
    D("今年", "2025-01-01", "2025-12-31", relation="since"),
    O(STATION, "other", occ=1),
    O("成都市青羊区恒心社会工作服务中心", "service"),
    D("3月18日", "2025-03-18", relation="as_of"),
    Q("412户次", "412", "户次", "入户探访"),
    Q("27场", "27", "场", "社区活动"),
    Q("3860人次", "3860", "人次", "居民"),
    Q("156名", "156", "名", "志愿者"),
    Q("2940小时", "2940", "小时", "志愿服务时长"),
    D("本月上旬", "2025-03-01", "2025-03-10"),
    O("青羊区志愿者协会", "association"),
    Q("50余名", "50", "名", "志愿者", "over", "50", "60"),
    Q("约320小时", "320", "小时", "服务时长", "about"),
    D("3月5日", "2025-03-05"),
    Q("200余人次", "200", "人次", "居民", "over", "200", "300"),
    Q("12户", "12", "户", "困难家庭", ctx="向12户"),
    Q("12份", "12", "份", "米面油礼包"),
    D("昨日", "2025-03-19"),
    O("成都市青羊区慈善会", "association"),
    M("3万元", "30000"),
    O("四川锦程物业服务有限公司", "company"),
    Q("40台", "40", "台", "助行器"),
    Q("200包", "200", "包", "成人纸尿裤"),
    M("1.2万元", "12000"),
], records=[
    # A date opening the sentence governs its later clauses too (3月5日, 昨日).
    R("disburse", "发放", ("社工站", {"ctx": "，社工站在社区广场"}), goods=["12份"],
      as_of="3月5日", recipient=("12户困难家庭", {"ctx": "向12户困难家庭"})),
    R("disburse", "拨付", "成都市青羊区慈善会", [("3万元", None)], as_of="昨日",
      recipient=("社工站", {"ctx": "向社工站拨付"})),
    R("donate", "捐赠", "四川锦程物业服务有限公司", [("1.2万元", "value_of_goods")],
      goods=["40台", "200包"], as_of="昨日"),
])


if __name__ == "__main__":
    build(DOCS, HERE, "heldout3")
