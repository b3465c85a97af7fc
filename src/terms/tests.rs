use super::*;

fn matcher() -> &'static Matcher {
    static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    M.get_or_init(Matcher::with_default_rules)
}

/// (rule, original text) of every match.
fn found(text: &str) -> Vec<(String, String)> {
    matcher()
        .find_all(text)
        .into_iter()
        .map(|m| (m.rule, m.text))
        .collect()
}

fn rules(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(r, _)| r).collect()
}

fn has(text: &str, rule: &str) -> bool {
    rules(text).iter().any(|r| r == rule)
}

#[test]
fn plain_phrases_match() {
    assert_eq!(rules("考试包过"), ["promise.guaranteed_pass"]);
    assert!(has("本机构提供代考服务", "promise.exam_proxy"));
    assert!(has("挂证每年两万", "promise.certificate_affiliation"));
    assert!(has("不过包退", "promise.refund_if_fail"));
    assert!(has("零基础包拿证", "promise.zero_basis_certificate"));
    assert!(has("职业技能等级证书", "qual.skill_level"));
    // 政府主推 is weak: it counts next to a certificate or training word, not on a subsidy.
    assert!(has("政府主推项目，考证补贴", "promise.government_backed"));
    assert!(!has("政府主推以旧换新补贴", "promise.government_backed"));
    assert!(has("证书印有国徽", "emblem.on_certificate"));
    assert!(rules("今天天气很好，我们去公园散步").is_empty());
}

#[test]
fn full_width_and_case_are_folded() {
    let m = matcher().find_all("ＡＢＣ证书３天拿证");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].rule, "promise.days_to_certificate");
    assert_eq!(m[0].text, "３天拿证");
}

#[test]
fn traditional_characters_are_folded() {
    assert_eq!(
        found("包過"),
        [("promise.guaranteed_pass".into(), "包過".into())]
    );
    assert!(has("職業資格證書", "qual.vocational_qualification"));
    assert!(has("國家級證書", "state.national"));
    assert!(has("掛證", "promise.certificate_affiliation"));
}

#[test]
fn separators_emoji_and_zero_width_are_skipped() {
    for text in [
        "包-过",
        "包💯过",
        "包 过",
        "包\u{200b}过",
        "包\u{200d}过",
        "包·过",
        "包\n过",
        "包★★过",
    ] {
        let m = matcher().find_all(text);
        assert_eq!(m.len(), 1, "{text:?}");
        assert_eq!(m[0].text, text, "the span covers the whole evasion");
    }
}

#[test]
fn numbers_in_any_form_make_days_to_certificate() {
    for (text, span) in [
        ("3天拿证", "3天拿证"),
        ("仅需三天拿证", "三天拿证"),
        ("十天拿证", "十天拿证"),
        ("二十天拿证", "二十天拿证"),
        ("３天拿证", "３天拿证"),
        ("⑤天拿证", "⑤天拿证"),
        ("❺天拿证", "❺天拿证"),
        ("15天出证", "15天出证"),
        ("叁天拿證", "叁天拿證"),
        ("一个月拿证", "一个月拿证"),
    ] {
        assert_eq!(
            found(text),
            [("promise.days_to_certificate".to_string(), span.to_string())],
            "{text}"
        );
    }
    assert!(rules("几天拿证").is_empty(), "no number, no match");
    // Another number before a separator is not part of this one.
    assert_eq!(
        found("假一，⑤天拿證"),
        [(
            "promise.days_to_certificate".to_string(),
            "⑤天拿證".to_string()
        )]
    );
    assert_eq!(
        found("2 0天拿证"),
        [(
            "promise.days_to_certificate".to_string(),
            "0天拿证".to_string()
        )]
    );
}

#[test]
fn state_names_need_certificate_context() {
    assert!(rules("中国").is_empty());
    assert!(rules("国家").is_empty());
    assert!(rules("我爱中国，国家富强，全国人民团结一心").is_empty());
    assert!(has("国家级证书", "state.national"));
    assert!(has("中华人民共和国职业技能证书", "state.prc"));
    assert!(has("中国电力协会培训", "state.china"));
    // A certificate word just inside and just outside the 20-character window.
    let near = format!("国家{}证书", "好".repeat(20));
    let far = format!("国家{}证书", "好".repeat(21));
    assert!(has(&near, "state.national"));
    assert!(!has(&far, "state.national"));
    // Separators do not count towards the window.
    let spaced = format!("国家{}证书", "，".repeat(40));
    assert!(has(&spaced, "state.national"));
}

