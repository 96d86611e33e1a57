/* demo: a realistic demo unit — a county market-regulation bureau working
 * through its 2026 cycle. The departments, posts, powers, flows, risks and
 * measures are drawn from the seed documents (受理审查, 核准登记, 立销案管理,
 * 调查取证, 行政处罚自由裁量, 罚没财物管理, 干部选拔任用, 财务审核审批 …).
 * The seed picks names, scores and how far each self-check has got, so the
 * same seed always gives the same records (and ids: the handle is seeded). */
#include "lianfang/demo.h"
#include "lianfang/auth.h"
#include "lianfang/cycle.h"
#include "lianfang/grade.h"
#include "lianfang/plan.h"
#include "lianfang/review.h"
#include "lianfang/risk.h"
#include "lianfang/rec.h"
#include "lianfang/selfcheck.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ content */

struct demo_risk {
	const char *desc, *category, *source;
	int p, s;                 /* probability, severity (1..3) */
	const char *measures[3];  /* "阶段|内容|制度" */
};

struct demo_power {
	const char *name, *kind, *area, *basis, *content;
	const char *steps[6];     /* "主体|事项|时限|监督", a leading '!' marks a risk step */
	struct demo_risk risks[2];
};

struct demo_post {
	const char *name, *title, *duties;
	struct demo_power powers[2];
};

struct demo_dept {
	const char *name;
	struct demo_post posts[4];
};

