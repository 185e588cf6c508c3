// The CZeroMQ target only exposes Debian's libzmq headers to Swift; this file gives the
// target a compilation unit.
#include "czmq_shim.h"
