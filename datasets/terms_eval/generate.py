#!/usr/bin/env python3
"""Writes the labelled evaluation set of the term matcher: ad lines, ordinary lines and report lines.

Every line is written by this project (templates and sentences below, no real advertiser's copy), in
pools with disjoint templates, certificate names, tails and sentences:

- `holdout.tsv` was written before the matcher was tuned and is only reported on;
- `dev.tsv` is what the rules were tuned on (its `trap_added` kind: ordinary sentences added when the
  rules for 包过/保过/替考/代考/包拿证 were tuned, after its other lines);
- `holdout2.tsv` was written after the first holdout had been looked at (its misses suggested two more
  rules) and before those rules were made: it is the untouched set for them.
- `holdout3.tsv` was written after `holdout2` had been looked at (its false flags came from the old
  two-character phrases 包过, 保过, 替考) and before the rules for those phrases were changed: figures
  only. Its pinyin also uses tone numbers (`bao1 guo4`), a way of writing tones the other pools lack.
- `holdout4.tsv` was written in the sixth session by a writer who had not seen the matcher's rules or
  any pool's misses, before the rules of the third pass changed: figures only. Besides its own
  certificate names, tails, context phrases, ordinary sentences and reports, it has ad templates of its
  own, a few key phrasings only it draws (7天拿证, 0基础包拿证, 考不过全额退款, 人社部统一颁发), more
  separators, homophones (基→鸡, 颁→班) and component splits (颁→分页), and tone numbers as in `holdout3`.
  Its ordinary lines lean on the hard cases: 包过户/包过年, 替考 and 代考 in news of cheating punished,
  内部推荐 in referrals, 挂靠 of lorries, ministries and 全国/国家 in notices, certificates asked for
  in job posts, days with 证 (身份证15个工作日, 营业执照3个工作日).
- `holdout5.tsv` was written in the sixth session by a writer who had not seen the matcher's rules or
  any pool's misses, after `holdout4` had been used to tune the fourth pass and before anyone scored
  `holdout5`: figures only. Like `holdout4` it has its own certificate names, tails, context phrases,
  ordinary sentences, reports and ad templates, and key phrasings only it draws (免考拿证, 15天下证,
  包考包过, 人社部直接发证, 挂证兼职, 替考枪手), its own separators, homophones (过→锅, 代→贷, 社→设,
  部→布), component splits (枪→木仓, 职→耳只, 代→亻弋) and traditional forms (職, 槍), tone numbers as in
  `holdout3`, and pinyin styles only it draws (BaoGuo, bāoguò, bao-guo; one character as Guo). Its
  ordinary lines have prefixes of their own and lean on the hard cases: 代考/替考 in exam rules and news,
  挂证 refused in a job post, 挂靠 of associations and ride-hailing cars, 投保过程, 箱包过季, 汤包过来,
  煲过汤, 代考勤, 现代考试, 拿证 at a marriage registry, 全国通用 phone credit, ministries in notices and
  processing times of passports, property and work-safety certificates.
- `holdout6.tsv` was written in the sixth session by a writer who had not seen the matcher's rules or
  any pool's misses, after `holdout5` had been used to tune the fifth pass and before anyone scored
  `holdout6`: figures only. Like `holdout5` it has its own certificate names, tails, context phrases
  (内部指标, 国家承认, 全国有效, 内部关系), ordinary sentences, reports, prefixes and ad templates, and
  key phrasings only it draws (免试领证, 20天领证, 不过免费重修, 远程代考, 证书出租, 教育部颁发), its own
  separators (|, ❤, no-break space, word joiner, →, …), homophones (包→苞, 过→国, 试→式, 领→岭/令,
  修→休, 费→废, 代→黛), component splits (试→讠式, 领→令页, 租→禾且, 教→孝攵, 费→弗贝, 退→艮辶) and
  traditional forms (試, 領, 書, 遠, 費), tone numbers as in `holdout3`, and pinyin styles only it draws
  (Bao Guo, bao'guo, baoGuo, BĀO GUÒ; one character as GUO or Guò). Its ordinary lines lean on the hard
  cases: 替考/代考 in court news and in the texts of the criminal law and exam rules, 挂证 punished in
  news and refused in a job post, 挂靠 of taxis and research groups, 包过江, 参保过, 急速成冰, 加速成网,
  小笼包过, 年代考证, 交代考场, 代替考试成绩, 替考场外, 拿证明, 免考 of PE and self-study exams, 拿证 at
  the vehicle office and in driving-licence years, 速成证书 refused by an employer, ministries and
  中国/中华/全国/国家 in notices, news and job posts.
- `holdout7.tsv` was written in the seventh session by a writer who had not seen the matcher's rules or
  any pool's misses, before anyone scored `holdout7`: figures only. Like `holdout6` it has its own
  certificate names (occupations advertised in 2025–2026: 低空飞行器操控员, 生成式人工智能应用员, 储能电站
  运维员, 民宿管家 …), tails, context phrases (政府主推, 国家认可, 可查可验, 岗位合格证, 职业技能等级证书),
  ordinary sentences, reports, prefixes and ad templates, and key phrasings only it draws (签约保过,
  30天出证, 不过退学费, 人证分离, 原人事部颁发, 线上助考), its own separators (soft hyphen, thin space,
  zero-width no-break space, zero-width non-joiner, ◆, ✔, ～, ；, 👉), homophones (签→千/迁, 约→月,
  保→堡, 学→雪, 离→梨/璃, 助→住/祝, 线→现, 出→初, 颁→斑, 分→芬, 事→市, 退→推, 过→郭, 证→睁),
  component splits (签→⺮佥, 约→纟勺, 保→亻呆, 助→且力, 线→纟戋, 分→八刀, 原→厂泉) and traditional forms
  (簽, 約, 學, 離, 線), tone numbers as in `holdout3`, and pinyin styles only it draws (bao_guo, Bāo Guò,
  BAO1 GUO4; one character as GUÒ or Guo4). Its ordinary lines lean on the hard cases: 原人事部 in the
  texts of the 2008 reform and of still-valid old certificates, 部颁标准, 原人事局, 人证核验/人证合一 at
  stations, exam halls and in a job post refusing 挂证, 爱心助考 at the gaokao, 线上考试, 检测报告出证,
  房产证 and 不动产权证书 waits, 学不过来/退学费, 签约保姆/签约保洁/签约保险, 手机三包过期, 面包过夜,
  速成 in cooking and fitness, 挂靠 of lorries and private cars, 挂职, 内部推荐 by a classmate,
  政府主推 trade-in subsidies, 可查可验 anti-counterfeit codes, 全国通用 fuel cards and ration coupons,
  国家认可 degrees, certificates asked for in job posts (岗位合格证, 无人机操控员执照, C证), and cheating
  and forged certificates punished in news.
- `holdout8.tsv` was written in the ninth session by a writer who had not seen the matcher's rules or
  any pool's misses, before anyone scored `holdout8`: figures only. Like `holdout7` it has its own
  certificate names (occupations advertised in 2026: 数据标注员, 睡眠健康管理师, 情绪疗愈师, AI提示词工程师,
  宠物殡葬师, 飞盘教练, 充电桩运维员 …), tails, context phrases (上岗必须, 国网可查, 内部名额, 月入过万,
  官方直发, 终身有效), ordinary sentences, reports, prefixes and ad templates, and key phrasings only it
  draws (包通过, 本人无需到场, 没过退全款, 两周拿证, 小白包拿证, 原劳动部发证), its own separators (en space,
  narrow no-break space, Hangul filler, invisible separator, ▪, ✿, ︱, ・, 🔹), homophones (通→同/桶,
  没→梅/媒, 两→亮, 周→州/舟, 小→晓, 白→百, 劳→牢, 动→洞, 本→苯, 无→吴, 需→须, 到→道, 场→厂, 证→郑,
  包→胞, 过→裹, 退→腿, 代→戴, 替→惕, 款→宽, 拿→呐), component splits (通→甬辶, 没→氵殳, 动→云力,
  到→至刂, 需→雨而) and traditional forms (沒, 兩, 勞, 動, 無, 場), tone numbers as in `holdout3`, and
  pinyin styles only it draws (BAO GUO, Baoguo, bao·guo; one character as GUO4 or （guo）). Its ordinary
  lines lean on the hard cases: 包通过 of luggage and carry-on bags, 本人无需到场 in online social-security
  and lawyer-agency services and 本人到场 in exam rules, 没过…退全款 of presale orders and seven-day
  returns, 不过退款 in a refund chat, 两周拿证 of an expedited passport, 小白包拿来装证件 in a review, 原劳动部
  in the 1994 wage rules and of still-valid old certificates, 红包过/快递包过/开包过/质保过期/包过夜, 交代考前,
  新一代考古, 三代考古人, 替考上大学, 替代考试, 迅速成核 and 液氮速成冰淇淋, 内部推荐名额 in HR rules, 挂靠
  of van fleets, research centres and in a legal question, 月入过万 and 高薪 in genuine job posts, job
  posts asking for real certificates, processing times with 出证/出具 (公证书, 健康证, 食品经营许可证,
  学历认证), 全国通用 charging plugs and takeaway vouchers, and ministries and 中国/中华/全国/国家 in
  notices and news.
- `holdout9.tsv` was written in the twelfth session by a writer who had not seen the matcher's rules or
  any pool's misses, before anyone scored `holdout9`: figures only. Like `holdout8` it has its own
  certificate names (occupations advertised in late 2026: 具身智能训练师, 人形机器人装调员, 大模型应用开发
  工程师, 体重管理师, 医疗护理员, 适老化改造评估师, 碳足迹核算员, 氢能设备运维员, 换电站运维员 …), tails,
  context phrases (国家职业资格, 中级职业技能等级, 上岗必备, 内推直通车, 中国字头, 国家统一颁证, 躺收补贴,
  包分配, 年薪四十万起), ordinary sentences, reports, prefixes and ad templates, and key phrasings only it
  draws (一次稳过, 专人替考, 不过全额返还, 5天证书到手, 无需考试出证, 挂证躺赚, 原信息产业部颁证), its own
  separators (em space, medium mathematical space, invisible times, hair space, ▲, ¦, ◇, ∙, 🔸),
  homophones (稳→吻/紊, 次→刺, 专→砖, 返→反, 还→环, 躺→淌/倘, 赚→撰, 信→衅, 息→熄/夕, 产→铲, 业→叶/页,
  书→殊, 手→首, 替→嚏, 过→帼, 证→诤, 全→泉, 额→鹅, 试→视, 颁→般, 人→仁, 到→稻, 需→虚, 无→吾, 天→添,
  原→源, 部→步), component splits (稳→禾急, 赚→贝兼, 躺→身尚, 信→亻言, 返→反辶, 还→不辶, 息→自心,
  次→冫欠) and traditional forms (穩, 專, 還, 賺, 產, 業), tone numbers as in `holdout3`, and pinyin
  styles only it draws (bao.guo, Bao1Guo4, bāo-guò; one character as [guo] or 【guo】). Its ordinary
  lines lean on the hard cases: 一次稳过 of a driving test, 专人替考生保管手机/核对准考证 at exam halls,
  不过全额返还 of deposits and seven-day returns, 5天证件就到手 of a travel permit, 换证无需考试…当场出证 of
  driving licences, 躺赚 in a finance chat, 挂证件袋/挂证件的挂绳/挂着证书, 原信息产业部 in the 2008 reform
  and of still-valid telecom licences, 原邮电部 and 原铁道部, 帆布包过水/礼包过了中秋/斜挎包过于小巧,
  新时代考古/宋代考古/汉代考古, 速成 in air-fryer recipes, 挂靠 of muck trucks and refrigerated lorries,
  上岗必须 in safety rules and a genuine job post, 零基础 in hobbies and job posts, 内部推荐 to a hospital,
  月入过万 doubted, genuine job posts asking for real certificates (医疗护理员培训合格证明, 低压电工作业
  操作证) or refusing 挂证/挂靠, processing times with 拿证/出证 (护照, 港澳通行证, 居住证, 出生医学证明,
  教师资格证书), 全国通用 special-operations certificates, and ministries and 中国/中华/全国/国家 in
  notices and news.
- `holdout10.tsv` was written in the twelfth session by a writer who had not seen the matcher's rules or
  any pool's misses, before anyone scored `holdout10`; sealed: its content was not described to anyone
  before scoring. Like `holdout9` it has its own certificate names (occupations advertised in late 2026:
  老年助浴师, 智能体开发工程师, 算力调度运维员, 微短剧编导师, 动力电池回收员, 数据合规师, 婴幼儿睡眠指导师,
  银发旅居规划师, 虚拟电厂运营员, 康复辅助器具适配师 …), tails, context phrases (国家一级职业资格, 走遍全国都能用,
  政府大力扶持, 零门槛速通班, 内定名额, 没这个证不让上岗, 包安置, 年入三十万, 中华人民共和国国徽, 双章认证,
  原国家劳动和社会保障部钢印, 高级职业技能等级, 国家部委联合发证), ordinary sentences, reports, prefixes and
  ad templates, and key phrasings only it draws (保证通过, 全程帮考, 不过不收费, 一周内发证, 报名即发证,
  挂靠不坐班, 原卫生部颁证), its own separators (three-per-em space, four-per-em space, punctuation space,
  function application, ✦, ‧, ▸, ♪, 🔺), homophones (保→饱, 证→蒸, 通→桐, 过→蝈, 全→拳, 程→呈, 帮→邦/梆,
  考→铐, 收→守, 费→沸, 一→衣, 周→粥, 发→伐, 报→豹/抱, 名→明/鸣, 即→及/吉, 挂→呱, 靠→犒, 坐→座/做,
  班→搬, 原→圆, 卫→为/未, 生→声/升, 部→簿, 颁→扳, 替→悌, 代→玳), component splits (帮→邦巾, 坐→从土,
  即→艮卩, 名→夕口, 全→人王) and traditional forms (幫, 內, 週, 報, 衛), tone numbers as in `holdout3`, and
  pinyin styles only it draws (BAO-GUO, bao1-guo4, Bāoguò; one character as 「guo」 or (guò)). Its
  ordinary lines lean on the hard cases: 保证通过率 and 保证通过3C认证, 全程帮考生指路, 不过不收费的停车位
  and 修不好不收费, 一周内发证 of business licences, 完赛即发证书 and 报名即发号码布, 不坐班 of university
  teachers, writers and a part-time lecturer post, 原卫生部颁发 of still-valid doctors' certificates and of
  the 2006 rules, 原卫生部 in the 2013 reform, 逢考必过 as a wish, 鼓包过的充电宝/电池鼓包过, 公文包过了一年,
  菜包过笼, 春卷皮包过馅/饺子包过馅, 清代考棚, 富二代考上/富二代考公, 速成 in cooking, 零门槛 in hobbies,
  挂靠 of mixer trucks and dangerous-goods lorries, 内推 in genuine referrals, 年薪三十万起 in a genuine job
  post, genuine job posts asking for real certificates (健康证, 护士执业证书, 特种设备安全管理人员证) or
  refusing 挂证/挂靠, processing times (结婚证 当场, 身份证 60日, 护照, 医疗机构执业许可证), cheating and
  forged certificates punished in news, and ministries and 中国/中华/全国/国家 in notices and news.
- `holdout11.tsv` was written in the twelfth session by a writer who had not seen the matcher's rules or
  any pool's misses, before anyone scored `holdout11`; sealed: its content was not described to anyone
  before scoring. Like `holdout10` it has its own certificate names (occupations advertised in 2026:
  农业无人机植保员, 智能座舱测试员, 碳资产管理师, AI绘画设计师, 认知症照护师, 安宁疗护师, 遗物整理师,
  匹克球教练, 桨板教练, 数据资产评估师, AIGC视频制作员, 孤独症康复教师, 私域流量运营师, 声音疗愈师,
  四足机器人运维员, 低空物流配送员), tails, context phrases (印着“中华人民共和国职业资格证书”, 政府重点推广,
  零基础十天速成, 熟人内部操作, 包推荐进大厂, 上岗必须的, 等同国家职业技能等级高级工, 挂靠到咨询公司名下,
  中国职业技能鉴定中心监制, 车企定向招聘, 全国认可, 工信部和商务部公章, 政府主导推广, 无证一律不能上岗,
  内推名额, 月入一万二), ordinary sentences, reports, prefixes and ad templates, and key phrasings only it
  draws (百分百拿证, 考试枪替, 未通过无条件退费, 48小时加急出证, 当月考当月拿证, 免笔试免实操,
  闲置证书挂靠变现, 原建设部颁发), its own separators (figure space, six-per-em space, invisible plus,
  combining grapheme joiner, ◎, ☞, ✪, ⁄, 🔶), homophones (百→柏/摆, 分→纷/氛, 拿→纳/钠, 证→征/筝, 考→栲,
  试→室/士, 枪→腔/锵, 替→倜, 未→味/畏, 通→铜/童, 过→馃/椁, 无→舞/雾, 条→跳/迢, 件→见/舰, 退→颓, 费→飞/菲,
  小→筱, 时→石/识, 加→佳/嘉, 急→极/集, 出→厨/除, 当→铛, 月→悦/粤, 免→缅/冕, 笔→比/币, 实→湿/拾, 操→糙,
  闲→咸/贤, 置→志/智, 书→淑/梳, 挂→瓜/刮, 变→遍/便, 现→县/献, 原→元/缘, 建→健/剑, 设→射/摄, 部→埠/怖,
  颁→伴/扮, 发→阀/乏, 包→褒/孢, 代→待/怠, 天→田/甜, 基→积/姬, 础→楚, 零→铃/龄, 人→壬/任, 社→舍/赦,
  款→髋), component splits (加→力口, 时→日寸, 件→亻牛, 闲→门木, 现→王见, 设→讠殳, 笔→竹毛, 操→扌喿,
  置→罒直, 急→刍心) and traditional forms (時, 條, 實, 閑, 變, 現, 設, 筆, 當), tone numbers as in
  `holdout3`, and pinyin styles only it draws (bao/guo, Bao-Guo, bao1.guo4; one character as 『guo』 or
  〔guò〕). Its ordinary lines lean on the hard cases: 百分百纯棉/百分百果汁 and 百分百拿证 doubted at a
  driving school, 水枪替换喷头/胶枪替换胶棒/焊枪替换导电嘴 and 射击考试枪替换, 审核未通过…退还 of exam
  fees, 未发货…无条件退款 and gym cards 无条件退费, 未通过安检, 48小时出证 of real-estate registration and
  加急出证明 of an employment certificate, 当月考勤当月结算 and 当月下单当月发货, 科目四当天拿证, 免笔试 of
  doctorate holders in public recruitment, 免打孔免安装, 闲置物品变现 on second-hand platforms, 悬挂证照 in
  shops, 原建设部 in the 2008 reform, of still-valid old certificates and as a place name, 替考生/替考古队,
  这一代考生, 双肩包过安检/托特包过肩/包子包过/面包过敏, 挂靠 refused by a logistics firm, 内部推荐 in a
  genuine referral, 高薪 and 年薪三十万起 in genuine job posts, genuine job posts asking for real
  certificates (养老护理员职业技能等级证书, 护士执业证书, 一级注册建造师, 民用无人机操控员执照, 资产评估师,
  游泳救生员国家职业资格证书, 特种作业操作证) or refusing 挂证/挂靠, processing times of official documents,
  refunds in shopping, cheating and forged certificates punished in news, and ministries and
  中国/中华/全国/国家 in notices and news.
- `holdout12.tsv` was written in a later session by a writer who had not seen the matcher's rules or any
  pool's misses, before anyone scored `holdout12`; sealed: its content was not described to anyone
  before scoring. Like `holdout11` it has its own certificate names (occupations advertised in 2027),
  tails, context phrases, ordinary sentences, reports, prefixes and ad templates, and key phrasings only
  it draws: the promises of the 2022 notice (a sure pass, a refund if failed, a certificate mailed within
  days, a certificate without an exam, someone sitting the exam for you, certificates lent out, a
  certificate with no effort, a former ministry as issuer) paraphrased in colloquial wording of its own.
  It has its own separators (blank and filler characters, dot leaders, symbols and an emoji),
  homophones, component splits and traditional or variant forms, tone numbers as in `holdout3`, and
  pinyin styles only it draws (bao+guo, bāo·guò, Bao1 Guo4; one character as 《guo》 or {guò}). Its
  context phrases lean on jobs that require the certificate, government money, ministry seals, national
  recognition, internal connections, fast courses, affiliation income and high salaries. Its ordinary
  lines lean on the hard cases: its own key phrasings in genuine parent chats, driving tests, customs and
  refunds, licence mailing, web-certificate hosting, still-valid old permits of a former ministry and
  participation certificates; the shared short phrases inside ordinary words and in news, notices, job
  posts and chats; genuine job posts asking for real certificates or refusing 挂证/挂靠; processing
  times; and ministries and 中国/中华/全国/国家 in notices and news.

Columns: label, kind, text. Labels:
- `ad`: a knock-off certificate ad; it must be flagged (review or block). The kind says which evasion
  the key phrase uses: plain, disguise (separators, traditional, full-width), pinyin_full (the whole
  phrase in pinyin, with or without tones or spaces), pinyin_char (one character in pinyin), pinyin_initial
  (a pinyin initial in place of or before a character), homophone (same syllable, another character),
  split (a character written as its two components), context (a short phrase that only counts next to a
  certificate word).
- `ordinary`: news, e-commerce, chat, official notices, job posts, traps (ordinary uses of the short
  phrases and homophones), latin (pinyin or English); it must pass.
- `report`: a news report, rules page or anti-fraud warning that quotes the phrases; it must not be
  blocked (at most review).

The pinyin written here is hand-written test data, independent of the dictionary the matcher uses.
Deterministic: `python3 datasets/terms_eval/generate.py` rewrites every file identically.
"""

import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent

