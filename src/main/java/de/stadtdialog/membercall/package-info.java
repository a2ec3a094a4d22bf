/**
 * Calls for members of a working group or advisory board (template T2, process {@code MemberCallProcess}): the
 * call and its four-eyes approval, applications with pseudonymous codes and duplicate flags, the eligibility
 * check, nominations for the non-citizen seats, and the verifiable lottery (through the {@code lottery} module)
 * when more eligible citizens apply than there are seats; notifications, replacement from the reserve list, and
 * deletion of personal data on schedule. Staff pages under {@code /aufrufe}, public pages under
 * {@code /oeffentlich/aufrufe}, applying under {@code /buerger/aufrufe}.
 */
package de.stadtdialog.membercall;
