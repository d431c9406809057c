"""The documents the curated rows cite: the five seeds, and the other sources behind them.

Ids are stable slugs: other tables point at them (``document_id``) and URLs carry them
(``proposal=hkvision-2017``).  A web page without a date of its own is dated by the year it
was read (2026).  Where a page was read through a public copy, ``url`` is the original
address when the copy shows it, and the summary says so.
"""

from __future__ import annotations

from geodata.curate.common import SEED_FILES


def _d(id, kind, title_en, title_zh, publisher, date, url="", summary_en="", summary_zh="",
       language="", file=""):
    return {
        "id": id, "kind": kind, "title_en": title_en, "title_zh": title_zh,
        "publisher": publisher, "date": date, "file": file, "url": url,
        "language": language, "summary_en": summary_en, "summary_zh": summary_zh,
    }


SEEDS = [
    _d("hkvision-2017", "proposal",
       "Enhance Hong Kong's Positioning as an International City: Forming Sister Cities and "
       "Increasing Economic & Trade Offices",
       "增強香港國際城市的地位：設立姊妹城市、增加經貿辦事處",
       "Hong Kong Vision (香港新方向)", "2016", "http://hongkongvision.org.hk/",
       "Think-tank brochure: join Sister Cities International; six sister-city targets; new "
       "ETOs in India, Russia, Kazakhstan, UAE and Poland; ETO liaison units in Thailand and "
       "Vietnam; mainland ETOs in Xinjiang and Fujian. Undated; it addresses the new-term "
       "government of 2017, and SCMP reported its launch in late 2016 (scmp-2016-hkvision-launch).",
       "智庫小冊子：建議加入國際姊妹城市組織、結交六個姊妹城市；在印度、俄羅斯、哈薩克、"
       "阿聯酋及波蘭增設經貿辦，在泰國和越南增設聯絡處，在新疆和福建增設內地經貿辦。",
       "zh-Hant/en", SEED_FILES["hkvision-2017"]),
    _d("gov-bri-2026", "statement", "Belt and Road (fact sheet)", "「一帶一路」（概況）",
       "HKSAR Government", "2026-04-28", "",
       "Government fact sheet (updated 2026-04-28): 16 mainland offices/liaison units and 15 "
       "overseas ETOs; InvestHK consultant offices in Cairo (2024-07) and Izmir (2025-01); "
       "air links, agreements and other Belt and Road figures.",
       "特區政府概況（2026年4月28日更新）：內地16個辦事處／聯絡處、海外15個經貿辦；"
       "投資推廣署開羅及伊茲密爾顧問辦事處；航空、協定等「一帶一路」數字。",
       "zh-Hant", SEED_FILES["gov-bri-2026"]),
    _d("gov-mainland-2017", "statement",
       "Expanding room for development: HKSAR co-operation with the Mainland (booklet)",
       "開拓發展空間：特區政府與內地合作（小冊子）",
       "HKSAR Government (preface by the Chief Secretary for Administration)", "2017-04", "",
       "Booklet with a map of the 5 mainland offices and 11 liaison units; liaison units grew "
       "from 3 (2012-07) to 11 (2017-04); Wuhan ETO opened 2014-04. Dated by its figures "
       "(April 2017); it also reports the Belt and Road Forum of May 2017, so it was "
       "printed in May-June 2017.",
       "小冊子，附特區政府駐內地辦事處位置地圖：5個辦事處、11個聯絡處；"
       "聯絡處由2012年7月的3個增至2017年4月的11個。",
       "zh-Hant", SEED_FILES["gov-mainland-2017"]),
    _d("fyp-2026", "report",
       "Regional co-operation in Hong Kong's first five-year plan consultation (news report)",
       "香港首份五年規劃諮詢「區域合作發展」（新聞報道）",
       "Ta Kung Pao (大公報)", "2026", "",
       "News report on the 'regional co-operation' chapter of the five-year plan consultation: "
       "GBA, Belt and Road, ASEAN, Middle East and Central Asia; Chief Executive visits of "
       "2023, 2025 and 2026.",
       "報道五年規劃諮詢文件「區域合作發展」部分：大灣區、一帶一路、東盟、中東、中亞；"
       "行政長官2023、2025及2026年出訪成果。",
       "zh-Hant", SEED_FILES["fyp-2026"]),
    _d("bpa-2024", "proposal",
       "Reform for opportunities, a new development for Hong Kong: implementing the Third "
       "Plenum Decision",
       "改革求變抓機遇 實現香港新發展：全面對接落實三中全會《決定》",
       "Business and Professionals Alliance for Hong Kong (經民聯)", "2024-07", "",
       "Policy paper: at least one HK office in each of the 9 mainland GBA cities (§四.3(2)); "
       "more ETOs in Belt and Road countries and western China (§二.5(6)); new air routes.",
       "政策建議：在大灣區9個內地城市各設最少一個香港駐內地辦事處；在「一帶一路」國家和"
       "內地西部設立更多經貿辦；開拓新航線。",
       "zh-Hant", SEED_FILES["bpa-2024"]),
]