# Per key character: full pinyin (toneless), with tone mark, and split (component) forms.
PINYIN = {
    "包": ("bao", "bāo"), "过": ("guo", "guò"), "代": ("dai", "dài"), "考": ("kao", "kǎo"),
    "替": ("ti", "tì"), "挂": ("gua", "guà"), "证": ("zheng", "zhèng"), "不": ("bu", "bù"),
    "退": ("tui", "tuì"), "拿": ("na", "ná"), "零": ("ling", "líng"), "基": ("ji", "jī"),
    "础": ("chu", "chǔ"), "天": ("tian", "tiān"), "人": ("ren", "rén"), "社": ("she", "shè"),
    "部": ("bu", "bù"), "颁": ("ban", "bān"), "发": ("fa", "fā"), "速": ("su", "sù"),
    "成": ("cheng", "chéng"), "靠": ("kao", "kào"), "款": ("kuan", "kuǎn"), "原": ("yuan", "yuán"),
    "事": ("shi", "shì"), "出": ("chu", "chū"), "全": ("quan", "quán"), "费": ("fei", "fèi"),
    # Only in holdout4's key phrasings (no earlier key has them, so the earlier draws are unchanged).
    "额": ("e", "é"), "统": ("tong", "tǒng"), "一": ("yi", "yī"),
    # Only in holdout5's key phrasings (likewise absent from every earlier key).
    "免": ("mian", "miǎn"), "下": ("xia", "xià"), "直": ("zhi", "zhí"), "接": ("jie", "jiē"),
    "兼": ("jian", "jiān"), "职": ("zhi", "zhí"), "枪": ("qiang", "qiāng"), "手": ("shou", "shǒu"),
    # Only in holdout6's key phrasings (likewise absent from every earlier key).
    "试": ("shi", "shì"), "领": ("ling", "lǐng"), "重": ("chong", "chóng"), "修": ("xiu", "xiū"),
    "远": ("yuan", "yuǎn"), "程": ("cheng", "chéng"), "书": ("shu", "shū"), "租": ("zu", "zū"),
    "教": ("jiao", "jiào"), "育": ("yu", "yù"),
    # Only in holdout7's key phrasings (likewise absent from every earlier key).
    "签": ("qian", "qiān"), "约": ("yue", "yuē"), "保": ("bao", "bǎo"), "学": ("xue", "xué"),
    "分": ("fen", "fēn"), "离": ("li", "lí"), "线": ("xian", "xiàn"), "上": ("shang", "shàng"),
    "助": ("zhu", "zhù"),
    # Only in holdout8's key phrasings (likewise absent from every earlier key).
    "通": ("tong", "tōng"), "没": ("mei", "méi"), "两": ("liang", "liǎng"), "周": ("zhou", "zhōu"),
    "小": ("xiao", "xiǎo"), "白": ("bai", "bái"), "劳": ("lao", "láo"), "动": ("dong", "dòng"),
    "本": ("ben", "běn"), "无": ("wu", "wú"), "需": ("xu", "xū"), "到": ("dao", "dào"),
    "场": ("chang", "chǎng"),
    # Only in holdout9's key phrasings (likewise absent from every earlier key).
    "稳": ("wen", "wěn"), "次": ("ci", "cì"), "专": ("zhuan", "zhuān"), "返": ("fan", "fǎn"),
    "还": ("huan", "huán"), "躺": ("tang", "tǎng"), "赚": ("zhuan", "zhuàn"), "信": ("xin", "xìn"),
    "息": ("xi", "xī"), "产": ("chan", "chǎn"), "业": ("ye", "yè"),
    # Only in holdout10's key phrasings (likewise absent from every earlier key).
    "帮": ("bang", "bāng"), "收": ("shou", "shōu"), "内": ("nei", "nèi"), "报": ("bao", "bào"),
    "名": ("ming", "míng"), "即": ("ji", "jí"), "坐": ("zuo", "zuò"), "班": ("ban", "bān"),
    "卫": ("wei", "wèi"), "生": ("sheng", "shēng"),
    # Only in holdout11's key phrasings (likewise absent from every earlier key).
    "百": ("bai", "bǎi"), "未": ("wei", "wèi"), "条": ("tiao", "tiáo"), "件": ("jian", "jiàn"),
    "时": ("shi", "shí"), "加": ("jia", "jiā"), "急": ("ji", "jí"), "当": ("dang", "dāng"),
    "月": ("yue", "yuè"), "笔": ("bi", "bǐ"), "实": ("shi", "shí"), "操": ("cao", "cāo"),
    "闲": ("xian", "xián"), "置": ("zhi", "zhì"), "变": ("bian", "biàn"), "现": ("xian", "xiàn"),
    "建": ("jian", "jiàn"), "设": ("she", "shè"),
    # Only in holdout12's key phrasings (likewise absent from every earlier key).
    "你": ("ni", "nǐ"), "把": ("ba", "bǎ"), "了": ("le", "le"), "寄": ("ji", "jì"), "也": ("ye", "yě"),
    "托": ("tuo", "tuō"), "管": ("guan", "guǎn"), "文": ("wen", "wén"), "化": ("hua", "huà"),
    "着": ("zhe", "zhe"), "十": ("shi", "shí"),
}
SPLITS = {"证": ["訁正", "讠正", "言正"], "挂": ["扌圭"], "考": ["耂丂"], "拿": ["合手"],
          "靠": ["告非"], "包": ["勹巳"]}
HOMOPHONES = {"包": ["宝", "保"], "代": ["带", "岱"], "考": ["烤", "拷"], "挂": ["卦", "褂"],
              "证": ["正", "政", "症"], "拿": ["那", "哪"], "替": ["剃", "屉"], "退": ["蜕", "褪"]}

# High-severity key phrases (written with 3 for the number) and the characters an evasion may touch.
KEYS = ["包过", "代考", "替考", "挂证", "不过包退", "包拿证", "零基础包拿证", "3天拿证", "人社部颁发",
        "不过退款"]

# What holdout4, holdout5, holdout6, holdout7, holdout8, holdout9, holdout10, holdout11 and holdout12 (only) add
# to the tables above: key phrasings, separators, homophones, splits and traditional forms of their own. The other
# pools draw exactly as before.
POOL_KEYS = {"holdout4": KEYS + ["7天拿证", "0基础包拿证", "考不过全额退款", "人社部统一颁发"],
             "holdout5": KEYS + ["免考拿证", "15天下证", "包考包过", "人社部直接发证", "挂证兼职", "替考枪手"],
             "holdout6": KEYS + ["免试领证", "不过免费重修", "20天领证", "远程代考", "证书出租", "教育部颁发"],
             "holdout7": KEYS + ["签约保过", "30天出证", "不过退学费", "人证分离", "原人事部颁发", "线上助考"],
             "holdout8": KEYS + ["包通过", "本人无需到场", "没过退全款", "两周拿证", "小白包拿证", "原劳动部发证"],
             "holdout9": KEYS + ["一次稳过", "专人替考", "不过全额返还", "5天证书到手", "无需考试出证", "挂证躺赚",
                                 "原信息产业部颁证"],
             "holdout10": KEYS + ["保证通过", "全程帮考", "不过不收费", "一周内发证", "报名即发证", "挂靠不坐班",
                                  "原卫生部颁证"],
             "holdout11": KEYS + ["百分百拿证", "考试枪替", "未通过无条件退费", "48小时加急出证", "当月考当月拿证",
                                  "免笔试免实操", "闲置证书挂靠变现", "原建设部颁发"],
             "holdout12": KEYS + ["包你一把过", "过不了全退", "十天内寄证", "不考也发证", "替你上考场", "证书托管",
                                  "躺着拿证", "原文化部颁发"]}
POOL_SEPARATORS = {"holdout4": ["/", ".", "~", "丨", "_", "*", "♥", "\u3000", "、"],
                   "holdout5": ["+", "#", "=", "—", "✨", "☆", "\u2022", "\u200d", "^"],
                   "holdout6": ["|", "❤", "\u00a0", "\u2060", "→", "…", "○", ",", "🌟"],
                   "holdout7": ["\u00ad", "\u2009", "\ufeff", "\u200c", "◆", "✔", "～", "；", "👉"],
                   "holdout8": ["\u2002", "\u202f", "\u3164", "\u2063", "▪", "✿", "︱", "・", "🔹"],
                   "holdout9": ["\u2003", "\u205f", "\u2062", "\u200a", "▲", "¦", "◇", "∙", "🔸"],
                   "holdout10": ["\u2004", "\u2005", "\u2008", "\u2061", "✦", "‧", "▸", "♪", "🔺"],
                   "holdout11": ["\u2007", "\u2006", "\u2064", "\u034f", "◎", "☞", "✪", "⁄", "🔶"],
                   "holdout12": ["\u2800", "\u115f", "\u180e", "\u2024", "･", "※", "♡", "✧", "💠"]}
POOL_HOMOPHONES = {"holdout4": {"证": ["挣"], "过": ["果"], "颁": ["班"], "基": ["鸡"], "础": ["出"]},
                   "holdout5": {"包": ["煲"], "过": ["锅"], "代": ["贷", "袋"], "替": ["涕"], "社": ["设"],
                                "部": ["布"], "下": ["吓"], "免": ["勉"], "证": ["铮"], "职": ["值"]},
                   "holdout6": {"包": ["苞"], "过": ["国"], "拿": ["娜"], "试": ["式", "适"], "领": ["岭", "令"],
                                "修": ["休"], "费": ["废"], "远": ["苑"], "书": ["舒"], "租": ["祖"],
                                "育": ["玉"], "代": ["黛"]},
                   "holdout7": {"签": ["千", "迁"], "约": ["月"], "保": ["堡"], "学": ["雪"], "离": ["梨", "璃"],
                                "助": ["住", "祝"], "线": ["现"], "出": ["初"], "颁": ["斑"], "分": ["芬"],
                                "事": ["市"], "退": ["推"], "过": ["郭"], "证": ["睁"]},
                   "holdout8": {"通": ["同", "桶"], "没": ["梅", "媒"], "两": ["亮"], "周": ["州", "舟"],
                                "小": ["晓"], "白": ["百"], "劳": ["牢"], "动": ["洞"], "本": ["苯"], "无": ["吴"],
                                "需": ["须"], "到": ["道"], "场": ["厂"], "证": ["郑"], "包": ["胞"], "过": ["裹"],
                                "退": ["腿"], "代": ["戴"], "替": ["惕"], "款": ["宽"], "拿": ["呐"]},
                   "holdout9": {"稳": ["吻", "紊"], "次": ["刺"], "专": ["砖"], "返": ["反"], "还": ["环"],
                                "躺": ["淌", "倘"], "赚": ["撰"], "信": ["衅"], "息": ["熄", "夕"], "产": ["铲"],
                                "业": ["叶", "页"], "书": ["殊"], "手": ["首"], "替": ["嚏"], "过": ["帼"],
                                "证": ["诤"], "全": ["泉"], "额": ["鹅"], "试": ["视"], "颁": ["般"], "人": ["仁"],
                                "到": ["稻"], "需": ["虚"], "无": ["吾"], "天": ["添"], "原": ["源"], "部": ["步"]},
                   "holdout10": {"保": ["饱"], "证": ["蒸"], "通": ["桐"], "过": ["蝈"], "全": ["拳"], "程": ["呈"],
                                 "帮": ["邦", "梆"], "考": ["铐"], "收": ["守"], "费": ["沸"], "一": ["衣"],
                                 "周": ["粥"], "发": ["伐"], "报": ["豹", "抱"], "名": ["明", "鸣"], "即": ["及", "吉"],
                                 "挂": ["呱"], "靠": ["犒"], "坐": ["座", "做"], "班": ["搬"], "原": ["圆"],
                                 "卫": ["为", "未"], "生": ["声", "升"], "部": ["簿"], "颁": ["扳"], "替": ["悌"],
                                 "代": ["玳"]},
                   "holdout11": {"百": ["柏", "摆"], "分": ["纷", "氛"], "拿": ["纳", "钠"], "证": ["征", "筝"],
                                 "考": ["栲"], "试": ["室", "士"], "枪": ["腔", "锵"], "替": ["倜"], "未": ["味", "畏"],
                                 "通": ["铜", "童"], "过": ["馃", "椁"], "无": ["舞", "雾"], "条": ["跳", "迢"],
                                 "件": ["见", "舰"], "退": ["颓"], "费": ["飞", "菲"], "小": ["筱"], "时": ["石", "识"],
                                 "加": ["佳", "嘉"], "急": ["极", "集"], "出": ["厨", "除"], "当": ["铛"],
                                 "月": ["悦", "粤"], "免": ["缅", "冕"], "笔": ["比", "币"], "实": ["湿", "拾"],
                                 "操": ["糙"], "闲": ["咸", "贤"], "置": ["志", "智"], "书": ["淑", "梳"],
                                 "挂": ["瓜", "刮"], "变": ["遍", "便"], "现": ["县", "献"], "原": ["元", "缘"],
                                 "建": ["健", "剑"], "设": ["射", "摄"], "部": ["埠", "怖"], "颁": ["伴", "扮"],
                                 "发": ["阀", "乏"], "包": ["褒", "孢"], "代": ["待", "怠"], "天": ["田", "甜"],
                                 "基": ["积", "姬"], "础": ["楚"], "零": ["铃", "龄"], "人": ["壬", "任"],
                                 "社": ["舍", "赦"], "款": ["髋"]},
                   "holdout12": {"你": ["拟"], "把": ["靶", "钯"], "全": ["诠", "痊"], "退": ["煺"], "寄": ["记", "季"],
                                 "也": ["野", "冶"], "发": ["筏"], "上": ["尚", "晌"], "场": ["敞", "昶"],
                                 "托": ["拖", "脱"], "管": ["馆", "莞"], "书": ["抒", "输"], "文": ["闻", "纹"],
                                 "化": ["画", "话"], "颁": ["瘢"], "原": ["园", "袁"], "部": ["捕"], "着": ["这"],
                                 "十": ["什"], "天": ["填", "阗"], "证": ["怔", "峥"], "过": ["虢", "腘"],
                                 "包": ["龅"], "替": ["逖"], "挂": ["诖"], "零": ["伶", "苓"], "基": ["箕", "畸"],
                                 "础": ["杵", "褚"]}}
POOL_SPLITS = {"holdout4": {"颁": ["分页"], "部": ["咅阝"], "额": ["客页"]},
               "holdout5": {"枪": ["木仓"], "职": ["耳只"], "代": ["亻弋"], "过": ["辶寸"], "社": ["礻土"],
                            "接": ["扌妾"]},
               "holdout6": {"试": ["讠式"], "领": ["令页"], "租": ["禾且"], "程": ["禾呈"], "教": ["孝攵"],
                            "远": ["辶元"], "退": ["艮辶"], "费": ["弗贝"]},
               "holdout7": {"签": ["⺮佥"], "约": ["纟勺"], "保": ["亻呆"], "助": ["且力"], "线": ["纟戋"],
                            "分": ["八刀"], "原": ["厂泉"]},
               "holdout8": {"通": ["甬辶"], "没": ["氵殳"], "动": ["云力"], "到": ["至刂"], "需": ["雨而"]},
               "holdout9": {"稳": ["禾急"], "赚": ["贝兼"], "躺": ["身尚"], "信": ["亻言"], "返": ["反辶"],
                            "还": ["不辶"], "息": ["自心"], "次": ["冫欠"]},
               "holdout10": {"帮": ["邦巾"], "坐": ["从土"], "即": ["艮卩"], "名": ["夕口"], "全": ["人王"]},
               "holdout11": {"加": ["力口"], "时": ["日寸"], "件": ["亻牛"], "闲": ["门木"], "现": ["王见"],
                             "设": ["讠殳"], "笔": ["竹毛"], "操": ["扌喿"], "置": ["罒直"], "急": ["刍心"]},
               "holdout12": {"你": ["亻尔"], "把": ["扌巴"], "托": ["扌乇"], "管": ["⺮官"], "化": ["亻匕"],
                             "寄": ["宀奇"], "颁": ["分頁"], "础": ["石出"], "基": ["其土"], "零": ["雨令"]}}
POOL_TRAD = {"holdout4": {"统": "統", "额": "額", "颁": "頒"},
             "holdout5": {"职": "職", "枪": "槍"},
             "holdout6": {"试": "試", "领": "領", "书": "書", "远": "遠", "费": "費"},
             "holdout7": {"签": "簽", "约": "約", "学": "學", "离": "離", "线": "線"},
             "holdout8": {"没": "沒", "两": "兩", "劳": "勞", "动": "動", "无": "無", "场": "場"},
             "holdout9": {"稳": "穩", "专": "專", "还": "還", "赚": "賺", "产": "產", "业": "業"},
             "holdout10": {"帮": "幫", "内": "內", "周": "週", "报": "報", "卫": "衛"},
             "holdout11": {"时": "時", "条": "條", "实": "實", "闲": "閑", "变": "變", "现": "現", "设": "設",
                           "笔": "筆", "当": "當"},
             "holdout12": {"托": "託", "证": "証", "着": "著"}}
# Pinyin styles a pool draws besides the shared ones (holdout5: BaoGuo, bāoguò, bao-guo; one character
# capitalised as Guo; holdout6: Bao Guo, bao'guo, baoGuo, BĀO GUÒ; one character as GUO or Guò; holdout7:
# bao_guo, Bāo Guò, BAO1 GUO4; one character as GUÒ or Guo4; holdout8: BAO GUO, Baoguo, bao·guo; one
# character as GUO4 or （guo）; holdout9: bao.guo, Bao1Guo4, bāo-guò; one character as [guo] or 【guo】;
# holdout10: BAO-GUO, bao1-guo4, Bāoguò; one character as 「guo」 or (guò); holdout11: bao/guo, Bao-Guo,
# bao1.guo4; one character as 『guo』 or 〔guò〕; holdout12: bao+guo, bāo·guò, Bao1 Guo4; one character as
# 《guo》 or {guò}).
# Only that pool's draws change.
POOL_EXTRA_PINYIN = {"holdout5": ["BaoGuo", "bāoguò", "bao-guo"],
                     "holdout6": ["Bao Guo", "bao'guo", "baoGuo", "BĀO GUÒ"],
                     "holdout7": ["bao_guo", "Bāo Guò", "BAO1 GUO4"],
                     "holdout8": ["BAO GUO", "Baoguo", "bao·guo"],
                     "holdout9": ["bao.guo", "Bao1Guo4", "bāo-guò"],
                     "holdout10": ["BAO-GUO", "bao1-guo4", "Bāoguò"],
                     "holdout11": ["bao/guo", "Bao-Guo", "bao1.guo4"],
                     "holdout12": ["bao+guo", "bāo·guò", "Bao1 Guo4"]}
POOL_EXTRA_PINYIN_CHAR = {"holdout5": ["Guo"], "holdout6": ["GUO", "Guò"], "holdout7": ["GUÒ", "Guo4"],
                          "holdout8": ["GUO4", "（guo）"], "holdout9": ["[guo]", "【guo】"],
                          "holdout10": ["「guo」", "(guò)"], "holdout11": ["『guo』", "〔guò〕"],
                          "holdout12": ["《guo》", "{guò}"]}


def merged(base: dict, extra: dict) -> dict:
    """`base` with `extra`'s forms added after its own (a new list per key; `base` is not touched)."""
    out = {k: list(v) for k, v in base.items()}
    for k, v in extra.items():
        out.setdefault(k, [])
        out[k] = out[k] + list(v)
    return out


POOLS = {
    "holdout": {
        "certs": ["电工证", "焊工证", "心理咨询师证书", "健康管理师", "育婴师证", "叉车证", "营养师证书",
                  "茶艺师证书", "PMP证书", "消防设施操作员", "保育员证", "企业培训师", "物业管理师证",
                  "钳工证", "评茶员证书", "中式烹调师"],
        "tails": ["，名额有限", "，咨询微信同号", "，速来报名", "，联系电话139xxxx8888", "，加V了解详情",
                  "！限时优惠", "，欢迎私信", "，全国可报", "。详询客服", "，本周截止", "🔥🔥", "，先学后付"],
        "context": ["电工证速成班，一个月就能上岗", "速成考证班，周末开课", "内部推荐名额，考证后直接安排",
                    "建造师证书挂靠，一年一付", "考证后高薪入职大厂", "国家级证书，全国通用",
                    "内部推荐报考，名额紧张", "挂靠资质，证书长期有效", "培训合格即可高薪入职",
                    "中华职业技能证书速成", "人社部证书，官网可查", "教育部认证，全网可查"],
    },
    "dev": {
        "certs": ["电梯安全员证", "低压电工证", "母婴护理师", "中医康复理疗师", "家庭教育指导师证",
                  "高级插花师证书", "调酒师证", "建造师", "造价员证书", "安全员C证", "保安员证",
                  "公共营养师", "小儿推拿师证书", "收纳师证", "宠物美容师", "游泳教练证"],
        "tails": ["，先到先得", "，微信同号", "，报名从速", "，电话186xxxx6666", "，私聊了解", "！年底冲刺",
                  "，可开发票", "，线上学习", "。客服在线", "，报满即止", "💯💯", "，分期付款"],
        "context": ["速成班考证，包教包会", "茶艺师证书速成，三周结业", "内部推荐，证书直接下发",
                    "一建证书挂靠，价格面议", "持证上岗，高薪入职", "国家认证技能证书",
                    "内部推荐考试名额", "证书挂靠公司，年薪可观", "结业后高薪入职",
                    "全国通用证书速成", "人保部证书可查", "工信部认证证书"],
    },
}

POOLS["holdout2"] = {
    "certs": ["美容师证", "按摩师证书", "厨师证", "汽修工证", "园林绿化工", "导游证", "心理辅导员证",
              "摄影师证书", "月嫂证", "物流师", "网络安全员证", "无人机驾驶证", "架子工证", "司索工证",
              "眼镜验光员", "整理收纳师"],
    "tails": ["，机会难得", "，扫码进群", "，报名热线400xxxx", "，随到随学", "，加我微信", "！今日特价",
              "，学费可退", "，全国通用哦", "。欢迎咨询", "，仅剩5席", "👍👍", "，支持花呗"],
    "context": ["导游证速成，考试无忧", "月嫂证内部推荐名额，考证加急", "架子工证挂靠企业，证书年审代办",
                "考完证高薪入职五星酒店", "全国统一证书，技能培训", "按摩师证速成培训，七天结业",
                "内部推荐报考通道", "安全员证书挂靠，长期合作", "技能证书+高薪入职", "中华技能等级证书",
                "住建部证书，官网可查", "工信部颁证，全网可查"],
}

POOLS["holdout3"] = {
    "certs": ["化妆师证书", "面点师证", "西式烹调师证", "书法教师证", "瑜伽教练证", "健身教练证书",
              "社会工作者证", "婚姻家庭咨询师", "少儿编程教师证", "电子商务师", "人力资源管理师证",
              "电梯维修工证", "钢筋工证", "直播销售员证", "康复治疗师证书", "早教指导师证"],
    "tails": ["，今晚截止报名", "，详情看主页", "，电话155xxxx2222", "，线下面授", "，老学员推荐有礼",
              "！错过再等一年", "，学费分三期", "。私信领资料", "，名额仅剩3个", "✅✅", "，报名送教材",
              "，周末班可选"],
    "context": ["化妆师证书速成，两周结业", "面点师证内部推荐，免考直接发证", "社会工作者证书挂靠机构，每年补贴",
                "考证后内部推荐，高薪入职", "国家级技能证书，全国范围可用", "瑜伽教练证速成培训，十天拿下",
                "内部渠道报考，名额有限", "二建证书挂靠，价格可谈", "学完高薪入职，证书包邮到家",
                "中国职业技能证书，一站式办理", "应急管理部证书，网上可查", "教育部认证证书，终身有效"],
}

POOLS["holdout4"] = {
    "certs": ["美甲师证", "纹绣师证书", "咖啡师证", "烘焙师证书", "心理健康指导师", "养老护理员证",
              "家政服务员证", "催乳师证", "中药调剂员证", "芳香疗法师证书", "舞蹈教师资格证", "登高作业证",
              "制冷工证", "BIM建模师证书", "数据分析师证书", "跨境电商运营师"],
    "tails": ["，私我发简章", "，还有最后两个名额", "，可对公转账", "，一对一辅导", "！本月开班",
              "，电话177xxxx5151", "。考点可选", "，抖音同名", "🎓🎓", "，学完即可上岗", "，V：zs8866",
              "，报名即送题库"],
    "templates": ["{cert}{claim}{tail}", "{claim}！{cert}{tail}", "{cert}，{claim}{tail}",
                  "【{cert}】{claim}{tail}", "{cert}培训招生，{claim}{tail}", "想考{cert}的看过来，{claim}{tail}"],
    "context": ["美甲师证速成班，三周出师", "养老护理员证内部推荐名额，不用考试直接出证",
                "咖啡师证书挂靠门店，每月补贴八百", "考完烘焙师证，高薪入职星级酒店后厨",
                "国家认证数据分析师证书，全国通用", "纹绣师证速成，零基础十五天结业",
                "内部渠道报名登高作业证，不用排队", "消防工程师证书挂靠，年费面谈",
                "拿到跨境电商运营师证书，轻松高薪入职", "国字头证书，人社部官网可查",
                "人社部备案，证书全国联网可查", "心理健康指导师速成培训，考证无忧",
                "内推名额：催乳师证考完直接安排上户", "全国通用的舞蹈教师资格证，速成班随报随学"],
}