static const struct demo_dept depts[] = {
	{ "局领导班子", {
		{ "局长", "局长", "主持全局工作，对党风廉政建设负总责；负责“三重一大”事项的集体决策。", {
			{ "“三重一大”事项决策", "决策", "民主决策", "《关于进一步推进国有企业贯彻落实“三重一大”决策制度的意见》",
			  "重大决策、重要干部任免、重大项目安排和大额度资金使用的集体决策。",
			  { "办公室|收集议题，征求班子成员意见|会前3日|纪检组长审核议题",
			    "!局长|确定是否上会|会前1日|班子成员监督",
			    "!局党组会|集体讨论，逐人表态，末位表态|会议当日|纪检组长列席",
			    "办公室|形成会议纪要，分解督办|会后3日|纪要存档备查" },
			  { { "个人或少数人决定重大事项，以碰头会、传阅代替集体决策", "其他", "权力行使", 2, 3,
			      { "前期预防|严格执行“三重一大”集体决策制度，凡属重大事项一律上会集体研究|“三重一大”集体决策制度",
			        "中期监控|纪检组长列席党组会，会议纪要如实记录每位成员意见|",
			        "后期处置|对违反决策程序的，依规追究主要责任人责任|" } } } } } },
		{ "分管副局长（登记审批）", "副局长", "分管登记注册科、消费者权益保护科、办公室，协助局长抓党风廉政建设。", {
			{ "分管领域审批事项签批", "决策", "行政审批", "《市场主体登记管理条例》",
			  "对分管科室报送的重大登记、审批事项签批。",
			  { "承办科室|提出审核意见|2个工作日|科长把关", "!分管副局长|审核签批|2个工作日|纪检监察室抽查",
			    "承办科室|办结归档|1个工作日|档案管理" },
			  { { "为亲友或请托人办理登记审批事项打招呼、说情", "行政审批", "思想道德", 1, 3,
			      { "前期预防|落实领导干部插手干预重大事项记录制度，凡打招呼的一律登记报告|领导干部干预插手记录报告制度",
			        "中期监控|纪检监察室每季度抽查分管领域审批件|" } } } } } },
		{ "分管副局长（执法）", "副局长", "分管执法稽查大队、财务科、人事科。", {
			{ "重大案件审批", "决策", "行政执法", "《市场监督管理行政处罚程序规定》",
			  "对重大行政处罚案件审批，召集案件审理会议。",
			  { "案件审理岗|提出审理意见|5个工作日|法制审核", "!分管副局长|审批处罚决定|3个工作日|集体讨论",
			    "执法稽查大队|送达、执行|7个工作日|纪检监察室回访" },
			  { { "对重大案件处罚决定打招呼、降低处罚标准", "行政执法", "权力行使", 2, 3,
			      { "前期预防|重大案件一律提交集体讨论，个人不得单独决定|重大案件集体讨论制度",
			        "中期监控|处罚决定书网上公开，接受社会监督|",
			        "后期处置|对人情案、关系案严肃追责|" } } } } } },
		{ "纪检组长", "纪检组长", "负责全局党风廉政建设监督检查，组织实施廉政风险防控。", {
			{ "监督执纪", "监督", "监督检查", "《中国共产党纪律检查机关监督执纪工作规则》",
			  "受理信访举报，对问题线索进行处置，开展监督检查。",
			  { "纪检监察室|受理信访举报，登记|当日|组长审阅", "!纪检组长|研判问题线索，提出处置意见|15日|向上级纪委报告",
			    "纪检监察室|初步核实，形成报告|30日|集体研究" },
			  { { "对问题线索瞒案不报、压案不查", "其他", "监督制约", 1, 3,
			      { "前期预防|问题线索集体排查、统一管理，定期向上级纪委报告|问题线索管理办法",
			        "中期监控|接受上级纪委对线索处置情况的检查|" } } } } } },
	} },
	{ "办公室", {
		{ "办公室主任", "主任", "负责机关日常运转、公文、会务、后勤保障；牵头政府采购和固定资产管理。", {
			{ "公务接待和车辆管理", "执行", "财务管理", "《党政机关国内公务接待管理规定》",
			  "公务接待审批，公务用车调度。",
			  { "承办科室|提出接待申请，附公函|接待前|办公室审核", "!办公室主任|审批接待标准、陪餐人数|当日|分管领导审核",
			    "财务科|凭公函、清单报销|5个工作日|审计" },
			  { { "超标准接待、无公函接待，公车私用", "财务、资产管理", "制度机制", 2, 2,
			      { "前期预防|严格执行公务接待清单制度，一事一单|公务接待管理办法",
			        "中期监控|公务用车实行派车单和行车记录，定期公示|公务用车管理办法" } } } } } },
		{ "政府采购岗", "科员", "负责编制采购计划，组织实施政府采购，管理采购档案。", {
			{ "政府采购", "执行", "采购", "《中华人民共和国政府采购法》",
			  "按采购计划组织询价、竞争性谈判或委托公开招标，组织验收。",
			  { "使用科室|提出采购需求|每季度初|分管领导审批", "!政府采购岗|编制采购计划，确定采购方式|5个工作日|办公室主任审核",
			    "!采购小组|询价或委托代理机构招标，确定供应商|按项目|纪检监察室全程监督",
			    "使用科室、办公室|共同验收|到货后3日|财务科参加", "财务科|审核付款|5个工作日|审计" },
			  { { "化整为零规避公开招标，或指定品牌、设置倾向性条件", "财务、资产管理", "制度机制", 2, 3,
			      { "前期预防|年度采购计划报局党组审定，限额以上项目一律公开招标|政府采购管理办法",
			        "中期监控|纪检监察室全程参与开标、评标和验收|",
			        "后期处置|对违规采购的，依规追责并调整岗位|" } },
			    { "收受供应商回扣、礼品礼金", "财务、资产管理", "思想道德", 1, 3,
			      { "前期预防|采购人员签订廉洁承诺书，定期开展警示教育|",
			        "中期监控|向供应商发放廉情监督卡|" } } } } } },
		{ "资产管理岗", "科员", "负责固定资产登记、调拨、清查和处置。", {
			{ "国有资产管理", "执行", "资产管理", "《行政事业性国有资产管理条例》",
			  "固定资产入账、领用、清查盘点和报废处置。",
			  { "资产管理岗|验收入账，建立资产卡片|到货后5日|财务科核对", "使用人|领用登记|当日|办公室主任审核",
			    "!资产管理岗|提出报废处置意见，组织评估|按需|局党组审批" },
			  { { "资产处置不评估、低价处置或公物私用", "财务、资产管理", "监督制约", 1, 2,
			      { "前期预防|资产处置一律评估、集体研究并公示|固定资产管理办法",
			        "中期监控|每年末全面清查盘点，账实核对|" } } } } } },
	} },
	{ "登记注册科", {
		{ "登记注册科科长", "科长", "负责全区市场主体登记注册管理，审核重大登记事项，指导窗口工作。", {
			{ "核准登记", "执行", "行政审批", "《中华人民共和国市场主体登记管理条例》",
			  "对市场主体设立、变更、注销登记申请进行审核，作出准予或不予登记的决定。",
			  { "受理审查岗|审查材料，提出意见|1个工作日|系统留痕", "!核准登记岗|核准，作出登记决定|2个工作日|科长抽查",
			    "核准登记岗|打印、发放营业执照|当日|领照签字", "档案管理岗|归档|5个工作日|定期检查" },
			  { { "对不符合条件的申请予以核准登记，或先发照后审核", "行政审批", "权力行使", 2, 3,
			      { "前期预防|严格执行审核、核准分离制度，全部登记事项网上办理、全程留痕|登记注册审核核准分离制度",
			        "中期监控|科长每周随机抽查核准件，纪检监察室每季度复查|",
			        "后期处置|对违规核准的，依规追究责任|" } } } } } },
		{ "受理审查岗", "科员", "在政务大厅窗口受理市场主体登记申请，审查申请材料是否齐全、是否符合法定形式。", {
			{ "受理审查", "执行", "行政审批", "《中华人民共和国市场主体登记管理条例》第十七条",
			  "对申请人提交的登记材料进行形式审查，决定是否受理。",
			  { "申请人|提交申请材料|—|窗口公开办事指南",
			    "!受理审查岗|审查材料是否齐全、符合法定形式|当场|系统留痕",
			    "受理审查岗|材料不全的一次性告知补正内容|当场|出具一次性告知书",
			    "受理审查岗|出具受理通知书，转核准|当日|科长抽查" },
			  { { "对材料不全的申请违规受理，或对符合条件的故意刁难、拖延", "行政审批", "权力行使", 2, 2,
			      { "前期预防|公开办事指南和一次性告知清单，推行“最多跑一次”|首问负责制、一次性告知制",
			        "中期监控|窗口安装评价器，群众现场评价；科长每周抽查受理件|" } },
			    { "收受申请人或代理中介的礼品礼金、宴请", "行政审批", "思想道德", 1, 2,
			      { "前期预防|开展岗位廉政教育，签订廉洁承诺书|",
			        "中期监控|在窗口公布监督举报电话|" } } } } } },
		{ "核准登记岗", "科员", "对受理的登记申请进行审核，作出核准或不予核准的意见；办理动产抵押登记。", {
			{ "动产抵押登记", "执行", "行政审批", "《动产和权利担保统一登记办法》",
			  "办理企业动产抵押登记、变更和注销。",
			  { "申请人|提交动产抵押登记书|—|公开办事指南", "!核准登记岗|审查抵押合同和抵押物清单|当场|科长抽查",
			    "核准登记岗|登记，出具登记书|当日|系统留痕" },
			  { { "抵押物清单审查不严，为虚假抵押办理登记", "行政审批", "制度机制", 1, 2,
			      { "前期预防|制定动产抵押登记审查要点|动产抵押登记工作规范",
			        "中期监控|科长每月抽查登记件|" } } } } } },
		{ "档案管理岗", "科员", "负责市场主体登记档案的归档、保管和查询服务。", {
			{ "登记档案查询", "执行", "行政审批", "《企业登记档案资料查询办法》",
			  "为有关部门和当事人提供登记档案查询、复印。",
			  { "查询人|提交查询申请和证件|—|登记查询人信息", "!档案管理岗|审核查询资格，提供查询|当日|查询登记簿",
			    "档案管理岗|复印件加盖查询专用章|当日|定期检查" },
			  { { "违规向他人提供企业档案信息，泄露商业秘密", "行政审批", "外部环境", 1, 2,
			      { "前期预防|严格执行档案查询登记制度，查询一律登记|档案管理制度",
			        "中期监控|科长每月核对查询登记簿|" } } } } } },
	} },
	{ "执法稽查大队", {
		{ "大队长", "大队长", "负责全区市场监管违法案件的查处，组织案件调查，把关案件质量。", {
			{ "立销案管理", "执行", "行政执法", "《市场监督管理行政处罚程序规定》第十八条",
			  "对投诉、举报、移送和检查发现的违法线索核查，决定是否立案；对立案后不构成违法的案件销案。",
			  { "立案审核岗|登记案件线索|当日|线索台账", "!立案审核岗|核查线索，提出立案或不予立案意见|15个工作日|法制审核",
			    "!大队长|审批立案|3个工作日|分管领导审核", "大队长|指定两名以上办案人员|当日|系统留痕" },
			  { { "对应当立案的不立案，或擅自销案、以罚代刑", "行政执法", "权力行使", 2, 3,
			      { "前期预防|线索统一登记，立案、销案一律集体研究|案件线索管理办法",
			        "中期监控|纪检监察室每季度抽查不予立案和销案案件|",
			        "后期处置|对压案不办、擅自销案的依规追责|" } } } } } },
		{ "调查取证岗", "执法队员", "对立案案件进行调查取证，实施现场检查，制作询问笔录。", {
			{ "调查取证", "执行", "行政执法", "《市场监督管理行政处罚程序规定》第二十条",
			  "两名以上执法人员出示证件进行调查，收集证据，制作笔录。",
			  { "!调查取证岗|现场检查、询问，收集证据|立案后|执法记录仪全程记录",
			    "调查取证岗|制作笔录，当事人签字|当场|两人以上",
			    "调查取证岗|形成调查终结报告|90日内|大队长审核" },
			  { { "调查取证不全面、选择性取证，或向当事人通风报信", "行政执法", "权力行使", 2, 3,
			      { "前期预防|执法全过程记录，执法记录仪使用率100%|执法全过程记录制度",
			        "中期监控|案件审理岗对证据链逐案审核|" } } } },
			{ "实施强制措施", "执行", "行政执法", "《中华人民共和国行政强制法》",
			  "对涉案物品实施查封、扣押。",
			  { "调查取证岗|提出强制措施申请|发现当日|大队长审批", "!调查取证岗|实施查封、扣押，开具清单|当场|两人以上、现场录像",
			    "调查取证岗|在法定期限内作出处理决定|30日|法制审核" },
			  { { "违规查封扣押或超期扣押，擅自处理扣押物品", "行政执法", "制度机制", 1, 2,
			      { "前期预防|查封扣押一律审批，清单一式两份|涉案财物管理办法",
			        "中期监控|系统提示强制措施期限|" } } } } } },
		{ "案件审理岗", "法制员", "对调查终结的案件进行法制审核，提出处罚建议，把关自由裁量。", {
			{ "行政处罚自由裁量", "决策", "行政执法", "《甘肃省市场监管行政处罚自由裁量权适用规则》",
			  "依据裁量基准对违法行为提出处罚种类和幅度的建议。",
			  { "案件审理岗|审查案件事实、证据、程序|10个工作日|审理记录",
			    "!案件审理岗|依据裁量基准提出处罚建议|同上|重大案件集体讨论",
			    "分管副局长|审批处罚决定|3个工作日|处罚决定网上公开" },
			  { { "滥用自由裁量权，同案不同罚，办人情案、关系案", "行政执法", "权力行使", 3, 3,
			      { "前期预防|细化自由裁量基准，处罚建议须写明裁量理由|行政处罚自由裁量基准",
			        "中期监控|处罚决定书全部网上公开，定期开展案卷评查|",
			        "后期处置|对明显不当裁量的案件予以纠正并追责|" } } } } } },
		{ "罚没财物管理岗", "执法队员", "负责罚没财物的登记、保管、移交和处置。", {
			{ "罚没财物管理", "执行", "财务管理", "《罚没财物管理办法》",
			  "罚没财物入库登记、保管、移交财政和按规定处置。",
			  { "办案人员|移交罚没财物，开具清单|结案后3日|双人签字", "!罚没财物管理岗|入库登记，分类保管|当日|台账管理",
			    "!罚没财物管理岗|按规定移交或拍卖处置|按规定|财务科、纪检监察室监督" },
			  { { "罚没物品登记不全，私自截留、调换或低价处置", "财务、资产管理", "监督制约", 2, 2,
			      { "前期预防|罚没财物实行专库保管、专账管理|罚没财物管理办法",
			        "中期监控|纪检监察室每半年盘点核对|",
			        "后期处置|发现问题按规定追缴并追责|" } } } } } },
	} },
	{ "消费者权益保护科", {
		{ "消保科科长", "科长", "负责消费者投诉举报处理，组织消费维权调解。", {
			{ "消费者申诉受理调解", "执行", "行政执法", "《市场监督管理投诉举报处理暂行办法》",
			  "受理消费者投诉，组织双方调解，出具调解书。",
			  { "消保科|登记投诉，7个工作日内决定是否受理|7个工作日|投诉平台留痕",
			    "!消保科|组织调解|45个工作日|双方签字", "消保科|办结回访|办结后|满意度回访" },
			  { { "对投诉推诿拖延，或偏袒经营者、收受经营者好处", "行政执法", "外部环境", 2, 2,
			      { "前期预防|投诉全部在平台登记、限时办结|投诉举报处理办法",
			        "中期监控|对办结投诉开展满意度回访|" } } } } } },
	} },
	{ "财务科", {
		{ "财务科科长", "科长", "负责局机关财务管理，审核各项经费开支，编制预决算。", {
			{ "财务审核审批", "执行", "财务管理", "《行政单位财务规则》",
			  "审核报销单据的真实性、合规性，按权限审批。",
			  { "经办人|填写报销单，附原始票据|—|经办人签字", "!财务科科长|审核票据真实性、合规性|3个工作日|审计",
			    "分管领导、局长|按权限审批|3个工作日|大额支出集体研究", "出纳岗|支付|2个工作日|银行对账" },
			  { { "审核把关不严，虚列支出、违规报销", "财务、资产管理", "制度机制", 2, 3,
			      { "前期预防|严格执行财务审批权限，5万元以上支出集体研究|财务管理制度",
			        "中期监控|每年接受审计，财务收支定期公开|" } } } } } },
		{ "出纳岗", "科员", "负责现金和银行存款收付，登记日记账，管理票据。", {
			{ "资金收入支出", "执行", "财务管理", "《现金管理暂行条例》",
			  "办理现金和银行收付，登记日记账。",
			  { "!出纳岗|凭审批后的单据收付款|当日|会计复核", "出纳岗|登记日记账|当日|每月对账" },
			  { { "挪用公款、白条抵库，或私设“小金库”", "财务、资产管理", "监督制约", 1, 3,
			      { "前期预防|钱账分管，出纳不得兼管稽核|内部控制制度",
			        "中期监控|科长每月盘点现金、核对银行对账单|" } } } },
			{ "票据管理", "执行", "财务管理", "《财政票据管理办法》",
			  "票据领用、登记、核销。",
			  { "出纳岗|领用票据登记|领用时|台账", "!出纳岗|核销票据，缴销存根|每月|科长核对" },
			  { { "票据领用核销不规范，收入不入账", "财务、资产管理", "制度机制", 1, 2,
			      { "前期预防|票据专人管理、领用登记、定期核销|票据管理制度" } } } } } },
	} },
	{ "人事科", {
		{ "人事科科长", "科长", "负责干部选拔任用、考核、培训和人事档案管理。", {
			{ "干部选拔任用", "执行", "干部管理", "《党政领导干部选拔任用工作条例》",
			  "按程序组织动议、民主推荐、考察、讨论决定和任职公示。",
			  { "人事科|提出动议方案|—|局党组研究", "!人事科|组织民主推荐、考察|按程序|纪检组长参与",
			    "!局党组会|讨论决定|会议当日|无记名投票", "人事科|任前公示|5个工作日|接受举报" },
			  { { "不按程序选拔任用，任人唯亲、说情打招呼", "干部队伍管理", "权力行使", 2, 3,
			      { "前期预防|严格执行干部选拔任用条例，全程纪实|干部选拔任用工作纪实制度",
			        "中期监控|纪检组长全程监督，任前公示接受举报|",
			        "后期处置|对违规用人的，实行“一报告两评议”和责任追究|" } } } } } },
		{ "工资档案岗", "科员", "负责工资福利、职级晋升和人事档案管理。", {
			{ "工资晋升", "执行", "干部管理", "《公务员法》",
			  "按政策办理工资调整、职级晋升。",
			  { "工资档案岗|按政策测算，提出调整意见|按批次|科长审核", "!人事科科长|审核|5个工作日|局党组研究",
			    "工资档案岗|报人社部门审批，建立档案|按规定|公示" },
			  { { "违规调整工资、晋升档次，或篡改人事档案", "干部队伍管理", "制度机制", 1, 2,
			      { "前期预防|工资调整结果在局内公示|工资管理制度",
			        "中期监控|档案查阅、借阅一律登记|" } } } } } },
	} },
	{ "纪检监察室", {
		{ "纪检监察室主任", "主任", "协助纪检组长开展监督执纪，组织廉政风险防控，受理信访举报。", {
			{ "廉政风险防控监督检查", "监督", "监督检查", "《廉政风险点防范管理工作实施方案》",
			  "组织廉政风险点排查、评估和检查考核。",
			  { "纪检监察室|制定检查方案|每半年|纪检组长审定", "!纪检监察室|听汇报、查资料、走访服务对象|按方案|检查组两人以上",
			    "纪检监察室|下发整改通知，跟踪整改|整改期限|复查验收" },
			  { { "对检查发现的问题不报告、不督促整改，走过场", "其他", "监督制约", 1, 2,
			      { "前期预防|检查结果书面报告局党组并在局内通报|检查考核办法",
			        "中期监控|整改情况实行销号管理|" } } } } } },
	} },
};

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
	"何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
	"田", "董", "潘", "袁", "蒋", "蔡", "杜", "程", "魏", "苏", "吕", "丁", "沈", "姚", "崔", "谭",
};

