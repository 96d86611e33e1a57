/* kinds: the fields of every record kind that travels, in their fixed order.
 * This order is the column order of the kind's table in src/sql/schema-*.sql
 * (after id, gid, owner, rid, deleted), the key order of canonical bodies and
 * of `lianfang dump`. tests/unit/test_kinds.c checks it against the schema. */
#include "lianfang/rec.h"
#include "lianfang/util.h"

#include <string.h>

#define TEXT(n, l, req, max)         { n, l, LF_F_TEXT, NULL, req, max, 0, NULL }
#define CHOICE(n, l, req, max, list) { n, l, LF_F_TEXT, NULL, req, max, 0, list }
#define INT(n, l, req, lo, hi)       { n, l, LF_F_INT, NULL, req, hi, lo, NULL }
#define DATE(n, l, req)              { n, l, LF_F_DATE, NULL, req, 10, 0, NULL }
#define REF(n, l, req, kind)         { n, l, LF_F_REF, kind, req, 32, 0, NULL }
#define BOOL(n, l)                   { n, l, LF_F_BOOL, NULL, 1, 1, 0, NULL }
#define CODE(n, l, req)              { n, l, LF_F_CODE, NULL, req, 32, 2, NULL }

static const struct lf_field unit_f[] = {
	CODE("code", "单位代码", 1), TEXT("name", "单位名称", 1, 100), CODE("parent", "上级单位代码", 0),
};
static const struct lf_field setting_f[] = {
	TEXT("key", "设置项", 1, 64), TEXT("value", "设置值", 1, 20000),
};
static const struct lf_field dept_f[] = {
	TEXT("name", "处室名称", 1, 100), INT("seq", "排序", 0, 0, 9999), REF("head", "处室负责人", 0, "person"),
	REF("leader", "分管领导", 0, "person"), BOOL("retired", "已撤销"),
};
static const struct lf_field post_f[] = {
	REF("dept", "所属处室", 1, "dept"), TEXT("name", "岗位名称", 1, 100), TEXT("duties", "岗位职责", 0, 10000),
	INT("seq", "排序", 0, 0, 9999), BOOL("retired", "已撤销"),
};
static const struct lf_field person_f[] = {
	TEXT("name", "姓名", 1, 50), REF("post", "岗位", 0, "post"), TEXT("title", "职务", 0, 100), BOOL("retired", "已离岗"),
};
static const struct lf_field cycle_f[] = {
	INT("year", "年度", 1, 2000, 2100), TEXT("title", "名称", 0, 200),
	DATE("p1_start", "第一阶段开始", 0), DATE("p1_end", "第一阶段结束", 0), DATE("p2_start", "第二阶段开始", 0), DATE("p2_end", "第二阶段结束", 0),
	DATE("p3_start", "第三阶段开始", 0), DATE("p3_end", "第三阶段结束", 0), DATE("p4_start", "第四阶段开始", 0), DATE("p4_end", "第四阶段结束", 0),
	INT("phase", "当前阶段", 0, 1, 4), BOOL("closed", "已结束"),
};
static const struct lf_field plan_f[] = {
	REF("cycle", "年度", 1, "cycle"), TEXT("title", "标题", 1, 200), TEXT("doc_no", "文号", 0, 100),
	DATE("issued", "印发日期", 0), TEXT("office", "牵头办公室", 0, 100), TEXT("body", "正文", 0, 200000),
};
static const struct lf_field group_member_f[] = {
	REF("cycle", "年度", 1, "cycle"), REF("person", "人员", 1, "person"), TEXT("role", "小组职务", 1, 50),
	TEXT("duty", "分工", 0, 500), INT("seq", "排序", 0, 0, 9999),
};
static const struct lf_field meeting_f[] = {
	REF("cycle", "年度", 1, "cycle"), DATE("held", "日期", 1), TEXT("kind", "类型", 1, 50), TEXT("title", "主题", 0, 200),
	TEXT("place", "地点", 0, 200), TEXT("attendees", "参加人员", 0, 2000), INT("count", "人数", 0, 0, 100000),
	TEXT("notes", "记录", 0, 20000),
};
static const struct lf_field power_f[] = {
	REF("dept", "处室", 1, "dept"), REF("post", "岗位", 0, "post"), TEXT("name", "职权名称", 1, 200),
	TEXT("content", "职权内容", 0, 10000), CHOICE("kind", "职权类别", 1, 2, "决策|执行|监督"), TEXT("area", "业务领域", 0, 100),
	TEXT("basis", "法律依据", 0, 5000), TEXT("holder", "行使主体", 0, 200), INT("seq", "排序", 0, 0, 9999), BOOL("retired", "已撤销"),
};
static const struct lf_field flow_step_f[] = {
	REF("power", "职权", 1, "power"), INT("seq", "环节序号", 1, 1, 999), TEXT("actor", "办理主体", 0, 100),
	TEXT("action", "办理事项", 1, 2000), TEXT("condition", "条件", 0, 2000), TEXT("time_limit", "时限", 0, 100),
	TEXT("supervision", "监督方式", 0, 2000), BOOL("risky", "风险环节"),
};
static const struct lf_field selfcheck_f[] = {
	REF("cycle", "年度", 1, "cycle"), REF("post", "岗位", 1, "post"), REF("person", "填表人", 1, "person"),
	TEXT("duties", "岗位职责", 0, 10000), DATE("filled", "填表日期", 0),
	CHOICE("status", "状态", 1, 13, "draft|submitted|head_signed|leader_signed|returned|accepted"),
	CHOICE("grade", "评估等次", 0, 4, "准确|比较准确|基本准确|不准确"), DATE("rework_due", "整改期限", 0),
	DATE("submitted", "提交日期", 0),
};
static const struct lf_field risk_f[] = {
	REF("cycle", "年度", 1, "cycle"), REF("selfcheck", "自查表", 0, "selfcheck"), REF("post", "岗位", 0, "post"),
	REF("person", "人员", 0, "person"), REF("power", "职权", 0, "power"), REF("step", "流程环节", 0, "flow_step"),
	INT("seq", "序号", 0, 0, 9999), TEXT("description", "风险描述", 1, 2000), TEXT("category", "风险类别", 0, 50),
	TEXT("source", "风险来源", 0, 50), TEXT("found_by", "查找方式", 0, 50), INT("probability", "发生概率", 0, 1, 5),
	INT("severity", "危害程度", 0, 1, 5), INT("level_proposed", "建议等级", 0, 1, 3), INT("level", "风险等级", 0, 1, 3),
	TEXT("level_reason", "调整理由", 0, 1000), TEXT("remarks", "备注", 0, 1000), BOOL("retired", "已撤销"),
};
static const struct lf_field measure_f[] = {
	REF("risk", "风险点", 1, "risk"), INT("seq", "序号", 0, 0, 9999),
	CHOICE("stage", "防控阶段", 0, 4, "前期预防|中期监控|后期处置"), TEXT("content", "措施内容", 1, 5000),
	TEXT("rule", "相关制度", 0, 500), REF("responsible", "责任人", 0, "person"), REF("supervisor", "监督人", 0, "person"),
	DATE("due", "完成期限", 0), CHOICE("status", "状态", 1, 7, "planned|doing|done"), DATE("done", "完成日期", 0),
};
static const struct lf_field review_f[] = {
	REF("selfcheck", "自查表", 1, "selfcheck"), CHOICE("step", "审核环节", 1, 6, "submit|head|leader|assess|upper"),
	CHOICE("result", "审核结果", 0, 2, "同意|退回"), CHOICE("grade", "评估等次", 0, 4, "准确|比较准确|基本准确|不准确"),
	TEXT("opinion", "意见", 0, 5000), TEXT("signer", "签字人", 1, 50), DATE("signed", "签字日期", 1), DATE("rework_due", "整改期限", 0),
	{ "content_hash", "所签内容", LF_F_TEXT, NULL, 1, 64, 0, NULL },
};
static const struct lf_field opinion_f[] = {
	REF("cycle", "年度", 1, "cycle"), REF("dept", "处室", 0, "dept"),
	CHOICE("role", "签署人身份", 1, 5, "处室负责人|分管领导|主要领导|纪检组"), TEXT("text", "意见", 0, 5000),
	TEXT("signer", "签字人", 0, 50), DATE("signed", "签字日期", 0),
};
static const struct lf_field notice_f[] = {
	REF("cycle", "年度", 1, "cycle"), TEXT("title", "标题", 1, 200), TEXT("scope", "公示范围", 0, 200), DATE("start", "开始日期", 0),
	DATE("end", "结束日期", 0), CHOICE("status", "状态", 1, 6, "draft|open|closed|issued"), DATE("issued", "印发日期", 0),
	TEXT("body", "内容", 0, 20000),
};
static const struct lf_field comment_f[] = {
	REF("notice", "公示", 1, "notice"), REF("risk", "风险点", 0, "risk"), TEXT("author", "提出人", 0, 50),
	DATE("received", "收到日期", 0), TEXT("content", "意见内容", 1, 5000), TEXT("reply", "答复", 0, 5000), DATE("replied", "答复日期", 0),
};
static const struct lf_field task_f[] = {
	REF("cycle", "年度", 1, "cycle"), REF("risk", "风险点", 0, "risk"), REF("person", "对象", 0, "person"),
	TEXT("kind", "任务类型", 1, 50), DATE("due", "期限", 0), DATE("done", "完成日期", 0), TEXT("result", "结果", 0, 5000),
	TEXT("by_name", "经办人", 0, 50),
};
static const struct lf_field warning_f[] = {
	REF("cycle", "年度", 1, "cycle"), TEXT("source", "信息来源", 1, 50), REF("person", "涉及人员", 0, "person"),
	REF("risk", "风险点", 0, "risk"), DATE("received", "收到日期", 1), TEXT("content", "预警内容", 1, 5000),
	CHOICE("status", "状态", 1, 8, "open|disposed|closed"),
};
static const struct lf_field disposition_f[] = {
	REF("warning", "预警", 1, "warning"), DATE("done", "处置日期", 1), TEXT("kind", "处置方式", 1, 50),
	TEXT("by_name", "处置人", 0, 50), TEXT("content", "处置情况", 0, 5000),
};
static const struct lf_field inspection_f[] = {
	REF("cycle", "年度", 1, "cycle"), CODE("target_unit", "被检查单位", 1), REF("dept", "被检查处室", 0, "dept"), DATE("held", "检查日期", 1),
	TEXT("methods", "检查方式", 0, 500), TEXT("team", "检查组", 0, 500), TEXT("summary", "检查情况", 0, 20000),
	INT("score", "得分", 0, 0, 1000),
};
static const struct lf_field finding_f[] = {
	REF("inspection", "检查", 1, "inspection"), INT("question", "检查项", 0, 0, 6), INT("score", "得分", 0, 0, 100),
	TEXT("content", "发现问题", 1, 5000),
};
static const struct lf_field rectification_f[] = {
	REF("inspection", "检查", 0, "inspection"), REF("finding", "检查发现", 0, "finding"), CODE("target_unit", "整改单位", 1),
	REF("dept", "整改处室", 0, "dept"), REF("person", "整改责任人", 0, "person"), TEXT("doc_no", "文号", 0, 100),
	DATE("issued", "下发日期", 1), DATE("deadline", "整改期限", 1), TEXT("requirement", "整改要求", 1, 5000),
	CHOICE("status", "状态", 1, 8, "issued|verified"), DATE("verified", "验收日期", 0), TEXT("verify_note", "验收意见", 0, 2000),
};
static const struct lf_field response_f[] = {
	REF("rectification", "整改通知", 1, "rectification"), DATE("answered", "报告日期", 1), TEXT("content", "整改情况", 1, 5000),
};
static const struct lf_field accountability_f[] = {
	REF("cycle", "年度", 1, "cycle"), CHOICE("kind", "类别", 1, 2, "问责|表彰"), CODE("target_unit", "单位", 1),
	REF("dept", "处室", 0, "dept"), REF("person", "人员", 0, "person"), DATE("decided", "决定日期", 1),
	TEXT("reason", "事由", 1, 5000), TEXT("decision", "处理决定", 0, 2000), TEXT("doc_no", "文号", 0, 100),
};
static const struct lf_field summary_f[] = {
	REF("cycle", "年度", 1, "cycle"), TEXT("title", "标题", 1, 200), DATE("written", "日期", 0), TEXT("body", "正文", 0, 200000),
};