POOLS["holdout5"] = {
    "certs": ["研学旅行指导师证", "健康照护师证", "碳排放管理员证书", "宠物训导员证", "手语翻译员证",
              "人工智能训练师证书", "调饮师证", "陪诊师证", "劳动关系协调员证", "档案管理员证", "防水工证",
              "二手车鉴定评估师证", "形象设计师证书", "老年人能力评估师证", "短视频剪辑师证书", "塔吊司机证"],
    "tails": ["，课程顾问在线答疑", "，戳头像了解", "！前20名立减300", "，QQ群78xxxx12", "，全款再优惠",
              "。老带新各返200", "，电话199xxxx3030", "，直播课+线下实操", "，不限户籍学历", "⭐⭐",
              "，小红书搜同名", "，今天报名明天开课"],
    "templates": ["{cert}火热报名中，{claim}{tail}", "还在为考{cert}发愁？{claim}{tail}", "【{claim}】{cert}{tail}",
                  "{cert}——{claim}{tail}", "宝妈、上班族都能考的{cert}，{claim}{tail}", "本期{cert}开班啦，{claim}{tail}"],
    "context": ["陪诊师证速成班，两个周末就能结课", "健康照护师证还有三个内部名额，报上直接出证",
                "监理工程师证书挂靠施工企业，按年结算", "拿到人工智能训练师证书，毕业即高薪入职互联网大厂",
                "国家认证的碳排放管理员证书，全国各地都认", "调饮师证速成，奶茶店老板都在考",
                "走内部通道报考宠物训导员证，不用排队", "人社部直属机构发证，手语翻译员证全国联网可查",
                "老年人能力评估师证考下来，养老院高薪抢着要", "国字号档案管理员证，全国通用终身有效",
                "研学旅行指导师证速成，十二天出证", "内部推荐名额：塔吊司机证学完直接安排进工地",
                "形象设计师证书报名中，工信部官网可查询", "防水工证挂靠劳务公司，每年坐收三千"],
}

POOLS["holdout6"] = {
    "certs": ["锅炉工证", "汽车美容师证", "室内设计师证书", "托育师证", "服装制版师证", "电子竞技运营师证",
              "新能源汽车维修工证", "农业经理人证", "CAD工程师证书", "酒店管理师证", "中医针灸师证", "美发师证",
              "理财规划师证书", "应急救护员证", "安全评价师证", "网约车驾驶员证"],
    "tails": ["，评论区扣1", "，私信领报名表", "，主页有学员晒证", "，vx：kz2026", "！下周一截止报名",
              "，热线0755-xxxx6688", "，可线上考试", "，老学员八折", "🔔🔔", "，视频号同名", "，三人团报更便宜",
              "。详情见置顶"],
    "templates": ["{cert}不用愁，{claim}{tail}", "📢{cert}招生：{claim}{tail}", "{claim}，{cert}报名进行中{tail}",
                  "在职人员也能考的{cert}，{claim}{tail}", "{cert}最后一期，{claim}{tail}",
                  "有需要{cert}的朋友吗？{claim}{tail}", "专业办理{cert}，{claim}{tail}"],
    "context": ["汽车美容师证速成，学五天就能接单", "托育师证还有内部指标，交钱直接出证",
                "一级造价工程师证书挂靠，一年两万稳稳到手", "考了电子竞技运营师证，俱乐部高薪聘用",
                "国家承认的农业经理人证，全国有效", "美发师证速成班，报名第二天就开课",
                "走内部关系拿酒店管理师证，不用参加考试", "人社部门备案，理财规划师证书全国联网随时可查",
                "安全评价师证书挂靠咨询公司，年费三万起", "应急救护员证有内部渠道，五一前保证出证",
                "中医针灸师证国家承认，拿证就能开馆", "新能源汽车维修工证到手，进4S店月薪轻松过万",
                "CAD工程师证书工信部备案，扫码即可查验", "国家级锅炉工证，全国各省通行"],
}

POOLS["holdout7"] = {
    "certs": ["低空飞行器操控员证", "生成式人工智能应用员证书", "全媒体运营师证", "电动自行车维修工证",
              "光伏电站运维员证", "储能电站运维员证", "殡葬礼仪师证", "产后康复师证书", "葡萄酒品鉴师证书",
              "数字化管理师证书", "供应链管理师证书", "工业机器人运维员证", "民宿管家证", "软装设计师证书",
              "宠物医师助理证", "农产品食品检验员证"],
    "tails": ["，直播间下单有优惠", "，闲鱼私聊", "，抖音橱窗可拍", "，扫码加企业微信", "！名额只剩最后5个",
              "，tel：138xxxx7070", "，支持先学后考", "，学员群每天晒证", "。报名截止3月31日", "🆗🆗",
              "，V信：zs_2026", "，可开增值税发票"],
    "templates": ["【2026新政】{cert}{claim}{tail}", "{cert}政府补贴名额，{claim}{tail}",
                  "闲鱼出：{cert}培训名额，{claim}{tail}", "{claim}！2026年{cert}报名通道已开启{tail}",
                  "刷到就是缘分，{cert}{claim}{tail}", "宝子们，{cert}真的可以考，{claim}{tail}",
                  "招兼职学员：{cert}，{claim}{tail}"],
    "context": ["低空飞行器操控员证政府主推，考下来就能接活", "国家认可的全媒体运营师证，人社官网可查可验",
                "殡葬礼仪师证速成，两周就能上岗", "工业机器人运维员证有内部推荐名额，学完直接进厂",
                "注册电气工程师证书挂靠设计院，一年五万起", "拿了民宿管家证高薪就业，包食宿",
                "职业技能等级证书全国通用，可查可验", "岗位合格证速成，三天培训当场发证",
                "供应链管理师证书国家认可，入库可查", "产后康复师证书政府主推，学完月入两万",
                "光伏电站运维员证走内部推荐，不参加考试也能拿", "人社系统可查可验的数字化管理师证书，全国通用",
                "注册安全工程师证书挂靠，不用到岗坐收年费", "葡萄酒品鉴师证书速成，一个周末就能拿"],
}

POOLS["holdout8"] = {
    "certs": ["数据标注员证", "睡眠健康管理师证书", "情绪疗愈师证书", "AI提示词工程师证书", "宠物殡葬师证",
              "飞盘教练证", "智能网联汽车测试员证", "互联网营销师证书", "碳汇计量评估师证", "中医养生保健师证",
              "艾灸师证", "婚礼策划师证书", "充电桩运维员证", "营养配餐员证", "剧本杀主持人证", "智能楼宇管理员证"],
    "tails": ["，小程序一键报名", "，评论区扣“证”发资料", "！4月特惠价1980", "，企微：hx8899", "，支持京东白条分期",
              "，热线400-xxx-2026", "。每周六直播答疑", "，拿证学员可返现", "🎯🎯", "，快手同名", "，报名送实操视频",
              "，点击左下角咨询"],
    "templates": ["{cert}春季班开课，{claim}{tail}", "转需！{cert}，{claim}{tail}", "【{cert}】不限年龄学历，{claim}{tail}",
                  "{claim}——{cert}考证季火热报名{tail}", "有想考{cert}的姐妹吗？{claim}{tail}",
                  "副业新选择：{cert}，{claim}{tail}", "{cert}官方合作机构招生中，{claim}{tail}"],
    "context": ["数据标注员证上岗必须，没证平台不给派单", "睡眠健康管理师证书速成，两个周末结课就能接咨询",
                "情绪疗愈师证书国家认可，学完月入过万", "AI提示词工程师证书还有内部名额，报上直接安排考核",
                "宠物殡葬师证全国通用，开店必备", "互联网营销师证书政府主推，考下来就能申请补贴",
                "充电桩运维员证持证上岗，高薪就业有保障", "碳汇计量评估师证国网可查，全国通用",
                "中医养生保健师证书挂靠养生馆，每年补贴六千", "艾灸师证走内部渠道，一个月速成",
                "智能网联汽车测试员证书官方直发，车企抢着要", "营养配餐员证学校食堂上岗必须，高薪包就业",
                "婚礼策划师证书国家认可，终身有效"],
}

POOLS["holdout9"] = {
    "certs": ["具身智能训练师证书", "人形机器人装调员证", "大模型应用开发工程师证书", "数字人运营师证书",
              "体重管理师证书", "医疗护理员证", "适老化改造评估师证", "宠物营养师证", "户外露营指导员证",
              "碳足迹核算员证", "氢能设备运维员证", "换电站运维员证", "无人驾驶安全员证", "医美咨询师证书",
              "非遗文创设计师证书", "跨境直播运营师证书"],
    "tails": ["，直播间小黄车可拍", "，评论区回“1”发课表", "！双11特惠价2680", "，vx同号：yz2026k", "，支持抖音月付",
              "，热线021-xxxx9090", "。每晚8点直播答疑", "，老学员介绍立减500", "🚀🚀", "，视频号搜同名",
              "，送三套模拟卷", "，扫码进官方学员群"],
    "templates": ["【双11考证节】{cert}{claim}{tail}", "还没拿到{cert}？{claim}{tail}", "{claim}，{cert}冬季班报名中{tail}",
                  "打工人必看：{cert}，{claim}{tail}", "{cert}官方授权报名点，{claim}{tail}", "私信领{cert}简章，{claim}{tail}",
                  "2027新规前最后一批，{cert}{claim}{tail}"],
    "context": ["具身智能训练师证书属于国家职业资格，全国范围通用", "体重管理师证书零基础速成，二十天结业就能开工作室",
                "医疗护理员证国家规定上岗必备，没证进不了病房", "人形机器人装调员证走内推直通车，考完直接进厂",
                "大模型应用开发工程师证书到手，大厂年薪四十万起", "中国字头的数字人运营师证书，全国各地都承认",
                "宠物营养师证书挂靠宠物医院，每月躺收补贴", "适老化改造评估师证属于中级职业技能等级，全国统一编号可查",
                "碳足迹核算员证国家级认证，速成班一个月拿下", "无人驾驶安全员证拿证即可入职车企，年底前高薪抢人",
                "户外露营指导员证零基础可报，考完营地直接聘用", "氢能设备运维员证书国家统一颁证，终身免年审",
                "医美咨询师证书考完包分配到合作医院，月薪两万起", "换电站运维员证是新版职业技能等级证书，持证就推荐国企岗位"],
}

POOLS["holdout10"] = {
    "certs": ["老年助浴师证", "智能体开发工程师证书", "算力调度运维员证", "微短剧编导师证书", "动力电池回收员证",
              "数据合规师证书", "婴幼儿睡眠指导师证", "银发旅居规划师证", "智能家居安装调试员证", "宠物行为矫正师证书",
              "中医食疗师证书", "心理陪伴师证", "康复辅助器具适配师证", "虚拟电厂运营员证", "直播助播员证",
              "整屋定制设计师证书"],
    "tails": ["，私信暗号“上岸”", "！元旦特惠1880", "，微信搜一搜同名", "，企鹅号：2xxxx6610", "，三人拼团更划算",
              "，热线0571-xxxx3366", "。每周三晚8点直播讲解", "，报名送电子讲义", "🏆🏆", "，B站同名账号",
              "，支持零首付分期", "，12月25日截止报名"],
    "templates": ["【跨年考证季】{cert}{claim}{tail}", "{cert}今年最后一期，{claim}{tail}", "年终冲刺：{cert}，{claim}{tail}",
                  "{claim}！{cert}元旦班火热招生{tail}", "考个{cert}给自己加薪，{claim}{tail}",
                  "{cert}团报通道开启，{claim}{tail}", "退休了也能考的{cert}，{claim}{tail}"],
    "context": ["老年助浴师证书是国家一级职业资格，走遍全国都能用", "智能体开发工程师证书政府大力扶持，拿证再领三千元补贴",
                "算力调度运维员证零门槛速通班，二十天就能结业上岗", "微短剧编导师证书走内定名额，交完费直接安排出证",
                "动力电池回收员证没这个证不让上岗，考完厂里马上要人", "数据合规师证书持证后包安置到央企，年入三十万",
                "婴幼儿睡眠指导师证印有中华人民共和国国徽，全国范围承认", "银发旅居规划师证书人社部和工信部双章认证，终身可查",
                "宠物行为矫正师证书挂出去每年稳拿两万，不用上班", "中医食疗师证书印有原国家劳动和社会保障部钢印，权威有效",
                "心理陪伴师证不看学历不看基础，七天速通就能接单收费", "虚拟电厂运营员证属于高级职业技能等级，持证直接评职称",
                "智能家居安装调试员证考完即推荐进大厂，月薪两万五起", "康复辅助器具适配师证国家部委联合发证，全国联网秒查"],
}

POOLS["holdout11"] = {
    "certs": ["农业无人机植保员证", "智能座舱测试员证书", "碳资产管理师证书", "AI绘画设计师证书", "认知症照护师证",
              "安宁疗护师证", "遗物整理师证", "匹克球教练证", "桨板教练证", "数据资产评估师证书", "AIGC视频制作员证书",
              "孤独症康复教师证", "私域流量运营师证书", "声音疗愈师证书", "四足机器人运维员证", "低空物流配送员证"],
    "tails": ["，主页置顶有报名链接", "！开春特惠1580", "，企业微信：cz2027q", "，支持信用卡分期", "，热线020-xxxx5858",
              "。每周日上午直播答疑", "🌈🌈", "，小红书店铺同名", "，报名送AI刷题小程序", "，两人同行一人半价",
              "，3月15日前报名锁定名额", "，私信发送“简章”两字"],
    "templates": ["【开春考证】{cert}{claim}{tail}", "{cert}周末班现已开放，{claim}{tail}", "想转行的朋友看看{cert}，{claim}{tail}",
                  "{claim}，{cert}春季报名通道开放{tail}", "{cert}：{claim}{tail}", "身边好多人都在考{cert}，{claim}{tail}",
                  "{cert}线下考点直招，{claim}{tail}"],
    "context": ["认知症照护师证书封面印着“中华人民共和国职业资格证书”，到哪个省都认",
                "数据资产评估师证书政府重点推广，持证每月还能领八百元补贴",
                "安宁疗护师证零基础十天速成，结课当天就发证", "匹克球教练证有熟人内部操作，报上名就给安排发证",
                "AI绘画设计师证书到手包推荐进大厂，起薪两万", "遗物整理师证是上岗必须的，没证殡仪公司一律不收",
                "四足机器人运维员证等同国家职业技能等级高级工，持证还能落户加分",
                "碳资产管理师证书挂靠到咨询公司名下，一年到手三万", "孤独症康复教师证由中国职业技能鉴定中心监制，全国都承认",
                "智能座舱测试员证书考完车企定向招聘，月薪直接翻倍", "声音疗愈师证书全国认可，零经验三周速成就能开馆",
                "私域流量运营师证书盖有工信部和商务部公章，官网一查就有",
                "低空物流配送员证政府主导推广，2027年起无证一律不能上岗",
                "农业无人机植保员证有内推名额，交完费直接安排进合作社，月入一万二"],
}

POOLS["holdout12"] = {
    "certs": ["入殓师证", "电竞陪练师证书", "银龄陪护师证", "宠物摄影师证书", "茶饮研发师证书", "攀岩教练证",
              "算法安全评估师证书", "屋顶光伏安装员证", "无人机巡检员证", "ESG分析师证书", "脑机接口测试员证",
              "香薰调配师证", "居家康养顾问证", "陶艺师证书", "滑雪指导员证", "内容审核员证书"],
    "tails": ["，关注后私信“考证”两字", "！开年特惠价1480", "，企微号：lk2027z", "，支持微信分期零利息",
              "，热线0531-xxxx7171", "。每周四晚7点直播答疑", "🍀🍀", "，拼多多店铺同名", "，报名赠送考点真题包",
              "，闺蜜同报各减二百", "，2月28日前报名锁定优惠", "，戳主页链接填写报名表"],
    "templates": ["【寒假考证】{cert}{claim}{tail}", "{cert}开年第一期，{claim}{tail}", "裸辞了也不怕，去考个{cert}，{claim}{tail}",
                  "{claim}。{cert}寒假班还剩少量名额{tail}", "{cert}零散报名也能开班，{claim}{tail}",
                  "姐妹们冲，{cert}{claim}{tail}", "{cert}线上报名入口已开，{claim}{tail}"],
    "context": ["入殓师证书是殡仪馆进门的硬杠杠，没证连面试机会都没有",
                "银龄陪护师证政府财政买单推广，学完还能领一千二补贴",
                "电竞陪练师证书六天闪电速成，周日结课周一就能接单",
                "宠物摄影师证有业内人士帮忙打点，交完钱安排直接发证",
                "屋顶光伏安装员证可以挂在新能源公司名下，每年固定到账两万八",
                "拿到算法安全评估师证书，互联网大厂直接发offer，年包五十万",
                "无人机巡检员证是国家部委认定的一级证书，三十一个省份都认",
                "ESG分析师证书盖的是国务院国资委的章，到哪都好使",
                "脑机接口测试员证由中国人工智能职业认证中心统一制发，官网输编号就能查",
                "香薰调配师证全国联网通用，拿证第二天就能开店营业",
                "居家康养顾问证考完由协会兜底安排进社区站点上班，五险一金",
                "陶艺师证书不看基础，十二天集训速成就能开班授课",
                "滑雪指导员证是雪场上岗的硬性要求，无证人员一律不得带课",
                "内容审核员证书走关系户渠道，保送进头部平台审核岗，月薪一万三"],
}

ORDINARY = {
    "holdout": {
        "news": ["国家统计局发布数据，全国居民消费价格同比上涨0.2%",
                 "中国女排3比1战胜对手，晋级四强",
                 "教育部：2024年全国高考报名人数达1342万",
                 "今年夏粮再获丰收，全国夏粮总产量创历史新高",
                 "市政府召开新闻发布会，介绍城市更新工作进展",
                 "国家电网启动迎峰度夏保供电专项行动",
                 "中国空间站航天员顺利完成出舱活动",
                 "商务部：前三季度全国网上零售额同比增长8.6%",
                 "台风“海葵”登陆，多地启动应急响应",
                 "全国铁路暑运发送旅客超过8亿人次",
                 "应急管理部部署汛期安全防范工作",
                 "人社部：前三季度城镇新增就业1022万人",
                 "外交部发言人就有关问题答记者问",
                 "住建部推进老旧小区改造，年内开工5万个",
                 "今年上半年，全国快递业务量突破800亿件"],
        "ecommerce": ["【包邮】纯棉短袖T恤男夏季宽松，下单立减20元",
                      "双十一预售开启，定金50抵100",
                      "这款面包过期了还能退吗？客服说七天无理由",
                      "全国包邮，偏远地区除外，48小时内发货",
                      "买家秀：包裹收到了，包装很严实，五星好评",
                      "新款双肩背包过几天到货，先预订",
                      "店铺上新：手工皂三块装，买二送一",
                      "正品保证，假一赔十，支持专柜验货",
                      "充电宝过安检没问题吗？容量20000毫安",
                      "宝贝已打包，过两天就能收到",
                      "抢购中：原价199，现价99，数量有限",
                      "这家店的钱包做工不错，皮质柔软",
                      "零基础学吉他，送教程和拨片",
                      "Python速成课程配套教材，第三版",
                      "考研英语真题解析，附赠单词手册"],
        "chat": ["今天学习了速成的Python入门，感觉还行",
                 "我在公司内部推荐了一个朋友去面试",
                 "红包过节费收到了吗？",
                 "周末一起去爬山吧，天气不错",
                 "我报过名了，下周一考试",
                 "他去年考过了驾照，现在天天开车",
                 "我代课老师今天请假了",
                 "明天考试，我得好好复习一下",
                 "你那个包挺好看的，哪买的",
                 "我妈让我考个教师资格证，好难啊",
                 "他一直在考虑要不要换工作",
                 "这道题我不会，谁能讲讲",
                 "晚上吃火锅还是烤肉？",
                 "刚拿到驾照，开心！",
                 "孩子这周要期中考试了，好紧张"],
        "official": ["人力资源和社会保障部官网：职业技能等级证书查询入口",
                     "关于开展2024年度职业技能等级认定工作的通知",
                     "全国计算机等级考试报名时间为3月1日至15日",
                     "国家职业资格目录已于2021年更新",
                     "本刊由教育部主管，中国教育学会主办",
                     "某某市人力资源和社会保障局关于发布技能人才评价机构名单的公告",
                     "考生可登录中国人事考试网查询成绩",
                     "国家开放大学2024年春季招生简章",
                     "全国大学英语四六级考试准考证打印通知",
                     "公安部交通管理局提醒：驾驶证可在交管12123申领电子版",
                     "根据《职业技能等级认定管理办法》，评价机构须向社会公开",
                     "市场监管总局发布产品质量抽查结果",
                     "请考生携带身份证和准考证按时参加考试",
                     "中国就业培训技术指导中心发布新职业标准",
                     "国家税务总局关于个人所得税汇算的公告"],
        "job": ["高薪诚聘销售经理，底薪加提成",
                "我司招聘前端工程师，内部推荐优先",
                "急招普工，包吃包住，月薪6000起",
                "招聘会计一名，要求持有初级会计证",
                "内推：某互联网公司招算法工程师，欢迎投递简历",
                "招聘厨师，有健康证者优先",
                "门店招聘店员，周末双休，五险一金",
                "诚聘司机，需持C1驾照，三年以上驾龄",
                "急聘电工两名，持证上岗，工资面议",
                "招聘客服专员，接受应届生，提供培训",
                "物流公司招聘快递员，多劳多得",
                "车辆挂靠运输公司需要哪些手续",
                "销售岗位，底薪4000，优秀者月入过万",
                "招聘实习生，表现优秀可转正",
                "幼儿园招聘保育员，需有保育员证"],
        "trap": ["加速成长计划正式启动",
                 "这家公司快速成长为行业龙头",
                 "新技术将取代考试中的人工阅卷",
                 "他承包过几个大工程",
                 "面包过期了不要吃",
                 "新能源车辆可以挂靠在运输公司名下吗",
                 "保过冬的衣服准备好了吗",
                 "我哥以前在部队当过兵",
                 "报国之心，人皆有之",
                 "包裹已经送到驿站，请及时取件",
                 "老师说这个问题值得代考虑",
                 "挂正了吗？墙上那幅画有点歪",
                 "我们公司内部推荐奖励是一千元",
                 "高薪不一定幸福，开心最重要",
                 "教育部发布通知，部署秋季开学工作"],
        "latin": ["Bao Guo is a common name in some provinces",
                  "I booked a taxi to the airport at 6am",
                  "wo men jin tian qu gong yuan wan",
                  "ni hao, qing wen zen me zou",
                  "The certificate exam is next Monday",
                  "Kao shi jie shu le, hao kai xin",
                  "Download the PDF guide for free",
                  "zhong guo ren min hen re qing",
                  "Please check your passport before travelling",
                  "Thank you for your order #20240512"],
    },
    "dev": {
        "news": ["中国人民银行发布2023年第三季度货币政策执行报告",
                 "全国人大常委会审议多部法律草案",
                 "国家卫生健康委通报全国疫苗接种情况",
                 "全国秋粮收购进度过半，价格总体平稳",
                 "交通运输部：国庆假期全国高速公路车流量创新高",
                 "中国选手在世锦赛上夺得金牌",
                 "财政部发布前三季度财政收支情况",
                 "国家医保局：新版医保目录明年1月起执行",
                 "农业农村部部署秋冬种工作",
                 "北京地铁新线路年底开通运营",
                 "科技部公布年度重点研发计划",
                 "民政部：全国养老机构数量持续增长",
                 "工信部：5G基站总数超过300万个",
                 "司法部就行政复议法实施答记者问",
                 "全国中小学开学，安全检查全面展开"],
        "ecommerce": ["全场满200减30，会员再享九五折",
                      "快递包裹丢了怎么办？平台客服处理中",
                      "这款保温杯真的能保温12小时吗",
                      "新品首发，限量500件，售完即止",
                      "支持七天无理由退货，运费险已购买",
                      "宝宝辅食机，一键蒸煮，安全无毒",
                      "夏季新款连衣裙，显瘦百搭",
                      "面包机家用全自动，早餐神器",
                      "零食大礼包过年送人超有面子",
                      "店铺公告：春节期间暂停发货",
                      "正品行货，全国联保三年",
                      "考研政治速成笔记，电子版秒发",
                      "儿童书包过重怎么办？减负书包推荐",
                      "钱包过了安检就找不到了",
                      "防晒霜SPF50，清爽不油腻"],
        "chat": ["明天几点集合？我可能晚到十分钟",
                 "你考过科目二了吗？我下周考",
                 "我们部门内部推荐了三个人去参加比赛",
                 "刚才老板在群里发红包过年啦",
                 "周末打算在家速成一道红烧肉",
                 "这次期末考试我考过了及格线",
                 "我弟弟考上了研究生，全家都很开心",
                 "晚上一起看电影吗",
                 "你的快递到了，放在门口了",
                 "代我向阿姨问好",
                 "他替我考虑了很多，真感动",
                 "今天的会议取消了，改到下周",
                 "这个周末要加班，烦死了",
                 "我在学日语，进度有点慢",
                 "孩子发烧了，请一天假"],
        "official": ["中华人民共和国教育部官方网站",
                     "人社部政务服务平台：职业资格证书查询",
                     "关于做好2024年度专业技术人员职业资格考试工作的通知",
                     "国家统一法律职业资格考试报名公告",
                     "主管单位：中华人民共和国教育部 主办单位：北京大学",
                     "北京大学是教育部直属全国重点大学",
                     "全国会计专业技术资格考试成绩查询入口",
                     "市人社局关于公布职业技能等级认定结果的通告",
                     "国家职业技能标准（2024年版）公开征求意见",
                     "人力资源和社会保障部职业技能鉴定中心通知",
                     "卫生健康委关于印发护士执业注册管理办法的通知",
                     "住房和城乡建设部门户网站：注册建造师查询系统",
                     "考生须知：考试开始后15分钟不得入场",
                     "本次考试成绩可在官网查询，请勿轻信中介",
                     "中国人民银行征信中心个人信用报告查询"],
        "job": ["诚聘英才：高薪聘请资深设计师",
                "招聘仓库管理员，包吃住，月休四天",
                "内部推荐通道已开放，欢迎应届生投递",
                "招电焊工，持焊工证，日结",
                "高薪招聘Java开发，五险一金带薪年假",
                "某物流公司招聘货车司机，可挂靠车辆",
                "餐厅招聘服务员，经验不限",
                "招聘财务助理，需熟练使用Excel",
                "工厂直招，普工月入过万不是梦",
                "招聘保安，持保安员证优先",
                "学校招聘数学老师，需持教师资格证",
                "医院招聘护士，持执业证书",
                "招聘电工，要求持低压电工证",
                "公司内部推荐有奖金吗",
                "兼职招聘：周末促销员，日结200"],
        "trap": ["高速成为出行首选",
                 "他迅速成为团队骨干",
                 "机器人可以替代考官吗",
                 "红包过节费已发放",
                 "打包过来的菜都凉了",
                 "背包过重会影响孩子脊柱",
                 "他曾经挂靠在一家公司名下开车",
                 "保过年的年货都买齐了",
                 "这本书我拿过来看看",
                 "带考生进场的老师请在外等候",
                 "待考察的项目还有三个",
                 "国家富强，人民幸福",
                 "我爱中国，国家富强，全国人民团结一心",
                 "内部推荐的候选人面试通过了",
                 "工作强度大，但高薪也值得"],
        "latin": ["Nice to meet you at the conference",
                  "xie xie ni de bang zhu",
                  "The train leaves at 9:30 from platform 3",
                  "gua feng le, ji de dai san",
                  "Order shipped: tracking number SF1234567890",
                  "wo xiang qu bei jing lv you",
                  "Meeting notes: budget review on Friday",
                  "ta zai kao lv huan gong zuo",
                  "Please update your app to version 3.2",
                  "bao bao jin tian hen guai"],
    },
}

