package de.stadtdialog.citizen.internal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client a rate limit counts. Behind a reverse proxy, {@code server.forward-headers-strategy} makes the
 * servlet container report the real client here (see docs/operations.md).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
