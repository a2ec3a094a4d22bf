package de.stadtdialog.citizen.internal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client a rate limit counts. Behind a reverse proxy, set {@code server.forward-headers-strategy: native}
 * (or {@code framework}) so the servlet container reports the real client here, not the proxy; otherwise all
 * citizens share the proxy's limit.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