ORDINARY["holdout2"] = {
    "news": ["国务院常务会议研究部署稳就业工作", "全国政协委员建议加强职业教育", "中国队在亚运会上获得金牌",
             "气象台发布暴雨黄色预警", "全国两会新闻中心举办记者会", "国家发展改革委：保障能源供应",
             "港珠澳大桥客流量创新高", "全国消费者信心指数回升", "中国科学院发布年度科技进展",
             "教育部公布新增本科专业名单", "全国多地迎来降温天气", "国家林草局：森林覆盖率持续提高",
             "中国邮政推出生肖纪念邮票", "国家文物局公布考古新发现", "全国铁路客运量稳步增长"],
    "ecommerce": ["宝宝过敏了，这款面霜能用吗", "包邮到家，七天无理由退换", "这款包过两天降价吗？",
                  "新品保温杯买一送一", "儿童保暖内衣，加绒加厚", "宝过期了怎么办，客服在线等",
                  "考试专用2B铅笔，一盒十支", "包装破损可申请补发", "收到货了，质量挺好，好评",
                  "代购日本药妆，正品保证", "拍下立减，限量抢购", "买家提问：这个挂钩承重多少",
                  "夏季薄款工装裤，男女同款", "办公室零食礼包，独立包装", "正版图书，考证资料大全"],
    "chat": ["今晚加班，不回来吃饭了", "那个包过了安检才发现是别人的", "这周末带孩子去考级",
             "他替我值了一天班", "明天考完就放假了", "你把那幅画挂正一点", "我家宝宝过周岁啦",
             "保过关就行，别要求太高", "周末去他家吃饭", "刚下飞机，累死了", "手机没电了，晚点回你",
             "下雨了记得带伞", "我们组内部推荐了小李当组长", "速成班我可不敢报，学不会",
             "爸爸挂了电话就出门了"],
    "official": ["关于公布2024年度职业技能等级认定机构备案名单的公告", "全国专业技术人员职业资格证书查询入口",
                 "国家税务总局12366纳税服务平台", "中华人民共和国人力资源和社会保障部令第50号",
                 "教育部办公厅关于做好高校毕业生就业工作的通知", "人社部门户网站：技能人才评价信息查询系统",
                 "国家职业资格目录（2021年版）公布", "住房和城乡建设部关于注册建造师管理的通告",
                 "中国人民银行关于发行纪念币的公告", "全国计算机等级考试成绩查询",
                 "国家卫生健康委员会关于印发护理工作方案的通知", "应急管理部特种作业操作证查询系统",
                 "市场监管总局关于开展产品质量抽查的公告", "交通运输部门户网站：从业资格证查询",
                 "国家开放大学招生简章"],
    "job": ["诚聘店长，底薪6000+提成", "急招叉车司机，持叉车证", "招聘厨师学徒，包吃住",
            "内部推荐码：ABC123，欢迎投递", "招聘外卖骑手，多劳多得月入过万", "高薪聘请UI设计师",
            "招聘会计，持中级职称优先", "诚聘育婴师，持证上岗", "招聘保洁阿姨，工作轻松",
            "某车企招聘质检员，五险一金", "挂靠车辆年审需要哪些材料", "招聘英语老师，需持教师资格证",
            "招聘网约车司机，可挂靠平台", "物业公司招聘电工，持证优先", "销售精英，高薪等你来"],
    "trap": ["快速成长的企业需要人才", "高速成长期的公司", "他包过的饺子最好吃",
             "代考虑一下这个方案", "取代考勤机的新系统", "我的包裹过了海关还没到",
             "面包过了保质期", "保过冬的大白菜要储存好", "红包过年发多少合适",
             "挂正的画看着舒服", "打包过来的外卖", "宝宝过生日要准备什么",
             "他替考生们着想", "待考证的史料", "内部推荐制度有利有弊"],
    "latin": ["Bao Guo restaurant opens at 10", "see you at the gate", "wo ai ni zhong guo",
              "Zheng Dai Kao is my colleague's name", "The exam results are out", "ni chi fan le ma",
              "hello world program in Python", "Gua sha massage tools sale", "jin tian tian qi hen hao",
              "Tikao River is in the north"],
}

# Traps added to dev (only) when the rules for 包过/保过/替考/代考/包拿证 were tuned; a kind of their own,
# after the others, so the earlier dev lines keep their draws.
ORDINARY["dev"]["trap_added"] = [
    "他为朋友担保过一笔借款", "确保过冬物资充足", "奶奶包过的粽子特别香", "这个包过几天再寄给你",
    "卖车包过户吗？要加钱吗", "旅行包过安检时被打开检查了", "近代考古学的发展历程", "他替考官整理了试卷",
    "我替考研的同学买了资料", "他从书包拿证书给老师看", "环保过关的企业才能开工", "新生代考生更看重专业",
]

ORDINARY["holdout3"] = {
    "news": ["全国粮食总产量连续多年稳定在1.3万亿斤以上", "人社部颁发第十六届中华技能大奖",
             "经受住时代考验的老字号焕发新活力", "国家统计局：11月份社会消费品零售总额同比增长",
             "长江流域十年禁渔成效显著", "我国成功发射一颗通信卫星", "全国冬小麦播种基本结束",
             "多地出台措施促进消费回暖", "首届职业技能大赛在广州开幕", "春运首日全国铁路发送旅客1000万人次",
             "新修订的安全生产法正式施行", "中国女足晋级奥运会正赛", "国家医保局：药品集采平均降价超五成",
             "气象部门预计今冬气温偏高", "城市公园新增一批健身步道"],
    "ecommerce": ["二手车包过户，手续齐全", "这个包过了保修期还能修吗", "满299包邮，不满加运费10元",
                  "新款羽绒服，轻薄保暖", "买家评价：物流很快，包装完好", "这款护手霜真的好用，回购三次了",
                  "年货礼盒预售，腊月二十发货", "奶粉保质期到明年五月", "店铺承诺：破损包赔",
                  "限时秒杀：蓝牙耳机59元", "考研数学全套网课，送电子版讲义", "宝宝湿巾80抽×10包，整箱发",
                  "充电宝能带上飞机吗？客服解答", "驾考科目一题库，纸质版包邮", "旅行箱包过安检不用拆封"],
    "chat": ["以前大学毕业都包分配工作", "我替考研的室友占了个座", "这个包过完年再买吧", "你考过四级了没",
             "晚饭我来做，你歇着", "他担保过两笔贷款，现在后悔了", "下班一起吃饭？", "明天要早起赶飞机",
             "这次体检都过了，放心吧", "考完科目三就能拿驾照了", "群里有人内部推荐岗位吗",
             "我速成了一门手艺：包饺子", "听说那边的烤鸭很好吃", "快递放丰巢了，记得取",
             "我帮他代打卡，被发现了"],
    "official": ["人力资源社会保障部关于颁布国家职业标准的通知", "国家职业资格证书全国联网查询系统",
                 "中国高等教育学生信息网（学信网）学历查询", "关于2025年度专业技术人员职业资格考试计划的通知",
                 "全国安全生产月活动方案印发", "特种设备作业人员证查询系统", "国务院关于修改部分行政法规的决定",
                 "交管12123：驾驶证电子版申领指南", "国家医疗保障局门户网站", "财政部会计资格评价中心考试报名入口",
                 "人事考试网：2025年二级建造师考试报名公告", "市人社局职业技能提升补贴申领通知",
                 "医师资格考试实践技能考试安排", "公务员考试录用公告", "退役军人事务部公告"],
    "job": ["招聘仓管，包住不包吃", "内部推荐成功入职奖励2000元", "诚聘美容师，持证优先，底薪5000",
            "招聘叉车工，需持特种作业操作证", "高薪诚聘夜班保安", "某科技公司招聘测试工程师，双休",
            "急招焊工，日薪400", "招聘护工，提供岗前培训", "招聘挖掘机司机，可挂靠",
            "应届生高薪入职名企的经验分享", "招聘主播，底薪+提成，月入过万不是梦", "保险公司招聘内勤，要求大专学历",
            "招聘幼师，持幼儿教师资格证", "招聘代课老师，按课时结算", "餐饮连锁招聘店长助理"],
    "trap": ["确保过节期间市场供应充足", "要确保过程可控", "环保过关才能投产", "明清古代考场遗址对外开放",
             "办公室墙上挂证书和锦旗", "他接替考官的工作", "这个书包过大，孩子背着费劲", "速成鸡的说法是谣言",
             "内部推荐的简历会优先看", "他从钱包拿证件时掉了一张卡", "那个包过秤了吗，超重要加钱",
             "加速成型技术", "带考古队进山的向导", "补办身份证要等15天拿证", "他保过一次驾，再也不敢了"],
    "latin": ["Baoguo Temple in Ningbo is a thousand years old", "zhe ge bao guo qi le",
              "Invoice attached, please confirm receipt", "wo ming tian yao kao shi", "Flight CA1234 departs at 14:05",
              "ta de bao hen piao liang", "Password reset link expires in 24 hours", "xia ci zai jian",
              "Our team won the hackathon", "Daikon radish soup recipe"],
}

ORDINARY["holdout4"] = {
    "news": ["某地法院审结一起研究生考试替考案，三名被告人获刑",
             "人力资源和社会保障部：今年将开展补贴性职业技能培训1500万人次以上",
             "交通运输部：道路货运车辆挂靠经营专项治理取得阶段性成效",
             "财政部、税务总局发布关于延续小微企业税收优惠政策的公告",
             "全国累计有超过3000万人取得职业技能等级证书",
             "多地推行企业开办“一网通办”，营业执照3天内办结",
             "中国代表团在世界技能大赛上获得多枚金牌",
             "大学英语四六级考试今日开考，全国近千万考生参加",
             "国家统计局：一季度国内生产总值同比增长5.3%",
             "春节前夕，多地开展年货市场食品安全抽检",
             "教育部部署2025年普通高校招生工作，严厉打击考试作弊",
             "人社部发布新职业信息，生成式人工智能系统应用员等入选",
             "国家消防救援局提醒：冬季使用电暖器注意防火",
             "警方破获一起驾考代考作弊案，抓获犯罪嫌疑人6名",
             "教育部、财政部联合下达学生资助补助经费"],
    "ecommerce": ["二手房急售，中介包过户，税费各付",
                  "年货礼盒今天下单，包过年前送到",
                  "这个托特包过季了，清仓价89元",
                  "证件照冲印，身份证、护照、驾驶证尺寸均可，2小时出片",
                  "驾驶证皮套，双卡位，可同时放行驶证",
                  "教师资格证笔试教材2025新版，正版包邮",
                  "速成羊毛毡材料包，新手一晚上就能做好",
                  "零基础素描入门套装，附赠视频教程",
                  "荣誉证书收纳册A4，可放奖状和证书，30页",
                  "鞋子尺码偏小，穿不下包退换，运费我们出",
                  "本产品已通过国家强制性产品认证（3C认证），请放心选购",
                  "交通联合卡全国通用，可在300多个城市刷卡乘车",
                  "公考行测刷题本，含近五年国考真题",
                  "春联福字套装，可代写名字",
                  "充电宝3天内发货，全国包邮（新疆西藏除外）"],
    "chat": ["你的营业执照办下来没？我的3天就办结了",
             "我家货车挂靠在物流公司名下，每年交管理费",
             "车商说包过户，结果拖了半个月才办完",
             "我表姐考了个执业药师证，现在在药店上班",
             "身份证丢了，去派出所补办说要等15天",
             "班主任说谁敢替考，直接开除学籍",
             "下周考科目一，驾照题库我刷了三遍",
             "这次我请，不过包厢费你出哈",
             "快把包拿过来，证件都在里面",
             "内推成功了！下个月去新公司报到",
             "我的电工证快到期了，得抽空去复审",
             "暑假给孩子报了个游泳速成班，五天就学会换气了",
             "考过了！终于拿到教师资格证了，请大家吃饭",
             "今天帮同事代了一节课，嗓子都哑了",
             "老家亲戚说国家现在种粮有补贴，是真的吗"],
    "official": ["职业技能等级证书可登录技能人才评价证书全国联网查询平台核验",
                 "关于做好2025年上半年全国大学英语四六级考试报名工作的通知",
                 "个体工商户营业执照申请材料齐全的，3个工作日内核发",
                 "居民身份证换领：受理后15个工作日内制证完成，可选择邮寄送达",
                 "考场规则：考生凭本人身份证和准考证入场，替考者按违纪处理并通报",
                 "财政部关于印发《会计人员继续教育规定》的通知",
                 "交通运输部关于推广道路运输从业人员从业资格证电子证照的通知",
                 "国家职业技能标准：养老护理员（2019年版）",
                 "省人力资源和社会保障厅关于公布第三批社会培训评价组织名单的公告",
                 "考生可在中国人事考试网自行下载打印电子证书，与纸质证书具有同等效力",
                 "特种作业操作证复审须在有效期满前60日内提出申请",
                 "国务院办公厅关于进一步优化政务服务提升行政效能的意见",
                 "国家市场监督管理总局：个体工商户登记办理指南",
                 "国家中医药管理局关于公布全国中医临床优秀人才研修项目名单的通知",
                 "退役军人事务部：退役士兵职业技能培训补贴申领流程"],
    "job": ["招聘电工，持有电工证优先，月薪8000-12000",
            "物流公司招聘重卡司机，个人车辆可挂靠，手续公司代办",
            "内部推荐：某银行招柜员，本科及以上学历",
            "高薪聘请数控车床师傅，月薪过万，包吃包住",
            "招聘出纳，需持有初级会计专业技术资格证书",
            "幼儿园招聘保健医，需持有护士执业证书",
            "家政公司招聘育儿嫂，统一组织岗前培训，考核合格后上岗",
            "招聘焊工，持特种作业操作证（熔化焊接与热切割作业），待遇从优",
            "外企招聘行政助理，英语流利，员工内部推荐者优先面试",
            "驾校招聘教练员，需持机动车驾驶教练员证",
            "新员工入职体检和健康证办理费用由公司报销",
            "招聘保安，退伍军人优先，包吃包住",
            "诚聘人力资源专员，持人力资源管理师证书者优先",
            "应届生校园招聘：笔试面试通过后签约，薪资面议",
            "招聘建筑施工员，需持住建部门颁发的岗位证书"],
    "trap": ["这趟车不过包头，要在呼和浩特换乘",
             "他在八十年代考上了师范学校",
             "天天拿证据说话的人最让人信服",
             "包车去机场，包过路费和停车费吗",
             "志愿者替考生保管手机和书包",
             "安检员让我从包里拿证件出来",
             "这个拼单火速成团了，明天发货",
             "补贴标准以人社部门颁发的文件为准",
             "按包计价，每包过磅后再结算",
             "他拿过三次全国冠军",
             "把这些旧衣服打包过去给山区的孩子",
             "年轻人找工作别只盯着高薪",
             "古代考生进京赶考要走好几个月",
             "这件毛衣穿不过三次就起球了，能退吗",
             "展厅里挂证照的那面墙要重新刷漆"],
    "latin": ["bao guo hu de fei yong shei chu?", "wo kao guo le, ming tian qu na zheng shu",
              "Pass guaranteed? No such thing, just study hard", "Su Cheng and Li Na won the mixed doubles final",
              "ID card replacement takes 15 days and costs 20 yuan",
              "Our company pays a 3000 RMB internal referral bonus",
              "quan guo tong yong de jiao tong ka hen fang bian", "zhe jian shi hai dai kao lv",
              "Please bring your admission ticket and ID to the exam",
              "Forklift operator wanted, certificate required, salary negotiable"],
}

ORDINARY["holdout5"] = {
    "news": ["教育部考试中心：今年高考全面启用身份核验系统，严防替考",
             "人社部等四部门印发意见，加强高技能人才队伍建设",
             "全国碳排放权交易市场累计成交额突破四百亿元",
             "工信部：全国移动电话用户总数达17.9亿户",
             "应急管理部派出工作组赴四川指导抗洪抢险",
             "某省考试院通报：一名考生雇人代考英语四级，双方均被取消成绩并移送公安",
             "中华全国总工会启动职工技能提升行动，年内培训职工百万人次",
             "国家铁路局：中国高铁营业里程突破4.5万公里",
             "全国职业院校技能大赛在天津开幕，参赛选手超过一万名",
             "调查显示，今年高校毕业生求职不再只看高薪，更看重发展空间",
             "暑期出境游升温，多地出入境管理部门提醒：护照受理后7个工作日内出证",
             "市场监管总局发布2025年第一批产品质量国家监督抽查计划",
             "健身房推出“21天速成减脂营”，医生提醒过度节食存在健康风险",
             "国家税务总局：个人所得税综合所得年度汇算今日开始",
             "中国消费者协会发布春节消费提示：购买年货注意查看生产日期"],
    "ecommerce": ["箱包过季清仓，全场五折起，下单送防尘袋",
                  "宠物医疗险投保过程全程线上，5分钟出电子保单",
                  "驾照科目四模拟题小程序，会员7天免费试用",
                  "实木证书框A4，适合挂证书、奖状和营业执照",
                  "打印店：简历打印、证件复印，营业执照扫描件当天可取",
                  "日语五十音速成卡片，每张附发音二维码",
                  "一级建造师历年真题试卷，正版图书包邮",
                  "宝宝疫苗本保护套，透明防水，可放出生证明",
                  "工作证卡套加挂绳，可印公司logo，100个起订",
                  "国家地理杂志2025全年订阅，每月包邮到家",
                  "中华老字号月饼礼盒，中秋前全国发货",
                  "代煎中药，当天煎好当天发顺丰",
                  "移动话费充值100元，全国通用，1~24小时到账",
                  "考生文具套装：2B铅笔、橡皮、黑色签字笔，附准考证透明袋",
                  "定制荣誉证书外壳烫金，刻字免费，下单后3天发货"],
    "chat": ["我们领导说下个月开始不许挂证了，必须人证合一",
             "我表弟在学校被抓到替考，被记了大过",
             "上周团建我们包过馄饨，比想象中难多了",
             "你的居住证办好了吗？我交材料后7个工作日就拿到了",
             "公司内部推荐我去上海分部，要不要去啊",
             "我报的Excel速成班一周就学完了，还挺实用",
             "考过了！雅思7分，下个月就能申请学校了",
             "我替他跟老师请个假，他今天发烧",
             "开网约车要不要挂靠租赁公司？你们有经验吗",
             "明天去人社局办失业登记，需要带什么证件",
             "国家反诈中心APP你们下载了吗，社区让装",
             "我妹考上了全国重点大学，全家高兴坏了",
             "孩子这次期末数学考了满分，奖励他去游乐园",
             "听说今年教师资格证面试改到线上了？",
             "老板说年底高薪挖人，结果就给我涨了五百"],
    "official": ["关于做好2025年下半年中小学教师资格考试笔试报名工作的公告",
                 "人力资源社会保障部办公厅关于进一步规范职业技能等级认定工作的通知",
                 "工业和信息化部教育与考试中心提示：证书查询请以本中心官网为准",
                 "应急管理部关于修订《特种作业人员安全技术培训考核管理规定》的决定",
                 "国家市场监督管理总局关于开展2025年民生领域案件查办“铁拳”行动的通知",
                 "出入境证件办理时限：普通护照自受理之日起7个工作日内签发",
                 "不动产登记一般业务5个工作日内办结，可网上查询办理进度",
                 "社会保障卡补换：现场即时制卡，最快1小时领卡",
                 "中国人事考试网提醒：考生须如实填写报名信息，代考、替考将依法追究刑事责任",
                 "《中华人民共和国职业分类大典（2022年版）》正式颁布",
                 "学信网：教育部学历证书电子注册备案表下载说明",
                 "技能人才评价证书全国联网查询平台已开通，可凭证书编号和姓名查询",
                 "国家卫生健康委关于做好2025年医师资格考试报名工作的通知",
                 "婚姻登记处：材料齐全当场办理，当场颁发结婚证",
                 "省应急管理厅：特种作业操作证考试合格后，10个工作日内核发证书"],
    "job": ["招聘高压电工，持有特种作业操作证（高压电工作业），月薪9000起",
            "公司内部推荐成功且通过试用期的，奖励推荐人3000元",
            "餐饮店招服务员，需办理健康证，办证费用店里报销",
            "诚聘注册安全工程师，需本人全职在岗，不接受挂证",
            "运输公司招聘冷链车司机，接受车辆挂靠，提供稳定货源",
            "高薪诚聘跨境电商客服，英语四级以上",
            "养老院招聘护理员，无证可带薪培训，考取证书后上岗",
            "招聘初中英语教师，须具备相应学科教师资格证书",
            "某建筑公司招聘资料员，有资料员岗位证书者优先",
            "急招住家保姆，会做饭，有健康证，月薪7000",
            "招聘药店店员，有执业药师资格证者待遇面议",
            "校园招聘：2026届管培生，高薪加落户指标",
            "招聘仓库理货员，会开电动叉车者优先",
            "外卖站点招聘骑手，新人入职送头盔和餐箱",
            "招聘驾校科目二教练，持教练员证，C1驾龄三年以上"],
    "trap": ["公司规定严禁代考勤打卡，一经发现扣当月绩效",
             "现代考试制度可以追溯到隋唐科举",
             "汤包过来了，小心烫嘴",
             "他年轻时给人作保过，后来再也不敢签字了",
             "学琴没有速成的办法，只能天天练",
             "市摄影家协会挂靠在市文联",
             "食堂阿姨内部推荐：今天的红烧排骨最好吃",
             "高薪养廉的说法到底有没有道理",
             "结婚那天我们九点就到民政局拿证了",
             "把书包拿上，我们该出发了",
             "不动产登记中心打电话说房产证办好了，明天拿证",
             "商家承诺：七天内有质量问题包退包换",
             "他曾获国务院颁发的国家科学技术进步奖证书",
             "煲过汤的砂锅要晾干再收起来",
             "零基础也能学会的十道家常菜"],
    "latin": ["tong guo kao shi le, hao kai xin", "Work permit processing takes about 10 working days",
              "wo ba bao na guo lai le", "Gao Xin district is the city's tech hub",
              "The driving test is on Friday, wish me luck", "zhong hua min zu wei da fu xing",
              "Certified translation of your diploma: 3 working days", "ni de shen fen zheng dai le ma",
              "Guaranteed delivery before Chinese New Year", "ren she ju de dian hua shi 12333"],
}

