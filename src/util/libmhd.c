/* libmhd.c: the libmicrohttpd functions brief (`brief serve`) and its test servers call,
 * forwarded to libmicrohttpd.so.12, opened the first time one of them is called
 * (util/dynlib.h says why). Without the library each returns NULL, MHD_NO or -1. */
#include <microhttpd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "util/dynlib.h"

#if MHD_VERSION < 0x00095100 || MHD_VERSION >= 0x01000000
#error "libmicrohttpd.so.12 is the library of libmicrohttpd 0.9.51 and later 0.9: check the soname below"
#endif

#define MHD_CALLS(X)                                                                                         \
	X(struct MHD_Daemon *, MHD_start_daemon_va,                                                          \
	  (unsigned flags, uint16_t port, MHD_AcceptPolicyCallback apc, void *apc_cls,                       \
	   MHD_AccessHandlerCallback dh, void *dh_cls, va_list ap),                                          \
	  (flags, port, apc, apc_cls, dh, dh_cls, ap), NULL)                                                 \
	X(int, MHD_get_connection_values,                                                                    \
	  (struct MHD_Connection * c, enum MHD_ValueKind kind, MHD_KeyValueIterator it, void *it_cls),       \
	  (c, kind, it, it_cls), -1)                                                                         \
	X(const char *, MHD_lookup_connection_value,                                                         \
	  (struct MHD_Connection * c, enum MHD_ValueKind kind, const char *key), (c, kind, key), NULL)       \
	X(enum MHD_Result, MHD_queue_response,                                                               \
	  (struct MHD_Connection * c, unsigned status, struct MHD_Response *r), (c, status, r), MHD_NO)      \
	X(struct MHD_Response *, MHD_create_response_from_buffer,                                            \
	  (size_t size, void *buffer, enum MHD_ResponseMemoryMode mode), (size, buffer, mode), NULL)         \
	X(enum MHD_Result, MHD_add_response_header,                                                          \
	  (struct MHD_Response * r, const char *name, const char *value), (r, name, value), MHD_NO)

#define MHD_VOID_CALLS(V)                                                                                    \
	V(MHD_stop_daemon, (struct MHD_Daemon * d), (d))                                                     \
	V(MHD_destroy_response, (struct MHD_Response * r), (r))

/* The variadic ones, written out below. */
#define MHD_VARARG_CALLS(A) A(MHD_get_connection_info) A(MHD_get_daemon_info)

DYNLIB_TABLE(MHD_CALLS, MHD_VOID_CALLS, MHD_VARARG_CALLS, MHD_NSYMS)

DYNLIB_LOADER("libmicrohttpd.so.12", "libmicrohttpd12", MHD_NSYMS)

MHD_CALLS(DYNLIB_WRAP)
MHD_VOID_CALLS(DYNLIB_VWRAP)

struct MHD_Daemon *(MHD_start_daemon)(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc,
                                      void *apc_cls, MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
	va_list ap;
	va_start(ap, dh_cls);
	struct MHD_Daemon *d = MHD_start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls, ap);
	va_end(ap);
	return d;
}

/* The information kinds brief asks for (a connection's socket, a daemon's port) take no
 * argument after the kind. */
const union MHD_ConnectionInfo *(MHD_get_connection_info)(struct MHD_Connection *c,
                                                          enum MHD_ConnectionInfoType type, ...)
{
	if (!ready())
		return NULL;
	return ((const union MHD_ConnectionInfo *(*)(struct MHD_Connection *, enum MHD_ConnectionInfoType,
	                                             ...))syms[I_MHD_get_connection_info])(c, type);
}

const union MHD_DaemonInfo *(MHD_get_daemon_info)(struct MHD_Daemon *d, enum MHD_DaemonInfoType type, ...)
{
	if (!ready())
		return NULL;
	return ((const union MHD_DaemonInfo *(*)(struct MHD_Daemon *, enum MHD_DaemonInfoType,
	                                         ...))syms[I_MHD_get_daemon_info])(d, type);
}
