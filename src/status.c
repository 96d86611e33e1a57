/* status: messages for the status codes (include/lianfang/status.h). */
#include "lianfang/status.h"
#include "lianfang/embedded.h"

#include <string.h>

static const char *const messages[] = {
#define LF_STATUS_MSG(name, msg) msg,
	LF_STATUS_INFO(LF_STATUS_MSG)
#undef LF_STATUS_MSG
};

static const char *const names[] = {
#define LF_STATUS_NAME(name, msg) #name,
	LF_STATUS_INFO(LF_STATUS_NAME)
#undef LF_STATUS_NAME
};

const char *lf_status_msg(lf_status st)
{
	return st < LF_STATUS_COUNT ? messages[st] : "未知错误";
}

const char *lf_status_name(lf_status st)
{
	return st < LF_STATUS_COUNT ? names[st] : "UNKNOWN";
}

const struct lf_embedded *lf_embedded_find(const char *name)
{
	const struct lf_embedded *e;

	for (e = lf_embedded; e->name; e++)
		if (!strcmp(e->name, name))
			return e;
	return NULL;
}