static const char *const given[] = {
	"建国", "秀英", "志强", "丽娟", "海燕", "文杰", "红梅", "晓东", "玉兰", "国庆", "春花", "建华",
	"桂芳", "明辉", "静", "伟", "磊", "敏", "芳", "军", "洋", "勇", "艳", "杰", "娟", "涛", "超",
	"晓红", "子涵", "浩然", "雨欣", "立新", "学军", "丽萍", "永红", "文斌", "振华", "小燕", "俊杰",
};

/* ------------------------------------------------------------------ generation state */

struct made_post {
	char post[LF_GID_LEN + 1], person[LF_GID_LEN + 1], dept[LF_GID_LEN + 1];
	char person_name[64];
	const struct demo_post *src;
	int dept_index;
	char powers[2][LF_GID_LEN + 1];
	char risky_steps[2][6][LF_GID_LEN + 1];
};

struct gen {
	struct lf_db *db;
	struct made_post made[64];
	uint64_t rng;
	char cycle[LF_GID_LEN + 1];
	char discipline_head[LF_GID_LEN + 1]; /* 纪检监察室主任, the supervisor of measures */
	char discipline_name[64];
	char high_name[64];                   /* the unit's name of the highest level */
	int used_names[LF_COUNT(surnames) * LF_COUNT(given) / 8 + 1];
	int nposts;
};

