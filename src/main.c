/* lianfang (廉防): integrity-risk prevention for government offices. */
#include "lianfang/cli.h"

int main(int argc, char **argv)
{
	return lf_cli_main(argc, argv);
}