ORDINARY["holdout6"] = {
    "news": ["国家统计局：2025年全国城镇调查失业率总体稳定",
             "某市中级人民法院二审维持原判：组织他人在公务员考试中替考的主犯获刑三年",
             "教育部等六部门联合部署，严厉打击高考招生考试违法犯罪行为",
             "住房和城乡建设部撤销一批存在挂证行为的注册建造师注册，三年内不予再次注册",
             "她辞去城里的高薪工作回乡种茶，带动全村两百多户增收",
             "全国人大代表建议：将社区养老服务纳入基本公共服务体系",
             "中国航天科技集团：今年计划实施二十余次宇航发射任务",
             "国家医保局：跨省异地就医直接结算已覆盖所有统筹地区",
             "执业医师资格考试中查获两名替考人员，已移交公安机关处理",
             "中华人民共和国成立76周年，各地举行升国旗仪式",
             "商务部：前十个月全国新设外商投资企业数量同比增长",
             "国务院新闻办举行发布会，介绍稳就业政策落实情况",
             "中国女篮在亚洲杯半决赛中战胜对手，挺进决赛",
             "人社部：今年以来全国已有超过百万人次领取职业技能提升补贴",
             "多地推行“新生儿出生一件事”联办，出生医学证明、户口登记和社保卡一次办好"],
    "ecommerce": ["二手手机，电池健康92%，仍在官方保修期内，支持当面验机",
                  "医保卡套，防消磁，可同时放身份证和银行卡",
                  "江景一日游套票，包过江轮渡和午餐，儿童半价",
                  "普通话水平测试练习册，附配套朗读音频",
                  "大码女装不合适包退包换，不过运费需要自理",
                  "旅行社代办港澳通行证签注，材料齐全约5个工作日办好",
                  "商用制冰机，八分钟急速成冰，日产60公斤",
                  "考研自习室月卡，早八点到晚十一点，座位固定",
                  "证书文件收纳袋，A4加厚防水款，10个装",
                  "中国结挂件，春节门头装饰，大号红色流苏",
                  "空调全国联保，安装师傅持证上门，高空作业有保险",
                  "零基础钩针材料包，跟着视频三天就能钩出第一个杯垫",
                  "奖状纸A4空白款，幼儿园和小学表彰用，100张一包",
                  "家用电子血压计，二类医疗器械注册证编号可在国家药监局官网查询",
                  "考场专用计算器，无存储无编程功能，符合会计考试规定"],
    "chat": ["我之前参保过两年，中间断缴了，现在还能接着交吗",
             "我妈这次住院走完医保，自己只掏了两千多",
             "刚考完科目四，下午就在车管所拿证了，开心",
             "听说他驾照是找人替考的？这可是要坐牢的，别瞎传",
             "我报了初级会计，下个月考试，求保佑",
             "周末打算带孩子去科技馆，有一起的吗",
             "师兄说可以内部推荐我去他们组，我先把简历改改",
             "今天地铁里有人贴考证小广告，我拍照举报了",
             "国家法定节假日加班是三倍工资吧？",
             "高薪挖我的那家公司原来是做网贷的，幸好没去",
             "我花三天速成了剪映，给我妈剪了个生日视频",
             "明天考试，准考证和身份证都放书包里了，记得提醒我",
             "二姨说全国的社保现在都能网上转移，不用跑回老家了",
             "我替你跟房东说过了，下个月再交房租也行",
             "你的护照拿到了吗？出入境那边说我的还要等两天"],
    "official": ["关于2026年度专业技术人员职业资格考试工作计划及有关事项的通知",
                 "国家教育考试违规处理办法：由他人冒名代替参加考试的，其所报名参加考试的各阶段、各科成绩无效",
                 "《中华人民共和国刑法》第二百八十四条之一：代替他人或者让他人代替自己参加法律规定的国家考试的，处拘役或者管制，并处或者单处罚金",
                 "高等教育自学考试免考申请须知：已取得相应职业资格证书的考生可申请免考部分课程",
                 "公安部：居民身份证异地受理、挂失申报和丢失招领三项便民措施全面实施",
                 "人力资源社会保障部关于公布国家级高技能人才培训基地名单的通知",
                 "全国护士执业资格考试成绩可在考后登录中国卫生人才网查询",
                 "国家知识产权局：专利证书全面实行电子化发放，可在线下载",
                 "教育部学位证书查询：请登录中国学位与研究生教育信息网",
                 "司法部：国家统一法律职业资格证书申领程序说明",
                 "国家税务总局关于个体工商户经营所得汇算清缴的提醒",
                 "社区通知：本周六上午在居委会集中办理老年人优待证，请携带身份证和一寸照片",
                 "市人社局温馨提示：职业技能等级证书领取不收取任何费用，请勿轻信收费办证信息",
                 "中华全国妇女联合会关于表彰全国三八红旗手的决定",
                 "国家市场监督管理总局：《明码标价和禁止价格欺诈规定》自公布之日起施行"],
    "job": ["招聘水电维修工，持低压电工作业操作证，日结300",
            "内部推荐通道：某光伏企业招设备工程师，推荐入职可得奖金",
            "高薪诚聘海外项目翻译，驻外补贴另计",
            "招聘出租车司机，个人车辆可挂靠公司运营，需三年以上驾龄",
            "招聘注册消防工程师，须全职坐班，拒绝挂证",
            "幼儿园招聘保健老师，需有健康证和保健员培训合格证",
            "酒店招聘前台，英语口语流利，有普通话二级甲等证书者优先",
            "某国企招聘财务主管，需持中级会计职称，能适应出差",
            "招聘大客车驾驶员，持A1驾照，拿证满五年",
            "考试院招聘临时监考员，负责考场秩序维护，日薪200元",
            "全国连锁餐饮品牌招聘区域经理，年薪30万起",
            "中国石化加油站招聘便利店收银员，提供员工宿舍",
            "招聘焊工学徒，公司免费培训并统一组织考取特种作业操作证",
            "国家电网某供电公司招聘劳务派遣抄表员，高中以上学历",
            "学校招聘专职心理教师，需心理学本科及以上学历，不认可短期速成证书"],
    "trap": ["我们这一代考研人真的太卷了",
             "监考老师先交代考场纪律，再分发试卷",
             "有的学校用平时成绩代替考试成绩",
             "我国高铁网络正在加速成网",
             "小笼包过了饭点就不新鲜了",
             "签完字你去档案室拿证明，再回来盖章",
             "我替考场外等候的家长们买了几箱矿泉水",
             "这家企业搞高薪低福利那一套，员工流失很严重",
             "这是小区业主群内部推荐的装修师傅，口碑不错",
             "这个课题组挂靠在学校经济学院",
             "快把钱包拿出来，收银员等着呢",
             "这件瓷器的年代考证还有争议",
             "学者对这段历史做了大量考证",
             "体育免考申请需要附上医院证明",
             "面试不过是走个流程，你别太紧张"],
    "latin": ["ling ji chu xue you yong, san tian jiu hui huan qi le",
              "Exam proxies are illegal in China and can lead to prison",
              "wo de jia zhao xia ge yue dao qi", "guo jia tu shu guan jin tian bi guan",
              "The visa will be issued within 5 working days",
              "xiao long bao guo le fan dian jiu bu hao chi le",
              "We are hiring nurses; a valid practising licence is required",
              "ta kao guo le si ji, xian zai zhun bei liu ji",
              "quan guo gao kao bao ming ren shu you chuang xin gao", "Zheng Na is our new maths teacher"],
}

ORDINARY["holdout7"] = {
    "news": ["最高人民检察院发布典型案例：组织他人在执业药师考试中替考，主犯被判处有期徒刑两年",
             "国家统计局：2025年全国规模以上工业增加值同比增长5.8%",
             "中国民航局：低空经济加快发展，无人机操控员执照持证人数持续增长",
             "人社部等三部门：2026年将发布一批新的国家职业标准，引导技能人才评价规范发展",
             "全国高考今日开考，多地交警开通“爱心助考”绿色通道",
             "某地警方打掉一个在线上考试中组织作弊的团伙，查获作弊设备二十余套",
             "教育部：2026年全国硕士研究生招生考试报名工作顺利结束",
             "多部门联合开展电动自行车安全隐患全链条整治行动",
             "中国选手在世界技能大赛移动机器人项目中夺得金牌",
             "国家外汇管理局：2025年末我国外汇储备规模保持稳定",
             "住建部通报一批注册执业人员长期不在岗问题，相关注册证书被依法撤销",
             "中央气象台发布寒潮预警，全国大部地区气温将下降8到10摄氏度",
             "国家移民管理局：春节假期全国口岸日均出入境人员超过两百万人次",
             "中国人民银行：数字人民币试点范围进一步扩大",
             "某市公安局侦破一起伪造职业资格证书案，现场查获假证一千余本"],
    "ecommerce": ["手机三包过期了还能修吗？客服说可以付费检测",
                  "进口红酒每瓶附防伪码，品牌官网可查可验",
                  "驾驶证行驶证二合一皮套，头层牛皮，可免费刻字",
                  "房产证收纳盒，带密码锁，可放不动产权证书和户口本",
                  "四六级考试专用耳机，调频收音，考场听力可用",
                  "加油卡全国通用，充值1000元送50元",
                  "十分钟速成早餐：吐司机加煎蛋器套装，上班族必备",
                  "健身哪有速成？这款弹力带帮你每天坚持二十分钟",
                  "面包过夜会变硬，这款密封保鲜盒能锁住水分",
                  "政府主推以旧换新，空调下单立享国家补贴15%",
                  "正版《国家职业技能标准》汇编，精装本，可开发票",
                  "签约保洁阿姨上门服务，三小时起约，节假日不加价",
                  "驾照照片回执代拍，十分钟出片，可在交管12123直接上传",
                  "营业执照正副本保护套，A3和A4尺寸可选",
                  "国家认可的学历提升教材，配套网课可试听三节"],
    "chat": ["我同学在大厂上班，说可以帮我内部推荐，简历已经发他了",
             "我家那辆货车挂靠在运输公司，今年的挂靠费又涨了",
             "菜包过水后再冷冻，吃之前蒸十分钟就行",
             "新身份证拿到了，派出所说15个工作日，结果10天就到了",
             "我妈想学视频剪辑，我让她别报速成班，先跟着网上免费课学",
             "驾照到期了，在交管12123上申请换证，三天就寄到家了",
             "交房一年了，开发商说房产证年底能办下来",
             "孩子高考那天，出租车司机主动免费送考，太暖心了",
             "考过了！初级会计两门都过了，证书要等几个月才发",
             "这周健身教练给我排了减脂计划，说没有速成的办法，腿都练酸了",
             "国家队今晚比赛，你们看直播吗",
             "人社局打电话说我的技能补贴批下来了，直接打到社保卡里",
             "原来人事部和劳动部是后来合并成人社部的，我今天才知道",
             "我那个证书挂在墙上落灰好几年了",
             "线上考试要开两个摄像头，我得去借个手机支架"],
    "official": ["根据国务院机构改革方案，原人事部、原劳动和社会保障部的职责整合划入人力资源和社会保障部",
                 "原人事部、原信息产业部印发的计算机技术与软件专业技术资格证书继续有效，可在中国人事考试网查询",
                 "商品房首次转移登记由开发企业统一申请，办结后购房人凭身份证领取不动产权证书",
                 "机动车驾驶人考试预约须知：科目一考试合格后，方可预约科目二考试",
                 "公安机关提示：居民身份证有效期满前三个月内可申请换领",
                 "2026年上半年全国大学英语四六级考试考生须知：考生须通过人证核验方可进入考场",
                 "中国人事考试网：关于2026年度一级建造师资格考试考务工作有关事项的通知",
                 "技能人才评价证书全国联网查询平台：证书信息可查可验，请以官方平台为准",
                 "国家职业技能标准《无人机装调检修工》公开征求意见",
                 "检验检测机构应在合同约定时限内出具报告，常规样品一般5个工作日出证",
                 "教育部办公厅关于做好2026届全国普通高校毕业生就业创业工作的通知",
                 "市场监管总局、教育部关于加强校外培训预收费资金监管的通知",
                 "退役军人事务部关于开展退役军人职业技能培训工作的通知",
                 "省住房和城乡建设厅：建筑施工特种作业人员操作资格证书电子证照全面启用",
                 "市人社局：职业技能等级认定合格人员，证书由备案评价机构颁发，可在全国联网平台查询"],
    "job": ["招聘光伏电站运维工程师，持高压电工作业操作证，月薪1万至1.5万",
            "物流公司招聘半挂车司机，车辆可挂靠，公司提供保险和稳定货源",
            "高薪诚聘无人机飞手，需持民航局颁发的无人机操控员执照",
            "内部推荐：某新能源车企招装配技术员，推荐成功奖励2000元",
            "月子中心招聘产后康复师，需持相关职业技能等级证书，底薪8000",
            "幼儿园招聘保育员，需持保育员岗位合格证和健康证",
            "民宿招聘管家，包食宿，有酒店前台经验者优先",
            "招聘注册电气工程师，须本人全职到岗，人证合一，不接受挂证",
            "国企招聘会计，持初级以上会计专业技术资格证书，劳务派遣用工",
            "电动自行车维修店招学徒，包吃住，有经验者工资面议",
            "招聘货车驾驶员，持B2驾驶证和道路货物运输从业资格证，驾龄五年以上",
            "某央企项目部招聘专职安全员，需持安全生产考核合格证书（C证）",
            "餐厅招聘厨师，需持健康证，有中式烹调师职业技能等级证书者优先",
            "养老机构招聘护理员，无证人员入职后统一组织培训考证，费用公司承担",
            "2026届校园招聘：内部推荐与网申同步进行，推荐不影响正常面试流程"],
    "trap": ["这台手机三包过期了，只能自费换屏",
             "我们家签约保姆过年要回老家十天",
             "孩子要是学不过来，退学费按剩余课时结算",
             "高铁站实行人证核验，刷身份证就能进站",
             "交警在考点周边设置了爱心助考服务点",
             "检测报告最快三天出证，加急要另外收费",
             "这锅卤肉没法速成，得小火慢炖三个小时",
             "他去县里挂职锻炼过一年",
             "私家车能挂靠到出租车公司吗？交管说不行",
             "在线上考试系统里提交答案后就不能修改了",
             "原人事局的老同事今年都退休了",
             "这批药品执行的是部颁标准",
             "全国通用粮票现在成了收藏品",
             "这家店的面包过了下午四点打八折",
             "国家认可的学历，在学信网都能查到",
             "签约保险合同之前，一定要看清免责条款",
             "他把驾驶证和行驶证分开放，免得一起丢",
             "她凭实力高薪跳槽，大家都很羡慕"],
    "latin": ["ren zheng he yan tong guo, qing jin zhan",
              "Qian Yue is the new head of our HR department",
              "The property certificate will be ready in 30 working days",
              "xian shang kao shi yao kai she xiang tou",
              "Our tutoring centre refunds unused lessons on request",
              "wo de shen fen zheng guo qi le, yao qu huan",
              "Remote proctoring requires a webcam and a stable connection",
              "Drone pilot licence exams are run by the civil aviation authority",
              "zhu kao zhi yuan zhe zai kao dian men kou deng ni",
              "Fenli Bridge is closed for repairs this weekend"],
}

ORDINARY["holdout8"] = {
    "news": ["某区法院审结一起自学考试替考案，替考者与请托人均以代替考试罪被判处拘役并处罚金",
             "国家统计局：2026年一季度全国居民人均可支配收入同比实际增长5.1%",
             "交通运输部：严查货车挂靠经营中“只收费、不管理”的行为，督促企业落实安全责任",
             "全国两会期间，代表委员热议职业教育与技能人才培养",
             "中国人民银行宣布下调金融机构存款准备金率0.5个百分点",
             "教育部部署2026年高考安全工作，考点周边无线电监测车全天候巡查",
             "液氮速成冰淇淋走红夜市，市场监管部门提醒：操作不当可能冻伤口腔",
             "中华全国供销合作总社：春耕化肥储备充足，价格总体平稳",
             "某市公证处推出“一次办”服务，继承类公证书最快3个工作日出证",
             "国家移民管理局：内地居民可在全国任一出入境窗口申请办理护照",
             "三代考古人接力发掘，良渚遗址又有重要新发现",
             "国务院安委会部署开展安全生产治本攻坚三年行动",
             "中国女子冰壶队战胜对手，晋级世锦赛四强",
             "人社部：2026年将面向高校毕业生募集百万个就业见习岗位",
             "国家医保局：2026年起新增一批创新药纳入医保目录"],
    "ecommerce": ["这款双肩包通过了航空公司登机箱尺寸标准，可直接带上飞机",
                  "婴儿湿巾开包过一个月就别再用了，建议买小包装",
                  "冷冻叉烧包过年囤货装，一箱48只，顺丰冷链发货",
                  "电饭煲速成蛋糕预拌粉，加水搅拌一键烘焙",
                  "证件照换底色小程序，身份证、社保卡、签证照片一键生成",
                  "荣誉证书定制，内页可烫金印名字，满50本包邮",
                  "水果坏果包赔，不过要在签收后24小时内拍照联系客服",
                  "未拆封商品没过7天无理由期限的，可申请退全款",
                  "考研政治冲刺押题卷，正版授权，封底扫码验真",
                  "美团外卖红包全国通用，满30减5，今日有效",
                  "买家秀：这个小白包拿来装证件、钥匙和耳机刚刚好",
                  "驾驶证期满换证体检，线上预约，附近医院当天出体检证明",
                  "二手教材：初级会计实务和经济法基础，笔记齐全，包邮",
                  "老人手机，大字体大音量，一键呼叫子女",
                  "苹果官方翻新机，享受一年全国联保"],
    "chat": ["班主任交代考前一晚别熬夜，早点睡",
             "护照加急的话两周拿证没问题，你的签证来得及",
             "微信红包过了24小时没领会自动退回的，你别急",
             "我爸年轻时承包过村里的鱼塘，后来改种葡萄了",
             "社保转移现在网上就能办，本人无需到场，太方便了",
             "这个快递包过了分拣中心就一直没更新物流",
             "我剪视频完全是小白，B站教程看了一周才会加字幕",
             "同事说可以帮我内部推荐到财务部，但还得先过笔试",
             "表姐考下来教师资格证了，下个月去学校报到",
             "我家楼下新开了一家艾灸馆，我妈天天去",
             "健康证体检做完了，医院说三个工作日出证",
             "我老公考了B2驾照，现在跑冷链，一个月一万出头",
             "周末带孩子去露营，你们有推荐的营地吗",
             "可以退，不过退款要三到五个工作日才能到账",
             "我表哥替考上大学的侄子办了十桌升学宴"],
    "official": ["原劳动部印发的《工资支付暂行规定》明确，工资应当以法定货币支付",
                 "原劳动部门核发的职业资格证书继续有效，持证人可在技能人才评价证书全国联网查询平台查询",
                 "公证办事指南：材料齐全的，一般公证事项自受理之日起15个工作日内出具公证书",
                 "食品经营许可证申请材料齐全、符合法定形式的，审核通过后即时出证",
                 "残疾人证办理：评定结果经公示无异议后，由县级残联核发证件",
                 "社会保障卡跨省业务可通过国家社会保险公共服务平台办理，本人无需到场",
                 "中国人事考试网提示：考生可在考后通过“证书查询”栏目核验电子证书信息",
                 "人力资源社会保障部 国家市场监督管理总局 国家统计局关于发布新职业信息的通知",
                 "国家职业资格目录之外一律不得许可和认定职业资格",
                 "应急管理部特种作业操作证及安全生产知识和管理能力考核合格信息查询平台",
                 "国家卫生健康委员会：2026年护士执业资格考试报名时间公布",
                 "考试须知：考生须本人到场参加考试，入场时进行人脸识别和身份证核验",
                 "市政务服务中心：企业登记实行全程网办，营业执照审核通过后当日即可下载电子执照",
                 "教育部留学服务中心国外学历学位认证实行网上申请，一般10个工作日出具认证书",
                 "道路运输从业人员从业资格证电子证照全国通用，可在手机上出示"],
    "job": ["外贸公司高薪招聘西班牙语业务员，提成另计，能接受外派",
            "内部推荐奖金在被推荐人入职满三个月后随工资发放",
            "招聘充电桩安装工，需持低压电工作业操作证，熟悉配电箱接线",
            "城际货运车队招聘4.2米厢货司机，自有车辆可挂靠车队，运费月结",
            "托育园招聘保育师，需持保育师职业技能等级证书和健康证",
            "养生馆招聘艾灸调理师，有经验者优先，底薪4500加提成",
            "医院营养科招聘配餐员，需持健康证，有食堂管理经验者优先",
            "婚庆公司招聘婚礼策划，底薪5000加提成，旺季月入过万",
            "招聘数据标注员，会用电脑即可，岗前免费培训，不收取任何费用",
            "招聘注册造价工程师，需本人到岗办公，社保在本单位缴纳",
            "物业招聘维修电工，需持有特种作业操作证（低压电工作业），持证上岗",
            "中国邮政某分公司招聘投递员，有C1驾照优先",
            "剧本杀门店招聘DM主持人，有表演经验优先，无需证书",
            "招聘小学科学教师，需持有小学及以上教师资格证，普通话二级乙等以上",
            "某国企招聘综合文员，本科以上学历，缴纳六险二金"],
    "trap": ["晶体在过饱和溶液中迅速成核，形成细小颗粒",
             "部分选修课以课程论文替代考试",
             "新一代考古机器人亮相，可在水下精细作业",
             "行李包通过安检后请及时取走，勿遗留在传送带上",
             "这台洗衣机质保过期了，上门维修要收两百",
             "研究中心挂靠于学校化学学院，经费单独核算",
             "预售商品没过发货期就取消订单的，可以退全款",
             "我爷爷的八级技工证书是原劳动部门发的，现在还收在抽屉里",
             "委托律师代理诉讼的，当事人本人无需到场",
             "今年公司内部推荐名额有限，每人最多推荐两位",
             "紫砂壶养出包浆没有速成的办法，只能天天泡茶",
             "徒步团费包过夜的帐篷和睡袋，登山杖自备",
             "新员工必须经过三级安全教育，考核合格后方可上岗",
             "充电桩国标接口全国通用，哪个牌子的电动车都能充",
             "小区团购的生煎包过了保质期，群主说全部退款",
             "挂靠车辆发生交通事故，挂靠单位是否承担连带责任？",
             "高薪不等于高福利，跳槽前先看清合同",
             "他们家三代考上的都是师范院校"],
    "latin": ["bao tong guo an jian le, wo zai chu kou deng ni",
              "Notarial certificates are usually issued within 15 working days",
              "ben ren wu xu dao chang, wang shang jiu neng ban",
              "Xiao Bai is the name of my neighbour's cat",
              "Our internal referral programme closes on Friday",
              "hu zhao liang zhou hou ke yi qu na",
              "A two-week crash course in Spanish before the trip",
              "hai mei guo qi, ke yi tui quan kuan",
              "Lao Dong runs the noodle shop on the corner",
              "yuan lao dong bu de wen jian xian zai hai you xiao ma"],
}