/* splitmix64: a small deterministic sequence for choices (not for secrets). */
static uint64_t next(struct gen *g)
{
	uint64_t z = (g->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int pick(struct gen *g, int n)
{
	return (int)(next(g) % (uint64_t)n);
}

static void person_name(struct gen *g, char *out, size_t len)
{
	int tries;

	for (tries = 0; tries < 1000; tries++) {
		int s = pick(g, (int)LF_COUNT(surnames)), n = pick(g, (int)LF_COUNT(given));
		int idx = s * (int)LF_COUNT(given) + n;

		if (g->used_names[idx / 8] & (1 << (idx % 8)))
			continue;
		g->used_names[idx / 8] |= 1 << (idx % 8);
		snprintf(out, len, "%s%s", surnames[s], given[n]);
		return;
	}
	snprintf(out, len, "职工%d", pick(g, 10000));
}

/* Add a day count to an ISO date. */
static void date_add(const char *iso, int days, char out[11])
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
	d += days;
	for (;;) {
		int dm = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));

		if (d <= dm)
			break;
		d -= dm;
		if (++m > 12)
			m = 1, y++;
	}
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

/* Split "a|b|c" into at most n fields in buf; missing fields are "". */
static int split(const char *s, char *buf, size_t len, const char **f, int n)
{
	int k = 0;
	char *p;

	snprintf(buf, len, "%s", s);
	for (p = buf; k < n; k++) {
		f[k] = p;
		p = strchr(p, '|');
		if (!p) {
			k++;
			break;
		}
		*p++ = 0;
	}
	for (n = k; n < 4; n++)
		f[n] = "";
	return k;
}

static lf_status put(struct gen *g, struct lf_rec *r, char gid_out[LF_GID_LEN + 1])
{
	lf_status st = lf_rec_put(g->db, r);

	if (st == LF_OK && gid_out)
		memcpy(gid_out, r->gid, LF_GID_LEN + 1);
	return st;
}

static struct lf_rec *rec(const char *kind)
{
	return lf_rec_new(lf_kind_find(kind));
}

static void set_opt(struct lf_rec *r, const char *field, const char *s)
{
	lf_rec_set_text(r, field, s && *s ? s : NULL);
}

/* ------------------------------------------------------------------ phase 1 */

static lf_status make_cycle(struct gen *g, int year)
{
	struct lf_scheme sc;
	lf_status st = lf_cycle_add(g->db, year, NULL, g->cycle); /* seed 001's schedule */

	if (st == LF_OK && (st = lf_scheme_load(g->db, &sc)) == LF_OK) {
		snprintf(g->high_name, sizeof g->high_name, "%s", lf_scheme_level_name(&sc, LF_LEVEL_HIGH));
		lf_scheme_free(&sc);
	}
	return st;
}

