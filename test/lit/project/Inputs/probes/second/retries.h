#define RETRIES_ON 1