ORDINARY["holdout9"] = {
    "news": ["某地检察院以代替考试罪起诉一起成人高考替考案，涉案考生和枪手均被取消成绩",
             "2008年，原信息产业部与国防科工委等部门的相关职责整合，组建工业和信息化部",
             "国家统计局：2026年前三季度全国居民人均消费支出同比增长5.2%",
             "交通运输部部署整治渣土车挂靠经营乱象，督促运输企业落实安全主体责任",
             "全国职业技能大赛闭幕，具身智能训练项目首次设赛",
             "新时代考古工作者在三星堆遗址又有新发现",
             "中国人民银行：11月末广义货币余额同比增长7.1%",
             "多地出入境窗口推出护照加急通道，最快5个工作日拿证",
             "国家消防救援局：供暖季到来，提醒群众规范使用取暖设备",
             "中华全国总工会：今年为一线职工免费开展技能培训超过两百万人次",
             "国家卫生健康委：全国已开设体重管理门诊上千家，“体重管理年”活动持续推进",
             "中国女排在世界联赛中战胜对手，取得三连胜",
             "全国铁路今冬明春将增开旅客列车，春运车票预售期调整为15天",
             "某考区查获一名替考者，监考老师通过人脸识别发现异常",
             "国家级非遗代表性传承人名单公布，一批老手艺人领到了证书"],
    "ecommerce": ["帆布包过一遍水就软了，不会掉色，放心买",
                  "月饼礼包过了中秋统统五折，库存不多",
                  "宠物营养膏，猫狗通用，兽医推荐，拍两件包邮",
                  "证件收纳包可放护照、港澳通行证和结婚证，出国旅行不丢证",
                  "入户门专用挂钩，挂证件袋和钥匙都行，免打孔",
                  "露营帐篷一室一厅，三分钟速开，赠地钉和防风绳",
                  "空气炸锅菜谱：十五分钟速成蜜汁鸡翅，零基础也能做",
                  "七天无理由可退，不过全额返还的前提是吊牌未拆",
                  "荣誉证书打印服务，单张起印，今天下单明天到手",
                  "这款斜挎包过于小巧，装不下iPad，介意慎拍",
                  "智能体重秤，连接手机APP记录体脂率，全国联保两年",
                  "考研英语一历年真题，正版授权，买就送单词音频",
                  "中国风非遗扎染手帕，纯手工制作，每一块花纹都不同",
                  "儿童安全座椅已通过国家3C认证，靠背三档可调",
                  "证书封皮定制，烫金工艺，五天内发货，全国包邮"],
    "chat": ["科目二一次稳过！晚上请教练吃饭",
             "考场有专人替考生保管手机，不用担心没地方放",
             "押金能退，不过全额返还得等房东验完房",
             "港澳通行证我申请了加急，5天证件就到手了",
             "我舅舅那辆渣土车挂靠在车队，年底要交管理费",
             "理财哪有躺赚的，别信群里那些收益截图",
             "我家猫最近胖了，宠物医生给开了营养方案",
             "孩子零基础学游泳，教练说先练憋气",
             "同学帮我内部推荐到他们医院做护理，明天去面试",
             "我这周学了个速成版红烧排骨，二十分钟就出锅",
             "居住证我上周办的，派出所说10个工作日出证",
             "我爸以前在原邮电部下属的电信局上班，退休好多年了",
             "去年考的初级会计，证书终于能在官网下载了",
             "营地老板说有户外经验就行，招向导不看什么证",
             "下周我去监考，学校要求考前半小时到场"],
    "official": ["机动车驾驶证有效期满换证无需考试，提交体检证明后可当场出证",
                 "人力资源社会保障部关于发布2026年新职业信息的公告",
                 "人社部：国家职业资格目录实行清单式管理，目录外不得开展职业资格许可和认定",
                 "原信息产业部颁发的电信业务经营许可证，在有效期内继续有效",
                 "港澳通行证补办：受理后7个工作日可拿证，可选择快递寄送",
                 "全国计算机等级考试证书由教育部教育考试院颁发，可在官网查询",
                 "国家卫生健康委办公厅关于加强医疗护理员培训和规范管理工作的通知",
                 "特种作业人员上岗必须持有特种作业操作证，严禁无证上岗",
                 "教师资格认定：认定通过后20个工作日内制发教师资格证书",
                 "无犯罪记录证明可在线申请，审核通过后即可下载电子证明",
                 "中国就业培训技术指导中心：职业技能等级证书样式及编码规则说明",
                 "市人社局：2026年第四季度职业技能等级认定考试安排已在官网公布",
                 "残疾人证换领：证件到期前三个月内申请，原证可使用至新证发放",
                 "应急管理部：特种作业操作证全国通用，可扫码核验真伪",
                 "国家市场监督管理总局关于发布一批氢能领域国家标准的公告"],
    "job": ["三甲医院招聘医疗护理员，需持医疗护理员培训合格证明，倒班制",
            "换电站招聘运维员，需持低压电工作业操作证，四班三倒，月薪7000",
            "自动驾驶公司招聘安全员，持C1驾照满三年，无重大违章记录",
            "机器人公司招聘具身智能数据采集员，无需证书，岗前带薪培训",
            "内部推荐：某医美医院招咨询助理，推荐入职满三个月发放奖金",
            "运输公司招聘冷藏车司机，个人车辆可挂靠，需签订安全生产协议",
            "招聘建筑电工，上岗必须持证，公司统一缴纳工伤保险",
            "招聘注册建造师，全职坐班，社保本单位缴纳，拒绝挂证和兼职",
            "户外营地招聘露营向导，有急救员证书优先，包食宿",
            "招聘体重管理顾问，营养学相关专业，底薪6000加提成",
            "国企招聘电气工程师，需持中级职称，年薪20万起",
            "宠物店招聘店员，零基础可学，师傅带教，月休四天",
            "连锁药店招聘执业药师，须本人在岗执业，不接受挂靠",
            "高薪诚聘大模型算法工程师，硕士以上学历，年薪面议",
            "招聘中学信息技术教师，持教师资格证，有软考证书者优先"],
    "trap": ["宋代考古遗址的发掘报告今年正式出版",
             "汉代考古常用的工具有洛阳铲和探针",
             "驾校教练说，想一次稳过就得多练倒车入库",
             "挂证件的挂绳要选宽一点的，不勒脖子",
             "全额返还的押金已经到账了，谢谢房东",
             "墙上挂着证书的那间办公室就是校长室",
             "空气炸锅速成版烤红薯，二十分钟就熟",
             "运输公司的挂靠车辆年底统一年检",
             "他零基础转行做程序员，现在已经是组长了",
             "出生医学证明当天出证，户口可以在医院窗口一并办理",
             "护照拿证之后记得检查拼音有没有印错",
             "月入过万的说法太夸张了，我们这行平均六七千",
             "原铁道部撤销后，组建了国家铁路局和中国铁路总公司",
             "这个岗位上岗必须戴安全帽和护目镜",
             "学校安排专人替考生核对准考证信息"],
    "latin": ["yi ci wen guo ke mu er, jiao lian kua wo le",
              "Wen Guo won the city marathon this year",
              "hu zhao wu tian dao shou, bu yong ji",
              "The Ministry of Information Industry was merged into MIIT in 2008",
              "Full refund if the tour is cancelled by us",
              "xin shi dai kao gu gong zuo zhe",
              "Hydrogen station technicians must hold a valid safety certificate",
              "tang zhuan shi bu cun zai de, bie xin",
              "Exam hall staff will keep your phone during the test",
              "ling ji chu ye neng xue hui da zhang peng"],
}

ORDINARY["holdout10"] = {
    "news": ["某市公安机关破获一起大学英语四六级替考案，组织者和替考者均被依法处理",
             "2013年，原卫生部与原国家人口计生委的职责整合，组建国家卫生和计划生育委员会",
             "中国气象局：今冬全国大部地区气温偏高，北方将迎来两轮大范围降雪",
             "人力资源社会保障部：今年全国新增技能人才评价机构两千余家，证书统一纳入联网查询",
             "教育部考试中心通报：2026年下半年四六级考试中，多名使用作弊器材的考生被取消当次成绩",
             "考古人员在清代考棚遗址清理出一批科举试卷残片",
             "民政部：全国城乡社区老年助餐服务点已超过十万个",
             "交通运输部部署开展危险货物运输车辆挂靠经营专项整治",
             "中国载人航天工程办公室：神舟飞船返回舱在东风着陆场成功着陆",
             "个体工商户在手机上提交申请，最快当天就能在家打印电子营业执照",
             "中华全国供销合作总社：冬季蔬菜和农产品供应总体充足，价格平稳",
             "某地法院审结一起伪造职业技能等级证书案，两名被告人因伪造事业单位印章罪获刑",
             "中国队在短道速滑世界巡回赛上夺得男子5000米接力金牌",
             "国家医保局：全国统一的医保信息平台已覆盖所有定点医药机构",
             "某高校两名研究生因论文找人代写被撤销学位，导师被暂停招生资格"],
    "ecommerce": ["鼓包过的充电宝请勿继续使用，本店支持以旧换新，旧宝免费回收",
                  "通勤公文包过了一年还是很挺括，头层牛皮不变形",
                  "修不好不收费，家电维修师傅两小时内上门，配件明码标价",
                  "证件照冲印，十分钟出片，支持护照和驾驶证电子回执",
                  "速冻菜包过笼蒸十二分钟即可，建议搭配小米粥",
                  "所有插线板出厂前都保证通过国家3C认证，支持七天无理由",
                  "老人洗澡椅防滑加厚，助浴护理必备，承重两百斤",
                  "A4证书收纳册，可放毕业证、学位证和荣誉证书，四十页加厚",
                  "春卷皮一包二十张，包过馅后下锅炸到金黄就能出锅",
                  "车载冰箱12V/24V通用，货车小车都能用，断电记忆",
                  "考研数学复习全书，正版现货，付款后一周内发货",
                  "宠物牵引绳反光款，夜间遛狗更安全，中小型犬通用",
                  "宝宝分腿睡袋，婴幼儿秋冬款，满月到三岁都能穿",
                  "智能门锁支持指纹和人脸开门，下单送免费上门安装",
                  "年会抽中的电动牙刷，全新未拆封，同城可面交"],
    "chat": ["祝你逢考必过！明天四级考试加油",
             "这条街风景不错，不过不收费的停车位很少，最好早点来",
             "我姑姑在大学当老师，不坐班，有课才去学校",
             "营业执照是网上申请的，窗口说一周内发证，到时候会短信通知",
             "马拉松完赛即发证书，现场扫码就能领电子版",
             "我家猫晚上老扒门，宠物医生说是行为问题，要慢慢纠正",
             "富二代考上清华那个新闻你看了吗，人家是真学霸",
             "外公那本医师执业证书是原卫生部颁发的，现在还收在老家抽屉里",
             "今晚做速成版可乐鸡翅，电饭煲一键搞定",
             "我弟的电动车电池鼓包了，赶紧去店里换了一块新的",
             "考场门口有志愿者全程帮考生指路，挺暖心的",
             "护照我上周一交的材料，这周五就拿到了",
             "我妈报了社区的免费手机课，零门槛，老人都学得会",
             "师傅说洗衣机修不好不收费，结果十分钟就修好了",
             "同事内推我去他们公司面试，下周二二面"],
    "official": ["原卫生部颁发的《医师资格证书》《医师执业证书》继续有效，无需换发",
                 "人力资源社会保障部 国家卫生健康委关于印发养老护理相关职业培训大纲的通知",
                 "市场主体设立登记材料齐全的，一周内发证，营业执照可邮寄送达",
                 "婚姻登记机关对符合结婚条件的，应当当场予以登记，发给结婚证",
                 "职业技能等级证书由备案的评价机构颁发，可登录全国联网查询平台核验真伪",
                 "应急管理部：特种作业操作证有效期6年，每3年复审一次，全国范围内有效",
                 "《国家职业资格目录（2021年版）》共列入职业资格72项，目录之外不得许可和认定",
                 "道路运输从业人员从业资格证可通过全国互联网道路运输便民政务服务系统申领",
                 "首次申领居民身份证的，公安机关应当自受理之日起60日内发放",
                 "教育部：2027年全国硕士研究生招生考试初试时间安排的公告",
                 "危险货物道路运输企业不得以挂靠方式从事危险货物运输经营",
                 "关于依法严厉打击组织考试作弊、代替考试等违法犯罪行为的通告",
                 "国家卫生健康委：医疗机构执业许可证申请受理后20个工作日内作出决定",
                 "市人社局公告：2027年第一季度职业技能等级认定考试即日起报名，请通过官网办理",
                 "中国就业培训技术指导中心关于第三批国家职业标准公开征求意见的函"],
    "job": ["养老院招聘助浴护理员，需持健康证，岗前统一培训，包吃住",
            "数据中心招聘运维工程师，持电工证优先，四班三倒，月薪9000起",
            "民办小学招聘校医，须持护士执业证书，寒暑假带薪",
            "大学招聘兼职讲师，不坐班，按课时计酬",
            "物流公司招聘货车司机，A2驾照，公司自有车辆，不接受挂靠",
            "短剧公司招聘编剧助理，应届生可投，有作品者优先",
            "电池回收企业招聘拆解工，持低压电工作业操作证，五险一金",
            "内推：某智能体创业公司招后端开发，推荐成功入职奖励三千元",
            "招聘注册安全工程师，须全职在岗，社保在本公司缴纳，拒绝挂证",
            "连锁餐饮招聘店长，月薪一万二起，上岗前需办理健康证",
            "社区诊所招聘药剂员，药学相关专业，持药士资格证书，周末轮休",
            "家居公司招聘智能门锁安装师傅，有经验者优先，计件工资",
            "眼科医院招聘验光师，须持验光相关职业资格证书，经验两年以上",
            "高薪诚聘数据合规专员，法学背景，年薪三十万起",
            "物业公司招聘电梯安全管理员，须持特种设备安全管理人员证"],
    "trap": ["清代考棚是古代童生参加县试的地方",
             "饺子包过馅以后要把边捏紧，不然一煮就破",
             "电池鼓包过一次就别再充电了，很危险",
             "为保证通过率，驾校安排学员考前多练两次",
             "社区运动会报名即发号码布，当天凭号码布入场",
             "那辆搅拌车挂靠在混凝土公司名下，年检由公司统一办理",
             "这位作家不坐班，每周只去杂志社开一次会",
             "婚姻登记处说材料齐全当天就能拿结婚证",
             "富二代考公上岸的视频在网上火了",
             "原卫生部颁布的《医院感染管理办法》自2006年9月起施行",
             "老板说菜不好吃可以不收费，不过不收费的前提是只动了一口",
             "卫生部门对这家餐馆进行了突击检查，后厨干净整洁",
             "一周内发证的是电子证照，纸质证书要再等几天",
             "零门槛健身：每天靠墙站十分钟",
             "完赛即发证书的比赛，证书上会印着你的净成绩"],
    "latin": ["zhu ni feng kao bi guo, ming tian jia you",
              "xiu bu hao bu shou fei, shi fu ting kao pu de",
              "Certificates issued by the former Ministry of Health remain valid",
              "da xue lao shi bu zuo ban, you ke cai qu xue xiao",
              "Finisher certificates are issued right after the race",
              "Business licences are usually issued within a week",
              "zhi yuan zhe quan cheng bang kao sheng zhi lu",
              "qing dai kao peng yi zhi yi jing dui wai kai fang le",
              "The swollen power bank was recycled for free",
              "Bao Zheng is a famous upright judge in Chinese opera"],
}

ORDINARY["holdout11"] = {
    "news": ["某地公安机关侦破一起研究生考试替考案，收钱替考的在校学生和雇人替考的考生均被追究刑事责任",
             "2008年机构改革中，原建设部改组为住房和城乡建设部，原交通部的职责整合划入新组建的交通运输部",
             "国家统计局：2027年1月全国居民消费价格同比上涨0.4%",
             "多地婚姻登记处推出节假日预约服务，新人当天办理当场领证",
             "中国乒乓球队在世界杯混合团体赛中夺冠",
             "国家体育总局：匹克球运动在全国快速普及，各地新建场地三千余块",
             "人力资源社会保障部等部门发布一批新职业，数据资产评估、智能座舱测试等在列",
             "某法院审结一起注册会计师考试作弊案，帮助考生用微型耳机传递答案的两名被告人获刑",
             "中华全国妇女联合会：去年各地开展家政技能培训十万余人次",
             "民政部：全国已设立认知症照护专区的养老机构超过五千家",
             "农业农村部：春耕期间全国植保无人机作业面积持续增长",
             "中国消费者协会：去年全国消协组织为消费者挽回经济损失十余亿元",
             "某市查处一起伪造建筑施工特种作业操作资格证书案，涉案人员被依法处理",
             "住房和城乡建设部：今年一季度全国新开工改造城镇老旧小区一万余个",
             "某高校一名学生因在期末考试中请人代考，被给予留校察看处分"],
    "ecommerce": ["百分百纯棉四件套，亲肤透气，拍下次日发货",
                  "高压水枪替换喷头，适配大部分家用洗车机，买二送一",
                  "热熔胶枪替换胶棒，一包五十根，手工DIY必备",
                  "未发货前可无条件退款，已发货的请走退货流程",
                  "健身年卡购买后七天内未使用的，可无条件退费，超过七天按次数折算",
                  "闲置婴儿推车九成新，同城自提再便宜五十元",
                  "实木证书框A4款，可挂墙可摆台，奖状和荣誉证书都能放",
                  "这款双肩包过安检不用拿电脑，电脑仓可以平摊打开",
                  "加急冲印证件照，一小时出片，支持身份证和社保卡回执",
                  "匹克球拍碳纤维拍面，送两个球和拍套，新手友好",
                  "鱼缸过滤棉一包十片，可随意剪裁，两周换一次",
                  "当月下单当月发货，定制款请提前沟通尺寸",
                  "笔记本电脑支架铝合金款，可折叠，免打孔免安装",
                  "蓝牙耳机质保一年，非人为故障免费换新",
                  "手工皂材料包附视频教程，新手也能一次做成"],
    "chat": ["我问驾校能不能百分百拿证，教练说谁也不敢打这个包票",
             "家里的高压水枪替换了个新喷嘴，洗车快多了",
             "不动产证办了加急，窗口说48小时出证，后天下午就能去拿",
             "老师替考生们算了一笔账，每天背二十个单词，一百天就是两千个",
             "他替考古队拉了一整车设备上山",
             "我把闲置的健身卡挂到二手平台上了，能回点血是点血",
             "健身房说七天内没上过课的可以无条件退费，我赶紧去退了",
             "我科目四当天考完当天就拿到驾照了，比想象中快",
             "我爸那本一级注册建筑师证书是原建设部颁发的，到现在还收着",
             "博士应聘我们单位免笔试，直接面试",
             "今天打匹克球打到手抽筋，明天继续",
             "我妈在安宁疗护病房当志愿者，每周去两次",
             "家里老人有点认知症，社区医生建议多陪他下棋聊天",
             "这次没通过也没关系，下个月还能补考，别灰心",
             "小区门口新开了家桨板俱乐部，周末一起去划？"],
    "official": ["原建设部颁发的建筑业企业资质证书，已按规定换发为住房和城乡建设部统一样式的新证书",
                 "住房和城乡建设部关于进一步加强建设工程企业资质审批管理工作的通知",
                 "不动产登记：一般登记5个工作日内办结，符合条件的加急件可在48小时内出证",
                 "人力资源社会保障部办公厅关于做好2027年职业技能等级认定工作的通知",
                 "职业资格考试报名资格审核未通过的考生，已缴纳的考试费按原渠道全额退还",
                 "特种作业操作证复审：在有效期内连续从事本工种10年以上且无违法行为的，经发证机关同意，复审时间可延长至每6年1次",
                 "全国专业技术人员职业资格证书查询验证系统已上线，证书信息可在线核验",
                 "教育部关于做好2027年普通高校招生工作的通知",
                 "身份证补领可在户籍所在地或异地办理，证件制作完成后短信通知领取",
                 "食品经营许可：申请材料齐全、符合法定形式的，市场监管部门可以当场作出许可决定",
                 "市人社局：本市职业技能等级认定不收取考生额外费用，认定结果可在全国联网平台查询",
                 "《特种作业人员安全技术培训考核管理规定》：特种作业人员必须经专门的安全技术培训并考核合格，取得操作证后方可上岗作业",
                 "国家卫生健康委关于开展第三批安宁疗护试点工作的通知",
                 "关于公布全国示范性老年友好型社区名单的通知",
                 "国家体育总局社会体育指导中心：社会体育指导员技术等级培训报名通知"],
    "job": ["养老机构招聘认知症照护专员，需持养老护理员职业技能等级证书，五险一金",
            "肿瘤医院安宁疗护病区招聘护士，须持护士执业证书，临床经验两年以上",
            "建筑公司招聘项目经理，须持一级注册建造师证书，全职在岗，拒绝挂证",
            "农业合作社招聘植保无人机飞手，持民用无人机操控员执照，按亩计酬",
            "车企招聘智能座舱测试工程师，本科以上学历，熟悉车载系统，月薪一万五起",
            "体育中心招聘匹克球教练，有社会体育指导员证书优先，课时费另计",
            "资产评估公司招聘数据资产评估专员，须持资产评估师职业资格证书，年薪三十万起",
            "特殊教育学校招聘孤独症康复教师，持教师资格证，特教专业优先",
            "物流公司招聘货车司机，车辆归公司所有，不接受个人车辆挂靠",
            "内部推荐：我司招聘AIGC视频剪辑，推荐成功入职奖励两千元",
            "某事业单位公开招聘工作人员：博士研究生免笔试，直接进入面试环节",
            "招聘维修电工，上岗必须持应急管理部门颁发的特种作业操作证",
            "连锁超市招聘生鲜店员，无经验可学，入职当月缴纳社保",
            "家政公司招聘遗物整理员，有保洁经验优先，包吃住",
            "景区招聘水上救生员，须持游泳救生员国家职业资格证书，持证上岗"],
    "trap": ["焊枪替换导电嘴之前一定要先断电",
             "志愿者替考生家长撑伞，这一幕被拍了下来",
             "这一代考生从小就用平板电脑上网课",
             "这款托特包过肩背刚刚好，通勤很方便",
             "包子包过之后盖上湿布醒十分钟再上锅蒸",
             "药店要在显眼位置悬挂证照，方便顾客监督",
             "百分百果汁和果汁饮料不是一回事，看配料表就知道",
             "把闲置物品变现的好办法是挂到二手平台上",
             "未通过安检的液体只能丢弃或者寄存",
             "当月考勤当月结算，下个月五号发工资",
             "原建设部大院现在还是住建部的办公区",
             "免笔试的只有博士，硕士还得参加笔试",
             "警校射击考试枪替换成新型号后，学员们又练了一个月",
             "单位急着要收入证明，人事说可以加急出证明，下午来拿",
             "有人说自己对面包过敏，其实是对麸质过敏"],
    "latin": ["bai fen bai chun mian, pai xia ci ri fa huo",
              "gao ya shui qiang ti huan pen tou",
              "The former Ministry of Construction was restructured in 2008",
              "Unused gym passes can be refunded unconditionally within seven days",
              "bu dong chan zheng ban le jia ji, hou tian qu na",
              "Holders of a doctorate are exempt from the written test",
              "Pickleball coaches with a referee certificate are preferred",
              "dang yue kao qin dang yue jie suan",
              "xian zhi wu pin ke yi gua dao er shou ping tai",
              "Hospice nurses must hold a valid practising certificate"],
}