static const char plan_body[] =
	"为深入推进党风廉政建设，从源头上有效预防腐败，根据上级关于开展廉政风险点防范管理工作的部署，"
	"结合我局实际，制定本方案。\n"
	"一、工作步骤。廉政风险点防范管理工作以年度为周期，分为制定方案、动员部署；界定职责、查找风险；"
	"健全机制、防范监督；检查考核、修正完善四个阶段。\n"
	"二、查找风险。围绕行政审批权、行政执法权、干部队伍管理权和财务资金管理权，采取个人自查、部门评查、"
	"交叉互查、组织审定的办法，逐岗位查找廉政风险点，填写《廉政风险自查表（岗位）》。\n"
	"三、评定等级。按风险发生的概率和危害程度，将风险点评定为高、中、低三个等级，实行分级管理。\n"
	"四、防范监督。针对每个风险点制定前期预防、中期监控、后期处置措施，明确责任人和监督人，公示后执行。\n"
	"五、检查考核。领导小组办公室采取听汇报、查资料、走访服务对象、民主评议等方式定期检查，"
	"对发现的问题下发整改通知书，限期整改。";

static lf_status make_plan(struct gen *g, int year, const char *office)
{
	struct lf_plan_in in;
	char title[160], doc[64], date[11];

	snprintf(title, sizeof title, "%d年度廉政风险点防范管理工作实施方案", year);
	snprintf(doc, sizeof doc, "肃市监党发〔%d〕%d号", year, 3 + pick(g, 5));
	snprintf(date, sizeof date, "%d-02-%02d", year, 20 + pick(g, 8));
	in.title = title;
	in.doc_no = doc;
	in.issued = date;
	in.office = office;
	in.body = plan_body;
	return lf_plan_set(g->db, g->cycle, &in, NULL);
}

static lf_status make_meetings(struct gen *g, int year)
{
	static const struct {
		const char *md, *kind, *title, *place, *attendees;
		int count;
		const char *notes;
	} m[] = {
		{ "03-05", "动员大会", "全局廉政风险点防范管理工作动员大会", "三楼会议室", "全体干部职工", 46,
		  "局长作动员讲话，纪检组长解读实施方案，各科室负责人表态发言。" },
		{ "03-10", "视频会议", "全市市场监管系统廉政风险防控视频部署会", "视频会议室",
		  "局领导班子成员、各科室负责人", 14, "收看市局视频会议，会后传达贯彻。" },
		{ "03-18", "专题学习", "廉政风险防控专题学习", "三楼会议室", "全体党员干部", 38,
		  "集中学习《建立健全惩治和预防腐败体系实施纲要》和本局实施方案。" },
		{ "03-26", "警示教育", "典型案例警示教育大会", "三楼会议室", "全体干部职工", 45,
		  "通报近年市场监管系统违纪违法典型案例，观看警示教育片。" },
	};
	lf_status st = LF_OK;
	size_t i;

	for (i = 0; i < LF_COUNT(m) && st == LF_OK; i++) {
		struct lf_meeting_in in;
		char date[11], count[16];

		snprintf(date, sizeof date, "%d-%s", year, m[i].md);
		snprintf(count, sizeof count, "%d", m[i].count - pick(g, 4));
		in.held = date;
		in.kind = m[i].kind;
		in.title = m[i].title;
		in.place = m[i].place;
		in.attendees = m[i].attendees;
		in.count = count;
		in.notes = m[i].notes;
		st = lf_meeting_add(g->db, g->cycle, &in, NULL);
	}
	return st;
}

static lf_status add_member(struct gen *g, const char *person, const char *role, const char *duty, int seq)
{
	struct lf_member_in in;
	char n[16];

	snprintf(n, sizeof n, "%d", seq);
	in.person = person;
	in.role = role;
	in.duty = duty;
	in.seq = n;
	return lf_member_add(g->db, g->cycle, &in, NULL);
}

/* ------------------------------------------------------------------ organisation, phase 2 */

static lf_status make_power(struct gen *g, struct made_post *mp, int k, int seq)
{
	const struct demo_power *p = &mp->src->powers[k];
	struct lf_rec *r = rec("power");
	lf_status st;
	int i;

	lf_rec_set_text(r, "dept", mp->dept);
	lf_rec_set_text(r, "post", mp->post);
	lf_rec_set_text(r, "name", p->name);
	lf_rec_set_text(r, "content", p->content);
	lf_rec_set_text(r, "kind", p->kind);
	lf_rec_set_text(r, "area", p->area);
	lf_rec_set_text(r, "basis", p->basis);
	lf_rec_set_text(r, "holder", mp->src->name);
	lf_rec_set_int(r, "seq", seq);
	st = put(g, r, mp->powers[k]);
	lf_rec_free(r);
	for (i = 0; i < 6 && p->steps[i] && st == LF_OK; i++) {
		const char *f[4];
		char buf[512];
		int risky = p->steps[i][0] == '!';

		split(p->steps[i] + risky, buf, sizeof buf, f, 4);
		r = rec("flow_step");
		lf_rec_set_text(r, "power", mp->powers[k]);
		lf_rec_set_int(r, "seq", i + 1);
		set_opt(r, "actor", f[0]);
		lf_rec_set_text(r, "action", f[1]);
		set_opt(r, "time_limit", strcmp(f[2], "—") ? f[2] : NULL);
		set_opt(r, "supervision", f[3]);
		lf_rec_set_int(r, "risky", risky);
		st = put(g, r, risky ? mp->risky_steps[k][i] : NULL);
		lf_rec_free(r);
	}
	return st;
}

static lf_status make_org(struct gen *g, int *nposts)
{
	lf_status st = LF_OK;
	size_t d;
	int n = 0;

	for (d = 0; d < LF_COUNT(depts) && st == LF_OK; d++) {
		struct lf_rec *r = rec("dept");
		char dept[LF_GID_LEN + 1], head[LF_GID_LEN + 1] = "";
		int first = n, i;

		lf_rec_set_text(r, "name", depts[d].name);
		lf_rec_set_int(r, "seq", (int)d + 1);
		st = put(g, r, dept);
		lf_rec_free(r);
		for (i = 0; i < 4 && depts[d].posts[i].name && st == LF_OK; i++, n++) {
			struct made_post *mp = &g->made[n];
			const struct demo_post *src = &depts[d].posts[i];

			memset(mp, 0, sizeof *mp);
			mp->src = src;
			mp->dept_index = (int)d;
			memcpy(mp->dept, dept, sizeof dept);
			r = rec("post");
			lf_rec_set_text(r, "dept", dept);
			lf_rec_set_text(r, "name", src->name);
			lf_rec_set_text(r, "duties", src->duties);
			lf_rec_set_int(r, "seq", i + 1);
			st = put(g, r, mp->post);
			lf_rec_free(r);
			if (st)
				break;
			person_name(g, mp->person_name, sizeof mp->person_name);
			r = rec("person");
			lf_rec_set_text(r, "name", mp->person_name);
			lf_rec_set_text(r, "post", mp->post);
			lf_rec_set_text(r, "title", src->title);
			st = put(g, r, mp->person);
			lf_rec_free(r);
			if (i == 0)
				memcpy(head, mp->person, sizeof head);
		}
		/* A second person on some front-line posts: offices are not one person per post. */
		if (st == LF_OK && n - first > 2) {
			char name[64];

			person_name(g, name, sizeof name);
			r = rec("person");
			lf_rec_set_text(r, "name", name);
			lf_rec_set_text(r, "post", g->made[first + 1].post);
			lf_rec_set_text(r, "title", g->made[first + 1].src->title);
			st = put(g, r, NULL);
			lf_rec_free(r);
		}
		/* The head of the department; the leader in charge is set once all exist. */
		if (st == LF_OK && d > 0) {
			r = rec("dept");
			if ((st = lf_rec_load(g->db, lf_kind_find("dept"), dept, r)) == LF_OK) {
				lf_rec_set_text(r, "head", head);
				st = put(g, r, NULL);
			}
			lf_rec_free(r);
		}
	}
	*nposts = n;
	return st;
}