GOVERNMENT = [
    _d("policy-address-2017", "proposal", "The 2017 Policy Address (paragraphs 40-41)",
       "二零一七年施政報告（第40至41段）", "HKSAR Government (Chief Executive C Y Leung)",
       "2017-01-18", "https://www.policyaddress.gov.hk/2017/eng/p40.html",
       "Para. 40: Jakarta ETO established 2016, preparations for Seoul under way, preliminary "
       "work for ETOs in India, Mexico, Russia, South Africa and the UAE (11 -> 18 ETOs). "
       "Para. 41: liaison units from 3 (before 2012-07) to 11 by mid-2017.",
       "第40段：籌備在首爾設經貿辦，並展開在印度、墨西哥、俄羅斯、南非及阿聯酋設經貿辦的"
       "前期工作；第41段：聯絡處由3個增至11個。", "en"),
    _d("policy-address-2016", "statement", "The 2016 Policy Address (paragraph 33)",
       "二零一六年施政報告（第33段）", "HKSAR Government (Chief Executive C Y Leung)",
       "2016-01-13", "http://www.policyaddress.gov.hk/2016/eng/p33.html",
       "Six more liaison units to be set up, two under every Mainland office; Hunan and Henan "
       "units of the Wuhan ETO in 2016.", "增設6個聯絡處，使每個駐內地辦事處下設兩個聯絡處。",
       "en"),
    _d("legco-cb1-2481-10-11", "report",
       "LC Paper No. CB(1)2481/10-11(04): Reports on the Work of the Overseas Hong Kong "
       "Economic and Trade Offices", "立法會CB(1)2481/10-11(04)號文件：海外經濟貿易辦事處工作報告",
       "Commerce and Economic Development Bureau", "2011-06",
       "https://documents.pub/document/248110-1104-information-paper-for-legco-panel-on-"
       "commerce-and-industry-reports.html",
       "The eleven overseas ETOs: Geneva, Washington, New York, San Francisco, Brussels, London, "
       "Berlin, Tokyo, Sydney, Singapore, Toronto (read via a public copy).", "", "en"),
    _d("legco-cb1-72-13-14", "report",
       "LC Paper No. CB(1)72/13-14(03): Reports on the Work of the Overseas Hong Kong Economic "
       "and Trade Offices", "立法會CB(1)72/13-14(03)號文件：海外經濟貿易辦事處工作報告",
       "Commerce and Economic Development Bureau", "2013-10",
       "https://paperzz.com/doc/7936366/lc-paper-no.-cb-1-72-13-14-03--information-paper-for-legco",
       "Still 11 overseas ETOs in October 2013 (read via a public copy).", "", "en"),
    _d("legco-cb1-212-17-18", "report",
       "LC Paper No. CB(1)212/17-18(05): Reports on the Work of the Overseas Hong Kong Economic "
       "and Trade Offices", "立法會CB(1)212/17-18(05)號文件：海外經濟貿易辦事處工作報告",
       "Commerce and Economic Development Bureau", "2017",
       "https://docslib.org/doc/3235171/report-on-the-work-of-brussels",
       "12 overseas ETOs (with Jakarta) in late 2017 (read via a public copy).", "", "en"),
    _d("legco-cb1-115-16-17", "report",
       "LC Paper No. CB(1)115/16-17(03): Report on the Work of the HKSAR Government's Offices "
       "in the Mainland and Taiwan", "立法會CB(1)115/16-17(03)號文件：駐內地及台灣辦事處工作報告",
       "Constitutional and Mainland Affairs Bureau", "2016-10",
       "https://docslib.org/doc/3784013/administrations-paper-on-report-on-the-work-of-the-hksar",
       "Work of BJO (with its Liaoning Liaison Unit), the Guangdong, Shanghai, Chengdu and Wuhan "
       "ETOs and the Hong Kong Economic, Trade and Cultural Office (Taiwan), 2015-16 "
       "(read via a public copy).", "", "en"),
    _d("lcq16-2017-11-22", "statement", "LCQ16: Economic and Trade Offices (reply, 22 Nov 2017)",
       "立法會第十六題：經濟貿易辦事處（2017年11月22日答覆）", "HKSAR Government",
       "2017-11-22", "https://www.info.gov.hk/gia/general/201711/22/P2017112200661.htm",
       "Singapore ETO established 1995; Jakarta ETO opened 2017.", "", "en"),
    _d("ceo-blog-2017-04-18", "statement", "Chief Executive's blog, 18 April 2017",
       "行政長官網誌（2017年4月18日）", "Chief Executive's Office, HKSAR", "2017-04-18",
       "https://www.ceo.gov.hk/archive/2017/chi/blog/blog20170418.html",
       "Tianjin liaison unit operating since end-February 2017; Zhejiang and Guangxi units "
       "began operating in mid-April 2017.", "天津聯絡處今年2月底開始運作；浙江及廣西聯絡處4月中開始運作。",
       "zh-Hant"),
    _d("news-gov-2017-04-17-shaanxi", "web", "Shaanxi liaison unit opens", "駐陝西聯絡處開始運作",
       "news.gov.hk", "2017-04-17",
       "http://www.news.gov.hk/en/categories/admin/html/2017/04/20170417_095654.shtml",
       "The Shaanxi Liaison Unit, under the Chengdu ETO, started operation on 17 April 2017.",
       "", "en"),
    _d("news-gov-2017-06-05-zhejiang", "web", "Hello Hangzhou: Zhejiang liaison unit opened",
       "駐浙江聯絡處開幕", "news.gov.hk", "2017-06-05",
       "http://www.news.gov.hk/en/categories/admin/html/2017/06/20170605_190307.shtml",
       "Formal opening of the Zhejiang Liaison Unit (under the Shanghai ETO), 5 June 2017.", "",
       "en"),
    _d("news-gov-2017-09-14-tianjin", "web", "Tianjin liaison unit opened", "駐天津聯絡處開幕",
       "news.gov.hk", "2017-09-14",
       "http://www.news.gov.hk/en/categories/admin/html/2017/09/20170914_162741.shtml",
       "Formal opening of the Tianjin Liaison Unit (under the Beijing Office), 14 Sep 2017.", "",
       "en"),
    _d("news-gov-2018-11-28-liaoning", "web", "Chief Executive visits Liaoning",
       "行政長官訪問遼寧", "news.gov.hk", "2018-11-28",
       "http://www.news.gov.hk/eng/2018/11/20181128/20181128_190710_627.html",
       "The Chief Executive says the Government set up the Liaoning Liaison Unit in 2014.", "",
       "en"),
    _d("info-gov-2016-04-21-shandong", "web",
       "Opening ceremony of the Shandong Liaison Unit (photo)",
       "駐山東聯絡處開幕典禮（圖片）", "HKSAR Government press releases", "2016-04-21",
       "http://www.info.gov.hk/gia/general/201604/21/P201604210423_photo_1099970.htm",
       "Opening ceremony of the Shandong Liaison Unit under the Shanghai ETO, 21 April 2016.",
       "", "en"),
    _d("ce-speech-2019-02-28-bangkok", "statement",
       "CE's speech at the opening of the Hong Kong Economic and Trade Office, Bangkok",
       "行政長官在香港駐曼谷經濟貿易辦事處開幕典禮致辭", "HKSAR Government press releases",
       "2019-02-28", "https://www.info.gov.hk/gia/general/201902/28/P2019022800995.htm",
       "Bangkok ETO opened 28 Feb 2019: Hong Kong's 13th overseas ETO, third in ASEAN.", "", "en"),
    _d("gba-outline-2019", "statement",
       "Outline Development Plan for the Guangdong-Hong Kong-Macao Greater Bay Area",
       "粵港澳大灣區發展規劃綱要", "Central People's Government", "2019-02-18",
       "https://www.bayarea.gov.hk/en/outline/plan.html",
       "Defines the Greater Bay Area: Hong Kong, Macao and nine Guangdong cities (Guangzhou, "
       "Shenzhen, Zhuhai, Foshan, Huizhou, Dongguan, Zhongshan, Jiangmen, Zhaoqing).",
       "大灣區包括香港、澳門及廣東省九個城市。", "zh-Hant/en"),
]