ORDINARY["holdout12"] = {
    "news": ["检察机关对一起教师资格考试替考案提起公诉，两名收钱替考的“枪手”系在校研究生",
             "2018年国务院机构改革中，原文化部和原国家旅游局的职责整合，组建文化和旅游部",
             "世界技能大赛获奖选手载誉归来，人社部颁发奖励证书并给予一次性奖金",
             "国家统计局：2027年一季度全国规模以上工业增加值同比增长5.6%",
             "强降雨来袭，某市火速成立防汛抢险工作专班，连夜转移低洼地区群众",
             "海事部门开展个体船舶挂靠经营专项清理，督促航运企业落实安全管理责任",
             "中国短道速滑队在世锦赛男子500米决赛中包揽金银牌",
             "国家体育总局：冰雪运动进校园持续推进，全国已有数千所冰雪特色学校",
             "民政部：全国已建成社区居家养老服务站点三十余万个，覆盖大部分城市社区",
             "警方捣毁一个制售假学历证书窝点，查获空白证书和伪造印章两千余枚",
             "唐代考试制度研究新著出版，作者梳理了科举从报名到放榜的全过程",
             "中国证监会发布新规，进一步规范证券公司投资者适当性管理",
             "国家医保局：医保电子凭证已全国通用，参保人可在定点药店扫码结算",
             "中央气象台：今年首场寒潮自西向东影响我国，局地降温超过12摄氏度",
             "某高校一名学生因在英语六级考试中请人代考，被学校开除学籍"],
    "ecommerce": ["充电宝如果过不了机场安检，七天内寄回来运费全退，放心带",
                  "云服务器年付套餐赠送SSL证书托管，到期前自动续签，网站不掉线",
                  "荷叶糯米鸡，荷叶包过再蒸，清香不腻，冷冻装顺丰发货",
                  "证券从业资格考试教材2027版，附历年真题和模拟卷，正版包邮",
                  "冬季滑雪手套，防水加绒，雪场上课戴它不冻手",
                  "手工陶艺拉坯体验券，两人同行，含烧制和邮寄到家",
                  "香薰精油礼盒六支装，送扩香石，节日送礼首选",
                  "宠物写真套餐，摄影师上门拍摄，精修二十张，三天内出片",
                  "攀岩鞋入门款，新手友好，尺码不合适七天无理由退换",
                  "光伏板清洗刷，加长伸缩杆，清洁屋顶不用爬梯子",
                  "预售款十天内寄出，超时未发货的订单系统自动退款",
                  "证件照冲印店：拍完当场修图，交了钱就出照片，十分钟取件",
                  "浴室拖鞋买一送一，防滑加厚款，全家都能穿",
                  "荣誉证书内芯打印，A4和A5两种尺寸，单张起印",
                  "老人助行器铝合金款，可折叠收纳，带刹车和坐板"],
    "chat": ["明天就考科目三了，我妈说：“我又不能替你上考场，早点睡”",
             "倒车入库我今天一把过，教练都愣了一下",
             "卖家说这箱茶叶要是过不了海关，运费全退给我",
             "驾照补领申请交了，交管说十天内寄证到家，不用再跑一趟",
             "公司网站的证书托管在云服务商那边，到期会自动续，你不用管",
             "我外婆那本营业性演出许可证是原文化部颁发的，她以前在剧团当团长",
             "办健康证不是交了钱就给证，得先抽血体检，三天后才能拿",
             "我们小区拉了个滑雪群，周末一起去雪场？",
             "猫咪拍写真那天一直躲在沙发底下，摄影师等了一个小时",
             "陶艺课第一次拉坯就塌了，老师说新手都这样",
             "他是拿证券公司的offer还是拿银行的，纠结了一晚上",
             "同事内部推荐我去做内容审核，三班倒，我还在考虑",
             "我爸看到电视上火速成立救援队的新闻，说当年抗洪也是这样",
             "你别信那些考证广告，正经证书都得自己一门一门考",
             "这次攀岩课教练说我核心力量不够，回家得练平板支撑"],
    "official": ["机动车驾驶证补领可选择邮寄送达，审核通过后十天内寄证到申请人填写的地址",
                 "文化和旅游部：原文化部颁发的营业性演出许可证在有效期内继续有效，到期后按新规定换发",
                 "电子认证服务机构应当妥善保管用户信息，提供证书托管服务须经用户书面同意",
                 "普通高等学校招生全国统一考试：考生须本人参加考试，由他人代替参加考试的，依法追究法律责任",
                 "社会体育指导员（滑雪）技术等级培训考核合格的，由体育主管部门核发证书",
                 "人力资源社会保障部关于做好2027年技能人才评价工作的通知",
                 "健康证明办理须知：体检合格后3个工作日内出证，除体检费外不收取其他费用",
                 "航运企业应当对所属船舶实施安全管理，不得以挂靠方式将船舶交由他人经营",
                 "证券从业人员执业注册：通过中国证券业协会网站提交申请，注册信息可在线查询",
                 "国家统一法律职业资格考试：未参加考试或考试成绩不合格的，不予颁发法律职业资格证书",
                 "退役军人事务部关于开展2027年退役军人就业招聘活动的通知",
                 "市人社局：本市2027年第一批职业技能等级认定合格人员名单公示，公示期五个工作日",
                 "中国残联关于做好2027年全国残疾人职业技能竞赛选拔工作的通知",
                 "国家体育总局冬季运动管理中心：滑雪场所从业人员须经专业培训并取得相应资质",
                 "民政部 全国老龄办关于推进居家社区养老服务高质量发展的指导意见"],
    "job": ["殡仪服务中心招聘遗体整容员，入职后统一岗前培训，有相关工作经验者优先",
            "电竞俱乐部招聘陪练，段位王者以上，无需证书，底薪加提成",
            "养老服务中心招聘护理员，持养老护理员职业技能等级证书，包吃包住",
            "雪场招聘滑雪教练，须持社会体育指导员（滑雪）证书，雪季合同制",
            "光伏公司招聘屋顶安装工，须持高处作业特种作业操作证，日结工资",
            "电力公司招聘无人机巡检员，持民用无人机操控员执照，熟悉输电线路",
            "证券公司招聘客户经理，须通过证券从业资格考试，底薪加提成",
            "互联网平台招聘内容审核员，三班倒，月薪六千，岗前免费培训，不收任何费用",
            "航运公司招聘船员，持海员证和适任证书，船舶均为公司自有，不接受个人船舶挂靠",
            "内部推荐：某茶饮品牌招研发助理，推荐入职满三个月发放奖金一千五",
            "建筑设计院招聘结构工程师，须持一级注册结构工程师证书，本人全职在岗，不接受挂证",
            "咨询公司招聘ESG分析师，硕士以上学历，年薪二十五万起",
            "攀岩馆招聘定线员兼教练，有攀岩指导员证书者优先，排班制",
            "陶艺工作室招聘助教，美术相关专业，周末轮休",
            "社区卫生服务中心招聘家庭医生助理，须持执业助理医师资格证，高薪待遇面议"],
    "trap": ["我又不能替你上考场，平时多做几套卷子比什么都强",
             "老司机侧方停车一把过，围观的人都鼓起了掌",
             "这台旧手机要是过不了质检，回收商说押金全部退回",
             "SSL证书托管到云平台之后，就不用每年手动更新了",
             "祠堂里还挂着原文化部颁发的先进文化单位奖牌",
             "事故发生后火速成立调查组，原因很快就查清了",
             "唐代考生进京之前，要先在州县通过解试",
             "荷叶包过的米饭有股清香，老人最爱吃",
             "他拿证券账户的截图给我看，说今年赚了两成",
             "可以退，不过退款只退回原支付账户",
             "鞋码不合适能换，不过包退的话运费得你自己出",
             "龅牙矫正以后，她笑起来自信多了",
             "这个亲子运动会不考也发证书，每个孩子都有一张，重在参与",
             "车管所说新驾照十天内寄证上门，记得接快递电话",
             "摄影学会挂靠在县科协，今年换了新会长"],
    "latin": ["wo you bu neng ti ni shang kao chang, zi ji hao hao fu xi",
              "SSL certificate hosting renews your site's certificate automatically",
              "The former Ministry of Culture was merged with the tourism administration in 2018",
              "dao che ru ku yi ba guo, jiao lian hen man yi",
              "Your replacement driving licence will be mailed within ten days",
              "he ye bao guo de mi fan hen xiang",
              "Ski instructors must hold a valid coaching certificate",
              "ta na zheng quan gong si de offer le",
              "Full shipping refund if the parcel fails customs clearance",
              "Wen Hua is the new head of our pottery studio"],
}

REPORTS = {
    "holdout": ["人社部、网信办联合发文，整治“包过”“代考”“不过包退”等虚假宣传",
                "警惕！所谓“考证包过”都是骗局",
                "凡宣称包过的都是骗局，请勿轻信",
                "谨防“三天拿证”“内部渠道”等虚假培训广告",
                "平台规则：禁止发布含有“代考”“替考”“包过”等内容的信息",
                "记者调查发现，不少机构以“零基础包拿证”为噱头招揽学员",
                "提醒：任何声称“人社部颁发”“全国通用”的培训证书都要核实",
                "警方提示：谨防以“挂证”为名的诈骗",
                "通知指出，不得使用“国家级”“职业资格”等字样误导消费者",
                "网友曝光：某机构承诺“不过包退”，结果拒不退款",
                "专家提醒：“代考”属于违法行为，切勿参与",
                "凡是宣称“包拿证”“挂证”的培训班都不可信",
                "警惕考证骗局：包过、保过、代考都是陷阱",
                "市场监管部门查处一批“包过”虚假广告",
                "法院审理一起“替考”案件，多人获刑",
                "《关于开展山寨证书专项整治的通知》列出“速成”“内部推荐”等宣传用语",
                "反诈中心：警惕“内部名额”“包就业”骗局",
                "新闻：多地查处“挂证”行为，涉事人员被通报",
                "小心！声称“3天拿证”的都是骗子",
                "本平台严禁发布“包过”“代考”类广告，违者封号"],
    "dev": ["“代考”“包过”广告为何屡禁不止？记者调查",
            "谨防考证陷阱：所谓“保过班”实为骗局",
            "警惕“不过退款”承诺背后的套路",
            "平台公告：禁止发布含“挂证”“代考”的信息",
            "凡是宣称“零基础拿证”的机构都要当心",
            "专家：“包就业”“包分配”多为虚假宣传",
            "通报：某培训机构以“人社部颁发”为名虚假宣传被罚",
            "反诈提醒：“替考”违法，切勿上当",
            "新闻：两部门严打“山寨证书”，点名“包过”“速成”等话术",
            "警惕：“内部渠道拿证”是诈骗常用话术",
            "提醒广大考生：“三天拿证”不可信",
            "法院判决：组织“代考”构成犯罪",
            "谨防“挂证”诈骗，已有多人受骗",
            "曝光台：“不过包退”承诺无效，消费者维权难",
            "社区普法：“包过”广告不可信",
            "规则说明：出现“职业资格”“国家级”等用语的证书广告将被下架",
            "调查：“包拿证”培训班背后的利益链",
            "反诈课堂：谨防“代考”“替考”骗局",
            "警惕所谓“国家认证”“全网可查”的证书",
            "严禁在本群发布“包过”“挂证”等广告"],
    "holdout2": ["两部门通知：严禁培训机构宣传“包过”“代考”",
                 "谨防“速成拿证”骗局，市民被骗五千元",
                 "警惕！“内部渠道拿证”都是骗局",
                 "凡是宣称“不过退款”的机构请提高警惕",
                 "本站规则：不得发布“挂证”“代考”“包过”信息",
                 "记者暗访：“零基础拿证”背后是假证",
                 "反诈宣传：“人社部颁发”的假证书要当心",
                 "曝光：某机构“三天拿证”承诺被查处",
                 "法治课堂：“替考”违法，后果严重",
                 "警方提醒：谨防“挂证”兼职诈骗",
                 "市场监管局查处“包过”虚假广告五起",
                 "所谓“保过班”，实为诈骗",
                 "严打“代考”“替考”，维护考试公平",
                 "谨防“国家级证书”“全网可查”等宣传套路",
                 "调查：“包拿证”培训乱象",
                 "通报：“不过包退”承诺不兑现，机构被罚",
                 "切勿轻信“包过”宣传",
                 "网信办：下架含“代考”内容的应用",
                 "小心“高薪入职”“包就业”的培训骗局",
                 "宣称“3天拿证”的广告一律下架"],
}

REPORTS["holdout3"] = ["两部门联合整治“包过”“挂证”等违规宣传", "警惕网上“代考”广告，考生信息或被泄露",
                       "谨防所谓“零基础包拿证”骗局", "记者调查：“内部推荐”拿证的真相",
                       "平台公告：发布“不过包退”类信息将被封号", "反诈提示：“人社部颁发”证书需上官网核实",
                       "揭秘“3天拿证”背后的黑色产业链", "法院：组织“替考”获刑三年", "家长注意：“保过班”多是噱头",
                       "“包过”承诺不可信，考生需理性报考", "消协提醒：警惕“挂证”兼职陷阱",
                       "考试院声明：从未授权任何机构“代考”", "曝光一批“速成拿证”虚假广告",
                       "切勿相信“不过退款”的培训承诺", "网警提示：“代考”“替考”均属违法",
                       "调查显示，“包拿证”广告多集中在社交平台", "严禁以“国家级证书”名义招生",
                       "谨防“内部渠道”考证诈骗", "专家解读：为何“包过”类广告屡禁不止", "所谓“全网可查”的证书，实为假证"]

REPORTS["holdout4"] = ["市场监管总局公布十起虚假宣传典型案例，涉及“考证包过”“不过包退”等用语",
                       "反诈中心提醒：所谓“7天拿证”的职业技能证书多为假证",
                       "平台治理公告：对发布“代考”“替考”“挂证”信息的账号予以封禁",
                       "记者卧底调查：“零基础包拿证”培训班一个月收费上万元",
                       "人社部门答复网民：技能证书由备案的评价机构颁发，所谓“人社部颁发”“全国通用”多为虚假宣传",
                       "消费者投诉：报名时承诺“不过退款”，考试没过却拒绝退费",
                       "网信部门清理一批含“包过”“速成拿证”内容的短视频",
                       "法治日报：“挂证”行为将被纳入失信记录",
                       "高校辟谣：学校从未与任何“内部推荐”考证机构合作",
                       "网购证书需谨慎：商家自称“国家认证”“官网可查”，实际查无此证",
                       "住建部门通报：多名人员因“挂证”被撤销注册",
                       "考生提醒：网上兜售答案、“代考”的都是骗子",
                       "某培训学校因宣传“一次包过”被罚款五万元",
                       "本小组规则：禁止发布“包拿证”“3天拿证”等广告，违者移出",
                       "普法栏目：帮人“替考”可能构成代替考试罪",
                       "调查：打着“人社部颁发”旗号的培训机构，证书无处可查",
                       "电商平台下架“速成证书”商品，并提醒消费者谨防受骗",
                       "网友吐槽：报了“不过包退”的班，退费时被要求扣除资料费",
                       "教育局提醒家长：谨防“保过班”“押题班”收费陷阱",
                       "公安机关侦破一起“代考”团伙案件，涉案金额达百万元"]

REPORTS["holdout5"] = ["教育部提醒考生：网上所谓“包过”“保过”的考研辅导班均不可信",
                       "公安部通报：今年以来破获组织“代考”“替考”案件四十余起",
                       "短视频平台发布公告：全面清理“15天下证”“零基础拿证”类违规广告",
                       "反诈民警提醒：声称“免考拿证”“内部名额”的都是骗局",
                       "人社部门回应：从未委托任何机构代发证书，所谓“人社部直接发证”纯属虚假宣传",
                       "某地法院判决：以“挂证兼职”为名骗取押金，被告人获刑两年",
                       "社区反诈宣传栏：“不过全额退费”往往是骗取学费的诱饵",
                       "电视问政：“全国通用”“终身有效”的山寨证书坑了多少人",
                       "网友求助：花八千报了“包过班”，考试没过机构却失联了",
                       "消保委发布消费警示：警惕培训机构“一次通过”“不过包退”的承诺",
                       "某招聘平台规则：职位描述中出现“挂证”“代考”字样的将被驳回",
                       "律师说法：花钱找人“替考”，雇主和枪手都可能构成犯罪",
                       "央视曝光：网售“国家认证”技能证书，扫码查询的竟是山寨网站",
                       "记者调查：打着“包考包过”旗号的培训机构多无办学资质",
                       "县市场监管局责令一家机构删除“人社部颁发、全国联网可查”等虚假宣传用语",
                       "工信部教育与考试中心声明：从未授权任何机构开展“速成发证”业务",
                       "网信办开展专项行动，处置传播“代考”“卖答案”信息的账号两千余个",
                       "大学生兼职被骗：“挂证一年五千元”，结果身份信息被冒用",
                       "反诈课堂第12讲：“零基础包拿证”“10天下证”的广告别信",
                       "平台社区公约：禁止发布含“包过”“替考”“免考拿证”等内容的商品和帖子"]

REPORTS["holdout6"] = ["教育部考试中心提醒：网上兜售“远程代考”服务的均涉嫌违法犯罪",
                       "某市人社局发布风险提示：宣称“免试领证”“教育部颁发”的证书培训均为虚假宣传",
                       "检察机关起诉一起组织考试作弊案，被告人以“不过免费重修”为噱头招揽考生",
                       "住建部门通报：“证书出租”与“挂证”行为一经查实，撤销注册并记入信用档案",
                       "消费者协会：警惕“20天领证”“包过”类培训广告，报名前请核实机构资质",
                       "平台发布职业培训类内容管理规范，明确禁止“代考”“替考”“保过”等表述",
                       "反诈专栏：骗子常以“内部指标”“国家承认”“全国有效”为诱饵，收取报名费后失联",
                       "新华视点：起底网络“代考”产业链，有人一单收费上万元",
                       "法官提醒：参与“替考”不仅成绩作废，还可能面临刑事处罚",
                       "某短视频平台一周内处置宣传“快速拿证”“包教包会包拿证”的违规视频三千余条",
                       "高校就业指导中心提醒毕业生：“交钱挂证、坐收年费”是陷阱，切勿出借个人证书",
                       "网友发帖称交了五千元“包过费”，机构承诺的“不过全退”迟迟没有兑现",
                       "律师解读：培训机构在广告中使用“国家承认”“全国有效”等用语，可能违反广告法",
                       "群公告：本群禁止发“包过”“代考”“证书出租”等广告，发现一次踢一次",
                       "央视财经调查：所谓“不用考试就能拿的证”，查询网站竟是机构自建",
                       "国家市场监管总局发布职业技能培训消费提示，提醒警惕“包过”“高薪就业”承诺",
                       "考试院严正声明：本院从未委托任何机构或个人办理“内部报名”“保过”业务",
                       "电商平台规则更新：商品标题含“代考”“免考”“包过”的一律下架处理",
                       "反诈宣传进社区：民警讲解“在家躺赚挂证费”“远程代考”等新型骗局",
                       "记者暗访发现，一些机构以“零基础20天领证”为卖点，实际发放的是无法查询的假证书"]

REPORTS["holdout7"] = ["住建部门通报：一批注册人员存在“人证分离”问题，相关注册被依法撤销",
                       "反诈提醒：所谓“签约保过”“不过退学费”，交钱之后机构往往失联",
                       "人社部门澄清：原人事部早已撤并，如今打着“原人事部颁发”旗号的证书均为假证",
                       "教育考试院提醒：网上兜售“线上助考”“远程协助”的账号涉嫌组织考试作弊",
                       "记者调查：号称“30天出证”的培训机构，发的证书在官方平台查不到",
                       "平台规则：商品详情中出现“包过”“代考”“挂证”等用语的，一律下架",
                       "律师提示：“政府主推”“国家认可”并非资质证明，报名前请在官方平台核实",
                       "消协发布2026年春季消费提示：警惕职业培训“可查可验”“全国通用”等宣传话术",
                       "警方通报：一团伙以“高薪挂靠”为名收取押金，已有三十余人受骗",
                       "短视频平台公告：对宣传“零基础拿证”“包拿证”的账号限制流量并清理视频",
                       "央视新闻：“内部推荐”“直接出证”的背后，是一条假证生意链",
                       "法院判决：被告人为考生提供“代考”服务，以代替考试罪判处拘役四个月",
                       "二手交易平台社区规范：禁止发布“替考”“代考”“证书挂靠”等违规信息",
                       "求职平台风险提示：职位描述中含“挂证”“人证分离”字样的，请及时举报",
                       "网友吐槽：报了“签约保过”班，考试没过，机构却说“保过”指的是保证过课",
                       "市场监管局约谈三家培训机构，要求删除“人社部颁发”“职业资格证书全国通用”等宣传",
                       "反诈宣传册：骗子常说“不过退学费”“内部渠道”“政府补贴全免”",
                       "高校辟谣：学校从未与任何机构合作开展“30天出证”“免考拿证”项目",
                       "群公告：禁止发“线上助考”“包过”“挂证”广告，发现直接移出",
                       "专家解读：“岗位合格证”“职业技能等级证书”都能在官方平台查到，别信“速成拿证”的宣传"]