/* 分管: the first deputy covers 办公室, 登记注册科, 消保科; the second the rest. */
static int covered_by_first_deputy(int dept_index)
{
	return dept_index == 1 || dept_index == 2 || dept_index == 4;
}

static lf_status set_leaders(struct gen *g)
{
	lf_status st = LF_OK;
	int k;

	for (k = 0; k < g->nposts && st == LF_OK; k++) {
		struct made_post *mp = &g->made[k];
		struct lf_rec *r;

		/* the first post of each department other than the leadership */
		if (mp->dept_index == 0 || (k > 0 && g->made[k - 1].dept_index == mp->dept_index))
			continue;
		r = rec("dept");
		if ((st = lf_rec_load(g->db, lf_kind_find("dept"), mp->dept, r)) == LF_OK) {
			lf_rec_set_text(r, "leader", g->made[covered_by_first_deputy(mp->dept_index) ? 1 : 2].person);
			st = put(g, r, NULL);
		}
		lf_rec_free(r);
	}
	return st;
}

/* ------------------------------------------------------------------ self-checks and reviews */

/* Self-checks, risks, measures and the review chain go through the model
 * (selfcheck.h, risk.h, grade.h, review.h), so the demo obeys the same state
 * machine and checks as the screens and commands. */

static const char *dept_head_name(struct gen *g, struct made_post *mp)
{
	int k;

	for (k = 0; k < g->nposts; k++)
		if (g->made[k].dept_index == mp->dept_index)
			return g->made[k].person_name;
	return mp->person_name;
}

/* The first of the candidates who is not the form's own person: nobody
 * reviews their own form. */
static const char *other_than(const char *self, const char *a, const char *b, const char *c)
{
	return strcmp(a, self) ? a : strcmp(b, self) ? b : c;
}

static lf_status step(struct gen *g, const char *sc, enum lf_review_step which, const char *signer, const char *date,
                      int reject, const char *grade, const char *opinion, const char *due)
{
	struct lf_review_in in;

	memset(&in, 0, sizeof in);
	in.signer = signer;
	in.date = date;
	in.reject = reject;
	in.grade = grade;
	in.opinion = opinion;
	in.rework_due = due;
	return lf_review_step(g->db, sc, which, &in);
}

/* How far a self-check has got, as the year stands in late November. */
enum progress { DRAFT, SUBMITTED, HEAD, LEADER, RETURNED, ACCEPTED };

static enum progress choose_progress(struct gen *g)
{
	int x = pick(g, 100);

	return x < 8 ? DRAFT : x < 16 ? SUBMITTED : x < 22 ? HEAD : x < 28 ? LEADER : x < 38 ? RETURNED : ACCEPTED;
}

static lf_status make_measures(struct gen *g, struct made_post *mp, const struct demo_risk *dr, const char *risk,
                               int year)
{
	lf_status st = LF_OK;
	int m;

	for (m = 0; m < 3 && dr->measures[m] && st == LF_OK; m++) {
		struct lf_measure_in in;
		const char *f[4];
		char buf[600], due[11], done[11];
		int state = pick(g, 3);

		split(dr->measures[m], buf, sizeof buf, f, 3);
		memset(&in, 0, sizeof in);
		in.stage = f[0];
		in.content = f[1];
		in.rule = f[2];
		in.responsible = mp->person;
		in.supervisor = g->discipline_head[0] ? g->discipline_head : NULL;
		snprintf(due, sizeof due, "%d-%02d-30", year, 6 + pick(g, 6));
		in.due = due;
		in.status = state == 0 ? "done" : state == 1 ? "doing" : "planned";
		if (state == 0) {
			date_add(due, -pick(g, 20) - 1, done);
			in.done = done;
		}
		st = lf_measure_add(g->db, risk, &in, NULL, NULL);
	}
	return st;
}

static lf_status make_risks(struct gen *g, struct made_post *mp, const char *selfcheck, int year)
{
	static const char *const found_by[] = { "个人自查", "个人自查", "部门评查", "交叉互查", "组织审定" };
	lf_status st = LF_OK;
	int k, j;

	for (k = 0; k < 2 && mp->src->powers[k].name && st == LF_OK; k++) {
		const struct demo_power *p = &mp->src->powers[k];

		for (j = 0; j < 2 && p->risks[j].desc && st == LF_OK; j++) {
			const struct demo_risk *dr = &p->risks[j];
			struct lf_risk_in in;
			struct lf_risk_list made;
			char risk[LF_GID_LEN + 1], prob[4], sev[4];
			int pr = dr->p, step;

			/* The seed nudges probability a little, as different offices judge differently. */
			if (pick(g, 4) == 0)
				pr = pr > 1 && pick(g, 2) ? pr - 1 : pr < 3 ? pr + 1 : pr;
			snprintf(prob, sizeof prob, "%d", pr);
			snprintf(sev, sizeof sev, "%d", dr->s);
			memset(&in, 0, sizeof in);
			in.description = dr->desc;
			in.category = dr->category;
			in.source = dr->source;
			in.found_by = found_by[pick(g, (int)LF_COUNT(found_by))];
			in.probability = prob;
			in.severity = sev;
			in.power = mp->powers[k];
			for (step = 0; step < 6 && !mp->risky_steps[k][step][0]; step++)
				;
			if (step < 6)
				in.step = mp->risky_steps[k][step];
			if ((st = lf_risk_add(g->db, selfcheck, &in, risk)))
				break;
			/* Now and then the leadership grades otherwise, and says why. */
			if ((st = lf_risk_get(g->db, risk, &made)) == LF_OK && made.v[0].level_proposed == LF_LEVEL_MID &&
			    !strcmp(dr->category, "行政执法") && pick(g, 3) == 0)
				st = lf_grade_set_level(g->db, risk, g->high_name,
				                        "近年全系统同类岗位发生过违纪案件，领导小组研究提高一级。");
			lf_risk_list_free(&made);
			if (st == LF_OK)
				st = make_measures(g, mp, dr, risk, year);
		}
	}
	return st;
}

