#ifndef RNNBOOK_CPROCESS_SHIM_H
#define RNNBOOK_CPROCESS_SHIM_H
// Process control the grading workers need that Swift cannot call directly (prctl is
// variadic, CMSG_* are macros) or that Swift's Glibc module may not offer (fork).
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <string.h>
#include <errno.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

/// Makes this process the reaper of its orphaned descendants, so that a process forked by a
/// child that then exits becomes this process's child (and `waitpid` reports how it ended).
/// Returns 0 on success, -1 where the system has no such setting.
static inline int rnnbook_become_child_subreaper(void) {
#if defined(__linux__) && defined(PR_SET_CHILD_SUBREAPER)
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
#else
    return -1;
#endif
}

/// fork(2).
static inline pid_t rnnbook_fork(void) { return fork(); }

/// Room for the control message that carries two descriptors.
union rnnbook_descriptor_control {
    char buffer[CMSG_SPACE(2 * sizeof(int))];
    struct cmsghdr align;
};

/// Sets `message` up for one byte of data (`byte`, through `io`) and two descriptors.
static inline void rnnbook_prepare_message(struct msghdr *message, struct iovec *io, char *byte,
                                           union rnnbook_descriptor_control *control) {
    io->iov_base = byte;
    io->iov_len = 1;
    memset(control, 0, sizeof *control);
    memset(message, 0, sizeof *message);
    message->msg_iov = io;
    message->msg_iovlen = 1;
    message->msg_control = control->buffer;
    message->msg_controllen = sizeof control->buffer;
}

/// Sends two file descriptors over the Unix socket `socket` (SCM_RIGHTS), with one byte of
/// data. Returns 0 on success, -1 on failure.
static inline int rnnbook_send_descriptors(int socket, int first, int second) {
    char byte = 'F';
    struct iovec io;
    union rnnbook_descriptor_control control;
    struct msghdr message;
    rnnbook_prepare_message(&message, &io, &byte, &control);
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(2 * sizeof(int));
    int descriptors[2] = { first, second };
    memcpy(CMSG_DATA(header), descriptors, sizeof descriptors);
    ssize_t sent;
    do { sent = sendmsg(socket, &message, MSG_NOSIGNAL); } while (sent < 0 && errno == EINTR);
    return sent == 1 ? 0 : -1;
}

/// Receives what `rnnbook_send_descriptors` sent. Returns 1 with the two descriptors set, 0
/// at the end of the input, -1 on an error or a message without two descriptors.
static inline int rnnbook_receive_descriptors(int socket, int *first, int *second) {
    char byte = 0;
    struct iovec io;
    union rnnbook_descriptor_control control;
    struct msghdr message;
    rnnbook_prepare_message(&message, &io, &byte, &control);
    ssize_t received;
    do { received = recvmsg(socket, &message, 0); } while (received < 0 && errno == EINTR);
    if (received == 0) return 0;
    if (received < 0) return -1;
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    if (header == NULL || header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS
        || header->cmsg_len != CMSG_LEN(2 * sizeof(int))) return -1;
    int descriptors[2];
    memcpy(descriptors, CMSG_DATA(header), sizeof descriptors);
    *first = descriptors[0];
    *second = descriptors[1];
    return 1;
}

#endif
