/* status: the one list of status codes every module returns, with the message
 * shown to users. Details (which field, row, file) go in the database handle's
 * error text; the code says what kind of failure it was. */
#ifndef LIANFANG_STATUS_H
#define LIANFANG_STATUS_H

#define LF_STATUS_INFO(_) \
	_(OK,        "成功") \
	_(NOMEM,     "内存不足") \
	_(IO,        "文件读写失败") \
	_(NOTFOUND,  "找不到") \
	_(EXISTS,    "已经存在") \
	_(NOTDB,     "不是 SQLite 数据库文件") \
	_(CORRUPT,   "数据库文件已损坏") \
	_(FOREIGN,   "不是廉防的数据库") \
	_(NEWER,     "数据库来自更新版本的廉防") \
	_(OLDER,     "数据库版本较旧，需要升级") \
	_(READONLY,  "文件或目录只读") \
	_(BUSY,      "数据库正被另一个程序写入") \
	_(INVALID,   "输入有误") \
	_(DENIED,    "无权执行此操作") \
	_(STATE,     "当前状态不允许此操作") \
	_(CONFLICT,  "记录存在冲突") \
	_(SQL,       "数据库内部错误") \
	_(USAGE,     "用法错误") \
	_(INTERNAL,  "程序内部错误")

enum lf_status {
#define LF_STATUS_ENUM(name, msg) LF_##name,
	LF_STATUS_INFO(LF_STATUS_ENUM)
#undef LF_STATUS_ENUM
	LF_STATUS_COUNT
};

typedef enum lf_status lf_status;

/* The user-facing message for a status (Chinese, static storage). */
const char *lf_status_msg(lf_status st);

/* The status name, e.g. "NOTDB" (for logs and tests). */
const char *lf_status_name(lf_status st);

#endif