#define KIND(name, label) { #name, label, name##_f, (int)LF_COUNT(name##_f), NULL }
#define KEYED(name, label, key) { #name, label, name##_f, (int)LF_COUNT(name##_f), key }

const struct lf_kind lf_kinds[] = {
	KEYED(unit, "单位", "code"),
	KEYED(setting, "设置", "key"),
	KIND(dept, "处室"),
	KIND(post, "岗位"),
	KIND(person, "人员"),
	KEYED(cycle, "年度", "year"),
	KIND(plan, "实施方案"),
	KIND(group_member, "领导小组成员"),
	KIND(meeting, "会议"),
	KIND(power, "职权"),
	KIND(flow_step, "流程环节"),
	KIND(selfcheck, "自查表"),
	KIND(risk, "风险点"),
	KIND(measure, "防控措施"),
	KIND(review, "审核"),
	KIND(opinion, "汇总表意见"),
	KIND(notice, "公示"),
	KIND(comment, "公示意见"),
	KIND(task, "防控任务"),
	KIND(warning, "预警"),
	KIND(disposition, "处置"),
	KIND(inspection, "检查考核"),
	KIND(finding, "检查发现"),
	KIND(rectification, "整改通知"),
	KIND(response, "整改报告"),
	KIND(accountability, "问责表彰"),
	KIND(summary, "年度总结"),
};

const int lf_nkinds = (int)LF_COUNT(lf_kinds);

const struct lf_kind *lf_kind_find(const char *name)
{
	int i;

	for (i = 0; i < lf_nkinds; i++)
		if (!strcmp(lf_kinds[i].name, name))
			return &lf_kinds[i];
	return NULL;
}

int lf_field_index(const struct lf_kind *k, const char *field)
{
	int i;

	for (i = 0; i < k->nfields; i++)
		if (!strcmp(k->fields[i].name, field))
			return i;
	return -1;
}
