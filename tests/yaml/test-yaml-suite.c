#include "test-common.h"
int main(void) { return 0; } /* placeholder: being written */