OFFICE_WEBSITES = [
    _d("web-bjo", "web", "Beijing Office: role and coverage", "駐北京辦事處：職能及服務範圍",
       "Office of the HKSAR Government in Beijing", "2026",
       "https://www.bjo.gov.hk/en/beijing/role.html",
       "BJO covers Beijing, Tianjin, Hebei, Liaoning, Jilin, Heilongjiang, Inner Mongolia, "
       "Xinjiang, Gansu and Ningxia.", "", "en"),
    _d("web-gdeto", "web", "Guangdong ETO: foreword", "駐粵經濟貿易辦事處：前言",
       "Hong Kong Economic and Trade Office in Guangdong", "2026",
       "https://gdeto.gov.hk/en/gdeto/foreword.html", "GDETO was set up in July 2002.", "", "en"),
    _d("web-cdeto", "web", "Chengdu ETO: foreword", "駐成都經濟貿易辦事處：前言",
       "Hong Kong Economic and Trade Office in Chengdu", "2026",
       "https://www.cdeto.gov.hk/en/chengdu/foreword_t.html", "CDETO was set up in September 2006.",
       "", "en"),
    _d("web-wheto", "web", "Wuhan ETO: foreword", "駐武漢經濟貿易辦事處：前言",
       "Hong Kong Economic and Trade Office in Wuhan", "2026",
       "https://www.wheto.gov.hk/en/wheto/foreword.html",
       "WHETO commenced operation on 1 April 2014; Hunan unit May 2016, Henan unit Sept 2016; "
       "covers Hubei, Hunan, Henan, Shanxi and Jiangxi.", "", "en"),
    _d("web-hketo-jakarta-2017-06-06", "web", "HKETO Jakarta media release, 6 June 2017",
       "香港駐雅加達經貿辦新聞稿（2017年6月6日）", "Hong Kong Economic and Trade Office, Jakarta",
       "2017-06-06", "https://hketojakarta.gov.hk/en/media/20170606.html",
       "Speech on the setting up of the Jakarta office in June 2017.", "", "en"),
]