static lf_status make_selfcheck(struct gen *g, struct made_post *mp, int year, const char *leader_name)
{
	static const char head_ok[] = "风险点查找基本全面，措施具体可行，同意。";
	struct lf_selfcheck_in in;
	char gid[LF_GID_LEN + 1], filled[11], signed_head[11], signed_leader[11], assessed[11], due[11];
	enum progress pr = choose_progress(g);
	const char *self = mp->person_name, *principal = g->made[0].person_name, *inspector = g->made[3].person_name;
	const char *head = other_than(self, dept_head_name(g, mp), leader_name, inspector);
	const char *leader = other_than(self, leader_name, principal, inspector);
	const char *assessor = other_than(self, g->discipline_name, inspector, principal);
	lf_status st;

	snprintf(filled, sizeof filled, "%d-04-%02d", year, 6 + pick(g, 12));
	in.duties = mp->src->duties;
	in.filled = filled;
	if ((st = lf_selfcheck_new(g->db, g->cycle, mp->post, mp->person, &in, gid)) ||
	    (st = make_risks(g, mp, gid, year)) || pr == DRAFT)
		return st;
	if ((st = step(g, gid, LF_REVIEW_SUBMIT, self, filled, 0, NULL, NULL, NULL)) || pr == SUBMITTED)
		return st;
	date_add(filled, 2 + pick(g, 3), signed_head);
	if ((st = step(g, gid, LF_REVIEW_HEAD, head, signed_head, 0, NULL, head_ok, NULL)) || pr == HEAD)
		return st;
	date_add(signed_head, 2 + pick(g, 4), signed_leader);
	if ((st = step(g, gid, LF_REVIEW_LEADER, leader, signed_leader, 0, NULL, "同意处室意见。", NULL)) || pr == LEADER)
		return st;
	date_add(signed_leader, 5 + pick(g, 5), assessed);
	if (pr == RETURNED) {
		/* Graded 不准确 or 基本准确 and returned for rework; some are already overdue. */
		const char *grade = pick(g, 2) ? "不准确" : "基本准确";

		snprintf(due, sizeof due, "%d-%02d-%02d", year, pick(g, 2) ? 11 : 12, 10 + pick(g, 15));
		return step(g, gid, LF_REVIEW_ASSESS, assessor, assessed, 0, grade,
		            "风险点查找不够具体，未结合岗位实际；防控措施针对性不强，请限期完善。", due);
	}
	return step(g, gid, LF_REVIEW_ASSESS, assessor, assessed, 0, pick(g, 3) ? "准确" : "比较准确",
	            "风险点查找准确，等级评定恰当。", NULL);
}

/* ------------------------------------------------------------------ phases 3 and 4 */

static lf_status first_gid(struct gen *g, const char *sql, char out[LF_GID_LEN + 1])
{
	sqlite3_stmt *st;
	lf_status s = lf_prepare(g->db, sql, &st);

	out[0] = 0;
	if (s)
		return s;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, LF_GID_LEN + 1, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out[0] ? LF_OK : lf_fail(g->db, LF_NOTFOUND, "演示数据缺少记录。");
}

static lf_status make_phase3(struct gen *g, int year)
{
	char notice[LF_GID_LEN + 1], risk[LF_GID_LEN + 1], person[LF_GID_LEN + 1], warning[LF_GID_LEN + 1];
	char start[11], end[11], issued[11];
	struct lf_rec *r;
	lf_status st;

	snprintf(start, sizeof start, "%d-05-08", year);
	snprintf(end, sizeof end, "%d-05-15", year);
	snprintf(issued, sizeof issued, "%d-05-20", year);
	r = rec("notice");
	lf_rec_set_text(r, "cycle", g->cycle);
	lf_rec_set_text(r, "title", "2026年度岗位廉政风险点及防控措施公示");
	lf_rec_set_text(r, "scope", "局机关内网、公示栏");
	lf_rec_set_text(r, "start", start);
	lf_rec_set_text(r, "end", end);
	lf_rec_set_text(r, "status", "issued");
	lf_rec_set_text(r, "issued", issued);
	lf_rec_set_text(r, "body", "现将各岗位廉政风险点、风险等级及防控措施予以公示，公示期间如有意见，请向纪检监察室反映。");
	st = put(g, r, notice);
	lf_rec_free(r);
	if (st || (st = first_gid(g, "SELECT gid FROM risk WHERE level = 3 ORDER BY seq, gid LIMIT 1", risk)))
		return st;
	r = rec("comment");
	lf_rec_set_text(r, "notice", notice);
	lf_rec_set_text(r, "risk", risk);
	lf_rec_set_text(r, "author", "匿名");
	lf_rec_set_text(r, "received", "2026-05-11");
	lf_rec_set_text(r, "content", "建议对该岗位增加定期轮岗的措施。");
	lf_rec_set_text(r, "reply", "已采纳，列入中期监控措施，任职满五年轮岗。");
	lf_rec_set_text(r, "replied", "2026-05-14");
	st = put(g, r, NULL);
	lf_rec_free(r);
	if (st || (st = first_gid(g, "SELECT person FROM risk WHERE gid IN (SELECT gid FROM risk WHERE level = 3) "
	                             "ORDER BY seq, gid LIMIT 1", person)))
		return st;
	{
		static const struct {
			const char *kind, *due, *done, *result;
		} tasks[] = {
			{ "任前廉政谈话", "2026-05-31", "2026-05-26", "已谈话，本人签订廉洁承诺书。" },
			{ "定期廉政谈话", "2026-09-30", "2026-09-18", "已谈话，本人对照风险点作了说明。" },
			{ "民主生活会说明", "2026-12-31", NULL, NULL },
			{ "纪检监察室监督检查", "2026-11-15", NULL, NULL },
		};
		size_t i;

		for (i = 0; i < LF_COUNT(tasks) && st == LF_OK; i++) {
			r = rec("task");
			lf_rec_set_text(r, "cycle", g->cycle);
			lf_rec_set_text(r, "risk", risk);
			lf_rec_set_text(r, "person", person);
			lf_rec_set_text(r, "kind", tasks[i].kind);
			lf_rec_set_text(r, "due", tasks[i].due);
			set_opt(r, "done", tasks[i].done);
			set_opt(r, "result", tasks[i].result);
			lf_rec_set_text(r, "by_name", g->discipline_name);
			st = put(g, r, NULL);
			lf_rec_free(r);
		}
	}
	if (st)
		return st;
	r = rec("warning");
	lf_rec_set_text(r, "cycle", g->cycle);
	lf_rec_set_text(r, "source", "信访举报");
	lf_rec_set_text(r, "person", person);
	lf_rec_set_text(r, "risk", risk);
	lf_rec_set_text(r, "received", "2026-08-12");
	lf_rec_set_text(r, "content", "群众反映该同志与辖区个别经营户交往过密，多次接受宴请。");
	lf_rec_set_text(r, "status", "disposed");
	st = put(g, r, warning);
	lf_rec_free(r);
	if (st)
		return st;
	r = rec("disposition");
	lf_rec_set_text(r, "warning", warning);
	lf_rec_set_text(r, "done", "2026-08-20");
	lf_rec_set_text(r, "kind", "诫勉谈话");
	lf_rec_set_text(r, "by_name", g->discipline_name);
	lf_rec_set_text(r, "content", "经初步核实，反映的宴请问题部分属实，已进行诫勉谈话，责令其书面检查并退还相关费用。");
	st = put(g, r, NULL);
	lf_rec_free(r);
	return st;
}