#[test]
fn ordinary_readings_of_short_phrases_pass_alone() {
    // 包 the bag, 包 "wrap", 过 an ordinary verb or aspect; 保 + 过; 替/代 "on behalf of" + 考生.
    for text in [
        "这款包过两天降价",
        "那个包过了安检",
        "他包过的饺子最好吃",
        "孩子的书包过大",
        "保过冬的大白菜",
        "保过关就行",
        "要确保过程可控",
        "他担保过一笔贷款",
        "他替考生们着想",
        "他接替考官的工作",
        "经受住时代考验",
        "他从钱包拿证件",
    ] {
        assert!(rules(text).is_empty(), "{text}: {:?}", found(text));
    }
    // Bare phrases, and readings that are not listed, still flag alone.
    assert!(has("包过", "promise.guaranteed_pass"));
    assert!(has("包过！名额有限", "promise.guaranteed_pass"));
    assert!(has("替考", "promise.exam_proxy"));
    assert!(has("专业替考，微信联系", "promise.exam_proxy"));
    assert!(has("包拿证", "promise.zero_basis_certificate"));
}

#[test]
fn a_claim_word_outside_the_reading_keeps_the_match() {
    // A certificate or exam word (the weak context list) near the reading: the phrase is the claim.
    assert!(has("电工证包过两天拿证", "promise.guaranteed_pass"));
    assert!(has("考证保过，名额有限", "promise.guaranteed_pass"));
    assert!(has("考试保过关", "promise.guaranteed_pass"));
    assert!(has("育婴师培训包过了", "promise.guaranteed_pass"));
    assert!(has("证书包过", "promise.guaranteed_pass"));
    assert!(has("替考生代考，报名从速", "promise.exam_proxy"));
    // A report word does too (and the match is then a mention).
    let m = matcher().find_all("凡宣称包过的都是骗局");
    assert!(
        m.iter()
            .any(|m| m.rule == "promise.guaranteed_pass" && m.mention),
        "{m:?}"
    );
    // A word inside the reading does not: 证件 in 包拿证件 is what makes it ordinary.
    assert!(rules("他从钱包拿证件").is_empty());
    // The window still applies.
    let far = format!("保过{}证书", "好".repeat(21));
    assert!(!has(&far, "promise.guaranteed_pass"));
    let near = format!("保过{}证书", "好".repeat(20));
    assert!(has(&near, "promise.guaranteed_pass"));
}

#[test]
fn ordinary_readings_of_a_user_rule() {
    let toml = r#"
weak_context = "cert"
[context.cert]
words = ["证书"]
[[rule]]
id = "x.claim"
category = "other"
severity = "high"
phrases = ["甲乙"]
ordinary = ["甲乙丙"]
"#;
    let m = Matcher::builder()
        .rules(RuleSet::empty())
        .add_rules_toml(toml, "test")
        .unwrap()
        .build()
        .unwrap();
    let ids = |t: &str| {
        m.find_all(t)
            .into_iter()
            .map(|m| m.rule)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("甲乙"), ["x.claim"]);
    assert!(ids("甲乙丙").is_empty());
    assert_eq!(ids("证书甲乙丙"), ["x.claim"]);
    // Without a weak_context or mention list, an ordinary reading always cancels.
    let bare = toml.replace("weak_context = \"cert\"", "");
    let m = Matcher::builder()
        .rules(RuleSet::empty())
        .add_rules_toml(&bare, "test")
        .unwrap()
        .build()
        .unwrap();
    assert!(m.find_all("证书甲乙丙").is_empty());
}