NEWS_AND_REFERENCE = [
    _d("zhwiki-mainland-etos", "web", "Hong Kong Economic and Trade Office (Mainland China)",
       "香港經濟貿易辦事處 (中國內地)", "Wikipedia (zh)", "2026",
       "https://zh.wikipedia.org/wiki/香港經濟貿易辦事處_(中國內地)",
       "Table of the mainland offices and the liaison units under each; four units "
       "(Liaoning, Shandong, Hunan, Henan) opened from December 2014.", "", "zh"),
    _d("zhwiki-bjo", "web", "Office of the HKSAR Government in Beijing",
       "香港特別行政區政府駐北京辦事處", "Wikipedia (zh)", "2026",
       "https://zh.wikipedia.org/wiki/香港特別行政區政府駐北京辦事處",
       "BJO established 4 March 1999; Liaoning Liaison Unit established 27 April 2015 "
       "(read via a public copy).", "", "zh"),
    _d("zhwiki-sheto", "web", "Hong Kong Economic and Trade Office in Shanghai",
       "香港特別行政區政府駐上海經濟貿易辦事處", "Wikipedia (zh, via Wikiwand)", "2026",
       "https://zh.wikipedia.org/wiki/香港特別行政區政府駐上海經濟貿易辦事處",
       "SHETO set up September 2006; Shandong unit April 2015; Zhejiang unit April 2017.", "",
       "zh"),
    _d("wikipedia-hketo", "web", "Hong Kong Economic and Trade Office", "香港經濟貿易辦事處",
       "Wikipedia (en)", "2026",
       "https://en.wikipedia.org/wiki/Hong_Kong_Economic_and_Trade_Office",
       "By 1982 Hong Kong Government Offices in London, Brussels, Washington and Geneva; "
       "HKETO Brussels marked its 50th anniversary in 2015 (read via a public copy).", "", "en"),
    _d("ningbo-daily-2006-09-20", "web", "Interview: Shanghai ETO newly set up",
       "寧波日報專訪：香港駐上海經貿辦剛成立", "Ningbo Daily (寧波日報)", "2006-09-20", "",
       "SHETO just set up in September 2006 as the third mainland office after Beijing and "
       "Guangdong (read via a public copy on gbxysfq.cn).", "", "zh"),
    _d("chinanews-2006-09-29-cdeto", "web", "Chengdu ETO commences operation",
       "香港駐成都經貿辦開始運作", "China News Service (中新社)", "2006-09-29", "",
       "CDETO commenced operation on 28 September 2006.", "", "zh"),
    _d("hkcd-2015-04-09-wheto", "web", "Wuhan ETO opening ceremony", "駐武漢經貿辦開幕典禮",
       "Hong Kong Commercial Daily (香港商報)", "2015-04-09", "",
       "Formal opening ceremony of WHETO on 8 April 2015 (operating since 1 April 2014).", "",
       "zh"),
    _d("cbh21-2023-06-21-coverage", "web",
       "HKSAR Government adjusts the coverage of two Mainland offices",
       "香港特區政府調整兩個駐內地辦事處服務範圍", "21st Century Business Herald (21世紀經濟報道)",
       "2023-06-21", "http://xiaofang.hnshkx.cn/chanjing/2023/0621/13596.html",
       "From 1 July 2023 Yunnan moves from GDETO to CDETO: GDETO covers Guangdong, Fujian, "
       "Guangxi, Hainan; CDETO covers Sichuan, Chongqing, Shaanxi, Guizhou, Yunnan, Tibet, "
       "Qinghai (read via a public copy).", "", "zh"),
    _d("guangzhou-daily-2010-shenzhen", "web", "GDETO sets up a Shenzhen liaison group",
       "香港特區政府駐粵經濟貿易辦事處設深圳聯絡組", "Guangzhou Daily (廣州日報)", "2010",
       "http://doboho.com/sgdsq_detail.asp?id=98",
       "Ceremony setting up GDETO's Shenzhen liaison group; the article refers to the "
       "Framework Agreement on Hong Kong/Guangdong Co-operation signed 'this year' (2010) "
       "(read via a public copy).", "", "zh"),
    _d("cqyz-2024-07-23", "web", "Yuzhong District Government on the Chongqing Liaison Unit",
       "渝中區政府：香港特區政府駐重慶聯絡處", "Chongqing Yuzhong District Government", "2024-07-23",
       "", "The Chongqing Liaison Unit has been in place since January 2012 (cqyz.gov.cn).",
       "", "zh"),
    _d("chinadaily-2023-05-10-chongqing", "web", "Chongqing and Hong Kong deepen co-operation",
       "渝港深化合作", "China Daily", "2023-05-10", "",
       "The Chief Executive: the Government established the Chongqing Liaison Unit in 2012.", "",
       "en"),
    _d("wenweipo-2016-05-26-hunan", "web", "Hunan Liaison Unit begins operation",
       "香港特區政府駐湖南聯絡處開始運作", "Wen Wei Po (文匯報)", "2016-05-26",
       "http://news.wenweipo.com/2016/05/26/IN1605260013.htm",
       "The Hunan Liaison Unit, under the Wuhan ETO, began operation on 25 May 2016.", "", "zh"),
    _d("xinhua-2017-05-11-guangxi", "web", "Guangxi Liaison Unit opening ceremony",
       "香港特區政府駐廣西聯絡處揭牌", "Xinhua (新華社)", "2017-05-11", "",
       "Opening ceremony of the Guangxi Liaison Unit in Nanning (read via a public copy).", "",
       "zh"),
    _d("dw-2011-04-05-berlin", "web", "First Hong Kong trade office opens in Berlin",
       "香港駐柏林經貿辦開幕", "Deutsche Welle", "2011-04-05",
       "https://www.dw.com/en/first-hong-kong-trade-office-opens-in-berlin/a-6483837",
       "HKETO Berlin started operation in March 2009; official opening at the end of March 2011.",
       "", "en"),
    _d("hkmn-2021-10-dubai", "web", "Dubai ETO starts operation", "香港駐迪拜經貿辦開始運作",
       "Hong Kong Post (日刊香港ポスト, hkmn.jp)", "2021-10", "",
       "The Dubai ETO began operation on 28 October 2021, Hong Kong's 14th overseas ETO.", "",
       "ja"),
    _d("chinadailyhk-2025-12-23-kl", "web", "Hong Kong's Kuala Lumpur ETO opens",
       "香港駐吉隆坡經貿辦開幕", "China Daily Hong Kong", "2025-12-23",
       "https://www.chinadailyhk.com/hk/article/625959",
       "The Kuala Lumpur ETO opened on 10 December 2025, the fourth in ASEAN.", "", "en"),
    _d("scmp-2021-05-18-etco", "web", "Hong Kong to close office in Taiwan with immediate effect",
       "香港即時暫停駐台辦事處運作", "South China Morning Post", "2021-05-18",
       "https://www.scmp.com/news/hong-kong/politics/article/3133862/"
       "hong-kong-close-taiwan-office-immediate-effect-sources",
       "The Hong Kong Economic, Trade and Cultural Office in Taipei, opened in late 2011, "
       "suspended operations on 18 May 2021.", "", "en"),
    _d("chinadaily-2021-05-19-etco", "web", "HK office in Taiwan suspends operations",
       "香港駐台辦事處暫停運作", "China Daily", "2021-05-19", "",
       "The office commenced operations in Taipei on 19 December 2011 and suspended them with "
       "immediate effect on 18 May 2021 (read via a public copy).", "", "en"),
    _d("hk01-2024-09-10-riyadh", "web", "CE: Hong Kong plans an ETO in Riyadh",
       "李家超：計劃於沙特阿拉伯首都利雅得設立經貿辦", "HK01 / China News Service (中新社)",
       "2024-09-10", "", "The Chief Executive said Hong Kong plans to set up an ETO in Riyadh.",
       "", "zh"),
    _d("chinadaily-2025-07-15-cedb", "web",
       "Interview with the Secretary for Commerce and Economic Development",
       "商務及經濟發展局局長專訪", "China Daily", "2025-07-15", "",
       "The Riyadh ETO was still under discussion in July 2025 (read via a public copy).", "",
       "en"),
    _d("scmp-2016-hkvision-launch", "web",
       "Hong Kong trade presence needed in 'One Belt, One Road' cities",
       "香港新方向：香港須在「一帶一路」城市設經貿據點", "South China Morning Post", "2016",
       "https://www.scmp.com/news/hong-kong/politics/article/2045843/"
       "hong-kong-trade-presence-needed-one-belt-one-road-cities/",
       "Report of the launch of Hong Kong Vision's fourth report (the seed hkvision-2017): ETOs "
       "in Russia and Poland, sister cities such as Surabaya, Dubai and Daejeon; to be shared "
       "with potential chief executive candidates (late 2016).", "", "en"),
    _d("scmp-2016-sister-cities-oped", "web",
       "Hong Kong must seek sister cities to truly benefit from 'One Belt, One Road'",
       "香港須結交姊妹城市以受惠於「一帶一路」（評論）", "South China Morning Post (Law Cheung-kwok, Ip Ka-chai)",
       "2016", "https://www.scmp.com/comment/insight-opinion/article/2050363/"
       "hong-kong-must-seek-sister-cities-truly-benefit-one-belt-one",
       "Op-ed by the Hong Kong Vision authors: Munich, Berlin, Daejeon and Busan for innovation "
       "and creative industries; Surabaya and Dubai for the Belt and Road.", "", "en"),
]

DOCUMENTS: list[dict] = SEEDS + GOVERNMENT + OFFICE_WEBSITES + NEWS_AND_REFERENCE
