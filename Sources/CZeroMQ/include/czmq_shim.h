#ifndef BEAMTIME_CZMQ_SHIM_H
#define BEAMTIME_CZMQ_SHIM_H
#include <zmq.h>
#endif