#[test]
fn tone_number_pinyin_and_the_ministry_in_pinyin() {
    assert!(has("电工证bao4 guo4", "promise.guaranteed_pass"));
    assert!(has("ti4 kao3，微信", "promise.exam_proxy"));
    assert!(has("3tian1na2zheng4！", "promise.days_to_certificate"));
    assert!(has("不guo4退款", "promise.refund_if_fail"));
    assert!(has("renshebubanfa，全国通用", "ministry.issuing_claim"));
    assert!(has("REN SHE BU BAN FA", "ministry.issuing_claim"));
    // Digits that are not tone numbers stay.
    assert!(has("VIP3天拿证", "promise.days_to_certificate"));
    // A digit behind a separator is a number, not a tone (found by the reference suite).
    assert!(has("打开CUDA，⑤天拿證", "promise.days_to_certificate"));
    assert!(has("jira, 3天拿证", "promise.days_to_certificate"));
    assert!(rules("Flight CA1234 departs at 14:05").is_empty());
}

#[test]
fn red_envelope_is_not_a_pass_guarantee() {
    assert!(rules("红包过节").is_empty());
    assert!(rules("面包过期了").is_empty());
    assert!(rules("取代考试").is_empty());
    assert!(rules("加速成长").is_empty());
    assert!(has("考试包过", "promise.guaranteed_pass"));
    assert!(has("证书包过", "promise.guaranteed_pass"));
}

#[test]
fn allow_list_suppresses_official_exams() {
    assert!(rules("报名全国计算机等级考试").is_empty());
    assert!(rules("请查阅国家职业资格目录").is_empty());
    // Outside the allow-listed phrase the same words still count.
    assert!(has("国家职业资格证书", "qual.vocational_qualification"));
}

#[test]
fn ministry_claims() {
    assert!(has("人社部颁发证书", "ministry.issuing_claim"));
    assert!(has("原人事部证书", "ministry.former"));
    assert!(has("原信产部证书", "ministry.former_pattern"));
    assert!(has("工信部认证", "ministry.issuing_claim"));
    assert!(has("工信部证书", "ministry.named"));
    assert!(
        rules("教育部发布通知").is_empty(),
        "a ministry alone is news"
    );
    assert!(rules("全部颁发完毕").is_empty());
    assert!(rules("本刊由教育部主管，中国教育学会主办").is_empty());
    assert!(rules("北京大学是教育部直属全国重点大学").is_empty());
    assert!(rules("原来全部的东西").is_empty());
}

#[test]
fn offsets_are_characters_of_the_original() {
    let text = "🎉🎉报名：國家級證書，包 - 過！";
    let matches = matcher().find_all(text);
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(matches.len(), 2);
    for m in &matches {
        let span: String = chars[m.start..m.end].iter().collect();
        assert_eq!(span, m.text);
    }
    assert_eq!(matches[0].text, "國家");
    assert_eq!((matches[0].start, matches[0].end), (5, 7));
    assert_eq!(matches[1].text, "包 - 過");
}

#[test]
fn overlaps_prefer_higher_severity_then_longest() {
    let m = matcher().find_all("人力资源和社会保障部颁发");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].rule, "ministry.issuing_claim");
    let m = matcher().find_all("中华人民共和国证书");
    assert_eq!(m[0].rule, "state.prc");
    assert_eq!(m[0].text, "中华人民共和国");
}

#[test]
fn verdict_rule() {
    let mk = |rule: &str, severity| Match {
        rule: rule.into(),
        category: Category::Other,
        severity,
        text: String::new(),
        start: 0,
        end: 0,
        mention: false,
    };
    assert_eq!(Verdict::from_matches(&[]), Verdict::Pass);
    assert_eq!(
        Verdict::from_matches(&[mk("a", Severity::Low)]),
        Verdict::Pass
    );
    assert_eq!(
        Verdict::from_matches(&[mk("a", Severity::Low), mk("a", Severity::Low)]),
        Verdict::Pass
    );
    assert_eq!(
        Verdict::from_matches(&[mk("a", Severity::Low), mk("b", Severity::Low)]),
        Verdict::Review
    );
    assert_eq!(
        Verdict::from_matches(&[mk("a", Severity::Medium)]),
        Verdict::Review
    );
    assert_eq!(
        Verdict::from_matches(&[mk("a", Severity::Medium), mk("b", Severity::High)]),
        Verdict::Block
    );
}

