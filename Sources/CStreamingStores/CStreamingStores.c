// The header's functions are all inline; SwiftPM needs one source file per C target.
#include "CStreamingStores.h"