static lf_status make_phase4(struct gen *g)
{
	char inspection[LF_GID_LEN + 1], finding[LF_GID_LEN + 1], dept[LF_GID_LEN + 1], rect[LF_GID_LEN + 1];
	struct lf_rec *r = rec("inspection");
	lf_status st;

	if ((st = first_gid(g, "SELECT gid FROM dept WHERE name = '执法稽查大队'", dept))) {
		lf_rec_free(r);
		return st;
	}
	lf_rec_set_text(r, "cycle", g->cycle);
	lf_rec_set_text(r, "target_unit", g->db->unit);
	lf_rec_set_text(r, "dept", dept);
	lf_rec_set_text(r, "held", "2026-07-15");
	lf_rec_set_text(r, "methods", "听汇报、查资料、走访服务对象、问卷调查");
	lf_rec_set_text(r, "team", "纪检监察室、办公室");
	lf_rec_set_text(r, "summary", "半年检查：风险点查找基本到位，个别岗位防控措施落实不到位。");
	lf_rec_set_int(r, "score", 86);
	st = put(g, r, inspection);
	lf_rec_free(r);
	if (st)
		return st;
	r = rec("finding");
	lf_rec_set_text(r, "inspection", inspection);
	lf_rec_set_int(r, "question", 6);
	lf_rec_set_int(r, "score", 12);
	lf_rec_set_text(r, "content", "抽查案卷 20 份，有 3 份执法记录仪视频未按规定归档，全过程记录制度执行不到位。");
	st = put(g, r, finding);
	lf_rec_free(r);
	if (st)
		return st;
	r = rec("rectification");
	lf_rec_set_text(r, "inspection", inspection);
	lf_rec_set_text(r, "finding", finding);
	lf_rec_set_text(r, "target_unit", g->db->unit);
	lf_rec_set_text(r, "dept", dept);
	lf_rec_set_text(r, "doc_no", "肃市监纪整〔2026〕2号");
	lf_rec_set_text(r, "issued", "2026-07-20");
	lf_rec_set_text(r, "deadline", "2026-09-30");
	lf_rec_set_text(r, "requirement", "补齐执法记录视频归档，建立每周归档检查制度，于期限内书面报告整改情况。");
	lf_rec_set_text(r, "status", "issued");
	st = put(g, r, rect);
	lf_rec_free(r);
	if (st)
		return st;
	r = rec("response");
	lf_rec_set_text(r, "rectification", rect);
	lf_rec_set_text(r, "answered", "2026-09-12");
	lf_rec_set_text(r, "content", "已补齐 3 份案卷的视频归档，制定《执法记录仪使用管理规定》，每周五由法制员检查归档。");
	st = put(g, r, NULL);
	lf_rec_free(r);
	return st;
}

/* ------------------------------------------------------------------ entry point */

lf_status lf_demo_fill(struct lf_db *db, uint64_t seed)
{
	struct gen *g = lf_alloc(sizeof *g);
	lf_status st;
	int i, year = 2026;

	g->db = db;
	g->rng = seed * 0x2545f4914f6cdd1dULL + 1;
	lf_db_seed(db, seed);
	if ((st = lf_tx_begin(db))) {
		lf_free(g);
		return st;
	}
	st = make_cycle(g, year);
	if (st == LF_OK)
		st = make_org(g, &g->nposts);
	if (st == LF_OK)
		st = set_leaders(g);
	for (i = 0; i < g->nposts; i++)
		if (!strcmp(g->made[i].src->name, "纪检监察室主任")) {
			memcpy(g->discipline_head, g->made[i].person, sizeof g->discipline_head);
			snprintf(g->discipline_name, sizeof g->discipline_name, "%s", g->made[i].person_name);
		}
	if (st == LF_OK)
		st = make_plan(g, year, "纪检监察室");
	if (st == LF_OK)
		st = make_meetings(g, year);
	/* The leading group: the director leads, deputies and the discipline head deputise. */
	if (st == LF_OK)
		st = add_member(g, g->made[0].person, "组长", "全面负责", 1);
	if (st == LF_OK)
		st = add_member(g, g->made[1].person, "副组长", "分管领域风险防控", 2);
	if (st == LF_OK)
		st = add_member(g, g->made[2].person, "副组长", "分管领域风险防控", 3);
	if (st == LF_OK)
		st = add_member(g, g->made[3].person, "副组长", "组织协调、监督检查", 4);
	if (st == LF_OK)
		st = add_member(g, g->discipline_head, "办公室主任", "领导小组办公室日常工作", 5);
	for (i = 0; i < g->nposts && st == LF_OK; i++) {
		struct made_post *mp = &g->made[i];
		const char *leader = mp->dept_index == 0 ? g->made[0].person_name
		                   : covered_by_first_deputy(mp->dept_index) ? g->made[1].person_name
		                   : g->made[2].person_name;

		st = make_power(g, mp, 0, i * 2 + 1);
		if (st == LF_OK && mp->src->powers[1].name)
			st = make_power(g, mp, 1, i * 2 + 2);
		if (st == LF_OK)
			st = make_selfcheck(g, mp, year, leader);
	}
	if (st == LF_OK)
		st = make_phase3(g, year);
	if (st == LF_OK)
		st = make_phase4(g);
	if (st == LF_OK)
		st = lf_auth_demo_fill(db); /* one account per role (README "Users, roles …") */
	st = lf_tx_end(db, st);
	lf_free(g);
	return st;
}