#[test]
fn rule_files_add_override_and_disable() {
    let user = r#"
        [[rule]]
        id = "promise.guaranteed_pass"
        enabled = false

        [[rule]]
        id = "state.national"
        context = ""

        [[rule]]
        id = "user.fast_track"
        category = "other"
        severity = "low"
        phrases = ["绿色通道"]
    "#;
    let m = Matcher::builder()
        .add_rules_toml(user, "user")
        .unwrap()
        .build()
        .unwrap();
    let rules: Vec<String> = m
        .find_all("包过 国家 绿色通道")
        .into_iter()
        .map(|m| m.rule)
        .collect();
    assert_eq!(rules, ["state.national", "user.fast_track"]);
}

#[test]
fn bad_rules_are_reported() {
    let unknown_context = "[[rule]]\nid = \"x\"\ncategory = \"other\"\nseverity = \"low\"\nphrases = [\"a\"]\ncontext = \"nope\"\n";
    let err = Matcher::builder()
        .add_rules_toml(unknown_context, "t")
        .unwrap()
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("nope"), "{err}");
    assert!(
        Matcher::builder()
            .add_rules_file("/nonexistent/rules.toml")
            .is_err()
    );
    assert!(Matcher::builder().add_rules_toml("[[rule]", "t").is_err());
}

#[test]
fn chunked_scan_finds_matches_across_boundaries() {
    let small = Matcher::builder()
        .chunk_options(ChunkOptions {
            chunk_bytes: 64,
            overlap_chars: 32,
        })
        .build()
        .unwrap();
    let filler = "天气很好我们去公园散步吧";
    let mut text = String::new();
    let mut expected = Vec::new();
    for i in 0..40 {
        text.push_str(&filler[..(i % 12) * 3]);
        let start = text.chars().count();
        text.push_str("包 - 过");
        expected.push((start, start + 5));
        text.push_str(filler);
    }
    // Every phrase is found exactly once, whatever chunk it straddles.
    let got: Vec<(usize, usize)> = small
        .find_all(&text)
        .iter()
        .map(|m| (m.start, m.end))
        .collect();
    assert_eq!(got, expected);
    // Pushing in odd pieces gives the same answer as the whole text.
    let whole = matcher().find_all(&text);
    let mut scan = small.chunked_scan();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let mut cut = 7.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        scan.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    assert_eq!(scan.finish(), whole);
}

#[test]
fn chunked_scan_keeps_context_across_boundaries() {
    let small = Matcher::builder()
        .chunk_options(ChunkOptions {
            chunk_bytes: 48,
            overlap_chars: 64,
        })
        .build()
        .unwrap();
    let text = format!(
        "{}国家{}级证书{}",
        "好".repeat(30),
        "好".repeat(10),
        "好".repeat(30)
    );
    assert_eq!(small.find_all(&text), matcher().find_all(&text));
    assert_eq!(small.find_all(&text).len(), 1);
}

#[test]
fn matcher_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Matcher>();
}

#[test]
fn seventh_pass_phrases_and_their_spellings() {
    // Someone else sits the exam: the claim next to a certificate word, homophones of 本 included.
    for text in [
        "电工证报名，本人无需到场",
        "电工证报名，苯人无需到场",
        "电工证报名，benrenwuxudaochang",
        "电工证报名，本人无需dao场",
    ] {
        assert!(
            has(text, "promise.no_attendance"),
            "{text}: {:?}",
            found(text)
        );
    }
    // Alone it is an online service.
    assert!(!has(
        "社保卡线上补办，本人无需到场",
        "promise.no_attendance"
    ));
    for text in ["沒过退全款", "没过腿全款", "氵殳过退全款", "没过tui4全款"] {
        assert!(
            has(text, "promise.refund_if_fail"),
            "{text}: {:?}",
            found(text)
        );
    }
    assert!(has("包甬辶过", "promise.guaranteed_pass"));
    assert!(has("liangzhounazheng", "promise.days_to_certificate"));
    assert!(has("Xiaobaibaonazheng", "promise.zero_basis_certificate"));
    assert!(has("yuán láo dòng bù fā zhèng", "ministry.former"));
}