REPORTS["holdout8"] = ["人社部门提醒：网上宣称“包通过”“小白包拿证”的培训广告不可信，证书请在全国联网平台核验",
                       "教育考试院通报：有中介以“本人无需到场”为卖点招揽考生，实为组织替考",
                       "反诈中心：原劳动部早在1998年就已改组，如今哪来的“原劳动部发证”",
                       "消费者投诉：机构承诺“没过退全款”，考试没通过却以各种理由拖延退费",
                       "记者调查：号称“两周拿证”的睡眠健康管理师培训，证书在官方平台查不到",
                       "平台治理公告：含“包过”“代考”“挂证”“本人无需到场考试”等内容的商品将被下架",
                       "央视曝光：所谓“国家认可、全国通用”的情绪疗愈师证书，实为机构自行印制",
                       "市场监管局查处一批虚假培训广告，涉及“小白包拿证”“上岗必须”等用语",
                       "警方提醒：以“内部名额”“月入过万”为诱饵的考证骗局近期高发",
                       "法院判决：组织他人“替考”并收取“包通过费”，被告人获刑一年六个月",
                       "网友吐槽：报了“包通过”的班，没过之后机构说“包通过”指的是包通过报名审核",
                       "律师提醒：“政府主推”“上岗必须”等说法不能作为证书效力的依据",
                       "住建部门通报：多名注册人员“挂证”取酬，被撤销注册并列入失信名单",
                       "短视频平台规则：禁止发布“×天拿证”“速成拿证”“代考”类内容，违者限流封号",
                       "社区反诈宣传：接到“证书挂靠一年稳赚两万”的电话，请直接挂断",
                       "消协发布2026年职业培训消费提示：警惕“不过包退”“没过退全款”等承诺",
                       "人社局辟谣：从未授权任何机构办理“原劳动部发证”“人社部颁发”的证书",
                       "二手平台社区规范：禁止发布“代考”“替考”“考试包通过”等违规信息",
                       "记者暗访：一家机构宣称“本人无需到场、两周拿证”，一个证收费八千元",
                       "专家解读：“零基础包拿证”“小白包拿证”类广告为何屡禁不止"]

REPORTS["holdout9"] = ["人社部门提醒：宣称“一次稳过”“无需考试出证”的职业技能培训广告均不可信",
                       "公安机关破获一起组织考试作弊案，团伙以“专人替考”为噱头收费，每单三千至八千元",
                       "反诈中心：原信息产业部早在2008年就已撤并，如今宣称“原信息产业部颁证”的证书都是假的",
                       "消费者投诉：报名时写着“不过全额返还”，考试没过，机构却只退三成",
                       "记者调查：号称“5天证书到手”的具身智能训练师培训，证书在官方平台查不到",
                       "住建部门提醒：“挂证躺赚”违法，一经查实撤销注册并纳入失信记录",
                       "平台治理公告：含“包过”“代考”“挂证躺赚”“专人替考”等内容的商品和笔记一律下架",
                       "央视曝光：所谓“国家职业资格”“全国通用”的体重管理师证书，实为机构自行印制",
                       "市场监管局查处一批培训虚假宣传，涉及“一次稳过”“上岗必备”“零基础拿证”等用语",
                       "法院判决：为考生提供“专人替考”服务，被告人以代替考试罪被判处拘役五个月",
                       "网友吐槽：机构承诺“不过全额返还”，没过之后说返还的是“学习积分”",
                       "律师提醒：“国家统一颁证”“原×部颁发”等说法不能证明证书效力，请到官方平台核验",
                       "消协发布2026年冬季消费提示：警惕考证培训“5天证书到手”“无需考试出证”等承诺",
                       "人社局辟谣：从未授权任何机构发放“原信息产业部颁证”的技能证书",
                       "短视频平台规则：禁止发布“一次稳过”“×天证书到手”“挂证”类内容，违者限流封号",
                       "社区反诈宣传：接到“证书挂出去一年躺赚三万”的电话，请直接挂断",
                       "二手平台社区规范：禁止发布“代考”“替考”“专人替考”“证书出租”等违规信息",
                       "记者暗访：一家机构宣称“无需考试出证、全国联网可查”，一个医疗护理员证收费六千元",
                       "高校就业指导中心提醒：“内推直通车”“高薪包就业”式的考证广告多为骗局",
                       "专家解读：“一次稳过”“不过全额返还”类考证广告为何屡禁不止"]

REPORTS["holdout10"] = ["技能人才评价证书一律以联网平台为准，所谓“保证通过”“报名即发证”都是营销噱头",
                        "公安机关打掉一个“全程帮考”作弊团伙，涉案考生被取消考试资格",
                        "卫健部门辟谣：原卫生部早已撤销，所谓“原卫生部颁证”的保健类证书均系伪造",
                        "消费者投诉：机构承诺“不过不收费”，考试没过却以“资料费”为名扣下两千元",
                        "晚报记者报名体验：标榜“一周内发证”的老年助浴师班，上课三天就发了本查不到编号的证",
                        "工程建设领域专项检查发现，多名人员轻信“挂靠不坐班”的中介，注册资格已被撤销",
                        "平台治理公告：含“全程帮考”“挂靠不坐班”“报名即发证”等内容的商品一律下架",
                        "电视问政曝光：印着“国徽”“双章认证”的技能证书，实为机构自行印制",
                        "市场监管局查处一批培训虚假宣传，涉及“政府大力扶持”“包安置”“零门槛速通”等用语",
                        "法院判决：为考生提供“全程帮考”服务，被告人以组织考试作弊罪获刑一年",
                        "网友吐槽：报名时说“保证通过”，没过之后机构说保证的是“通过培训”",
                        "普法栏目：证书上印没印国徽、叫不叫“国家一级职业资格”，都不代表它真实有效",
                        "消协发布跨年消费提示：警惕考证培训“一周内发证”“不过不收费”等承诺",
                        "直播平台管理规范：主播口播“保证通过”“报名即发证”“高价收证”将被断播",
                        "社区民警提醒：“证书挂靠不坐班，每年稳拿两万”是典型挂证话术，请勿上当",
                        "闲置交易平台更新违禁信息清单，“全程帮考”“代考”“挂证”等内容新增进列表",
                        "退费纠纷调解记录：当初销售说“报名即发证、全国联网秒查”，交了五千元后证书至今没见到",
                        "学校辅导员提醒毕业生：“内定名额”“考完包安置”式的考证广告多为骗局",
                        "专家解读：“保证通过”“不过不收费”类考证广告为何换个说法又冒出来",
                        "人社局声明：本局从未与任何机构合作推出“政府大力扶持”的速通考证班"]

REPORTS["holdout11"] = ["人社部门提醒：宣称“百分百拿证”“免笔试免实操”的职业技能培训广告均不可信，证书请在官方平台核验",
                        "公安机关捣毁一个“考试枪替”团伙，该团伙在社交平台招揽考生，每场收费五千元",
                        "住建部门辟谣：原建设部已于2008年改组，所谓“原建设部颁发”的新职业证书均系伪造",
                        "消费者投诉：机构承诺“未通过无条件退费”，考试没过后却要求先续报下一期",
                        "记者暗访：号称“48小时加急出证”的数据资产评估师培训，证书编号在官方平台查不到",
                        "住建部门提醒：所谓“闲置证书挂靠变现”就是挂证，一经查实撤销注册并记入不良信用记录",
                        "平台治理公告：含“考试枪替”“当月考当月拿证”“闲置证书挂靠变现”等内容的帖子一律删除",
                        "电视台曝光：封面印着“中华人民共和国职业资格证书”的认知症照护师证，实为机构自行印制",
                        "市场监管局查处一批考证培训虚假宣传，涉及“政府重点推广”“包推荐进大厂”“无证一律不能上岗”等用语",
                        "法院判决：组织“考试枪替”的被告人以组织考试作弊罪被判处有期徒刑一年二个月",
                        "网友吐槽：销售说“百分百拿证”，交费后才知道拿的只是一张结业证明",
                        "律师提醒：证书上印有“原建设部”“国家职业资格”字样，并不能证明其真实有效",
                        "消协发布开春消费提示：警惕考证培训“当月考当月拿证”“48小时加急出证”等承诺",
                        "短视频平台社区规范：禁止发布“免笔试免实操”“考试枪替”“挂证”等违规内容",
                        "社区反诈提醒：接到“闲置证书挂靠变现，一年到手三万”的电话，请直接挂断并举报",
                        "二手交易平台违禁信息清单新增“考试枪替”“代考”“证书挂靠”等关键词",
                        "退费纠纷调解：合同写着“未通过无条件退费”，机构却以学员缺课为由拒绝退款",
                        "高校就业指导中心提醒：“有内推名额”“考完定向进车企”的考证广告多为骗局",
                        "专家解读：“百分百拿证”“免笔试免实操”类考证广告为何总能换出新说法",
                        "人社局声明：本局从未授权任何机构开办“免笔试免实操”的安宁疗护师考证班"]

REPORTS["holdout12"] = ["人社部门提醒：宣称“包你一把过”“不考也发证”的职业技能培训广告均不可信，证书请在全国联网平台核验",
                        "公安机关打掉一个“替你上考场”作弊团伙，该团伙在短视频平台以招募“陪考”为名招揽考生",
                        "文旅部门辟谣：原文化部已于2018年撤销，如今宣称“原文化部颁发”的香薰、陶艺类证书均系伪造",
                        "消费者投诉：机构承诺“过不了全退”，考试没过后却说只退教材费",
                        "记者暗访：号称“十天内寄证”的入殓师培训，寄来的证书在官方平台查不到编号",
                        "住建部门提醒：所谓“证书托管”就是挂证，出借证书一经查实撤销注册并记入信用档案",
                        "平台治理公告：含“替你上考场”“躺着拿证”“证书托管”等内容的商品和帖子一律下架",
                        "电视台曝光：自称“国家部委认定”“三十一个省份都认”的无人机巡检员证，实为培训机构自行印制",
                        "市场监管局查处一批考证培训虚假宣传，涉及“政府财政买单”“上岗硬性要求”“保送进头部平台”等用语",
                        "法院判决：以“替你上考场”为噱头组织代考的被告人，以代替考试罪被判处拘役六个月",
                        "网友吐槽：销售说报了名就能“躺着拿证”，结果拿到手的是一张培训结业证明",
                        "律师提醒：证书上写着“原文化部”“国务院国资委”字样，并不能证明其真实有效",
                        "消协发布寒假消费提示：警惕考证培训“十天内寄证”“包你一把过”等承诺",
                        "短视频平台社区规范：禁止发布“不考也发证”“代考”“证书托管”等违规内容",
                        "社区反诈提醒：接到“证书托管，每年固定到账两万八”的电话，请直接挂断并举报",
                        "二手交易平台违禁信息清单新增“替你上考场”“证书托管”“挂证”等关键词",
                        "退费纠纷调解：合同写着“过不了全退”，机构却以学员未完成打卡为由拒绝退款",
                        "高校就业指导中心提醒：“走关系户渠道”“大厂直接发offer”的考证广告多为骗局",
                        "专家解读：“包你一把过”“躺着拿证”类考证广告为何总在寒假前后冒出来",
                        "人社局声明：本局从未授权任何机构开办“不考也发证”的滑雪指导员考证班"]

# Pools whose pinyin may also be written with tone numbers (bao1 guo4); the others keep their draws.
TONE_NUMBER_POOLS = {"holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9",
                     "holdout10", "holdout11", "holdout12"}
TONE_MARKS = {"āáǎà": "a", "ēéěè": "e", "īíǐì": "i", "ōóǒò": "o", "ūúǔù": "u", "ǖǘǚǜ": "v"}


def tone_number(marked: str) -> str:
    """`bāo` -> `bao1`: the syllable without its mark, followed by the tone's number (5: neutral)."""
    for marks, base in TONE_MARKS.items():
        for tone, m in enumerate(marks, 1):
            if m in marked:
                return marked.replace(m, base) + str(tone)
    return marked + "5"


def evade(phrase: str, kind: str, rng: random.Random, tone_numbers: bool = False, pool: str = "") -> str:
    """Writes `phrase` in the given evasion kind (only Chinese characters with known forms change).

    With `tone_numbers`, pinyin may also be written with tone numbers (an extra style, drawn so that the
    pools without it keep exactly the draws they had). `pool` picks that pool's extra separators,
    homophones, splits and traditional forms (POOL_*), if it has any."""
    homophones = merged(HOMOPHONES, POOL_HOMOPHONES.get(pool, {}))
    splits = merged(SPLITS, POOL_SPLITS.get(pool, {}))
    chars = list(phrase)
    keys = [i for i, c in enumerate(chars) if c in PINYIN]
    if kind == "plain":
        return phrase
    if kind == "disguise":
        trad = {"过": "過", "证": "證", "考": "考", "挂": "掛", "发": "發", "颁": "頒", "础": "礎",
                "天": "天", "退": "退", "款": "款"}
        trad.update(POOL_TRAD.get(pool, {}))
        seps = [" ", "-", "·", "💯", "\u200b", "★", "｜"] + POOL_SEPARATORS.get(pool, [])
        out = []
        for c in chars:
            c = trad.get(c, c) if rng.random() < 0.5 else c
            c = chr(ord(c) + 0xFEE0) if c.isdigit() and rng.random() < 0.5 else c
            out.append(c)
        return rng.choice(seps).join(out)
    if kind == "pinyin_full":
        base = 5 if tone_numbers else 4
        extra = POOL_EXTRA_PINYIN.get(pool, [])
        style = rng.randrange(base + len(extra))
        name = extra[style - base] if style >= base else ""
        if name == "BaoGuo":
            return "".join(PINYIN[c][0].capitalize() if c in PINYIN else c for c in chars)
        if name == "bāoguò":
            return "".join(PINYIN[c][1] if c in PINYIN else c for c in chars)
        if name == "bao-guo":
            return "-".join(PINYIN[c][0] if c in PINYIN else c for c in chars)
        if name:  # holdout6's to holdout12's styles: runs of other characters (digits) stay one token
            tokens, other = [], False
            for c in chars:
                if c in PINYIN:
                    if name in ("BĀO GUÒ", "Bāo Guò", "bāo-guò", "Bāoguò", "bāo·guò"):
                        tokens.append(PINYIN[c][1])
                    elif name in ("BAO1 GUO4", "Bao1Guo4", "bao1-guo4", "bao1.guo4", "Bao1 Guo4"):
                        tokens.append(tone_number(PINYIN[c][1]))
                    else:
                        tokens.append(PINYIN[c][0])
                elif other:
                    tokens[-1] += c
                else:
                    tokens.append(c)
                other = c not in PINYIN
            if name == "Bao Guo":
                return " ".join(t.capitalize() for t in tokens)
            if name == "bao'guo":
                return "'".join(tokens)
            if name == "baoGuo":
                return tokens[0] + "".join(t.capitalize() for t in tokens[1:])
            if name == "BĀO GUÒ":
                return " ".join(t.upper() for t in tokens)
            if name == "bao_guo":
                return "_".join(tokens)
            if name == "Bāo Guò":
                return " ".join(t.capitalize() for t in tokens)
            if name in ("BAO1 GUO4", "BAO GUO"):  # the tokens carry tone numbers or not
                return " ".join(t.upper() for t in tokens)
            if name == "Baoguo":
                joined = "".join(tokens)
                return joined[:1].upper() + joined[1:]
            if name == "bao·guo":
                return "·".join(tokens)
            if name == "bao.guo":
                return ".".join(tokens)
            if name == "Bao1Guo4":
                return "".join(t.capitalize() for t in tokens)
            if name == "bāo-guò":
                return "-".join(tokens)
            if name == "BAO-GUO":
                return "-".join(t.upper() for t in tokens)
            if name == "bao1-guo4":
                return "-".join(tokens)
            if name == "Bāoguò":
                joined = "".join(tokens)
                return joined[:1].upper() + joined[1:]
            if name == "bao/guo":
                return "/".join(tokens)
            if name == "Bao-Guo":
                return "-".join(t.capitalize() for t in tokens)
            if name == "bao1.guo4":
                return ".".join(tokens)
            if name == "bao+guo":
                return "+".join(tokens)
            if name == "bāo·guò":
                return "·".join(tokens)
            if name == "Bao1 Guo4":
                return " ".join(t.capitalize() for t in tokens)
            raise ValueError(name)
        if style == 4:  # bao1 guo4 or bao1guo4
            sylls = [tone_number(PINYIN[c][1]) if c in PINYIN else c for c in chars]
            return (" " if rng.random() < 0.5 else "").join(sylls)
        sylls = [PINYIN[c][1 if style == 2 else 0] if c in PINYIN else c for c in chars]
        if style == 3:
            sylls = [s.upper() for s in sylls]
        return (" " if style in (1, 2) else "").join(sylls)
    if kind == "pinyin_char":
        i = rng.choice(keys)
        base = 3 if tone_numbers else 2
        extra = POOL_EXTRA_PINYIN_CHAR.get(pool, [])
        form = rng.randrange(base + len(extra))
        name = extra[form - base] if form >= base else ""
        if name == "Guo":  # 包Guo
            chars[i] = PINYIN[chars[i]][0].capitalize()
        elif name == "GUO":  # 包GUO
            chars[i] = PINYIN[chars[i]][0].upper()
        elif name == "Guò":  # 包Guò
            chars[i] = PINYIN[chars[i]][1].capitalize()
        elif name == "GUÒ":  # 包GUÒ
            chars[i] = PINYIN[chars[i]][1].upper()
        elif name == "Guo4":  # 包Guo4
            chars[i] = tone_number(PINYIN[chars[i]][1]).capitalize()
        elif name == "GUO4":  # 包GUO4
            chars[i] = tone_number(PINYIN[chars[i]][1]).upper()
        elif name == "（guo）":  # 包（guo）
            chars[i] = "（" + PINYIN[chars[i]][0] + "）"
        elif name == "[guo]":  # 包[guo]
            chars[i] = "[" + PINYIN[chars[i]][0] + "]"
        elif name == "【guo】":  # 包【guo】
            chars[i] = "【" + PINYIN[chars[i]][0] + "】"
        elif name == "「guo」":  # 包「guo」
            chars[i] = "「" + PINYIN[chars[i]][0] + "」"
        elif name == "(guò)":  # 包(guò)
            chars[i] = "(" + PINYIN[chars[i]][1] + ")"
        elif name == "『guo』":  # 包『guo』
            chars[i] = "『" + PINYIN[chars[i]][0] + "』"
        elif name == "〔guò〕":  # 包〔guò〕
            chars[i] = "〔" + PINYIN[chars[i]][1] + "〕"
        elif name == "《guo》":  # 包《guo》
            chars[i] = "《" + PINYIN[chars[i]][0] + "》"
        elif name == "{guò}":  # 包{guò}
            chars[i] = "{" + PINYIN[chars[i]][1] + "}"
        else:
            chars[i] = tone_number(PINYIN[chars[i]][1]) if form == 2 else PINYIN[chars[i]][form]
        return "".join(chars)
    if kind == "pinyin_initial":
        i = rng.choice([k for k in keys if k > 0] or keys)
        if rng.random() < 0.5 or len(phrase) <= 2:
            chars[i] = PINYIN[chars[i]][0][0] + chars[i]  # 包g过: the initial typed before it
        else:
            chars[i] = PINYIN[chars[i]][0][0]  # 不过b退: the initial instead of it
        if rng.random() < 0.3:
            return " ".join(chars)
        return "".join(chars)
    if kind == "homophone":
        options = [i for i, c in enumerate(chars) if c in homophones]
        i = rng.choice(options)
        chars[i] = rng.choice(homophones[chars[i]])
        return "".join(chars)
    if kind == "split":
        options = [i for i, c in enumerate(chars) if c in splits]
        i = rng.choice(options)
        chars[i] = rng.choice(splits[chars[i]])
        return "".join(chars)
    raise ValueError(kind)


def can(phrase: str, kind: str, pool: str = "") -> bool:
    if kind == "homophone":
        return any(c in merged(HOMOPHONES, POOL_HOMOPHONES.get(pool, {})) for c in phrase)
    if kind == "split":
        return any(c in merged(SPLITS, POOL_SPLITS.get(pool, {})) for c in phrase)
    return True


# The ad templates: {cert}, {claim} (the key phrase as evaded) and {tail}; a pool may have its own.
TEMPLATES = ["{cert}{claim}{tail}", "{claim}！{cert}{tail}", "{cert}，{claim}{tail}"]


def ads(pool: str, rng: random.Random) -> list:
    p = POOLS[pool]
    keys = POOL_KEYS.get(pool, KEYS)
    templates = p.get("templates", TEMPLATES)
    rows = []
    kinds = ["plain", "disguise", "pinyin_full", "pinyin_char", "pinyin_initial", "homophone", "split"]
    per_kind = 22
    for kind in kinds:
        n = 0
        while n < per_kind:
            key = rng.choice(keys)
            if not can(key, kind, pool):
                continue
            cert = rng.choice(p["certs"])
            tail = rng.choice(p["tails"])
            claim = evade(key, kind, rng, pool in TONE_NUMBER_POOLS, pool)
            order = rng.randrange(len(templates))
            text = templates[order].format(cert=cert, claim=claim, tail=tail)
            if any(text == r[2] for r in rows):
                continue  # drawn twice (only holdout6 ever was): draw again, so no line repeats
            rows.append(("ad", kind, text))
            n += 1
    for text in p["context"]:
        rows.append(("ad", "context", text))
        rows.append(("ad", "context", text + rng.choice(p["tails"])))
    return rows


# Prefixes of the second copy of each ordinary line; a pool may have its own.
PREFIXES = ["【转发】", "早上好，", "2024-05-12 ", "用户小王：", "回复：", "刚看到："]
POOL_PREFIXES = {"holdout5": ["【分享】", "转自朋友圈：", "2025/03/08 ", "网友留言：", "@所有人 ", "截图文字："],
                 "holdout6": ["【收藏】", "群消息：", "2026.01.17 ", "楼主：", "来源网络：", "备忘："],
                 "holdout7": ["【置顶】", "朋友圈截图：", "2026年2月3日 ", "评论区：", "闲鱼留言：", "语音转文字："],
                 "holdout8": ["【转载】", "微博评论：", "2026-04-09 ", "家长群：", "小红书笔记：", "邻居说："],
                 "holdout9": ["【搬运】", "抖音评论：", "2026年11月20日 ", "业主群：", "知乎回答：", "同事转发："],
                 "holdout10": ["【推荐】", "群聊记录：", "2026年12月05日 ", "B站弹幕：", "贴吧回复：", "微信收藏："],
                 "holdout11": ["【存档】", "朋友圈转发：", "01-16 09:30 ", "车友群：", "豆瓣小组：", "公众号留言："],
                 "holdout12": ["【备份】", "群友截图：", "2027-02-14 ", "宝妈群：", "快手评论：", "同学说："]}


def ordinary(pool: str, rng: random.Random) -> list:
    rows = []
    prefixes = POOL_PREFIXES.get(pool, PREFIXES)
    for kind, lines in ORDINARY[pool].items():
        for line in lines:
            rows.append(("ordinary", kind, line))
            rows.append(("ordinary", kind, rng.choice(prefixes) + line))
    return rows


def reports(pool: str, rng: random.Random) -> list:
    return [("report", "report", line) for line in REPORTS[pool]]


def main() -> None:
    for seed, pool in [(15, "holdout"), (1515, "dev"), (151515, "holdout2"), (15151515, "holdout3"),
                       (1515151515, "holdout4"), (151515151515, "holdout5"),
                       (15151515151515, "holdout6"), (1515151515151515, "holdout7"),
                       (151515151515151515, "holdout8"), (15151515151515151515, "holdout9"),
                       (1515151515151515151515, "holdout10"), (151515151515151515151515, "holdout11"),
                       (15151515151515151515151515, "holdout12")]:
        rng = random.Random(seed)
        rows = ads(pool, rng) + ordinary(pool, rng) + reports(pool, rng)
        path = HERE / f"{pool}.tsv"
        with path.open("w", encoding="utf-8") as f:
            f.write("# label\tkind\ttext  (written by datasets/terms_eval/generate.py; see its docstring)\n")
            for label, kind, text in rows:
                assert "\t" not in text and "\n" not in text
                f.write(f"{label}\t{kind}\t{text}\n")
        counts = {}
        for label, _, _ in rows:
            counts[label] = counts.get(label, 0) + 1
        print(path.name, counts)


if __name__ == "__main__":
    main()