#[test]
fn hangul_fillers_are_separators() {
    for text in [
        "原\u{3164}劳\u{3164}动\u{3164}部",
        "原\u{FFA0}劳动部",
        "原\u{1160}劳动部",
    ] {
        let m = matcher().find_all(text);
        assert_eq!(m.len(), 1, "{text:?}: {m:?}");
        assert_eq!(m[0].text, text, "the span covers the fillers");
    }
}

#[test]
fn seventh_pass_ordinary_readings() {
    for text in [
        "这款双肩包通过了航空公司登机箱尺寸标准",
        "行李包通过安检后请及时取走",
        "我表哥替考上大学的侄子办了十桌升学宴",
        "他们家三代考上的都是师范院校",
        "可以退，不过退款要三到五个工作日才能到账",
        "护照加急的话两周拿证没问题，你的签证来得及",
        "我爷爷的八级技工证书是原劳动部门发的",
        "全国两会期间，代表委员热议职业教育与技能人才培养",
        "道路运输从业人员从业资格证电子证照全国通用",
    ] {
        assert!(rules(text).is_empty(), "{text}: {:?}", found(text));
    }
    // The readings do not hide the claims.
    assert!(has("电工证包通过", "promise.guaranteed_pass"));
    assert!(has("电工证，两周拿证", "promise.days_to_certificate"));
    assert!(has("电工证考试，不过退款", "promise.refund_if_fail"));
    assert!(has("无人机驾驶证3天拿证", "promise.days_to_certificate"));
}

#[test]
fn a_quoted_phrase_far_from_a_report_word_is_a_mention() {
    let text = "反诈中心：原劳动部早在1998年就已改组，如今哪来的“原劳动部发证”";
    let m = matcher().find_all(text);
    assert!(!m.is_empty() && m.iter().all(|m| m.mention), "{m:?}");
    assert_ne!(Verdict::from_matches(&m), Verdict::Block);
    // Unquoted, or quoted with no report word in reach, the phrase keeps its severity.
    let ad = matcher().find_all("电工证，“原劳动部发证”，名额有限");
    assert!(
        ad.iter()
            .any(|m| !m.mention && m.severity == Severity::High),
        "{ad:?}"
    );
}

#[test]
fn slot_phrases_match_every_wording() {
    for (text, rule) in [
        ("电工证考不过全额返还", "promise.refund_if_fail_worded"),
        ("电工证没考过免费重学", "promise.refund_if_fail_worded"),
        ("电工证一次稳过", "promise.guaranteed_pass_worded"),
        ("电工证百分百通过", "promise.guaranteed_pass_worded"),
        ("电工证5天证书到手", "promise.days_to_certificate"),
        ("电工证两周内出证", "promise.days_to_certificate"),
        ("电工证报名即发证", "promise.no_exam_certificate"),
        ("电工证无需考试出证", "promise.no_exam_certificate"),
        ("电工证全程帮考", "promise.exam_proxy"),
        ("建造师证挂靠不坐班", "promise.certificate_affiliation"),
        ("原卫生部颁证", "ministry.former"),
        ("电工证零门槛包拿证", "promise.zero_basis_certificate"),
        ("拿证即可入职大厂", "promise.job_placement"),
    ] {
        assert!(has(text, rule), "{text}: {:?}", found(text));
    }
    // The pinyin of a whole phrase from slots.
    assert!(has("yuanweishengbubanzheng", "ministry.former"));
    // Slot phrases of the weak kind need a certificate or training word, and ordinary readings hold.
    for text in [
        "可以试听，不过不收费的只有第一节",
        "他保证过会准时到",
        "祝你逢考必过！明天考试加油",
        "护照一周内出证，签证来得及",
    ] {
        assert!(rules(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn unknown_slots_are_reported_by_the_builder() {
    let err = Matcher::builder()
        .add_rules_toml(
            "[[rule]]\nid = \"x\"\ncategory = \"other\"\nseverity = \"low\"\nphrases = [\"{nope}过\"]\n",
            "test",
        )
        .and_then(|b| b.build())
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("unknown slot") && err.contains("nope"),
        "{err}"
    );
}
